// The Data dock: the project's datasets with how each was read (format, file, date), its
// rows and columns, and where it is attached; renaming, deleting and correcting a column's
// role or type, each an undo step. With a touchpoint selected on the canvas it says which
// datasets attach to it and with how many rows.
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

    // The dataset of the selected row (or of the selected column's row); null for none.
    Id currentDataset() const;
    void selectDataset(const Id &datasetId);

    // Asks for the name (a dialog) unless one is given; true when it changed.
    bool renameCurrent(const QString &name = {});
    bool deleteCurrent();

    // The rows of the dataset that belong to the touchpoint, counted in the working copy.
    qint64 rowsAttached(const Dataset &dataset, const Id &touchpointId) const;

signals:
    void importRequested();
    void importNextWaveRequested(const Id &datasetId);

private:
    void rebuild();
    void documentChanged(const ChangeEvent &event);
    void selectionChanged();
    void updateTouchpointInfo();
    qsizetype currentColumn() const; // -1 unless a column row is selected

    Document *mDocument = nullptr;
    QList<Id> mTouchpoints;
    QTreeWidget *mTree;
    QPushButton *mImportButton;
    QPushButton *mNextWaveButton;
    QPushButton *mRenameButton;
    QPushButton *mDeleteButton;
    QComboBox *mRoleCombo;
    QComboBox *mTypeCombo;
    QLabel *mTouchpointLabel;
};

} // namespace Waymark
