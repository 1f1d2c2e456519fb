#include "connectoritem.h"

#include "mapfarlayer.h"
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
    if (!connector.label.isEmpty())
        setToolTip(connector.label);
    setPoints(points);
}

void ConnectorItem::setPoints(const QList<QPointF> &points)
{
    if (points == mPoints && !mBounds.isNull())
        return;
    // While the far layer draws the line it paints nothing itself: the scene repaints where
    // the line was and where it goes.
    const bool far = (flags() & ItemHasNoContents) && scene();
    if (far)
        scene()->update(sceneBoundingRect());
    prepareGeometryChange();
    mPoints = points;
    mShape = QPainterPath();
    // The corners bound the line; the arrowheads, the stroke and the handles reach a little
    // beyond them.
    const QRectF corners = QPolygonF(mPoints).boundingRect();
    const qreal reach = std::max({arrowLength, endHandleRadius + 1, hitWidth / 2});
    mBounds = corners.adjusted(-reach, -reach, reach, reach);
    if (far)
        scene()->update(sceneBoundingRect());
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
        setZValue(value.toBool() ? selectedZ : restingZ);
        mShape = QPainterPath(); // the end handles belong to it while selected
    }
    return QGraphicsItem::itemChange(change, value);
}

QPainterPath ConnectorItem::linePath() const
{
    QPainterPath path;
    if (mPoints.isEmpty())
        return path;

    // Rounded corners: stop short of each corner and curve round it.
    path.moveTo(mPoints.first());
    for (qsizetype i = 1; i + 1 < mPoints.size(); ++i) {
        const QPointF corner = mPoints[i];
        const QLineF in(corner, mPoints[i - 1]);
        const QLineF out(corner, mPoints[i + 1]);
        const qreal radius = std::min({cornerRadius, in.length() / 2, out.length() / 2});
        if (radius <= 0) {
            path.lineTo(corner);
            continue;
        }
        path.lineTo(in.pointAt(radius / in.length()));
        path.quadTo(corner, out.pointAt(radius / out.length()));
    }
    path.lineTo(mPoints.last());
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
    // Far out the scene's far layer draws every line at once.
    if (mPoints.size() < 2 ||
        MapFarLayer::isFar(
            QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform())))
        return;

    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const bool selected = option->state & QStyle::State_Selected;
    const QColor color = selected ? palette.color(QPalette::Highlight) : connectorColor(palette);
    const QPainterPath line = linePath();

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
