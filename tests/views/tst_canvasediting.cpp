// Editing on the canvas driven by mouse and keyboard events, as a facilitator would: drags
// between and within cells, selection and arrow keys, typing cards, the clipboard between
// maps, and the Edit menu of the window. Every edit is one undo step that undo takes back
// exactly.
#include "canvastesting.h"
#include "commands.h"
#include "document.h"
#include "fragments/fragment.h"
#include "inlineeditor.h"
#include "lookup.h"
#include "mainwindow.h"
#include "mapscene.h"
#include "mapview.h"
#include "templates.h"
#include "touchpointcarditem.h"

#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QMimeData>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>
#include <QUndoView>

using namespace Qt::StringLiterals;
using namespace Waymark;
using namespace Waymark::Testing;

namespace {

QString commandText(const char *text, int n)
{
    return QCoreApplication::translate("Waymark::Commands", text, nullptr, n);
}

QString sceneText(const char *text, int n)
{
    return QCoreApplication::translate("Waymark::MapScene", text, "", n);
}

const JourneyMap &mapOf(const Document &doc, qsizetype index = 0)
{
    return doc.project().maps.at(index);
}

void click(MapView &view, const QPointF &scenePos, Qt::KeyboardModifiers modifiers = {})
{
    QTest::mouseClick(view.viewport(), Qt::LeftButton, modifiers, view.mapFromScene(scenePos));
    QCoreApplication::processEvents();
}

struct CellIndex
{
    qsizetype column = -1;
    qsizetype row = -1;
};

// The cell shown at (column, row), as ids.
MapLayout::Cell cellAt(const MapScene &scene, CellIndex index)
{
    return {scene.mapLayout().columns().at(index.column).stageId,
            scene.mapLayout().rows().at(index.row).laneId};
}

// The first empty cell on screen, scanning rows from the top.
std::optional<CellIndex> emptyCell(const MapScene &scene, qsizetype minColumn = 0)
{
    const MapLayout &layout = scene.mapLayout();
    for (qsizetype r = 0; r < layout.rows().size(); ++r) {
        for (qsizetype c = minColumn; c < layout.columns().size(); ++c) {
            const MapLayout::Cell cell{layout.columns().at(c).stageId, layout.rows().at(r).laneId};
            if (cellTouchpoints(*scene.map(), cell.stageId, cell.laneId).isEmpty())
                return CellIndex{c, r};
        }
    }
    return std::nullopt;
}

// A cell with at least n cards, near the top left.
std::optional<CellIndex> cellWith(const MapScene &scene, qsizetype n)
{
    const MapLayout &layout = scene.mapLayout();
    for (qsizetype r = 0; r < layout.rows().size(); ++r) {
        for (qsizetype c = 0; c < layout.columns().size(); ++c) {
            const MapLayout::Cell cell{layout.columns().at(c).stageId, layout.rows().at(r).laneId};
            if (cellTouchpoints(*scene.map(), cell.stageId, cell.laneId).size() >= n)
                return CellIndex{c, r};
        }
    }
    return std::nullopt;
}

QList<Id> cellIds(const JourneyMap &map, const MapLayout::Cell &cell)
{
    QList<Id> ids;
    for (const Touchpoint *t : cellTouchpoints(map, cell.stageId, cell.laneId))
        ids.append(t->id);
    return ids;
}

QPointF cardCentre(const MapScene &scene, const Id &id)
{
    return scene.mapLayout().cardRect(id).center();
}

} // namespace

class TestCanvasEditing : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void dragToAnotherCell();
    void escapeCancelsDrag();
    void dragReordersWithinCell();
    void dragSeveralSelected();
    void selectWithModifiers_data();
    void selectWithModifiers();
    void arrowKeys_data();
    void arrowKeys();
    void typeIntoEmptyCell();
    void escapeTakesTypedCardAway();
    void tabGoesOnAlongTheLane();
    void copyPasteIntoAnotherMap();
    void cutIsOneStep();
    void duplicate();
    void hostileClipboard_data();
    void hostileClipboard();
    void editMenuAndHistory();

