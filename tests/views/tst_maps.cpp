// The Map menu of the main window: new maps from a blank grid or a template, renaming in a
// dialog and in place, duplicating with new ids, deleting, reordering, and current or future
// state. Each verb is one undo step; undo gives back the project exactly, and the tabs
// follow the model through do, undo and redo.
#include "commands.h"
#include "document.h"
#include "lookup.h"
#include "mainwindow.h"
#include "mapactions.h"
#include "mapview.h"
#include "templates.h"
#include "validation.h"

#include <QAction>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Waymark;

namespace {

// A main window whose questions about maps are answered by the test.
class TestWindow : public MainWindow
{
public:
    bool deleteAnswer = true;
    int deleteQuestions = 0;
    QString nameAnswer;
    int nameQuestions = 0;

protected:
    bool askToDeleteMap(const JourneyMap &) override
    {
        ++deleteQuestions;
        return deleteAnswer;
    }
    QString askMapName(const QString &) override
    {
        ++nameQuestions;
        return nameAnswer;
    }
    QMessageBox::StandardButton askToSaveChanges() override { return QMessageBox::Discard; }
};

QTabWidget *tabsOf(const MainWindow &window)
{
    return window.findChild<QTabWidget *>(u"mapTabs"_s);
}

// An action of the Map menu or of its New Map submenu, found by its object name.
QAction *mapAction(const MainWindow &window, const QString &name)
{
    const QMenu *menu = window.mapActions()->menu();
    const QList<QAction *> actions = menu->actions() + window.mapActions()->newMapMenu()->actions();
    const auto it = std::find_if(actions.cbegin(), actions.cend(),
                                 [&](const QAction *a) { return a->objectName() == name; });
    return it == actions.cend() ? nullptr : *it;
}

// Whether the tabs show the project's maps, in its order, under their names.
bool tabsFollow(const MainWindow &window)
{
    const QTabWidget *tabs = tabsOf(window);
    const QList<JourneyMap> &maps = window.document()->project().maps;
    if (tabs->count() != maps.size()) {
        qWarning() << tabs->count() << "tabs for" << maps.size() << "maps";
        return false;
    }
    for (int i = 0; i < tabs->count(); ++i) {
        const auto *view = qobject_cast<const MapView *>(tabs->widget(i));
        QString expected = maps.at(i).name;
        expected.replace(u'&', u"&&"_s);
        if (maps.at(i).kind == MapKind::FutureState)
            expected += u" (future)"_s;
        if (!view || view->mapId() != maps.at(i).id || tabs->tabText(i) != expected) {
            qWarning() << "tab" << i << tabs->tabText(i) << "for map" << maps.at(i).name;
            return false;
        }
    }
    return true;
}

Id currentMapId(const MainWindow &window)
{
    return window.currentMapView() ? window.currentMapView()->mapId() : Id();
}

// Every id a map holds, its own included.
QSet<Id> idsOf(const JourneyMap &map)
{
    QSet<Id> ids{map.id};
    for (const Stage &s : map.stages)
        ids.insert(s.id);
    for (const Lane &l : map.lanes)
        ids.insert(l.id);
    for (const Touchpoint &t : map.touchpoints)
        ids.insert(t.id);
    for (const Connector &c : map.connectors)
        ids.insert(c.id);
    for (const Annotation &a : map.annotations)
        ids.insert(a.id);
    for (const PersonaStep &s : map.personaSteps)
        ids.insert(s.id);
    return ids;
}

void push(Document *doc, Commands::Command command)
{
    QVERIFY(command);
    doc->push(command.release());
}

} // namespace

class TestMaps : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void menuAndTabMenuHoldTheVerbs();
    void blankGrid();
    void mapFromTemplate_data();
    void mapFromTemplate();
    void renameByDialog_data();
    void renameByDialog();
    void renameInPlace_data();
    void renameInPlace();
    void duplicateRenewsEveryId();
    void deleteAsksOnlyForCards_data();
    void deleteAsksOnlyForCards();
    void lastMapStays();
    void moveLeftAndRight();
    void currentOrFutureState();
    void removedTabShowsItsNeighbour();
};

void TestMaps::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"WaymarkTests"_s);
    QCoreApplication::setApplicationName(u"tst_maps"_s);
}

