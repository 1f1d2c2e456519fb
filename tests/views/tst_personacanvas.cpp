// Personas' journeys on the canvas of the sample project: a path line per persona through
// their cards, emotion curves in the feelings lane whose points are dragged with the mouse,
// showing and hiding personas, the focus that dims what a persona does not use, editing a
// path by clicking cards, the inspector's list of steps, and the future-state comparison.
#include "canvastesting.h"
#include "commands.h"
#include "connectoritem.h"
#include "document.h"
#include "emotioncurveitem.h"
#include "inspectordock.h"
#include "lookup.h"
#include "mapscene.h"
#include "mapview.h"
#include "personaoverlay.h"
#include "personapathitem.h"
#include "personastepswidget.h"
#include "touchpointcarditem.h"

#include <QDir>
#include <QImage>
#include <QLineEdit>
#include <QMenu>
#include <QPixmap>
#include <QScreen>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Waymark;
using namespace Waymark::Testing;

namespace {

const JourneyMap &firstMap(const Document &doc)
{
    return doc.project().maps.first();
}

Id personaNamed(const Document &doc, const QString &name)
{
    for (const Persona &persona : doc.project().personas) {
        if (persona.name == name)
            return persona.id;
    }
    return {};
}

QList<Id> pathTouchpoints(const JourneyMap &map, const Id &personaId)
{
    QList<Id> ids;
    for (const PersonaStep *step : personaPath(map, personaId))
        ids.append(step->touchpointId);
    return ids;
}

const Touchpoint *titled(const JourneyMap &map, const QString &title)
{
    for (const Touchpoint &t : map.touchpoints) {
        if (t.title == title)
            return &t;
    }
    return nullptr;
}

// The step of the persona's path at the touchpoint with this title (its first visit).
const PersonaStep *stepAt(const JourneyMap &map, const Id &personaId, const QString &title)
{
    const Touchpoint *t = titled(map, title);
    for (const PersonaStep *step : personaPath(map, personaId)) {
        if (t && step->touchpointId == t->id)
            return step;
    }
    return nullptr;
}

bool push(Document &doc, Commands::Command command)
{
    if (!command)
        return false;
    doc.push(command.release());
    return true;
}

void click(MapView &view, const QPointF &scenePos)
{
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.mapFromScene(scenePos));
    QCoreApplication::processEvents();
}

// A future-state map beside the sample's: the same stage names, one touchpoint in each of
// the first stages, and a path of Priya's with a score at each.
JourneyMap futureMap(const JourneyMap &current, const Id &personaId, const QString &name,
                     const QList<int> &scores)
{
    JourneyMap map;
    map.id = newId();
    map.name = name;
    map.kind = MapKind::FutureState;
    for (const Stage &stage : current.stages)
        map.stages.append({newId(), stage.name, {}, 0});
    map.lanes.append({newId(), u"Touchpoints"_s, LaneKind::Touchpoints, false, {}});
    for (qsizetype i = 0; i < scores.size(); ++i) {
        Touchpoint t;
        t.id = newId();
        t.stageId = map.stages.at(i).id;
        t.laneId = map.lanes.first().id;
        t.title = u"Future %1"_s.arg(i + 1);
        map.touchpoints.append(t);

        PersonaStep step;
        step.id = newId();
        step.personaId = personaId;
        step.touchpointId = t.id;
        step.order = int(i);
        step.emotion = scores.at(i);
        map.personaSteps.append(step);
    }
    return map;
}

} // namespace

class TestPersonaCanvas : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void feelingsLaneMakesRoom();
    void pathPerVisiblePersona();
    void hideAndShow();
    void dragCurvePoint_data();
    void dragCurvePoint();
    void unscoredStepIsAGap();
    void focusDimsWhatIsUnused();
    void editPathByClicks();
    void addToPathFromContextMenu();
    void inspectorEditsSteps();
    void inspectorEditsPath();
    void compareWithFutureState_data();
    void compareWithFutureState();
    void viewMenu();
    void dragCardOnPath();
    void screenshots();

private:
    MapScene *scene() const { return mView->mapScene(); }
    PersonaOverlay *overlay() const { return scene()->personas(); }
    QUndoStack *stack() const { return mDocument->undoStack(); }

    std::unique_ptr<Document> mDocument;
    std::unique_ptr<MapView> mView;
    Id mPriya;
    Id mGeorge;
};

