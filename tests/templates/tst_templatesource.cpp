// The JSON template sources and their compiler: the shipped sources compile the same way
// every time, and a broken source stops the build with a message saying where and why.
#include "templatesource.h"

#include "lookup.h"
#include "storage/projectfile.h"
#include "validation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Waymark;

namespace {

// A small valid source; the rejection tests each break one thing in a copy of it.
QByteArray tinySource()
{
    return R"({
    "format": 1,
    "name": "Tiny",
    "created": "2024-01-15T09:00:00Z",
    "personas": [ { "name": "Ann", "preferredDevices": ["mobile"], "businessValue": 0.5 } ],
    "maps": [ {
        "name": "Map",
        "headline": "nps",
        "stages": [ { "name": "Awareness", "color": "#8ecae6", "width": 320 },
                    { "name": "Purchase" } ],
        "lanes": "standard",
        "cells": [
            { "stage": "Awareness", "lane": "Touchpoints", "cards": [
                { "title": "Search engine", "channel": "search", "devices": ["desktop"] },
                { "title": "Blog", "channel": "website" } ] },
            { "stage": "Purchase", "lane": "Touchpoints", "cards": [
                { "title": "Checkout", "channel": "website", "evidence": "observed",
                  "description": "Pay", "owner": "E-commerce", "tags": ["conversion", "friction"],
                  "color": "#e63946", "notes": "Slowest step" } ] }
        ],
        "connectors": [ { "from": "Search engine", "to": "Checkout", "label": "Buys" } ],
        "annotations": [
            { "kind": "pain-point", "touchpoint": "Checkout", "text": "Slow", "severity": 4,
              "author": "Ana", "created": "2024-02-01T10:00:00+01:00" },
            { "stage": "Purchase", "lane": "Pain points", "text": "Ask the payments team" } ],
        "paths": [ { "persona": "Ann", "steps": [
            { "emotion": 1, "feeling": "curious", "touchpoint": "Search engine" },
            { "emotion": -2, "feeling": "frustrated", "touchpoint": "Checkout" },
            { "emotion": null, "touchpoint": "Search engine" } ] } ]
    } ]
})";
}

QByteArray replaced(const char *before, const char *after)
{
    QByteArray source = tinySource();
    const QByteArray from(before);
    if (!source.contains(from))
        qFatal("the test's valid source has no \"%s\"", before);
    return source.replace(from, after);
}

template <typename T> QList<T> sortedById(QList<T> list)
{
    std::sort(list.begin(), list.end(), [](const T &a, const T &b) { return a.id < b.id; });
    return list;
}

QStringList sourceNames()
{
    const QDir dir(QStringLiteral(WAYMARK_TEMPLATE_SOURCES));
    QStringList names;
    for (const QFileInfo &info : dir.entryInfoList({u"*.json"_s}, QDir::Files, QDir::Name))
        names.append(info.completeBaseName());
    return names;
}

QByteArray readSource(const QString &name)
{
    QFile file(QStringLiteral(WAYMARK_TEMPLATE_SOURCES) + u'/' + name + u".json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

class TestTemplateSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void shippedSources_data();
    void shippedSources();
    void everyField();
    void b2bPersonasAreComplete();
    void rejects_data();
    void rejects();
    void compilerWritesProject();
    void compilerFailsLoudly();
};

void TestTemplateSource::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCOMPARE(sourceNames(), (QStringList{u"b2b"_s, u"blank"_s, u"digital-journey"_s, u"sample"_s}));
}

