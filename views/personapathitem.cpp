#include "personapathitem.h"

#include "lookup.h"
#include "maplayout.h"
#include "mapstyle.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace Waymark {

using namespace MapStyle;

namespace {

// Beads sit on the card's left edge, clear of the title, one below the other; a card with
// more visits than fit starts a second column of them.
constexpr qreal beadTop = 18;
constexpr qreal beadSpacing = 20;
constexpr qreal lineWidth = 3.5;
// Below this scale the numbers cannot be read: beads become plain dots.
constexpr qreal numberDetail = 0.45;

QPointF slotPoint(const QRectF &card, int slot)
{
    const int perColumn = std::max(1, int((card.height() - beadTop) / beadSpacing) + 1);
    const int column = slot / perColumn;
    const int row = slot % perColumn;
    return QPointF(card.left() + column * beadSpacing, card.top() + beadTop + row * beadSpacing);
}

} // namespace

QHash<Id, QList<PathStop>> placePathStops(const JourneyMap &map, const MapLayout &layout,
                                          const QList<Id> &personaIds)
{
    QHash<Id, QList<PathStop>> stops;
    QHash<Id, int> slotsUsed; // per card
    for (const Id &personaId : personaIds) {
        QList<PathStop> &list = stops[personaId];
        for (const PersonaStep *step : personaPath(map, personaId)) {
            const QRectF card = layout.cardRect(step->touchpointId);
            if (card.isEmpty())
                continue;
            const int slot = slotsUsed.value(step->touchpointId);
            slotsUsed.insert(step->touchpointId, slot + 1);
            list.append({step->id, step->touchpointId, step->order + 1, slotPoint(card, slot)});
        }
    }
    return stops;
}

PersonaPathItem::PersonaPathItem(const Id &personaId, const QColor &color,
                                 const QList<PathStop> &stops)
    : mPersonaId(personaId)
    , mColor(color)
    , mStops(stops)
{
    setAcceptedMouseButtons(Qt::NoButton);
    for (qsizetype i = 0; i < mStops.size(); ++i) {
        if (i == 0)
            mPath.moveTo(mStops[i].point);
        else
            mPath.lineTo(mStops[i].point);
    }
    mBounds = mPath.boundingRect().adjusted(-lineWidth, -lineWidth, lineWidth, lineWidth);
}

QList<QPointF> PersonaPathItem::points() const
{
    QList<QPointF> points;
    for (const PathStop &stop : mStops)
        points.append(stop.point);
    return points;
}

QRectF PersonaPathItem::boundingRect() const
{
    return mBounds;
}

QPainterPath PersonaPathItem::shape() const
{
    return {};
}

void PersonaPathItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (mStops.size() < 2)
        return;
    const qreal detail =
        QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing, detail >= numberDetail);
    QPen pen(mColor, lineWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    // Zoomed far out the line keeps a width that still shows, without covering the tiles.
    if (detail < numberDetail) {
        pen.setWidthF(2);
        pen.setCosmetic(true);
    }
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(mPath);
}

PersonaStopsItem::PersonaStopsItem(const Id &personaId, const QColor &color,
                                   const QList<PathStop> &stops)
    : mPersonaId(personaId)
    , mColor(color)
    , mStops(stops)
{
    setAcceptedMouseButtons(Qt::NoButton);
    setFlag(ItemUsesExtendedStyleOption); // paints only the beads a repaint exposes
    for (const PathStop &stop : std::as_const(mStops)) {
        const QRectF bead(stop.point - QPointF(BeadRadius, BeadRadius),
                          QSizeF(2 * BeadRadius, 2 * BeadRadius));
        mBounds = mBounds.united(bead.adjusted(-2, -2, 2, 2));
    }
}

QRectF PersonaStopsItem::boundingRect() const
{
    return mBounds;
}

QPainterPath PersonaStopsItem::shape() const
{
    // Beads sit on the cards: a click on one is meant for the card.
    return {};
}

void PersonaStopsItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal detail =
        QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    const bool numbers = detail >= numberDetail;
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(QColor(Qt::white), 1.5));
    painter->setBrush(mColor);
    for (const PathStop &stop : std::as_const(mStops)) {
        const QRectF bead(stop.point - QPointF(BeadRadius, BeadRadius),
                          QSizeF(2 * BeadRadius, 2 * BeadRadius));
        if (bead.intersects(option->exposedRect))
            painter->drawEllipse(bead);
    }
    if (!numbers)
        return;

    painter->setPen(textOn(mColor));
    painter->setFont(font(10, QFont::Bold));
    for (const PathStop &stop : std::as_const(mStops)) {
        const QRectF bead(stop.point - QPointF(BeadRadius, BeadRadius),
                          QSizeF(2 * BeadRadius, 2 * BeadRadius));
        if (bead.intersects(option->exposedRect))
            painter->drawText(bead, Qt::AlignCenter, QString::number(stop.number));
    }
}

} // namespace Waymark
