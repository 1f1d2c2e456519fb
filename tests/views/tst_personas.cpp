// The persona library: the dock's verbs (new and edit through the full editor, duplicate,
// delete, move, drag), each one undo step that undo takes back exactly; Cancel changing
// nothing; photos read through the bounded reader; sorting by business value and filtering.
#include "commands.h"
#include "document.h"
#include "lookup.h"
#include "personadock.h"
#include "personaeditor.h"
#include "personalistmodel.h"
#include "personaphoto.h"
#include "personasheet.h"
#include "templates.h"

#include <QAction>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMainWindow>
#include <QMimeData>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QtEndian>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Waymark;

namespace {

struct Fixture
{
    std::unique_ptr<Document> document;
    std::unique_ptr<PersonaDock> dock;

    explicit Fixture(const QString &templateName)
    {
        StorageError error;
        const std::optional<Project> project = Templates::instantiate(templateName, &error);
        if (!project)
            return;
        document = Document::create(*project, &error);
        if (!document)
            return;
        dock = std::make_unique<PersonaDock>();
        dock->setDocument(document.get());
        dock->resize(380, 760);
        dock->show();
    }

    ~Fixture()
    {
        // The dock lets go of the document first, as the main window does.
        if (dock)
            dock->setDocument(nullptr);
    }

    bool isValid() const { return document && dock; }
    const Project &project() const { return document->project(); }
    QUndoStack *undo() const { return document->undoStack(); }

    const Persona &persona(const QString &name) const
    {
        for (const Persona &p : project().personas) {
            if (p.name == name)
                return p;
        }
        static const Persona none;
        return none;
    }

    QList<QString> shownNames() const
    {
        QList<QString> names;
        for (const Id &id : dock->shownPersonaIds())
            names.append(findById(project().personas, id)->name);
        return names;
    }

    PersonaEditor *editor() const { return dock->openEditor(); }

    template <typename T> T *field(const QString &name) const
    {
        return editor() ? editor()->findChild<T *>(name) : nullptr;
    }

    void clickOk() const
    {
        auto *buttons = editor()->findChild<QDialogButtonBox *>(u"personaEditorButtons"_s);
        buttons->button(QDialogButtonBox::Ok)->click();
    }
};

QList<QString> names(const QList<Persona> &personas)
{
    QList<QString> result;
    for (const Persona &p : personas)
        result.append(p.name);
    return result;
}

QByteArray jpegOf(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(0x8e6c8a));
    QPainter painter(&image);
    painter.fillRect(QRect(width / 4, height / 4, width / 2, height / 2), QColor(0xe9c46a));
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "jpeg");
    return bytes;
}

} // namespace

class TestPersonas : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void newThroughEditor();
    void editThroughEditor();
    void cancelChangesNothing();
    void okWithoutChangesPushesNothing();
    void photo();
    void duplicate();
    void deleteTakesPathsAlong();
    void moveUpAndDown();
    void dragToReorder();
    void sortByBusinessValue();
    void filter_data();
    void filter();
    void filterByBusinessValue();
    void followsChangesMadeElsewhere();
    void buildsWhenFirstSeen();
    void viewBuildsTheCards();
    void sheetPaintsEveryPersona();
    void screenshots();
};

