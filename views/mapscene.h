// The canvas of one journey map: stage headers across the top, lane headers down the left,
// touchpoint cards in their cells with markers for their annotations, notes for the
// annotations of cells, and the connectors between cards. It is a picture of the
// model: gestures on it become commands pushed on the document, and it re-reads the map
// when the document announces a change.
#pragma once

#include "connectorrouter.h"
#include "document.h"
#include "entities.h"
#include "maplayout.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPointer>
#include <QRegion>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QGraphicsLineItem;
class QGraphicsRectItem;
class QMenu;
class QTimer;
class QUndoCommand;

namespace Waymark {

struct ChangeEvent;
struct Fragment;
class AnnotationNoteItem;
class ConnectorItem;
class ConnectorLabelItem;
class HeaderGesture;
class InlineEditor;
class LaneHeaderItem;
class MapFarLayer;
class MapTitleItem;
class MetricsOverlay;
class PersonaOverlay;
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
    QList<ConnectorLabelItem *> connectorLabels() const { return mConnectorLabels; }
    StageHeaderItem *stageHeader(const Id &stageId) const;
    LaneHeaderItem *laneHeader(const Id &laneId) const;
    TouchpointCardItem *card(const Id &touchpointId) const { return mCards.value(touchpointId); }
    ConnectorItem *connector(const Id &connectorId) const;
    // The notes of annotations attached to cells rather than cards.
    QList<AnnotationNoteItem *> annotationNotes() const { return mNotes; }
    AnnotationNoteItem *annotationNote(const Id &annotationId) const;

    QList<Id> selectedTouchpoints() const;
    void selectTouchpoints(const QList<Id> &ids); // the selection becomes exactly these
    void selectAll();
    // Cards outlined as found by a search. They stay outlined across rebuilds; the set is the
    // canvas's own and no part of the document.
    void setHighlightedTouchpoints(const QSet<Id> &ids);
    QSet<Id> highlightedTouchpoints() const { return mHighlighted; }
    QList<Id> selectedConnectors() const;
    QList<Id> selectedAnnotations() const; // of the notes selected

    // The empty cell a click selected, where typing creates a card and a paste lands.
    std::optional<MapLayout::Cell> selectedCell() const { return mSelectedCell; }
    void selectCell(const std::optional<MapLayout::Cell> &cell);

    // Moves the selection to the nearest card in that direction (Qt::Key_Left and so on):
    // along the lane for left and right, down the stage for up and down; with withinCell,
    // only among the cards of its own cell.
    bool selectNeighbour(int key, bool withinCell = false);
    // What the arrow keys do: from a card, the next card that way in its cell; past the
    // cell's last card that way, and from a selected cell, the next cell (its nearest card,
    // when it has one, or the empty cell itself, so no cell is ever jumped over). With
    // nothing selected, the first card, or on a map without cards the first cell: so that a
    // map can be filled in from the keyboard alone.
    bool stepSelection(int key);

    // A drag on a stage or lane header that reorders or resizes (HeaderGesture).
    HeaderGesture *headerGesture() const { return mHeaderGesture.get(); }
    // Recolour a stage or a lane; an invalid colour gives it the theme's colour again.
    bool setStageColor(const Id &stageId, const QColor &color);
    bool setLaneColor(const Id &laneId, const QColor &color);

    // While cards are dragged: where they would land, drawn as an insertion marker.
    bool isDragging() const { return mDrag.active; }
    QRectF insertionMarkerRect() const;

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
    // Delete: the selected cards, or else the selected connectors and notes.
    bool removeSelection();

    // Annotations. addAnnotation fills in what the annotation leaves empty: a new id, the
    // author (authorName()) and the time.
    bool addAnnotation(const Annotation &annotation);
    bool setAnnotationText(const Id &annotationId, const QString &text);
    bool setAnnotationSeverity(const Id &annotationId, int severity);
    bool removeAnnotation(const Id &annotationId);
    // The name annotations are signed with: the "author" setting, or else the login name.
    static QString authorName();

    // Connectors. connectTouchpoints adds one pointing forward, from one card to the other.
    bool connectTouchpoints(const Id &fromId, const Id &toId);
    bool removeConnectors(const QList<Id> &connectorIds);
    bool reverseConnector(const Id &connectorId);
    bool setConnectorLabel(const Id &connectorId, const QString &label);
    // Gives a connector other ends: one step, or none when both ends would be one card or
    // another connector already joins the two.
    bool reconnectConnector(const Id &connectorId, const Id &fromId, const Id &toId);
    // While an end handle of a selected connector is dragged to another card.
    bool isReconnecting() const { return mReconnectLine != nullptr; }

