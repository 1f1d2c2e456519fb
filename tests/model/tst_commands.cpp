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
Q_DECLARE_METATYPE(std::function<void(Waymark::PersonaStep &)>)

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

const PersonaStep *step(const Project &p, const Id &id)
{
    return findById(firstMap(p).personaSteps, id);
}

// The steps of Maya's path on the first map, in order, as ids.
QList<Id> mayasPath(const Project &p)
{
    QList<Id> ids;
    for (const PersonaStep *s : personaPath(firstMap(p), fixedId(71)))
        ids.append(s->id);
    return ids;
}

// Whether the path is numbered 0, 1, 2… as every command leaves it.
bool numberedWithoutGaps(const Project &p)
{
    const QList<const PersonaStep *> path = personaPath(firstMap(p), fixedId(71));
    for (qsizetype i = 0; i < path.size(); ++i) {
        if (path[i]->order != int(i))
            return false;
    }
    return true;
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
    void scoreDragMergesIntoOneStep();
    void removingATouchpointTakesItsStepsAlong();
    void findProblemsChecksPaths_data();
    void findProblemsChecksPaths();
    void newIdsKeepPathsConsistent();
    void changeEventsNameWhatChanged();
    void macroIsOneStep();
    void reconnectConnector_data();
    void reconnectConnector();
    void reconnectRefuses_data();
    void reconnectRefuses();
    void moveMapDoUndoRedo_data();
    void moveMapDoUndoRedo();

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

    QTest::newRow("add map") << Factory([](Document *d) {
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
    }) << Check([](const Project &p) {
        QCOMPARE(p.maps.size(), 3);
        QCOMPARE(p.maps[1].name, u"Future"_s);
        QCOMPARE(p.maps[1].touchpoints.size(), 1);
    }) << u"Add Map"_s;

    QTest::newRow("remove map") << Factory([map](Document *d) {
        return Commands::removeMap(d, map);
    }) << Check([](const Project &p) {
        QCOMPARE(p.maps.size(), 1);
        QCOMPARE(p.maps[0].name, u"Empty map"_s);
    }) << u"Delete Map"_s;

    QTest::newRow("rename map") << Factory([map](Document *d) {
        return Commands::renameMap(d, map, u"Shop"_s);
    }) << Check([](const Project &p) { QCOMPARE(firstMap(p).name, u"Shop"_s); })
                                << u"Rename Map"_s;

    QTest::newRow("map kind") << Factory([map](Document *d) {
        return Commands::setMapKind(d, map, MapKind::CurrentState);
    }) << Check([](const Project &p) { QCOMPARE(firstMap(p).kind, MapKind::CurrentState); })
                              << u"Change Map Kind"_s;

    QTest::newRow("map headline") << Factory([map](Document *d) {
        return Commands::setMapHeadline(d, map, HeadlineMetric::Revenue);
    }) << Check([](const Project &p) { QCOMPARE(firstMap(p).headline, HeadlineMetric::Revenue); })
                                  << u"Change Headline Metric"_s;

    QTest::newRow("map description")
        << Factory([map](Document *d) { return Commands::setMapDescription(d, map, u"New"_s); })
        << Check([](const Project &p) { QCOMPARE(firstMap(p).description, u"New"_s); })
        << u"Change Map Description"_s;

    QTest::newRow("add stage") << Factory([map](Document *d) {
        return Commands::addStage(d, map, 1, {fixedId(910), u"Consideration"_s, {}, 0});
    }) << Check([](const Project &p) {
        QCOMPARE(firstMap(p).stages.size(), 3);
        QCOMPARE(firstMap(p).stages[1].name, u"Consideration"_s);
    }) << u"Add Stage"_s;

    QTest::newRow("remove stage takes its cards along") << Factory([purchase](Document *d) {
        return Commands::removeStage(d, purchase);
    }) << Check([](const Project &p) {
        const JourneyMap &m = firstMap(p);
        QCOMPARE(m.stages.size(), 1);
        QCOMPARE(m.touchpoints.size(), 1); // only Search engine was in Awareness
        QCOMPARE(m.connectors.size(), 0);  // both touched a Purchase card
        QCOMPARE(m.annotations.size(), 1); // the pain point was on Checkout
        QCOMPARE(mayasPath(p), (QList<Id>{fixedId(91), fixedId(93)}));
        QVERIFY(numberedWithoutGaps(p));
    }) << u"Delete Stage"_s;

    QTest::newRow("move stage") << Factory([purchase](Document *d) {
        return Commands::moveStage(d, purchase, 0);
    }) << Check([](const Project &p) { QCOMPARE(firstMap(p).stages[0].name, u"Purchase"_s); })
                                << u"Move Stage"_s;

    QTest::newRow("rename stage") << Factory([awareness](Document *d) {
        return Commands::renameStage(d, awareness, u"Discover"_s);
    }) << Check([](const Project &p) { QCOMPARE(firstMap(p).stages[0].name, u"Discover"_s); })
                                  << u"Rename Stage"_s;

    QTest::newRow("stage colour") << Factory([awareness](Document *d) {
        return Commands::setStageColor(d, awareness, Qt::red);
    }) << Check([](const Project &p) { QCOMPARE(firstMap(p).stages[0].color, QColor(Qt::red)); })
                                  << u"Recolour Stage"_s;

    QTest::newRow("stage width") << Factory([awareness](Document *d) {
        return Commands::setStageWidth(d, awareness, 400);
    }) << Check([](const Project &p) { QCOMPARE(firstMap(p).stages[0].width, 400); })
                                 << u"Resize Stage"_s;

    QTest::newRow("add lane") << Factory([map](Document *d) {
        return Commands::addLane(d, map, 2,
                                 {fixedId(920), u"Feelings"_s, LaneKind::Feelings, false, {}});
    }) << Check([](const Project &p) {
        QCOMPARE(firstMap(p).lanes.last().kind, LaneKind::Feelings);
    }) << u"Add Lane"_s;

    QTest::newRow("remove lane takes its cards along") << Factory([backLane](Document *d) {
        return Commands::removeLane(d, backLane);
    }) << Check([](const Project &p) {
        const JourneyMap &m = firstMap(p);
        QCOMPARE(m.lanes.size(), 1);
        QCOMPARE(m.touchpoints.size(), 2);
        QCOMPARE(m.connectors.size(), 1);
        QCOMPARE(m.annotations.size(), 1); // the opportunity was on a Backstage cell
    }) << u"Delete Lane"_s;

    QTest::newRow("move lane") << Factory([backLane](Document *d) {
        return Commands::moveLane(d, backLane, 0);
    }) << Check([](const Project &p) { QCOMPARE(firstMap(p).lanes[0].name, u"Backstage"_s); })
                               << u"Move Lane"_s;

    QTest::newRow("rename lane") << Factory([touchLane](Document *d) {
        return Commands::renameLane(d, touchLane, u"Cards"_s);
    }) << Check([](const Project &p) { QCOMPARE(firstMap(p).lanes[0].name, u"Cards"_s); })
                                 << u"Rename Lane"_s;

    QTest::newRow("lane kind") << Factory([touchLane](Document *d) {
        return Commands::setLaneKind(d, touchLane, LaneKind::Metrics);
    }) << Check([](const Project &p) { QCOMPARE(firstMap(p).lanes[0].kind, LaneKind::Metrics); })
                               << u"Change Lane Kind"_s;

    QTest::newRow("show lane") << Factory([backLane](Document *d) {
        return Commands::setLaneHidden(d, backLane, false);
    }) << Check([](const Project &p) { QCOMPARE(firstMap(p).lanes[1].hidden, false); })
                               << u"Show Lane"_s;

    QTest::newRow("lane colour") << Factory([backLane](Document *d) {
        return Commands::setLaneColor(d, backLane, Qt::blue);
    }) << Check([](const Project &p) { QCOMPARE(firstMap(p).lanes[1].color, QColor(Qt::blue)); })
                                 << u"Recolour Lane"_s;

    QTest::newRow("add touchpoint at the front of a cell") << Factory([map, purchase,
                                                                       touchLane](Document *d) {
        Touchpoint t;
        t.id = fixedId(930);
        t.stageId = purchase;
        t.laneId = touchLane;
        t.order = 0;
        t.title = u"Cart"_s;
        return Commands::addTouchpoint(d, map, t);
    }) << Check([checkout](const Project &p) {
        QCOMPARE(touchpoint(p, fixedId(930))->order, 0);
        QCOMPARE(touchpoint(p, checkout)->order, 1);
        QVERIFY(findProblems(p).isEmpty());
    }) << u"Add Touchpoint"_s;

    QTest::newRow("remove touchpoints with attachments") << Factory([checkout,
                                                                     payment](Document *d) {
        return Commands::removeTouchpoints(d, {checkout, payment});
    }) << Check([](const Project &p) {
        QCOMPARE(firstMap(p).touchpoints.size(), 1);
        QCOMPARE(firstMap(p).connectors.size(), 0);
        QCOMPARE(firstMap(p).annotations.size(), 1);
    }) << commandText("Delete %n Touchpoint(s)", nullptr, 2);

    QTest::newRow("move touchpoint to another cell") << Factory([search, purchase,
                                                                 touchLane](Document *d) {
        return Commands::moveTouchpoints(d, {search}, purchase, touchLane, 0);
    }) << Check([search, checkout, purchase](const Project &p) {
        QCOMPARE(touchpoint(p, search)->stageId, purchase);
        QCOMPARE(touchpoint(p, search)->order, 0);
        QCOMPARE(touchpoint(p, checkout)->order, 1);
        QVERIFY(findProblems(p).isEmpty());
    }) << commandText("Move %n Touchpoint(s)", nullptr, 1);

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

    QTest::newRow("touchpoint title") << Factory([search](Document *d) {
        return Commands::setTouchpointTitle(d, search, u"Search ad"_s);
    }) << Check([search](const Project &p) {
        QCOMPARE(touchpoint(p, search)->title, u"Search ad"_s);
    }) << u"Rename Touchpoint"_s;

    QTest::newRow("touchpoint description") << Factory([search](Document *d) {
        return Commands::setTouchpointDescription(d, search, u"D"_s);
    }) << Check([search](const Project &p) {
        QCOMPARE(touchpoint(p, search)->description, u"D"_s);
    }) << u"Change Description"_s;

    QTest::newRow("touchpoint channel") << Factory([search](Document *d) {
        return Commands::setTouchpointChannel(d, search, Channel::Phone);
    }) << Check([search](const Project &p) {
        QCOMPARE(touchpoint(p, search)->channel, Channel::Phone);
    }) << u"Change Channel"_s;

    QTest::newRow("touchpoint devices") << Factory([search](Document *d) {
        return Commands::setTouchpointDevices(d, search, Device::Tablet);
    }) << Check([search](const Project &p) {
        QCOMPARE(touchpoint(p, search)->devices, Devices(Device::Tablet));
    }) << u"Change Devices"_s;

    QTest::newRow("touchpoint owner") << Factory([search](Document *d) {
        return Commands::setTouchpointOwner(d, search, u"Sales"_s);
    }) << Check([search](const Project &p) { QCOMPARE(touchpoint(p, search)->owner, u"Sales"_s); })
                                      << u"Change Owner"_s;

    QTest::newRow("touchpoint tags") << Factory([search](Document *d) {
        return Commands::setTouchpointTags(d, search, {u"a"_s});
    }) << Check([search](const Project &p) {
        QCOMPARE(touchpoint(p, search)->tags, QStringList{u"a"_s});
    }) << u"Change Tags"_s;

    QTest::newRow("touchpoint evidence") << Factory([search](Document *d) {
        return Commands::setTouchpointEvidence(d, search, Evidence::Assumed);
    }) << Check([search](const Project &p) {
        QCOMPARE(touchpoint(p, search)->evidence, Evidence::Assumed);
    }) << u"Change Evidence"_s;

    QTest::newRow("touchpoint colour") << Factory([search](Document *d) {
        return Commands::setTouchpointColor(d, search, QColor());
    }) << Check([search](const Project &p) { QVERIFY(!touchpoint(p, search)->color.isValid()); })
                                       << u"Recolour Touchpoint"_s;

    QTest::newRow("touchpoint notes") << Factory([search](Document *d) {
        return Commands::setTouchpointNotes(d, search, u"N"_s);
    }) << Check([search](const Project &p) { QCOMPARE(touchpoint(p, search)->notes, u"N"_s); })
                                      << u"Change Notes"_s;

    QTest::newRow("add connector") << Factory([map, search, payment](Document *d) {
        return Commands::addConnector(
            d, map, {fixedId(940), search, payment, ConnectorDirection::Forward, {}});
    }) << Check([](const Project &p) { QCOMPARE(firstMap(p).connectors.size(), 3); })
                                   << u"Add Connector"_s;

    QTest::newRow("remove connector")
        << Factory([](Document *d) { return Commands::removeConnector(d, fixedId(41)); })
        << Check([](const Project &p) { QCOMPARE(firstMap(p).connectors.size(), 1); })
        << u"Delete Connector"_s;

    QTest::newRow("connector label") << Factory([](Document *d) {
        return Commands::setConnectorLabel(d, fixedId(42), u"pays"_s);
    }) << Check([](const Project &p) { QCOMPARE(firstMap(p).connectors[1].label, u"pays"_s); })
                                     << u"Change Connector Label"_s;

    QTest::newRow("connector direction") << Factory([](Document *d) {
        return Commands::setConnectorDirection(d, fixedId(42), ConnectorDirection::Backward);
    }) << Check([](const Project &p) {
        QCOMPARE(firstMap(p).connectors[1].direction, ConnectorDirection::Backward);
    }) << u"Change Connector Direction"_s;

    QTest::newRow("add comment on a cell") << Factory([map, awareness, touchLane](Document *d) {
        Annotation a;
        a.id = fixedId(950);
        a.stageId = awareness;
        a.laneId = touchLane;
        a.text = u"Ask the team"_s;
        a.created = QDateTime(QDate(2026, 12, 3), QTime(12, 0), Qt::UTC);
        return Commands::addAnnotation(d, map, a);
    }) << Check([](const Project &p) { QCOMPARE(firstMap(p).annotations.size(), 3); })
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

    QTest::newRow("add persona") << Factory([](Document *d) {
        Persona p;
        p.id = fixedId(960);
        p.name = u"Omar"_s;
        return Commands::addPersona(d, 0, p);
    }) << Check([](const Project &p) { QCOMPARE(p.personas[0].name, u"Omar"_s); })
                                 << u"Add Persona"_s;

    QTest::newRow("remove persona") << Factory([](Document *d) {
        return Commands::removePersona(d, fixedId(71));
    }) << Check([](const Project &p) {
        QVERIFY(p.personas.isEmpty());
        QVERIFY(firstMap(p).personaSteps.isEmpty());
    }) << u"Delete Persona"_s;

    QTest::newRow("update persona") << Factory([](Document *d) {
        Persona p = d->project().personas[0];
        p.goals = u"Save time"_s;
        p.businessValue = 0.9;
        p.preferredChannels = {Channel::Store};
        return Commands::updatePersona(d, p);
    }) << Check([](const Project &p) {
        QCOMPARE(p.personas[0].goals, u"Save time"_s);
        QCOMPARE(p.personas[0].businessValue, 0.9);
    }) << u"Edit Persona"_s;

    const Id maya = fixedId(71);
    const Id curious = fixedId(91), annoyed = fixedId(92), back = fixedId(93);

    QTest::newRow("add step at the front of a path") << Factory([map, maya, payment](Document *d) {
        return Commands::addPersonaStep(d, map, 0,
                                        {fixedId(970), maya, payment, 0, -1, u"Worried"_s});
    }) << Check([curious, annoyed, back](const Project &p) {
        QCOMPARE(mayasPath(p), (QList<Id>{fixedId(970), curious, annoyed, back}));
        QVERIFY(numberedWithoutGaps(p));
        QCOMPARE(step(p, fixedId(970))->emotion, std::optional<int>(-1));
        QCOMPARE(step(p, fixedId(970))->feeling, u"Worried"_s);
    }) << u"Add Path Step"_s;

    QTest::newRow("add step past the end, its score clamped") << Factory([map, maya,
                                                                          checkout](Document *d) {
        return Commands::addPersonaStep(d, map, 99, {fixedId(971), maya, checkout, 0, 7, {}});
    }) << Check([curious, annoyed, back](const Project &p) {
        QCOMPARE(mayasPath(p), (QList<Id>{curious, annoyed, back, fixedId(971)}));
        QCOMPARE(step(p, fixedId(971))->emotion, std::optional<int>(3));
    }) << u"Add Path Step"_s;

    QTest::newRow("remove step closes up the path") << Factory([curious](Document *d) {
        return Commands::removePersonaStep(d, curious);
    }) << Check([annoyed, back](const Project &p) {
        QCOMPARE(mayasPath(p), (QList<Id>{annoyed, back}));
        QVERIFY(numberedWithoutGaps(p));
    }) << u"Delete Path Step"_s;

    QTest::newRow("move step to the front") << Factory([back](Document *d) {
        return Commands::movePersonaStep(d, back, 0);
    }) << Check([curious, annoyed, back](const Project &p) {
        QCOMPARE(mayasPath(p), (QList<Id>{back, curious, annoyed}));
        QVERIFY(numberedWithoutGaps(p));
    }) << u"Move Path Step"_s;

    QTest::newRow("step score") << Factory([annoyed](Document *d) {
        return Commands::setPersonaStepEmotion(d, annoyed, -3);
    }) << Check([annoyed](const Project &p) {
        QCOMPARE(step(p, annoyed)->emotion, std::optional<int>(-3));
    }) << u"Change Emotion Score"_s;

    QTest::newRow("step score cleared") << Factory([curious](Document *d) {
        return Commands::setPersonaStepEmotion(d, curious, std::nullopt);
    }) << Check([curious](const Project &p) { QVERIFY(!step(p, curious)->emotion); })
                                        << u"Change Emotion Score"_s;

    QTest::newRow("step feeling") << Factory([back](Document *d) {
        return Commands::setPersonaStepFeeling(d, back, u"Relieved"_s);
    }) << Check([back](const Project &p) { QCOMPARE(step(p, back)->feeling, u"Relieved"_s); })
                                  << u"Change Feeling Note"_s;

    QTest::newRow("set a persona's whole path") << Factory([map, maya, payment, curious,
                                                            back](Document *d) {
        PersonaStep again = *step(d->project(), back);
        again.emotion = 1;
        again.feeling = u"Back again"_s;
        const PersonaStep first = *step(d->project(), curious);
        // The persona id and the orders given are ignored: the list is the path.
        const PersonaStep paying{fixedId(972), fixedId(999), payment,
                                 42,           std::nullopt, u"Unsure"_s};
        return Commands::setPersonaPath(d, map, maya, {again, paying, first});
    }) << Check([maya, annoyed, curious, back](const Project &p) {
        QCOMPARE(mayasPath(p), (QList<Id>{back, fixedId(972), curious}));
        QVERIFY(numberedWithoutGaps(p));
        QVERIFY(!step(p, annoyed));
        QCOMPARE(step(p, back)->emotion, std::optional<int>(1));
        QCOMPARE(step(p, back)->feeling, u"Back again"_s);
        QCOMPARE(step(p, fixedId(972))->personaId, maya);
    }) << u"Edit Persona Path"_s;

    QTest::newRow("remove touchpoint on a path takes its steps") << Factory([search](Document *d) {
        return Commands::removeTouchpoints(d, {search});
    }) << Check([annoyed](const Project &p) {
        QCOMPARE(mayasPath(p), QList<Id>{annoyed});
        QCOMPARE(step(p, annoyed)->order, 0);
    }) << commandText("Delete %n Touchpoint(s)", nullptr, 1);
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
    QTest::newRow("same name") << Factory(
        [](Document *d) { return Commands::renameStage(d, fixedId(11), u"Awareness"_s); });
    QTest::newRow("unknown stage")
        << Factory([unknown](Document *d) { return Commands::renameStage(d, unknown, u"X"_s); });
    QTest::newRow("same headline") << Factory(
        [](Document *d) { return Commands::setMapHeadline(d, fixedId(10), HeadlineMetric::Csat); });
    QTest::newRow("headline of an unknown map") << Factory([unknown](Document *d) {
        return Commands::setMapHeadline(d, unknown, HeadlineMetric::Nps);
    });
    QTest::newRow("remove unknown touchpoint")
        << Factory([unknown](Document *d) { return Commands::removeTouchpoints(d, {unknown}); });
    QTest::newRow("move to a cell of another map") << Factory([unknown](Document *d) {
        return Commands::moveTouchpoints(d, {fixedId(31)}, unknown, fixedId(21), 0);
    });
    QTest::newRow("move to where it is") << Factory([](Document *d) {
        return Commands::moveTouchpoints(d, {fixedId(31)}, fixedId(11), fixedId(21), 0);
    });
    QTest::newRow("connector to itself") << Factory([](Document *d) {
        return Commands::addConnector(d, fixedId(10),
                                      {fixedId(940), fixedId(31), fixedId(31), {}, {}});
    });
    QTest::newRow("annotation nowhere") << Factory([](Document *d) {
        Annotation a;
        a.id = fixedId(950);
        return Commands::addAnnotation(d, fixedId(10), a);
    });
    QTest::newRow("add a persona twice") << Factory(
        [](Document *d) { return Commands::addPersona(d, 0, d->project().personas[0]); });
    QTest::newRow("step on a card of another map") << Factory([](Document *d) {
        return Commands::addPersonaStep(d, fixedId(60), 0,
                                        {fixedId(970), fixedId(71), fixedId(31), 0, {}, {}});
    });
    QTest::newRow("step of an unknown persona") << Factory([unknown](Document *d) {
        return Commands::addPersonaStep(d, fixedId(10), 0,
                                        {fixedId(970), unknown, fixedId(31), 0, {}, {}});
    });
    QTest::newRow("step with an id in use") << Factory([](Document *d) {
        return Commands::addPersonaStep(d, fixedId(10), 0,
                                        {fixedId(32), fixedId(71), fixedId(31), 0, {}, {}});
    });
    QTest::newRow("remove unknown step")
        << Factory([unknown](Document *d) { return Commands::removePersonaStep(d, unknown); });
    QTest::newRow("move step to where it is")
        << Factory([](Document *d) { return Commands::movePersonaStep(d, fixedId(91), 0); });
    QTest::newRow("same score after clamping")
        << Factory([](Document *d) { return Commands::setPersonaStepEmotion(d, fixedId(91), 10); });
    QTest::newRow("same feeling") << Factory([](Document *d) {
        return Commands::setPersonaStepFeeling(d, fixedId(92), u"Annoyed by the fees"_s);
    });
    QTest::newRow("path as it is") << Factory([](Document *d) {
        QList<PersonaStep> steps;
        for (const PersonaStep *s : personaPath(firstMap(d->project()), fixedId(71)))
            steps.append(*s);
        return Commands::setPersonaPath(d, fixedId(10), fixedId(71), steps);
    });
    QTest::newRow("path through a card of another map") << Factory([](Document *d) {
        return Commands::setPersonaPath(d, fixedId(60), fixedId(71),
                                        {{fixedId(970), fixedId(71), fixedId(31), 0, {}, {}}});
    });
    QTest::newRow("path with one step twice") << Factory([](Document *d) {
        const PersonaStep twice{fixedId(970), fixedId(71), fixedId(31), 0, {}, {}};
        return Commands::setPersonaPath(d, fixedId(10), fixedId(71), {twice, twice});
    });
    QTest::newRow("path taking another map's id") << Factory([](Document *d) {
        return Commands::setPersonaPath(d, fixedId(10), fixedId(71),
                                        {{fixedId(60), fixedId(71), fixedId(31), 0, {}, {}}});
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
    mDoc->push(Commands::moveTouchpoints(mDoc.get(), {search}, fixedId(12), fixedId(21), 0, gesture)
                   .release());
    mDoc->push(Commands::moveTouchpoints(mDoc.get(), {search}, fixedId(12), fixedId(22), 1, gesture)
                   .release());
    mDoc->push(Commands::moveTouchpoints(mDoc.get(), {search}, fixedId(12), fixedId(21), 1, gesture)
                   .release());
    QCOMPARE(mDoc->undoStack()->count(), 1);
    QCOMPARE(touchpoint(mDoc->project(), search)->stageId, fixedId(12));
    QCOMPARE(touchpoint(mDoc->project(), search)->order, 1);
    QVERIFY(findProblems(mDoc->project()).isEmpty());

    mDoc->undoStack()->undo();
    QVERIFY(mDoc->project() == before);

    // A new gesture is a new step.
    mDoc->undoStack()->redo();
    mDoc->push(
        Commands::moveTouchpoints(mDoc.get(), {search}, fixedId(11), fixedId(21), 0, gesture + 1)
            .release());
    QCOMPARE(mDoc->undoStack()->count(), 2);
}

void tst_Commands::dragBackToStartLeavesNoStep()
{
    const Id search = fixedId(31);
    const Project before = mDoc->project();
    mDoc->push(
        Commands::moveTouchpoints(mDoc.get(), {search}, fixedId(12), fixedId(21), 0, 3).release());
    mDoc->push(
        Commands::moveTouchpoints(mDoc.get(), {search}, fixedId(11), fixedId(21), 0, 3).release());
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

void tst_Commands::scoreDragMergesIntoOneStep()
{
    const Id annoyed = fixedId(92);
    QSignalSpy spy(mDoc.get(), &Document::changed);
    for (int score : {-1, 0, 2})
        mDoc->push(Commands::setPersonaStepEmotion(mDoc.get(), annoyed, score, 11).release());
    QCOMPARE(mDoc->undoStack()->count(), 1);
    QCOMPARE(mDoc->undoStack()->undoText(), u"Change Emotion Score"_s);
    QCOMPARE(step(mDoc->project(), annoyed)->emotion, std::optional<int>(2));
    const auto event = spy.last().at(0).value<ChangeEvent>();
    QCOMPARE(event.entity, EntityKind::PersonaStep);
    QCOMPARE(event.change, ChangeKind::Modified);
    QCOMPARE(event.id, annoyed);
    QCOMPARE(event.mapId, fixedId(10));
    QCOMPARE(event.fields, Fields(Field::Emotion));
    verifySavedMatchesModel();

    mDoc->undoStack()->undo();
    QCOMPARE(step(mDoc->project(), annoyed)->emotion, std::optional<int>(-2));

    // A drag that ends where it began leaves no step; another step's drag is its own step.
    mDoc->push(Commands::setPersonaStepEmotion(mDoc.get(), annoyed, 1, 12).release());
    mDoc->push(Commands::setPersonaStepEmotion(mDoc.get(), annoyed, -2, 12).release());
    QCOMPARE(mDoc->undoStack()->count(), 0);
    mDoc->push(Commands::setPersonaStepEmotion(mDoc.get(), annoyed, 1, 13).release());
    mDoc->push(Commands::setPersonaStepEmotion(mDoc.get(), fixedId(91), 1, 13).release());
    QCOMPARE(mDoc->undoStack()->count(), 2);
}

void tst_Commands::removingATouchpointTakesItsStepsAlong()
{
    const Project before = mDoc->project();
    QSignalSpy spy(mDoc.get(), &Document::changed);
    mDoc->push(Commands::removeTouchpoints(mDoc.get(), {fixedId(31)}).release());

    QList<Id> removedSteps;
    QList<Id> renumbered;
    for (const QList<QVariant> &args : std::as_const(spy)) {
        const auto e = args.at(0).value<ChangeEvent>();
        if (e.entity != EntityKind::PersonaStep)
            continue;
        QCOMPARE(e.mapId, fixedId(10));
        if (e.change == ChangeKind::Removed)
            removedSteps.append(e.id);
        else if (e.change == ChangeKind::Modified && e.fields == Fields(Field::Order))
            renumbered.append(e.id);
    }
    std::sort(removedSteps.begin(), removedSteps.end());
    QCOMPARE(removedSteps, (QList<Id>{fixedId(91), fixedId(93)}));
    QCOMPARE(renumbered, QList<Id>{fixedId(92)});
    QVERIFY(findProblems(mDoc->project()).isEmpty());
    verifySavedMatchesModel();

    // Undo brings the card back before the steps on it, in the working copy too.
    mDoc->undoStack()->undo();
    QVERIFY(mDoc->project() == before);
    verifySavedMatchesModel();
    QCOMPARE(mayasPath(mDoc->project()), (QList<Id>{fixedId(91), fixedId(92), fixedId(93)}));
}

using Damage = std::function<void(PersonaStep &)>;

void tst_Commands::findProblemsChecksPaths_data()
{
    // The commands never make these; a file or a template from elsewhere may hold them.
    QTest::addColumn<Damage>("damage");
    QTest::addColumn<QString>("words");

    QTest::newRow("touchpoint of no map")
        << Damage([](PersonaStep &s) { s.touchpointId = fixedId(999); }) << u"not in map"_s;
    QTest::newRow("unknown persona")
        << Damage([](PersonaStep &s) { s.personaId = fixedId(999); }) << u"persona that is not"_s;
    QTest::newRow("score too high")
        << Damage([](PersonaStep &s) { s.emotion = 4; }) << u"outside −3 to +3"_s;
    QTest::newRow("score too low")
        << Damage([](PersonaStep &s) { s.emotion = -4; }) << u"outside −3 to +3"_s;
    QTest::newRow("two steps in one place")
        << Damage([](PersonaStep &s) { s.order = 1; }) << u"shares its place in its path"_s;
    QTest::newRow("id of a touchpoint")
        << Damage([](PersonaStep &s) { s.id = fixedId(31); }) << u"the id"_s;
}

void tst_Commands::findProblemsChecksPaths()
{
    QFETCH(Damage, damage);
    QFETCH(QString, words);

    Project project = fullProject();
    PersonaStep *curious = findById(project.maps[0].personaSteps, fixedId(91));
    QVERIFY(curious);
    damage(*curious);
    const QStringList problems = findProblems(project);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems[0].contains(words), qPrintable(problems[0]));
}

void tst_Commands::newIdsKeepPathsConsistent()
{
    const Project source = fullProject();
    const Project copy = withNewIds(source);
    QVERIFY(findProblems(copy).isEmpty());

    const JourneyMap &map = copy.maps[0];
    QCOMPARE(map.personaSteps.size(), source.maps[0].personaSteps.size());
    for (const PersonaStep &s : map.personaSteps) {
        QVERIFY(!mapContaining(source, s.id));
        QVERIFY(indexOfId(map.touchpoints, s.touchpointId) >= 0);
        QCOMPARE(s.personaId, copy.personas[0].id);
    }
    // The copy's path visits the same cards in the same order with the same feelings.
    QStringList visited;
    for (const PersonaStep *s : personaPath(map, copy.personas[0].id))
        visited.append(findById(map.touchpoints, s->touchpointId)->title + u':' + s->feeling);
    QCOMPARE(visited, (QStringList{u"Search engine:Curious"_s, u"Checkout:Annoyed by the fees"_s,
                                   u"Search engine:"_s}));
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
    mDoc->push(Commands::setMapHeadline(mDoc.get(), fixedId(10), HeadlineMetric::Nps).release());
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).value<ChangeEvent>(),
             (ChangeEvent{
                 EntityKind::Map, ChangeKind::Modified, fixedId(10), {}, Fields(Field::Headline)}));

    spy.clear();
    mDoc->push(Commands::removeStage(mDoc.get(), fixedId(12)).release());
    QList<EntityKind> removed;
    for (const QList<QVariant> &args : std::as_const(spy)) {
        const auto e = args.at(0).value<ChangeEvent>();
        if (e.change == ChangeKind::Modified) {
            // Maya's path closes up behind the step that was on Checkout.
            QCOMPARE(e.entity, EntityKind::PersonaStep);
            QCOMPARE(e.fields, Fields(Field::Order));
            continue;
        }
        QCOMPARE(e.change, ChangeKind::Removed);
        removed.append(e.entity);
    }
    // Attachments first, the stage last; undo announces them in reverse.
    QCOMPARE(removed.last(), EntityKind::Stage);
    QCOMPARE(removed.count(EntityKind::Touchpoint), 2);
    QCOMPARE(removed.count(EntityKind::Connector), 2);
    QCOMPARE(removed.count(EntityKind::Annotation), 1);
    QCOMPARE(removed.count(EntityKind::PersonaStep), 1);
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

void tst_Commands::moveMapDoUndoRedo_data()
{
    QTest::addColumn<Id>("mapId");
    QTest::addColumn<int>("toIndex");
    QTest::addColumn<QList<Id>>("order"); // of the maps afterwards; empty: refused

    const Id first = fixedId(10), second = fixedId(60);
    QTest::newRow("first to the end") << first << 1 << QList<Id>{second, first};
    QTest::newRow("last to the front") << second << 0 << QList<Id>{second, first};
    QTest::newRow("beyond the end is the end") << first << 7 << QList<Id>{second, first};
    QTest::newRow("before the start is the start") << second << -3 << QList<Id>{second, first};
    QTest::newRow("where it is") << first << 0 << QList<Id>();
    QTest::newRow("unknown map") << fixedId(999) << 1 << QList<Id>();
}

void tst_Commands::moveMapDoUndoRedo()
{
    QFETCH(Id, mapId);
    QFETCH(int, toIndex);
    QFETCH(QList<Id>, order);

    auto mapOrder = [this] {
        QList<Id> ids;
        for (const JourneyMap &m : mDoc->project().maps)
            ids.append(m.id);
        return ids;
    };
    const Project before = mDoc->project();
    Commands::Command command = Commands::moveMap(mDoc.get(), mapId, toIndex);
    if (order.isEmpty()) {
        QVERIFY(!command);
        return;
    }
    QVERIFY(command);

    QSignalSpy spy(mDoc.get(), &Document::changed);
    mDoc->push(command.release());
    QCOMPARE(mDoc->undoStack()->undoText(), u"Move Map"_s);
    QCOMPARE(mapOrder(), order);
    QCOMPARE(spy.size(), 1);
    const auto event = spy.at(0).at(0).value<ChangeEvent>();
    QCOMPARE(event.entity, EntityKind::Map);
    QCOMPARE(event.change, ChangeKind::Modified);
    QCOMPARE(event.id, mapId);
    QCOMPARE(event.fields, Fields(Field::Order));
    // Only the order changed: each map is whole, everything in it as it was.
    for (const JourneyMap &m : before.maps)
        QVERIFY(*findById(mDoc->project().maps, m.id) == m);
    const Project after = mDoc->project();
    verifySavedMatchesModel();

    mDoc->undoStack()->undo();
    QVERIFY(mDoc->project() == before);
    verifySavedMatchesModel();

    mDoc->undoStack()->redo();
    QVERIFY(mDoc->project() == after);
    verifySavedMatchesModel();
}

void tst_Commands::reconnectConnector_data()
{
    QTest::addColumn<Id>("fromId");
    QTest::addColumn<Id>("toId");

    // Connector 41 runs from the search engine (31) to the checkout (32).
    QTest::newRow("the end it points to") << fixedId(31) << fixedId(33);
    QTest::newRow("the end it starts from") << fixedId(33) << fixedId(32);
    QTest::newRow("both ends swapped") << fixedId(32) << fixedId(31);
}

void tst_Commands::reconnectConnector()
{
    QFETCH(Id, fromId);
    QFETCH(Id, toId);
    const Id connectorId = fixedId(41);
    const Project before = mDoc->project();
    const Connector original = *findById(firstMap(before).connectors, connectorId);
    QSignalSpy changes(mDoc.get(), &Document::changed);

    Commands::Command command = Commands::setConnectorEnds(mDoc.get(), connectorId, fromId, toId);
    QVERIFY(command);
    mDoc->push(command.release());
    QCOMPARE(mDoc->undoStack()->count(), 1);
    QCOMPARE(mDoc->undoStack()->undoText(), u"Reconnect Connector"_s);
    QCOMPARE(changes.size(), 1);
    const auto event = changes.at(0).at(0).value<ChangeEvent>();
    QCOMPARE(event.entity, EntityKind::Connector);
    QCOMPARE(event.change, ChangeKind::Modified);
    QCOMPARE(event.id, connectorId);
    QCOMPARE(event.mapId, fixedId(10));
    QCOMPARE(event.fields, Fields(Field::Endpoints));

    // Only the ends change: the direction, the label and the place in the list stay.
    Connector expected = original;
    expected.fromId = fromId;
    expected.toId = toId;
    QCOMPARE(firstMap(mDoc->project()).connectors.at(0), expected);
    QCOMPARE(firstMap(mDoc->project()).connectors.at(1), firstMap(before).connectors.at(1));
    QVERIFY(findProblems(mDoc->project()).isEmpty());
    const Project after = mDoc->project();
    verifySavedMatchesModel();

    mDoc->undoStack()->undo();
    QVERIFY(mDoc->project() == before);
    verifySavedMatchesModel();

    mDoc->undoStack()->redo();
    QVERIFY(mDoc->project() == after);
    verifySavedMatchesModel();
}

void tst_Commands::reconnectRefuses_data()
{
    QTest::addColumn<Id>("connectorId");
    QTest::addColumn<Id>("fromId");
    QTest::addColumn<Id>("toId");

    QTest::newRow("ends as they are") << fixedId(41) << fixedId(31) << fixedId(32);
    QTest::newRow("one card at both ends") << fixedId(41) << fixedId(31) << fixedId(31);
    QTest::newRow("unknown connector") << fixedId(999) << fixedId(31) << fixedId(33);
    QTest::newRow("unknown card") << fixedId(41) << fixedId(31) << fixedId(999);
    QTest::newRow("a card of another map") << fixedId(41) << fixedId(31) << fixedId(63);
    QTest::newRow("a card id for the connector") << fixedId(31) << fixedId(32) << fixedId(33);
}

void tst_Commands::reconnectRefuses()
{
    QFETCH(Id, connectorId);
    QFETCH(Id, fromId);
    QFETCH(Id, toId);

    // The second map gets a card of its own, which no connector of the first may reach.
    Project project = fullProject();
    JourneyMap &second = project.maps[1];
    second.stages = {{fixedId(61), u"Elsewhere"_s, {}, 0}};
    second.lanes = {{fixedId(62), u"Touchpoints"_s, LaneKind::Touchpoints, false, {}}};
    Touchpoint there;
    there.id = fixedId(63);
    there.stageId = fixedId(61);
    there.laneId = fixedId(62);
    there.title = u"On another map"_s;
    second.touchpoints = {there};
    StorageError error;
    mDoc = Document::create(project, &error);
    QVERIFY2(mDoc, qPrintable(error.message + error.detail));

    QVERIFY(!Commands::setConnectorEnds(mDoc.get(), connectorId, fromId, toId));
    QVERIFY(mDoc->project() == project);
}

QTEST_GUILESS_MAIN(tst_Commands)
#include "tst_commands.moc"
