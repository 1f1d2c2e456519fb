#include "personastepswidget.h"

#include "commands.h"
#include "document.h"
#include "lookup.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Waymark {

namespace {

// Every step at the touchpoint, persona by persona in library order, each path in order.
QList<const PersonaStep *> stepsAt(const Project &project, const JourneyMap &map,
                                   const Id &touchpointId)
{
    QList<const PersonaStep *> steps;
    for (const Persona &persona : project.personas) {
        for (const PersonaStep *step : personaPath(map, persona.id)) {
            if (step->touchpointId == touchpointId)
                steps.append(step);
        }
    }
    return steps;
}

} // namespace

PersonaStepsWidget::PersonaStepsWidget(QWidget *parent)
    : QWidget(parent)
    , mHeading(new QLabel)
    , mEmpty(new QLabel)
    , mGrid(new QGridLayout)
    , mAdd(new QToolButton)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    mHeading->setObjectName(u"personaStepsHeading"_s);
    layout->addWidget(mHeading);
    mEmpty->setObjectName(u"personaStepsEmpty"_s);
    mEmpty->setWordWrap(true);
    mEmpty->setText(tr("No persona's path comes here. Add this card to a path from its "
                       "context menu, or with View ▸ Personas ▸ Edit Path of."));
    mEmpty->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(mEmpty);
    mGrid->setContentsMargins(0, 0, 0, 0);
    mGrid->setColumnStretch(1, 1);
    layout->addLayout(mGrid);
    mAdd->setObjectName(u"addToPath"_s);
    mAdd->setText(tr("Add to Path of"));
    mAdd->setToolTip(tr("Add this card at the end of a persona's path on this map"));
    mAdd->setPopupMode(QToolButton::InstantPopup);
    mAdd->setMenu(new QMenu(mAdd));
    layout->addWidget(mAdd, 0, Qt::AlignLeft);
}

QList<Id> PersonaStepsWidget::stepIds() const
{
    QList<Id> ids;
    for (const Row &row : mRows)
        ids.append(row.stepId);
    return ids;
}

void PersonaStepsWidget::setTouchpoint(Document *document, const Id &mapId, const Id &touchpointId)
{
    mDocument = document;
    mMapId = mapId;
    mTouchpointId = touchpointId;
    refresh();
}

void PersonaStepsWidget::refresh()
{
    const JourneyMap *map = mDocument ? findById(mDocument->project().maps, mMapId) : nullptr;
    QList<const PersonaStep *> steps;
    if (map && !mTouchpointId.isNull())
        steps = stepsAt(mDocument->project(), *map, mTouchpointId);

    QList<Id> ids;
    for (const PersonaStep *step : std::as_const(steps))
        ids.append(step->id);
    if (ids != stepIds())
        rebuildRows(steps);

    const QList<Persona> &personas = mDocument ? mDocument->project().personas : QList<Persona>();
    for (qsizetype i = 0; i < mRows.size(); ++i) {
        const PersonaStep &step = *steps[i];
        const Row &row = mRows[i];
        const Persona *persona = findById(personas, step.personaId);
        const QColor color = persona && persona->color.isValid() ? persona->color : QColor();
        const QString swatch = color.isValid()
                                   ? u"<span style=\"color:%1\">\u25cf</span> "_s.arg(color.name())
                                   : QString();
        row.label->setText(swatch + tr("<b>%1</b>, step %2")
                                        .arg(persona ? persona->name.toHtmlEscaped() : QString(),
                                             QString::number(step.order + 1)));

        const QSignalBlocker blockScore(row.score);
        row.score->setValue(step.emotion.value_or(NoScore));
        // What is being typed stays until the person is done with it.
        if (!(row.feeling->hasFocus() && row.feeling->isModified())) {
            row.feeling->setText(step.feeling);
            row.feeling->setModified(false);
        }
    }

    mHeading->setText(mRows.isEmpty() ? tr("Personas")
                                      : tr("Personas here (%1):").arg(mRows.size()));
    mEmpty->setVisible(mRows.isEmpty() && !mTouchpointId.isNull());
    updateAddMenu();
}

void PersonaStepsWidget::updateAddMenu()
{
    QMenu *menu = mAdd->menu();
    menu->clear();
    const bool shown =
        mDocument && !mTouchpointId.isNull() && !mDocument->project().personas.isEmpty();
    mAdd->setVisible(shown);
    if (!shown)
        return;
    for (const Persona &persona : mDocument->project().personas) {
        const Id personaId = persona.id;
        QString name = persona.name;
        name.replace(u'&', u"&&"_s);
        menu->addAction(name, this, [this, personaId] { addToPath(personaId); });
    }
}

