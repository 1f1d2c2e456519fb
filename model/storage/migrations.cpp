#include "migrations.h"

#include "../logging.h"
#include "sqlite.h"

#include <QElapsedTimer>

namespace Waymark::Migrations {

namespace {

// Format 2: persona journeys. Each row is one step of a persona's path on a map. The
// persona's key is checked at commit rather than at each statement: the working copy writes
// a map with everything in it (its steps too) before the personas of the same edit.
bool addPersonaSteps(Sql::Database &db, QString *error)
{
    const bool ok = db.exec(QStringLiteral(R"sql(
CREATE TABLE persona_steps (
    id TEXT PRIMARY KEY NOT NULL,
    map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    persona_id TEXT NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    touchpoint_id TEXT NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 0),
    emotion INTEGER CHECK (emotion BETWEEN -3 AND 3),
    feeling TEXT NOT NULL DEFAULT ''
);
CREATE INDEX persona_steps_by_map ON persona_steps(map_id);
CREATE INDEX persona_steps_by_persona ON persona_steps(persona_id, map_id, position);
CREATE INDEX persona_steps_by_touchpoint ON persona_steps(touchpoint_id);
)sql"));
    if (!ok && error)
        *error = db.errorMessage();
    return ok;
}

// Format 3: imported rows. Each dataset's rows get a table of their own, created by the
// importer and listed in the registry dataset_tables (see datasettables.h); the registry has
// no key to datasets because an import that is undone keeps its table until the next save.
// Datasets of older files never held rows: they get an empty mapping and no table, and
// keep the row count their import reported.
bool addDatasetRows(Sql::Database &db, QString *error)
{
    const bool ok = db.exec(QStringLiteral(R"sql(
CREATE TABLE dataset_tables (
    number INTEGER PRIMARY KEY CHECK (number > 0),
    dataset_id TEXT NOT NULL,
    column_types TEXT NOT NULL,
    key_column INTEGER NOT NULL DEFAULT 0 CHECK (key_column >= 0),
    touchpoints_from INTEGER NOT NULL DEFAULT 0 CHECK (touchpoints_from >= 0)
);
CREATE TABLE dataset_sources (
    dataset_id TEXT PRIMARY KEY NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    rows_table INTEGER UNIQUE REFERENCES dataset_tables(number),
    encoding TEXT NOT NULL DEFAULT '',
    delimiter TEXT NOT NULL DEFAULT '',
    sheet TEXT NOT NULL DEFAULT '',
    skip_records INTEGER NOT NULL DEFAULT 0 CHECK (skip_records >= 0),
    header_rows INTEGER NOT NULL DEFAULT 1 CHECK (header_rows >= 0),
    decimal_comma INTEGER NOT NULL DEFAULT 0,
    day_first INTEGER NOT NULL DEFAULT 0,
    personal TEXT NOT NULL DEFAULT 'keep'
);
CREATE TABLE dataset_attachments (
    id TEXT PRIMARY KEY NOT NULL,
    dataset_id TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    touchpoint_id TEXT,
    column_position INTEGER NOT NULL DEFAULT 0 CHECK (column_position >= 0),
    value TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dataset_attachments_by_dataset ON dataset_attachments(dataset_id, position);
CREATE INDEX dataset_attachments_by_touchpoint ON dataset_attachments(touchpoint_id);
INSERT INTO dataset_sources (dataset_id) SELECT id FROM datasets;
)sql"));
    if (!ok && error)
        *error = db.errorMessage();
    return ok;
}

// Format 4: each map's headline metric, and the cache of computed metrics. The headline is
// a key checked when the file is read (like every key), not by a CHECK constraint, so that a
// key from a newer Waymark is reported as such. The cache holds derived data only: any tool
// may empty it, and Waymark then computes the figures again.
bool addHeadlineAndMetricsCache(Sql::Database &db, QString *error)
{
    const bool ok = db.exec(QStringLiteral(R"sql(
ALTER TABLE maps ADD COLUMN headline TEXT NOT NULL DEFAULT 'auto';
CREATE TABLE metrics_cache (
    key TEXT PRIMARY KEY NOT NULL,
    engine_version INTEGER NOT NULL,
    payload BLOB NOT NULL,
    written TEXT NOT NULL
);
)sql"));
    if (!ok && error)
        *error = db.errorMessage();
    return ok;
}

} // namespace

const QList<Migration> &all()
{
    // Each format change appends {N, "what changed", function} here; the function must
    // never change once released, since every file of format N depends on what it made.
    static const QList<Migration> steps = {
        {2, QStringLiteral("persona journeys"), addPersonaSteps},
        {3, QStringLiteral("imported rows"), addDatasetRows},
        {4, QStringLiteral("headline metrics and the metrics cache"), addHeadlineAndMetricsCache},
    };
    return steps;
}

int latestVersion(const QList<Migration> &steps)
{
    return 1 + int(steps.size());
}

bool apply(Sql::Database &db, int from, int to, const QList<Migration> &steps, QString *error)
{
    for (int version = from + 1; version <= to; ++version) {
        const auto it = std::find_if(steps.cbegin(), steps.cend(),
                                     [&](const Migration &m) { return m.toVersion == version; });
        if (it == steps.cend()) {
            if (error)
                *error = QStringLiteral("no migration to format %1").arg(version);
            return false;
        }

        QElapsedTimer timer;
        timer.start();
        QString stepError;
        if (!it->run(db, &stepError)) {
            if (error)
                *error = QStringLiteral("migration to format %1 (%2) failed: %3")
                             .arg(version)
                             .arg(it->description, stepError);
            return false;
        }
        qCInfo(lcStorage) << "migrated to format" << version << "in" << timer.elapsed() << "ms";
    }

    if (!db.exec(QStringLiteral("PRAGMA user_version = %1").arg(to))) {
        if (error)
            *error = db.errorMessage();
        return false;
    }
    return true;
}

} // namespace Waymark::Migrations
