#include "mapactions.h"

#include "commands.h"
#include "document.h"
#include "lookup.h"
#include "mapscene.h"
#include "mapview.h"
#include "templates.h"
#include "validation.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QFocusEvent>
#include <QHash>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QTabBar>
#include <QTabWidget>
#include <QUndoStack>

#include <tuple>
#include <utility>

using namespace Qt::StringLiterals;

namespace Waymark {

namespace {

// The editor laid over a tab by a double click. Enter or a click elsewhere renames, Escape
// leaves the name as it was; either way it reports once and deletes itself.
class TabNameEditor : public QLineEdit
{
public:
    using QLineEdit::QLineEdit;

    std::function<void(bool commit)> finished;

    void finish(bool commit)
    {
        if (mDone)
            return;
        mDone = true;
        if (finished)
            finished(commit);
        hide();
        deleteLater();
    }

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        switch (event->key()) {
        case Qt::Key_Escape:
            finish(false);
            return;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            finish(true);
            return;
        default:
            QLineEdit::keyPressEvent(event);
        }
    }

    void focusOutEvent(QFocusEvent *event) override
    {
        QLineEdit::focusOutEvent(event);
        // The line edit's own context menu takes the focus only for a while.
        if (event->reason() != Qt::PopupFocusReason)
            finish(true);
    }

private:
    bool mDone = false;
};

QString escapedForMenu(QString text)
{
    return text.replace(u'&', u"&&"_s);
}

qsizetype visibleLanes(const JourneyMap &map)
{
    return std::count_if(map.lanes.cbegin(), map.lanes.cend(),
                         [](const Lane &lane) { return !lane.hidden; });
}

} // namespace

MapActions::MapActions(QTabWidget *tabs, QWidget *window)
    : QObject(window)
    , mTabs(tabs)
    , mWindow(window)
{
    createActions();

    QTabBar *bar = mTabs->tabBar();
    connect(bar, &QTabBar::tabBarDoubleClicked, this,
            [this](int index) { startRenameInPlace(index); });
    bar->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(bar, &QWidget::customContextMenuRequested, this, &MapActions::showTabMenu);
    connect(mTabs, &QTabWidget::currentChanged, this, &MapActions::updateActions);
}

MapActions::~MapActions() = default;