void TestMaps::init()
{
    QSettings().clear();
}

void TestMaps::menuAndTabMenuHoldTheVerbs()
{
    TestWindow window;
    QMenu *menu = window.mapActions()->menu();
    QCOMPARE(menu->objectName(), u"mapMenu"_s);
    QVERIFY(window.menuBar()->actions().contains(menu->menuAction()));

    const QStringList mapVerbs{u"renameMap"_s,     u"duplicateMap"_s, u"deleteMap"_s,
                               u"moveMapLeft"_s,   u"moveMapRight"_s, u"currentStateMap"_s,
                               u"futureStateMap"_s};
    const QStringList canvasVerbs{u"addStageAfterCurrent"_s, u"addLaneBelowCurrent"_s,
                                  u"renameCurrentStage"_s,   u"renameCurrentLane"_s,
                                  u"deleteCurrentStage"_s,   u"deleteCurrentLane"_s};
    auto names = [](const QMenu *m) {
        QStringList result;
        for (const QAction *action : m->actions())
            result.append(action->objectName());
        return result;
    };
    const QStringList inMenu = names(menu);
    const QStringList inTabMenu = names(window.mapActions()->tabMenu());
    for (const QString &verb : mapVerbs) {
        QVERIFY2(inMenu.contains(verb), qPrintable(verb));
        QVERIFY2(inTabMenu.contains(verb), qPrintable(verb));
    }
    for (const QString &verb : canvasVerbs)
        QVERIFY2(inMenu.contains(verb), qPrintable(verb));
    QVERIFY(window.mapActions()->tabMenu()->actions().contains(
        window.mapActions()->newMapMenu()->menuAction()));

    // The pair of states is exclusive, and shows the current map's.
    QAction *current = mapAction(window, u"currentStateMap"_s);
    QAction *future = mapAction(window, u"futureStateMap"_s);
    QVERIFY(current && future);
    QVERIFY(current->isCheckable() && future->isCheckable());
    QVERIFY(current->isChecked());
    QVERIFY(!future->isChecked());
}

void TestMaps::blankGrid()
{
    TestWindow window;
    Document *doc = window.document();
    const Project before = doc->project();
    StorageError error;
    const std::optional<Project> blank = Templates::instantiate(u"blank"_s, &error);
    QVERIFY(blank);

    QAction *add = mapAction(window, u"newBlankMap"_s);
    QVERIFY(add);
    QCOMPARE(add->shortcut(), QKeySequence(QKeySequence::AddTab));
    add->trigger();

    QCOMPARE(doc->project().maps.size(), before.maps.size() + 1);
    const JourneyMap &map = doc->project().maps.at(1);
    QCOMPARE(map.name, u"New map"_s);
    QCOMPARE(map.kind, MapKind::CurrentState);
    QVERIFY(map.touchpoints.isEmpty());
    // The grid the blank template has: the same stages and lanes, under ids of their own.
    QCOMPARE(map.stages.size(), blank->maps.first().stages.size());
    QCOMPARE(map.lanes.size(), blank->maps.first().lanes.size());
    for (qsizetype i = 0; i < map.stages.size(); ++i) {
        QCOMPARE(map.stages.at(i).name, blank->maps.first().stages.at(i).name);
        QCOMPARE(indexOfId(before.maps.first().stages, map.stages.at(i).id), -1);
    }
    for (qsizetype i = 0; i < map.lanes.size(); ++i) {
        QCOMPARE(map.lanes.at(i).name, blank->maps.first().lanes.at(i).name);
        QCOMPARE(map.lanes.at(i).kind, blank->maps.first().lanes.at(i).kind);
    }
    QVERIFY(findProblems(doc->project()).isEmpty());
    QCOMPARE(doc->undoStack()->count(), 1);
    QVERIFY(tabsFollow(window));
    QCOMPARE(currentMapId(window), map.id);
    // A new map is named straight away, in place; Escape keeps the name it came with.
    auto *editor = tabsOf(window)->tabBar()->findChild<QLineEdit *>(u"mapNameEditor"_s);
    QVERIFY(editor);
    QCOMPARE(editor->text(), u"New map"_s);
    QTest::keyClick(editor, Qt::Key_Escape);
    QCOMPARE(doc->undoStack()->count(), 1);

    // A second one is told apart by its name.
    add->trigger();
    QCOMPARE(doc->project().maps.at(2).name, u"New map 2"_s);
    doc->undoStack()->undo();

    const Project after = doc->project();
    doc->undoStack()->undo();
    QVERIFY(doc->project() == before);
    QVERIFY(tabsFollow(window));
    doc->undoStack()->redo();
    QVERIFY(doc->project() == after);
    QVERIFY(tabsFollow(window));
}

