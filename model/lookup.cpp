#include "lookup.h"

namespace Waymark {

namespace {

bool holds(const JourneyMap &map, const Id &id)
{
    return map.id == id || indexOfId(map.stages, id) >= 0 || indexOfId(map.lanes, id) >= 0 ||
           indexOfId(map.touchpoints, id) >= 0 || indexOfId(map.connectors, id) >= 0 ||
           indexOfId(map.annotations, id) >= 0 || indexOfId(map.personaSteps, id) >= 0;
}

} // namespace

JourneyMap *mapContaining(Project &project, const Id &id)
{
    for (JourneyMap &map : project.maps) {
        if (holds(map, id))
            return &map;
    }
    return nullptr;
}

const JourneyMap *mapContaining(const Project &project, const Id &id)
{
    for (const JourneyMap &map : project.maps) {
        if (holds(map, id))
            return &map;
    }
    return nullptr;
}

QList<const Touchpoint *> cellTouchpoints(const JourneyMap &map, const Id &stageId,
                                          const Id &laneId)
{
    QList<const Touchpoint *> cell;
    for (const Touchpoint &t : map.touchpoints) {
        if (t.stageId == stageId && t.laneId == laneId)
            cell.append(&t);
    }
    std::stable_sort(cell.begin(), cell.end(),
                     [](const Touchpoint *a, const Touchpoint *b) { return a->order < b->order; });
    return cell;
}

QList<const PersonaStep *> personaPath(const JourneyMap &map, const Id &personaId)
{
    QList<const PersonaStep *> path;
    for (const PersonaStep &s : map.personaSteps) {
        if (s.personaId == personaId)
            path.append(&s);
    }
    std::stable_sort(path.begin(), path.end(), [](const PersonaStep *a, const PersonaStep *b) {
        return a->order < b->order;
    });
    return path;
}

} // namespace Waymark