    // While a connector is drawn from a card's handle: the line that follows the pointer.
    bool isConnecting() const { return mConnectLine != nullptr; }
    QGraphicsLineItem *connectLine() const { return mConnectLine; }

    // The clipboard: a fragment of the selected cards under Fragments::MimeType, and their
    // titles as plain text. Paste and duplicate select what they added. Plain text from
    // elsewhere pastes too, one card per line (of tab-separated columns, the first), at the
    // end of the selected cell or else of the first one.
    bool copySelection();
    bool cutSelection();
    bool paste();
    bool duplicateSelection();
    bool canPaste() const;

    // Creates a card in the cell with this title and opens its editor after the text, as
    // typing into a selected empty cell does.
    bool typeIntoCell(const MapLayout::Cell &cell, const QString &text);

    // What draws the map zoomed far out; the view says when it shows the map that far.
    MapFarLayer *farLayer() const { return mFarLayer.get(); }

    // The personas' paths and emotion curves on this map, and the canvas's own view of them:
    // who is shown, who is in focus, the path being edited. No part of the document.
    PersonaOverlay *personas() const { return mPersonas.get(); }
    void setPersonaVisible(const Id &personaId, bool visible);
    void setFocusPersona(const Id &personaId); // a null id: no focus
    // The future-state map's curves beside this map's (PersonaOverlay::comparedMap()).
    void setCompareWithFutureState(bool compare);

    // The figures on the cards: badges, heat tints and struggle flags (MetricsOverlay).
    MetricsOverlay *metrics() const { return mMetrics.get(); }

signals:
    // A sentence for the status bar: why a paste did nothing, say.
    void message(const QString &text);

public:
    // While a view paints its viewport: what it repaints, in the viewport's pixels (its
    // paint event's region), which QGraphicsView gives the background only as the box
    // around it all. An empty region when the view is done.
    void setExposedRegion(const QPaintDevice *device, const QRegion &region);

    // The menu a right click at scenePos opens, or nullptr where there is none.
    std::unique_ptr<QMenu> createContextMenu(const QPointF &scenePos);

protected:
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    // The canvas under every item: the rows' bands, their tints, the columns' rules.
    void paintCanvas(QPainter *painter, const QRectF &rect) const;
    // The connectors at rest (ConnectorItem::isDrawnByScene()) that reach into rect; with
    // areas (inside rect, not overlapping: the rectangles of a repaint), only into those.
    void paintRestingLines(QPainter *painter, const QRectF &rect,
                           const QList<QRectF> &areas = {}) const;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void onDocumentChanged(const ChangeEvent &event);
    void onDocumentReset();
    bool updateInPlace(const ChangeEvent &event);
    bool updateConnectorInPlace(const ChangeEvent &event);
    void scheduleRebuild();
    void scheduleMoves();
    bool applyMoves();
    TouchpointCardItem *addCardItem(const Touchpoint &touchpoint, const Lane &lane,
                                    const QRectF &rect, const QList<Annotation> &annotations);
    // Routes these connectors together on the current layout and adds their items.
    QList<ConnectorItem *> addConnectorItems(const QList<Connector> &connectors);
    // Lines routed a few at a time while cards move may share a gutter's track: once the
    // cards are still, every line is routed again, together.
    void scheduleConnectorRouting();
    void rerouteConnectors();
    bool pasteText(const QString &text);
    void rebuild();
    void clearItems();
    void placeHeaders();
    void finishEditing(bool commit);
    void onEditorCommitted();
    bool advanceFromCard(const Id &touchpointId);
    bool insertFragment(const Fragment &fragment, bool intoSelection, const QString &text = {});
    QList<Id> inReadingOrder(const QList<Id> &ids) const;
    std::optional<MapLayout::Cell> pasteTarget() const;
    void updateDrag(const QPointF &scenePos);
    void endDrag();
    void cancelDrag();
    void updateCellOutline();
    bool pushRename(const Id &id, const QString &name);
    bool push(std::unique_ptr<QUndoCommand> command);
    QGraphicsItem *topItemAt(const QPointF &scenePos) const;
    void addStageMenu(QMenu *menu, const Id &stageId);
    void addColorMenu(QMenu *menu, const QString &prefix, const QColor &current,
                      const std::function<bool(const QColor &)> &apply);
    void addLaneMenu(QMenu *menu, const Id &laneId);
    void addCardMenu(QMenu *menu, const Id &touchpointId);
    void addAnnotationActions(QMenu *menu, const Id &touchpointId,
                              const std::optional<MapLayout::Cell> &cell);
    void addNoteMenu(QMenu *menu, const Id &annotationId);
    void addConnectorMenu(QMenu *menu, const Id &connectorId);
    void askForAnnotation(AnnotationKind kind, const Id &touchpointId,
                          const std::optional<MapLayout::Cell> &cell);
    void editAnnotation(const Id &annotationId);
    void editConnectorLabel(const Id &connectorId);
    QWidget *dialogParent() const;
    bool pushAll(std::vector<std::unique_ptr<QUndoCommand>> commands, const QString &text);
    void endConnecting(const QPointF &scenePos, bool commit);
    bool startReconnecting(const QPointF &scenePos);
    void endReconnecting(const QPointF &scenePos, bool commit);
    TouchpointCardItem *cardAt(const QPointF &scenePos) const;
    bool takePathEditClick(QGraphicsSceneMouseEvent *event);