void TestMaps::mapFromTemplate_data()
{
    QTest::addColumn<QString>("templateName");
    for (const QString &name : Templates::names()) {
        if (name != u"blank"_s)
            QTest::newRow(qPrintable(name)) << name;
    }
}

void TestMaps::mapFromTemplate()
{
    QFETCH(QString, templateName);
    StorageError error;
    const std::optional<Project> source = Templates::instantiate(templateName, &error);
    QVERIFY2(source, qPrintable(error.message));
    const JourneyMap &sourceMap = source->maps.first();

    TestWindow window;
    Document *doc = window.document();
    const Project before = doc->project();
    QMenu *newMap = window.mapActions()->newMapMenu();
    Q_EMIT newMap->aboutToShow(); // the template entries are made as the menu first opens
    QAction *add = mapAction(window, u"newMapFrom-%1-0"_s.arg(templateName));
    QVERIFY(add);
    QCOMPARE(add->text(), QString(Templates::displayName(templateName)).replace(u'&', u"&&"_s));

    add->trigger();
    QCOMPARE(doc->undoStack()->count(), 1);
    const JourneyMap &map = doc->project().maps.at(1);
    QCOMPARE(map.name, sourceMap.name);
    QCOMPARE(map.touchpoints.size(), sourceMap.touchpoints.size());
    QCOMPARE(map.connectors.size(), sourceMap.connectors.size());
    QCOMPARE(map.personaSteps.size(), sourceMap.personaSteps.size());
    QVERIFY(!map.touchpoints.isEmpty());
    // The personas whose paths cross the map came with it.
    QSet<Id> walkers;
    for (const PersonaStep &s : map.personaSteps)
        walkers.insert(s.personaId);
    QCOMPARE(doc->project().personas.size(), before.personas.size() + walkers.size());
    QVERIFY2(findProblems(doc->project()).isEmpty(),
             qPrintable(findProblems(doc->project()).join(u'\n')));
    QVERIFY(tabsFollow(window));
    QCOMPARE(currentMapId(window), map.id);

    // A second copy has new ids of its own, and walks with the personas already there.
    const qsizetype personas = doc->project().personas.size();
    add->trigger();
    QCOMPARE(doc->project().maps.size(), before.maps.size() + 2);
    QCOMPARE(doc->project().personas.size(), personas);
    QCOMPARE(doc->project().maps.at(2).name, sourceMap.name + u" 2"_s);
    QVERIFY(!idsOf(doc->project().maps.at(2)).intersects(idsOf(doc->project().maps.at(1))));
    QVERIFY(findProblems(doc->project()).isEmpty());

    doc->undoStack()->undo();
    doc->undoStack()->undo();
    QVERIFY(doc->project() == before);
    QVERIFY(tabsFollow(window));
}

void TestMaps::renameByDialog_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("expected"); // empty: unchanged

    QTest::newRow("a new name") << u"Workshop, Monday"_s << u"Workshop, Monday"_s;
    QTest::newRow("spaces trimmed") << u"  Pilot   store "_s << u"Pilot store"_s;
    QTest::newRow("with an ampersand") << u"Sales & service"_s << u"Sales & service"_s;
    QTest::newRow("cancelled") << QString() << QString();
}

void TestMaps::renameByDialog()
{
    QFETCH(QString, answer);
    QFETCH(QString, expected);

    TestWindow window;
    Document *doc = window.document();
    const Project before = doc->project();
    window.nameAnswer = answer;

    QAction *rename = mapAction(window, u"renameMap"_s);
    QVERIFY(rename);
    rename->trigger();
    QCOMPARE(window.nameQuestions, 1);
    if (expected.isEmpty()) {
        QVERIFY(doc->project() == before);
        QCOMPARE(doc->undoStack()->count(), 0);
        return;
    }
    QCOMPARE(doc->project().maps.first().name, expected);
    QVERIFY(tabsFollow(window));
    QCOMPARE(doc->undoStack()->count(), 1);
    doc->undoStack()->undo();
    QVERIFY(doc->project() == before);
    QVERIFY(tabsFollow(window));
}

