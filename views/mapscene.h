// The canvas of one journey map: stage headers across the top, lane headers down the left,
// touchpoint cards in their cells and the connectors between them. It is a picture of the
// model: gestures on it become commands pushed on the document, and it re-reads the map
// when the document announces a change.
#pragma once

#include "document.h"
#include "entities.h"
#include "maplayout.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPointer>

#include <memory>

class QMenu;
class QUndoCommand;

namespace Waymark {

struct ChangeEvent;
class ConnectorItem;
class ConnectorLabelItem;
class InlineEditor;
class LaneHeaderItem;
class MapTitleItem;
class StageHeaderItem;
class TouchpointCardItem;

class MapScene : public QGraphicsScene
{
    Q_OBJECT

public:
    MapScene(Document *document, const Id &mapId, QObject *parent = nullptr);
    ~MapScene() override;

    Document *document() const { return mDocument; }
    Id mapId() const { return mMapId; }
    // The map shown, or nullptr once it was removed from the project.
    const JourneyMap *map() const;

    // Changes that move things are applied on the next turn of the event loop, once for a
    // whole burst of events; this applies them now.
    void ensureCurrent();

    const MapLayout &mapLayout() const { return mLayout; }
    QList<StageHeaderItem *> stageHeaders() const { return mStageHeaders; }
    QList<LaneHeaderItem *> laneHeaders() const { return mLaneHeaders; }
    QList<TouchpointCardItem *> cards() const { return mCards.values(); }
    QList<ConnectorItem *> connectors() const { return mConnectors; }
    StageHeaderItem *stageHeader(const Id &stageId) const;
    LaneHeaderItem *laneHeader(const Id &laneId) const;
    TouchpointCardItem *card(const Id &touchpointId) const { return mCards.value(touchpointId); }

    QList<Id> selectedTouchpoints() const;

    // The scene point at the view's top left corner. Headers stay in view as it scrolls:
    // stage headers along the top, lane headers down the left.
    void setVisibleOrigin(const QPointF &origin);
    MapTitleItem *titleItem() const { return mTitle; }

    // The editor open on a name, if any.
    InlineEditor *activeEditor() const { return mEditor; }

    // Opens the in-place editor on a stage's, a lane's or a touchpoint's name.
    bool startRename(const Id &id);

    // Each pushes one command and returns whether there was anything to do.
    bool addTouchpointAt(const Id &stageId, const Id &laneId);
    bool addStage(int index);
    bool removeStage(const Id &stageId);
    bool addLane(int index);
    bool setLaneHidden(const Id &laneId, bool hidden);
    bool removeLane(const Id &laneId);
    bool removeSelectedTouchpoints();

    // The menu a right click at scenePos opens, or nullptr where there is none.
    std::unique_ptr<QMenu> createContextMenu(const QPointF &scenePos);

protected:
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void onDocumentChanged(const ChangeEvent &event);
    void onDocumentReset();
    bool updateInPlace(const ChangeEvent &event);
    void scheduleRebuild();
    void rebuild();
    void clearItems();
    void placeHeaders();
    void finishEditing(bool commit);
    bool pushRename(const Id &id, const QString &name);
    bool push(std::unique_ptr<QUndoCommand> command);
    QGraphicsItem *topItemAt(const QPointF &scenePos) const;
    void addStageMenu(QMenu *menu, const Id &stageId);
    void addLaneMenu(QMenu *menu, const Id &laneId);
    void addCardMenu(QMenu *menu, const Id &touchpointId);

    QPointer<Document> mDocument;
    Id mMapId;
    MapLayout mLayout;
    QList<StageHeaderItem *> mStageHeaders;
    QList<LaneHeaderItem *> mLaneHeaders;
    QHash<Id, TouchpointCardItem *> mCards;
    QList<ConnectorItem *> mConnectors;
    QList<ConnectorLabelItem *> mConnectorLabels;
    MapTitleItem *mTitle = nullptr;
    QGraphicsRectItem *mStageBand = nullptr; // behind the stage headers, over the cards
    QGraphicsRectItem *mLaneBand = nullptr;
    QPointF mVisibleOrigin;
    bool mRebuildPending = false;

    InlineEditor *mEditor = nullptr;
    Id mEditedId;
};

} // namespace Waymark
