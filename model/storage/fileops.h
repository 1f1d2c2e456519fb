// The steps shared by reading, checking, opening and saving project files. Private to the
// storage code; the rest of Waymark uses projectfile.h and Document.
#pragma once

#include "../document.h"
#include "projectfile.h"
#include "sqlite.h"

namespace Waymark::FileOps {

// Examines an untrusted file: its header, then (opened read-only with the defensive
// configuration) SQLite's quick_check and foreign_key_check, then its schema against the
// objects Waymark creates for its format. With collectAll, carries on after a problem where
// it can, for `waymark check`; otherwise stops at the first.
struct Inspection
{
    StorageError error;
    int formatVersion = 0;
    QList<ProjectFile::Problem> problems;
    Sql::Database db; // open read-only when the file could be opened
};
Inspection inspect(const QString &path, bool collectAll);

// Copies the untrusted file at path to copyPath (a new file) and examines the copy as
// inspect() does, with one difference: SQLite's integrity check covers only the tables the
// project is read from, and their indexes. The tables of imported rows are left to
// checkDeferred(), which runs after the map is shown. The Inspection's db is the copy, open
// read-write, for load()'s place: migrateAndRead().
Inspection inspectCopy(const QString &path, const QString &copyPath);

// Copies a regular file's bytes to a new file by the kernel (copy_file_range), or by reading
// and writing where the kernel cannot. Links are not followed.
bool copyFile(const QString &from, const QString &to, QString *error);

// What checkDeferred() found: the datasets whose table of rows is damaged, and every problem
// (damage outside the tables of rows too, when no table of rows accounts for it).
struct DeferredCheck
{
    QList<Id> damaged;
    QList<ProjectFile::Problem> problems;
    bool interrupted = false; // sqlite3_interrupt() stopped it: nothing is known
};

// The part of the integrity check that opening leaves for later: SQLite's quick_check over
// the whole file and, when that finds anything, over each table of rows (dataset, N of
// dataset_rows_N) to tell which datasets are damaged. Only reads; db may be a connection of
// its own on any thread.
DeferredCheck checkDeferred(Sql::Database &db, const QList<QPair<Id, qint64>> &rowsTables);

// Copies the inspected file into dest (a fresh database: a working copy or :memory:),
// migrates it there to the current format and reads the project from it, checking its
// consistency. Returns nullopt with error set when the project cannot be used.
std::optional<Project> load(Inspection &inspection, Sql::Database &dest, StorageError *error,
                            QList<ProjectFile::Problem> *problems = nullptr);

// The second half of load(): migrates db (a copy of the file) to the current format and
// reads the project from it, checking its consistency.
std::optional<Project> migrateAndRead(Sql::Database &db, int formatVersion, StorageError *error,
                                      QList<ProjectFile::Problem> *problems = nullptr);

// Copies source into a temporary file beside target, makes it a rollback-journal database,
// checks that it is whole (see FORMAT.md), syncs it to disk and renames it over target. Target is
// never half-written: on any failure or cancellation it is left as it was and the temporary file is
// removed.
bool replaceAtomically(Sql::Database &source, const QString &target, StorageError *error,
                       const SaveProgress &options = {});

// Copies every page of source into dest with SQLite's backup API.
bool copyDatabase(Sql::Database &source, Sql::Database &dest, QString *error,
                  const SaveProgress &options = {});

// Creates the current schema in an empty database, marks it as Waymark's and writes the
// project into it, in one transaction.
bool initialise(Sql::Database &db, const Project &project, QString *error);

} // namespace Waymark::FileOps
