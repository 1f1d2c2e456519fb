#include "stageheaderitem.h"

#include "mapstyle.h"
#include "textfit.h"

#include <QFontMetricsF>
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
    mStage = stage;
    setToolTip(stage.name);
    update();
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
    const qreal right = mSize.width() - gap / 2 - 4;
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
}

} // namespace Waymark
