#include "touchpointcarditem.h"

#include "annotationitems.h"
#include "mapstyle.h"
#include "textfit.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPixmapCache>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Waymark {

using namespace MapStyle;

namespace {

constexpr qreal badgeHeight = 18;
constexpr qreal badgePadding = 7;
constexpr qreal badgeGap = 6;
constexpr qreal markerGap = 4;
constexpr int iconSize = 14;
constexpr qreal iconGap = 4;
constexpr qreal stickyFold = 14;
constexpr qreal systemRadius = 2;
constexpr qreal gearSize = 13;
constexpr qreal simpleDetail = TouchpointCardItem::SimpleDetail;

QRectF contentRect(const QSizeF &size)
{
    const qreal left = CardAccentWidth + CardPadding;
    return QRectF(left, CardPadding, size.width() - left - CardPadding,
                  size.height() - 2 * CardPadding);
}

// The corner radius of the card's outline for hit testing and the selection frame.
qreal radiusOf(CardLook look)
{
    switch (look) {
    case CardLook::StickyNote:
        return 1;
    case CardLook::SystemCard:
        return systemRadius;
    default:
        return CardRadius;
    }
}

// A sticky note's outline: its bottom right corner folded up.
QPolygonF stickyOutline(const QRectF &box)
{
    return QPolygonF({box.topLeft(), box.topRight(),
                      QPointF(box.right(), box.bottom() - stickyFold),
                      QPointF(box.right() - stickyFold, box.bottom()), box.bottomLeft()});
}

// A cog wheel of eight teeth, centred in rect, for the cards of backstage systems.
QPainterPath gearPath(const QRectF &rect)
{
    const QPointF centre = rect.center();
    const qreal outer = rect.width() / 2;
    const qreal body = outer * 0.72;
    QPainterPath teeth;
    for (int i = 0; i < 8; ++i) {
        QTransform turn;
        turn.translate(centre.x(), centre.y());
        turn.rotate(i * 45.0);
        QPainterPath tooth;
        tooth.addRect(QRectF(-outer * 0.2, -outer, outer * 0.4, outer - body + 0.5));
        teeth.addPath(turn.map(tooth));
    }
    QPainterPath wheel;
    wheel.addEllipse(centre, body, body);
    QPainterPath hole;
    hole.addEllipse(centre, outer * 0.32, outer * 0.32);
    return wheel.united(teeth).subtracted(hole);
}

// The ratio of device pixels to canvas units the painter draws at, so that icons stay sharp
// when zoomed in.
qreal pixelRatioOf(const QPainter *painter)
{
    const qreal scale =
        QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    const qreal device = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    return std::max(1.0, scale * device);
}

// fill with a heat tint laid over it, as strongly as the tint's alpha (and extra) say.
QColor heated(const QColor &fill, QColor tint, qreal extra = 0)
{
    const qreal strength = std::min<qreal>(1, tint.alphaF() + extra);
    tint.setAlpha(255);
    return mix(fill, tint, strength);
}

} // namespace

TouchpointCardItem::TouchpointCardItem(const Touchpoint &touchpoint, const QColor &accent,
                                       const QRectF &rect, CardLook look)
    : mTouchpoint(touchpoint)
    , mAccent(accent)
    , mSize(rect.size())
    , mLook(look)
{
    setPos(rect.topLeft());
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    updateToolTip();
}

TouchpointCardItem::~TouchpointCardItem()
{
    QPixmapCache::remove(mPictureKey);
}

void TouchpointCardItem::setTouchpoint(const Touchpoint &touchpoint)
{
    // Where the card sits (its stage, lane and place in the cell) is the scene's business
    // and changes nothing it draws: a card that only moved keeps its picture, which a drag
    // step would otherwise draw anew for every card of the two cells it changes.
    Touchpoint placedAsBefore = touchpoint;
    placedAsBefore.stageId = mTouchpoint.stageId;
    placedAsBefore.laneId = mTouchpoint.laneId;
    placedAsBefore.order = mTouchpoint.order;
    const bool looksTheSame = placedAsBefore == mTouchpoint;
    mTouchpoint = touchpoint;
    if (looksTheSame)
        return;
    mTextLaidOut = false;
    updateToolTip();
    repaint();
}

void TouchpointCardItem::setMetricBadge(const QString &text, const QColor &color)
{
    if (text == mMetricText && color == mMetricColor)
        return;
    mMetricText = text;
    mMetricColor = color;
    mPictureStale = true;
    update();
}

void TouchpointCardItem::setHeatTint(const QColor &tint)
{
    if (tint == mHeatTint)
        return;
    mHeatTint = tint;
    repaint();
}

void TouchpointCardItem::setHighlighted(bool highlighted)
{
    if (highlighted == mHighlighted)
        return;
    mHighlighted = highlighted;
    repaint();
}