private:
    std::unique_ptr<Document> mDocument;
    std::unique_ptr<MapView> mView;
};

void TestCanvasEditing::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestCanvasEditing::init()
{
    mDocument = documentFrom(u"digital-journey"_s);
    QVERIFY(mDocument);
    mView = std::make_unique<MapView>(mDocument.get(), mapOf(*mDocument).id);
    mView->resize(1600, 1000);
    mView->show();
    QVERIFY(QTest::qWaitForWindowActive(mView.get()));
}

void TestCanvasEditing::cleanup()
{
    mView.reset();
    mDocument.reset();
}

void TestCanvasEditing::dragToAnotherCell()
{
    MapScene *scene = mView->mapScene();
    const std::optional<CellIndex> source = cellWith(*scene, 1);
    const std::optional<CellIndex> target = emptyCell(*scene, 1);
    QVERIFY(source && target);
    const MapLayout::Cell to = cellAt(*scene, *target);
    const Id moved = cellIds(*scene->map(), cellAt(*scene, *source)).first();
    const Project before = mDocument->project();

    drag(*mView, cardCentre(*scene, moved),
         scene->mapLayout().cellRect(target->column, target->row).center());

    const Touchpoint *t = findById(mapOf(*mDocument).touchpoints, moved);
    QCOMPARE(t->stageId, to.stageId);
    QCOMPARE(t->laneId, to.laneId);
    QCOMPARE(t->order, 0);
    QVERIFY(!scene->isDragging());
    QCOMPARE(mDocument->undoStack()->count(), 1);
    QCOMPARE(mDocument->undoStack()->undoText(), commandText("Move %n Touchpoint(s)", 1));

    mDocument->undoStack()->undo();
    QVERIFY(mDocument->project() == before);
}

void TestCanvasEditing::escapeCancelsDrag()
{
    MapScene *scene = mView->mapScene();
    const std::optional<CellIndex> source = cellWith(*scene, 1);
    const std::optional<CellIndex> target = emptyCell(*scene, 1);
    QVERIFY(source && target);
    const Id moved = cellIds(*scene->map(), cellAt(*scene, *source)).first();
    const Project before = mDocument->project();
    const QPointF from = cardCentre(*scene, moved);
    const QPointF to = scene->mapLayout().cellRect(target->column, target->row).center();

    sendMouse(*mView, QEvent::MouseButtonPress, from, Qt::LeftButton);
    sendMouse(*mView, QEvent::MouseMove, (from + to) / 2, Qt::LeftButton);
    sendMouse(*mView, QEvent::MouseMove, to, Qt::LeftButton);
    QCoreApplication::processEvents();
    QVERIFY(scene->isDragging());
    QVERIFY(!scene->insertionMarkerRect().isEmpty());
    QVERIFY(!(mDocument->project() == before));

    QTest::keyClick(mView->viewport(), Qt::Key_Escape);
    QVERIFY(!scene->isDragging());
    sendMouse(*mView, QEvent::MouseButtonRelease, to, Qt::NoButton);
    QCoreApplication::processEvents();
    QVERIFY(mDocument->project() == before);
    QCOMPARE(mDocument->undoStack()->index(), 0);
}

void TestCanvasEditing::dragReordersWithinCell()
{
    MapScene *scene = mView->mapScene();
    const std::optional<CellIndex> source = cellWith(*scene, 2);
    QVERIFY(source);
    const MapLayout::Cell cell = cellAt(*scene, *source);
    const QList<Id> ids = cellIds(*scene->map(), cell);

    // The first card, dropped just right of the last card's centre, goes to the end.
    const QRectF last = scene->mapLayout().cardRect(ids.last());
    drag(*mView, cardCentre(*scene, ids.first()), last.center() + QPointF(last.width() / 4, 0));

    QList<Id> expected = ids;
    expected.move(0, expected.size() - 1);
    QCOMPARE(cellIds(mapOf(*mDocument), cell), expected);
    QCOMPARE(mDocument->undoStack()->count(), 1);
}