void TestMaps::renameInPlace_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("key");
    QTest::addColumn<bool>("renamed");

    QTest::newRow("enter") << u"Onboarding"_s << int(Qt::Key_Return) << true;
    QTest::newRow("escape") << u"Onboarding"_s << int(Qt::Key_Escape) << false;
    QTest::newRow("emptied") << QString() << int(Qt::Key_Return) << false;
}

void TestMaps::renameInPlace()
{
    QFETCH(QString, typed);
    QFETCH(int, key);
    QFETCH(bool, renamed);

    TestWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    Document *doc = window.document();
    const Project before = doc->project();
    QTabBar *bar = tabsOf(window)->tabBar();
    QVERIFY2(bar->isVisible(), "one map still has its tab");

    // A double click on the tab opens the editor over it, the name selected.
    QTest::mouseDClick(bar, Qt::LeftButton, {}, bar->tabRect(0).center());
    auto *editor = bar->findChild<QLineEdit *>(u"mapNameEditor"_s);
    QVERIFY(editor);
    QTRY_VERIFY(editor->hasFocus());
    QCOMPARE(editor->selectedText(), before.maps.first().name);

    QTest::keyClick(editor, Qt::Key_Backspace); // the selection goes
    QTest::keyClicks(editor, typed);
    QTest::keyClick(editor, Qt::Key(key));
    QCoreApplication::processEvents();
    QTRY_VERIFY(!bar->findChild<QLineEdit *>(u"mapNameEditor"_s));

    QCOMPARE(doc->project().maps.first().name, renamed ? typed : before.maps.first().name);
    QCOMPARE(doc->undoStack()->count(), renamed ? 1 : 0);
    QVERIFY(tabsFollow(window));
    // Typing goes on on the canvas.
    QTRY_VERIFY(window.currentMapView()->hasFocus());
}

void TestMaps::duplicateRenewsEveryId()
{
    TestWindow window;
    QVERIFY(window.newProject(u"digital-journey"_s));
    Document *doc = window.document();
    const JourneyMap original = doc->project().maps.first();
    QVERIFY(!original.touchpoints.isEmpty());
    QVERIFY(!original.connectors.isEmpty());
    QVERIFY(!original.personaSteps.isEmpty());
    // A comment too, so that annotations are copied as well.
    Annotation comment;
    comment.id = newId();
    comment.kind = AnnotationKind::Comment;
    comment.touchpointId = original.touchpoints.first().id;
    comment.text = u"Ask support about this"_s;
    push(doc, Commands::addAnnotation(doc, original.id, comment));
    doc->undoStack()->clear();
    const Project before = doc->project();
    const JourneyMap &source = before.maps.first();

    QAction *duplicate = mapAction(window, u"duplicateMap"_s);
    QVERIFY(duplicate);
    duplicate->trigger();

    QCOMPARE(doc->undoStack()->count(), 1);
    QCOMPARE(doc->project().maps.size(), before.maps.size() + 1);
    const JourneyMap &copy = doc->project().maps.at(1);
    QCOMPARE(copy.name, source.name + u" (copy)"_s);
    QCOMPARE(copy.kind, source.kind);
    QCOMPARE(copy.description, source.description);
    QCOMPARE(copy.stages.size(), source.stages.size());
    QCOMPARE(copy.lanes.size(), source.lanes.size());
    QCOMPARE(copy.touchpoints.size(), source.touchpoints.size());
    QCOMPARE(copy.connectors.size(), source.connectors.size());
    QCOMPARE(copy.annotations.size(), source.annotations.size());
    QCOMPARE(copy.personaSteps.size(), source.personaSteps.size());
    QVERIFY(!idsOf(copy).intersects(idsOf(source)));
    QVERIFY2(findProblems(doc->project()).isEmpty(),
             qPrintable(findProblems(doc->project()).join(u'\n')));

    // The same content: each card in the same place, the same personas on the same path.
    for (const Touchpoint &t : source.touchpoints) {
        const auto it = std::find_if(copy.touchpoints.cbegin(), copy.touchpoints.cend(),
                                     [&](const Touchpoint &c) { return c.title == t.title; });
        QVERIFY2(it != copy.touchpoints.cend(), qPrintable(t.title));
        QCOMPARE(indexOfId(copy.stages, it->stageId), indexOfId(source.stages, t.stageId));
        QCOMPARE(indexOfId(copy.lanes, it->laneId), indexOfId(source.lanes, t.laneId));
        QCOMPARE(it->order, t.order);
    }
    QCOMPARE(doc->project().personas, before.personas);
    for (const Persona &persona : before.personas) {
        QCOMPARE(personaPath(copy, persona.id).size(), personaPath(source, persona.id).size());
    }
    QVERIFY(std::any_of(copy.annotations.cbegin(), copy.annotations.cend(),
                        [&](const Annotation &a) { return a.text == comment.text; }));
    QVERIFY(tabsFollow(window));
    QCOMPARE(currentMapId(window), copy.id);

    const Project after = doc->project();
    doc->undoStack()->undo();
    QVERIFY(doc->project() == before);
    QVERIFY(tabsFollow(window));
    doc->undoStack()->redo();
    QVERIFY(doc->project() == after);
    QVERIFY(tabsFollow(window));
}

