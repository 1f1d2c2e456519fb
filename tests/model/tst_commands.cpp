// Every undo command: what it does, that undo restores exactly what was there, that redo
// does it again, that the working copy follows (a save holds what the model holds), and
// that the commands of one gesture merge into one step.
#include "../common/fullproject.h"

#include "commands.h"
#include "document.h"
#include "lookup.h"
#include "storage/projectfile.h"
#include "validation.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <functional>

using namespace Waymark;
using namespace Waymark::Testing;
using namespace Qt::StringLiterals;

using Factory = std::function<Commands::Command(Document *)>;
using Check = std::function<void(const Project &)>;
Q_DECLARE_METATYPE(Factory)
Q_DECLARE_METATYPE(Check)

namespace {

// The name of a command with a count, as the commands translate it.
QString commandText(const char *text, const char *disambiguation, int n)
{
    return QCoreApplication::translate("Waymark::Commands", text, disambiguation, n);
}

const JourneyMap &firstMap(const Project &p)
{
    return p.maps.first();
}

const Touchpoint *touchpoint(const Project &p, const Id &id)
{
    return findById(firstMap(p).touchpoints, id);
}

} // namespace

class tst_Commands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void doUndoRedo_data();
    void doUndoRedo();
    void refusesNoOpsAndUnknownIds_data();
    void refusesNoOpsAndUnknownIds();
    void dragMergesIntoOneStep();
    void dragBackToStartLeavesNoStep();
    void resizeGestureMerges();
    void changeEventsNameWhatChanged();
    void macroIsOneStep();

private:
    void verifySavedMatchesModel();

    QTemporaryDir mDir;
    std::unique_ptr<Document> mDoc;
};

void tst_Commands::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(mDir.isValid());
}

void tst_Commands::init()
{
    StorageError error;
    mDoc = Document::create(fullProject(), &error);
    QVERIFY2(mDoc, qPrintable(error.message + error.detail));
}

void tst_Commands::cleanup()
{
    mDoc.reset();
}

void tst_Commands::verifySavedMatchesModel()
{
    const QString path = mDir.filePath(u"check.waymark"_s);
    StorageError error;
    QVERIFY2(mDoc->saveAs(path, &error), qPrintable(error.message + error.detail));
    const std::optional<Project> saved = ProjectFile::read(path, &error);
    QVERIFY2(saved, qPrintable(error.message + error.detail));
    compareProjects(*saved, mDoc->project());
}

