// The Key Drivers dock: the ranking's rows in the engine's order, sorting by a column, the
// empty and computing states, the explanation, and the signal that asks for a card. With
// WAYMARK_SCREENSHOTS set to a folder, the dock is saved there with the sample's ranking.
#include "chartsdock.h"
#include "document.h"
#include "driversdock.h"
#include "driversmodel.h"
#include "mainwindow.h"
#include "mapscene.h"
#include "mapview.h"
#include "metrics/metricsengine.h"
#include "storage/storageerror.h"
#include "touchpointcarditem.h"

#include <QAction>
#include <QHeaderView>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Waymark;

namespace {

struct Fixture
{
    Id mapId = newId(), otherMap = newId();
    // In the engine's order: Checkout, Delivery, Search, Returns (revenue only), Advert
    // (neither), Helpdesk (another map).
    Id checkout = newId(), delivery = newId(), search = newId(), returns = newId(),
       advert = newId(), helpdesk = newId();

    std::shared_ptr<const Metrics::Result> result() const
    {
        auto result = std::make_shared<Metrics::Result>();
        result->ok = true;
        const auto touchpoint = [&](const Id &id, const Id &map, const QString &stage) {
            Metrics::TouchpointResult t;
            t.id = id;
            t.mapId = map;
            t.stage = stage;
            result->touchpoints.append(t);
        };
        touchpoint(checkout, mapId, u"Purchase"_s);
        touchpoint(delivery, mapId, u"Experience"_s);
        touchpoint(search, mapId, u"Awareness"_s);
        touchpoint(returns, mapId, u"Loyalty"_s);
        touchpoint(advert, mapId, u"Awareness"_s);
        touchpoint(helpdesk, otherMap, u"Support"_s);

        const auto driver = [&](const Id &id, const Id &map, const QString &title,
                                Metrics::Measure score, std::optional<Stats::Correlation> r,
                                std::optional<double> share) {
            result->drivers.append({id, map, title, score, r, share});
        };
        driver(checkout, mapId, u"Checkout"_s, Metrics::Measure::Csat,
               Stats::Correlation{240, 0.62, 0.0001, Stats::Interval{0.54, 0.69}}, 0.55);
        driver(delivery, mapId, u"Delivery"_s, Metrics::Measure::Rating,
               Stats::Correlation{120, 0.41, 0.001, Stats::Interval{0.25, 0.55}}, 0.05);
        driver(search, mapId, u"Search"_s, Metrics::Measure::Ces,
               Stats::Correlation{3, 0.12, 0.9, std::nullopt}, std::nullopt);
        driver(returns, mapId, u"Returns"_s, Metrics::Measure::Csat, std::nullopt, 0.40);
        driver(advert, mapId, u"Advert"_s, Metrics::Measure::Csat, std::nullopt, std::nullopt);
        driver(helpdesk, otherMap, u"Helpdesk"_s, Metrics::Measure::Csat,
               Stats::Correlation{80, 0.7, 0.001, Stats::Interval{0.57, 0.8}}, std::nullopt);
        return result;
    }
};

QStringList column(const QAbstractItemModel &model, int column)
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(); ++row)
        texts.append(model.index(row, column).data().toString());
    return texts;
}

} // namespace

