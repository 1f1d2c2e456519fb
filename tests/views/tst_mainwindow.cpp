// The main window: its title, its undo actions, opening, saving and reverting, the
// questions it asks before work could be lost, the recent files and a tab per map.
#include "../common/crashedcopy.h"

#include "commands.h"
#include "document.h"
#include "inlineeditor.h"
#include "lookup.h"
#include "mainwindow.h"
#include "mapscene.h"
#include "mapview.h"
#include "preferencesdialog.h"
#include "recentfiles.h"
#include "stageheaderitem.h"
#include "templates.h"
#include "touchpointcarditem.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Waymark;

namespace {

// A main window whose questions are answered by the test instead of a person.
class TestWindow : public MainWindow
{
public:
    QMessageBox::StandardButton saveAnswer = QMessageBox::Cancel;
    int saveQuestions = 0;
    bool revertAnswer = true;
    int revertQuestions = 0;
    QString openPath;
    QString savePath;
    int savePathQuestions = 0;
    QStringList errors;
    QMessageBox::StandardButton recoverAnswer = QMessageBox::Ignore;
    int recoverQuestions = 0;

protected:
    QMessageBox::StandardButton askToRecover(const WorkingCopyOrphan &) override
    {
        ++recoverQuestions;
        return recoverAnswer;
    }
    QMessageBox::StandardButton askToSaveChanges() override
    {
        ++saveQuestions;
        return saveAnswer;
    }
    bool askToRevert() override
    {
        ++revertQuestions;
        return revertAnswer;
    }
    QString askOpenPath() override { return openPath; }
    QString askSavePath(const QString &) override
    {
        ++savePathQuestions;
        return savePath;
    }
    void showError(const QString &summary, const StorageError &error) override
    {
        errors.append(summary + u' ' + error.message);
    }
};

QMenu *menu(const MainWindow &window, const QString &name)
{
    return window.menuBar()->findChild<QMenu *>(name);
}

QAction *action(const MainWindow &window, const QString &menuName, const QString &name)
{
    QMenu *m = menu(window, menuName);
    if (!m)
        return nullptr;
    const QList<QAction *> actions = m->actions();
    const auto it = std::find_if(actions.cbegin(), actions.cend(),
                                 [&](const QAction *a) { return a->objectName() == name; });
    return it == actions.cend() ? nullptr : *it;
}

const JourneyMap &currentMap(const MainWindow &window)
{
    return *findById(window.document()->project().maps, window.currentMapView()->mapId());
}

bool renameFirstStage(MainWindow &window, const QString &name)
{
    Document *doc = window.document();
    Commands::Command command =
        Commands::renameStage(doc, currentMap(window).stages.first().id, name);
    if (!command)
        return false;
    doc->push(command.release());
    return true;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void startsWithBlankProject();
    void startsWithNothingBeforeAFile();
    void titleShowsFileAndModifiedMark();
    void undoActionNamedAfterCommand();
    void saveThenRevert();
    void revertCanBeDeclined();
    void closeAsksOnlyWhenModified_data();
    void closeAsksOnlyWhenModified();
    void openReportsErrors_data();
    void openReportsErrors();
    void openFromMenu();
    void saveUntitledAsksForPath();
    void newProjectAsksBeforeReplacing_data();
    void newProjectAsksBeforeReplacing();
    void recentFilesMenu();
    void recentFilesKeepsTen();
    void tabPerMap();
    void statusBarCounts();
    void deleteActionRemovesSelection();
    void deleteKeyInEditorEditsText();
    void offersToRecoverAfterACrash_data();
    void offersToRecoverAfterACrash();
    void preferencesStoreAuthorAndTemplate();
    void newShortcutFollowsPreferences_data();
    void newShortcutFollowsPreferences();

private:
    std::unique_ptr<QTemporaryDir> mDir;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"WaymarkTests"_s);
    QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
    QVERIFY(Testing::clearWorkingFolder());
}

void TestMainWindow::init()
{
    QSettings().clear();
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
}

