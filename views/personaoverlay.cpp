#include "personaoverlay.h"

#include "annotationitems.h"
#include "changeevent.h"
#include "commands.h"
#include "connectoritem.h"
#include "document.h"
#include "emotioncurveitem.h"
#include "lookup.h"
#include "mapscene.h"
#include "personapathitem.h"
#include "touchpointcarditem.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QMenu>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Waymark {

namespace {

// Path lines pass over the connectors and under the cards; their beads lie on the cards.
// The chart and its curves have the bottom of the feelings lane to themselves.
constexpr qreal pathZ = -0.5;
constexpr qreal stopsZ = 3;
constexpr qreal chartZ = 0.5;
constexpr qreal curveZ = 2;
constexpr qreal comparisonZ = 1.5;

// What the focus leaves in the background stays legible, only quieter.
constexpr qreal dimmedOpacity = 0.22;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Waymark::PersonaOverlay)
};

QString escapedForMenu(QString text)
{
    return text.replace(u'&', u"&&"_s);
}

QColor personaColor(const Persona &persona, qsizetype index)
{
    if (persona.color.isValid())
        return persona.color;
    static const QColor fallback[] = {QColor(0x26, 0x46, 0x53), QColor(0xe9, 0xc4, 0x6a),
                                      QColor(0x6a, 0x4c, 0x93), QColor(0x1d, 0x7d, 0xa8)};
    return fallback[index % std::size(fallback)];
}

bool sameName(const QString &a, const QString &b)
{
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

// The curve's points for one persona's path on map, placed at the columns of shown: each
// step at the column of its touchpoint's stage (for another map, the stage of the same name),
// several steps in one stage spread across its width in the order taken, and the points in
// the order of the stages.
QList<EmotionCurveItem::Point> curvePoints(const JourneyMap &map, const Id &personaId,
                                           const JourneyMap &shown, const MapLayout &layout)
{
    // The path's cards, found in one pass over the map's: it follows each drag step that
    // moves one of them, and a map may have thousands.
    const QList<const PersonaStep *> path = personaPath(map, personaId);
    QHash<Id, const Touchpoint *> touchpoints;
    for (const PersonaStep *step : path)
        touchpoints.insert(step->touchpointId, nullptr);
    for (const Touchpoint &touchpoint : map.touchpoints) {
        const auto it = touchpoints.find(touchpoint.id);
        if (it != touchpoints.end())
            *it = &touchpoint;
    }

    struct Placed
    {
        const PersonaStep *step;
        const Touchpoint *touchpoint;
        qsizetype column;
    };
    QList<Placed> placed;
    QHash<qsizetype, int> perColumn;
    for (const PersonaStep *step : path) {
        const Touchpoint *touchpoint = touchpoints.value(step->touchpointId);
        const Stage *stage = touchpoint ? findById(map.stages, touchpoint->stageId) : nullptr;
        if (!stage)
            continue;
        qsizetype column = -1;
        if (&map == &shown) {
            column = indexOfId(shown.stages, stage->id);
        } else {
            const auto it =
                std::find_if(shown.stages.cbegin(), shown.stages.cend(),
                             [stage](const Stage &s) { return sameName(s.name, stage->name); });
            column = it == shown.stages.cend() ? -1 : qsizetype(it - shown.stages.cbegin());
        }
        if (column < 0 || column >= layout.columns().size())
            continue; // a future stage the current map does not have: no place for it
        placed.append({step, touchpoint, column});
        ++perColumn[column];
    }

    // The curve reads left to right, stage by stage: a path that goes back to an earlier
    // stage shows there, in the order taken, rather than as a line doubling back.
    std::stable_sort(placed.begin(), placed.end(),
                     [](const Placed &a, const Placed &b) { return a.column < b.column; });
    QList<EmotionCurveItem::Point> points;
    QHash<qsizetype, int> seen;
    for (const auto &[step, touchpoint, column] : std::as_const(placed)) {
        const MapLayout::Column &c = layout.columns().at(column);
        const int slot = seen[column]++;
        const qreal x = c.x + c.width * (slot + 0.5) / perColumn.value(column);
        points.append(
            {step->id, step->order + 1, x, step->emotion, step->feeling, touchpoint->title});
    }
    return points;
}

bool samePoints(const QList<EmotionCurveItem::Point> &a, const QList<EmotionCurveItem::Point> &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(),
                      [](const EmotionCurveItem::Point &p, const EmotionCurveItem::Point &q) {
                          return p.stepId == q.stepId && p.number == q.number && p.x == q.x &&
                                 p.emotion == q.emotion && p.feeling == q.feeling &&
                                 p.touchpointTitle == q.touchpointTitle;
                      });
}

