// Building a journey map from the keyboard alone, as a facilitator at a projector does: from a
// blank project, arrow keys to a cell, stages and lanes added and named with the Map menu's
// shortcuts, cards typed one after another with Tab; then Ctrl+Z, one step at a time, all
// the way back to the blank project, every step giving back exactly what was there before it.
#include "document.h"
#include "inlineeditor.h"
#include "lookup.h"
#include "mainwindow.h"
#include "mapactions.h"
#include "mapscene.h"
#include "mapview.h"
#include "templates.h"
#include "validation.h"

#include <QAction>
#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Waymark;

namespace {

// Keys as a person presses them: to whichever widget has the focus.
void press(int key, Qt::KeyboardModifiers modifiers = {})
{
    QWidget *focus = QApplication::focusWidget();
    QVERIFY2(focus, "something has the keyboard focus");
    QTest::keyClick(focus, Qt::Key(key), modifiers);
    QCoreApplication::processEvents();
}

void type(const QString &text)
{
    QWidget *focus = QApplication::focusWidget();
    QVERIFY2(focus, "something has the keyboard focus");
    QTest::keyClicks(focus, text);
    QCoreApplication::processEvents();
}

QStringList stageNames(const JourneyMap &map)
{
    QStringList names;
    for (const Stage &s : map.stages)
        names.append(s.name);
    return names;
}

QStringList laneNames(const JourneyMap &map)
{
    QStringList names;
    for (const Lane &l : map.lanes)
        names.append(l.name);
    return names;
}

// The titles in one cell, in their order, the cell named by its stage's and lane's names.
QStringList titlesIn(const JourneyMap &map, const QString &stage, const QString &lane)
{
    const auto s = std::find_if(map.stages.cbegin(), map.stages.cend(),
                                [&](const Stage &x) { return x.name == stage; });
    const auto l = std::find_if(map.lanes.cbegin(), map.lanes.cend(),
                                [&](const Lane &x) { return x.name == lane; });
    QStringList titles;
    if (s == map.stages.cend() || l == map.lanes.cend())
        return {u"<no such cell>"_s};
    for (const Touchpoint *t : cellTouchpoints(map, s->id, l->id))
        titles.append(t->title);
    return titles;
}

} // namespace

class TestKeyboardMap : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void buildFromBlankThenUndoAll();
    void arrowsReachEveryCell_data();
    void arrowsReachEveryCell();
    void arrowsStopAtEmptyCellsBetweenCards();
    void deleteStageAndLaneOfTheSelection();
    void stageVerbsSayWhatTheyNeed();
};

void TestKeyboardMap::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"WaymarkTests"_s);
    QCoreApplication::setApplicationName(u"tst_keyboardmap"_s);
}

void TestKeyboardMap::init()
{
    QSettings().clear();
}

