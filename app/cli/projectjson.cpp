#include "projectjson.h"
#include "lookup.h"

#include <QJsonArray>

#include <algorithm>
#include <tuple>
#include <utility>

using namespace Qt::StringLiterals;

namespace Waymark::Cli {

namespace {

QString idText(const Id &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString nameOf(const QList<Stage> &stages, const Id &id)
{
    const Stage *stage = findById(stages, id);
    return stage ? stage->name : QString();
}

QString nameOf(const QList<Lane> &lanes, const Id &id)
{
    const Lane *lane = findById(lanes, id);
    return lane ? lane->name : QString();
}

QJsonArray pathsToJson(const JourneyMap &map, const QList<Persona> &personas)
{
    QJsonArray paths;
    for (const PersonaPathView &path : personaPaths(map, personas)) {
        QJsonArray steps;
        for (const PersonaStep *step : path.steps) {
            const Touchpoint *touchpoint = findById(map.touchpoints, step->touchpointId);
            steps.append(QJsonObject{
                {u"id"_s, idText(step->id)},
                {u"touchpoint"_s, touchpoint ? touchpoint->title : QString()},
                {u"touchpoint_id"_s, idText(step->touchpointId)},
                {u"emotion"_s, step->emotion ? QJsonValue(*step->emotion) : QJsonValue()},
                {u"feeling"_s, step->feeling}});
        }
        paths.append(QJsonObject{{u"persona"_s, path.personaName},
                                 {u"persona_id"_s, idText(path.personaId)},
                                 {u"steps"_s, steps}});
    }
    return paths;
}

QJsonObject mapToJson(const JourneyMap &map, const QList<Persona> &personas)
{
    QJsonArray stages;
    for (const Stage &stage : map.stages)
        stages.append(QJsonObject{{u"id"_s, idText(stage.id)}, {u"name"_s, stage.name}});

    QJsonArray lanes;
    for (const Lane &lane : map.lanes) {
        lanes.append(QJsonObject{
            {u"id"_s, idText(lane.id)}, {u"name"_s, lane.name}, {u"kind"_s, toKey(lane.kind)}});
    }

    QJsonArray touchpoints;
    for (const Touchpoint *touchpoint : touchpointsInReadingOrder(map)) {
        touchpoints.append(QJsonObject{{u"id"_s, idText(touchpoint->id)},
                                       {u"title"_s, touchpoint->title},
                                       {u"stage"_s, nameOf(map.stages, touchpoint->stageId)},
                                       {u"lane"_s, nameOf(map.lanes, touchpoint->laneId)}});
    }

    return QJsonObject{{u"id"_s, idText(map.id)},
                       {u"name"_s, map.name},
                       {u"kind"_s, toKey(map.kind)},
                       {u"headline"_s, toKey(map.headline)},
                       {u"stages"_s, stages},
                       {u"lanes"_s, lanes},
                       {u"touchpoints"_s, touchpoints},
                       {u"connectors"_s, qint64(map.connectors.size())},
                       {u"annotations"_s, qint64(map.annotations.size())},
                       {u"paths"_s, pathsToJson(map, personas)}};
}

QString attachmentKindText(AttachmentKind kind)
{
    switch (kind) {
    case AttachmentKind::WholeDataset:
        return u"dataset"_s;
    case AttachmentKind::ByColumn:
        return u"column"_s;
    case AttachmentKind::Filter:
        break;
    }
    return u"filter"_s;
}

QString touchpointTitle(const Project &project, const Id &id)
{
    for (const JourneyMap &map : project.maps) {
        if (const Touchpoint *t = findById(map.touchpoints, id))
            return t->title;
    }
    return {};
}

// How the dataset reaches touchpoints: "kind" as FORMAT.md spells it, the touchpoint's
// title and id (whole dataset and filter), the column's name (by column and filter) and
// the filter's value.
QJsonArray attachmentsToJson(const Project &project, const Dataset &dataset)
{
    QJsonArray attachments;
    for (const DatasetAttachment &a : dataset.attachments) {
        QJsonObject o{{u"kind"_s, attachmentKindText(a.kind)}};
        if (a.kind != AttachmentKind::ByColumn) {
            o.insert(u"touchpoint"_s, touchpointTitle(project, a.touchpointId));
            o.insert(u"touchpoint_id"_s, idText(a.touchpointId));
        }
        if (a.kind != AttachmentKind::WholeDataset)
            o.insert(u"column"_s, dataset.columns.value(a.column).name);
        if (a.kind == AttachmentKind::Filter)
            o.insert(u"value"_s, a.value);
        attachments.append(o);
    }
    return attachments;
}

QJsonObject datasetToJson(const Project &project, const Dataset &dataset)
{
    QJsonArray columns;
    for (const DatasetColumn &column : dataset.columns) {
        columns.append(QJsonObject{{u"name"_s, column.name},
                                   {u"role"_s, toKey(column.role)},
                                   {u"type"_s, toKey(column.type)}});
    }

    return QJsonObject{{u"id"_s, idText(dataset.id)},
                       {u"name"_s, dataset.name},
                       {u"format"_s, dataset.format},
                       {u"rows"_s, dataset.rowCount},
                       {u"columns"_s, columns},
                       {u"source_file"_s, dataset.sourceFile},
                       {u"imported"_s, dataset.imported.toString(Qt::ISODateWithMs)},
                       {u"attachments"_s, attachmentsToJson(project, dataset)}};
}

} // namespace

QList<const Touchpoint *> touchpointsInReadingOrder(const JourneyMap &map)
{
    // An unresolved stage or lane sorts after every real one.
    const auto position = [&map](const Touchpoint *touchpoint) {
        qsizetype stage = indexOfId(map.stages, touchpoint->stageId);
        qsizetype lane = indexOfId(map.lanes, touchpoint->laneId);
        if (stage < 0)
            stage = map.stages.size();
        if (lane < 0)
            lane = map.lanes.size();
        return std::make_tuple(stage, lane, touchpoint->order);
    };

    QList<const Touchpoint *> ordered;
    ordered.reserve(map.touchpoints.size());
    for (const Touchpoint &touchpoint : map.touchpoints)
        ordered.append(&touchpoint);
    std::stable_sort(ordered.begin(), ordered.end(), [&](const Touchpoint *a, const Touchpoint *b) {
        return position(a) < position(b);
    });
    return ordered;
}

QList<PersonaPathView> personaPaths(const JourneyMap &map, const QList<Persona> &personas)
{
    QList<Id> personaIds;
    personaIds.reserve(personas.size());
    for (const Persona &persona : personas)
        personaIds.append(persona.id);
    for (const PersonaStep &step : map.personaSteps) {
        if (!personaIds.contains(step.personaId))
            personaIds.append(step.personaId);
    }

    QList<PersonaPathView> paths;
    for (const Id &personaId : personaIds) {
        QList<const PersonaStep *> steps = personaPath(map, personaId);
        if (steps.isEmpty())
            continue;
        const Persona *persona = findById(personas, personaId);
        paths.append({personaId, persona ? persona->name : QString(), std::move(steps)});
    }
    return paths;
}

QJsonObject projectToJson(const Project &project, int formatVersion)
{
    QJsonArray maps;
    for (const JourneyMap &map : project.maps)
        maps.append(mapToJson(map, project.personas));

    QJsonArray personas;
    for (const Persona &persona : project.personas)
        personas.append(QJsonObject{{u"id"_s, idText(persona.id)}, {u"name"_s, persona.name}});

    QJsonArray datasets;
    for (const Dataset &dataset : project.datasets)
        datasets.append(datasetToJson(project, dataset));

    return QJsonObject{{u"format_version"_s, formatVersion},
                       {u"id"_s, idText(project.id)},
                       {u"name"_s, project.name},
                       {u"maps"_s, maps},
                       {u"personas"_s, personas},
                       {u"datasets"_s, datasets}};
}

} // namespace Waymark::Cli
