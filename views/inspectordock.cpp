#include "inspectordock.h"

#include "commands.h"
#include "document.h"
#include "inspectorwidgets.h"
#include "lookup.h"
#include "mapscene.h"
#include "mapstyle.h"
#include "personastepswidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QScrollArea>
#include <QStackedWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Waymark {

namespace {

// The value every touchpoint has for a property, or nullopt when they differ.
template <typename Get>
auto sharedValue(const QList<const Touchpoint *> &touchpoints, Get get)
    -> std::optional<std::decay_t<decltype(get(*touchpoints.first()))>>
{
    if (touchpoints.isEmpty())
        return std::nullopt;
    const auto first = get(*touchpoints.first());
    for (const Touchpoint *touchpoint : touchpoints) {
        if (get(*touchpoint) != first)
            return std::nullopt;
    }
    return first;
}

QStringList tagsFromText(const QString &text)
{
    QStringList tags;
    const QStringList parts = text.split(u',');
    for (const QString &part : parts) {
        const QString tag = part.trimmed();
        if (!tag.isEmpty() && !tags.contains(tag))
            tags.append(tag);
    }
    return tags;
}

template <typename Enum> void fillCombo(QComboBox *combo)
{
    for (Enum value : allValues<Enum>())
        combo->addItem(displayName(value), int(value));
}

// Selects the item for value, or none (showing the placeholder "—") for nullopt.
template <typename Enum> void showInCombo(QComboBox *combo, std::optional<Enum> value)
{
    combo->setCurrentIndex(value ? combo->findData(int(*value)) : -1);
}

// Sets a line edit's text unless the person is typing in it.
void showText(QLineEdit *edit, const std::optional<QString> &text, bool keepFocused)
{
    if (keepFocused && edit->hasFocus())
        return;
    edit->setText(text.value_or(QString()));
    edit->setModified(false);
}

void showText(InspectorTextEdit *edit, const QString &text, bool keepFocused)
{
    if (keepFocused && edit->hasFocus())
        return;
    edit->setTextQuietly(text);
}

QString annotationSummary(const Annotation &annotation)
{
    QStringList parts{displayName(annotation.kind)};
    if (annotation.severity > 0) {
        if (annotation.kind == AnnotationKind::Opportunity)
            parts << InspectorDock::tr("priority %1").arg(annotation.severity);
        else
            parts << InspectorDock::tr("severity %1").arg(annotation.severity);
    }
    if (!annotation.author.isEmpty())
        parts << annotation.author;
    if (annotation.created.isValid())
        parts << QLocale().toString(annotation.created.toLocalTime(), QLocale::ShortFormat);
    return parts.join(u"  ·  "_s);
}

} // namespace

InspectorDock::InspectorDock(QWidget *parent)
    : QDockWidget(tr("Inspector"), parent)
{
    setObjectName(u"inspectorDock"_s);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    mPages = new QStackedWidget(scroll);
    scroll->setWidget(mPages);
    setWidget(scroll);

    auto *empty = new QLabel(tr("No map is open."));
    empty->setAlignment(Qt::AlignCenter);
    empty->setEnabled(false);
    mEmptyPage = empty;
    mPages->addWidget(mEmptyPage);
    mPages->setCurrentWidget(mEmptyPage);
}

InspectorDock::~InspectorDock()
{
    // A field that has focus reports the end of its edit as it is destroyed, after this
    // part of the dock is gone: nothing of it may answer by then.
    const QList<QWidget *> fields = findChildren<QWidget *>();
    for (QWidget *field : fields)
        disconnect(field, nullptr, this, nullptr);
}

QWidget *InspectorDock::mapPage()
{
    if (!mMapPage)
        buildMapPage();
    return mMapPage;
}

QWidget *InspectorDock::touchpointPage()
{
    if (!mTouchpointPage)
        buildTouchpointPage();
    return mTouchpointPage;
}

