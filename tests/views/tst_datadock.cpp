// The Data dock: the datasets listed as the model has them, and its edits as undo steps.
#include "../common/damagedrows.h"
#include "commands.h"
#include "datadock.h"
#include "document.h"
#include "import/importer.h"
#include "templates.h"

#include <QComboBox>
#include <QLabel>
#include <QMainWindow>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Waymark;

namespace {

struct Fixture
{
    std::unique_ptr<Document> document;
    DataDock dock;
    Id datasetId;

    // The sample project with a small survey attached row by row to its touchpoints.
    explicit Fixture(const QString &csvPath)
    {
        StorageError storageError;
        const std::optional<Project> project =
            Templates::instantiate(u"digital-journey"_s, &storageError);
        if (!project)
            return;
        document = Document::create(*project, &storageError);
        if (!document)
            return;
        QString error;
        std::optional<Import::ImportPlan> plan = Import::plan(csvPath, {}, &error);
        if (!plan)
            return;
        const qsizetype column = Import::findColumn(*plan, u"where"_s);
        Import::attachByColumn(*plan, column);
        Import::Importer importer(*plan, document->project());
        const Import::ImportResult result = importer.run(document->workingCopyPath());
        if (!result.ok)
            return;
        document->push(Commands::importDataset(document.get(), result.dataset).release());
        datasetId = result.dataset.id;
        dock.setDocument(document.get());
        dock.show();
    }
};

Id touchpointTitled(const Project &project, const QString &title)
{
    for (const JourneyMap &map : project.maps) {
        for (const Touchpoint &t : map.touchpoints) {
            if (t.title == title)
                return t.id;
        }
    }
    return {};
}

} // namespace

class TestDataDock : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;
    QString mCsv;

private slots:
    void initTestCase();
    void listsDatasets();
    void renameIsUndoable();
    void deleteIsUndoable();
    void columnRoleAndType_data();
    void columnRoleAndType();
    void touchpointShowsItsRows();
    void closedWhileCounting();
    void damagedRowsAreMarked();
    void buildsWhenFirstSeen();
    void screenshot();
};

void TestDataDock::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(mDir.isValid());
    mCsv = mDir.filePath(u"survey.csv"_s);
    QFile file(mCsv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("id,where,score\n1,Blog,4\n2,Shopping cart,5\n3,blog,2\n4,Nowhere,3\n");
}

void TestDataDock::listsDatasets()
{
    Fixture f(mCsv);
    QVERIFY(!f.datasetId.isNull());
    auto *tree = f.dock.findChild<QTreeWidget *>(u"datasetTree"_s);
    QCOMPARE(tree->topLevelItemCount(), 1);
    QTreeWidgetItem *item = tree->topLevelItem(0);
    QCOMPARE(item->text(0), u"survey"_s);
    QVERIFY(item->text(1).contains(u"survey.csv"_s));
    QVERIFY(item->text(1).contains(u" 4 row"_s));
    QVERIFY(item->text(1).contains(Import::sourceFormatDisplayName(Import::SourceFormat::Csv)));
    // Three columns and the attachment.
    QCOMPARE(item->childCount(), 4);
    QCOMPARE(item->child(1)->text(0), u"where"_s);
    QVERIFY(item->child(1)->text(1).contains(displayName(ColumnRole::Touchpoint)));
    QVERIFY(item->child(3)->text(1).contains(u"where"_s));
}

void TestDataDock::renameIsUndoable()
{
    Fixture f(mCsv);
    QVERIFY(!f.datasetId.isNull());
    f.dock.selectDataset(f.datasetId);
    QVERIFY(f.dock.renameCurrent(u"Spring wave"_s));
    QCOMPARE(f.document->project().datasets.first().name, u"Spring wave"_s);
    auto *tree = f.dock.findChild<QTreeWidget *>(u"datasetTree"_s);
    QCOMPARE(tree->topLevelItem(0)->text(0), u"Spring wave"_s);
    QCOMPARE(f.dock.currentDataset(), f.datasetId);

    f.document->undoStack()->undo();
    QCOMPARE(f.document->project().datasets.first().name, u"survey"_s);
    QCOMPARE(tree->topLevelItem(0)->text(0), u"survey"_s);
}

void TestDataDock::deleteIsUndoable()
{
    Fixture f(mCsv);
    QVERIFY(!f.datasetId.isNull());
    const Dataset before = f.document->project().datasets.first();
    f.dock.selectDataset(f.datasetId);
    QVERIFY(f.dock.deleteCurrent());
    QVERIFY(f.document->project().datasets.isEmpty());
    QVERIFY(f.dock.currentDataset().isNull());

    f.document->undoStack()->undo();
    QCOMPARE(f.document->project().datasets.size(), 1);
    QCOMPARE(f.document->project().datasets.first(), before);
}

void TestDataDock::columnRoleAndType_data()
{
    QTest::addColumn<QString>("combo");
    QTest::addColumn<int>("value");

    QTest::newRow("role") << u"columnRoleCombo"_s << int(ColumnRole::Csat);
    QTest::newRow("type") << u"columnTypeCombo"_s << int(ColumnType::Decimal);
}