void TestPersonaCanvas::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPersonaCanvas::init()
{
    mDocument = documentFrom(QStringLiteral(WAYMARK_SAMPLE_FILE));
    QVERIFY(mDocument);
    mPriya = personaNamed(*mDocument, u"Priya Shah"_s);
    mGeorge = personaNamed(*mDocument, u"George Whitfield"_s);
    QVERIFY(!mPriya.isNull() && !mGeorge.isNull());
    mView = std::make_unique<MapView>(mDocument.get(), firstMap(*mDocument).id);
    mView->resize(1600, 1000);
    mView->show();
    QVERIFY(QTest::qWaitForWindowExposed(mView.get()));
    scene()->ensureCurrent();
}

void TestPersonaCanvas::cleanup()
{
    mView.reset();
    mDocument.reset();
}

void TestPersonaCanvas::feelingsLaneMakesRoom()
{
    const MapLayout &layout = scene()->mapLayout();
    qsizetype charts = 0;
    for (qsizetype r = 0; r < layout.rows().size(); ++r) {
        const Lane *lane = findById(firstMap(*mDocument).lanes, layout.rows().at(r).laneId);
        QVERIFY(lane);
        const QRectF chart = layout.chartRect(r);
        QCOMPARE(!chart.isEmpty(), lane->kind == LaneKind::Feelings);
        if (chart.isEmpty())
            continue;
        ++charts;
        QCOMPARE(chart.height(), MapLayout::FeelingsChartHeight);
        // The feelings cards stay above the chart.
        for (const Touchpoint &t : firstMap(*mDocument).touchpoints) {
            if (t.laneId == lane->id)
                QVERIFY(!layout.cardRect(t.id).intersects(chart));
        }
    }
    QCOMPARE(charts, 1);
    QVERIFY(overlay()->chartItem());
}

void TestPersonaCanvas::pathPerVisiblePersona()
{
    const JourneyMap &map = firstMap(*mDocument);
    QCOMPARE(overlay()->pathItems().size(), 2);
    for (const Id &personaId : {mPriya, mGeorge}) {
        PersonaPathItem *item = overlay()->pathItem(personaId);
        QVERIFY(item);
        QList<Id> drawn;
        for (const PathStop &stop : item->stops()) {
            drawn.append(stop.touchpointId);
            // Each point is on its card's left edge, where its bead is.
            const QRectF card = scene()->mapLayout().cardRect(stop.touchpointId);
            QVERIFY(card.adjusted(-1, -1, 1, 1).contains(stop.point));
            QCOMPARE(stop.point.x(), card.left());
        }
        QCOMPARE(drawn, pathTouchpoints(map, personaId));
        QCOMPARE(item->points().size(), drawn.size());
    }

    // Priya comes back to Order tracking: two beads on that card, apart.
    const Id tracking = titled(map, u"Order tracking"_s)->id;
    QList<QPointF> visits;
    for (const PathStop &stop : overlay()->pathItem(mPriya)->stops()) {
        if (stop.touchpointId == tracking)
            visits.append(stop.point);
    }
    QCOMPARE(visits.size(), 2);
    QVERIFY(visits.first() != visits.last());

    // George's path through the same card as Priya's keeps its own place on it.
    const Id checkout = titled(map, u"Checkout"_s)->id;
    QPointF priyaAt, georgeAt;
    for (const PathStop &stop : overlay()->pathItem(mPriya)->stops()) {
        if (stop.touchpointId == checkout)
            priyaAt = stop.point;
    }
    for (const PathStop &stop : overlay()->pathItem(mGeorge)->stops()) {
        if (stop.touchpointId == checkout)
            georgeAt = stop.point;
    }
    QVERIFY(!priyaAt.isNull() && !georgeAt.isNull());
    QVERIFY(QLineF(priyaAt, georgeAt).length() >= 2 * PersonaStopsItem::BeadRadius);
}

