// What a change to a document touched: one entity, how, and which of its properties.
// Views redraw only what an event names; the working copy writes only those rows.
#pragma once

#include "entities.h"

#include <QFlags>
#include <QMetaType>

namespace Waymark {

enum class EntityKind
{
    Project,
    Map,
    Stage,
    Lane,
    Touchpoint,
    Connector,
    Annotation,
    Persona,
    Dataset,
    PersonaStep, // belongs to a map, a persona and a touchpoint
};

enum class ChangeKind
{
    Added,
    Removed,
    Modified
};

// The properties a Modified event names. One set serves every entity kind: a field name
// means the same thing wherever it applies.
enum class Field : quint32
{
    Name = 1u << 0, // the name of a project, map, stage, lane, persona or dataset; a card's title
    Kind = 1u << 1,
    Description = 1u << 2,
    Order = 1u << 3, // position among siblings (a card's cell and order in it, a step's order)
    Color = 1u << 4,
    Width = 1u << 5,
    Hidden = 1u << 6,
    TouchpointChannel = 1u << 7,
    TouchpointDevices = 1u << 8,
    Owner = 1u << 9,
    Tags = 1u << 10,
    TouchpointEvidence = 1u << 11,
    Notes = 1u << 12,
    Endpoints = 1u << 13, // a connector's ends, an annotation's anchor, a step's touchpoint
    Direction = 1u << 14,
    Label = 1u << 15,
    Text = 1u << 16,
    Severity = 1u << 17,
    Author = 1u << 18,
    Photo = 1u << 19,
    Profile = 1u << 20, // any of a persona's descriptive fields
    Columns = 1u << 21,
    Emotion = 1u << 22,     // a persona step's score
    Feeling = 1u << 23,     // a persona step's note
    Attachments = 1u << 24, // a dataset's attachments to touchpoints
    Rows = 1u << 25,        // a dataset's rows: a new wave imported, its row count, its mapping
    Headline = 1u << 26,    // a map's headline metric
};
Q_DECLARE_FLAGS(Fields, Field)
Q_DECLARE_OPERATORS_FOR_FLAGS(Fields)

struct ChangeEvent
{
    EntityKind entity = EntityKind::Project;
    ChangeKind change = ChangeKind::Modified;
    Id id;
    Id mapId;      // the map holding the entity, for map-level entities; null otherwise
    Fields fields; // for Modified events

    bool operator==(const ChangeEvent &) const = default;
};

} // namespace Waymark

Q_DECLARE_METATYPE(Waymark::ChangeEvent)
