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

} // namespace

const QList<Migration> &all()
{
    // Each format change appends {N, "what changed", function} here; the function must
    // never change once released, since every file of format N depends on what it made.
    static const QList<Migration> steps = {
        {2, QStringLiteral("persona journeys"), addPersonaSteps},
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
