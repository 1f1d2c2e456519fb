#include "mapscene.h"

#include "annotationdialog.h"
#include "annotationitems.h"
#include "canvaslogging.h"
#include "changeevent.h"
#include "commands.h"
#include "connectoritem.h"
#include "connectorrouter.h"
#include "document.h"
#include "fragments/fragment.h"
#include "headergesture.h"
#include "inlineeditor.h"
#include "laneheaderitem.h"
#include "lookup.h"
#include "mapfarlayer.h"
#include "mapstyle.h"
#include "maptitleitem.h"
#include "metricsoverlay.h"
#include "personaoverlay.h"
#include "stageheaderitem.h"
#include "touchpointcarditem.h"

#include <QApplication>
#include <QClipboard>
#include <QColorDialog>
#include <QElapsedTimer>
#include <QFontMetricsF>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QSettings>
#include <QStyleOptionGraphicsItem>
#include <QTextDocument>
#include <QTimer>
#include <QUndoStack>

Q_LOGGING_CATEGORY(lcCanvas, "waymark.canvas", QtWarningMsg)

using namespace Qt::StringLiterals;

namespace Waymark {

using namespace MapStyle;

namespace {

// Stacking order: connectors under the cards, their labels above them, and the headers
// above everything that scrolls under them.
constexpr qreal cellOutlineZ = 5; // over the cards: a frame round them
constexpr qreal markerZ = 6;
constexpr qreal connectLineZ = 7;
constexpr qreal laneBandZ = 8;
constexpr qreal laneHeaderZ = 9;
constexpr qreal stageBandZ = 10;
constexpr qreal stageHeaderZ = 11;
constexpr qreal titleZ = 12;

// How far a header that stays in view keeps from the view's edge.
constexpr qreal stickyInset = 6;

bool only(Fields fields, Fields allowed)
{
    return (fields & ~allowed).toInt() == 0;
}

// Deletes an item of the scene, taken out of the scene's index first. An item deleted while
// still in it leaves the index to purge itself, which walks the whole index at the next
// change of any item: on a large map, more than the rest of a drag step.
void discard(QGraphicsItem *item)
{
    if (item && item->scene())
        item->scene()->removeItem(item);
    delete item;
}

qsizetype visibleLaneCount(const JourneyMap &map)
{
    return std::count_if(map.lanes.cbegin(), map.lanes.cend(),
                         [](const Lane &lane) { return !lane.hidden; });
}

} // namespace

MapScene::MapScene(Document *document, const Id &mapId, QObject *parent)
    : QGraphicsScene(parent)
    , mDocument(document)
    , mMapId(mapId)
{
    mPersonas = std::make_unique<PersonaOverlay>(this);
    mFarLayer = std::make_unique<MapFarLayer>(this);
    mMetrics = std::make_unique<MetricsOverlay>(this);
    mHeaderGesture = std::make_unique<HeaderGesture>(this);
    connect(document, &Document::changed, this, &MapScene::onDocumentChanged);
    // Far out, whatever changes in the map may change the far layer's kept picture.
    connect(document, &Document::changed, this, [this] { mFarLayer->invalidate(); });
    connect(document, &Document::reset, this, &MapScene::onDocumentReset);
    // Selecting cards ends the selection of an empty cell: one or the other is current.
    connect(this, &QGraphicsScene::selectionChanged, this, [this] {
        if (!selectedItems().isEmpty())
            selectCell(std::nullopt);
        mFarLayer->update(); // far out, the selection is drawn there
    });
    rebuild();
}

MapScene::~MapScene()
{
    if (mDrag.active && mDocument)
        mDocument->releaseWrites();
    // QGraphicsScene's destructor removes the items and announces the change of selection;
    // by then the MapScene part is gone, so none of it may answer.
    disconnect(this, &QGraphicsScene::selectionChanged, this, nullptr);
}

const JourneyMap *MapScene::map() const
{
    if (!mDocument)
        return nullptr;
    return findById(mDocument->project().maps, mMapId);
}

StageHeaderItem *MapScene::stageHeader(const Id &stageId) const
{
    for (StageHeaderItem *header : mStageHeaders) {
        if (header->stageId() == stageId)
            return header;
    }
    return nullptr;
}

LaneHeaderItem *MapScene::laneHeader(const Id &laneId) const
{
    for (LaneHeaderItem *header : mLaneHeaders) {
        if (header->laneId() == laneId)
            return header;
    }
    return nullptr;
}

ConnectorItem *MapScene::connector(const Id &connectorId) const
{
    for (ConnectorItem *item : mConnectors) {
        if (item->connectorId() == connectorId)
            return item;
    }
    return nullptr;
}

AnnotationNoteItem *MapScene::annotationNote(const Id &annotationId) const
{
    for (AnnotationNoteItem *item : mNotes) {
        if (item->annotationId() == annotationId)
            return item;
    }
    return nullptr;
}

QList<Id> MapScene::selectedConnectors() const
{
    QList<Id> ids;
    const QList<QGraphicsItem *> selected = selectedItems();
    for (QGraphicsItem *item : selected) {
        if (auto *line = qgraphicsitem_cast<ConnectorItem *>(item))
            ids.append(line->connectorId());
    }
    return ids;
}

QList<Id> MapScene::selectedAnnotations() const
{
    QList<Id> ids;
    const QList<QGraphicsItem *> selected = selectedItems();
    for (QGraphicsItem *item : selected) {
        if (auto *note = qgraphicsitem_cast<AnnotationNoteItem *>(item))
            ids.append(note->annotationId());
    }
    return ids;
}

QList<Id> MapScene::selectedTouchpoints() const
{
    QList<Id> ids;
    const QList<QGraphicsItem *> selected = selectedItems();
    for (QGraphicsItem *item : selected) {
        if (auto *card = qgraphicsitem_cast<TouchpointCardItem *>(item))
            ids.append(card->touchpointId());
    }
    return ids;
}

void MapScene::selectTouchpoints(const QList<Id> &ids)
{
    ensureCurrent();
    clearSelection();
    for (const Id &id : ids) {
        if (TouchpointCardItem *item = card(id))
            item->setSelected(true);
    }
    if (!ids.isEmpty())
        mAnchorId = ids.first();
}

void MapScene::setHighlightedTouchpoints(const QSet<Id> &ids)
{
    mHighlighted = ids;
    mFarLayer->invalidate();
    for (TouchpointCardItem *item : std::as_const(mCards))
        item->setHighlighted(mHighlighted.contains(item->touchpointId()));
}

void MapScene::selectAll()
{
    ensureCurrent();
    for (TouchpointCardItem *item : std::as_const(mCards))
        item->setSelected(true);
}

void MapScene::selectCell(const std::optional<MapLayout::Cell> &cell)
{
    if (cell && !selectedItems().isEmpty())
        clearSelection();
    mSelectedCell = cell;
    updateCellOutline();
}

void MapScene::updateCellOutline()
{
    if (!mCellOutline)
        return;

    // While cards are dragged the outline shows the cell they would land in.
    std::optional<MapLayout::Cell> cell = mSelectedCell;
    if (mDrag.active)
        cell = MapLayout::Cell{mDrag.stageId, mDrag.laneId};
    QRectF rect;
    for (qsizetype c = 0; cell && c < mLayout.columns().size(); ++c) {
        if (mLayout.columns().at(c).stageId != cell->stageId)
            continue;
        for (qsizetype r = 0; r < mLayout.rows().size(); ++r) {
            if (mLayout.rows().at(r).laneId == cell->laneId)
                rect = mLayout.cellRect(c, r).adjusted(2, 2, -2, -2);
        }
    }
    if (rect.isEmpty() && !mDrag.active)
        mSelectedCell.reset(); // its stage or lane is gone or hidden
    mCellOutline->setRect(rect);
    mCellOutline->setVisible(!rect.isEmpty());

    mMarker->setRect(insertionMarkerRect());
    mMarker->setVisible(mDrag.active && !mMarker->rect().isEmpty());
}

QRectF MapScene::insertionMarkerRect() const
{
    if (!mDrag.active || mDrag.ids.isEmpty())
        return {};
    // The dragged cards move as the pointer does: the marker stands before the first.
    const QRectF first = mLayout.cardRect(mDrag.ids.first());
    if (first.isEmpty())
        return {};
    return QRectF(first.left() - CardGap / 2 - 2, first.top() - 2, 4, first.height() + 4);
}

QList<Id> MapScene::inReadingOrder(const QList<Id> &ids) const
{
    // Stage by stage, lane by lane, then along the cell: the order in which cards are read.
    const JourneyMap *m = map();
    if (!m)
        return ids;
    auto key = [m](const Id &id) {
        const Touchpoint *t = findById(m->touchpoints, id);
        if (!t)
            return std::tuple<qsizetype, qsizetype, int>(-1, -1, -1);
        return std::tuple(indexOfId(m->stages, t->stageId), indexOfId(m->lanes, t->laneId),
                          t->order);
    };
    QList<Id> sorted = ids;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [&](const Id &a, const Id &b) { return key(a) < key(b); });
    return sorted;
}

bool MapScene::selectNeighbour(int key, bool withinCell)
{
    ensureCurrent();
    const QList<Id> selected = inReadingOrder(selectedTouchpoints());
    if (selected.isEmpty()) {
        // Nothing to move from: start at the first card of the map.
        QList<Id> all = inReadingOrder(mCards.keys());
        if (all.isEmpty())
            return false;
        selectTouchpoints({all.first()});
        return true;
    }
    const Id from = selected.contains(mAnchorId) ? mAnchorId : selected.first();
    const TouchpointCardItem *current = card(from);
    if (!current)
        return false;

    // Left and right stay in the lane, up and down in the stage; the nearest card along
    // that axis wins, and of equally near ones the one most in line.
    const bool horizontal = key == Qt::Key_Left || key == Qt::Key_Right;
    const qreal sign = key == Qt::Key_Left || key == Qt::Key_Up ? -1 : 1;
    const QPointF centre = current->sceneBoundingRect().center();
    TouchpointCardItem *best = nullptr;
    std::pair<qreal, qreal> bestKey;
    for (TouchpointCardItem *item : std::as_const(mCards)) {
        const Touchpoint &t = item->touchpoint();
        const bool inLine = horizontal ? t.laneId == current->touchpoint().laneId
                                       : t.stageId == current->touchpoint().stageId;
        const bool inCell =
            t.laneId == current->touchpoint().laneId && t.stageId == current->touchpoint().stageId;
        if (item == current || !inLine || (withinCell && !inCell))
            continue;
        const QPointF d = item->sceneBoundingRect().center() - centre;
        const qreal along = sign * (horizontal ? d.x() : d.y());
        const qreal across = std::abs(horizontal ? d.y() : d.x());
        if (along < 1)
            continue;
        const std::pair<qreal, qreal> itemKey(std::round(along), across);
        if (!best || itemKey < bestKey) {
            best = item;
            bestKey = itemKey;
        }
    }
    if (!best)
        return false;
    selectTouchpoints({best->touchpointId()});
    for (QGraphicsView *view : views())
        view->ensureVisible(best, 24, 24);
    return true;
}

