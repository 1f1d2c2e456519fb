#include "projectfile.h"

#include "../logging.h"
#include "../validation.h"
#include "datasettables.h"
#include "fileops.h"
#include "migrations.h"
#include "projectstore.h"
#include "schema.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <sqlite3.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace Waymark {

namespace {

// The translation context of this file's messages.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Waymark::ProjectFile)
};

StorageError makeError(StorageErrorCode code, const QString &message, const QString &detail = {})
{
    qCInfo(lcStorage).noquote() << message << detail;
    return {code, message, detail};
}

QString shown(const QString &path)
{
    return QFileInfo(path).fileName();
}

quint32 bigEndian32(const uchar *p)
{
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}

constexpr char sqliteMagic[] = "SQLite format 3"; // followed by a NUL: 16 bytes in all

QString problemsText(const QList<ProjectFile::Problem> &problems, qsizetype most = 10)
{
    QStringList lines;
    for (qsizetype i = 0; i < problems.size() && i < most; ++i)
        lines.append(problems[i].where + QStringLiteral(": ") + problems[i].what);
    if (problems.size() > most)
        lines.append(Text::tr("… and %1 more").arg(problems.size() - most));
    return lines.join(u'\n');
}

bool fsyncPath(const QString &path, bool directory)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd =
        ::open(name.constData(), (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

// The name of a temporary file beside target, hidden, unique to this process and moment.
QString temporaryBeside(const QString &target)
{
    const QFileInfo info(target);
    return info.absoluteDir().filePath(
        QStringLiteral(".%1.%2.saving").arg(info.fileName(), newId().toString(QUuid::Id128)));
}

// The tables of imported rows are allowed one by one: exactly those the registry lists, each
// with the SQL Waymark creates for its entry. Nothing else named dataset_rows_* is accepted.
void appendDatasetTables(Sql::Database &db, QList<Schema::SchemaObject> &expected,
                         const QList<Schema::SchemaObject> &actual,
                         QList<ProjectFile::Problem> *altered)
{
    const auto registry = std::find_if(expected.cbegin(), expected.cend(), [](const auto &e) {
        return e.name == QLatin1String("dataset_tables");
    });
    if (registry == expected.cend())
        return; // a format before 3
    // Only a registry table exactly as Waymark makes it is read; any other is reported by the
    // comparison of the schema itself.
    if (!actual.contains(*registry))
        return;

    QString problem;
    const std::optional<QList<DatasetTables::Shape>> shapes =
        DatasetTables::readRegistry(db, &problem);
    if (!shapes) {
        altered->append({QStringLiteral("table dataset_tables"), problem});
        return;
    }
    for (const DatasetTables::Shape &shape : *shapes)
        expected += DatasetTables::schemaObjects(shape);
}

} // namespace

namespace FileOps {

Inspection inspect(const QString &path, bool collectAll)
{
    Inspection result;
    const QString name = shown(path);
    const QFileInfo info(path);

    if (!info.exists()) {
        result.error =
            makeError(StorageErrorCode::CannotRead, Text::tr("There is no file “%1”.").arg(name));
        return result;
    }
    if (info.isDir()) {
        result.error = makeError(StorageErrorCode::CannotRead,
                                 Text::tr("“%1” is a folder, not a Waymark project.").arg(name));
        return result;
    }

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error =
            makeError(StorageErrorCode::CannotRead,
                      Text::tr("“%1” cannot be read: %2.").arg(name, file.errorString()));
        return result;
    }
    const QByteArray header = file.read(100);
    file.close();

    // The header says what the file is before SQLite reads any of it.
    if (header.size() < 100 || std::memcmp(header.constData(), sqliteMagic, 16) != 0) {
        result.error = makeError(
            StorageErrorCode::NotSqlite,
            header.isEmpty()
                ? Text::tr("“%1” is empty: it is not a Waymark project.").arg(name)
                : Text::tr("“%1” is not a Waymark project: it is not an SQLite database at all "
                           "(perhaps a text, image or office file).")
                      .arg(name));
        return result;
    }
    const auto *bytes = reinterpret_cast<const uchar *>(header.constData());
    const quint32 applicationId = bigEndian32(bytes + 68);
    const int version = int(bigEndian32(bytes + 60));
    const bool wal = bytes[18] == 2 || bytes[19] == 2;
    result.formatVersion = version;

    if (applicationId != quint32(ProjectFile::ApplicationId)) {
        result.error = makeError(StorageErrorCode::NotWaymark,
                                 Text::tr("“%1” is an SQLite database of another program, not a "
                                          "Waymark project.")
                                     .arg(name));
        return result;
    }
    if (version > ProjectFile::currentFormatVersion()) {
        result.error =
            makeError(StorageErrorCode::NewerFormat,
                      Text::tr("“%1” was made by a newer Waymark (format %2; this Waymark "
                               "reads formats up to %3). Update Waymark to open it.")
                          .arg(name)
                          .arg(version)
                          .arg(ProjectFile::currentFormatVersion()));
        return result;
    }
    if (version < 1) {
        result.error = makeError(StorageErrorCode::Damaged,
                                 Text::tr("“%1” is marked as a Waymark project but has no format "
                                          "version: it is damaged.")
                                     .arg(name));
        return result;
    }
    if (wal && QFileInfo::exists(path + QStringLiteral("-wal"))) {
        result.error = makeError(StorageErrorCode::CannotRead,
                                 Text::tr("“%1” is still open in another program (its changes are "
                                          "in “%1-wal”). Close that program and try again.")
                                     .arg(name));
        return result;
    }

    // Read-only, no following links; immutable when no journal of any kind can be pending,
    // so that SQLite does not try to create -shm files beside a file from a shared folder.
    QUrl uri = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
    uri.setScheme(QStringLiteral("file"));
    const bool hotJournal = QFileInfo::exists(path + QStringLiteral("-journal"));
    uri.setQuery(hotJournal || !wal ? QStringLiteral("mode=ro")
                                    : QStringLiteral("mode=ro&immutable=1"));
    if (!result.db.open(uri.toString(QUrl::FullyEncoded), Sql::Database::Mode::ReadOnly)) {
        result.error =
            makeError(StorageErrorCode::CannotRead, Text::tr("“%1” cannot be opened.").arg(name),
                      result.db.errorMessage());
        return result;
    }
    result.db.harden();

    // quick_check reads every page: a damaged file says so here rather than half-way through
    // loading. Its rows are "ok", or one row per problem.
    {
        Sql::Statement st(result.db, QStringLiteral("PRAGMA quick_check(50)"));
        QStringList findings;
        while (st.next())
            findings.append(st.text(0));
        if (!st.ok()) {
            const int code = result.db.errorCode();
            const QString detail = result.db.errorMessage();
            if (code == SQLITE_READONLY_ROLLBACK || (code & 0xff) == SQLITE_BUSY) {
                result.error =
                    makeError(StorageErrorCode::CannotRead,
                              Text::tr("“%1” was left half-written by a program that "
                                       "stopped, or is being written now. Open it once in "
                                       "the program that wrote it, or ask for a fresh copy.")
                                  .arg(name),
                              detail);
                return result;
            }
            findings.append(detail);
        }
        if (findings != QStringList{QStringLiteral("ok")}) {
            for (const QString &f : std::as_const(findings))
                result.problems.append({QStringLiteral("file"), f});
            result.error =
                makeError(StorageErrorCode::Damaged,
                          Text::tr("“%1” is damaged: SQLite's integrity check failed. Ask "
                                   "for a fresh copy of the file, or open a backup.")
                              .arg(name),
                          problemsText(result.problems));
            return result;
        }
    }

    // Everything in the schema must be what Waymark creates for this format: a trigger, a
    // view or an unknown table could run code or hide data.
    QList<Schema::SchemaObject> expected = Schema::expected(version);
    const QList<Schema::SchemaObject> actual = Schema::read(result.db);
    QList<ProjectFile::Problem> foreign;
    QList<ProjectFile::Problem> altered;
    appendDatasetTables(result.db, expected, actual, &altered);
    for (const Schema::SchemaObject &o : actual) {
        const auto it =
            std::find_if(expected.cbegin(), expected.cend(),
                         [&](const Schema::SchemaObject &e) { return e.name == o.name; });
        const QString where = QStringLiteral("%1 %2").arg(o.type, o.name);
        if (it == expected.cend())
            foreign.append({where, Text::tr("is not one Waymark creates")});
        else if (!(*it == o))
            altered.append({where, Text::tr("differs from format %1 of Waymark").arg(version)});
    }
    for (const Schema::SchemaObject &e : expected) {
        const bool present =
            std::any_of(actual.cbegin(), actual.cend(),
                        [&](const Schema::SchemaObject &o) { return o.name == e.name; });
        if (!present)
            altered.append({QStringLiteral("%1 %2").arg(e.type, e.name), Text::tr("is missing")});
    }
    result.problems += foreign;
    result.problems += altered;
    if (!foreign.isEmpty()) {
        QStringList names;
        for (const ProjectFile::Problem &p : std::as_const(foreign))
            names.append(p.where);
        result.error = makeError(StorageErrorCode::ForeignObjects,
                                 Text::tr("“%1” holds objects Waymark did not create (%2). It may "
                                          "have been tampered with, so Waymark does not open it.")
                                     .arg(name, names.join(QStringLiteral(", "))),
                                 problemsText(result.problems));
        if (!collectAll)
            return result;
    } else if (!altered.isEmpty()) {
        result.error = makeError(StorageErrorCode::Damaged,
                                 Text::tr("“%1” is damaged: its tables are not those of a Waymark "
                                          "project of format %2.")
                                     .arg(name)
                                     .arg(version),
                                 problemsText(result.problems));
        if (!collectAll)
            return result;
    }

    {
        Sql::Statement st(result.db, QStringLiteral("PRAGMA foreign_key_check"));
        qsizetype dangling = 0;
        while (st.next()) {
            ++dangling;
            result.problems.append({QStringLiteral("table %1").arg(st.text(0)),
                                    Text::tr("row %1 refers to a missing row of table %2")
                                        .arg(st.text(1), st.text(2))});
        }
        if (dangling > 0 && !result.error) {
            result.error =
                makeError(StorageErrorCode::Damaged,
                          Text::tr("“%1” is damaged: %n of its rows refer to things that "
                                   "are not in the file.",
                                   nullptr, int(dangling))
                              .arg(name),
                          problemsText(result.problems));
        }
    }
    return result;
}

bool copyDatabase(Sql::Database &source, Sql::Database &dest, QString *error,
                  const SaveProgress &options)
{
    sqlite3_backup *backup = sqlite3_backup_init(dest.handle(), "main", source.handle(), "main");
    if (!backup) {
        if (error)
            *error = dest.errorMessage();
        return false;
    }

    // A few megabytes a step keeps progress moving and cancel responsive on large files.
    constexpr int pagesPerStep = 1024;
    int rc = SQLITE_OK;
    while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
        rc = sqlite3_backup_step(backup, pagesPerStep);
        const int total = sqlite3_backup_pagecount(backup);
        if (options.progress)
            options.progress(total - sqlite3_backup_remaining(backup), total);
        if (options.cancel && options.cancel->load()) {
            sqlite3_backup_finish(backup);
            if (error)
                *error = QStringLiteral("cancelled");
            return false;
        }
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(5);
    }
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        if (error)
            *error = QString::fromUtf8(sqlite3_errstr(rc));
        return false;
    }
    return true;
}