void TestMainWindow::startsWithBlankProject()
{
    TestWindow window;
    QVERIFY(window.document());
    QVERIFY(window.document()->filePath().isEmpty());
    QVERIFY(!window.document()->isModified());
    QCOMPARE(window.mapViewCount(), window.document()->project().maps.size());
    QVERIFY(window.currentMapView());
    QCOMPARE(window.windowTitle(), u"Untitled[*] — Waymark"_s);
    QVERIFY(!window.isWindowModified());
}

// What the application does when it is given a file: no blank project (and canvas) first.
void TestMainWindow::startsWithNothingBeforeAFile()
{
    const QString path = mDir->filePath(u"journey.waymark"_s);
    {
        TestWindow first;
        first.savePath = path;
        QVERIFY(first.saveAs());
    }

    MainWindow window(MainWindow::StartWith::Nothing);
    QVERIFY(!window.document());
    QCOMPARE(window.mapViewCount(), 0);
    QVERIFY(!window.findChild<QAction *>(u"selectAllAction"_s)->isEnabled());
    QVERIFY(window.openFile(path));
    QVERIFY(window.document());
    QCOMPARE(window.document()->filePath(), path);
    QCOMPARE(window.mapViewCount(), window.document()->project().maps.size());
    QVERIFY(window.currentMapView());

    // Where the file cannot be opened, the application starts the blank project instead.
    window.startBlankProject();
    QVERIFY(window.document()->filePath().isEmpty());
    QVERIFY(window.currentMapView());
    QCOMPARE(window.windowTitle(), u"Untitled[*] — Waymark"_s);
}

void TestMainWindow::titleShowsFileAndModifiedMark()
{
    TestWindow window;
    const QString path = mDir->filePath(u"journey.waymark"_s);
    QVERIFY(window.saveTo(path));
    QCOMPARE(window.windowTitle(), u"journey.waymark[*] — Waymark"_s);
    QVERIFY(!window.isWindowModified());

    QVERIFY(renameFirstStage(window, u"Discover"_s));
    QVERIFY(window.isWindowModified());

    window.document()->undoStack()->undo();
    QVERIFY2(!window.isWindowModified(), "undoing back to the saved state is not a change");
}

void TestMainWindow::undoActionNamedAfterCommand()
{
    TestWindow window;
    QAction *undo = action(window, u"editMenu"_s, u"undoAction"_s);
    QAction *redo = action(window, u"editMenu"_s, u"redoAction"_s);
    QVERIFY(undo);
    QVERIFY(redo);
    QVERIFY(!undo->isEnabled());

    QVERIFY(renameFirstStage(window, u"Discover"_s));
    QVERIFY(undo->isEnabled());
    QCOMPARE(undo->text(), u"Undo Rename Stage"_s);

    undo->trigger();
    QCOMPARE(currentMap(window).stages.first().name, u"Awareness"_s);
    QCOMPARE(redo->text(), u"Redo Rename Stage"_s);
}

void TestMainWindow::saveThenRevert()
{
    TestWindow window;
    const QString path = mDir->filePath(u"journey.waymark"_s);
    QVERIFY(window.saveTo(path));
    const QString saved = currentMap(window).stages.first().name;

    QVERIFY(renameFirstStage(window, u"Discover"_s));
    QVERIFY(window.isWindowModified());

    QVERIFY(window.revert());
    QCOMPARE(window.revertQuestions, 1);
    QCOMPARE(currentMap(window).stages.first().name, saved);
    QVERIFY(!window.isWindowModified());
    QCOMPARE(window.document()->filePath(), QFileInfo(path).absoluteFilePath());
    MapScene *scene = window.currentMapView()->mapScene();
    scene->ensureCurrent();
    QCOMPARE(scene->stageHeaders().first()->name(), saved);
    QVERIFY(window.errors.isEmpty());
}

void TestMainWindow::revertCanBeDeclined()
{
    TestWindow window;
    QVERIFY(window.saveTo(mDir->filePath(u"journey.waymark"_s)));
    QVERIFY(renameFirstStage(window, u"Discover"_s));
    window.revertAnswer = false;

    QVERIFY(!window.revert());
    QCOMPARE(window.revertQuestions, 1);
    QCOMPARE(currentMap(window).stages.first().name, u"Discover"_s);
    QVERIFY(window.isWindowModified());
}

