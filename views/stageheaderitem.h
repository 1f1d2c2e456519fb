// A stage's header above its column: a chevron in the stage's colour with its name, the
// chevrons of a map pointing from one stage to the next.
#pragma once

#include "entities.h"

#include <QGraphicsItem>

namespace Waymark {

class StageHeaderItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 1
    };

    // rect is the header's place in scene coordinates; the first stage has no notch.
    StageHeaderItem(const Stage &stage, int index, const QRectF &rect, bool first);

    int type() const override { return Type; }

    Id stageId() const { return mStage.id; }
    QString name() const { return mStage.name; }
    int index() const { return mIndex; }
    void setStage(const Stage &stage);

    // Where the name is written, in scene coordinates: the in-place editor goes there.
    QRectF textRect() const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QPolygonF outline() const;

    Stage mStage;
    int mIndex;
    QSizeF mSize;
    bool mFirst;
};

} // namespace Waymark
