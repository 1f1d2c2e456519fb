// The map canvas: one item per stage, visible lane, visible card and connector, laid out
// without overlaps, kept in step with the document, and turning gestures into commands.
#include "canvastesting.h"
#include "commands.h"
#include "connectoritem.h"
#include "document.h"
#include "inlineeditor.h"
#include "laneheaderitem.h"
#include "lookup.h"
#include "mapscene.h"
#include "mapstyle.h"
#include "maptitleitem.h"
#include "mapview.h"
#include "stageheaderitem.h"
#include "templates.h"
#include "textfit.h"
#include "touchpointcarditem.h"

#include <QFontMetricsF>
#include <QKeyEvent>
#include <QMenu>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Waymark;
using namespace Waymark::Testing;

namespace {

bool push(Document *document, Commands::Command command)
{
    if (!command)
        return false;
    document->push(command.release());
    return true;
}

const JourneyMap &firstMap(const Document &document)
{
    return document.project().maps.first();
}

bool isShown(const JourneyMap &map, const Touchpoint &touchpoint)
{
    const Lane *lane = findById(map.lanes, touchpoint.laneId);
    return lane && !lane->hidden && indexOfId(map.stages, touchpoint.stageId) >= 0;
}

qsizetype shownTouchpoints(const JourneyMap &map)
{
    return std::count_if(map.touchpoints.cbegin(), map.touchpoints.cend(),
                         [&](const Touchpoint &t) { return isShown(map, t); });
}

// The first visible lane that has cards, and one of its cards.
const Touchpoint *firstShownTouchpoint(const JourneyMap &map)
{
    for (const Touchpoint &t : map.touchpoints) {
        if (isShown(map, t))
            return &t;
    }
    return nullptr;
}

void sendKey(QGraphicsScene *scene, QGraphicsItem *item, int key)
{
    QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier);
    if (item)
        scene->sendEvent(item, &press);
    else
        QCoreApplication::sendEvent(scene, &press);
}

} // namespace

class TestMapScene : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void itemsForEveryEntity_data();
    void itemsForEveryEntity();
    void cardsDoNotOverlap();
    void changeUpdatesItemInPlace_data();
    void changeUpdatesItemInPlace();
    void hiddenLaneDisappears();
    void selectionSurvivesRebuild();
    void headersStayInView();
    void resetRebuildsFromSavedFile();
    void inlineRename_data();
    void inlineRename();
    void doubleClickEmptyCellAddsTouchpoint();
    void doubleClickHeaderOpensEditor();
    void typingReachesEditor();
    void deleteKeyRemovesSelectedCards();
    void stageMenu_data();
    void stageMenu();
    void laneMenu();
    void lastVisibleLaneStays();
    void connectorsJoinTheirCards();
    void fitText_data();
    void fitText();
};

void TestMapScene::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(Templates::names().contains(u"digital-journey"_s));
}

void TestMapScene::itemsForEveryEntity_data()
{
    QTest::addColumn<QString>("templateName");

    const QStringList names = Templates::names();
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << name;
}

void TestMapScene::itemsForEveryEntity()
{
    QFETCH(QString, templateName);
    std::unique_ptr<Document> document = documentFrom(templateName);
    QVERIFY(document);
    QVERIFY(!document->project().maps.isEmpty());

    for (const JourneyMap &map : document->project().maps) {
        MapScene scene(document.get(), map.id);

        QCOMPARE(scene.stageHeaders().size(), map.stages.size());
        for (qsizetype i = 0; i < map.stages.size(); ++i)
            QCOMPARE(scene.stageHeaders().at(i)->name(), map.stages.at(i).name);

        QList<Id> visibleLanes;
        for (const Lane &lane : map.lanes) {
            if (!lane.hidden)
                visibleLanes.append(lane.id);
        }
        QCOMPARE(scene.laneHeaders().size(), visibleLanes.size());
        for (qsizetype i = 0; i < visibleLanes.size(); ++i)
            QCOMPARE(scene.laneHeaders().at(i)->laneId(), visibleLanes.at(i));

        QCOMPARE(scene.cards().size(), shownTouchpoints(map));
        for (const Touchpoint &touchpoint : map.touchpoints) {
            TouchpointCardItem *card = scene.card(touchpoint.id);
            QCOMPARE(card != nullptr, isShown(map, touchpoint));
            if (card)
                QCOMPARE(card->title(), touchpoint.title);
        }

        const auto joined =
            std::count_if(map.connectors.cbegin(), map.connectors.cend(), [&](const Connector &c) {
                return scene.card(c.fromId) && scene.card(c.toId);
            });
        QCOMPARE(scene.connectors().size(), joined);
    }

    if (templateName == u"digital-journey") {
        const JourneyMap &map = firstMap(*document);
        QVERIFY2(shownTouchpoints(map) > 0, "the digital journey template shows cards");
        QVERIFY2(!map.connectors.isEmpty(), "the digital journey template has connectors");
    }
}

