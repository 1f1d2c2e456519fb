// The inspector dock: it shows the selected card's fields, the fields several cards share
// (marked where they differ) and the map's own when nothing is selected; each edit is one
// undo step, however many cards it changes; and it follows changes made elsewhere.
#include "commands.h"
#include "document.h"
#include "inspectordock.h"
#include "inspectorwidgets.h"
#include "lookup.h"
#include "mainwindow.h"
#include "mapscene.h"
#include "mapview.h"
#include "personadock.h"
#include "templates.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Waymark;

namespace {

QString dockText(const char *text, int n)
{
    return QCoreApplication::translate("Waymark::InspectorDock", text, "", n);
}

// A document, a view of its first map, and an inspector following that view.
struct Fixture
{
    std::unique_ptr<Document> document;
    std::unique_ptr<MapView> view;
    std::unique_ptr<InspectorDock> dock;

    explicit Fixture(const QString &templateName = u"digital-journey"_s)
    {
        StorageError error;
        const std::optional<Project> project = Templates::instantiate(templateName, &error);
        if (!project)
            return;
        document = Document::create(*project, &error);
        if (!document || document->project().maps.isEmpty())
            return;
        view = std::make_unique<MapView>(document.get(), map().id);
        dock = std::make_unique<InspectorDock>();
        dock->setDocument(document.get());
        dock->setScene(view->mapScene());
        dock->resize(360, 900);
        dock->show();
        settle();
    }

    ~Fixture()
    {
        // The dock and the view refer to the document, so they go first.
        dock.reset();
        view.reset();
    }

    bool isValid() const { return dock != nullptr; }
    const JourneyMap &map() const { return document->project().maps.first(); }
    MapScene *scene() const { return view->mapScene(); }
    QUndoStack *stack() const { return document->undoStack(); }

    const Touchpoint &touchpoint(const Id &id) const { return *findById(map().touchpoints, id); }

    void select(const QList<Id> &ids)
    {
        scene()->selectTouchpoints(ids);
        settle();
    }

    void settle() const { QCoreApplication::processEvents(); }

    template <typename T> T *field(const QString &name) const { return dock->findChild<T *>(name); }

    void push(Commands::Command command) { document->push(command.release()); }
};

// Types text into a line edit as a person would, replacing what was there, and ends the
// edit with Return.
void typeInto(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
    QCoreApplication::processEvents();
}

} // namespace

class TestInspector : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void buildsEachPageWhenFirstNeeded();
    void channelIconsFollowThePalette();
    void showsOneTouchpoint();
    void editsOneTouchpoint_data();
    void editsOneTouchpoint();
    void typingIsOneStep();
    void showsMixedValues();
    void setsChannelOfSeveral();
    void setsDeviceOfSeveral();
    void editsTheMap();
    void followsExternalChanges();
    void keepsFocusedField();
    void switchingMapsKeepsTyping();
    void followsTheWindow();
};