void TestPersonaCanvas::hideAndShow()
{
    const int index = stack()->index();
    QSignalSpy changes(mDocument.get(), &Document::changed);

    scene()->setPersonaVisible(mGeorge, false);
    QVERIFY(!overlay()->pathItem(mGeorge));
    QVERIFY(!overlay()->curveItem(mGeorge));
    QVERIFY(overlay()->pathItem(mPriya));
    QVERIFY(overlay()->curveItem(mPriya));
    QCOMPARE(overlay()->chartItem()->legend().size(), 1);
    QCOMPARE(overlay()->chartItem()->legend().first().name, u"Priya Shah"_s);

    // A rebuild keeps what the canvas shows.
    push(*mDocument,
         Commands::setTouchpointTitle(mDocument.get(), firstMap(*mDocument).touchpoints.first().id,
                                      u"Renamed"_s));
    scene()->ensureCurrent();
    QVERIFY(!overlay()->pathItem(mGeorge));
    stack()->undo();
    scene()->ensureCurrent();

    scene()->setPersonaVisible(mGeorge, true);
    QVERIFY(overlay()->pathItem(mGeorge));
    QVERIFY(overlay()->curveItem(mGeorge));
    QCOMPARE(overlay()->chartItem()->legend().size(), 2);

    // Showing and hiding is no edit of the document.
    QCOMPARE(stack()->index(), index);
    QCOMPARE(changes.size(), 2); // the rename and its undo
}

void TestPersonaCanvas::dragCurvePoint_data()
{
    QTest::addColumn<qreal>("toScore"); // where the pointer is let go, on the scale
    QTest::addColumn<int>("expected");

    QTest::newRow("up two") << 2.0 << 2;
    QTest::newRow("down to the bottom") << -3.0 << -3;
    QTest::newRow("past the top") << 5.0 << 3;
    QTest::newRow("between two scores") << 1.3 << 1;
}

void TestPersonaCanvas::dragCurvePoint()
{
    QFETCH(qreal, toScore);
    QFETCH(int, expected);

    // Priya is impatient on the website: 0.
    const PersonaStep *step = stepAt(firstMap(*mDocument), mPriya, u"Website visit"_s);
    QVERIFY(step);
    QCOMPARE(step->emotion, std::optional(0));
    const Id stepId = step->id;
    EmotionCurveItem *curve = overlay()->curveItem(mPriya);
    QVERIFY(curve);
    const std::optional<QPointF> from = curve->pointPosition(stepId);
    QVERIFY(from);

    mView->centerOn(*from);
    const QRectF plot = overlay()->chartItem()->plotRect();
    const QPointF to(from->x(), EmotionChartItem::yForScore(plot, toScore));
    const int index = stack()->index();
    drag(*mView, *from, to);

    // One undo step, however many scores the pointer passed on its way.
    QCOMPARE(stack()->index(), index + 1);
    QCOMPARE(findById(firstMap(*mDocument).personaSteps, stepId)->emotion, std::optional(expected));
    QVERIFY(overlay()->curveItem(mPriya) == curve); // the same item followed the drag
    QCOMPARE(curve->pointPosition(stepId)->y(), EmotionChartItem::yForScore(plot, expected));
    QVERIFY(!curve->isDragging());

    stack()->undo();
    QCOMPARE(findById(firstMap(*mDocument).personaSteps, stepId)->emotion, std::optional(0));
    QCOMPARE(curve->pointPosition(stepId)->y(), EmotionChartItem::yForScore(plot, 0));
}

void TestPersonaCanvas::unscoredStepIsAGap()
{
    const PersonaStep *step = stepAt(firstMap(*mDocument), mGeorge, u"Checkout"_s);
    QVERIFY(step);
    const Id stepId = step->id;
    EmotionCurveItem *curve = overlay()->curveItem(mGeorge);
    QVERIFY(curve);
    auto runs = [curve] {
        int moves = 0;
        const QPainterPath &path = curve->curvePath();
        for (int i = 0; i < path.elementCount(); ++i)
            moves += path.elementAt(i).isMoveTo() ? 1 : 0;
        return moves;
    };
    QCOMPARE(runs(), 1);
    QVERIFY(curve->pointPosition(stepId));

    QVERIFY(
        push(*mDocument, Commands::setPersonaStepEmotion(mDocument.get(), stepId, std::nullopt)));
    scene()->ensureCurrent();
    curve = overlay()->curveItem(mGeorge);
    QVERIFY(!curve->pointPosition(stepId));
    QCOMPARE(runs(), 2); // broken at the step, not drawn through a zero
    const auto unscored = std::find_if(curve->points().cbegin(), curve->points().cend(),
                                       [&](const auto &p) { return p.stepId == stepId; });
    QVERIFY(unscored != curve->points().cend());
    QVERIFY(!unscored->emotion);
    // Where the point would be, nothing takes the mouse.
    const QPointF zero(unscored->x,
                       EmotionChartItem::yForScore(overlay()->chartItem()->plotRect(), 0));
    QVERIFY(!curve->contains(zero));
}