void PersonaStepsWidget::addToPath(const Id &personaId)
{
    if (!mDocument)
        return;
    const JourneyMap *map = findById(mDocument->project().maps, mMapId);
    if (!map)
        return;
    int length = 0;
    for (const PersonaStep &step : map->personaSteps) {
        if (step.personaId == personaId)
            ++length;
    }
    PersonaStep step;
    step.id = newId();
    step.personaId = personaId;
    step.touchpointId = mTouchpointId;
    step.order = length;
    if (Commands::Command command = Commands::addPersonaStep(mDocument, mMapId, length, step))
        mDocument->push(command.release());
}

void PersonaStepsWidget::moveStep(const Id &stepId, int by)
{
    if (!mDocument)
        return;
    const JourneyMap *map = findById(mDocument->project().maps, mMapId);
    const PersonaStep *step = map ? findById(map->personaSteps, stepId) : nullptr;
    if (!step || step->order + by < 0)
        return;
    if (Commands::Command command = Commands::movePersonaStep(mDocument, stepId, step->order + by))
        mDocument->push(command.release());
}

void PersonaStepsWidget::removeStep(const Id &stepId)
{
    if (!mDocument)
        return;
    if (Commands::Command command = Commands::removePersonaStep(mDocument, stepId))
        mDocument->push(command.release());
}

void PersonaStepsWidget::rebuildRows(const QList<const PersonaStep *> &steps)
{
    for (const Row &row : std::as_const(mRows)) {
        delete row.label;
        delete row.score;
        delete row.feeling;
        delete row.earlier;
        delete row.later;
        delete row.remove;
    }
    mRows.clear();

    for (const PersonaStep *step : steps) {
        const Id stepId = step->id;
        const int line = int(mRows.size()) * 2;
        Row row;
        row.stepId = stepId;
        row.label = new QLabel;
        row.label->setTextFormat(Qt::RichText);
        mGrid->addWidget(row.label, line, 0, 1, 2);

        // Reordering and removing the step change the persona's path, as on the canvas.
        const auto button = [this](const QString &text, const QString &name, const QString &tip) {
            auto *b = new QToolButton;
            b->setText(text);
            b->setObjectName(name);
            b->setToolTip(tip);
            b->setAutoRaise(true);
            return b;
        };
        row.earlier =
            button(u"\u2191"_s, u"stepEarlier"_s, tr("Move this step earlier in the path"));
        row.later = button(u"\u2193"_s, u"stepLater"_s, tr("Move this step later in the path"));
        row.remove = button(u"\u2715"_s, u"stepRemove"_s, tr("Remove this step from the path"));
        connect(row.earlier, &QToolButton::clicked, this, [this, stepId] { moveStep(stepId, -1); });
        connect(row.later, &QToolButton::clicked, this, [this, stepId] { moveStep(stepId, 1); });
        connect(row.remove, &QToolButton::clicked, this, [this, stepId] { removeStep(stepId); });
        mGrid->addWidget(row.earlier, line, 2);
        mGrid->addWidget(row.later, line, 3);
        mGrid->addWidget(row.remove, line, 4);

        row.score = new QSpinBox;
        row.score->setObjectName(u"stepScore"_s);
        row.score->setRange(NoScore, PersonaStep::MaxEmotion);
        row.score->setSpecialValueText(tr("none"));
        row.score->setToolTip(tr("How the persona feels here, from −3 (very negative) to +3 "
                                 "(very positive)"));
        // Typing "-2" is one change, not two.
        row.score->setKeyboardTracking(false);
        connect(row.score, &QSpinBox::valueChanged, this,
                [this, stepId](int value) { commitScore(stepId, value); });
        mGrid->addWidget(row.score, line + 1, 0);

        row.feeling = new QLineEdit;
        row.feeling->setObjectName(u"stepFeeling"_s);
        row.feeling->setPlaceholderText(tr("How they feel: frustrated, reassured…"));
        connect(row.feeling, &QLineEdit::editingFinished, this, [this, stepId] {
            for (const Row &r : std::as_const(mRows)) {
                if (r.stepId == stepId)
                    commitFeeling(stepId, r.feeling->text());
            }
        });
        mGrid->addWidget(row.feeling, line + 1, 1);
        mRows.append(row);
    }
}

void PersonaStepsWidget::commitScore(const Id &stepId, int value)
{
    if (!mDocument)
        return;
    const std::optional<int> emotion = value == NoScore ? std::nullopt : std::optional(value);
    if (Commands::Command command = Commands::setPersonaStepEmotion(mDocument, stepId, emotion))
        mDocument->push(command.release());
}

void PersonaStepsWidget::commitFeeling(const Id &stepId, const QString &text)
{
    if (!mDocument)
        return;
    if (Commands::Command command =
            Commands::setPersonaStepFeeling(mDocument, stepId, text.trimmed()))
        mDocument->push(command.release());
}

} // namespace Waymark