void TestInspector::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestInspector::buildsEachPageWhenFirstNeeded()
{
    {
        InspectorDock bare;
        QVERIFY(!bare.isMapPageBuilt());
        QVERIFY(!bare.isTouchpointPageBuilt());
        QVERIFY(!bare.findChild<QLineEdit *>());
        // Asked for, a page is built whole.
        QWidget *page = bare.touchpointPage();
        QVERIFY(page);
        QVERIFY(bare.isTouchpointPageBuilt());
        QCOMPARE(bare.touchpointPage(), page);
        QCOMPARE(bare.findChild<QComboBox *>(u"channelCombo"_s)->count(),
                 allValues<Channel>().size());
        QCOMPARE(bare.page(), InspectorDock::Page::Empty);
    }

    Fixture f;
    QVERIFY(f.isValid());
    QCOMPARE(f.dock->page(), InspectorDock::Page::Map);
    QVERIFY(f.dock->isMapPageBuilt());
    QVERIFY(!f.dock->isTouchpointPageBuilt());
    QVERIFY(!f.field<QLineEdit>(u"titleEdit"_s));
    QCOMPARE(f.field<QLineEdit>(u"mapNameEdit"_s)->text(), f.map().name);

    // The first selection builds the card page, filled and shown at once.
    const Touchpoint &t = f.map().touchpoints.first();
    f.select({t.id});
    QCOMPARE(f.dock->page(), InspectorDock::Page::Touchpoints);
    QVERIFY(f.dock->isTouchpointPageBuilt());
    QCOMPARE(f.field<QLineEdit>(u"titleEdit"_s)->text(), t.title);
    QVERIFY(f.field<QLineEdit>(u"titleEdit"_s)->isVisibleTo(f.dock.get()));
    QCOMPARE(f.field<QComboBox>(u"channelCombo"_s)->currentText(), displayName(t.channel));
    QCOMPARE(f.field<QLabel>(u"stageLabel"_s)->text(), findById(f.map().stages, t.stageId)->name);
    QVERIFY(!f.field<QLineEdit>(u"mapNameEdit"_s)->isVisibleTo(f.dock.get()));

    // Each is built once: back to the map and to the card, the same fields show.
    QLineEdit *title = f.field<QLineEdit>(u"titleEdit"_s);
    f.select({});
    QCOMPARE(f.dock->page(), InspectorDock::Page::Map);
    QVERIFY(f.field<QLineEdit>(u"mapNameEdit"_s)->isVisibleTo(f.dock.get()));
    f.select({t.id});
    QCOMPARE(f.field<QLineEdit>(u"titleEdit"_s), title);
    QCOMPARE(f.dock->findChildren<QLineEdit *>(u"titleEdit"_s).size(), 1);
}

namespace {

// The colour of the most opaque pixel of an icon: its strokes' colour.
QColor strokeColour(const QIcon &icon)
{
    const QImage image = icon.pixmap(QSize(24, 24)).toImage();
    QColor best;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (!best.isValid() || c.alpha() > best.alpha())
                best = c;
        }
    }
    return best;
}

} // namespace

// A switch between a light and a dark desktop theme while Waymark runs: the channel icons
// are drawn again in the new text colour.
void TestInspector::channelIconsFollowThePalette()
{
    const QPalette original = QApplication::palette();
    auto restore = qScopeGuard([&] { QApplication::setPalette(original); });
    InspectorDock dock;
    dock.touchpointPage();
    auto *channel = dock.findChild<QComboBox *>(u"channelCombo"_s);
    QVERIFY(channel);
    const QColor before = strokeColour(channel->itemIcon(0));
    QCOMPARE(before.rgb(), original.color(QPalette::Text).rgb());

    QPalette dark = original;
    dark.setColor(QPalette::Text, QColor(250, 200, 40));
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    QApplication::setPalette(dark);
    QCoreApplication::processEvents();
    QCOMPARE(strokeColour(channel->itemIcon(0)).rgb(), QColor(250, 200, 40).rgb());
}

