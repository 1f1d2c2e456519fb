// The readable JSON form of Waymark's built-in templates and sample project (described in
// resources/templates/README.md), turned into a Project by the build's template compiler.
#pragma once

#include "entities.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Waymark::TemplateSource {

// Every id of a compiled template is a version 5 UUID of this namespace and a path naming
// the entity ("digital-journey/map/Digital customer journey/touchpoint/Checkout"), so that
// two builds of the same source produce byte-for-byte the same ids.
QUuid idNamespace();
Id idFor(const QString &path);

// Builds the project that the JSON source describes. templateName (the source's file name
// without ".json") prefixes every id path. On failure, error says where in the source the
// problem is and what it is.
std::optional<Project> parse(const QByteArray &json, const QString &templateName, QString *error);

} // namespace Waymark::TemplateSource
