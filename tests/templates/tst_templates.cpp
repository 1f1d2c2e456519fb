// The built-in templates and the sample project as Templates::instantiate hands them out.
#include "templates.h"

#include "lookup.h"
#include "storage/projectfile.h"
#include "validation.h"

#include <QFile>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Waymark;

namespace {

const QStringList StageNames = {u"Awareness"_s, u"Consideration"_s, u"Purchase"_s, u"Experience"_s,
                                u"Loyalty"_s};

// The typical touchpoints of each stage of a digital customer journey.
const QList<QPair<QString, QStringList>> DigitalTouchpoints = {
    {u"Awareness"_s,
     {u"Social media"_s, u"Word of mouth & influencers"_s, u"Search engine"_s, u"Online ads"_s,
      u"Marketing email"_s, u"Blog"_s, u"SMS"_s, u"Mobile app"_s, u"Loyalty programme offers"_s,
      u"Affiliate marketing"_s}},
    {u"Consideration"_s,
     {u"Website visit"_s, u"Chatbot"_s, u"Free trial"_s, u"Demo"_s, u"Webinar"_s, u"Discounts"_s,
      u"Online reviews & testimonials"_s}},
    {u"Purchase"_s,
     {u"Create account or log in"_s, u"Shopping cart"_s, u"Upsell & cross-sell"_s,
      u"Apply a discount"_s, u"Choose payment"_s, u"Checkout"_s, u"Review of the purchase"_s}},
    {u"Experience"_s,
     {u"Shipping & delivery"_s, u"Order tracking"_s, u"Online help centre"_s, u"FAQs & guides"_s,
      u"Assisted chat"_s, u"Guarantee"_s, u"Follow-up email"_s, u"Social media interaction"_s}},
    {u"Loyalty"_s,
     {u"Loyalty programme"_s, u"Personalised rewards"_s, u"Newsletter"_s,
      u"Social media community"_s, u"Support quality"_s}},
};

// clang-format off
const QList<QPair<QString, LaneKind>> StandardLanes = {
    {u"Touchpoints"_s, LaneKind::Touchpoints},
    {u"Customer actions"_s, LaneKind::CustomerActions},
    {u"Thoughts"_s, LaneKind::Thoughts},
    {u"Feelings"_s, LaneKind::Feelings},
    {u"Pain points"_s, LaneKind::PainPoints},
    {u"Opportunities"_s, LaneKind::Opportunities},
    {u"Backstage"_s, LaneKind::Backstage},
};
// clang-format on

QList<Id> allIds(const Project &project)
{
    QList<Id> ids{project.id};
    for (const JourneyMap &map : project.maps) {
        ids.append(map.id);
        for (const Stage &s : map.stages)
            ids.append(s.id);
        for (const Lane &l : map.lanes)
            ids.append(l.id);
        for (const Touchpoint &t : map.touchpoints)
            ids.append(t.id);
        for (const Connector &c : map.connectors)
            ids.append(c.id);
        for (const Annotation &a : map.annotations)
            ids.append(a.id);
        for (const PersonaStep &s : map.personaSteps)
            ids.append(s.id);
    }
    for (const Persona &p : project.personas)
        ids.append(p.id);
    return ids;
}

QStringList stageNames(const JourneyMap &map)
{
    QStringList names;
    for (const Stage &s : map.stages)
        names.append(s.name);
    return names;
}

const Touchpoint *findTitle(const JourneyMap &map, const QString &title)
{
    for (const Touchpoint &t : map.touchpoints) {
        if (t.title == title)
            return &t;
    }
    return nullptr;
}

const Lane *laneOfKind(const JourneyMap &map, LaneKind kind)
{
    for (const Lane &l : map.lanes) {
        if (l.kind == kind)
            return &l;
    }
    return nullptr;
}

Project instantiateOrFail(const QString &name)
{
    StorageError error;
    const std::optional<Project> project = Templates::instantiate(name, &error);
    if (!project)
        qWarning("instantiate(%s) failed: %s (%s)", qUtf8Printable(name),
                 qUtf8Printable(error.message), qUtf8Printable(error.detail));
    return project.value_or(Project{});
}

} // namespace

