#include "datasettables.h"

#include "../logging.h"
#include "sqlite.h"

#include <sqlite3.h>

namespace Waymark::DatasetTables {

namespace {

QString typesText(const QList<ColumnType> &types)
{
    QStringList keys;
    keys.reserve(types.size());
    for (ColumnType type : types)
        keys.append(toKey(type));
    return keys.join(u',');
}

std::optional<QList<ColumnType>> typesFromText(const QString &text)
{
    QList<ColumnType> types;
    if (text.isEmpty())
        return types;
    const QStringList keys = text.split(u',');
    if (keys.size() > MaxColumns)
        return std::nullopt;
    for (const QString &key : keys) {
        const std::optional<ColumnType> type = fromKey<ColumnType>(key);
        if (!type)
            return std::nullopt;
        types.append(*type);
    }
    return types;
}

QString indexByTouchpoint(qint64 number)
{
    return tableName(number) + QStringLiteral("_by_touchpoint");
}

QString indexByKey(qint64 number)
{
    return tableName(number) + QStringLiteral("_by_key");
}

bool execAll(Sql::Database &db, const QStringList &statements, QString *error)
{
    for (const QString &statement : statements) {
        if (!db.exec(statement)) {
            if (error)
                *error = db.errorMessage();
            return false;
        }
    }
    return true;
}

} // namespace

QString tableName(qint64 number)
{
    return QStringLiteral("dataset_rows_%1").arg(number);
}

QString columnName(qsizetype index)
{
    return QStringLiteral("c%1").arg(index + 1);
}

QString storageClass(ColumnType type)
{
    switch (type) {
    case ColumnType::Integer:
    case ColumnType::Boolean:
        return QStringLiteral("INTEGER");
    case ColumnType::Decimal:
        return QStringLiteral("REAL");
    case ColumnType::DateTime:
    case ColumnType::Text:
        break;
    }
    return QStringLiteral("TEXT");
}

QStringList createStatements(const Shape &shape)
{
    // One line each, so that the text sqlite_schema keeps is easy to rebuild and compare.
    QString table = QStringLiteral("CREATE TABLE %1 (row_number INTEGER PRIMARY KEY, "
                                   "touchpoint_id TEXT, first_of_key INTEGER NOT NULL DEFAULT 1")
                        .arg(tableName(shape.number));
    for (qsizetype i = 0; i < shape.types.size(); ++i)
        table += QStringLiteral(", %1 %2").arg(columnName(i), storageClass(shape.types[i]));
    table += u')';

    QStringList statements = {table,
                              QStringLiteral("CREATE INDEX %1 ON %2(touchpoint_id)")
                                  .arg(indexByTouchpoint(shape.number), tableName(shape.number))};
    if (shape.keyColumn > 0)
        statements.append(QStringLiteral("CREATE INDEX %1 ON %2(%3)")
                              .arg(indexByKey(shape.number), tableName(shape.number),
                                   columnName(shape.keyColumn - 1)));
    return statements;
}

QList<Schema::SchemaObject> schemaObjects(const Shape &shape)
{
    const QStringList statements = createStatements(shape);
    const QString table = tableName(shape.number);
    QList<Schema::SchemaObject> objects = {
        {QStringLiteral("table"), table, table, statements[0]},
        {QStringLiteral("index"), indexByTouchpoint(shape.number), table, statements[1]}};
    if (shape.keyColumn > 0)
        objects.append({QStringLiteral("index"), indexByKey(shape.number), table, statements[2]});
    return objects;
}

bool createWithoutIndexes(Sql::Database &db, const Shape &shape, const QString &datasetId,
                          int touchpointsFrom, QString *error)
{
    if (!execAll(db, createStatements(shape).first(1), error))
        return false;
    Sql::Statement st(db, QStringLiteral("INSERT INTO dataset_tables (number, dataset_id, "
                                         "column_types, key_column, touchpoints_from) "
                                         "VALUES (?, ?, ?, ?, ?)"));
    st.bind(1, shape.number);
    st.bind(2, datasetId);
    st.bind(3, typesText(shape.types));
    st.bind(4, shape.keyColumn);
    st.bind(5, touchpointsFrom);
    if (!st.run()) {
        if (error)
            *error = db.errorMessage();
        return false;
    }
    return true;
}

bool createIndexes(Sql::Database &db, const Shape &shape, QString *error)
{
    return execAll(db, createStatements(shape).sliced(1), error);
}

bool create(Sql::Database &db, const Shape &shape, const QString &datasetId, int touchpointsFrom,
            QString *error)
{
    return createWithoutIndexes(db, shape, datasetId, touchpointsFrom, error) &&
           createIndexes(db, shape, error);
}

std::optional<qint64> nextNumber(Sql::Database &db)
{
    const std::optional<qint64> last =
        db.queryInt(QStringLiteral("SELECT coalesce(max(number), 0) FROM dataset_tables"));
    if (!last)
        return std::nullopt;
    return *last + 1;
}

std::optional<QList<Shape>> readRegistry(Sql::Database &db, QString *problem)
{
    const std::optional<qint64> count =
        db.queryInt(QStringLiteral("SELECT count(*) FROM dataset_tables"));
    if (!count) {
        *problem = db.errorMessage();
        return std::nullopt;
    }
    if (*count > MaxTables) {
        *problem = QStringLiteral("the registry lists %1 tables of rows, more than the %2 "
                                  "Waymark allows")
                       .arg(*count)
                       .arg(MaxTables);
        return std::nullopt;
    }

    QList<Shape> shapes;
    Sql::Statement st(db, QStringLiteral("SELECT number, column_types, key_column "
                                         "FROM dataset_tables ORDER BY number"));
    while (st.next()) {
        Shape shape;
        shape.number = st.integer(0);
        const std::optional<QList<ColumnType>> types =
            st.type(1) == SQLITE_TEXT ? typesFromText(st.text(1)) : std::nullopt;
        const qint64 key = st.integer(2);
        if (shape.number <= 0 || shape.number > (qint64(1) << 40)) {
            *problem = QStringLiteral("the registry has a table number out of range");
            return std::nullopt;
        }
        if (!types) {
            *problem = QStringLiteral("the registry entry of %1 has unknown column types")
                           .arg(tableName(shape.number));
            return std::nullopt;
        }
        shape.types = *types;
        if (key < 0 || key > shape.types.size()) {
            *problem = QStringLiteral("the registry entry of %1 has a key column out of range")
                           .arg(tableName(shape.number));
            return std::nullopt;
        }
        shape.keyColumn = int(key);
        shapes.append(shape);
    }
    if (!st.ok()) {
        *problem = db.errorMessage();
        return std::nullopt;
    }
    return shapes;
}

std::optional<Shape> shapeOf(Sql::Database &db, qint64 number)
{
    Sql::Statement st(db, QStringLiteral("SELECT column_types, key_column FROM dataset_tables "
                                         "WHERE number = ?"));
    st.bind(1, number);
    if (!st.next())
        return std::nullopt;
    const std::optional<QList<ColumnType>> types = typesFromText(st.text(0));
    if (!types)
        return std::nullopt;
    return Shape{number, *types, int(st.integer(1))};
}

int touchpointsFrom(Sql::Database &db, qint64 number)
{
    Sql::Statement st(db, QStringLiteral("SELECT touchpoints_from FROM dataset_tables "
                                         "WHERE number = ?"));
    st.bind(1, number);
    return st.next() ? int(st.integer(0)) : 0;
}

bool setTouchpointsFrom(Sql::Database &db, qint64 number, int column, QString *error)
{
    Sql::Statement st(db, QStringLiteral("UPDATE dataset_tables SET touchpoints_from = ? "
                                         "WHERE number = ?"));
    st.bind(1, column);
    st.bind(2, number);
    if (st.run())
        return true;
    if (error)
        *error = db.errorMessage();
    return false;
}

bool dropUnreferenced(Sql::Database &db, QString *error, int *dropped)
{
    QList<qint64> unused;
    {
        Sql::Statement st(db,
                          QStringLiteral("SELECT number FROM dataset_tables WHERE number NOT IN "
                                         "(SELECT rows_table FROM dataset_sources "
                                         "WHERE rows_table IS NOT NULL) ORDER BY number"));
        while (st.next())
            unused.append(st.integer(0));
        if (!st.ok()) {
            if (error)
                *error = db.errorMessage();
            return false;
        }
    }
    for (qint64 number : std::as_const(unused)) {
        if (!db.exec(QStringLiteral("DROP TABLE IF EXISTS %1").arg(tableName(number))) ||
            !db.exec(QStringLiteral("DELETE FROM dataset_tables WHERE number = %1").arg(number))) {
            if (error)
                *error = db.errorMessage();
            return false;
        }
    }
    if (dropped)
        *dropped = int(unused.size());
    if (!unused.isEmpty())
        qCInfo(lcStorage) << "dropped" << unused.size() << "tables of rows no dataset uses";
    return true;
}

} // namespace Waymark::DatasetTables