void InspectorDock::buildMapPage()
{
    mMapPage = new QWidget;
    auto *form = new QFormLayout(mMapPage);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);

    auto *heading = new QLabel(tr("Journey Map"));
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    form->addRow(heading);

    mMapName = new QLineEdit;
    mMapName->setObjectName(u"mapNameEdit"_s);
    form->addRow(tr("&Name:"), mMapName);
    connect(mMapName, &QLineEdit::editingFinished, this, &InspectorDock::commitMapName);

    mMapKind = new QComboBox;
    mMapKind->setObjectName(u"mapKindCombo"_s);
    fillCombo<MapKind>(mMapKind);
    form->addRow(tr("&Kind:"), mMapKind);
    connect(mMapKind, &QComboBox::activated, this, [this](int index) {
        const auto kind = MapKind(mMapKind->itemData(index).toInt());
        if (const JourneyMap *map = currentMap())
            push(Commands::setMapKind(mDocument, map->id, kind));
    });

    mMapDescription = new InspectorTextEdit;
    mMapDescription->setObjectName(u"mapDescriptionEdit"_s);
    mMapDescription->setVisibleLines(8);
    form->addRow(tr("&Description:"), mMapDescription);
    connect(mMapDescription, &InspectorTextEdit::editingFinished, this,
            &InspectorDock::commitMapDescription);

    auto *hint = new QLabel(tr("Select a card to edit it."));
    hint->setEnabled(false);
    hint->setWordWrap(true);
    form->addRow(hint);

    mPages->addWidget(mMapPage);
}

