// A project in which every field of every entity is set to something other than its
// default, with fixed ids, so that a round trip through storage is compared field by field
// and a fixture file written from it has a known content.
#pragma once

#include "entities.h"

#include <QTest>

namespace Waymark::Testing {

inline Id fixedId(int n)
{
    return QUuid(QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0')));
}

inline Project fullProject()
{
    using namespace Qt::StringLiterals;
    Project p;
    p.id = fixedId(1);
    p.name = u"Full project — every field"_s;
    p.created = QDateTime(QDate(2026, 11, 30), QTime(9, 15, 30, 250), Qt::UTC);

    JourneyMap m;
    m.id = fixedId(10);
    m.name = u"Online store"_s;
    m.kind = MapKind::FutureState;
    m.headline = HeadlineMetric::Csat;
    m.description = u"How buying should feel.\nSecond line, with \"quotes\"."_s;
    m.stages = {{fixedId(11), u"Awareness"_s, QColor(0x33, 0x66, 0x99), 260},
                {fixedId(12), u"Purchase"_s, QColor(10, 20, 30, 128), 0}};
    m.lanes = {{fixedId(21), u"Touchpoints"_s, LaneKind::Touchpoints, false, QColor(200, 10, 10)},
               {fixedId(22), u"Backstage"_s, LaneKind::Backstage, true, QColor()}};

    Touchpoint t1;
    t1.id = fixedId(31);
    t1.stageId = fixedId(11);
    t1.laneId = fixedId(21);
    t1.order = 0;
    t1.title = u"Search engine"_s;
    t1.description = u"Finds us through a search for “running shoes”."_s;
    t1.channel = Channel::Search;
    t1.devices = Device::Desktop | Device::Mobile;
    t1.owner = u"Marketing"_s;
    t1.tags = {u"seo"_s, u"first contact"_s, u"ünïcödé"_s};
    t1.evidence = Evidence::Observed;
    t1.color = QColor(255, 240, 200);
    t1.notes = u"Ranked 4th for the main keyword."_s;

    Touchpoint t2 = t1;
    t2.id = fixedId(32);
    t2.stageId = fixedId(12);
    t2.laneId = fixedId(21);
    t2.order = 0;
    t2.title = u"Checkout"_s;
    t2.channel = Channel::Website;
    t2.devices = Device::Tablet | Device::InPerson;
    t2.tags = {};
    t2.evidence = Evidence::Proposed;

    Touchpoint t3 = t2;
    t3.id = fixedId(33);
    t3.order = 1;
    t3.title = u"Payment provider"_s;
    t3.laneId = fixedId(22);
    t3.order = 0;
    t3.channel = Channel::Other;
    t3.evidence = Evidence::Assumed;
    t3.color = QColor();

    m.touchpoints = {t1, t2, t3};
    m.connectors = {{fixedId(41), fixedId(31), fixedId(32), ConnectorDirection::Both, u"then"_s},
                    {fixedId(42), fixedId(32), fixedId(33), ConnectorDirection::None, QString()}};

    Annotation onCard;
    onCard.id = fixedId(51);
    onCard.kind = AnnotationKind::PainPoint;
    onCard.touchpointId = fixedId(32);
    onCard.text = u"Shipping costs appear only at the last step."_s;
    onCard.severity = 4;
    onCard.author = u"Dana"_s;
    onCard.created = QDateTime(QDate(2026, 12, 1), QTime(14, 0, 5, 7), Qt::UTC);
    Annotation onCell;
    onCell.id = fixedId(52);
    onCell.kind = AnnotationKind::Opportunity;
    onCell.stageId = fixedId(11);
    onCell.laneId = fixedId(22);
    onCell.text = u"Retarget visitors who left."_s;
    onCell.severity = 2;
    onCell.author = u"Sam"_s;
    onCell.created = QDateTime(QDate(2026, 12, 2), QTime(8, 30), Qt::UTC);
    m.annotations = {onCard, onCell};

    // Maya's path skips the payment provider and comes back to the search engine; the
    // steps are listed out of order, since only their order field counts.
    m.personaSteps = {{fixedId(92), fixedId(71), fixedId(32), 1, -2, u"Annoyed by the fees"_s},
                      {fixedId(91), fixedId(71), fixedId(31), 0, 3, u"Curious"_s},
                      {fixedId(93), fixedId(71), fixedId(31), 2, std::nullopt, QString()}};

    JourneyMap second;
    second.id = fixedId(60);
    second.name = u"Empty map"_s;
    p.maps = {m, second};

    Persona persona;
    persona.id = fixedId(71);
    persona.name = u"Maya Fischer"_s;
    persona.photo = QByteArray("\x89PNG\r\n\x1a\n-not-really-an-image-", 28);
    persona.quote = u"I want it to just work."_s;
    persona.age = u"35–44"_s;
    persona.gender = u"Female"_s;
    persona.location = u"Leipzig"_s;
    persona.occupation = u"Nurse"_s;
    persona.socioeconomic = u"Middle income"_s;
    persona.lifestyle = u"Shift work"_s;
    persona.interests = u"Running"_s;
    persona.opinions = u"Distrusts ads"_s;
    persona.likes = u"Free returns"_s;
    persona.dislikes = u"Hidden fees"_s;
    persona.attitudes = u"Pragmatic"_s;
    persona.goals = u"Buy quickly between shifts"_s;
    persona.frustrations = u"Slow sites"_s;
    persona.needs = u"Clear delivery dates"_s;
    persona.preferredChannels = {Channel::MobileApp, Channel::Email};
    persona.preferredDevices = Device::Mobile;
    persona.role = u"Buyer"_s;
    persona.organisation = u"Self"_s;
    persona.segment = u"Consumer"_s;
    persona.decisionPower = u"Sole"_s;
    persona.businessValue = 0.375;
    persona.color = QColor(0xE0, 0x6C, 0x2B);
    p.personas = {persona};

    Dataset d;
    d.id = fixedId(81);
    d.name = u"Checkout survey, wave 1"_s;
    d.format = u"qualtrics"_s;
    d.sourceFile = u"checkout.csv"_s;
    d.imported = QDateTime(QDate(2026, 12, 3), QTime(10, 0), Qt::UTC);
    d.rowCount = 1234;
    d.columns = {{u"ResponseId"_s, ColumnRole::Key, ColumnType::Text},
                 {u"Q1"_s, ColumnRole::Nps, ColumnType::Integer}};
    p.datasets = {d};
    return p;
}

// fullProject() as a file of format 1 holds it: without the persona paths that format 2
// added, and with the default headline metric, since format 4 added that. The committed
// fixture tests/data/format-1.waymark holds exactly this.
inline Project formatOneProject()
{
    Project p = fullProject();
    for (JourneyMap &m : p.maps) {
        m.personaSteps.clear();
        m.headline = HeadlineMetric::Automatic;
    }
    return p;
}

// Compares two projects part by part, so that a failure names the entity that differs.
inline void compareProjects(const Project &actual, const Project &expected)
{
    QCOMPARE(actual.id, expected.id);
    QCOMPARE(actual.name, expected.name);
    QCOMPARE(actual.created, expected.created);
    QCOMPARE(actual.maps.size(), expected.maps.size());
    for (qsizetype i = 0; i < expected.maps.size(); ++i) {
        const JourneyMap &a = actual.maps[i];
        const JourneyMap &e = expected.maps[i];
        QCOMPARE(a.id, e.id);
        QCOMPARE(a.name, e.name);
        QCOMPARE(a.kind, e.kind);
        QCOMPARE(a.headline, e.headline);
        QCOMPARE(a.description, e.description);
        QVERIFY(a.stages == e.stages);
        QVERIFY(a.lanes == e.lanes);
        QCOMPARE(a.touchpoints.size(), e.touchpoints.size());
        for (const Touchpoint &t : e.touchpoints) {
            const auto it = std::find_if(a.touchpoints.cbegin(), a.touchpoints.cend(),
                                         [&](const Touchpoint &x) { return x.id == t.id; });
            QVERIFY2(it != a.touchpoints.cend(), qPrintable(t.title));
            QCOMPARE(it->title, t.title);
            QCOMPARE(it->tags, t.tags);
            QCOMPARE(it->devices, t.devices);
            QCOMPARE(it->color, t.color);
            QVERIFY2(*it == t, qPrintable(t.title));
        }
        QCOMPARE(a.connectors.size(), e.connectors.size());
        for (const Connector &c : e.connectors)
            QVERIFY(a.connectors.contains(c));
        QCOMPARE(a.annotations.size(), e.annotations.size());
        for (const Annotation &n : e.annotations)
            QVERIFY(a.annotations.contains(n));
        QCOMPARE(a.personaSteps.size(), e.personaSteps.size());
        for (const PersonaStep &s : e.personaSteps) {
            const auto it = std::find_if(a.personaSteps.cbegin(), a.personaSteps.cend(),
                                         [&](const PersonaStep &x) { return x.id == s.id; });
            QVERIFY2(it != a.personaSteps.cend(), qPrintable(s.id.toString()));
            QCOMPARE(it->order, s.order);
            QCOMPARE(it->emotion, s.emotion);
            QCOMPARE(it->feeling, s.feeling);
            QVERIFY(*it == s);
        }
    }
    QCOMPARE(actual.personas.size(), expected.personas.size());
    for (qsizetype i = 0; i < expected.personas.size(); ++i) {
        QCOMPARE(actual.personas[i].photo, expected.personas[i].photo);
        QCOMPARE(actual.personas[i].businessValue, expected.personas[i].businessValue);
        QVERIFY(actual.personas[i] == expected.personas[i]);
    }
    QVERIFY(actual.datasets == expected.datasets);
}

} // namespace Waymark::Testing