void TestMainWindow::closeAsksOnlyWhenModified_data()
{
    QTest::addColumn<bool>("modify");
    QTest::addColumn<int>("answer");
    QTest::addColumn<int>("questions");
    QTest::addColumn<bool>("closed");
    QTest::addColumn<bool>("savedToFile");

    QTest::newRow("unmodified") << false << int(QMessageBox::Cancel) << 0 << true << false;
    QTest::newRow("modified, cancel") << true << int(QMessageBox::Cancel) << 1 << false << false;
    QTest::newRow("modified, discard") << true << int(QMessageBox::Discard) << 1 << true << false;
    QTest::newRow("modified, save") << true << int(QMessageBox::Save) << 1 << true << true;
}

void TestMainWindow::closeAsksOnlyWhenModified()
{
    QFETCH(bool, modify);
    QFETCH(int, answer);
    QFETCH(int, questions);
    QFETCH(bool, closed);
    QFETCH(bool, savedToFile);
    TestWindow window;
    window.saveAnswer = QMessageBox::StandardButton(answer);
    window.savePath = mDir->filePath(u"closing.waymark"_s);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    if (modify)
        QVERIFY(renameFirstStage(window, u"Discover"_s));

    QCOMPARE(window.close(), closed);
    QCOMPARE(window.saveQuestions, questions);
    QCOMPARE(window.isVisible(), !closed);
    QCOMPARE(QFile::exists(window.savePath), savedToFile);
}

void TestMainWindow::openReportsErrors_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("contents"); // empty: no file at all

    QTest::newRow("missing") << u"missing.waymark"_s << QByteArray();
    QTest::newRow("not a project") << u"notes.waymark"_s << QByteArray("Just some notes.\n");
}

void TestMainWindow::openReportsErrors()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, contents);
    const QString path = mDir->filePath(fileName);
    if (!contents.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(contents);
    }
    TestWindow window;
    const Document *before = window.document();

    QVERIFY(!window.openFile(path));
    QCOMPARE(window.errors.size(), 1);
    QVERIFY2(window.errors.first().contains(fileName), qPrintable(window.errors.first()));
    QCOMPARE(window.document(), before);
    QVERIFY(!window.recentFiles().files().contains(path));
}

