// Commands on the persona library.
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