bool sameLegend(const QList<EmotionChartItem::LegendEntry> &a,
                const QList<EmotionChartItem::LegendEntry> &b)
{
    return std::equal(
        a.cbegin(), a.cend(), b.cbegin(), b.cend(),
        [](const EmotionChartItem::LegendEntry &p, const EmotionChartItem::LegendEntry &q) {
            return p.name == q.name && p.color == q.color && p.dashed == q.dashed;
        });
}

} // namespace

PersonaOverlay::PersonaOverlay(MapScene *scene)
    : mScene(scene)
{}

void PersonaOverlay::setPersonaVisible(const Id &personaId, bool visible)
{
    if (visible == isPersonaVisible(personaId))
        return;
    if (visible)
        mHidden.remove(personaId);
    else
        mHidden.insert(personaId);
    refresh();
}

bool PersonaOverlay::isPersonaVisible(const Id &personaId) const
{
    return !mHidden.contains(personaId);
}

void PersonaOverlay::setFocusPersona(const Id &personaId)
{
    if (personaId == mFocus)
        return;
    mFocus = personaId;
    // The persona in focus is shown, whatever was hidden before.
    if (!mFocus.isNull())
        mHidden.remove(mFocus);
    refresh();
}

void PersonaOverlay::setAllPathsShown(bool shown)
{
    if (shown == mAllPaths)
        return;
    mAllPaths = shown;
    refresh();
}

void PersonaOverlay::setComparing(bool compare)
{
    if (compare == mCompare)
        return;
    mCompare = compare;
    refresh();
}

const JourneyMap *PersonaOverlay::comparedMap() const
{
    const JourneyMap *map = mScene->map();
    if (!map || map->kind != MapKind::CurrentState || !mScene->document())
        return nullptr;
    const QString name = map->name.trimmed();
    const JourneyMap *only = nullptr;
    int futures = 0;
    for (const JourneyMap &other : mScene->document()->project().maps) {
        if (other.kind != MapKind::FutureState || other.id == map->id)
            continue;
        const QString otherName = other.name.trimmed();
        if (!name.isEmpty() && !otherName.isEmpty() &&
            (otherName.contains(name, Qt::CaseInsensitive) ||
             name.contains(otherName, Qt::CaseInsensitive)))
            return &other;
        only = &other;
        ++futures;
    }
    return futures == 1 ? only : nullptr;
}

QString PersonaOverlay::personaName(const Id &personaId) const
{
    const Document *document = mScene->document();
    const Persona *persona = document ? findById(document->project().personas, personaId) : nullptr;
    return persona ? persona->name : QString();
}

bool PersonaOverlay::startPathEdit(const Id &personaId)
{
    const QString name = personaName(personaId);
    if (name.isEmpty() || !mScene->map())
        return false;
    mEditing = personaId;
    mHidden.remove(personaId);
    refresh();
    Q_EMIT mScene->message(
        Text::tr("Editing the path of %1: click the touchpoints in the order taken. "
                 "Backspace removes the last step; Enter or Escape ends.")
            .arg(name));
    return true;
}

void PersonaOverlay::stopPathEdit()
{
    if (mEditing.isNull())
        return;
    const QString name = personaName(mEditing);
    const JourneyMap *map = mScene->map();
    const int steps = map ? int(personaPath(*map, mEditing).size()) : 0;
    mEditing = Id();
    refresh();
    Q_EMIT mScene->message(Text::tr("The path of %1 has %n step(s).", "", steps).arg(name));
}

