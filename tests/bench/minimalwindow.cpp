// bench-minimal-window: the baselines of bench_startup, the least a Qt Widgets application
// does to show a main window: a QApplication, an empty QMainWindow of the size Waymark's
// window takes the first time (most of the screen: WindowLayout::restoreGeometry), shown.
// With --menu-bar, the same window with a menu bar of five menus and a status bar message,
// the least a desktop application's window shows: it draws text, so it loads fontconfig's
// configuration and the font database, which the empty window never does before its first
// paint (tests/bench/README.md). It answers WAYMARK_BENCH_EXIT_AFTER_PAINT as Waymark's main
// window does, so that all are timed to the same moment.
#include <QApplication>
#include <QMainWindow>
#include <QMenuBar>
#include <QScreen>
#include <QStatusBar>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace {

class FirstPaintExit : public QObject
{
public:
    using QObject::QObject;

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !mPainted) {
            mPainted = true;
            QMetaObject::invokeMethod(
                this,
                [] {
                    std::fputs("waymark: first paint\n", stdout);
                    std::fflush(stdout);
                    const int stay = qEnvironmentVariableIntValue("WAYMARK_BENCH_EXIT_AFTER_PAINT");
                    QTimer::singleShot(std::max(0, stay), qApp, &QCoreApplication::quit);
                },
                Qt::QueuedConnection);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool mPainted = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    const QRect available = window.screen()->availableGeometry();
    window.resize(
        (available.size() * 0.9).expandedTo(QSize(1440, 900)).boundedTo(QSize(2400, 1500)));
    window.move(available.center() - window.rect().center());
    if (QApplication::arguments().contains(QStringLiteral("--menu-bar"))) {
        for (const char *title : {"&File", "&Edit", "&View", "&Map", "&Help"})
            window.menuBar()->addMenu(QString::fromLatin1(title));
        window.statusBar()->showMessage(QStringLiteral("Ready"));
    }
    if (qEnvironmentVariableIsSet("WAYMARK_BENCH_EXIT_AFTER_PAINT"))
        window.installEventFilter(new FirstPaintExit(&window));
    window.show();
    return QApplication::exec();
}