std::optional<Project> load(Inspection &inspection, Sql::Database &dest, StorageError *error,
                            QList<ProjectFile::Problem> *problems)
{
    QElapsedTimer timer;
    timer.start();
    QString detail;

    if (!copyDatabase(inspection.db, dest, &detail)) {
        *error = makeError(StorageErrorCode::CannotRead,
                           Text::tr("The project could not be copied "
                                    "for editing."),
                           detail);
        return std::nullopt;
    }
    inspection.db.close();
    dest.exec(QStringLiteral("PRAGMA foreign_keys = ON"));

    if (inspection.formatVersion < ProjectFile::currentFormatVersion()) {
        Sql::Transaction transaction(dest);
        if (!Migrations::apply(dest, inspection.formatVersion, ProjectFile::currentFormatVersion(),
                               Migrations::all(), &detail) ||
            !transaction.commit()) {
            *error =
                makeError(StorageErrorCode::Damaged,
                          Text::tr("The project could not be brought up to date from format %1.")
                              .arg(inspection.formatVersion),
                          detail);
            return std::nullopt;
        }
    }

    QList<ProjectFile::Problem> found;
    bool tooLarge = false;
    std::optional<Project> project = Store::readProject(dest, &found, &tooLarge);
    if (!project) {
        *error = makeError(tooLarge ? StorageErrorCode::TooLarge : StorageErrorCode::Damaged,
                           tooLarge ? Text::tr("The project is larger than Waymark can open.")
                                    : Text::tr("The project's tables cannot be read."),
                           found.isEmpty() ? dest.errorMessage() : problemsText(found));
        if (problems)
            *problems += found;
        return std::nullopt;
    }
    for (const QString &p : findProblems(*project))
        found.append({QStringLiteral("project"), p});
    if (problems)
        *problems += found;
    if (!found.isEmpty()) {
        *error = makeError(StorageErrorCode::Damaged,
                           Text::tr("The project is damaged: %n of its values are invalid or "
                                    "inconsistent.",
                                    nullptr, int(found.size())),
                           problemsText(found));
        return std::nullopt;
    }
    qCInfo(lcStorage) << "loaded project" << project->id << "format" << inspection.formatVersion
                      << "in" << timer.elapsed() << "ms";
    return project;
}