void tst_Commands::doUndoRedo_data()
{
    QTest::addColumn<Factory>("make");
    QTest::addColumn<Check>("check");
    QTest::addColumn<QString>("text");

    const Id map = fixedId(10);
    const Id awareness = fixedId(11), purchase = fixedId(12);
    const Id touchLane = fixedId(21), backLane = fixedId(22);
    const Id search = fixedId(31), checkout = fixedId(32), payment = fixedId(33);

    QTest::newRow("rename project")
        << Factory([](Document *d) { return Commands::renameProject(d, u"Renamed"_s); })
        << Check([](const Project &p) { QCOMPARE(p.name, u"Renamed"_s); }) << u"Rename Project"_s;

    QTest::newRow("add map")
        << Factory([](Document *d) {
               JourneyMap m;
               m.id = fixedId(900);
               m.name = u"Future"_s;
               m.stages = {{fixedId(901), u"One"_s, {}, 0}};
               m.lanes = {{fixedId(902), u"Lane"_s, LaneKind::Thoughts, false, {}}};
               Touchpoint t;
               t.id = fixedId(903);
               t.stageId = fixedId(901);
               t.laneId = fixedId(902);
               t.title = u"Idea"_s;
               m.touchpoints = {t};
               return Commands::addMap(d, 1, m);
           })
        << Check([](const Project &p) {
               QCOMPARE(p.maps.size(), 3);
               QCOMPARE(p.maps[1].name, u"Future"_s);
               QCOMPARE(p.maps[1].touchpoints.size(), 1);
           })
        << u"Add Map"_s;

    QTest::newRow("remove map")
        << Factory([map](Document *d) { return Commands::removeMap(d, map); })
        << Check([](const Project &p) {
               QCOMPARE(p.maps.size(), 1);
               QCOMPARE(p.maps[0].name, u"Empty map"_s);
           })
        << u"Delete Map"_s;

    QTest::newRow("rename map")
        << Factory([map](Document *d) { return Commands::renameMap(d, map, u"Shop"_s); })
        << Check([](const Project &p) { QCOMPARE(firstMap(p).name, u"Shop"_s); })
        << u"Rename Map"_s;

    QTest::newRow("map kind")
        << Factory([map](Document *d) { return Commands::setMapKind(d, map, MapKind::CurrentState); })
        << Check([](const Project &p) { QCOMPARE(firstMap(p).kind, MapKind::CurrentState); })
        << u"Change Map Kind"_s;

    QTest::newRow("map description")
        << Factory([map](Document *d) { return Commands::setMapDescription(d, map, u"New"_s); })
        << Check([](const Project &p) { QCOMPARE(firstMap(p).description, u"New"_s); })
        << u"Change Map Description"_s;

    QTest::newRow("add stage")
        << Factory([map](Document *d) {
               return Commands::addStage(d, map, 1, {fixedId(910), u"Consideration"_s, {}, 0});
           })
        << Check([](const Project &p) {
               QCOMPARE(firstMap(p).stages.size(), 3);
               QCOMPARE(firstMap(p).stages[1].name, u"Consideration"_s);
           })
        << u"Add Stage"_s;

    QTest::newRow("remove stage takes its cards along")
        << Factory([purchase](Document *d) { return Commands::removeStage(d, purchase); })
        << Check([](const Project &p) {
               const JourneyMap &m = firstMap(p);
               QCOMPARE(m.stages.size(), 1);
               QCOMPARE(m.touchpoints.size(), 1); // only Search engine was in Awareness
               QCOMPARE(m.connectors.size(), 0); // both touched a Purchase card
               QCOMPARE(m.annotations.size(), 1); // the pain point was on Checkout
               QVERIFY(findProblems(p).isEmpty());
           })
        << u"Delete Stage"_s;

    QTest::newRow("move stage")
        << Factory([purchase](Document *d) { return Commands::moveStage(d, purchase, 0); })
        << Check([](const Project &p) { QCOMPARE(firstMap(p).stages[0].name, u"Purchase"_s); })
        << u"Move Stage"_s;

    QTest::newRow("rename stage")
        << Factory([awareness](Document *d) { return Commands::renameStage(d, awareness, u"Discover"_s); })
        << Check([](const Project &p) { QCOMPARE(firstMap(p).stages[0].name, u"Discover"_s); })
        << u"Rename Stage"_s;

    QTest::newRow("stage colour")
        << Factory([awareness](Document *d) { return Commands::setStageColor(d, awareness, Qt::red); })
        << Check([](const Project &p) { QCOMPARE(firstMap(p).stages[0].color, QColor(Qt::red)); })
        << u"Recolour Stage"_s;

    QTest::newRow("stage width")
        << Factory([awareness](Document *d) { return Commands::setStageWidth(d, awareness, 400); })
        << Check([](const Project &p) { QCOMPARE(firstMap(p).stages[0].width, 400); })
        << u"Resize Stage"_s;

    QTest::newRow("add lane")
        << Factory([map](Document *d) {
               return Commands::addLane(d, map, 2, {fixedId(920), u"Feelings"_s, LaneKind::Feelings, false, {}});
           })
        << Check([](const Project &p) { QCOMPARE(firstMap(p).lanes.last().kind, LaneKind::Feelings); })
        << u"Add Lane"_s;

    QTest::newRow("remove lane takes its cards along")
        << Factory([backLane](Document *d) { return Commands::removeLane(d, backLane); })
        << Check([](const Project &p) {
               const JourneyMap &m = firstMap(p);
               QCOMPARE(m.lanes.size(), 1);
               QCOMPARE(m.touchpoints.size(), 2);
               QCOMPARE(m.connectors.size(), 1);
               QCOMPARE(m.annotations.size(), 1); // the opportunity was on a Backstage cell
           })
        << u"Delete Lane"_s;

    QTest::newRow("move lane")
        << Factory([backLane](Document *d) { return Commands::moveLane(d, backLane, 0); })
        << Check([](const Project &p) { QCOMPARE(firstMap(p).lanes[0].name, u"Backstage"_s); })
        << u"Move Lane"_s;

    QTest::newRow("rename lane")
        << Factory([touchLane](Document *d) { return Commands::renameLane(d, touchLane, u"Cards"_s); })
        << Check([](const Project &p) { QCOMPARE(firstMap(p).lanes[0].name, u"Cards"_s); })
        << u"Rename Lane"_s;

    QTest::newRow("lane kind")
        << Factory([touchLane](Document *d) { return Commands::setLaneKind(d, touchLane, LaneKind::Metrics); })
        << Check([](const Project &p) { QCOMPARE(firstMap(p).lanes[0].kind, LaneKind::Metrics); })
        << u"Change Lane Kind"_s;

    QTest::newRow("show lane")
        << Factory([backLane](Document *d) { return Commands::setLaneHidden(d, backLane, false); })
        << Check([](const Project &p) { QCOMPARE(firstMap(p).lanes[1].hidden, false); })
        << u"Show Lane"_s;

    QTest::newRow("lane colour")
        << Factory([backLane](Document *d) { return Commands::setLaneColor(d, backLane, Qt::blue); })
        << Check([](const Project &p) { QCOMPARE(firstMap(p).lanes[1].color, QColor(Qt::blue)); })
        << u"Recolour Lane"_s;

    QTest::newRow("add touchpoint at the front of a cell")
        << Factory([map, purchase, touchLane](Document *d) {
               Touchpoint t;
               t.id = fixedId(930);
               t.stageId = purchase;
               t.laneId = touchLane;
               t.order = 0;
               t.title = u"Cart"_s;
               return Commands::addTouchpoint(d, map, t);
           })
        << Check([checkout](const Project &p) {
               QCOMPARE(touchpoint(p, fixedId(930))->order, 0);
               QCOMPARE(touchpoint(p, checkout)->order, 1);
               QVERIFY(findProblems(p).isEmpty());
           })
        << u"Add Touchpoint"_s;

    QTest::newRow("remove touchpoints with attachments")
        << Factory([checkout, payment](Document *d) {
               return Commands::removeTouchpoints(d, {checkout, payment});
           })
        << Check([](const Project &p) {
               QCOMPARE(firstMap(p).touchpoints.size(), 1);
               QCOMPARE(firstMap(p).connectors.size(), 0);
               QCOMPARE(firstMap(p).annotations.size(), 1);
           })
        << commandText("Delete %n Touchpoint(s)", nullptr, 2);

    QTest::newRow("move touchpoint to another cell")
        << Factory([search, purchase, touchLane](Document *d) {
               return Commands::moveTouchpoints(d, {search}, purchase, touchLane, 0);
           })
        << Check([search, checkout, purchase](const Project &p) {
               QCOMPARE(touchpoint(p, search)->stageId, purchase);
               QCOMPARE(touchpoint(p, search)->order, 0);
               QCOMPARE(touchpoint(p, checkout)->order, 1);
               QVERIFY(findProblems(p).isEmpty());
           })
        << commandText("Move %n Touchpoint(s)", nullptr, 1);

    QTest::newRow("move two touchpoints to the end of a cell")
        << Factory([search, payment, purchase, touchLane](Document *d) {
               return Commands::moveTouchpoints(d, {payment, search}, purchase, touchLane, 99);
           })
        << Check([search, checkout, payment](const Project &p) {
               QCOMPARE(touchpoint(p, checkout)->order, 0);
               QCOMPARE(touchpoint(p, payment)->order, 1);
               QCOMPARE(touchpoint(p, search)->order, 2);
               QVERIFY(findProblems(p).isEmpty());
           })
        << commandText("Move %n Touchpoint(s)", nullptr, 2);

    QTest::newRow("touchpoint title")
        << Factory([search](Document *d) { return Commands::setTouchpointTitle(d, search, u"Search ad"_s); })
        << Check([search](const Project &p) { QCOMPARE(touchpoint(p, search)->title, u"Search ad"_s); })
        << u"Rename Touchpoint"_s;

    QTest::newRow("touchpoint description")
        << Factory([search](Document *d) { return Commands::setTouchpointDescription(d, search, u"D"_s); })
        << Check([search](const Project &p) { QCOMPARE(touchpoint(p, search)->description, u"D"_s); })
        << u"Change Description"_s;

    QTest::newRow("touchpoint channel")
        << Factory([search](Document *d) { return Commands::setTouchpointChannel(d, search, Channel::Phone); })
        << Check([search](const Project &p) { QCOMPARE(touchpoint(p, search)->channel, Channel::Phone); })
        << u"Change Channel"_s;

    QTest::newRow("touchpoint devices")
        << Factory([search](Document *d) { return Commands::setTouchpointDevices(d, search, Device::Tablet); })
        << Check([search](const Project &p) { QCOMPARE(touchpoint(p, search)->devices, Devices(Device::Tablet)); })
        << u"Change Devices"_s;

    QTest::newRow("touchpoint owner")
        << Factory([search](Document *d) { return Commands::setTouchpointOwner(d, search, u"Sales"_s); })
        << Check([search](const Project &p) { QCOMPARE(touchpoint(p, search)->owner, u"Sales"_s); })
        << u"Change Owner"_s;

    QTest::newRow("touchpoint tags")
        << Factory([search](Document *d) { return Commands::setTouchpointTags(d, search, {u"a"_s}); })
        << Check([search](const Project &p) { QCOMPARE(touchpoint(p, search)->tags, QStringList{u"a"_s}); })
        << u"Change Tags"_s;

    QTest::newRow("touchpoint evidence")
        << Factory([search](Document *d) { return Commands::setTouchpointEvidence(d, search, Evidence::Assumed); })
        << Check([search](const Project &p) { QCOMPARE(touchpoint(p, search)->evidence, Evidence::Assumed); })
        << u"Change Evidence"_s;

    QTest::newRow("touchpoint colour")
        << Factory([search](Document *d) { return Commands::setTouchpointColor(d, search, QColor()); })
        << Check([search](const Project &p) { QVERIFY(!touchpoint(p, search)->color.isValid()); })
        << u"Recolour Touchpoint"_s;

    QTest::newRow("touchpoint notes")
        << Factory([search](Document *d) { return Commands::setTouchpointNotes(d, search, u"N"_s); })
        << Check([search](const Project &p) { QCOMPARE(touchpoint(p, search)->notes, u"N"_s); })
        << u"Change Notes"_s;

    QTest::newRow("add connector")
        << Factory([map, search, payment](Document *d) {
               return Commands::addConnector(d, map, {fixedId(940), search, payment, ConnectorDirection::Forward, {}});
           })
        << Check([](const Project &p) { QCOMPARE(firstMap(p).connectors.size(), 3); })
        << u"Add Connector"_s;

    QTest::newRow("remove connector")
        << Factory([](Document *d) { return Commands::removeConnector(d, fixedId(41)); })
        << Check([](const Project &p) { QCOMPARE(firstMap(p).connectors.size(), 1); })
        << u"Delete Connector"_s;

    QTest::newRow("connector label")
        << Factory([](Document *d) { return Commands::setConnectorLabel(d, fixedId(42), u"pays"_s); })
        << Check([](const Project &p) { QCOMPARE(firstMap(p).connectors[1].label, u"pays"_s); })
        << u"Change Connector Label"_s;

    QTest::newRow("connector direction")
        << Factory([](Document *d) {
               return Commands::setConnectorDirection(d, fixedId(42), ConnectorDirection::Backward);
           })
        << Check([](const Project &p) {
               QCOMPARE(firstMap(p).connectors[1].direction, ConnectorDirection::Backward);
           })
        << u"Change Connector Direction"_s;

    QTest::newRow("add comment on a cell")
        << Factory([map, awareness, touchLane](Document *d) {
               Annotation a;
               a.id = fixedId(950);
               a.stageId = awareness;
               a.laneId = touchLane;
               a.text = u"Ask the team"_s;
               a.created = QDateTime(QDate(2026, 12, 3), QTime(12, 0), Qt::UTC);
               return Commands::addAnnotation(d, map, a);
           })
        << Check([](const Project &p) { QCOMPARE(firstMap(p).annotations.size(), 3); })
        << u"Add Comment"_s;

    QTest::newRow("remove annotation")
        << Factory([](Document *d) { return Commands::removeAnnotation(d, fixedId(51)); })
        << Check([](const Project &p) { QCOMPARE(firstMap(p).annotations.size(), 1); })
        << u"Delete Annotation"_s;

    QTest::newRow("annotation text")
        << Factory([](Document *d) { return Commands::setAnnotationText(d, fixedId(51), u"T"_s); })
        << Check([](const Project &p) { QCOMPARE(firstMap(p).annotations[0].text, u"T"_s); })
        << u"Edit Annotation"_s;

    QTest::newRow("annotation severity")
        << Factory([](Document *d) { return Commands::setAnnotationSeverity(d, fixedId(51), 5); })
        << Check([](const Project &p) { QCOMPARE(firstMap(p).annotations[0].severity, 5); })
        << u"Change Severity"_s;

    QTest::newRow("add persona")
        << Factory([](Document *d) {
               Persona p;
               p.id = fixedId(960);
               p.name = u"Omar"_s;
               return Commands::addPersona(d, 0, p);
           })
        << Check([](const Project &p) { QCOMPARE(p.personas[0].name, u"Omar"_s); })
        << u"Add Persona"_s;

    QTest::newRow("remove persona")
        << Factory([](Document *d) { return Commands::removePersona(d, fixedId(71)); })
        << Check([](const Project &p) { QVERIFY(p.personas.isEmpty()); })
        << u"Delete Persona"_s;

    QTest::newRow("update persona")
        << Factory([](Document *d) {
               Persona p = d->project().personas[0];
               p.goals = u"Save time"_s;
               p.businessValue = 0.9;
               p.preferredChannels = {Channel::Store};
               return Commands::updatePersona(d, p);
           })
        << Check([](const Project &p) {
               QCOMPARE(p.personas[0].goals, u"Save time"_s);
               QCOMPARE(p.personas[0].businessValue, 0.9);
           })
        << u"Edit Persona"_s;
}

