#include "touchpointcarditem.h"

#include "annotationitems.h"
#include "mapstyle.h"
#include "textfit.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

using namespace Qt::StringLiterals;

namespace Waymark {

using namespace MapStyle;

namespace {

constexpr qreal badgeHeight = 18;
constexpr qreal badgePadding = 7;
constexpr qreal markerGap = 4;
// Below this scale a card's text is too small to read: the card is drawn as a plain tile.
constexpr qreal simpleDetail = 0.45;

QRectF contentRect(const QSizeF &size)
{
    const qreal left = CardAccentWidth + CardPadding;
    return QRectF(left, CardPadding, size.width() - left - CardPadding,
                  size.height() - 2 * CardPadding);
}

} // namespace

TouchpointCardItem::TouchpointCardItem(const Touchpoint &touchpoint, const QColor &accent,
                                       const QRectF &rect)
    : mTouchpoint(touchpoint)
    , mAccent(accent)
    , mSize(rect.size())
{
    setPos(rect.topLeft());
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    updateToolTip();
}

void TouchpointCardItem::setTouchpoint(const Touchpoint &touchpoint)
{
    mTouchpoint = touchpoint;
    updateToolTip();
    update();
}

void TouchpointCardItem::setHighlighted(bool highlighted)
{
    if (highlighted == mHighlighted)
        return;
    mHighlighted = highlighted;
    update();
}

void TouchpointCardItem::updateToolTip()
{
    QString tip = mTouchpoint.title;
    if (!mTouchpoint.description.isEmpty())
        tip += u"\n\n"_s + mTouchpoint.description;
    setToolTip(tip);
}

QStringList TouchpointCardItem::titleLines() const
{
    return fitText(mTouchpoint.title, cardTitleFont(), contentRect(mSize).width(), TitleMaxLines);
}

QString TouchpointCardItem::metaText() const
{
    // "Other" is what a card has before anyone chose its channel: it says nothing.
    QStringList parts;
    if (mTouchpoint.channel != Channel::Other)
        parts.append(displayName(mTouchpoint.channel));
    if (!mTouchpoint.owner.trimmed().isEmpty())
        parts.append(mTouchpoint.owner.simplified());
    return parts.join(u" · "_s);
}

QRectF TouchpointCardItem::titleRect() const
{
    const QRectF content = contentRect(mSize);
    const QFontMetricsF metrics(cardTitleFont());
    return mapRectToScene(
        QRectF(content.topLeft(), QSizeF(content.width(), TitleMaxLines * metrics.lineSpacing())));
}

QRectF TouchpointCardItem::badgeRect() const
{
    const QRectF content = contentRect(mSize);
    const QFontMetricsF metrics(badgeFont());
    const qreal width =
        metrics.horizontalAdvance(displayName(mTouchpoint.evidence)) + 2 * badgePadding;
    return QRectF(content.right() - width, content.bottom() - badgeHeight, width, badgeHeight);
}

void TouchpointCardItem::setAnnotations(const QList<Annotation> &annotations)
{
    qDeleteAll(mMarkers);
    mMarkers.clear();
    for (AnnotationKind kind : allValues<AnnotationKind>()) {
        QList<Annotation> ofKind;
        for (const Annotation &annotation : annotations) {
            if (annotation.kind == kind && annotation.touchpointId == mTouchpoint.id)
                ofKind.append(annotation);
        }
        if (!ofKind.isEmpty())
            mMarkers.append(new AnnotationMarkerItem(kind, ofKind, this));
    }
    placeMarkers();
}

AnnotationMarkerItem *TouchpointCardItem::marker(AnnotationKind kind) const
{
    for (AnnotationMarkerItem *item : mMarkers) {
        if (item->kind() == kind)
            return item;
    }
    return nullptr;
}

void TouchpointCardItem::placeMarkers()
{
    // Along the bottom line, left of the evidence badge.
    const QRectF content = contentRect(mSize);
    qreal x = content.left();
    for (AnnotationMarkerItem *item : std::as_const(mMarkers)) {
        item->setPos(x, content.bottom() - item->size().height());
        x += item->size().width() + markerGap;
    }
}

QRectF TouchpointCardItem::handleRect() const
{
    const QPointF centre(mSize.width(), mSize.height() / 2);
    return mapRectToScene(QRectF(centre - QPointF(HandleRadius, HandleRadius),
                                 QSizeF(2 * HandleRadius, 2 * HandleRadius)));
}

QRectF TouchpointCardItem::boundingRect() const
{
    // Room for the shadow, the selection frame and the connector handle.
    return QRectF(QPointF(0, 0), mSize).adjusted(-4, -3, HandleRadius + 1, 7);
}

QPainterPath TouchpointCardItem::shape() const
{
    // The handle is part of the card, so that pressing on it reaches the card.
    QPainterPath path;
    path.addRoundedRect(QRectF(QPointF(0, 0), mSize), CardRadius, CardRadius);
    path.addEllipse(QPointF(mSize.width(), mSize.height() / 2), HandleRadius, HandleRadius);
    return path.simplified();
}

void TouchpointCardItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QRectF box(QPointF(0, 0), mSize);
    const bool selected = option->state & QStyle::State_Selected;
    const bool hovered = option->state & QStyle::State_MouseOver;
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QColor accent = mTouchpoint.color.isValid() ? mTouchpoint.color : mAccent;