bool PersonaOverlay::appendToPath(const Id &personaId, const Id &touchpointId)
{
    Document *document = mScene->document();
    const JourneyMap *map = mScene->map();
    const QString name = personaName(personaId);
    const Touchpoint *touchpoint = map ? findById(map->touchpoints, touchpointId) : nullptr;
    if (!document || !touchpoint || name.isEmpty())
        return false;

    // Staying at a touchpoint is no step: a double click adds it once.
    const QList<const PersonaStep *> path = personaPath(*map, personaId);
    if (!path.isEmpty() && path.last()->touchpointId == touchpointId) {
        Q_EMIT mScene->message(Text::tr("%1 is already the last step of %2's path.")
                                   .arg(touchpoint->title.simplified(), name));
        return false;
    }

    PersonaStep step;
    step.id = newId();
    step.personaId = personaId;
    step.touchpointId = touchpointId;
    step.order = int(path.size());
    const QString title = touchpoint->title.simplified();
    Commands::Command command = Commands::addPersonaStep(document, map->id, step.order, step);
    if (!command)
        return false;
    document->push(command.release());
    Q_EMIT mScene->message(
        Text::tr("Step %1 of %2's path: %3.").arg(QString::number(step.order + 1), name, title));
    return true;
}

bool PersonaOverlay::removeLastStep(const Id &personaId)
{
    Document *document = mScene->document();
    const JourneyMap *map = mScene->map();
    if (!document || !map)
        return false;
    const QList<const PersonaStep *> path = personaPath(*map, personaId);
    if (path.isEmpty())
        return false;
    Commands::Command command = Commands::removePersonaStep(document, path.last()->id);
    if (!command)
        return false;
    document->push(command.release());
    Q_EMIT mScene->message(Text::tr("%1's path has %n step(s) now.", "", int(path.size() - 1))
                               .arg(personaName(personaId)));
    return true;
}

void PersonaOverlay::setVisibleLeft(qreal sceneX)
{
    mVisibleLeft = sceneX;
    if (mChart)
        mChart->setLabelLeft(sceneX);
}

void PersonaOverlay::clear()
{
    qDeleteAll(mPaths);
    mPaths.clear();
    qDeleteAll(mStops);
    mStops.clear();
    qDeleteAll(mCurves);
    mCurves.clear();
    delete mChart;
    mChart = nullptr;
}

void PersonaOverlay::rebuild()
{
    clear();
    refresh();
}

QList<Id> PersonaOverlay::shownPersonas() const
{
    QList<Id> ids;
    const Document *document = mScene->document();
    if (!document)
        return ids;
    for (const Persona &persona : document->project().personas) {
        if (isPersonaVisible(persona.id))
            ids.append(persona.id);
    }
    return ids;
}

PersonaPathItem *PersonaOverlay::pathItem(const Id &personaId) const
{
    for (PersonaPathItem *item : mPaths) {
        if (item->personaId() == personaId)
            return item;
    }
    return nullptr;
}

EmotionCurveItem *PersonaOverlay::curveItem(const Id &personaId, bool comparison) const
{
    for (EmotionCurveItem *item : mCurves) {
        if (item->personaId() == personaId && item->isComparison() == comparison)
            return item;
    }
    return nullptr;
}

void PersonaOverlay::refresh()
{
    qDeleteAll(mPaths);
    mPaths.clear();
    qDeleteAll(mStops);
    mStops.clear();

    const JourneyMap *map = mScene->map();
    const Document *document = mScene->document();
    if (!map || !document) {
        clear();
        return;
    }
    const QList<Persona> &personas = document->project().personas;
    const QList<Id> withLines = personasWithLines();
    const QHash<Id, QList<PathStop>> stops = placePathStops(*map, mScene->mapLayout(), withLines);
    for (const Id &id : std::as_const(withLines)) {
        const qsizetype index = indexOfId(personas, id);
        const QList<PathStop> list = stops.value(id);
        if (index < 0 || list.isEmpty())
            continue;
        const QColor color = personaColor(personas[index], index);
        auto *line = new PersonaPathItem(id, color, list);
        line->setZValue(pathZ);
        mScene->addItem(line);
        mPaths.append(line);
        auto *beads = new PersonaStopsItem(id, color, list);
        beads->setZValue(stopsZ);
        mScene->addItem(beads);
        mStops.append(beads);
    }

    updateCurves();
    applyFocus();
}

