// The persona library of a project as a dock: a card per persona (photo or initials, name,
// quote, a few key facts), the verbs on it (new, edit, duplicate, delete, move), sorting by
// library order, business value or name, and a filter. Every verb is one undo step; the
// cards follow undo, redo and every other change to the document.
//
// The cards, filter and toolbar are built the first time the dock can be seen (or view() is
// asked for), not with the window: at start-up the library is a tab behind the inspector.
// Until then the models and the actions follow the document as usual.
#pragma once

#include "entities.h"

#include <QDockWidget>
#include <QPointer>

#include <memory>

class QAction;
class QListView;
class QUndoCommand;

namespace Waymark {

class Document;
class PersonaEditor;
class PersonaFilterModel;
class PersonaListModel;

class PersonaDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit PersonaDock(QWidget *parent = nullptr);

    void setDocument(Document *document);
    Document *document() const { return mDocument; }

    // Builds the dock's contents if it has not been seen yet.
    QListView *view() const;
    bool isBuilt() const { return mView != nullptr; }
    PersonaFilterModel *filterModel() const { return mFilter; }

    // The persona of the current card, or a null id.
    Id currentPersonaId() const;
    void setCurrentPersona(const Id &id);
    // The ids of the cards in the order they are shown.
    QList<Id> shownPersonaIds() const;

    QAction *newAction() const { return mNewAction; }
    QAction *editAction() const { return mEditAction; }
    QAction *duplicateAction() const { return mDuplicateAction; }
    QAction *deleteAction() const { return mDeleteAction; }
    QAction *moveUpAction() const { return mMoveUpAction; }
    QAction *moveDownAction() const { return mMoveDownAction; }

    // The editor the New and Edit actions opened, while it is open.
    PersonaEditor *openEditor() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void build();
    void followFilter();
    void newPersona();
    void editPersona();
    void duplicatePersona();
    void deletePersona();
    void movePersona(int by);
    void openEditorFor(const Persona &persona, bool isNew, int index);
    void push(std::unique_ptr<QUndoCommand> command);
    void updateActions();
    void updateDragging();
    void restoreCurrent();

    QPointer<Document> mDocument;
    PersonaListModel *mModel;
    PersonaFilterModel *mFilter;
    QListView *mView = nullptr; // nullptr until build()
    QPointer<PersonaEditor> mEditor;
    Id mCurrentId; // kept across the model's resets, so that the selection survives undo

    QAction *mNewAction;
    QAction *mEditAction;
    QAction *mDuplicateAction;
    QAction *mDeleteAction;
    QAction *mMoveUpAction;
    QAction *mMoveDownAction;
};

} // namespace Waymark
