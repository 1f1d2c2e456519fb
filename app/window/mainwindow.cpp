#include "mainwindow.h"

#include "backgroundsave.h"
#include "changeevent.h"
#include "chartsdock.h"
#include "datadock.h"
#include "deferreddockcontent.h"
#include "document.h"
#include "driversdock.h"
#include "importwizard/importwizard.h"
#include "inspectordock.h"
#include "lookup.h"
#include "mapactions.h"
#include "mapscene.h"
#include "mapview.h"
#include "metricsactions.h"
#include "metricscontroller.h"
#include "personadock.h"
#include "personaoverlay.h"
#include "personasheet.h"
#include "preferencesdialog.h"
#include "searchbar.h"
#include "storage/projectfile.h"
#include "templates.h"
#include "touchpointcarditem.h"
#include "windowlayout.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMimeData>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QUndoGroup>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Waymark {

namespace {

Q_LOGGING_CATEGORY(lcWindow, "waymark.window", QtInfoMsg)

constexpr int messageTimeout = 5000; // ms a status bar message stays

// WAYMARK_BENCH_EXIT_AFTER_PAINT=MS, for bench_startup (tests/bench/README.md): once the
// window has painted for the first time, prints "waymark: first paint" on stdout and quits
// MS milliseconds later (empty or 0: at once). Installed only when the variable is set, so
// that it costs nothing otherwise.
class FirstPaintExit : public QObject
{
public:
    using QObject::QObject;

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !mPainted) {
            mPainted = true;
            // Queued: the window's children paint after it in the same pass.
            QMetaObject::invokeMethod(
                this,
                [] {
                    std::fputs("waymark: first paint\n", stdout);
                    std::fflush(stdout);
                    const int stay = qEnvironmentVariableIntValue("WAYMARK_BENCH_EXIT_AFTER_PAINT");
                    QTimer::singleShot(std::max(0, stay), qApp, &QCoreApplication::quit);
                },
                Qt::QueuedConnection);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool mPainted = false;
};

QString escapedForMenu(QString text)
{
    return text.replace(u'&', u"&&"_s);
}

QString projectSuffix()
{
    return QString::fromUtf16(ProjectFile::Suffix);
}

bool isProjectFile(const QUrl &url)
{
    const QString suffix = QFileInfo(url.toLocalFile()).suffix();
    return url.isLocalFile() && suffix.compare(projectSuffix(), Qt::CaseInsensitive) == 0;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : MainWindow(StartWith::BlankProject, parent)
{}

MainWindow::MainWindow(StartWith start, QWidget *parent)
    : QMainWindow(parent)
    , mUndoGroup(new QUndoGroup(this))
    , mTabs(new QTabWidget(this))
    , mCounts(new QLabel(this))
{
    setObjectName(u"mainWindow"_s);
    setAcceptDrops(true);

    mTabs->setObjectName(u"mapTabs"_s);
    mTabs->setDocumentMode(true);
    // The tab bar shows even for one map: it is where a map is renamed (double click), where
    // its menu opens, and where "(future)" tells a future-state map from today's.
    mTabs->setTabBarAutoHide(false);
    // The search bar sits under the canvas, as in a browser; it shows only while searching.
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(mTabs, 1);
    mSearchBar = new SearchBar(central);
    mSearchBar->hide();
    centralLayout->addWidget(mSearchBar);
    setCentralWidget(central);
    connect(mTabs, &QTabWidget::currentChanged, this, [this] {
        updateCounts();
        updateActions();
        followCurrentMap();
    });

    mCounts->setObjectName(u"mapCounts"_s);
    statusBar()->addPermanentWidget(mCounts);

    createActions();
    mMapActions = new MapActions(mTabs, this);
    mMapActions->confirmDelete = [this](const JourneyMap &map) {
        return askToDeleteMap(map);
    };
    mMapActions->askName = [this](const QString &name) {
        return askMapName(name);
    };
    connect(mMapActions, &MapActions::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, messageTimeout); });
    mMetricsController = new MetricsController(this);
    mMetricsActions = new MetricsActions(mTabs, mMetricsController, this);
    createUndoHistory();
    createInspector();
    createPersonaDock();
    createDataDock();
    createMetricsDocks();
    createMenus();
    connect(QGuiApplication::clipboard(), &QClipboard::dataChanged, this,
            &MainWindow::updateActions);

    // Where the person left the window and its docks; the first time, the map gets most of it.
    WindowLayout::restoreGeometry(this);
    if (!WindowLayout::restoreDocks(this)) {
        WindowLayout::arrangeFirstStart(
            this, {mInspectorDock, mChartsDock, mPersonaDock, mDataDock, mDriversDock, mUndoDock});
    }
    // The Data dock's tree, measured with the window, would load a bold font for its header
    // before the first paint while the dock waits behind the inspector's tab; the other docks
    // build their content the first time they are seen.
    DeferredDockContent::install(mDataDock);

    // A blank project to start from, as a text editor starts with an empty page; none when a
    // file is about to be opened, so that no canvas is built only to be thrown away.
    if (start == StartWith::BlankProject)
        startBlankProject();
    else
        setDocument(nullptr);

    if (qEnvironmentVariableIsSet("WAYMARK_BENCH_EXIT_AFTER_PAINT"))
        installEventFilter(new FirstPaintExit(this));
}

