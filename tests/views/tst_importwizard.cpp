// The import wizard driven as a user would, through its controls' object names, on the
// samples of tests/data/import and on small files written here.
#include "commands.h"
#include "document.h"
#include "import/sourceformat.h"
#include "importwizard/importwizard.h"
#include "storage/sqlite.h"
#include "templates.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Waymark;

namespace {

constexpr int workerTimeout = 20000;

QString sample(const QString &name)
{
    return QStringLiteral(WAYMARK_TEST_DATA) + u"/import/"_s + name;
}

std::unique_ptr<Document> sampleDocument()
{
    StorageError error;
    const std::optional<Project> project = Templates::instantiate(u"digital-journey"_s, &error);
    if (!project)
        return nullptr;
    return Document::create(*project, &error);
}

template <typename T> T *child(QObject *parent, const QString &name)
{
    return parent->findChild<T *>(name);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// 300,000 rows: an import that is still running when a test acts during it.
bool writeLongSurvey(const QString &path)
{
    QByteArray bytes = "id,segment,score,comment\n";
    for (int i = 0; i < 300000; ++i)
        bytes += QByteArray::number(i) + ",Returning," + QByteArray::number(i % 11) +
                 ",Something to say about the checkout\n";
    return writeFile(path, bytes);
}

// The number of tables of rows in the working copy.
qint64 rowTables(const Document &doc)
{
    Sql::Database db;
    if (!db.open(doc.workingCopyPath(), Sql::Database::Mode::ReadOnly))
        return -1;
    return db
        .queryInt(u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE "
                  u"'dataset_rows_%'"_s)
        .value_or(-1);
}

} // namespace

class TestImportWizard : public QObject
{
    Q_OBJECT

private:
    // Chooses the file and waits for its plan.
    bool openFile(ImportWizard &wizard, const QString &path);
    // From the File page to the Import page, waiting for the first run to end.
    bool runToImport(ImportWizard &wizard);

    QTemporaryDir mDir;

private slots:
    void initTestCase();
    void detectedFormat_data();
    void detectedFormat();
    void delimiterUpdatesPreview();
    void headerRowsShown();
    void rolesSuggestedAndChanged();
    void attachByColumnReportsUnmatched();
    void attachWholeDataset();
    void importIsOneUndoStep();
    void cancelDuringImport();
    void editDuringImportWaitsForIt();
    void cancelWizardLeavesProjectUnchanged();
    void badRows_data();
    void badRows();
    void nextWaveUpdatesByKey();
    void screenshots();
};

bool TestImportWizard::openFile(ImportWizard &wizard, const QString &path)
{
    QSignalSpy ready(&wizard, &ImportWizard::planReady);
    child<QLineEdit>(&wizard, u"fileEdit"_s)->setText(path);
    return ready.wait(workerTimeout) || (!wizard.isPlanning() && wizard.plan());
}

bool TestImportWizard::runToImport(ImportWizard &wizard)
{
    for (int step = 0; step < 5 && wizard.currentId() != ImportWizard::ImportPageId; ++step)
        wizard.next();
    if (wizard.currentId() != ImportWizard::ImportPageId)
        return false;
    QSignalSpy finished(&wizard, &ImportWizard::importFinished);
    return wizard.result().has_value() || finished.wait(workerTimeout);
}

void TestImportWizard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(mDir.isValid());
}

void TestImportWizard::detectedFormat_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("headerRows");

    QTest::newRow("qualtrics") << u"qualtrics.csv"_s << int(Import::SourceFormat::Qualtrics) << 3;
    QTest::newRow("qualtrics workbook")
        << u"qualtrics.xlsx"_s << int(Import::SourceFormat::Qualtrics) << 3;
    QTest::newRow("shopify") << u"shopify-orders.csv"_s << int(Import::SourceFormat::Shopify) << 1;
    QTest::newRow("surveymonkey") << u"surveymonkey.csv"_s
                                  << int(Import::SourceFormat::SurveyMonkey) << 2;
}

