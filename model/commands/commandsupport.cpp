#include "commandsupport.h"

namespace Waymark::Commands {

template <>
QList<JourneyMap> *listOf<JourneyMap>(Project &project, const Id &)
{
    return &project.maps;
}

template <>
QList<Persona> *listOf<Persona>(Project &project, const Id &)
{
    return &project.personas;
}

template <>
QList<Dataset> *listOf<Dataset>(Project &project, const Id &)
{
    return &project.datasets;
}

namespace {

JourneyMap *mapById(Project &project, const Id &mapId)
{
    return findById(project.maps, mapId);
}

} // namespace

template <>
QList<Stage> *listOf<Stage>(Project &project, const Id &mapId)
{
    JourneyMap *map = mapById(project, mapId);
    return map ? &map->stages : nullptr;
}

template <>
QList<Lane> *listOf<Lane>(Project &project, const Id &mapId)
{
    JourneyMap *map = mapById(project, mapId);
    return map ? &map->lanes : nullptr;
}

template <>
QList<Touchpoint> *listOf<Touchpoint>(Project &project, const Id &mapId)
{
    JourneyMap *map = mapById(project, mapId);
    return map ? &map->touchpoints : nullptr;
}

template <>
QList<Connector> *listOf<Connector>(Project &project, const Id &mapId)
{
    JourneyMap *map = mapById(project, mapId);
    return map ? &map->connectors : nullptr;
}

template <>
QList<Annotation> *listOf<Annotation>(Project &project, const Id &mapId)
{
    JourneyMap *map = mapById(project, mapId);
    return map ? &map->annotations : nullptr;
}

void removeTouchpointsWithAttachments(Document *doc, JourneyMap &map, const QList<Id> &ids,
                                      QUndoCommand *parent)
{
    // Children run in order and undo in reverse: attachments go first so that undo brings
    // the touchpoints back before anything that refers to them.
    for (const Annotation &a : map.annotations) {
        if (ids.contains(a.touchpointId))
            new Presence<Annotation>(doc, Presence<Annotation>::Remove, map.id, a, 0, parent);
    }
    for (const Connector &c : map.connectors) {
        if (ids.contains(c.fromId) || ids.contains(c.toId))
            new Presence<Connector>(doc, Presence<Connector>::Remove, map.id, c, 0, parent);
    }
    for (const Touchpoint &t : map.touchpoints) {
        if (ids.contains(t.id))
            new Presence<Touchpoint>(doc, Presence<Touchpoint>::Remove, map.id, t, 0, parent);
    }
}

} // namespace Waymark::Commands