void TestTemplateSource::shippedSources_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : sourceNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestTemplateSource::shippedSources()
{
    QFETCH(QString, name);

    const QByteArray json = readSource(name);
    QVERIFY(!json.isEmpty());
    QString error;
    const std::optional<Project> first = TemplateSource::parse(json, name, &error);
    QVERIFY2(first, qPrintable(error));
    QCOMPARE(findProblems(*first), QStringList());

    // Reproducible: the same source gives the same ids, a different name different ones.
    const std::optional<Project> again = TemplateSource::parse(json, name, &error);
    QVERIFY(again);
    QVERIFY(*again == *first);
    QCOMPARE(first->id, TemplateSource::idFor(name + u"/project"_s));
    const std::optional<Project> renamed = TemplateSource::parse(json, name + u"-copy"_s, &error);
    QVERIFY(renamed);
    QVERIFY(renamed->id != first->id);
    QVERIFY(renamed->maps.first().stages.first().id != first->maps.first().stages.first().id);
}

// The b2b template's personas are examples of what a complete B2B persona holds: every field
// filled in, the business values weighting the roles to a whole.
void TestTemplateSource::b2bPersonasAreComplete()
{
    QString error;
    const std::optional<Project> project =
        TemplateSource::parse(readSource(u"b2b"_s), u"b2b"_s, &error);
    QVERIFY2(project, qPrintable(error));
    QVERIFY(project->personas.size() >= 5);

    double total = 0;
    for (const Persona &p : project->personas) {
        const QList<std::pair<const char *, QString>> texts = {
            {"quote", p.quote},
            {"age", p.age},
            {"gender", p.gender},
            {"location", p.location},
            {"occupation", p.occupation},
            {"socioeconomic", p.socioeconomic},
            {"lifestyle", p.lifestyle},
            {"interests", p.interests},
            {"opinions", p.opinions},
            {"likes", p.likes},
            {"dislikes", p.dislikes},
            {"attitudes", p.attitudes},
            {"goals", p.goals},
            {"frustrations", p.frustrations},
            {"needs", p.needs},
            {"role", p.role},
            {"organisation", p.organisation},
            {"segment", p.segment},
            {"decisionPower", p.decisionPower},
        };
        for (const auto &[field, text] : texts)
            QVERIFY2(!text.trimmed().isEmpty(),
                     qPrintable(p.name + u": "_s + QString::fromLatin1(field)));
        QVERIFY2(!p.preferredChannels.isEmpty(), qPrintable(p.name));
        QVERIFY2(p.preferredDevices != Devices(), qPrintable(p.name));
        QVERIFY2(p.color.isValid(), qPrintable(p.name));
        QVERIFY2(p.businessValue > 0 && p.businessValue < 1, qPrintable(p.name));
        total += p.businessValue;
    }
    QVERIFY2(qAbs(total - 1.0) < 1e-9, qPrintable(QString::number(total)));
}

