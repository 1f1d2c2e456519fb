#include "validation.h"

#include "lookup.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace Waymark {

namespace {

// The translation context of this file's messages.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Waymark::Validation)
};

QString idText(const Id &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// Every rule is checked with hash lookups, and an entity's description is only made when it
// has a problem: opening a map of thousands of cards runs this on every one of them.
class Checker
{
public:
    QStringList problems;

    template <typename Describe> void checkId(const Id &id, Describe &&describe)
    {
        if (id.isNull())
            problems.append(Text::tr("%1 has no id").arg(describe()));
        else if (mSeen.contains(id))
            problems.append(
                Text::tr("%1 has the id %2 of another entity").arg(describe(), idText(id)));
        mSeen.insert(id);
    }

    void checkMap(const JourneyMap &map, const QSet<Id> &personas)
    {
        auto mapWhat = [&] {
            return Text::tr("map “%1”").arg(map.name);
        };
        checkId(map.id, mapWhat);
        QSet<Id> stages, lanes, cards;
        for (const Stage &s : map.stages) {
            checkId(s.id, [&] { return Text::tr("stage “%1”").arg(s.name); });
            stages.insert(s.id);
        }
        for (const Lane &l : map.lanes) {
            checkId(l.id, [&] { return Text::tr("lane “%1”").arg(l.name); });
            lanes.insert(l.id);
        }

        QHash<QPair<Id, Id>, QSet<int>> orders;
        for (const Touchpoint &t : map.touchpoints) {
            auto what = [&] {
                return Text::tr("touchpoint “%1”").arg(t.title);
            };
            checkId(t.id, what);
            cards.insert(t.id);
            if (!stages.contains(t.stageId))
                problems.append(
                    Text::tr("%1 is in a stage that is not in %2").arg(what(), mapWhat()));
            if (!lanes.contains(t.laneId))
                problems.append(
                    Text::tr("%1 is in a lane that is not in %2").arg(what(), mapWhat()));
            QSet<int> &cell = orders[{t.stageId, t.laneId}];
            if (t.order < 0 || cell.contains(t.order))
                problems.append(
                    Text::tr("%1 shares its place in its cell with another card").arg(what()));
            cell.insert(t.order);
        }
        for (const Connector &c : map.connectors) {
            auto what = [&] {
                return Text::tr("connector %1").arg(idText(c.id));
            };
            checkId(c.id, what);
            if (!cards.contains(c.fromId) || !cards.contains(c.toId))
                problems.append(
                    Text::tr("%1 joins a touchpoint that is not in %2").arg(what(), mapWhat()));
        }
        for (const Annotation &a : map.annotations) {
            auto what = [&] {
                return Text::tr("annotation %1").arg(idText(a.id));
            };
            checkId(a.id, what);
            if (!a.touchpointId.isNull()) {
                if (!cards.contains(a.touchpointId))
                    problems.append(Text::tr("%1 is attached to a touchpoint that is not in %2")
                                        .arg(what(), mapWhat()));
            } else if (!stages.contains(a.stageId) || !lanes.contains(a.laneId)) {
                problems.append(
                    Text::tr("%1 is attached to a cell that is not in %2").arg(what(), mapWhat()));
            }
            if (a.severity < 0 || a.severity > 5)
                problems.append(Text::tr("%1 has a severity outside 0 to 5").arg(what()));
        }

        QHash<Id, QSet<int>> pathOrders; // by persona
        for (const PersonaStep &s : map.personaSteps) {
            auto what = [&] {
                return Text::tr("persona step %1").arg(idText(s.id));
            };
            checkId(s.id, what);
            if (!personas.contains(s.personaId))
                problems.append(
                    Text::tr("%1 belongs to a persona that is not in the project").arg(what()));
            if (!cards.contains(s.touchpointId))
                problems.append(
                    Text::tr("%1 is on a touchpoint that is not in %2").arg(what(), mapWhat()));
            if (s.emotion &&
                (*s.emotion < PersonaStep::MinEmotion || *s.emotion > PersonaStep::MaxEmotion))
                problems.append(Text::tr("%1 has an emotion score outside −3 to +3").arg(what()));
            QSet<int> &path = pathOrders[s.personaId];
            if (s.order < 0 || path.contains(s.order))
                problems.append(
                    Text::tr("%1 shares its place in its path with another step").arg(what()));
            path.insert(s.order);
        }
    }

private:
    QSet<Id> mSeen;
};

} // namespace

