#include "datadock.h"

#include "changeevent.h"
#include "commands.h"
#include "dockfirstsight.h"
#include "document.h"
#include "import/sourceformat.h"
#include "storage/sqlite.h"

#include <QComboBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Waymark {

namespace {

constexpr int datasetRole = Qt::UserRole;
constexpr int columnRole = Qt::UserRole + 1; // -1 on a dataset's own row

QString formatName(const Dataset &dataset)
{
    const std::optional<Import::SourceFormat> format = Import::sourceFormatFromKey(dataset.format);
    return format ? Import::sourceFormatDisplayName(*format) : dataset.format;
}

const Dataset *findDataset(const Project &project, const Id &id)
{
    for (const Dataset &d : project.datasets) {
        if (d.id == id)
            return &d;
    }
    return nullptr;
}

QString touchpointTitle(const Project &project, const Id &id)
{
    for (const JourneyMap &map : project.maps) {
        for (const Touchpoint &t : map.touchpoints) {
            if (t.id == id)
                return t.title;
        }
    }
    return QString();
}

} // namespace

DataDock::DataDock(QWidget *parent)
    : QDockWidget(tr("Data"), parent)
{
    setObjectName(u"dataDock"_s);

    // The dock has its widget from the start, so that the main window can keep it hidden
    // until the dock is seen (app/window/deferreddockcontent.h); what goes in it waits too.
    mContent = new QWidget;
    auto *contentLayout = new QVBoxLayout(mContent);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    setWidget(mContent);
    // What a person sees of the dock is built when they first see it.
    DockFirstSight::watch(this, [this] { build(); });
}

QTreeWidget *DataDock::tree() const
{
    // Asked for before the dock was seen, as a test does: what a person would see is built.
    const_cast<DataDock *>(this)->build();
    return mTree;
}

void DataDock::build()
{
    if (mTree)
        return;
    mTree = new QTreeWidget;
    mTree->setObjectName(u"datasetTree"_s);
    mTree->setHeaderLabels({tr("Dataset"), tr("Details")});
    mTree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    mTree->setAlternatingRowColors(true);

    mImportButton = new QPushButton(tr("&Import…"));
    mImportButton->setObjectName(u"importButton"_s);
    mNextWaveButton = new QPushButton(tr("Next &Wave…"));
    mNextWaveButton->setObjectName(u"nextWaveButton"_s);
    mNextWaveButton->setToolTip(
        tr("Import a newer export of the same survey: rows with a known key are updated"));
    mRenameButton = new QPushButton(tr("&Rename…"));
    mRenameButton->setObjectName(u"renameButton"_s);
    mDeleteButton = new QPushButton(tr("&Delete"));
    mDeleteButton->setObjectName(u"deleteButton"_s);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(mImportButton);
    buttons->addWidget(mNextWaveButton);
    buttons->addWidget(mRenameButton);
    buttons->addWidget(mDeleteButton);
    buttons->addStretch();

    mRoleCombo = new QComboBox;
    mRoleCombo->setObjectName(u"columnRoleCombo"_s);
    for (ColumnRole r : allValues<ColumnRole>())
        mRoleCombo->addItem(displayName(r), int(r));
    mTypeCombo = new QComboBox;
    mTypeCombo->setObjectName(u"columnTypeCombo"_s);
    for (ColumnType t : allValues<ColumnType>())
        mTypeCombo->addItem(displayName(t), int(t));
    auto *columnForm = new QFormLayout;
    columnForm->addRow(tr("Column r&ole:"), mRoleCombo);
    columnForm->addRow(tr("Column &type:"), mTypeCombo);

    mTouchpointLabel = new QLabel;
    mTouchpointLabel->setObjectName(u"touchpointDataLabel"_s);
    mTouchpointLabel->setWordWrap(true);
    mTouchpointLabel->setTextFormat(Qt::RichText);

    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(buttons);
    layout->addWidget(mTree, 1);
    layout->addLayout(columnForm);
    layout->addWidget(mTouchpointLabel);

    connect(mTree, &QTreeWidget::currentItemChanged, this, &DataDock::selectionChanged);
    connect(mImportButton, &QPushButton::clicked, this, &DataDock::importRequested);
    connect(mNextWaveButton, &QPushButton::clicked, this, [this] {
        if (!currentDataset().isNull())
            emit importNextWaveRequested(currentDataset());
    });
    connect(mRenameButton, &QPushButton::clicked, this, [this] { renameCurrent(); });
    connect(mDeleteButton, &QPushButton::clicked, this, &DataDock::deleteCurrent);
    connect(mRoleCombo, &QComboBox::currentIndexChanged, this, [this] {
        const qsizetype column = currentColumn();
        if (!mDocument || column < 0)
            return;
        if (auto command = Commands::setDatasetColumnRole(
                mDocument, currentDataset(), column, ColumnRole(mRoleCombo->currentData().toInt())))
            mDocument->push(command.release());
    });
    connect(mTypeCombo, &QComboBox::currentIndexChanged, this, [this] {
        const qsizetype column = currentColumn();
        if (!mDocument || column < 0)
            return;
        if (auto command = Commands::setDatasetColumnType(
                mDocument, currentDataset(), column, ColumnType(mTypeCombo->currentData().toInt())))
            mDocument->push(command.release());
    });

    mContent->layout()->addWidget(page);
    // Built as the dock shows, moves or resizes: shown and laid out now, or the page would
    // show only at the next turn of the event loop and at its own size.
    if (mContent->isVisible())
        page->show();
    mContent->layout()->activate();
    QDockWidget::layout()->activate();

    rebuild();
}

