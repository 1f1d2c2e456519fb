// The Charts dock: the data panel for what is selected on the current map. With one card
// selected it charts that touchpoint (distribution, NPS breakdown, trend, revenue); otherwise
// the map (funnel along a path, score per stage, the personas' emotion curves beside the
// measured score). It draws the latest figures it is given, says so while new ones are being
// computed, and says plainly what is missing when there is nothing to draw.
#pragma once

#include "entities.h"

#include <QDockWidget>

#include <memory>

class QLabel;
class QStackedWidget;

namespace Waymark {

namespace Charts {
class DataPanel;
}
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
    Charts::DataPanel *dataPanel() const { return mPanel; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void documentChanged(const ChangeEvent &event);
    void scheduleRefresh();
    void refresh();
    void showMessage(State state, const QString &text);

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
    Charts::DataPanel *mPanel;
};

} // namespace Waymark
