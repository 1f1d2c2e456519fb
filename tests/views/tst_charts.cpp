// The chart panels drawn from hand-made values: their series, bars and labels, the empty
// states, export to PNG and SVG, translated labels, and the data panel's two sets of panels.
// With WAYMARK_SCREENSHOTS set to a folder, each panel is also saved there in a light and a
// dark palette for a person to look at.
#include "charts/datapanel.h"
#include "charts/distributionchart.h"
#include "charts/emotionscorechart.h"
#include "charts/funnelchart.h"
#include "charts/metricsadapter.h"
#include "charts/npsbreakdownchart.h"
#include "charts/revenuechart.h"
#include "charts/stagemetricchart.h"
#include "charts/trendchart.h"

#include <QApplication>
#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QImageReader>
#include <QLineSeries>
#include <QScatterSeries>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QValueAxis>

using namespace Waymark::Charts;
using namespace Qt::StringLiterals;

namespace {

// Every string it is asked for comes back in capitals, so that a label that went through tr()
// changes and one that did not stays as it was.
class ShoutingTranslator : public QTranslator
{
public:
    QString translate(const char *, const char *sourceText, const char *, int) const override
    {
        return QString::fromUtf8(sourceText).toUpper();
    }
    bool isEmpty() const override { return false; }
};

Distribution npsDistribution()
{
    Distribution d;
    d.measure = u"NPS (0–10)"_s;
    const QList<qint64> counts = {4, 2, 3, 5, 6, 12, 18, 40, 55, 70, 85};
    for (int v = 0; v <= 10; ++v)
        d.bins.append({v, counts[v]});
    return d;
}

NpsBreakdown breakdown()
{
    NpsBreakdown b;
    b.promoters = 155;
    b.passives = 95;
    b.detractors = 50;
    b.score = 35;
    b.interval = Interval{26.4, 43.6};
    return b;
}

TimeSeries monthly(bool withGap)
{
    TimeSeries t;
    t.measure = u"NPS"_s;
    t.period = Period::Month;
    for (int m = 1; m <= 12; ++m) {
        TimeSeries::Point p;
        p.start = QDate(2026, m, 1);
        if (!(withGap && (m == 5 || m == 6))) {
            p.value = 20.0 + m * 2;
            p.n = 40 + m * 3;
            p.interval = Interval{*p.value - 12, *p.value + 12};
        }
        t.points.append(p);
    }
    return t;
}

TimeSeries weekly()
{
    TimeSeries t;
    t.measure = u"NPS"_s;
    t.period = Period::Week;
    for (int w = 0; w < 26; ++w) {
        TimeSeries::Point p;
        p.start = QDate(2026, 1, 5).addDays(7 * w);
        p.value = 25.0 + (w % 7) * 3 - (w % 3) * 4;
        p.n = 10 + (w * 7) % 13;
        p.interval = Interval{*p.value - 18, *p.value + 18};
        t.points.append(p);
    }
    return t;
}

TimeSeries revenue()
{
    TimeSeries t;
    t.measure = u"Revenue"_s;
    t.period = Period::Month;
    for (int m = 1; m <= 6; ++m) {
        TimeSeries::Point p;
        p.start = QDate(2026, m, 1);
        p.value = 12000.0 + m * 1500 + (m % 2) * 2300;
        p.n = 150 + m * 10;
        t.points.append(p);
    }
    return t;
}

Funnel funnel()
{
    Funnel f;
    f.name = u"Online purchase"_s;
    f.steps = {{u"Visit site"_s, 10000, 0},
               {u"Product page"_s, 6200, 38},
               {u"Basket"_s, 2300, 62.9},
               {u"Checkout"_s, 1500, 34.8},
               {u"Paid"_s, 1180, 21.3}};
    return f;
}

StageMetric stageMetric()
{
    StageMetric s;
    s.measure = u"CSAT (mean)"_s;
    s.stages = {{u"Awareness"_s, 3.9, Interval{3.7, 4.1}, 320},
                {u"Consideration"_s, 3.6, Interval{3.4, 3.8}, 410},
                {u"Purchase"_s, 3.1, Interval{2.8, 3.4}, 150},
                {u"Experience"_s, std::nullopt, std::nullopt, 0},
                {u"Loyalty"_s, 4.2, Interval{4.0, 4.4}, 260}};
    return s;
}

EmotionScore emotions()
{
    EmotionScore e;
    e.measure = u"NPS"_s;
    e.stages = {u"Awareness"_s, u"Consideration"_s, u"Purchase"_s, u"Experience"_s, u"Loyalty"_s};
    e.personas = {{u"Busy parent"_s, QColor(0xd9, 0x77, 0x06), {1, 0, -2, 1, 2}},
                  {u"First-time buyer"_s, QColor(0x7c, 0x3a, 0xed), {2, 1, -1, std::nullopt, 1}}};
    e.scores = {30, 12, -18, 22, 41};
    return e;
}

template <typename T> QList<T *> seriesOf(QChart *chart)
{
    QList<T *> found;
    const QList<QAbstractSeries *> all = chart->series();
    for (QAbstractSeries *s : all)
        if (auto *t = qobject_cast<T *>(s))
            found.append(t);
    return found;
}

QString categoryAxisText(QChart *chart, Qt::Orientation orientation)
{
    const QList<QAbstractAxis *> axes = chart->axes(orientation);
    for (QAbstractAxis *axis : axes)
        if (auto *c = qobject_cast<QBarCategoryAxis *>(axis))
            return c->categories().join(u'|');
    return {};
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x20, 0x22, 0x26));
    p.setColor(QPalette::Base, QColor(0x1a, 0x1c, 0x20));
    p.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Button, QColor(0x2c, 0x2e, 0x33));
    p.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    return p;
}

} // namespace