void MainWindow::startBlankProject()
{
    // Nothing is asked here: a failure leaves an empty project and a line in the log.
    StorageError error;
    std::optional<Project> project = Templates::instantiate(u"blank"_s, &error);
    if (!project) {
        qCWarning(lcWindow) << "the blank template failed:" << error.message << error.detail;
        project = Project();
        project->id = newId();
        project->name = tr("Untitled");
        project->created = QDateTime::currentDateTimeUtc();
    }
    std::unique_ptr<Document> document = Document::create(*project, &error);
    if (!document)
        qCWarning(lcWindow) << "no working copy for a new project:" << error.message
                            << error.detail;
    setDocument(std::move(document));
}

MainWindow::~MainWindow()
{
    // The views refer to the document, so they go first.
    setDocument(nullptr);
}

MapView *MainWindow::currentMapView() const
{
    return qobject_cast<MapView *>(mTabs->currentWidget());
}

MapView *MainWindow::mapView(qsizetype index) const
{
    return qobject_cast<MapView *>(mTabs->widget(int(index)));
}

qsizetype MainWindow::mapViewCount() const
{
    return mTabs->count();
}

void MainWindow::createActions()
{
    mOpenAction = new QAction(tr("&Open…"), this);
    mOpenAction->setObjectName(u"openAction"_s);
    mOpenAction->setShortcut(QKeySequence::Open);
    connect(mOpenAction, &QAction::triggered, this, [this] {
        const QString path = askOpenPath();
        if (!path.isEmpty())
            openFile(path);
    });

    mSaveAction = new QAction(tr("&Save"), this);
    mSaveAction->setShortcut(QKeySequence::Save);
    connect(mSaveAction, &QAction::triggered, this, &MainWindow::save);

    mSaveAsAction = new QAction(tr("Save &As…"), this);
    mSaveAsAction->setShortcut(QKeySequence::SaveAs);
    connect(mSaveAsAction, &QAction::triggered, this, &MainWindow::saveAs);

    mRevertAction = new QAction(tr("&Revert to Saved"), this);
    connect(mRevertAction, &QAction::triggered, this, &MainWindow::revert);

    mQuitAction = new QAction(tr("&Quit"), this);
    mQuitAction->setShortcut(QKeySequence::Quit);
    mQuitAction->setMenuRole(QAction::QuitRole);
    connect(mQuitAction, &QAction::triggered, this, &QWidget::close);

    // The group's actions follow whichever document is open and take the name of the
    // command they would undo: "Undo Rename Stage".
    mUndoAction = mUndoGroup->createUndoAction(this);
    mUndoAction->setObjectName(u"undoAction"_s);
    mUndoAction->setShortcut(QKeySequence::Undo);
    mRedoAction = mUndoGroup->createRedoAction(this);
    mRedoAction->setObjectName(u"redoAction"_s);
    mRedoAction->setShortcut(QKeySequence::Redo);

    // The clipboard verbs act on the current map's canvas.
    auto sceneAction = [this](const QString &text, const QString &name,
                              const QKeySequence &shortcut, bool (MapScene::*verb)()) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, [this, verb] {
            if (MapView *view = currentMapView())
                (view->mapScene()->*verb)();
        });
        return action;
    };
    mCutAction =
        sceneAction(tr("Cu&t"), u"cutAction"_s, QKeySequence::Cut, &MapScene::cutSelection);
    mCopyAction =
        sceneAction(tr("&Copy"), u"copyAction"_s, QKeySequence::Copy, &MapScene::copySelection);
    mPasteAction =
        sceneAction(tr("&Paste"), u"pasteAction"_s, QKeySequence::Paste, &MapScene::paste);
    mDuplicateAction =
        sceneAction(tr("D&uplicate"), u"duplicateAction"_s, QKeySequence(Qt::CTRL | Qt::Key_D),
                    &MapScene::duplicateSelection);

    mDeleteAction = new QAction(tr("&Delete"), this);
    mDeleteAction->setObjectName(u"deleteAction"_s);
    mDeleteAction->setShortcut(QKeySequence::Delete);
    connect(mDeleteAction, &QAction::triggered, this, &MainWindow::deleteSelection);

    mSelectAllAction = new QAction(tr("Select &All"), this);
    mSelectAllAction->setObjectName(u"selectAllAction"_s);
    mSelectAllAction->setShortcut(QKeySequence::SelectAll);
    connect(mSelectAllAction, &QAction::triggered, this, [this] {
        if (MapView *view = currentMapView())
            view->mapScene()->selectAll();
    });

    mFindAction = new QAction(tr("&Find…"), this);
    mFindAction->setObjectName(u"findAction"_s);
    mFindAction->setShortcut(QKeySequence::Find);
    connect(mFindAction, &QAction::triggered, mSearchBar, &SearchBar::open);
    // Stepping with the bar closed opens it first, so that the count can be seen.
    mFindNextAction = new QAction(tr("Find &Next"), this);
    mFindNextAction->setObjectName(u"findNextAction"_s);
    mFindNextAction->setShortcut(QKeySequence::FindNext);
    connect(mFindNextAction, &QAction::triggered, this, [this] {
        mSearchBar->open();
        mSearchBar->findNext();
    });
    mFindPreviousAction = new QAction(tr("Find Pre&vious"), this);
    mFindPreviousAction->setObjectName(u"findPreviousAction"_s);
    mFindPreviousAction->setShortcut(QKeySequence::FindPrevious);
    connect(mFindPreviousAction, &QAction::triggered, this, [this] {
        mSearchBar->open();
        mSearchBar->findPrevious();
    });

    mZoomInAction = new QAction(tr("Zoom &In"), this);
    mZoomInAction->setShortcut(QKeySequence::ZoomIn);
    connect(mZoomInAction, &QAction::triggered, this, [this] {
        if (MapView *view = currentMapView())
            view->zoomIn();
    });
    mZoomOutAction = new QAction(tr("Zoom &Out"), this);
    mZoomOutAction->setShortcut(QKeySequence::ZoomOut);
    connect(mZoomOutAction, &QAction::triggered, this, [this] {
        if (MapView *view = currentMapView())
            view->zoomOut();
    });
    mZoomResetAction = new QAction(tr("&Actual Size"), this);
    mZoomResetAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(mZoomResetAction, &QAction::triggered, this, [this] {
        if (MapView *view = currentMapView())
            view->resetZoom();
    });
    // Ctrl+0 is already Actual Size; 9 and 8 sit next to it.
    mFitMapAction = new QAction(tr("&Fit Map"), this);
    mFitMapAction->setObjectName(u"fitMapAction"_s);
    mFitMapAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_9));
    connect(mFitMapAction, &QAction::triggered, this, [this] {
        if (MapView *view = currentMapView())
            view->fitMap();
    });
    mFitSelectionAction = new QAction(tr("Fit &Selection"), this);
    mFitSelectionAction->setObjectName(u"fitSelectionAction"_s);
    mFitSelectionAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_8));
    connect(mFitSelectionAction, &QAction::triggered, this, [this] {
        if (MapView *view = currentMapView())
            view->fitSelection();
    });

    mPreferencesAction = new QAction(tr("Pr&eferences…"), this);
    mPreferencesAction->setObjectName(u"preferencesAction"_s);
    mPreferencesAction->setShortcut(QKeySequence::Preferences);
    mPreferencesAction->setMenuRole(QAction::PreferencesRole);
    connect(mPreferencesAction, &QAction::triggered, this, &MainWindow::showPreferences);

    mAboutAction = new QAction(tr("&About Waymark"), this);
    mAboutAction->setMenuRole(QAction::AboutRole);
    connect(mAboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(u"fileMenu"_s);

    mNewMenu = file->addMenu(tr("&New"));
    mNewMenu->setObjectName(u"newMenu"_s);
    const QStringList templates = Templates::names();
    for (const QString &name : templates) {
        QAction *action = mNewMenu->addAction(escapedForMenu(Templates::displayName(name)), this,
                                              [this, name] { newProject(name); });
        action->setObjectName(u"newFrom-"_s + name);
    }
    applyPreferences();

    file->addAction(mOpenAction);
    mRecentMenu = file->addMenu(tr("Open &Recent"));
    mRecentMenu->setObjectName(u"recentMenu"_s);
    connect(mRecentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    fillRecentMenu();
    file->addSeparator();
    file->addAction(mSaveAction);
    file->addAction(mSaveAsAction);
    file->addAction(mRevertAction);
    file->addSeparator();
    // Ctrl+I already shows the inspector.
    mImportAction = file->addAction(tr("&Import Data…"), this, [this] { importData(); });
    mImportAction->setObjectName(u"importDataAction"_s);
    mImportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    mExportPersonasMenu = file->addMenu(tr("&Export Persona Sheets"));
    mExportPersonasMenu->setObjectName(u"exportPersonasMenu"_s);
    mExportPersonasMenu->addAction(tr("As &PDF…"), this, [this] { exportPersonaSheets(true); })
        ->setObjectName(u"exportPersonasPdfAction"_s);
    mExportPersonasMenu
        ->addAction(tr("As P&NG Pictures…"), this, [this] { exportPersonaSheets(false); })
        ->setObjectName(u"exportPersonasPngAction"_s);
    file->addSeparator();
    file->addAction(mQuitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(u"editMenu"_s);
    edit->addAction(mUndoAction);
    edit->addAction(mRedoAction);
    edit->addSeparator();
    edit->addAction(mCutAction);
    edit->addAction(mCopyAction);
    edit->addAction(mPasteAction);
    edit->addAction(mDuplicateAction);
    edit->addAction(mDeleteAction);
    edit->addSeparator();
    edit->addAction(mSelectAllAction);
    edit->addSeparator();
    edit->addAction(mFindAction);
    edit->addAction(mFindNextAction);
    edit->addAction(mFindPreviousAction);
    edit->addSeparator();
    edit->addAction(mPreferencesAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(u"viewMenu"_s);
    view->addAction(mZoomInAction);
    view->addAction(mZoomOutAction);
    view->addAction(mZoomResetAction);
    view->addAction(mFitMapAction);
    view->addAction(mFitSelectionAction);
    view->addSeparator();
    // Who is shown of the current map's personas: the canvas's own state, read as it opens.
    QMenu *personas = view->addMenu(tr("&Personas"));
    personas->setObjectName(u"personasMenu"_s);
    PersonaOverlay::fillViewMenu(personas, nullptr);
    connect(personas, &QMenu::aboutToShow, this, [this, personas] {
        MapView *current = currentMapView();
        PersonaOverlay::fillViewMenu(personas, current ? current->mapScene() : nullptr);
    });
    mMetricsActions->fillViewMenu(view);
    view->addSeparator();
    view->addAction(mInspectorDock->toggleViewAction());
    view->addAction(mPersonaDock->toggleViewAction());
    view->addAction(mDataDock->toggleViewAction());
    view->addAction(mChartsDock->toggleViewAction());
    view->addAction(mDriversDock->toggleViewAction());
    view->addAction(mUndoDock->toggleViewAction());

    menuBar()->addMenu(mMapActions->menu());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(u"helpMenu"_s);
    help->addAction(mAboutAction);
}

void MainWindow::createUndoHistory()
{
    // The history follows the undo group, so it shows whichever project is open.
    mUndoDock = new QDockWidget(tr("Undo History"), this);
    mUndoDock->setObjectName(u"undoHistoryDock"_s);
    auto *history = new QUndoView(mUndoGroup, mUndoDock);
    history->setObjectName(u"undoHistory"_s);
    history->setEmptyLabel(tr("<Opened project>"));
    mUndoDock->setWidget(history);
    mUndoDock->toggleViewAction()->setText(tr("Undo &History"));
    mUndoDock->toggleViewAction()->setObjectName(u"undoHistoryAction"_s);
    addDockWidget(Qt::RightDockWidgetArea, mUndoDock);
    mUndoDock->hide();
}

void MainWindow::createInspector()
{
    mInspectorDock = new InspectorDock(this);
    QAction *toggle = mInspectorDock->toggleViewAction();
    toggle->setText(tr("&Inspector"));
    toggle->setObjectName(u"inspectorAction"_s);
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    addDockWidget(Qt::RightDockWidgetArea, mInspectorDock);
}

void MainWindow::createPersonaDock()
{
    mPersonaDock = new PersonaDock(this);
    QAction *toggle = mPersonaDock->toggleViewAction();
    toggle->setText(tr("Persona &Library"));
    toggle->setObjectName(u"personaDockAction"_s);
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    // Placed by WindowLayout, as the other docks.
    addDockWidget(Qt::RightDockWidgetArea, mPersonaDock);
}

void MainWindow::createDataDock()
{
    mDataDock = new DataDock(this);
    QAction *toggle = mDataDock->toggleViewAction();
    toggle->setText(tr("&Data"));
    toggle->setObjectName(u"dataDockAction"_s);
    addDockWidget(Qt::RightDockWidgetArea, mDataDock);
    connect(mDataDock, &DataDock::importRequested, this, [this] { importData(); });
    connect(mDataDock, &DataDock::importNextWaveRequested, this, &MainWindow::importData);
}

void MainWindow::createMetricsDocks()
{
    // The charts sit beside the inspector (WindowLayout), which stays in front: editing comes
    // first. Neither dock builds its widgets before it is first seen.
    mChartsDock = new ChartsDock(this);
    QAction *charts = mChartsDock->toggleViewAction();
    charts->setText(tr("&Charts"));
    charts->setObjectName(u"chartsDockAction"_s);
    addDockWidget(Qt::RightDockWidgetArea, mChartsDock);

    // The ranking's columns need the width of the map, so it goes underneath it.
    mDriversDock = new DriversDock(this);
    QAction *drivers = mDriversDock->toggleViewAction();
    drivers->setText(tr("&Key Drivers"));
    drivers->setObjectName(u"driversDockAction"_s);
    addDockWidget(Qt::BottomDockWidgetArea, mDriversDock);
    connect(mDriversDock, &DriversDock::touchpointActivated, this, &MainWindow::showTouchpoint);

    connect(mMetricsController, &MetricsController::resultChanged, this, [this] {
        mChartsDock->setResult(mMetricsController->result());
        mDriversDock->setResult(mMetricsController->result());
    });
    connect(mMetricsController, &MetricsController::computingChanged, mChartsDock,
            &ChartsDock::setComputing);
    connect(mMetricsController, &MetricsController::computingChanged, mDriversDock,
            &DriversDock::setComputing);
}

void MainWindow::showTouchpoint(const Id &mapId, const Id &touchpointId)
{
    showMap(mapId);
    MapView *view = currentMapView();
    if (!view || view->mapId() != mapId)
        return;
    view->mapScene()->selectTouchpoints({touchpointId});
    if (const QGraphicsItem *card = view->mapScene()->card(touchpointId))
        view->centerOn(card);
    view->setFocus();
}

void MainWindow::importData(const Id &nextWaveOf)
{
    if (!mDocument)
        return;
    ImportWizard wizard(mDocument.get(), this, nextWaveOf);
    if (wizard.exec() == QDialog::Accepted) {
        mDataDock->show();
        mDataDock->raise();
        mDataDock->selectDataset(wizard.result()->dataset.id);
    }
}

void MainWindow::exportPersonaSheets(bool pdf)
{
    if (!mDocument)
        return;
    const Project &project = mDocument->project();
    if (project.personas.isEmpty()) {
        statusBar()->showMessage(tr("The project has no personas to export yet."), messageTimeout);
        return;
    }

    // Spelled out for one and for many, so that English reads right without a translation.
    const auto exportedText = [this](qsizetype n) {
        return n == 1 ? tr("Exported 1 persona sheet to “%1”")
                      : tr("Exported %n persona sheets to “%1”", "", int(n));
    };
    QString error;
    QString done;
    if (pdf) {
        QString name = project.name.trimmed();
        static const QRegularExpression unsafe(u"[\\\\/:*?\"<>|]"_s);
        name.replace(unsafe, u"-"_s);
        const QString suggestion =
            QDir(startDirectory()).filePath(tr("%1 personas").arg(name) + u".pdf"_s);
        QString path = QFileDialog::getSaveFileName(this, tr("Export Persona Sheets as PDF"),
                                                    suggestion, tr("PDF documents (*.pdf)"));
        if (path.isEmpty())
            return;
        if (QFileInfo(path).suffix().isEmpty())
            path += u".pdf"_s;
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const bool ok = PersonaSheet::writePdf(path, project, project.personas, &error);
        QApplication::restoreOverrideCursor();
        if (ok)
            done = exportedText(project.personas.size()).arg(QFileInfo(path).fileName());
    } else {
        const QString folder = QFileDialog::getExistingDirectory(
            this, tr("Export Persona Sheets as PNG Pictures"), startDirectory());
        if (folder.isEmpty())
            return;
        QApplication::setOverrideCursor(Qt::WaitCursor);
        QStringList written;
        const bool ok =
            PersonaSheet::writePngs(folder, project, project.personas, &written, &error);
        QApplication::restoreOverrideCursor();
        if (ok)
            done = exportedText(written.size()).arg(QDir::toNativeSeparators(folder));
    }

    if (done.isEmpty()) {
        QMessageBox::warning(this, tr("Export Persona Sheets"),
                             tr("The persona sheets could not be exported: %1").arg(error));
        return;
    }
    statusBar()->showMessage(done, messageTimeout);
}

void MainWindow::followCurrentMap()
{
    MapView *view = currentMapView();
    mInspectorDock->setDocument(mDocument.get());
    mInspectorDock->setScene(view ? view->mapScene() : nullptr);
    mSearchBar->setView(view);
}

void MainWindow::fillRecentMenu()
{
    mRecentMenu->clear();
    const QStringList files = mRecentFiles.files();

    // Two projects of the same name in different folders show their folders too.
    QStringList names;
    for (const QString &path : files)
        names.append(QFileInfo(path).fileName());

    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString &path = files[i];
        QString text = names.count(names[i]) > 1 ? QDir::toNativeSeparators(path) : names[i];
        text = escapedForMenu(text);
        if (i < 9)
            text = u"&%1 %2"_s.arg(i + 1).arg(text);
        QAction *action = mRecentMenu->addAction(text, this, [this, path] { openRecent(path); });
        action->setStatusTip(QDir::toNativeSeparators(path));
        action->setToolTip(QDir::toNativeSeparators(path));
    }

    if (files.isEmpty())
        mRecentMenu->addAction(tr("No Recent Projects"))->setEnabled(false);
    mRecentMenu->addSeparator();
    QAction *clear = mRecentMenu->addAction(tr("&Clear Menu"), this, [this] {
        mRecentFiles.clear();
        fillRecentMenu();
    });
    clear->setObjectName(u"clearRecent"_s);
    clear->setEnabled(!files.isEmpty());
}

void MainWindow::openRecent(const QString &path)
{
    openFile(path);
}

void MainWindow::setDocument(std::unique_ptr<Document> document)
{
    // Views refer to the document they show: they go before it does.
    while (mTabs->count() > 0) {
        QWidget *page = mTabs->widget(0);
        mTabs->removeTab(0);
        delete page;
    }
    // The inspector lets go of the old document before it is destroyed.
    mInspectorDock->setScene(nullptr);
    mInspectorDock->setDocument(document.get());
    mPersonaDock->setDocument(document.get());
    mDataDock->setDocument(document.get());
    mChartsDock->setDocument(document.get());
    mMapActions->setDocument(document.get());
    mMetricsController->setDocument(document.get());
    mDocument = std::move(document);

    if (mDocument) {
        QUndoStack *stack = mDocument->undoStack();
        mUndoGroup->addStack(stack);
        mUndoGroup->setActiveStack(stack);

        Document *doc = mDocument.get();
        connect(doc, &Document::changed, this, &MainWindow::onDocumentChanged);
        connect(doc, &Document::reset, this, [this] {
            syncTabs();
            updateTabTexts();
            updateCounts();
            updateTitle();
            updateActions();
        });
        connect(stack, &QUndoStack::cleanChanged, this, [this] {
            updateTitle();
            updateActions();
        });
        connect(doc, &Document::filePathChanged, this, [this] {
            updateTitle();
            updateActions();
        });
        connect(doc, &Document::writeFailed, this, [this](const StorageError &error) {
            statusBar()->showMessage(
                tr("Your latest changes could not be written to disk yet: %1").arg(error.message));
        });
        // The rest of the file is checked after the map is shown; it is rarely damaged.
        connect(doc, &Document::rowsCheckFinished, this, [this](const StorageError &error) {
            if (error)
                statusBar()->showMessage(error.message);
        });
    }

    syncTabs();
    updateTitle();
    updateActions();
    updateCounts();
}

void MainWindow::onDocumentChanged(const ChangeEvent &event)
{
    if (event.entity == EntityKind::Map) {
        if (event.change == ChangeKind::Modified && !(event.fields & Field::Order))
            updateTabTexts();
        else
            syncTabs();
        // A map that comes, or comes back with an undo, is shown.
        if (event.change == ChangeKind::Added)
            showMap(event.id);
    }
    updateCounts();
}

void MainWindow::syncTabs()
{
    const MapView *current = currentMapView();
    const Id currentId = current ? current->mapId() : Id();
    const int currentIndex = mTabs->currentIndex();

    QHash<Id, MapView *> views;
    for (int i = 0; i < mTabs->count(); ++i) {
        if (auto *view = qobject_cast<MapView *>(mTabs->widget(i)))
            views.insert(view->mapId(), view);
    }

    // Rebuilding the tab list from the model keeps the tabs in the project's order; the
    // views of maps that are still there are reused with their scroll and zoom.
    const QSignalBlocker blocker(mTabs);
    while (mTabs->count() > 0)
        mTabs->removeTab(0);
    if (mDocument) {
        for (const JourneyMap &map : mDocument->project().maps) {
            MapView *view = views.take(map.id);
            if (!view) {
                view = new MapView(mDocument.get(), map.id);
                connect(view->mapScene(), &QGraphicsScene::selectionChanged, this,
                        &MainWindow::updateActions);
                connect(view->mapScene(), &MapScene::message, this, [this](const QString &text) {
                    statusBar()->showMessage(text, messageTimeout);
                });
            }
            const int index = mTabs->addTab(view, QString());
            if (map.id == currentId)
                mTabs->setCurrentIndex(index);
        }
    }
    // When the map in view goes, its neighbour shows, as when a browser closes a tab.
    if (!currentId.isNull() && views.contains(currentId) && mTabs->count() > 0)
        mTabs->setCurrentIndex(qBound(0, currentIndex, mTabs->count() - 1));
    // A map that is gone may still be in the middle of hearing about its removal.
    for (MapView *view : std::as_const(views))
        view->deleteLater();
    mMetricsActions->syncViews();

    updateTabTexts();
    updateCounts();
    updateActions();
    followCurrentMap();
}

void MainWindow::updateTabTexts()
{
    if (!mDocument)
        return;
    for (int i = 0; i < mTabs->count(); ++i) {
        const MapView *view = mapView(i);
        const JourneyMap *map = view ? findById(mDocument->project().maps, view->mapId()) : nullptr;
        if (!map)
            continue;
        const QString name = escapedForMenu(map->name);
        mTabs->setTabText(i,
                          map->kind == MapKind::FutureState ? tr("%1 (future)").arg(name) : name);
        mTabs->setTabToolTip(i, map->description);
    }
}

void MainWindow::updateTitle()
{
    const QString name = mDocument ? mDocument->displayName() : tr("Untitled");
    setWindowTitle(tr("%1[*] — Waymark").arg(name));
    setWindowFilePath(mDocument ? mDocument->filePath() : QString());
    setWindowModified(mDocument && mDocument->isModified());
}

void MainWindow::updateActions()
{
    const bool open = mDocument != nullptr;
    mSaveAction->setEnabled(open);
    mSaveAsAction->setEnabled(open);
    mRevertAction->setEnabled(open && !mDocument->filePath().isEmpty() && mDocument->isModified());

    const MapView *view = currentMapView();
    const bool selection = view && !view->mapScene()->selectedTouchpoints().isEmpty();
    mCutAction->setEnabled(selection);
    mCopyAction->setEnabled(selection);
    mDuplicateAction->setEnabled(selection);
    mDeleteAction->setEnabled(view && !view->mapScene()->selectedItems().isEmpty());
    mPasteAction->setEnabled(view && view->mapScene()->canPaste());
    mSelectAllAction->setEnabled(view);
    mFindAction->setEnabled(view);
    mFindNextAction->setEnabled(view);
    mFindPreviousAction->setEnabled(view);
    mZoomInAction->setEnabled(view);
    mZoomOutAction->setEnabled(view);
    mZoomResetAction->setEnabled(view);
    mFitMapAction->setEnabled(view);
    mFitSelectionAction->setEnabled(view && !view->mapScene()->selectedItems().isEmpty());
    mImportAction->setEnabled(open);
    mDataDock->setSelectedTouchpoints(view ? view->mapScene()->selectedTouchpoints() : QList<Id>());
    mChartsDock->setSelection(view ? view->mapId() : Id(),
                              view ? view->mapScene()->selectedTouchpoints() : QList<Id>());
    mDriversDock->setMap(view ? view->mapId() : Id());
    mMapActions->updateActions();
}

void MainWindow::updateCounts()
{
    const MapView *view = currentMapView();
    const JourneyMap *map =
        view && mDocument ? findById(mDocument->project().maps, view->mapId()) : nullptr;
    if (!map) {
        mCounts->clear();
        return;
    }

    const auto stages = map->stages.size();
    const auto lanes = map->lanes.size();
    const auto hidden = std::count_if(map->lanes.cbegin(), map->lanes.cend(),
                                      [](const Lane &lane) { return lane.hidden; });
    const auto touchpoints = map->touchpoints.size();

    // Spelled out for one and for many, so that English reads right without a translation.
    QStringList parts;
    parts << (stages == 1 ? tr("1 stage") : tr("%n stages", "", int(stages)));
    QString lanesText = lanes == 1 ? tr("1 lane") : tr("%n lanes", "", int(lanes));
    if (hidden > 0)
        lanesText += u' ' + tr("(%n hidden)", "", int(hidden));
    parts << lanesText;
    parts << (touchpoints == 1 ? tr("1 touchpoint") : tr("%n touchpoints", "", int(touchpoints)));
    mCounts->setText(parts.join(u"  ·  "_s));
}

bool MainWindow::maybeSaveChanges()
{
    if (!mDocument || !mDocument->isModified())
        return true;
    switch (askToSaveChanges()) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

bool MainWindow::newProject(const QString &templateName)
{
    if (!maybeSaveChanges())
        return false;

    StorageError error;
    const std::optional<Project> project = Templates::instantiate(templateName, &error);
    if (!project) {
        showError(tr("Could not start a project from the template “%1”.")
                      .arg(Templates::displayName(templateName)),
                  error);
        return false;
    }
    std::unique_ptr<Document> document = Document::create(*project, &error);
    if (!document) {
        showError(tr("Could not start a new project."), error);
        return false;
    }

    setDocument(std::move(document));
    statusBar()->showMessage(
        tr("New project from the template “%1”").arg(Templates::displayName(templateName)),
        messageTimeout);
    return true;
}

bool MainWindow::openFile(const QString &path)
{
    if (!maybeSaveChanges())
        return false;

    StorageError error;
    std::unique_ptr<Document> document = Document::open(path, &error);
    if (!document) {
        showError(tr("Could not open “%1”.").arg(QFileInfo(path).fileName()), error);
        if (!QFileInfo::exists(path))
            mRecentFiles.remove(path);
        return false;
    }

    setDocument(std::move(document));
    mRecentFiles.add(path);
    rememberDirectory(path);
    if (mDocument->openedFormatVersion() < ProjectFile::currentFormatVersion()) {
        statusBar()->showMessage(tr("“%1” was made by an older Waymark. Saving it updates it to "
                                    "this version's format.")
                                     .arg(mDocument->displayName()));
    } else {
        statusBar()->showMessage(tr("Opened “%1”").arg(mDocument->displayName()), messageTimeout);
    }
    return true;
}

bool MainWindow::offerRecovery()
{
    QList<WorkingCopyOrphan> unsaved;
    for (const WorkingCopyOrphan &orphan : Document::orphans()) {
        if (orphan.modified)
            unsaved.append(orphan);
        else
            Document::discard(orphan); // nothing in it that is not in its file
    }
    if (unsaved.isEmpty())
        return false;

    const WorkingCopyOrphan &newest = unsaved.first();
    switch (askToRecover(newest)) {
    case QMessageBox::Yes:
        break;
    case QMessageBox::Discard:
        Document::discard(newest);
        return false;
    default:
        return false;
    }
    if (!maybeSaveChanges())
        return false;

    StorageError error;
    std::unique_ptr<Document> document = Document::recover(newest, &error);
    if (!document) {
        showError(tr("The unsaved changes could not be recovered."), error);
        return false;
    }
    setDocument(std::move(document));
    statusBar()->showMessage(tr("Recovered the unsaved changes to “%1”. Save to keep them.")
                                 .arg(mDocument->displayName()));
    return true;
}

bool MainWindow::save()
{
    if (!mDocument)
        return false;
    if (mDocument->filePath().isEmpty())
        return saveAs();
    return saveTo(mDocument->filePath());
}

bool MainWindow::saveAs()
{
    if (!mDocument)
        return false;

    QString suggestion = mDocument->filePath();
    if (suggestion.isEmpty()) {
        QString name = mDocument->project().name.trimmed();
        // Characters that some file systems refuse become dashes.
        static const QRegularExpression unsafe(u"[\\\\/:*?\"<>|]"_s);
        name.replace(unsafe, u"-"_s);
        if (name.isEmpty())
            name = tr("Untitled");
        suggestion = QDir(startDirectory()).filePath(name + u'.' + projectSuffix());
    }

    QString path = askSavePath(suggestion);
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += u'.' + projectSuffix();
    return saveTo(path);
}

bool MainWindow::saveTo(const QString &path)
{
    if (!mDocument)
        return false;
    const QString name = QFileInfo(path).fileName();

    // A field still being typed in (the inspector's) commits when it loses focus: what the
    // person sees is what gets saved, and nothing commits once the copy has begun.
    if (QWidget *focus = QApplication::focusWidget())
        focus->clearFocus();

    // The copy runs on a worker thread; a long one shows its progress and can be cancelled.
    StorageError error;
    const bool saved = BackgroundSave(mDocument.get(), path, this).run(&error);
    if (!saved) {
        if (error.code == StorageErrorCode::Cancelled) {
            statusBar()->showMessage(tr("Saving was cancelled; “%1” was not changed.").arg(name),
                                     messageTimeout);
        } else {
            showError(tr("Could not save “%1”.").arg(name), error);
        }
        return false;
    }

    mRecentFiles.add(path);
    rememberDirectory(path);
    updateTitle();
    updateActions();
    statusBar()->showMessage(tr("Saved “%1”").arg(name), messageTimeout);
    return true;
}

bool MainWindow::revert()
{
    if (!mDocument || mDocument->filePath().isEmpty())
        return false;
    if (mDocument->isModified() && !askToRevert())
        return false;

    StorageError error;
    if (!mDocument->revert(&error)) {
        showError(tr("Could not go back to the saved “%1”.").arg(mDocument->displayName()), error);
        return false;
    }
    statusBar()->showMessage(tr("Went back to the saved “%1”").arg(mDocument->displayName()),
                             messageTimeout);
    return true;
}

QMessageBox::StandardButton MainWindow::askToSaveChanges()
{
    return QMessageBox::question(
        this, tr("Save Changes?"),
        tr("“%1” has changes that are not saved. Save them first?").arg(mDocument->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
}

QMessageBox::StandardButton MainWindow::askToRecover(const WorkingCopyOrphan &orphan)
{
    const QString name = orphan.sourcePath.isEmpty()
                             ? tr("an untitled project")
                             : tr("“%1”").arg(QFileInfo(orphan.sourcePath).fileName());
    QMessageBox box(
        QMessageBox::Question, tr("Recover Unsaved Changes?"),
        tr("Waymark did not close properly last time. Your unsaved changes to %1, "
           "last made %2, were kept.")
            .arg(name, QLocale().toString(orphan.updated.toLocalTime(), QLocale::ShortFormat)),
        QMessageBox::NoButton, this);
    box.setInformativeText(tr("Recover them now, or throw them away?"));
    QPushButton *recover = box.addButton(tr("Recover"), QMessageBox::YesRole);
    QAbstractButton *discard = box.addButton(QMessageBox::Discard);
    QAbstractButton *later = box.addButton(tr("Ask Again Later"), QMessageBox::RejectRole);
    box.setDefaultButton(recover);
    box.setEscapeButton(later);
    box.exec();
    if (box.clickedButton() == discard)
        return QMessageBox::Discard;
    if (box.clickedButton() == later)
        return QMessageBox::Ignore;
    return QMessageBox::Yes;
}

bool MainWindow::askToRevert()
{
    const auto answer = QMessageBox::question(
        this, tr("Revert to Saved"),
        tr("Throw away every change made since “%1” was last saved? This cannot be undone.")
            .arg(mDocument->displayName()),
        QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    return answer == QMessageBox::Discard;
}

QString MainWindow::askOpenPath()
{
    return QFileDialog::getOpenFileName(this, tr("Open Project"), startDirectory(),
                                        tr("Waymark projects (*.waymark);;All files (*)"));
}

QString MainWindow::askSavePath(const QString &suggestion)
{
    QFileDialog dialog(this, tr("Save Project As"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setNameFilter(tr("Waymark projects (*.waymark)"));
    dialog.setDefaultSuffix(projectSuffix());
    dialog.setDirectory(QFileInfo(suggestion).absolutePath());
    dialog.selectFile(QFileInfo(suggestion).fileName());
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    return dialog.selectedFiles().constFirst();
}

void MainWindow::showError(const QString &summary, const StorageError &error)
{
    qCWarning(lcWindow).noquote() << summary << error.message << error.detail;
    QMessageBox box(QMessageBox::Warning, tr("Waymark"), summary, QMessageBox::Ok, this);
    box.setInformativeText(error.message);
    if (!error.detail.isEmpty())
        box.setDetailedText(error.detail);
    box.exec();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSaveChanges()) {
        event->ignore();
        return;
    }
    WindowLayout::save(this);
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && isProjectFile(urls.first()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !isProjectFile(urls.first()))
        return;
    event->acceptProposedAction();
    // Opening may ask a question: not while the drag's source is still waiting.
    const QString path = urls.first().toLocalFile();
    QMetaObject::invokeMethod(
        this, [this, path] { openFile(path); }, Qt::QueuedConnection);
}

void MainWindow::deleteSelection()
{
    if (MapView *view = currentMapView())
        view->mapScene()->removeSelection();
}

void MainWindow::showMap(const Id &mapId)
{
    for (int i = 0; i < mTabs->count(); ++i) {
        if (mapView(i) && mapView(i)->mapId() == mapId)
            mTabs->setCurrentIndex(i);
    }
}

bool MainWindow::askToDeleteMap(const JourneyMap &map)
{
    // Spelled out for one and for many, so that English reads right without a translation.
    const auto cards = int(map.touchpoints.size());
    const QString question =
        cards == 1 ? tr("Delete the map “%1” with its card?").arg(map.name)
                   : tr("Delete the map “%1” with its %n cards?", "", cards).arg(map.name);
    QMessageBox box(QMessageBox::Question, tr("Delete Map"), question, QMessageBox::Cancel, this);
    box.setInformativeText(tr("Edit ▸ Undo brings it back."));
    QPushButton *remove = box.addButton(tr("Delete Map"), QMessageBox::DestructiveRole);
    box.setDefaultButton(remove);
    box.exec();
    return box.clickedButton() == remove;
}

QString MainWindow::askMapName(const QString &name)
{
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Rename Map"), tr("Map name:"),
                                               QLineEdit::Normal, name, &ok);
    return ok ? text.simplified() : QString();
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        applyPreferences();
}

void MainWindow::applyPreferences()
{
    // The template chosen in Preferences is the one File ▸ New starts from with Ctrl+N.
    const QString chosen = u"newFrom-"_s + PreferencesDialog::newProjectTemplate();
    for (QAction *action : mNewMenu->actions())
        action->setShortcut(action->objectName() == chosen ? QKeySequence(QKeySequence::New)
                                                           : QKeySequence());
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Waymark"),
        tr("<h3>Waymark %1</h3>"
           "<p>A journey-mapping editor for customer-experience teams: stages, lanes and "
           "touchpoints, the personas who live through them, and the data that shows how "
           "they went.</p>"
           "<p>Waymark is free software under the GNU General Public License, version 3 or "
           "later.</p>")
            .arg(QStringLiteral(WAYMARK_VERSION)));
}

QString MainWindow::startDirectory() const
{
    const QString last = QSettings().value(u"window/lastDirectory"_s).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir())
        return last;
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

void MainWindow::rememberDirectory(const QString &path)
{
    QSettings().setValue(u"window/lastDirectory"_s, QFileInfo(path).absolutePath());
}

} // namespace Waymark
