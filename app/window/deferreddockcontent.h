// Keeps a dock's content hidden until a person can first see the dock. A dock tabbed behind
// another is not hidden but moved out of the window, so its content is laid out, polished
// and measured with the window, loading the fonts it draws with, before the window can
// paint; hidden, it costs nothing until its tab is chosen (or the dock is moved, floated or
// shown on its own), and is then shown before that frame is painted.
#pragma once

#include <QObject>

class QDockWidget;

namespace Waymark {

class DeferredDockContent : public QObject
{
    Q_OBJECT

public:
    // Hides dock->widget() now, unless the dock can be seen already; the object is the
    // dock's child and goes once the content is shown.
    static void install(QDockWidget *dock);

    // Whether any of the dock is inside its window, or it is a window of its own.
    static bool isSeen(const QDockWidget *dock);

    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit DeferredDockContent(QDockWidget *dock);

    QDockWidget *mDock;
};

} // namespace Waymark