class TestTemplates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void names();
    void builtIn_data();
    void builtIn();
    void sameAsCompiled_data();
    void sameAsCompiled();
    void unknownBuiltIn();
    void freshIds_data();
    void freshIds();
    void blank();
    void digitalJourney();
    void b2b();
    void sample();
    void personaPaths_data();
    void personaPaths();
    void unknownName();
    void projectFileAsTemplate();
    void notAProject_data();
    void notAProject();
};

void TestTemplates::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestTemplates::names()
{
    QCOMPARE(Templates::names(), (QStringList{u"blank"_s, u"digital-journey"_s, u"b2b"_s}));
    QCOMPARE(Templates::displayName(u"digital-journey"_s), u"Digital customer journey"_s);
    QCOMPARE(Templates::displayName(u"blank"_s), u"Blank map"_s);
    QCOMPARE(Templates::displayName(u"b2b"_s), u"B2B buyer journey"_s);
}

void TestTemplates::builtIn_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : Templates::names())
        QTest::newRow(qPrintable(name)) << name;
}

void TestTemplates::builtIn()
{
    QFETCH(QString, name);

    StorageError error;
    const std::optional<Project> project = Templates::instantiate(name, &error);
    QVERIFY2(project, qPrintable(error.message + u' ' + error.detail));
    QCOMPARE(error.code, StorageErrorCode::None);
    QCOMPARE(findProblems(*project), QStringList());
    QVERIFY(!project->name.isEmpty());
    QVERIFY(project->created.isValid());
    QVERIFY(!project->maps.isEmpty());

    for (const JourneyMap &map : project->maps) {
        QSet<QString> titles;
        for (const Touchpoint &t : map.touchpoints) {
            QVERIFY2(!titles.contains(t.title), qPrintable(u"twice in a map: "_s + t.title));
            titles.insert(t.title);
        }
    }
}

void TestTemplates::sameAsCompiled_data()
{
    builtIn_data();
}

// A built-in template is read from its source, not through the checks for files from
// elsewhere: it must be exactly what those checks let through from its compiled file.
void TestTemplates::sameAsCompiled()
{
    QFETCH(QString, name);

    StorageError error;
    const std::optional<Project> fromSource = Templates::builtIn(name, &error);
    QVERIFY2(fromSource, qPrintable(error.message + u' ' + error.detail));
    QCOMPARE(error.code, StorageErrorCode::None);

    const QString compiledPath =
        QStringLiteral(WAYMARK_TEMPLATE_FILES) + u'/' + name + u".waymark"_s;
    const std::optional<Project> compiled = ProjectFile::read(compiledPath, &error);
    QVERIFY2(compiled, qPrintable(error.message + u' ' + error.detail));

    QCOMPARE(fromSource->id, compiled->id);
    QCOMPARE(fromSource->name, compiled->name);
    QCOMPARE(fromSource->created, compiled->created);
    QCOMPARE(fromSource->maps.size(), compiled->maps.size());
    for (qsizetype i = 0; i < compiled->maps.size(); ++i) {
        const JourneyMap &source = fromSource->maps.at(i);
        const JourneyMap &file = compiled->maps.at(i);
        QCOMPARE(source.stages, file.stages);
        QCOMPARE(source.lanes, file.lanes);
        QCOMPARE(source.touchpoints, file.touchpoints);
        QCOMPARE(source.connectors, file.connectors);
        QCOMPARE(source.annotations, file.annotations);
        QCOMPARE(source.personaSteps, file.personaSteps);
        QVERIFY2(source == file, qPrintable(file.name));
    }
    QCOMPARE(fromSource->personas, compiled->personas);
    QCOMPARE(fromSource->datasets, compiled->datasets);
    QVERIFY(*fromSource == *compiled);
}

void TestTemplates::unknownBuiltIn()
{
    StorageError error;
    QVERIFY(!Templates::builtIn(u"sample"_s, &error));
    QCOMPARE(error.code, StorageErrorCode::CannotRead);
    QVERIFY(error.message.contains(u"sample"_s));
}

void TestTemplates::freshIds_data()
{
    builtIn_data();
}