bool MapScene::stepSelection(int key)
{
    ensureCurrent();
    const JourneyMap *m = map();
    const QList<MapLayout::Column> &columns = mLayout.columns();
    const QList<MapLayout::Row> &rows = mLayout.rows();
    if (!m || columns.isEmpty() || rows.isEmpty())
        return false;

    const QList<Id> selected = inReadingOrder(selectedTouchpoints());
    std::optional<MapLayout::Cell> from = selected.isEmpty() ? mSelectedCell : std::nullopt;
    if (!from) {
        // Within its cell first, so that the step to the next cell never jumps over an
        // empty one.
        if (selectNeighbour(key, !selected.isEmpty()))
            return true;
        if (selected.isEmpty()) {
            // An empty map: the first cell is where its first card goes.
            selectCell(MapLayout::Cell{columns.first().stageId, rows.first().laneId});
            return mSelectedCell.has_value();
        }
        const Id anchor = selected.contains(mAnchorId) ? mAnchorId : selected.first();
        const Touchpoint *t = findById(m->touchpoints, anchor);
        if (!t)
            return false;
        from = MapLayout::Cell{t->stageId, t->laneId};
    }

    auto columnOf = [&](const Id &stageId) {
        return std::find_if(columns.cbegin(), columns.cend(),
                            [&](const MapLayout::Column &c) { return c.stageId == stageId; }) -
               columns.cbegin();
    };
    auto rowOf = [&](const Id &laneId) {
        return std::find_if(rows.cbegin(), rows.cend(),
                            [&](const MapLayout::Row &r) { return r.laneId == laneId; }) -
               rows.cbegin();
    };
    qsizetype column = columnOf(from->stageId);
    qsizetype row = rowOf(from->laneId);
    if (column >= columns.size() || row >= rows.size())
        return false; // not on screen: a hidden lane
    const bool back = key == Qt::Key_Left || key == Qt::Key_Up;
    if (key == Qt::Key_Left || key == Qt::Key_Right)
        column += back ? -1 : 1;
    else
        row += back ? -1 : 1;
    if (column < 0 || column >= columns.size() || row < 0 || row >= rows.size())
        return false;

    // Coming into a cell with cards selects the one nearest to where the step came from.
    const MapLayout::Cell next{columns.at(column).stageId, rows.at(row).laneId};
    const QList<const Touchpoint *> there = cellTouchpoints(*m, next.stageId, next.laneId);
    if (there.isEmpty()) {
        clearSelection();
        selectCell(next);
        for (QGraphicsView *view : views())
            view->ensureVisible(mLayout.cellRect(column, row), 24, 24);
        return true;
    }
    const Id target = back ? there.last()->id : there.first()->id;
    selectTouchpoints({target});
    for (QGraphicsView *view : views())
        view->ensureVisible(card(target), 24, 24);
    return true;
}

void MapScene::onDocumentChanged(const ChangeEvent &event)
{
    if (mPersonas->takeChange(event, mRebuildPending))
        return;
    const bool ours =
        event.mapId == mMapId || (event.entity == EntityKind::Map && event.id == mMapId);
    if (!ours)
        return;
    if (!mRebuildPending && (updateInPlace(event) || updateConnectorInPlace(event)))
        return;
    // A card that only changed its place (a drag step), came or went moves the cards of the
    // cells it left and joined, rather than a rebuild of the whole map.
    const bool placed = event.change != ChangeKind::Modified || only(event.fields, Field::Order);
    if (!mRebuildPending && event.entity == EntityKind::Touchpoint && placed) {
        mMovedTouchpoints.insert(event.id);
        scheduleMoves();
        return;
    }
    scheduleRebuild();
}

void MapScene::onDocumentReset()
{
    finishEditing(false);
    rebuild();
}

bool MapScene::updateInPlace(const ChangeEvent &event)
{
    const JourneyMap *m = map();
    if (event.change != ChangeKind::Modified || !m)
        return false;

    switch (event.entity) {
    case EntityKind::Map:
        if (!only(event.fields, Field::Name | Field::Kind | Field::Description) || !mTitle)
            return false;
        mTitle->setMap(*m);
        return true;
    case EntityKind::Stage: {
        const Stage *stage = findById(m->stages, event.id);
        StageHeaderItem *header = stageHeader(event.id);
        if (!stage || !header || !only(event.fields, Field::Name | Field::Color))
            return false;
        header->setStage(*stage);
        return true;
    }
    case EntityKind::Lane: {
        // A lane's colour and kind show on its cards too: those go through a rebuild.
        const Lane *lane = findById(m->lanes, event.id);
        LaneHeaderItem *header = laneHeader(event.id);
        if (!lane || !header || !only(event.fields, Field::Name))
            return false;
        header->setLane(*lane);
        return true;
    }
    case EntityKind::Touchpoint: {
        const Fields content = Field::Name | Field::Description | Field::TouchpointChannel |
                               Field::TouchpointDevices | Field::Owner | Field::Tags |
                               Field::TouchpointEvidence | Field::Color | Field::Notes;
        const Touchpoint *touchpoint = findById(m->touchpoints, event.id);
        if (!touchpoint || !only(event.fields, content))
            return false;
        if (TouchpointCardItem *item = card(event.id))
            item->setTouchpoint(*touchpoint);
        return true; // a card in a hidden lane has nothing to show
    }
    default:
        return false;
    }
}

bool MapScene::updateConnectorInPlace(const ChangeEvent &event)
{
    // Until pending moves are applied the layout may lack the cards a line joins.
    const JourneyMap *m = map();
    if (event.entity != EntityKind::Connector || !m || mMovesPending)
        return false;

    ConnectorItem *old = connector(event.id);
    const bool selected = old && old->isSelected();
    if (old) {
        if (ConnectorLabelItem *label = mConnectorLabelOf.take(event.id)) {
            mConnectorLabels.removeOne(label);
            delete label;
        }
        mConnectors.removeOne(old);
        // A line the scene draws leaves no painted area of its own for Qt to repaint.
        update(old->sceneBoundingRect());
        delete old;
    }
    if (const Connector *now = findById(m->connectors, event.id)) {
        for (ConnectorItem *item : addConnectorItems({*now})) {
            item->setSelected(selected);
            update(item->sceneBoundingRect());
        }
    }
    // Lines sharing a gutter with this one spread out again once things are still.
    scheduleConnectorRouting();
    // Far out, a line that goes repaints nothing where it was.
    mFarLayer->update();
    return true;
}

void MapScene::scheduleRebuild()
{
    if (mRebuildPending)
        return;
    mRebuildPending = true;
    QTimer::singleShot(0, this, &MapScene::ensureCurrent);
}

void MapScene::scheduleMoves()
{
    if (mMovesPending)
        return;
    mMovesPending = true;
    QTimer::singleShot(0, this, &MapScene::ensureCurrent);
}

void MapScene::ensureCurrent()
{
    if (mRebuildPending) {
        rebuild();
    } else if (mMovesPending) {
        if (!applyMoves()) {
            qCDebug(lcCanvas) << "cards moved where only a rebuild can follow";
            rebuild();
        }
        mFarLayer->update(); // far out, moved cards repaint nothing by themselves
    }
}

