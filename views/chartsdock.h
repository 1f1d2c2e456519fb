// The Charts dock: the data panel for what is selected on the current map. With one card
// selected it charts that touchpoint (distribution, NPS breakdown, trend, revenue); otherwise
// the map (funnel along a path, score per stage, the personas' emotion curves beside the
// measured score). It draws the latest figures it is given, says so while new ones are being
// computed, and says plainly what is missing when there is nothing to draw.
//
// The chart panels are built the first time the dock can be seen (or dataPanel() is asked
// for), not with the window: tabbed behind the inspector at start-up, the dock would otherwise
// make Qt Charts build every chart before the window can paint. Until then the figures are
// worked out as usual and kept for the panel, and so is the sentence shown instead of it.
#pragma once

#include "entities.h"

#include <QDockWidget>

#include <memory>

class QLabel;
class QStackedWidget;

namespace Waymark {

namespace Charts {
class DataPanel;
struct MapCharts;
struct TouchpointCharts;
} // namespace Charts
namespace Metrics {
struct Result;
}

class Document;
struct ChangeEvent;

class ChartsDock : public QDockWidget
{
    Q_OBJECT

public:
    enum class State
    {
        NoMap,      // no map to chart
        Computing,  // no figures yet, and the first are on their way
        Message,    // nothing to draw, and a sentence saying why
        Touchpoint, // the selected touchpoint's panels
        Map,        // the map's panels
    };

    explicit ChartsDock(QWidget *parent = nullptr);
    ~ChartsDock() override;

    // The project the maps and personas come from; nullptr: none.
    void setDocument(Document *document);
    void setResult(std::shared_ptr<const Metrics::Result> result);
    // While true, the panels say that newer figures are on their way.
    void setComputing(bool computing);
    void setSelection(const Id &mapId, const QList<Id> &touchpoints);
    // Said after n in each panel's subtitle: how the figures were filtered.
    void setFilterText(const QString &filter);

    State state() const { return mState; }
    bool isComputingShown() const;
    // The sentence shown instead of the panels; empty while they show.
    QString message() const;
    // Builds the panels if the dock has not been shown yet.
    Charts::DataPanel *dataPanel() const;
    bool isPanelBuilt() const { return mPanel != nullptr; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void documentChanged(const ChangeEvent &event);
    void scheduleRefresh();
    void refresh();
    void showMessage(State state, const QString &text);
    void buildPanel() const;

    Document *mDocument = nullptr;
    std::shared_ptr<const Metrics::Result> mResult;
    bool mComputing = false;
    Id mMapId;
    Id mTouchpointId; // null unless exactly one card is selected
    QString mFilter;
    bool mRefreshPending = false;
    State mState = State::NoMap;
    QLabel *mBanner;
    QStackedWidget *mStack;
    QLabel *mMessage;
    QString mMessageText; // shown by mMessage once the panels are built
    // Built on first use (see above); the data it is to show is kept until then.
    mutable Charts::DataPanel *mPanel = nullptr;
    std::unique_ptr<Charts::TouchpointCharts> mTouchpointCharts;
    std::unique_ptr<Charts::MapCharts> mMapCharts;
};

} // namespace Waymark
