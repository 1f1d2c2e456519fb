// A stage's header above its column: a chevron in the stage's colour with its name, the
// chevrons of a map pointing from one stage to the next. Its right edge is a grip that
// resizes the stage (HeaderGesture does the dragging).
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

    // The grip along the right edge and the chevron's point, in scene coordinates; whether a
    // scene point is on it.
    QRectF gripRect() const;
    bool isOnGrip(const QPointF &scenePos) const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    QPolygonF outline() const;
    QRectF localGrip() const;

    Stage mStage;
    int mIndex;
    QSizeF mSize;
    bool mFirst;
};

} // namespace Waymark
