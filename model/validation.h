// Consistency rules of a project that the type system cannot express: ids unique, every
// reference resolving within its map, card orders distinct within a cell, persona steps
// on touchpoints of their map and scored within range.
#pragma once

#include "entities.h"

#include <QStringList>

namespace Waymark {

// One sentence per problem, naming the entity; empty when the project is consistent.
QStringList findProblems(const Project &project);

// A copy of project in which every entity has a new id, references following along: a new
// project from a template, or pasted items, must never share ids with their source.
Project withNewIds(const Project &project);

} // namespace Waymark