bool initialise(Sql::Database &db, const Project &project, QString *error)
{
    Sql::Transaction transaction(db);
    if (!transaction.isActive() ||
        !db.exec(QStringLiteral("PRAGMA application_id = %1").arg(ProjectFile::ApplicationId)) ||
        !Schema::create(db, ProjectFile::currentFormatVersion(), error) ||
        !Store::writeProject(db, project, error) || !transaction.commit()) {
        if (error && error->isEmpty())
            *error = db.errorMessage();
        return false;
    }
    return true;
}

bool replaceAtomically(Sql::Database &source, const QString &target, StorageError *error,
                       const SaveProgress &options)
{
    QElapsedTimer timer;
    timer.start();
    const QString name = shown(target);
    const QString temp = temporaryBeside(target);
    QString detail;

    auto fail = [&](StorageErrorCode code, const QString &message) {
        QFile::remove(temp);
        QFile::remove(temp + QStringLiteral("-journal"));
        *error = makeError(code, message, detail);
        return false;
    };

    if (!QFileInfo(QFileInfo(target).absolutePath()).isDir()) {
        detail = QFileInfo(target).absolutePath();
        return fail(StorageErrorCode::CannotWrite,
                    Text::tr("“%1” cannot be saved: its folder does not exist.").arg(name));
    }
    if (QFileInfo(target).isDir())
        return fail(
            StorageErrorCode::CannotWrite,
            Text::tr("“%1” cannot be saved: a folder of that name is in the way.").arg(name));

    {
        Sql::Database out;
        if (!out.open(temp, Sql::Database::Mode::Create)) {
            detail = out.errorMessage();
            return fail(StorageErrorCode::CannotWrite,
                        Text::tr("“%1” cannot be saved: the folder is not writable.").arg(name));
        }
        if (!copyDatabase(source, out, &detail, options)) {
            out.close();
            if (options.cancel && options.cancel->load())
                return fail(StorageErrorCode::Cancelled,
                            Text::tr("Saving “%1” was cancelled.").arg(name));
            return fail(StorageErrorCode::CannotWrite,
                        Text::tr("“%1” cannot be saved: writing the new file failed (is the disk "
                                 "full?).")
                            .arg(name));
        }
        // A saved project is one file: the rollback journal, never WAL.
        const std::optional<QString> mode =
            out.queryText(QStringLiteral("PRAGMA journal_mode = DELETE"));
        // Rows of datasets that are no longer in the project (an import undone, a dataset
        // deleted) stay in the working copy for redo, but never reach the saved file.
        int dropped = 0;
        if (out.queryInt(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE "
                                        "name = 'dataset_tables'")) == 1 &&
            (!DatasetTables::dropUnreferenced(out, &detail, &dropped) ||
             (dropped > 0 && !out.exec(QStringLiteral("VACUUM"))))) {
            if (detail.isEmpty())
                detail = out.errorMessage();
            return fail(StorageErrorCode::CannotWrite,
                        Text::tr("“%1” cannot be saved: writing the new file failed (is the disk "
                                 "full?).")
                            .arg(name));
        }
        const std::optional<QString> check = out.queryText(QStringLiteral("PRAGMA quick_check"));
        const std::optional<qint64> appId = out.queryInt(QStringLiteral("PRAGMA application_id"));
        if (mode != QStringLiteral("delete") || check != QStringLiteral("ok") ||
            appId != ProjectFile::ApplicationId) {
            detail = QStringLiteral("journal mode %1, check %2")
                         .arg(mode.value_or(QString()), check.value_or(out.errorMessage()));
            return fail(
                StorageErrorCode::CannotWrite,
                Text::tr("“%1” cannot be saved: the new file did not pass its check.").arg(name));
        }
    }

    if (!fsyncPath(temp, false)) {
        detail = QString::fromLocal8Bit(std::strerror(errno));
        return fail(
            StorageErrorCode::CannotWrite,
            Text::tr("“%1” cannot be saved: the new file could not be written to disk.").arg(name));
    }
    if (std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(target).constData()) !=
        0) {
        detail = QString::fromLocal8Bit(std::strerror(errno));
        return fail(
            StorageErrorCode::CannotWrite,
            Text::tr("“%1” cannot be saved: the old file could not be replaced.").arg(name));
    }
    fsyncPath(QFileInfo(target).absolutePath(), true);
    qCInfo(lcStorage) << "saved" << target << "in" << timer.elapsed() << "ms";
    return true;
}

} // namespace FileOps

