#include "laneheaderitem.h"

#include "mapstyle.h"
#include "textfit.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace Waymark {

using namespace MapStyle;

namespace {

constexpr qreal stripWidth = 5;
constexpr qreal padding = 12;

} // namespace

LaneHeaderItem::LaneHeaderItem(const Lane &lane, const QRectF &rect)
    : mLane(lane)
    , mSize(rect.size())
{
    setPos(rect.topLeft());
    setToolTip(lane.name);
    setAcceptHoverEvents(true);
}

void LaneHeaderItem::setLane(const Lane &lane)
{
    mLane = lane;
    setToolTip(lane.name);
    update();
}

QRectF LaneHeaderItem::textRect() const
{
    const QFontMetricsF metrics(laneFont());
    const QRectF local(stripWidth + padding, padding, mSize.width() - stripWidth - 2 * padding,
                       metrics.height());
    return mapRectToScene(local);
}

QRectF LaneHeaderItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), mSize);
}

void LaneHeaderItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QColor accent = laneColor(mLane);
    const QColor base = palette.color(QPalette::Base);
    const bool hovered = option->state & QStyle::State_MouseOver;
    const QRectF box(QPointF(0, 0), mSize);

    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(mix(base, accent, hovered ? 0.16 : 0.09));
    painter->drawRoundedRect(box, 5, 5);

    // The strip is clipped to the rounded box so that its left corners follow it.
    painter->save();
    QPainterPath clip;
    clip.addRoundedRect(box, 5, 5);
    painter->setClipPath(clip);
    painter->setBrush(accent);
    painter->drawRect(QRectF(0, 0, stripWidth, mSize.height()));
    painter->restore();

    const qreal textLeft = stripWidth + padding;
    const qreal textWidth = mSize.width() - textLeft - padding;
    const QFont nameFont = laneFont();
    const QFont kindFont = laneKindFont();
    const QFontMetricsF nameMetrics(nameFont);
    const QFontMetricsF kindMetrics(kindFont);

    // The name takes what room the kind's line leaves it, two lines at most.
    const qreal room = mSize.height() - 2 * padding - kindMetrics.lineSpacing();
    const int maxLines = std::clamp(int(room / nameMetrics.lineSpacing()), 1, 2);
    const QStringList lines = fitText(mLane.name, nameFont, textWidth, maxLines);

    qreal y = padding + nameMetrics.ascent();
    painter->setFont(nameFont);
    painter->setPen(palette.color(QPalette::Text));
    for (const QString &line : lines) {
        painter->drawText(QPointF(textLeft, y), line);
        y += nameMetrics.lineSpacing();
    }

    // A lane named after its kind ("Touchpoints") would only say it twice.
    const QString kind = displayName(mLane.kind);
    if (kind.compare(mLane.name.simplified(), Qt::CaseInsensitive) == 0)
        return;
    painter->setFont(kindFont);
    painter->setPen(mutedTextColor(palette));
    const qreal kindBaseline = y - nameMetrics.ascent() + kindMetrics.ascent() + 2;
    painter->drawText(QPointF(textLeft, kindBaseline),
                      kindMetrics.elidedText(kind, Qt::ElideRight, textWidth));
}

} // namespace Waymark
