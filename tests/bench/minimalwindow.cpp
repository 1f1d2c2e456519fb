// bench-minimal-window: the baseline of bench_startup, the least a Qt Widgets application
// does to show a main window: a QApplication, an empty QMainWindow of Waymark's default
// size, shown. It answers WAYMARK_BENCH_EXIT_AFTER_PAINT as Waymark's main window does
// (tests/bench/README.md), so that both are timed to the same moment.
#include <QApplication>
#include <QMainWindow>
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
    window.resize(1440, 900);
    if (qEnvironmentVariableIsSet("WAYMARK_BENCH_EXIT_AFTER_PAINT"))
        window.installEventFilter(new FirstPaintExit(&window));
    window.show();
    return QApplication::exec();
}
