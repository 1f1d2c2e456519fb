// Commands on the project itself, its maps, and the stages and lanes of a map.
#include "commandsupport.h"

namespace Waymark::Commands {

namespace {

// Removes a stage or lane with every card in it and everything attached to those cards or
// to its cells.
template <typename Band> Command removeBand(Document *doc, const Id &bandId, const QString &text)
{
    Project &project = doc->editableProject();
    JourneyMap *map = mapContaining(project, bandId);
    QList<Band> *bands = map ? listOf<Band>(project, map->id) : nullptr;
    const qsizetype index = bands ? indexOfId(*bands, bandId) : -1;
    if (index < 0)
        return nullptr;

    auto inBand = [&](const Id &stageId, const Id &laneId) {
        return std::is_same_v<Band, Stage> ? stageId == bandId : laneId == bandId;
    };

    auto command = std::make_unique<QUndoCommand>(text);
    for (const Annotation &a : map->annotations) {
        if (a.touchpointId.isNull() && inBand(a.stageId, a.laneId))
            new Presence<Annotation>(doc, Presence<Annotation>::Remove, map->id, a, 0,
                                     command.get());
    }
    QList<Id> cards;
    for (const Touchpoint &t : map->touchpoints) {
        if (inBand(t.stageId, t.laneId))
            cards.append(t.id);
    }
    removeTouchpointsWithAttachments(doc, *map, cards, command.get());
    new Presence<Band>(doc, Presence<Band>::Remove, map->id, (*bands)[index], index, command.get());
    return command;
}

template <typename Band>
Command addBand(Document *doc, const Id &mapId, int index, const Band &band, const QString &text)
{
    if (!findById(doc->editableProject().maps, mapId) || band.id.isNull())
        return nullptr;
    auto command = std::make_unique<QUndoCommand>(text);
    new Presence<Band>(doc, Presence<Band>::Add, mapId, band, index, command.get());
    return command;
}

} // namespace

Command renameProject(Document *doc, const QString &name)
{
    return SetField<&Project::name>::make(doc, {}, name, tr("Rename Project"), Field::Name);
}

Command addMap(Document *doc, int index, const JourneyMap &map)
{
    if (map.id.isNull() || findById(doc->editableProject().maps, map.id))
        return nullptr;
    auto command = std::make_unique<QUndoCommand>(tr("Add Map"));
    new Presence<JourneyMap>(doc, Presence<JourneyMap>::Add, {}, map, index, command.get());
    return command;
}

Command removeMap(Document *doc, const Id &mapId)
{
    Project &project = doc->editableProject();
    const qsizetype index = indexOfId(project.maps, mapId);
    if (index < 0)
        return nullptr;
    auto command = std::make_unique<QUndoCommand>(tr("Delete Map"));
    new Presence<JourneyMap>(doc, Presence<JourneyMap>::Remove, {}, project.maps[index], index,
                             command.get());
    return command;
}

Command moveMap(Document *doc, const Id &mapId, int toIndex)
{
    return MoveInList<JourneyMap>::make(doc, mapId, toIndex, tr("Move Map"));
}

Command renameMap(Document *doc, const Id &mapId, const QString &name)
{
    return SetField<&JourneyMap::name>::make(doc, mapId, name, tr("Rename Map"), Field::Name);
}

Command setMapKind(Document *doc, const Id &mapId, MapKind kind)
{
    return SetField<&JourneyMap::kind>::make(doc, mapId, kind, tr("Change Map Kind"), Field::Kind);
}

Command setMapDescription(Document *doc, const Id &mapId, const QString &description)
{
    return SetField<&JourneyMap::description>::make(
        doc, mapId, description, tr("Change Map Description"), Field::Description);
}

Command setMapHeadline(Document *doc, const Id &mapId, HeadlineMetric headline)
{
    return SetField<&JourneyMap::headline>::make(doc, mapId, headline, tr("Change Headline Metric"),
                                                 Field::Headline);
}

Command addStage(Document *doc, const Id &mapId, int index, const Stage &stage)
{
    return addBand(doc, mapId, index, stage, tr("Add Stage"));
}

Command removeStage(Document *doc, const Id &stageId)
{
    return removeBand<Stage>(doc, stageId, tr("Delete Stage"));
}

Command moveStage(Document *doc, const Id &stageId, int toIndex)
{
    return MoveInList<Stage>::make(doc, stageId, toIndex, tr("Move Stage"));
}

Command renameStage(Document *doc, const Id &stageId, const QString &name)
{
    return SetField<&Stage::name>::make(doc, stageId, name, tr("Rename Stage"), Field::Name);
}

Command setStageColor(Document *doc, const Id &stageId, const QColor &color)
{
    return SetField<&Stage::color>::make(doc, stageId, color, tr("Recolour Stage"), Field::Color);
}

Command setStageWidth(Document *doc, const Id &stageId, int width, int gesture)
{
    return SetField<&Stage::width>::make(doc, stageId, qMax(0, width), tr("Resize Stage"),
                                         Field::Width, gesture, MergeId::ResizeStage);
}

Command addLane(Document *doc, const Id &mapId, int index, const Lane &lane)
{
    return addBand(doc, mapId, index, lane, tr("Add Lane"));
}

Command removeLane(Document *doc, const Id &laneId)
{
    return removeBand<Lane>(doc, laneId, tr("Delete Lane"));
}

Command moveLane(Document *doc, const Id &laneId, int toIndex)
{
    return MoveInList<Lane>::make(doc, laneId, toIndex, tr("Move Lane"));
}

Command renameLane(Document *doc, const Id &laneId, const QString &name)
{
    return SetField<&Lane::name>::make(doc, laneId, name, tr("Rename Lane"), Field::Name);
}

Command setLaneKind(Document *doc, const Id &laneId, LaneKind kind)
{
    return SetField<&Lane::kind>::make(doc, laneId, kind, tr("Change Lane Kind"), Field::Kind);
}

Command setLaneHidden(Document *doc, const Id &laneId, bool hidden)
{
    return SetField<&Lane::hidden>::make(doc, laneId, hidden,
                                         hidden ? tr("Hide Lane") : tr("Show Lane"), Field::Hidden);
}

Command setLaneColor(Document *doc, const Id &laneId, const QColor &color)
{
    return SetField<&Lane::color>::make(doc, laneId, color, tr("Recolour Lane"), Field::Color);
}

} // namespace Waymark::Commands