void TestMainWindow::openFromMenu()
{
    const QString path = mDir->filePath(u"shared.waymark"_s);
    {
        TestWindow writer;
        QVERIFY(writer.newProject(u"digital-journey"_s));
        QVERIFY(writer.saveTo(path));
    }

    TestWindow window;
    window.openPath = path;
    QAction *open = action(window, u"fileMenu"_s, u"openAction"_s);
    QVERIFY(open);
    QCOMPARE(open->shortcut(), QKeySequence(QKeySequence::Open));
    open->trigger();

    QCOMPARE(window.document()->filePath(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(window.windowTitle(), u"shared.waymark[*] — Waymark"_s);
    QCOMPARE(window.mapViewCount(), window.document()->project().maps.size());
    QVERIFY(!window.currentMapView()->mapScene()->cards().isEmpty());
    QCOMPARE(window.recentFiles().files().value(0), QFileInfo(path).absoluteFilePath());
}

void TestMainWindow::saveUntitledAsksForPath()
{
    TestWindow window;
    window.savePath = mDir->filePath(u"plan"_s);

    QVERIFY(window.save());
    QCOMPARE(window.savePathQuestions, 1);
    const QString expected = QFileInfo(mDir->filePath(u"plan.waymark"_s)).absoluteFilePath();
    QVERIFY(QFile::exists(expected));
    QCOMPARE(window.document()->filePath(), expected);

    // Saved once, it is saved in place without asking again.
    QVERIFY(renameFirstStage(window, u"Discover"_s));
    QVERIFY(window.save());
    QCOMPARE(window.savePathQuestions, 1);
    QVERIFY(!window.isWindowModified());

    // Cancelling the dialog saves nothing.
    window.savePath.clear();
    QVERIFY(!window.saveAs());
    QCOMPARE(window.savePathQuestions, 2);
}

void TestMainWindow::newProjectAsksBeforeReplacing_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<bool>("replaced");

    QTest::newRow("cancel") << int(QMessageBox::Cancel) << false;
    QTest::newRow("discard") << int(QMessageBox::Discard) << true;
}

void TestMainWindow::newProjectAsksBeforeReplacing()
{
    QFETCH(int, answer);
    QFETCH(bool, replaced);
    TestWindow window;
    const Document *before = window.document();
    QVERIFY(renameFirstStage(window, u"Discover"_s));
    window.saveAnswer = QMessageBox::StandardButton(answer);

    QAction *fromTemplate = action(window, u"newMenu"_s, u"newFrom-digital-journey"_s);
    QVERIFY(fromTemplate);
    fromTemplate->trigger();

    QCOMPARE(window.saveQuestions, 1);
    QCOMPARE(window.document() != before, replaced);
    QCOMPARE(window.isWindowModified(), !replaced);
    if (replaced) {
        QVERIFY(window.document()->filePath().isEmpty());
        QVERIFY(!currentMap(window).touchpoints.isEmpty());
    }
}

void TestMainWindow::recentFilesMenu()
{
    TestWindow window;
    const QString first = mDir->filePath(u"first.waymark"_s);
    const QString second = mDir->filePath(u"second.waymark"_s);
    QVERIFY(window.saveTo(first));
    QVERIFY(window.saveTo(second));

    QMenu *recent = menu(window, u"recentMenu"_s);
    QVERIFY(recent);
    emit recent->aboutToShow();
    QStringList texts;
    for (QAction *a : recent->actions()) {
        if (!a->isSeparator())
            texts.append(a->text());
    }
    QCOMPARE(texts.size(), 3);
    QCOMPARE(texts.at(0), u"&1 second.waymark"_s);
    QCOMPARE(texts.at(1), u"&2 first.waymark"_s);

    // Opening from the menu reopens that file.
    recent->actions().at(1)->trigger();
    QCOMPARE(window.document()->filePath(), QFileInfo(first).absoluteFilePath());
    QCOMPARE(window.recentFiles().files().first(), QFileInfo(first).absoluteFilePath());

    emit recent->aboutToShow();
    QAction *clear = recent->findChild<QAction *>(u"clearRecent"_s);
    QVERIFY(clear);
    QVERIFY(clear->isEnabled());
    clear->trigger();
    QVERIFY(window.recentFiles().files().isEmpty());
}

void TestMainWindow::recentFilesKeepsTen()
{
    RecentFiles recent;
    for (int i = 0; i < 12; ++i)
        recent.add(mDir->filePath(u"project-%1.waymark"_s.arg(i)));
    recent.add(mDir->filePath(u"project-5.waymark"_s));

    const QStringList files = recent.files();
    QCOMPARE(files.size(), RecentFiles::MaxCount);
    QCOMPARE(files.first(), QFileInfo(mDir->filePath(u"project-5.waymark"_s)).absoluteFilePath());
    QCOMPARE(files.count(files.first()), 1);
    QVERIFY(!files.contains(QFileInfo(mDir->filePath(u"project-0.waymark"_s)).absoluteFilePath()));
}

void TestMainWindow::tabPerMap()
{
    TestWindow window;
    Document *doc = window.document();
    auto *tabs = window.findChild<QTabWidget *>(u"mapTabs"_s);
    QVERIFY(tabs);
    const qsizetype before = doc->project().maps.size();
    QCOMPARE(tabs->count(), before);
    QCOMPARE(tabs->tabText(0), doc->project().maps.first().name);

    JourneyMap future;
    future.id = newId();
    future.name = u"Tomorrow"_s;
    future.kind = MapKind::FutureState;
    Commands::Command add = Commands::addMap(doc, int(before), future);
    QVERIFY(add);
    doc->push(add.release());
    QCOMPARE(tabs->count(), before + 1);
    QCOMPARE(tabs->tabText(int(before)), u"Tomorrow (future)"_s);
    QCOMPARE(window.mapView(before)->mapId(), future.id);

    Commands::Command rename = Commands::renameMap(doc, future.id, u"Next year"_s);
    QVERIFY(rename);
    doc->push(rename.release());
    QCOMPARE(tabs->tabText(int(before)), u"Next year (future)"_s);

    doc->undoStack()->undo();
    doc->undoStack()->undo();
    QCOMPARE(tabs->count(), before);
}

void TestMainWindow::statusBarCounts()
{
    TestWindow window;
    auto *counts = window.findChild<QLabel *>(u"mapCounts"_s);
    QVERIFY(counts);
    const JourneyMap &map = currentMap(window);
    QVERIFY2(counts->text().contains(u"%1 stages"_s.arg(map.stages.size())),
             qPrintable(counts->text()));
    QVERIFY(counts->text().contains(u"%1 lanes"_s.arg(map.lanes.size())));

    QVERIFY(window.currentMapView()->mapScene()->addStage(0));
    QVERIFY2(counts->text().contains(u"%1 stages"_s.arg(currentMap(window).stages.size())),
             qPrintable(counts->text()));
}

void TestMainWindow::deleteActionRemovesSelection()
{
    TestWindow window;
    QVERIFY(window.newProject(u"digital-journey"_s));
    QAction *remove = action(window, u"editMenu"_s, u"deleteAction"_s);
    QVERIFY(remove);
    QVERIFY(!remove->isEnabled());

    MapScene *scene = window.currentMapView()->mapScene();
    TouchpointCardItem *card = scene->cards().first();
    const Id id = card->touchpointId();
    card->setSelected(true);
    QVERIFY(remove->isEnabled());

    remove->trigger();
    QCOMPARE(indexOfId(currentMap(window).touchpoints, id), -1);
    QVERIFY(window.document()->undoStack()->canUndo());
}

void TestMainWindow::deleteKeyInEditorEditsText()
{
    TestWindow window;
    QVERIFY(window.newProject(u"digital-journey"_s));
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    MapView *view = window.currentMapView();
    MapScene *scene = view->mapScene();
    TouchpointCardItem *card = scene->cards().first();
    const Id id = card->touchpointId();
    const QString title = card->title();
    card->setSelected(true);
    view->setFocus();

    // While a name is edited, Delete belongs to the text, not to Edit ▸ Delete.
    QVERIFY(scene->startRename(id));
    // Keys reach the editor only once it has the focus (the inspector dock may have it
    // first); on a loaded machine that can take an event loop turn.
    QTRY_VERIFY(scene->activeEditor() && scene->activeEditor()->hasFocus() && view->hasFocus());
    // Ctrl+Home: a long title wraps, and Home alone goes to the start of its last line.
    QTest::keyClick(view->viewport(), Qt::Key_Home, Qt::ControlModifier);
    QTest::keyClick(view->viewport(), Qt::Key_Delete);
    QVERIFY(scene->activeEditor());
    QCOMPARE(scene->activeEditor()->text(), title.mid(1));
    QTest::keyClick(view->viewport(), Qt::Key_Return);

    const Touchpoint *touchpoint = findById(currentMap(window).touchpoints, id);
    QVERIFY2(touchpoint, "the card is still there");
    QCOMPARE(touchpoint->title, title.mid(1));

    // Outside the editor, the same key deletes the selected card.
    scene->card(id)->setSelected(true);
    QTest::keyClick(view->viewport(), Qt::Key_Delete);
    QCOMPARE(indexOfId(currentMap(window).touchpoints, id), -1);
}

void TestMainWindow::offersToRecoverAfterACrash_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<bool>("recovered");
    QTest::addColumn<int>("orphansAfter");
    QTest::newRow("recover") << int(QMessageBox::Yes) << true << 0;
    QTest::newRow("discard") << int(QMessageBox::Discard) << false << 0;
    QTest::newRow("ask later") << int(QMessageBox::Ignore) << false << 1;
}

