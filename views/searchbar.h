// The bar that finds cards on the current map (Edit ▸ Find…): a query, the count of matches
// ("3 of 7"), buttons to step through them and to close. It outlines every matching card on
// the canvas and selects the current one, scrolling it into view. Searching only looks: it
// pushes nothing on the document's undo stack.
#pragma once

#include "entities.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace Waymark {

class MapView;

class SearchBar : public QWidget
{
    Q_OBJECT

public:
    explicit SearchBar(QWidget *parent = nullptr);
    ~SearchBar() override;

    // The touchpoints of the map whose title, description or notes contain the query,
    // ignoring case, in reading order: stage by stage, lane by lane, then along the cell.
    // Cards in hidden lanes are not on the canvas, so they are not found either.
    static QList<Id> findMatches(const JourneyMap &map, const QString &query);

    // The canvas searched; nullptr searches nothing. Its highlights move along with it.
    void setView(MapView *view);
    MapView *view() const { return mView; }

    QString query() const;
    void setQuery(const QString &query);
    QList<Id> matches() const { return mMatches; }
    qsizetype currentIndex() const { return mCurrent; } // -1: no current match
    QString countText() const;

    // Shows the bar with its query selected, ready to be typed over.
    void open();
    // Hides the bar and takes the outlines off the canvas.
    void close();

    // Step to the next or previous match, wrapping around at the ends.
    void findNext();
    void findPrevious();

    QLineEdit *lineEdit() const { return mEdit; }

signals:
    void closed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // typed: the query changed, so the search starts again at the first match.
    void research(bool typed);
    void step(int delta);
    void showCurrent();
    void applyHighlights();
    void clearHighlights();
    void updateCount();

    QPointer<MapView> mView;
    QLineEdit *mEdit;
    QLabel *mCount;
    QToolButton *mPrevious;
    QToolButton *mNext;
    QToolButton *mClose;
    QList<Id> mMatches;
    qsizetype mCurrent = -1;
    QMetaObject::Connection mDocumentConnection;
};

} // namespace Waymark
