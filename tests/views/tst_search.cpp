// Finding cards on the canvas (Edit ▸ Find…): which cards a query finds and in what order,
// stepping through them with wrap-around, the current match selected and in view, the
// outlines on the canvas and their removal when the bar closes. Searching edits nothing.
#include "document.h"
#include "lookup.h"
#include "mainwindow.h"
#include "mapscene.h"
#include "mapview.h"
#include "searchbar.h"
#include "templates.h"
#include "touchpointcarditem.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Waymark;

namespace {

const QString notedTitle = u"Blog"_s;

// The digital journey with a note on one card: the template itself has no notes.
std::optional<Project> notedProject()
{
    StorageError error;
    std::optional<Project> project = Templates::instantiate(u"digital-journey"_s, &error);
    if (!project)
        return project;
    for (Touchpoint &touchpoint : project->maps.first().touchpoints) {
        if (touchpoint.title == notedTitle)
            touchpoint.notes = u"Rewrite after the Zebra campaign."_s;
    }
    return project;
}

QStringList titlesOf(const JourneyMap &map, const QList<Id> &ids)
{
    QStringList titles;
    for (const Id &id : ids) {
        const Touchpoint *touchpoint = findById(map.touchpoints, id);
        titles.append(touchpoint ? touchpoint->title : u"<missing>"_s);
    }
    return titles;
}

QAction *windowAction(MainWindow &window, const QString &name)
{
    return window.findChild<QAction *>(name);
}

QString countText(int current, int total)
{
    return QCoreApplication::translate("Waymark::SearchBar", "%1 of %2").arg(current).arg(total);
}

} // namespace

class TestSearch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void findMatches_data();
    void findMatches();
    void hiddenLanesAreNotSearched();

    void findOpensTheBar();
    void typingSelectsTheFirstMatch();
    void stepsWrapAround();
    void keysStepAndClose();
    void currentMatchIsScrolledIntoView();
    void closingClearsTheHighlights();
    void findNextOpensTheBar();
    void highlightsSurviveARebuild();
    void searchingLeavesTheUndoStackAlone();
};

void TestSearch::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSearch::findMatches_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("titles");

    QTest::newRow("title") << u"chatbot"_s << QStringList{u"Chatbot"_s};
    // Both only say "courier" in their descriptions; the cell's order decides.
    QTest::newRow("description") << u"courier"_s
                                 << QStringList{u"Shipping & delivery"_s, u"Order tracking"_s};
    QTest::newRow("notes") << u"zebra"_s << QStringList{notedTitle};
    QTest::newRow("case-insensitive, in stage order")
        << u"SOCIAL MEDIA"_s
        << QStringList{u"Social media"_s, u"Social media interaction"_s,
                       u"Social media community"_s};
    QTest::newRow("title and description across stages")
        << u"Discount"_s << QStringList{u"Discounts"_s, u"Apply a discount"_s};
    QTest::newRow("no match") << u"xylophone"_s << QStringList{};
    QTest::newRow("empty query") << QString() << QStringList{};
}

void TestSearch::findMatches()
{
    QFETCH(QString, query);
    QFETCH(QStringList, titles);

    const std::optional<Project> project = notedProject();
    QVERIFY(project);
    const JourneyMap &map = project->maps.first();

    QCOMPARE(titlesOf(map, SearchBar::findMatches(map, query)), titles);
}

void TestSearch::hiddenLanesAreNotSearched()
{
    std::optional<Project> project = notedProject();
    QVERIFY(project);
    JourneyMap &map = project->maps.first();
    QVERIFY(!SearchBar::findMatches(map, u"chatbot"_s).isEmpty());

    const Touchpoint *chatbot = nullptr;
    for (const Touchpoint &touchpoint : map.touchpoints) {
        if (touchpoint.title == u"Chatbot"_s)
            chatbot = &touchpoint;
    }
    QVERIFY(chatbot);
    Lane *lane = findById(map.lanes, chatbot->laneId);
    QVERIFY(lane);
    lane->hidden = true;

    QVERIFY(SearchBar::findMatches(map, u"chatbot"_s).isEmpty());
}

void TestSearch::findOpensTheBar()
{
    MainWindow window;
    QVERIFY(window.newProject(u"digital-journey"_s));
    SearchBar *bar = window.searchBar();
    QVERIFY(bar);
    QVERIFY(bar->isHidden());

    QAction *find = windowAction(window, u"findAction"_s);
    QVERIFY(find);
    QCOMPARE(find->shortcut(), QKeySequence(QKeySequence::Find));
    QVERIFY(find->isEnabled());
    find->trigger();

    QVERIFY(!bar->isHidden());
    QCOMPARE(bar->view(), window.currentMapView());
}