void TestMainWindow::offersToRecoverAfterACrash()
{
    QFETCH(int, answer);
    QFETCH(bool, recovered);
    QFETCH(int, orphansAfter);

    QTemporaryDir dir;
    const QString file = dir.filePath(u"crashed.waymark"_s);
    {
        TestWindow crashed;
        QVERIFY(crashed.saveTo(file));
        QVERIFY(renameFirstStage(crashed, u"Unsaved stage name"_s));
        QVERIFY(!Testing::simulateCrash(file, Testing::deadPid()).isEmpty());
    }

    TestWindow window;
    window.recoverAnswer = QMessageBox::StandardButton(answer);
    QCOMPARE(window.offerRecovery(), recovered);
    QCOMPARE(window.recoverQuestions, 1);
    QCOMPARE(Document::orphans().size(), orphansAfter);
    if (recovered) {
        QCOMPARE(currentMap(window).stages.first().name, u"Unsaved stage name"_s);
        QCOMPARE(window.document()->filePath(), QFileInfo(file).absoluteFilePath());
        QVERIFY(window.isWindowModified());
    } else {
        QCOMPARE(currentMap(window).stages.first().name, u"Awareness"_s);
    }
    for (const WorkingCopyOrphan &orphan : Document::orphans())
        Document::discard(orphan);
    QVERIFY(!window.offerRecovery());
}