void TestPersonas::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPersonas::newThroughEditor()
{
    Fixture f(u"digital-journey"_s);
    QVERIFY(f.isValid());
    const Project before = f.project();
    const int steps = f.undo()->count();

    f.dock->newAction()->trigger();
    QVERIFY(f.editor());
    QCOMPARE(f.project(), before); // nothing until OK

    f.field<QLineEdit>(u"personaName"_s)->setText(u"Lena Fischer"_s);
    f.field<QPlainTextEdit>(u"personaQuote"_s)->setPlainText(u"Just tell me when it arrives."_s);
    f.field<QLineEdit>(u"personaAge"_s)->setText(u"29"_s);
    f.field<QLineEdit>(u"personaGender"_s)->setText(u"Female"_s);
    f.field<QLineEdit>(u"personaLocation"_s)->setText(u"Hamburg, Germany"_s);
    f.field<QLineEdit>(u"personaOccupation"_s)->setText(u"Nurse"_s);
    f.field<QPlainTextEdit>(u"personaSocioeconomic"_s)->setPlainText(u"Rents, one income"_s);
    f.field<QPlainTextEdit>(u"personaLifestyle"_s)->setPlainText(u"Night shifts"_s);
    f.field<QPlainTextEdit>(u"personaInterests"_s)->setPlainText(u"Rowing"_s);
    f.field<QPlainTextEdit>(u"personaOpinions"_s)->setPlainText(u"Reviews lie"_s);
    f.field<QPlainTextEdit>(u"personaLikes"_s)->setPlainText(u"Parcel lockers"_s);
    f.field<QPlainTextEdit>(u"personaDislikes"_s)->setPlainText(u"Missed deliveries"_s);
    f.field<QPlainTextEdit>(u"personaAttitudes"_s)->setPlainText(u"Impatient"_s);
    f.field<QPlainTextEdit>(u"personaGoals"_s)->setPlainText(u"Buy between shifts"_s);
    f.field<QPlainTextEdit>(u"personaFrustrations"_s)->setPlainText(u"Delivery windows"_s);
    f.field<QPlainTextEdit>(u"personaNeeds"_s)->setPlainText(u"Evening delivery"_s);
    f.field<QCheckBox>(u"personaChannel-mobile-app"_s)->setChecked(true);
    f.field<QCheckBox>(u"personaChannel-email"_s)->setChecked(true);
    f.field<QCheckBox>(u"personaDevice-mobile"_s)->setChecked(true);
    f.field<QLineEdit>(u"personaRole"_s)->setText(u"Buyer"_s);
    f.field<QLineEdit>(u"personaOrganisation"_s)->setText(u"Herself"_s);
    f.field<QLineEdit>(u"personaSegment"_s)->setText(u"Consumer"_s);
    f.field<QPlainTextEdit>(u"personaDecisionPower"_s)->setPlainText(u"Decides alone"_s);
    f.field<QDoubleSpinBox>(u"personaBusinessValue"_s)->setValue(40);
    f.clickOk();

    QCOMPARE(f.undo()->count(), steps + 1);
    QCOMPARE(f.project().personas.size(), before.personas.size() + 1);
    const Persona &added = f.project().personas.last();
    QCOMPARE(added.name, u"Lena Fischer"_s);
    QCOMPARE(added.quote, u"Just tell me when it arrives."_s);
    QCOMPARE(added.age, u"29"_s);
    QCOMPARE(added.location, u"Hamburg, Germany"_s);
    QCOMPARE(added.socioeconomic, u"Rents, one income"_s);
    QCOMPARE(added.dislikes, u"Missed deliveries"_s);
    QCOMPARE(added.needs, u"Evening delivery"_s);
    // Channels come in the order of the list, since none was there before.
    QCOMPARE(added.preferredChannels, (QList<Channel>{Channel::Email, Channel::MobileApp}));
    QCOMPARE(added.preferredDevices, Devices(Device::Mobile));
    QCOMPARE(added.decisionPower, u"Decides alone"_s);
    QCOMPARE(added.businessValue, 0.4);
    QVERIFY(added.color.isValid());
    QVERIFY(!added.id.isNull());
    QCOMPARE(f.dock->currentPersonaId(), added.id);
    QCOMPARE(f.dock->shownPersonaIds().size(), f.project().personas.size());

    f.undo()->undo();
    QCOMPARE(f.project(), before);
    QCOMPARE(f.dock->shownPersonaIds().size(), before.personas.size());
    f.undo()->redo();
    QCOMPARE(f.project().personas.last().name, u"Lena Fischer"_s);
}

