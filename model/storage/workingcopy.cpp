#include "workingcopy.h"

#include "../logging.h"
#include "fileops.h"
#include "projectstore.h"

#include <QFileInfo>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QSysInfo>

#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

namespace Waymark {

namespace {

// The translation context of this file's messages.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Waymark::WorkingCopy)
};

QString describerPath(const QString &workingPath)
{
    return workingPath + QStringLiteral(".json");
}

void removeWorkingFiles(const QString &workingPath)
{
    for (const QString &suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal"),
          QStringLiteral(".json"), QStringLiteral(".json.new")})
        QFile::remove(workingPath + suffix);
}

bool processIsRunning(qint64 pid)
{
    if (pid <= 0)
        return false;
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

} // namespace

WorkingCopy::~WorkingCopy()
{
    stopCheck();
    mWriter.reset();
    mDb.close();
    if (!mPath.isEmpty())
        removeWorkingFiles(mPath);
}

void WorkingCopy::describe(const QString &sourcePath, bool modified)
{
    QJsonObject o;
    o.insert(QStringLiteral("source"), sourcePath);
    o.insert(QStringLiteral("modified"), modified);
    o.insert(QStringLiteral("pid"), QCoreApplication::applicationPid());
    o.insert(QStringLiteral("host"), QSysInfo::machineHostName());
    o.insert(QStringLiteral("updated"),
             QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    // Written beside and renamed over, so that a crash of Waymark leaves the old note or the
    // new one. Not synced to disk: the note is as durable as the working copy it describes,
    // whose write-ahead log survives a crash of Waymark, not of the system.
    const QString note = describerPath(mPath);
    QFile file(note + QStringLiteral(".new"));
    const QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Compact);
    const bool written = file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                         file.write(json) == json.size() && file.flush();
    file.close();
    if (!written || std::rename(QFile::encodeName(file.fileName()).constData(),
                                QFile::encodeName(note).constData()) != 0) {
        qCWarning(lcStorage) << "cannot write" << note;
        QFile::remove(file.fileName());
    }
}

QList<WorkingCopy::Orphan> WorkingCopy::orphans()
{
    QList<Orphan> found;
    const QDir dir(folder());
    const QStringList notes = dir.entryList({QStringLiteral("*.waymark.json")}, QDir::Files);
    for (const QString &name : notes) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly) || file.size() > 64 * 1024)
            continue;
        const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
        const bool sameHost =
            o.value(QStringLiteral("host")).toString() == QSysInfo::machineHostName();
        const qint64 pid = qint64(o.value(QStringLiteral("pid")).toDouble());
        if (sameHost && processIsRunning(pid))
            continue; // another Waymark is working on it right now

        Orphan orphan;
        orphan.workingPath = dir.filePath(name.chopped(5));
        orphan.sourcePath = o.value(QStringLiteral("source")).toString();
        orphan.modified = o.value(QStringLiteral("modified")).toBool();
        orphan.updated =
            QDateTime::fromString(o.value(QStringLiteral("updated")).toString(), Qt::ISODateWithMs);
        if (QFileInfo::exists(orphan.workingPath))
            found.append(orphan);
        else
            QFile::remove(file.fileName());
    }
    std::sort(found.begin(), found.end(),
              [](const Orphan &a, const Orphan &b) { return a.updated > b.updated; });
    return found;
}

void WorkingCopy::discard(const Orphan &orphan)
{
    // Only ever inside the working folder, whatever a damaged note might say.
    if (QFileInfo(orphan.workingPath).absolutePath() == QFileInfo(folder()).absoluteFilePath())
        removeWorkingFiles(orphan.workingPath);
}

bool WorkingCopy::settle(const Orphan &orphan)
{
    Sql::Database db;
    if (!db.open(orphan.workingPath, Sql::Database::Mode::ReadWrite))
        return false;
    db.harden();
    return db.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")) &&
           db.queryText(QStringLiteral("PRAGMA journal_mode = DELETE")) == QStringLiteral("delete");
}

QString WorkingCopy::folder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QStringLiteral("/working");
}

bool WorkingCopy::openDatabase(StorageError *error)
{
    const QString dir = folder();
    if (!QDir().mkpath(dir)) {
        *error = {StorageErrorCode::CannotWrite,
                  Text::tr("Waymark cannot create its working folder “%1”.").arg(dir),
                  {}};
        return false;
    }
    mPath = dir + QStringLiteral("/") + newId().toString(QUuid::WithoutBraces) +
            QStringLiteral(".waymark");
    if (!mDb.open(mPath, Sql::Database::Mode::Create)) {
        *error = {StorageErrorCode::CannotWrite,
                  Text::tr("Waymark cannot create its working copy of the project."),
                  mDb.errorMessage()};
        return false;
    }
    mDb.harden();
    mDb.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    return true;
}