void TestCanvasEditing::dragSeveralSelected()
{
    MapScene *scene = mView->mapScene();
    const std::optional<CellIndex> source = cellWith(*scene, 2);
    const std::optional<CellIndex> target = emptyCell(*scene, 1);
    QVERIFY(source && target);
    const QList<Id> ids = cellIds(*scene->map(), cellAt(*scene, *source));
    const MapLayout::Cell to = cellAt(*scene, *target);
    const Project before = mDocument->project();

    click(*mView, cardCentre(*scene, ids.at(0)));
    click(*mView, cardCentre(*scene, ids.at(1)), Qt::ControlModifier);
    QCOMPARE(scene->selectedTouchpoints().size(), 2);

    drag(*mView, cardCentre(*scene, ids.at(1)),
         scene->mapLayout().cellRect(target->column, target->row).center());

    QCOMPARE(cellIds(mapOf(*mDocument), to), (QList<Id>{ids.at(0), ids.at(1)}));
    QCOMPARE(mDocument->undoStack()->count(), 1);
    QCOMPARE(mDocument->undoStack()->undoText(), commandText("Move %n Touchpoint(s)", 2));
    QCOMPARE(scene->selectedTouchpoints().size(), 2);

    mDocument->undoStack()->undo();
    QVERIFY(mDocument->project() == before);
    mDocument->undoStack()->redo();
    QCOMPARE(cellIds(mapOf(*mDocument), to), (QList<Id>{ids.at(0), ids.at(1)}));
}

void TestCanvasEditing::selectWithModifiers_data()
{
    QTest::addColumn<Qt::KeyboardModifiers>("modifiers");
    QTest::addColumn<int>("selected");

    QTest::newRow("plain click replaces") << Qt::KeyboardModifiers() << 1;
    QTest::newRow("ctrl adds") << Qt::KeyboardModifiers(Qt::ControlModifier) << 2;
    QTest::newRow("shift adds") << Qt::KeyboardModifiers(Qt::ShiftModifier) << 2;
}

void TestCanvasEditing::selectWithModifiers()
{
    QFETCH(Qt::KeyboardModifiers, modifiers);
    QFETCH(int, selected);

    MapScene *scene = mView->mapScene();
    const std::optional<CellIndex> source = cellWith(*scene, 2);
    QVERIFY(source);
    const QList<Id> ids = cellIds(*scene->map(), cellAt(*scene, *source));
    click(*mView, cardCentre(*scene, ids.at(0)));
    click(*mView, cardCentre(*scene, ids.at(1)), modifiers);
    QCOMPARE(scene->selectedTouchpoints().size(), selected);
    QVERIFY(scene->card(ids.at(1))->isSelected());

    // The same modifier on a selected card takes it out again.
    if (modifiers != Qt::NoModifier) {
        click(*mView, cardCentre(*scene, ids.at(1)), modifiers);
        QCOMPARE(scene->selectedTouchpoints(), QList<Id>{ids.at(0)});
    }

    // Select All takes every card; a rubber band round two cards takes just those.
    QTest::keyClick(mView->viewport(), Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(scene->selectedTouchpoints().size(), scene->cards().size());
    const QRectF band = scene->mapLayout()
                            .cardRect(ids.at(0))
                            .united(scene->mapLayout().cardRect(ids.at(1)))
                            .adjusted(-4, -4, 4, 4);
    QTest::mouseClick(mView->viewport(), Qt::LeftButton, {},
                      mView->mapFromScene(band.bottomRight() + QPointF(2, 2)));
    QVERIFY(scene->selectedTouchpoints().isEmpty());
    drag(*mView, band.topLeft(), band.bottomRight());
    QCOMPARE(scene->selectedTouchpoints().size(), 2);
}

void TestCanvasEditing::arrowKeys_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<bool>("sameLane");
    QTest::addColumn<bool>("sameStage");

    QTest::newRow("right") << int(Qt::Key_Right) << true << false;
    QTest::newRow("down") << int(Qt::Key_Down) << false << true;
}

