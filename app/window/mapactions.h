// The Map menu of the main window and the menu of its tab bar: new maps (a blank grid, or a
// copy of a template's map), renaming, duplicating, deleting and reordering maps, marking a
// map as the current or the future state, and the stage and lane verbs that let a map be
// built from the keyboard. Every verb is one command or one macro on the document, so the
// tabs, which the window rebuilds from the model, follow undo and redo.
#pragma once

#include "entities.h"

#include <QObject>

#include <functional>
#include <optional>

class QAction;
class QActionGroup;
class QMenu;
class QTabWidget;

namespace Waymark {

class Document;
class MapScene;
class MapView;

class MapActions : public QObject
{
    Q_OBJECT

public:
    // tabs holds a MapView per map, as the window keeps them; the menus are parented to it.
    MapActions(QTabWidget *tabs, QWidget *window);
    ~MapActions() override;

    void setDocument(Document *document);

    QMenu *menu() const { return mMenu; }
    QMenu *tabMenu() const { return mTabMenu; } // a tab's context menu: the map verbs only
    QMenu *newMapMenu() const { return mNewMapMenu; }

    // The questions asked, answered by the window (and by tests without dialogs).
    std::function<bool(const JourneyMap &)> confirmDelete; // only for a map that has cards
    std::function<QString(const QString &name)> askName;   // empty: cancelled

    // Enables what the current map allows; the window calls it when the selection changes.
    void updateActions();

    // The verbs the actions trigger. Each returns whether it changed the document.
    bool addBlankMap();
    // The map at mapIndex of a built-in template, with new ids, and the template's personas
    // that walk through it unless the project already has them as they are.
    bool addTemplateMap(const QString &templateName, qsizetype mapIndex);
    bool renameMap(const Id &mapId, const QString &name);
    bool duplicateMap(const Id &mapId);
    bool deleteMap(const Id &mapId);
    bool moveMap(const Id &mapId, int offset); // -1: one place left, 1: right
    bool setMapKind(const Id &mapId, MapKind kind);
    // Opens an editor over the tab, as a double click does; Enter or leaving it renames.
    bool startRenameInPlace(int tabIndex);

    // The stage and lane of the selected cell, or of the first selected card.
    static std::optional<std::pair<Id, Id>> currentStageAndLane(const MapScene &scene);

    // A name no map of the project has yet: base, else "base 2", "base 3"…
    QString unusedMapName(const QString &base) const;

Q_SIGNALS:
    void message(const QString &text); // for the status bar

private:
    void createActions();
    void fillNewMapMenu();
    void showTabMenu(const QPoint &pos);
    MapView *currentView() const;
    const JourneyMap *currentMap() const;
    bool addMap(const JourneyMap &map, const QList<Persona> &personas, const QString &text);
    void showMapTab(const Id &mapId);
    bool addStageAfter();
    bool addLaneBelow();
    bool renameStage();
    bool renameLane();
    bool deleteStage();
    bool deleteLane();

    QTabWidget *mTabs;
    QWidget *mWindow;
    Document *mDocument = nullptr;
    QMenu *mMenu = nullptr;
    QMenu *mTabMenu = nullptr;
    QMenu *mNewMapMenu = nullptr;
    bool mNewMapMenuFilled = false;

    QAction *mBlankMapAction = nullptr;
    QAction *mRenameAction = nullptr;
    QAction *mDuplicateAction = nullptr;
    QAction *mDeleteAction = nullptr;
    QAction *mMoveLeftAction = nullptr;
    QAction *mMoveRightAction = nullptr;
    QAction *mPreviousAction = nullptr;
    QAction *mNextAction = nullptr;
    QActionGroup *mKindGroup = nullptr;
    QAction *mCurrentStateAction = nullptr;
    QAction *mFutureStateAction = nullptr;
    QAction *mAddStageAction = nullptr;
    QAction *mAddLaneAction = nullptr;
    QAction *mRenameStageAction = nullptr;
    QAction *mRenameLaneAction = nullptr;
    QAction *mDeleteStageAction = nullptr;
    QAction *mDeleteLaneAction = nullptr;
};

} // namespace Waymark