void TouchpointCardItem::repaint()
{
    mPictureStale = true;
    // While the far layer draws the card it paints nothing itself, and its own update()
    // repaints nothing: the scene repaints where it is.
    if ((flags() & ItemHasNoContents) && scene())
        scene()->update(sceneBoundingRect());
    else
        update();
}

void TouchpointCardItem::updateToolTip()
{
    QString tip = mTouchpoint.title;
    if (!mTouchpoint.description.isEmpty())
        tip += u"\n\n"_s + mTouchpoint.description;
    setToolTip(tip);
}

qreal TouchpointCardItem::titleWidth() const
{
    // The gear of a system card takes the title's top right corner.
    const qreal width = contentRect(mSize).width();
    return mLook == CardLook::SystemCard ? width - gearSize - 4 : width;
}

QStringList TouchpointCardItem::titleLines() const
{
    if (!mTextLaidOut) {
        mTitleLines = fitText(mTouchpoint.title, cardTitleFont(), titleWidth(), TitleMaxLines);
        mElidedMeta.clear();
        mTextLaidOut = true;
    }
    return mTitleLines;
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
        QRectF(content.topLeft(), QSizeF(titleWidth(), TitleMaxLines * metrics.lineSpacing())));
}

QRectF TouchpointCardItem::badgeRect() const
{
    const QRectF content = contentRect(mSize);
    const qreal width =
        cachedTextWidth(badgeFont(), displayName(mTouchpoint.evidence)) + 2 * badgePadding;
    return QRectF(content.right() - width, content.bottom() - badgeHeight, width, badgeHeight);
}

QRectF TouchpointCardItem::localMetricRect() const
{
    if (mMetricText.isEmpty())
        return {};
    const QRectF evidence = badgeRect();
    const qreal width = cachedTextWidth(badgeFont(), mMetricText) + 2 * badgePadding;
    return QRectF(evidence.left() - badgeGap - width, evidence.top(), width, badgeHeight);
}

qreal TouchpointCardItem::metricBadgeRoom() const
{
    qreal left = contentRect(mSize).left();
    for (const AnnotationMarkerItem *item : mMarkers)
        left += item->size().width() + markerGap;
    return std::max<qreal>(0, badgeRect().left() - badgeGap - left - 2 * badgePadding);
}

QRectF TouchpointCardItem::metricBadgeRect() const
{
    const QRectF local = localMetricRect();
    return local.isEmpty() ? QRectF() : mapRectToScene(local);
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
    // Along the bottom line, left of the badges.
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
    const qreal radius = radiusOf(mLook);
    path.addRoundedRect(QRectF(QPointF(0, 0), mSize), radius, radius);
    path.addEllipse(QPointF(mSize.width(), mSize.height() / 2), HandleRadius, HandleRadius);
    return path.simplified();
}

qreal TouchpointCardItem::cornerRadius() const
{
    return radiusOf(mLook);
}

QColor TouchpointCardItem::tileColor(const QPalette &palette) const
{
    // Notes keep their paper, so that a thought still reads as yellow from afar.
    const CardColors colors = cardColors(mLook, mAccent, mTouchpoint.color, palette);
    if (mHeatTint.isValid())
        return heated(colors.fill, mHeatTint, 0.3);
    return mLook == CardLook::StickyNote ? colors.fill : colors.edge;
}

