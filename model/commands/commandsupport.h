// The building blocks of Waymark's undo commands, private to model/commands/. Three kinds
// cover most verbs: SetField changes one property, Presence adds or removes one entity at
// its place in its list, MoveInList reorders siblings; ReviseSteps renumbers persona paths,
// whose order is a field of each step. Compound verbs (deleting a stage with its cards) are
// parent commands whose children are these.
//
// Ownership: the document owns the project and the undo stack; the stack owns the commands;
// a command owns the copies of removed entities it needs to bring them back, and refers to
// everything else by id.
#pragma once

#include "../commands.h"
#include "../document.h"
#include "../lookup.h"

#include <QCoreApplication>

#include <algorithm>

namespace Waymark::Commands {

inline QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Waymark::Commands", text, disambiguation, n);
}

template <typename E> constexpr EntityKind kindOf();
template <> constexpr EntityKind kindOf<Project>()
{
    return EntityKind::Project;
}
template <> constexpr EntityKind kindOf<JourneyMap>()
{
    return EntityKind::Map;
}
template <> constexpr EntityKind kindOf<Stage>()
{
    return EntityKind::Stage;
}
template <> constexpr EntityKind kindOf<Lane>()
{
    return EntityKind::Lane;
}
template <> constexpr EntityKind kindOf<Touchpoint>()
{
    return EntityKind::Touchpoint;
}
template <> constexpr EntityKind kindOf<Connector>()
{
    return EntityKind::Connector;
}
template <> constexpr EntityKind kindOf<Annotation>()
{
    return EntityKind::Annotation;
}
template <> constexpr EntityKind kindOf<Persona>()
{
    return EntityKind::Persona;
}
template <> constexpr EntityKind kindOf<Dataset>()
{
    return EntityKind::Dataset;
}
template <> constexpr EntityKind kindOf<PersonaStep>()
{
    return EntityKind::PersonaStep;
}

// Whether entities of this kind live inside a map (true) or in the project's own lists.
template <typename E> constexpr bool inMap()
{
    return kindOf<E>() != EntityKind::Project && kindOf<E>() != EntityKind::Map &&
           kindOf<E>() != EntityKind::Persona && kindOf<E>() != EntityKind::Dataset;
}

// The list an entity kind lives in: the project's for maps, personas and datasets, the
// given map's for the rest. Null when the map is gone.
template <typename E> QList<E> *listOf(Project &project, const Id &mapId);
template <> QList<JourneyMap> *listOf<JourneyMap>(Project &project, const Id &mapId);
template <> QList<Stage> *listOf<Stage>(Project &project, const Id &mapId);
template <> QList<Lane> *listOf<Lane>(Project &project, const Id &mapId);
template <> QList<Touchpoint> *listOf<Touchpoint>(Project &project, const Id &mapId);
template <> QList<Connector> *listOf<Connector>(Project &project, const Id &mapId);
template <> QList<Annotation> *listOf<Annotation>(Project &project, const Id &mapId);
template <> QList<Persona> *listOf<Persona>(Project &project, const Id &mapId);
template <> QList<Dataset> *listOf<Dataset>(Project &project, const Id &mapId);
template <> QList<PersonaStep> *listOf<PersonaStep>(Project &project, const Id &mapId);

// The entity with this id, or nullptr.
template <typename E> E *locate(Project &project, const Id &id)
{
    if constexpr (std::is_same_v<E, Project>) {
        return id.isNull() || id == project.id ? &project : nullptr;
    } else if constexpr (inMap<E>()) {
        JourneyMap *map = mapContaining(project, id);
        QList<E> *list = map ? listOf<E>(project, map->id) : nullptr;
        return list ? findById(*list, id) : nullptr;
    } else {
        return findById(*listOf<E>(project, {}), id);
    }
}

// The id of the map holding the entity (null for project-level entities).
template <typename E> Id mapIdOf(Project &project, const Id &id)
{
    if constexpr (inMap<E>()) {
        const JourneyMap *map = mapContaining(project, id);
        return map ? map->id : Id();
    } else {
        return {};
    }
}

