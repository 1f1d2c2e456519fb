// Waymark's built-in templates (blank, digital-journey, b2b) and the bundled sample project.
// They are compiled into the executable from the sources in templates/.
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

// The built-in template called name as it was compiled, ids and all; instantiate() is what
// makes a new project of it. The blank map is read from its source, not through the checks of
// ProjectFile::read, which are for files from elsewhere: it is what start-up reads.
std::optional<Project> builtIn(const QString &name, StorageError *error);

// A new project from the built-in template called nameOrPath, or else from the project file
// at that path (any project file can serve as a template). Every id in it is new.
std::optional<Project> instantiate(const QString &nameOrPath, StorageError *error);

} // namespace Waymark::Templates
