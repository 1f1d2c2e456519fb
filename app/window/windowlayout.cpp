#include "windowlayout.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QScreen>
#include <QSettings>

#include <memory>

using namespace Qt::StringLiterals;

namespace Waymark::WindowLayout {

namespace {

// The right column runs the window's full height, so a dock at the bottom sits under the map
// only and the inspector keeps its length. saveState() does not keep the corners.
void useCorners(QMainWindow *window)
{
    window->setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    window->setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
}

} // namespace

QString geometryKey()
{
    return u"window/geometry"_s;
}

QString stateKey()
{
    return u"window/state"_s;
}

void restoreGeometry(QMainWindow *window)
{
    const QByteArray geometry = QSettings().value(geometryKey()).toByteArray();
    if (!geometry.isEmpty() && window->restoreGeometry(geometry))
        return;
    // Most of the screen: a map needs room, and on a projector's 1920 × 1080 a small window
    // wastes what the room can see.
    if (QScreen *screen = window->screen()) {
        const QRect available = screen->availableGeometry();
        window->resize(
            (available.size() * 0.9).expandedTo(QSize(1440, 900)).boundedTo(QSize(2400, 1500)));
        window->move(available.center() - window->rect().center());
    }
}

bool restoreDocks(QMainWindow *window)
{
    const QByteArray state = QSettings().value(stateKey()).toByteArray();
    useCorners(window);
    return !state.isEmpty() && window->restoreState(state, StateVersion);
}

void arrangeFirstStart(QMainWindow *window, const Docks &docks)
{
    useCorners(window);

    // One column of panels, editing in front: the map keeps about three quarters of the width.
    QDockWidget *front = docks.inspector;
    for (QDockWidget *dock : {docks.charts, docks.personas, docks.data}) {
        window->addDockWidget(Qt::RightDockWidgetArea, dock);
        window->tabifyDockWidget(front, dock);
    }
    front->raise();
    window->resizeDocks({front}, {FirstColumnWidth}, Qt::Horizontal);

    window->addDockWidget(Qt::RightDockWidgetArea, docks.undoHistory);
    docks.undoHistory->hide();

    // Hidden docks keep no size of their own until they have been laid out once, so the Key
    // Drivers dock takes its height the first time it shows.
    window->addDockWidget(Qt::BottomDockWidgetArea, docks.drivers);
    docks.drivers->hide();
    QDockWidget *drivers = docks.drivers;
    auto sized = std::make_shared<QMetaObject::Connection>();
    *sized = QObject::connect(
        drivers, &QDockWidget::visibilityChanged, window, [window, drivers, sized](bool visible) {
            if (!visible || drivers->isFloating())
                return;
            QObject::disconnect(*sized);
            window->resizeDocks({drivers}, {FirstDriversHeight}, Qt::Vertical);
        });
}

void save(const QMainWindow *window)
{
    QSettings settings;
    settings.setValue(geometryKey(), window->saveGeometry());
    settings.setValue(stateKey(), window->saveState(StateVersion));
}

} // namespace Waymark::WindowLayout
