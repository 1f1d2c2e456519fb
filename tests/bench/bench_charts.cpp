// Chart benchmark (issue 7, workload 7): the data panel of a touchpoint with 100k responses,
// from the answers in memory to one painted frame: aggregated into the chart values the way
// the metrics engine does (distribution, NPS with its interval, weekly and monthly trends,
// revenue per month), the panels built from them, and one paint into a 1200 × 800 image.
// Against a bare QChartView with one QBarSeries of as many bars, painted into the same image.
//
//   bench_charts [--size tiny|full] [--runs N] [--json FILE]
#include "benchsupport.h"
#include "charts/datapanel.h"
#include "metrics/statistics.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <limits>

using namespace Waymark;
using namespace Waymark::Charts;
using Bench::Figures;
using Bench::Options;
using Bench::Report;
using namespace Qt::StringLiterals;

namespace {

const QString bench = u"bench_charts"_s;

struct Response
{
    QDate date;
    int nps = 0;
    double revenue = 0; // 0: no order
};

// A year of answers from a fixed seed, skewed towards promoters as real surveys are.
QList<Response> generateResponses(int count)
{
    QRandomGenerator random(20261203);
    QList<Response> responses;
    responses.reserve(count);
    const QDate first(2026, 1, 1);
    for (int i = 0; i < count; ++i) {
        Response r;
        r.date = first.addDays(random.bounded(365));
        const int roll = int(random.bounded(100));
        r.nps = roll < 20   ? int(random.bounded(7))
                : roll < 50 ? 7 + int(random.bounded(2))
                            : 9 + int(random.bounded(2));
        if (random.bounded(4) == 0)
            r.revenue = 20 + random.bounded(400.0);
        responses.append(r);
    }
    return responses;
}

struct NpsCounts
{
    qint64 promoters = 0;
    qint64 passives = 0;
    qint64 detractors = 0;
    qint64 revenueRows = 0;
    double revenue = 0;

    void add(const Response &r)
    {
        (r.nps >= 9 ? promoters : r.nps >= 7 ? passives : detractors) += 1;
        if (r.revenue > 0) {
            ++revenueRows;
            revenue += r.revenue;
        }
    }
};

TimeSeries::Point trendPoint(const QDate &start, const NpsCounts &c)
{
    const Stats::Nps nps = Stats::nps(c.promoters, c.passives, c.detractors);
    TimeSeries::Point point;
    point.start = start;
    point.n = nps.n;
    if (nps.n > 0)
        point.value = nps.score;
    if (nps.ci)
        point.interval = Interval{nps.ci->low, nps.ci->high};
    return point;
}

// What the engine's SQL aggregates give, done over the answers in memory.
TouchpointCharts aggregate(const QList<Response> &responses)
{
    TouchpointCharts charts;
    charts.title = u"Checkout page"_s;
    charts.filter = u"All responses"_s;
    charts.distribution.measure = u"NPS (0–10)"_s;
    QList<qint64> counts(11, 0);
    NpsCounts all;
    // Periods by index from the earliest answer, as the SQL's GROUP BY on a period key would.
    qint64 firstDay = std::numeric_limits<qint64>::max();
    qint64 lastDay = std::numeric_limits<qint64>::lowest();
    for (const Response &r : responses) {
        firstDay = std::min(firstDay, r.date.toJulianDay());
        lastDay = std::max(lastDay, r.date.toJulianDay());
    }
    const QDate first = QDate::fromJulianDay(firstDay);
    const QDate last = QDate::fromJulianDay(lastDay);
    const QDate firstMonday = first.addDays(1 - first.dayOfWeek());
    QList<NpsCounts> weeks((lastDay - firstMonday.toJulianDay()) / 7 + 1);
    QList<NpsCounts> months((last.year() - first.year()) * 12 + last.month() - first.month() + 1);
    for (const Response &r : responses) {
        ++counts[r.nps];
        all.add(r);
        weeks[(r.date.toJulianDay() - firstMonday.toJulianDay()) / 7].add(r);
        months[(r.date.year() - first.year()) * 12 + r.date.month() - first.month()].add(r);
    }
    for (int v = 0; v <= 10; ++v)
        charts.distribution.bins.append({v, counts[v]});

    const Stats::Nps nps = Stats::nps(all.promoters, all.passives, all.detractors);
    charts.nps = {nps.promoters, nps.passives, nps.detractors, nps.score, std::nullopt};
    if (nps.ci)
        charts.nps.interval = Interval{nps.ci->low, nps.ci->high};

    charts.weekly.measure = charts.monthly.measure = u"NPS"_s;
    charts.weekly.period = Period::Week;
    for (qsizetype i = 0; i < weeks.size(); ++i)
        charts.weekly.points.append(trendPoint(firstMonday.addDays(7 * i), weeks[i]));
    charts.revenue.period = Period::Month;
    for (qsizetype i = 0; i < months.size(); ++i) {
        const QDate start = QDate(first.year(), first.month(), 1).addMonths(int(i));
        charts.monthly.points.append(trendPoint(start, months[i]));
        charts.revenue.points.append({start, months[i].revenue, months[i].revenueRows, {}});
    }
    return charts;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(bench);
    QStandardPaths::setTestModeEnabled(true);
    const Options options = Bench::parseOptions(app);

    const int count = options.tiny ? 1000 : 100000;
    const QList<Response> responses = generateResponses(count);
    const QSize size(1200, 800);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);

    Report report(bench, options);
    Figures w, b;
    Bench::measure(
        options.runs,
        [&] {
            DataPanel panel;
            panel.resize(size);
            panel.setTouchpointData(aggregate(responses));
            image.fill(Qt::white);
            QPainter painter(&image);
            panel.render(&painter);
        },
        [&] {
            QChartView view;
            view.resize(size);
            auto *set = new QBarSet(u"Answers"_s);
            for (int v = 0; v <= 10; ++v)
                set->append(double(v));
            auto *series = new QBarSeries;
            series->append(set);
            view.chart()->addSeries(series);
            view.chart()->createDefaultAxes();
            image.fill(Qt::white);
            QPainter painter(&image);
            view.render(&painter);
        },
        w, b);
    if (aggregate(responses).nps.n() != count)
        Bench::fail(bench, u"the aggregation lost answers"_s);

    // To look at what is timed: WAYMARK_BENCH_CHARTS_PNG=FILE saves one more frame.
    const QString png = qEnvironmentVariable("WAYMARK_BENCH_CHARTS_PNG");
    if (!png.isEmpty()) {
        DataPanel panel;
        panel.resize(size);
        panel.setTouchpointData(aggregate(responses));
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            panel.render(&painter);
        }
        if (!image.save(png))
            Bench::fail(bench, u"cannot write "_s + png);
    }
    report.add(u"chart panel of a touchpoint with %1 responses"_s.arg(QLocale::c().toString(count)),
               u"bare QChartView with 11 bars"_s, w, b, {u"≤ 50 ms"_s, 50, std::nullopt});

    if (!report.finish())
        Bench::fail(bench, u"cannot write "_s + options.json);
    return 0;
}
