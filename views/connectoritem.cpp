#include "connectoritem.h"

#include "mapfarlayer.h"
#include "mapscene.h"
#include "mapstyle.h"
#include "textfit.h"

#include <QGraphicsScene>
#include <QLineF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QPolygonF>
#include <QStyleOptionGraphicsItem>

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

// The lines that moved since the last turn of the event loop: they paint nothing until then.
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

void ConnectorItem::setPoints(const QList<QPointF> &points)
{
    if (points == mPoints && !mBounds.isNull())
        return;
    QGraphicsScene *scene = this->scene();
    // Far out the line is part of the far layer's kept picture.
    if (auto *mapScene = qobject_cast<MapScene *>(scene))
        mapScene->farLayer()->invalidate();
    // A line drawn by the scene repaints the legs it lost and the legs it gained, where it
    // was and where it goes: a card that moves one place in its cell changes the first legs
    // of its lines, not the long runs along the gutters. Qt repaints nothing itself for an
    // item without contents, not even its bounding box. A line that draws itself (selected)
    // is repainted by Qt where its bounding box was and is.
    const bool drawnByScene = flags() & ItemHasNoContents;
    const QList<QPointF> before = std::exchange(mPoints, points);
    prepareGeometryChange();
    mShape = QPainterPath();
    // The corners bound the line; the arrowheads, the stroke and the handles reach a little
    // beyond them.
    const QRectF corners = QPolygonF(mPoints).boundingRect();
    mBounds = corners.adjusted(-reach, -reach, reach, reach);
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
            if ((line.at(i - 1) == a && line.at(i) == b) || (line.at(i - 1) == b && line.at(i) == a))
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
    if (mPoints.size() < 2)
        return;
    const bool selected = isSelected();
    const QColor color = selected ? palette.color(QPalette::Highlight) : connectorColor(palette);
    const QPainterPath line = linePath(area);

    painter->setRenderHint(QPainter::Antialiasing);
    if (selected) {
        // A soft halo under the line: a thicker line alone would hide the route's corners.
        QColor halo = color;
        halo.setAlphaF(0.25);
        painter->setPen(QPen(halo, 7, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(line);
    }
    painter->setPen(QPen(color, selected ? 2.2 : 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(line);

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

QPainterPath ConnectorItem::linePath(const QRectF &area) const
{
    QPainterPath path;
    const qsizetype legs = mPoints.size() - 1;
    if (legs < 1)
        return path;

    // The legs that reach into the area, and one more on each side so that the corners
    // between them are whole: the raster engine strokes all of a path it is given, and at
    // 100 % a line across a large map is many times the window's size. Where a run of legs
    // ends, its end lies outside the area.
    QList<bool> drawn(legs, area.isNull());
    if (!area.isNull()) {
        // A straight leg's own rectangle has no width, and so meets nothing: it is widened.
        const qreal margin = cornerRadius + reach;
        for (qsizetype i = 0; i < legs; ++i) {
            const QRectF leg = QRectF(mPoints.at(i), mPoints.at(i + 1)).normalized();
            if (leg.adjusted(-margin, -margin, margin, margin).intersects(area)) {
                for (qsizetype j = std::max<qsizetype>(0, i - 1); j <= std::min(legs - 1, i + 1);
                     ++j)
                    drawn[j] = true;
            }
        }
    }

    // Rounded corners: each leg stops short of its corners, which curve from one leg into
    // the next.
    const auto radiusAt = [this](qsizetype corner) {
        const QLineF in(mPoints.at(corner), mPoints.at(corner - 1));
        const QLineF out(mPoints.at(corner), mPoints.at(corner + 1));
        return std::min({cornerRadius, in.length() / 2, out.length() / 2});
    };
    const auto towards = [this](qsizetype corner, qsizetype other, qreal radius) {
        const QLineF line(mPoints.at(corner), mPoints.at(other));
        return radius <= 0 ? mPoints.at(corner) : line.pointAt(radius / line.length());
    };
    for (qsizetype leg = 0; leg < legs; ++leg) {
        if (!drawn.at(leg))
            continue;
        // Leg leg runs from point leg to point leg + 1, short of the corners at either end.
        if (leg == 0 || !drawn.at(leg - 1))
            path.moveTo(leg == 0 ? mPoints.first() : towards(leg, leg + 1, radiusAt(leg)));
        if (leg + 1 == legs) {
            path.lineTo(mPoints.last());
            continue;
        }
        const qreal radius = radiusAt(leg + 1);
        path.lineTo(towards(leg + 1, leg, radius));
        if (drawn.at(leg + 1) && radius > 0)
            path.quadTo(mPoints.at(leg + 1), towards(leg + 1, leg + 2, radius));
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