namespace ProjectFile {

int currentFormatVersion()
{
    return Migrations::latestVersion();
}

std::optional<Project> read(const QString &path, StorageError *error)
{
    StorageError ignored;
    StorageError &err = error ? *error : ignored;
    FileOps::Inspection inspection = FileOps::inspect(path, false);
    if (inspection.error) {
        err = inspection.error;
        return std::nullopt;
    }
    Sql::Database memory;
    memory.open(QStringLiteral(":memory:"), Sql::Database::Mode::Create);
    memory.harden();
    return FileOps::load(inspection, memory, &err);
}

bool write(const Project &project, const QString &path, StorageError *error)
{
    StorageError ignored;
    StorageError &err = error ? *error : ignored;
    Sql::Database memory;
    QString detail;
    if (!memory.open(QStringLiteral(":memory:"), Sql::Database::Mode::Create) ||
        !FileOps::initialise(memory, project, &detail)) {
        err = makeError(
            StorageErrorCode::CannotWrite,
            Text::tr("“%1” cannot be written: the project could not be stored.").arg(shown(path)),
            detail);
        return false;
    }
    return FileOps::replaceAtomically(memory, path, &err);
}

CheckReport check(const QString &path)
{
    CheckReport report;
    FileOps::Inspection inspection = FileOps::inspect(path, true);
    report.formatVersion = inspection.formatVersion;
    report.problems = inspection.problems;

    switch (inspection.error.code) {
    case StorageErrorCode::CannotRead:
    case StorageErrorCode::NotSqlite:
    case StorageErrorCode::NotWaymark:
    case StorageErrorCode::NewerFormat:
        report.fatal = inspection.error;
        return report;
    default:
        break;
    }
    if (inspection.error.code == StorageErrorCode::Damaged && report.problems.isEmpty())
        report.problems.append({QStringLiteral("file"), inspection.error.message});
    if (!inspection.db.isOpen())
        return report;

    // With the schema exactly as Waymark made it and every reference intact, the values can
    // be read and checked too. Anything less is not loaded at all.
    if (inspection.error.code == StorageErrorCode::None) {
        Sql::Database memory;
        memory.open(QStringLiteral(":memory:"), Sql::Database::Mode::Create);
        memory.harden();
        StorageError error;
        QList<Problem> found;
        FileOps::load(inspection, memory, &error, &found);
        report.problems += found;
        if (error && found.isEmpty())
            report.problems.append({QStringLiteral("project"), error.message});
    }
    return report;
}

} // namespace ProjectFile

} // namespace Waymark