QList<Id> PersonaOverlay::personasWithLines() const
{
    // With a persona in focus the other paths would only cross the one being followed.
    const Document *document = mScene->document();
    const bool focusing = document && indexOfId(document->project().personas, mFocus) >= 0;
    QList<Id> withLines;
    for (const Id &id : shownPersonas()) {
        if ((mAllPaths && !focusing) || id == mFocus || id == mEditing)
            withLines.append(id);
    }
    return withLines;
}

void PersonaOverlay::followLayout()
{
    const JourneyMap *map = mScene->map();
    if (!map || !mScene->document()) {
        clear();
        return;
    }
    // The same personas have lines as before: a move changes places, not who is shown.
    const QList<Id> withLines = personasWithLines();
    const QHash<Id, QList<PathStop>> stops = placePathStops(*map, mScene->mapLayout(), withLines);
    qsizetype lines = 0;
    for (const Id &id : withLines)
        lines += stops.value(id).isEmpty() ? 0 : 1;
    if (lines != mPaths.size()) {
        refresh();
        return;
    }
    for (PersonaPathItem *item : std::as_const(mPaths)) {
        if (!stops.contains(item->personaId())) {
            refresh();
            return;
        }
        item->setStops(stops.value(item->personaId()));
    }
    for (PersonaStopsItem *item : std::as_const(mStops))
        item->setStops(stops.value(item->personaId()));
    updateCurves();
}

void PersonaOverlay::updateCurves()
{
    const JourneyMap *map = mScene->map();
    const MapLayout &layout = mScene->mapLayout();
    QRectF chartRect;
    for (qsizetype r = 0; r < layout.rows().size() && chartRect.isEmpty(); ++r) {
        const Lane *lane = findById(map->lanes, layout.rows().at(r).laneId);
        if (lane && lane->kind == LaneKind::Feelings)
            chartRect = layout.chartRect(r);
    }
    if (chartRect.isEmpty()) {
        qDeleteAll(mCurves);
        mCurves.clear();
        delete mChart;
        mChart = nullptr;
        return;
    }
    // Curves are made for one chart: a chart that moved takes new ones. Otherwise they stay,
    // so that the point being dragged keeps the mouse.
    if (!mChart || mChart->boundingRect() != chartRect) {
        qDeleteAll(mCurves);
        mCurves.clear();
        delete mChart;
        mChart = new EmotionChartItem(chartRect);
        mChart->setZValue(chartZ);
        mChart->setLabelLeft(mVisibleLeft);
        mScene->addItem(mChart);
    }
    const QRectF plot = mChart->plotRect();

    const QList<Persona> &personas = mScene->document()->project().personas;
    const JourneyMap *future = mCompare ? comparedMap() : nullptr;
    QList<EmotionCurveItem *> kept;
    QList<EmotionChartItem::LegendEntry> legend;
    QList<EmotionChartItem::LegendEntry> futureLegend;
    for (const Id &id : shownPersonas()) {
        const qsizetype index = indexOfId(personas, id);
        const Persona &persona = personas[index];
        const QColor color = personaColor(persona, index);
        for (const bool comparison : {false, true}) {
            const JourneyMap *source = comparison ? future : map;
            if (!source)
                continue;
            const QList<EmotionCurveItem::Point> points = curvePoints(*source, id, *map, layout);
            if (points.isEmpty())
                continue;
            EmotionCurveItem *curve = curveItem(id, comparison);
            if (!curve) {
                curve = new EmotionCurveItem(mScene->document(), id, plot, comparison);
                curve->setZValue(comparison ? comparisonZ : curveZ);
                mScene->addItem(curve);
                mCurves.append(curve);
            }
            // Unchanged curves are left alone: each spans the chart, which is as wide as the map.
            if (curve->personaName() != persona.name || curve->color() != color)
                curve->setPersona(persona.name, color);
            if (!samePoints(curve->points(), points))
                curve->setPoints(points);
            kept.append(curve);
            if (comparison)
                futureLegend.append({Text::tr("%1, future state").arg(persona.name), color, true});
            else
                legend.append({persona.name, color, false});
        }
    }
    for (EmotionCurveItem *curve : std::as_const(mCurves)) {
        if (!kept.contains(curve))
            delete curve;
    }
    mCurves = kept;
    legend += futureLegend;
    if (!sameLegend(mChart->legend(), legend))
        mChart->setLegend(legend);
}