void TestTemplates::freshIds()
{
    QFETCH(QString, name);

    const Project first = instantiateOrFail(name);
    const Project second = instantiateOrFail(name);
    QVERIFY(!first.maps.isEmpty());

    const QList<Id> firstIds = allIds(first);
    const QList<Id> secondIds = allIds(second);
    QCOMPARE(firstIds.size(), secondIds.size());
    const QSet<Id> firstSet(firstIds.cbegin(), firstIds.cend());
    QCOMPARE(qsizetype(firstSet.size()), firstIds.size());
    for (const Id &id : secondIds)
        QVERIFY2(!firstSet.contains(id), qPrintable(id.toString()));

    // Apart from the ids, both copies are the same template.
    QCOMPARE(second.name, first.name);
    QCOMPARE(second.maps.first().touchpoints.size(), first.maps.first().touchpoints.size());
}

void TestTemplates::blank()
{
    const Project project = instantiateOrFail(u"blank"_s);
    QCOMPARE(project.maps.size(), 1);
    const JourneyMap &map = project.maps.first();

    QCOMPARE(map.kind, MapKind::CurrentState);
    QCOMPARE(stageNames(map), StageNames);
    QCOMPARE(map.lanes.size(), StandardLanes.size());
    for (qsizetype i = 0; i < StandardLanes.size(); ++i) {
        QCOMPARE(map.lanes.at(i).name, StandardLanes.at(i).first);
        QCOMPARE(map.lanes.at(i).kind, StandardLanes.at(i).second);
        QVERIFY(!map.lanes.at(i).hidden);
    }
    QVERIFY(map.touchpoints.isEmpty());
    QVERIFY(map.connectors.isEmpty());
    QVERIFY(map.annotations.isEmpty());
    QVERIFY(project.personas.isEmpty());
}

void TestTemplates::digitalJourney()
{
    const Project project = instantiateOrFail(u"digital-journey"_s);
    QCOMPARE(project.maps.size(), 1);
    const JourneyMap &map = project.maps.first();
    QCOMPARE(stageNames(map), StageNames);
    const Lane *touchpointLane = laneOfKind(map, LaneKind::Touchpoints);
    QVERIFY(touchpointLane);

    qsizetype expected = 0;
    for (const auto &[stageName, titles] : DigitalTouchpoints) {
        const Stage &stage = map.stages.at(StageNames.indexOf(stageName));
        for (const QString &title : titles) {
            const Touchpoint *t = findTitle(map, title);
            QVERIFY2(t, qPrintable(u"missing: "_s + title));
            QVERIFY2(t->stageId == stage.id, qPrintable(title + u" is not in "_s + stageName));
            QCOMPARE(t->laneId, touchpointLane->id);
            QVERIFY2(t->channel != Channel::Other, qPrintable(title));
            QVERIFY2(t->devices != Devices(), qPrintable(title));
            QVERIFY2(!t->description.isEmpty(), qPrintable(title));
        }
        expected += titles.size();

        // Several per cell, numbered from 0 in their order.
        const QList<const Touchpoint *> cell = cellTouchpoints(map, stage.id, touchpointLane->id);
        QCOMPARE(cell.size(), titles.size());
        for (qsizetype i = 0; i < cell.size(); ++i)
            QCOMPARE(cell.at(i)->order, int(i));
    }
    QCOMPARE(map.touchpoints.size(), expected);

    QVERIFY(map.connectors.size() >= 7);
    for (const Connector &c : map.connectors) {
        QVERIFY(findById(map.touchpoints, c.fromId));
        QVERIFY(findById(map.touchpoints, c.toId));
        QVERIFY(c.fromId != c.toId);
    }
    // The main path, one step after another.
    const QStringList path = {
        u"Search engine"_s,   u"Website visit"_s,    u"Create account or log in"_s,
        u"Shopping cart"_s,   u"Checkout"_s,         u"Shipping & delivery"_s,
        u"Follow-up email"_s, u"Loyalty programme"_s};
    for (qsizetype i = 0; i + 1 < path.size(); ++i) {
        const Id from = findTitle(map, path.at(i))->id;
        const Id to = findTitle(map, path.at(i + 1))->id;
        const bool joined =
            std::any_of(map.connectors.cbegin(), map.connectors.cend(),
                        [&](const Connector &c) { return c.fromId == from && c.toId == to; });
        QVERIFY2(joined, qPrintable(path.at(i) + u" → "_s + path.at(i + 1)));
    }

    QCOMPARE(project.personas.size(), 2);
    for (const Persona &p : project.personas) {
        const QStringList fields = {p.name,      p.quote,      p.age,           p.gender,
                                    p.location,  p.occupation, p.socioeconomic, p.lifestyle,
                                    p.interests, p.opinions,   p.likes,         p.dislikes,
                                    p.attitudes, p.goals,      p.frustrations,  p.needs};
        for (const QString &field : fields)
            QVERIFY2(!field.isEmpty(), qPrintable(p.name));
        QVERIFY(!p.preferredChannels.isEmpty());
        QVERIFY(p.preferredDevices != Devices());
        QVERIFY(p.color.isValid());
    }
}