void TestInspector::showsOneTouchpoint()
{
    Fixture f;
    QVERIFY(f.isValid());
    QCOMPARE_GE(f.map().touchpoints.size(), 1);

    Touchpoint changed = f.map().touchpoints.first();
    const Id id = changed.id;
    f.push(Commands::setTouchpointOwner(f.document.get(), id, u"Support team"_s));
    f.push(Commands::setTouchpointTags(f.document.get(), id, {u"web"_s, u"first visit"_s}));
    f.push(Commands::setTouchpointChannel(f.document.get(), id, Channel::Email));
    f.push(Commands::setTouchpointDevices(f.document.get(), id, Device::Desktop | Device::Tablet));
    f.push(Commands::setTouchpointEvidence(f.document.get(), id, Evidence::Observed));
    f.push(Commands::setTouchpointNotes(f.document.get(), id, u"Seen in 4 of 6 interviews"_s));
    Annotation annotation;
    annotation.id = newId();
    annotation.kind = AnnotationKind::PainPoint;
    annotation.touchpointId = id;
    annotation.text = u"The confirmation mail arrives late"_s;
    annotation.severity = 4;
    annotation.author = u"Dana"_s;
    annotation.created = QDateTime::currentDateTimeUtc();
    f.push(Commands::addAnnotation(f.document.get(), f.map().id, annotation));

    f.select({id});
    QCOMPARE(f.dock->page(), InspectorDock::Page::Touchpoints);
    QCOMPARE(f.dock->touchpointIds(), QList<Id>{id});

    const Touchpoint &t = f.touchpoint(id);
    QCOMPARE(f.field<QLineEdit>(u"titleEdit"_s)->text(), t.title);
    QCOMPARE(f.field<InspectorTextEdit>(u"descriptionEdit"_s)->toPlainText(), t.description);
    QCOMPARE(f.field<QLineEdit>(u"ownerEdit"_s)->text(), u"Support team"_s);
    QCOMPARE(f.field<QLineEdit>(u"tagsEdit"_s)->text(), u"web, first visit"_s);
    QCOMPARE(f.field<QComboBox>(u"channelCombo"_s)->currentText(), displayName(Channel::Email));
    QCOMPARE(f.field<QComboBox>(u"evidenceCombo"_s)->currentText(),
             displayName(Evidence::Observed));
    QCOMPARE(f.field<QCheckBox>(u"deviceBox-"_s + toKey(Device::Desktop))->checkState(),
             Qt::Checked);
    QCOMPARE(f.field<QCheckBox>(u"deviceBox-"_s + toKey(Device::Mobile))->checkState(),
             Qt::Unchecked);
    QCOMPARE(f.field<QCheckBox>(u"deviceBox-"_s + toKey(Device::Tablet))->checkState(),
             Qt::Checked);
    QCOMPARE(f.field<InspectorTextEdit>(u"notesEdit"_s)->toPlainText(),
             u"Seen in 4 of 6 interviews"_s);
    QCOMPARE(f.field<QLabel>(u"stageLabel"_s)->text(), findById(f.map().stages, t.stageId)->name);
    QCOMPARE(f.field<QLabel>(u"laneLabel"_s)->text(), findById(f.map().lanes, t.laneId)->name);
    QVERIFY(f.field<QLineEdit>(u"titleEdit"_s)->isVisibleTo(f.dock.get()));

    auto *annotations = f.field<QListWidget>(u"annotationList"_s);
    QCOMPARE(annotations->count(), 1);
    const QString shown = annotations->item(0)->text();
    QVERIFY2(shown.contains(annotation.text), qPrintable(shown));
    QVERIFY2(shown.contains(u"Dana"_s), qPrintable(shown));
    QVERIFY2(shown.contains(displayName(AnnotationKind::PainPoint)), qPrintable(shown));
    QVERIFY2(shown.contains(u'4'), qPrintable(shown));
}

void TestInspector::editsOneTouchpoint_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("typed");

    QTest::newRow("owner") << u"ownerEdit"_s << u"Customer care"_s;
    QTest::newRow("title") << u"titleEdit"_s << u"Reads the welcome mail"_s;
    QTest::newRow("tags") << u"tagsEdit"_s << u"mail, onboarding ,  , mail"_s;
}

void TestInspector::editsOneTouchpoint()
{
    QFETCH(QString, field);
    QFETCH(QString, typed);

    Fixture f;
    QVERIFY(f.isValid());
    const Touchpoint before = f.map().touchpoints.first();
    f.select({before.id});
    const int index = f.stack()->index();

    typeInto(f.field<QLineEdit>(field), typed);
    QCOMPARE(f.stack()->index(), index + 1);

    const Touchpoint &after = f.touchpoint(before.id);
    if (field == u"ownerEdit"_s)
        QCOMPARE(after.owner, typed);
    else if (field == u"titleEdit"_s)
        QCOMPARE(after.title, typed);
    else
        QCOMPARE(after.tags, (QStringList{u"mail"_s, u"onboarding"_s}));

    f.stack()->undo();
    f.settle();
    QCOMPARE(f.touchpoint(before.id), before);
    if (field == u"ownerEdit"_s)
        QCOMPARE(f.field<QLineEdit>(field)->text(), before.owner);
}

