#include "document.h"

#include "logging.h"
#include "metrics/metricscache.h"
#include "storage/projectfile.h"
#include "storage/workingcopy.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QUndoStack>

namespace Waymark {

namespace {

// What the check after opening found, in words for the user; empty when nothing.
StorageError damageReport(const FileOps::DeferredCheck &result, const QList<Dataset> &datasets,
                          const QString &fileName)
{
    if (result.problems.isEmpty())
        return {};
    QStringList lines;
    for (const ProjectFile::Problem &p : result.problems.mid(0, 10))
        lines.append(p.where + QStringLiteral(": ") + p.what);
    if (result.damaged.isEmpty()) {
        return {StorageErrorCode::Damaged,
                QCoreApplication::translate(
                    "Waymark::Document",
                    "“%1” is damaged outside the project's tables: SQLite's integrity check "
                    "failed there. The map is whole; ask for a fresh copy of the file.")
                    .arg(fileName),
                lines.join(u'\n')};
    }
    QStringList names;
    for (const Dataset &d : datasets) {
        if (result.damaged.contains(d.id))
            names.append(QStringLiteral("“%1”").arg(d.name));
    }
    // Short enough for the status bar beside the map.
    return {StorageErrorCode::Damaged,
            QCoreApplication::translate("Waymark::Document",
                                        "The imported rows of %1 in “%2” are damaged: do not "
                                        "trust their figures. The map is whole.")
                .arg(names.join(QStringLiteral(", ")), fileName),
            lines.join(u'\n')};
}

} // namespace

Document::Document(std::unique_ptr<WorkingCopy> workingCopy, const QString &path)
    : mUndoStack(new QUndoStack(this))
    , mWorkingCopy(std::move(workingCopy))
    , mFilePath(path)
{
    // An edit reaches the working copy once its command (or macro) has finished, so that a
    // compound edit is written in one transaction.
    connect(mUndoStack, &QUndoStack::indexChanged, this, &Document::flushWorkingCopy);
    connect(mUndoStack, &QUndoStack::cleanChanged, this, [this] {
        describeWorkingCopy();
        Q_EMIT modifiedChanged(isModified());
    });
    describeWorkingCopy();
}

Document::~Document()
{
    // The check posts its result to this object: it must be over before the object is.
    mWorkingCopy->stopCheck();
    // Commands may refer back to the document while they are destroyed.
    mUndoStack->clear();
}

std::unique_ptr<Document> Document::create(const Project &project, StorageError *error)
{
    StorageError ignored;
    std::unique_ptr<WorkingCopy> copy = WorkingCopy::create(project, error ? error : &ignored);
    if (!copy)
        return nullptr;
    std::unique_ptr<Document> doc(new Document(std::move(copy), QString()));
    doc->mProject = project;
    doc->mOpenedFormatVersion = ProjectFile::currentFormatVersion();
    return doc;
}

std::unique_ptr<Document> Document::open(const QString &path, StorageError *error)
{
    StorageError ignored;
    Project project;
    int version = 0;
    std::unique_ptr<WorkingCopy> copy =
        WorkingCopy::open(path, &project, &version, error ? error : &ignored);
    if (!copy)
        return nullptr;
    std::unique_ptr<Document> doc(
        new Document(std::move(copy), QFileInfo(path).absoluteFilePath()));
    doc->mProject = std::move(project);
    doc->mOpenedFormatVersion = version;
    doc->checkRowsInBackground();
    qCInfo(lcModel) << "opened" << path << "working copy" << doc->mWorkingCopy->path();
    return doc;
}

void Document::checkRowsInBackground()
{
    // The check is for after the map is shown: it starts when the event loop next runs, so
    // that it does not compete with building the map's scene.
    mRowsChecked = false;
    mDamagedDatasets.clear();
    const int generation = ++mCheckGeneration;
    auto finish = [this, generation](const FileOps::DeferredCheck &result) {
        if (generation != mCheckGeneration)
            return;
        mRowsChecked = true;
        mDamagedDatasets = result.damaged;
        const StorageError error = damageReport(result, mProject.datasets, displayName());
        if (error)
            qCWarning(lcModel).noquote() << error.message << error.detail;
        Q_EMIT rowsCheckFinished(error);
    };
    auto start = [this, generation, finish] {
        if (generation != mCheckGeneration)
            return;
        QList<QPair<Id, qint64>> tables;
        for (const Dataset &d : std::as_const(mProject.datasets)) {
            if (d.rowsTable > 0)
                tables.append({d.id, d.rowsTable});
        }
        // Called on the checker's thread; the result is taken on this object's.
        mWorkingCopy->checkInBackground(tables, [this, finish](const FileOps::DeferredCheck &r) {
            QMetaObject::invokeMethod(
                this, [finish, r] { finish(r); }, Qt::QueuedConnection);
        });
    };
    QMetaObject::invokeMethod(this, start, Qt::QueuedConnection);
}

QString Document::displayName() const
{
    if (mFilePath.isEmpty())
        return tr("Untitled");
    return QFileInfo(mFilePath).fileName();
}

QString Document::workingCopyPath() const
{
    return mWorkingCopy->path();
}

bool Document::isModified() const
{
    return mRecovered || !mUndoStack->isClean();
}

void Document::describeWorkingCopy()
{
    mWorkingCopy->describe(mFilePath, isModified());
}

QList<WorkingCopyOrphan> Document::orphans()
{
    return WorkingCopy::orphans();
}

std::unique_ptr<Document> Document::recover(const WorkingCopyOrphan &orphan, StorageError *error)
{
    StorageError ignored;
    StorageError &err = error ? *error : ignored;

    // The orphan goes through the same checks as any file: a crash may have damaged it.
    std::unique_ptr<Document> doc;
    if (WorkingCopy::settle(orphan)) {
        doc = open(orphan.workingPath, &err);
    } else {
        err = {StorageErrorCode::Damaged,
               tr("The unsaved changes could not be read back: the working copy is damaged."),
               orphan.workingPath};
    }
    WorkingCopy::discard(orphan);
    if (!doc)
        return nullptr;

    doc->mFilePath =
        orphan.sourcePath.isEmpty() ? QString() : QFileInfo(orphan.sourcePath).absoluteFilePath();
    doc->mRecovered = true;
    doc->describeWorkingCopy();
    qCInfo(lcModel) << "recovered unsaved changes of" << orphan.sourcePath;
    return doc;
}

void Document::discard(const WorkingCopyOrphan &orphan)
{
    WorkingCopy::discard(orphan);
}

bool Document::saveAs(const QString &path, StorageError *error, const SaveProgress &options)
{
    if (!prepareSave(error) || !writeSavedCopy(path, error, options))
        return false;
    finishSave(path);
    return true;
}

bool Document::prepareSave(StorageError *error)
{
    StorageError ignored;
    return mWorkingCopy->flush(mProject, error ? error : &ignored);
}

bool Document::writeSavedCopy(const QString &path, StorageError *error,
                              const SaveProgress &options) const
{
    StorageError ignored;
    return mWorkingCopy->copyTo(QFileInfo(path).absoluteFilePath(), error ? error : &ignored,
                                options);
}

void Document::finishSave(const QString &path)
{
    const QString target = QFileInfo(path).absoluteFilePath();
    const bool wasRecovered = std::exchange(mRecovered, false);
    mWriteError = {};
    if (target != mFilePath) {
        mFilePath = target;
        Q_EMIT filePathChanged(mFilePath);
    }
    if (mUndoStack->isClean()) {
        describeWorkingCopy();
        if (wasRecovered)
            Q_EMIT modifiedChanged(false);
    }
    mUndoStack->setClean();
}

bool Document::save(StorageError *error, const SaveProgress &options)
{
    if (mFilePath.isEmpty()) {
        if (error)
            *error = {StorageErrorCode::CannotWrite,
                      tr("The project has no file yet: choose where to save it."),
                      {}};
        return false;
    }
    return saveAs(mFilePath, error, options);
}

bool Document::revert(StorageError *error)
{
    if (mFilePath.isEmpty())
        return false;
    StorageError ignored;
    Project project;
    int version = 0;
    std::unique_ptr<WorkingCopy> copy =
        WorkingCopy::open(mFilePath, &project, &version, error ? error : &ignored);
    if (!copy)
        return false;

    mUndoStack->clear();
    mWorkingCopy->stopCheck();
    mWorkingCopy = std::move(copy);
    mProject = std::move(project);
    mOpenedFormatVersion = version;
    mRecovered = false;
    mWriteError = {};
    checkRowsInBackground();
    describeWorkingCopy();
    Q_EMIT reset();
    Q_EMIT modifiedChanged(false);
    return true;
}

void Document::push(QUndoCommand *command)
{
    if (command)
        mUndoStack->push(command);
}

void Document::notify(const ChangeEvent &event)
{
    mWorkingCopy->record(event);
    Q_EMIT changed(event);
}

std::optional<QByteArray> Document::cachedMetrics(const QByteArray &key) const
{
    return mWorkingCopy->cachedMetrics(key, Metrics::EngineVersion, Metrics::MaxEncodedBytes);
}

void Document::storeCachedMetrics(const QByteArray &key, const QByteArray &payload)
{
    if (key.isEmpty() || payload.isEmpty())
        return;
    mWorkingCopy->storeCachedMetrics(key, Metrics::EngineVersion, payload,
                                     qMin(key.size(), Metrics::OptionsKeyLength));
}

void Document::holdWrites()
{
    ++mWritesHeld;
}

void Document::releaseWrites()
{
    if (mWritesHeld > 0 && --mWritesHeld == 0)
        flushWorkingCopy();
}

void Document::flushWorkingCopy()
{
    if (mWritesHeld > 0)
        return; // the edits wait in the working copy's list of pending writes
    StorageError error;
    if (mWorkingCopy->flush(mProject, &error)) {
        mWriteError = {};
        return;
    }
    if (!mWriteError)
        Q_EMIT writeFailed(error);
    mWriteError = error;
}

} // namespace Waymark
