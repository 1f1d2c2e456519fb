#include "commandsupport.h"

namespace Waymark::Commands {

template <> QList<JourneyMap> *listOf<JourneyMap>(Project &project, const Id &)
{
    return &project.maps;
}

template <> QList<Persona> *listOf<Persona>(Project &project, const Id &)
{
    return &project.personas;
}

template <> QList<Dataset> *listOf<Dataset>(Project &project, const Id &)
{
    return &project.datasets;
}

namespace {

JourneyMap *mapById(Project &project, const Id &mapId)
{
    return findById(project.maps, mapId);
}

} // namespace

template <> QList<Stage> *listOf<Stage>(Project &project, const Id &mapId)
{
    JourneyMap *map = mapById(project, mapId);
    return map ? &map->stages : nullptr;
}

template <> QList<Lane> *listOf<Lane>(Project &project, const Id &mapId)
{
    JourneyMap *map = mapById(project, mapId);
    return map ? &map->lanes : nullptr;
}

template <> QList<Touchpoint> *listOf<Touchpoint>(Project &project, const Id &mapId)
{
    JourneyMap *map = mapById(project, mapId);
    return map ? &map->touchpoints : nullptr;
}

template <> QList<Connector> *listOf<Connector>(Project &project, const Id &mapId)
{
    JourneyMap *map = mapById(project, mapId);
    return map ? &map->connectors : nullptr;
}

template <> QList<Annotation> *listOf<Annotation>(Project &project, const Id &mapId)
{
    JourneyMap *map = mapById(project, mapId);
    return map ? &map->annotations : nullptr;
}

template <> QList<PersonaStep> *listOf<PersonaStep>(Project &project, const Id &mapId)
{
    JourneyMap *map = mapById(project, mapId);
    return map ? &map->personaSteps : nullptr;
}

ReviseSteps::ReviseSteps(Document *doc, const Id &mapId, QList<Revision> revisions,
                         QUndoCommand *parent)
    : QUndoCommand(parent)
    , mDoc(doc)
    , mMapId(mapId)
    , mRevisions(std::move(revisions))
{}

void ReviseSteps::apply(bool back)
{
    JourneyMap *map = findById(mDoc->editableProject().maps, mMapId);
    if (!map)
        return;
    for (const Revision &r : std::as_const(mRevisions)) {
        if (PersonaStep *step = findById(map->personaSteps, r.before.id))
            *step = back ? r.before : r.after;
    }
    for (const Revision &r : std::as_const(mRevisions)) {
        Fields fields;
        fields.setFlag(Field::Order, r.before.order != r.after.order);
        fields.setFlag(Field::Endpoints, r.before.touchpointId != r.after.touchpointId);
        fields.setFlag(Field::Emotion, r.before.emotion != r.after.emotion);
        fields.setFlag(Field::Feeling, r.before.feeling != r.after.feeling);
        announce<PersonaStep>(mDoc, ChangeKind::Modified, r.before.id, mMapId, fields);
    }
}

QList<ReviseSteps::Revision> closeUpPaths(const JourneyMap &map, const QList<Id> &leaving)
{
    QList<Id> personas;
    for (const PersonaStep &s : map.personaSteps) {
        if (leaving.contains(s.id) && !personas.contains(s.personaId))
            personas.append(s.personaId);
    }
    QList<ReviseSteps::Revision> revisions;
    for (const Id &personaId : std::as_const(personas)) {
        int order = 0;
        for (const PersonaStep *s : personaPath(map, personaId)) {
            if (leaving.contains(s->id))
                continue;
            if (s->order != order) {
                PersonaStep after = *s;
                after.order = order;
                revisions.append({*s, after});
            }
            ++order;
        }
    }
    return revisions;
}

void removeSteps(Document *doc, const JourneyMap &map, const QList<Id> &stepIds,
                 QUndoCommand *parent)
{
    for (const PersonaStep &s : map.personaSteps) {
        if (stepIds.contains(s.id))
            new Presence<PersonaStep>(doc, Presence<PersonaStep>::Remove, map.id, s, 0, parent);
    }
    QList<ReviseSteps::Revision> revisions = closeUpPaths(map, stepIds);
    if (!revisions.isEmpty())
        new ReviseSteps(doc, map.id, std::move(revisions), parent);
}

void removeTouchpointsWithAttachments(Document *doc, JourneyMap &map, const QList<Id> &ids,
                                      QUndoCommand *parent)
{
    // Children run in order and undo in reverse: attachments go first so that undo brings
    // the touchpoints back before anything that refers to them.
    QList<Id> steps;
    for (const PersonaStep &s : map.personaSteps) {
        if (ids.contains(s.touchpointId))
            steps.append(s.id);
    }
    if (!steps.isEmpty())
        removeSteps(doc, map, steps, parent);
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
