#include "migrations.h"

#include "../logging.h"
#include "sqlite.h"

#include <QElapsedTimer>

namespace Waymark::Migrations {

const QList<Migration> &all()
{
    // Format 1 is the first release; no migration exists yet. The next format change adds
    // {2, "what changed", [](Sql::Database &db, QString *error) { ... }} here.
    static const QList<Migration> steps;
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
