// A persona's path through a map on the canvas: a line in the persona's colour that runs
// under the cards from one step to the next, and numbered beads over the cards' left edges
// that give the order. A card the persona comes back to carries a bead for each visit.
#pragma once

#include "entities.h"

#include <QColor>
#include <QGraphicsItem>
#include <QHash>
#include <QPainterPath>

namespace Waymark {

class MapLayout;

// Where one step of a path meets its card, in scene coordinates.
struct PathStop
{
    Id stepId;
    Id touchpointId;
    int number = 0; // along the path, from 1
    QPointF point;
};

// Places the stops of each persona's path on its cards' left edges, one slot per visit in
// the order of personaIds, so that two paths through one card stay apart. Steps whose card
// is not shown (a hidden lane) are left out, and the line goes straight past them.
QHash<Id, QList<PathStop>> placePathStops(const JourneyMap &map, const MapLayout &layout,
                                          const QList<Id> &personaIds);

// The line. It only shows, so it takes no clicks: the cards under and over it do.
class PersonaPathItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 20
    };

    PersonaPathItem(const Id &personaId, const QColor &color, const QList<PathStop> &stops);

    int type() const override { return Type; }

    Id personaId() const { return mPersonaId; }
    QColor color() const { return mColor; }
    const QList<PathStop> &stops() const { return mStops; }
    QList<QPointF> points() const;
    const QPainterPath &path() const { return mPath; }

    // The same steps in new places, as cards move: only the legs that moved are drawn again.
    // Other steps (one added, one gone) make the whole line again.
    void setStops(const QList<PathStop> &stops);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void buildPath();

    Id mPersonaId;
    QColor mColor;
    QList<PathStop> mStops;
    QPainterPath mPath; // built once: a repaint only strokes it
    QRectF mBounds;
};

// The numbered beads of one persona's path, drawn above the cards.
class PersonaStopsItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 21
    };

    static constexpr qreal BeadRadius = 9;

    PersonaStopsItem(const Id &personaId, const QColor &color, const QList<PathStop> &stops);

    int type() const override { return Type; }

    Id personaId() const { return mPersonaId; }
    const QList<PathStop> &stops() const { return mStops; }
    // As PersonaPathItem::setStops(): only the beads that moved are drawn again.
    void setStops(const QList<PathStop> &stops);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    Id mPersonaId;
    QColor mColor;
    QList<PathStop> mStops;
    QRectF mBounds;
};

} // namespace Waymark
