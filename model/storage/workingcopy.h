// The private database behind an open document, in the user's local data folder. Opening a
// project copies the checked file here; every edit is written here as it happens, so that a
// crash loses nothing and the shared folder never holds a journal or lock for long. Saving
// copies it back over the project file atomically.
#pragma once

#include "../changeevent.h"
#include "../document.h"
#include "fileops.h"
#include "sqlite.h"

#include <QHash>
#include <QMutex>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace Waymark {

namespace Store {
class EntityWriter;
}

class WorkingCopy
{
public:
    ~WorkingCopy();

    // A working copy holding project, for an untitled document.
    static std::unique_ptr<WorkingCopy> create(const Project &project, StorageError *error);

    // A working copy of the (untrusted) file at path, checked and migrated; the project read
    // from it in *project, the file's own format version in *formatVersion.
    static std::unique_ptr<WorkingCopy> open(const QString &path, Project *project,
                                             int *formatVersion, StorageError *error);

    // Notes that an entity changed; flush() writes what was noted.
    void record(const ChangeEvent &event);
    bool hasPending() const { return !mPending.isEmpty(); }

    // Writes every noted entity as project now has it, in one transaction. On failure the
    // notes are kept, so that the next flush tries again.
    bool flush(const Project &project, StorageError *error);

    // Replaces target with a copy of the working database (flush first). May run on a
    // worker thread while nothing else uses the working copy.
    bool copyTo(const QString &target, StorageError *error, const SaveProgress &options);

    QString path() const { return mPath; }

    // Runs FileOps::checkDeferred() over the working copy on a worker thread, with a
    // read-only connection of its own, and calls done there with what it found, unless it was
    // stopped first. rowsTables: each dataset's N of dataset_rows_N.
    void checkInBackground(const QList<QPair<Id, qint64>> &rowsTables,
                           std::function<void(const FileOps::DeferredCheck &)> done);
    // Stops the check (if it runs) and waits for its thread; done is not called after this.
    void stopCheck();

    // The metrics cache (table metrics_cache, see FORMAT.md): derived data, written straight
    // to the database with no undo step. A store replaces the rows of the same options (keys
    // sharing their first optionsLength characters) and keeps at most MaxCachedMetrics rows,
    // the newest. While copyTo() runs on another thread, stores wait in memory until the next
    // store or flush.
    static constexpr int MaxCachedMetrics = 8;
    std::optional<QByteArray> cachedMetrics(const QByteArray &key, int engineVersion,
                                            qint64 maxBytes);
    bool storeCachedMetrics(const QByteArray &key, int engineVersion, const QByteArray &payload,
                            qsizetype optionsLength);

    // Notes beside the working copy which file it belongs to and whether it holds unsaved
    // changes, so that after a crash the next Waymark can offer to recover it.
    void describe(const QString &sourcePath, bool modified);

    // A working copy left behind by a Waymark that is no longer running.
    using Orphan = WorkingCopyOrphan;
    static QList<Orphan> orphans();
    static void discard(const Orphan &orphan);

    // Folds an orphan's write-ahead log into its database, so that it can be opened like
    // any project file. False when the orphan cannot be read.
    static bool settle(const Orphan &orphan);

    // The folder holding every working copy.
    static QString folder();

private:
    WorkingCopy() = default;
    bool openDatabase(StorageError *error);
    void useWriteAheadLog();
    bool writeCachedMetrics();

    QString mPath;
    Sql::Database mDb;
    std::unique_ptr<Store::EntityWriter> mWriter; // made at the first write, closed before mDb
    // Pending writes: (kind, id) -> whether the entity was added (and must be written whole).
    QHash<QPair<int, Id>, bool> mPending;

    struct CachedMetrics
    {
        QByteArray key;
        int engineVersion = 0;
        QByteArray payload;
        qsizetype optionsLength = 0;
    };
    QList<CachedMetrics> mPendingMetrics; // waiting for a copy to finish
    QMutex mCopying;                      // held by copyTo() for the whole copy

    std::thread mChecker;
    std::mutex mCheckerLock;           // guards the two below
    sqlite3 *mCheckerHandle = nullptr; // the checker's connection while it is open
    bool mCheckerStopped = false;
};

} // namespace Waymark