void MapActions::createActions()
{
    auto make = [this](const QString &text, const QString &name, const QKeySequence &shortcut,
                       auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    auto onCurrentMap = [this](bool (MapActions::*verb)(const Id &)) {
        return [this, verb] {
            if (const JourneyMap *map = currentMap())
                (this->*verb)(map->id);
        };
    };

    mBlankMapAction =
        make(tr("&Blank Grid"), u"newBlankMap"_s, QKeySequence::AddTab, [this] { addBlankMap(); });
    mBlankMapAction->setStatusTip(tr("A new map with the five standard stages and lanes"));
    mRenameAction = make(tr("&Rename Map…"), u"renameMap"_s, {}, [this] {
        const JourneyMap *map = currentMap();
        if (!map || !askName)
            return;
        const Id id = map->id;
        const QString name = askName(map->name);
        if (!name.isEmpty())
            renameMap(id, name);
    });
    mDuplicateAction =
        make(tr("D&uplicate Map"), u"duplicateMap"_s, {}, onCurrentMap(&MapActions::duplicateMap));
    mDeleteAction =
        make(tr("&Delete Map"), u"deleteMap"_s, {}, onCurrentMap(&MapActions::deleteMap));
    mDeleteAction->setStatusTip(
        tr("Delete the current map; Undo brings it back. A project keeps at least one map."));

    // Ctrl+Page Up and Down go from tab to tab as in browsers and spreadsheets; with Shift
    // they carry the tab along.
    mMoveLeftAction = make(tr("Move Map &Left"), u"moveMapLeft"_s,
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_PageUp), [this] {
                               if (const JourneyMap *map = currentMap())
                                   moveMap(map->id, -1);
                           });
    mMoveRightAction = make(tr("Move Map Righ&t"), u"moveMapRight"_s,
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_PageDown), [this] {
                                if (const JourneyMap *map = currentMap())
                                    moveMap(map->id, 1);
                            });
    auto step = [this](int offset) {
        const int count = mTabs->count();
        if (count < 2)
            return;
        mTabs->setCurrentIndex((mTabs->currentIndex() + offset + count) % count);
        if (MapView *view = currentView())
            view->setFocus(Qt::TabFocusReason);
    };
    mPreviousAction = make(tr("&Previous Map"), u"previousMap"_s,
                           QKeySequence(Qt::CTRL | Qt::Key_PageUp), [step] { step(-1); });
    mNextAction = make(tr("Ne&xt Map"), u"nextMap"_s, QKeySequence(Qt::CTRL | Qt::Key_PageDown),
                       [step] { step(1); });

    mKindGroup = new QActionGroup(this);
    mKindGroup->setExclusive(true);
    mCurrentStateAction = make(tr("&Current State"), u"currentStateMap"_s, {}, [this] {
        if (const JourneyMap *map = currentMap())
            setMapKind(map->id, MapKind::CurrentState);
    });
    mCurrentStateAction->setStatusTip(tr("This map shows the journey as customers live it today"));
    mFutureStateAction = make(tr("&Future State"), u"futureStateMap"_s, {}, [this] {
        if (const JourneyMap *map = currentMap())
            setMapKind(map->id, MapKind::FutureState);
    });
    mFutureStateAction->setStatusTip(tr("This map shows the journey as it is meant to become"));
    for (QAction *action : {mCurrentStateAction, mFutureStateAction}) {
        action->setCheckable(true);
        mKindGroup->addAction(action);
    }

    // Stages and lanes of the current map: where the selection is, so that a map can be
    // built without the mouse. Ctrl+Shift with an arrow adds in that direction.
    mAddStageAction =
        make(tr("Add &Stage After"), u"addStageAfterCurrent"_s,
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Right), [this] { addStageAfter(); });
    mAddLaneAction =
        make(tr("Add Lane &Below"), u"addLaneBelowCurrent"_s,
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down), [this] { addLaneBelow(); });
    // F2 alone renames the selected card, as in a file manager; with Shift its stage, with
    // Ctrl its lane.
    mRenameStageAction = make(tr("Rena&me Stage"), u"renameCurrentStage"_s,
                              QKeySequence(Qt::SHIFT | Qt::Key_F2), [this] { renameStage(); });
    mRenameLaneAction = make(tr("Renam&e Lane"), u"renameCurrentLane"_s,
                             QKeySequence(Qt::CTRL | Qt::Key_F2), [this] { renameLane(); });
    // Deleting a stage or lane takes every card in it along: no key of its own near Delete,
    // only the menu (Alt+M, then G or A).
    mDeleteStageAction =
        make(tr("Delete Sta&ge"), u"deleteCurrentStage"_s, {}, [this] { deleteStage(); });
    mDeleteLaneAction =
        make(tr("Delete L&ane"), u"deleteCurrentLane"_s, {}, [this] { deleteLane(); });
    const QString where = tr("The stage and lane are those of the selected card or cell.");
    for (QAction *action : {mAddStageAction, mAddLaneAction, mRenameStageAction, mRenameLaneAction,
                            mDeleteStageAction, mDeleteLaneAction})
        action->setStatusTip(where);

    mMenu = new QMenu(tr("&Map"), mWindow);
    mMenu->setObjectName(u"mapMenu"_s);
    mNewMapMenu = mMenu->addMenu(tr("&New Map"));
    mNewMapMenu->setObjectName(u"newMapMenu"_s);
    mNewMapMenu->addAction(mBlankMapAction);
    connect(mNewMapMenu, &QMenu::aboutToShow, this, &MapActions::fillNewMapMenu);
    mMenu->addAction(mRenameAction);
    mMenu->addAction(mDuplicateAction);
    mMenu->addAction(mDeleteAction);
    mMenu->addSeparator();
    mMenu->addAction(mCurrentStateAction);
    mMenu->addAction(mFutureStateAction);
    mMenu->addSeparator();
    mMenu->addAction(mMoveLeftAction);
    mMenu->addAction(mMoveRightAction);
    mMenu->addAction(mPreviousAction);
    mMenu->addAction(mNextAction);
    mMenu->addSeparator();
    mMenu->addAction(mAddStageAction);
    mMenu->addAction(mAddLaneAction);
    mMenu->addAction(mRenameStageAction);
    mMenu->addAction(mRenameLaneAction);
    mMenu->addAction(mDeleteStageAction);
    mMenu->addAction(mDeleteLaneAction);

    mTabMenu = new QMenu(mWindow);
    mTabMenu->setObjectName(u"mapTabMenu"_s);
    mTabMenu->addMenu(mNewMapMenu);
    mTabMenu->addAction(mRenameAction);
    mTabMenu->addAction(mDuplicateAction);
    mTabMenu->addAction(mDeleteAction);
    mTabMenu->addSeparator();
    mTabMenu->addAction(mCurrentStateAction);
    mTabMenu->addAction(mFutureStateAction);
    mTabMenu->addSeparator();
    mTabMenu->addAction(mMoveLeftAction);
    mTabMenu->addAction(mMoveRightAction);

    updateActions();
}

