// The Data dock: the project's datasets with how each was read (format, file, date), its
// rows and columns, and where it is attached; renaming, deleting and correcting a column's
// role or type, each an undo step. With a touchpoint selected on the canvas it says which
// datasets attach to it and with how many rows. Its tree, buttons and editors are built the
// first time the dock is seen (or an accessor below asks for them), not with the window.
#pragma once

#include "entities.h"

#include <QDockWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace Waymark {

class Document;
struct ChangeEvent;

class DataDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit DataDock(QWidget *parent = nullptr);

    void setDocument(Document *document);
    void setSelectedTouchpoints(const QList<Id> &touchpointIds);

    // Builds the dock's contents if it has not been seen yet.
    QTreeWidget *tree() const;
    bool isBuilt() const { return mTree != nullptr; }

    // The dataset of the selected row (or of the selected column's row); null for none, as
    // before the dock is built, when nothing can have been selected.
    Id currentDataset() const;
    // Builds the dock's contents, so that the row is selected when it shows.
    void selectDataset(const Id &datasetId);

    // Asks for the name (a dialog) unless one is given; true when it changed.
    bool renameCurrent(const QString &name = {});
    bool deleteCurrent();

    // The rows of the dataset that belong to the touchpoint, counted in the working copy.
    qint64 rowsAttached(const Dataset &dataset, const Id &touchpointId) const;

signals:
    void importRequested();
    void importNextWaveRequested(const Id &datasetId);
    // The rows attached to the selected touchpoint have been counted (on a worker thread)
    // and the dock shows them.
    void touchpointRowsCounted();

private:
    void build();
    void rebuild();
    void documentChanged(const ChangeEvent &event);
    void selectionChanged();
    void updateTouchpointInfo();
    // What the dock says of one dataset for the selected touchpoint.
    struct AttachedRows
    {
        Id datasetId;
        QString name;
        bool direct = false;   // attached whole or by a filter, so shown even with no rows
        bool damaged = false;  // its rows failed the check after opening: not read
        bool counting = false; // its rows are being counted
        qint64 rows = 0;
    };
    void showTouchpointInfo(const QString &touchpointTitle, const QList<AttachedRows> &entries);
    qsizetype currentColumn() const; // -1 unless a column row is selected

    Document *mDocument = nullptr;
    QList<Id> mTouchpoints;
    QWidget *mContent;            // the dock's widget from the start, empty until build()
    QTreeWidget *mTree = nullptr; // nullptr until build(), as are the widgets below
    QPushButton *mImportButton = nullptr;
    QPushButton *mNextWaveButton = nullptr;
    QPushButton *mRenameButton = nullptr;
    QPushButton *mDeleteButton = nullptr;
    QComboBox *mRoleCombo = nullptr;
    QComboBox *mTypeCombo = nullptr;
    QLabel *mTouchpointLabel = nullptr;
    int mCountGeneration = 0; // of the last count asked for: earlier ones are dropped
};

} // namespace Waymark