void TestPersonaCanvas::focusDimsWhatIsUnused()
{
    const JourneyMap &map = firstMap(*mDocument);
    const int index = stack()->index();
    const QList<Id> used = pathTouchpoints(map, mPriya);

    scene()->setFocusPersona(mPriya);
    QCOMPARE(overlay()->focusPersona(), mPriya);
    int dimmed = 0;
    for (TouchpointCardItem *card : scene()->cards()) {
        if (used.contains(card->touchpointId())) {
            QCOMPARE(card->opacity(), 1.0);
        } else {
            QVERIFY(card->opacity() < 1.0);
            ++dimmed;
        }
    }
    QVERIFY(dimmed > 0);
    for (ConnectorItem *line : scene()->connectors()) {
        const bool inUse =
            used.contains(line->connector().fromId) && used.contains(line->connector().toId);
        QCOMPARE(line->opacity() == 1.0, inUse);
    }
    QCOMPARE(overlay()->pathItem(mPriya)->opacity(), 1.0);
    QVERIFY(!overlay()->pathItem(mGeorge)); // only the path followed, not two crossing
    QVERIFY(overlay()->curveItem(mGeorge)); // the other curve stays, for comparison
    QVERIFY(overlay()->curveItem(mGeorge)->opacity() < 1.0);

    // The focus outlasts a rebuild of the canvas.
    const Id card = used.first();
    QVERIFY(push(*mDocument, Commands::setTouchpointColor(
                                 mDocument.get(), map.touchpoints.last().id, QColor(Qt::red))));
    scene()->ensureCurrent();
    QCOMPARE(scene()->card(card)->opacity(), 1.0);
    QVERIFY(scene()->card(map.touchpoints.last().id)->opacity() < 1.0 ||
            used.contains(map.touchpoints.last().id));
    stack()->undo();

    scene()->setFocusPersona({});
    for (TouchpointCardItem *item : scene()->cards())
        QCOMPARE(item->opacity(), 1.0);
    QVERIFY(overlay()->pathItem(mGeorge));
    QCOMPARE(stack()->index(), index);
}

void TestPersonaCanvas::editPathByClicks()
{
    QList<Id> clicked;
    for (const QString &title : {u"Blog"_s, u"Newsletter"_s, u"Blog"_s})
        clicked.append(titled(firstMap(*mDocument), title)->id);
    const QList<Id> before = pathTouchpoints(firstMap(*mDocument), mGeorge);
    const int index = stack()->index();
    QSignalSpy messages(scene(), &MapScene::message);

    QVERIFY(overlay()->startPathEdit(mGeorge));
    QCOMPARE(overlay()->pathEditPersona(), mGeorge);
    QVERIFY(!messages.isEmpty());
    for (const Id &id : clicked) {
        const QPointF centre = scene()->mapLayout().cardRect(id).center();
        mView->centerOn(centre);
        click(*mView, centre);
        scene()->ensureCurrent();
    }

    // One undo step per click; the path comes back to the blog.
    QCOMPARE(stack()->index(), index + 3);
    QCOMPARE(pathTouchpoints(firstMap(*mDocument), mGeorge), before + clicked);
    QVERIFY(scene()->selectedTouchpoints().isEmpty()); // clicks in the mode select nothing
    QCOMPARE(overlay()->pathItem(mGeorge)->stops().size(), before.size() + 3);

    // Backspace takes the last step back; Escape ends the mode.
    mView->setFocus();
    QTest::keyClick(mView->viewport(), Qt::Key_Backspace);
    QCOMPARE(pathTouchpoints(firstMap(*mDocument), mGeorge), before + clicked.mid(0, 2));
    QTest::keyClick(mView->viewport(), Qt::Key_Escape);
    QVERIFY(overlay()->pathEditPersona().isNull());

    // After the mode a click selects again.
    const QPointF centre = scene()->mapLayout().cardRect(clicked.first()).center();
    mView->centerOn(centre);
    click(*mView, centre);
    QCOMPARE(scene()->selectedTouchpoints(), QList<Id>{clicked.first()});
    QCOMPARE(pathTouchpoints(firstMap(*mDocument), mGeorge), before + clicked.mid(0, 2));
}

