// A touchpoint's card: its title, its channel and owner, and a badge saying whether it was
// observed, assumed or proposed. Cards are selectable; the scene turns gestures on them
// into commands.
#pragma once

#include "entities.h"

#include <QGraphicsItem>

namespace Waymark {

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

    // The lines of the title as drawn, and the channel and owner line.
    QStringList titleLines() const;
    QString metaText() const;

    // Where the title is written, in scene coordinates: the in-place editor goes there.
    QRectF titleRect() const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void updateToolTip();
    QRectF badgeRect() const;

    Touchpoint mTouchpoint;
    QColor mAccent;
    QSizeF mSize;
};

} // namespace Waymark
