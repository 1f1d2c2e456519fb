#include "maptitleitem.h"

#include "mapstyle.h"
#include "textfit.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>

namespace Waymark {

using namespace MapStyle;

MapTitleItem::MapTitleItem(const JourneyMap &map, const QRectF &rect)
    : mName(map.name)
    , mKind(map.kind)
    , mSize(rect.size())
{
    setPos(rect.topLeft());
    setToolTip(map.description);
}

void MapTitleItem::setMap(const JourneyMap &map)
{
    mName = map.name;
    mKind = map.kind;
    setToolTip(map.description);
    update();
}

QRectF MapTitleItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), mSize);
}

void MapTitleItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QRectF box = boundingRect().adjusted(2, 0, -8, 0);
    const QFont titleFont = mapTitleFont();
    const QFont kindFont = laneKindFont();
    const QFontMetricsF titleMetrics(titleFont);
    const QFontMetricsF kindMetrics(kindFont);

    // Two lines of name, or one and the kind of map below it.
    const QStringList lines = fitText(mName, titleFont, box.width(), 2);
    const bool withKind = lines.size() < 2;
    const qreal height = qreal(lines.size()) * titleMetrics.lineSpacing() +
                         (withKind ? kindMetrics.lineSpacing() : 0);

    qreal top = box.center().y() - height / 2;
    painter->setFont(titleFont);
    painter->setPen(palette.color(QPalette::Text));
    for (const QString &line : lines) {
        painter->drawText(QPointF(box.left(), top + titleMetrics.ascent()), line);
        top += titleMetrics.lineSpacing();
    }
    if (withKind) {
        painter->setFont(kindFont);
        painter->setPen(mutedTextColor(palette));
        painter->drawText(QPointF(box.left(), top + kindMetrics.ascent()), displayName(mKind));
    }
}

} // namespace Waymark
