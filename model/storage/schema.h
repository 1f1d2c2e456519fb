// The tables of the project file, and the list of schema objects a file of each format
// version must have: nothing more, nothing less.
#pragma once

#include <QList>
#include <QString>

namespace Waymark::Sql {
class Database;
}

namespace Waymark::Schema {

struct SchemaObject
{
    QString type; // table, index, view, trigger
    QString name;
    QString table;
    QString sql; // null for SQLite's automatic indexes

    bool operator==(const SchemaObject &) const = default;
};

// The DDL of format 1. Later formats are format 1 followed by the migrations.
QString formatOneDdl();

// Creates the schema of formatVersion in an empty database and sets its user_version.
bool create(Sql::Database &db, int formatVersion, QString *error = nullptr);

// The schema objects of a database, in a stable order, leaving out the statistics tables
// that ANALYZE may add.
QList<SchemaObject> read(Sql::Database &db);

// What read() returns for a file of formatVersion made by Waymark (computed once by
// building that schema in memory).
QList<SchemaObject> expected(int formatVersion);

} // namespace Waymark::Schema