void TestTemplateSource::everyField()
{
    QString error;
    const std::optional<Project> project = TemplateSource::parse(tinySource(), u"tiny"_s, &error);
    QVERIFY2(project, qPrintable(error));
    QCOMPARE(findProblems(*project), QStringList());

    QCOMPARE(project->name, u"Tiny"_s);
    QCOMPARE(project->created, QDateTime(QDate(2024, 1, 15), QTime(9, 0), Qt::UTC));
    QCOMPARE(project->personas.size(), 1);
    QCOMPARE(project->personas.first().preferredDevices, Devices(Device::Mobile));
    QCOMPARE(project->personas.first().businessValue, 0.5);

    const JourneyMap &map = project->maps.first();
    QCOMPARE(map.kind, MapKind::CurrentState);
    QCOMPARE(map.headline, HeadlineMetric::Nps);
    QCOMPARE(map.stages.size(), 2);
    QCOMPARE(map.lanes.size(), 7);
    QCOMPARE(map.lanes.at(4).kind, LaneKind::PainPoints);
    QCOMPARE(map.lanes.at(6).name, u"Backstage"_s);
    QCOMPARE(map.touchpoints.size(), 3);

    const Touchpoint &search = map.touchpoints.at(0);
    const Touchpoint &blog = map.touchpoints.at(1);
    const Touchpoint &checkout = map.touchpoints.at(2);
    QCOMPARE(search.title, u"Search engine"_s);
    QCOMPARE(search.channel, Channel::Search);
    QCOMPARE(search.devices, Devices(Device::Desktop));
    QCOMPARE(search.order, 0);
    QCOMPARE(blog.order, 1);
    QCOMPARE(blog.stageId, search.stageId);
    QCOMPARE(blog.evidence, Evidence::Assumed);
    QCOMPARE(checkout.order, 0);
    QCOMPARE(checkout.stageId, map.stages.at(1).id);
    QCOMPARE(checkout.laneId, map.lanes.at(0).id);
    QCOMPARE(checkout.evidence, Evidence::Observed);
    QCOMPARE(checkout.id, TemplateSource::idFor(u"tiny/map/Map/touchpoint/Checkout"_s));
    QCOMPARE(checkout.tags, (QStringList{u"conversion"_s, u"friction"_s}));
    QCOMPARE(checkout.color, QColor(0xe6, 0x39, 0x46));
    QCOMPARE(checkout.notes, u"Slowest step"_s);
    QCOMPARE(map.stages.at(0).color, QColor(0x8e, 0xca, 0xe6));
    QCOMPARE(map.stages.at(0).width, 320);

    QCOMPARE(map.connectors.size(), 1);
    QCOMPARE(map.connectors.first().fromId, search.id);
    QCOMPARE(map.connectors.first().toId, checkout.id);
    QCOMPARE(map.connectors.first().direction, ConnectorDirection::Forward);
    QCOMPARE(map.connectors.first().label, u"Buys"_s);

    QCOMPARE(map.annotations.size(), 2);
    const Annotation &onCard = map.annotations.at(0);
    QCOMPARE(onCard.kind, AnnotationKind::PainPoint);
    QCOMPARE(onCard.touchpointId, checkout.id);
    QCOMPARE(onCard.severity, 4);
    QCOMPARE(onCard.author, u"Ana"_s);
    QCOMPARE(onCard.created, QDateTime(QDate(2024, 2, 1), QTime(9, 0), Qt::UTC));
    const Annotation &onCell = map.annotations.at(1);
    QCOMPARE(onCell.kind, AnnotationKind::Comment);
    QVERIFY(onCell.touchpointId.isNull());
    QCOMPARE(onCell.stageId, map.stages.at(1).id);
    QCOMPARE(onCell.laneId, map.lanes.at(4).id);
    QCOMPARE(onCell.created, project->created);

    // Ann's path comes back to the search engine, unscored the second time.
    const Id ann = project->personas.first().id;
    const QList<const PersonaStep *> path = personaPath(map, ann);
    QCOMPARE(path.size(), 3);
    QCOMPARE(map.personaSteps.size(), 3);
    QCOMPARE(path.at(0)->touchpointId, search.id);
    QCOMPARE(path.at(0)->emotion, std::optional<int>(1));
    QCOMPARE(path.at(0)->feeling, u"curious"_s);
    QCOMPARE(path.at(1)->touchpointId, checkout.id);
    QCOMPARE(path.at(1)->emotion, std::optional<int>(-2));
    QCOMPARE(path.at(1)->feeling, u"frustrated"_s);
    QCOMPARE(path.at(2)->touchpointId, search.id);
    QCOMPARE(path.at(2)->emotion, std::optional<int>());
    QCOMPARE(path.at(2)->feeling, QString());
    for (qsizetype i = 0; i < path.size(); ++i) {
        QCOMPARE(path.at(i)->order, int(i));
        QCOMPARE(path.at(i)->personaId, ann);
        QCOMPARE(path.at(i)->id,
                 TemplateSource::idFor(u"tiny/map/Map/persona/Ann/step/"_s + QString::number(i)));
    }
}

