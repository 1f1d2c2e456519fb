// The .waymark project file, seen from outside the storage code: reading one (as untrusted
// input), writing a new one, and checking one for every problem it has. The format itself
// is described in FORMAT.md beside this header.
#pragma once

#include "../entities.h"
#include "storageerror.h"

#include <QList>
#include <QString>

#include <optional>

namespace Waymark::ProjectFile {

// PRAGMA application_id of every Waymark project: "WYMK" in ASCII.
inline constexpr qint32 ApplicationId = 0x57594D4B;

// PRAGMA user_version of the files this build writes.
int currentFormatVersion();

// The file-name suffix, without the dot.
inline constexpr char16_t Suffix[] = u"waymark";

// Reads the project in the file at path, checking it as described in FORMAT.md, migrating
// an older format in memory only. The file is never written to.
std::optional<Project> read(const QString &path, StorageError *error);

// Writes project as a new project file at path, replacing any file there atomically.
bool write(const Project &project, const QString &path, StorageError *error);

struct Problem
{
    QString where; // "touchpoint 3f2a… (Checkout)", "table stages", "file"
    QString what;
};

struct CheckReport
{
    // Set when the file could not be examined at all (not a Waymark project, newer format);
    // problems then holds what was found before giving up.
    StorageError fatal;
    int formatVersion = 0;
    QList<Problem> problems;
};

// Examines the file without changing it and lists every problem it finds: SQLite's
// integrity and foreign key checks, objects Waymark did not create, values out of range,
// references between entities that do not resolve.
CheckReport check(const QString &path);

} // namespace Waymark::ProjectFile