void WorkingCopy::useWriteAheadLog()
{
    // Private to this process: WAL with normal syncing makes each edit's write cheap, and
    // still survives a crash of Waymark (not of the operating system mid-write). Set after
    // the content is in place, since the backup API cannot write into a WAL database whose
    // page size differs from the source's. Opening leaves syncing off until here, so that
    // the switch does not wait for the whole fresh copy to reach the disk.
    mDb.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
    mDb.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
}

std::unique_ptr<WorkingCopy> WorkingCopy::create(const Project &project, StorageError *error)
{
    std::unique_ptr<WorkingCopy> copy(new WorkingCopy);
    if (!copy->openDatabase(error))
        return nullptr;
    QString detail;
    if (!FileOps::initialise(copy->mDb, project, &detail)) {
        *error = {StorageErrorCode::CannotWrite,
                  Text::tr("Waymark cannot write its working copy of the project."), detail};
        return nullptr;
    }
    copy->useWriteAheadLog();
    return copy;
}

std::unique_ptr<WorkingCopy> WorkingCopy::open(const QString &path, Project *project,
                                               int *formatVersion, StorageError *error)
{
    QElapsedTimer timer;
    timer.start();
    const QString dir = folder();
    if (!QDir().mkpath(dir)) {
        *error = {StorageErrorCode::CannotWrite,
                  Text::tr("Waymark cannot create its working folder “%1”.").arg(dir),
                  {}};
        return nullptr;
    }

    // The file is copied as it is and checked in its copy (FileOps::inspectCopy), so that
    // its pages are read once by SQLite rather than checked in the file, then copied page by
    // page, then read again.
    std::unique_ptr<WorkingCopy> copy(new WorkingCopy);
    copy->mPath = dir + QStringLiteral("/") + newId().toString(QUuid::WithoutBraces) +
                  QStringLiteral(".waymark");
    FileOps::Inspection inspection = FileOps::inspectCopy(path, copy->mPath);
    if (inspection.error) {
        *error = inspection.error;
        return nullptr;
    }
    *formatVersion = inspection.formatVersion;
    copy->mDb = std::move(inspection.db);
    std::optional<Project> loaded =
        FileOps::migrateAndRead(copy->mDb, inspection.formatVersion, error);
    if (!loaded)
        return nullptr;
    copy->useWriteAheadLog();
    *project = std::move(*loaded);
    qCInfo(lcStorage) << "opened" << path << "format" << inspection.formatVersion << "in"
                      << timer.elapsed() << "ms";
    return copy;
}

void WorkingCopy::checkInBackground(const QList<QPair<Id, qint64>> &rowsTables,
                                    std::function<void(const FileOps::DeferredCheck &)> done)
{
    stopCheck();
    mCheckerStopped = false;
    mChecker = std::thread([this, rowsTables, done = std::move(done)] {
        // Below the window's thread, which is what a person waits for meanwhile.
        ::setpriority(PRIO_PROCESS, id_t(::gettid()), 10);
        QElapsedTimer timer;
        timer.start();
        Sql::Database db;
        if (!db.open(mPath, Sql::Database::Mode::ReadOnly)) {
            FileOps::DeferredCheck failed;
            failed.problems.append({QStringLiteral("file"), db.errorMessage()});
            done(failed);
            return;
        }
        db.harden();
        {
            const std::lock_guard lock(mCheckerLock);
            if (mCheckerStopped)
                return;
            mCheckerHandle = db.handle();
        }
        const FileOps::DeferredCheck result = FileOps::checkDeferred(db, rowsTables);
        {
            const std::lock_guard lock(mCheckerLock);
            mCheckerHandle = nullptr;
            if (mCheckerStopped || result.interrupted)
                return;
        }
        qCInfo(lcStorage) << "checked the rest of" << mPath << "in" << timer.elapsed()
                          << "ms:" << result.problems.size() << "problems";
        done(result);
    });
}

void WorkingCopy::stopCheck()
{
    {
        const std::lock_guard lock(mCheckerLock);
        mCheckerStopped = true;
        if (mCheckerHandle)
            sqlite3_interrupt(mCheckerHandle);
    }
    if (mChecker.joinable())
        mChecker.join();
}

void WorkingCopy::record(const ChangeEvent &event)
{
    bool &added = mPending[{int(event.entity), event.id}];
    added = added || event.change == ChangeKind::Added;
}