bool MapScene::applyMoves()
{
    mMovesPending = false;
    const QSet<Id> moved = std::exchange(mMovedTouchpoints, {});
    const JourneyMap *m = map();
    // Beyond a few hundred cards (an undo of a drag of a whole stage), laying out every cell
    // costs no more than the lookups of each card.
    constexpr qsizetype maxMoved = 200;
    if (!m || mEditor || moved.size() > maxMoved)
        return false;
    QElapsedTimer timer;
    timer.start();

    // The cells each card left and joined. A card that goes into a hidden lane disappears,
    // which only a new layout can tell.
    QList<MapLayout::Cell> cells;
    auto addCell = [&cells](const Id &stageId, const Id &laneId) {
        const bool known = std::any_of(cells.cbegin(), cells.cend(), [&](const auto &c) {
            return c.stageId == stageId && c.laneId == laneId;
        });
        if (!known)
            cells.append({stageId, laneId});
    };
    QList<std::pair<TouchpointCardItem *, const Touchpoint *>> movedCards;
    QList<const Touchpoint *> addedCards; // new, or out of a hidden lane
    QList<TouchpointCardItem *> removedCards;
    for (const Id &id : moved) {
        const Touchpoint *t = findById(m->touchpoints, id);
        TouchpointCardItem *item = card(id);
        const Lane *lane = t ? findById(m->lanes, t->laneId) : nullptr;
        if (t && (!lane || lane->hidden))
            return false;
        if (item) {
            addCell(item->touchpoint().stageId, item->touchpoint().laneId);
            if (t)
                movedCards.append({item, t});
            else
                removedCards.append(item);
        } else if (t) {
            addedCards.append(t);
        }
        if (t)
            addCell(t->stageId, t->laneId);
    }
    QSet<Id> removedIds; // for the drag's router, which still has them
    for (TouchpointCardItem *item : std::as_const(removedCards)) {
        removedIds.insert(item->touchpointId());
        mLayout.removeCard(item->touchpointId());
        mCards.remove(item->touchpointId());
        discard(item);
    }
    const std::optional<MapLayout::Changes> changes =
        mLayout.relayoutCells(*m, cells, mDrag.active ? mDrag.rowHeights : QHash<Id, qreal>());
    if (!changes)
        return false;
    // The personas' paths and curves follow the cards on the paths and the feelings lane's
    // place: where those moved, they are drawn anew (a handful of items).
    const bool personasMoved =
        !changes->rows.isEmpty() ||
        std::any_of(m->personaSteps.cbegin(), m->personaSteps.cend(), [&](const PersonaStep &step) {
            return changes->cards.contains(step.touchpointId);
        });

    for (const auto &[item, t] : std::as_const(movedCards))
        item->setTouchpoint(*t);
    for (const Touchpoint *t : std::as_const(addedCards)) {
        QList<Annotation> annotations;
        for (const Annotation &annotation : m->annotations) {
            if (annotation.touchpointId == t->id)
                annotations.append(annotation);
        }
        addCardItem(*t, *findById(m->lanes, t->laneId), mLayout.cardRect(t->id), annotations);
    }
    for (const Id &id : changes->cards) {
        if (TouchpointCardItem *item = card(id))
            item->setPos(mLayout.cardRect(id).topLeft());
    }

    // A note's width follows the cards of its cell.
    for (const Id &id : changes->notes) {
        const auto note =
            std::find_if(mNotes.cbegin(), mNotes.cend(), [&](const AnnotationNoteItem *item) {
                return item->annotationId() == id;
            });
        if (note != mNotes.cend())
            (*note)->setRect(mLayout.noteRect(id));
    }

    // Rows that grew or shrank take their lane header along; the rows below move down or up.
    if (!changes->rows.isEmpty()) {
        const qsizetype first = *std::min_element(changes->rows.cbegin(), changes->rows.cend());
        for (qsizetype r = first; r < mLaneHeaders.size() && r < mLayout.rows().size(); ++r) {
            if (!changes->rows.contains(r)) {
                mLaneHeaders[r]->setY(mLayout.laneHeaderRect(r).y());
                continue;
            }
            const Lane *lane = findById(m->lanes, mLayout.rows().at(r).laneId);
            auto *header = new LaneHeaderItem(*lane, mLayout.laneHeaderRect(r));
            header->setZValue(laneHeaderZ);
            addItem(header);
            discard(std::exchange(mLaneHeaders[r], header));
        }
        const QRectF bounds = mLayout.bounds();
        const qreal top = mLayout.rows().at(first).y;
        invalidate(QRectF(bounds.left(), top, bounds.width(), bounds.bottom() - top),
                   BackgroundLayer);
    }

    // The lines of the cards that moved are routed again now; the others, which may share a
    // gutter with them, once the cards are still (scheduleConnectorRouting()). Each line
    // repaints along its legs only (ConnectorItem::setPoints()).
    // TODO: A drag step on the large map of issue 7 takes 7.2 to 8.5 ms, on the edge of the
    // 8 ms of issue 3: the repaint of the two tall cells (the lines along their gutters are
    // stroked again, since the moved lines change tracks there), the scene's updates along
    // each changed leg and routing the moved lines are most of what is left.
    QList<ConnectorItem *> rerouted;
    QList<Connector> lines;
    for (ConnectorItem *item : std::as_const(mConnectors)) {
        const Connector &connector = item->connector();
        if (changes->cards.contains(connector.fromId) || changes->cards.contains(connector.toId)) {
            rerouted.append(item);
            lines.append(connector);
        }
    }
    // During a drag the router is kept from step to step and told what moved: one made
    // over all the map's cards costs more than routing the lines themselves.
    std::optional<ConnectorRouter> stepRouter;
    if (mDrag.active) {
        const QSet<Id> placed = changes->cards + removedIds;
        if (!mDragRouter || !mDragRouter->moveObstacles(mLayout, placed, changes->notes))
            mDragRouter.emplace(mLayout);
    } else {
        mDragRouter.reset();
        stepRouter.emplace(mLayout);
    }
    const ConnectorRouter &router = mDrag.active ? *mDragRouter : *stepRouter;
    const QList<QList<QPointF>> routes = router.routeAll(lines);
    for (qsizetype i = 0; i < rerouted.size(); ++i) {
        if (routes.at(i).size() < 2)
            continue;
        rerouted[i]->setPoints(routes.at(i), mDrag.active);
        if (ConnectorLabelItem *label = mConnectorLabelOf.value(lines.at(i).id)) {
            const QPointF centre = router.labelCentre(routes.at(i), label->size());
            label->setCentre(centre);
            rerouted[i]->setLabelCentre(label->size(), centre);
        }
    }
    scheduleConnectorRouting();

    if (sceneRect() != mLayout.bounds())
        setSceneRect(mLayout.bounds());
    placeHeaders();
    updateCellOutline();
    if (personasMoved)
        mPersonas->followLayout();
    // Cards and lane headers made anew take the focus's dimming; without a focus nothing is
    // dimmed, and a look at every item of the map would cost more than the rest of the step.
    if ((!addedCards.isEmpty() || !changes->rows.isEmpty()) && !mPersonas->focusPersona().isNull())
        mPersonas->applyFocus();
    qCDebug(lcCanvas) << changes->cards.size() << "cards and" << rerouted.size()
                      << "connectors moved in" << timer.nsecsElapsed() / 1000 << "µs";
    return true;
}

void MapScene::clearItems()
{
    delete mCellOutline;
    mCellOutline = nullptr;
    delete mMarker;
    mMarker = nullptr;
    delete mTitle;
    mTitle = nullptr;
    delete mStageBand;
    mStageBand = nullptr;
    delete mLaneBand;
    mLaneBand = nullptr;
    mPersonas->clear();
    qDeleteAll(mConnectorLabels);
    mConnectorLabels.clear();
    mConnectorLabelOf.clear();
    qDeleteAll(mConnectors);
    mConnectors.clear();
    qDeleteAll(mNotes);
    mNotes.clear();
    qDeleteAll(mCards);
    mCards.clear();
    qDeleteAll(mLaneHeaders);
    mLaneHeaders.clear();
    qDeleteAll(mStageHeaders);
    mStageHeaders.clear();
}

void MapScene::rebuild()
{
    mDragRouter.reset();
    mRebuildPending = false;
    mMovesPending = false;
    mMovedTouchpoints.clear();
    QElapsedTimer timer;
    timer.start();

    const QList<Id> selected = selectedTouchpoints();
    const QList<Id> selectedLines = selectedConnectors();
    const QList<Id> selectedNotes = selectedAnnotations();
    clearItems();

    const JourneyMap *m = map();
    if (!m) {
        mLayout = MapLayout();
        finishEditing(false);
        setSceneRect(QRectF());
        update();
        return;
    }

    mLayout = MapLayout::compute(*m, mDrag.active ? mDrag.rowHeights : QHash<Id, qreal>());

    for (qsizetype c = 0; c < mLayout.columns().size(); ++c) {
        const Stage &stage = m->stages.at(c);
        auto *header = new StageHeaderItem(stage, int(c), mLayout.stageHeaderRect(c), c == 0);
        header->setZValue(stageHeaderZ);
        addItem(header);
        mStageHeaders.append(header);
    }

    for (qsizetype r = 0; r < mLayout.rows().size(); ++r) {
        const Lane *lane = findById(m->lanes, mLayout.rows().at(r).laneId);
        auto *header = new LaneHeaderItem(*lane, mLayout.laneHeaderRect(r));
        header->setZValue(laneHeaderZ);
        addItem(header);
        mLaneHeaders.append(header);
    }

    QHash<Id, QList<Annotation>> cardAnnotations;
    for (const Annotation &annotation : m->annotations) {
        if (!annotation.touchpointId.isNull())
            cardAnnotations[annotation.touchpointId].append(annotation);
    }
    for (const Touchpoint &touchpoint : m->touchpoints) {
        const QRectF rect = mLayout.cardRect(touchpoint.id);
        const Lane *lane = findById(m->lanes, touchpoint.laneId);
        if (rect.isEmpty() || !lane)
            continue;
        TouchpointCardItem *item =
            addCardItem(touchpoint, *lane, rect, cardAnnotations.value(touchpoint.id));
        if (selected.contains(touchpoint.id))
            item->setSelected(true);
    }

    for (ConnectorItem *item : addConnectorItems(m->connectors)) {
        if (selectedLines.contains(item->connectorId()))
            item->setSelected(true);
    }

    for (const Annotation &annotation : m->annotations) {
        const QRectF rect = mLayout.noteRect(annotation.id);
        if (rect.isEmpty())
            continue;
        auto *note = new AnnotationNoteItem(annotation, rect);
        note->setFlag(QGraphicsItem::ItemIsSelectable);
        addItem(note);
        mNotes.append(note);
        if (selectedNotes.contains(annotation.id))
            note->setSelected(true);
    }

    mTitle = new MapTitleItem(*m, mLayout.cornerRect());
    mTitle->setZValue(titleZ);
    addItem(mTitle);
    for (QGraphicsRectItem **band : {&mStageBand, &mLaneBand}) {
        *band = new QGraphicsRectItem();
        (*band)->setPen(Qt::NoPen);
        (*band)->setBrush(canvasColor(palette()));
        addItem(*band);
    }
    mStageBand->setZValue(stageBandZ);
    mLaneBand->setZValue(laneBandZ);

    const QColor highlight = palette().color(QPalette::Highlight);
    mCellOutline = new QGraphicsRectItem();
    mCellOutline->setPen(QPen(highlight, 2, Qt::DashLine));
    mCellOutline->setZValue(cellOutlineZ);
    mCellOutline->setAcceptedMouseButtons(Qt::NoButton);
    addItem(mCellOutline);
    mMarker = new QGraphicsRectItem();
    mMarker->setPen(Qt::NoPen);
    mMarker->setBrush(highlight);
    mMarker->setZValue(markerZ);
    mMarker->setAcceptedMouseButtons(Qt::NoButton);
    addItem(mMarker);
    updateCellOutline();

    if (mEditor && !stageHeader(mEditedId) && !laneHeader(mEditedId) && !card(mEditedId))
        finishEditing(false);

    mPersonas->rebuild();
    mFarLayer->refresh();
    setSceneRect(mLayout.bounds());
    placeHeaders();
    update();
    qCDebug(lcCanvas) << "map" << m->name << "rebuilt with" << mCards.size() << "cards in"
                      << timer.elapsed() << "ms";
}

TouchpointCardItem *MapScene::addCardItem(const Touchpoint &touchpoint, const Lane &lane,
                                          const QRectF &rect, const QList<Annotation> &annotations)
{
    auto *item = new TouchpointCardItem(touchpoint, laneColor(lane), rect, cardLook(lane.kind));
    item->setAnnotations(annotations);
    addItem(item);
    mCards.insert(touchpoint.id, item);
    if (mHighlighted.contains(touchpoint.id))
        item->setHighlighted(true);
    mMetrics->decorate(item);
    return item;
}

QList<ConnectorItem *> MapScene::addConnectorItems(const QList<Connector> &connectors)
{
    QElapsedTimer timer;
    timer.start();
    const ConnectorRouter router(mLayout);
    const QList<QList<QPointF>> routes = router.routeAll(connectors);

    QList<ConnectorItem *> items;
    items.reserve(connectors.size());
    for (qsizetype i = 0; i < connectors.size(); ++i) {
        const Connector &connector = connectors.at(i);
        if (routes.at(i).size() < 2)
            continue; // a card in a hidden lane
        auto *item = new ConnectorItem(connector, routes.at(i));
        addItem(item);
        mConnectors.append(item);
        items.append(item);
        if (!connector.label.trimmed().isEmpty()) {
            auto *label = new ConnectorLabelItem(connector.label);
            const QPointF centre = router.labelCentre(routes.at(i), label->size());
            label->setCentre(centre);
            item->setLabelCentre(label->size(), centre);
            addItem(label);
            mConnectorLabels.append(label);
            mConnectorLabelOf.insert(connector.id, label);
        }
    }
    qCDebug(lcCanvas) << items.size() << "connectors routed in" << timer.nsecsElapsed() / 1000
                      << "µs";
    return items;
}

