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
#include <sys/stat.h>
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

// Sets the file format bytes of an SQLite header (18 and 19) to 1, the rollback journal, where
// the backup API copied a WAL database's 2. Nothing else in the header depends on them.
bool markRollbackJournal(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return false;
    uchar bytes[2] = {};
    bool ok = ::pread(fd, bytes, 2, 18) == 2;
    if (ok && (bytes[0] != 1 || bytes[1] != 1)) {
        const uchar rollback[2] = {1, 1};
        ok = ::pwrite(fd, rollback, 2, 18) == 2;
    }
    return ::close(fd) == 0 && ok;
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

namespace {

StorageError halfWritten(const QString &name, const QString &detail)
{
    return makeError(StorageErrorCode::CannotRead,
                     Text::tr("“%1” was left half-written by a program that "
                              "stopped, or is being written now. Open it once in "
                              "the program that wrote it, or ask for a fresh copy.")
                         .arg(name),
                     detail);
}

bool isHalfWritten(int code)
{
    return code == SQLITE_READONLY_ROLLBACK || (code & 0xff) == SQLITE_BUSY;
}

// The checks of the first 100 bytes, made before SQLite reads anything. False with
// result.error set when the file is refused; *wal tells whether it is in WAL mode.
bool checkHeader(const QString &path, Inspection &result, bool *wal)
{
    const QString name = shown(path);
    const QFileInfo info(path);

    if (!info.exists()) {
        result.error =
            makeError(StorageErrorCode::CannotRead, Text::tr("There is no file “%1”.").arg(name));
        return false;
    }
    if (info.isDir()) {
        result.error = makeError(StorageErrorCode::CannotRead,
                                 Text::tr("“%1” is a folder, not a Waymark project.").arg(name));
        return false;
    }

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error =
            makeError(StorageErrorCode::CannotRead,
                      Text::tr("“%1” cannot be read: %2.").arg(name, file.errorString()));
        return false;
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
        return false;
    }
    const auto *bytes = reinterpret_cast<const uchar *>(header.constData());
    const quint32 applicationId = bigEndian32(bytes + 68);
    const int version = int(bigEndian32(bytes + 60));
    *wal = bytes[18] == 2 || bytes[19] == 2;
    result.formatVersion = version;

    if (applicationId != quint32(ProjectFile::ApplicationId)) {
        result.error = makeError(StorageErrorCode::NotWaymark,
                                 Text::tr("“%1” is an SQLite database of another program, not a "
                                          "Waymark project.")
                                     .arg(name));
        return false;
    }
    if (version > ProjectFile::currentFormatVersion()) {
        result.error =
            makeError(StorageErrorCode::NewerFormat,
                      Text::tr("“%1” was made by a newer Waymark (format %2; this Waymark "
                               "reads formats up to %3). Update Waymark to open it.")
                          .arg(name)
                          .arg(version)
                          .arg(ProjectFile::currentFormatVersion()));
        return false;
    }
    if (version < 1) {
        result.error = makeError(StorageErrorCode::Damaged,
                                 Text::tr("“%1” is marked as a Waymark project but has no format "
                                          "version: it is damaged.")
                                     .arg(name));
        return false;
    }
    if (*wal && QFileInfo::exists(path + QStringLiteral("-wal"))) {
        result.error = makeError(StorageErrorCode::CannotRead,
                                 Text::tr("“%1” is still open in another program (its changes are "
                                          "in “%1-wal”). Close that program and try again.")
                                     .arg(name));
        return false;
    }
    return true;
}

// Opens the untrusted file itself read-only, not following links; immutable when no journal
// of any kind can be pending, so that SQLite does not try to create -shm files beside a file
// from a shared folder.
bool openReadOnly(const QString &path, bool wal, Inspection &result)
{
    QUrl uri = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
    uri.setScheme(QStringLiteral("file"));
    const bool hotJournal = QFileInfo::exists(path + QStringLiteral("-journal"));
    uri.setQuery(hotJournal || !wal ? QStringLiteral("mode=ro")
                                    : QStringLiteral("mode=ro&immutable=1"));
    if (!result.db.open(uri.toString(QUrl::FullyEncoded), Sql::Database::Mode::ReadOnly)) {
        result.error = makeError(StorageErrorCode::CannotRead,
                                 Text::tr("“%1” cannot be opened.").arg(shown(path)),
                                 result.db.errorMessage());
        return false;
    }
    result.db.harden();
    return true;
}

// SQLite's integrity check, over the whole file when tables is empty, otherwise over those
// tables and their indexes only. Its rows are "ok", or one row per problem; a damaged file
// says so here rather than half-way through loading.
bool checkIntegrity(Inspection &result, const QString &name, const QStringList &tables)
{
    QStringList findings;
    const QStringList statements =
        tables.isEmpty() ? QStringList{QStringLiteral("PRAGMA quick_check(50)")} : [&] {
            QStringList each;
            for (const QString &table : tables)
                each.append(QStringLiteral("PRAGMA quick_check(\"%1\")").arg(table));
            return each;
        }();
    for (const QString &sql : statements) {
        Sql::Statement st(result.db, sql);
        qsizetype rows = 0;
        while (rows < 50 && st.next()) {
            ++rows;
            if (st.text(0) != QLatin1String("ok"))
                findings.append(st.text(0));
        }
        if (!st.ok() || rows == 0) {
            const int code = result.db.errorCode();
            const QString detail = result.db.errorMessage();
            if (isHalfWritten(code)) {
                result.error = halfWritten(name, detail);
                return false;
            }
            // A table that is not there at all is the schema's comparison to report.
            if (!tables.isEmpty() && !st.isValid() && code == SQLITE_ERROR)
                continue;
            findings.append(detail);
        }
        if (!findings.isEmpty())
            break;
    }
    if (findings.isEmpty())
        return true;

    for (const QString &f : std::as_const(findings))
        result.problems.append({QStringLiteral("file"), f});
    result.error = makeError(StorageErrorCode::Damaged,
                             Text::tr("“%1” is damaged: SQLite's integrity check failed. Ask "
                                      "for a fresh copy of the file, or open a backup.")
                                 .arg(name),
                             problemsText(result.problems));
    return false;
}

// Everything in the schema must be what Waymark creates for this format (a trigger, a view or
// an unknown table could run code or hide data), and every reference must resolve.
void checkSchemaAndReferences(Inspection &result, const QString &name, bool collectAll)
{
    const int version = result.formatVersion;
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
            return;
    } else if (!altered.isEmpty()) {
        result.error = makeError(StorageErrorCode::Damaged,
                                 Text::tr("“%1” is damaged: its tables are not those of a Waymark "
                                          "project of format %2.")
                                     .arg(name)
                                     .arg(version),
                                 problemsText(result.problems));
        if (!collectAll)
            return;
    }

    Sql::Statement st(result.db, QStringLiteral("PRAGMA foreign_key_check"));
    qsizetype dangling = 0;
    while (st.next()) {
        ++dangling;
        result.problems.append(
            {QStringLiteral("table %1").arg(st.text(0)),
             Text::tr("row %1 refers to a missing row of table %2").arg(st.text(1), st.text(2))});
    }
    if (dangling > 0 && !result.error) {
        result.error = makeError(StorageErrorCode::Damaged,
                                 Text::tr("“%1” is damaged: %n of its rows refer to things that "
                                          "are not in the file.",
                                          nullptr, int(dangling))
                                     .arg(name),
                                 problemsText(result.problems));
    }
}