void MapActions::fillNewMapMenu()
{
    // The templates' maps are read the first time the menu opens, not at every start.
    if (mNewMapMenuFilled)
        return;
    mNewMapMenuFilled = true;
    bool separated = false;
    for (const QString &name : Templates::names()) {
        if (name == u"blank"_s)
            continue; // that is the blank grid above
        StorageError error;
        const std::optional<Project> project = Templates::instantiate(name, &error);
        if (!project)
            continue;
        if (!separated) {
            mNewMapMenu->addSection(tr("From a Template"));
            separated = true;
        }
        for (qsizetype i = 0; i < project->maps.size(); ++i) {
            const QString text =
                project->maps.size() == 1
                    ? Templates::displayName(name)
                    : tr("%1: %2").arg(Templates::displayName(name), project->maps.at(i).name);
            QAction *action = mNewMapMenu->addAction(escapedForMenu(text), this,
                                                     [this, name, i] { addTemplateMap(name, i); });
            action->setObjectName(u"newMapFrom-%1-%2"_s.arg(name).arg(i));
        }
    }
    updateActions();
}

void MapActions::setDocument(Document *document)
{
    if (mDocument)
        disconnect(mDocument, nullptr, this, nullptr);
    mDocument = document;
    if (mDocument)
        connect(mDocument, &Document::changed, this, &MapActions::updateActions);
    updateActions();
}

MapView *MapActions::currentView() const
{
    return qobject_cast<MapView *>(mTabs->currentWidget());
}

const JourneyMap *MapActions::currentMap() const
{
    const MapView *view = currentView();
    return view && mDocument ? findById(mDocument->project().maps, view->mapId()) : nullptr;
}

void MapActions::updateActions()
{
    const JourneyMap *map = currentMap();
    const qsizetype count = mDocument ? mDocument->project().maps.size() : 0;
    const qsizetype index = map ? indexOfId(mDocument->project().maps, map->id) : -1;

    mBlankMapAction->setEnabled(mDocument);
    for (QAction *action : mNewMapMenu->actions())
        action->setEnabled(mDocument);
    mRenameAction->setEnabled(map);
    mDuplicateAction->setEnabled(map);
    mDeleteAction->setEnabled(map && count > 1);
    mMoveLeftAction->setEnabled(map && index > 0);
    mMoveRightAction->setEnabled(map && index + 1 < count);
    mPreviousAction->setEnabled(mTabs->count() > 1);
    mNextAction->setEnabled(mTabs->count() > 1);
    mKindGroup->setEnabled(map);
    if (map) {
        (map->kind == MapKind::FutureState ? mFutureStateAction : mCurrentStateAction)
            ->setChecked(true);
    }

    // These stay on while a map shows, whatever is selected: a selected cell sends no
    // signal, and a shortcut must not be dead because of it. Without a selection they say
    // what they need.
    mAddStageAction->setEnabled(map);
    mAddLaneAction->setEnabled(map);
    mRenameStageAction->setEnabled(map);
    mRenameLaneAction->setEnabled(map);
    // As on the canvas, a map keeps at least one stage and one lane to show.
    mDeleteStageAction->setEnabled(map && map->stages.size() > 1);
    mDeleteLaneAction->setEnabled(map && visibleLanes(*map) > 1);
}

