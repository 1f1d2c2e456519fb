// Commands on touchpoints, the connectors between them and the annotations on them.
#include "commandsupport.h"

#include <algorithm>

namespace Waymark::Commands {

namespace {

struct Place
{
    Id stageId;
    Id laneId;
    int order = 0;

    bool operator==(const Place &) const = default;
};

// Puts touchpoints of one map at new places (cell and order in it). A drag pushes one of
// these per mouse move with the same gesture id; they merge into the first.
class PlaceTouchpoints : public QUndoCommand
{
public:
    struct Move
    {
        Id id;
        Place from;
        Place to;
    };

    PlaceTouchpoints(Document *doc, const Id &mapId, QList<Move> moves, const QString &text,
                     int gesture, QUndoCommand *parent = nullptr)
        : QUndoCommand(text, parent)
        , mDoc(doc)
        , mMapId(mapId)
        , mMoves(std::move(moves))
        , mGesture(gesture)
    {}

    void redo() override { apply(false); }
    void undo() override { apply(true); }
    int id() const override { return mGesture ? int(MergeId::MoveTouchpoints) : -1; }

    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = dynamic_cast<const PlaceTouchpoints *>(other);
        if (!next || next->mGesture != mGesture || next->mMapId != mMapId)
            return false;
        for (const Move &m : next->mMoves) {
            auto it = std::find_if(mMoves.begin(), mMoves.end(),
                                   [&](const Move &mine) { return mine.id == m.id; });
            if (it != mMoves.end())
                it->to = m.to;
            else
                mMoves.append(m);
        }
        // Only the count of cards the user moved names the step, not the neighbours that
        // made room for them.
        setText(next->text());
        setObsolete(std::all_of(mMoves.cbegin(), mMoves.cend(),
                                [](const Move &m) { return m.from == m.to; }));
        return true;
    }

private:
    void apply(bool back)
    {
        JourneyMap *map = findById(mDoc->editableProject().maps, mMapId);
        if (!map)
            return;
        for (const Move &m : std::as_const(mMoves)) {
            Touchpoint *t = findById(map->touchpoints, m.id);
            if (!t)
                continue;
            const Place &place = back ? m.from : m.to;
            t->stageId = place.stageId;
            t->laneId = place.laneId;
            t->order = place.order;
        }
        for (const Move &m : std::as_const(mMoves))
            announce<Touchpoint>(mDoc, ChangeKind::Modified, m.id, mMapId, Field::Order);
    }

    Document *mDoc;
    Id mMapId;
    QList<Move> mMoves;
    int mGesture;
};

// The moves that put `moving` (in this order) at index of the cell (stageId, laneId). The
// other cards of that cell keep their relative order around them, and the cells the cards
// leave close up, so that every cell touched is numbered from 0 without gaps.
QList<PlaceTouchpoints::Move> arrange(const JourneyMap &map, const QList<Id> &moving,
                                      const Id &stageId, const Id &laneId, int index)
{
    QList<PlaceTouchpoints::Move> moves;
    auto place = [&](const QList<Id> &cell, const Id &cellStage, const Id &cellLane) {
        for (qsizetype i = 0; i < cell.size(); ++i) {
            const Touchpoint *t = findById(map.touchpoints, cell[i]);
            const Place from{t->stageId, t->laneId, t->order};
            const Place to{cellStage, cellLane, int(i)};
            if (!(from == to))
                moves.append({t->id, from, to});
        }
    };

    QList<Id> target;
    for (const Touchpoint *t : cellTouchpoints(map, stageId, laneId)) {
        if (!moving.contains(t->id))
            target.append(t->id);
    }
    const qsizetype at = std::clamp<qsizetype>(index, 0, target.size());
    for (qsizetype i = 0; i < moving.size(); ++i)
        target.insert(at + i, moving[i]);
    place(target, stageId, laneId);

    QList<QPair<Id, Id>> sources;
    for (const Id &id : moving) {
        const Touchpoint *t = findById(map.touchpoints, id);
        const QPair<Id, Id> cell{t->stageId, t->laneId};
        if (cell != qMakePair(stageId, laneId) && !sources.contains(cell))
            sources.append(cell);
    }
    for (const auto &[cellStage, cellLane] : std::as_const(sources)) {
        QList<Id> rest;
        for (const Touchpoint *t : cellTouchpoints(map, cellStage, cellLane)) {
            if (!moving.contains(t->id))
                rest.append(t->id);
        }
        place(rest, cellStage, cellLane);
    }
    return moves;
}

} // namespace