void MapScene::scheduleConnectorRouting()
{
    // Once the cards have been still for a moment: while they move, each step routes only
    // the lines it touches.
    if (!mRouteTimer) {
        mRouteTimer = new QTimer(this);
        mRouteTimer->setSingleShot(true);
        mRouteTimer->setInterval(150);
        connect(mRouteTimer, &QTimer::timeout, this, &MapScene::rerouteConnectors);
    }
    mRouteTimer->start();
}

void MapScene::rerouteConnectors()
{
    if (mRebuildPending)
        return; // the rebuild routes every line anyway
    if (mDrag.active || mMovesPending) {
        scheduleConnectorRouting();
        return;
    }
    QList<Connector> connectors;
    connectors.reserve(mConnectors.size());
    for (const ConnectorItem *item : std::as_const(mConnectors))
        connectors.append(item->connector());
    const ConnectorRouter router(mLayout);
    const QList<QList<QPointF>> routes = router.routeAll(connectors);
    for (qsizetype i = 0; i < mConnectors.size(); ++i) {
        if (routes.at(i).size() < 2)
            continue;
        mConnectors[i]->setPoints(routes.at(i));
        if (ConnectorLabelItem *label = mConnectorLabelOf.value(connectors.at(i).id)) {
            const QPointF centre = router.labelCentre(routes.at(i), label->size());
            label->setCentre(centre);
            mConnectors[i]->setLabelCentre(label->size(), centre);
        }
    }
}

void MapScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    // Far out, the canvas and the far layer on it are kept as one picture, which a repaint
    // at the same transform copies.
    const auto paintAll = [this](QPainter *to, const QRectF &area) {
        paintCanvas(to, area);
        paintRestingLines(to, area);
        mFarLayer->paint(to, area);
    };
    if (mFarLayer->paintKept(painter, rect, paintAll))
        return;
    paintCanvas(painter, rect);
    // The view that is painting says what it repaints: lines are stroked in that alone.
    // Anything else (the overview, an export) paints all of rect.
    const bool exposed = painter->device() && painter->device() == mExposedDevice &&
                         painter->worldTransform().type() <= QTransform::TxScale;
    paintRestingLines(painter, rect,
                      exposed ? sceneRects(mExposedRegion, painter) : QList<QRectF>());
    mFarLayer->paint(painter, rect);
}

void MapScene::setExposedRegion(const QPaintDevice *device, const QRegion &region)
{
    mExposedDevice = device;
    mExposedRegion = region;
}

QList<QRectF> MapScene::sceneRects(const QRegion &region, const QPainter *painter)
{
    // Rectangles of whole device pixels, as painting at this transform sees them.
    const QTransform toScene = painter->worldTransform().inverted();
    QList<QRectF> rects;
    rects.reserve(region.rectCount());
    for (const QRect &rect : region)
        rects.append(toScene.mapRect(QRectF(rect)));
    return rects;
}

void MapScene::paintCanvas(QPainter *painter, const QRectF &rect) const
{
    const QPalette pal = palette();
    painter->fillRect(rect, canvasColor(pal));

    const JourneyMap *m = map();
    if (!m)
        return;

    // Only the rows and columns that reach into the repainted area: a drag step at 100 %
    // repaints two cells of a map that may be fifty stages wide.
    const MapLayout::Span rows = mLayout.rowsIn(rect);
    const MapLayout::Span columns = mLayout.columnsIn(rect);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    for (qsizetype r = rows.first; r < rows.last; ++r) {
        painter->setBrush(rowColor(pal, int(r)));
        painter->drawRoundedRect(mLayout.rowBandRect(r, rect), 5, 5);
    }
    paintTints(painter, mLayout, *m, pal, rect);

    // Column rules stop short of the band edges, so the rows stay the stronger shape.
    painter->setPen(QPen(gridLineColor(pal), 1));
    for (qsizetype c = std::max<qsizetype>(columns.first, 1); c < columns.last; ++c) {
        const qreal x = mLayout.columns().at(c).x;
        for (qsizetype r = rows.first; r < rows.last; ++r) {
            const MapLayout::Row &row = mLayout.rows().at(r);
            painter->drawLine(QPointF(x, row.y + 8), QPointF(x, row.y + row.height - 8));
        }
    }
}

void MapScene::paintRestingLines(QPainter *painter, const QRectF &rect,
                                 const QList<QRectF> &areas) const
{
    // Far out the far layer draws them all.
    if (MapFarLayer::isFar(
            QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform())))
        return;
    // Beneath every item, as their own z-value (below the cards and the personas' paths)
    // would put them. A line dimmed by a persona's focus keeps its opacity.
    const QPalette pal = palette();
    const qreal opacity = painter->opacity();
    QList<QRectF> reached;
    for (const ConnectorItem *item : mConnectors) {
        // The scene places its lines without parents or transforms, at the origin, their
        // corners in scene coordinates: their boxes are where they are, found without the
        // work of sceneBoundingRect() for each of thousands.
        const QPointF offset = item->pos();
        const QRectF bounds = item->boundingRect().translated(offset);
        if (!bounds.intersects(rect) || !item->isDrawnByScene() || !item->isVisible())
            continue;
        reached.clear();
        if (areas.isEmpty()) {
            reached.append(rect.translated(-offset));
        } else {
            for (const QRectF &area : areas) {
                if (bounds.intersects(area))
                    reached.append(area.translated(-offset));
            }
            if (reached.isEmpty())
                continue;
        }
        painter->setOpacity(opacity * item->effectiveOpacity());
        painter->translate(offset);
        item->paintLine(painter, reached, pal);
        painter->translate(-offset);
    }
    painter->setOpacity(opacity);
}

void MapScene::setVisibleOrigin(const QPointF &origin)
{
    if (origin == mVisibleOrigin)
        return;
    mVisibleOrigin = origin;
    placeHeaders();
}

void MapScene::placeHeaders()
{
    // Where the map starts below or right of the view's edge the headers are where the
    // layout put them; once it is scrolled past, they stay at the edge and the cards pass
    // under them.
    const qreal top = std::max(Margin, mVisibleOrigin.y() + stickyInset);
    const qreal left = std::max(Margin, mVisibleOrigin.x() + stickyInset);
    for (StageHeaderItem *header : std::as_const(mStageHeaders))
        header->setY(top);
    for (LaneHeaderItem *header : std::as_const(mLaneHeaders))
        header->setX(left);
    if (mTitle)
        mTitle->setPos(left, top);
    mPersonas->setVisibleLeft(left + LaneHeaderWidth + HeaderGap / 2);

    const QRectF bounds = mLayout.bounds();
    if (mStageBand) {
        mStageBand->setRect(
            QRectF(QPointF(bounds.left(), top - Margin),
                   QPointF(bounds.right(), top + StageHeaderHeight + HeaderGap / 2)));
    }
    if (mLaneBand) {
        mLaneBand->setRect(
            QRectF(QPointF(left - Margin, bounds.top()),
                   QPointF(left + LaneHeaderWidth + HeaderGap / 2, bounds.bottom())));
    }
}

QGraphicsItem *MapScene::topItemAt(const QPointF &scenePos) const
{
    // Connector labels are small: a click on one means what is under it. The outline of the
    // selected cell, the drag marker and the line of a connector being drawn only show
    // things, and a card's annotation and flag markers are part of the card.
    const QList<QGraphicsItem *> hits = items(scenePos);
    for (QGraphicsItem *item : hits) {
        if (item == mCellOutline || item == mMarker || item == mConnectLine ||
            item == mReconnectLine || item->type() == ConnectorLabelItem::Type)
            continue;
        if ((item->type() == AnnotationMarkerItem::Type || item->type() == MetricsFlagItem::Type) &&
            item->parentItem())
            return item->parentItem();
        return item;
    }
    return nullptr;
}

void MapScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    ensureCurrent();
    endDrag();
    if (takePathEditClick(event))
        return;
    // A press on an end handle of a selected connector starts moving that end.
    if (event->button() == Qt::LeftButton && !mEditor && startReconnecting(event->scenePos())) {
        event->accept();
        return;
    }

    // Shift-click adds to or takes from the selection, as Ctrl-click does.
    if (event->modifiers() & Qt::ShiftModifier)
        event->setModifiers(event->modifiers() | Qt::ControlModifier);
    QGraphicsItem *item = topItemAt(event->scenePos());
    const bool onEditor = item && item->type() == InlineEditor::Type;

    // A press on a card's handle starts a connector rather than a drag or a selection.
    auto *handleCard = qgraphicsitem_cast<TouchpointCardItem *>(item);
    if (event->button() == Qt::LeftButton && handleCard && !mEditor &&
        handleCard->handleRect().contains(event->scenePos())) {
        endConnecting(event->scenePos(), false);
        mConnectFromId = handleCard->touchpointId();
        const QPointF start = handleCard->handleRect().center();
        mConnectLine = new QGraphicsLineItem(QLineF(start, event->scenePos()));
        mConnectLine->setPen(QPen(palette().color(QPalette::Highlight), 2, Qt::DashLine));
        mConnectLine->setZValue(connectLineZ);
        mConnectLine->setAcceptedMouseButtons(Qt::NoButton);
        addItem(mConnectLine);
        event->accept();
        return;
    }

    QGraphicsScene::mousePressEvent(event);
    if (event->button() != Qt::LeftButton || onEditor)
        return;

    // A press on a header may start a reorder or, on a stage's grip, a resize; taking the
    // press keeps the view from starting a rubber band.
    if (mHeaderGesture->press(item, event->scenePos())) {
        event->accept();
        return;
    }

    if (auto *pressed = qgraphicsitem_cast<TouchpointCardItem *>(item)) {
        mAnchorId = pressed->touchpointId();
        // A press on a selected card may start a drag of the whole selection; on another
        // card, the item selects it first (or, with Ctrl, toggles it on release).
        if (pressed->isSelected()) {
            mDrag.pending = true;
            mDrag.pressPos = event->scenePos();
        }
        return;
    }
    if (!item && !(event->modifiers() & Qt::ControlModifier))
        selectCell(mLayout.cellAt(event->scenePos()));
}

void MapScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (mReconnectLine) {
        QLineF line = mReconnectLine->line();
        line.setP2(event->scenePos());
        mReconnectLine->setLine(line);
        event->accept();
        return;
    }
    if (mConnectLine) {
        QLineF line = mConnectLine->line();
        line.setP2(event->scenePos());
        mConnectLine->setLine(line);
        event->accept();
        return;
    }
    if ((event->buttons() & Qt::LeftButton) && mHeaderGesture->move(event->scenePos())) {
        event->accept();
        return;
    }
    if (!mDrag.pending || !(event->buttons() & Qt::LeftButton)) {
        QGraphicsScene::mouseMoveEvent(event);
        return;
    }
    if (!mDrag.active) {
        const QPointF moved = event->scenePos() - mDrag.pressPos;
        if (moved.manhattanLength() < QApplication::startDragDistance()) {
            QGraphicsScene::mouseMoveEvent(event);
            return;
        }
        mDrag.ids = inReadingOrder(selectedTouchpoints());
        mDrag.active = !mDrag.ids.isEmpty() && mDocument;
        mDrag.gesture = ++mGestureCount;
        mDrag.stackIndex = mDocument ? mDocument->undoStack()->index() : 0;
        // The steps of the drag reach the working copy once, when it ends.
        if (mDrag.active)
            mDocument->holdWrites();
        for (const MapLayout::Row &row : mLayout.rows())
            mDrag.rowHeights.insert(row.laneId, row.height);
        qCDebug(lcCanvas) << "drag of" << mDrag.ids.size() << "cards, gesture" << mDrag.gesture;
    }
    updateDrag(event->scenePos());
    event->accept();
}

void MapScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (mReconnectLine) {
        endReconnecting(event->scenePos(), event->button() == Qt::LeftButton);
        event->accept();
        return;
    }
    if (mConnectLine) {
        endConnecting(event->scenePos(), event->button() == Qt::LeftButton);
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton && mHeaderGesture->release(event->scenePos())) {
        event->accept();
        return;
    }
    if (event->modifiers() & Qt::ShiftModifier)
        event->setModifiers(event->modifiers() | Qt::ControlModifier);
    const bool dragged = mDrag.active;
    if (dragged)
        updateDrag(event->scenePos());
    endDrag();
    // The card under the press still holds the mouse, unless a rebuild replaced it; it
    // changes the selection only when the mouse did not move.
    QGraphicsScene::mouseReleaseEvent(event);
    if (dragged)
        event->accept();
}

void MapScene::updateDrag(const QPointF &scenePos)
{
    ensureCurrent();
    const JourneyMap *m = map();
    const std::optional<MapLayout::Cell> cell = mLayout.cellAt(scenePos);
    if (!m || !cell || !mDocument)
        return; // over a header or a margin: the cards stay where they last went

    // The insertion index counts the cards of the cell that stay put and come before the
    // pointer in reading order: those on a line above it, and those left of it on its line.
    int index = 0;
    for (const Touchpoint *t : cellTouchpoints(*m, cell->stageId, cell->laneId)) {
        if (mDrag.ids.contains(t->id))
            continue;
        const QRectF rect = mLayout.cardRect(t->id);
        const bool lineAbove = scenePos.y() > rect.bottom() + CardGap / 2;
        const bool leftOnLine =
            scenePos.y() >= rect.top() - CardGap / 2 && scenePos.x() > rect.center().x();
        if (!lineAbove && !leftOnLine)
            break;
        ++index;
    }

    if (cell->stageId == mDrag.stageId && cell->laneId == mDrag.laneId && index == mDrag.index)
        return;
    mDrag.stageId = cell->stageId;
    mDrag.laneId = cell->laneId;
    mDrag.index = index;
    push(Commands::moveTouchpoints(mDocument, mDrag.ids, cell->stageId, cell->laneId, index,
                                   mDrag.gesture));
    // The cards move on the next turn of the event loop, once for a burst of moves, and
    // only when the landing place changes: with the cells they left and joined, and the
    // connectors attached to them (applyMoves()).
    updateCellOutline();
}

void MapScene::endConnecting(const QPointF &scenePos, bool commit)
{
    if (!mConnectLine)
        return;
    delete mConnectLine;
    mConnectLine = nullptr;
    const Id fromId = mConnectFromId;
    mConnectFromId = Id();
    if (!commit)
        return;

    ensureCurrent();
    auto *target = qgraphicsitem_cast<TouchpointCardItem *>(topItemAt(scenePos));
    if (target && target->touchpointId() != fromId)
        connectTouchpoints(fromId, target->touchpointId());
}

bool MapScene::startReconnecting(const QPointF &scenePos)
{
    const QList<QGraphicsItem *> selected = selectedItems();
    for (QGraphicsItem *selectedItem : selected) {
        auto *item = qgraphicsitem_cast<ConnectorItem *>(selectedItem);
        if (!item || item->points().size() < 2)
            continue;
        for (const ConnectorItem::End end : {ConnectorItem::End::To, ConnectorItem::End::From}) {
            // A little more than the handle drawn: it is small, and sits on a card's edge.
            if (!item->endHandleRect(end).adjusted(-3, -3, 3, 3).contains(scenePos))
                continue;
            mReconnectId = item->connectorId();
            mReconnectFrom = end == ConnectorItem::End::From;
            const QPointF fixed = mReconnectFrom ? item->points().last() : item->points().first();
            mReconnectLine = new QGraphicsLineItem(QLineF(fixed, scenePos));
            mReconnectLine->setPen(QPen(palette().color(QPalette::Highlight), 2, Qt::DashLine));
            mReconnectLine->setZValue(connectLineZ);
            mReconnectLine->setAcceptedMouseButtons(Qt::NoButton);
            addItem(mReconnectLine);
            return true;
        }
    }
    return false;
}

void MapScene::endReconnecting(const QPointF &scenePos, bool commit)
{
    if (!mReconnectLine)
        return;
    delete mReconnectLine;
    mReconnectLine = nullptr;
    const Id connectorId = std::exchange(mReconnectId, Id());
    if (!commit)
        return;

    ensureCurrent();
    const JourneyMap *m = map();
    const Connector *connector = m ? findById(m->connectors, connectorId) : nullptr;
    const TouchpointCardItem *target = cardAt(scenePos);
    if (!connector || !target)
        return;
    Id fromId = connector->fromId;
    Id toId = connector->toId;
    (mReconnectFrom ? fromId : toId) = target->touchpointId();
    reconnectConnector(connectorId, fromId, toId);
}

TouchpointCardItem *MapScene::cardAt(const QPointF &scenePos) const
{
    // Lines and labels lie over cards here and there: what counts is the card beneath.
    const QList<QGraphicsItem *> hits = items(scenePos);
    for (QGraphicsItem *item : hits) {
        if (item == mCellOutline || item == mMarker || item == mConnectLine ||
            item == mReconnectLine || item->type() == ConnectorItem::Type ||
            item->type() == ConnectorLabelItem::Type)
            continue;
        if ((item->type() == AnnotationMarkerItem::Type || item->type() == MetricsFlagItem::Type) &&
            item->parentItem())
            item = item->parentItem();
        return qgraphicsitem_cast<TouchpointCardItem *>(item);
    }
    return nullptr;
}

void MapScene::cancelDrag()
{
    // The steps of this drag merged into at most one command, on top of the stack.
    QUndoStack *stack = mDocument ? mDocument->undoStack() : nullptr;
    while (stack && stack->index() > mDrag.stackIndex)
        stack->undo();
    endDrag();
}

void MapScene::endDrag()
{
    const bool wasActive = mDrag.active;
    mDrag = Drag();
    mDragRouter.reset();
    if (wasActive) {
        if (mDocument)
            mDocument->releaseWrites();
        updateCellOutline();
    }
}

void MapScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    ensureCurrent();
    if (takePathEditClick(event))
        return;
    QGraphicsItem *item = topItemAt(event->scenePos());
    const bool onBand = item && (item == mStageBand || item == mLaneBand);
    if (event->button() != Qt::LeftButton || onBand ||
        (item && item->type() == InlineEditor::Type)) {
        QGraphicsScene::mouseDoubleClickEvent(event);
        return;
    }

    bool handled = false;
    if (mHeaderGesture->resetWidth(item, event->scenePos())) {
        handled = true;
    } else if (auto *card = qgraphicsitem_cast<TouchpointCardItem *>(item)) {
        handled = startRename(card->touchpointId());
    } else if (auto *stage = qgraphicsitem_cast<StageHeaderItem *>(item)) {
        handled = startRename(stage->stageId());
    } else if (auto *lane = qgraphicsitem_cast<LaneHeaderItem *>(item)) {
        handled = startRename(lane->laneId());
    } else if (auto *note = qgraphicsitem_cast<AnnotationNoteItem *>(item)) {
        editAnnotation(note->annotationId());
        handled = true;
    } else if (auto *line = qgraphicsitem_cast<ConnectorItem *>(item)) {
        editConnectorLabel(line->connectorId());
        handled = true;
    } else if (const std::optional<MapLayout::Cell> cell = mLayout.cellAt(event->scenePos())) {
        handled = addTouchpointAt(cell->stageId, cell->laneId);
    }

    if (handled)
        event->accept();
    else
        QGraphicsScene::mouseDoubleClickEvent(event);
}

void MapScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    std::unique_ptr<QMenu> menu = createContextMenu(event->scenePos());
    if (!menu) {
        QGraphicsScene::contextMenuEvent(event);
        return;
    }
    menu->exec(event->screenPos());
    event->accept();
}

void MapScene::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && mHeaderGesture->cancel()) {
        event->accept();
        return;
    }
    // While a path is edited, these keys belong to it.
    const Id pathPersona = mPersonas->pathEditPersona();
    if (!pathPersona.isNull() && !mEditor) {
        switch (event->key()) {
        case Qt::Key_Backspace:
        case Qt::Key_Delete:
            mPersonas->removeLastStep(pathPersona);
            event->accept();
            return;
        case Qt::Key_Escape:
        case Qt::Key_Return:
        case Qt::Key_Enter:
            mPersonas->stopPathEdit();
            event->accept();
            return;
        default:
            break;
        }
    }
    if (mDrag.active && event->key() == Qt::Key_Escape) {
        cancelDrag();
        event->accept();
        return;
    }
    if (mConnectLine && event->key() == Qt::Key_Escape) {
        endConnecting({}, false);
        event->accept();
        return;
    }
    if (mReconnectLine && event->key() == Qt::Key_Escape) {
        endReconnecting({}, false);
        event->accept();
        return;
    }
    if (mEditor && focusItem() == mEditor) {
        // A text item never sees Tab itself: the scene's handling of it stops short.
        if (event->key() == Qt::Key_Tab || event->key() == Qt::Key_Backtab) {
            event->key() == Qt::Key_Tab ? mEditor->commitWithTab() : mEditor->commit();
            event->accept();
            return;
        }
        QGraphicsScene::keyPressEvent(event);
        return;
    }

    ensureCurrent();
    const Qt::KeyboardModifiers commandKeys =
        Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier;
    const QString typed = event->text();
    if (mSelectedCell && selectedItems().isEmpty() && !(event->modifiers() & commandKeys) &&
        !typed.isEmpty() && typed.at(0).isPrint() && !typed.at(0).isSpace()) {
        if (typeIntoCell(*mSelectedCell, typed)) {
            event->accept();
            return;
        }
    }

    bool handled = false;
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down:
        handled = !(event->modifiers() & commandKeys) && stepSelection(event->key());
        break;
    default:
        break;
    }
    // The window's Edit menu has these as shortcuts; a view on its own takes them here.
    if (event->matches(QKeySequence::SelectAll)) {
        selectAll();
        handled = true;
    } else if (event->matches(QKeySequence::Copy)) {
        handled = copySelection();
    } else if (event->matches(QKeySequence::Cut)) {
        handled = cutSelection();
    } else if (event->matches(QKeySequence::Paste)) {
        handled = paste();
    }
    if (handled) {
        event->accept();
        return;
    }

    if (event->matches(QKeySequence::Delete) || event->key() == Qt::Key_Backspace) {
        if (removeSelection()) {
            event->accept();
            return;
        }
    } else if (event->key() == Qt::Key_F2) {
        const QList<Id> selected = selectedTouchpoints();
        if (selected.size() == 1 && startRename(selected.first())) {
            event->accept();
            return;
        }
    } else if (event->key() == Qt::Key_Escape && (!selectedItems().isEmpty() || mSelectedCell)) {
        clearSelection();
        selectCell(std::nullopt);
        event->accept();
        return;
    }
    QGraphicsScene::keyPressEvent(event);
}

