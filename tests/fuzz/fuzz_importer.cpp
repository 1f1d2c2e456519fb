// Fuzz target for the importer: whatever the bytes of the file, planning and importing it
// into a project database ends with a dataset or a message, never a crash; a refused import
// leaves the database as it was; and an accepted one accounts for every data record (written
// or listed as bad) and holds exactly the rows it says it wrote.
#include "entities.h"
#include "import/importer.h"
#include "storage/datasettables.h"
#include "storage/projectfile.h"
#include "storage/sqlite.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>

namespace {

using namespace Waymark;

// The schema objects and the registry's size: what a refused import must leave alone.
QString schemaOf(const QString &path)
{
    Sql::Database db;
    if (!db.open(path, Sql::Database::Mode::ReadOnly))
        std::abort();
    return db
        .queryText(QStringLiteral("SELECT group_concat(name) || ':' || "
                                  "(SELECT count(*) FROM dataset_tables) FROM "
                                  "(SELECT name FROM sqlite_schema ORDER BY name)"))
        .value_or(QString());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const bool quiet = [] {
        QLoggingCategory::setFilterRules(QStringLiteral("waymark.*.info=false"));
        return true;
    }();
    Q_UNUSED(quiet);
    static QTemporaryDir dir;
    static Project project = [] {
        Project p;
        p.id = newId();
        p.name = QStringLiteral("Fuzz");
        JourneyMap map;
        map.id = newId();
        map.name = QStringLiteral("Map");
        Touchpoint t;
        t.id = newId();
        t.title = QStringLiteral("Website");
        map.touchpoints = {t};
        p.maps = {map};
        return p;
    }();
    static const QString empty = [] {
        const QString path = dir.filePath(QStringLiteral("empty.waymark"));
        StorageError error;
        if (!ProjectFile::write(project, path, &error))
            std::abort();
        return path;
    }();

    const QString input = dir.filePath(QStringLiteral("input.csv"));
    {
        QFile file(input);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            std::abort();
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    QString error;
    std::optional<Import::ImportPlan> plan = Import::plan(input, {}, &error);
    if (!plan) {
        if (error.isEmpty())
            std::abort(); // every refusal says why
        return 0;
    }
    // Whatever the file, attach by its first column to exercise the matching too.
    plan->attachments = {{{}, AttachmentKind::ByColumn, {}, 0, {}}};
    plan->onBadRows = size % 2 ? Import::BadRowPolicy::Skip : Import::BadRowPolicy::KeepEmpty;

    const QString database = dir.filePath(QStringLiteral("project.waymark"));
    QFile::remove(database);
    if (!QFile::copy(empty, database))
        std::abort();
    const QString before = schemaOf(database);
    Import::Importer importer(*plan, project);
    const Import::ImportResult result = importer.run(database);
    if (!result.ok) {
        if (result.error.isEmpty() || schemaOf(database) != before)
            std::abort();
        return 0;
    }
    if (result.rowsImported + result.rowsSkipped != result.recordsRead ||
        result.dataset.rowCount != result.rowsImported)
        std::abort();
    Sql::Database db;
    if (!db.open(database, Sql::Database::Mode::ReadOnly))
        std::abort();
    const std::optional<qint64> rows =
        db.queryInt(QStringLiteral("SELECT count(*) FROM %1")
                        .arg(DatasetTables::tableName(result.dataset.rowsTable)));
    if (rows != result.rowsImported)
        std::abort();
    return 0;
}