void DataDock::setDocument(Document *document)
{
    if (mDocument)
        disconnect(mDocument, nullptr, this, nullptr);
    mDocument = document;
    mTouchpoints.clear();
    if (mDocument) {
        connect(mDocument, &Document::changed, this, &DataDock::documentChanged);
        // The check after opening may find a dataset's rows damaged: it is marked then.
        connect(mDocument, &Document::rowsCheckFinished, this, &DataDock::rebuild);
    }
    rebuild();
}

void DataDock::setSelectedTouchpoints(const QList<Id> &touchpointIds)
{
    if (touchpointIds == mTouchpoints)
        return;
    mTouchpoints = touchpointIds;
    updateTouchpointInfo();
}

void DataDock::documentChanged(const ChangeEvent &event)
{
    // Touchpoint titles show in the attachments; everything else here is datasets.
    if (event.entity == EntityKind::Dataset || event.entity == EntityKind::Touchpoint ||
        event.entity == EntityKind::Project)
        rebuild();
}

void DataDock::rebuild()
{
    // Before the dock is built there is nothing to show it in; build() calls this.
    if (!mTree)
        return;
    const Id current = currentDataset();
    const qsizetype column = currentColumn();
    const QSignalBlocker blocker(mTree);
    mTree->clear();
    if (mDocument) {
        const Project &project = mDocument->project();
        const QLocale locale;
        for (const Dataset &d : project.datasets) {
            auto *item = new QTreeWidgetItem(mTree);
            item->setText(0, d.name);
            item->setText(
                1, tr("%1 · %2 · imported %3 · %n row(s)", nullptr, int(d.rowCount))
                       .arg(formatName(d), d.sourceFile,
                            locale.toString(d.imported.toLocalTime(), QLocale::ShortFormat)));
            item->setToolTip(1, item->text(1));
            if (!mDocument->isDatasetReadable(d.id)) {
                item->setText(1, tr("rows damaged · %1").arg(item->text(1)));
                item->setIcon(0, mTree->style()->standardIcon(QStyle::SP_MessageBoxWarning));
                const QString why = tr("The imported rows of this dataset are damaged in the "
                                       "project file, so its figures are left out of the map. "
                                       "Import the file again, or ask for a fresh copy of the "
                                       "project.");
                item->setToolTip(0, why);
                item->setToolTip(1, why);
            }
            item->setData(0, datasetRole, d.id);
            item->setData(0, columnRole, -1);
            QFont bold = item->font(0);
            bold.setBold(true);
            item->setFont(0, bold);

            for (qsizetype c = 0; c < d.columns.size(); ++c) {
                auto *child = new QTreeWidgetItem(item);
                child->setText(0, d.columns[c].name);
                child->setText(1, u"%1 · %2"_s.arg(displayName(d.columns[c].role),
                                                   displayName(d.columns[c].type)));
                child->setData(0, datasetRole, d.id);
                child->setData(0, columnRole, int(c));
                if (d.id == current && c == column)
                    mTree->setCurrentItem(child);
            }
            for (const DatasetAttachment &a : d.attachments) {
                auto *child = new QTreeWidgetItem(item);
                child->setData(0, datasetRole, d.id);
                child->setData(0, columnRole, -1);
                child->setText(0, tr("Attached"));
                const QString columnName = d.columns.value(a.column).name;
                switch (a.kind) {
                case AttachmentKind::WholeDataset:
                    child->setText(
                        1, tr("every row to “%1”").arg(touchpointTitle(project, a.touchpointId)));
                    break;
                case AttachmentKind::ByColumn:
                    child->setText(1, tr("row by row, through “%1”").arg(columnName));
                    break;
                case AttachmentKind::Filter:
                    child->setText(
                        1, tr("rows where %1 = %2, to “%3”")
                               .arg(columnName, a.value, touchpointTitle(project, a.touchpointId)));
                    break;
                }
            }
            if (d.id == current && column < 0)
                mTree->setCurrentItem(item);
        }
        if (project.datasets.isEmpty()) {
            auto *hint = new QTreeWidgetItem(mTree);
            hint->setText(0, tr("No data yet: File › Import Data… (Ctrl+Shift+I)"));
            hint->setFlags(Qt::NoItemFlags);
        }
    }
    selectionChanged();
    updateTouchpointInfo();
}