bool MapScene::startRename(const Id &id)
{
    ensureCurrent();
    finishEditing(true);

    QRectF rect;
    QFont font;
    QString text;
    bool centred = false; // on a header's one line, rather than at the top of a card's title
    if (StageHeaderItem *header = stageHeader(id)) {
        rect = header->textRect();
        font = stageFont();
        text = header->name();
        centred = true;
    } else if (LaneHeaderItem *lane = laneHeader(id)) {
        rect = lane->textRect();
        font = laneFont();
        text = lane->name();
    } else if (TouchpointCardItem *item = card(id)) {
        rect = item->titleRect();
        font = cardTitleFont();
        text = item->title();
    } else {
        return false;
    }

    mEditor = new InlineEditor(text, font, rect.width());
    mEditedId = id;
    mEditedAddition = nullptr;
    addItem(mEditor);

    // The text item adds a margin round its text: take it back so that the name being
    // edited stays where it was drawn.
    const qreal margin = mEditor->document()->documentMargin();
    const qreal lineHeight = QFontMetricsF(font).height();
    const qreal top = centred ? rect.center().y() - lineHeight / 2 : rect.top();
    mEditor->setTextWidth(rect.width() + 2 * margin);
    mEditor->setPos(rect.left() - margin, top - margin);

    connect(mEditor, &InlineEditor::committed, this, &MapScene::onEditorCommitted);
    connect(mEditor, &InlineEditor::cancelled, this, [this] { finishEditing(false); });
    mEditor->setFocus(Qt::OtherFocusReason);
    return true;
}

void MapScene::finishEditing(bool commit)
{
    InlineEditor *editor = mEditor;
    if (!editor)
        return;
    mEditor = nullptr;
    const Id id = mEditedId;
    mEditedId = Id();
    const QUndoCommand *addition = mEditedAddition;
    mEditedAddition = nullptr;
    const QString text = editor->text();

    // This may run inside one of the editor's own event handlers: it goes on the next turn.
    disconnect(editor, nullptr, this, nullptr);
    editor->hide();
    editor->deleteLater();

    if (commit && !text.isEmpty()) {
        pushRename(id, text);
        return;
    }

    // Escape on a card made for this edit means it was not wanted after all. Undo takes it
    // away without a trace, as long as nothing came after it.
    QUndoStack *stack = mDocument ? mDocument->undoStack() : nullptr;
    if (!commit && addition && stack) {
        if (stack->index() > 0 && stack->command(stack->index() - 1) == addition)
            stack->undo();
        else
            push(Commands::removeTouchpoints(mDocument, {id}));
    }
}

void MapScene::onEditorCommitted()
{
    const bool tab = mEditor && mEditor->endedWithTab();
    const Id id = mEditedId;
    finishEditing(true);
    if (tab)
        advanceFromCard(id);
}

bool MapScene::advanceFromCard(const Id &touchpointId)
{
    const JourneyMap *m = map();
    const Touchpoint *t = m ? findById(m->touchpoints, touchpointId) : nullptr;
    if (!t)
        return false;
    const Id laneId = t->laneId;

    // The next card along the lane: later in this cell, or in a later stage's cell.
    const qsizetype stageIndex = indexOfId(m->stages, t->stageId);
    for (qsizetype s = stageIndex; s < m->stages.size(); ++s) {
        for (const Touchpoint *next : cellTouchpoints(*m, m->stages.at(s).id, laneId)) {
            if (s == stageIndex && next->order <= t->order)
                continue;
            const Id nextId = next->id;
            selectTouchpoints({nextId});
            return startRename(nextId);
        }
    }

    // At the lane's end a new card goes into the next stage's cell, or at the last stage
    // after this card.
    const Id stageId =
        stageIndex + 1 < m->stages.size() ? m->stages.at(stageIndex + 1).id : t->stageId;
    return addTouchpointAt(stageId, laneId);
}

bool MapScene::push(std::unique_ptr<QUndoCommand> command)
{
    if (!command || !mDocument)
        return false;
    mDocument->push(command.release());
    return true;
}

bool MapScene::pushRename(const Id &id, const QString &name)
{
    const JourneyMap *m = map();
    if (!m)
        return false;
    if (indexOfId(m->stages, id) >= 0)
        return push(Commands::renameStage(mDocument, id, name));
    if (indexOfId(m->lanes, id) >= 0)
        return push(Commands::renameLane(mDocument, id, name));
    if (indexOfId(m->touchpoints, id) >= 0)
        return push(Commands::setTouchpointTitle(mDocument, id, name));
    return false;
}

bool MapScene::addTouchpointAt(const Id &stageId, const Id &laneId)
{
    const JourneyMap *m = map();
    if (!m)
        return false;

    Touchpoint touchpoint;
    touchpoint.id = newId();
    touchpoint.stageId = stageId;
    touchpoint.laneId = laneId;
    touchpoint.order = int(cellTouchpoints(*m, stageId, laneId).size());
    touchpoint.title = tr("New touchpoint");
    if (!push(Commands::addTouchpoint(mDocument, mMapId, touchpoint)))
        return false;
    const QUndoCommand *addition =
        mDocument->undoStack()->command(mDocument->undoStack()->index() - 1);

    // A new card is nearly always named straight away.
    selectTouchpoints({touchpoint.id});
    if (startRename(touchpoint.id))
        mEditedAddition = addition;
    return true;
}

bool MapScene::typeIntoCell(const MapLayout::Cell &cell, const QString &text)
{
    const JourneyMap *m = map();
    if (!m || !mDocument)
        return false;

    Touchpoint touchpoint;
    touchpoint.id = newId();
    touchpoint.stageId = cell.stageId;
    touchpoint.laneId = cell.laneId;
    touchpoint.order = int(cellTouchpoints(*m, cell.stageId, cell.laneId).size());
    touchpoint.title = text;
    if (!push(Commands::addTouchpoint(mDocument, mMapId, touchpoint)))
        return false;
    const QUndoCommand *addition =
        mDocument->undoStack()->command(mDocument->undoStack()->index() - 1);

    selectTouchpoints({touchpoint.id});
    if (!startRename(touchpoint.id))
        return true;
    mEditedAddition = addition;
    mEditor->moveCursorToEnd();
    return true;
}

bool MapScene::addStage(int index)
{
    Stage stage;
    stage.id = newId();
    stage.name = tr("New stage");
    if (!push(Commands::addStage(mDocument, mMapId, index, stage)))
        return false;
    startRename(stage.id);
    return true;
}

bool MapScene::removeStage(const Id &stageId)
{
    return push(Commands::removeStage(mDocument, stageId));
}

bool MapScene::addLane(int index)
{
    Lane lane;
    lane.id = newId();
    lane.name = tr("New lane");
    lane.kind = LaneKind::Touchpoints;
    if (!push(Commands::addLane(mDocument, mMapId, index, lane)))
        return false;
    startRename(lane.id);
    return true;
}

bool MapScene::setLaneHidden(const Id &laneId, bool hidden)
{
    return push(Commands::setLaneHidden(mDocument, laneId, hidden));
}

bool MapScene::removeLane(const Id &laneId)
{
    return push(Commands::removeLane(mDocument, laneId));
}

bool MapScene::removeSelectedTouchpoints()
{
    const QList<Id> ids = selectedTouchpoints();
    if (ids.isEmpty())
        return false;
    return push(Commands::removeTouchpoints(mDocument, ids));
}

bool MapScene::copySelection()
{
    const JourneyMap *m = map();
    const QList<Id> ids = inReadingOrder(selectedTouchpoints());
    if (!m || ids.isEmpty())
        return false;

    const Fragment fragment = Fragments::select(*m, ids);
    QStringList titles;
    for (const Id &id : ids) {
        if (const Touchpoint *t = findById(m->touchpoints, id))
            titles.append(t->title.simplified());
    }
    auto *data = new QMimeData();
    data->setData(QString::fromLatin1(Fragments::MimeType), Fragments::encode(fragment));
    data->setText(titles.join(u'\n'));
    QGuiApplication::clipboard()->setMimeData(data);
    return true;
}

bool MapScene::cutSelection()
{
    const QList<Id> ids = selectedTouchpoints();
    if (!mDocument || !copySelection())
        return false;
    Commands::Command remove = Commands::removeTouchpoints(mDocument, ids);
    if (!remove)
        return false;
    QUndoStack *stack = mDocument->undoStack();
    stack->beginMacro(tr("Cut %n Touchpoint(s)", "", int(ids.size())));
    push(std::move(remove));
    stack->endMacro();
    return true;
}

bool MapScene::canPaste() const
{
    const QMimeData *data = QGuiApplication::clipboard()->mimeData();
    if (!data || !map())
        return false;
    return data->hasFormat(QString::fromLatin1(Fragments::MimeType)) ||
           (data->hasText() && !data->text().trimmed().isEmpty());
}

bool MapScene::paste()
{
    const QMimeData *data = QGuiApplication::clipboard()->mimeData();
    const QString type = QString::fromLatin1(Fragments::MimeType);
    if (!data || !data->hasFormat(type)) {
        if (data && data->hasText())
            return pasteText(data->text());
        emit message(tr("The clipboard holds no Waymark touchpoints to paste."));
        return false;
    }

    QString error;
    const std::optional<Fragment> fragment = Fragments::decode(data->data(type), &error);
    if (!fragment) {
        qCWarning(lcCanvas) << "refused clipboard data:" << error;
        emit message(tr("Nothing was pasted: %1").arg(error));
        return false;
    }
    return insertFragment(*fragment, true);
}