void TestPersonaCanvas::addToPathFromContextMenu()
{
    const Id blog = titled(firstMap(*mDocument), u"Blog"_s)->id;
    const QPointF centre = scene()->mapLayout().cardRect(blog).center();
    std::unique_ptr<QMenu> menu = scene()->createContextMenu(centre);
    QVERIFY(menu);
    auto *add = menu->findChild<QMenu *>(u"addToPath"_s);
    QVERIFY(add);
    QCOMPARE(add->actions().size(), 2);
    QCOMPARE(add->actions().first()->text(), u"Priya Shah"_s);

    const qsizetype before = personaPath(firstMap(*mDocument), mPriya).size();
    add->actions().first()->trigger();
    const QList<const PersonaStep *> path = personaPath(firstMap(*mDocument), mPriya);
    QCOMPARE(path.size(), before + 1);
    QCOMPARE(path.last()->touchpointId, blog);
    QCOMPARE(stack()->undoText(),
             QCoreApplication::translate("Waymark::Commands", "Add Path Step"));
}

void TestPersonaCanvas::inspectorEditsSteps()
{
    const JourneyMap &map = firstMap(*mDocument);
    const Id checkout = titled(map, u"Checkout"_s)->id;
    InspectorDock dock;
    dock.setDocument(mDocument.get());
    dock.setScene(scene());
    scene()->selectTouchpoints({checkout});
    dock.refresh();

    auto *steps = dock.findChild<PersonaStepsWidget *>();
    QVERIFY(steps);
    QCOMPARE(steps->stepIds().size(), 2); // Priya's and George's
    const Id priyaStep = stepAt(map, mPriya, u"Checkout"_s)->id;
    QCOMPARE(steps->stepIds().first(), priyaStep);
    const QList<QSpinBox *> scores = steps->findChildren<QSpinBox *>(u"stepScore"_s);
    const QList<QLineEdit *> feelings = steps->findChildren<QLineEdit *>(u"stepFeeling"_s);
    QCOMPARE(scores.size(), 2);
    QCOMPARE(feelings.size(), 2);
    QCOMPARE(scores.first()->value(), -3);

    const int index = stack()->index();
    scores.first()->setValue(-1);
    QCOMPARE(stack()->index(), index + 1);
    QCOMPARE(findById(firstMap(*mDocument).personaSteps, priyaStep)->emotion, std::optional(-1));

    scores.first()->setValue(PersonaStepsWidget::NoScore);
    QCOMPARE(findById(firstMap(*mDocument).personaSteps, priyaStep)->emotion, std::nullopt);

    feelings.first()->setText(u"  furious  "_s);
    Q_EMIT feelings.first()->editingFinished();
    QCOMPARE(findById(firstMap(*mDocument).personaSteps, priyaStep)->feeling, u"furious"_s);
    QCOMPARE(stack()->index(), index + 3);

    // The dock re-reads the model after undo.
    stack()->undo();
    stack()->undo();
    dock.refresh();
    QCOMPARE(steps->findChildren<QSpinBox *>(u"stepScore"_s).first()->value(), -1);
}

void TestPersonaCanvas::inspectorEditsPath()
{
    const Project before = mDocument->project();
    const JourneyMap &map = firstMap(*mDocument);
    const Id blog = titled(map, u"Blog"_s)->id;
    InspectorDock dock;
    dock.setDocument(mDocument.get());
    dock.setScene(scene());
    scene()->selectTouchpoints({blog});
    dock.refresh();
    auto *steps = dock.findChild<PersonaStepsWidget *>();
    QVERIFY(steps);
    const qsizetype stepsAtBlog = steps->stepIds().size();

    // Add: the card goes to the end of George's path, one step.
    auto *add = steps->findChild<QToolButton *>(u"addToPath"_s);
    QVERIFY(add && add->menu());
    const qsizetype georgeLength = personaPath(firstMap(*mDocument), mGeorge).size();
    QAction *george = nullptr;
    for (QAction *action : add->menu()->actions()) {
        if (action->text() == u"George Whitfield"_s)
            george = action;
    }
    QVERIFY(george);
    george->trigger();
    QList<const PersonaStep *> path = personaPath(firstMap(*mDocument), mGeorge);
    QCOMPARE(path.size(), georgeLength + 1);
    QCOMPARE(path.last()->touchpointId, blog);
    dock.refresh();
    QCOMPARE(steps->stepIds().size(), stepsAtBlog + 1);

    // Earlier: it swaps places with the step before it.
    const Id added = path.last()->id;
    const Id previous = path.at(path.size() - 2)->id;
    const qsizetype row = steps->stepIds().indexOf(added);
    QVERIFY(row >= 0);
    steps->findChildren<QToolButton *>(u"stepEarlier"_s).at(row)->click();
    path = personaPath(firstMap(*mDocument), mGeorge);
    QCOMPARE(path.at(path.size() - 2)->id, added);
    QCOMPARE(path.last()->id, previous);

    // Remove takes it off the path; undo brings back exactly what was there.
    dock.refresh();
    steps->findChildren<QToolButton *>(u"stepRemove"_s)
        .at(steps->stepIds().indexOf(added))
        ->click();
    QCOMPARE(personaPath(firstMap(*mDocument), mGeorge).size(), georgeLength);
    stack()->undo();
    stack()->undo();
    stack()->undo();
    QCOMPARE(mDocument->project(), before);
}