void TestCanvasEditing::arrowKeys()
{
    QFETCH(int, key);
    QFETCH(bool, sameLane);
    QFETCH(bool, sameStage);

    // A card with another one after it in that direction: along its lane to the right, or
    // down its stage.
    MapScene *scene = mView->mapScene();
    const bool horizontal = key == Qt::Key_Right;
    auto ahead = [&](const TouchpointCardItem *from, const TouchpointCardItem *to) {
        const QPointF d = to->sceneBoundingRect().center() - from->sceneBoundingRect().center();
        const bool inLine = horizontal ? to->touchpoint().laneId == from->touchpoint().laneId
                                       : to->touchpoint().stageId == from->touchpoint().stageId;
        return inLine && (horizontal ? d.x() : d.y()) >= 1;
    };
    const TouchpointCardItem *start = nullptr;
    const QList<TouchpointCardItem *> cards = scene->cards();
    for (const TouchpointCardItem *from : cards) {
        for (const TouchpointCardItem *to : cards) {
            if (!start && ahead(from, to))
                start = from;
        }
    }
    QVERIFY(start);
    const Id startId = start->touchpointId();
    const Touchpoint startValue = start->touchpoint();
    click(*mView, cardCentre(*scene, startId));

    QTest::keyClick(mView->viewport(), Qt::Key(key));

    const QList<Id> selected = scene->selectedTouchpoints();
    QCOMPARE(selected.size(), 1);
    QVERIFY(selected.first() != startId);
    const TouchpointCardItem *now = scene->card(selected.first());
    QVERIFY(ahead(scene->card(startId), now));
    if (sameLane)
        QCOMPARE(now->touchpoint().laneId, startValue.laneId);
    if (sameStage)
        QCOMPARE(now->touchpoint().stageId, startValue.stageId);

    // The opposite key goes back the other way.
    const int back = horizontal ? Qt::Key_Left : Qt::Key_Up;
    QTest::keyClick(mView->viewport(), Qt::Key(back));
    QCOMPARE(scene->selectedTouchpoints().size(), 1);
    QVERIFY(ahead(scene->card(scene->selectedTouchpoints().first()), now));
}

void TestCanvasEditing::typeIntoEmptyCell()
{
    MapScene *scene = mView->mapScene();
    const std::optional<CellIndex> target = emptyCell(*scene);
    QVERIFY(target);
    const MapLayout::Cell cell = cellAt(*scene, *target);
    const Project before = mDocument->project();

    click(*mView, scene->mapLayout().cellRect(target->column, target->row).center());
    QVERIFY(scene->selectedCell());
    QCOMPARE(scene->selectedCell()->stageId, cell.stageId);

    QTest::keyClicks(mView->viewport(), u"Chatbot"_s);
    QVERIFY(scene->activeEditor());
    QCOMPARE(scene->activeEditor()->text(), u"Chatbot"_s);
    QTest::keyClick(mView->viewport(), Qt::Key_Return);
    QCoreApplication::processEvents();

    const QList<Id> ids = cellIds(mapOf(*mDocument), cell);
    QCOMPARE(ids.size(), 1);
    QCOMPARE(findById(mapOf(*mDocument).touchpoints, ids.first())->title, u"Chatbot"_s);
    QVERIFY(!scene->activeEditor());

    // Made with one letter, then renamed: undoing both leaves the map as it was.
    QCOMPARE(mDocument->undoStack()->count(), 2);
    mDocument->undoStack()->undo();
    mDocument->undoStack()->undo();
    QVERIFY(mDocument->project() == before);
}

void TestCanvasEditing::escapeTakesTypedCardAway()
{
    MapScene *scene = mView->mapScene();
    const std::optional<CellIndex> target = emptyCell(*scene);
    QVERIFY(target);
    const Project before = mDocument->project();

    click(*mView, scene->mapLayout().cellRect(target->column, target->row).center());
    QTest::keyClicks(mView->viewport(), u"Oops"_s);
    QVERIFY(scene->activeEditor());
    QTest::keyClick(mView->viewport(), Qt::Key_Escape);
    QCoreApplication::processEvents();

    QVERIFY(mDocument->project() == before);
    QCOMPARE(mDocument->undoStack()->index(), 0);
}