void PersonaOverlay::applyFocus()
{
    const JourneyMap *map = mScene->map();
    const Document *document = mScene->document();
    const bool focusing = map && document && indexOfId(document->project().personas, mFocus) >= 0;

    QSet<Id> used;
    QSet<std::pair<Id, Id>> usedCells; // stage, lane
    if (focusing) {
        for (const PersonaStep *step : personaPath(*map, mFocus)) {
            used.insert(step->touchpointId);
            if (const Touchpoint *t = findById(map->touchpoints, step->touchpointId))
                usedCells.insert({t->stageId, t->laneId});
        }
    }
    auto opacity = [focusing](bool inUse) {
        return !focusing || inUse ? 1.0 : dimmedOpacity;
    };

    for (TouchpointCardItem *card : mScene->cards())
        card->setOpacity(opacity(used.contains(card->touchpointId())));

    QList<ConnectorItem *> dimmedLines;
    for (ConnectorItem *line : mScene->connectors()) {
        const Connector &c = line->connector();
        const bool inUse = used.contains(c.fromId) && used.contains(c.toId);
        line->setOpacity(opacity(inUse));
        if (!inUse)
            dimmedLines.append(line);
    }
    // A label goes with its line: it sits where the line would put it.
    const QList<ConnectorLabelItem *> labels = mScene->connectorLabels();
    for (ConnectorLabelItem *label : labels) {
        const QPointF centre = label->sceneBoundingRect().center();
        const bool dim =
            focusing &&
            std::any_of(dimmedLines.cbegin(), dimmedLines.cend(), [&](const ConnectorItem *line) {
                const QPointF at = line->labelCentre(label->size());
                return QLineF(at, centre).length() < 2;
            });
        label->setOpacity(dim ? dimmedOpacity : 1.0);
    }

    for (AnnotationNoteItem *note : mScene->annotationNotes()) {
        const Annotation &a = note->annotation();
        note->setOpacity(opacity(usedCells.contains({a.stageId, a.laneId})));
    }

    for (PersonaPathItem *item : std::as_const(mPaths))
        item->setOpacity(opacity(item->personaId() == mFocus));
    for (PersonaStopsItem *item : std::as_const(mStops))
        item->setOpacity(opacity(item->personaId() == mFocus));
    // The curve in focus goes over the others where they cross.
    for (EmotionCurveItem *item : std::as_const(mCurves)) {
        const bool inFocus = item->personaId() == mFocus;
        item->setOpacity(opacity(inFocus));
        item->setZValue((item->isComparison() ? comparisonZ : curveZ) + (inFocus ? 0.25 : 0));
    }
}

bool PersonaOverlay::takeChange(const ChangeEvent &event, bool rebuildPending)
{
    const bool ours = event.mapId == mScene->mapId();
    switch (event.entity) {
    case EntityKind::PersonaStep:
        if (!ours) {
            if (mCompare && !rebuildPending)
                refresh();
            return false;
        }
        // The first step of a map makes room for the curves, the last takes it away: steps
        // added or removed go through the scene's rebuild. A score or a note is redrawn here.
        if (event.change != ChangeKind::Modified)
            return false;
        if (!rebuildPending)
            refresh();
        return true;
    case EntityKind::Persona:
        if (event.change == ChangeKind::Removed) {
            mHidden.remove(event.id);
            if (mFocus == event.id)
                mFocus = Id();
            if (mEditing == event.id)
                mEditing = Id();
        }
        if (!rebuildPending)
            refresh();
        return true;
    case EntityKind::Touchpoint:
        // A card renamed in place renames the curves' tooltips; a card that moved comes back
        // through the scene's rebuild.
        if (ours && !rebuildPending && event.change == ChangeKind::Modified &&
            !event.fields.testFlag(Field::Order))
            refresh();
        else if (!ours && mCompare && !rebuildPending)
            refresh();
        return false;
    case EntityKind::Map:
    case EntityKind::Stage:
        // Another map may become, or stop being, the one compared with.
        if (!ours && mCompare && !rebuildPending)
            refresh();
        return false;
    case EntityKind::Connector:
    case EntityKind::Annotation:
        // The scene may remake a line or a note in place: it takes the focus's dimming once
        // the scene is done with the change.
        if (ours && !mFocus.isNull())
            QTimer::singleShot(0, mScene, [this] { applyFocus(); });
        return false;
    default:
        return false;
    }
}