// The tables of the project's own structure in a file of the given format: everything but
// the tables of imported rows.
QStringList projectTables(int formatVersion)
{
    QStringList tables;
    for (const Schema::SchemaObject &o : Schema::expected(formatVersion)) {
        if (o.type == QLatin1String("table"))
            tables.append(o.name);
    }
    return tables;
}

} // namespace

Inspection inspect(const QString &path, bool collectAll)
{
    Inspection result;
    const QString name = shown(path);
    bool wal = false;
    if (!checkHeader(path, result, &wal) || !openReadOnly(path, wal, result) ||
        !checkIntegrity(result, name, {}))
        return result;
    checkSchemaAndReferences(result, name, collectAll);
    return result;
}

bool copyFile(const QString &from, const QString &to, QString *error)
{
    auto failed = [&](const char *step) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(QLatin1String(step),
                                                  QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    };
    const int in = ::open(QFile::encodeName(from).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (in < 0)
        return failed("open");
    struct stat status = {};
    if (::fstat(in, &status) != 0 || !S_ISREG(status.st_mode)) {
        ::close(in);
        errno = EINVAL;
        return failed("not a regular file");
    }
    const int out = ::open(QFile::encodeName(to).constData(),
                           O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (out < 0) {
        ::close(in);
        return failed("create");
    }

    // The kernel copies the bytes without them passing through this process; where it
    // cannot (another kind of file system, an old kernel), a plain loop does.
    bool ok = true;
    bool kernel = true;
    for (;;) {
        ssize_t n = -1;
        if (kernel) {
            n = ::copy_file_range(in, nullptr, out, nullptr, 64 * 1024 * 1024, 0);
            if (n < 0 &&
                (errno == EXDEV || errno == ENOSYS || errno == EINVAL || errno == EOPNOTSUPP ||
                 errno == EPERM) &&
                ::lseek(out, 0, SEEK_CUR) == 0) {
                kernel = false;
                continue;
            }
        } else {
            static constexpr qsizetype chunk = 1024 * 1024;
            QByteArray buffer(chunk, Qt::Uninitialized);
            n = ::read(in, buffer.data(), size_t(chunk));
            for (ssize_t written = 0; n > 0 && written < n;) {
                const ssize_t w = ::write(out, buffer.constData() + written, size_t(n - written));
                if (w < 0) {
                    n = -1;
                    break;
                }
                written += w;
            }
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            ok = n == 0 || failed("copy");
            break;
        }
    }
    ::close(in);
    if (::close(out) != 0 && ok)
        ok = failed("close");
    return ok;
}

Inspection inspectCopy(const QString &path, const QString &copyPath)
{
    Inspection result;
    const QString name = shown(path);
    bool wal = false;
    if (!checkHeader(path, result, &wal))
        return result;

    // A journal beside the file may hold half of a write that only SQLite can undo: only
    // SQLite itself can tell, when it reads the file.
    if (QFileInfo::exists(path + QStringLiteral("-journal"))) {
        if (!openReadOnly(path, wal, result))
            return result;
        if (!result.db.queryInt(QStringLiteral("SELECT count(*) FROM sqlite_schema")) &&
            isHalfWritten(result.db.errorCode())) {
            result.error = halfWritten(name, result.db.errorMessage());
            return result;
        }
        result.db.close();
    }

    // From here on only the copy is read, so that what is checked is what is used, even if
    // another program changes the file meanwhile.
    QString detail;
    if (!copyFile(path, copyPath, &detail)) {
        result.error = makeError(StorageErrorCode::CannotRead,
                                 Text::tr("“%1” cannot be read: %2.").arg(name, detail));
        return result;
    }
    if (!result.db.open(copyPath, Sql::Database::Mode::ReadWrite)) {
        result.error =
            makeError(StorageErrorCode::CannotRead, Text::tr("“%1” cannot be opened.").arg(name),
                      result.db.errorMessage());
        return result;
    }
    result.db.harden();
    // Room for the pages the checks read, so that reading the project finds them again; and
    // no syncs of a copy that is useless until it is open anyway (the working copy syncs in
    // WAL mode once it is: WorkingCopy).
    result.db.exec(QStringLiteral("PRAGMA cache_size = -16384"));
    result.db.exec(QStringLiteral("PRAGMA synchronous = OFF"));

    // The list of free pages is what SQLite takes a page from when an edit needs one, and
    // only the check of the whole file verifies it (that no free page is also in use): a file
    // that has free pages is checked whole, now, so that no edit can land on a page in use.
    // TODO: Checking the free list alone (its pages against those of the tables, from dbstat)
    // would spare a large project with free pages the whole check before its map is shown.
    const bool hasFreePages =
        result.db.queryInt(QStringLiteral("PRAGMA freelist_count")).value_or(1) != 0;
    if (!checkIntegrity(result, name,
                        hasFreePages ? QStringList() : projectTables(result.formatVersion)))
        return result;
    checkSchemaAndReferences(result, name, false);
    return result;
}

DeferredCheck checkDeferred(Sql::Database &db, const QList<QPair<Id, qint64>> &rowsTables)
{
    DeferredCheck result;
    auto findings = [&](const QString &sql, QStringList *found) {
        Sql::Statement st(db, sql);
        qsizetype rows = 0;
        while (rows < 50 && st.next()) {
            ++rows;
            if (st.text(0) != QLatin1String("ok"))
                found->append(st.text(0));
        }
        if ((!st.ok() || rows == 0) && (db.errorCode() & 0xff) == SQLITE_INTERRUPT)
            result.interrupted = true;
        else if (!st.ok() || rows == 0)
            found->append(db.errorMessage());
    };

    // One pass over every page answers for the whole file in the usual case, a whole one.
    QStringList whole;
    findings(QStringLiteral("PRAGMA quick_check(50)"), &whole);
    if (result.interrupted || whole.isEmpty())
        return result;

    // Something is damaged: which of the tables of rows, if any.
    for (const auto &[dataset, table] : rowsTables) {
        QStringList found;
        findings(QStringLiteral("PRAGMA quick_check(%1)").arg(DatasetTables::tableName(table)),
                 &found);
        if (result.interrupted)
            return result;
        if (!found.isEmpty()) {
            result.damaged.append(dataset);
            for (const QString &f : std::as_const(found))
                result.problems.append({DatasetTables::tableName(table), f});
        }
    }
    if (result.damaged.isEmpty()) {
        for (const QString &f : std::as_const(whole))
            result.problems.append({QStringLiteral("file"), f});
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
    std::optional<Project> project =
        migrateAndRead(dest, inspection.formatVersion, error, problems);
    if (project) {
        qCInfo(lcStorage) << "loaded project" << project->id << "format" << inspection.formatVersion
                          << "in" << timer.elapsed() << "ms";
    }
    return project;
}

std::optional<Project> migrateAndRead(Sql::Database &dest, int formatVersion, StorageError *error,
                                      QList<ProjectFile::Problem> *problems)
{
    QString detail;
    dest.exec(QStringLiteral("PRAGMA foreign_keys = ON"));

    if (formatVersion < ProjectFile::currentFormatVersion()) {
        Sql::Transaction transaction(dest);
        if (!Migrations::apply(dest, formatVersion, ProjectFile::currentFormatVersion(),
                               Migrations::all(), &detail) ||
            !transaction.commit()) {
            *error =
                makeError(StorageErrorCode::Damaged,
                          Text::tr("The project could not be brought up to date from format %1.")
                              .arg(formatVersion),
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
        // The temporary file is synced once, whole, before it replaces the target, and
        // thrown away on any failure: SQLite's own syncs of it would protect nothing, and its
        // journal is kept in memory, so that a save stopped at any moment leaves nothing but
        // the temporary file beside the target.
        out.exec(QStringLiteral("PRAGMA synchronous = OFF"));
        out.exec(QStringLiteral("PRAGMA journal_mode = MEMORY"));
        // Room for a small project's pages, which would otherwise be spilled mid-copy.
        out.exec(QStringLiteral("PRAGMA cache_size = -16384"));
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
        const std::optional<qint64> sourcePages =
            source.queryInt(QStringLiteral("PRAGMA page_count"));
        const std::optional<qint64> sourceVersion =
            source.queryInt(QStringLiteral("PRAGMA user_version"));
        out.close();

        // A saved project is one file: the rollback journal, never WAL. The copy took the
        // working copy's header, which says WAL; it is marked as a rollback-journal file
        // before SQLite reads it again, so that no -wal or -shm file is ever made beside it.
        if (!markRollbackJournal(temp) || !out.open(temp, Sql::Database::Mode::ReadWrite)) {
            detail = out.errorMessage();
            return fail(StorageErrorCode::CannotWrite,
                        Text::tr("“%1” cannot be saved: writing the new file failed (is the disk "
                                 "full?).")
                            .arg(name));
        }
        out.exec(QStringLiteral("PRAGMA synchronous = OFF"));
        out.exec(QStringLiteral("PRAGMA journal_mode = MEMORY"));

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

        // The pages are the working copy's, copied one for one by SQLite, and the working
        // copy's structure was checked when it was opened: reading every page back (from
        // the cache the copy just filled) would prove nothing more. What the check proves is
        // that the new file is whole: as many pages as the working copy, a schema that
        // reads, and Waymark's marks in its header.
        const std::optional<qint64> pages = out.queryInt(QStringLiteral("PRAGMA page_count"));
        const std::optional<qint64> pageSize = out.queryInt(QStringLiteral("PRAGMA page_size"));
        const std::optional<qint64> objects =
            out.queryInt(QStringLiteral("SELECT count(*) FROM sqlite_schema"));
        out.close();
        Inspection header;
        bool wal = true;
        const bool marked =
            checkHeader(temp, header, &wal) && !wal && header.formatVersion == sourceVersion;
        const bool whole = pages && pageSize && objects && *objects > 0 &&
                           (dropped > 0 || pages == sourcePages) &&
                           QFileInfo(temp).size() == *pages * *pageSize;
        if (!marked || !whole) {
            detail = QStringLiteral("%1 of %2 pages, format %3 of %4, %5")
                         .arg(pages.value_or(-1))
                         .arg(sourcePages.value_or(-1))
                         .arg(header.formatVersion)
                         .arg(sourceVersion.value_or(-1))
                         .arg(header.error.message);
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