void TestMainWindow::preferencesStoreAuthorAndTemplate()
{
    TestWindow window;
    QAction *open = action(window, u"editMenu"_s, u"preferencesAction"_s);
    QVERIFY(open);
    QCOMPARE(open->shortcut(), QKeySequence(QKeySequence::Preferences));

    {
        PreferencesDialog dialog(&window);
        auto *author = dialog.findChild<QLineEdit *>(u"authorEdit"_s);
        auto *templates = dialog.findChild<QComboBox *>(u"templateCombo"_s);
        QVERIFY(author && templates);
        QVERIFY(author->text().isEmpty());
        QCOMPARE(templates->currentData().toString(), Templates::names().first());
        author->setText(u"  Ana   Lima "_s);
        templates->setCurrentIndex(templates->findData(u"b2b"_s));
        dialog.accept();
    }
    QCOMPARE(QSettings().value(PreferencesDialog::authorKey()).toString(), u"Ana Lima"_s);
    QCOMPARE(MapScene::authorName(), u"Ana Lima"_s);
    QCOMPARE(PreferencesDialog::newProjectTemplate(), u"b2b"_s);

    // A comment added on the canvas is signed with that name, and dated now.
    MapScene *scene = window.currentMapView()->mapScene();
    Annotation comment;
    comment.kind = AnnotationKind::Comment;
    comment.stageId = currentMap(window).stages.first().id;
    comment.laneId = currentMap(window).lanes.first().id;
    comment.text = u"Check with the shop staff"_s;
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    QVERIFY(scene->addAnnotation(comment));
    const Annotation &added = currentMap(window).annotations.last();
    QCOMPARE(added.author, u"Ana Lima"_s);
    QVERIFY(added.created >= before);
    QVERIFY(added.created <= QDateTime::currentDateTimeUtc().addSecs(1));

    // Cancel keeps what was stored; an emptied name goes back to the login name.
    {
        PreferencesDialog dialog;
        auto *author = dialog.findChild<QLineEdit *>(u"authorEdit"_s);
        QCOMPARE(author->text(), u"Ana Lima"_s);
        author->setText(u"Someone else"_s);
        dialog.reject();
    }
    QCOMPARE(MapScene::authorName(), u"Ana Lima"_s);
    {
        PreferencesDialog dialog;
        dialog.findChild<QLineEdit *>(u"authorEdit"_s)->clear();
        dialog.accept();
    }
    QVERIFY(!QSettings().contains(PreferencesDialog::authorKey()));
    QCOMPARE(MapScene::authorName(), qEnvironmentVariable("USER"));
}

void TestMainWindow::newShortcutFollowsPreferences_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("expected");

    QTest::newRow("nothing chosen") << QString() << Templates::names().first();
    QTest::newRow("b2b") << u"b2b"_s << u"b2b"_s;
    QTest::newRow("a template no longer built in") << u"retired"_s << Templates::names().first();
}

void TestMainWindow::newShortcutFollowsPreferences()
{
    QFETCH(QString, stored);
    QFETCH(QString, expected);
    if (!stored.isEmpty())
        QSettings().setValue(PreferencesDialog::newProjectTemplateKey(), stored);

    TestWindow window;
    QMenu *newMenu = menu(window, u"newMenu"_s);
    QVERIFY(newMenu);
    int withShortcut = 0;
    for (const QAction *a : newMenu->actions()) {
        if (a->shortcut() != QKeySequence(QKeySequence::New))
            continue;
        ++withShortcut;
        QCOMPARE(a->objectName(), u"newFrom-"_s + expected);
    }
    QCOMPARE(withShortcut, 1);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