void TestImportWizard::detectedFormat()
{
    QFETCH(QString, file);
    QFETCH(int, format);
    QFETCH(int, headerRows);

    std::unique_ptr<Document> doc = sampleDocument();
    QVERIFY(doc);
    ImportWizard wizard(doc.get());
    wizard.show();
    QVERIFY(openFile(wizard, sample(file)));
    QVERIFY2(wizard.plan(), qPrintable(wizard.planError()));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ImportWizard::ReadingPageId));

    const QString name = Import::sourceFormatDisplayName(Import::SourceFormat(format));
    QVERIFY2(child<QLabel>(&wizard, u"detectedLabel"_s)->text().contains(name.toHtmlEscaped()),
             qPrintable(child<QLabel>(&wizard, u"detectedLabel"_s)->text()));
    QCOMPARE(child<QComboBox>(&wizard, u"formatCombo"_s)->currentText(), name);
    QCOMPARE(child<QSpinBox>(&wizard, u"headerRowsSpin"_s)->value(), headerRows);
}

void TestImportWizard::delimiterUpdatesPreview()
{
    const QString path = mDir.filePath(u"semicolons.csv"_s);
    QVERIFY(writeFile(path, "a;b;c\n1;2;3\n4;5;6\n"));
    std::unique_ptr<Document> doc = sampleDocument();
    ImportWizard wizard(doc.get());
    wizard.show();
    QVERIFY(openFile(wizard, path));
    wizard.next();
    auto *preview = child<QTableView>(&wizard, u"previewTable"_s);
    QCOMPARE(preview->model()->columnCount(), 3);

    // A comma: each record is one field.
    QSignalSpy ready(&wizard, &ImportWizard::planReady);
    auto *delimiter = child<QComboBox>(&wizard, u"delimiterCombo"_s);
    QCOMPARE(delimiter->currentData().toInt(), int(';'));
    delimiter->setCurrentIndex(delimiter->findData(int(',')));
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.isPlanning() && wizard.plan(), workerTimeout);
    QCOMPARE(preview->model()->columnCount(), 1);
    QCOMPARE(preview->model()->index(1, 0).data().toString(), u"1;2;3"_s);
    QCOMPARE(wizard.plan()->delimiter, ',');

    delimiter->setCurrentIndex(delimiter->findData(int(';')));
    QTRY_VERIFY_WITH_TIMEOUT(
        !wizard.isPlanning() && wizard.plan() && wizard.plan()->delimiter == ';', workerTimeout);
    QCOMPARE(preview->model()->columnCount(), 3);
    QCOMPARE(preview->model()->index(2, 2).data().toString(), u"6"_s);
}

void TestImportWizard::headerRowsShown()
{
    std::unique_ptr<Document> doc = sampleDocument();
    ImportWizard wizard(doc.get());
    wizard.show();
    QVERIFY(openFile(wizard, sample(u"qualtrics.csv"_s)));
    wizard.next();
    auto *preview = child<QTableView>(&wizard, u"previewTable"_s);
    QCOMPARE(preview->model()->rowCount(), 6);
    QCOMPARE(preview->model()->headerData(0, Qt::Vertical).toString(), u"Header 1"_s);
    QCOMPARE(preview->model()->headerData(2, Qt::Vertical).toString(), u"Header 3"_s);
    QCOMPARE(preview->model()->headerData(3, Qt::Vertical).toString(), u"1"_s);
    QVERIFY(preview->model()->index(0, 0).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!preview->model()->index(3, 0).data(Qt::FontRole).value<QFont>().bold());

    // One header row: the question text becomes data.
    auto *spin = child<QSpinBox>(&wizard, u"headerRowsSpin"_s);
    spin->setValue(1);
    QTRY_VERIFY_WITH_TIMEOUT(
        !wizard.isPlanning() && wizard.plan() && wizard.plan()->headerRows == 1, workerTimeout);
    QCOMPARE(preview->model()->headerData(1, Qt::Vertical).toString(), u"1"_s);
}

