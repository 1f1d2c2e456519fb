#include "mapscene.h"

#include "annotationdialog.h"
#include "annotationitems.h"
#include "canvaslogging.h"
#include "changeevent.h"
#include "commands.h"
#include "connectoritem.h"
#include "document.h"
#include "fragments/fragment.h"
#include "inlineeditor.h"
#include "laneheaderitem.h"
#include "lookup.h"
#include "mapstyle.h"
#include "maptitleitem.h"
#include "stageheaderitem.h"
#include "touchpointcarditem.h"

#include <QApplication>
#include <QClipboard>
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
    connect(document, &Document::changed, this, &MapScene::onDocumentChanged);
    connect(document, &Document::reset, this, &MapScene::onDocumentReset);
    // Selecting cards ends the selection of an empty cell: one or the other is current.
    connect(this, &QGraphicsScene::selectionChanged, this, [this] {
        if (!selectedItems().isEmpty())
            selectCell(std::nullopt);
    });
    rebuild();
}

MapScene::~MapScene()
{
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

bool MapScene::selectNeighbour(int key)
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
        if (item == current || !inLine)
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

void MapScene::onDocumentChanged(const ChangeEvent &event)
{
    const bool ours =
        event.mapId == mMapId || (event.entity == EntityKind::Map && event.id == mMapId);
    if (!ours)
        return;
    if (!mRebuildPending && updateInPlace(event))
        return;
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

void MapScene::scheduleRebuild()
{
    if (mRebuildPending)
        return;
    mRebuildPending = true;
    QTimer::singleShot(0, this, &MapScene::ensureCurrent);
}

void MapScene::ensureCurrent()
{
    if (mRebuildPending)
        rebuild();
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
    qDeleteAll(mConnectorLabels);
    mConnectorLabels.clear();
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
    mRebuildPending = false;
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
        auto *item = new TouchpointCardItem(touchpoint, laneColor(*lane), rect);
        item->setAnnotations(cardAnnotations.value(touchpoint.id));
        addItem(item);
        mCards.insert(touchpoint.id, item);
        if (selected.contains(touchpoint.id))
            item->setSelected(true);
        if (mHighlighted.contains(touchpoint.id))
            item->setHighlighted(true);
    }

    const QList<QRectF> cardRects = mLayout.cards().values();
    for (const Connector &connector : m->connectors) {
        const QRectF from = mLayout.cardRect(connector.fromId);
        const QRectF to = mLayout.cardRect(connector.toId);
        if (from.isEmpty() || to.isEmpty())
            continue;

        // Only cards near the line can be in its way or its label's.
        const QRectF near =
            from.united(to).adjusted(-CardWidth, -CardHeight, CardWidth, CardHeight);
        QList<QRectF> obstacles;
        for (const QRectF &rect : cardRects) {
            if (rect != from && rect != to && rect.intersects(near))
                obstacles.append(rect);
        }

        auto *item = new ConnectorItem(connector, from, to, obstacles);
        addItem(item);
        mConnectors.append(item);
        if (selectedLines.contains(connector.id))
            item->setSelected(true);
        if (!connector.label.trimmed().isEmpty()) {
            auto *label = new ConnectorLabelItem(connector.label);
            label->setCentre(item->labelCentre(label->size()));
            addItem(label);
            mConnectorLabels.append(label);
        }
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

    setSceneRect(mLayout.bounds());
    placeHeaders();
    update();
    qCDebug(lcCanvas) << "map" << m->name << "rebuilt with" << mCards.size() << "cards in"
                      << timer.elapsed() << "ms";
}

void MapScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    const QPalette pal = palette();
    painter->fillRect(rect, canvasColor(pal));

    const JourneyMap *m = map();
    if (!m)
        return;

    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    for (qsizetype r = 0; r < mLayout.rows().size(); ++r) {
        painter->setBrush(rowColor(pal, int(r)));
        painter->drawRoundedRect(mLayout.rowBandRect(r), 5, 5);
    }

    // Column rules stop short of the band edges, so the rows stay the stronger shape.
    painter->setPen(QPen(gridLineColor(pal), 1));
    for (qsizetype c = 1; c < mLayout.columns().size(); ++c) {
        const qreal x = mLayout.columns().at(c).x;
        for (const MapLayout::Row &row : mLayout.rows())
            painter->drawLine(QPointF(x, row.y + 8), QPointF(x, row.y + row.height - 8));
    }
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
    // things, and a card's annotation markers are part of the card.
    const QList<QGraphicsItem *> hits = items(scenePos);
    for (QGraphicsItem *item : hits) {
        if (item == mCellOutline || item == mMarker || item == mConnectLine ||
            item->type() == ConnectorLabelItem::Type)
            continue;
        if (item->type() == AnnotationMarkerItem::Type && item->parentItem())
            return item->parentItem();
        return item;
    }
    return nullptr;
}

void MapScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    ensureCurrent();
    endDrag();

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
    if (mConnectLine) {
        QLineF line = mConnectLine->line();
        line.setP2(event->scenePos());
        mConnectLine->setLine(line);
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
        mDrag.active = !mDrag.ids.isEmpty();
        mDrag.gesture = ++mGestureCount;
        mDrag.stackIndex = mDocument ? mDocument->undoStack()->index() : 0;
        for (const MapLayout::Row &row : mLayout.rows())
            mDrag.rowHeights.insert(row.laneId, row.height);
        qCDebug(lcCanvas) << "drag of" << mDrag.ids.size() << "cards, gesture" << mDrag.gesture;
    }
    updateDrag(event->scenePos());
    event->accept();
}

void MapScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (mConnectLine) {
        endConnecting(event->scenePos(), event->button() == Qt::LeftButton);
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
    // The cards move on the next rebuild, once for a burst of moves: a rebuild happens only
    // when the landing place changes, not on every mouse move.
    // TODO: That rebuild redraws the whole map; it takes under a millisecond for a workshop
    // map of 40 cards but more than a drag step's 8 ms on a map of thousands, where dragging
    // will stutter until only the cards of the cells touched are moved.
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
    if (wasActive)
        updateCellOutline();
}

void MapScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    ensureCurrent();
    QGraphicsItem *item = topItemAt(event->scenePos());
    const bool onBand = item && (item == mStageBand || item == mLaneBand);
    if (event->button() != Qt::LeftButton || onBand ||
        (item && item->type() == InlineEditor::Type)) {
        QGraphicsScene::mouseDoubleClickEvent(event);
        return;
    }

    bool handled = false;
    if (auto *card = qgraphicsitem_cast<TouchpointCardItem *>(item)) {
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
        handled = !(event->modifiers() & commandKeys) && selectNeighbour(event->key());
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
    return data && data->hasFormat(QString::fromLatin1(Fragments::MimeType)) && map();
}

bool MapScene::paste()
{
    const QMimeData *data = QGuiApplication::clipboard()->mimeData();
    const QString type = QString::fromLatin1(Fragments::MimeType);
    if (!data || !data->hasFormat(type)) {
        // TODO: Plain text on the clipboard (a list of titles from a spreadsheet) could
        // become one card per line; for now only Waymark's own fragments paste.
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

void MapScene::addLaneMenu(QMenu *menu, const Id &laneId)
{
    const JourneyMap *m = map();
    const int index = int(indexOfId(m->lanes, laneId));
    const bool lastVisible = visibleLaneCount(*m) <= 1;

    menu->addAction(tr("Rename"), this, [this, laneId] { startRename(laneId); })
        ->setObjectName(u"renameLane"_s);
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
