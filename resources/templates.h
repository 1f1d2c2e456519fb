// Waymark's built-in templates (blank, digital-journey, b2b) and the bundled sample project.
// They are project files compiled into the executable from the sources in templates/.
#pragma once

#include "entities.h"
#include "storage/storageerror.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Waymark::Templates {

// The built-in template names, as `waymark new --template` spells them.
QStringList names();

// A translated name for menus ("Digital customer journey").
QString displayName(const QString &name);

// A new project from the built-in template called nameOrPath, or else from the project file
// at that path (any project file can serve as a template). Every id in it is new.
std::optional<Project> instantiate(const QString &nameOrPath, StorageError *error);

} // namespace Waymark::Templates