void TestMapScene::cardsDoNotOverlap()
{
    std::unique_ptr<Document> document = documentFrom(u"digital-journey"_s);
    QVERIFY(document);
    const JourneyMap &map = firstMap(*document);
    const Touchpoint *existing = firstShownTouchpoint(map);
    QVERIFY(existing);
    const Id stageId = existing->stageId;
    const Id laneId = existing->laneId;
    const Id mapId = map.id;

    // A crowded cell and a wide stage, so that cards stack and stand side by side.
    for (int i = 0; i < 7; ++i) {
        Touchpoint extra;
        extra.id = newId();
        extra.stageId = stageId;
        extra.laneId = laneId;
        extra.order = i;
        extra.title = u"Extra card %1 with a title long enough to wrap onto more lines"_s.arg(i);
        QVERIFY(push(document.get(), Commands::addTouchpoint(document.get(), mapId, extra)));
    }
    QVERIFY(
        push(document.get(), Commands::setStageWidth(document.get(), map.stages.last().id, 700)));

    MapScene scene(document.get(), mapId);
    const QList<TouchpointCardItem *> cards = scene.cards();
    QCOMPARE(cards.size(), shownTouchpoints(firstMap(*document)));
    QVERIFY(cards.size() > 8);

    for (qsizetype i = 0; i < cards.size(); ++i) {
        for (qsizetype j = i + 1; j < cards.size(); ++j) {
            const QRectF a = cards[i]->sceneBoundingRect();
            const QRectF b = cards[j]->sceneBoundingRect();
            QVERIFY2(!a.intersects(b),
                     qPrintable(u"“%1” overlaps “%2”"_s.arg(cards[i]->title(), cards[j]->title())));
        }
    }

    // Every card lies in its own cell, and no header covers a card.
    const MapLayout &layout = scene.mapLayout();
    for (TouchpointCardItem *card : cards) {
        const Touchpoint &t = card->touchpoint();
        const auto column =
            std::find_if(layout.columns().cbegin(), layout.columns().cend(),
                         [&](const MapLayout::Column &c) { return c.stageId == t.stageId; });
        const auto row =
            std::find_if(layout.rows().cbegin(), layout.rows().cend(),
                         [&](const MapLayout::Row &r) { return r.laneId == t.laneId; });
        QVERIFY(column != layout.columns().cend() && row != layout.rows().cend());
        const QRectF cell =
            layout.cellRect(column - layout.columns().cbegin(), row - layout.rows().cbegin());
        QVERIFY2(cell.contains(layout.cardRect(t.id)), qPrintable(t.title));
        for (StageHeaderItem *header : scene.stageHeaders())
            QVERIFY(!header->sceneBoundingRect().intersects(card->sceneBoundingRect()));
        for (LaneHeaderItem *header : scene.laneHeaders())
            QVERIFY(!header->sceneBoundingRect().intersects(card->sceneBoundingRect()));
    }

    // The wide stage puts more than one card on a line.
    QVERIFY(cardsPerLine(stageWidth(firstMap(*document).stages.last())) > 1);
}

void TestMapScene::changeUpdatesItemInPlace_data()
{
    QTest::addColumn<QString>("entity");

    QTest::newRow("stage") << u"stage"_s;
    QTest::newRow("lane") << u"lane"_s;
    QTest::newRow("touchpoint") << u"touchpoint"_s;
}