void TestImportWizard::rolesSuggestedAndChanged()
{
    std::unique_ptr<Document> doc = sampleDocument();
    ImportWizard wizard(doc.get());
    wizard.show();
    QVERIFY(openFile(wizard, sample(u"shopify-orders.csv"_s)));
    wizard.next();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ImportWizard::ColumnsPageId));

    auto *table = child<QTableWidget>(&wizard, u"columnsTable"_s);
    auto roleOf = [&](const QString &column) -> QComboBox * {
        for (int r = 0; r < table->rowCount(); ++r) {
            if (table->item(r, 0)->text() == column)
                return qobject_cast<QComboBox *>(table->cellWidget(r, 3));
        }
        return nullptr;
    };
    QVERIFY(roleOf(u"Total"_s));
    QCOMPARE(roleOf(u"Total"_s)->currentText(), displayName(ColumnRole::Revenue));
    QCOMPARE(roleOf(u"Name"_s)->currentText(), displayName(ColumnRole::Key));
    QVERIFY(table->item(0, 1)->text().contains(u"#1001"_s));

    QComboBox *currency = roleOf(u"Currency"_s);
    currency->setCurrentIndex(currency->findData(int(ColumnRole::Segment)));
    const qsizetype column = Import::findColumn(*wizard.plan(), u"Currency"_s);
    QCOMPARE(wizard.plan()->columns[column].role, ColumnRole::Segment);

    // Personal data: the choice reaches the plan.
    auto *personal = child<QComboBox>(&wizard, u"personalCombo"_s);
    personal->setCurrentIndex(personal->findData(int(PersonalData::Hash)));
    QCOMPARE(wizard.plan()->personal, PersonalData::Hash);
}

void TestImportWizard::attachByColumnReportsUnmatched()
{
    const QString path = mDir.filePath(u"touchpoints.csv"_s);
    QVERIFY(writeFile(path, "id,where,score\n1,Blog,4\n2, shopping CART ,5\n3,Fax machine,2\n"
                            "4,Blog,3\n5,Carrier pigeon,1\n"));
    std::unique_ptr<Document> doc = sampleDocument();
    ImportWizard wizard(doc.get());
    wizard.show();
    QVERIFY(openFile(wizard, path));
    wizard.next();
    wizard.next();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ImportWizard::AttachmentPageId));

    child<QRadioButton>(&wizard, u"attachColumnRadio"_s)->setChecked(true);
    auto *column = child<QComboBox>(&wizard, u"attachColumnCombo"_s);
    column->setCurrentIndex(column->findText(u"where"_s));
    QVERIFY2(child<QLabel>(&wizard, u"matchLabel"_s)->text().contains(u"3 name a touchpoint"_s),
             qPrintable(child<QLabel>(&wizard, u"matchLabel"_s)->text()));
    auto *unmatched = child<QListWidget>(&wizard, u"unmatchedList"_s);
    QCOMPARE(unmatched->count(), 2);
    QCOMPARE(unmatched->item(0)->text(), u"Fax machine"_s);
    QCOMPARE(unmatched->item(1)->text(), u"Carrier pigeon"_s);

    QVERIFY(runToImport(wizard));
    QVERIFY(wizard.result()->ok);
    QCOMPARE(wizard.result()->unmatchedRows, 2);
    QCOMPARE(wizard.result()->dataset.attachments.size(), 1);
    QCOMPARE(wizard.result()->dataset.attachments.first().kind, AttachmentKind::ByColumn);
    QVERIFY(child<QLabel>(&wizard, u"resultLabel"_s)->text().contains(u"Carrier pigeon"_s));
}

void TestImportWizard::attachWholeDataset()
{
    std::unique_ptr<Document> doc = sampleDocument();
    ImportWizard wizard(doc.get());
    wizard.show();
    QVERIFY(openFile(wizard, sample(u"qualtrics.csv"_s)));
    wizard.next();
    wizard.next();
    wizard.next();
    child<QRadioButton>(&wizard, u"attachWholeRadio"_s)->setChecked(true);
    QVERIFY(!wizard.currentPage()->isComplete());

    child<QLineEdit>(&wizard, u"touchpointSearch"_s)->setText(u"shopping"_s);
    auto *list = child<QListWidget>(&wizard, u"touchpointList"_s);
    QCOMPARE(list->count(), 1);
    QVERIFY(list->item(0)->text().endsWith(u"Shopping cart"_s));
    list->setCurrentRow(0);
    QVERIFY(wizard.currentPage()->isComplete());

    QVERIFY(runToImport(wizard));
    QVERIFY(wizard.result()->ok);
    const DatasetAttachment a = wizard.result()->dataset.attachments.value(0);
    QCOMPARE(a.kind, AttachmentKind::WholeDataset);
    QCOMPARE(a.touchpointId, list->item(0)->data(Qt::UserRole).value<Id>());
}

