// A touchpoint's card: its title, its channel and owner with their icons, the devices it
// happens on, a badge saying whether it was observed, assumed or proposed, markers for the
// annotations attached to it and room for a metric. Its look follows the kind of its lane: a
// sticky note for a thought, a red or green edged note for a pain point or an opportunity, a
// flat system card for the backstage. Cards are selectable; the scene turns gestures on them
// into commands, such as a drag from the handle on the right edge, which draws a connector.
#pragma once

#include "entities.h"
#include "mapstyle.h"

#include <QGraphicsItem>
#include <QPixmapCache>

namespace Waymark {

class AnnotationMarkerItem;

class TouchpointCardItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 3
    };

    // accent is the colour of the card's lane, unless the touchpoint has its own.
    TouchpointCardItem(const Touchpoint &touchpoint, const QColor &accent, const QRectF &rect,
                       MapStyle::CardLook look = MapStyle::CardLook::Card);
    ~TouchpointCardItem() override;

    int type() const override { return Type; }

    Id touchpointId() const { return mTouchpoint.id; }
    const Touchpoint &touchpoint() const { return mTouchpoint; }
    QString title() const { return mTouchpoint.title; }
    void setTouchpoint(const Touchpoint &touchpoint);
    MapStyle::CardLook look() const { return mLook; }

    // A figure for the card's metric (an NPS, a conversion rate) in a badge of that colour,
    // left of the evidence badge. Unset, the place stays empty.
    void setMetricBadge(const QString &text, const QColor &color);
    void clearMetricBadge() { setMetricBadge({}, {}); }
    QString metricBadgeText() const { return mMetricText; }
    QColor metricBadgeColor() const { return mMetricColor; }
    // In scene coordinates; empty while no metric is set.
    QRectF metricBadgeRect() const;
    // The widest a metric's text can be without running into the markers on the left.
    qreal metricBadgeRoom() const;

    // Laid over the card's body in heat mode, as strongly as its alpha says; invalid: none.
    void setHeatTint(const QColor &tint);
    QColor heatTint() const { return mHeatTint; }

    // Below this scale a card is drawn as a plain tile: its text would be too small to read.
    static constexpr qreal SimpleDetail = 0.45;

    // The card's size, and how round its corners are.
    QSizeF size() const { return mSize; }
    qreal cornerRadius() const;
    // Its colour where it is drawn as a plain tile (MapFarLayer): its accent, a note's paper,
    // or its heat tint.
    QColor tileColor(const QPalette &palette) const;

    // Outlined as a match of a search. A selected card shows its selection frame instead.
    void setHighlighted(bool highlighted);
    bool isHighlighted() const { return mHighlighted; }

    // The lines of the title as drawn, and the channel and owner line.
    QStringList titleLines() const;
    QString metaText() const;

    // Where the title is written, in scene coordinates: the in-place editor goes there.
    QRectF titleRect() const;

    // Shows markers for these annotations: those attached to this card.
    void setAnnotations(const QList<Annotation> &annotations);
    QList<AnnotationMarkerItem *> markers() const { return mMarkers; }
    AnnotationMarkerItem *marker(AnnotationKind kind) const;

    // The handle a connector is drawn from, in scene coordinates. It shows while the card is
    // hovered or selected.
    QRectF handleRect() const;

    // How many times its picture (body, text, badges) was drawn anew rather than copied.
    int pictureDraws() const { return mPictureDraws; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void updateToolTip();
    void repaint();
    QRectF badgeRect() const;
    QRectF localMetricRect() const;
    qreal titleWidth() const;
    void placeMarkers();
    void paintBody(QPainter *painter, const QPalette &palette, bool raised) const;
    void paintMeta(QPainter *painter, const QColor &color, qreal top) const;
    void paintBadges(QPainter *painter, const QPalette &palette) const;
    // The body, text and badges, in the card's own coordinates.
    void paintContent(QPainter *painter, const QPalette &palette, bool raised) const;
    // The same from the card's picture, drawn anew when it changed or the scale, the
    // fraction of a pixel it lands on or the palette did; false where no picture is kept.
    bool paintPicture(QPainter *painter, const QPalette &palette, bool raised);

    Touchpoint mTouchpoint;
    QColor mAccent;
    QSizeF mSize;
    MapStyle::CardLook mLook;
    QString mMetricText;
    QColor mMetricColor;
    QColor mHeatTint;
    QList<AnnotationMarkerItem *> mMarkers;
    bool mHighlighted = false;
    // Laid out at the first paint and kept until the touchpoint changes: a repaint of a
    // window of cards lays out no text.
    mutable QStringList mTitleLines;
    mutable QString mElidedMeta;
    mutable bool mTextLaidOut = false;
    QPixmapCache::Key mPictureKey;
    bool mPictureStale = true;
    bool mPictureRaised = false;
    qreal mPictureScale = 0;
    qreal mPictureRatio = 0;
    qint64 mPicturePalette = 0;
    QPointF mPictureFraction;
    int mPictureDraws = 0;
};

} // namespace Waymark