void TestSearch::typingSelectsTheFirstMatch()
{
    MainWindow window;
    QVERIFY(window.newProject(u"digital-journey"_s));
    windowAction(window, u"findAction"_s)->trigger();
    SearchBar *bar = window.searchBar();
    MapScene *scene = window.currentMapView()->mapScene();

    QTest::keyClicks(bar->lineEdit(), u"social media"_s);

    const QList<Id> matches = bar->matches();
    QCOMPARE(matches.size(), 3);
    QCOMPARE(bar->currentIndex(), 0);
    QCOMPARE(bar->countText(), countText(1, 3));
    QCOMPARE(scene->selectedTouchpoints(), QList<Id>{matches.first()});
    QCOMPARE(scene->highlightedTouchpoints(), QSet<Id>(matches.cbegin(), matches.cend()));
    for (TouchpointCardItem *card : scene->cards())
        QCOMPARE(card->isHighlighted(), matches.contains(card->touchpointId()));

    // A query with no match says so, and outlines nothing.
    bar->setQuery(u"xylophone"_s);
    QVERIFY(bar->matches().isEmpty());
    QCOMPARE(bar->currentIndex(), -1);
    QCOMPARE(bar->countText(), QCoreApplication::translate("Waymark::SearchBar", "No matches"));
    QVERIFY(scene->highlightedTouchpoints().isEmpty());
}

void TestSearch::stepsWrapAround()
{
    MainWindow window;
    QVERIFY(window.newProject(u"digital-journey"_s));
    windowAction(window, u"findAction"_s)->trigger();
    SearchBar *bar = window.searchBar();
    MapScene *scene = window.currentMapView()->mapScene();
    bar->setQuery(u"social media"_s);
    const QList<Id> matches = bar->matches();
    QCOMPARE(matches.size(), 3);

    bar->findNext();
    QCOMPARE(bar->currentIndex(), 1);
    QCOMPARE(scene->selectedTouchpoints(), QList<Id>{matches[1]});
    QCOMPARE(bar->countText(), countText(2, 3));
    bar->findNext();
    QCOMPARE(bar->currentIndex(), 2);
    bar->findNext();
    QCOMPARE(bar->currentIndex(), 0);
    QCOMPARE(scene->selectedTouchpoints(), QList<Id>{matches[0]});

    bar->findPrevious();
    QCOMPARE(bar->currentIndex(), 2);
    QCOMPARE(scene->selectedTouchpoints(), QList<Id>{matches[2]});
    QCOMPARE(bar->countText(), countText(3, 3));
    bar->findPrevious();
    QCOMPARE(bar->currentIndex(), 1);

    // Stepping leaves the outlines on every match.
    QCOMPARE(scene->highlightedTouchpoints(), QSet<Id>(matches.cbegin(), matches.cend()));
}