void TestCanvasEditing::tabGoesOnAlongTheLane()
{
    MapScene *scene = mView->mapScene();
    const std::optional<CellIndex> target = emptyCell(*scene);
    QVERIFY(target);
    QVERIFY2(target->column + 1 < scene->mapLayout().columns().size(), "a stage to tab into");
    const MapLayout::Cell cell = cellAt(*scene, *target);
    const Id laneId = cell.laneId;

    // The next card along the lane, if any, is the one Tab goes to.
    const JourneyMap &map = *scene->map();
    Id nextInLane;
    for (qsizetype c = target->column + 1; c < map.stages.size() && nextInLane.isNull(); ++c) {
        const QList<Id> ids = cellIds(map, {map.stages.at(c).id, laneId});
        if (!ids.isEmpty())
            nextInLane = ids.first();
    }

    click(*mView, scene->mapLayout().cellRect(target->column, target->row).center());
    QTest::keyClicks(mView->viewport(), u"Website"_s);
    QVERIFY(scene->activeEditor());
    QCOMPARE(scene->activeEditor()->text(), u"Website"_s);
    QTest::keyClick(mView.get(), Qt::Key_Tab); // the view, which has the focus, takes Tab
    QCoreApplication::processEvents();

    QCOMPARE(
        findById(mapOf(*mDocument).touchpoints, cellIds(mapOf(*mDocument), cell).first())->title,
        u"Website"_s);
    QVERIFY2(scene->activeEditor(), "Tab opens the next card's title");
    const QList<Id> selected = scene->selectedTouchpoints();
    QCOMPARE(selected.size(), 1);
    const Touchpoint *next = findById(mapOf(*mDocument).touchpoints, selected.first());
    QCOMPARE(next->laneId, laneId);
    if (!nextInLane.isNull()) {
        QCOMPARE(next->id, nextInLane);
    } else {
        QCOMPARE(next->stageId, map.stages.at(target->column + 1).id);
        QCOMPARE(next->title, u"New touchpoint"_s);
    }
    QTest::keyClicks(mView->viewport(), u"Email"_s);
    QTest::keyClick(mView->viewport(), Qt::Key_Return);
    QCOMPARE(findById(mapOf(*mDocument).touchpoints, next->id)->title, u"Email"_s);
}

void TestCanvasEditing::copyPasteIntoAnotherMap()
{
    // A second map with stages and lanes of its own: the copied cards' cells are not there.
    JourneyMap second;
    second.id = newId();
    second.name = u"Future"_s;
    for (const QString &name : {u"Before"_s, u"After"_s})
        second.stages.append({newId(), name, QColor(), 0});
    second.lanes.append({newId(), u"Touchpoints"_s, LaneKind::Touchpoints, false, QColor()});
    mDocument->push(Commands::addMap(mDocument.get(), 1, second).release());
    MapView other(mDocument.get(), second.id);
    other.resize(1200, 800);
    other.show();
    QVERIFY(QTest::qWaitForWindowExposed(&other));

    MapScene *scene = mView->mapScene();
    const std::optional<CellIndex> source = cellWith(*scene, 2);
    QVERIFY(source);
    const QList<Id> ids = cellIds(*scene->map(), cellAt(*scene, *source));
    click(*mView, cardCentre(*scene, ids.at(0)));
    click(*mView, cardCentre(*scene, ids.at(1)), Qt::ControlModifier);
    QTest::keyClick(mView->viewport(), Qt::Key_C, Qt::ControlModifier);

    const QMimeData *data = QGuiApplication::clipboard()->mimeData();
    QVERIFY(data->hasFormat(QString::fromLatin1(Fragments::MimeType)));
    const QString firstTitle = findById(mapOf(*mDocument).touchpoints, ids.at(0))->title;
    const QString secondTitle = findById(mapOf(*mDocument).touchpoints, ids.at(1))->title;
    QCOMPARE(data->text(), firstTitle + u'\n' + secondTitle);

    // Into the selected empty cell of the other map.
    const Project before = mDocument->project();
    MapScene *target = other.mapScene();
    other.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&other));
    const QRectF cell = target->mapLayout().cellRect(1, 0);
    QTest::mouseClick(other.viewport(), Qt::LeftButton, {}, other.mapFromScene(cell.center()));
    QVERIFY(target->selectedCell());
    QTest::keyClick(other.viewport(), Qt::Key_V, Qt::ControlModifier);

    const JourneyMap &pasted = mapOf(*mDocument, 1);
    const QList<Id> landed = cellIds(pasted, {second.stages.at(1).id, second.lanes.at(0).id});
    QCOMPARE(landed.size(), 2);
    QVERIFY(!ids.contains(landed.at(0)) && !ids.contains(landed.at(1)));
    QCOMPARE(findById(pasted.touchpoints, landed.at(0))->title, firstTitle);
    QCOMPARE(findById(pasted.touchpoints, landed.at(1))->title, secondTitle);
    QCOMPARE(target->selectedTouchpoints().size(), 2);
    QCOMPARE(mDocument->undoStack()->undoText(), commandText("Paste %n Touchpoint(s)", 2));
    QVERIFY(mapOf(*mDocument) == before.maps.first());

    mDocument->undoStack()->undo();
    QVERIFY(mDocument->project() == before);
}

