// The Key Drivers dock: the touchpoints of the current map that matter most to loyalty and
// revenue, ranked by the metrics engine, with a sentence on how to read the ranking. A double
// click or Enter on a row asks the window to show that touchpoint's card.
//
// The table and its texts are built the first time the dock can be seen (or table() is asked
// for): hidden at start-up, the dock costs the window's first paint nothing. The model is
// kept current all along.
#pragma once

#include "entities.h"

#include <QDockWidget>

#include <memory>

class QLabel;
class QStackedWidget;
class QTableView;

namespace Waymark {

namespace Metrics {
struct Result;
}

class DriversModel;

class DriversDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit DriversDock(QWidget *parent = nullptr);

    void setResult(std::shared_ptr<const Metrics::Result> result);
    void setComputing(bool computing);
    // The map whose touchpoints are ranked; null: every map's.
    void setMap(const Id &mapId);

    DriversModel *model() const { return mModel; }
    // Builds the dock's widgets if it has not been shown yet.
    QTableView *table();
    bool isBuilt() const { return mTable != nullptr; }
    bool isShowingTable() const;
    // The sentence shown instead of the table; empty while the table shows.
    QString message() const;
    QString explanation() const;

signals:
    void touchpointActivated(const Waymark::Id &mapId, const Waymark::Id &touchpointId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void reload();  // the model from the result, then refresh()
    void refresh(); // the texts, and the table or the sentence instead
    void build();
    void showTexts(); // what refresh() worked out, on the widgets once they are built

    std::shared_ptr<const Metrics::Result> mResult;
    bool mComputing = false;
    Id mMapId;
    DriversModel *mModel;
    QString mExplanationText;
    QString mMessageText; // empty while the table shows
    // Built on first use (see above).
    QLabel *mExplanation = nullptr;
    QStackedWidget *mStack = nullptr;
    QTableView *mTable = nullptr;
    QLabel *mMessage = nullptr;
};

} // namespace Waymark
