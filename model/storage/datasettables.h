// The tables that hold imported rows, one per dataset: dataset_rows_N, where N is a counter
// kept in the registry table dataset_tables, never anything a person typed. The registry
// says, for each such table, what Waymark created it with, so that the check of an untrusted
// file can rebuild the exact SQL of every table and index it allows (see FORMAT.md).
#pragma once

#include "../enums.h"
#include "schema.h"

#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace Waymark::Sql {
class Database;
}

namespace Waymark::DatasetTables {

// What a rows table is made of: its number, the storage of each data column (c1, c2, ...),
// and which of them (1-based, 0 for none) is the key, indexed for updates by key.
struct Shape
{
    qint64 number = 0;
    QList<ColumnType> types;
    int keyColumn = 0;

    bool operator==(const Shape &) const = default;
};

// More than any file needs; a registry past it is refused as damaged.
inline constexpr qsizetype MaxTables = 10000;
inline constexpr qsizetype MaxColumns = 1000;

QString tableName(qint64 number);
QString columnName(qsizetype index); // "c1" for index 0
QString storageClass(ColumnType type);

// The statements that create the table and its indexes, exactly as sqlite_schema keeps them.
QStringList createStatements(const Shape &shape);

// The schema objects of that table, as Schema::read() returns them.
QList<Schema::SchemaObject> schemaObjects(const Shape &shape);

// Creates the table and its indexes and enters it in the registry for datasetId, in the
// caller's transaction. touchpointsFrom is the 1-based column whose values the rows'
// touchpoint_id was matched from, 0 for none.
bool create(Sql::Database &db, const Shape &shape, const QString &datasetId, int touchpointsFrom,
            QString *error);

// As create(), but without the indexes, which createIndexes() adds once the rows are in:
// sorting a million keys once costs far less than keeping an index sorted row by row.
bool createWithoutIndexes(Sql::Database &db, const Shape &shape, const QString &datasetId,
                          int touchpointsFrom, QString *error);
bool createIndexes(Sql::Database &db, const Shape &shape, QString *error);

// The next free table number: one more than any in the registry.
std::optional<qint64> nextNumber(Sql::Database &db);

// The registry of a (possibly untrusted) file, each entry checked: nullopt, with the reason
// in *problem, when an entry is malformed or there are more than MaxTables.
std::optional<QList<Shape>> readRegistry(Sql::Database &db, QString *problem);

// The shape of one registered table; nullopt when it is not registered.
std::optional<Shape> shapeOf(Sql::Database &db, qint64 number);

// The column the rows' touchpoint_id was last matched from (1-based, 0 for none).
int touchpointsFrom(Sql::Database &db, qint64 number);
bool setTouchpointsFrom(Sql::Database &db, qint64 number, int column, QString *error);

// Drops the rows tables no dataset refers to any more (datasets removed or undone since the
// file was opened) and their registry entries: what saving does to the saved copy. *dropped
// says how many went.
bool dropUnreferenced(Sql::Database &db, QString *error, int *dropped = nullptr);

} // namespace Waymark::DatasetTables