void TestCanvasEditing::cutIsOneStep()
{
    MapScene *scene = mView->mapScene();
    const std::optional<CellIndex> source = cellWith(*scene, 1);
    QVERIFY(source);
    const Id id = cellIds(*scene->map(), cellAt(*scene, *source)).first();
    const Project before = mDocument->project();
    click(*mView, cardCentre(*scene, id));

    QTest::keyClick(mView->viewport(), Qt::Key_X, Qt::ControlModifier);

    QVERIFY(!findById(mapOf(*mDocument).touchpoints, id));
    QCOMPARE(mDocument->undoStack()->count(), 1);
    QCOMPARE(mDocument->undoStack()->undoText(), sceneText("Cut %n Touchpoint(s)", 1));
    QVERIFY(QGuiApplication::clipboard()->mimeData()->hasFormat(
        QString::fromLatin1(Fragments::MimeType)));
    mDocument->undoStack()->undo();
    QVERIFY(mDocument->project() == before);

    // What was cut pastes back, with new ids, into the cell of the selected card.
    QVERIFY(scene->paste());
    QCOMPARE(mapOf(*mDocument).touchpoints.size(), before.maps.first().touchpoints.size() + 1);
}

void TestCanvasEditing::duplicate()
{
    MapScene *scene = mView->mapScene();
    const std::optional<CellIndex> source = cellWith(*scene, 1);
    QVERIFY(source);
    const MapLayout::Cell cell = cellAt(*scene, *source);
    const QList<Id> ids = cellIds(*scene->map(), cell);
    click(*mView, cardCentre(*scene, ids.first()));

    QVERIFY(scene->duplicateSelection());

    const QList<Id> after = cellIds(mapOf(*mDocument), cell);
    QCOMPARE(after.size(), ids.size() + 1);
    QCOMPARE(after.mid(0, ids.size()), ids);
    QCOMPARE(findById(mapOf(*mDocument).touchpoints, after.last())->title,
             findById(mapOf(*mDocument).touchpoints, ids.first())->title);
    QCOMPARE(scene->selectedTouchpoints(), QList<Id>{after.last()});
    QCOMPARE(mDocument->undoStack()->count(), 1);
    QCOMPARE(mDocument->undoStack()->undoText(), sceneText("Duplicate %n Touchpoint(s)", 1));
}