Command addTouchpoint(Document *doc, const Id &mapId, const Touchpoint &touchpoint)
{
    JourneyMap *map = findById(doc->editableProject().maps, mapId);
    if (!map || touchpoint.id.isNull() || indexOfId(map->stages, touchpoint.stageId) < 0 ||
        indexOfId(map->lanes, touchpoint.laneId) < 0)
        return nullptr;

    const QList<const Touchpoint *> cell =
        cellTouchpoints(*map, touchpoint.stageId, touchpoint.laneId);
    const int at = qBound(0, touchpoint.order, int(cell.size()));
    auto command = std::make_unique<QUndoCommand>(tr("Add Touchpoint"));

    // Make room: the cards from `at` on move one place along.
    QList<PlaceTouchpoints::Move> shifts;
    for (qsizetype i = 0; i < cell.size(); ++i) {
        const Place from{cell[i]->stageId, cell[i]->laneId, cell[i]->order};
        const Place to{from.stageId, from.laneId, int(i < at ? i : i + 1)};
        if (!(from == to))
            shifts.append({cell[i]->id, from, to});
    }
    if (!shifts.isEmpty())
        new PlaceTouchpoints(doc, mapId, shifts, QString(), 0, command.get());

    Touchpoint added = touchpoint;
    added.order = at;
    new Presence<Touchpoint>(doc, Presence<Touchpoint>::Add, mapId, added, map->touchpoints.size(),
                             command.get());
    return command;
}

Command removeTouchpoints(Document *doc, const QList<Id> &touchpointIds)
{
    Project &project = doc->editableProject();
    auto command = std::make_unique<QUndoCommand>();
    int count = 0;
    for (JourneyMap &map : project.maps) {
        QList<Id> here;
        for (const Id &id : touchpointIds) {
            if (indexOfId(map.touchpoints, id) >= 0 && !here.contains(id))
                here.append(id);
        }
        if (here.isEmpty())
            continue;
        count += int(here.size());
        removeTouchpointsWithAttachments(doc, map, here, command.get());
    }
    if (count == 0)
        return nullptr;
    command->setText(tr("Delete %n Touchpoint(s)", nullptr, count));
    return command;
}

Command moveTouchpoints(Document *doc, const QList<Id> &touchpointIds, const Id &stageId,
                        const Id &laneId, int index, int gesture)
{
    Project &project = doc->editableProject();
    JourneyMap *map = mapContaining(project, stageId);
    if (!map || indexOfId(map->stages, stageId) < 0 || indexOfId(map->lanes, laneId) < 0)
        return nullptr;
    QList<Id> moving;
    for (const Id &id : touchpointIds) {
        if (indexOfId(map->touchpoints, id) < 0)
            return nullptr;
        if (!moving.contains(id))
            moving.append(id);
    }
    if (moving.isEmpty())
        return nullptr;

    const QList<PlaceTouchpoints::Move> moves = arrange(*map, moving, stageId, laneId, index);
    // A step that moves nothing is not pushed; in a drag, the first step that does move a
    // card becomes the one the later steps merge into.
    if (moves.isEmpty())
        return nullptr;
    return std::make_unique<PlaceTouchpoints>(
        doc, map->id, moves, tr("Move %n Touchpoint(s)", nullptr, int(moving.size())), gesture);
}

Command setTouchpointTitle(Document *doc, const Id &id, const QString &title)
{
    return SetField<&Touchpoint::title>::make(doc, id, title, tr("Rename Touchpoint"), Field::Name);
}

Command setTouchpointDescription(Document *doc, const Id &id, const QString &description)
{
    return SetField<&Touchpoint::description>::make(doc, id, description, tr("Change Description"),
                                                    Field::Description);
}

Command setTouchpointChannel(Document *doc, const Id &id, Channel channel)
{
    return SetField<&Touchpoint::channel>::make(doc, id, channel, tr("Change Channel"),
                                                Field::TouchpointChannel);
}

Command setTouchpointDevices(Document *doc, const Id &id, Devices devices)
{
    return SetField<&Touchpoint::devices>::make(doc, id, devices, tr("Change Devices"),
                                                Field::TouchpointDevices);
}

Command setTouchpointOwner(Document *doc, const Id &id, const QString &owner)
{
    return SetField<&Touchpoint::owner>::make(doc, id, owner, tr("Change Owner"), Field::Owner);
}

Command setTouchpointTags(Document *doc, const Id &id, const QStringList &tags)
{
    return SetField<&Touchpoint::tags>::make(doc, id, tags, tr("Change Tags"), Field::Tags);
}

Command setTouchpointEvidence(Document *doc, const Id &id, Evidence evidence)
{
    return SetField<&Touchpoint::evidence>::make(doc, id, evidence, tr("Change Evidence"),
                                                 Field::TouchpointEvidence);
}