void TestInspector::typingIsOneStep()
{
    Fixture f;
    QVERIFY(f.isValid());
    const Id id = f.map().touchpoints.first().id;
    f.select({id});
    auto *owner = f.field<QLineEdit>(u"ownerEdit"_s);
    const int index = f.stack()->index();

    // Nothing is pushed while typing, only when the edit ends.
    owner->selectAll();
    QTest::keyClicks(owner, u"Marketing"_s);
    f.settle();
    QCOMPARE(f.stack()->index(), index);

    QTest::keyClick(owner, Qt::Key_Return);
    f.settle();
    QCOMPARE(f.stack()->index(), index + 1);
    QCOMPARE(f.stack()->text(index),
             QCoreApplication::translate("Waymark::Commands", "Change Owner"));

    // Ending the edit again without a change pushes nothing.
    QTest::keyClick(owner, Qt::Key_Return);
    f.settle();
    QCOMPARE(f.stack()->index(), index + 1);
}

void TestInspector::showsMixedValues()
{
    Fixture f;
    QVERIFY(f.isValid());
    QCOMPARE_GE(f.map().touchpoints.size(), 2);
    const Id a = f.map().touchpoints.at(0).id;
    const Id b = f.map().touchpoints.at(1).id;
    f.push(Commands::setTouchpointChannel(f.document.get(), a, Channel::Email));
    f.push(Commands::setTouchpointChannel(f.document.get(), b, Channel::Phone));
    f.push(Commands::setTouchpointDevices(f.document.get(), a, Device::Mobile));
    f.push(Commands::setTouchpointDevices(f.document.get(), b, Device::Mobile | Device::Desktop));
    f.push(Commands::setTouchpointOwner(f.document.get(), a, u"Sales"_s));
    f.push(Commands::setTouchpointOwner(f.document.get(), b, u"Support"_s));
    f.push(Commands::setTouchpointEvidence(f.document.get(), a, Evidence::Proposed));
    f.push(Commands::setTouchpointEvidence(f.document.get(), b, Evidence::Proposed));

    f.select({a, b});
    QCOMPARE(f.dock->page(), InspectorDock::Page::Touchpoints);
    QCOMPARE(f.dock->touchpointIds().size(), 2);
    QCOMPARE(f.field<QLabel>(u"inspectorHeading"_s)->text(),
             dockText("%n Touchpoints Selected", 2));

    auto *channel = f.field<QComboBox>(u"channelCombo"_s);
    QCOMPARE(channel->currentIndex(), -1);
    QCOMPARE(channel->placeholderText(), u"—"_s);
    QCOMPARE(f.field<QComboBox>(u"evidenceCombo"_s)->currentText(),
             displayName(Evidence::Proposed));
    QCOMPARE(f.field<QCheckBox>(u"deviceBox-"_s + toKey(Device::Desktop))->checkState(),
             Qt::PartiallyChecked);
    QCOMPARE(f.field<QCheckBox>(u"deviceBox-"_s + toKey(Device::Mobile))->checkState(),
             Qt::Checked);
    auto *owner = f.field<QLineEdit>(u"ownerEdit"_s);
    QVERIFY(owner->text().isEmpty());
    QCOMPARE(owner->placeholderText(), u"—"_s);

    // The fields of one card alone are not offered.
    QVERIFY(!f.field<QLineEdit>(u"titleEdit"_s)->isVisibleTo(f.dock.get()));
    QVERIFY(!f.field<InspectorTextEdit>(u"notesEdit"_s)->isVisibleTo(f.dock.get()));

    // Leaving a mixed field without typing changes nothing.
    const int index = f.stack()->index();
    QTest::keyClick(owner, Qt::Key_Return);
    f.settle();
    QCOMPARE(f.stack()->index(), index);
    QCOMPARE(f.touchpoint(a).owner, u"Sales"_s);
}