void TestMapScene::changeUpdatesItemInPlace()
{
    QFETCH(QString, entity);
    std::unique_ptr<Document> document = documentFrom(u"digital-journey"_s);
    QVERIFY(document);
    Document *doc = document.get();
    const JourneyMap &map = firstMap(*doc);
    MapScene scene(doc, map.id);
    const QString newName = u"Discovery & first look"_s;

    std::function<QString()> shownName;
    std::function<const QGraphicsItem *()> shownItem;
    const QGraphicsItem *before = nullptr;
    QString oldName;
    if (entity == u"stage") {
        const Stage &stage = map.stages.at(1);
        oldName = stage.name;
        before = scene.stageHeader(stage.id);
        shownName = [&scene, id = stage.id] {
            return scene.stageHeader(id)->name();
        };
        shownItem = [&scene, id = stage.id] {
            return scene.stageHeader(id);
        };
        QVERIFY(push(doc, Commands::renameStage(doc, stage.id, newName)));
    } else if (entity == u"lane") {
        const Lane &lane = *std::find_if(map.lanes.cbegin(), map.lanes.cend(),
                                         [](const Lane &l) { return !l.hidden; });
        oldName = lane.name;
        before = scene.laneHeader(lane.id);
        shownName = [&scene, id = lane.id] {
            return scene.laneHeader(id)->name();
        };
        shownItem = [&scene, id = lane.id] {
            return scene.laneHeader(id);
        };
        QVERIFY(push(doc, Commands::renameLane(doc, lane.id, newName)));
    } else {
        const Touchpoint *touchpoint = firstShownTouchpoint(map);
        QVERIFY(touchpoint);
        oldName = touchpoint->title;
        before = scene.card(touchpoint->id);
        shownName = [&scene, id = touchpoint->id] {
            return scene.card(id)->title();
        };
        shownItem = [&scene, id = touchpoint->id] {
            return scene.card(id);
        };
        QVERIFY(push(doc, Commands::setTouchpointTitle(doc, touchpoint->id, newName)));
    }
    QVERIFY(before);

    // A rename redraws the one item, without waiting for a rebuild or replacing it.
    QCOMPARE(shownName(), newName);
    scene.ensureCurrent();
    QCOMPARE(shownItem(), before);
    QCOMPARE(shownName(), newName);

    doc->undoStack()->undo();
    scene.ensureCurrent();
    QCOMPARE(shownName(), oldName);
}

void TestMapScene::hiddenLaneDisappears()
{
    std::unique_ptr<Document> document = documentFrom(u"digital-journey"_s);
    QVERIFY(document);
    Document *doc = document.get();
    const JourneyMap &map = firstMap(*doc);
    const Touchpoint *touchpoint = firstShownTouchpoint(map);
    QVERIFY(touchpoint);
    const Id laneId = touchpoint->laneId;
    const Id touchpointId = touchpoint->id;
    MapScene scene(doc, map.id);
    const qsizetype lanes = scene.laneHeaders().size();
    const qsizetype cards = scene.cards().size();

    QVERIFY(push(doc, Commands::setLaneHidden(doc, laneId, true)));
    scene.ensureCurrent();
    QVERIFY(!scene.laneHeader(laneId));
    QCOMPARE(scene.laneHeaders().size(), lanes - 1);
    QVERIFY(!scene.card(touchpointId));
    QCOMPARE(scene.cards().size(), shownTouchpoints(firstMap(*doc)));
    QVERIFY(scene.cards().size() < cards);

    doc->undoStack()->undo();
    scene.ensureCurrent();
    QVERIFY(scene.laneHeader(laneId));
    QVERIFY(scene.card(touchpointId));
    QCOMPARE(scene.cards().size(), cards);
}

void TestMapScene::selectionSurvivesRebuild()
{
    std::unique_ptr<Document> document = documentFrom(u"digital-journey"_s);
    QVERIFY(document);
    Document *doc = document.get();
    const JourneyMap &map = firstMap(*doc);
    const Touchpoint *touchpoint = firstShownTouchpoint(map);
    QVERIFY(touchpoint);
    const Id selectedId = touchpoint->id;
    MapScene scene(doc, map.id);
    scene.card(selectedId)->setSelected(true);

    QVERIFY(scene.addStage(0));
    scene.ensureCurrent();
    QCOMPARE(scene.selectedTouchpoints(), QList<Id>{selectedId});
}

