#include "mapscene.h"

#include "canvaslogging.h"
#include "changeevent.h"
#include "commands.h"
#include "connectoritem.h"
#include "document.h"
#include "inlineeditor.h"
#include "laneheaderitem.h"
#include "lookup.h"
#include "mapstyle.h"
#include "maptitleitem.h"
#include "stageheaderitem.h"
#include "touchpointcarditem.h"

#include <QElapsedTimer>
#include <QFontMetricsF>
#include <QGraphicsRectItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QTextDocument>
#include <QTimer>

Q_LOGGING_CATEGORY(lcCanvas, "waymark.canvas", QtWarningMsg)

using namespace Qt::StringLiterals;

namespace Waymark {

using namespace MapStyle;

namespace {

// Stacking order: connectors under the cards, their labels above them, and the headers
// above everything that scrolls under them.
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
    rebuild();
}

MapScene::~MapScene() = default;

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
    case EntityKind::Annotation:
        // TODO: Annotations are not drawn on the canvas yet, so pain points and opportunities
        // attached to cards are visible only in the project file and the command line.
        return true;
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
    clearItems();

    const JourneyMap *m = map();
    if (!m) {
        mLayout = MapLayout();
        finishEditing(false);
        setSceneRect(QRectF());
        update();
        return;
    }

    mLayout = MapLayout::compute(*m);

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

    for (const Touchpoint &touchpoint : m->touchpoints) {
        const QRectF rect = mLayout.cardRect(touchpoint.id);
        const Lane *lane = findById(m->lanes, touchpoint.laneId);
        if (rect.isEmpty() || !lane)
            continue;
        auto *item = new TouchpointCardItem(touchpoint, laneColor(*lane), rect);
        addItem(item);
        mCards.insert(touchpoint.id, item);
        if (selected.contains(touchpoint.id))
            item->setSelected(true);
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
        if (!connector.label.trimmed().isEmpty()) {
            auto *label = new ConnectorLabelItem(connector.label);
            label->setCentre(item->labelCentre(label->size()));
            addItem(label);
            mConnectorLabels.append(label);
        }
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
    // Connectors lie under the cards and are thin, and their labels are small: a click on
    // either means the cell.
    const QList<QGraphicsItem *> hits = items(scenePos);
    for (QGraphicsItem *item : hits) {
        if (item->type() != ConnectorItem::Type && item->type() != ConnectorLabelItem::Type)
            return item;
    }
    return nullptr;
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
    if (auto *card = qgraphicsitem_cast<TouchpointCardItem *>(item))
        handled = startRename(card->touchpointId());
    else if (auto *stage = qgraphicsitem_cast<StageHeaderItem *>(item))
        handled = startRename(stage->stageId());
    else if (auto *lane = qgraphicsitem_cast<LaneHeaderItem *>(item))
        handled = startRename(lane->laneId());
    else if (const std::optional<MapLayout::Cell> cell = mLayout.cellAt(event->scenePos()))
        handled = addTouchpointAt(cell->stageId, cell->laneId);

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
    if (mEditor && focusItem() == mEditor) {
        QGraphicsScene::keyPressEvent(event);
        return;
    }

    ensureCurrent();
    if (event->matches(QKeySequence::Delete) || event->key() == Qt::Key_Backspace) {
        if (removeSelectedTouchpoints()) {
            event->accept();
            return;
        }
    } else if (event->key() == Qt::Key_F2) {
        const QList<Id> selected = selectedTouchpoints();
        if (selected.size() == 1 && startRename(selected.first())) {
            event->accept();
            return;
        }
    } else if (event->key() == Qt::Key_Escape && !selectedItems().isEmpty()) {
        clearSelection();
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
    addItem(mEditor);

    // The text item adds a margin round its text: take it back so that the name being
    // edited stays where it was drawn.
    const qreal margin = mEditor->document()->documentMargin();
    const qreal lineHeight = QFontMetricsF(font).height();
    const qreal top = centred ? rect.center().y() - lineHeight / 2 : rect.top();
    mEditor->setTextWidth(rect.width() + 2 * margin);
    mEditor->setPos(rect.left() - margin, top - margin);

    connect(mEditor, &InlineEditor::committed, this, [this] { finishEditing(true); });
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
    const QString text = editor->text();

    // This may run inside one of the editor's own event handlers: it goes on the next turn.
    disconnect(editor, nullptr, this, nullptr);
    editor->hide();
    editor->deleteLater();

    if (commit && !text.isEmpty())
        pushRename(id, text);
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

    // A new card is nearly always named straight away.
    startRename(touchpoint.id);
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
    } else if (const std::optional<MapLayout::Cell> cell = mLayout.cellAt(scenePos)) {
        QAction *add = menu->addAction(tr("New Touchpoint Here"), this, [this, cell = *cell] {
            addTouchpointAt(cell.stageId, cell.laneId);
        });
        add->setObjectName(u"newTouchpoint"_s);
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
    const QString text =
        count == 1 ? tr("Delete Touchpoint") : tr("Delete %n Touchpoints", "", int(count));
    QAction *remove = menu->addAction(text, this, [this] { removeSelectedTouchpoints(); });
    remove->setObjectName(u"deleteTouchpoints"_s);
}

} // namespace Waymark
