#include "connectoritem.h"

#include "mapstyle.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QLineF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace Waymark {

using namespace MapStyle;

namespace {

constexpr qreal arrowLength = 9;
constexpr qreal arrowWidth = 7;
constexpr qreal cornerRadius = 8;
constexpr qreal gutterOffset = 12; // from a card's side to a line that goes round it
constexpr qreal labelStep = 4;     // between the places tried for a label

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

ConnectorItem::ConnectorItem(const Connector &connector, const QRectF &from, const QRectF &to,
                             const QList<QRectF> &obstacles)
    : mConnector(connector)
    , mPoints(route(from, to, obstacles))
    , mObstacles(obstacles)
{
    mObstacles << from << to;

    // Beneath the cards, which the line may pass behind. A click selects it, so that
    // Delete removes it.
    setZValue(-1);
    setFlag(ItemIsSelectable);
    if (!connector.label.isEmpty())
        setToolTip(connector.label);

    mBounds = shape().boundingRect().adjusted(-arrowLength, -arrowLength, arrowLength, arrowLength);
}

QList<QPointF> ConnectorItem::route(const QRectF &from, const QRectF &to,
                                    const QList<QRectF> &obstacles)
{
    // Side by side: leave by a vertical side, turn halfway between the cards.
    if (to.left() >= from.right() || to.right() <= from.left()) {
        const bool rightwards = to.left() >= from.right();
        const QPointF start(rightwards ? from.right() : from.left(), from.center().y());
        const QPointF end(rightwards ? to.left() : to.right(), to.center().y());
        if (qFuzzyCompare(start.y(), end.y()))
            return {start, end};
        const qreal middle = (start.x() + end.x()) / 2;
        return {start, QPointF(middle, start.y()), QPointF(middle, end.y()), end};
    }

    // One above the other: leave by the top or bottom.
    const bool downwards = to.top() >= from.bottom();
    if (!downwards && to.bottom() > from.top())
        return {from.center(), to.center()}; // overlapping: should not happen, stay visible

    const QPointF start(from.center().x(), downwards ? from.bottom() : from.top());
    const QPointF end(to.center().x(), downwards ? to.top() : to.bottom());

    // Straight down through other cards would seem to join them too: go round by the
    // gutter on the right instead.
    const QRectF between = QRectF(start, end).normalized().adjusted(-1, 0, 1, 0);
    const bool blocked = std::any_of(obstacles.cbegin(), obstacles.cend(), [&](const QRectF &r) {
        return r != from && r != to && r.intersects(between);
    });
    if (blocked) {
        const qreal gutter = std::max(from.right(), to.right()) + gutterOffset;
        return {QPointF(from.right(), from.center().y()), QPointF(gutter, from.center().y()),
                QPointF(gutter, to.center().y()), QPointF(to.right(), to.center().y())};
    }

    if (qFuzzyCompare(start.x(), end.x()))
        return {start, end};
    const qreal middle = (start.y() + end.y()) / 2;
    return {start, QPointF(start.x(), middle), QPointF(end.x(), middle), end};
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

QPointF ConnectorItem::labelCentre(const QSizeF &labelSize) const
{
    if (mPoints.size() < 2)
        return mPoints.value(0);

    // Points every few units along the line, ordered by their distance from its middle.
    QList<std::pair<qreal, QPointF>> candidates;
    qreal length = 0;
    for (qsizetype i = 1; i < mPoints.size(); ++i)
        length += QLineF(mPoints[i - 1], mPoints[i]).length();
    qreal travelled = 0;
    for (qsizetype i = 1; i < mPoints.size(); ++i) {
        const QLineF segment(mPoints[i - 1], mPoints[i]);
        for (qreal t = 0; t <= segment.length(); t += labelStep) {
            const QPointF point = segment.pointAt(segment.length() > 0 ? t / segment.length() : 0);
            candidates.append({std::abs(travelled + t - length / 2), point});
        }
        travelled += segment.length();
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });

    for (const auto &candidate : std::as_const(candidates)) {
        const QRectF label(
            candidate.second - QPointF(labelSize.width() / 2, labelSize.height() / 2), labelSize);
        const bool clear = std::none_of(mObstacles.cbegin(), mObstacles.cend(),
                                        [&](const QRectF &card) { return card.intersects(label); });
        if (clear)
            return candidate.second;
    }
    return candidates.isEmpty() ? mPoints.first() : candidates.first().second;
}

QRectF ConnectorItem::boundingRect() const
{
    return mBounds;
}

QPainterPath ConnectorItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    return stroker.createStroke(linePath());
}

void ConnectorItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    if (mPoints.size() < 2)
        return;

    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const bool selected = option->state & QStyle::State_Selected;
    const QColor color = selected ? palette.color(QPalette::Highlight) : connectorColor(palette);

    painter->setRenderHint(QPainter::Antialiasing);
    if (selected) {
        // A soft halo under the line: a thicker line alone would hide the route's corners.
        QColor halo = color;
        halo.setAlphaF(0.25);
        painter->setPen(QPen(halo, 7, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(linePath());
    }
    painter->setPen(QPen(color, selected ? 2.2 : 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(linePath());

    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    const ConnectorDirection direction = mConnector.direction;
    if (direction == ConnectorDirection::Forward || direction == ConnectorDirection::Both)
        painter->drawPolygon(arrowHead(mPoints.last(), mPoints[mPoints.size() - 2]));
    if (direction == ConnectorDirection::Backward || direction == ConnectorDirection::Both)
        painter->drawPolygon(arrowHead(mPoints.first(), mPoints[1]));
}

ConnectorLabelItem::ConnectorLabelItem(const QString &text)
    : mText(text.simplified())
{
    const QFontMetricsF metrics(labelFont());
    mSize = QSizeF(metrics.horizontalAdvance(mText) + 12, metrics.height() + 4);
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
