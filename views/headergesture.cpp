#include "headergesture.h"

#include "canvaslogging.h"
#include "commands.h"
#include "document.h"
#include "laneheaderitem.h"
#include "lookup.h"
#include "maplayout.h"
#include "mapscene.h"
#include "mapstyle.h"
#include "stageheaderitem.h"

#include <QApplication>
#include <QGraphicsRectItem>
#include <QUndoStack>

#include <cmath>

namespace Waymark {

using namespace MapStyle;

namespace {

// Over the headers, the title and everything that scrolls.
constexpr qreal draggedZ = 20;
constexpr qreal markerWidth = 3;

// Gesture ids only need to differ between two gestures on the same stage. One count for
// every scene keeps them apart when two views show the same map.
int nextGesture()
{
    static int count = 0;
    return ++count;
}

} // namespace

HeaderGesture::HeaderGesture(MapScene *scene)
    : mScene(scene)
{}

HeaderGesture::~HeaderGesture()
{
    delete mMarker;
}

QGraphicsItem *HeaderGesture::header() const
{
    if (mKind == Kind::MoveLane)
        return mScene->laneHeader(mId);
    return mScene->stageHeader(mId);
}

bool HeaderGesture::press(QGraphicsItem *item, const QPointF &scenePos)
{
    finish();
    const JourneyMap *map = mScene->map();
    if (!map || !mScene->document())
        return false;

    if (auto *stage = qgraphicsitem_cast<StageHeaderItem *>(item)) {
        mId = stage->stageId();
        mHeaderStart = stage->x();
        if (stage->isOnGrip(scenePos)) {
            const Stage *model = findById(map->stages, mId);
            if (!model)
                return false;
            mKind = Kind::ResizeStage;
            mStartWidth = stageWidth(*model);
            mLastWidth = model->width;
            mGesture = nextGesture();
            mStackIndex = mScene->document()->undoStack()->index();
            mActive = true;
        } else {
            mKind = Kind::MoveStage;
        }
    } else if (auto *lane = qgraphicsitem_cast<LaneHeaderItem *>(item)) {
        mId = lane->laneId();
        mHeaderStart = lane->y();
        mKind = Kind::MoveLane;
    } else {
        return false;
    }
    mPending = true;
    mPressPos = scenePos;
    return true;
}

bool HeaderGesture::move(const QPointF &scenePos)
{
    if (!mPending)
        return false;
    if (mKind == Kind::ResizeStage) {
        updateResize(scenePos);
        return true;
    }
    if (!mActive) {
        // Only a move along the headers' axis starts a reorder, so that a shaky click stays
        // a click.
        const QPointF moved = scenePos - mPressPos;
        const qreal along = mKind == Kind::MoveStage ? moved.x() : moved.y();
        if (std::abs(along) < QApplication::startDragDistance())
            return false;
        start();
    }
    updateMove(scenePos);
    return true;
}

void HeaderGesture::start()
{
    mActive = true;
    if (QGraphicsItem *item = header())
        mHeaderZ = item->zValue();
    mMarker = new QGraphicsRectItem();
    mMarker->setPen(Qt::NoPen);
    mMarker->setBrush(mScene->palette().color(QPalette::Highlight));
    mMarker->setZValue(draggedZ + 1);
    mMarker->setAcceptedMouseButtons(Qt::NoButton);
    mMarker->setVisible(false);
    mScene->addItem(mMarker);
    qCDebug(lcCanvas) << "header drag of" << mId.toString();
}

void HeaderGesture::updateMove(const QPointF &scenePos)
{
    // A rebuild may have replaced the header meanwhile: it is looked up each time.
    QGraphicsItem *item = header();
    const JourneyMap *map = mScene->map();
    if (!item || !map) {
        mTarget = -1;
        return;
    }
    item->setZValue(draggedZ);
    item->setOpacity(0.85);

    const MapLayout &layout = mScene->mapLayout();
    const QRectF grid = layout.gridRect();
    qsizetype slot = 0; // the place between two headers the pointer is nearest
    qreal boundary = 0;

    if (mKind == Kind::MoveStage) {
        item->setX(mHeaderStart + scenePos.x() - mPressPos.x());
        const QList<MapLayout::Column> &columns = layout.columns();
        while (slot < columns.size() &&
               columns.at(slot).x + columns.at(slot).width / 2 < scenePos.x())
            ++slot;
        boundary = slot < columns.size() ? columns.at(slot).x : grid.right();
        const qsizetype from = indexOfId(map->stages, mId);
        // The slots either side of the stage itself leave it where it is.
        mTarget = slot == from || slot == from + 1 ? -1 : int(slot > from ? slot - 1 : slot);
        mMarker->setRect(
            QRectF(boundary - markerWidth / 2, item->y(), markerWidth, grid.bottom() - item->y()));
    } else {
        item->setY(mHeaderStart + scenePos.y() - mPressPos.y());
        const QList<MapLayout::Row> &rows = layout.rows();
        while (slot < rows.size() && rows.at(slot).y + rows.at(slot).height / 2 < scenePos.y())
            ++slot;
        boundary = slot < rows.size() ? rows.at(slot).y - RowGap / 2 : grid.bottom() + RowGap / 2;

        // Rows show the visible lanes; the move counts every lane of the map, hidden ones too.
        const qsizetype from = indexOfId(map->lanes, mId);
        const qsizetype before = slot < rows.size() ? indexOfId(map->lanes, rows.at(slot).laneId)
                                                    : indexOfId(map->lanes, rows.last().laneId) + 1;
        const qsizetype to = before > from ? before - 1 : before;
        mTarget = to == from ? -1 : int(to);
        mMarker->setRect(
            QRectF(item->x(), boundary - markerWidth / 2, grid.right() - item->x(), markerWidth));
    }
    mMarker->setVisible(mTarget >= 0);
}

void HeaderGesture::updateResize(const QPointF &scenePos)
{
    Document *document = mScene->document();
    if (!document)
        return;
    const qreal wanted = mStartWidth + scenePos.x() - mPressPos.x();
    const int width = int(std::lround(std::clamp<qreal>(wanted, MinStageWidth, MaxStageWidth)));
    if (width == mLastWidth)
        return;
    mLastWidth = width;
    if (std::unique_ptr<QUndoCommand> command =
            Commands::setStageWidth(document, mId, width, mGesture))
        document->push(command.release());
}

bool HeaderGesture::release(const QPointF &scenePos)
{
    if (!mPending)
        return false;
    const bool ended = mActive;
    if (mKind == Kind::ResizeStage) {
        updateResize(scenePos);
    } else if (mActive) {
        updateMove(scenePos);
        Document *document = mScene->document();
        std::unique_ptr<QUndoCommand> command;
        if (document && mTarget >= 0) {
            command = mKind == Kind::MoveStage ? Commands::moveStage(document, mId, mTarget)
                                               : Commands::moveLane(document, mId, mTarget);
        }
        finish();
        if (command)
            document->push(command.release());
        return true;
    }
    finish();
    return ended;
}

bool HeaderGesture::cancel()
{
    if (!mActive) {
        finish();
        return false;
    }
    if (mKind == Kind::ResizeStage) {
        // The steps of the resize merged into at most one command, on top of the stack.
        QUndoStack *stack = mScene->document() ? mScene->document()->undoStack() : nullptr;
        while (stack && stack->index() > mStackIndex)
            stack->undo();
    }
    finish();
    return true;
}

bool HeaderGesture::resetWidth(QGraphicsItem *item, const QPointF &scenePos)
{
    auto *stage = qgraphicsitem_cast<StageHeaderItem *>(item);
    Document *document = mScene->document();
    if (!stage || !document || !stage->isOnGrip(scenePos))
        return false;
    finish();
    if (std::unique_ptr<QUndoCommand> command =
            Commands::setStageWidth(document, stage->stageId(), 0))
        document->push(command.release());
    return true;
}

QRectF HeaderGesture::insertionMarkerRect() const
{
    return mMarker && mMarker->isVisible() ? mMarker->rect() : QRectF();
}

void HeaderGesture::finish()
{
    // The header goes back to its place; after a move the rebuild puts it at its new one.
    if (mActive && mKind != Kind::ResizeStage) {
        if (QGraphicsItem *item = header()) {
            if (mKind == Kind::MoveStage)
                item->setX(mHeaderStart);
            else
                item->setY(mHeaderStart);
            item->setOpacity(1);
            item->setZValue(mHeaderZ);
        }
    }
    delete mMarker;
    mMarker = nullptr;
    mKind = Kind::None;
    mPending = false;
    mActive = false;
    mId = Id();
    mTarget = -1;
}

} // namespace Waymark