void TestMapScene::headersStayInView()
{
    std::unique_ptr<Document> document = documentFrom(u"digital-journey"_s);
    QVERIFY(document);
    Document *doc = document.get();
    MapScene scene(doc, firstMap(*doc).id);
    const qreal stageTop = scene.stageHeaders().first()->y();
    const qreal laneLeft = scene.laneHeaders().first()->x();

    // Scrolled down and right: the headers follow the view's edge, the cards do not.
    const QPointF origin(300, 500);
    const QPointF cardBefore = scene.cards().first()->pos();
    scene.setVisibleOrigin(origin);
    for (StageHeaderItem *header : scene.stageHeaders())
        QVERIFY(header->y() > origin.y() && header->y() < origin.y() + MapStyle::Margin);
    for (LaneHeaderItem *header : scene.laneHeaders())
        QVERIFY(header->x() > origin.x() && header->x() < origin.x() + MapStyle::Margin);
    QCOMPARE(scene.titleItem()->pos(),
             QPointF(scene.laneHeaders().first()->x(), scene.stageHeaders().first()->y()));
    QCOMPARE(scene.cards().first()->pos(), cardBefore);

    // A rebuild keeps them there; scrolled back, they return to their places.
    QVERIFY(scene.addStage(0));
    scene.activeEditor()->cancel();
    QVERIFY(scene.stageHeaders().first()->y() > origin.y());
    scene.setVisibleOrigin(QPointF(0, 0));
    QCOMPARE(scene.stageHeaders().first()->y(), stageTop);
    QCOMPARE(scene.laneHeaders().first()->x(), laneLeft);
}

void TestMapScene::resetRebuildsFromSavedFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::unique_ptr<Document> document = documentFrom(u"digital-journey"_s);
    QVERIFY(document);
    Document *doc = document.get();
    StorageError error;
    QVERIFY2(doc->saveAs(dir.filePath(u"journey.waymark"_s), &error), qPrintable(error.message));

    const Stage stage = firstMap(*doc).stages.first();
    MapScene scene(doc, firstMap(*doc).id);
    QVERIFY(push(doc, Commands::renameStage(doc, stage.id, u"Renamed"_s)));
    QVERIFY(push(doc, Commands::removeStage(doc, firstMap(*doc).stages.last().id)));
    scene.ensureCurrent();
    QCOMPARE(scene.stageHeaders().size(), firstMap(*doc).stages.size());

    QVERIFY2(doc->revert(&error), qPrintable(error.message));
    QCOMPARE(scene.stageHeaders().size(), firstMap(*doc).stages.size());
    QCOMPARE(scene.stageHeaders().first()->name(), stage.name);
}

void TestMapScene::inlineRename_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<bool>("renamed");

    QTest::newRow("enter commits") << int(Qt::Key_Return) << true;
    QTest::newRow("escape cancels") << int(Qt::Key_Escape) << false;
}

void TestMapScene::inlineRename()
{
    QFETCH(int, key);
    QFETCH(bool, renamed);
    std::unique_ptr<Document> document = documentFrom(u"digital-journey"_s);
    QVERIFY(document);
    Document *doc = document.get();
    const Stage stage = firstMap(*doc).stages.at(2);
    MapScene scene(doc, firstMap(*doc).id);
    const int commands = doc->undoStack()->count();

    QVERIFY(scene.startRename(stage.id));
    InlineEditor *editor = scene.activeEditor();
    QVERIFY(editor);
    QCOMPARE(editor->text(), stage.name);
    editor->setPlainText(u"  Checkout\n"_s);
    sendKey(&scene, editor, key);

    QVERIFY(!scene.activeEditor());
    const QString expected = renamed ? u"Checkout"_s : stage.name;
    QCOMPARE(findById(firstMap(*doc).stages, stage.id)->name, expected);
    QCOMPARE(scene.stageHeader(stage.id)->name(), expected);
    QCOMPARE(doc->undoStack()->count(), commands + (renamed ? 1 : 0));
    if (renamed)
        QCOMPARE(doc->undoStack()->undoText(), u"Rename Stage"_s);
}