void TestPersonas::editThroughEditor()
{
    Fixture f(u"b2b"_s);
    QVERIFY(f.isValid());
    const Project before = f.project();
    const Persona helen = f.persona(u"Helen Carter"_s);
    f.dock->setCurrentPersona(helen.id);
    QVERIFY(f.dock->editAction()->isEnabled());

    f.dock->editAction()->trigger();
    QVERIFY(f.editor());
    QCOMPARE(f.field<QLineEdit>(u"personaRole"_s)->text(), u"CIO"_s);
    QCOMPARE(f.field<QDoubleSpinBox>(u"personaBusinessValue"_s)->value(), 30.0);
    QVERIFY(f.field<QCheckBox>(u"personaChannel-email"_s)->isChecked());

    f.field<QLineEdit>(u"personaLocation"_s)->setText(u"Edinburgh, UK"_s);
    f.field<QDoubleSpinBox>(u"personaBusinessValue"_s)->setValue(35);
    f.field<QCheckBox>(u"personaChannel-email"_s)->setChecked(false);
    f.field<QCheckBox>(u"personaChannel-website"_s)->setChecked(true);
    f.clickOk();

    QCOMPARE(f.undo()->count(), 1);
    const Persona &edited = f.persona(u"Helen Carter"_s);
    QCOMPARE(edited.id, helen.id);
    QCOMPARE(edited.location, u"Edinburgh, UK"_s);
    QCOMPARE(edited.businessValue, 0.35);
    // Phone stays first, as it was; the new channel goes last.
    QCOMPARE(edited.preferredChannels, (QList<Channel>{Channel::Phone, Channel::Website}));
    QCOMPARE(edited.goals, helen.goals);

    f.undo()->undo();
    QCOMPARE(f.project(), before);
}

void TestPersonas::cancelChangesNothing()
{
    Fixture f(u"b2b"_s);
    QVERIFY(f.isValid());
    const Project before = f.project();

    f.dock->setCurrentPersona(f.persona(u"Aisha Khan"_s).id);
    f.dock->editAction()->trigger();
    f.field<QLineEdit>(u"personaName"_s)->setText(u"Someone Else"_s);
    f.editor()->reject();
    QCOMPARE(f.project(), before);

    f.dock->newAction()->trigger();
    f.field<QLineEdit>(u"personaName"_s)->setText(u"Never Added"_s);
    f.editor()->reject();
    QCOMPARE(f.project(), before);
    QCOMPARE(f.undo()->count(), 0);
}

void TestPersonas::okWithoutChangesPushesNothing()
{
    Fixture f(u"b2b"_s);
    QVERIFY(f.isValid());
    const Project before = f.project();

    // Every persona, with its multi-line texts and business values that the spin box rounds.
    for (const Persona &p : before.personas) {
        f.dock->setCurrentPersona(p.id);
        f.dock->editAction()->trigger();
        QVERIFY(f.editor());
        f.clickOk();
    }
    QCOMPARE(f.undo()->count(), 0);
    QCOMPARE(f.project(), before);

    // An empty name cannot be confirmed.
    f.dock->editAction()->trigger();
    f.field<QLineEdit>(u"personaName"_s)->setText(u"  "_s);
    auto *buttons = f.editor()->findChild<QDialogButtonBox *>(u"personaEditorButtons"_s);
    QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
    f.editor()->reject();
}