class TestCharts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void distribution()
    {
        DistributionChart chart;
        chart.setData(npsDistribution());
        QVERIFY(!chart.isEmpty());
        const QList<QBarSeries *> bars = seriesOf<QBarSeries>(chart.chart());
        QCOMPARE(bars.size(), 1);
        QBarSet *set = bars.first()->barSets().first();
        QCOMPARE(set->count(), 11);
        QCOMPARE(set->at(10), 85.0);
        QVERIFY(bars.first()->isLabelsVisible());
        QCOMPARE(categoryAxisText(chart.chart(), Qt::Horizontal), u"0|1|2|3|4|5|6|7|8|9|10"_s);
        QVERIFY(chart.subtitle().contains(u"300"_s));
        QVERIFY(chart.title().contains(u"NPS (0–10)"_s));
    }

    void npsBreakdown()
    {
        NpsBreakdownChart chart;
        chart.setData(breakdown());
        const QList<QHorizontalStackedBarSeries *> stacked =
            seriesOf<QHorizontalStackedBarSeries>(chart.chart());
        QCOMPARE(stacked.size(), 1);
        const QList<QBarSet *> sets = stacked.first()->barSets();
        QCOMPARE(sets.size(), 3);
        QVERIFY(sets[0]->label().startsWith(u"Detractors"_s));
        QCOMPARE(sets[0]->at(0), 17.0); // 50 of 300
        QCOMPARE(sets[1]->at(0), 32.0); // 95 of 300
        QCOMPARE(sets[2]->at(0), 52.0); // 155 of 300
        QVERIFY(sets[0]->color().red() > sets[0]->color().green());
        QVERIFY(sets[2]->color().green() > sets[2]->color().red());
        QCOMPARE(chart.headline(), u"NPS +35 (95% interval +26 to +44)"_s);
    }

    void emptyStates_data()
    {
        QTest::addColumn<int>("panel");
        QTest::addColumn<QString>("message");
        QTest::newRow("distribution") << 0 << u"No answers for this touchpoint yet"_s;
        QTest::newRow("nps") << 1 << u"No NPS answers for this touchpoint yet"_s;
        QTest::newRow("trend") << 2 << u"No dated answers for this touchpoint yet"_s;
        QTest::newRow("revenue") << 3 << u"No revenue recorded for this touchpoint yet"_s;
        QTest::newRow("funnel") << 4 << u"No path or funnel data for this map yet"_s;
        QTest::newRow("stage metric")
            << 5 << u"No stage of this map has answers for this measure yet"_s;
        QTest::newRow("emotion") << 6
                                 << u"No persona emotions or measured scores on this map yet"_s;
    }

    void emptyStates()
    {
        QFETCH(int, panel);
        QFETCH(QString, message);
        DataPanel data;
        const QList<ChartPanel *> panels = {data.distribution(), data.nps(),    data.trend(),
                                            data.revenue(),      data.funnel(), data.stageMetric(),
                                            data.emotions()};
        QVERIFY(panels[panel]->isEmpty());
        QCOMPARE(panels[panel]->emptyMessage(), message);
        QVERIFY(panels[panel]->chart()->series().isEmpty());
    }

    void trendGapsAndToggle()
    {
        TrendChart chart;
        chart.setData(weekly(), monthly(true));
        QCOMPARE(chart.period(), Period::Month);
        // Two runs of months around the gap: two lines, two bands, and one series of n.
        QCOMPARE(seriesOf<QLineSeries>(chart.chart()).size(), 2);
        QCOMPARE(seriesOf<QAreaSeries>(chart.chart()).size(), 2);
        const QList<QBarSeries *> n = seriesOf<QBarSeries>(chart.chart());
        QCOMPARE(n.size(), 1);
        QCOMPARE(n.first()->barSets().first()->count(), 12);
        QCOMPARE(n.first()->barSets().first()->at(4), 0.0);
        QCOMPARE(chart.chart()->axes(Qt::Vertical).size(), 2);

        chart.setPeriod(Period::Week);
        QCOMPARE(seriesOf<QLineSeries>(chart.chart()).size(), 1);
        QCOMPARE(seriesOf<QLineSeries>(chart.chart()).first()->count(), 26);
        qint64 total = 0;
        for (const TimeSeries::Point &p : weekly().points)
            total += p.n;
        QVERIFY(chart.subtitle().contains(QLocale().toString(total)));
    }

    void revenueBars()
    {
        RevenueChart chart;
        chart.setData(revenue());
        const QList<QBarSeries *> bars = seriesOf<QBarSeries>(chart.chart());
        QCOMPARE(bars.size(), 1);
        QCOMPARE(bars.first()->barSets().first()->count(), 6);
        QCOMPARE(bars.first()->barSets().first()->at(0), 15800.0);
        QVERIFY(chart.headline().contains(QLocale().toString(110400.0, 'f', 0)));
    }

    void funnelDropOff()
    {
        FunnelChart chart;
        chart.setData(funnel());
        // Horizontal bars from the bottom up: the first step is the last bar, on top.
        QBarSet *set = seriesOf<QHorizontalBarSeries>(chart.chart()).first()->barSets().first();
        QCOMPARE(set->count(), 5);
        for (int i = 1; i < set->count(); ++i)
            QVERIFY(set->at(i) > set->at(i - 1));
        const QString labels = categoryAxisText(chart.chart(), Qt::Vertical);
        QVERIFY(labels.endsWith(u"|Visit site"_s));
        QVERIFY(labels.contains(u"Basket (−63%)"_s));
        QCOMPARE(chart.headline(), u"12% reach “Paid”"_s);

        // A step more customers reached than the one before names no loss.
        Funnel gaining = funnel();
        gaining.steps[3] = {u"Checkout"_s, 2600, 0};
        chart.setData(gaining);
        const QString after = categoryAxisText(chart.chart(), Qt::Vertical);
        QVERIFY2(after.contains(u"|Checkout|"_s), qPrintable(after));
        QVERIFY(after.contains(u"Paid (−"_s));
    }

    void stageWhiskers()
    {
        StageMetricChart chart;
        chart.setData(stageMetric());
        const QList<QScatterSeries *> points = seriesOf<QScatterSeries>(chart.chart());
        QCOMPARE(points.size(), 1);
        QCOMPARE(points.first()->count(), 4); // Experience has no value
        const QList<QLineSeries *> lines = seriesOf<QLineSeries>(chart.chart());
        int whiskers = 0;
        for (QLineSeries *line : lines)
            whiskers += qobject_cast<QScatterSeries *>(line) ? 0 : 1;
        QCOMPARE(whiskers, 4);
    }

    void emotionAxes()
    {
        EmotionScoreChart chart;
        chart.setData(emotions());
        QList<QLineSeries *> curves = seriesOf<QLineSeries>(chart.chart());
        // The first-time buyer skips Experience: the curve breaks into two.
        QCOMPARE(curves.size(), 3);
        QCOMPARE(seriesOf<QBarSeries>(chart.chart()).first()->barSets().first()->at(2), -18.0);
        const QList<QAbstractAxis *> vertical = chart.chart()->axes(Qt::Vertical);
        QCOMPARE(vertical.size(), 2);
        auto *emotion = qobject_cast<QValueAxis *>(vertical.first());
        QVERIFY(emotion);
        QCOMPARE(emotion->min(), -3.0);
        QCOMPARE(emotion->max(), 3.0);
        QCOMPARE(chart.subtitle(), QString());
    }

    void exportFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        NpsBreakdownChart chart;
        chart.resize(700, 400);
        chart.setData(breakdown());
        // Export is offered on a panel on screen, whose chart has been laid out.
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const QString png = dir.filePath(u"nps.png"_s);
        const QString svg = dir.filePath(u"nps.svg"_s);
        QVERIFY(chart.exportPng(png));
        QVERIFY(chart.exportSvg(svg));

        QImageReader reader(png);
        QCOMPARE(reader.format(), QByteArray("png"));
        const QImage image = reader.read();
        QVERIFY(image.width() >= 2 * 640); // twice the pixels of the panel
        // Not a blank image: the red of the detractors is in it.
        bool red = false;
        for (int y = 0; y < image.height() && !red; y += 4)
            for (int x = 0; x < image.width() && !red; x += 4)
                red = image.pixelColor(x, y) == QColor(0xc6, 0x28, 0x28);
        QVERIFY(red);

        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        QVERIFY(renderer.defaultSize().width() >= 640);
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("Net Promoter Score"));

        QString error;
        QVERIFY(!chart.exportPng(dir.filePath(u"missing/folder/x.png"_s), &error));
        QVERIFY(!error.isEmpty());
    }

    void labelsAreTranslated()
    {
        NpsBreakdownChart chart;
        chart.setData(breakdown());
        FunnelChart empty;
        ShoutingTranslator translator;
        QVERIFY(QCoreApplication::installTranslator(&translator));
        QCoreApplication::processEvents(); // delivers LanguageChange
        const QString title = chart.title();
        const QString legend = seriesOf<QHorizontalStackedBarSeries>(chart.chart())
                                   .first()
                                   ->barSets()
                                   .first()
                                   ->label();
        const QString message = empty.emptyMessage();
        QCoreApplication::removeTranslator(&translator);
        QCoreApplication::processEvents();
        QCOMPARE(title, u"NET PROMOTER SCORE"_s);
        QVERIFY(legend.startsWith(u"DETRACTORS"_s));
        QCOMPARE(message, u"NO PATH OR FUNNEL DATA FOR THIS MAP YET"_s);
        QCOMPARE(chart.title(), u"Net Promoter Score"_s);
    }

    void dataPanelSwitches()
    {
        DataPanel panel;
        QCOMPARE(panel.showing(), DataPanel::Showing::Map);
        MapCharts map{u"Online shop"_s, u"All responses"_s, funnel(), stageMetric(), emotions()};
        panel.setMapData(map);
        QCOMPARE(panel.showing(), DataPanel::Showing::Map);
        QCOMPARE(panel.visiblePanels().size(), 3);
        QVERIFY(!panel.funnel()->isEmpty());
        QVERIFY(panel.funnel()->subtitle().endsWith(u"All responses"_s));

        TouchpointCharts touchpoint{u"Checkout page"_s, u"EU only"_s, npsDistribution(),
                                    breakdown(),        weekly(),     monthly(false),
                                    revenue()};
        panel.setTouchpointData(touchpoint);
        QCOMPARE(panel.showing(), DataPanel::Showing::Touchpoint);
        QCOMPARE(panel.visiblePanels().size(), 4);
        QVERIFY(!panel.nps()->isEmpty());
        QCOMPARE(panel.nps()->subtitle(), u"n = 300 · EU only"_s);

        // New data for the same selection replaces what was drawn.
        touchpoint.nps = {};
        panel.setTouchpointData(touchpoint);
        QVERIFY(panel.nps()->isEmpty());

        panel.showMap();
        QCOMPARE(panel.showing(), DataPanel::Showing::Map);
    }

    void adapterFromEngineResult()
    {
        Waymark::Metrics::TouchpointResult result;
        result.title = u"Checkout page"_s;
        result.hasRevenue = true;
        result.sums.npsCounts = {4, 2, 3, 5, 6, 12, 18, 40, 55, 70, 85};
        result.figures = Waymark::Metrics::figures(result.sums, true);
        Waymark::Metrics::MonthTrend march{u"2026-03"_s, {}};
        march.sums.npsCounts[10] = 3;
        march.sums.npsCounts[2] = 1;
        march.sums.revenue = 250;
        march.sums.revenueRows = 2;
        result.months = {march};

        const TouchpointCharts charts = touchpointCharts(result, u"All responses"_s);
        QCOMPARE(charts.distribution.total(), 300);
        QCOMPARE(charts.distribution.bins.size(), 11);
        QCOMPARE(charts.nps.promoters, 155);
        QCOMPARE(charts.nps.detractors, 50);
        QVERIFY(charts.nps.interval.has_value());
        QCOMPARE(charts.monthly.points.size(), 1);
        QCOMPARE(charts.monthly.points.first().start, QDate(2026, 3, 1));
        QCOMPARE(charts.monthly.points.first().n, 4);
        QCOMPARE(*charts.monthly.points.first().value, 50.0); // 3 promoters, 1 detractor
        QCOMPARE(charts.revenue.points.first().value, 250.0);
    }

    void screenshots()
    {
        const QString folder = qEnvironmentVariable("WAYMARK_SCREENSHOTS");
        if (folder.isEmpty())
            QSKIP("Set WAYMARK_SCREENSHOTS to a folder to save the panels as images");
        TouchpointCharts touchpoint{u"Checkout page"_s, u"All responses, Jan–Dec 2026"_s,
                                    npsDistribution(),  breakdown(),
                                    weekly(),           monthly(true),
                                    revenue()};
        MapCharts map{u"Online shop"_s, u"All responses"_s, funnel(), stageMetric(), emotions()};
        const QList<QPair<QString, QPalette>> palettes = {{u"light"_s, QApplication::palette()},
                                                          {u"dark"_s, darkPalette()}};
        for (const auto &[name, palette] : palettes) {
            DistributionChart distribution;
            distribution.setData(touchpoint.distribution);
            NpsBreakdownChart nps;
            nps.setData(touchpoint.nps);
            TrendChart trend;
            trend.setData(touchpoint.weekly, touchpoint.monthly);
            TrendChart weeklyTrend;
            weeklyTrend.setData(touchpoint.weekly, touchpoint.monthly);
            weeklyTrend.setPeriod(Period::Week);
            RevenueChart revenueChart;
            revenueChart.setData(touchpoint.revenue);
            FunnelChart funnelChart;
            funnelChart.setData(map.funnel);
            StageMetricChart stages;
            stages.setData(map.stageMetric);
            EmotionScoreChart emotion;
            emotion.setData(map.emotions);
            NpsBreakdownChart empty;
            const QList<QPair<QString, ChartPanel *>> shots = {{u"distribution"_s, &distribution},
                                                               {u"nps"_s, &nps},
                                                               {u"trend"_s, &trend},
                                                               {u"trendweekly"_s, &weeklyTrend},
                                                               {u"revenue"_s, &revenueChart},
                                                               {u"funnel"_s, &funnelChart},
                                                               {u"stagemetric"_s, &stages},
                                                               {u"emotion"_s, &emotion},
                                                               {u"empty"_s, &empty}};
            for (const auto &[shot, chart] : shots) {
                chart->setFilter(touchpoint.filter);
                chart->setPalette(palette);
                chart->setAutoFillBackground(true);
                chart->resize(900, 480);
                chart->show();
                QCoreApplication::processEvents();
                QVERIFY(chart->grab().save(u"%1/h11_%2_%3.png"_s.arg(folder, shot, name)));
            }
        }
    }
};

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