void TestPersonaCanvas::compareWithFutureState_data()
{
    QTest::addColumn<QStringList>("futureNames"); // the future-state maps added
    QTest::addColumn<int>("compared");            // which of them is compared; -1: none

    QTest::newRow("the only one") << QStringList{u"Tomorrow's first order"_s} << 0;
    QTest::newRow("the one sharing the name")
        << QStringList{u"Loyalty ideas"_s, u"First order, today: after the redesign"_s} << 1;
    QTest::newRow("two, neither named alike")
        << QStringList{u"Loyalty ideas"_s, u"Returns"_s} << -1;
}

void TestPersonaCanvas::compareWithFutureState()
{
    QFETCH(QStringList, futureNames);
    QFETCH(int, compared);

    const JourneyMap current = firstMap(*mDocument);
    const QList<int> scores{1, 2, 3};
    QList<Id> ids;
    for (const QString &name : futureNames) {
        const JourneyMap future = futureMap(current, mPriya, name, scores);
        ids.append(future.id);
        QVERIFY(push(*mDocument, Commands::addMap(mDocument.get(),
                                                  int(mDocument->project().maps.size()), future)));
    }
    scene()->ensureCurrent();
    QVERIFY(!overlay()->curveItem(mPriya, true));

    const JourneyMap *comparedMap = overlay()->comparedMap();
    if (compared < 0) {
        QVERIFY(!comparedMap);
        return;
    }
    QVERIFY(comparedMap);
    QCOMPARE(comparedMap->id, ids.at(compared));

    scene()->setCompareWithFutureState(true);
    EmotionCurveItem *dashed = overlay()->curveItem(mPriya, true);
    QVERIFY(dashed);
    QVERIFY(dashed->isComparison());
    QVERIFY(overlay()->curveItem(mPriya, false));
    QVERIFY(!overlay()->curveItem(mGeorge, true)); // George has no future path
    QCOMPARE(dashed->points().size(), scores.size());
    // Each point stands in the column of the stage of the same name.
    for (qsizetype i = 0; i < scores.size(); ++i) {
        const MapLayout::Column &column = scene()->mapLayout().columns().at(i);
        const qreal x = dashed->points().at(i).x;
        QVERIFY(x > column.x && x < column.x + column.width);
        QCOMPARE(dashed->points().at(i).emotion, std::optional(scores.at(i)));
    }
    QVERIFY(!dashed->curvePath().isEmpty());
    const auto &legend = overlay()->chartItem()->legend();
    QVERIFY(std::any_of(legend.cbegin(), legend.cend(), [](const auto &e) { return e.dashed; }));

    // A change to the future map shows at once.
    const Id futureStep =
        findById(mDocument->project().maps, ids.at(compared))->personaSteps.first().id;
    QVERIFY(push(*mDocument, Commands::setPersonaStepEmotion(mDocument.get(), futureStep, -2)));
    scene()->ensureCurrent();
    QCOMPARE(overlay()->curveItem(mPriya, true)->points().first().emotion, std::optional(-2));

    scene()->setCompareWithFutureState(false);
    QVERIFY(!overlay()->curveItem(mPriya, true));
}