QString MapActions::unusedMapName(const QString &base) const
{
    if (!mDocument)
        return base;
    auto taken = [this](const QString &name) {
        const QList<JourneyMap> &maps = mDocument->project().maps;
        return std::any_of(maps.cbegin(), maps.cend(),
                           [&](const JourneyMap &m) { return m.name == name; });
    };
    if (!taken(base))
        return base;
    for (int n = 2;; ++n) {
        const QString name =
            tr("%1 %2", "a map's name and a number that sets it apart").arg(base).arg(n);
        if (!taken(name))
            return name;
    }
}

bool MapActions::addMap(const JourneyMap &map, const QList<Persona> &personas, const QString &text)
{
    if (!mDocument)
        return false;
    // A new map goes right after the one in view, as a spreadsheet inserts a sheet.
    const JourneyMap *current = currentMap();
    const int index = current ? int(indexOfId(mDocument->project().maps, current->id)) + 1
                              : int(mDocument->project().maps.size());

    Commands::Command add = Commands::addMap(mDocument, index, map);
    if (!add)
        return false;
    add->setText(text);
    if (personas.isEmpty()) {
        mDocument->push(add.release());
    } else {
        // The personas first, so that the map's paths find them: one step for it all.
        QUndoStack *stack = mDocument->undoStack();
        stack->beginMacro(text);
        for (const Persona &persona : personas) {
            const int end = int(mDocument->project().personas.size());
            if (Commands::Command command = Commands::addPersona(mDocument, end, persona))
                mDocument->push(command.release());
        }
        mDocument->push(add.release());
        stack->endMacro();
    }
    showMapTab(map.id);
    return true;
}