void InspectorDock::buildTouchpointPage()
{
    mTouchpointPage = new QWidget;
    mTouchpointForm = new QFormLayout(mTouchpointPage);
    mTouchpointForm->setRowWrapPolicy(QFormLayout::WrapLongRows);
    QFormLayout *form = mTouchpointForm;

    mHeading = new QLabel;
    mHeading->setObjectName(u"inspectorHeading"_s);
    QFont bold = mHeading->font();
    bold.setBold(true);
    mHeading->setFont(bold);
    form->addRow(mHeading);

    mTitle = new QLineEdit;
    mTitle->setObjectName(u"titleEdit"_s);
    form->addRow(tr("&Title:"), mTitle);
    connect(mTitle, &QLineEdit::editingFinished, this, &InspectorDock::commitTitle);

    mDescription = new InspectorTextEdit;
    mDescription->setObjectName(u"descriptionEdit"_s);
    form->addRow(tr("&Description:"), mDescription);
    connect(mDescription, &InspectorTextEdit::editingFinished, this,
            &InspectorDock::commitDescription);

    mChannel = new QComboBox;
    mChannel->setObjectName(u"channelCombo"_s);
    mChannel->setPlaceholderText(tr("—"));
    fillCombo<Channel>(mChannel);
    // The icons the cards show, so that the two are learnt together.
    tintChannelIcons();
    form->addRow(tr("&Channel:"), mChannel);
    connect(mChannel, &QComboBox::activated, this, [this](int index) {
        const auto channel = Channel(mChannel->itemData(index).toInt());
        applyToTouchpoints(QT_TR_N_NOOP("Change Channel of %n Touchpoint(s)"),
                           [this, channel](const Touchpoint &touchpoint) {
                               return Commands::setTouchpointChannel(mDocument, touchpoint.id,
                                                                     channel);
                           });
    });

    mDevices = new QWidget;
    auto *devices = new QGridLayout(mDevices);
    devices->setContentsMargins(0, 0, 0, 0);
    const QList<Device> allDevices = allValues<Device>();
    for (qsizetype i = 0; i < allDevices.size(); ++i) {
        const Device device = allDevices[i];
        auto *box = new QCheckBox(displayName(device));
        box->setObjectName(u"deviceBox-"_s + toKey(device));
        devices->addWidget(box, int(i / 2), int(i % 2));
        mDeviceBoxes.append(box);
        connect(box, &QCheckBox::clicked, this, [this, box, device] { setDevice(box, device); });
    }
    form->addRow(tr("Devices:"), mDevices);

    mOwner = new QLineEdit;
    mOwner->setObjectName(u"ownerEdit"_s);
    form->addRow(tr("&Owner:"), mOwner);
    connect(mOwner, &QLineEdit::editingFinished, this, &InspectorDock::commitOwner);

    mTags = new QLineEdit;
    mTags->setObjectName(u"tagsEdit"_s);
    mTags->setToolTip(tr("Tags, separated by commas"));
    form->addRow(tr("T&ags:"), mTags);
    connect(mTags, &QLineEdit::editingFinished, this, &InspectorDock::commitTags);

    mEvidence = new QComboBox;
    mEvidence->setObjectName(u"evidenceCombo"_s);
    mEvidence->setPlaceholderText(tr("—"));
    fillCombo<Evidence>(mEvidence);
    form->addRow(tr("&Evidence:"), mEvidence);
    connect(mEvidence, &QComboBox::activated, this, [this](int index) {
        const auto evidence = Evidence(mEvidence->itemData(index).toInt());
        applyToTouchpoints(QT_TR_N_NOOP("Change Evidence of %n Touchpoint(s)"),
                           [this, evidence](const Touchpoint &touchpoint) {
                               return Commands::setTouchpointEvidence(mDocument, touchpoint.id,
                                                                      evidence);
                           });
    });

    mColor = new ColorButton;
    mColor->setObjectName(u"colorButton"_s);
    form->addRow(tr("Colour:"), mColor);
    connect(mColor, &ColorButton::colorChosen, this, [this](const QColor &color) {
        applyToTouchpoints(QT_TR_N_NOOP("Recolour %n Touchpoint(s)"),
                           [this, color](const Touchpoint &touchpoint) {
                               return Commands::setTouchpointColor(mDocument, touchpoint.id, color);
                           });
    });

    mNotes = new InspectorTextEdit;
    mNotes->setObjectName(u"notesEdit"_s);
    form->addRow(tr("&Notes:"), mNotes);
    connect(mNotes, &InspectorTextEdit::editingFinished, this, &InspectorDock::commitNotes);

    mStage = new QLabel;
    mStage->setObjectName(u"stageLabel"_s);
    mStage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Stage:"), mStage);
    mLane = new QLabel;
    mLane->setObjectName(u"laneLabel"_s);
    mLane->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Lane:"), mLane);

    mAnnotationsLabel = new QLabel;
    mAnnotationsLabel->setObjectName(u"annotationsLabel"_s);
    form->addRow(mAnnotationsLabel);
    mAnnotations = new QListWidget;
    mAnnotations->setObjectName(u"annotationList"_s);
    mAnnotations->setWordWrap(true);
    mAnnotations->setAlternatingRowColors(true);
    mAnnotations->setSpacing(2);
    mAnnotations->setSelectionMode(QAbstractItemView::NoSelection);
    mAnnotations->setFocusPolicy(Qt::NoFocus);
    mAnnotations->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    mAnnotations->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::MinimumExpanding);
    form->addRow(mAnnotations);

    auto *personaSteps = new PersonaStepsWidget;
    personaSteps->setObjectName(u"personaSteps"_s);
    form->addRow(personaSteps);

    mPages->addWidget(mTouchpointPage);
}

void InspectorDock::setDocument(Document *document)
{
    if (mDocument == document)
        return;
    commitTextFields();
    if (mDocument)
        disconnect(mDocument, nullptr, this, nullptr);
    mDocument = document;
    if (mDocument) {
        connect(mDocument, &Document::changed, this, &InspectorDock::scheduleRefresh);
        connect(mDocument, &Document::reset, this, &InspectorDock::scheduleRefresh);
    }
    scheduleRefresh();
}

