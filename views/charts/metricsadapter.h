// Fills the chart values from the metrics engine's results, so that the panels never see the
// engine's types and the engine never knows about charts.
#pragma once

#include "chartdata.h"
#include "metrics/metricsengine.h"

namespace Waymark::Charts {

// The NPS distribution and breakdown, the monthly trend and revenue of one touchpoint.
TouchpointCharts touchpointCharts(const Metrics::TouchpointResult &result, const QString &filter);

// A map's funnel (its first persona path), and NPS per stage pooled over the map's
// touchpoints in that stage, in the order of the map's stages.
MapCharts mapCharts(const Metrics::MapResult &map, const Metrics::Result &result,
                    const JourneyMap &journeyMap, const QString &filter);

} // namespace Waymark::Charts
