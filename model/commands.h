// The face of Waymark's undo commands for views and the command line: one function per
// verb, each returning a command to push on the document. Commands find their objects by
// id each time they run, so they stay valid whatever else was undone or redone meanwhile.
// Functions return nullptr when the edit would change nothing or names an unknown id.
#pragma once

#include "entities.h"

#include <QUndoCommand>

#include <memory>
#include <optional>

namespace Waymark {

class Document;
struct Fragment;

// Commands of one gesture (a drag, a slider) share a gesture id and merge into one step.
enum class MergeId
{
    MoveTouchpoints = 1,
    ResizeStage,
    ScoreStep, // dragging a point of an emotion curve
};

namespace Commands {

using Command = std::unique_ptr<QUndoCommand>;

Command renameProject(Document *doc, const QString &name);

// Maps
Command addMap(Document *doc, int index, const JourneyMap &map);
Command removeMap(Document *doc, const Id &mapId);
// Moves the map to another place in the tab order.
Command moveMap(Document *doc, const Id &mapId, int toIndex);
Command renameMap(Document *doc, const Id &mapId, const QString &name);
Command setMapKind(Document *doc, const Id &mapId, MapKind kind);
Command setMapDescription(Document *doc, const Id &mapId, const QString &description);
// The metric the map's cards show as their badge ("Change Headline Metric").
Command setMapHeadline(Document *doc, const Id &mapId, HeadlineMetric headline);

// Stages: removing one takes its touchpoints, their connectors and annotations along.
Command addStage(Document *doc, const Id &mapId, int index, const Stage &stage);
Command removeStage(Document *doc, const Id &stageId);
Command moveStage(Document *doc, const Id &stageId, int toIndex);
Command renameStage(Document *doc, const Id &stageId, const QString &name);
Command setStageColor(Document *doc, const Id &stageId, const QColor &color);
Command setStageWidth(Document *doc, const Id &stageId, int width, int gesture = 0);

// Lanes, likewise.
Command addLane(Document *doc, const Id &mapId, int index, const Lane &lane);
Command removeLane(Document *doc, const Id &laneId);
Command moveLane(Document *doc, const Id &laneId, int toIndex);
Command renameLane(Document *doc, const Id &laneId, const QString &name);
Command setLaneKind(Document *doc, const Id &laneId, LaneKind kind);
Command setLaneHidden(Document *doc, const Id &laneId, bool hidden);
Command setLaneColor(Document *doc, const Id &laneId, const QColor &color);

// Touchpoints. addTouchpoint inserts at touchpoint.order within its cell (clamped), moving
// the cards after it along. Removing takes their connectors and annotations along.
Command addTouchpoint(Document *doc, const Id &mapId, const Touchpoint &touchpoint);
Command removeTouchpoints(Document *doc, const QList<Id> &touchpointIds);
// Moves the touchpoints, in the order given, to index within the cell (stage, lane) of the
// same map. A gesture id other than 0 merges the moves of one drag into one undo step.
Command moveTouchpoints(Document *doc, const QList<Id> &touchpointIds, const Id &stageId,
                        const Id &laneId, int index, int gesture = 0);
Command setTouchpointTitle(Document *doc, const Id &id, const QString &title);
Command setTouchpointDescription(Document *doc, const Id &id, const QString &description);
Command setTouchpointChannel(Document *doc, const Id &id, Channel channel);
Command setTouchpointDevices(Document *doc, const Id &id, Devices devices);
Command setTouchpointOwner(Document *doc, const Id &id, const QString &owner);
Command setTouchpointTags(Document *doc, const Id &id, const QStringList &tags);
Command setTouchpointEvidence(Document *doc, const Id &id, Evidence evidence);
Command setTouchpointColor(Document *doc, const Id &id, const QColor &color);
Command setTouchpointNotes(Document *doc, const Id &id, const QString &notes);

// Connectors join two touchpoints of the same map.
Command addConnector(Document *doc, const Id &mapId, const Connector &connector);
Command removeConnector(Document *doc, const Id &connectorId);
Command setConnectorLabel(Document *doc, const Id &connectorId, const QString &label);
Command setConnectorDirection(Document *doc, const Id &connectorId, ConnectorDirection direction);
// Moves either end or both to other touchpoints of the connector's map; refused for one
// touchpoint at both ends.
Command setConnectorEnds(Document *doc, const Id &connectorId, const Id &fromId, const Id &toId);

// Annotations
Command addAnnotation(Document *doc, const Id &mapId, const Annotation &annotation);
Command removeAnnotation(Document *doc, const Id &annotationId);
Command setAnnotationText(Document *doc, const Id &annotationId, const QString &text);
Command setAnnotationSeverity(Document *doc, const Id &annotationId, int severity);

// Personas. updatePersona replaces every field of the persona with persona.id at once, as
// the persona editor's OK does.
Command addPersona(Document *doc, int index, const Persona &persona);
Command removePersona(Document *doc, const Id &personaId);
Command movePersona(Document *doc, const Id &personaId, int toIndex);
Command updatePersona(Document *doc, const Persona &persona);

// Persona journeys: each persona's path through the touchpoints of a map, as ordered steps.
// A path may skip touchpoints and come back to one. Indexes count along the persona's path
// on that map; every command keeps a path numbered from 0 without gaps. Scores outside
// PersonaStep::MinEmotion to MaxEmotion are clamped.
Command addPersonaStep(Document *doc, const Id &mapId, int index, const PersonaStep &step);
Command removePersonaStep(Document *doc, const Id &stepId);
Command movePersonaStep(Document *doc, const Id &stepId, int toIndex);
// A gesture id other than 0 merges the changes of one drag of a curve's point into one step.
Command setPersonaStepEmotion(Document *doc, const Id &stepId, std::optional<int> emotion,
                              int gesture = 0);
Command setPersonaStepFeeling(Document *doc, const Id &stepId, const QString &feeling);
// Replaces the persona's whole path on the map by steps, in the order given: a step whose id
// is already on that path is changed in place, others are added, and the steps left out are
// removed. Refused when a step names a touchpoint outside the map, or an id used elsewhere.
Command setPersonaPath(Document *doc, const Id &mapId, const Id &personaId,
                       const QList<PersonaStep> &steps);

// Pasting: puts a fragment whose ids are new to the project (Fragments::withNewIds) into the
// map as one step. The fragment's own stages and lanes are added at the end; each card goes
// to the cell (stageId, laneId) when both are given, else to its own cell when the map has
// it, else to the first stage and the first visible lane; after the cards already there.
// Connectors and annotations come along. Refused when an id is already in the project.
Command pasteFragment(Document *doc, const Id &mapId, const Fragment &fragment,
                      const Id &stageId = {}, const Id &laneId = {});

// Datasets. importDataset adds a dataset whose rows Import::Importer has just written (or,
// for the next wave of a dataset already in the project, replaces it) as one step,
// "Import Dataset 'name'". A column's type says how its values are read; the table of rows
// keeps the storage it was imported with (see storage/FORMAT.md). An attachment needs an
// id, and a column of the dataset unless it attaches the whole dataset.
Command importDataset(Document *doc, const Dataset &dataset);
Command removeDataset(Document *doc, const Id &datasetId);
Command renameDataset(Document *doc, const Id &datasetId, const QString &name);
Command setDatasetColumnRole(Document *doc, const Id &datasetId, qsizetype column, ColumnRole role);
Command setDatasetColumnType(Document *doc, const Id &datasetId, qsizetype column, ColumnType type);
Command setDatasetAttachments(Document *doc, const Id &datasetId,
                              const QList<DatasetAttachment> &attachments);

} // namespace Commands

} // namespace Waymark
