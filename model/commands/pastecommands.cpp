// Pasting a fragment (from the clipboard, a duplicate) into a map as one undo step.
#include "commandsupport.h"

#include "../fragments/fragment.h"

#include <algorithm>

namespace Waymark::Commands {

namespace {

// Whether any entity of the fragment already has its id somewhere in the project: a
// fragment must be given new ids before it is pasted a second time.
bool collides(const Project &project, const Fragment &fragment)
{
    auto taken = [&](const Id &id) {
        return id.isNull() || mapContaining(project, id);
    };
    return std::any_of(fragment.stages.cbegin(), fragment.stages.cend(),
                       [&](const Stage &e) { return taken(e.id); }) ||
           std::any_of(fragment.lanes.cbegin(), fragment.lanes.cend(),
                       [&](const Lane &e) { return taken(e.id); }) ||
           std::any_of(fragment.touchpoints.cbegin(), fragment.touchpoints.cend(),
                       [&](const Touchpoint &e) { return taken(e.id); }) ||
           std::any_of(fragment.connectors.cbegin(), fragment.connectors.cend(),
                       [&](const Connector &e) { return taken(e.id); }) ||
           std::any_of(fragment.annotations.cbegin(), fragment.annotations.cend(),
                       [&](const Annotation &e) { return taken(e.id); });
}

// Where the pasted things go. A stage or lane the fragment brings along stays its own; any
// other goes to the target cell when one is given, or stays where it was when the map has
// it, or falls back to the map's first stage or first visible lane.
struct Placement
{
    const JourneyMap &map;
    const Fragment &fragment;
    Id targetStage;
    Id targetLane;

    Id stageFor(const Id &stageId) const
    {
        if (indexOfId(fragment.stages, stageId) >= 0)
            return stageId;
        if (!targetStage.isNull())
            return targetStage;
        if (indexOfId(map.stages, stageId) >= 0)
            return stageId;
        return map.stages.isEmpty() ? Id() : map.stages.constFirst().id;
    }

    Id laneFor(const Id &laneId) const
    {
        if (indexOfId(fragment.lanes, laneId) >= 0)
            return laneId;
        if (!targetLane.isNull())
            return targetLane;
        if (const Lane *lane = findById(map.lanes, laneId); lane && !lane->hidden)
            return laneId;
        const auto visible = std::find_if(map.lanes.cbegin(), map.lanes.cend(),
                                          [](const Lane &l) { return !l.hidden; });
        return visible == map.lanes.cend() ? Id() : visible->id;
    }
};

} // namespace

Command pasteFragment(Document *doc, const Id &mapId, const Fragment &fragment, const Id &stageId,
                      const Id &laneId)
{
    Project &project = doc->editableProject();
    JourneyMap *map = findById(project.maps, mapId);
    if (!map || fragment.isEmpty() || collides(project, fragment))
        return nullptr;

    // A target cell is all or nothing, and must be in this map.
    const bool targeted = !stageId.isNull() && !laneId.isNull();
    if (targeted && (indexOfId(map->stages, stageId) < 0 || indexOfId(map->lanes, laneId) < 0))
        return nullptr;
    const Placement placement{*map, fragment, targeted ? stageId : Id(), targeted ? laneId : Id()};

    auto command = std::make_unique<QUndoCommand>();

    // Stages and lanes first: the cards placed in them need them to be there.
    qsizetype stageIndex = map->stages.size();
    for (const Stage &stage : fragment.stages)
        new Presence<Stage>(doc, Presence<Stage>::Add, mapId, stage, stageIndex++, command.get());
    qsizetype laneIndex = map->lanes.size();
    for (const Lane &lane : fragment.lanes)
        new Presence<Lane>(doc, Presence<Lane>::Add, mapId, lane, laneIndex++, command.get());

    // The cards of one source cell keep their order, and every card goes after the cards
    // already in its destination cell.
    QList<Touchpoint> cards = fragment.touchpoints;
    std::stable_sort(cards.begin(), cards.end(),
                     [](const Touchpoint &a, const Touchpoint &b) { return a.order < b.order; });
    QHash<QPair<Id, Id>, int> nextOrder;
    QList<Id> pasted;
    qsizetype touchpointIndex = map->touchpoints.size();
    for (Touchpoint card : std::as_const(cards)) {
        card.stageId = placement.stageFor(card.stageId);
        card.laneId = placement.laneFor(card.laneId);
        if (card.stageId.isNull() || card.laneId.isNull())
            continue;
        const QPair<Id, Id> cell{card.stageId, card.laneId};
        if (!nextOrder.contains(cell))
            nextOrder.insert(cell, int(cellTouchpoints(*map, cell.first, cell.second).size()));
        card.order = nextOrder[cell]++;
        new Presence<Touchpoint>(doc, Presence<Touchpoint>::Add, mapId, card, touchpointIndex++,
                                 command.get());
        pasted.append(card.id);
    }

    qsizetype connectorIndex = map->connectors.size();
    for (const Connector &connector : fragment.connectors) {
        if (!pasted.contains(connector.fromId) || !pasted.contains(connector.toId) ||
            connector.fromId == connector.toId)
            continue;
        new Presence<Connector>(doc, Presence<Connector>::Add, mapId, connector, connectorIndex++,
                                command.get());
    }

    qsizetype annotationIndex = map->annotations.size();
    for (Annotation annotation : fragment.annotations) {
        if (!annotation.touchpointId.isNull()) {
            if (!pasted.contains(annotation.touchpointId))
                continue;
        } else {
            annotation.stageId = placement.stageFor(annotation.stageId);
            annotation.laneId = placement.laneFor(annotation.laneId);
            if (annotation.stageId.isNull() || annotation.laneId.isNull())
                continue;
        }
        new Presence<Annotation>(doc, Presence<Annotation>::Add, mapId, annotation,
                                 annotationIndex++, command.get());
    }

    if (command->childCount() == 0)
        return nullptr;
    if (!pasted.isEmpty())
        command->setText(tr("Paste %n Touchpoint(s)", nullptr, int(pasted.size())));
    else if (!fragment.stages.isEmpty())
        command->setText(tr("Paste %n Stage(s)", nullptr, int(fragment.stages.size())));
    else if (!fragment.lanes.isEmpty())
        command->setText(tr("Paste %n Lane(s)", nullptr, int(fragment.lanes.size())));
    else
        command->setText(tr("Paste"));
    return command;
}

} // namespace Waymark::Commands