QStringList findProblems(const Project &project)
{
    Checker checker;
    checker.checkId(project.id, [] { return Text::tr("the project"); });
    QSet<Id> personas;
    for (const Persona &p : project.personas)
        personas.insert(p.id);
    for (const JourneyMap &map : project.maps)
        checker.checkMap(map, personas);
    for (const Persona &p : project.personas) {
        checker.checkId(p.id, [&] { return Text::tr("persona “%1”").arg(p.name); });
        if (!(p.businessValue >= 0.0))
            checker.problems.append(
                Text::tr("persona “%1” has a negative business value").arg(p.name));
    }
    QSet<qint64> rowsTables;
    for (const Dataset &d : project.datasets) {
        checker.checkId(d.id, [&] { return Text::tr("dataset “%1”").arg(d.name); });
        if (d.rowsTable < 0 || (d.rowsTable > 0 && rowsTables.contains(d.rowsTable)))
            checker.problems.append(
                Text::tr("dataset “%1” shares its table of rows with another").arg(d.name));
        rowsTables.insert(d.rowsTable);
        // An attachment may name a touchpoint that was deleted: undoing the deletion brings
        // it back, and until then its rows belong to no touchpoint.
        for (const DatasetAttachment &a : d.attachments) {
            checker.checkId(a.id, [&] { return Text::tr("an attachment of “%1”").arg(d.name); });
            const bool needsColumn = a.kind != AttachmentKind::WholeDataset;
            if (needsColumn && (a.column < 0 || a.column >= d.columns.size()))
                checker.problems.append(
                    Text::tr("an attachment of dataset “%1” names a column it does not have")
                        .arg(d.name));
        }
    }
    return checker.problems;
}

Project withNewIds(const Project &source)
{
    QHash<Id, Id> fresh;
    auto remap = [&](const Id &old) -> Id {
        if (old.isNull())
            return old;
        Id &mapped = fresh[old];
        if (mapped.isNull())
            mapped = newId();
        return mapped;
    };

    Project p = source;
    p.id = remap(p.id);
    for (JourneyMap &m : p.maps) {
        m.id = remap(m.id);
        for (Stage &s : m.stages)
            s.id = remap(s.id);
        for (Lane &l : m.lanes)
            l.id = remap(l.id);
        for (Touchpoint &t : m.touchpoints) {
            t.id = remap(t.id);
            t.stageId = remap(t.stageId);
            t.laneId = remap(t.laneId);
        }
        for (Connector &c : m.connectors) {
            c.id = remap(c.id);
            c.fromId = remap(c.fromId);
            c.toId = remap(c.toId);
        }
        for (Annotation &a : m.annotations) {
            a.id = remap(a.id);
            a.touchpointId = remap(a.touchpointId);
            a.stageId = remap(a.stageId);
            a.laneId = remap(a.laneId);
        }
        for (PersonaStep &s : m.personaSteps) {
            s.id = remap(s.id);
            s.personaId = remap(s.personaId);
            s.touchpointId = remap(s.touchpointId);
        }
    }
    for (Persona &persona : p.personas)
        persona.id = remap(persona.id);
    for (Dataset &d : p.datasets) {
        d.id = remap(d.id);
        for (DatasetAttachment &a : d.attachments) {
            a.id = remap(a.id);
            a.touchpointId = remap(a.touchpointId);
        }
    }
    return p;
}

} // namespace Waymark