void TestPersonas::photo()
{
    Fixture f(u"digital-journey"_s);
    QVERIFY(f.isValid());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    const Persona priya = f.persona(u"Priya Shah"_s);
    f.dock->setCurrentPersona(priya.id);
    f.dock->editAction()->trigger();
    PersonaEditor *editor = f.editor();
    QVERIFY(editor);

    // A PNG header that claims 60,000 × 60,000 pixels is refused from its header.
    QByteArray bomb("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
    QByteArray size(8, '\0');
    qToBigEndian<quint32>(60000, size.data());
    qToBigEndian<quint32>(60000, size.data() + 4);
    bomb += size + QByteArray("\x08\x06\0\0\0", 5) + QByteArray(4, '\0');
    const QString bombPath = dir.filePath(u"bomb.png"_s);
    QFile bombFile(bombPath);
    QVERIFY(bombFile.open(QIODevice::WriteOnly));
    bombFile.write(bomb);
    bombFile.close();
    QVERIFY(!editor->setPhotoFromFile(bombPath));
    QVERIFY(!editor->photoError().isEmpty());
    QVERIFY(editor->findChild<QLabel *>(u"personaPhotoError"_s)->isVisibleTo(editor));
    QVERIFY(editor->persona().photo.isEmpty());

    const QString photoPath = dir.filePath(u"priya.jpg"_s);
    QFile photoFile(photoPath);
    QVERIFY(photoFile.open(QIODevice::WriteOnly));
    photoFile.write(jpegOf(1800, 1200));
    photoFile.close();
    QVERIFY(editor->setPhotoFromFile(photoPath));
    QVERIFY(editor->photoError().isEmpty());
    f.clickOk();

    const QImage stored = QImage::fromData(f.persona(u"Priya Shah"_s).photo);
    QCOMPARE(stored.size(), QSize(512, 341));
    QCOMPARE(f.undo()->count(), 1);

    // Clearing it is one more step.
    f.dock->editAction()->trigger();
    f.field<QPushButton>(u"personaPhotoClear"_s)->click();
    f.clickOk();
    QVERIFY(f.persona(u"Priya Shah"_s).photo.isEmpty());
    QCOMPARE(f.undo()->count(), 2);
    f.undo()->undo();
    QVERIFY(!f.persona(u"Priya Shah"_s).photo.isEmpty());
}

void TestPersonas::duplicate()
{
    Fixture f(u"b2b"_s);
    QVERIFY(f.isValid());
    const Project before = f.project();
    const Persona aisha = f.persona(u"Aisha Khan"_s);
    const qsizetype index = indexOfId(before.personas, aisha.id);

    f.dock->setCurrentPersona(aisha.id);
    f.dock->duplicateAction()->trigger();
    QCOMPARE(f.undo()->count(), 1);
    QCOMPARE(f.project().personas.size(), before.personas.size() + 1);

    Persona copy = f.project().personas.at(index + 1);
    QVERIFY(copy.id != aisha.id);
    QVERIFY(!copy.id.isNull());
    QVERIFY(copy.name.startsWith(aisha.name));
    QVERIFY(copy.name != aisha.name);
    QCOMPARE(f.dock->currentPersonaId(), copy.id);
    copy.id = aisha.id;
    copy.name = aisha.name;
    QCOMPARE(copy, aisha); // every other field the same

    f.undo()->undo();
    QCOMPARE(f.project(), before);
}

void TestPersonas::deleteTakesPathsAlong()
{
    Fixture f(u"digital-journey"_s);
    QVERIFY(f.isValid());
    const Project before = f.project();
    const Persona priya = f.persona(u"Priya Shah"_s);
    QVERIFY(!personaPath(before.maps.first(), priya.id).isEmpty());

    f.dock->setCurrentPersona(priya.id);
    QTest::keyClick(f.dock->view(), Qt::Key_Delete);
    QCOMPARE(f.undo()->count(), 1);
    QVERIFY(!findById(f.project().personas, priya.id));
    QVERIFY(personaPath(f.project().maps.first(), priya.id).isEmpty());
    QCOMPARE(f.shownNames(), QList<QString>{u"George Whitfield"_s});
    // The next card is current, ready for the next verb.
    QCOMPARE(f.dock->currentPersonaId(), f.persona(u"George Whitfield"_s).id);

    f.undo()->undo();
    QCOMPARE(f.project(), before);
    QCOMPARE(f.shownNames(), names(before.personas));

    f.dock->setCurrentPersona(priya.id);
    f.dock->deleteAction()->trigger();
    QCOMPARE(f.undo()->count(), 1); // the redo step was replaced
    QVERIFY(!findById(f.project().personas, priya.id));
}

void TestPersonas::moveUpAndDown()
{
    Fixture f(u"b2b"_s);
    QVERIFY(f.isValid());
    const Project before = f.project();
    const QList<QString> order = names(before.personas);

    f.dock->setCurrentPersona(f.persona(u"Helen Carter"_s).id);
    QVERIFY(!f.dock->moveUpAction()->isEnabled()); // already first
    QVERIFY(f.dock->moveDownAction()->isEnabled());
    f.dock->moveDownAction()->trigger();
    QCOMPARE(f.undo()->count(), 1);
    QCOMPARE(names(f.project().personas),
             (QList<QString>{order[1], order[0], order[2], order[3], order[4]}));
    QCOMPARE(f.shownNames(), names(f.project().personas));
    QCOMPARE(f.dock->currentPersonaId(), f.persona(u"Helen Carter"_s).id); // still selected

    f.dock->setCurrentPersona(f.persona(u"Grace Adeyemi"_s).id);
    QVERIFY(!f.dock->moveDownAction()->isEnabled()); // already last
    f.dock->moveUpAction()->trigger();
    QCOMPARE(f.undo()->count(), 2);
    QCOMPARE(names(f.project().personas),
             (QList<QString>{order[1], order[0], order[2], order[4], order[3]}));

    f.undo()->undo();
    f.undo()->undo();
    QCOMPARE(f.project(), before);
    QCOMPARE(f.shownNames(), order);
}

void TestPersonas::dragToReorder()
{
    Fixture f(u"b2b"_s);
    QVERIFY(f.isValid());
    const Project before = f.project();
    const QList<QString> order = names(before.personas);
    QAbstractItemModel *model = f.dock->view()->model();
    QVERIFY(f.dock->view()->dragEnabled());

    // Grace dragged to before Marcus.
    std::unique_ptr<QMimeData> data(model->mimeData({model->index(4, 0)}));
    QVERIFY(data);
    QVERIFY(model->dropMimeData(data.get(), Qt::MoveAction, 1, 0, {}));
    QCOMPARE(f.undo()->count(), 1);
    QCOMPARE(names(f.project().personas),
             (QList<QString>{order[0], order[4], order[1], order[2], order[3]}));

    // Helen dragged onto the empty space below the cards: to the end.
    data.reset(model->mimeData({model->index(0, 0)}));
    QVERIFY(model->dropMimeData(data.get(), Qt::MoveAction, -1, 0, {}));
    QCOMPARE(names(f.project().personas),
             (QList<QString>{order[4], order[1], order[2], order[3], order[0]}));
    QCOMPARE(f.undo()->count(), 2);

    f.undo()->undo();
    f.undo()->undo();
    QCOMPARE(f.project(), before);

    // Sorted by anything but the library's order, the cards cannot be dragged.
    f.dock->findChild<QComboBox *>(u"personaOrder"_s)->setCurrentIndex(2);
    QVERIFY(!f.dock->view()->dragEnabled());
}

void TestPersonas::sortByBusinessValue()
{
    Fixture f(u"b2b"_s);
    QVERIFY(f.isValid());
    auto *order = f.dock->findChild<QComboBox *>(u"personaOrder"_s);
    QVERIFY(order);

    // Grace is worth the most once she is edited; the library order stays as it is.
    Persona grace = f.persona(u"Grace Adeyemi"_s);
    grace.businessValue = 0.5;
    f.document->push(Commands::updatePersona(f.document.get(), grace).release());

    order->setCurrentIndex(order->findData(int(PersonaFilterModel::Order::BusinessValue)));
    QCOMPARE(f.shownNames(),
             (QList<QString>{u"Grace Adeyemi"_s, u"Helen Carter"_s, u"Marcus Reid"_s,
                             u"Aisha Khan"_s, u"Tomasz Nowak"_s}));
    f.dock->setCurrentPersona(f.persona(u"Marcus Reid"_s).id);
    QVERIFY(!f.dock->moveUpAction()->isEnabled());
    QVERIFY(!f.dock->moveDownAction()->isEnabled());

    // The order follows an undo.
    f.undo()->undo();
    QCOMPARE(f.shownNames().first(), u"Helen Carter"_s);
    QCOMPARE(f.shownNames().last(), u"Grace Adeyemi"_s);

    order->setCurrentIndex(order->findData(int(PersonaFilterModel::Order::Name)));
    QCOMPARE(f.shownNames(), (QList<QString>{u"Aisha Khan"_s, u"Grace Adeyemi"_s, u"Helen Carter"_s,
                                             u"Marcus Reid"_s, u"Tomasz Nowak"_s}));
    order->setCurrentIndex(order->findData(int(PersonaFilterModel::Order::Library)));
    QCOMPARE(f.shownNames(), names(f.project().personas));
}

void TestPersonas::filter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("b2bOnly");
    QTest::addColumn<QList<QString>>("shown");

    const QList<QString> all = {u"Helen Carter"_s, u"Marcus Reid"_s,   u"Aisha Khan"_s,
                                u"Tomasz Nowak"_s, u"Grace Adeyemi"_s, u"Priya Shah"_s};
    QTest::newRow("nothing") << QString() << false << all;
    QTest::newRow("a place") << u"leeds"_s << false
                             << QList<QString>{u"Aisha Khan"_s, u"Tomasz Nowak"_s};
    QTest::newRow("two words, anywhere")
        << u"london  CIO"_s << false << QList<QString>{u"Helen Carter"_s};
    QTest::newRow("a goal") << u"checkout"_s << false << QList<QString>{u"Priya Shah"_s};
    QTest::newRow("no match") << u"astronaut"_s << false << QList<QString>();
    QTest::newRow("B2B roles only") << QString() << true << all.mid(0, 5);
    QTest::newRow("B2B roles and text")
        << u"female"_s << true
        << QList<QString>{u"Helen Carter"_s, u"Aisha Khan"_s, u"Grace Adeyemi"_s};
}