void TestKeyboardMap::buildFromBlankThenUndoAll()
{
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    Document *doc = window.document();
    QUndoStack *stack = doc->undoStack();

    // The window starts from the blank template: its grid, no cards.
    StorageError error;
    const std::optional<Project> blankTemplate = Templates::instantiate(u"blank"_s, &error);
    QVERIFY(blankTemplate);
    const Project blank = doc->project();
    QCOMPARE(blank.maps.size(), 1);
    QCOMPARE(stageNames(blank.maps.first()), stageNames(blankTemplate->maps.first()));
    QCOMPARE(laneNames(blank.maps.first()), laneNames(blankTemplate->maps.first()));
    QVERIFY(blank.maps.first().touchpoints.isEmpty());
    const QString firstLane = blank.maps.first().lanes.at(0).name;
    const QString secondLane = blank.maps.first().lanes.at(1).name;

    // What the project was after each step, to hold every undo against.
    QList<Project> states{blank};
    const QObject listening; // goes before states does
    connect(stack, &QUndoStack::indexChanged, &listening, [&](int index) {
        if (index == states.size())
            states.append(doc->project());
    });

    MapView *view = window.currentMapView();
    MapScene *scene = view->mapScene();
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());

    // On a map without cards, an arrow key selects the first cell.
    press(Qt::Key_Right);
    QVERIFY(scene->selectedCell());
    QCOMPARE(scene->selectedCell()->stageId, blank.maps.first().stages.first().id);
    QCOMPARE(scene->selectedCell()->laneId, blank.maps.first().lanes.first().id);

    // Two stages after Awareness, each named as it comes; the selection follows into it.
    press(Qt::Key_Right, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(scene->activeEditor() && scene->activeEditor()->hasFocus());
    type(u"Research"_s);
    press(Qt::Key_Return);
    QVERIFY(!scene->activeEditor());
    press(Qt::Key_Right, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(scene->activeEditor() && scene->activeEditor()->hasFocus());
    type(u"Compare"_s);
    press(Qt::Key_Return);
    QCOMPARE(stack->count(), 4);

    // Cards typed into the cell, Tab going on to the next stage's cell.
    type(u"Blog post"_s);
    press(Qt::Key_Tab);
    QTRY_VERIFY(scene->activeEditor() && scene->activeEditor()->hasFocus());
    type(u"Reviews"_s);
    press(Qt::Key_Tab);
    QTRY_VERIFY(scene->activeEditor() && scene->activeEditor()->hasFocus());
    type(u"Checkout"_s);
    press(Qt::Key_Return);

    // Down from the last card, where no card is below: the empty cell under it.
    press(Qt::Key_Down);
    QVERIFY(scene->selectedCell());
    type(u"Pay by card"_s);
    press(Qt::Key_Return);

    // The stage and the lane of that card renamed: Shift+F2 and Ctrl+F2.
    press(Qt::Key_F2, Qt::ShiftModifier);
    QTRY_VERIFY(scene->activeEditor() && scene->activeEditor()->hasFocus());
    type(u"Buy"_s);
    press(Qt::Key_Return);
    press(Qt::Key_F2, Qt::ControlModifier);
    QTRY_VERIFY(scene->activeEditor() && scene->activeEditor()->hasFocus());
    type(u"Doing"_s);
    press(Qt::Key_Return);

    // A lane below it, named, and a card in it; then one more to the left.
    press(Qt::Key_Down, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(scene->activeEditor() && scene->activeEditor()->hasFocus());
    type(u"Worries"_s);
    press(Qt::Key_Return);
    type(u"Too many steps"_s);
    press(Qt::Key_Return);
    press(Qt::Key_Left);
    QVERIFY(scene->selectedCell());
    type(u"Unsure"_s);
    press(Qt::Key_Return);
    QVERIFY(!scene->activeEditor());

    // The map, as the document holds it.
    const JourneyMap &map = doc->project().maps.first();
    QCOMPARE(stageNames(map),
             (QStringList{u"Awareness"_s, u"Research"_s, u"Compare"_s, u"Consideration"_s, u"Buy"_s,
                          u"Experience"_s, u"Loyalty"_s}));
    QStringList lanes = laneNames(blank.maps.first());
    lanes[1] = u"Doing"_s;
    lanes.insert(2, u"Worries"_s);
    QCOMPARE(laneNames(map), lanes);
    QCOMPARE(map.touchpoints.size(), 6);
    QCOMPARE(titlesIn(map, u"Compare"_s, firstLane), QStringList{u"Blog post"_s});
    QCOMPARE(titlesIn(map, u"Consideration"_s, firstLane), QStringList{u"Reviews"_s});
    QCOMPARE(titlesIn(map, u"Buy"_s, firstLane), QStringList{u"Checkout"_s});
    QCOMPARE(titlesIn(map, u"Buy"_s, u"Doing"_s), QStringList{u"Pay by card"_s});
    QCOMPARE(titlesIn(map, u"Buy"_s, u"Worries"_s), QStringList{u"Too many steps"_s});
    QCOMPARE(titlesIn(map, u"Consideration"_s, u"Worries"_s), QStringList{u"Unsure"_s});
    QVERIFY2(findProblems(doc->project()).isEmpty(),
             qPrintable(findProblems(doc->project()).join(u'\n')));
    QCOMPARE(map.lanes.at(1).name, u"Doing"_s);
    QVERIFY(secondLane != u"Doing"_s);

    // Each card is two steps (made with its first letter or by Tab, then named); each stage
    // and lane two (added, then named); each rename one.
    const int steps = 2 * 6 + 2 * 3 + 2;
    QCOMPARE(stack->count(), steps);
    QCOMPARE(states.size(), steps + 1);

    // Ctrl+Z, one step at a time, back to the blank project.
    for (int index = steps - 1; index >= 0; --index) {
        press(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(stack->index(), index);
        QVERIFY2(doc->project() == states.at(index),
                 qPrintable(u"after undoing to step %1"_s.arg(index)));
    }
    QVERIFY(doc->project() == blank);
    QVERIFY(!doc->isModified());
    QCOMPARE(window.mapViewCount(), 1);
}

void TestKeyboardMap::arrowsReachEveryCell_data()
{
    QTest::addColumn<QList<int>>("keys");
    QTest::addColumn<int>("column"); // of the cell selected at the end
    QTest::addColumn<int>("row");

    // Starting from the first cell of an empty map.
    QTest::newRow("right twice") << QList<int>{Qt::Key_Right, Qt::Key_Right} << 2 << 0;
    QTest::newRow("down and right") << QList<int>{Qt::Key_Down, Qt::Key_Right} << 1 << 1;
    QTest::newRow("left at the edge stays") << QList<int>{Qt::Key_Left} << 0 << 0;
    QTest::newRow("up at the edge stays") << QList<int>{Qt::Key_Up} << 0 << 0;
    QTest::newRow("there and back")
        << QList<int>{Qt::Key_Right, Qt::Key_Down, Qt::Key_Left, Qt::Key_Up} << 0 << 0;
}

void TestKeyboardMap::arrowsReachEveryCell()
{
    QFETCH(QList<int>, keys);
    QFETCH(int, column);
    QFETCH(int, row);

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    MapView *view = window.currentMapView();
    MapScene *scene = view->mapScene();
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());

    press(Qt::Key_Down); // the first cell, on a map without cards
    QVERIFY(scene->selectedCell());
    for (int key : std::as_const(keys))
        press(key);
    const std::optional<MapLayout::Cell> cell = scene->selectedCell();
    QVERIFY(cell);
    QCOMPARE(cell->stageId, scene->mapLayout().columns().at(column).stageId);
    QCOMPARE(cell->laneId, scene->mapLayout().rows().at(row).laneId);

    // A card typed there; from it an arrow goes on to the next cell, and back onto the card.
    type(u"Here"_s);
    press(Qt::Key_Return);
    QCOMPARE(scene->selectedTouchpoints().size(), 1);
    const Id card = scene->selectedTouchpoints().first();
    press(Qt::Key_Down);
    QVERIFY2(scene->selectedTouchpoints().isEmpty(), "the empty cell below, not a card");
    QVERIFY(scene->selectedCell());
    QCOMPARE(scene->selectedCell()->laneId, scene->mapLayout().rows().at(row + 1).laneId);
    press(Qt::Key_Up);
    QCOMPARE(scene->selectedTouchpoints(), QList<Id>{card});
}

void TestKeyboardMap::arrowsStopAtEmptyCellsBetweenCards()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    MapView *view = window.currentMapView();
    MapScene *scene = view->mapScene();
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());
    const QList<MapLayout::Column> &columns = scene->mapLayout().columns();
    QVERIFY(columns.size() >= 3);

    // Two cards in one lane with an empty cell between them.
    press(Qt::Key_Down);
    type(u"First"_s);
    press(Qt::Key_Return);
    const Id first = scene->selectedTouchpoints().value(0);
    press(Qt::Key_Right);
    press(Qt::Key_Right);
    type(u"Third"_s);
    press(Qt::Key_Return);
    const Id third = scene->selectedTouchpoints().value(0);
    QVERIFY(!first.isNull() && !third.isNull() && first != third);

    press(Qt::Key_Left);
    QVERIFY2(scene->selectedTouchpoints().isEmpty(), "the empty cell between, not the card");
    QVERIFY(scene->selectedCell());
    QCOMPARE(scene->selectedCell()->stageId, columns.at(1).stageId);
    press(Qt::Key_Left);
    QCOMPARE(scene->selectedTouchpoints(), QList<Id>{first});
    press(Qt::Key_Right);
    QVERIFY(scene->selectedTouchpoints().isEmpty());
    press(Qt::Key_Right);
    QCOMPARE(scene->selectedTouchpoints(), QList<Id>{third});
}