bool MapScene::pasteText(const QString &text)
{
    // A list of titles: a spreadsheet's column (of a wider selection, the first column), the
    // lines of a document or an email. Each line that is not blank becomes a card.
    QStringList titles;
    const QStringList lines = QString(text).replace(u"\r\n"_s, u"\n"_s).split(u'\n');
    for (const QString &line : lines) {
        const QString title = line.section(u'\t', 0, 0).trimmed();
        if (!title.isEmpty())
            titles.append(title);
    }
    if (titles.isEmpty()) {
        emit message(tr("The clipboard holds no text or touchpoints to paste."));
        return false;
    }
    // More than this is a whole document pasted by mistake, not a list of touchpoints.
    constexpr qsizetype maxCards = 500;
    const qsizetype count = titles.size();
    if (count > maxCards)
        titles.resize(maxCards);

    const JourneyMap *m = map();
    std::optional<MapLayout::Cell> target = pasteTarget();
    if (!target && !mLayout.columns().isEmpty() && !mLayout.rows().isEmpty())
        target = MapLayout::Cell{mLayout.columns().first().stageId, mLayout.rows().first().laneId};
    if (!m || !target)
        return false;

    Fragment fragment;
    for (const QString &title : std::as_const(titles)) {
        Touchpoint touchpoint;
        touchpoint.id = newId();
        touchpoint.stageId = target->stageId;
        touchpoint.laneId = target->laneId;
        touchpoint.order = int(fragment.touchpoints.size());
        touchpoint.title = title;
        fragment.touchpoints.append(touchpoint);
    }
    selectCell(target);
    if (!insertFragment(fragment, true))
        return false;
    if (count > maxCards) {
        emit message(
            tr("Pasted the first %1 of %2 lines as touchpoints.").arg(maxCards).arg(count));
    }
    return true;
}

bool MapScene::duplicateSelection()
{
    const JourneyMap *m = map();
    const QList<Id> ids = inReadingOrder(selectedTouchpoints());
    if (!m || ids.isEmpty())
        return false;
    // The copies go after the last card of each original's own cell.
    return insertFragment(Fragments::select(*m, ids), false,
                          tr("Duplicate %n Touchpoint(s)", "", int(ids.size())));
}

std::optional<MapLayout::Cell> MapScene::pasteTarget() const
{
    if (mSelectedCell)
        return mSelectedCell;
    const QList<Id> selected = inReadingOrder(selectedTouchpoints());
    const JourneyMap *m = map();
    const Touchpoint *t =
        m && !selected.isEmpty() ? findById(m->touchpoints, selected.first()) : nullptr;
    if (!t)
        return std::nullopt;
    return MapLayout::Cell{t->stageId, t->laneId};
}

bool MapScene::insertFragment(const Fragment &fragment, bool intoSelection, const QString &text)
{
    if (!mDocument || !map())
        return false;
    const Fragment fresh = Fragments::withNewIds(fragment);
    const std::optional<MapLayout::Cell> target =
        intoSelection ? pasteTarget() : std::optional<MapLayout::Cell>();
    Commands::Command command = Commands::pasteFragment(
        mDocument, mMapId, fresh, target ? target->stageId : Id(), target ? target->laneId : Id());
    if (command && !text.isEmpty())
        command->setText(text);
    if (!push(std::move(command))) {
        emit message(tr("There was nothing to paste into this map."));
        return false;
    }

    QList<Id> added;
    for (const Touchpoint &t : fresh.touchpoints)
        added.append(t.id);
    selectTouchpoints(added);

    // What was pasted is where the person looks next, though it may be off screen.
    if (TouchpointCardItem *first = added.isEmpty() ? nullptr : card(added.first())) {
        for (QGraphicsView *view : views())
            view->ensureVisible(first, 24, 24);
    }
    return true;
}

std::unique_ptr<QMenu> MapScene::createContextMenu(const QPointF &scenePos)
{
    ensureCurrent();
    if (!map())
        return nullptr;

    QGraphicsItem *item = topItemAt(scenePos);
    if (item && (item->type() == InlineEditor::Type || item == mStageBand || item == mLaneBand))
        return nullptr;

    auto menu = std::make_unique<QMenu>();
    if (auto *stage = qgraphicsitem_cast<StageHeaderItem *>(item)) {
        addStageMenu(menu.get(), stage->stageId());
    } else if (auto *lane = qgraphicsitem_cast<LaneHeaderItem *>(item)) {
        addLaneMenu(menu.get(), lane->laneId());
    } else if (auto *card = qgraphicsitem_cast<TouchpointCardItem *>(item)) {
        // A right click on a card outside the selection acts on that card alone.
        if (!card->isSelected()) {
            clearSelection();
            card->setSelected(true);
        }
        addCardMenu(menu.get(), card->touchpointId());
    } else if (auto *note = qgraphicsitem_cast<AnnotationNoteItem *>(item)) {
        addNoteMenu(menu.get(), note->annotationId());
    } else if (auto *line = qgraphicsitem_cast<ConnectorItem *>(item)) {
        if (!line->isSelected()) {
            clearSelection();
            line->setSelected(true);
        }
        addConnectorMenu(menu.get(), line->connectorId());
    } else if (const std::optional<MapLayout::Cell> cell = mLayout.cellAt(scenePos)) {
        QAction *add = menu->addAction(tr("New Touchpoint Here"), this, [this, cell = *cell] {
            addTouchpointAt(cell.stageId, cell.laneId);
        });
        add->setObjectName(u"newTouchpoint"_s);
        QAction *pasteHere = menu->addAction(tr("Paste Here"), this, [this, cell = *cell] {
            selectCell(cell);
            paste();
        });
        pasteHere->setObjectName(u"pasteHere"_s);
        pasteHere->setEnabled(canPaste());
        menu->addSeparator();
        addAnnotationActions(menu.get(), Id(), *cell);
    } else {
        return nullptr;
    }
    return menu;
}

void MapScene::addStageMenu(QMenu *menu, const Id &stageId)
{
    const JourneyMap *m = map();
    const int index = int(indexOfId(m->stages, stageId));

    menu->addAction(tr("Rename"), this, [this, stageId] { startRename(stageId); })
        ->setObjectName(u"renameStage"_s);
    addColorMenu(menu, u"stage"_s, m->stages.at(index).color,
                 [this, stageId](const QColor &color) { return setStageColor(stageId, color); });
    menu->addSeparator();
    menu->addAction(tr("Add Stage Before"), this, [this, index] { addStage(index); })
        ->setObjectName(u"addStageBefore"_s);
    menu->addAction(tr("Add Stage After"), this, [this, index] { addStage(index + 1); })
        ->setObjectName(u"addStageAfter"_s);
    menu->addSeparator();
    QAction *remove =
        menu->addAction(tr("Delete Stage"), this, [this, stageId] { removeStage(stageId); });
    remove->setObjectName(u"deleteStage"_s);
    // A map keeps at least one stage, or nothing would be left to right-click.
    remove->setEnabled(m->stages.size() > 1);
}

void MapScene::addColorMenu(QMenu *menu, const QString &prefix, const QColor &current,
                            const std::function<bool(const QColor &)> &apply)
{
    // Object names such as "stageColor-teal", "laneColorCustom" let tests find the actions.
    QMenu *colors = menu->addMenu(tr("Colour"));
    colors->setObjectName(prefix + u"ColorMenu"_s);
    for (const NamedColor &named : namedColors()) {
        QAction *action = colors->addAction(swatchIcon(named.color), named.name, this,
                                            [apply, color = named.color] { apply(color); });
        action->setObjectName(prefix + u"Color-"_s + named.key);
        action->setCheckable(true);
        action->setChecked(current == named.color);
    }
    colors->addSeparator();
    colors
        ->addAction(tr("Custom…"), this,
                    [this, apply, current] {
                        const QColor color =
                            QColorDialog::getColor(current.isValid() ? current : QColor(0x3b6ea8),
                                                   dialogParent(), tr("Choose a Colour"));
                        if (color.isValid())
                            apply(color);
                    })
        ->setObjectName(prefix + u"ColorCustom"_s);
    QAction *reset = colors->addAction(tr("Default"), this, [apply] { apply(QColor()); });
    reset->setObjectName(prefix + u"ColorDefault"_s);
    reset->setEnabled(current.isValid());
}

bool MapScene::setStageColor(const Id &stageId, const QColor &color)
{
    return mDocument && push(Commands::setStageColor(mDocument, stageId, color));
}

bool MapScene::setLaneColor(const Id &laneId, const QColor &color)
{
    return mDocument && push(Commands::setLaneColor(mDocument, laneId, color));
}

void MapScene::addLaneMenu(QMenu *menu, const Id &laneId)
{
    const JourneyMap *m = map();
    const int index = int(indexOfId(m->lanes, laneId));
    const bool lastVisible = visibleLaneCount(*m) <= 1;

    menu->addAction(tr("Rename"), this, [this, laneId] { startRename(laneId); })
        ->setObjectName(u"renameLane"_s);
    addColorMenu(menu, u"lane"_s, m->lanes.at(index).color,
                 [this, laneId](const QColor &color) { return setLaneColor(laneId, color); });
    menu->addSeparator();
    menu->addAction(tr("Add Lane Below"), this, [this, index] { addLane(index + 1); })
        ->setObjectName(u"addLaneBelow"_s);
    QAction *hide =
        menu->addAction(tr("Hide Lane"), this, [this, laneId] { setLaneHidden(laneId, true); });
    hide->setObjectName(u"hideLane"_s);
    hide->setEnabled(!lastVisible);

    QMenu *show = menu->addMenu(tr("Show Hidden Lane"));
    show->setObjectName(u"showLane"_s);
    for (const Lane &lane : m->lanes) {
        if (!lane.hidden)
            continue;
        const Id id = lane.id;
        QString text = lane.name;
        show->addAction(text.replace(u'&', u"&&"_s), this,
                        [this, id] { setLaneHidden(id, false); });
    }
    show->setEnabled(!show->isEmpty());

    menu->addSeparator();
    QAction *remove =
        menu->addAction(tr("Delete Lane"), this, [this, laneId] { removeLane(laneId); });
    remove->setObjectName(u"deleteLane"_s);
    remove->setEnabled(!lastVisible);
}

void MapScene::addCardMenu(QMenu *menu, const Id &touchpointId)
{
    const qsizetype count = selectedTouchpoints().size();
    QAction *rename =
        menu->addAction(tr("Rename"), this, [this, touchpointId] { startRename(touchpointId); });
    rename->setObjectName(u"renameTouchpoint"_s);
    rename->setEnabled(count == 1);
    menu->addSeparator();
    addAnnotationActions(menu, touchpointId, std::nullopt);
    mPersonas->addCardMenu(menu, touchpointId);
    menu->addSeparator();
    menu->addAction(tr("Cut"), this, [this] { cutSelection(); })->setObjectName(u"cut"_s);
    menu->addAction(tr("Copy"), this, [this] { copySelection(); })->setObjectName(u"copy"_s);
    menu->addAction(tr("Duplicate"), this, [this] { duplicateSelection(); })
        ->setObjectName(u"duplicate"_s);
    menu->addSeparator();
    const QString text =
        count == 1 ? tr("Delete Touchpoint") : tr("Delete %n Touchpoints", "", int(count));
    QAction *remove = menu->addAction(text, this, [this] { removeSelectedTouchpoints(); });
    remove->setObjectName(u"deleteTouchpoints"_s);
}

