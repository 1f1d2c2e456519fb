#include "personapathitem.h"

#include "lookup.h"
#include "maplayout.h"
#include "mapstyle.h"

#include <QGraphicsScene>
#include <QGraphicsView>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>
#include <utility>

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
// The width of the line in pixels when zoomed far out.
constexpr qreal farWidth = 2;

QPointF slotPoint(const QRectF &card, int slot)
{
    const int perColumn = std::max(1, int((card.height() - beadTop) / beadSpacing) + 1);
    const int column = slot / perColumn;
    const int row = slot % perColumn;
    return QPointF(card.left() + column * beadSpacing, card.top() + beadTop + row * beadSpacing);
}

// The same steps in the same order: what setStops() can move in place.
bool sameSteps(const QList<PathStop> &a, const QList<PathStop> &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(),
                      [](const PathStop &x, const PathStop &y) {
                          return x.stepId == y.stepId && x.number == y.number;
                      });
}

QRectF beadRect(const PathStop &stop)
{
    constexpr qreal radius = PersonaStopsItem::BeadRadius;
    return QRectF(stop.point - QPointF(radius, radius), QSizeF(2 * radius, 2 * radius));
}

QRectF beadsBounds(const QList<PathStop> &stops)
{
    QRectF bounds;
    for (const PathStop &stop : stops)
        bounds = bounds.united(beadRect(stop).adjusted(-2, -2, 2, 2));
    return bounds;
}

QRectF lineBounds(const QPainterPath &path)
{
    return path.boundingRect().adjusted(-lineWidth, -lineWidth, lineWidth, lineWidth);
}

// How far the line's stroke reaches either side of it, in scene units, in the scene's views:
// zoomed far out the pen keeps a width in pixels, which is more of the scene.
qreal strokeReach(const QGraphicsScene *scene)
{
    qreal reach = lineWidth / 2 + 2; // antialiasing spills over by a pixel
    for (const QGraphicsView *view : scene->views()) {
        const qreal scale = QStyleOptionGraphicsItem::levelOfDetailFromTransform(view->transform());
        if (scale > 0)
            reach = std::max(reach, 3 / scale);
    }
    return reach;
}

// Asks the views to draw again a band along the line, in short pieces, rather than the box
// round it: a leg across several lanes would otherwise draw again every card beside it. An
// item's own update() would unite the pieces into that box.
void updateAlong(const QGraphicsItem *item, const QLineF &line, qreal reach)
{
    constexpr qreal piece = 48;
    const int pieces = std::max(1, int(std::ceil(line.length() / piece)));
    for (int i = 0; i < pieces; ++i) {
        const QRectF box =
            QRectF(line.pointAt(qreal(i) / pieces), line.pointAt(qreal(i + 1) / pieces))
                .normalized()
                .adjusted(-reach, -reach, reach, reach);
        item->scene()->update(item->sceneTransform().mapRect(box));
    }
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
    setFlag(ItemUsesExtendedStyleOption); // strokes only the legs a repaint exposes
    buildPath();
    mBounds = lineBounds(mPath);
}

void PersonaPathItem::buildPath()
{
    mPath = QPainterPath();
    for (qsizetype i = 0; i < mStops.size(); ++i) {
        if (i == 0)
            mPath.moveTo(mStops[i].point);
        else
            mPath.lineTo(mStops[i].point);
    }
}

