// Waymark's main window: one project at a time, a tab per journey map, the File, Edit, View
// and Help menus, the inspector and undo history docks, and the questions asked before
// unsaved work could be lost. Every question and file dialog goes through a virtual function,
// so that tests can answer them.
#pragma once

#include "entities.h"
#include "recentfiles.h"

#include <QMainWindow>
#include <QMessageBox>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QTabWidget;
class QUndoGroup;

namespace Waymark {

struct ChangeEvent;
struct StorageError;
struct WorkingCopyOrphan;
class ChartsDock;
class DataDock;
class DriversDock;
class Document;
class InspectorDock;
class MapActions;
class MapView;
class MetricsActions;
class MetricsController;
class PersonaDock;
class SearchBar;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // What the window shows before anything is opened.
    enum class StartWith
    {
        BlankProject, // a new untitled project from the blank template
        Nothing,      // no project, for a window about to open one
    };

    // Starts with a new untitled project from the blank template.
    explicit MainWindow(QWidget *parent = nullptr);
    explicit MainWindow(StartWith start, QWidget *parent = nullptr);
    ~MainWindow() override;

    Document *document() const { return mDocument.get(); }
    MapView *currentMapView() const;
    MapView *mapView(qsizetype index) const;
    qsizetype mapViewCount() const;
    RecentFiles &recentFiles() { return mRecentFiles; }
    SearchBar *searchBar() const { return mSearchBar; }
    PersonaDock *personaDock() const { return mPersonaDock; }
    DataDock *dataDock() const { return mDataDock; }
    ChartsDock *chartsDock() const { return mChartsDock; }
    DriversDock *driversDock() const { return mDriversDock; }
    // Shows the map, selects the card alone and centres it: what a row of the key drivers asks.
    void showTouchpoint(const Id &mapId, const Id &touchpointId);
    // The import wizard (modal); with a dataset, for its next wave.
    void importData(const Id &nextWaveOf = {});
    MapActions *mapActions() const { return mMapActions; }
    // Keeps the document's metrics current for the canvas (and anyone else who asks).
    MetricsController *metricsController() const { return mMetricsController; }
    MetricsActions *metricsActions() const { return mMetricsActions; }

    // Each of these asks about unsaved changes first, where they would be lost, and reports
    // a failure to the person before returning false.
    bool newProject(const QString &templateName);
    bool openFile(const QString &path);
    bool save();
    bool saveAs();
    bool saveTo(const QString &path);
    bool revert();
    // A new untitled project from the blank template, replacing the open one without asking:
    // the window's first project. A failure leaves an empty project and a line in the log.
    void startBlankProject();

    // Offers back the unsaved changes that a Waymark which did not close properly kept in
    // its working copy (the newest such copy; the others are offered at the next start).
    // Copies without unsaved changes are cleared away. True when changes were recovered.
    bool offerRecovery();

protected:
    // The questions the window asks; tests answer them without dialogs.
    virtual QMessageBox::StandardButton askToSaveChanges(); // Save, Discard or Cancel
    virtual bool askToRevert();
    virtual QString askOpenPath();                          // empty: cancelled
    virtual QString askSavePath(const QString &suggestion); // empty: cancelled
    virtual void showError(const QString &summary, const StorageError &error);
    // Yes: recover into this window; Discard: throw the changes away; Ignore: ask next time.
    virtual QMessageBox::StandardButton askToRecover(const WorkingCopyOrphan &orphan);
    virtual bool askToDeleteMap(const JourneyMap &map); // asked only of a map with cards
    virtual QString askMapName(const QString &name);    // empty: cancelled

    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    bool maybeSaveChanges();
    void setDocument(std::unique_ptr<Document> document);
    void onDocumentChanged(const ChangeEvent &event);
    void syncTabs();
    void updateTabTexts();
    void updateTitle();
    void updateActions();
    void updateCounts();
    void fillRecentMenu();
    void openRecent(const QString &path);
    void deleteSelection();
    void createUndoHistory();
    void createInspector();
    void createPersonaDock();
    void createDataDock();
    void createMetricsDocks(); // the Charts and Key Drivers docks
    void exportPersonaSheets(bool pdf);
    void followCurrentMap(); // the inspector follows the selection of the current map
    void showAbout();
    void showPreferences();
    void applyPreferences();
    void showMap(const Id &mapId);
    QString startDirectory() const;
    void rememberDirectory(const QString &path);

    std::unique_ptr<Document> mDocument;
    RecentFiles mRecentFiles;
    QUndoGroup *mUndoGroup;
    QTabWidget *mTabs;
    QLabel *mCounts;

    QMenu *mNewMenu = nullptr;
    QMenu *mRecentMenu = nullptr;
    QAction *mOpenAction = nullptr;
    QAction *mSaveAction = nullptr;
    QAction *mSaveAsAction = nullptr;
    QAction *mRevertAction = nullptr;
    QAction *mQuitAction = nullptr;
    QAction *mUndoAction = nullptr;
    QAction *mRedoAction = nullptr;
    QAction *mCutAction = nullptr;
    QAction *mCopyAction = nullptr;
    QAction *mPasteAction = nullptr;
    QAction *mDuplicateAction = nullptr;
    QAction *mDeleteAction = nullptr;
    QAction *mSelectAllAction = nullptr;
    SearchBar *mSearchBar = nullptr;
    QAction *mFindAction = nullptr;
    QAction *mFindNextAction = nullptr;
    QAction *mFindPreviousAction = nullptr;
    QDockWidget *mUndoDock = nullptr;
    InspectorDock *mInspectorDock = nullptr;
    PersonaDock *mPersonaDock = nullptr;
    DataDock *mDataDock = nullptr;
    ChartsDock *mChartsDock = nullptr;
    DriversDock *mDriversDock = nullptr;
    QAction *mImportAction = nullptr;
    QMenu *mExportPersonasMenu = nullptr;
    QAction *mZoomInAction = nullptr;
    QAction *mZoomOutAction = nullptr;
    QAction *mZoomResetAction = nullptr;
    QAction *mFitMapAction = nullptr;
    QAction *mFitSelectionAction = nullptr;
    QAction *mAboutAction = nullptr;
    QAction *mPreferencesAction = nullptr;
    MapActions *mMapActions = nullptr;
    MetricsController *mMetricsController = nullptr;
    MetricsActions *mMetricsActions = nullptr;
};

} // namespace Waymark