void TestTemplateSource::rejects_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QStringList>("expected"); // each must appear in the message

    QTest::newRow("not JSON") << tinySource().left(40)
                              << QStringList{u"not valid JSON"_s, u"line "_s};
    QTest::newRow("not an object") << QByteArray("[1, 2]") << QStringList{u"expected an object"_s};
    QTest::newRow("no format") << replaced("\"format\": 1,", "")
                               << QStringList{u"missing \"format\""_s};
    QTest::newRow("newer format") << replaced("\"format\": 1", "\"format\": 2")
                                  << QStringList{u"format 2"_s};
    QTest::newRow("no name") << replaced("\"name\": \"Tiny\",", "")
                             << QStringList{u"missing \"name\""_s};
    QTest::newRow("local time") << replaced("09:00:00Z", "09:00:00")
                                << QStringList{u"created"_s, u"time zone"_s};
    QTest::newRow("not a time") << replaced("2024-01-15T09:00:00Z", "mid-January")
                                << QStringList{u"created"_s, u"ISO 8601"_s};
    QTest::newRow("unknown channel") << replaced("\"channel\": \"search\"", "\"channel\": \"web\"")
                                     << QStringList{u"cards[0] (\"Search engine\").channel"_s,
                                                    u"unknown key \"web\""_s, u"social-media"_s};
    QTest::newRow("unknown device") << replaced("[\"desktop\"]", "[\"laptop\"]")
                                    << QStringList{u"devices[0]"_s, u"unknown key \"laptop\""_s};
    QTest::newRow("device twice") << replaced("[\"desktop\"]", "[\"desktop\", \"desktop\"]")
                                  << QStringList{u"listed twice"_s};
    QTest::newRow("unknown evidence")
        << replaced("\"observed\"", "\"measured\"") << QStringList{u"evidence"_s, u"measured"_s};
    QTest::newRow("unknown map kind")
        << replaced("\"name\": \"Map\",", "\"name\": \"Map\", \"kind\": \"ideal\",")
        << QStringList{u"kind"_s, u"\"ideal\""_s, u"current"_s};
    QTest::newRow("unknown headline metric")
        << replaced("\"headline\": \"nps\"", "\"headline\": \"joy\"")
        << QStringList{u"headline"_s, u"\"joy\""_s, u"revenue"_s};
    QTest::newRow("unknown annotation kind")
        << replaced("\"pain-point\"", "\"pain\"") << QStringList{u"annotations[0].kind"_s};
    QTest::newRow("misspelt key") << replaced("\"devices\"", "\"devcies\"")
                                  << QStringList{u"unknown key(s) \"devcies\""_s};
    QTest::newRow("wrong type") << replaced("\"title\": \"Blog\"", "\"title\": 7")
                                << QStringList{u"title"_s, u"expected a string, found a number"_s};
    QTest::newRow("empty title") << replaced("\"title\": \"Blog\"", "\"title\": \"\"")
                                 << QStringList{u"must not be empty"_s};
    QTest::newRow("title with spaces")
        << replaced("\"title\": \"Blog\"", "\"title\": \"Blog \"") << QStringList{u"spaces"_s};
    QTest::newRow("duplicate title") << replaced("\"title\": \"Blog\"", "\"title\": \"Checkout\"")
                                     << QStringList{u"a second card titled \"Checkout\""_s};
    QTest::newRow("duplicate title in another lane")
        << replaced("\"cells\": [",
                    "\"cells\": [ { \"stage\": \"Purchase\", \"lane\": \"Thoughts\", "
                    "\"cards\": [ { \"title\": \"Blog\" } ] },")
        << QStringList{u"a second card titled \"Blog\""_s};
    QTest::newRow("duplicate stage")
        << replaced("{ \"name\": \"Purchase\" }", "{ \"name\": \"Awareness\" }")
        << QStringList{u"a second stage called \"Awareness\""_s};
    QTest::newRow("duplicate persona")
        << replaced("\"personas\": [", "\"personas\": [ { \"name\": \"Ann\" },")
        << QStringList{u"a second persona called \"Ann\""_s};
    QTest::newRow("unknown stage")
        << replaced("\"stage\": \"Purchase\", \"lane\": \"Touchpoints\"",
                    "\"stage\": \"Loyalty\", \"lane\": \"Touchpoints\"")
        << QStringList{u"cells[1].stage"_s, u"nothing called \"Loyalty\""_s, u"Awareness"_s};
    QTest::newRow("unknown lane") << replaced("\"lane\": \"Pain points\"", "\"lane\": \"Pains\"")
                                  << QStringList{u"annotations[1].lane"_s, u"\"Pains\""_s};
    QTest::newRow("cell twice") << replaced("\"stage\": \"Purchase\", \"lane\": \"Touchpoints\"",
                                            "\"stage\": \"Awareness\", \"lane\": \"Touchpoints\"")
                                << QStringList{u"cells[1]"_s, u"listed twice"_s};
    QTest::newRow("unknown lanes word")
        << replaced("\"standard\"", "\"usual\"") << QStringList{u"lanes"_s, u"\"usual\""_s};
    QTest::newRow("lane without kind")
        << replaced("\"standard\"", "[ { \"name\": \"Touchpoints\" } ]")
        << QStringList{u"lanes[0]"_s, u"missing \"kind\""_s};
    QTest::newRow("no stages")
        << replaced("\"width\": 320 },\n                    { \"name\": \"Purchase\" }", "")
               .replace("{ \"name\": \"Awareness\", \"color\": \"#8ecae6\", ", "")
        << QStringList{u"at least one stage"_s};
    QTest::newRow("no maps") << QByteArray(R"({ "format": 1, "name": "Empty",
                                               "created": "2024-01-15T09:00:00Z" })")
                             << QStringList{u"at least one map"_s};
    QTest::newRow("connector to unknown card")
        << replaced("\"to\": \"Checkout\"", "\"to\": \"Cart\"")
        << QStringList{u"connectors[0].to"_s, u"nothing called \"Cart\""_s};
    QTest::newRow("connector to itself")
        << replaced("\"to\": \"Checkout\"", "\"to\": \"Search engine\"")
        << QStringList{u"to itself"_s};
    QTest::newRow("connector twice")
        << replaced("\"connectors\": [", "\"connectors\": [ { \"from\": \"Search engine\", "
                                         "\"to\": \"Checkout\" },")
        << QStringList{u"a second connector"_s};
    QTest::newRow("unknown direction")
        << replaced("\"to\": \"Checkout\"", "\"to\": \"Checkout\", \"direction\": \"up\"")
        << QStringList{u"direction"_s, u"\"up\""_s};
    QTest::newRow("severity out of range") << replaced("\"severity\": 4", "\"severity\": 9")
                                           << QStringList{u"severity"_s, u"outside 0 to 5"_s};
    QTest::newRow("severity not whole")
        << replaced("\"severity\": 4", "\"severity\": 2.5") << QStringList{u"whole number"_s};
    QTest::newRow("annotation on card and cell")
        << replaced("\"touchpoint\": \"Checkout\",",
                    "\"touchpoint\": \"Checkout\", \"stage\": \"Purchase\",")
        << QStringList{u"not both"_s};
    QTest::newRow("annotation attached nowhere")
        << replaced("\"stage\": \"Purchase\", \"lane\": \"Pain points\",", "")
        << QStringList{u"annotations[1]"_s, u"attach it"_s};
    QTest::newRow("annotation without text")
        << replaced("\"text\": \"Slow\",", "") << QStringList{u"missing \"text\""_s};
    QTest::newRow("bad colour") << replaced("\"name\": \"Ann\",",
                                            "\"name\": \"Ann\", \"color\": \"#12345\",")
                                << QStringList{u"personas[0] (\"Ann\").color"_s, u"not a colour"_s};
    QTest::newRow("path of an unknown persona")
        << replaced("\"persona\": \"Ann\"", "\"persona\": \"Bob\"")
        << QStringList{u"paths[0].persona"_s, u"nothing called \"Bob\" in this project"_s,
                       u"Ann"_s};
    QTest::newRow("path without persona")
        << replaced("\"persona\": \"Ann\",", "") << QStringList{u"missing \"persona\""_s};
    QTest::newRow("two paths for one persona")
        << replaced("\"paths\": [", "\"paths\": [ { \"persona\": \"Ann\", \"steps\": [ "
                                    "{ \"touchpoint\": \"Blog\" } ] },")
        << QStringList{u"paths[1]"_s, u"a second path for \"Ann\""_s, u"paths[0]"_s};
    QTest::newRow("path without steps")
        << replaced("\"steps\": [", "\"stepz\": [")
        << QStringList{u"paths[0] (\"Ann\")"_s, u"at least one step"_s};
    QTest::newRow("path with an unknown key")
        << replaced("\"persona\": \"Ann\",", "\"persona\": \"Ann\", \"colour\": \"red\",")
        << QStringList{u"paths[0] (\"Ann\")"_s, u"unknown key(s) \"colour\""_s};
    QTest::newRow("steps not a list")
        << replaced("\"persona\": \"Ann\",", "\"persona\": \"Ann\", \"steps\": 3,")
               .replace("\"steps\": [", "\"more\": [")
        << QStringList{u"steps"_s, u"expected an array, found a number"_s};
    QTest::newRow("step on an unknown touchpoint")
        << replaced("\"touchpoint\": \"Checkout\" }", "\"touchpoint\": \"Cart\" }")
        << QStringList{u"paths[0] (\"Ann\").steps[1].touchpoint"_s,
                       u"nothing called \"Cart\" in this map"_s};
    QTest::newRow("step without touchpoint")
        << replaced("\"feeling\": \"curious\", \"touchpoint\": \"Search engine\"",
                    "\"feeling\": \"curious\"")
        << QStringList{u"steps[0]"_s, u"missing \"touchpoint\""_s};
    QTest::newRow("emotion above 3")
        << replaced("\"emotion\": 1,", "\"emotion\": 4,")
        << QStringList{u"steps[0] (\"Search engine\").emotion"_s, u"4 is outside -3 to 3"_s};
    QTest::newRow("emotion below -3")
        << replaced("\"emotion\": -2,", "\"emotion\": -5,")
        << QStringList{u"steps[1] (\"Checkout\").emotion"_s, u"outside -3 to 3"_s};
    QTest::newRow("emotion not whole")
        << replaced("\"emotion\": 1,", "\"emotion\": 1.5,") << QStringList{u"whole number"_s};
    QTest::newRow("emotion as a word")
        << replaced("\"emotion\": 1,", "\"emotion\": \"happy\",")
        << QStringList{u"emotion"_s, u"expected a number, found a string"_s};
    QTest::newRow("feeling not text") << replaced("\"feeling\": \"curious\"", "\"feeling\": 2")
                                      << QStringList{u"feeling"_s, u"expected a string"_s};
    QTest::newRow("step with an unknown key")
        << replaced("\"feeling\": \"curious\"", "\"feelings\": \"curious\"")
        << QStringList{u"steps[0] (\"Search engine\")"_s, u"unknown key(s) \"feelings\""_s};
    QTest::newRow("business value above 1")
        << replaced("\"businessValue\": 0.5", "\"businessValue\": 30")
        << QStringList{u"businessValue"_s, u"outside"_s};
}

