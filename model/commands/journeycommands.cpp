// Commands on persona journeys: the path each persona takes through the touchpoints of a
// map, and the score and feeling note of each step on it.
#include "commandsupport.h"

namespace Waymark::Commands {

namespace {

std::optional<int> clampedEmotion(std::optional<int> emotion)
{
    if (!emotion)
        return emotion;
    return std::clamp(*emotion, PersonaStep::MinEmotion, PersonaStep::MaxEmotion);
}

// Whether any entity of the project already has this id.
bool idInUse(const Project &project, const Id &id)
{
    return id == project.id || mapContaining(project, id) || indexOfId(project.personas, id) >= 0 ||
           indexOfId(project.datasets, id) >= 0;
}

// The revisions that give the steps of path, in this order, the orders 0, 1, 2…
QList<ReviseSteps::Revision> numbered(const QList<const PersonaStep *> &path)
{
    QList<ReviseSteps::Revision> revisions;
    for (qsizetype i = 0; i < path.size(); ++i) {
        if (path[i]->order != int(i)) {
            PersonaStep after = *path[i];
            after.order = int(i);
            revisions.append({*path[i], after});
        }
    }
    return revisions;
}

} // namespace

Command addPersonaStep(Document *doc, const Id &mapId, int index, const PersonaStep &step)
{
    Project &project = doc->editableProject();
    JourneyMap *map = findById(project.maps, mapId);
    if (!map || step.id.isNull() || idInUse(project, step.id) ||
        indexOfId(project.personas, step.personaId) < 0 ||
        indexOfId(map->touchpoints, step.touchpointId) < 0)
        return nullptr;

    const QList<const PersonaStep *> path = personaPath(*map, step.personaId);
    const qsizetype at = std::clamp<qsizetype>(index, 0, path.size());
    auto command = std::make_unique<QUndoCommand>(tr("Add Path Step"));

    // Make room: the steps from `at` on move one place along.
    QList<ReviseSteps::Revision> shifts;
    for (qsizetype i = 0; i < path.size(); ++i) {
        const int order = int(i < at ? i : i + 1);
        if (path[i]->order != order) {
            PersonaStep after = *path[i];
            after.order = order;
            shifts.append({*path[i], after});
        }
    }
    if (!shifts.isEmpty())
        new ReviseSteps(doc, mapId, std::move(shifts), command.get());

    PersonaStep added = step;
    added.order = int(at);
    added.emotion = clampedEmotion(step.emotion);
    new Presence<PersonaStep>(doc, Presence<PersonaStep>::Add, mapId, added,
                              map->personaSteps.size(), command.get());
    return command;
}

Command removePersonaStep(Document *doc, const Id &stepId)
{
    const JourneyMap *map = mapContaining(doc->editableProject(), stepId);
    if (!map || indexOfId(map->personaSteps, stepId) < 0)
        return nullptr;
    auto command = std::make_unique<QUndoCommand>(tr("Delete Path Step"));
    removeSteps(doc, *map, {stepId}, command.get());
    return command;
}

Command movePersonaStep(Document *doc, const Id &stepId, int toIndex)
{
    const JourneyMap *map = mapContaining(doc->editableProject(), stepId);
    const PersonaStep *step = map ? findById(map->personaSteps, stepId) : nullptr;
    if (!step)
        return nullptr;

    QList<const PersonaStep *> path = personaPath(*map, step->personaId);
    const qsizetype from = path.indexOf(step);
    const qsizetype to = std::clamp<qsizetype>(toIndex, 0, path.size() - 1);
    if (from == to)
        return nullptr;
    path.move(from, to);
    auto command = std::make_unique<ReviseSteps>(doc, map->id, numbered(path));
    command->setText(tr("Move Path Step"));
    return command;
}

Command setPersonaStepEmotion(Document *doc, const Id &stepId, std::optional<int> emotion,
                              int gesture)
{
    return SetField<&PersonaStep::emotion>::make(doc, stepId, clampedEmotion(emotion),
                                                 tr("Change Emotion Score"), Field::Emotion,
                                                 gesture, MergeId::ScoreStep);
}

Command setPersonaStepFeeling(Document *doc, const Id &stepId, const QString &feeling)
{
    return SetField<&PersonaStep::feeling>::make(doc, stepId, feeling, tr("Change Feeling Note"),
                                                 Field::Feeling);
}

Command setPersonaPath(Document *doc, const Id &mapId, const Id &personaId,
                       const QList<PersonaStep> &steps)
{
    Project &project = doc->editableProject();
    JourneyMap *map = findById(project.maps, mapId);
    if (!map || indexOfId(project.personas, personaId) < 0)
        return nullptr;

    const QList<const PersonaStep *> path = personaPath(*map, personaId);
    auto onPath = [&](const Id &id) -> const PersonaStep * {
        const auto it = std::find_if(path.cbegin(), path.cend(),
                                     [&](const PersonaStep *s) { return s->id == id; });
        return it == path.cend() ? nullptr : *it;
    };

    QList<ReviseSteps::Revision> revisions;
    QList<PersonaStep> added;
    QList<Id> kept;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        PersonaStep step = steps[i];
        step.personaId = personaId;
        step.order = int(i);
        step.emotion = clampedEmotion(step.emotion);
        if (step.id.isNull() || kept.contains(step.id) ||
            indexOfId(map->touchpoints, step.touchpointId) < 0)
            return nullptr;
        kept.append(step.id);
        if (const PersonaStep *old = onPath(step.id)) {
            if (!(*old == step))
                revisions.append({*old, step});
        } else if (idInUse(project, step.id)) {
            return nullptr;
        } else {
            added.append(step);
        }
    }
    QList<Id> gone;
    for (const PersonaStep *s : path) {
        if (!kept.contains(s->id))
            gone.append(s->id);
    }
    if (revisions.isEmpty() && added.isEmpty() && gone.isEmpty())
        return nullptr;

    // Removals first and additions last, so that undo takes the new steps away before it
    // brings the old ones back.
    auto command = std::make_unique<QUndoCommand>(tr("Edit Persona Path"));
    for (const Id &id : std::as_const(gone)) {
        new Presence<PersonaStep>(doc, Presence<PersonaStep>::Remove, mapId,
                                  *findById(map->personaSteps, id), 0, command.get());
    }
    if (!revisions.isEmpty())
        new ReviseSteps(doc, mapId, std::move(revisions), command.get());
    const qsizetype end = map->personaSteps.size() - gone.size();
    for (qsizetype i = 0; i < added.size(); ++i) {
        new Presence<PersonaStep>(doc, Presence<PersonaStep>::Add, mapId, added[i], end + i,
                                  command.get());
    }
    return command;
}

} // namespace Waymark::Commands