void InspectorDock::setScene(MapScene *scene)
{
    if (mScene == scene)
        return;
    // What was typed belongs to the map shown until now.
    commitTextFields();
    if (mScene)
        disconnect(mScene, nullptr, this, nullptr);
    mScene = scene;
    // The scene announces a change of selection from its destructor too, when none of it
    // may be asked anything: the dock only takes note, and reads the selection later.
    if (mScene)
        connect(mScene, &QGraphicsScene::selectionChanged, this, &InspectorDock::scheduleRefresh);
    scheduleRefresh();
}

void InspectorDock::scheduleRefresh()
{
    if (mRefreshPending)
        return;
    mRefreshPending = true;
    QMetaObject::invokeMethod(this, &InspectorDock::refresh, Qt::QueuedConnection);
}

const JourneyMap *InspectorDock::currentMap() const
{
    if (!mDocument || !mScene)
        return nullptr;
    return findById(mDocument->project().maps, mScene->mapId());
}

QList<const Touchpoint *> InspectorDock::shownTouchpoints() const
{
    QList<const Touchpoint *> touchpoints;
    const JourneyMap *map = currentMap();
    if (!map)
        return touchpoints;
    for (const Id &id : mIds) {
        if (const Touchpoint *touchpoint = findById(map->touchpoints, id))
            touchpoints.append(touchpoint);
    }
    return touchpoints;
}

// In the text colour of the palette, again whenever it changes: a switch between a light
// and a dark desktop theme while Waymark runs.
void InspectorDock::tintChannelIcons()
{
    if (!mChannel)
        return;
    for (int i = 0; i < mChannel->count(); ++i) {
        const auto channel = Channel(mChannel->itemData(i).toInt());
        mChannel->setItemIcon(i, MapStyle::channelIcon(channel, palette()));
    }
}

void InspectorDock::changeEvent(QEvent *event)
{
    QDockWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        tintChannelIcons();
}

void InspectorDock::refresh()
{
    mRefreshPending = false;
    const JourneyMap *map = currentMap();

    // The selection in the order of the map, so that the same cards compare equal however
    // they were selected.
    QList<Id> ids;
    if (map) {
        const QList<Id> selected = mScene->selectedTouchpoints();
        for (const Touchpoint &touchpoint : map->touchpoints) {
            if (selected.contains(touchpoint.id))
                ids.append(touchpoint.id);
        }
    }

    // Text typed for the cards shown until now belongs to them, not to the new selection.
    const bool sameSelection = ids == mIds && map;
    if (!sameSelection)
        commitTextFields();
    mIds = ids;

    if (!map) {
        mPage = Page::Empty;
        mPages->setCurrentWidget(mEmptyPage);
        return;
    }

    const QList<const Touchpoint *> touchpoints = shownTouchpoints();
    if (touchpoints.isEmpty()) {
        mPage = Page::Map;
        mPages->setCurrentWidget(mapPage());
        fillMap(*map);
    } else {
        mPage = Page::Touchpoints;
        mPages->setCurrentWidget(touchpointPage());
        fillTouchpoints(*map, touchpoints);
    }
}

void InspectorDock::fillMap(const JourneyMap &map)
{
    showText(mMapName, map.name, true);
    showInCombo(mMapKind, std::optional(map.kind));
    showText(mMapDescription, map.description, true);
}

