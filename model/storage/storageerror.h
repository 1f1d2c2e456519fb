// Why a project file could not be opened, checked or saved, in words for the person who
// asked, and a code for callers (and the command line's exit status).
#pragma once

#include <QString>

namespace Waymark {

enum class StorageErrorCode
{
    None,
    CannotRead,     // missing, unreadable, a folder
    NotSqlite,      // not an SQLite database at all (a text file, an image...)
    NotWaymark,     // an SQLite database of another program
    NewerFormat,    // made by a newer Waymark
    Damaged,        // fails SQLite's integrity checks or Waymark's consistency checks
    ForeignObjects, // holds tables, views, triggers or indexes Waymark did not create
    TooLarge,       // exceeds one of the bounds Waymark loads
    CannotWrite,    // saving or creating the working copy failed
    Cancelled,
};

struct StorageError
{
    StorageErrorCode code = StorageErrorCode::None;
    QString message; // one or two plain sentences with the way out
    QString detail;  // what SQLite or the check said, for a "Details" button and logs

    explicit operator bool() const { return code != StorageErrorCode::None; }
};

} // namespace Waymark
