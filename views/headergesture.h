// The mouse gestures on the map's headers: dragging a stage header left or right (a lane
// header up or down) to reorder, and dragging the grip at a stage header's right edge to
// resize the stage. The scene hands it the mouse events before its own handling; while a
// gesture runs it owns the mouse. A reorder pushes one move when the button is let go; a
// resize pushes a width on every step, merged into one undo step per gesture.
#pragma once

#include "entities.h"

#include <QPointF>
#include <QRectF>

class QGraphicsItem;
class QGraphicsRectItem;

namespace Waymark {

class MapScene;

class HeaderGesture
{
public:
    enum class Kind
    {
        None,
        MoveStage,
        MoveLane,
        ResizeStage,
    };

    explicit HeaderGesture(MapScene *scene);
    ~HeaderGesture();
    HeaderGesture(const HeaderGesture &) = delete;
    HeaderGesture &operator=(const HeaderGesture &) = delete;

    // A left press on item, the scene's top item there: whether a gesture may start. A
    // reorder starts once the mouse moved the drag distance; a resize at once.
    bool press(QGraphicsItem *item, const QPointF &scenePos);
    // Whether the gesture took the move.
    bool move(const QPointF &scenePos);
    // Whether a gesture ended; false after a plain click, which the scene handles as before.
    bool release(const QPointF &scenePos);
    // Escape: the gesture ends with the map as it was before it. Whether one was running.
    bool cancel();
    // A double click on a stage's grip gives the stage its default width again.
    bool resetWidth(QGraphicsItem *item, const QPointF &scenePos);

    Kind kind() const { return mActive ? mKind : Kind::None; }
    bool isActive() const { return mActive; }
    // While reordering: where the header would land, in scene coordinates, and the index
    // the move would give it (-1 where it stays).
    QRectF insertionMarkerRect() const;
    int targetIndex() const { return mTarget; }

private:
    void start();
    void updateMove(const QPointF &scenePos);
    void updateResize(const QPointF &scenePos);
    void finish();
    QGraphicsItem *header() const;

    MapScene *mScene;
    Kind mKind = Kind::None;
    bool mPending = false;
    bool mActive = false;
    Id mId;
    QPointF mPressPos;
    qreal mHeaderStart = 0; // the header's x (stage) or y (lane) at the press
    qreal mHeaderZ = 0;
    qreal mStartWidth = 0;
    int mLastWidth = 0;
    int mGesture = 0;
    int mStackIndex = 0;
    int mTarget = -1;
    QGraphicsRectItem *mMarker = nullptr;
};

} // namespace Waymark
