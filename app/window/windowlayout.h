// Where the main window and its docks are, from one session to the next: the window's
// geometry and QMainWindow::saveState() kept in QSettings, and the layout of the first start,
// which gives the map most of the window.
#pragma once

#include <QString>

class QDockWidget;
class QMainWindow;

namespace Waymark::WindowLayout {

// Bumped when the docks change so much that an older saved layout would put them in odd
// places: a layout saved under another version is not restored, and the first-start layout
// is used instead.
constexpr int StateVersion = 1;

// The settings keys, for tests.
QString geometryKey(); // QWidget::saveGeometry()
QString stateKey();    // QMainWindow::saveState(StateVersion)

// At the first start the one column of docks on the right is at least this wide (the charts'
// axis labels need it on a projector), and the Key Drivers dock this high when it is first
// shown, under the map.
constexpr int FirstColumnWidth = 480;
constexpr int FirstDriversHeight = 220;

struct Docks
{
    QDockWidget *inspector = nullptr;
    QDockWidget *charts = nullptr;
    QDockWidget *personas = nullptr;
    QDockWidget *data = nullptr;
    QDockWidget *drivers = nullptr;
    QDockWidget *undoHistory = nullptr;
};

// The last session's size and place of the window; the first time (or when it cannot be
// used), most of the screen.
void restoreGeometry(QMainWindow *window);

// The last session's dock layout; false, and nothing changed, when there is none of this
// StateVersion or it cannot be used.
bool restoreDocks(QMainWindow *window);

// The first start's layout: one column on the right with the inspector in front and the
// charts, personas and data as tabs behind it; the Key Drivers and Undo History docks hidden
// until asked for (View menu), the Key Drivers then under the map. Call after the window has
// its size.
void arrangeFirstStart(QMainWindow *window, const Docks &docks);

// Both kept for the next session.
void save(const QMainWindow *window);

} // namespace Waymark::WindowLayout