Id DataDock::currentDataset() const
{
    const QTreeWidgetItem *item = mTree ? mTree->currentItem() : nullptr;
    return item ? item->data(0, datasetRole).value<Id>() : Id();
}

qsizetype DataDock::currentColumn() const
{
    const QTreeWidgetItem *item = mTree ? mTree->currentItem() : nullptr;
    return item && item->data(0, columnRole).isValid() ? item->data(0, columnRole).toInt() : -1;
}

void DataDock::selectDataset(const Id &datasetId)
{
    build();
    for (int i = 0; i < mTree->topLevelItemCount(); ++i) {
        if (mTree->topLevelItem(i)->data(0, datasetRole).value<Id>() == datasetId)
            mTree->setCurrentItem(mTree->topLevelItem(i));
    }
}

void DataDock::selectionChanged()
{
    if (!mTree)
        return;
    const bool open = mDocument != nullptr;
    const bool dataset = !currentDataset().isNull();
    mImportButton->setEnabled(open);
    mNextWaveButton->setEnabled(dataset);
    mRenameButton->setEnabled(dataset);
    mDeleteButton->setEnabled(dataset);

    const qsizetype column = currentColumn();
    const Dataset *d = open ? findDataset(mDocument->project(), currentDataset()) : nullptr;
    const bool editColumn = d && column >= 0 && column < d->columns.size();
    const QSignalBlocker b1(mRoleCombo), b2(mTypeCombo);
    mRoleCombo->setEnabled(editColumn);
    mTypeCombo->setEnabled(editColumn);
    if (editColumn) {
        mRoleCombo->setCurrentIndex(mRoleCombo->findData(int(d->columns[column].role)));
        mTypeCombo->setCurrentIndex(mTypeCombo->findData(int(d->columns[column].type)));
    }
    updateTouchpointInfo();
}

