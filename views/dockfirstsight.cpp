#include "dockfirstsight.h"

#include <QDockWidget>
#include <QEvent>

namespace Waymark::DockFirstSight {

namespace {

class Watcher : public QObject
{
public:
    Watcher(QDockWidget *dock, std::function<void()> seen)
        : QObject(dock)
        , mDock(dock)
        , mSeen(std::move(seen))
    {
        dock->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // Choosing a dock's tab moves it into the window; floating or docking it elsewhere
        // resizes it; showing a hidden one shows it.
        const QEvent::Type type = event->type();
        if (watched == mDock &&
            (type == QEvent::Show || type == QEvent::Move || type == QEvent::Resize) &&
            isSeen(mDock)) {
            mDock->removeEventFilter(this);
            deleteLater();
            std::exchange(mSeen, {})();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QDockWidget *mDock;
    std::function<void()> mSeen;
};

} // namespace

bool isSeen(const QDockWidget *dock)
{
    return dock->isVisible() && (dock->isFloating() || !dock->visibleRegion().isEmpty());
}

void watch(QDockWidget *dock, std::function<void()> seen)
{
    if (isSeen(dock)) {
        seen();
        return;
    }
    new Watcher(dock, std::move(seen));
}

} // namespace Waymark::DockFirstSight