void TestMapScene::doubleClickEmptyCellAddsTouchpoint()
{
    std::unique_ptr<Document> document = documentFrom(u"digital-journey"_s);
    QVERIFY(document);
    Document *doc = document.get();
    MapView view(doc, firstMap(*doc).id);
    view.resize(1600, 1000);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    MapScene *scene = view.mapScene();

    // An empty cell near the top left, so that it is on screen.
    const MapLayout &layout = scene->mapLayout();
    std::optional<QPointF> target;
    Id stageId;
    Id laneId;
    for (qsizetype r = 0; r < layout.rows().size() && !target; ++r) {
        for (qsizetype c = 0; c < layout.columns().size() && !target; ++c) {
            const QRectF cell = layout.cellRect(c, r);
            if (scene->items(cell).isEmpty()) {
                target = cell.center();
                stageId = layout.columns().at(c).stageId;
                laneId = layout.rows().at(r).laneId;
            }
        }
    }
    QVERIFY(target);
    const qsizetype before = firstMap(*doc).touchpoints.size();

    QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, view.mapFromScene(*target));

    const JourneyMap &map = firstMap(*doc);
    QCOMPARE(map.touchpoints.size(), before + 1);
    const QList<const Touchpoint *> cell = cellTouchpoints(map, stageId, laneId);
    QCOMPARE(cell.size(), 1);
    QCOMPARE(cell.first()->title, u"New touchpoint"_s);
    QCOMPARE(doc->undoStack()->undoText(), u"Add Touchpoint"_s);
    QVERIFY(scene->card(cell.first()->id));
    QVERIFY2(scene->activeEditor(), "the new card's title is ready to type");
}

void TestMapScene::doubleClickHeaderOpensEditor()
{
    std::unique_ptr<Document> document = documentFrom(u"digital-journey"_s);
    QVERIFY(document);
    Document *doc = document.get();
    MapView view(doc, firstMap(*doc).id);
    view.resize(1600, 1000);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    MapScene *scene = view.mapScene();
    StageHeaderItem *header = scene->stageHeaders().first();

    QTest::mouseDClick(view.viewport(), Qt::LeftButton, {},
                       view.mapFromScene(header->textRect().center()));

    QVERIFY(scene->activeEditor());
    QCOMPARE(scene->activeEditor()->text(), header->name());
    QCOMPARE(doc->undoStack()->count(), 0);
}

void TestMapScene::typingReachesEditor()
{
    std::unique_ptr<Document> document = documentFrom(u"digital-journey"_s);
    QVERIFY(document);
    Document *doc = document.get();
    MapView view(doc, firstMap(*doc).id);
    view.resize(1600, 1000);
    view.show();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    MapScene *scene = view.mapScene();
    const Stage stage = firstMap(*doc).stages.first();

    QVERIFY(scene->startRename(stage.id));
    QTest::keyClicks(view.viewport(), u"First contact"_s);
    QCOMPARE(scene->activeEditor()->text(), u"First contact"_s);
    QTest::keyClick(view.viewport(), Qt::Key_Return);

    QCOMPARE(findById(firstMap(*doc).stages, stage.id)->name, u"First contact"_s);
}

void TestMapScene::deleteKeyRemovesSelectedCards()
{
    std::unique_ptr<Document> document = documentFrom(u"digital-journey"_s);
    QVERIFY(document);
    Document *doc = document.get();
    MapScene scene(doc, firstMap(*doc).id);
    const QList<TouchpointCardItem *> cards = scene.cards();
    QVERIFY(cards.size() >= 3);
    const Id first = cards[0]->touchpointId();
    const Id second = cards[1]->touchpointId();
    cards[0]->setSelected(true);
    cards[1]->setSelected(true);
    const qsizetype before = firstMap(*doc).touchpoints.size();

    sendKey(&scene, nullptr, Qt::Key_Delete);
    scene.ensureCurrent();

    QCOMPARE(firstMap(*doc).touchpoints.size(), before - 2);
    QCOMPARE(indexOfId(firstMap(*doc).touchpoints, first), -1);
    QCOMPARE(indexOfId(firstMap(*doc).touchpoints, second), -1);
    QVERIFY(!scene.card(first));
    QCOMPARE(scene.cards().size(), cards.size() - 2);

    // Nothing selected: the key does nothing.
    const int commands = doc->undoStack()->count();
    sendKey(&scene, nullptr, Qt::Key_Delete);
    QCOMPARE(doc->undoStack()->count(), commands);
}

void TestMapScene::stageMenu_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<int>("countChange");
    QTest::addColumn<int>("newIndexOffset"); // where a new stage lands, from the clicked one

    QTest::newRow("add before") << u"addStageBefore"_s << 1 << 0;
    QTest::newRow("add after") << u"addStageAfter"_s << 1 << 1;
    QTest::newRow("delete") << u"deleteStage"_s << -1 << 0;
}