template <typename E>
void announce(Document *doc, ChangeKind change, const Id &id, const Id &mapId, Fields fields = {})
{
    doc->notify({kindOf<E>(), change, id, mapId, fields});
}

template <typename T> struct MemberTraits;
template <typename C, typename V> struct MemberTraits<V C::*>
{
    using Class = C;
    using Value = V;
};

// Changes one property of one entity. Commands of the same gesture merge into one step; a
// merge that comes back to the starting value makes the step obsolete.
template <auto Member> class SetField : public QUndoCommand
{
    using Entity = typename MemberTraits<decltype(Member)>::Class;
    using Value = typename MemberTraits<decltype(Member)>::Value;

public:
    static Command make(Document *doc, const Id &id, const Value &value, const QString &text,
                        Field field, int gesture = 0, MergeId mergeId = MergeId{})
    {
        Entity *entity = locate<Entity>(doc->editableProject(), id);
        if (!entity || entity->*Member == value)
            return nullptr;
        return Command(new SetField(doc, id, entity->*Member, value, text, field,
                                    gesture ? int(mergeId) : -1, gesture));
    }

    void redo() override { apply(mNew); }
    void undo() override { apply(mOld); }
    int id() const override { return mMergeId; }

    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = dynamic_cast<const SetField *>(other);
        if (!next || next->mId != mId || next->mGesture != mGesture)
            return false;
        mNew = next->mNew;
        setObsolete(mNew == mOld);
        return true;
    }

private:
    SetField(Document *doc, const Id &id, const Value &oldValue, const Value &newValue,
             const QString &text, Field field, int mergeId, int gesture)
        : QUndoCommand(text)
        , mDoc(doc)
        , mId(id)
        , mOld(oldValue)
        , mNew(newValue)
        , mField(field)
        , mMergeId(mergeId)
        , mGesture(gesture)
    {}

    void apply(const Value &value)
    {
        Project &project = mDoc->editableProject();
        if (Entity *entity = locate<Entity>(project, mId)) {
            entity->*Member = value;
            announce<Entity>(mDoc, ChangeKind::Modified, mId, mapIdOf<Entity>(project, mId),
                             mField);
        }
    }

    Document *mDoc;
    Id mId;
    Value mOld;
    Value mNew;
    Field mField;
    int mMergeId;
    int mGesture;
};

// Adds an entity at an index of its list, or removes it; undo does the opposite. A removed
// entity is kept whole (a map with everything in it) and put back at the index it had.
template <typename E> class Presence : public QUndoCommand
{
public:
    enum Action
    {
        Add,
        Remove
    };

    Presence(Document *doc, Action action, const Id &mapId, const E &entity, qsizetype index,
             QUndoCommand *parent = nullptr)
        : QUndoCommand(parent)
        , mDoc(doc)
        , mAction(action)
        , mMapId(mapId)
        , mEntity(entity)
        , mIndex(index)
    {}

    void redo() override { mAction == Add ? insert() : take(); }
    void undo() override { mAction == Add ? take() : insert(); }

private:
    void insert()
    {
        QList<E> *list = listOf<E>(mDoc->editableProject(), mMapId);
        if (!list)
            return;
        list->insert(std::clamp<qsizetype>(mIndex, 0, list->size()), mEntity);
        announce<E>(mDoc, ChangeKind::Added, mEntity.id, mMapId);
    }

    void take()
    {
        QList<E> *list = listOf<E>(mDoc->editableProject(), mMapId);
        const qsizetype index = list ? indexOfId(*list, mEntity.id) : -1;
        if (index < 0)
            return;
        mIndex = index;
        mEntity = list->takeAt(index);
        announce<E>(mDoc, ChangeKind::Removed, mEntity.id, mMapId);
    }

    Document *mDoc;
    Action mAction;
    Id mMapId;
    E mEntity;
    qsizetype mIndex;
};