void TestPersonaCanvas::viewMenu()
{
    QMenu menu;
    PersonaOverlay::fillViewMenu(&menu, scene());
    QList<QAction *> shows;
    for (QAction *action : menu.actions()) {
        if (action->objectName() == u"showPersona"_s)
            shows.append(action);
    }
    QCOMPARE(shows.size(), 2);
    QVERIFY(shows.first()->isChecked());
    shows.first()->trigger();
    QVERIFY(!overlay()->isPersonaVisible(mPriya));
    QVERIFY(!overlay()->pathItem(mPriya));

    PersonaOverlay::fillViewMenu(&menu, scene());
    auto *focus = menu.findChild<QMenu *>(u"focusPersonaMenu"_s);
    QVERIFY(focus);
    QCOMPARE(focus->actions().size(), 4); // None, a separator, two personas
    focus->actions().last()->trigger();
    QCOMPARE(overlay()->focusPersona(), mGeorge);

    // Without a future-state map there is nothing to compare with.
    QAction *compare = nullptr;
    for (QAction *action : menu.actions()) {
        if (action->objectName() == u"compareFutureState"_s)
            compare = action;
    }
    QVERIFY(compare);
    QVERIFY(!compare->isEnabled());

    QMenu empty;
    PersonaOverlay::fillViewMenu(&empty, nullptr);
    QCOMPARE(empty.actions().size(), 1);
    QVERIFY(!empty.actions().first()->isEnabled());
}

void TestPersonaCanvas::screenshots()
{
    // For a person to look at: WAYMARK_SCREENSHOTS names a folder for the pictures.
    const QString folder = qEnvironmentVariable("WAYMARK_SCREENSHOTS");
    if (folder.isEmpty())
        QSKIP("set WAYMARK_SCREENSHOTS to a folder to write the pictures");
    QDir().mkpath(folder);

    const QRectF chart = overlay()->chartItem()->boundingRect();
    const QRectF feelings = chart.adjusted(0, -420, 0, 10);
    const QRectF touchpoints = scene()->mapLayout().rowBandRect(0);
    auto shoot = [&](const QString &name, const QRectF &rect) {
        mView->fitInView(rect, Qt::KeepAspectRatio);
        QCoreApplication::processEvents();
        QVERIFY(mView->grab().save(folder + u'/' + name));
    };
    auto shootActual = [&](const QString &name, const QPointF &topLeft) {
        mView->resetZoom();
        mView->centerOn(topLeft + QPointF(mView->viewport()->width() / 2.0 - 230,
                                          mView->viewport()->height() / 2.0 - 80));
        QCoreApplication::processEvents();
        QVERIFY(mView->grab().save(folder + u'/' + name));
    };
    shoot(u"personas-map.png"_s, scene()->mapLayout().bounds());
    shoot(u"personas-feelings.png"_s, feelings);
    shootActual(u"personas-touchpoints.png"_s, touchpoints.topLeft());
    scene()->setFocusPersona(mPriya);
    shoot(u"personas-focus-map.png"_s, scene()->mapLayout().bounds());
    shoot(u"personas-focus-feelings.png"_s, feelings);
    shootActual(u"personas-focus-touchpoints.png"_s, touchpoints.topLeft());
}

