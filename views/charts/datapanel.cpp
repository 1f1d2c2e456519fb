#include "datapanel.h"

#include "distributionchart.h"
#include "emotionscorechart.h"
#include "funnelchart.h"
#include "npsbreakdownchart.h"
#include "revenuechart.h"
#include "stagemetricchart.h"
#include "trendchart.h"

#include <QEvent>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Waymark::Charts {

namespace {

QWidget *page(const QList<ChartPanel *> &panels)
{
    auto *widget = new QWidget;
    auto *layout = new QVBoxLayout(widget);
    for (ChartPanel *panel : panels) {
        panel->setMinimumHeight(380);
        layout->addWidget(panel);
    }
    layout->addStretch(1);
    return widget;
}

} // namespace

DataPanel::DataPanel(QWidget *parent)
    : QWidget(parent)
    , mHeading(new QLabel(this))
    , mPages(new QStackedWidget)
    , mDistribution(new DistributionChart)
    , mNps(new NpsBreakdownChart)
    , mTrend(new TrendChart)
    , mRevenue(new RevenueChart)
    , mFunnel(new FunnelChart)
    , mStageMetric(new StageMetricChart)
    , mEmotions(new EmotionScoreChart)
{
    QFont heading = font();
    heading.setPointSizeF(std::max(16.0, heading.pointSizeF()));
    heading.setBold(true);
    mHeading->setFont(heading);
    mHeading->setWordWrap(true);

    mTouchpointPage = page({mNps, mDistribution, mTrend, mRevenue});
    mMapPage = page({mFunnel, mStageMetric, mEmotions});
    mPages->addWidget(mTouchpointPage);
    mPages->addWidget(mMapPage);
    mPages->setCurrentWidget(mMapPage);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(mPages);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mHeading);
    layout->addWidget(scroll, 1);
    setHeading();
}

void DataPanel::setTouchpointData(const TouchpointCharts &charts)
{
    mTouchpointTitle = charts.title;
    mDistribution->setData(charts.distribution);
    mNps->setData(charts.nps);
    mTrend->setData(charts.weekly, charts.monthly);
    mRevenue->setData(charts.revenue);
    for (ChartPanel *panel :
         std::initializer_list<ChartPanel *>{mDistribution, mNps, mTrend, mRevenue})
        panel->setFilter(charts.filter);
    mPages->setCurrentWidget(mTouchpointPage);
    setHeading();
}

void DataPanel::setMapData(const MapCharts &charts)
{
    mMapTitle = charts.title;
    mFunnel->setData(charts.funnel);
    mStageMetric->setData(charts.stageMetric);
    mEmotions->setData(charts.emotions);
    for (ChartPanel *panel : std::initializer_list<ChartPanel *>{mFunnel, mStageMetric, mEmotions})
        panel->setFilter(charts.filter);
    showMap();
}

void DataPanel::showMap()
{
    mPages->setCurrentWidget(mMapPage);
    setHeading();
}

DataPanel::Showing DataPanel::showing() const
{
    return mPages->currentWidget() == mTouchpointPage ? Showing::Touchpoint : Showing::Map;
}

QList<ChartPanel *> DataPanel::visiblePanels() const
{
    if (showing() == Showing::Touchpoint)
        return {mNps, mDistribution, mTrend, mRevenue};
    return {mFunnel, mStageMetric, mEmotions};
}

void DataPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        setHeading();
}

void DataPanel::setHeading()
{
    if (showing() == Showing::Touchpoint)
        mHeading->setText(mTouchpointTitle.isEmpty() ? tr("Selected touchpoint")
                                                     : mTouchpointTitle);
    else
        mHeading->setText(mMapTitle.isEmpty() ? tr("Whole map") : tr("Map: %1").arg(mMapTitle));
}

} // namespace Waymark::Charts