// Moves an entity to another index among its siblings.
template <typename E> class MoveInList : public QUndoCommand
{
public:
    static Command make(Document *doc, const Id &id, int toIndex, const QString &text)
    {
        Project &project = doc->editableProject();
        const Id mapId = mapIdOf<E>(project, id);
        QList<E> *list = listOf<E>(project, mapId);
        const qsizetype from = list ? indexOfId(*list, id) : -1;
        if (from < 0)
            return nullptr;
        const qsizetype to = std::clamp<qsizetype>(toIndex, 0, list->size() - 1);
        if (from == to)
            return nullptr;
        return Command(new MoveInList(doc, mapId, id, from, to, text));
    }

    void redo() override { move(mFrom, mTo); }
    void undo() override { move(mTo, mFrom); }

private:
    MoveInList(Document *doc, const Id &mapId, const Id &id, qsizetype from, qsizetype to,
               const QString &text)
        : QUndoCommand(text)
        , mDoc(doc)
        , mMapId(mapId)
        , mId(id)
        , mFrom(from)
        , mTo(to)
    {}

    void move(qsizetype from, qsizetype to)
    {
        QList<E> *list = listOf<E>(mDoc->editableProject(), mMapId);
        if (!list || from >= list->size() || to >= list->size())
            return;
        list->move(from, to);
        announce<E>(mDoc, ChangeKind::Modified, mId, mMapId, Field::Order);
    }

    Document *mDoc;
    Id mMapId;
    Id mId;
    qsizetype mFrom;
    qsizetype mTo;
};

// Replaces every field of an entity at once (the persona editor's OK).
template <typename E> class ReplaceEntity : public QUndoCommand
{
public:
    static Command make(Document *doc, const E &value, const QString &text, Fields fields)
    {
        E *entity = locate<E>(doc->editableProject(), value.id);
        if (!entity || *entity == value)
            return nullptr;
        return Command(new ReplaceEntity(doc, *entity, value, text, fields));
    }

    void redo() override { apply(mNew); }
    void undo() override { apply(mOld); }

private:
    ReplaceEntity(Document *doc, const E &oldValue, const E &newValue, const QString &text,
                  Fields fields)
        : QUndoCommand(text)
        , mDoc(doc)
        , mOld(oldValue)
        , mNew(newValue)
        , mFields(fields)
    {}

    void apply(const E &value)
    {
        Project &project = mDoc->editableProject();
        if (E *entity = locate<E>(project, value.id)) {
            *entity = value;
            announce<E>(mDoc, ChangeKind::Modified, value.id, mapIdOf<E>(project, value.id),
                        mFields);
        }
    }

    Document *mDoc;
    E mOld;
    E mNew;
    Fields mFields;
};

// Gives persona steps of one map new values (order along the path, touchpoint, score, note),
// finding them by id; undo gives back the old values. Renumbering a path around an added,
// removed or moved step is one of these.
class ReviseSteps : public QUndoCommand
{
public:
    struct Revision
    {
        PersonaStep before;
        PersonaStep after;
    };

    ReviseSteps(Document *doc, const Id &mapId, QList<Revision> revisions,
                QUndoCommand *parent = nullptr);

    void redo() override { apply(false); }
    void undo() override { apply(true); }

private:
    void apply(bool back);

    Document *mDoc;
    Id mMapId;
    QList<Revision> mRevisions;
};

// The revisions that number each path of the map from 0 without gaps once the steps in
// `leaving` are gone: what closes up a path after a removal.
QList<ReviseSteps::Revision> closeUpPaths(const JourneyMap &map, const QList<Id> &leaving);

// Helpers for the compound removals, as child commands of parent. removeSteps takes the
// steps out of their paths and closes the paths up. removeTouchpointsWithAttachments takes
// along everything attached to a set of touchpoints (annotations, connectors, the steps of
// persona paths on them), then the touchpoints themselves.
void removeSteps(Document *doc, const JourneyMap &map, const QList<Id> &stepIds,
                 QUndoCommand *parent);
void removeTouchpointsWithAttachments(Document *doc, JourneyMap &map, const QList<Id> &ids,
                                      QUndoCommand *parent);

} // namespace Waymark::Commands
