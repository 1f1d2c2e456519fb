// The personas' journeys on one map's canvas: their paths over the cards, their emotion
// curves in the feelings lane, and the canvas's own view of them (who is shown, who is in
// focus, whether the future-state map's curves are drawn beside this map's). That view is
// no part of the document: it makes no undo step and lasts as long as the canvas does.
#pragma once

#include "entities.h"

#include <QList>
#include <QSet>

class QMenu;

namespace Waymark {

struct ChangeEvent;
class EmotionChartItem;
class EmotionCurveItem;
class MapScene;
class PersonaPathItem;
class PersonaStopsItem;

class PersonaOverlay
{
public:
    explicit PersonaOverlay(MapScene *scene);

    // Hidden personas have neither path nor curve; everyone else is shown.
    void setPersonaVisible(const Id &personaId, bool visible);
    bool isPersonaVisible(const Id &personaId) const;

    // Dims every card, connector and note of the map that the persona's path does not use,
    // and the other personas' paths and curves. A null id ends the focus.
    void setFocusPersona(const Id &personaId);
    Id focusPersona() const { return mFocus; }

    // Path lines of every shown persona, or only of the one in focus or being edited: on a
    // busy map several paths at once are hard to follow. While one persona is in focus, only
    // that persona's path shows either way.
    void setAllPathsShown(bool shown);
    bool allPathsShown() const { return mAllPaths; }

    // Draws the curves of the future-state map beside this current-state one, dashed, each
    // point at the stage of the same name. That map is the future-state map whose name
    // contains this map's name or is contained in it, else the project's only future-state
    // map; there is none when this map is a future-state map itself.
    void setComparing(bool compare);
    bool isComparing() const { return mCompare; }
    const JourneyMap *comparedMap() const;

    // While a persona's path is edited, clicks on cards add them to the path, one undo step
    // per click; Backspace takes the last step away; Enter or Escape end the mode.
    bool startPathEdit(const Id &personaId);
    void stopPathEdit();
    Id pathEditPersona() const { return mEditing; }
    bool appendToPath(const Id &personaId, const Id &touchpointId);
    bool removeLastStep(const Id &personaId);

    // The items, rebuilt from the model: by the scene's rebuild, or in place after a change
    // that moves no card (a score dragged, a persona recoloured). clear() deletes them.
    void rebuild();
    void clear();
    // After cards moved without a rebuild (a drag step): the paths, beads and curves follow
    // the new layout in place, and only what moved is drawn again.
    void followLayout();
    // Takes the change events the scene leaves to the overlay; true when nothing else on the
    // canvas needs to follow.
    bool takeChange(const ChangeEvent &event, bool rebuildPending);

    QList<PersonaPathItem *> pathItems() const { return mPaths; }
    QList<PersonaStopsItem *> stopItems() const { return mStops; }
    QList<EmotionCurveItem *> curveItems() const { return mCurves; }
    EmotionChartItem *chartItem() const { return mChart; }
    PersonaPathItem *pathItem(const Id &personaId) const;
    EmotionCurveItem *curveItem(const Id &personaId, bool comparison = false) const;

    // The left edge of the cells in view, right of the lane headers that stay in view: the
    // chart's legend and scale stay readable there as the map scrolls.
    void setVisibleLeft(qreal sceneX);

    // Dims what the focus leaves out, again: for items the scene made anew.
    void applyFocus();

    // "Add to Path of ▸" on a card's context menu.
    void addCardMenu(QMenu *menu, const Id &touchpointId);

    // The View ▸ Personas menu for the canvas shown, filled each time it opens; disabled
    // without a canvas or personas.
    static void fillViewMenu(QMenu *menu, MapScene *scene);

private:
    void refresh();
    void updateCurves();
    QList<Id> shownPersonas() const;
    QList<Id> personasWithLines() const;
    QString personaName(const Id &personaId) const;

    MapScene *mScene;
    QSet<Id> mHidden;
    Id mFocus;
    Id mEditing;
    bool mAllPaths = true;
    bool mCompare = false;
    qreal mVisibleLeft = 0;

    QList<PersonaPathItem *> mPaths;
    QList<PersonaStopsItem *> mStops;
    QList<EmotionCurveItem *> mCurves;
    EmotionChartItem *mChart = nullptr;
};

} // namespace Waymark