void MapScene::addAnnotationActions(QMenu *menu, const Id &touchpointId,
                                    const std::optional<MapLayout::Cell> &cell)
{
    const struct
    {
        AnnotationKind kind;
        QString text;
        QString name;
    } entries[] = {
        {AnnotationKind::PainPoint, tr("Add Pain Point…"), u"addPainPoint"_s},
        {AnnotationKind::Opportunity, tr("Add Opportunity…"), u"addOpportunity"_s},
        {AnnotationKind::Comment, tr("Add Comment…"), u"addComment"_s},
    };
    for (const auto &entry : entries) {
        const AnnotationKind kind = entry.kind;
        menu->addAction(
                entry.text, this,
                [this, kind, touchpointId, cell] { askForAnnotation(kind, touchpointId, cell); })
            ->setObjectName(entry.name);
    }
}

void MapScene::addNoteMenu(QMenu *menu, const Id &annotationId)
{
    const JourneyMap *m = map();
    const Annotation *annotation = findById(m->annotations, annotationId);
    if (!annotation)
        return;

    menu->addAction(tr("Edit…"), this, [this, annotationId] { editAnnotation(annotationId); })
        ->setObjectName(u"editAnnotation"_s);
    if (annotation->kind != AnnotationKind::Comment) {
        QMenu *severity = menu->addMenu(
            annotation->kind == AnnotationKind::PainPoint ? tr("Severity") : tr("Priority"));
        severity->setObjectName(u"annotationSeverity"_s);
        for (int value = 1; value <= 5; ++value) {
            QAction *action =
                severity->addAction(QString::number(value), this, [this, annotationId, value] {
                    setAnnotationSeverity(annotationId, value);
                });
            action->setCheckable(true);
            action->setChecked(annotation->severity == value);
        }
    }
    menu->addSeparator();
    menu->addAction(tr("Delete"), this, [this, annotationId] { removeAnnotation(annotationId); })
        ->setObjectName(u"deleteAnnotation"_s);
}

void MapScene::addConnectorMenu(QMenu *menu, const Id &connectorId)
{
    const JourneyMap *m = map();
    const Connector *connector = findById(m->connectors, connectorId);
    if (!connector)
        return;

    menu->addAction(tr("Edit Label…"), this,
                    [this, connectorId] { editConnectorLabel(connectorId); })
        ->setObjectName(u"editConnectorLabel"_s);
    QAction *reverse = menu->addAction(tr("Reverse Direction"), this,
                                       [this, connectorId] { reverseConnector(connectorId); });
    reverse->setObjectName(u"reverseConnector"_s);
    // Both ways or no way at all reads the same backwards.
    reverse->setEnabled(connector->direction == ConnectorDirection::Forward ||
                        connector->direction == ConnectorDirection::Backward);
    menu->addSeparator();
    const QList<Id> selected = selectedConnectors();
    const QList<Id> ids = selected.contains(connectorId) ? selected : QList<Id>{connectorId};
    menu->addAction(tr("Delete"), this, [this, ids] { removeConnectors(ids); })
        ->setObjectName(u"deleteConnector"_s);
}

QWidget *MapScene::dialogParent() const
{
    const QList<QGraphicsView *> all = views();
    return all.isEmpty() ? nullptr : all.first()->window();
}

void MapScene::askForAnnotation(AnnotationKind kind, const Id &touchpointId,
                                const std::optional<MapLayout::Cell> &cell)
{
    AnnotationDialog dialog(kind, dialogParent());
    if (dialog.exec() != QDialog::Accepted)
        return;

    Annotation annotation;
    annotation.kind = kind;
    annotation.touchpointId = touchpointId;
    if (touchpointId.isNull() && cell) {
        annotation.stageId = cell->stageId;
        annotation.laneId = cell->laneId;
    }
    annotation.text = dialog.text();
    annotation.severity = dialog.severity();
    addAnnotation(annotation);
}

void MapScene::editAnnotation(const Id &annotationId)
{
    const JourneyMap *m = map();
    const Annotation *annotation = m ? findById(m->annotations, annotationId) : nullptr;
    if (!annotation)
        return;

    AnnotationDialog dialog(annotation->kind, dialogParent());
    dialog.setText(annotation->text);
    dialog.setSeverity(annotation->severity);
    if (dialog.exec() != QDialog::Accepted)
        return;

    // Text and severity edited together are one step.
    std::vector<Commands::Command> commands;
    commands.push_back(Commands::setAnnotationText(mDocument, annotationId, dialog.text()));
    if (dialog.severity() > 0) {
        commands.push_back(
            Commands::setAnnotationSeverity(mDocument, annotationId, dialog.severity()));
    }
    pushAll(std::move(commands), tr("Edit Annotation"));
}

void MapScene::editConnectorLabel(const Id &connectorId)
{
    const JourneyMap *m = map();
    const Connector *connector = m ? findById(m->connectors, connectorId) : nullptr;
    if (!connector)
        return;

    bool ok = false;
    const QString label =
        QInputDialog::getText(dialogParent(), tr("Connector Label"), tr("&Label:"),
                              QLineEdit::Normal, connector->label, &ok);
    if (ok)
        setConnectorLabel(connectorId, label.trimmed());
}

bool MapScene::pushAll(std::vector<std::unique_ptr<QUndoCommand>> commands, const QString &text)
{
    std::erase_if(commands, [](const auto &command) { return !command; });
    if (commands.empty() || !mDocument)
        return false;
    if (commands.size() == 1)
        return push(std::move(commands.front()));

    QUndoStack *stack = mDocument->undoStack();
    stack->beginMacro(text);
    for (auto &command : commands)
        push(std::move(command));
    stack->endMacro();
    return true;
}

QString MapScene::authorName()
{
    const QString configured = QSettings().value(u"author"_s).toString().trimmed();
    if (!configured.isEmpty())
        return configured;
    return qEnvironmentVariable("USER");
}

bool MapScene::addAnnotation(const Annotation &annotation)
{
    if (!mDocument || !map())
        return false;
    Annotation complete = annotation;
    if (complete.id.isNull())
        complete.id = newId();
    if (complete.author.isEmpty())
        complete.author = authorName();
    if (!complete.created.isValid())
        complete.created = QDateTime::currentDateTimeUtc();
    return push(Commands::addAnnotation(mDocument, mMapId, complete));
}

bool MapScene::setAnnotationText(const Id &annotationId, const QString &text)
{
    return push(Commands::setAnnotationText(mDocument, annotationId, text));
}

bool MapScene::setAnnotationSeverity(const Id &annotationId, int severity)
{
    return push(Commands::setAnnotationSeverity(mDocument, annotationId, severity));
}

bool MapScene::removeAnnotation(const Id &annotationId)
{
    return push(Commands::removeAnnotation(mDocument, annotationId));
}

bool MapScene::removeSelection()
{
    if (removeSelectedTouchpoints())
        return true;

    const QList<Id> lines = selectedConnectors();
    const QList<Id> notes = selectedAnnotations();
    std::vector<Commands::Command> commands;
    for (const Id &id : lines)
        commands.push_back(Commands::removeConnector(mDocument, id));
    for (const Id &id : notes)
        commands.push_back(Commands::removeAnnotation(mDocument, id));
    const int count = int(lines.size() + notes.size());
    const QString text = notes.isEmpty() ? tr("Delete %n Connector(s)", "", count)
                                         : tr("Delete %n Item(s)", "", count);
    return pushAll(std::move(commands), text);
}

void MapScene::setPersonaVisible(const Id &personaId, bool visible)
{
    ensureCurrent();
    mFarLayer->invalidate();
    mPersonas->setPersonaVisible(personaId, visible);
}

void MapScene::setFocusPersona(const Id &personaId)
{
    ensureCurrent();
    mFarLayer->invalidate();
    mPersonas->setFocusPersona(personaId);
}

void MapScene::setCompareWithFutureState(bool compare)
{
    ensureCurrent();
    mFarLayer->invalidate();
    mPersonas->setComparing(compare);
}

bool MapScene::takePathEditClick(QGraphicsSceneMouseEvent *event)
{
    // A click on a card adds it to the path being edited; other clicks do nothing, so that a
    // slip beside a card neither selects nor moves anything.
    const Id personaId = mPersonas->pathEditPersona();
    if (personaId.isNull() || event->button() != Qt::LeftButton || mEditor)
        return false;
    if (auto *item = qgraphicsitem_cast<TouchpointCardItem *>(topItemAt(event->scenePos())))
        mPersonas->appendToPath(personaId, item->touchpointId());
    event->accept();
    return true;
}

bool MapScene::connectTouchpoints(const Id &fromId, const Id &toId)
{
    if (fromId == toId)
        return false;
    Connector connector;
    connector.id = newId();
    connector.fromId = fromId;
    connector.toId = toId;
    connector.direction = ConnectorDirection::Forward;
    return push(Commands::addConnector(mDocument, mMapId, connector));
}

bool MapScene::reconnectConnector(const Id &connectorId, const Id &fromId, const Id &toId)
{
    const JourneyMap *m = map();
    if (!m || fromId == toId)
        return false;
    // A second line between the same two cards would lie on top of the first.
    const bool joined =
        std::any_of(m->connectors.cbegin(), m->connectors.cend(), [&](const Connector &c) {
            return c.id != connectorId && ((c.fromId == fromId && c.toId == toId) ||
                                           (c.fromId == toId && c.toId == fromId));
        });
    if (joined) {
        emit message(tr("Those touchpoints are already connected."));
        return false;
    }
    return push(Commands::setConnectorEnds(mDocument, connectorId, fromId, toId));
}

bool MapScene::removeConnectors(const QList<Id> &connectorIds)
{
    std::vector<Commands::Command> commands;
    for (const Id &id : connectorIds)
        commands.push_back(Commands::removeConnector(mDocument, id));
    return pushAll(std::move(commands), tr("Delete %n Connector(s)", "", int(connectorIds.size())));
}

bool MapScene::reverseConnector(const Id &connectorId)
{
    const JourneyMap *m = map();
    const Connector *connector = m ? findById(m->connectors, connectorId) : nullptr;
    if (!connector)
        return false;
    ConnectorDirection direction = connector->direction;
    if (direction == ConnectorDirection::Forward)
        direction = ConnectorDirection::Backward;
    else if (direction == ConnectorDirection::Backward)
        direction = ConnectorDirection::Forward;
    return push(Commands::setConnectorDirection(mDocument, connectorId, direction));
}

bool MapScene::setConnectorLabel(const Id &connectorId, const QString &label)
{
    return push(Commands::setConnectorLabel(mDocument, connectorId, label));
}

} // namespace Waymark
