// The window's layout: the first start gives the map most of the window, with the docks in one
// column on the right (the hidden ones, and those behind the front tab, not built or laid
// out), and the next start puts the docks back where the person left them; a saved layout
// that cannot be used leaves the first start's.
#include "../common/crashedcopy.h"

#include "charts/datapanel.h"
#include "chartsdock.h"
#include "datadock.h"
#include "document.h"
#include "driversdock.h"
#include "mainwindow.h"
#include "mapscene.h"
#include "mapview.h"
#include "personadock.h"
#include "windowlayout.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace Waymark;
using namespace Qt::StringLiterals;

namespace {

// The window Waymark opens on a 1920 × 1080 screen the first time: 90 % of it.
const QSize projectorWindow(1728, 972);

QDockWidget *dock(const MainWindow &window, const QString &name)
{
    return window.findChild<QDockWidget *>(name);
}

QAction *action(const MainWindow &window, const QString &name)
{
    return window.findChild<QAction *>(name);
}

// Whether a person can see any of it: a tab behind another is moved out of the window.
bool seen(const QWidget *widget)
{
    return widget->isVisible() && !widget->visibleRegion().isEmpty();
}

bool showAndWait(MainWindow &window)
{
    window.show();
    return QTest::qWaitForWindowExposed(&window);
}

void verifyFirstStartLayout(const MainWindow &window)
{
    QDockWidget *inspector = dock(window, u"inspectorDock"_s);
    QVERIFY(inspector);
    QVERIFY(seen(inspector));
    QCOMPARE(window.dockWidgetArea(inspector), Qt::RightDockWidgetArea);
    const QList<QDockWidget *> tabs = window.tabifiedDockWidgets(inspector);
    for (const QString &name : {u"chartsDock"_s, u"personaDock"_s, u"dataDock"_s}) {
        QDockWidget *other = dock(window, name);
        QVERIFY2(other, qPrintable(name));
        QVERIFY2(tabs.contains(other), qPrintable(name));
        QVERIFY2(!seen(other), qPrintable(name));
        QVERIFY2(!other->isHidden(), qPrintable(name)); // a click on its tab away
    }
    QVERIFY(dock(window, u"driversDock"_s)->isHidden());
    QVERIFY(dock(window, u"undoHistoryDock"_s)->isHidden());
    QVERIFY(!action(window, u"driversDockAction"_s)->isChecked());
    QVERIFY(action(window, u"chartsDockAction"_s)->isChecked());
}

} // namespace

