#include "generators.h"

#include "enums.h"

#include <QRandomGenerator>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Waymark::Bench {

namespace {

// Titles are a verb and an object, as facilitators write them on sticky notes; their
// lengths vary from one line to the three a card shows.
const QStringList verbs = {
    u"Compare"_s, u"Search for"_s, u"Read about"_s, u"Ask about"_s,      u"Sign up for"_s,
    u"Pay for"_s, u"Track"_s,      u"Return"_s,     u"Complain about"_s, u"Renew"_s,
    u"Cancel"_s,  u"Review"_s,     u"Share"_s,      u"Wait for"_s,       u"Call support about"_s,
};
const QStringList objects = {
    u"plans"_s,
    u"the delivery"_s,
    u"a discount code"_s,
    u"opening hours"_s,
    u"the invoice"_s,
    u"the loyalty programme"_s,
    u"a replacement part that arrived damaged"_s,
    u"the order confirmation email"_s,
    u"prices on a comparison site"_s,
    u"the mobile app's checkout"_s,
    u"a refund for the second parcel"_s,
    u"the contract terms"_s,
};
const QStringList stageNames = {
    u"Awareness"_s, u"Consideration"_s, u"Purchase"_s, u"Onboarding"_s,
    u"Use"_s,       u"Support"_s,       u"Renewal"_s,  u"Loyalty"_s,
};
const QStringList owners = {u"Marketing"_s, u"Sales"_s,      u"Support"_s,
                            u"Logistics"_s, u"E-commerce"_s, u"Billing"_s};
const QStringList labels = {u"then"_s, u"if it fails"_s, u"leads to"_s, u"triggers"_s};

} // namespace

MapSize largeMapSize()
{
    return {50, 5000, 6000, 400, 3};
}

MapSize sampleSize()
{
    return {5, 40, 12, 10, 2};
}

MapSize tinySize()
{
    return {5, 60, 70, 6, 1};
}

Project generateProject(const MapSize &size, quint32 seed)
{
    QRandomGenerator random(seed);
    auto pick = [&random](const QStringList &list) {
        return list.at(int(random.bounded(int(list.size()))));
    };

    Project project;
    project.id = newId();
    project.name = u"Benchmark project"_s;
    project.created = QDateTime(QDate(2026, 12, 3), QTime(9, 0), Qt::UTC);

    JourneyMap map;
    map.id = newId();
    map.name = u"Customer journey, %1 touchpoints"_s.arg(size.touchpoints);
    for (int s = 0; s < size.stages; ++s) {
        QString name = stageNames.at(s % stageNames.size());
        if (size.stages > stageNames.size())
            name += u' ' + QString::number(s / stageNames.size() + 1);
        map.stages.append({newId(), name, {}, 0});
    }
    const QList<LaneKind> kinds = allValues<LaneKind>();
    for (LaneKind kind : kinds)
        map.lanes.append({newId(), displayName(kind), kind, false, {}});

    // Uneven cells: a cell's weight is drawn once, so a few cells collect many cards.
    const int cellCount = size.stages * int(kinds.size());
    QList<int> weights;
    int totalWeight = 0;
    for (int c = 0; c < cellCount; ++c) {
        weights.append(1 + int(random.bounded(6)) * int(random.bounded(3)));
        totalWeight += weights.last();
    }
    QList<int> fill(cellCount, 0);
    QList<QList<int>> byStage(size.stages); // touchpoint indexes, for nearby connectors
    QList<int> stageOf;
    const QList<Channel> channels = allValues<Channel>();
    for (int i = 0; i < size.touchpoints; ++i) {
        int draw = int(random.bounded(totalWeight));
        int cell = 0;
        while (draw >= weights.at(cell))
            draw -= weights.at(cell++);
        const int stage = cell / int(kinds.size());
        const int lane = cell % int(kinds.size());

        Touchpoint t;
        t.id = newId();
        t.stageId = map.stages.at(stage).id;
        t.laneId = map.lanes.at(lane).id;
        t.order = fill[cell]++;
        t.title = pick(verbs) + u' ' + pick(objects);
        t.description = u"What the customer does here and what they expect to happen next."_s;
        t.channel = channels.at(int(random.bounded(int(channels.size()))));
        t.devices = random.bounded(2) ? Devices(Device::Desktop) : Device::Mobile | Device::Desktop;
        t.owner = pick(owners);
        t.tags = {u"wave-%1"_s.arg(random.bounded(4) + 1)};
        t.evidence = Evidence(random.bounded(3));
        map.touchpoints.append(t);
        byStage[stage].append(i);
        stageOf.append(stage);
    }

    // Most connectors lead to a card in the same stage or one of the next two.
    for (int i = 0; i < size.connectors && size.touchpoints > 1; ++i) {
        const int from = int(random.bounded(size.touchpoints));
        int toStage = std::min(stageOf.at(from) + int(random.bounded(3)), size.stages - 1);
        while (byStage.at(toStage).isEmpty())
            toStage = (toStage + 1) % size.stages;
        const QList<int> &candidates = byStage.at(toStage);
        int to = candidates.at(int(random.bounded(int(candidates.size()))));
        if (to == from)
            to = (to + 1) % size.touchpoints;
        Connector connector{newId(),
                            map.touchpoints.at(from).id,
                            map.touchpoints.at(to).id,
                            ConnectorDirection::Forward,
                            {}};
        if (random.bounded(5) == 0)
            connector.label = pick(labels);
        map.connectors.append(connector);
    }

    // Annotations: most on cards, some on cells, as pain points, opportunities and comments.
    for (int i = 0; i < size.annotations && size.touchpoints > 0; ++i) {
        const Touchpoint &t = map.touchpoints.at(int(random.bounded(size.touchpoints)));
        Annotation a;
        a.id = newId();
        a.kind = AnnotationKind(random.bounded(3));
        if (random.bounded(4) == 0) {
            a.stageId = t.stageId;
            a.laneId = t.laneId;
        } else {
            a.touchpointId = t.id;
        }
        a.text = u"Customers say this step takes too long."_s;
        a.severity = a.kind == AnnotationKind::Comment ? 0 : 1 + int(random.bounded(5));
        a.author = u"Benchmark"_s;
        a.created = project.created.addSecs(60 * i);
        map.annotations.append(a);
    }

    // Each persona walks one card per stage, scored along the way.
    for (int p = 0; p < size.personas; ++p) {
        Persona persona;
        persona.id = newId();
        persona.name = u"Persona %1"_s.arg(p + 1);
        project.personas.append(persona);
        int order = 0;
        for (const QList<int> &stage : std::as_const(byStage)) {
            if (stage.isEmpty())
                continue;
            PersonaStep step;
            step.id = newId();
            step.personaId = persona.id;
            step.touchpointId =
                map.touchpoints.at(stage.at(int(random.bounded(int(stage.size()))))).id;
            step.order = order++;
            step.emotion = int(random.bounded(7)) - 3;
            map.personaSteps.append(step);
        }
    }

    project.maps = {map};
    return project;
}

} // namespace Waymark::Bench