void TestKeyboardMap::deleteStageAndLaneOfTheSelection()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    Document *doc = window.document();
    const Project before = doc->project();
    MapView *view = window.currentMapView();
    MapScene *scene = view->mapScene();
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());

    press(Qt::Key_Right);
    press(Qt::Key_Right);
    press(Qt::Key_Down);
    const MapLayout::Cell cell = *scene->selectedCell();
    auto *stage = window.findChild<QAction *>(u"deleteCurrentStage"_s);
    auto *lane = window.findChild<QAction *>(u"deleteCurrentLane"_s);
    QVERIFY(stage && lane);
    QVERIFY(stage->isEnabled() && lane->isEnabled());

    stage->trigger();
    QCOMPARE(indexOfId(doc->project().maps.first().stages, cell.stageId), -1);
    QCOMPARE(doc->project().maps.first().stages.size(), before.maps.first().stages.size() - 1);
    doc->undoStack()->undo();
    QVERIFY(doc->project() == before);

    scene->ensureCurrent();
    scene->selectCell(cell);
    QVERIFY(scene->selectedCell());
    lane->trigger();
    QCOMPARE(indexOfId(doc->project().maps.first().lanes, cell.laneId), -1);
    doc->undoStack()->undo();
    QVERIFY(doc->project() == before);
}

