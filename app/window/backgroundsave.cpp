#include "backgroundsave.h"

#include "document.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QProgressDialog>
#include <QTimer>
#include <QtConcurrent>

#include <limits>

namespace Waymark {

BackgroundSave::BackgroundSave(Document *document, const QString &path, QWidget *dialogParent)
    : mDocument(document)
    , mPath(path)
    , mDialogParent(dialogParent)
{}

bool BackgroundSave::run(StorageError *error)
{
    StorageError ignored;
    StorageError &err = error ? *error : ignored;

    // Pending edits reach the working copy here, on the document's thread.
    if (!mDocument->prepareSave(&err))
        return false;

    std::atomic<qint64> done = 0;
    std::atomic<qint64> total = 0;
    SaveProgress progress;
    progress.cancel = &mCancel;
    progress.progress = [&](qint64 d, qint64 t) {
        done = d;
        total = t;
    };

    StorageError workerError;
    const Document *document = mDocument;
    const QString path = mPath;
    QFutureWatcher<bool> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<bool>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(
        QtConcurrent::run([&] { return document->writeSavedCopy(path, &workerError, progress); }));

    // A quick save ends here, with input held back and delivered once it is done.
    if (!watcher.isFinished()) {
        QTimer::singleShot(mDialogDelay, &loop, &QEventLoop::quit);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }

    if (!watcher.isFinished()) {
        QProgressDialog dialog(tr("Saving “%1”…").arg(QFileInfo(mPath).fileName()), tr("Cancel"), 0,
                               0, mDialogParent);
        dialog.setWindowModality(Qt::WindowModal);
        dialog.setMinimumDuration(0);
        dialog.setAutoReset(false);
        dialog.setAutoClose(false);
        QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [this] { mCancel = true; });
        QTimer ticker;
        QObject::connect(&ticker, &QTimer::timeout, &dialog, [&] {
            const qint64 t = total;
            if (t > 0) {
                dialog.setMaximum(int(std::min<qint64>(t, std::numeric_limits<int>::max())));
                dialog.setValue(int(std::min<qint64>(done, dialog.maximum())));
            }
        });
        ticker.start(50);
        dialog.show();
        if (!watcher.isFinished())
            loop.exec();
    }
    watcher.waitForFinished();

    if (!watcher.result()) {
        err = workerError;
        return false;
    }
    mDocument->finishSave(mPath);
    return true;
}

} // namespace Waymark