void TestPersonas::filter()
{
    QFETCH(QString, text);
    QFETCH(bool, b2bOnly);
    QFETCH(QList<QString>, shown);

    Fixture f(u"b2b"_s);
    QVERIFY(f.isValid());
    // A consumer persona beside the B2B roles.
    Persona priya;
    priya.id = newId();
    priya.name = u"Priya Shah"_s;
    priya.goals = u"A fast checkout on her phone"_s;
    priya.gender = u"Female"_s;
    f.document->push(Commands::addPersona(f.document.get(), 5, priya).release());

    f.dock->findChild<QLineEdit *>(u"personaFilter"_s)->setText(text);
    f.dock->findChild<QCheckBox *>(u"personaB2BOnly"_s)->setChecked(b2bOnly);
    QCOMPARE(f.shownNames(), shown);
    QCOMPARE(f.dock->view()->dragEnabled(), text.isEmpty() && !b2bOnly);

    // Clearing the filter shows everything again.
    f.dock->findChild<QLineEdit *>(u"personaFilter"_s)->clear();
    f.dock->findChild<QCheckBox *>(u"personaB2BOnly"_s)->setChecked(false);
    QCOMPARE(f.shownNames().size(), 6);
}

void TestPersonas::filterByBusinessValue()
{
    Fixture f(u"b2b"_s);
    QVERIFY(f.isValid());
    QList<double> values;
    for (const Persona &persona : f.project().personas)
        values.append(persona.businessValue);
    std::sort(values.begin(), values.end());
    QVERIFY(values.size() >= 3);
    // The middle value: the roles worth at least as much show, the others are hidden.
    const double threshold = values.at(values.size() / 2);
    QStringList expected;
    for (const Persona &persona : f.project().personas) {
        if (persona.businessValue >= threshold)
            expected.append(persona.name);
    }
    QVERIFY(expected.size() < f.project().personas.size());

    auto *minimum = f.dock->findChild<QDoubleSpinBox *>(u"personaMinimumValue"_s);
    QVERIFY(minimum);
    QVERIFY(!minimum->prefix().isEmpty());
    minimum->setValue(threshold);
    QStringList shown = f.shownNames();
    QCOMPARE(shown, expected);
    QVERIFY(!f.dock->view()->dragEnabled());

    minimum->setValue(0);
    QCOMPARE(f.shownNames().size(), f.project().personas.size());
}

