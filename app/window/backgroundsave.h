// Saves a document with the copy on a worker thread, so that the window keeps painting
// while a large project is written. The document must not change during the copy: for the
// first moments user input is held back (it is delivered afterwards), then a window-modal
// progress dialog with Cancel takes over.
#pragma once

#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>

class QWidget;

namespace Waymark {

class Document;

class BackgroundSave
{
    Q_DECLARE_TR_FUNCTIONS(Waymark::BackgroundSave)

public:
    BackgroundSave(Document *document, const QString &path, QWidget *dialogParent);

    // Runs the save to the end and returns whether it succeeded; on failure or cancel the
    // file at path is as it was and *error says why.
    bool run(StorageError *error);

    // Asks a running (or not yet started) save to stop; it then fails with Cancelled.
    void cancel() { mCancel = true; }

    // How long input is held back before the progress dialog appears.
    void setDialogDelay(int milliseconds) { mDialogDelay = milliseconds; }

private:
    Document *mDocument;
    QString mPath;
    QWidget *mDialogParent;
    std::atomic_bool mCancel = false;
    int mDialogDelay = 400;
};

} // namespace Waymark
