#include "stageheaderitem.h"

#include "mapstyle.h"
#include "textfit.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

namespace Waymark {

using namespace MapStyle;

namespace {

// Between two chevrons, so that each stays a shape of its own.
constexpr qreal gap = 4;

} // namespace

StageHeaderItem::StageHeaderItem(const Stage &stage, int index, const QRectF &rect, bool first)
    : mStage(stage)
    , mIndex(index)
    , mSize(rect.size())
    , mFirst(first)
{
    setPos(rect.topLeft());
    setToolTip(stage.name);
    setAcceptHoverEvents(true);
}

void StageHeaderItem::setStage(const Stage &stage)
{
    // The stage's colour tints its column too, which the scene paints as its background.
    const bool recoloured = stage.color != mStage.color;
    mStage = stage;
    setToolTip(stage.name);
    update();
    if (recoloured && scene())
        scene()->update();
}

QRectF StageHeaderItem::localGrip() const
{
    const qreal right = mSize.width() - gap / 2;
    return QRectF(right - StageGripWidth, 0, StageGripWidth + ChevronDepth, mSize.height());
}

QRectF StageHeaderItem::gripRect() const
{
    return mapRectToScene(localGrip());
}

bool StageHeaderItem::isOnGrip(const QPointF &scenePos) const
{
    const QPointF local = mapFromScene(scenePos);
    return localGrip().contains(local) && shape().contains(local);
}

void StageHeaderItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    if (isOnGrip(event->scenePos()))
        setCursor(Qt::SizeHorCursor);
    else
        unsetCursor();
    QGraphicsItem::hoverMoveEvent(event);
}

void StageHeaderItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    unsetCursor();
    QGraphicsItem::hoverLeaveEvent(event);
}

QPolygonF StageHeaderItem::outline() const
{
    const qreal left = gap / 2;
    const qreal right = mSize.width() - gap / 2;
    const qreal middle = mSize.height() / 2;
    QPolygonF polygon;
    polygon << QPointF(left, 0) << QPointF(right, 0) << QPointF(right + ChevronDepth, middle)
            << QPointF(right, mSize.height()) << QPointF(left, mSize.height());
    if (!mFirst)
        polygon << QPointF(left + ChevronDepth, middle);
    return polygon;
}

QRectF StageHeaderItem::textRect() const
{
    const qreal left = gap / 2 + (mFirst ? 14 : ChevronDepth + 12);
    const qreal right = mSize.width() - gap / 2 - StageGripWidth;
    return mapRectToScene(QRectF(left, 0, right - left, mSize.height()));
}

QRectF StageHeaderItem::boundingRect() const
{
    return QRectF(0, 0, mSize.width() + ChevronDepth, mSize.height()).adjusted(-1, -1, 1, 1);
}

QPainterPath StageHeaderItem::shape() const
{
    QPainterPath path;
    path.addPolygon(outline());
    path.closeSubpath();
    return path;
}

void StageHeaderItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QColor fill = stageColor(mStage, mIndex);
    const bool hovered = option->state & QStyle::State_MouseOver;

    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(hovered ? fill.lighter(112) : fill);
    painter->drawPolygon(outline());

    const QRectF text = mapRectFromScene(textRect());
    const QFont font = stageFont();
    const QStringList lines = fitText(mStage.name, font, text.width(), 1);
    painter->setFont(font);
    painter->setPen(textOn(fill));
    painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter, lines.value(0));

    // While hovered, two short rules at the right edge say it can be pulled.
    if (hovered) {
        QColor rule = textOn(fill);
        rule.setAlphaF(0.55f);
        painter->setPen(QPen(rule, 1.5, Qt::SolidLine, Qt::RoundCap));
        const qreal x = mSize.width() - gap / 2 - 5;
        const qreal middle = mSize.height() / 2;
        for (qreal dx : {0.0, 3.5})
            painter->drawLine(QPointF(x + dx, middle - 7), QPointF(x + dx, middle + 7));
    }
}

} // namespace Waymark