std::optional<QByteArray> WorkingCopy::cachedMetrics(const QByteArray &key, int engineVersion,
                                                     qint64 maxBytes)
{
    for (qsizetype i = mPendingMetrics.size() - 1; i >= 0; --i) {
        if (mPendingMetrics[i].key == key && mPendingMetrics[i].engineVersion == engineVersion)
            return mPendingMetrics[i].payload;
    }
    if (!mCopying.tryLock())
        return std::nullopt;

    // The length is checked before the value is fetched: a hostile file's blob is not read.
    std::optional<QByteArray> found;
    {
        Sql::Statement st(mDb, QStringLiteral("SELECT length(payload) <= ?, payload "
                                              "FROM metrics_cache "
                                              "WHERE key = ? AND engine_version = ?"));
        st.bind(1, maxBytes);
        st.bind(2, QString::fromLatin1(key));
        st.bind(3, engineVersion);
        if (st.next() && st.integer(0) == 1)
            found = st.blob(1);
    }
    mCopying.unlock();
    return found;
}

bool WorkingCopy::storeCachedMetrics(const QByteArray &key, int engineVersion,
                                     const QByteArray &payload, qsizetype optionsLength)
{
    mPendingMetrics.append({key, engineVersion, payload, optionsLength});
    return writeCachedMetrics();
}

bool WorkingCopy::writeCachedMetrics()
{
    if (mPendingMetrics.isEmpty())
        return true;
    if (!mCopying.tryLock())
        return false;

    Sql::Transaction transaction(mDb);
    bool ok = transaction.isActive();
    for (const CachedMetrics &m : std::as_const(mPendingMetrics)) {
        if (!ok)
            break;
        // Rows of the same options were computed from inputs that have changed since.
        Sql::Statement stale(mDb, QStringLiteral("DELETE FROM metrics_cache "
                                                 "WHERE substr(key, 1, ?) = ? AND key <> ?"));
        stale.bind(1, qint64(m.optionsLength));
        stale.bind(2, QString::fromLatin1(m.key.left(m.optionsLength)));
        stale.bind(3, QString::fromLatin1(m.key));
        Sql::Statement insert(mDb, QStringLiteral("INSERT OR REPLACE INTO metrics_cache "
                                                  "(key, engine_version, payload, written) "
                                                  "VALUES (?, ?, ?, ?)"));
        insert.bind(1, QString::fromLatin1(m.key));
        insert.bind(2, m.engineVersion);
        insert.bind(3, m.payload);
        insert.bind(4, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        ok = (m.optionsLength <= 0 || stale.run()) && insert.run();
    }
    Sql::Statement prune(mDb, QStringLiteral("DELETE FROM metrics_cache WHERE key NOT IN "
                                             "(SELECT key FROM metrics_cache "
                                             "ORDER BY written DESC, rowid DESC LIMIT ?)"));
    prune.bind(1, MaxCachedMetrics);
    ok = ok && prune.run() && transaction.commit();
    mCopying.unlock();

    if (!ok) {
        // Derived data: losing it costs a recomputation, never the user's work.
        qCWarning(lcStorage) << "cannot write the metrics cache:" << mDb.errorMessage();
    }
    mPendingMetrics.clear();
    return ok;
}

bool WorkingCopy::flush(const Project &project, StorageError *error)
{
    writeCachedMetrics();
    if (mPending.isEmpty())
        return true;

    // Parents before children, so that every foreign key resolves as rows are written.
    // Personas come before maps: an added map is written whole, its persona steps included.
    auto rank = [](int kind) {
        switch (EntityKind(kind)) {
        case EntityKind::Project:
            return 0;
        case EntityKind::Persona:
            return 1;
        case EntityKind::Dataset:
            return 2;
        default:
            return 3 + kind;
        }
    };
    QList<QPair<int, Id>> keys = mPending.keys();
    std::sort(keys.begin(), keys.end(), [&](const auto &a, const auto &b) {
        return a.first != b.first ? rank(a.first) < rank(b.first) : a.second < b.second;
    });

    Sql::Transaction transaction(mDb);
    QString detail = mDb.errorMessage();
    bool ok = transaction.isActive();
    if (!mWriter)
        mWriter = std::make_unique<Store::EntityWriter>(mDb);
    for (const auto &key : std::as_const(keys)) {
        if (!ok)
            break;
        ok = mWriter->write(project, EntityKind(key.first), key.second, mPending.value(key),
                            &detail);
    }
    ok = ok && transaction.commit();
    if (!ok) {
        *error = {StorageErrorCode::CannotWrite,
                  Text::tr("Waymark could not write your latest change to its working copy (is the "
                           "disk full?). The change is kept and will be written when you save."),
                  detail};
        qCWarning(lcStorage) << "writing to the working copy failed:" << detail;
        return false;
    }
    mPending.clear();
    return true;
}

bool WorkingCopy::copyTo(const QString &target, StorageError *error, const SaveProgress &options)
{
    const QMutexLocker copying(&mCopying);
    return FileOps::replaceAtomically(mDb, target, error, options);
}

} // namespace Waymark