void TestTemplates::b2b()
{
    const Project project = instantiateOrFail(u"b2b"_s);
    QCOMPARE(project.maps.size(), 1);
    const JourneyMap &map = project.maps.first();
    QCOMPARE(stageNames(map), StageNames);

    const QList<QPair<QString, double>> roles = {{u"CIO"_s, 0.30},
                                                 {u"Executive"_s, 0.25},
                                                 {u"Manager"_s, 0.20},
                                                 {u"Technical staff"_s, 0.15},
                                                 {u"Call-centre agent"_s, 0.10}};
    QCOMPARE(project.personas.size(), roles.size());
    double total = 0.0;
    for (qsizetype i = 0; i < roles.size(); ++i) {
        const Persona &p = project.personas.at(i);
        QCOMPARE(p.role, roles.at(i).first);
        QVERIFY(p.businessValue > 0.0);
        QCOMPARE(p.businessValue, roles.at(i).second);
        QVERIFY(!p.organisation.isEmpty());
        QVERIFY(!p.segment.isEmpty());
        QVERIFY(!p.decisionPower.isEmpty());
        total += p.businessValue;
    }
    QVERIFY(qFuzzyCompare(total, 1.0));

    const QStringList b2bTouchpoints = {u"Trade show"_s,
                                        u"Analyst report"_s,
                                        u"RFP"_s,
                                        u"Proof of concept"_s,
                                        u"Contract negotiation"_s,
                                        u"Onboarding"_s,
                                        u"Account review"_s,
                                        u"Renewal"_s};
    for (const QString &title : b2bTouchpoints) {
        const Touchpoint *t = findTitle(map, title);
        QVERIFY2(t, qPrintable(u"missing: "_s + title));
        QVERIFY2(t->devices != Devices(), qPrintable(title));
    }
    for (const Stage &stage : map.stages) {
        QVERIFY2(
            !cellTouchpoints(map, stage.id, laneOfKind(map, LaneKind::Touchpoints)->id).isEmpty(),
            qPrintable(stage.name));
    }
    QVERIFY(!map.connectors.isEmpty());
}