void TestSearch::keysStepAndClose()
{
    MainWindow window;
    QVERIFY(window.newProject(u"digital-journey"_s));
    windowAction(window, u"findAction"_s)->trigger();
    SearchBar *bar = window.searchBar();
    MapScene *scene = window.currentMapView()->mapScene();
    bar->setQuery(u"discount"_s);
    QCOMPARE(bar->matches().size(), 2);
    QSignalSpy closed(bar, &SearchBar::closed);

    QTest::keyClick(bar->lineEdit(), Qt::Key_Return);
    QCOMPARE(bar->currentIndex(), 1);
    QTest::keyClick(bar->lineEdit(), Qt::Key_Enter);
    QCOMPARE(bar->currentIndex(), 0);
    QTest::keyClick(bar->lineEdit(), Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(bar->currentIndex(), 1);
    QCOMPARE(scene->selectedTouchpoints(), QList<Id>{bar->matches()[1]});

    QTest::keyClick(bar->lineEdit(), Qt::Key_Escape);
    QVERIFY(bar->isHidden());
    QCOMPARE(closed.count(), 1);
    QVERIFY(scene->highlightedTouchpoints().isEmpty());
}

void TestSearch::currentMatchIsScrolledIntoView()
{
    MainWindow window;
    window.resize(900, 600);
    QVERIFY(window.newProject(u"digital-journey"_s));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    MapView *view = window.currentMapView();
    windowAction(window, u"findAction"_s)->trigger();
    SearchBar *bar = window.searchBar();

    // The last match is in the Loyalty stage, far to the right of a small window.
    bar->setQuery(u"social media"_s);
    bar->findPrevious();
    QCOMPARE(bar->currentIndex(), 2);
    TouchpointCardItem *card = view->mapScene()->card(bar->matches()[2]);
    QVERIFY(card);
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    QVERIFY2(visible.intersects(card->sceneBoundingRect()), "the current match is not in view");

    bar->findNext();
    card = view->mapScene()->card(bar->matches()[0]);
    const QRectF visibleAgain = view->mapToScene(view->viewport()->rect()).boundingRect();
    QVERIFY(visibleAgain.intersects(card->sceneBoundingRect()));
}

void TestSearch::closingClearsTheHighlights()
{
    MainWindow window;
    QVERIFY(window.newProject(u"digital-journey"_s));
    windowAction(window, u"findAction"_s)->trigger();
    SearchBar *bar = window.searchBar();
    MapScene *scene = window.currentMapView()->mapScene();
    bar->setQuery(u"courier"_s);
    QCOMPARE(scene->highlightedTouchpoints().size(), 2);

    bar->close();

    QVERIFY(bar->isHidden());
    QVERIFY(scene->highlightedTouchpoints().isEmpty());
    for (TouchpointCardItem *card : scene->cards())
        QVERIFY(!card->isHighlighted());

    // Opening again with the query still there outlines its matches again.
    windowAction(window, u"findAction"_s)->trigger();
    QCOMPARE(scene->highlightedTouchpoints().size(), 2);
}

void TestSearch::findNextOpensTheBar()
{
    MainWindow window;
    QVERIFY(window.newProject(u"digital-journey"_s));
    SearchBar *bar = window.searchBar();
    windowAction(window, u"findAction"_s)->trigger();
    bar->setQuery(u"social media"_s);
    bar->close();

    QAction *next = windowAction(window, u"findNextAction"_s);
    QVERIFY(next);
    QCOMPARE(next->shortcut(), QKeySequence(QKeySequence::FindNext));
    next->trigger();
    QVERIFY(!bar->isHidden());
    QCOMPARE(bar->currentIndex(), 1);

    QAction *previous = windowAction(window, u"findPreviousAction"_s);
    QVERIFY(previous);
    QCOMPARE(previous->shortcut(), QKeySequence(QKeySequence::FindPrevious));
    previous->trigger();
    previous->trigger();
    QCOMPARE(bar->currentIndex(), 2);
}

void TestSearch::highlightsSurviveARebuild()
{
    // An edit elsewhere rebuilds the canvas's cards; the outlines must come back with them.
    MainWindow window;
    QVERIFY(window.newProject(u"digital-journey"_s));
    windowAction(window, u"findAction"_s)->trigger();
    SearchBar *bar = window.searchBar();
    MapScene *scene = window.currentMapView()->mapScene();
    bar->setQuery(u"courier"_s);
    const QList<Id> matches = bar->matches();
    QCOMPARE(matches.size(), 2);

    const JourneyMap *map = scene->map();
    QVERIFY(map);
    QVERIFY(scene->addStage(0));
    scene->ensureCurrent();

    QCOMPARE(bar->matches(), matches);
    for (const Id &id : matches) {
        TouchpointCardItem *card = scene->card(id);
        QVERIFY(card);
        QVERIFY(card->isHighlighted());
    }
}

void TestSearch::searchingLeavesTheUndoStackAlone()
{
    MainWindow window;
    QVERIFY(window.newProject(u"digital-journey"_s));
    QUndoStack *stack = window.document()->undoStack();
    const int count = stack->count();
    const int index = stack->index();
    const bool modified = window.document()->isModified();
    QSignalSpy indexChanges(stack, &QUndoStack::indexChanged);

    windowAction(window, u"findAction"_s)->trigger();
    SearchBar *bar = window.searchBar();
    QTest::keyClicks(bar->lineEdit(), u"media"_s);
    QVERIFY(!bar->matches().isEmpty());
    bar->findNext();
    bar->findPrevious();
    bar->findPrevious();
    bar->close();

    QCOMPARE(stack->count(), count);
    QCOMPARE(stack->index(), index);
    QCOMPARE(window.document()->isModified(), modified);
    QCOMPARE(indexChanges.count(), 0);
}

QTEST_MAIN(TestSearch)
#include "tst_search.moc"