void TestDataDock::columnRoleAndType()
{
    QFETCH(QString, combo);
    QFETCH(int, value);

    Fixture f(mCsv);
    QVERIFY(!f.datasetId.isNull());
    const Dataset before = f.document->project().datasets.first();
    auto *tree = f.dock.findChild<QTreeWidget *>(u"datasetTree"_s);
    auto *box = f.dock.findChild<QComboBox *>(combo);
    QVERIFY(!box->isEnabled());
    tree->setCurrentItem(tree->topLevelItem(0)->child(2)); // score
    QVERIFY(box->isEnabled());

    const int steps = f.document->undoStack()->count();
    box->setCurrentIndex(box->findData(value));
    QCOMPARE(f.document->undoStack()->count(), steps + 1);
    const DatasetColumn &score = f.document->project().datasets.first().columns[2];
    if (combo == u"columnRoleCombo"_s)
        QCOMPARE(int(score.role), value);
    else
        QCOMPARE(int(score.type), value);

    f.document->undoStack()->undo();
    QCOMPARE(f.document->project().datasets.first(), before);
}

void TestDataDock::touchpointShowsItsRows()
{
    Fixture f(mCsv);
    QVERIFY(!f.datasetId.isNull());
    const Dataset &d = f.document->project().datasets.first();
    const Id blog = touchpointTitled(f.document->project(), u"Blog"_s);
    const Id cart = touchpointTitled(f.document->project(), u"Shopping cart"_s);
    const Id demo = touchpointTitled(f.document->project(), u"Demo"_s);
    QCOMPARE(f.dock.rowsAttached(d, blog), 2);
    QCOMPARE(f.dock.rowsAttached(d, cart), 1);
    QCOMPARE(f.dock.rowsAttached(d, demo), 0);

    // The rows are counted on a worker, and a count overtaken by another selection is
    // dropped: what the dock says once counts come back is of the touchpoint selected last.
    auto *label = f.dock.findChild<QLabel *>(u"touchpointDataLabel"_s);
    QStringList shown; // what the dock said each time a count came back
    connect(&f.dock, &DataDock::touchpointRowsCounted, &f.dock,
            [&] { shown.append(label->text()); });
    f.dock.setSelectedTouchpoints({demo});
    f.dock.setSelectedTouchpoints({blog});
    QTRY_VERIFY2(label->text().contains(u": 2 row"_s), qPrintable(label->text()));
    QVERIFY(!shown.isEmpty());
    f.dock.setSelectedTouchpoints({cart});
    f.dock.setSelectedTouchpoints({demo});
    // A count that was back before the next selection was rightly shown; any later one is
    // of the card selected last.
    shown.clear();
    QTRY_VERIFY2(label->text().contains(u"No data"_s), qPrintable(label->text()));
    QTest::qWait(100);
    for (const QString &text : std::as_const(shown))
        QVERIFY2(text.contains(u"Demo"_s), qPrintable(text));
    QVERIFY(label->text().contains(u"No data"_s));
}

// A dock closed while its worker counts (the window closing with a card selected): the
// count comes back to no one, and nothing else happens.
void TestDataDock::closedWhileCounting()
{
    Fixture f(mCsv);
    QVERIFY(!f.datasetId.isNull());
    const Id blog = touchpointTitled(f.document->project(), u"Blog"_s);
    for (int i = 0; i < 20; ++i) {
        auto dock = std::make_unique<DataDock>();
        dock->setDocument(f.document.get());
        dock->show();
        dock->setSelectedTouchpoints({blog});
        dock.reset();
    }
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();

    // The fixture's own dock still counts.
    auto *label = f.dock.findChild<QLabel *>(u"touchpointDataLabel"_s);
    f.dock.setSelectedTouchpoints({blog});
    QTRY_VERIFY2(label->text().contains(u": 2 row"_s), qPrintable(label->text()));
}