void TouchpointCardItem::paintBody(QPainter *painter, const QPalette &palette, bool raised) const
{
    CardColors colors = cardColors(mLook, mAccent, mTouchpoint.color, palette);
    if (mHeatTint.isValid())
        colors.fill = heated(colors.fill, mHeatTint);
    const QRectF box(QPointF(0, 0), mSize);
    const QRectF inner = box.adjusted(0.5, 0.5, -0.5, -0.5);

    // The clipped strip down the left edge: a card's accent, a note's coloured edge.
    const auto paintEdge = [&](qreal width, qreal radius) {
        painter->save();
        QPainterPath clip;
        clip.addRoundedRect(box, radius, radius);
        painter->setClipPath(clip);
        painter->setPen(Qt::NoPen);
        painter->setBrush(colors.edge);
        painter->drawRect(QRectF(0, 0, width, mSize.height()));
        painter->restore();
    };

    switch (mLook) {
    case CardLook::Card:
        paintShadow(painter, box, CardRadius, raised ? 1.7 : 1.0);
        painter->setPen(QPen(colors.border, 1));
        painter->setBrush(colors.fill);
        painter->drawRoundedRect(inner, CardRadius, CardRadius);
        paintEdge(CardAccentWidth, CardRadius);
        break;
    case CardLook::StickyNote: {
        // Paper lies flat: a faint shadow, and the folded corner shows its back.
        paintShadow(painter, box, 1, raised ? 1.2 : 0.6);
        painter->setPen(QPen(colors.border, 1));
        painter->setBrush(colors.fill);
        painter->drawPolygon(stickyOutline(inner));
        const QPolygonF flap({QPointF(inner.right(), inner.bottom() - stickyFold),
                              QPointF(inner.right() - stickyFold, inner.bottom() - stickyFold),
                              QPointF(inner.right() - stickyFold, inner.bottom())});
        painter->setBrush(mix(colors.fill, colors.edge, 0.55));
        painter->drawPolygon(flap);
        break;
    }
    case CardLook::PainPointNote:
    case CardLook::OpportunityNote:
        paintShadow(painter, box, CardRadius, raised ? 1.5 : 0.8);
        painter->setPen(QPen(colors.border, 1));
        painter->setBrush(colors.fill);
        painter->drawRoundedRect(inner, CardRadius, CardRadius);
        paintEdge(CardAccentWidth + 1, CardRadius);
        break;
    case CardLook::SystemCard: {
        // A system is no paper: flat, squared, with a cog where a note has its colour.
        painter->setPen(QPen(colors.border, raised ? 1.5 : 1));
        painter->setBrush(colors.fill);
        painter->drawRoundedRect(inner, systemRadius, systemRadius);
        paintEdge(CardAccentWidth - 1, systemRadius);
        const QRectF content = contentRect(mSize);
        painter->setPen(Qt::NoPen);
        painter->setBrush(colors.muted);
        painter->drawPath(
            gearPath(QRectF(content.right() - gearSize, content.top() + 1, gearSize, gearSize)));
        break;
    }
    }
}

void TouchpointCardItem::paintMeta(QPainter *painter, const QColor &color, qreal top) const
{
    // The channel's icon leads the line, the devices' icons end it, and the channel's name
    // and the owner take the room between them.
    const QRectF content = contentRect(mSize);
    const qreal ratio = pixelRatioOf(painter);
    const QFont metaFont = cardMetaFont();
    const QFontMetricsF metrics(metaFont);
    const qreal lineHeight = std::max<qreal>(iconSize, metrics.height());
    const qreal iconTop = top + (lineHeight - iconSize) / 2;

    qreal right = content.right();
    const QList<Device> devices = allValues<Device>();
    for (auto it = devices.crbegin(); it != devices.crend(); ++it) {
        if (!mTouchpoint.devices.testFlag(*it))
            continue;
        right -= iconSize;
        painter->drawPixmap(QPointF(right, iconTop),
                            iconPixmap(deviceIconPath(*it), iconSize, color, ratio));
        right -= iconGap;
    }

    qreal left = content.left();
    if (mTouchpoint.channel != Channel::Other) {
        painter->drawPixmap(QPointF(left, iconTop), iconPixmap(channelIconPath(mTouchpoint.channel),
                                                               iconSize, color, ratio));
        left += iconSize + iconGap + 1;
    }

    painter->setFont(metaFont);
    painter->setPen(color);
    const qreal baseline = top + (lineHeight - metrics.height()) / 2 + metrics.ascent();
    // The room left for the text depends on the touchpoint alone: elided once, with the title.
    if (mElidedMeta.isNull())
        mElidedMeta = metrics.elidedText(metaText(), Qt::ElideRight, right - left - iconGap);
    painter->drawText(QPointF(left, baseline), mElidedMeta);
}

void TouchpointCardItem::paintBadges(QPainter *painter, const QPalette &palette) const
{
    const QColor base = mLook == CardLook::StickyNote
                            ? cardColors(mLook, mAccent, mTouchpoint.color, palette).fill
                            : palette.color(QPalette::Base);

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

    const QRectF metric = localMetricRect();
    if (metric.isEmpty())
        return;
    const QColor fill = mMetricColor.isValid() ? mMetricColor : mutedTextColor(palette);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(metric, 4, 4);
    painter->setPen(textOn(fill));
    painter->drawText(metric, Qt::AlignCenter, mMetricText);
}

void TouchpointCardItem::paintContent(QPainter *painter, const QPalette &palette, bool raised) const
{
    painter->setRenderHint(QPainter::Antialiasing);
    paintBody(painter, palette, raised);
    const CardColors colors = cardColors(mLook, mAccent, mTouchpoint.color, palette);

    const QRectF content = contentRect(mSize);
    const QFont titleFont = cardTitleFont();
    const QFontMetricsF titleMetrics(titleFont);
    painter->setFont(titleFont);
    painter->setPen(colors.text);
    qreal baseline = content.top() + titleMetrics.ascent();
    for (const QString &line : titleLines()) {
        painter->drawText(QPointF(content.left(), baseline), line);
        baseline += titleMetrics.lineSpacing();
    }

    // Channel, owner and devices follow the title, in a smaller and lighter line of their own.
    paintMeta(painter, colors.muted, baseline - titleMetrics.ascent() + 2);
    paintBadges(painter, palette);
}