void PersonaOverlay::addCardMenu(QMenu *menu, const Id &touchpointId)
{
    const Document *document = mScene->document();
    if (!document)
        return;
    QMenu *add = menu->addMenu(Text::tr("Add to &Path of"));
    add->setObjectName(u"addToPath"_s);
    for (const Persona &persona : document->project().personas) {
        const Id personaId = persona.id;
        add->addAction(escapedForMenu(persona.name), mScene,
                       [this, personaId, touchpointId] { appendToPath(personaId, touchpointId); });
    }
    add->setEnabled(!add->isEmpty());
}

void PersonaOverlay::fillViewMenu(QMenu *menu, MapScene *scene)
{
    menu->clear();
    const Document *document = scene ? scene->document() : nullptr;
    if (!document || !scene->map() || document->project().personas.isEmpty()) {
        menu->addAction(Text::tr("No Personas"))->setEnabled(false);
        return;
    }
    PersonaOverlay *overlay = scene->personas();
    const QList<Persona> &personas = document->project().personas;

    for (const Persona &persona : personas) {
        const Id id = persona.id;
        QAction *show = menu->addAction(escapedForMenu(persona.name), scene,
                                        [scene, id](bool on) { scene->setPersonaVisible(id, on); });
        show->setCheckable(true);
        show->setChecked(overlay->isPersonaVisible(id));
        show->setObjectName(u"showPersona"_s);
    }
    menu->addSeparator();

    QMenu *focus = menu->addMenu(Text::tr("&Focus On"));
    focus->setObjectName(u"focusPersonaMenu"_s);
    auto *group = new QActionGroup(focus);
    QAction *none =
        focus->addAction(Text::tr("&None"), scene, [scene] { scene->setFocusPersona({}); });
    none->setCheckable(true);
    none->setChecked(overlay->focusPersona().isNull());
    group->addAction(none);
    focus->addSeparator();
    for (const Persona &persona : personas) {
        const Id id = persona.id;
        QAction *action = focus->addAction(escapedForMenu(persona.name), scene,
                                           [scene, id] { scene->setFocusPersona(id); });
        action->setCheckable(true);
        action->setChecked(overlay->focusPersona() == id);
        group->addAction(action);
    }

    QMenu *edit = menu->addMenu(Text::tr("&Edit Path of"));
    edit->setObjectName(u"editPathMenu"_s);
    for (const Persona &persona : personas) {
        const Id id = persona.id;
        QAction *action = edit->addAction(escapedForMenu(persona.name), scene,
                                          [overlay, id] { overlay->startPathEdit(id); });
        action->setCheckable(true);
        action->setChecked(overlay->pathEditPersona() == id);
    }
    menu->addSeparator();

    QAction *paths = menu->addAction(Text::tr("Show &All Paths"), scene,
                                     [overlay](bool on) { overlay->setAllPathsShown(on); });
    paths->setObjectName(u"showAllPaths"_s);
    paths->setCheckable(true);
    paths->setChecked(overlay->allPathsShown());
    paths->setStatusTip(Text::tr("Off: only the path of the persona in focus shows on the cards."));

    QAction *compare = menu->addAction(Text::tr("&Compare With Future State"), scene,
                                       [scene](bool on) { scene->setCompareWithFutureState(on); });
    compare->setObjectName(u"compareFutureState"_s);
    compare->setCheckable(true);
    compare->setChecked(overlay->isComparing());
    const JourneyMap *future = overlay->comparedMap();
    compare->setEnabled(future != nullptr);
    if (future)
        compare->setStatusTip(
            Text::tr("Shows the curves of \u201c%1\u201d dashed.").arg(future->name));
}

} // namespace Waymark