void TestTemplates::sample()
{
    StorageError error;
    const std::optional<Project> project =
        ProjectFile::read(QStringLiteral(WAYMARK_SAMPLE_FILE), &error);
    QVERIFY2(project, qPrintable(error.message + u' ' + error.detail));
    QCOMPARE(findProblems(*project), QStringList());
    QVERIFY(project->name.startsWith(u"Sample: "_s));
    QCOMPARE(project->personas.size(), 2);
    QCOMPARE(project->maps.size(), 1);
    const JourneyMap &map = project->maps.first();
    QCOMPARE(stageNames(map), StageNames);

    // Every touchpoint of the digital journey, filled out.
    for (const auto &entry : DigitalTouchpoints) {
        for (const QString &title : entry.second) {
            const Touchpoint *t = findTitle(map, title);
            QVERIFY2(t, qPrintable(u"missing: "_s + title));
            QVERIFY2(!t->description.isEmpty() && !t->owner.isEmpty() && !t->tags.isEmpty(),
                     qPrintable(title));
        }
    }

    const Lane *backstage = laneOfKind(map, LaneKind::Backstage);
    QVERIFY(backstage);
    for (const QString &system : {u"CRM"_s, u"Payment provider"_s, u"Warehouse system"_s}) {
        const Touchpoint *t = findTitle(map, system);
        QVERIFY2(t && t->laneId == backstage->id, qPrintable(system));
    }
    for (LaneKind kind : {LaneKind::Thoughts, LaneKind::PainPoints, LaneKind::Opportunities}) {
        const Lane *lane = laneOfKind(map, kind);
        QVERIFY(lane);
        const bool used = std::any_of(map.touchpoints.cbegin(), map.touchpoints.cend(),
                                      [&](const Touchpoint &t) { return t.laneId == lane->id; });
        QVERIFY2(used, qPrintable(lane->name));
    }

    QSet<Evidence> evidence;
    for (const Touchpoint &t : map.touchpoints)
        evidence.insert(t.evidence);
    QCOMPARE(evidence.size(), 3);

    QSet<AnnotationKind> kinds;
    for (const Annotation &a : map.annotations) {
        kinds.insert(a.kind);
        QVERIFY(!a.text.isEmpty());
        QVERIFY(!a.author.isEmpty());
        QVERIFY(a.created.isValid());
        if (a.kind != AnnotationKind::Comment)
            QVERIFY2(a.severity >= 1 && a.severity <= 5, qPrintable(a.text));
    }
    QCOMPARE(kinds.size(), 3);

    // The survey attached row by row to the cards it names, the orders to the checkout.
    QCOMPARE(project->datasets.size(), 2);
    const Dataset &survey = project->datasets[0];
    const Dataset &orders = project->datasets[1];
    QCOMPARE(survey.format, u"qualtrics"_s);
    QVERIFY2(survey.rowCount >= 200, qPrintable(QString::number(survey.rowCount)));
    QCOMPARE(survey.attachments.size(), 1);
    QCOMPARE(survey.attachments.first().kind, AttachmentKind::ByColumn);
    QCOMPARE(orders.format, u"shopify"_s);
    QVERIFY2(orders.rowCount >= 150, qPrintable(QString::number(orders.rowCount)));
    QCOMPARE(orders.attachments.size(), 1);
    QCOMPARE(orders.attachments.first().kind, AttachmentKind::WholeDataset);
    const Touchpoint *checkout = findTitle(map, u"Checkout"_s);
    QVERIFY(checkout);
    QCOMPARE(orders.attachments.first().touchpointId, checkout->id);
}

void TestTemplates::personaPaths_data()
{
    QTest::addColumn<QString>("source"); // a built-in template, or "sample"
    QTest::addColumn<int>("personas");   // in the library, each with a path on the first map
    QTest::addColumn<int>("paths");      // at least this many personas have a path there
    QTest::addColumn<QString>("dip");    // a card every path through it scores below zero

    QTest::newRow("digital-journey") << u"digital-journey"_s << 2 << 2 << u"Checkout"_s;
    QTest::newRow("sample") << u"sample"_s << 2 << 2 << u"Checkout"_s;
    QTest::newRow("b2b") << u"b2b"_s << 5 << 2 << u"Contract negotiation"_s;
}

