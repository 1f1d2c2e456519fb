// The Charts dock: which panels it shows for the selection, its empty and computing states, a
// new result redrawn, the personas' emotion curves taken from their steps, the weekly trend
// from ISO weeks, and the sample project's figures charted. With WAYMARK_SCREENSHOTS set to a
// folder, the dock is saved there with the sample's data for a person to look at.
#include "charts/chartpanel.h"
#include "charts/datapanel.h"
#include "charts/emotionscorechart.h"
#include "charts/metricsadapter.h"
#include "charts/npsbreakdownchart.h"
#include "charts/stagemetricchart.h"
#include "charts/trendchart.h"
#include "chartsdock.h"
#include "commands.h"
#include "document.h"
#include "metrics/metricsengine.h"
#include "storage/storageerror.h"

#include <QChart>
#include <QLabel>
#include <QLineSeries>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Waymark;

// Before the test's _data() tables use it.
Q_DECLARE_METATYPE(ChartsDock::State)

namespace {

// Two stages, three cards, two personas: Ana feels -2 and 0 at the two cards of Discover and +3
// at Buy; Ben has a step at Buy without a score and +1 at Discover.
struct Fixture
{
    Project project;
    Id mapId = newId();
    Id discover = newId(), buy = newId();
    Id advert = newId(), search = newId(), checkout = newId();
    Id ana = newId(), ben = newId(), cleo = newId();

    Fixture()
    {
        project.id = newId();
        project.name = u"Shop"_s;
        JourneyMap map;
        map.id = mapId;
        map.name = u"Online shop"_s;
        map.stages = {{discover, u"Discover"_s, {}, 0}, {buy, u"Buy"_s, {}, 0}};
        Lane lane;
        lane.id = newId();
        lane.name = u"Touchpoints"_s;
        map.lanes = {lane};
        const auto card = [&](const Id &id, const Id &stage, int order, const QString &title) {
            Touchpoint t;
            t.id = id;
            t.stageId = stage;
            t.laneId = lane.id;
            t.order = order;
            t.title = title;
            map.touchpoints.append(t);
        };
        card(advert, discover, 0, u"Advert"_s);
        card(search, discover, 1, u"Search"_s);
        card(checkout, buy, 0, u"Checkout"_s);
        const auto step = [&](const Id &persona, const Id &touchpoint, int order,
                              std::optional<int> emotion) {
            map.personaSteps.append({newId(), persona, touchpoint, order, emotion, {}});
        };
        step(ana, advert, 0, -2);
        step(ana, search, 1, 0);
        step(ana, checkout, 2, 3);
        step(ben, checkout, 0, std::nullopt);
        step(ben, advert, 1, 1);
        project.maps = {map};
        for (const auto &[id, name, color] : {std::tuple{ben, u"Ben"_s, QColor(Qt::blue)},
                                              std::tuple{ana, u"Ana"_s, QColor(Qt::red)},
                                              std::tuple{cleo, u"Cleo"_s, QColor(Qt::green)}}) {
            Persona p;
            p.id = id;
            p.name = name;
            p.color = color;
            project.personas.append(p);
        }
    }