void TestInspector::setsChannelOfSeveral()
{
    Fixture f;
    QVERIFY(f.isValid());
    QCOMPARE_GE(f.map().touchpoints.size(), 3);
    const QList<Channel> channels = allValues<Channel>();
    const QList<Id> ids{f.map().touchpoints.at(0).id, f.map().touchpoints.at(1).id,
                        f.map().touchpoints.at(2).id};
    for (qsizetype i = 0; i < ids.size(); ++i)
        f.push(Commands::setTouchpointChannel(f.document.get(), ids[i], channels.at(i + 1)));
    QMap<Id, Touchpoint> before;
    for (const Id &id : ids)
        before.insert(id, f.touchpoint(id));

    f.select(ids);
    auto *channel = f.field<QComboBox>(u"channelCombo"_s);
    QCOMPARE(channel->currentIndex(), -1);
    QSignalSpy changes(f.document.get(), &Document::changed);
    const int index = f.stack()->index();

    // Home picks the first channel, which none of them has.
    QTest::keyClick(channel, Qt::Key_Home);
    f.settle();
    QCOMPARE(f.stack()->index(), index + 1);
    QCOMPARE(f.stack()->text(index), dockText("Change Channel of %n Touchpoint(s)", 3));
    QCOMPARE(changes.size(), 3);
    for (const Id &id : ids)
        QCOMPARE(f.touchpoint(id).channel, channels.first());
    QCOMPARE(channel->currentText(), displayName(channels.first()));

    f.stack()->undo();
    f.settle();
    for (const Id &id : ids)
        QCOMPARE(f.touchpoint(id), before.value(id));
    QCOMPARE(channel->currentIndex(), -1);
}

void TestInspector::setsDeviceOfSeveral()
{
    Fixture f;
    QVERIFY(f.isValid());
    const Id a = f.map().touchpoints.at(0).id;
    const Id b = f.map().touchpoints.at(1).id;
    f.push(Commands::setTouchpointDevices(f.document.get(), a, Device::Mobile));
    f.push(Commands::setTouchpointDevices(f.document.get(), b, Device::Desktop));
    f.select({a, b});

    // A click on a mixed box turns that device on everywhere and leaves the others alone.
    auto *desktop = f.field<QCheckBox>(u"deviceBox-"_s + toKey(Device::Desktop));
    QCOMPARE(desktop->checkState(), Qt::PartiallyChecked);
    const int index = f.stack()->index();
    QTest::mouseClick(desktop, Qt::LeftButton);
    f.settle();
    QCOMPARE(f.stack()->index(), index + 1);
    QCOMPARE(f.stack()->text(index), dockText("Change Devices of %n Touchpoint(s)", 1));
    QCOMPARE(f.touchpoint(a).devices, Device::Mobile | Device::Desktop);
    QCOMPARE(f.touchpoint(b).devices, Devices(Device::Desktop));
    QCOMPARE(desktop->checkState(), Qt::Checked);

    // The default colour for all of them, likewise in one step.
    f.push(Commands::setTouchpointColor(f.document.get(), a, QColor(u"#cc3366"_s)));
    f.push(Commands::setTouchpointColor(f.document.get(), b, QColor(u"#3366cc"_s)));
    f.settle();
    auto *color = f.field<ColorButton>(u"colorButton"_s);
    QVERIFY(color->isMixed());
    const int colorIndex = f.stack()->index();
    QTest::mouseClick(color->defaultButton(), Qt::LeftButton);
    f.settle();
    QCOMPARE(f.stack()->index(), colorIndex + 1);
    QVERIFY(!f.touchpoint(a).color.isValid());
    QVERIFY(!f.touchpoint(b).color.isValid());
}