    painter->setRenderHint(QPainter::Antialiasing);

    // Zoomed far out, a tile in the card's colour says where the cards are, and a map of
    // thousands of them repaints without laying out any text.
    const qreal detail =
        QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    if (detail < simpleDetail) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(accent);
        painter->drawRoundedRect(box, CardRadius, CardRadius);
        // Selection wins over a search match, as it does on the detailed card.
        if (selected || mHighlighted) {
            QPen outline(selected ? palette.color(QPalette::Highlight) : QColor(0xf2, 0xa9, 0x00),
                         2.5);
            outline.setCosmetic(true);
            painter->setPen(outline);
            painter->setBrush(Qt::NoBrush);
            painter->drawRoundedRect(box, CardRadius, CardRadius);
        }
        return;
    }

    paintShadow(painter, box, CardRadius, hovered || selected ? 1.7 : 1.0);

    painter->setPen(QPen(mix(base, text, 0.13), 1));
    painter->setBrush(base);
    painter->drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), CardRadius, CardRadius);

    painter->save();
    QPainterPath clip;
    clip.addRoundedRect(box, CardRadius, CardRadius);
    painter->setClipPath(clip);
    painter->setPen(Qt::NoPen);
    painter->setBrush(accent);
    painter->drawRect(QRectF(0, 0, CardAccentWidth, mSize.height()));
    painter->restore();

    const QRectF content = contentRect(mSize);
    const QFont titleFont = cardTitleFont();
    const QFontMetricsF titleMetrics(titleFont);
    painter->setFont(titleFont);
    painter->setPen(text);
    qreal baseline = content.top() + titleMetrics.ascent();
    for (const QString &line : titleLines()) {
        painter->drawText(QPointF(content.left(), baseline), line);
        baseline += titleMetrics.lineSpacing();
    }

    // Channel and owner follow the title, in a smaller and lighter line of their own.
    const QFont metaFont = cardMetaFont();
    const QFontMetricsF metaMetrics(metaFont);
    const qreal metaTop = baseline - titleMetrics.ascent() + 3;
    painter->setFont(metaFont);
    painter->setPen(mix(text, base, 0.42));
    painter->drawText(QPointF(content.left(), metaTop + metaMetrics.ascent()),
                      metaMetrics.elidedText(metaText(), Qt::ElideRight, content.width()));

    // Observed evidence is filled, assumed outlined, proposed dashed: the three tell apart
    // in black and white and for anyone who does not see the colours.
    const QRectF badge = badgeRect();
    const QColor badgeColor = evidenceColor(mTouchpoint.evidence);
    QPen badgePen(badgeColor, 1.2);
    if (mTouchpoint.evidence == Evidence::Proposed)
        badgePen.setStyle(Qt::DashLine);
    painter->setPen(badgePen);
    painter->setBrush(mTouchpoint.evidence == Evidence::Observed ? badgeColor
                                                                 : mix(base, badgeColor, 0.08));
    painter->drawRoundedRect(badge.adjusted(0.5, 0.5, -0.5, -0.5), badgeHeight / 2,
                             badgeHeight / 2);
    painter->setFont(badgeFont());
    painter->setPen(mTouchpoint.evidence == Evidence::Observed ? textOn(badgeColor) : badgeColor);
    painter->drawText(badge, Qt::AlignCenter, displayName(mTouchpoint.evidence));

    // A search match: amber reads as "found" in light and dark themes alike.
    if (mHighlighted) {
        painter->setPen(QPen(QColor(0xf2, 0xa9, 0x00), 3));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(box.adjusted(-1.5, -1.5, 1.5, 1.5), CardRadius + 1.5,
                                 CardRadius + 1.5);
    }

    if (selected) {
        painter->setPen(QPen(palette.color(QPalette::Highlight), 2.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(box.adjusted(-1.5, -1.5, 1.5, 1.5), CardRadius + 1.5,
                                 CardRadius + 1.5);
    }

    if (selected || hovered) {
        const QColor highlight = palette.color(QPalette::Highlight);
        const QPointF centre(mSize.width(), mSize.height() / 2);
        painter->setPen(QPen(highlight, 1.5));
        painter->setBrush(base);
        painter->drawEllipse(centre, HandleRadius - 1, HandleRadius - 1);
        painter->setPen(Qt::NoPen);
        painter->setBrush(highlight);
        painter->drawEllipse(centre, 2.5, 2.5);
    }
}

} // namespace Waymark
