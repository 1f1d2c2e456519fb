// The description of a project that `waymark info --json` prints. Scripts read it, so fields
// are only ever added, never renamed or removed.
#pragma once

#include "entities.h"

#include <QJsonObject>
#include <QList>

namespace Waymark::Cli {

// The touchpoints of map in reading order: by stage, then lane, then position in the cell.
// Touchpoints whose stage or lane does not resolve come last rather than vanishing.
QList<const Touchpoint *> touchpointsInReadingOrder(const JourneyMap &map);

// One persona's path on a map, its steps in order.
struct PersonaPathView
{
    Id personaId;
    QString personaName; // empty when the persona is not in the project's library
    QList<const PersonaStep *> steps;
};

// The persona paths on map that have at least one step: in library order, then those of
// personas missing from the library, which come last rather than vanishing.
QList<PersonaPathView> personaPaths(const JourneyMap &map, const QList<Persona> &personas);

// formatVersion is the format of the file on disk, before any migration.
QJsonObject projectToJson(const Project &project, int formatVersion);

} // namespace Waymark::Cli
