#include "metricsadapter.h"

#include <QCoreApplication>

namespace Waymark::Charts {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Waymark::Charts::MetricsAdapter)
};

NpsBreakdown breakdown(const std::optional<Stats::Nps> &nps)
{
    NpsBreakdown b;
    if (!nps)
        return b;
    b.promoters = nps->promoters;
    b.passives = nps->passives;
    b.detractors = nps->detractors;
    b.score = nps->score;
    if (nps->ci)
        b.interval = Interval{nps->ci->low, nps->ci->high};
    return b;
}

} // namespace

TouchpointCharts touchpointCharts(const Metrics::TouchpointResult &result, const QString &filter)
{
    TouchpointCharts charts;
    charts.title = result.title;
    charts.filter = filter;
    charts.distribution.measure = Text::tr("NPS (0–10)");
    for (qsizetype i = 0; i < result.sums.npsCounts.size(); ++i)
        charts.distribution.bins.append({Metrics::NpsMin + int(i), result.sums.npsCounts[i]});
    charts.nps = breakdown(result.figures.nps);

    charts.monthly.measure = Text::tr("NPS");
    charts.monthly.period = Period::Month;
    // TODO: The engine keeps months only, so the weekly trend stays empty and says so.
    charts.weekly.measure = charts.monthly.measure;
    charts.weekly.period = Period::Week;
    charts.revenue.period = Period::Month;
    for (const Metrics::MonthTrend &month : result.months) {
        const QDate start = QDate::fromString(month.month + QStringLiteral("-01"), Qt::ISODate);
        const Metrics::Figures f = Metrics::figures(month.sums, result.hasRevenue);
        TimeSeries::Point point;
        point.start = start;
        if (f.nps && f.nps->n > 0) {
            point.n = f.nps->n;
            point.value = f.nps->score;
            if (f.nps->ci)
                point.interval = Interval{f.nps->ci->low, f.nps->ci->high};
        }
        charts.monthly.points.append(point);
        if (result.hasRevenue)
            charts.revenue.points.append({start, month.sums.revenue, month.sums.revenueRows, {}});
    }
    return charts;
}

MapCharts mapCharts(const Metrics::MapResult &map, const Metrics::Result &result,
                    const JourneyMap &journeyMap, const QString &filter)
{
    MapCharts charts;
    charts.title = map.name;
    charts.filter = filter;

    QHash<Id, QString> titles;
    QHash<QString, Metrics::Sums> byStage;
    for (const Metrics::TouchpointResult &t : result.touchpoints) {
        if (t.mapId != map.id)
            continue;
        titles.insert(t.id, t.title);
        byStage[t.stage].add(t.sums);
    }

    if (!map.paths.isEmpty()) {
        const Metrics::PersonaPath &path = map.paths.first();
        charts.funnel.name = path.persona;
        for (const Metrics::PathStep &step : path.steps)
            charts.funnel.steps.append(
                {titles.value(step.touchpointId), step.reached, 100.0 * step.dropOff.value_or(0)});
    }

    charts.stageMetric.measure = Text::tr("NPS");
    charts.emotions.measure = Text::tr("NPS");
    for (const Stage &stage : journeyMap.stages) {
        StageMetric::Stage s;
        s.name = stage.name;
        const auto sums = byStage.constFind(stage.name);
        if (sums != byStage.constEnd()) {
            const Metrics::Figures f = Metrics::figures(*sums, false);
            if (f.nps && f.nps->n > 0) {
                s.value = f.nps->score;
                s.n = f.nps->n;
                if (f.nps->ci)
                    s.interval = Interval{f.nps->ci->low, f.nps->ci->high};
            }
        }
        charts.stageMetric.stages.append(s);
        charts.emotions.stages.append(stage.name);
        charts.emotions.scores.append(s.value);
    }
    // TODO: The personas' emotion curves come from the map's persona steps, which the window
    // must add before the emotion panel shows more than the measured scores.
    return charts;
}

} // namespace Waymark::Charts