void TestMaps::deleteAsksOnlyForCards_data()
{
    QTest::addColumn<QString>("templateName");
    QTest::addColumn<bool>("answer");
    QTest::addColumn<int>("questions");
    QTest::addColumn<bool>("deleted");

    QTest::newRow("no cards: no question") << u"blank"_s << false << 0 << true;
    QTest::newRow("cards, confirmed") << u"digital-journey"_s << true << 1 << true;
    QTest::newRow("cards, declined") << u"digital-journey"_s << false << 1 << false;
}

void TestMaps::deleteAsksOnlyForCards()
{
    QFETCH(QString, templateName);
    QFETCH(bool, answer);
    QFETCH(int, questions);
    QFETCH(bool, deleted);

    TestWindow window;
    QVERIFY(window.newProject(templateName));
    Document *doc = window.document();
    // A second map, so that the first may go.
    JourneyMap other;
    other.id = newId();
    other.name = u"Other"_s;
    Stage only;
    only.id = newId();
    only.name = u"Only"_s;
    Lane lane;
    lane.id = newId();
    lane.name = u"Lane"_s;
    other.stages = {only};
    other.lanes = {lane};
    push(doc, Commands::addMap(doc, 1, other));
    tabsOf(window)->setCurrentIndex(0);
    doc->undoStack()->clear();
    const Project before = doc->project();
    window.deleteAnswer = answer;

    QAction *remove = mapAction(window, u"deleteMap"_s);
    QVERIFY(remove);
    QVERIFY(remove->isEnabled());
    remove->trigger();
    QCOMPARE(window.deleteQuestions, questions);
    if (!deleted) {
        QVERIFY(doc->project() == before);
        QCOMPARE(doc->undoStack()->count(), 0);
        return;
    }
    QCOMPARE(doc->project().maps.size(), 1);
    QCOMPARE(doc->project().maps.first().id, other.id);
    QCOMPARE(doc->undoStack()->count(), 1);
    QVERIFY(tabsFollow(window));
    QCOMPARE(currentMapId(window), other.id);

    // Undo brings back the very map, with everything on it, where it was; and shows it.
    doc->undoStack()->undo();
    QVERIFY(doc->project() == before);
    QVERIFY(tabsFollow(window));
    QCOMPARE(currentMapId(window), before.maps.first().id);
    doc->undoStack()->redo();
    QCOMPARE(doc->project().maps.size(), 1);
    QVERIFY(tabsFollow(window));
}