class TestWindowLayout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"WaymarkTests"_s);
        QCoreApplication::setApplicationName(u"tst_windowlayout"_s);
        QVERIFY(Testing::clearWorkingFolder());
    }

    void init() { QSettings().clear(); }

    void firstStartGivesTheMapMostOfTheWindow()
    {
        MainWindow window;
        window.resize(projectorWindow);
        QVERIFY(showAndWait(window));
        verifyFirstStartLayout(window);

        // The docks nobody sees yet have built nothing.
        QVERIFY(!window.chartsDock()->isPanelBuilt());
        QVERIFY(!window.driversDock()->isBuilt());
        // Nor has the sentence the charts show instead, in its large font, been laid out.
        const auto *chartsMessage = window.chartsDock()->findChild<QLabel *>(u"chartsMessage"_s);
        QVERIFY(chartsMessage);
        QVERIFY(chartsMessage->text().isEmpty());
        QVERIFY(!window.chartsDock()->message().isEmpty());

        // The column is wide enough for the charts, and the map keeps well over half.
        const int column = window.findChild<QDockWidget *>(u"inspectorDock"_s)->width();
        QVERIFY2(column >= WindowLayout::FirstColumnWidth, qPrintable(QString::number(column)));
        const QWidget *map = window.currentMapView()->viewport();
        const double windowArea = double(window.width()) * window.height();
        const double mapShare = map->width() * double(map->height()) / windowArea;
        QVERIFY2(mapShare > 0.6, qPrintable(QString::number(mapShare)));

        // Chosen, the charts are built and get the column's width.
        window.chartsDock()->raise();
        QTRY_VERIFY(seen(window.chartsDock()));
        QVERIFY(window.chartsDock()->isPanelBuilt());
        QVERIFY(window.chartsDock()->width() >= WindowLayout::FirstColumnWidth);
        QVERIFY(seen(window.chartsDock()->dataPanel()) ||
                !window.chartsDock()->message().isEmpty());
        QCOMPARE(chartsMessage->text(), window.chartsDock()->message());
        QVERIFY(seen(chartsMessage));
        QVERIFY(chartsMessage->font().pointSizeF() >= 14);

        // The Key Drivers come under the map, at their height, and the map keeps most of its.
        action(window, u"driversDockAction"_s)->trigger();
        QTRY_VERIFY(seen(window.driversDock()));
        QVERIFY(window.driversDock()->isBuilt());
        QCOMPARE(window.dockWidgetArea(window.driversDock()), Qt::BottomDockWidgetArea);
        QTRY_COMPARE(window.driversDock()->height(), WindowLayout::FirstDriversHeight);
        QVERIFY(window.driversDock()->x() + window.driversDock()->width() <=
                window.chartsDock()->x());
        QVERIFY2(map->height() > window.height() * 0.6, qPrintable(QString::number(map->height())));

        // The data dock's content waits for its tab too, and shows when it is chosen.
        QDockWidget *data = window.dataDock();
        QVERIFY(data->widget()->isHidden());
        data->raise();
        QTRY_VERIFY(seen(data));
        QVERIFY(!data->widget()->isHidden());
        QVERIFY(seen(data->widget()));
        // Laid out in the dock at once, not at its own size until the next turn.
        QVERIFY(data->widget()->width() > data->width() / 2);
        QVERIFY(data->widget()->height() > data->height() / 2);
        QVERIFY(seen(data->findChild<QTreeWidget *>()));
    }

    void nextStartRestoresTheDocks()
    {
        {
            MainWindow window;
            window.resize(1500, 950);
            QVERIFY(showAndWait(window));
            window.chartsDock()->raise();
            action(window, u"driversDockAction"_s)->trigger();
            action(window, u"undoHistoryAction"_s)->trigger();
            action(window, u"personaDockAction"_s)->trigger(); // closes the persona library
            QTRY_VERIFY(seen(window.driversDock()));
            QVERIFY(window.personaDock()->isHidden());
            QVERIFY(window.close());
        }
        QVERIFY(QSettings().contains(WindowLayout::stateKey()));
        QVERIFY(QSettings().contains(WindowLayout::geometryKey()));

        // The size the saved geometry gives on this screen (restoreGeometry keeps a window
        // on its screen).
        QMainWindow plain;
        QVERIFY(
            plain.restoreGeometry(QSettings().value(WindowLayout::geometryKey()).toByteArray()));
        MainWindow window;
        QCOMPARE(window.size(), plain.size());
        QVERIFY(showAndWait(window));
        QTRY_VERIFY(seen(window.chartsDock()));
        QVERIFY(!seen(dock(window, u"inspectorDock"_s)));
        QVERIFY(seen(window.driversDock()));
        QVERIFY(seen(dock(window, u"undoHistoryDock"_s)));
        QVERIFY(window.personaDock()->isHidden());
        QVERIFY(!action(window, u"personaDockAction"_s)->isChecked());
        QVERIFY(action(window, u"driversDockAction"_s)->isChecked());
        // What shows at once is built before the first paint.
        QVERIFY(window.chartsDock()->isPanelBuilt());
        QVERIFY(window.driversDock()->isBuilt());
    }

    void dataDockInFrontShowsItsContent()
    {
        {
            MainWindow window;
            window.resize(projectorWindow);
            QVERIFY(showAndWait(window));
            window.dataDock()->raise();
            QTRY_VERIFY(seen(window.dataDock()));
            QVERIFY(window.close());
        }

        // In front when the window opens, the data dock's content is there at once.
        MainWindow window;
        QVERIFY(showAndWait(window));
        QVERIFY(seen(window.dataDock()));
        QVERIFY(seen(window.dataDock()->widget()));
        QVERIFY(seen(window.dataDock()->findChild<QTreeWidget *>()));
        QVERIFY(!seen(dock(window, u"inspectorDock"_s)));
    }

    // Floated from behind the inspector's tab, the data dock shows its content.
    void floatedDataDockShowsItsContent()
    {
        MainWindow window;
        window.resize(projectorWindow);
        QVERIFY(showAndWait(window));
        QVERIFY(window.dataDock()->widget()->isHidden());
        window.dataDock()->setFloating(true);
        QTRY_VERIFY(seen(window.dataDock()));
        QTRY_VERIFY(seen(window.dataDock()->widget()));
    }

    void unusableLayoutGivesTheFirstStart_data()
    {
        QTest::addColumn<bool>("otherVersion");
        QTest::newRow("not a layout") << false;
        QTest::newRow("a layout of another version") << true;
    }

    void unusableLayoutGivesTheFirstStart()
    {
        QFETCH(bool, otherVersion);
        QByteArray state = "not a window's state";
        if (otherVersion) {
            MainWindow window;
            action(window, u"driversDockAction"_s)->trigger();
            state = window.saveState(WindowLayout::StateVersion + 1);
        }
        QSettings().setValue(WindowLayout::stateKey(), state);

        MainWindow window;
        QVERIFY(showAndWait(window));
        verifyFirstStartLayout(window);
    }
};

QTEST_MAIN(TestWindowLayout)
#include "tst_windowlayout.moc"