void TestTemplateSource::rejects()
{
    QFETCH(QByteArray, source);
    QFETCH(QStringList, expected);

    QString error;
    const std::optional<Project> project = TemplateSource::parse(source, u"tiny"_s, &error);
    QVERIFY(!project);
    for (const QString &part : expected)
        QVERIFY2(error.contains(part), qPrintable(u"“"_s + part + u"” not in: "_s + error));
}

void TestTemplateSource::compilerWritesProject()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString source = dir.filePath(u"tiny.json"_s);
    const QString output = dir.filePath(u"out/tiny.waymark"_s);
    QFile file(source);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(tinySource());
    file.close();

    QProcess compiler;
    compiler.start(QStringLiteral(WAYMARK_TEMPLATEC), {source, output});
    QVERIFY(compiler.waitForFinished(60000));
    QCOMPARE(compiler.exitStatus(), QProcess::NormalExit);
    QVERIFY2(compiler.exitCode() == 0, compiler.readAllStandardError().constData());

    StorageError error;
    const std::optional<Project> written = ProjectFile::read(output, &error);
    QVERIFY2(written, qPrintable(error.message + u' ' + error.detail));
    QString parseError;
    const std::optional<Project> parsed =
        TemplateSource::parse(tinySource(), u"tiny"_s, &parseError);
    QVERIFY(parsed);
    // What the file holds is exactly what the source says, though cards and annotations
    // come back in an order of the storage's choosing.
    const JourneyMap &writtenMap = written->maps.first();
    const JourneyMap &parsedMap = parsed->maps.first();
    QCOMPARE(written->id, parsed->id);
    QCOMPARE(written->name, parsed->name);
    QCOMPARE(written->created, parsed->created);
    QCOMPARE(written->personas, parsed->personas);
    QCOMPARE(writtenMap.stages, parsedMap.stages);
    QCOMPARE(writtenMap.lanes, parsedMap.lanes);
    QCOMPARE(writtenMap.connectors, parsedMap.connectors);
    QVERIFY(sortedById(writtenMap.touchpoints) == sortedById(parsedMap.touchpoints));
    QVERIFY(sortedById(writtenMap.annotations) == sortedById(parsedMap.annotations));
    QCOMPARE(writtenMap.personaSteps.size(), 3);
    QVERIFY(sortedById(writtenMap.personaSteps) == sortedById(parsedMap.personaSteps));

    // Reproducible builds: compiling the same source again gives the same bytes.
    const QString again = dir.filePath(u"again/tiny.waymark"_s);
    compiler.start(QStringLiteral(WAYMARK_TEMPLATEC), {source, again});
    QVERIFY(compiler.waitForFinished(60000));
    QCOMPARE(compiler.exitCode(), 0);
    QFile first(output);
    QFile second(again);
    QVERIFY(first.open(QIODevice::ReadOnly));
    QVERIFY(second.open(QIODevice::ReadOnly));
    QVERIFY(first.readAll() == second.readAll());
}