    // Checkout with 10 answers (6 promoters, 2 passives, 2 detractors) in two months.
    std::shared_ptr<const Metrics::Result> result(qint64 extraPromoters = 0) const
    {
        auto result = std::make_shared<Metrics::Result>();
        result->ok = true;
        Metrics::TouchpointResult t;
        t.id = checkout;
        t.mapId = mapId;
        t.map = u"Online shop"_s;
        t.stage = u"Buy"_s;
        t.title = u"Checkout"_s;
        t.sums.npsCounts[10] = 6 + extraPromoters;
        t.sums.npsCounts[7] = 2;
        t.sums.npsCounts[3] = 2;
        t.sums.rows = 10 + extraPromoters;
        t.figures = Metrics::figures(t.sums, false);
        Metrics::MonthTrend january{u"2026-01"_s, {}};
        january.sums.npsCounts[10] = 6 + extraPromoters;
        Metrics::MonthTrend february{u"2026-02"_s, {}};
        february.sums.npsCounts[7] = 2;
        february.sums.npsCounts[3] = 2;
        t.months = {january, february};
        Metrics::WeekTrend w5{u"2026-W05"_s, january.sums};
        Metrics::WeekTrend w7{u"2026-W07"_s, february.sums};
        t.weeks = {w5, w7};
        result->touchpoints = {t};
        Metrics::MapResult map;
        map.id = mapId;
        map.name = u"Online shop"_s;
        result->maps = {map};
        return result;
    }
};

// The last point of Ana's emotion curve in the dock's emotion panel; NaN when there is none.
double anaAtBuy(const ChartsDock &dock)
{
    const QList<QAbstractSeries *> series = dock.dataPanel()->emotions()->chart()->series();
    for (QAbstractSeries *s : series) {
        auto *line = qobject_cast<QLineSeries *>(s);
        if (line && line->name() == u"Ana"_s && line->count() > 0)
            return line->at(line->count() - 1).y();
    }
    return qQNaN();
}

} // namespace

