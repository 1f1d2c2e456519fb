#include "metricsadapter.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

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

TimeSeries::Point npsPoint(const QDate &start, const Metrics::Sums &sums)
{
    TimeSeries::Point point;
    point.start = start;
    const Metrics::Figures f = Metrics::figures(sums, false);
    if (f.nps && f.nps->n > 0) {
        point.n = f.nps->n;
        point.value = f.nps->score;
        if (f.nps->ci)
            point.interval = Interval{f.nps->ci->low, f.nps->ci->high};
    }
    return point;
}

// A GA4 funnel of the map, when one is attached: measured steps say more than a persona's
// assumed path.
const Metrics::Funnel *datasetFunnel(const Metrics::Result &result, const Id &mapId)
{
    for (const Metrics::Funnel &funnel : result.funnels) {
        if (funnel.mapId == mapId && !funnel.steps.isEmpty())
            return &funnel;
    }
    return nullptr;
}

} // namespace

QDate isoWeekStart(const QString &week)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-W(\\d{2})$"));
    const QRegularExpressionMatch match = pattern.match(week);
    if (!match.hasMatch())
        return {};
    const int year = match.captured(1).toInt();
    const int number = match.captured(2).toInt();
    // The 4th of January is always in week 1, whose Monday starts the count.
    const QDate fourth(year, 1, 4);
    const QDate firstMonday = fourth.addDays(1 - fourth.dayOfWeek());
    const QDate start = firstMonday.addDays(7 * qint64(number - 1));
    if (number < 1 || start.weekNumber() != number)
        return {};
    return start;
}

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
    charts.weekly.measure = charts.monthly.measure;
    charts.weekly.period = Period::Week;
    charts.revenue.measure = Text::tr("Revenue");
    charts.revenue.period = Period::Month;
    for (const Metrics::MonthTrend &month : result.months) {
        const QDate start = QDate::fromString(month.month + QStringLiteral("-01"), Qt::ISODate);
        charts.monthly.points.append(npsPoint(start, month.sums));
        if (result.hasRevenue)
            charts.revenue.points.append({start, month.sums.revenue, month.sums.revenueRows, {}});
    }
    for (const Metrics::WeekTrend &week : result.weeks) {
        const QDate start = isoWeekStart(week.week);
        if (start.isValid())
            charts.weekly.points.append(npsPoint(start, week.sums));
    }
    return charts;
}

QList<EmotionScore::Curve> emotionCurves(const JourneyMap &journeyMap,
                                         const QList<Persona> &personas)
{
    QHash<Id, qsizetype> stageOf; // touchpoint → index of its stage
    for (const Touchpoint &touchpoint : journeyMap.touchpoints) {
        for (qsizetype i = 0; i < journeyMap.stages.size(); ++i) {
            if (journeyMap.stages[i].id == touchpoint.stageId)
                stageOf.insert(touchpoint.id, i);
        }
    }

    struct Mean
    {
        double sum = 0;
        int n = 0;
    };
    QHash<Id, QList<Mean>> means; // persona → per stage
    for (const PersonaStep &step : journeyMap.personaSteps) {
        const auto stage = stageOf.constFind(step.touchpointId);
        if (!step.emotion || stage == stageOf.constEnd())
            continue;
        QList<Mean> &perStage = means[step.personaId];
        perStage.resize(journeyMap.stages.size());
        perStage[*stage].sum += *step.emotion;
        ++perStage[*stage].n;
    }

    QList<EmotionScore::Curve> curves;
    for (const Persona &persona : personas) {
        const auto found = means.constFind(persona.id);
        if (found == means.constEnd())
            continue;
        EmotionScore::Curve curve;
        curve.persona = persona.name;
        curve.color = persona.color;
        for (const Mean &mean : *found)
            curve.emotions.append(mean.n > 0 ? std::optional<double>(mean.sum / mean.n)
                                             : std::nullopt);
        curves.append(curve);
    }
    return curves;
}

MapCharts mapCharts(const Metrics::MapResult &map, const Metrics::Result &result,
                    const JourneyMap &journeyMap, const QList<Persona> &personas,
                    const QString &filter)
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

    if (const Metrics::Funnel *funnel = datasetFunnel(result, map.id)) {
        charts.funnel.name = funnel->dataset;
        // GA4's abandonment of a step is the share that went no further, so the loss shown
        // under a step is the abandonment of the one before it.
        const Metrics::FunnelStep *previous = nullptr;
        for (const Metrics::FunnelStep &step : funnel->steps) {
            double lost = 0;
            if (previous && previous->abandonment)
                lost = 100.0 * *previous->abandonment;
            else if (previous && previous->activeUsers > 0)
                lost = 100.0 * double(previous->activeUsers - step.activeUsers) /
                       double(previous->activeUsers);
            const QString name =
                step.touchpointId.isNull() ? step.name : titles.value(step.touchpointId, step.name);
            charts.funnel.steps.append({name, step.activeUsers, std::clamp(lost, 0.0, 100.0)});
            previous = &step;
        }
    } else if (!map.paths.isEmpty()) {
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
    charts.emotions.personas = emotionCurves(journeyMap, personas);
    return charts;
}

} // namespace Waymark::Charts