void TestTemplates::personaPaths()
{
    QFETCH(QString, source);
    QFETCH(int, personas);
    QFETCH(int, paths);
    QFETCH(QString, dip);

    Project project;
    if (source == u"sample"_s) {
        StorageError error;
        const std::optional<Project> read =
            ProjectFile::read(QStringLiteral(WAYMARK_SAMPLE_FILE), &error);
        QVERIFY2(read, qPrintable(error.message + u' ' + error.detail));
        project = *read;
    } else {
        project = instantiateOrFail(source);
    }
    QCOMPARE(findProblems(project), QStringList());
    QCOMPARE(project.personas.size(), personas);
    const JourneyMap &map = project.maps.first();
    const Lane *touchpointLane = laneOfKind(map, LaneKind::Touchpoints);
    QVERIFY(touchpointLane);
    const auto cards =
        std::count_if(map.touchpoints.cbegin(), map.touchpoints.cend(),
                      [&](const Touchpoint &t) { return t.laneId == touchpointLane->id; });

    QList<QList<Id>> routes;
    bool comesBack = false;
    for (const Persona &persona : project.personas) {
        const QList<const PersonaStep *> path = personaPath(map, persona.id);
        if (path.isEmpty())
            continue;

        QList<Id> route;
        int lowest = PersonaStep::MaxEmotion;
        int highest = PersonaStep::MinEmotion;
        for (const PersonaStep *step : path) {
            const Touchpoint *touchpoint = findById(map.touchpoints, step->touchpointId);
            QVERIFY2(touchpoint, qPrintable(persona.name));
            QVERIFY2(step->emotion, qPrintable(persona.name + u" at "_s + touchpoint->title));
            QVERIFY(*step->emotion >= PersonaStep::MinEmotion);
            QVERIFY(*step->emotion <= PersonaStep::MaxEmotion);
            QVERIFY2(!step->feeling.isEmpty(),
                     qPrintable(persona.name + u" at "_s + touchpoint->title));
            lowest = std::min(lowest, *step->emotion);
            highest = std::max(highest, *step->emotion);
            if (touchpoint->title == dip)
                QVERIFY2(*step->emotion < 0, qPrintable(persona.name + u" at "_s + dip));
            comesBack = comesBack || route.contains(step->touchpointId);
            route.append(step->touchpointId);
        }

        // A story: some touchpoints skipped, lows and highs along the way.
        const QSet<Id> visited(route.cbegin(), route.cend());
        QVERIFY2(visited.size() < cards, qPrintable(persona.name));
        QVERIFY2(lowest < 0 && highest > 0, qPrintable(persona.name));
        QVERIFY2(!routes.contains(route), qPrintable(persona.name + u" walks another's path"_s));
        routes.append(route);
    }
    QVERIFY(routes.size() >= paths);
    if (personas == paths)
        QCOMPARE(routes.size(), paths);
    QVERIFY2(comesBack, "no persona comes back to a touchpoint");
}

void TestTemplates::unknownName()
{
    StorageError error;
    const std::optional<Project> project = Templates::instantiate(u"no-such-template"_s, &error);
    QVERIFY(!project);
    QCOMPARE(error.code, StorageErrorCode::CannotRead);
    QVERIFY2(error.message.contains(u"no-such-template"_s), qPrintable(error.message));
    for (const QString &name : Templates::names())
        QVERIFY2(error.message.contains(name), qPrintable(error.message));
}

void TestTemplates::projectFileAsTemplate()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"workshop.waymark"_s);

    Project original = instantiateOrFail(u"digital-journey"_s);
    original.name = u"Our workshop"_s;
    original.maps.first().stages.first().name = u"Discovery"_s;
    StorageError error;
    QVERIFY2(ProjectFile::write(original, path, &error), qPrintable(error.message));

    const std::optional<Project> project = Templates::instantiate(path, &error);
    QVERIFY2(project, qPrintable(error.message + u' ' + error.detail));
    QCOMPARE(project->name, u"Our workshop"_s);
    QCOMPARE(project->maps.first().stages.first().name, u"Discovery"_s);
    QCOMPARE(project->maps.first().touchpoints.size(), original.maps.first().touchpoints.size());
    QCOMPARE(findProblems(*project), QStringList());
    QVERIFY(project->id != original.id);
    QVERIFY(project->maps.first().id != original.maps.first().id);

    // The sample project serves as a template too.
    const std::optional<Project> fromSample =
        Templates::instantiate(QStringLiteral(WAYMARK_SAMPLE_FILE), &error);
    QVERIFY2(fromSample, qPrintable(error.message + u' ' + error.detail));
    QVERIFY(fromSample->name.startsWith(u"Sample: "_s));
}

void TestTemplates::notAProject_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<StorageErrorCode>("code");

    QTest::newRow("text file") << QByteArray("Stages: Awareness, Consideration\n")
                               << StorageErrorCode::NotSqlite;
    QTest::newRow("empty file") << QByteArray() << StorageErrorCode::NotSqlite;
}

void TestTemplates::notAProject()
{
    QFETCH(QByteArray, contents);
    QFETCH(StorageErrorCode, code);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"notes.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(contents);
    file.close();

    StorageError error;
    const std::optional<Project> project = Templates::instantiate(path, &error);
    QVERIFY(!project);
    QCOMPARE(error.code, code);
    QVERIFY(!error.message.isEmpty());
}

QTEST_GUILESS_MAIN(TestTemplates)
#include "tst_templates.moc"