class TestDriversDock : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale::c());
    }

    void rows_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<QStringList>("texts");

        QTest::newRow("strongest correlation first")
            << 0 << QStringList{u"1"_s,    u"Checkout"_s,     u"Purchase"_s, u"CSAT"_s,
                                u"0.62"_s, u"0.54 to 0.69"_s, u"240"_s,      u"55.0%"_s};
        QTest::newRow("a rating's driver")
            << 1 << QStringList{u"2"_s,    u"Delivery"_s,     u"Experience"_s, u"Rating"_s,
                                u"0.41"_s, u"0.25 to 0.55"_s, u"120"_s,        u"5.0%"_s};
        QTest::newRow("too few pairs for an interval")
            << 2 << QStringList{u"3"_s,    u"Search"_s, u"Awareness"_s, u"Effort (CES)"_s,
                                u"0.12"_s, u"—"_s,      u"3"_s,         u"—"_s};
        QTest::newRow("revenue only")
            << 3 << QStringList{u"4"_s, u"Returns"_s, u"Loyalty"_s, u"—"_s,
                                u"—"_s, u"—"_s,       u"—"_s,       u"40.0%"_s};
    }

    void rows()
    {
        QFETCH(int, row);
        QFETCH(QStringList, texts);

        Fixture f;
        DriversModel model;
        model.setResult(*f.result(), f.mapId);
        // The advert has neither figure, the helpdesk is on another map.
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(DriversModel::ColumnCount));
        QStringList actual;
        for (int c = 0; c < model.columnCount(); ++c)
            actual.append(model.index(row, c).data().toString());
        QCOMPARE(actual, texts);
        QCOMPARE(model.index(0, 0).data(DriversModel::TouchpointIdRole).value<Id>(), f.checkout);
        QCOMPARE(model.index(0, 0).data(DriversModel::MapIdRole).value<Id>(), f.mapId);
        QCOMPARE(model.index(0, DriversModel::RevenueShareColumn)
                     .data(DriversModel::LargestShareRole)
                     .toDouble(),
                 0.55);
    }

    void everyMap()
    {
        Fixture f;
        DriversModel model;
        model.setResult(*f.result());
        QCOMPARE(
            column(model, DriversModel::TouchpointColumn),
            (QStringList{u"Checkout"_s, u"Delivery"_s, u"Search"_s, u"Returns"_s, u"Helpdesk"_s}));
    }

    void sorting_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("order");
        QTest::addColumn<QStringList>("titles");

        QTest::newRow("rank") << int(DriversModel::RankColumn) << Qt::AscendingOrder
                              << QStringList{u"Checkout"_s, u"Delivery"_s, u"Search"_s,
                                             u"Returns"_s};
        QTest::newRow("rank, last first")
            << int(DriversModel::RankColumn) << Qt::DescendingOrder
            << QStringList{u"Returns"_s, u"Search"_s, u"Delivery"_s, u"Checkout"_s};
        QTest::newRow("share of revenue, largest first, none last")
            << int(DriversModel::RevenueShareColumn) << Qt::DescendingOrder
            << QStringList{u"Checkout"_s, u"Returns"_s, u"Delivery"_s, u"Search"_s};
        QTest::newRow("share of revenue, smallest first, none still last")
            << int(DriversModel::RevenueShareColumn) << Qt::AscendingOrder
            << QStringList{u"Delivery"_s, u"Returns"_s, u"Checkout"_s, u"Search"_s};
        QTest::newRow("r, weakest first")
            << int(DriversModel::CorrelationColumn) << Qt::AscendingOrder
            << QStringList{u"Search"_s, u"Delivery"_s, u"Checkout"_s, u"Returns"_s};
        QTest::newRow("n") << int(DriversModel::CountColumn) << Qt::DescendingOrder
                           << QStringList{u"Checkout"_s, u"Delivery"_s, u"Search"_s, u"Returns"_s};
        QTest::newRow("touchpoint by name")
            << int(DriversModel::TouchpointColumn) << Qt::AscendingOrder
            << QStringList{u"Checkout"_s, u"Delivery"_s, u"Returns"_s, u"Search"_s};
        QTest::newRow("stage by name, last first")
            << int(DriversModel::StageColumn) << Qt::DescendingOrder
            << QStringList{u"Checkout"_s, u"Returns"_s, u"Delivery"_s, u"Search"_s};
    }

    void sorting()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        QFETCH(QStringList, titles);

        Fixture f;
        DriversModel model;
        model.setResult(*f.result(), f.mapId);
        model.sort(column, order);
        QCOMPARE(::column(model, DriversModel::TouchpointColumn), titles);

        // A new result keeps the order asked for, and the ranks stay the engine's.
        model.setResult(*f.result(), f.mapId);
        QCOMPARE(::column(model, DriversModel::TouchpointColumn), titles);
        const int checkout = int(titles.indexOf(u"Checkout"_s));
        QCOMPARE(model.index(checkout, DriversModel::RankColumn).data().toString(), u"1"_s);
    }

    void headerSorts()
    {
        Fixture f;
        DriversDock dock;
        dock.setResult(f.result());
        dock.setMap(f.mapId);
        dock.table()->sortByColumn(DriversModel::RevenueShareColumn, Qt::DescendingOrder);
        QCOMPARE(column(*dock.model(), DriversModel::TouchpointColumn),
                 (QStringList{u"Checkout"_s, u"Returns"_s, u"Delivery"_s, u"Search"_s}));
    }

    void states_data()
    {
        QTest::addColumn<int>("result"); // 0: none, 1: the fixture's, 2: no drivers, 3: failed
        QTest::addColumn<bool>("computing");
        QTest::addColumn<bool>("table");
        QTest::addColumn<QString>("message");

        QTest::newRow("ranked") << 1 << false << true << QString();
        QTest::newRow("ranked, newer on their way") << 1 << true << true << QString();
        QTest::newRow("first figures on their way") << 0 << true << false << u"Computing…"_s;
        QTest::newRow("nothing computed") << 0 << false << false << u"linked"_s;
        QTest::newRow("no driver") << 2 << false << false << u"linked"_s;
        QTest::newRow("failed") << 3 << false << false << u"could not be computed"_s;
    }

    void states()
    {
        QFETCH(int, result);
        QFETCH(bool, computing);
        QFETCH(bool, table);
        QFETCH(QString, message);

        Fixture f;
        DriversDock dock;
        dock.setComputing(computing);
        dock.setMap(f.mapId);
        std::shared_ptr<Metrics::Result> given;
        if (result > 0)
            given = std::make_shared<Metrics::Result>(*f.result());
        if (result == 2) {
            given->drivers.clear();
        } else if (result == 3) {
            given->ok = false;
            given->error = u"no such table"_s;
        }
        dock.setResult(given);

        QCOMPARE(dock.windowTitle(), u"Key Drivers"_s);
        QCOMPARE(dock.objectName(), u"driversDock"_s);
        QCOMPARE(dock.isShowingTable(), table);
        if (table) {
            QVERIFY(dock.message().isEmpty());
            QCOMPARE(dock.explanation(), Metrics::Engine::driversExplanation());
        } else {
            QVERIFY2(dock.message().contains(message), qPrintable(dock.message()));
        }
    }

    void activation_data()
    {
        QTest::addColumn<bool>("byKey");
        QTest::newRow("double click") << false;
        QTest::newRow("Enter") << true;
    }

    void activation()
    {
        QFETCH(bool, byKey);

        Fixture f;
        DriversDock dock;
        dock.setResult(f.result());
        dock.setMap(f.mapId);
        dock.resize(900, 400);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        QSignalSpy spy(&dock, &DriversDock::touchpointActivated);
        QTableView *table = dock.table();
        const QModelIndex delivery = dock.model()->index(1, DriversModel::TouchpointColumn);
        if (byKey) {
            table->setFocus();
            table->setCurrentIndex(delivery);
            QTest::keyClick(table, Qt::Key_Return);
        } else {
            const QPoint centre = table->visualRect(delivery).center();
            // The view takes a double click only on the cell its press went to.
            QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, centre);
            QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, centre);
        }
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().at(0).value<Id>(), f.mapId);
        QCOMPARE(spy.first().at(1).value<Id>(), f.delivery);
    }

    void sampleProject()
    {
        StorageError error;
        std::unique_ptr<Document> document =
            Document::open(QStringLiteral(WAYMARK_SAMPLE_FILE), &error);
        QVERIFY2(document, qPrintable(error.message));
        const Metrics::Engine engine(document->project(), document->workingCopyPath());
        auto result = std::make_shared<const Metrics::Result>(engine.compute({}));
        QVERIFY2(result->ok, qPrintable(result->error));
        DriversDock dock;
        dock.setResult(result);
        dock.setMap(document->project().maps.first().id);
        QVERIFY2(dock.isShowingTable(), qPrintable(dock.message()));

        const QString folder = qEnvironmentVariable("WAYMARK_SCREENSHOTS");
        if (folder.isEmpty())
            return;
        dock.resize(1100, 560);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        QVERIFY(dock.grab().save(u"%1/h2-drivers.png"_s.arg(folder)));
    }

    void windowShowsTheCard()
    {
        MainWindow window;
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(QStringLiteral(WAYMARK_SAMPLE_FILE)));
        DriversDock *dock = window.driversDock();
        // Hidden at the first start: the person shows it from the View menu.
        window.findChild<QAction *>(u"driversDockAction"_s)->trigger();
        QVERIFY(dock->isVisible());
        // The window's metrics controller computes on a worker thread.
        QTRY_VERIFY_WITH_TIMEOUT(dock->isShowingTable(), 30000);

        // The last row: the card furthest down the ranking, likely off screen at first.
        const QModelIndex last = dock->model()->index(dock->model()->rowCount() - 1, 1);
        const Id touchpointId = last.data(DriversModel::TouchpointIdRole).value<Id>();
        dock->table()->setFocus();
        dock->table()->setCurrentIndex(last);
        QTest::keyClick(dock->table(), Qt::Key_Return);

        MapView *view = window.currentMapView();
        QVERIFY(view);
        QCOMPARE(view->mapScene()->selectedTouchpoints(), QList<Id>{touchpointId});
        const TouchpointCardItem *card = view->mapScene()->card(touchpointId);
        QVERIFY(card);
        const QPoint centre = view->mapFromScene(card->sceneBoundingRect().center());
        QVERIFY(view->viewport()->rect().contains(centre));
        // The charts follow the selection to that card.
        QCOMPARE(window.chartsDock()->state(), ChartsDock::State::Touchpoint);

        const QString folder = qEnvironmentVariable("WAYMARK_SCREENSHOTS");
        if (folder.isEmpty())
            return;
        window.chartsDock()->raise();
        QCoreApplication::processEvents();
        QVERIFY(window.grab().save(u"%1/h2-window.png"_s.arg(folder)));
    }
};

QTEST_MAIN(TestDriversDock)
#include "tst_driversdock.moc"
