// A touchpoint's card: its title, its channel and owner, a badge saying whether it was
// observed, assumed or proposed, and markers for the annotations attached to it. Cards are
// selectable; the scene turns gestures on them into commands, such as a drag from the
// handle on the right edge, which draws a connector.
#pragma once

#include "entities.h"

#include <QGraphicsItem>

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
    TouchpointCardItem(const Touchpoint &touchpoint, const QColor &accent, const QRectF &rect);

    int type() const override { return Type; }

    Id touchpointId() const { return mTouchpoint.id; }
    const Touchpoint &touchpoint() const { return mTouchpoint; }
    QString title() const { return mTouchpoint.title; }
    void setTouchpoint(const Touchpoint &touchpoint);

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

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void updateToolTip();
    QRectF badgeRect() const;
    void placeMarkers();

    Touchpoint mTouchpoint;
    QColor mAccent;
    QSizeF mSize;
    QList<AnnotationMarkerItem *> mMarkers;
    bool mHighlighted = false;
};

} // namespace Waymark