Command setTouchpointColor(Document *doc, const Id &id, const QColor &color)
{
    return SetField<&Touchpoint::color>::make(doc, id, color, tr("Recolour Touchpoint"),
                                              Field::Color);
}

Command setTouchpointNotes(Document *doc, const Id &id, const QString &notes)
{
    return SetField<&Touchpoint::notes>::make(doc, id, notes, tr("Change Notes"), Field::Notes);
}

Command addConnector(Document *doc, const Id &mapId, const Connector &connector)
{
    JourneyMap *map = findById(doc->editableProject().maps, mapId);
    if (!map || connector.id.isNull() || connector.fromId == connector.toId ||
        indexOfId(map->touchpoints, connector.fromId) < 0 ||
        indexOfId(map->touchpoints, connector.toId) < 0)
        return nullptr;
    auto command = std::make_unique<QUndoCommand>(tr("Add Connector"));
    new Presence<Connector>(doc, Presence<Connector>::Add, mapId, connector, map->connectors.size(),
                            command.get());
    return command;
}

Command removeConnector(Document *doc, const Id &connectorId)
{
    JourneyMap *map = mapContaining(doc->editableProject(), connectorId);
    const Connector *connector = map ? findById(map->connectors, connectorId) : nullptr;
    if (!connector)
        return nullptr;
    auto command = std::make_unique<QUndoCommand>(tr("Delete Connector"));
    new Presence<Connector>(doc, Presence<Connector>::Remove, map->id, *connector, 0,
                            command.get());
    return command;
}

Command setConnectorLabel(Document *doc, const Id &connectorId, const QString &label)
{
    return SetField<&Connector::label>::make(doc, connectorId, label, tr("Change Connector Label"),
                                             Field::Label);
}

Command setConnectorDirection(Document *doc, const Id &connectorId, ConnectorDirection direction)
{
    return SetField<&Connector::direction>::make(
        doc, connectorId, direction, tr("Change Connector Direction"), Field::Direction);
}

Command setConnectorEnds(Document *doc, const Id &connectorId, const Id &fromId, const Id &toId)
{
    JourneyMap *map = mapContaining(doc->editableProject(), connectorId);
    const Connector *connector = map ? findById(map->connectors, connectorId) : nullptr;
    if (!connector || fromId == toId || indexOfId(map->touchpoints, fromId) < 0 ||
        indexOfId(map->touchpoints, toId) < 0)
        return nullptr;
    Connector moved = *connector;
    moved.fromId = fromId;
    moved.toId = toId;
    return ReplaceEntity<Connector>::make(doc, moved, tr("Reconnect Connector"), Field::Endpoints);
}

Command addAnnotation(Document *doc, const Id &mapId, const Annotation &annotation)
{
    JourneyMap *map = findById(doc->editableProject().maps, mapId);
    if (!map || annotation.id.isNull())
        return nullptr;
    const bool onCard = !annotation.touchpointId.isNull() &&
                        indexOfId(map->touchpoints, annotation.touchpointId) >= 0;
    const bool onCell = annotation.touchpointId.isNull() &&
                        indexOfId(map->stages, annotation.stageId) >= 0 &&
                        indexOfId(map->lanes, annotation.laneId) >= 0;
    if (!onCard && !onCell)
        return nullptr;

    QString text;
    switch (annotation.kind) {
    case AnnotationKind::PainPoint:
        text = tr("Add Pain Point");
        break;
    case AnnotationKind::Opportunity:
        text = tr("Add Opportunity");
        break;
    case AnnotationKind::Comment:
        text = tr("Add Comment");
        break;
    }
    auto command = std::make_unique<QUndoCommand>(text);
    new Presence<Annotation>(doc, Presence<Annotation>::Add, mapId, annotation,
                             map->annotations.size(), command.get());
    return command;
}

Command removeAnnotation(Document *doc, const Id &annotationId)
{
    JourneyMap *map = mapContaining(doc->editableProject(), annotationId);
    const Annotation *annotation = map ? findById(map->annotations, annotationId) : nullptr;
    if (!annotation)
        return nullptr;
    auto command = std::make_unique<QUndoCommand>(tr("Delete Annotation"));
    new Presence<Annotation>(doc, Presence<Annotation>::Remove, map->id, *annotation, 0,
                             command.get());
    return command;
}

Command setAnnotationText(Document *doc, const Id &annotationId, const QString &text)
{
    return SetField<&Annotation::text>::make(doc, annotationId, text, tr("Edit Annotation"),
                                             Field::Text);
}

Command setAnnotationSeverity(Document *doc, const Id &annotationId, int severity)
{
    return SetField<&Annotation::severity>::make(doc, annotationId, qBound(0, severity, 5),
                                                 tr("Change Severity"), Field::Severity);
}

} // namespace Waymark::Commands