bool DataDock::renameCurrent(const QString &name)
{
    const Dataset *d = mDocument ? findDataset(mDocument->project(), currentDataset()) : nullptr;
    if (!d)
        return false;
    QString newName = name;
    if (newName.isEmpty()) {
        bool ok = false;
        newName = QInputDialog::getText(this, tr("Rename Dataset"), tr("Name:"), QLineEdit::Normal,
                                        d->name, &ok);
        if (!ok)
            return false;
    }
    auto command = Commands::renameDataset(mDocument, d->id, newName.trimmed());
    if (!command)
        return false;
    mDocument->push(command.release());
    return true;
}

bool DataDock::deleteCurrent()
{
    if (!mDocument || currentDataset().isNull())
        return false;
    auto command = Commands::removeDataset(mDocument, currentDataset());
    if (!command)
        return false;
    mDocument->push(command.release());
    return true;
}

namespace {

// Whether the rows of dataset that reach the touchpoint must be counted in its table: those
// attached row by row, or by a filter to this touchpoint. Every row attached whole is known.
bool countsInTable(const Dataset &dataset, const Id &touchpointId)
{
    return dataset.rowsTable > 0 &&
           std::any_of(dataset.attachments.cbegin(), dataset.attachments.cend(),
                       [&](const DatasetAttachment &a) {
                           return a.kind == AttachmentKind::ByColumn ||
                                  (a.kind == AttachmentKind::Filter &&
                                   a.touchpointId == touchpointId);
                       });
}

// The rows of the dataset that belong to the touchpoint, those of its table read from the
// working copy at path (through a read-only connection of its own, so that it may run on
// any thread). A database that cannot be opened counts none of its table's rows.
qint64 countAttachedRows(const QString &path, const Dataset &dataset, const Id &touchpointId)
{
    qint64 rows = 0;
    // One read-only connection for all the attachments, opened only when one needs it.
    Sql::Database db;
    bool opened = false;
    bool unavailable = false;
    for (const DatasetAttachment &a : dataset.attachments) {
        if (a.kind == AttachmentKind::WholeDataset) {
            if (a.touchpointId == touchpointId)
                rows += dataset.rowCount;
            continue;
        }
        if (a.kind == AttachmentKind::Filter && a.touchpointId != touchpointId)
            continue;
        if (path.isEmpty() || dataset.rowsTable <= 0)
            continue;

        if (!opened && !unavailable) {
            opened = db.open(path, Sql::Database::Mode::ReadOnly);
            unavailable = !opened;
        }
        if (!opened)
            continue;
        // The table name is a generated number, never text anyone typed.
        const QString table = u"dataset_rows_%1"_s.arg(dataset.rowsTable);
        QString sql;
        if (a.kind == AttachmentKind::ByColumn)
            sql = u"SELECT count(*) FROM %1 WHERE touchpoint_id = ?1"_s.arg(table);
        else
            sql = u"SELECT count(*) FROM %1 WHERE CAST(c%2 AS TEXT) = ?1"_s.arg(table).arg(
                a.column + 1);
        Sql::Statement query(db, sql);
        if (!query.isValid())
            continue;
        query.bind(1, a.kind == AttachmentKind::ByColumn
                          ? touchpointId.toString(QUuid::WithoutBraces)
                          : a.value);
        if (query.next())
            rows += query.integer(0);
    }
    return rows;
}

} // namespace

qint64 DataDock::rowsAttached(const Dataset &dataset, const Id &touchpointId) const
{
    return countAttachedRows(mDocument ? mDocument->workingCopyPath() : QString(), dataset,
                             touchpointId);
}

