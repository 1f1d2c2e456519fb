#include "schema.h"

#include "migrations.h"
#include "sqlite.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

namespace Waymark::Schema {

// Format 1, exactly as the first Waymark release created it. Later formats are reached by
// the migrations in migrations.cpp, never by editing this text: every file of format N,
// however it was made, then has the same schema text, which is what the check on open
// compares against. FORMAT.md documents every table and column.
QString formatOneDdl()
{
    return QStringLiteral(R"sql(
CREATE TABLE project (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    created TEXT NOT NULL,
    generator TEXT NOT NULL
);

CREATE TABLE maps (
    id TEXT PRIMARY KEY NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('current', 'future')),
    description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE stages (
    id TEXT PRIMARY KEY NOT NULL,
    map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    color TEXT NOT NULL DEFAULT '',
    width INTEGER NOT NULL DEFAULT 0 CHECK (width >= 0)
);
CREATE INDEX stages_by_map ON stages(map_id, position);

CREATE TABLE lanes (
    id TEXT PRIMARY KEY NOT NULL,
    map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    color TEXT NOT NULL DEFAULT ''
);
CREATE INDEX lanes_by_map ON lanes(map_id, position);

CREATE TABLE touchpoints (
    id TEXT PRIMARY KEY NOT NULL,
    map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    stage_id TEXT NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
    lane_id TEXT NOT NULL REFERENCES lanes(id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 0),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    channel TEXT NOT NULL,
    devices TEXT NOT NULL DEFAULT '',
    owner TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    evidence TEXT NOT NULL,
    color TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX touchpoints_by_map ON touchpoints(map_id);
CREATE INDEX touchpoints_by_stage ON touchpoints(stage_id);
CREATE INDEX touchpoints_by_lane ON touchpoints(lane_id);

CREATE TABLE connectors (
    id TEXT PRIMARY KEY NOT NULL,
    map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    from_id TEXT NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
    to_id TEXT NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
    direction TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT ''
);
CREATE INDEX connectors_by_map ON connectors(map_id);
CREATE INDEX connectors_by_from ON connectors(from_id);
CREATE INDEX connectors_by_to ON connectors(to_id);

CREATE TABLE annotations (
    id TEXT PRIMARY KEY NOT NULL,
    map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    touchpoint_id TEXT REFERENCES touchpoints(id) ON DELETE CASCADE,
    stage_id TEXT REFERENCES stages(id) ON DELETE CASCADE,
    lane_id TEXT REFERENCES lanes(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    severity INTEGER NOT NULL DEFAULT 0 CHECK (severity BETWEEN 0 AND 5),
    author TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    CHECK (touchpoint_id IS NOT NULL OR (stage_id IS NOT NULL AND lane_id IS NOT NULL))
);
CREATE INDEX annotations_by_map ON annotations(map_id);
CREATE INDEX annotations_by_touchpoint ON annotations(touchpoint_id);
CREATE INDEX annotations_by_stage ON annotations(stage_id);
CREATE INDEX annotations_by_lane ON annotations(lane_id);

CREATE TABLE personas (
    id TEXT PRIMARY KEY NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    photo BLOB,
    quote TEXT NOT NULL DEFAULT '',
    age TEXT NOT NULL DEFAULT '',
    gender TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    occupation TEXT NOT NULL DEFAULT '',
    socioeconomic TEXT NOT NULL DEFAULT '',
    lifestyle TEXT NOT NULL DEFAULT '',
    interests TEXT NOT NULL DEFAULT '',
    opinions TEXT NOT NULL DEFAULT '',
    likes TEXT NOT NULL DEFAULT '',
    dislikes TEXT NOT NULL DEFAULT '',
    attitudes TEXT NOT NULL DEFAULT '',
    goals TEXT NOT NULL DEFAULT '',
    frustrations TEXT NOT NULL DEFAULT '',
    needs TEXT NOT NULL DEFAULT '',
    preferred_channels TEXT NOT NULL DEFAULT '',
    preferred_devices TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT '',
    organisation TEXT NOT NULL DEFAULT '',
    segment TEXT NOT NULL DEFAULT '',
    decision_power TEXT NOT NULL DEFAULT '',
    business_value REAL NOT NULL DEFAULT 1.0 CHECK (business_value >= 0),
    color TEXT NOT NULL DEFAULT ''
);

CREATE TABLE datasets (
    id TEXT PRIMARY KEY NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    format TEXT NOT NULL,
    source_file TEXT NOT NULL DEFAULT '',
    imported TEXT NOT NULL,
    row_count INTEGER NOT NULL DEFAULT 0 CHECK (row_count >= 0)
);

CREATE TABLE dataset_columns (
    dataset_id TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    type TEXT NOT NULL,
    PRIMARY KEY (dataset_id, position)
);
)sql");
}

bool isSqliteInternal(const QString &name)
{
    // sqlite_stat1..4 appear when someone runs ANALYZE on the file in their own tools; they
    // only steer the query planner. Every other sqlite_ name is SQLite's own bookkeeping.
    return name.startsWith(QLatin1String("sqlite_stat"));
}

QList<SchemaObject> read(Sql::Database &db)
{
    QList<SchemaObject> objects;
    Sql::Statement st(db, QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_schema "
                                         "ORDER BY type, name"));
    while (st.next()) {
        SchemaObject o{st.text(0), st.text(1), st.text(2), st.text(3)};
        if (!isSqliteInternal(o.name))
            objects.append(o);
    }
    return objects;
}

QList<SchemaObject> expected(int formatVersion)
{
    static QMutex mutex;
    static QHash<int, QList<SchemaObject>> cache;

    QMutexLocker lock(&mutex);
    const auto it = cache.constFind(formatVersion);
    if (it != cache.constEnd())
        return *it;

    Sql::Database db;
    QList<SchemaObject> objects;
    if (db.open(QStringLiteral(":memory:"), Sql::Database::Mode::Create) &&
        create(db, formatVersion)) {
        objects = read(db);
    }
    cache.insert(formatVersion, objects);
    return objects;
}

bool create(Sql::Database &db, int formatVersion, QString *error)
{
    if (!db.exec(formatOneDdl())) {
        if (error)
            *error = db.errorMessage();
        return false;
    }
    return Migrations::apply(db, 1, formatVersion, Migrations::all(), error);
}

} // namespace Waymark::Schema