void TestCanvasEditing::hostileClipboard_data()
{
    QTest::addColumn<QByteArray>("bytes");

    const std::unique_ptr<Document> source = documentFrom(u"digital-journey"_s);
    QVERIFY(source);
    const JourneyMap &map = mapOf(*source);
    const QByteArray good = Fragments::encode(Fragments::select(map, {}, {map.stages.first().id}));
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("garbage") << QByteArray("not a fragment at all");
    QTest::newRow("truncated") << good.left(good.size() / 2);
    QByteArray flipped = good;
    flipped[flipped.size() - 3] = char(flipped[flipped.size() - 3] ^ 0x55);
    QTest::newRow("checksum mismatch") << flipped;
}

void TestCanvasEditing::hostileClipboard()
{
    QFETCH(QByteArray, bytes);

    auto *data = new QMimeData();
    data->setData(QString::fromLatin1(Fragments::MimeType), bytes);
    QGuiApplication::clipboard()->setMimeData(data);
    MapScene *scene = mView->mapScene();
    QSignalSpy messages(scene, &MapScene::message);
    const Project before = mDocument->project();

    QVERIFY(!scene->paste());

    QCOMPARE(messages.size(), 1);
    QString decoderMessage;
    QVERIFY(!Fragments::decode(bytes, &decoderMessage));
    QVERIFY2(messages.first().first().toString().contains(decoderMessage),
             qPrintable(messages.first().first().toString()));
    QVERIFY(mDocument->project() == before);
    QCOMPARE(mDocument->undoStack()->count(), 0);
}

void TestCanvasEditing::editMenuAndHistory()
{
    MainWindow window;
    QVERIFY(window.newProject(u"digital-journey"_s));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    const QList<std::pair<QString, QKeySequence>> expected{
        {u"cutAction"_s, QKeySequence::Cut},
        {u"copyAction"_s, QKeySequence::Copy},
        {u"pasteAction"_s, QKeySequence::Paste},
        {u"duplicateAction"_s, QKeySequence(Qt::CTRL | Qt::Key_D)},
        {u"deleteAction"_s, QKeySequence::Delete},
        {u"selectAllAction"_s, QKeySequence::SelectAll},
    };
    for (const auto &[name, shortcut] : expected) {
        auto *action = window.findChild<QAction *>(name);
        QVERIFY2(action, qPrintable(name));
        QCOMPARE(action->shortcut(), shortcut);
    }

    auto *dock = window.findChild<QDockWidget *>(u"undoHistoryDock"_s);
    QVERIFY(dock);
    QVERIFY(window.findChild<QUndoView *>(u"undoHistory"_s));
    auto *toggle = window.findChild<QAction *>(u"undoHistoryAction"_s);
    QVERIFY(toggle);
    toggle->trigger();
    QVERIFY(dock->isVisible());

    // Select All, then Duplicate through the menu: one step, named for what it did.
    MapView *view = window.currentMapView();
    QVERIFY(view);
    window.findChild<QAction *>(u"selectAllAction"_s)->trigger();
    const qsizetype count = view->mapScene()->selectedTouchpoints().size();
    QVERIFY(count > 0);
    QAction *duplicateAction = window.findChild<QAction *>(u"duplicateAction"_s);
    QVERIFY(duplicateAction->isEnabled());
    duplicateAction->trigger();
    QCOMPARE(window.document()->undoStack()->undoText(),
             sceneText("Duplicate %n Touchpoint(s)", int(count)));
    QCOMPARE(window.document()->undoStack()->count(), 1);

    // In a title editor the editing keys edit the text: the menu's shortcuts stand back.
    MapScene *scene = view->mapScene();
    const Id id = scene->selectedTouchpoints().first();
    QVERIFY(scene->startRename(id));
    view->setFocus();
    QTest::keyClicks(view->viewport(), u"abc"_s);
    QTest::keyClick(view->viewport(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(view->viewport(), Qt::Key_Delete);
    QTest::keyClicks(view->viewport(), u"Kiosk"_s);
    QVERIFY(scene->activeEditor());
    QCOMPARE(scene->activeEditor()->text(), u"Kiosk"_s);
    QCOMPARE(window.document()->undoStack()->count(), 1);
    QVERIFY(findById(mapOf(*window.document()).touchpoints, id));
}

QTEST_MAIN(TestCanvasEditing)

#include "tst_canvasediting.moc"
