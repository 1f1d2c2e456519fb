// A project being edited: the model, its undo stack, and the private working copy of its
// file. Every change goes through an undo command pushed here; views hear of it through
// changed(), and the working copy writes it to disk before the next event loop turn.
#pragma once

#include "changeevent.h"
#include "entities.h"
#include "storage/storageerror.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QUndoCommand;
class QUndoStack;

namespace Waymark {

class WorkingCopy;

struct WorkingCopyOrphan
{
    QString workingPath;
    QString sourcePath;    // the file it was a working copy of; empty for an untitled project
    bool modified = false; // whether it held changes that were never saved
    QDateTime updated;     // UTC
};

struct SaveProgress
{
    std::function<void(qint64 done, qint64 total)> progress; // pages copied so far
    const std::atomic_bool *cancel = nullptr;
};

class Document : public QObject
{
    Q_OBJECT

public:
    ~Document() override;

    // An untitled document holding a copy of project (a new project from a template).
    static std::unique_ptr<Document> create(const Project &project, StorageError *error);

    // Opens a project file, which is untrusted: it is checked, copied into a private
    // working database and migrated there to the current format. The file itself is never
    // written to until the next save.
    static std::unique_ptr<Document> open(const QString &path, StorageError *error);

    const Project &project() const { return mProject; }
    QUndoStack *undoStack() const { return mUndoStack; }

    // The file this document was opened from or last saved to; empty when untitled.
    QString filePath() const { return mFilePath; }
    QString displayName() const;
    bool isModified() const;

    // The private database behind the document, for an importer's own connection
    // (Import::Importer::run); nothing else should write to it.
    QString workingCopyPath() const;

    // The format version the file had when opened (older files are migrated on open).
    int openedFormatVersion() const { return mOpenedFormatVersion; }

    // Replaces the file at path atomically: it holds either the old or the new project,
    // never a mixture. On success the document is clean and takes path as its file.
    bool saveAs(const QString &path, StorageError *error, const SaveProgress &options = {});
    bool save(StorageError *error, const SaveProgress &options = {});

    // saveAs() in three steps, so that the copy can run on a worker thread while the window
    // stays responsive: prepareSave() and finishSave() on the document's thread,
    // writeSavedCopy() on any thread, during which the document must not be edited.
    bool prepareSave(StorageError *error);
    bool writeSavedCopy(const QString &path, StorageError *error,
                        const SaveProgress &options = {}) const;
    void finishSave(const QString &path);

    // Throws away every change since the last save by reopening the file from disk.
    bool revert(StorageError *error);

    // Working copies that a Waymark which did not close properly left behind, newest first,
    // and the document made from one of them: it belongs to the orphan's file (or is
    // untitled) and counts as modified until saved. The orphan is consumed either way.
    static QList<WorkingCopyOrphan> orphans();
    static std::unique_ptr<Document> recover(const WorkingCopyOrphan &orphan, StorageError *error);
    static void discard(const WorkingCopyOrphan &orphan);

    void push(QUndoCommand *command);

    // For undo commands only: the project they edit, and the announcement of what they did.
    Project &editableProject() { return mProject; }
    void notify(const ChangeEvent &event);

    // Computed metrics kept with the project (see metrics/metricscache.h): the payload stored
    // under key (Metrics::inputsKey), if any. Storing is not an edit: no undo step, and the
    // document does not become modified; the working copy keeps it, so the next save writes
    // it. A store replaces the rows of the same options, whose inputs have since changed.
    std::optional<QByteArray> cachedMetrics(const QByteArray &key) const;
    void storeCachedMetrics(const QByteArray &key, const QByteArray &payload);

    // The last error the working copy met while writing an edit (a full disk); the edit is
    // kept in memory and written again by the next save.
    StorageError lastWriteError() const { return mWriteError; }

    // While a gesture goes on (a drag whose steps merge into one undo step), its steps wait
    // in memory and reach the working copy once, when the last hold is released: a drag
    // step on a large map wrote thirty cards each time. A crash meanwhile loses the gesture
    // in progress, not what came before it; a save writes what waited first.
    void holdWrites();
    void releaseWrites();
    bool writesHeld() const { return mWritesHeld > 0; }

    // Opening checks the map's tables before it returns, and the rest of the file (the
    // tables of imported rows) on a worker thread after: see storage/FORMAT.md. Until that
    // check has finished, rowsChecked() is false; then rowsCheckFinished() is emitted once.
    // A dataset whose rows are damaged is listed in damagedDatasets(): its rows cannot be
    // trusted, so nothing should be computed from them.
    bool rowsChecked() const { return mRowsChecked; }
    QList<Id> damagedDatasets() const { return mDamagedDatasets; }
    bool isDatasetReadable(const Id &dataset) const { return !mDamagedDatasets.contains(dataset); }

Q_SIGNALS:
    void changed(const Waymark::ChangeEvent &event);
    // Emitted after a revert replaced the whole project: views rebuild everything.
    void reset();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);
    void writeFailed(const Waymark::StorageError &error);
    // The check of the rest of the file after opening is done: error says what is damaged
    // (in words for the user), or is empty when everything is whole.
    void rowsCheckFinished(const Waymark::StorageError &error);

private:
    Document(std::unique_ptr<WorkingCopy> workingCopy, const QString &path);
    void flushWorkingCopy();
    void describeWorkingCopy();
    void checkRowsInBackground();

    Project mProject;
    QUndoStack *mUndoStack;
    std::unique_ptr<WorkingCopy> mWorkingCopy;
    QString mFilePath;
    int mOpenedFormatVersion = 0;
    bool mRecovered = false; // holds recovered changes that no undo step accounts for
    StorageError mWriteError;
    int mWritesHeld = 0;
    bool mRowsChecked = true;
    QList<Id> mDamagedDatasets;
    int mCheckGeneration = 0; // tells a finished check from one of a working copy since replaced
};

} // namespace Waymark