void TestPersonaCanvas::dragCardOnPath()
{
    // A card of Priya's path, visited once, dragged to the next stage's cell of its lane.
    const JourneyMap &map = firstMap(*mDocument);
    const MapLayout &layout = scene()->mapLayout();
    const QList<Id> path = pathTouchpoints(map, mPriya);
    Id movingId;
    qsizetype column = -1;
    qsizetype row = -1;
    for (const Id &id : path) {
        const Touchpoint *t = findById(map.touchpoints, id);
        column = std::find_if(layout.columns().cbegin(), layout.columns().cend(),
                              [t](const MapLayout::Column &c) { return c.stageId == t->stageId; }) -
                 layout.columns().cbegin();
        row = std::find_if(layout.rows().cbegin(), layout.rows().cend(),
                           [t](const MapLayout::Row &r) { return r.laneId == t->laneId; }) -
              layout.rows().cbegin();
        if (path.count(id) == 1 && column + 1 < layout.columns().size() &&
            row < layout.rows().size()) {
            movingId = id;
            break;
        }
    }
    QVERIFY(!movingId.isNull());
    const auto step =
        std::find_if(map.personaSteps.cbegin(), map.personaSteps.cend(), [&](const PersonaStep &s) {
            return s.personaId == mPriya && s.touchpointId == movingId;
        });
    QVERIFY(step != map.personaSteps.cend());
    const Id stepId = step->id;
    const Id nextStage = layout.columns().at(column + 1).stageId;
    const QRectF start = layout.cardRect(movingId);
    const QRectF nextCell = layout.cellRect(column + 1, row);
    const QPointF there(nextCell.center().x(), start.center().y());
    const QList<Id> personas = {mPriya, mGeorge}; // the project's order, in which slots go
    PersonaPathItem *line = overlay()->pathItem(mPriya);
    EmotionCurveItem *curve = overlay()->curveItem(mPriya);
    const QList<QPointF> before = line->points();
    const int index = stack()->index();

    mView->resetZoom();
    mView->centerOn(QPointF(nextCell.left(), start.center().y()));
    scene()->selectTouchpoints({movingId});
    QCoreApplication::processEvents();
    sendMouse(*mView, QEvent::MouseButtonPress, start.center(), Qt::LeftButton);
    sendMouse(*mView, QEvent::MouseMove, start.center() + QPointF(12, 0), Qt::LeftButton);
    sendMouse(*mView, QEvent::MouseMove, there, Qt::LeftButton);
    QCoreApplication::processEvents();
    scene()->ensureCurrent();
    QVERIFY(scene()->isDragging());
    QCOMPARE(findById(firstMap(*mDocument).touchpoints, movingId)->stageId, nextStage);

    // Mid-drag the line, its beads and the curve are the same items, moved in place to where
    // the cards are now.
    QCOMPARE(overlay()->pathItem(mPriya), line);
    QCOMPARE(overlay()->curveItem(mPriya), curve);
    const QList<PathStop> expected =
        placePathStops(firstMap(*mDocument), layout, personas).value(mPriya);
    QList<QPointF> expectedPoints;
    for (const PathStop &stop : expected)
        expectedPoints.append(stop.point);
    QCOMPARE(line->points(), expectedPoints);
    QVERIFY(line->points() != before);
    for (PersonaStopsItem *beads : overlay()->stopItems()) {
        if (beads->personaId() != mPriya)
            continue;
        QCOMPARE(beads->stops().size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i)
            QCOMPARE(beads->stops().at(i).point, expected.at(i).point);
    }
    QVERIFY(line->boundingRect().contains(line->path().boundingRect()));
    const std::optional<QPointF> point = curve->pointPosition(stepId);
    QVERIFY(point);
    QVERIFY(point->x() >= nextCell.left() && point->x() <= nextCell.right());

    // What the window shows after the step's partial repaint is what a full paint draws:
    // nothing of the line or the cards is left behind where they were.
    QCoreApplication::processEvents();
    const QImage shown =
        mView->screen()->grabWindow(mView->winId()).toImage().convertToFormat(QImage::Format_RGB32);
    const QImage painted = mView->grab().toImage().convertToFormat(QImage::Format_RGB32);
    QCOMPARE(shown.size(), painted.size());
    int differing = 0;
    for (int y = 0; y < shown.height(); ++y) {
        for (int x = 0; x < shown.width(); ++x) {
            const QRgb a = shown.pixel(x, y);
            const QRgb b = painted.pixel(x, y);
            if (std::abs(qRed(a) - qRed(b)) + std::abs(qGreen(a) - qGreen(b)) +
                    std::abs(qBlue(a) - qBlue(b)) >
                48)
                ++differing;
        }
    }
    const QString folder = qEnvironmentVariable("WAYMARK_SCREENSHOTS");
    if (!folder.isEmpty()) {
        QDir().mkpath(folder);
        QVERIFY(shown.save(folder + u"/drag-mid-shown.png"_s));
        QVERIFY(painted.save(folder + u"/drag-mid-painted.png"_s));
    }
    QCOMPARE(differing, 0);

    // The drop is one undo step; undone, the path is where it was.
    sendMouse(*mView, QEvent::MouseButtonRelease, there, Qt::NoButton);
    QCoreApplication::processEvents();
    scene()->ensureCurrent();
    QVERIFY(!scene()->isDragging());
    QCOMPARE(stack()->index(), index + 1);
    if (!folder.isEmpty())
        QVERIFY(mView->grab().save(folder + u"/drag-dropped.png"_s));
    stack()->undo();
    scene()->ensureCurrent();
    QCOMPARE(overlay()->pathItem(mPriya)->points(), before);
}

QTEST_MAIN(TestPersonaCanvas)

#include "tst_personacanvas.moc"