void DataDock::updateTouchpointInfo()
{
    // Counting the rows reads the working copy: not for a label no one has seen yet.
    if (!mTouchpointLabel)
        return;
    // A count still running for an earlier selection or state is no longer wanted.
    const int generation = ++mCountGeneration;
    if (!mDocument || mTouchpoints.size() != 1) {
        mTouchpointLabel->setText(
            mDocument ? tr("Select a touchpoint on the map to see the data attached to it.")
                      : QString());
        return;
    }
    const Project &project = mDocument->project();
    const Id touchpoint = mTouchpoints.first();
    QList<AttachedRows> entries;
    QList<Dataset> toCount;
    for (const Dataset &d : project.datasets) {
        AttachedRows entry{d.id, d.name, false, false, false, 0};
        // A dataset attached row by row reaches this touchpoint only through its matching rows.
        for (const DatasetAttachment &a : d.attachments) {
            entry.direct = entry.direct ||
                           (a.kind != AttachmentKind::ByColumn && a.touchpointId == touchpoint);
        }
        // Damaged rows are not read: what they would count cannot be trusted.
        if (!mDocument->isDatasetReadable(d.id)) {
            bool attached = entry.direct;
            for (const DatasetAttachment &a : d.attachments)
                attached = attached || a.kind == AttachmentKind::ByColumn;
            entry.damaged = true;
            if (attached)
                entries.append(entry);
            continue;
        }
        if (countsInTable(d, touchpoint)) {
            entry.counting = true;
            toCount.append(d);
        } else {
            entry.rows = countAttachedRows({}, d, touchpoint);
        }
        entries.append(entry);
    }
    const QString title = touchpointTitle(project, touchpoint);
    showTouchpointInfo(title, entries);
    if (toCount.isEmpty())
        return;

    // Counting reads the rows tables, which on a dataset of a million rows attached by a
    // filter takes longer than a frame: on a worker, with a connection of its own.
    // The result comes through a watcher the dock owns: a dock closed before the count
    // returns takes its watcher along and hears nothing (QFuture::then with the dock as
    // context asserts in Qt 6.4 when the context is gone by then).
    const QString path = mDocument->workingCopyPath();
    auto *watcher = new QFutureWatcher<QHash<Id, qint64>>(this);
    connect(watcher, &QFutureWatcher<QHash<Id, qint64>>::finished, this,
            [this, watcher, generation, title, entries]() mutable {
                watcher->deleteLater();
                if (generation != mCountGeneration || !mTouchpointLabel)
                    return;
                const QHash<Id, qint64> counts = watcher->result();
                for (AttachedRows &entry : entries) {
                    if (entry.counting) {
                        entry.counting = false;
                        entry.rows = counts.value(entry.datasetId);
                    }
                }
                showTouchpointInfo(title, entries);
                Q_EMIT touchpointRowsCounted();
            });
    watcher->setFuture(QtConcurrent::run([path, toCount, touchpoint] {
        QHash<Id, qint64> counts;
        for (const Dataset &d : toCount)
            counts.insert(d.id, countAttachedRows(path, d, touchpoint));
        return counts;
    }));
}

void DataDock::showTouchpointInfo(const QString &touchpointTitle,
                                  const QList<AttachedRows> &entries)
{
    QStringList lines;
    for (const AttachedRows &entry : entries) {
        const QString name = entry.name.toHtmlEscaped();
        if (entry.damaged)
            lines.append(tr("“%1”: rows damaged, left out of the figures").arg(name));
        else if (entry.counting)
            lines.append(tr("“%1”: counting its rows…").arg(name));
        else if (entry.direct || entry.rows > 0)
            lines.append(tr("“%1”: %n row(s)", nullptr, int(entry.rows)).arg(name));
    }
    const QString title = touchpointTitle.toHtmlEscaped();
    mTouchpointLabel->setText(lines.isEmpty() ? tr("No data is attached to <b>%1</b>.").arg(title)
                                              : tr("Data attached to <b>%1</b>:").arg(title) +
                                                    u"<br>"_s + lines.join(u"<br>"_s));
}

} // namespace Waymark