bool TouchpointCardItem::paintPicture(QPainter *painter, const QPalette &palette, bool raised)
{
    // Only on a canvas that is scaled and moved, drawn into pixels: a PDF or a printer gets
    // the card drawn as it is, and so does a view that turns or shears it.
    const QTransform world = painter->worldTransform();
    QPaintEngine *engine = painter->paintEngine();
    if (world.type() > QTransform::TxScale || world.m11() != world.m22() || world.m11() <= 0 ||
        !engine || engine->type() != QPaintEngine::Raster)
        return false;

    // The picture is drawn at whole device pixels: where the card lands at another fraction
    // of a pixel (at a zoom other than 100 %), it is drawn anew rather than shifted.
    const qreal scale = world.m11();
    const QRectF bounds = boundingRect();
    const QRectF device = world.mapRect(bounds);
    const QPointF corner(std::floor(device.left()), std::floor(device.top()));
    const QPointF fraction = device.topLeft() - corner;
    const qreal ratio = painter->device()->devicePixelRatioF();
    const auto same = [](qreal a, qreal b) {
        return std::abs(a - b) < 1.0 / 64;
    };
    QPixmap picture;
    const bool kept = !mPictureStale && mPictureScale == scale && mPictureRaised == raised &&
                      mPictureRatio == ratio && mPicturePalette == palette.cacheKey() &&
                      same(mPictureFraction.x(), fraction.x()) &&
                      same(mPictureFraction.y(), fraction.y()) &&
                      QPixmapCache::find(mPictureKey, &picture);
    if (!kept) {
        const QSize size(int(std::ceil(fraction.x() + device.width())) + 1,
                         int(std::ceil(fraction.y() + device.height())) + 1);
        picture = QPixmap(size * ratio);
        picture.setDevicePixelRatio(ratio);
        picture.fill(Qt::transparent);
        QPainter into(&picture);
        into.setRenderHints(painter->renderHints());
        into.translate(fraction);
        into.scale(scale, scale);
        into.translate(-bounds.topLeft());
        paintContent(&into, palette, raised);
        into.end();
        QPixmapCache::remove(mPictureKey);
        mPictureKey = QPixmapCache::insert(picture);
        ++mPictureDraws;
        mPictureStale = false;
        mPictureScale = scale;
        mPictureRaised = raised;
        mPictureRatio = ratio;
        mPicturePalette = palette.cacheKey();
        mPictureFraction = fraction;
    }
    painter->save();
    painter->setWorldTransform(QTransform());
    painter->drawPixmap(corner, picture);
    painter->restore();
    return true;
}

void TouchpointCardItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    // Zoomed far out, the scene's far layer draws the card as a tile in its colour, with the
    // map's thousands of others, in one pass (MapFarLayer).
    const qreal detail =
        QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    if (detail < simpleDetail)
        return;

    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QRectF box(QPointF(0, 0), mSize);
    const bool selected = option->state & QStyle::State_Selected;
    const bool hovered = option->state & QStyle::State_MouseOver;
    const qreal radius = radiusOf(mLook);

    // The body, text and badges come from a picture kept from the last paint at this scale
    // (Qt's pixmap cache): a drag moves the cards below the one dragged and uncovers the
    // cards beside them, and each would otherwise draw its shadow, text and badges again at
    // every step. Qt's own DeviceCoordinateCache drew every moved card anew.
    if (!paintPicture(painter, palette, hovered || selected))
        paintContent(painter, palette, hovered || selected);
    painter->setRenderHint(QPainter::Antialiasing);

    // A search match: amber reads as "found" in light and dark themes alike.
    if (mHighlighted) {
        painter->setPen(QPen(QColor(0xf2, 0xa9, 0x00), 3));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(box.adjusted(-1.5, -1.5, 1.5, 1.5), radius + 1.5, radius + 1.5);
    }

    if (selected) {
        painter->setPen(QPen(palette.color(QPalette::Highlight), 2.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(box.adjusted(-1.5, -1.5, 1.5, 1.5), radius + 1.5, radius + 1.5);
    }

    if (selected || hovered) {
        const QColor highlight = palette.color(QPalette::Highlight);
        const QPointF centre(mSize.width(), mSize.height() / 2);
        painter->setPen(QPen(highlight, 1.5));
        painter->setBrush(palette.color(QPalette::Base));
        painter->drawEllipse(centre, HandleRadius - 1, HandleRadius - 1);
        painter->setPen(Qt::NoPen);
        painter->setBrush(highlight);
        painter->drawEllipse(centre, 2.5, 2.5);
    }
}

} // namespace Waymark