void TestInspector::editsTheMap()
{
    Fixture f;
    QVERIFY(f.isValid());
    f.select({});
    QCOMPARE(f.dock->page(), InspectorDock::Page::Map);

    auto *name = f.field<QLineEdit>(u"mapNameEdit"_s);
    auto *kind = f.field<QComboBox>(u"mapKindCombo"_s);
    auto *description = f.field<InspectorTextEdit>(u"mapDescriptionEdit"_s);
    QCOMPARE(name->text(), f.map().name);
    QCOMPARE(kind->currentText(), displayName(f.map().kind));
    QCOMPARE(description->toPlainText(), f.map().description);

    const JourneyMap before = f.map();
    const int index = f.stack()->index();
    typeInto(name, u"Onboarding today"_s);
    QCOMPARE(f.map().name, u"Onboarding today"_s);
    QCOMPARE(f.stack()->index(), index + 1);

    const MapKind other =
        before.kind == MapKind::CurrentState ? MapKind::FutureState : MapKind::CurrentState;
    kind->setFocus();
    QTest::keyClick(kind, other == MapKind::FutureState ? Qt::Key_End : Qt::Key_Home);
    f.settle();
    QCOMPARE(f.map().kind, other);

    description->selectAll();
    QTest::keyClicks(description, u"What a new customer meets in the first week."_s);
    QVERIFY(description->isModified());
    QTest::keyClick(description, Qt::Key_Return, Qt::ControlModifier);
    f.settle();
    QCOMPARE(f.map().description, u"What a new customer meets in the first week."_s);
    QCOMPARE(f.stack()->index(), index + 3);

    while (f.stack()->index() > index)
        f.stack()->undo();
    f.settle();
    QCOMPARE(f.map(), before);
    QCOMPARE(name->text(), before.name);
}

void TestInspector::followsExternalChanges()
{
    Fixture f;
    QVERIFY(f.isValid());
    const Id id = f.map().touchpoints.first().id;
    f.select({id});

    f.push(Commands::setTouchpointOwner(f.document.get(), id, u"Billing"_s));
    f.push(Commands::setTouchpointEvidence(f.document.get(), id, Evidence::Proposed));
    f.settle();
    QCOMPARE(f.field<QLineEdit>(u"ownerEdit"_s)->text(), u"Billing"_s);
    QCOMPARE(f.field<QComboBox>(u"evidenceCombo"_s)->currentText(),
             displayName(Evidence::Proposed));

    f.push(Commands::removeTouchpoints(f.document.get(), {id}));
    f.settle();
    QCOMPARE(f.dock->page(), InspectorDock::Page::Map);

    f.push(Commands::renameMap(f.document.get(), f.map().id, u"Renamed elsewhere"_s));
    f.settle();
    QCOMPARE(f.field<QLineEdit>(u"mapNameEdit"_s)->text(), u"Renamed elsewhere"_s);
}

void TestInspector::keepsFocusedField()
{
    Fixture f;
    QVERIFY(f.isValid());
    const Id id = f.map().touchpoints.first().id;
    f.select({id});
    f.dock->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(f.dock.get()));

    auto *owner = f.field<QLineEdit>(u"ownerEdit"_s);
    owner->setFocus();
    QVERIFY(owner->hasFocus());
    owner->selectAll();
    QTest::keyClicks(owner, u"Half typ"_s);

    // A change made elsewhere does not overwrite what is being typed...
    f.push(Commands::setTouchpointOwner(f.document.get(), id, u"Someone else"_s));
    f.push(Commands::setTouchpointTitle(f.document.get(), id, u"New title"_s));
    f.settle();
    QCOMPARE(owner->text(), u"Half typ"_s);
    QCOMPARE(f.field<QLineEdit>(u"titleEdit"_s)->text(), u"New title"_s);

    // ...and finishing the edit wins.
    QTest::keyClicks(owner, u"ed"_s);
    QTest::keyClick(owner, Qt::Key_Return);
    f.settle();
    QCOMPARE(f.touchpoint(id).owner, u"Half typed"_s);

    // Closing the dock in the middle of an edit neither crashes nor edits anything.
    QTest::keyClicks(owner, u" by hand"_s);
    const int index = f.stack()->index();
    f.dock.reset();
    f.settle();
    QCOMPARE(f.stack()->index(), index);
}

