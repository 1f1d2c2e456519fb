#include "deferreddockcontent.h"

#include "dockfirstsight.h"

#include <QDockWidget>
#include <QEvent>
#include <QLayout>

namespace Waymark {

DeferredDockContent::DeferredDockContent(QDockWidget *dock)
    : QObject(dock)
    , mDock(dock)
{}

void DeferredDockContent::install(QDockWidget *dock)
{
    QWidget *content = dock->widget();
    if (!content || isSeen(dock))
        return;
    content->hide();
    dock->installEventFilter(new DeferredDockContent(dock));
}

bool DeferredDockContent::isSeen(const QDockWidget *dock)
{
    return DockFirstSight::isSeen(dock);
}

bool DeferredDockContent::eventFilter(QObject *watched, QEvent *event)
{
    // Choosing a dock's tab moves it into the window; floating or docking it elsewhere
    // resizes it; showing a hidden one shows it.
    switch (event->type()) {
    case QEvent::Show:
    case QEvent::Move:
    case QEvent::Resize:
        if (watched == mDock && isSeen(mDock)) {
            if (QWidget *content = mDock->widget()) {
                content->show();
                // Laid out now, or it would be drawn at its own size until the next turn of
                // the event loop.
                mDock->layout()->activate();
            }
            mDock->removeEventFilter(this);
            deleteLater();
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Waymark
