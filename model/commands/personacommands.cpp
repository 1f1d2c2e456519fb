// Commands on the persona library. The paths of personas through a map are in
// journeycommands.cpp.
#include "commandsupport.h"

namespace Waymark::Commands {

Command addPersona(Document *doc, int index, const Persona &persona)
{
    if (persona.id.isNull() || findById(doc->editableProject().personas, persona.id))
        return nullptr;
    auto command = std::make_unique<QUndoCommand>(tr("Add Persona"));
    new Presence<Persona>(doc, Presence<Persona>::Add, {}, persona, index, command.get());
    return command;
}

Command removePersona(Document *doc, const Id &personaId)
{
    Project &project = doc->editableProject();
    const qsizetype index = indexOfId(project.personas, personaId);
    if (index < 0)
        return nullptr;
    auto command = std::make_unique<QUndoCommand>(tr("Delete Persona"));
    // Its paths go first, so that undo brings the persona back before its steps.
    for (const JourneyMap &map : std::as_const(project.maps)) {
        QList<Id> steps;
        for (const PersonaStep &s : map.personaSteps) {
            if (s.personaId == personaId)
                steps.append(s.id);
        }
        if (!steps.isEmpty())
            removeSteps(doc, map, steps, command.get());
    }
    new Presence<Persona>(doc, Presence<Persona>::Remove, {}, project.personas[index], index,
                          command.get());
    return command;
}

Command movePersona(Document *doc, const Id &personaId, int toIndex)
{
    return MoveInList<Persona>::make(doc, personaId, toIndex, tr("Move Persona"));
}

Command updatePersona(Document *doc, const Persona &persona)
{
    return ReplaceEntity<Persona>::make(doc, persona, tr("Edit Persona"),
                                        Field::Name | Field::Photo | Field::Profile | Field::Color);
}

} // namespace Waymark::Commands