void tst_Commands::doUndoRedo()
{
    QFETCH(Factory, make);
    QFETCH(Check, check);
    QFETCH(QString, text);

    const Project before = mDoc->project();
    QSignalSpy changes(mDoc.get(), &Document::changed);

    Commands::Command command = make(mDoc.get());
    QVERIFY(command);
    mDoc->push(command.release());
    QCOMPARE(mDoc->undoStack()->count(), 1);
    QCOMPARE(mDoc->undoStack()->undoText(), text);
    QVERIFY(!changes.isEmpty());
    QVERIFY(mDoc->isModified());
    check(mDoc->project());
    QVERIFY(findProblems(mDoc->project()).isEmpty());
    const Project after = mDoc->project();
    verifySavedMatchesModel();

    mDoc->undoStack()->undo();
    QVERIFY(mDoc->project() == before);
    verifySavedMatchesModel();

    mDoc->undoStack()->redo();
    QVERIFY(mDoc->project() == after);
    check(mDoc->project());
    verifySavedMatchesModel();
}

void tst_Commands::refusesNoOpsAndUnknownIds_data()
{
    QTest::addColumn<Factory>("make");

    const Id unknown = fixedId(999);
    QTest::newRow("same name") << Factory([](Document *d) {
        return Commands::renameStage(d, fixedId(11), u"Awareness"_s);
    });
    QTest::newRow("unknown stage") << Factory([unknown](Document *d) {
        return Commands::renameStage(d, unknown, u"X"_s);
    });
    QTest::newRow("remove unknown touchpoint") << Factory([unknown](Document *d) {
        return Commands::removeTouchpoints(d, {unknown});
    });
    QTest::newRow("move to a cell of another map") << Factory([unknown](Document *d) {
        return Commands::moveTouchpoints(d, {fixedId(31)}, unknown, fixedId(21), 0);
    });
    QTest::newRow("move to where it is") << Factory([](Document *d) {
        return Commands::moveTouchpoints(d, {fixedId(31)}, fixedId(11), fixedId(21), 0);
    });
    QTest::newRow("connector to itself") << Factory([](Document *d) {
        return Commands::addConnector(d, fixedId(10), {fixedId(940), fixedId(31), fixedId(31), {}, {}});
    });
    QTest::newRow("annotation nowhere") << Factory([](Document *d) {
        Annotation a;
        a.id = fixedId(950);
        return Commands::addAnnotation(d, fixedId(10), a);
    });
    QTest::newRow("add a persona twice") << Factory([](Document *d) {
        return Commands::addPersona(d, 0, d->project().personas[0]);
    });
}

