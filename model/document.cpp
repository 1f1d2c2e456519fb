#include "document.h"

#include "logging.h"
#include "storage/projectfile.h"
#include "storage/workingcopy.h"

#include <QFileInfo>
#include <QUndoStack>

namespace Waymark {

Document::Document(std::unique_ptr<WorkingCopy> workingCopy, const QString &path)
    : mUndoStack(new QUndoStack(this))
    , mWorkingCopy(std::move(workingCopy))
    , mFilePath(path)
{
    // An edit reaches the working copy once its command (or macro) has finished, so that a
    // compound edit is written in one transaction.
    connect(mUndoStack, &QUndoStack::indexChanged, this, &Document::flushWorkingCopy);
    connect(mUndoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

Document::~Document()
{
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
    std::unique_ptr<WorkingCopy> copy = WorkingCopy::open(path, &project, &version,
                                                          error ? error : &ignored);
    if (!copy)
        return nullptr;
    std::unique_ptr<Document> doc(new Document(std::move(copy), QFileInfo(path).absoluteFilePath()));
    doc->mProject = std::move(project);
    doc->mOpenedFormatVersion = version;
    qCInfo(lcModel) << "opened" << path << "working copy" << doc->mWorkingCopy->path();
    return doc;
}

QString Document::displayName() const
{
    if (mFilePath.isEmpty())
        return tr("Untitled");
    return QFileInfo(mFilePath).fileName();
}

bool Document::isModified() const
{
    return !mUndoStack->isClean();
}

bool Document::saveAs(const QString &path, StorageError *error, const SaveProgress &options)
{
    StorageError ignored;
    StorageError &err = error ? *error : ignored;
    const QString target = QFileInfo(path).absoluteFilePath();
    if (!mWorkingCopy->saveTo(target, mProject, &err, options))
        return false;

    mWriteError = {};
    mUndoStack->setClean();
    if (target != mFilePath) {
        mFilePath = target;
        Q_EMIT filePathChanged(mFilePath);
    }
    return true;
}

bool Document::save(StorageError *error, const SaveProgress &options)
{
    Q_ASSERT(!mFilePath.isEmpty());
    return saveAs(mFilePath, error, options);
}

bool Document::revert(StorageError *error)
{
    if (mFilePath.isEmpty())
        return false;
    StorageError ignored;
    Project project;
    int version = 0;
    std::unique_ptr<WorkingCopy> copy = WorkingCopy::open(mFilePath, &project, &version,
                                                          error ? error : &ignored);
    if (!copy)
        return false;

    mUndoStack->clear();
    mWorkingCopy = std::move(copy);
    mProject = std::move(project);
    mOpenedFormatVersion = version;
    mWriteError = {};
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

void Document::flushWorkingCopy()
{
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