void TestMaps::lastMapStays()
{
    TestWindow window;
    Document *doc = window.document();
    QCOMPARE(doc->project().maps.size(), 1);
    QAction *remove = mapAction(window, u"deleteMap"_s);
    QVERIFY(remove);
    QVERIFY(!remove->isEnabled());
    QVERIFY(!window.mapActions()->deleteMap(doc->project().maps.first().id));
    QCOMPARE(doc->project().maps.size(), 1);
    QCOMPARE(doc->undoStack()->count(), 0);

    // With a second map it may go; once it has, the last one is kept again.
    mapAction(window, u"newBlankMap"_s)->trigger();
    QVERIFY(remove->isEnabled());
    remove->trigger();
    QCOMPARE(doc->project().maps.size(), 1);
    QVERIFY(!remove->isEnabled());
}

void TestMaps::moveLeftAndRight()
{
    TestWindow window;
    Document *doc = window.document();
    mapAction(window, u"newBlankMap"_s)->trigger();
    mapAction(window, u"newBlankMap"_s)->trigger();
    doc->undoStack()->clear();
    const Project before = doc->project();
    QCOMPARE(before.maps.size(), 3);
    const Id first = before.maps.at(0).id;

    QAction *left = mapAction(window, u"moveMapLeft"_s);
    QAction *right = mapAction(window, u"moveMapRight"_s);
    QVERIFY(left && right);
    tabsOf(window)->setCurrentIndex(0);
    QVERIFY(!left->isEnabled());
    QVERIFY(right->isEnabled());

    right->trigger();
    right->trigger();
    QCOMPARE(doc->project().maps.at(2).id, first);
    QVERIFY(tabsFollow(window));
    QCOMPARE(currentMapId(window), first); // the moved map stays in view
    QCOMPARE(tabsOf(window)->currentIndex(), 2);
    QVERIFY(left->isEnabled());
    QVERIFY(!right->isEnabled());
    QCOMPARE(doc->undoStack()->count(), 2);

    left->trigger();
    QCOMPARE(doc->project().maps.at(1).id, first);
    QVERIFY(tabsFollow(window));

    doc->undoStack()->undo();
    QCOMPARE(doc->project().maps.at(2).id, first);
    QVERIFY(tabsFollow(window));
    doc->undoStack()->undo();
    doc->undoStack()->undo();
    QVERIFY(doc->project() == before);
    QVERIFY(tabsFollow(window));
    doc->undoStack()->redo();
    QCOMPARE(doc->project().maps.at(1).id, first);
    QVERIFY(tabsFollow(window));
}

void TestMaps::currentOrFutureState()
{
    TestWindow window;
    Document *doc = window.document();
    const Project before = doc->project();
    QAction *current = mapAction(window, u"currentStateMap"_s);
    QAction *future = mapAction(window, u"futureStateMap"_s);
    QVERIFY(current && future);

    future->trigger();
    QCOMPARE(doc->project().maps.first().kind, MapKind::FutureState);
    QVERIFY(future->isChecked());
    QVERIFY(!current->isChecked());
    QVERIFY(tabsOf(window)->tabText(0).endsWith(u" (future)"_s));
    QVERIFY(tabsFollow(window));
    QCOMPARE(doc->undoStack()->count(), 1);

    // Choosing the state it is in already is no step.
    future->trigger();
    QCOMPARE(doc->undoStack()->count(), 1);

    doc->undoStack()->undo();
    QVERIFY(doc->project() == before);
    QVERIFY(current->isChecked());
    QVERIFY(!future->isChecked());
    QVERIFY(tabsFollow(window));
    doc->undoStack()->redo();
    QVERIFY(future->isChecked());
    QVERIFY(tabsFollow(window));
}

void TestMaps::removedTabShowsItsNeighbour()
{
    TestWindow window;
    Document *doc = window.document();
    mapAction(window, u"newBlankMap"_s)->trigger();
    mapAction(window, u"newBlankMap"_s)->trigger();
    const QList<JourneyMap> maps = doc->project().maps;
    QCOMPARE(maps.size(), 3);

    tabsOf(window)->setCurrentIndex(1);
    mapAction(window, u"deleteMap"_s)->trigger();
    QVERIFY(tabsFollow(window));
    QCOMPARE(currentMapId(window), maps.at(2).id);

    doc->undoStack()->undo();
    QCOMPARE(currentMapId(window), maps.at(1).id);
    QVERIFY(tabsFollow(window));
}

QTEST_MAIN(TestMaps)
#include "tst_maps.moc"