void TestMapScene::stageMenu()
{
    QFETCH(QString, action);
    QFETCH(int, countChange);
    QFETCH(int, newIndexOffset);
    std::unique_ptr<Document> document = documentFrom(u"digital-journey"_s);
    QVERIFY(document);
    Document *doc = document.get();
    MapScene scene(doc, firstMap(*doc).id);
    const qsizetype clicked = 2;
    const Id clickedId = firstMap(*doc).stages.at(clicked).id;
    const qsizetype before = firstMap(*doc).stages.size();

    std::unique_ptr<QMenu> menu =
        scene.createContextMenu(scene.stageHeader(clickedId)->textRect().center());
    QVERIFY(menu);
    QVERIFY(menu->findChild<QAction *>(u"renameStage"_s));
    auto *item = menu->findChild<QAction *>(action);
    QVERIFY(item);
    QVERIFY(item->isEnabled());
    item->trigger();
    scene.ensureCurrent();

    const JourneyMap &map = firstMap(*doc);
    QCOMPARE(map.stages.size(), before + countChange);
    QCOMPARE(scene.stageHeaders().size(), map.stages.size());
    if (countChange > 0) {
        const Stage &added = map.stages.at(clicked + newIndexOffset);
        QCOMPARE(added.name, u"New stage"_s);
        QVERIFY2(scene.activeEditor(), "a new stage is named straight away");
    } else {
        QCOMPARE(indexOfId(map.stages, clickedId), -1);
    }
}

void TestMapScene::laneMenu()
{
    std::unique_ptr<Document> document = documentFrom(u"digital-journey"_s);
    QVERIFY(document);
    Document *doc = document.get();
    MapScene scene(doc, firstMap(*doc).id);
    LaneHeaderItem *header = scene.laneHeaders().first();
    const Id laneId = header->laneId();
    const QString laneName = header->name();
    const qsizetype index = indexOfId(firstMap(*doc).lanes, laneId);
    const QPointF where = header->sceneBoundingRect().center();

    std::unique_ptr<QMenu> menu = scene.createContextMenu(where);
    QVERIFY(menu);
    QVERIFY(menu->findChild<QAction *>(u"renameLane"_s));
    QVERIFY(menu->findChild<QAction *>(u"deleteLane"_s));
    menu->findChild<QAction *>(u"addLaneBelow"_s)->trigger();
    QCOMPARE(firstMap(*doc).lanes.at(index + 1).name, u"New lane"_s);
    scene.activeEditor()->cancel();

    menu = scene.createContextMenu(where);
    QVERIFY(menu);
    menu->findChild<QAction *>(u"hideLane"_s)->trigger();
    QVERIFY(findById(firstMap(*doc).lanes, laneId)->hidden);
    scene.ensureCurrent();
    QVERIFY(!scene.laneHeader(laneId));

    // The hidden lane is offered back from any other lane's menu.
    menu = scene.createContextMenu(scene.laneHeaders().first()->sceneBoundingRect().center());
    QVERIFY(menu);
    auto *show = menu->findChild<QMenu *>(u"showLane"_s);
    QVERIFY(show);
    const auto hidden = std::count_if(firstMap(*doc).lanes.cbegin(), firstMap(*doc).lanes.cend(),
                                      [](const Lane &lane) { return lane.hidden; });
    QCOMPARE(show->actions().size(), hidden);
    const auto reshow = std::find_if(show->actions().cbegin(), show->actions().cend(),
                                     [&](QAction *a) { return a->text() == laneName; });
    QVERIFY(reshow != show->actions().cend());
    (*reshow)->trigger();
    QVERIFY(!findById(firstMap(*doc).lanes, laneId)->hidden);
}

void TestMapScene::lastVisibleLaneStays()
{
    std::unique_ptr<Document> document = documentFrom(u"blank"_s);
    QVERIFY(document);
    Document *doc = document.get();
    const JourneyMap &map = firstMap(*doc);
    QVERIFY(map.lanes.size() > 1);
    const QList<Lane> lanes = map.lanes;
    for (qsizetype i = 1; i < lanes.size(); ++i)
        push(doc, Commands::setLaneHidden(doc, lanes.at(i).id, true));
    MapScene scene(doc, map.id);
    QCOMPARE(scene.laneHeaders().size(), 1);

    std::unique_ptr<QMenu> menu =
        scene.createContextMenu(scene.laneHeaders().first()->sceneBoundingRect().center());
    QVERIFY(menu);
    QVERIFY(!menu->findChild<QAction *>(u"hideLane"_s)->isEnabled());
    QVERIFY(!menu->findChild<QAction *>(u"deleteLane"_s)->isEnabled());
}