class TestChartsDock : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void followsSelection_data()
    {
        QTest::addColumn<QString>("selected"); // card titles, comma-separated
        QTest::addColumn<ChartsDock::State>("state");

        QTest::newRow("nothing selected: the map") << QString() << ChartsDock::State::Map;
        QTest::newRow("one card with data") << u"Checkout"_s << ChartsDock::State::Touchpoint;
        QTest::newRow("one card without data") << u"Advert"_s << ChartsDock::State::Message;
        QTest::newRow("two cards: the map") << u"Checkout,Advert"_s << ChartsDock::State::Map;
    }

    void followsSelection()
    {
        QFETCH(QString, selected);
        QFETCH(ChartsDock::State, state);

        Fixture f;
        StorageError error;
        std::unique_ptr<Document> document = Document::create(f.project, &error);
        QVERIFY2(document, qPrintable(error.message));
        ChartsDock dock;
        dock.setDocument(document.get());
        dock.setResult(f.result());
        const QHash<QString, Id> ids = {
            {u"Checkout"_s, f.checkout}, {u"Advert"_s, f.advert}, {u"Search"_s, f.search}};
        QList<Id> touchpoints;
        for (const QString &title : selected.split(u',', Qt::SkipEmptyParts))
            touchpoints.append(ids.value(title));
        dock.setSelection(f.mapId, touchpoints);

        QCOMPARE(dock.state(), state);
        QCOMPARE(dock.windowTitle(), u"Charts"_s);
        QCOMPARE(dock.objectName(), u"chartsDock"_s);
        switch (state) {
        case ChartsDock::State::Touchpoint:
            QCOMPARE(dock.dataPanel()->showing(), Charts::DataPanel::Showing::Touchpoint);
            QVERIFY(dock.message().isEmpty());
            QCOMPARE(dock.dataPanel()->nps()->subtitle(), u"n = 10 · All responses"_s);
            break;
        case ChartsDock::State::Map:
            QCOMPARE(dock.dataPanel()->showing(), Charts::DataPanel::Showing::Map);
            QVERIFY(!dock.dataPanel()->emotions()->isEmpty());
            break;
        default:
            QVERIFY(dock.message().contains(u"“Advert”"_s));
        }
    }

    void selectionBackAndForth()
    {
        Fixture f;
        StorageError error;
        std::unique_ptr<Document> document = Document::create(f.project, &error);
        QVERIFY(document);
        ChartsDock dock;
        dock.setDocument(document.get());
        dock.setResult(f.result());
        dock.setSelection(f.mapId, {f.checkout});
        QCOMPARE(dock.state(), ChartsDock::State::Touchpoint);
        dock.setSelection(f.mapId, {});
        QCOMPARE(dock.state(), ChartsDock::State::Map);
        dock.setSelection(f.mapId, {f.checkout});
        QCOMPARE(dock.state(), ChartsDock::State::Touchpoint);
        dock.setSelection({}, {});
        QCOMPARE(dock.state(), ChartsDock::State::NoMap);
        QVERIFY(!dock.message().isEmpty());
    }

    void emptyAndComputing_data()
    {
        QTest::addColumn<bool>("document");
        QTest::addColumn<bool>("result");
        QTest::addColumn<bool>("emotions");
        QTest::addColumn<bool>("computing");
        QTest::addColumn<ChartsDock::State>("state");
        QTest::addColumn<bool>("computingShown");

        QTest::newRow("no document")
            << false << false << true << false << ChartsDock::State::NoMap << false;
        QTest::newRow("first figures on their way")
            << true << false << true << true << ChartsDock::State::Computing << true;
        QTest::newRow("no figures, emotions drawn")
            << true << false << true << false << ChartsDock::State::Map << false;
        QTest::newRow("no figures, no emotions")
            << true << false << false << false << ChartsDock::State::Message << false;
        QTest::newRow("figures, newer on their way")
            << true << true << false << true << ChartsDock::State::Map << true;
        QTest::newRow("figures, up to date")
            << true << true << false << false << ChartsDock::State::Map << false;
    }

    void emptyAndComputing()
    {
        QFETCH(bool, document);
        QFETCH(bool, result);
        QFETCH(bool, emotions);
        QFETCH(bool, computing);
        QFETCH(ChartsDock::State, state);
        QFETCH(bool, computingShown);

        Fixture f;
        if (!emotions)
            f.project.maps[0].personaSteps.clear();
        StorageError error;
        std::unique_ptr<Document> doc = document ? Document::create(f.project, &error) : nullptr;
        ChartsDock dock;
        dock.setDocument(doc.get());
        dock.setComputing(computing);
        if (result)
            dock.setResult(f.result());
        dock.setSelection(f.mapId, {});

        QCOMPARE(dock.state(), state);
        QCOMPARE(dock.isComputingShown(), computingShown);
        if (state == ChartsDock::State::Message)
            QVERIFY(dock.message().contains(u"No data is attached to this map"_s));
        if (state == ChartsDock::State::Computing)
            QCOMPARE(dock.message(), u"Computing…"_s);

        // The figures arriving end the wait.
        dock.setComputing(false);
        QVERIFY(!dock.isComputingShown());
    }

    void failedComputation()
    {
        Fixture f;
        StorageError error;
        std::unique_ptr<Document> document = Document::create(f.project, &error);
        QVERIFY(document);
        ChartsDock dock;
        dock.setDocument(document.get());
        auto failed = std::make_shared<Metrics::Result>();
        failed->error = u"the disk is full"_s;
        dock.setResult(failed);
        dock.setSelection(f.mapId, {f.checkout});
        QCOMPARE(dock.state(), ChartsDock::State::Message);
        QVERIFY(dock.message().contains(u"the disk is full"_s));
    }

    void newResultRedraws()
    {
        Fixture f;
        StorageError error;
        std::unique_ptr<Document> document = Document::create(f.project, &error);
        QVERIFY(document);
        ChartsDock dock;
        dock.setDocument(document.get());
        dock.setSelection(f.mapId, {f.checkout});
        dock.setResult(f.result());
        QCOMPARE(dock.dataPanel()->nps()->subtitle(), u"n = 10 · All responses"_s);

        dock.setResult(f.result(5));
        QCOMPARE(dock.state(), ChartsDock::State::Touchpoint);
        QCOMPARE(dock.dataPanel()->nps()->subtitle(), u"n = 15 · All responses"_s);

        dock.setFilterText(u"segment = EU"_s);
        QCOMPARE(dock.dataPanel()->nps()->subtitle(), u"n = 15 · segment = EU"_s);
    }

    void renamedCardRedraws()
    {
        Fixture f;
        StorageError error;
        std::unique_ptr<Document> document = Document::create(f.project, &error);
        QVERIFY(document);
        ChartsDock dock;
        dock.setDocument(document.get());
        dock.setResult(f.result());
        dock.setSelection(f.mapId, {f.advert});
        QVERIFY(dock.message().contains(u"“Advert”"_s));

        auto rename = Commands::setTouchpointTitle(document.get(), f.advert, u"Poster"_s);
        QVERIFY(rename);
        document->push(rename.release());
        QTRY_VERIFY(dock.message().contains(u"“Poster”"_s));
    }

    void emotionCurves_data()
    {
        QTest::addColumn<QString>("persona");
        QTest::addColumn<QList<std::optional<double>>>("emotions");

        // Ana: the mean of -2 and 0 in Discover, +3 in Buy.
        QTest::newRow("mean of a stage's steps")
            << u"Ana"_s << QList<std::optional<double>>{-1.0, 3.0};
        // Ben: his step at Buy has no score, so Buy is a gap in his curve.
        QTest::newRow("unscored step is a gap")
            << u"Ben"_s << QList<std::optional<double>>{1.0, std::nullopt};
    }

    void emotionCurves()
    {
        QFETCH(QString, persona);
        QFETCH(QList<std::optional<double>>, emotions);

        Fixture f;
        const QList<Charts::EmotionScore::Curve> curves =
            Charts::emotionCurves(f.project.maps[0], f.project.personas);
        // In library order (Ben before Ana); Cleo has no steps on the map and no curve.
        QCOMPARE(curves.size(), 2);
        QCOMPARE(curves[0].persona, u"Ben"_s);
        QCOMPARE(curves[1].persona, u"Ana"_s);
        const auto curve = std::find_if(curves.cbegin(), curves.cend(),
                                        [&](const auto &c) { return c.persona == persona; });
        QVERIFY(curve != curves.cend());
        QCOMPARE(curve->emotions, emotions);
        QCOMPARE(curve->color, persona == u"Ana"_s ? QColor(Qt::red) : QColor(Qt::blue));
    }

    void emotionsFollowTheDocument()
    {
        Fixture f;
        StorageError error;
        std::unique_ptr<Document> document = Document::create(f.project, &error);
        QVERIFY(document);
        ChartsDock dock;
        dock.setDocument(document.get());
        dock.setResult(f.result());
        dock.setSelection(f.mapId, {});
        QCOMPARE(dock.state(), ChartsDock::State::Map);
        QCOMPARE(anaAtBuy(dock), 3.0);

        // Ana's feeling at checkout scored again: her curve follows with the next refresh.
        Id stepId;
        for (const PersonaStep &step : document->project().maps.first().personaSteps) {
            if (step.personaId == f.ana && step.touchpointId == f.checkout)
                stepId = step.id;
        }
        auto rescore = Commands::setPersonaStepEmotion(document.get(), stepId, -3);
        QVERIFY(rescore);
        document->push(rescore.release());
        QTRY_COMPARE(anaAtBuy(dock), -3.0);
    }

    void isoWeeks_data()
    {
        QTest::addColumn<QString>("week");
        QTest::addColumn<QDate>("start");

        QTest::newRow("first week starts in the year before")
            << u"2025-W01"_s << QDate(2024, 12, 30);
        QTest::newRow("a week in spring") << u"2024-W09"_s << QDate(2024, 2, 26);
        QTest::newRow("week 53 of a long year") << u"2020-W53"_s << QDate(2020, 12, 28);
        QTest::newRow("no week 53 in a short year") << u"2021-W53"_s << QDate();
        QTest::newRow("week 0") << u"2024-W00"_s << QDate();
        QTest::newRow("not a week") << u"2024-03"_s << QDate();
    }

    void isoWeeks()
    {
        QFETCH(QString, week);
        QFETCH(QDate, start);
        QCOMPARE(Charts::isoWeekStart(week), start);
    }

    void weeklyTrend()
    {
        Fixture f;
        const Charts::TouchpointCharts charts =
            Charts::touchpointCharts(f.result()->touchpoints.first(), u"All"_s);
        QCOMPARE(charts.weekly.period, Charts::Period::Week);
        QCOMPARE(charts.weekly.points.size(), 2);
        QCOMPARE(charts.weekly.points[0].start, QDate(2026, 1, 26));
        QCOMPARE(charts.weekly.points[0].n, 6);
        QCOMPARE(*charts.weekly.points[0].value, 100.0);
        QCOMPARE(charts.weekly.points[1].start, QDate(2026, 2, 9));
        QCOMPARE(*charts.weekly.points[1].value, -50.0);

        // The trend panel shows the weeks when asked.
        Charts::TrendChart trend;
        trend.setData(charts.weekly, charts.monthly);
        trend.setPeriod(Charts::Period::Week);
        QVERIFY(!trend.isEmpty());
        QCOMPARE(trend.subtitle(), u"n = 10"_s);
    }

    void funnelFromDataset()
    {
        Fixture f;
        Metrics::Result result = *f.result();
        Metrics::Funnel funnel;
        funnel.dataset = u"GA4 checkout funnel"_s;
        funnel.mapId = f.mapId;
        funnel.steps = {{u"view_item"_s, f.advert, 1000, 0.4, 0.6},
                        {u"begin_checkout"_s, {}, 400, 0.5, 0.5},
                        {u"purchase"_s, f.checkout, 200, std::nullopt, std::nullopt}};
        result.funnels = {funnel};
        Metrics::MapResult map = result.maps.first();
        const Charts::MapCharts charts =
            Charts::mapCharts(map, result, f.project.maps[0], f.project.personas, {});
        QCOMPARE(charts.funnel.name, u"GA4 checkout funnel"_s);
        QCOMPARE(charts.funnel.steps.size(), 3);
        QCOMPARE(charts.funnel.steps[0].name, u"view_item"_s); // Advert has no figures
        QCOMPARE(charts.funnel.steps[0].dropOffPct, 0.0);
        QCOMPARE(charts.funnel.steps[1].dropOffPct, 60.0);
        QCOMPARE(charts.funnel.steps[2].name, u"Checkout"_s);
        QCOMPARE(charts.funnel.steps[2].dropOffPct, 50.0);
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

        // The card of the sample with the most answers.
        const Metrics::TouchpointResult *busiest = nullptr;
        for (const Metrics::TouchpointResult &t : result->touchpoints) {
            if (!busiest || t.sums.rows > busiest->sums.rows)
                busiest = &t;
        }
        QVERIFY(busiest && busiest->sums.rows > 0);

        ChartsDock dock;
        dock.setDocument(document.get());
        dock.setResult(result);
        dock.setSelection(busiest->mapId, {busiest->id});
        QCOMPARE(dock.state(), ChartsDock::State::Touchpoint);
        QVERIFY(!dock.dataPanel()->nps()->isEmpty());
        dock.setSelection(busiest->mapId, {});
        QCOMPARE(dock.state(), ChartsDock::State::Map);
        QVERIFY(!dock.dataPanel()->stageMetric()->isEmpty());
        QVERIFY(!dock.dataPanel()->emotions()->isEmpty());

        // Each panel the dock shows exports, as its context menu offers.
        QTemporaryDir dir;
        for (Charts::ChartPanel *panel : dock.dataPanel()->visiblePanels()) {
            QString exportError;
            QVERIFY2(panel->exportPng(dir.filePath(u"panel.png"_s), &exportError),
                     qPrintable(exportError));
            QVERIFY2(panel->exportSvg(dir.filePath(u"panel.svg"_s), &exportError),
                     qPrintable(exportError));
        }

        const QString folder = qEnvironmentVariable("WAYMARK_SCREENSHOTS");
        if (folder.isEmpty())
            return;
        dock.resize(640, 1000);
        dock.show();
        for (const auto &[name, selection] : {std::pair{u"map"_s, QList<Id>()},
                                              std::pair{u"touchpoint"_s, QList<Id>{busiest->id}}}) {
            dock.setSelection(busiest->mapId, selection);
            QCoreApplication::processEvents();
            // The whole page of panels, not only the part the dock's height shows.
            QWidget *page = dock.dataPanel();
            page->resize(620, 1700);
            QCoreApplication::processEvents();
            QVERIFY(dock.grab().save(u"%1/h2-charts-%2.png"_s.arg(folder, name)));
        }
    }
};

QTEST_MAIN(TestChartsDock)
#include "tst_chartsdock.moc"