void TestDataDock::damagedRowsAreMarked()
{
    Fixture f(mCsv);
    QVERIFY(!f.datasetId.isNull());
    const QString name = f.document->project().datasets.first().name;
    const QString file = mDir.filePath(u"damaged.waymark"_s);
    StorageError error;
    QVERIFY2(f.document->saveAs(file, &error), qPrintable(error.message));
    f.dock.setDocument(nullptr);
    QString why;
    QVERIFY2(TestSupport::damageRowsOf(file, name, &why), qPrintable(why));

    std::unique_ptr<Document> doc = Document::open(file, &error);
    QVERIFY2(doc, qPrintable(error.message + u'\n' + error.detail));
    QSignalSpy checked(doc.get(), &Document::rowsCheckFinished);
    DataDock dock;
    dock.setDocument(doc.get());
    const Id blog = touchpointTitled(doc->project(), u"Blog"_s);
    dock.setSelectedTouchpoints({blog});
    // Never shown: the accessor builds what a person would see.
    QVERIFY(!dock.isBuilt());
    QTreeWidget *tree = dock.tree();
    QVERIFY(dock.isBuilt());
    auto *label = dock.findChild<QLabel *>(u"touchpointDataLabel"_s);
    QVERIFY(tree && label);
    // Before the check has found it, the dataset reads as any other.
    QVERIFY(!tree->topLevelItem(0)->text(1).contains(u"damaged"_s));
    QVERIFY2(!label->text().contains(u"damaged"_s), qPrintable(label->text()));

    QVERIFY(checked.wait(10000));
    QVERIFY(!doc->isDatasetReadable(f.datasetId));
    QVERIFY2(tree->topLevelItem(0)->text(1).startsWith(u"rows damaged"_s),
             qPrintable(tree->topLevelItem(0)->text(1)));
    QVERIFY(tree->topLevelItem(0)->toolTip(0).contains(u"Import the file again"_s));
    QVERIFY(!tree->topLevelItem(0)->icon(0).isNull());
    QVERIFY2(label->text().contains(u"rows damaged, left out of the figures"_s),
             qPrintable(label->text()));
    QVERIFY(!label->text().contains(u"row(s)"_s));
    dock.setDocument(nullptr);
}

// Behind another dock's tab, as the window's first start has it, the dock builds nothing;
// its tab chosen, it lists the datasets and the selected touchpoint's rows at once.
void TestDataDock::buildsWhenFirstSeen()
{
    Fixture f(mCsv);
    QVERIFY(!f.datasetId.isNull());
    f.dock.hide();
    const Id blog = touchpointTitled(f.document->project(), u"Blog"_s);

    QMainWindow window;
    window.setCentralWidget(new QWidget);
    auto *front = new QDockWidget(u"Front"_s);
    front->setWidget(new QLabel(u"In front"_s));
    auto *dock = new DataDock;
    window.addDockWidget(Qt::RightDockWidgetArea, front);
    window.addDockWidget(Qt::RightDockWidgetArea, dock);
    // The second goes on top: the data dock is a tab behind.
    window.tabifyDockWidget(dock, front);
    dock->setDocument(f.document.get());
    dock->setSelectedTouchpoints({blog});
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::qWait(50);

    QVERIFY(!dock->isBuilt());
    QVERIFY(dock->widget());
    QVERIFY(!dock->findChild<QTreeWidget *>());
    QVERIFY(!dock->findChild<QLabel *>());
    QVERIFY(dock->currentDataset().isNull());

    dock->raise();
    QTRY_VERIFY(dock->isBuilt());
    auto *tree = dock->findChild<QTreeWidget *>(u"datasetTree"_s);
    QVERIFY(tree);
    QVERIFY(tree->isVisible());
    // Laid out in the dock, not at its own size until the next turn of the event loop.
    QVERIFY2(tree->width() > dock->width() / 2, qPrintable(QString::number(tree->width())));
    QCOMPARE(tree->topLevelItemCount(), 1);
    QCOMPARE(tree->topLevelItem(0)->text(0), f.document->project().datasets.first().name);
    QCOMPARE(tree->topLevelItem(0)->childCount(),
             f.document->project().datasets.first().columns.size() + 1);
    auto *label = dock->findChild<QLabel *>(u"touchpointDataLabel"_s);
    QVERIFY(label && label->isVisible());
    QTRY_VERIFY2(label->text().contains(u": 2 row"_s), qPrintable(label->text()));
    auto *import = dock->findChild<QPushButton *>(u"importButton"_s);
    QVERIFY(import && import->isEnabled());

    // Built once: back behind the tab and in front again, it is the same tree, kept current.
    front->raise();
    QTRY_VERIFY(dock->visibleRegion().isEmpty());
    f.document->undoStack()->undo(); // the import
    dock->raise();
    QTRY_VERIFY(!dock->visibleRegion().isEmpty());
    QCOMPARE(dock->findChild<QTreeWidget *>(u"datasetTree"_s), tree);
    QCOMPARE(tree->topLevelItemCount(), 1);
    QVERIFY(tree->topLevelItem(0)->text(0).startsWith(u"No data yet"_s));
    dock->setDocument(nullptr);
}

// A picture of the dock for people to judge: set WAYMARK_SCREENSHOT_DIR to write it.
void TestDataDock::screenshot()
{
    const QString dir = qEnvironmentVariable("WAYMARK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("WAYMARK_SCREENSHOT_DIR is not set");
    Fixture f(mCsv);
    QVERIFY(!f.datasetId.isNull());
    f.dock.resize(520, 560);
    f.dock.findChild<QTreeWidget *>(u"datasetTree"_s)->expandAll();
    f.dock.selectDataset(f.datasetId);
    f.dock.setSelectedTouchpoints({touchpointTitled(f.document->project(), u"Blog"_s)});
    QVERIFY(f.dock.grab().save(dir + u"/datadock.png"_s));
}

QTEST_MAIN(TestDataDock)
#include "tst_datadock.moc"