void PersonaPathItem::setStops(const QList<PathStop> &stops)
{
    if (!sameSteps(stops, mStops)) {
        prepareGeometryChange();
        mStops = stops;
        buildPath();
        mBounds = lineBounds(mPath);
        return;
    }

    QList<QLineF> moved; // the legs as they were and as they are
    for (qsizetype i = 1; i < stops.size(); ++i) {
        if (stops[i - 1].point == mStops[i - 1].point && stops[i].point == mStops[i].point)
            continue;
        moved.append(QLineF(mStops[i - 1].point, mStops[i].point));
        moved.append(QLineF(stops[i - 1].point, stops[i].point));
    }
    if (moved.isEmpty())
        return;
    mStops = stops;
    buildPath();
    // The bounds only grow while the steps move, so that the index and the views need not
    // hear of a change of geometry, which would draw the whole map again; a line a little
    // inside its bounds is drawn all the same.
    const QRectF bounds = lineBounds(mPath);
    if (!mBounds.contains(bounds)) {
        prepareGeometryChange();
        mBounds = mBounds.united(bounds);
        return;
    }
    if (!scene() || !isVisible())
        return;
    const qreal reach = strokeReach(scene());
    for (const QLineF &leg : std::as_const(moved))
        updateAlong(this, leg, reach);
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

void PersonaPathItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    if (mStops.size() < 2)
        return;
    const qreal detail =
        QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    const bool far = detail < numberDetail;
    painter->setRenderHint(QPainter::Antialiasing, !far);
    QPen pen(mColor, lineWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    // Zoomed far out the line keeps a width that still shows, without covering the tiles:
    // two pixels, drawn as three lines of one pixel a pixel apart, which the raster engine
    // draws directly where a wider line would be outlined and filled, many times slower.
    if (far) {
        pen.setWidthF(farWidth);
        pen.setCosmetic(true);
    }
    painter->setPen(far ? QPen(mColor, 0) : pen);
    painter->setBrush(Qt::NoBrush);

    // Only the legs in the exposed area are stroked, cut to it: the raster engine works
    // through all of a path it is given, and at 100 % the line across a large map is many
    // times the window's size. Where a leg is cut, its cap lies outside what is drawn.
    const qreal reach = pen.isCosmetic() ? 2 * pen.widthF() / detail + 2 : lineWidth + 2;
    const QRectF area = option->exposedRect.adjusted(-reach, -reach, reach, reach);
    QPainterPath visible;
    QPointF last;
    bool open = false;
    for (qsizetype i = 1; i < mStops.size(); ++i) {
        QPointF a = mStops[i - 1].point;
        QPointF b = mStops[i].point;
        if (!MapStyle::clipSegment(area, a, b)) {
            open = false;
            continue;
        }
        if (!open || a != last)
            visible.moveTo(a);
        visible.lineTo(b);
        last = b;
        open = true;
    }
    if (!far) {
        painter->drawPath(visible);
        return;
    }
    const qreal pixel = 1 / detail;
    for (const QPointF &offset : {QPointF(0, 0), QPointF(pixel, 0), QPointF(0, pixel)})
        painter->drawPath(visible.translated(offset));
}

PersonaStopsItem::PersonaStopsItem(const Id &personaId, const QColor &color,
                                   const QList<PathStop> &stops)
    : mPersonaId(personaId)
    , mColor(color)
    , mStops(stops)
{
    setAcceptedMouseButtons(Qt::NoButton);
    setFlag(ItemUsesExtendedStyleOption); // paints only the beads a repaint exposes
    mBounds = beadsBounds(mStops);
}

void PersonaStopsItem::setStops(const QList<PathStop> &stops)
{
    const QRectF bounds = beadsBounds(stops);
    const bool same = sameSteps(stops, mStops);
    if (!same || !mBounds.contains(bounds)) {
        prepareGeometryChange();
        mStops = stops;
        mBounds = same ? mBounds.united(bounds) : bounds;
        return;
    }
    // As with the line: the bounds stay, and only the beads that moved are drawn again, each
    // where it was and where it is now.
    const QList<PathStop> old = std::exchange(mStops, stops);
    if (!scene() || !isVisible())
        return;
    for (qsizetype i = 0; i < stops.size(); ++i) {
        if (stops[i].point == old[i].point)
            continue;
        for (const QRectF &bead : {beadRect(old[i]), beadRect(stops[i])})
            scene()->update(sceneTransform().mapRect(bead.adjusted(-2, -2, 2, 2)));
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
