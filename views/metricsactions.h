// The View menu's metric entries of one window: the current map's headline metric (an undo
// step on the document), whether the cards show their badges, and heat mode. Badges and
// heat mode belong to the window, not to the document: they apply to every map it shows and
// make no undo step. It also hands each map's canvas the controller's latest figures.
#pragma once

#include <QObject>

class QAction;
class QActionGroup;
class QMenu;
class QTabWidget;

namespace Waymark {

class MapView;
class MetricsController;

class MetricsActions : public QObject
{
    Q_OBJECT

public:
    MetricsActions(QTabWidget *tabs, MetricsController *controller, QObject *parent = nullptr);

    // Adds the "Headline Metric" submenu, "Metric Badges" and "Heat Map" to menu.
    void fillViewMenu(QMenu *menu);

    QMenu *headlineMenu() const { return mHeadlineMenu; }
    QAction *badgesAction() const { return mBadgesAction; }
    QAction *heatMapAction() const { return mHeatAction; }

    // Gives every map view of the tabs the latest figures and the window's choices: call it
    // whenever views come or go.
    void syncViews();

private:
    MapView *currentView() const;
    void updateHeadlineMenu();
    void setHeadline(int headline);

    QTabWidget *mTabs;
    MetricsController *mController;
    QMenu *mHeadlineMenu = nullptr;
    QActionGroup *mHeadlineGroup = nullptr;
    QAction *mBadgesAction = nullptr;
    QAction *mHeatAction = nullptr;
};

} // namespace Waymark
