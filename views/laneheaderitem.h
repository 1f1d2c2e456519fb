// A lane's header left of its row: the lane's name, what kind of lane it is, and a strip in
// the lane's colour that its cards repeat.
#pragma once

#include "entities.h"

#include <QGraphicsItem>

namespace Waymark {

class LaneHeaderItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 2
    };

    LaneHeaderItem(const Lane &lane, const QRectF &rect);

    int type() const override { return Type; }

    Id laneId() const { return mLane.id; }
    QString name() const { return mLane.name; }
    void setLane(const Lane &lane);

    // Where the name is written, in scene coordinates: the in-place editor goes there.
    QRectF textRect() const;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    Lane mLane;
    QSizeF mSize;
};

} // namespace Waymark