void TestImportWizard::importIsOneUndoStep()
{
    std::unique_ptr<Document> doc = sampleDocument();
    const Project before = doc->project();
    const int steps = doc->undoStack()->count();
    ImportWizard wizard(doc.get());
    wizard.show();
    QVERIFY(openFile(wizard, sample(u"qualtrics.csv"_s)));
    child<QLineEdit>(&wizard, u"nameEdit"_s)->setText(u"Spring survey"_s);
    QVERIFY(runToImport(wizard));
    QVERIFY(wizard.result()->ok);
    QCOMPARE(wizard.result()->rowsImported, 3);
    // Nothing reaches the document before Finish.
    QCOMPARE(doc->project(), before);

    QSignalSpy changed(doc.get(), &Document::changed);
    wizard.accept();
    QCOMPARE(doc->undoStack()->count(), steps + 1);
    QCOMPARE(doc->project().datasets.size(), before.datasets.size() + 1);
    const Dataset &d = doc->project().datasets.last();
    QCOMPARE(d.name, u"Spring survey"_s);
    QCOMPARE(d.rowCount, 3);
    QCOMPARE(d.format, u"qualtrics"_s);
    QVERIFY(changed.count() > 0);

    doc->undoStack()->undo();
    QCOMPARE(doc->project(), before);
}

void TestImportWizard::cancelDuringImport()
{
    // Big enough that the import is still running when Stop is pressed.
    const QString path = mDir.filePath(u"big.csv"_s);
    QVERIFY(writeLongSurvey(path));

    std::unique_ptr<Document> doc = sampleDocument();
    const Project before = doc->project();
    const int steps = doc->undoStack()->count();
    const qint64 tables = rowTables(*doc);
    ImportWizard wizard(doc.get());
    wizard.show();
    QVERIFY(openFile(wizard, path));
    for (int step = 0; step < 4; ++step)
        wizard.next();
    QCOMPARE(wizard.currentId(), int(ImportWizard::ImportPageId));
    QVERIFY(wizard.isImporting());

    QSignalSpy finished(&wizard, &ImportWizard::importFinished);
    child<QPushButton>(&wizard, u"cancelImportButton"_s)->click();
    QVERIFY(finished.wait(workerTimeout));
    QVERIFY(wizard.result()->cancelled);
    QVERIFY(!wizard.result()->ok);
    QVERIFY(!wizard.currentPage()->isComplete());
    QVERIFY(child<QLabel>(&wizard, u"resultLabel"_s)->text().contains(u"stopped"_s));

    wizard.reject();
    QCOMPARE(doc->project(), before);
    QCOMPARE(doc->undoStack()->count(), steps);
    QCOMPARE(rowTables(*doc), tables);
}

