// Finding entities by id. Maps hold at most a few thousand items, so a linear search is
// what every caller needs; nothing here owns or caches anything.
#pragma once

#include "entities.h"

#include <algorithm>

namespace Waymark {

template <typename T> qsizetype indexOfId(const QList<T> &list, const Id &id)
{
    const auto it =
        std::find_if(list.cbegin(), list.cend(), [&](const T &e) { return e.id == id; });
    return it == list.cend() ? -1 : qsizetype(it - list.cbegin());
}

template <typename T> T *findById(QList<T> &list, const Id &id)
{
    const qsizetype i = indexOfId(list, id);
    return i < 0 ? nullptr : &list[i];
}

template <typename T> const T *findById(const QList<T> &list, const Id &id)
{
    const qsizetype i = indexOfId(list, id);
    return i < 0 ? nullptr : &list[i];
}

// The map that holds the entity with this id (a map, stage, lane, touchpoint, connector,
// annotation or persona step), or nullptr.
JourneyMap *mapContaining(Project &project, const Id &id);
const JourneyMap *mapContaining(const Project &project, const Id &id);

// The touchpoints of one cell, ordered by their position in it.
QList<const Touchpoint *> cellTouchpoints(const JourneyMap &map, const Id &stageId,
                                          const Id &laneId);

// The steps of one persona's path on a map, in order.
QList<const PersonaStep *> personaPath(const JourneyMap &map, const Id &personaId);

} // namespace Waymark