void tst_Commands::refusesNoOpsAndUnknownIds()
{
    QFETCH(Factory, make);
    QVERIFY(!make(mDoc.get()));
}

void tst_Commands::dragMergesIntoOneStep()
{
    const Id search = fixedId(31);
    const Project before = mDoc->project();
    constexpr int gesture = 7;

    // A drag through three cells: each mouse move is a command; they make one step.
    mDoc->push(Commands::moveTouchpoints(mDoc.get(), {search}, fixedId(12), fixedId(21), 0, gesture).release());
    mDoc->push(Commands::moveTouchpoints(mDoc.get(), {search}, fixedId(12), fixedId(22), 1, gesture).release());
    mDoc->push(Commands::moveTouchpoints(mDoc.get(), {search}, fixedId(12), fixedId(21), 1, gesture).release());
    QCOMPARE(mDoc->undoStack()->count(), 1);
    QCOMPARE(touchpoint(mDoc->project(), search)->stageId, fixedId(12));
    QCOMPARE(touchpoint(mDoc->project(), search)->order, 1);
    QVERIFY(findProblems(mDoc->project()).isEmpty());

    mDoc->undoStack()->undo();
    QVERIFY(mDoc->project() == before);

    // A new gesture is a new step.
    mDoc->undoStack()->redo();
    mDoc->push(Commands::moveTouchpoints(mDoc.get(), {search}, fixedId(11), fixedId(21), 0, gesture + 1).release());
    QCOMPARE(mDoc->undoStack()->count(), 2);
}

