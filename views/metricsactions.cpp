#include "metricsactions.h"

#include "commands.h"
#include "document.h"
#include "lookup.h"
#include "mapscene.h"
#include "mapview.h"
#include "metricscontroller.h"
#include "metricsoverlay.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace Waymark {

MetricsActions::MetricsActions(QTabWidget *tabs, MetricsController *controller, QObject *parent)
    : QObject(parent)
    , mTabs(tabs)
    , mController(controller)
{
    mHeadlineMenu = new QMenu(tr("&Headline Metric"));
    mHeadlineMenu->setObjectName(u"headlineMetricMenu"_s);
    mHeadlineGroup = new QActionGroup(this);
    mHeadlineGroup->setExclusive(true);
    for (HeadlineMetric headline : allValues<HeadlineMetric>()) {
        QAction *action = mHeadlineMenu->addAction(displayName(headline));
        action->setObjectName(u"headline_"_s + toKey(headline));
        action->setCheckable(true);
        action->setData(int(headline));
        mHeadlineGroup->addAction(action);
        connect(action, &QAction::triggered, this,
                [this, headline] { setHeadline(int(headline)); });
    }
    connect(mHeadlineMenu, &QMenu::aboutToShow, this, &MetricsActions::updateHeadlineMenu);

    mBadgesAction = new QAction(tr("Metric &Badges"), this);
    mBadgesAction->setObjectName(u"metricBadgesAction"_s);
    mBadgesAction->setCheckable(true);
    mBadgesAction->setChecked(true);
    mBadgesAction->setStatusTip(tr("Show each card's headline metric and its number of answers"));
    connect(mBadgesAction, &QAction::toggled, this, &MetricsActions::syncViews);

    mHeatAction = new QAction(tr("Heat &Map"), this);
    mHeatAction->setObjectName(u"heatMapAction"_s);
    mHeatAction->setCheckable(true);
    mHeatAction->setStatusTip(
        tr("Colour the cards by their headline metric, compared with the rest of the map"));
    connect(mHeatAction, &QAction::toggled, this, &MetricsActions::syncViews);

    connect(mController, &MetricsController::resultChanged, this, &MetricsActions::syncViews);
    connect(mTabs, &QTabWidget::currentChanged, this, &MetricsActions::updateHeadlineMenu);
}

void MetricsActions::fillViewMenu(QMenu *menu)
{
    // The menu has no parent of its own, so that it can be made before the menu bar.
    mHeadlineMenu->setParent(menu, mHeadlineMenu->windowFlags());
    menu->addMenu(mHeadlineMenu);
    menu->addAction(mBadgesAction);
    menu->addAction(mHeatAction);
    updateHeadlineMenu();
}

MapView *MetricsActions::currentView() const
{
    return qobject_cast<MapView *>(mTabs->currentWidget());
}

void MetricsActions::syncViews()
{
    for (int i = 0; i < mTabs->count(); ++i) {
        auto *view = qobject_cast<MapView *>(mTabs->widget(i));
        if (!view)
            continue;
        MetricsOverlay *metrics = view->mapScene()->metrics();
        metrics->setBadgesShown(mBadgesAction->isChecked());
        metrics->setHeatMode(mHeatAction->isChecked());
        metrics->setResult(mController->result());
    }
    updateHeadlineMenu();
}

void MetricsActions::updateHeadlineMenu()
{
    const MapView *view = currentView();
    const JourneyMap *map = view ? view->mapScene()->map() : nullptr;
    mHeadlineMenu->setEnabled(map != nullptr);
    for (QAction *action : mHeadlineGroup->actions())
        action->setChecked(map && action->data().toInt() == int(map->headline));
}

void MetricsActions::setHeadline(int headline)
{
    const MapView *view = currentView();
    Document *document = mController->document();
    if (!view || !document)
        return;
    if (auto command = Commands::setMapHeadline(document, view->mapId(), HeadlineMetric(headline)))
        document->push(command.release());
    updateHeadlineMenu();
}

} // namespace Waymark