// The import holds the working copy's write lock until it commits; an edit the document
// makes meanwhile waits in memory instead of failing as busy, and is written when the
// import ends.
void TestImportWizard::editDuringImportWaitsForIt()
{
    const QString path = mDir.filePath(u"long.csv"_s);
    QVERIFY(writeLongSurvey(path));

    std::unique_ptr<Document> doc = sampleDocument();
    QSignalSpy failed(doc.get(), &Document::writeFailed);
    const Id stage = doc->project().maps.first().stages.first().id;
    ImportWizard wizard(doc.get());
    wizard.show();
    QVERIFY(openFile(wizard, path));
    QSignalSpy finished(&wizard, &ImportWizard::importFinished);
    for (int step = 0; step < 4; ++step)
        wizard.next();
    QVERIFY(wizard.isImporting());
    QVERIFY(doc->writesHeld());

    auto rename = Commands::renameStage(doc.get(), stage, u"Noticing"_s);
    QVERIFY(rename);
    doc->push(rename.release());
    QCOMPARE(doc->project().maps.first().stages.first().name, u"Noticing"_s);

    QVERIFY(finished.count() > 0 || finished.wait(workerTimeout));
    QVERIFY(wizard.result()->ok);
    QVERIFY(!doc->writesHeld());
    QCOMPARE(failed.count(), 0);
    QVERIFY(!doc->lastWriteError());
    Sql::Database db;
    QVERIFY(db.open(doc->workingCopyPath(), Sql::Database::Mode::ReadOnly));
    QCOMPARE(db.queryText(u"SELECT name FROM stages WHERE id = '%1'"_s.arg(
                 stage.toString(QUuid::WithoutBraces))),
             u"Noticing"_s);
}

void TestImportWizard::cancelWizardLeavesProjectUnchanged()
{
    std::unique_ptr<Document> doc = sampleDocument();
    const Project before = doc->project();
    const int steps = doc->undoStack()->count();
    ImportWizard wizard(doc.get());
    wizard.show();
    QVERIFY(openFile(wizard, sample(u"qualtrics.csv"_s)));
    QVERIFY(runToImport(wizard));
    QVERIFY(wizard.result()->ok);
    QSignalSpy rejected(&wizard, &QDialog::rejected);
    wizard.reject();
    QCOMPARE(rejected.count(), 1);
    QCOMPARE(doc->project(), before);
    QCOMPARE(doc->undoStack()->count(), steps);
}

void TestImportWizard::badRows_data()
{
    QTest::addColumn<QString>("choice");
    QTest::addColumn<bool>("imported");
    QTest::addColumn<qint64>("rows");

    QTest::newRow("skip") << u"skipRadio"_s << true << qint64(1);
    QTest::newRow("keep as empty") << u"keepRadio"_s << true << qint64(3);
    QTest::newRow("abandon") << u"abandonRadio"_s << false << qint64(0);
}

void TestImportWizard::badRows()
{
    QFETCH(QString, choice);
    QFETCH(bool, imported);
    QFETCH(qint64, rows);

    std::unique_ptr<Document> doc = sampleDocument();
    const Project before = doc->project();
    ImportWizard wizard(doc.get());
    wizard.show();
    QVERIFY(openFile(wizard, sample(u"bad/wrong-field-counts.csv"_s)));
    QVERIFY(runToImport(wizard));

    // The first run imports nothing and lists every bad row.
    QVERIFY(!wizard.result()->ok);
    QCOMPARE(wizard.result()->badValueCount, 2);
    auto *table = child<QTableWidget>(&wizard, u"badRowsTable"_s);
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, 0)->data(Qt::DisplayRole).toInt(), 3);
    QCOMPARE(table->item(1, 0)->data(Qt::DisplayRole).toInt(), 4);
    QVERIFY(!table->item(0, 3)->text().isEmpty());
    QVERIFY(!wizard.currentPage()->isComplete());
    QCOMPARE(doc->project(), before);

    QSignalSpy rejected(&wizard, &QDialog::rejected);
    QSignalSpy finished(&wizard, &ImportWizard::importFinished);
    child<QRadioButton>(&wizard, choice)->setChecked(true);
    child<QPushButton>(&wizard, u"applyChoiceButton"_s)->click();
    if (!imported) {
        QCOMPARE(rejected.count(), 1);
        QCOMPARE(doc->project(), before);
        return;
    }
    QVERIFY(finished.wait(workerTimeout));
    QVERIFY(wizard.result()->ok);
    QVERIFY(wizard.currentPage()->isComplete());
    wizard.accept();
    QCOMPARE(doc->project().datasets.size(), before.datasets.size() + 1);
    QCOMPARE(doc->project().datasets.last().rowCount, rows);
}