void TestPersonas::followsChangesMadeElsewhere()
{
    Fixture f(u"b2b"_s);
    QVERIFY(f.isValid());
    QSignalSpy changed(f.dock->view()->model(), &QAbstractItemModel::dataChanged);

    Persona marcus = f.persona(u"Marcus Reid"_s);
    marcus.name = u"Marcus J. Reid"_s;
    f.document->push(Commands::updatePersona(f.document.get(), marcus).release());
    QVERIFY(changed.count() >= 1);
    QVERIFY(f.shownNames().contains(u"Marcus J. Reid"_s));

    f.document->push(Commands::removePersona(f.document.get(), marcus.id).release());
    QCOMPARE(f.shownNames().size(), 4);
    f.undo()->undo();
    f.undo()->undo();
    QCOMPARE(f.shownNames().at(1), u"Marcus Reid"_s);

    f.dock->setDocument(nullptr);
    QCOMPARE(f.dock->shownPersonaIds().size(), 0);
    QVERIFY(!f.dock->newAction()->isEnabled());
}

void TestPersonas::buildsWhenFirstSeen()
{
    StorageError error;
    const std::optional<Project> project = Templates::instantiate(u"digital-journey"_s, &error);
    QVERIFY(project);
    const std::unique_ptr<Document> document = Document::create(*project, &error);
    QVERIFY(document);
    const Persona priya = *std::find_if(project->personas.cbegin(), project->personas.cend(),
                                        [](const Persona &p) { return p.name == u"Priya Shah"_s; });

    // As at start-up: the library is a tab behind another dock.
    QMainWindow window;
    window.resize(1200, 800);
    window.setCentralWidget(new QWidget);
    auto *front = new QDockWidget(u"Front"_s, &window);
    front->setWidget(new QLabel(u"In front"_s));
    auto *dock = new PersonaDock(&window);
    window.addDockWidget(Qt::RightDockWidgetArea, front);
    window.addDockWidget(Qt::RightDockWidgetArea, dock);
    window.tabifyDockWidget(dock, front);
    front->raise();
    dock->setDocument(document.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCoreApplication::processEvents();
    QVERIFY(!dock->isHidden());
    QVERIFY(!dock->isBuilt());
    QVERIFY(!dock->findChild<QListView *>());
    QVERIFY(!dock->findChild<QLineEdit *>(u"personaFilter"_s));

    // Unbuilt, it still follows the document and the chosen persona.
    QCOMPARE(dock->shownPersonaIds().size(), project->personas.size());
    QVERIFY(!dock->editAction()->isEnabled());
    dock->setCurrentPersona(priya.id);
    QCOMPARE(dock->currentPersonaId(), priya.id);
    QVERIFY(dock->editAction()->isEnabled());
    QVERIFY(dock->deleteAction()->isEnabled());
    QVERIFY(dock->newAction()->isEnabled());

    // Chosen, it builds its cards with that persona current.
    dock->raise();
    QTRY_VERIFY(dock->isBuilt());
    QListView *view = dock->findChild<QListView *>(u"personaList"_s);
    QVERIFY(view);
    QCOMPARE(dock->view(), view);
    QTRY_VERIFY(view->isVisible());
    QCOMPARE(view->model()->rowCount(), project->personas.size());
    QCOMPARE(view->currentIndex().data(PersonaListModel::IdRole).value<Id>(), priya.id);
    QCOMPARE(dock->currentPersonaId(), priya.id);
    for (const QString &name : {u"personaFilter"_s, u"personaOrder"_s, u"personaB2BOnly"_s,
                                u"personaMinimumValue"_s, u"personaToolBar"_s}) {
        QVERIFY2(dock->findChild<QWidget *>(name), qPrintable(name));
        QVERIFY2(dock->findChild<QWidget *>(name)->isVisible(), qPrintable(name));
    }

    // And works as before: the filter narrows the cards.
    dock->findChild<QLineEdit *>(u"personaFilter"_s)->setText(u"George"_s);
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(findById(project->personas, dock->shownPersonaIds().first())->name,
             u"George Whitfield"_s);
    dock->setDocument(nullptr);
}

void TestPersonas::viewBuildsTheCards()
{
    Fixture f(u"digital-journey"_s);
    QVERIFY(f.isValid());
    QVERIFY(f.dock->isBuilt()); // shown
    // Laid out as soon as it is built, to the dock's width, without a turn of the event loop.
    const QWidget *content = f.dock->widget();
    QVERIFY2(content->width() > f.dock->width() - 20,
             qPrintable(QString::number(content->width())));
    QVERIFY(content->width() <= f.dock->width());
    QVERIFY(content->height() > f.dock->height() - 60);
    QVERIFY(f.dock->view()->geometry().right() < content->width());

    // Made narrower, the cards follow the list's width: nothing to scroll sideways.
    f.dock->resize(300, 760);
    QListView *list = f.dock->view();
    QTRY_COMPARE(list->visualRect(list->model()->index(0, 0)).width(), list->viewport()->width());
    QVERIFY(!list->horizontalScrollBar()->isVisible());

    PersonaDock hidden;
    hidden.setDocument(f.document.get());
    QVERIFY(!hidden.isBuilt());
    const Id priya = f.persona(u"Priya Shah"_s).id;
    hidden.setCurrentPersona(priya);
    QListView *view = hidden.view();
    QVERIFY(view);
    QVERIFY(hidden.isBuilt());
    QCOMPARE(view->model()->rowCount(), f.project().personas.size());
    QCOMPARE(view->currentIndex().data(PersonaListModel::IdRole).value<Id>(), priya);
    hidden.setDocument(nullptr);
}

void TestPersonas::sheetPaintsEveryPersona()
{
    Fixture f(u"b2b"_s);
    QVERIFY(f.isValid());
    for (const Persona &p : f.project().personas) {
        const QImage page = PersonaSheet(f.project(), p).toImage(72);
        QCOMPARE(page.size(), QSize(595, 842));
        // The band is in the persona's colour, the body white.
        QCOMPARE(page.pixelColor(4, 4), p.color);
        QCOMPARE(page.pixelColor(4, 600), QColor(Qt::white));
    }
    QCOMPARE(PersonaSheet::fileBaseName(f.persona(u"Helen Carter"_s), {u"helen carter"_s}),
             u"Helen Carter (2)"_s);
    Persona odd;
    odd.name = u"../a:b*c"_s;
    QCOMPARE(PersonaSheet::fileBaseName(odd, {}), u"-a-b-c"_s);
}

// With WAYMARK_SCREENSHOTS set to a folder, writes what a facilitator would see: the dock
// with the sample's and the b2b template's personas, the editor, and a sheet.
void TestPersonas::screenshots()
{
    const QString folder = qEnvironmentVariable("WAYMARK_SCREENSHOTS");
    if (folder.isEmpty())
        QSKIP("Set WAYMARK_SCREENSHOTS to a folder to write the screenshots.");
    QVERIFY(QDir().mkpath(folder));

    for (const QString &name : {u"digital-journey"_s, u"b2b"_s}) {
        Fixture f(name);
        QVERIFY(f.isValid());
        if (name == u"digital-journey"_s) { // one persona with a photo, one without
            Persona priya = f.project().personas.first();
            priya.photo = PersonaPhoto::fromBytes(jpegOf(900, 1200)).bytes;
            f.document->push(Commands::updatePersona(f.document.get(), priya).release());
        }
        f.dock->setCurrentPersona(f.project().personas.first().id);
        QVERIFY(f.dock->grab().save(folder + u"/dock-"_s + name + u".png"_s));
        if (name == u"b2b"_s) {
            f.dock->editAction()->trigger();
            QVERIFY(f.editor());
            for (int tab = 0; tab < 5; ++tab) {
                f.editor()->findChild<QTabWidget *>(u"personaEditorTabs"_s)->setCurrentIndex(tab);
                QVERIFY(f.editor()->grab().save(folder + u"/editor-%1.png"_s.arg(tab)));
            }
            f.editor()->reject();
        }
        QVERIFY(PersonaSheet(f.project(), f.project().personas.first())
                    .toImage()
                    .save(folder + u"/sheet-"_s + name + u".png"_s));
    }
}

QTEST_MAIN(TestPersonas)

#include "tst_personas.moc"
