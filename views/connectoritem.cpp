#include "connectoritem.h"

#include "mapfarlayer.h"
#include "mapscene.h"
#include "mapstyle.h"
#include "textfit.h"

#include <QGraphicsScene>
#include <QLineF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QPen>
#include <QPolygonF>
#include <QStyleOptionGraphicsItem>
#include <QVarLengthArray>

#include <algorithm>
#include <cmath>

namespace Waymark {

using namespace MapStyle;

namespace {

constexpr qreal arrowLength = 9;
constexpr qreal arrowWidth = 7;
constexpr qreal cornerRadius = 8;
constexpr qreal endHandleRadius = 5;
constexpr qreal hitWidth = 8;
// How far the arrowheads, the stroke and the handles reach beyond the line's corners.
constexpr qreal reach = std::max({arrowLength, endHandleRadius + 1, hitWidth / 2});

// Beneath the cards, which a line may touch where it meets them; selected, above them, so
// that all of it and its end handles show.
constexpr qreal restingZ = -1;
constexpr qreal selectedZ = 0.5;

QPolygonF arrowHead(const QPointF &tip, const QPointF &from)
{
    const QLineF line(tip, from);
    if (line.length() <= 0)
        return {};
    const QPointF unit = (from - tip) / line.length();
    const QPointF normal(-unit.y(), unit.x());
    const QPointF back = tip + unit * arrowLength;
    return QPolygonF({tip, back + normal * (arrowWidth / 2), back - normal * (arrowWidth / 2)});
}

QFont labelFont()
{
    return MapStyle::font(11);
}

} // namespace

ConnectorItem::ConnectorItem(const Connector &connector, const QList<QPointF> &points)
    : mConnector(connector)
{
    // A click selects it, so that Delete removes it and its ends can be dragged.
    setZValue(restingZ);
    setFlag(ItemIsSelectable);
    setFlag(ItemUsesExtendedStyleOption); // strokes only the legs a repaint exposes
    // At rest the scene draws the line beneath every item (MapScene::drawBackground()), so
    // that a line that moves repaints only the legs that changed rather than its whole
    // bounding box; selected, it draws itself above the cards.
    setFlag(ItemHasNoContents);
    if (!connector.label.isEmpty())
        setToolTip(connector.label);
    setPoints(points);
}

ConnectorItem::~ConnectorItem() = default;

void ConnectorItem::setPoints(const QList<QPointF> &points, bool keepBounds)
{
    const bool drawnByScene = flags() & ItemHasNoContents;
    keepBounds = keepBounds && drawnByScene;
    if (points == mPoints && !mBounds.isNull() && (keepBounds || !mLooseBounds))
        return;
    // The corners bound the line; the arrowheads, the stroke and the handles reach a little
    // beyond them.
    const QRectF corners = QPolygonF(points).boundingRect();
    const QRectF bounds = corners.adjusted(-reach, -reach, reach, reach);
    if (points == mPoints) { // only the box, loose, becomes tight
        prepareGeometryChange();
        mBounds = bounds;
        mLooseBounds = false;
        return;
    }
    QGraphicsScene *scene = this->scene();
    // Far out the line is part of the far layer's kept picture.
    if (auto *mapScene = qobject_cast<MapScene *>(scene))
        mapScene->farLayer()->invalidate();
    // A line drawn by the scene repaints the legs it lost and the legs it gained, where it
    // was and where it goes: a card that moves one place in its cell changes the first legs
    // of its lines, not the long runs along the gutters. Qt repaints nothing itself for an
    // item without contents, not even its bounding box. A line that draws itself (selected)
    // is repainted by Qt where its bounding box was and is.
    const QList<QPointF> before = std::exchange(mPoints, points);
    mShape = QPainterPath();
    // Kept, the box grows to hold where the line goes: a drag that goes back and forth
    // finds it holding the line again.
    const QRectF box = !keepBounds || mBounds.isNull() ? bounds : mBounds.united(bounds);
    if (box != mBounds) {
        prepareGeometryChange();
        mBounds = box;
    }
    mLooseBounds = mBounds != bounds;
    if (scene && drawnByScene) {
        repaintLegs(before, mPoints);
        repaintLegs(mPoints, before);
    }
}

void ConnectorItem::repaintLegs(const QList<QPointF> &points, const QList<QPointF> &except) const
{
    QGraphicsScene *scene = this->scene();
    if (!scene)
        return;
    const auto hasLeg = [](const QList<QPointF> &line, const QPointF &a, const QPointF &b) {
        for (qsizetype i = 1; i < line.size(); ++i) {
            if ((line.at(i - 1) == a && line.at(i) == b) ||
                (line.at(i - 1) == b && line.at(i) == a))
                return true;
        }
        return false;
    };
    // A corner's curve reaches cornerRadius into the leg beside it, and the stroke and its
    // antialiasing a little further: a changed leg repaints that much of its neighbours.
    constexpr qreal margin = reach + 2;
    const QPointF offset = scenePos();
    for (qsizetype i = 1; i < points.size(); ++i) {
        if (hasLeg(except, points.at(i - 1), points.at(i)))
            continue;
        const QRectF leg = QRectF(points.at(i - 1), points.at(i)).normalized();
        scene->update(leg.adjusted(-margin, -margin, margin, margin).translated(offset));
    }
}

bool ConnectorItem::isDrawnByScene() const
{
    return flags() & ItemHasNoContents;
}

void ConnectorItem::paintLine(QPainter *painter, const QRectF &area, const QPalette &palette) const
{
    paintLine(painter, QList<QRectF>{area.isNull() ? QRectF() : area}, palette);
}

void ConnectorItem::paintLine(QPainter *painter, const QList<QRectF> &areas,
                              const QPalette &palette) const
{
    if (mPoints.size() < 2)
        return;
    const bool selected = isSelected();
    const QColor color = selected ? palette.color(QPalette::Highlight) : connectorColor(palette);
    const bool whole = areas.isEmpty() || (areas.size() == 1 && areas.first().isNull());
    const QPainterPath line = linePath(whole ? QList<QRectF>() : areas);

    painter->setRenderHint(QPainter::Antialiasing);
    // At rest, at a scale the view can give, the fast road (paintStraightFast()).
    const QTransform world = painter->worldTransform();
    const bool fast = !selected && world.type() <= QTransform::TxScale &&
                      world.m11() == world.m22() && world.m11() > 0;
    if (fast) {
        paintStraightFast(painter, line, QPen(color, 1.6 * world.m11()));
    } else if (selected) {
        // A soft halo under the line: a thicker line alone would hide the route's corners.
        QColor halo = color;
        halo.setAlphaF(0.25);
        painter->setPen(QPen(halo, 7, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(line);
    }
    if (!fast) {
        painter->setPen(
            QPen(color, selected ? 2.2 : 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(line);
    }

    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    const ConnectorDirection direction = mConnector.direction;
    if (direction == ConnectorDirection::Forward || direction == ConnectorDirection::Both)
        painter->drawPolygon(arrowHead(mPoints.last(), mPoints[mPoints.size() - 2]));
    if (direction == ConnectorDirection::Backward || direction == ConnectorDirection::Both)
        painter->drawPolygon(arrowHead(mPoints.first(), mPoints[1]));

    if (selected) {
        painter->setPen(QPen(color, 1.5));
        painter->setBrush(palette.color(QPalette::Base));
        painter->drawEllipse(endHandleRect(End::From));
        painter->drawEllipse(endHandleRect(End::To));
    }
}

void ConnectorItem::paintStraightFast(QPainter *painter, const QPainterPath &line, QPen pen)
{
    // Qt strokes a path through its general rasterizer, row by row of every edge, whatever
    // the clip; a straight line with flat caps takes a much faster road, which also stops
    // at the clip. At rest a line's long stretches along the gutters are most of what the
    // canvas strokes, so they go that road, and the corners stay one path. They meet on a
    // pixel's edge, in device pixels, so that no pixel is covered in part by both.
    // The line's own ends lose their round caps, which lie under the cards and arrowheads.
    const QTransform world = painter->worldTransform();
    QPainterPath corners;
    QVarLengthArray<QLineF, 16> straight;
    bool cornersAt = false; // whether corners' current point is where the path got to
    QPointF current;        // in device coordinates
    const auto cornersTo = [&corners, &cornersAt](const QPointF &from, const QPointF &to) {
        if (!cornersAt || corners.currentPosition() != from)
            corners.moveTo(from);
        corners.lineTo(to);
        cornersAt = true;
    };
    const qsizetype count = line.elementCount();
    for (qsizetype i = 0; i < count; ++i) {
        const QPainterPath::Element element = line.elementAt(i);
        const QPointF to = world.map(QPointF(element.x, element.y));
        if (element.isMoveTo()) {
            current = to;
            cornersAt = false;
            continue;
        }
        if (element.isCurveTo()) {
            const QPointF c2 = world.map(QPointF(line.elementAt(i + 1)));
            const QPointF end = world.map(QPointF(line.elementAt(i + 2)));
            if (!cornersAt || corners.currentPosition() != current)
                corners.moveTo(current);
            corners.cubicTo(to, c2, end);
            cornersAt = true;
            current = end;
            i += 2;
            continue;
        }
        // A straight stretch from current to to. Where it meets a corner at either end, the
        // part up to the first pixel edge goes with the corner.
        const bool afterCorner = i > 0 && !line.elementAt(i - 1).isMoveTo();
        const bool beforeCorner = i + 1 < count && !line.elementAt(i + 1).isMoveTo();
        const bool vertical = current.x() == to.x();
        const bool horizontal = current.y() == to.y();
        if (vertical == horizontal) { // a slanted stretch, or none
            cornersTo(current, to);
            current = to;
            continue;
        }
        const qreal from = vertical ? current.y() : current.x();
        const qreal till = vertical ? to.y() : to.x();
        const bool forward = till > from;
        const qreal start = !afterCorner ? from : forward ? std::ceil(from) : std::floor(from);
        const qreal end = !beforeCorner ? till : forward ? std::floor(till) : std::ceil(till);
        if (forward ? end <= start : end >= start) {
            cornersTo(current, to);
            current = to;
            continue;
        }
        const auto point = [&](qreal along) {
            return vertical ? QPointF(current.x(), along) : QPointF(along, current.y());
        };
        if (start != from)
            cornersTo(current, point(start));
        straight.append(QLineF(point(start), point(end)));
        cornersAt = false;
        if (end != till)
            cornersTo(point(end), to);
        current = to;
    }

    painter->setWorldTransform(QTransform());
    painter->setBrush(Qt::NoBrush);
    pen.setCapStyle(Qt::FlatCap);
    pen.setJoinStyle(Qt::RoundJoin);
    painter->setPen(pen);
    if (!corners.isEmpty())
        painter->drawPath(corners);
    if (!straight.isEmpty())
        painter->drawLines(straight.constData(), int(straight.size()));
    painter->setWorldTransform(world);
}

QRectF ConnectorItem::endHandleRect(End end) const
{
    if (mPoints.isEmpty())
        return {};
    const QPointF at = end == End::From ? mPoints.first() : mPoints.last();
    return QRectF(at - QPointF(endHandleRadius, endHandleRadius),
                  QSizeF(2 * endHandleRadius, 2 * endHandleRadius));
}

QPointF ConnectorItem::labelCentre(const QSizeF &labelSize) const
{
    // A label of another size was not placed: the middle of the line is the best guess.
    if (labelSize != mLabelSize && mPoints.size() >= 2)
        return QLineF(mPoints.at(mPoints.size() / 2 - 1), mPoints.at(mPoints.size() / 2)).center();
    return mLabelCentre;
}

void ConnectorItem::setLabelCentre(const QSizeF &labelSize, const QPointF &centre)
{
    mLabelSize = labelSize;
    mLabelCentre = centre;
}

QVariant ConnectorItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemSelectedHasChanged) {
        const bool selected = value.toBool();
        setZValue(selected ? selectedZ : restingZ);
        mShape = QPainterPath(); // the end handles belong to it while selected
        // Selected, the line draws itself, over the cards; far out the far layer draws it
        // either way. Qt repaints the bounding box of an item that gains contents, and
        // nothing for one that loses them: the scene then draws it resting.
        const auto *mapScene = qobject_cast<const MapScene *>(scene());
        const bool far = mapScene && mapScene->farLayer()->isActive();
        setFlag(ItemHasNoContents, !selected || far);
        if (!selected && scene())
            scene()->update(sceneBoundingRect());
    } else if (change == ItemOpacityHasChanged && isDrawnByScene() && scene()) {
        // Dimmed by a persona's focus: Qt repaints nothing for an item without contents.
        scene()->update(sceneBoundingRect());
    }
    return QGraphicsItem::itemChange(change, value);
}

QPainterPath ConnectorItem::linePath(const QList<QRectF> &areas) const
{
    QPainterPath path;
    const qsizetype legs = mPoints.size() - 1;
    if (legs < 1)
        return path;

    // Rounded corners: each leg stops short of its corners, which curve from one leg into
    // the next, radii[k] from point k along either leg.
    QVarLengthArray<qreal, 8> radii(legs + 1, 0);
    for (qsizetype corner = 1; corner < legs; ++corner) {
        const QLineF in(mPoints.at(corner), mPoints.at(corner - 1));
        const QLineF out(mPoints.at(corner), mPoints.at(corner + 1));
        radii[corner] = std::min({cornerRadius, in.length() / 2, out.length() / 2});
    }
    const auto towards = [this, &radii](qsizetype corner, qsizetype other) {
        const QLineF line(mPoints.at(corner), mPoints.at(other));
        const qreal radius = radii.at(corner);
        return radius <= 0 ? mPoints.at(corner) : line.pointAt(radius / line.length());
    };

    // With an area, only what reaches into it, the legs cut short at its edges: the raster
    // engine rasterizes all of a stroke inside the device whatever the clip, and at 100 % a
    // leg down a gutter runs through the whole window while a drag step repaints two cells.
    // The cuts lie far enough outside the area that their ends and caps are not seen in it,
    // and a cut leg has the same edges as the whole one, so the pixels in the area are
    // those of the whole line.
    const qreal margin = cornerRadius + reach + 2;
    QVarLengthArray<QRectF, 4> clips;
    for (const QRectF &area : areas)
        clips.append(area.adjusted(-margin, -margin, margin, margin));
    const bool whole = clips.isEmpty();
    const auto reaches = [&clips](const QRectF &box) {
        return std::any_of(clips.cbegin(), clips.cend(),
                           [&box](const QRectF &clip) { return clip.intersects(box); });
    };
    bool at = false; // whether the path is at the end of what it drew last
    QPointF last;
    const auto drawTo = [&path, &at, &last](const QPointF &from, const QPointF &to) {
        if (!at || last != from)
            path.moveTo(from);
        path.lineTo(to);
        at = true;
        last = to;
    };
    for (qsizetype leg = 0; leg < legs; ++leg) {
        // Leg leg runs from point leg to point leg + 1, short of the corners at either end.
        const QPointF from = leg == 0 ? mPoints.first() : towards(leg, leg + 1);
        const QPointF to = leg + 1 == legs ? mPoints.last() : towards(leg + 1, leg);
        if (whole) {
            drawTo(from, to);
        } else {
            // The stretches of the leg inside each area, along it from its start; those that
            // overlap or touch become one, so that no stretch is stroked twice.
            QVarLengthArray<std::pair<qreal, qreal>, 4> stretches;
            const QPointF d = to - from;
            const qreal length2 = QPointF::dotProduct(d, d);
            for (const QRectF &clip : std::as_const(clips)) {
                QPointF a = from;
                QPointF b = to;
                if (!MapStyle::clipSegment(clip, a, b))
                    continue;
                if (length2 <= 0) {
                    stretches.append({0, 0});
                    break;
                }
                stretches.append({QPointF::dotProduct(a - from, d) / length2,
                                  QPointF::dotProduct(b - from, d) / length2});
            }
            std::sort(stretches.begin(), stretches.end());
            qsizetype merged = 0;
            for (qsizetype i = 0; i < stretches.size(); ++i) {
                if (merged > 0 && stretches.at(i).first <= stretches.at(merged - 1).second) {
                    stretches[merged - 1].second =
                        std::max(stretches.at(merged - 1).second, stretches.at(i).second);
                } else {
                    stretches[merged++] = stretches.at(i);
                }
            }
            if (merged == 0)
                at = false;
            for (qsizetype i = 0; i < merged; ++i) {
                const auto [enter, leave] = stretches.at(i);
                // Ends inside an area stay exactly where they were.
                drawTo(enter <= 0 ? from : from + d * enter, leave >= 1 ? to : from + d * leave);
                if (leave < 1)
                    at = false;
            }
        }
        if (leg + 1 == legs || radii.at(leg + 1) <= 0)
            continue;
        const QPointF corner = mPoints.at(leg + 1);
        const QPointF in = towards(leg + 1, leg);
        const QPointF out = towards(leg + 1, leg + 2);
        const QRectF curve = QRectF(QPointF(std::min({in.x(), corner.x(), out.x()}),
                                            std::min({in.y(), corner.y(), out.y()})),
                                    QPointF(std::max({in.x(), corner.x(), out.x()}),
                                            std::max({in.y(), corner.y(), out.y()})));
        if (!whole && !reaches(curve)) {
            at = false;
            continue;
        }
        if (!at || last != in)
            path.moveTo(in);
        path.quadTo(corner, out);
        at = true;
        last = out;
    }
    return path;
}

QRectF ConnectorItem::boundingRect() const
{
    return mBounds;
}

QPainterPath ConnectorItem::shape() const
{
    if (mShape.isEmpty() && mPoints.size() >= 2) {
        QPainterPathStroker stroker;
        stroker.setWidth(hitWidth);
        mShape = stroker.createStroke(linePath());
        if (isSelected()) {
            mShape.addEllipse(endHandleRect(End::From));
            mShape.addEllipse(endHandleRect(End::To));
        }
    }
    return mShape;
}

void ConnectorItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    // Far out the scene's far layer draws every line at once; at rest the scene draws it.
    if (MapFarLayer::isFar(
            QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform())))
        return;
    paintLine(painter, option->exposedRect, scene() ? scene()->palette() : QPalette());
}

ConnectorLabelItem::ConnectorLabelItem(const QString &text)
    : mText(text.simplified())
{
    const QFont font = labelFont();
    mSize = QSizeF(cachedTextWidth(font, mText) + 12, cachedFontHeight(font) + 4);
    // Above the cards: where a label cannot help covering one, it should still be read.
    setZValue(1);
    setToolTip(mText);
}

void ConnectorLabelItem::setCentre(const QPointF &centre)
{
    setPos(centre - QPointF(mSize.width() / 2, mSize.height() / 2));
}

QRectF ConnectorLabelItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), mSize).adjusted(-1, -1, 1, 1);
}

void ConnectorLabelItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    // Far out its text is too small to read, and the far layer draws the lines without it.
    if (MapFarLayer::isFar(
            QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform())))
        return;
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QColor line = connectorColor(palette);
    const QRectF box(QPointF(0, 0), mSize);

    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(line, 1));
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), mSize.height() / 2,
                             mSize.height() / 2);
    painter->setFont(labelFont());
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(box, Qt::AlignCenter, mText);
}

} // namespace Waymark