    std::unique_ptr<HeaderGesture> mHeaderGesture;
    QPointer<Document> mDocument;
    Id mMapId;
    MapLayout mLayout;
    QList<StageHeaderItem *> mStageHeaders;
    QList<LaneHeaderItem *> mLaneHeaders;
    QHash<Id, TouchpointCardItem *> mCards;
    QList<ConnectorItem *> mConnectors;
    QList<ConnectorLabelItem *> mConnectorLabels;
    QList<AnnotationNoteItem *> mNotes;
    MapTitleItem *mTitle = nullptr;
    QGraphicsRectItem *mStageBand = nullptr; // behind the stage headers, over the cards
    QGraphicsRectItem *mLaneBand = nullptr;
    QPointF mVisibleOrigin;
    bool mRebuildPending = false;
    // Cards that only moved (a drag step, its undo), were added or removed: laid out again
    // cell by cell, without a rebuild, on the next turn of the event loop.
    QSet<Id> mMovedTouchpoints;
    bool mMovesPending = false;
    QHash<Id, ConnectorLabelItem *> mConnectorLabelOf; // by connector id

    InlineEditor *mEditor = nullptr;
    Id mEditedId;
    // The command that made the card for this edit: cancelling the edit takes it away.
    const QUndoCommand *mEditedAddition = nullptr;
    Id mAnchorId; // the card arrow keys move from
    QSet<Id> mHighlighted;

    std::optional<MapLayout::Cell> mSelectedCell;
    QGraphicsRectItem *mCellOutline = nullptr;

    // A drag of the selected cards. Each step that changes where they would land pushes a
    // move with the drag's gesture id, so the whole drag merges into one undo step.
    struct Drag
    {
        bool pending = false; // pressed on a card, not yet moved far enough
        bool active = false;
        QPointF pressPos;
        QList<Id> ids;
        int gesture = 0;
        Id stageId;
        Id laneId;
        int index = -1;
        QHash<Id, qreal> rowHeights; // at the start: rows keep at least these
        int stackIndex = 0;          // of the undo stack at the start: Escape goes back to it
    };
    Drag mDrag;
    // Kept from one step of a drag to the next (applyMoves()); reset when the drag ends.
    std::optional<ConnectorRouter> mDragRouter;
    int mGestureCount = 0;
    QGraphicsRectItem *mMarker = nullptr;

    // A connector being drawn from this card's handle, with the line that follows the mouse.
    Id mConnectFromId;
    QGraphicsLineItem *mConnectLine = nullptr;
    // A connector whose end is being dragged to another card, and the line that follows.
    Id mReconnectId;
    bool mReconnectFrom = false; // the end at the first card, else the one at the second
    QGraphicsLineItem *mReconnectLine = nullptr;
    QTimer *mRouteTimer = nullptr;

    std::unique_ptr<PersonaOverlay> mPersonas;
    std::unique_ptr<MapFarLayer> mFarLayer;
    std::unique_ptr<MetricsOverlay> mMetrics;
    // What the view painting now repaints (setExposedRegion()).
    const QPaintDevice *mExposedDevice = nullptr;
    QRegion mExposedRegion;

    // The rectangles of region, in device pixels of painter, in scene coordinates.
    static QList<QRectF> sceneRects(const QRegion &region, const QPainter *painter);
};

} // namespace Waymark