void tst_Commands::dragBackToStartLeavesNoStep()
{
    const Id search = fixedId(31);
    const Project before = mDoc->project();
    mDoc->push(Commands::moveTouchpoints(mDoc.get(), {search}, fixedId(12), fixedId(21), 0, 3).release());
    mDoc->push(Commands::moveTouchpoints(mDoc.get(), {search}, fixedId(11), fixedId(21), 0, 3).release());
    QCOMPARE(mDoc->undoStack()->count(), 0);
    QVERIFY(mDoc->project() == before);
    QVERIFY(!mDoc->isModified());
}

void tst_Commands::resizeGestureMerges()
{
    for (int width : {300, 320, 340})
        mDoc->push(Commands::setStageWidth(mDoc.get(), fixedId(11), width, 5).release());
    QCOMPARE(mDoc->undoStack()->count(), 1);
    QCOMPARE(firstMap(mDoc->project()).stages[0].width, 340);
    mDoc->undoStack()->undo();
    QCOMPARE(firstMap(mDoc->project()).stages[0].width, 260);
}

void tst_Commands::changeEventsNameWhatChanged()
{
    QSignalSpy spy(mDoc.get(), &Document::changed);
    mDoc->push(Commands::renameStage(mDoc.get(), fixedId(11), u"Discover"_s).release());
    QCOMPARE(spy.size(), 1);
    const auto event = spy.at(0).at(0).value<ChangeEvent>();
    QCOMPARE(event.entity, EntityKind::Stage);
    QCOMPARE(event.change, ChangeKind::Modified);
    QCOMPARE(event.id, fixedId(11));
    QCOMPARE(event.mapId, fixedId(10));
    QCOMPARE(event.fields, Fields(Field::Name));

    spy.clear();
    mDoc->push(Commands::removeStage(mDoc.get(), fixedId(12)).release());
    QList<EntityKind> removed;
    for (const QList<QVariant> &args : std::as_const(spy)) {
        const auto e = args.at(0).value<ChangeEvent>();
        QCOMPARE(e.change, ChangeKind::Removed);
        removed.append(e.entity);
    }
    // Attachments first, the stage last; undo announces them in reverse.
    QCOMPARE(removed.last(), EntityKind::Stage);
    QCOMPARE(removed.count(EntityKind::Touchpoint), 2);
    QCOMPARE(removed.count(EntityKind::Connector), 2);
    QCOMPARE(removed.count(EntityKind::Annotation), 1);
}

void tst_Commands::macroIsOneStep()
{
    const Project before = mDoc->project();
    mDoc->undoStack()->beginMacro(u"Tidy Up"_s);
    mDoc->push(Commands::renameStage(mDoc.get(), fixedId(11), u"Discover"_s).release());
    mDoc->push(Commands::removeLane(mDoc.get(), fixedId(22)).release());
    mDoc->undoStack()->endMacro();
    QCOMPARE(mDoc->undoStack()->count(), 1);
    verifySavedMatchesModel();
    mDoc->undoStack()->undo();
    QVERIFY(mDoc->project() == before);
    verifySavedMatchesModel();
}

QTEST_GUILESS_MAIN(tst_Commands)
#include "tst_commands.moc"
