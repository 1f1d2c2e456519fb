// Finds the lines of connectors on a laid-out map: horizontal and vertical segments that
// leave a card by one of its sides, run through the gutters between stages and lanes (or a
// free gap between cards), and enter the other card by a side, never crossing a card or a
// note. The grid's structure does the work: every stage boundary and every lane boundary is
// a gutter clear from end to end, so a route is a choice among a few shapes rather than a
// search over the canvas. Pure geometry, computed from a MapLayout alone.
#pragma once

#include "entities.h"
#include "maplayout.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QSizeF>
#include <QVarLengthArray>

namespace Waymark {

class ConnectorRouter
{
public:
    explicit ConnectorRouter(const MapLayout &layout);

    // Takes in the new places of some cards and notes of layout, which has the same stages
    // and lanes at the same places as the layout the router was made from: what a drag step
    // moves, for a fraction of what a new router over the whole map costs. False where that
    // does not hold (rows that grew, a card outside every cell); the router is then as it was
    // and a new one is needed.
    bool moveObstacles(const MapLayout &layout, const QSet<Id> &cards, const QSet<Id> &notes);

    // The corners of one line, from the first card's border to the second's; empty when a
    // card is not shown or both are the same card.
    QList<QPointF> route(const Id &fromId, const Id &toId) const;

    // The lines of many connectors, in the order given (an empty one for a connector not
    // shown). Lines sharing a gutter run side by side in it rather than on top of each
    // other, and lines meeting the same side of a card meet it at points spread along it.
    QList<QList<QPointF>> routeAll(const QList<Connector> &connectors) const;

    // Where the centre of a label of that size goes on the line: on its longest horizontal
    // stretch that leaves the label clear of cards and notes, else wherever it is clearest.
    QPointF labelCentre(const QList<QPointF> &points, const QSizeF &labelSize) const;

    // Whether the rectangle overlaps no card and no note.
    bool isClear(const QRectF &rect) const;

    // The cards and notes a line must keep out of.
    QList<QRectF> obstacles() const;

private:
    enum Side
    {
        Left,
        Right,
        Top,
        Bottom
    };

    // A straight piece of a route: a vertical leg has a fixed x, a horizontal one a fixed y.
    // A leg in a gutter names it, so that lines sharing it can be spread apart there.
    struct Leg
    {
        bool vertical = false;
        qreal coord = 0;
        int channel = -1; // a gutter (see Channel), or -1 for a leg at a place of its own
    };

    // Routes have a handful of legs: kept off the heap, since thousands of candidate routes
    // are weighed for a large map.
    using Legs = QVarLengthArray<Leg, 8>;
    using Corners = QVarLengthArray<QPointF, 10>;

    // One way of leaving a card: its side, the legs that get from it into a gutter, and
    // which gutter that is.
    struct Port
    {
        Side side = Left;
        Legs legs; // from the card outwards; the first is the stub off the side
        int channel = -1;
        QPointF attach;   // where the legs meet the gutter
        qreal length = 0; // of the legs, up to there
    };

    struct Plan
    {
        Id fromId;
        Id toId;
        Side fromSide = Left;
        Side toSide = Left;
        Legs legs; // from the first card to the second
        qreal cost = 0;
        bool valid = false;
    };

    struct Card
    {
        QRectF rect;
        int column = 0;
        int row = 0;
    };

    struct Routed
    {
        Plan plan;
        const Card *from = nullptr;
        const Card *to = nullptr;
    };

    // A gutter: its line (the x of a vertical one, the y of a horizontal one) and how far
    // either side of it lines may spread before they come near a card.
    struct Channel
    {
        bool vertical = false;
        qreal centre = 0;
        qreal halfWidth = 0;
    };

    Plan plan(const Card &from, const QList<Port> &fromPorts, const Card &to,
              const QList<Port> &toPorts) const;
    QList<Port> ports(const Card &card) const;
    // Keeps legs as the best plan if they cost less; check: whether cards may be in the way.
    void consider(Plan &best, const Card &from, Side fromSide, const Card &to, Side toSide,
                  const Legs &legs, bool check) const;
    void join(Plan &best, const Card &from, const Port &a, const Card &to, const Port &b) const;
    void direct(Plan &best, const Card &from, const Card &to) const;
    int bestCrossing(bool vertical, qreal a, qreal b) const;
    void spreadPorts(QList<Routed> &routed) const;
    void spreadTracks(QList<Routed> &routed) const;
    static Legs simplified(Legs legs);
    static Corners points(const QRectF &from, Side fromSide, const QRectF &to, Side toSide,
                          const Legs &legs);
    static QList<QPointF> tidy(const Corners &corners);
    // Whether rect keeps margin away from every card and note but the two given.
    // The cells a rectangle grown by margin may meet: columns first to last, rows first to
    // before end.
    struct CellRange
    {
        qsizetype firstColumn;
        qsizetype lastColumn;
        qsizetype firstRow;
        qsizetype endRow;
    };
    CellRange cellsNear(const QRectF &rect, qreal margin) const;
    // How much of the cards and notes the rectangle covers, in square units.
    qreal coveredArea(const QRectF &rect) const;
    bool isClearOf(const QRectF &rect, qreal margin, const QRectF &except1,
                   const QRectF &except2) const;

    QList<qreal> mColumnX;    // the boundaries of the stages, one more than there are stages
    QList<qreal> mRowTop;     // of each row
    QList<qreal> mRowBottom;  // of each row; a gap lies between one row's bottom and the next top
    QList<Channel> mChannels; // vertical gutters first, one per stage boundary, then horizontal
    int mFirstHorizontal = 0; // the index of the top gutter in mChannels
    // The gutters' places, from what stands in each cell (mCellBounds).
    void placeChannels();
    // Puts an obstacle in its cell; false if it lies outside every cell.
    bool placeInCell(const QRectF &rect, qsizetype *cell) const;

    QHash<Id, Card> mCards;
    QHash<Id, QRectF> mNotes;            // the notes' places, by annotation
    QList<QList<QRectF>> mCellObstacles; // by cell: column * rows + row
    QList<QRectF> mCellBounds;           // of each cell's obstacles, to pass most by at once
    QList<QRectF> mOutside;              // obstacles outside every cell (none, normally)
};

} // namespace Waymark