void TestKeyboardMap::stageVerbsSayWhatTheyNeed()
{
    MainWindow window;
    Document *doc = window.document();
    const Project before = doc->project();
    QVERIFY(!window.currentMapView()->mapScene()->selectedCell());

    // With nothing selected, renaming says what it needs and changes nothing; adding puts
    // the stage or lane at the end.
    for (const QString &name : {u"renameCurrentStage"_s, u"renameCurrentLane"_s,
                                u"deleteCurrentStage"_s, u"deleteCurrentLane"_s}) {
        auto *action = window.findChild<QAction *>(name);
        QVERIFY2(action, qPrintable(name));
        action->trigger();
        QVERIFY2(!window.statusBar()->currentMessage().isEmpty(), qPrintable(name));
        QVERIFY(doc->project() == before);
        window.statusBar()->clearMessage();
    }
    window.findChild<QAction *>(u"addStageAfterCurrent"_s)->trigger();
    const JourneyMap &map = doc->project().maps.first();
    QCOMPARE(map.stages.size(), before.maps.first().stages.size() + 1);
    QCOMPARE(map.stages.last().name, QCoreApplication::translate("Waymark::MapScene", "New stage"));
    window.findChild<QAction *>(u"addLaneBelowCurrent"_s)->trigger();
    QCOMPARE(doc->project().maps.first().lanes.size(), before.maps.first().lanes.size() + 1);
}

QTEST_MAIN(TestKeyboardMap)
#include "tst_keyboardmap.moc"