void MapActions::showMapTab(const Id &mapId)
{
    for (int i = 0; i < mTabs->count(); ++i) {
        auto *view = qobject_cast<MapView *>(mTabs->widget(i));
        if (view && view->mapId() == mapId) {
            mTabs->setCurrentIndex(i);
            view->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
}

bool MapActions::addBlankMap()
{
    StorageError error;
    const std::optional<Project> blank = Templates::instantiate(u"blank"_s, &error);
    if (!blank || blank->maps.isEmpty()) {
        Q_EMIT message(tr("The blank grid could not be made: %1").arg(error.message));
        return false;
    }
    JourneyMap map = blank->maps.first();
    map.name = unusedMapName(tr("New map"));
    if (!addMap(map, {}, tr("New Map")))
        return false;
    // A new map is nearly always named straight away.
    startRenameInPlace(mTabs->currentIndex());
    return true;
}

bool MapActions::addTemplateMap(const QString &templateName, qsizetype mapIndex)
{
    if (!mDocument)
        return false;
    StorageError error;
    const std::optional<Project> source = Templates::instantiate(templateName, &error);
    if (!source || mapIndex < 0 || mapIndex >= source->maps.size()) {
        Q_EMIT message(tr("The template “%1” could not be read: %2")
                           .arg(Templates::displayName(templateName), error.message));
        return false;
    }
    JourneyMap map = source->maps.at(mapIndex);
    map.name = unusedMapName(map.name);

    // The personas whose paths cross the map come along; one the project already has, as
    // the template describes it, is not added twice when a second copy of the map comes.
    QList<Persona> personas;
    const QList<Persona> &existing = mDocument->project().personas;
    for (const Persona &persona : source->personas) {
        const bool walks =
            std::any_of(map.personaSteps.cbegin(), map.personaSteps.cend(),
                        [&](const PersonaStep &s) { return s.personaId == persona.id; });
        if (!walks)
            continue;
        const auto same = std::find_if(existing.cbegin(), existing.cend(), [&](Persona other) {
            other.id = persona.id;
            return other == persona;
        });
        if (same == existing.cend()) {
            personas.append(persona);
            continue;
        }
        for (PersonaStep &s : map.personaSteps) {
            if (s.personaId == persona.id)
                s.personaId = same->id;
        }
    }
    return addMap(map, personas, tr("New Map from Template"));
}

bool MapActions::renameMap(const Id &mapId, const QString &name)
{
    const QString simplified = name.simplified();
    if (!mDocument || simplified.isEmpty())
        return false;
    Commands::Command command = Commands::renameMap(mDocument, mapId, simplified);
    if (!command)
        return false;
    mDocument->push(command.release());
    return true;
}

bool MapActions::duplicateMap(const Id &mapId)
{
    if (!mDocument)
        return false;
    const Project &project = mDocument->project();
    const JourneyMap *source = findById(project.maps, mapId);
    if (!source)
        return false;

    // withNewIds renews every id and every reference with it, the personas' too; the copy
    // still follows the project's own personas, so their ids go back.
    Project scratch;
    scratch.maps = {*source};
    scratch.personas = project.personas;
    const Project renewed = withNewIds(scratch);
    QHash<Id, Id> personaIds;
    for (qsizetype i = 0; i < scratch.personas.size(); ++i)
        personaIds.insert(renewed.personas.at(i).id, scratch.personas.at(i).id);
    JourneyMap copy = renewed.maps.first();
    for (PersonaStep &s : copy.personaSteps)
        s.personaId = personaIds.value(s.personaId, s.personaId);
    copy.name = unusedMapName(tr("%1 (copy)", "the name of a duplicated map").arg(source->name));
    return addMap(copy, {}, tr("Duplicate Map"));
}

bool MapActions::deleteMap(const Id &mapId)
{
    if (!mDocument)
        return false;
    const Project &project = mDocument->project();
    const JourneyMap *map = findById(project.maps, mapId);
    if (!map)
        return false;
    if (project.maps.size() <= 1) {
        Q_EMIT message(tr("A project keeps at least one map. Add another map before deleting "
                          "this one."));
        return false;
    }
    // Undo brings a map back whole; only one with cards on it is worth a question.
    if (!map->touchpoints.isEmpty() && confirmDelete && !confirmDelete(*map))
        return false;
    Commands::Command command = Commands::removeMap(mDocument, mapId);
    if (!command)
        return false;
    mDocument->push(command.release());
    if (MapView *view = currentView())
        view->setFocus(Qt::OtherFocusReason);
    return true;
}

bool MapActions::moveMap(const Id &mapId, int offset)
{
    if (!mDocument)
        return false;
    const qsizetype index = indexOfId(mDocument->project().maps, mapId);
    const qsizetype to = index + offset;
    if (index < 0 || to < 0 || to >= mDocument->project().maps.size())
        return false;
    Commands::Command command = Commands::moveMap(mDocument, mapId, int(to));
    if (!command)
        return false;
    mDocument->push(command.release());
    return true;
}

bool MapActions::setMapKind(const Id &mapId, MapKind kind)
{
    if (!mDocument)
        return false;
    Commands::Command command = Commands::setMapKind(mDocument, mapId, kind);
    if (!command)
        return false;
    mDocument->push(command.release());
    return true;
}

bool MapActions::startRenameInPlace(int tabIndex)
{
    auto *view = qobject_cast<MapView *>(mTabs->widget(tabIndex));
    const JourneyMap *map =
        view && mDocument ? findById(mDocument->project().maps, view->mapId()) : nullptr;
    if (!map)
        return false;

    QTabBar *bar = mTabs->tabBar();
    // One editor at a time: one still open on another tab finishes first.
    for (QLineEdit *open : bar->findChildren<QLineEdit *>(u"mapNameEditor"_s)) {
        if (auto *other = dynamic_cast<TabNameEditor *>(open))
            other->finish(true);
    }
    auto *editor = new TabNameEditor(map->name, bar);
    editor->setObjectName(u"mapNameEditor"_s);
    editor->setGeometry(bar->tabRect(tabIndex).adjusted(2, 2, -2, -2));
    editor->selectAll();
    const Id mapId = map->id;
    QPointer<MapView> back = view;
    editor->finished = [this, editor, mapId, back](bool commit) {
        const QString text = editor->text();
        if (commit)
            renameMap(mapId, text);
        // Typing goes on on the canvas, unless the click that ended the edit went elsewhere.
        if (back && (!QApplication::focusWidget() || QApplication::focusWidget() == editor))
            back->setFocus(Qt::OtherFocusReason);
    };
    editor->show();
    editor->setFocus(Qt::OtherFocusReason);
    return true;
}

void MapActions::showTabMenu(const QPoint &pos)
{
    QTabBar *bar = mTabs->tabBar();
    const int index = bar->tabAt(pos);
    if (index < 0)
        return;
    // The menu acts on the tab it was opened on, as in a spreadsheet.
    mTabs->setCurrentIndex(index);
    updateActions();
    mTabMenu->exec(bar->mapToGlobal(pos));
}

std::optional<std::pair<Id, Id>> MapActions::currentStageAndLane(const MapScene &scene)
{
    if (const std::optional<MapLayout::Cell> cell = scene.selectedCell())
        return std::pair(cell->stageId, cell->laneId);
    const JourneyMap *map = scene.map();
    if (!map)
        return std::nullopt;

    // Of several selected cards, the first one in reading order.
    std::optional<std::pair<Id, Id>> found;
    std::tuple<qsizetype, qsizetype, int> best;
    for (const Id &id : scene.selectedTouchpoints()) {
        const Touchpoint *t = findById(map->touchpoints, id);
        if (!t)
            continue;
        const std::tuple key(indexOfId(map->stages, t->stageId), indexOfId(map->lanes, t->laneId),
                             t->order);
        if (!found || key < best) {
            found = std::pair(t->stageId, t->laneId);
            best = key;
        }
    }
    return found;
}

bool MapActions::addStageAfter()
{
    MapView *view = currentView();
    const JourneyMap *map = currentMap();
    if (!view || !map)
        return false;
    MapScene *scene = view->mapScene();
    const auto current = currentStageAndLane(*scene);
    // Without a selection the stage goes at the end of the journey.
    const int index =
        current ? int(indexOfId(map->stages, current->first)) + 1 : int(map->stages.size());
    if (!scene->addStage(index))
        return false;

    // The selection moves into the new stage, where its first card will be typed once it
    // is named.
    const JourneyMap *changed = scene->map();
    if (current && changed && index < changed->stages.size())
        scene->selectCell(MapLayout::Cell{changed->stages.at(index).id, current->second});
    return true;
}

bool MapActions::addLaneBelow()
{
    MapView *view = currentView();
    const JourneyMap *map = currentMap();
    if (!view || !map)
        return false;
    MapScene *scene = view->mapScene();
    const auto current = currentStageAndLane(*scene);
    const int index =
        current ? int(indexOfId(map->lanes, current->second)) + 1 : int(map->lanes.size());
    if (!scene->addLane(index))
        return false;

    const JourneyMap *changed = scene->map();
    if (current && changed && index < changed->lanes.size())
        scene->selectCell(MapLayout::Cell{current->first, changed->lanes.at(index).id});
    return true;
}

bool MapActions::renameStage()
{
    MapView *view = currentView();
    const auto current = view ? currentStageAndLane(*view->mapScene()) : std::nullopt;
    if (!current) {
        Q_EMIT message(tr("Select a card or a cell first: its stage is the one renamed."));
        return false;
    }
    return view->mapScene()->startRename(current->first);
}

bool MapActions::renameLane()
{
    MapView *view = currentView();
    const auto current = view ? currentStageAndLane(*view->mapScene()) : std::nullopt;
    if (!current) {
        Q_EMIT message(tr("Select a card or a cell first: its lane is the one renamed."));
        return false;
    }
    return view->mapScene()->startRename(current->second);
}

bool MapActions::deleteStage()
{
    MapView *view = currentView();
    const JourneyMap *map = currentMap();
    const auto current = view ? currentStageAndLane(*view->mapScene()) : std::nullopt;
    if (!current) {
        Q_EMIT message(tr("Select a card or a cell first: its stage is the one deleted."));
        return false;
    }
    if (!map || map->stages.size() <= 1)
        return false;
    return view->mapScene()->removeStage(current->first);
}

bool MapActions::deleteLane()
{
    MapView *view = currentView();
    const JourneyMap *map = currentMap();
    const auto current = view ? currentStageAndLane(*view->mapScene()) : std::nullopt;
    if (!current) {
        Q_EMIT message(tr("Select a card or a cell first: its lane is the one deleted."));
        return false;
    }
    if (!map || visibleLanes(*map) <= 1)
        return false;
    return view->mapScene()->removeLane(current->second);
}

} // namespace Waymark
