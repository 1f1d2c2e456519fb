#include "validation.h"

#include "lookup.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace Waymark {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Waymark::Validation", text);
}

QString idText(const Id &id)
{
    return id.toString(QUuid::WithoutBraces);
}

class Checker
{
public:
    QStringList problems;

    void checkId(const Id &id, const QString &what)
    {
        if (id.isNull())
            problems.append(tr("%1 has no id").arg(what));
        else if (mSeen.contains(id))
            problems.append(tr("%1 has the id %2 of another entity").arg(what, idText(id)));
        mSeen.insert(id);
    }

    void checkMap(const JourneyMap &map)
    {
        const QString mapWhat = tr("map “%1”").arg(map.name);
        checkId(map.id, mapWhat);
        for (const Stage &s : map.stages)
            checkId(s.id, tr("stage “%1”").arg(s.name));
        for (const Lane &l : map.lanes)
            checkId(l.id, tr("lane “%1”").arg(l.name));

        QHash<QPair<Id, Id>, QSet<int>> orders;
        for (const Touchpoint &t : map.touchpoints) {
            const QString what = tr("touchpoint “%1”").arg(t.title);
            checkId(t.id, what);
            if (indexOfId(map.stages, t.stageId) < 0)
                problems.append(tr("%1 is in a stage that is not in %2").arg(what, mapWhat));
            if (indexOfId(map.lanes, t.laneId) < 0)
                problems.append(tr("%1 is in a lane that is not in %2").arg(what, mapWhat));
            QSet<int> &cell = orders[{t.stageId, t.laneId}];
            if (t.order < 0 || cell.contains(t.order))
                problems.append(tr("%1 shares its place in its cell with another card").arg(what));
            cell.insert(t.order);
        }
        for (const Connector &c : map.connectors) {
            const QString what = tr("connector %1").arg(idText(c.id));
            checkId(c.id, what);
            if (indexOfId(map.touchpoints, c.fromId) < 0 || indexOfId(map.touchpoints, c.toId) < 0)
                problems.append(tr("%1 joins a touchpoint that is not in %2").arg(what, mapWhat));
        }
        for (const Annotation &a : map.annotations) {
            const QString what = tr("annotation %1").arg(idText(a.id));
            checkId(a.id, what);
            if (!a.touchpointId.isNull()) {
                if (indexOfId(map.touchpoints, a.touchpointId) < 0)
                    problems.append(tr("%1 is attached to a touchpoint that is not in %2")
                                        .arg(what, mapWhat));
            } else if (indexOfId(map.stages, a.stageId) < 0 || indexOfId(map.lanes, a.laneId) < 0) {
                problems.append(tr("%1 is attached to a cell that is not in %2").arg(what, mapWhat));
            }
            if (a.severity < 0 || a.severity > 5)
                problems.append(tr("%1 has a severity outside 0 to 5").arg(what));
        }
    }

private:
    QSet<Id> mSeen;
};

} // namespace

QStringList findProblems(const Project &project)
{
    Checker checker;
    checker.checkId(project.id, tr("the project"));
    for (const JourneyMap &map : project.maps)
        checker.checkMap(map);
    for (const Persona &p : project.personas) {
        checker.checkId(p.id, tr("persona “%1”").arg(p.name));
        if (!(p.businessValue >= 0.0))
            checker.problems.append(tr("persona “%1” has a negative business value").arg(p.name));
    }
    for (const Dataset &d : project.datasets)
        checker.checkId(d.id, tr("dataset “%1”").arg(d.name));
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
    }
    for (Persona &persona : p.personas)
        persona.id = remap(persona.id);
    for (Dataset &d : p.datasets)
        d.id = remap(d.id);
    return p;
}

} // namespace Waymark