void TestInspector::switchingMapsKeepsTyping()
{
    Fixture f;
    QVERIFY(f.isValid());
    JourneyMap second;
    second.id = newId();
    second.name = u"Second map"_s;
    f.push(Commands::addMap(f.document.get(), 1, second));
    MapView secondView(f.document.get(), second.id);
    const QString firstName = f.map().name;

    const Id id = f.map().touchpoints.first().id;
    f.select({id});
    auto *owner = f.field<QLineEdit>(u"ownerEdit"_s);
    owner->selectAll();
    QTest::keyClicks(owner, u"Partners"_s);

    // The text typed belongs to the card it was typed for, not to the map shown next.
    f.dock->setScene(secondView.mapScene());
    f.settle();
    QCOMPARE(f.touchpoint(id).owner, u"Partners"_s);
    QCOMPARE(f.dock->page(), InspectorDock::Page::Map);
    QCOMPARE(f.field<QLineEdit>(u"mapNameEdit"_s)->text(), u"Second map"_s);

    // Likewise a map's name typed before going back to the first map.
    auto *name = f.field<QLineEdit>(u"mapNameEdit"_s);
    name->selectAll();
    QTest::keyClicks(name, u"Future"_s);
    f.dock->setScene(f.scene());
    f.settle();
    QCOMPARE(f.document->project().maps.at(1).name, u"Future"_s);
    QCOMPARE(f.map().name, firstName);
    QCOMPARE(f.dock->touchpointIds(), QList<Id>{id});
    f.dock->setScene(nullptr); // before secondView goes
}

void TestInspector::followsTheWindow()
{
    MainWindow window;
    window.show();
    auto *dock = window.findChild<InspectorDock *>(u"inspectorDock"_s);
    QVERIFY(dock);
    QVERIFY(dock->isVisible());
    QCOMPARE(window.dockWidgetArea(dock), Qt::RightDockWidgetArea);
    auto *toggle = window.findChild<QAction *>(u"inspectorAction"_s);
    QVERIFY(toggle);
    QCOMPARE(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_I));

    QVERIFY(window.newProject(u"digital-journey"_s));
    QCoreApplication::processEvents();
    QCOMPARE(dock->document(), window.document());
    MapView *view = window.currentMapView();
    QVERIFY(view);
    QCOMPARE(dock->scene(), view->mapScene());
    QCOMPARE(dock->page(), InspectorDock::Page::Map);
    // Nothing is selected at start: the card page is not built for the first paint.
    QVERIFY(!dock->isTouchpointPageBuilt());

    const Id id = window.document()->project().maps.first().touchpoints.first().id;
    view->mapScene()->selectTouchpoints({id});
    QCoreApplication::processEvents();
    QCOMPARE(dock->page(), InspectorDock::Page::Touchpoints);
    QCOMPARE(dock->touchpointIds(), QList<Id>{id});
    QVERIFY(dock->isTouchpointPageBuilt());

    // The persona library, a tab behind the inspector, is built when first chosen.
    PersonaDock *personas = window.personaDock();
    QVERIFY(!personas->isBuilt());
    personas->raise();
    QTRY_VERIFY(personas->isBuilt());
    QCOMPARE(personas->view()->model()->rowCount(), window.document()->project().personas.size());

    toggle->trigger();
    QVERIFY(!dock->isVisible());
}

QTEST_MAIN(TestInspector)
#include "tst_inspector.moc"