void TestTemplateSource::compilerFailsLoudly()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString source = dir.filePath(u"broken.json"_s);
    const QString output = dir.filePath(u"broken.waymark"_s);
    QFile file(source);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(replaced("\"channel\": \"search\"", "\"channel\": \"web\""));
    file.close();

    QProcess compiler;
    compiler.start(QStringLiteral(WAYMARK_TEMPLATEC), {source, output});
    QVERIFY(compiler.waitForFinished(60000));
    QCOMPARE(compiler.exitStatus(), QProcess::NormalExit);
    QVERIFY(compiler.exitCode() != 0);
    const QString message = QString::fromUtf8(compiler.readAllStandardError());
    QVERIFY2(message.contains(source), qPrintable(message));
    QVERIFY2(message.contains(u"unknown key \"web\""_s), qPrintable(message));
    QVERIFY(!QFileInfo::exists(output));

    QProcess missing;
    missing.start(QStringLiteral(WAYMARK_TEMPLATEC), {dir.filePath(u"absent.json"_s), output});
    QVERIFY(missing.waitForFinished(60000));
    QVERIFY(missing.exitCode() != 0);
    QVERIFY(QString::fromUtf8(missing.readAllStandardError()).contains(u"absent.json"_s));
}

QTEST_GUILESS_MAIN(TestTemplateSource)
#include "tst_templatesource.moc"
