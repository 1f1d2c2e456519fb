// The first time a dock is seen, for docks that build their contents only then. A dock
// tabbed behind another is not hidden but moved out of the window, and comes back when its
// tab is chosen; a floating dock is a window of its own.
#pragma once

#include <functional>

class QDockWidget;

namespace Waymark::DockFirstSight {

// Whether any of the dock shows: visible, and floating or with part of it inside the window.
bool isSeen(const QDockWidget *dock);

// Calls seen once, when the dock is first seen (shown, brought in by its tab, floated or
// docked elsewhere), during the event that shows it, so that what it builds is laid out
// before that frame is painted. At once if the dock is seen already.
void watch(QDockWidget *dock, std::function<void()> seen);

} // namespace Waymark::DockFirstSight