void TestImportWizard::nextWaveUpdatesByKey()
{
    const QString first = mDir.filePath(u"wave1.csv"_s);
    const QString second = mDir.filePath(u"wave2.csv"_s);
    QVERIFY(writeFile(first, "id,score\n1,5\n2,6\n3,7\n"));
    QVERIFY(writeFile(second, "score,id,extra\n9,2,x\n8,3,y\n1,4,z\n"));
    std::unique_ptr<Document> doc = sampleDocument();

    {
        ImportWizard wizard(doc.get());
        wizard.show();
        QVERIFY(openFile(wizard, first));
        wizard.next();
        wizard.next();
        auto *key = child<QComboBox>(&wizard, u"roleCombo_0"_s);
        key->setCurrentIndex(key->findData(int(ColumnRole::Key)));
        QVERIFY(runToImport(wizard));
        QVERIFY(wizard.result()->ok);
        wizard.accept();
    }
    QCOMPARE(doc->project().datasets.size(), 1);
    const Id id = doc->project().datasets.first().id;
    QCOMPARE(doc->project().datasets.first().rowCount, 3);
    const int steps = doc->undoStack()->count();

    // The file page, then straight to the import: one step.
    ImportWizard wizard(doc.get(), nullptr, id);
    wizard.show();
    QCOMPARE(child<QComboBox>(&wizard, u"waveCombo"_s)->currentData().value<Id>(), id);
    QVERIFY(openFile(wizard, second));
    QVERIFY2(wizard.plan(), qPrintable(wizard.planError()));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ImportWizard::ImportPageId));
    QSignalSpy finished(&wizard, &ImportWizard::importFinished);
    QVERIFY(wizard.result() || finished.wait(workerTimeout));
    QVERIFY2(wizard.result()->ok, qPrintable(wizard.result()->error));
    QCOMPARE(wizard.result()->rowsReplaced, 2);
    wizard.accept();

    QCOMPARE(doc->undoStack()->count(), steps + 1);
    QCOMPARE(doc->project().datasets.size(), 1);
    QCOMPARE(doc->project().datasets.first().id, id);
    QCOMPARE(doc->project().datasets.first().rowCount, 4);
    doc->undoStack()->undo();
    QCOMPARE(doc->project().datasets.first().rowCount, 3);
}

// Pictures of each page on the Qualtrics sample, for people to judge: set
// WAYMARK_SCREENSHOT_DIR to the folder to write them to.
void TestImportWizard::screenshots()
{
    const QString dir = qEnvironmentVariable("WAYMARK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("WAYMARK_SCREENSHOT_DIR is not set");
    std::unique_ptr<Document> doc = sampleDocument();
    ImportWizard wizard(doc.get());
    wizard.resize(1100, 700);
    wizard.show();
    QVERIFY(openFile(wizard, sample(u"qualtrics.csv"_s)));
    QVERIFY(wizard.grab().save(dir + u"/wizard-1-file.png"_s));
    wizard.next();
    QVERIFY(wizard.grab().save(dir + u"/wizard-2-reading.png"_s));
    wizard.next();
    QVERIFY(wizard.grab().save(dir + u"/wizard-3-columns.png"_s));
    wizard.next();
    child<QRadioButton>(&wizard, u"attachWholeRadio"_s)->setChecked(true);
    child<QLineEdit>(&wizard, u"touchpointSearch"_s)->setText(u"cart"_s);
    child<QListWidget>(&wizard, u"touchpointList"_s)->setCurrentRow(0);
    QVERIFY(wizard.grab().save(dir + u"/wizard-4-attachment.png"_s));
    QVERIFY(runToImport(wizard));
    QVERIFY(wizard.grab().save(dir + u"/wizard-5-import.png"_s));

    ImportWizard bad(doc.get());
    bad.resize(1100, 700);
    bad.show();
    QVERIFY(openFile(bad, sample(u"bad/wrong-field-counts.csv"_s)));
    QVERIFY(runToImport(bad));
    QVERIFY(bad.grab().save(dir + u"/wizard-6-bad-rows.png"_s));
}

QTEST_MAIN(TestImportWizard)
#include "tst_importwizard.moc"