void InspectorDock::fillTouchpoints(const JourneyMap &map,
                                    const QList<const Touchpoint *> &touchpoints)
{
    const bool single = touchpoints.size() == 1;
    const Touchpoint &first = *touchpoints.first();
    mHeading->setText(single ? tr("Touchpoint")
                             : tr("%n Touchpoints Selected", "", int(touchpoints.size())));

    for (QWidget *field : {static_cast<QWidget *>(mTitle), static_cast<QWidget *>(mDescription),
                           static_cast<QWidget *>(mNotes), static_cast<QWidget *>(mStage),
                           static_cast<QWidget *>(mLane)}) {
        mTouchpointForm->setRowVisible(field, single);
    }
    mTouchpointForm->setRowVisible(mAnnotationsLabel, single);
    mTouchpointForm->setRowVisible(mAnnotations, single);
    if (auto *steps = mTouchpointPage->findChild<PersonaStepsWidget *>()) {
        mTouchpointForm->setRowVisible(steps, single);
        steps->setTouchpoint(mDocument, map.id, single ? first.id : Id());
    }

    if (single) {
        showText(mTitle, first.title, true);
        showText(mDescription, first.description, true);
        showText(mNotes, first.notes, true);
        const Stage *stage = findById(map.stages, first.stageId);
        const Lane *lane = findById(map.lanes, first.laneId);
        mStage->setText(stage ? stage->name : QString());
        mLane->setText(lane ? lane->name : QString());
        fillAnnotations(map, first);
    }

    showInCombo(mChannel, sharedValue(touchpoints, [](const Touchpoint &t) { return t.channel; }));
    showInCombo(mEvidence,
                sharedValue(touchpoints, [](const Touchpoint &t) { return t.evidence; }));

    const QList<Device> devices = allValues<Device>();
    for (qsizetype i = 0; i < devices.size(); ++i) {
        const Device device = devices[i];
        const auto has = sharedValue(
            touchpoints, [device](const Touchpoint &t) { return t.devices.testFlag(device); });
        QCheckBox *box = mDeviceBoxes[i];
        box->setTristate(!has);
        box->setCheckState(!has ? Qt::PartiallyChecked : *has ? Qt::Checked : Qt::Unchecked);
    }

    const auto owner = sharedValue(touchpoints, [](const Touchpoint &t) { return t.owner; });
    showText(mOwner, owner, true);
    mOwner->setPlaceholderText(owner ? QString() : tr("—"));

    const auto tags = sharedValue(touchpoints, [](const Touchpoint &t) { return t.tags; });
    showText(mTags, tags ? std::optional(tags->join(u", "_s)) : std::nullopt, true);
    mTags->setPlaceholderText(tags ? tr("none") : tr("—"));

    const auto color = sharedValue(touchpoints, [](const Touchpoint &t) { return t.color; });
    if (color)
        mColor->setColor(*color);
    else
        mColor->setMixed();
}

void InspectorDock::fillAnnotations(const JourneyMap &map, const Touchpoint &touchpoint)
{
    QList<const Annotation *> annotations;
    for (const Annotation &annotation : map.annotations) {
        if (annotation.touchpointId == touchpoint.id)
            annotations.append(&annotation);
    }
    std::stable_sort(
        annotations.begin(), annotations.end(),
        [](const Annotation *a, const Annotation *b) { return a->created < b->created; });

    mAnnotations->clear();
    for (const Annotation *annotation : std::as_const(annotations)) {
        const QString summary = annotationSummary(*annotation);
        auto *item = new QListWidgetItem(summary + u'\n' + annotation->text, mAnnotations);
        item->setToolTip(annotation->text);
        item->setData(Qt::UserRole, annotation->id);
    }
    mAnnotationsLabel->setText(annotations.isEmpty()
                                   ? tr("No annotations")
                                   : tr("Annotations (%1):").arg(annotations.size()));
    mAnnotations->setVisible(!annotations.isEmpty());
}

void InspectorDock::commitTextFields()
{
    if (mPage == Page::Map) {
        commitMapName();
        commitMapDescription();
    } else if (mPage == Page::Touchpoints) {
        commitTitle();
        commitDescription();
        commitOwner();
        commitTags();
        commitNotes();
    }
}

void InspectorDock::push(std::unique_ptr<QUndoCommand> command)
{
    if (mDocument && command)
        mDocument->push(command.release());
}

void InspectorDock::applyToTouchpoints(const char *macroText, const MakeCommand &make)
{
    if (!mDocument)
        return;
    const QList<const Touchpoint *> touchpoints = shownTouchpoints();

    // Every command is made before any is pushed: pushing changes the list they come from.
    std::vector<std::unique_ptr<QUndoCommand>> commands;
    for (const Touchpoint *touchpoint : touchpoints) {
        if (auto command = make(*touchpoint))
            commands.push_back(std::move(command));
    }
    if (commands.empty())
        return;

    if (touchpoints.size() == 1) {
        push(std::move(commands.front()));
        return;
    }
    QUndoStack *stack = mDocument->undoStack();
    stack->beginMacro(tr(macroText, "", int(commands.size())));
    for (auto &command : commands)
        push(std::move(command));
    stack->endMacro();
}