void TestMapScene::connectorsJoinTheirCards()
{
    std::unique_ptr<Document> document = documentFrom(u"digital-journey"_s);
    QVERIFY(document);
    Document *doc = document.get();
    MapScene scene(doc, firstMap(*doc).id);
    QVERIFY(!scene.connectors().isEmpty());

    for (ConnectorItem *connector : scene.connectors()) {
        const QList<QPointF> points = connector->points();
        QVERIFY(points.size() >= 2);
        const QRectF from = scene.mapLayout().cardRect(connector->connector().fromId);
        const QRectF to = scene.mapLayout().cardRect(connector->connector().toId);
        QVERIFY(from.adjusted(-0.5, -0.5, 0.5, 0.5).contains(points.first()));
        QVERIFY(to.adjusted(-0.5, -0.5, 0.5, 0.5).contains(points.last()));
        for (qsizetype i = 1; i < points.size(); ++i) {
            const bool orthogonal = qFuzzyCompare(points[i].x(), points[i - 1].x()) ||
                                    qFuzzyCompare(points[i].y(), points[i - 1].y());
            QVERIFY2(orthogonal, "connectors run horizontally and vertically");
        }
    }

    // A connector follows its card when the card moves to another stage.
    const Connector connector = firstMap(*doc).connectors.first();
    const Touchpoint *to = findById(firstMap(*doc).touchpoints, connector.toId);
    QVERIFY(to);
    const Id lastStage = firstMap(*doc).stages.last().id;
    push(doc, Commands::moveTouchpoints(doc, {to->id}, lastStage, to->laneId, 0));
    scene.ensureCurrent();
    const auto moved =
        std::find_if(scene.connectors().cbegin(), scene.connectors().cend(),
                     [&](ConnectorItem *c) { return c->connectorId() == connector.id; });
    QVERIFY(moved != scene.connectors().cend());
    QVERIFY(scene.mapLayout()
                .cardRect(connector.toId)
                .adjusted(-0.5, -0.5, 0.5, 0.5)
                .contains((*moved)->points().last()));
}

void TestMapScene::fitText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("maxLines");
    QTest::addColumn<int>("expectedLines"); // -1: more than one
    QTest::addColumn<bool>("elided");

    QTest::newRow("short") << u"Checkout"_s << 3 << 1 << false;
    QTest::newRow("empty") << QString() << 3 << 0 << false;
    QTest::newRow("wraps") << u"Compares delivery options and return policies"_s << 6 << -1
                           << false;
    QTest::newRow("elided") << u"A very long title that goes on and on about everything the "
                               u"customer did before they finally reached the checkout page"_s
                            << 2 << 2 << true;
    QTest::newRow("one long word")
        << u"Supercalifragilisticexpialidociouslylongwordwithoutanyspaces"_s << 1 << 1 << true;
    QTest::newRow("newlines are spaces") << u"Two\nlines"_s << 3 << 1 << false;
}

void TestMapScene::fitText()
{
    QFETCH(QString, text);
    QFETCH(int, maxLines);
    QFETCH(int, expectedLines);
    QFETCH(bool, elided);
    const QFont font = MapStyle::cardTitleFont();
    const qreal width = 180;

    const QStringList lines = Waymark::fitText(text, font, width, maxLines);

    if (expectedLines < 0)
        QVERIFY(lines.size() > 1);
    else
        QCOMPARE(lines.size(), expectedLines);
    const QFontMetricsF metrics(font);
    for (const QString &line : lines)
        QVERIFY2(metrics.horizontalAdvance(line) <= width + 0.5, qPrintable(line));
    QCOMPARE(!lines.isEmpty() && lines.last().endsWith(QChar(0x2026)), elided);
    if (!elided)
        QCOMPARE(lines.join(u' '), text.simplified());
}

QTEST_MAIN(TestMapScene)
#include "tst_mapscene.moc"
