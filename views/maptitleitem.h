// The map's name and kind in the corner above the lane headers. It stays in view with the
// headers, so that a projected map always says which map it is.
#pragma once

#include "entities.h"

#include <QGraphicsItem>

namespace Waymark {

class MapTitleItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 6
    };

    MapTitleItem(const JourneyMap &map, const QRectF &rect);

    int type() const override { return Type; }

    QString name() const { return mName; }
    void setMap(const JourneyMap &map);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString mName;
    MapKind mKind;
    QSizeF mSize;
};

} // namespace Waymark
