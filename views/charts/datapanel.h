// The data panel: the chart panels of the selected touchpoint, or of the map when nothing is
// selected, stacked in a scroll area. It only draws what it is given, so it stays cheap.
#pragma once

#include "chartdata.h"

#include <QWidget>

class QLabel;
class QScrollArea;
class QStackedWidget;

namespace Waymark::Charts {

class ChartPanel;
class DistributionChart;
class EmotionScoreChart;
class FunnelChart;
class NpsBreakdownChart;
class RevenueChart;
class StageMetricChart;
class TrendChart;

class DataPanel : public QWidget
{
    Q_OBJECT

public:
    enum class Showing
    {
        Touchpoint,
        Map
    };

    explicit DataPanel(QWidget *parent = nullptr);

    // Shows the touchpoint's panels with this data.
    void setTouchpointData(const TouchpointCharts &charts);
    // Keeps the map's data and shows its panels: what the panel shows when nothing is selected.
    void setMapData(const MapCharts &charts);
    // Back to the map's panels with the data last given, when the selection is cleared.
    void showMap();

    Showing showing() const;
    QList<ChartPanel *> visiblePanels() const;

    DistributionChart *distribution() const { return mDistribution; }
    NpsBreakdownChart *nps() const { return mNps; }
    TrendChart *trend() const { return mTrend; }
    RevenueChart *revenue() const { return mRevenue; }
    FunnelChart *funnel() const { return mFunnel; }
    StageMetricChart *stageMetric() const { return mStageMetric; }
    EmotionScoreChart *emotions() const { return mEmotions; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void setHeading();

    QLabel *mHeading;
    QStackedWidget *mPages;
    QWidget *mTouchpointPage;
    QWidget *mMapPage;
    DistributionChart *mDistribution;
    NpsBreakdownChart *mNps;
    TrendChart *mTrend;
    RevenueChart *mRevenue;
    FunnelChart *mFunnel;
    StageMetricChart *mStageMetric;
    EmotionScoreChart *mEmotions;
    QString mTouchpointTitle;
    QString mMapTitle;
};

} // namespace Waymark::Charts
