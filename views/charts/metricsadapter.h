// Fills the chart values from the metrics engine's results, so that the panels never see the
// engine's types and the engine never knows about charts.
#pragma once

#include "chartdata.h"
#include "metrics/metricsengine.h"

namespace Waymark::Charts {

// The NPS distribution and breakdown, the weekly and monthly trends and revenue of one
// touchpoint.
TouchpointCharts touchpointCharts(const Metrics::TouchpointResult &result, const QString &filter);

// A map's funnel (its first persona path), NPS per stage pooled over the map's touchpoints in
// that stage, in the order of the map's stages, and the emotion curves of the personas with
// steps on the map.
MapCharts mapCharts(const Metrics::MapResult &map, const Metrics::Result &result,
                    const JourneyMap &journeyMap, const QList<Persona> &personas,
                    const QString &filter);

// Per persona with a scored step on the map (in the order of the library), the mean emotion of
// its steps in each stage, in the order of the map's stages; none where it has no scored step.
QList<EmotionScore::Curve> emotionCurves(const JourneyMap &journeyMap,
                                         const QList<Persona> &personas);

// The Monday that starts an ISO week written as "2024-W09"; invalid for anything else.
QDate isoWeekStart(const QString &week);

} // namespace Waymark::Charts