void InspectorDock::commitMapName()
{
    const JourneyMap *map = currentMap();
    if (!map || !mMapName->isModified())
        return;
    mMapName->setModified(false);
    const QString name = mMapName->text().trimmed();
    if (name.isEmpty()) {
        mMapName->setText(map->name); // a map needs a name to show on its tab
        return;
    }
    push(Commands::renameMap(mDocument, map->id, name));
}

void InspectorDock::commitMapDescription()
{
    const JourneyMap *map = currentMap();
    if (!map || !mMapDescription->isModified())
        return;
    mMapDescription->setModified(false);
    push(Commands::setMapDescription(mDocument, map->id, mMapDescription->toPlainText()));
}

void InspectorDock::commitTitle()
{
    if (!mTitle->isModified() || mIds.size() != 1)
        return;
    mTitle->setModified(false);
    const QString title = mTitle->text().trimmed();
    applyToTouchpoints(QT_TR_N_NOOP("Rename %n Touchpoint(s)"),
                       [this, title](const Touchpoint &touchpoint) {
                           return Commands::setTouchpointTitle(mDocument, touchpoint.id, title);
                       });
}

void InspectorDock::commitDescription()
{
    if (!mDescription->isModified() || mIds.size() != 1)
        return;
    mDescription->setModified(false);
    const QString description = mDescription->toPlainText();
    applyToTouchpoints(QT_TR_N_NOOP("Change Description of %n Touchpoint(s)"),
                       [this, description](const Touchpoint &touchpoint) {
                           return Commands::setTouchpointDescription(mDocument, touchpoint.id,
                                                                     description);
                       });
}

void InspectorDock::commitOwner()
{
    if (!mOwner->isModified())
        return;
    mOwner->setModified(false);
    const QString owner = mOwner->text().trimmed();
    applyToTouchpoints(QT_TR_N_NOOP("Change Owner of %n Touchpoint(s)"),
                       [this, owner](const Touchpoint &touchpoint) {
                           return Commands::setTouchpointOwner(mDocument, touchpoint.id, owner);
                       });
}

void InspectorDock::commitTags()
{
    if (!mTags->isModified())
        return;
    mTags->setModified(false);
    const QStringList tags = tagsFromText(mTags->text());
    applyToTouchpoints(QT_TR_N_NOOP("Change Tags of %n Touchpoint(s)"),
                       [this, tags](const Touchpoint &touchpoint) {
                           return Commands::setTouchpointTags(mDocument, touchpoint.id, tags);
                       });
}

void InspectorDock::commitNotes()
{
    if (!mNotes->isModified() || mIds.size() != 1)
        return;
    mNotes->setModified(false);
    const QString notes = mNotes->toPlainText();
    applyToTouchpoints(QT_TR_N_NOOP("Change Notes of %n Touchpoint(s)"),
                       [this, notes](const Touchpoint &touchpoint) {
                           return Commands::setTouchpointNotes(mDocument, touchpoint.id, notes);
                       });
}

void InspectorDock::setDevice(QCheckBox *box, Device device)
{
    // A click on a box that showed a mixed state turns the device on for every card.
    const bool on = box->checkState() != Qt::Unchecked;
    box->setTristate(false);
    box->setChecked(on);
    applyToTouchpoints(QT_TR_N_NOOP("Change Devices of %n Touchpoint(s)"),
                       [this, device, on](const Touchpoint &touchpoint) {
                           Devices devices = touchpoint.devices;
                           devices.setFlag(device, on);
                           return Commands::setTouchpointDevices(mDocument, touchpoint.id, devices);
                       });
}

} // namespace Waymark
