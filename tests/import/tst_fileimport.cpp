// Importing straight into a project file (import/fileimport.h), as the command line does:
// the file ends up with the same rows, indexes, registry and dataset as an import through
// the working copy followed by a save; a refused or failed import leaves the file
// byte-identical, with nothing left beside it; and `waymark import`, killed while it
// imports, leaves the file byte-identical.
#include "commands.h"
#include "document.h"
#include "import/fileimport.h"
#include "import/importer.h"
#include "importfixtures.h"
#include "storage/projectfile.h"
#include "storage/sqlite.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUndoStack>

#include <functional>

using namespace Waymark;
using namespace Waymark::Import;
using namespace Qt::StringLiterals;

namespace {

using ImportFixtures::fixedId;
using ImportFixtures::smallProject;

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<cannot read>");
}

// Every row of every query, one line each, values as SQLite's quote() writes them.
QStringList dump(const QString &database, const QStringList &queries)
{
    Sql::Database db;
    if (!db.open(database, Sql::Database::Mode::ReadOnly))
        return {u"<cannot open>"_s};
    QStringList lines;
    for (const QString &query : queries) {
        Sql::Statement st(db, query);
        while (st.next())
            lines.append(st.text(0));
        if (!st.ok())
            lines.append(u"<failed: %1>"_s.arg(query));
    }
    return lines;
}

// The schema, the registry of rows tables and every row of each, in order.
QStringList contents(const QString &database)
{
    QStringList queries = {
        u"SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_schema "
        "ORDER BY name"_s,
        u"SELECT number || ' ' || column_types || ' ' || key_column || ' ' || touchpoints_from "
        "FROM dataset_tables ORDER BY number"_s};
    const QStringList tables =
        dump(database, {u"SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE "
                        "'dataset_rows_%' ORDER BY name"_s});
    for (const QString &table : tables) {
        const QStringList columns =
            dump(database, {u"SELECT 'quote(' || name || ')' FROM pragma_table_info('%1') "
                            "ORDER BY cid"_s.arg(table)});
        queries.append(
            u"SELECT %1 FROM %2 ORDER BY row_number"_s.arg(columns.join(u" || ',' || "_s), table));
    }
    return dump(database, queries);
}

// The dataset as stored, with what differs from one import to the next (new ids, the time)
// taken out.
Dataset comparable(Dataset d)
{
    d.id = {};
    d.imported = {};
    for (DatasetAttachment &a : d.attachments)
        a.id = {};
    return d;
}

using Adjust = std::function<void(ImportPlan &)>;

} // namespace

Q_DECLARE_METATYPE(Adjust)

class tst_FileImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void sameAsThroughTheWorkingCopy_data();
    void sameAsThroughTheWorkingCopy();
    void refusedImportLeavesFileAsItWas();
    void failureBeforeCommitLeavesFileAsItWas();
    void documentIsNotChanged();
    void commandKilledWhileImporting_data();
    void commandKilledWhileImporting();

private:
    QString path(const QString &name) const { return mDir->filePath(name); }
    QString write(const QString &name, const QByteArray &bytes) const;
    QString newProject(const QString &name) const;
    // Imports csv into the project file as the dataset "Survey", the way the window does
    // (through the document's working copy, then a save) or straight into the file; when the
    // dataset is there, csv is its next wave. Returns the error, empty on success.
    QString importInto(const QString &project, const QString &csv, bool straight,
                       const Adjust &adjust = {}) const;

    std::unique_ptr<QTemporaryDir> mDir;
};

void tst_FileImport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_FileImport::init()
{
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
}

QString tst_FileImport::write(const QString &name, const QByteArray &bytes) const
{
    QFile f(path(name));
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
    return f.fileName();
}

QString tst_FileImport::newProject(const QString &name) const
{
    StorageError error;
    return ProjectFile::write(smallProject(), path(name), &error) ? path(name) : QString();
}

QString tst_FileImport::importInto(const QString &project, const QString &csv, bool straight,
                                   const Adjust &adjust) const
{
    StorageError storageError;
    std::unique_ptr<Document> doc = Document::open(project, &storageError);
    if (!doc)
        return storageError.message;
    const Dataset *existing = nullptr;
    for (const Dataset &d : doc->project().datasets) {
        if (d.name == u"Survey"_s)
            existing = &d;
    }
    QString error;
    std::optional<ImportPlan> p =
        existing ? planNextWave(csv, *existing, &error) : plan(csv, {}, &error);
    if (!p)
        return error;
    p->datasetName = u"Survey"_s;
    if (adjust && !existing)
        adjust(*p);

    Importer importer(*p, doc->project());
    ImportResult result;
    if (straight) {
        if (!importIntoFile(*doc, importer, project, &result, &storageError))
            return storageError ? storageError.message : result.error;
        return {};
    }
    result = importer.run(doc->workingCopyPath());
    if (!result.ok)
        return result.error;
    doc->push(Commands::importDataset(doc.get(), result.dataset).release());
    return doc->save(&storageError) ? QString() : storageError.message;
}

void tst_FileImport::sameAsThroughTheWorkingCopy_data()
{
    QTest::addColumn<QByteArrayList>("waves");
    QTest::addColumn<Adjust>("adjust");

    const QByteArray survey = "Step,score,when,comment,email\n"
                              "Website,9,2024-03-01T09:15:22Z,fine,a@example.org\n"
                              "  store ,4.5,2024-03-02,\"with, comma\",\n"
                              "Nowhere,,2024-03-03 10:22:05 +0100,,b@example.org\n"
                              "00000000-0000-4000-8000-000000000012,7,,x,c@example.org\n";
    QTest::newRow("attached by column, personal data hashed")
        << QByteArrayList{survey} << Adjust([](ImportPlan &p) {
               p.columns[0].role = ColumnRole::Touchpoint;
               p.columns[4].role = ColumnRole::Personal;
               p.personal = PersonalData::Hash;
               p.attachments = {{{}, AttachmentKind::ByColumn, {}, 0, {}}};
           });
    QTest::newRow("bad rows kept empty")
        << QByteArrayList{"n,score\n1,5\n2,x\n3\n4,7\n"}
        << Adjust([](ImportPlan &p) { p.onBadRows = BadRowPolicy::KeepEmpty; });
    QTest::newRow("next wave by key, attached to a card")
        << QByteArrayList{"id,score,comment\n1,5,a\n2,6,b\n1,4,again\n",
                          "comment,id,score\nB,2,9\nc,3,7\n"}
        << Adjust([](ImportPlan &p) {
               p.columns[0].role = ColumnRole::Key;
               p.attachments = {{{}, AttachmentKind::WholeDataset, fixedId(11), 0, {}}};
           });
}

void tst_FileImport::sameAsThroughTheWorkingCopy()
{
    QFETCH(QByteArrayList, waves);
    QFETCH(Adjust, adjust);
    const QString viaCopy = newProject(u"via-copy.waymark"_s);
    const QString straight = newProject(u"straight.waymark"_s);
    QVERIFY(!viaCopy.isEmpty() && !straight.isEmpty());

    for (qsizetype i = 0; i < waves.size(); ++i) {
        const QString csv = write(u"wave%1.csv"_s.arg(i + 1), waves[i]);
        QString error = importInto(viaCopy, csv, false, adjust);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        error = importInto(straight, csv, true, adjust);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    const QStringList expected = contents(viaCopy);
    QVERIFY(expected.size() > 20);
    QCOMPARE(contents(straight), expected);

    StorageError error;
    const std::optional<Project> a = ProjectFile::read(viaCopy, &error);
    QVERIFY2(a, qPrintable(error.message));
    const std::optional<Project> b = ProjectFile::read(straight, &error);
    QVERIFY2(b, qPrintable(error.message));
    QCOMPARE(b->datasets.size(), 1);
    QCOMPARE(comparable(b->datasets[0]), comparable(a->datasets[0]));
    QVERIFY(b->datasets[0].rowCount > 0);
    const ProjectFile::CheckReport report = ProjectFile::check(straight);
    QVERIFY(!report.fatal);
    QVERIFY(report.problems.isEmpty());

    // Nothing but the files of the test is left in the folder.
    QCOMPARE(QDir(mDir->path()).entryList(QDir::Files | QDir::Hidden).size(), waves.size() + 2);
}

void tst_FileImport::refusedImportLeavesFileAsItWas()
{
    const QString project = newProject(u"refused.waymark"_s);
    const QByteArray before = fileBytes(project);
    const QString csv = write(u"bad.csv"_s, "n,score\n1,5\n2,x\n3\n");
    const QString error =
        importInto(project, csv, true, [](ImportPlan &p) { p.onBadRows = BadRowPolicy::Fail; });
    QVERIFY2(error.contains(u"nothing was imported"_s), qPrintable(error));
    QCOMPARE(fileBytes(project), before);
    QCOMPARE(QDir(mDir->path()).entryList(QDir::Files | QDir::Hidden),
             QStringList({u"bad.csv"_s, u"refused.waymark"_s}));
}

void tst_FileImport::failureBeforeCommitLeavesFileAsItWas()
{
    const QString project = newProject(u"failed.waymark"_s);
    const QByteArray before = fileBytes(project);
    StorageError storageError;
    std::unique_ptr<Document> doc = Document::open(project, &storageError);
    QVERIFY2(doc, qPrintable(storageError.message));
    QString error;
    std::optional<ImportPlan> p =
        plan(QStringLiteral(WAYMARK_TEST_DATA "/import/shopify-orders.csv"), {}, &error);
    QVERIFY2(p, qPrintable(error));

    Importer importer(*p, doc->project());
    importer.failBeforeCommit = true;
    ImportResult result;
    QVERIFY(!importIntoFile(*doc, importer, project, &result, &storageError));
    QVERIFY(!storageError);
    QVERIFY(!result.ok);
    QVERIFY(!result.error.isEmpty());
    QCOMPARE(fileBytes(project), before);
    QCOMPARE(QDir(mDir->path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{u"failed.waymark"_s});
}

void tst_FileImport::documentIsNotChanged()
{
    const QString project = newProject(u"doc.waymark"_s);
    StorageError storageError;
    std::unique_ptr<Document> doc = Document::open(project, &storageError);
    QVERIFY2(doc, qPrintable(storageError.message));
    const Project before = doc->project();
    QString error;
    std::optional<ImportPlan> p = plan(write(u"s.csv"_s, "a,b\n1,2\n"), {}, &error);
    QVERIFY2(p, qPrintable(error));

    Importer importer(*p, doc->project());
    ImportResult result;
    QVERIFY2(importIntoFile(*doc, importer, project, &result, &storageError),
             qPrintable(storageError.message + result.error));
    QVERIFY(result.ok);
    QCOMPARE(result.rowsImported, 1);
    QCOMPARE(doc->project(), before);
    QVERIFY(!doc->isModified());
    QCOMPARE(doc->undoStack()->count(), 0);
    const std::optional<Project> read = ProjectFile::read(project, &storageError);
    QVERIFY2(read, qPrintable(storageError.message));
    QCOMPARE(read->datasets.size(), 1);
    QCOMPARE(read->datasets[0].name, u"s"_s);
    QCOMPARE(read->datasets[0].rowCount, 1);
}

void tst_FileImport::commandKilledWhileImporting_data()
{
    QTest::addColumn<int>("delay");
    QTest::newRow("as the copy appears") << 0;
    QTest::newRow("50 ms later") << 50;
    QTest::newRow("200 ms later") << 200;
}

void tst_FileImport::commandKilledWhileImporting()
{
    QFETCH(int, delay);
    const QString project = newProject(u"killed.waymark"_s);
    const QByteArray before = fileBytes(project);
    QFile csv(path(u"large.csv"_s));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("id,score,touchpoint,comment\n");
    QByteArray chunk;
    const QList<QByteArray> titles = {"Website", "Store", "Checkout"};
    for (int i = 1; i <= 400000; ++i) {
        chunk += QByteArray::number(i) + ',' + QByteArray::number(i % 11) + ',' + titles[i % 3] +
                 ",a comment long enough to make the file take a while\n";
        if (chunk.size() > 1 << 20) {
            csv.write(chunk);
            chunk.clear();
        }
    }
    csv.write(chunk);
    csv.close();

    QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    environment.insert(u"XDG_DATA_HOME"_s, home.path());
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(WAYMARK_EXE), {u"import"_s, project, csv.fileName(),
                                                u"--touchpoint-column"_s, u"touchpoint"_s});
    QVERIFY(process.waitForStarted());

    // The import has begun once its copy of the project is beside the file.
    const QDir folder(mDir->path());
    const QStringList copies = {u".killed.waymark.*.importing"_s};
    QElapsedTimer waited;
    waited.start();
    while (folder.entryList(copies, QDir::Files | QDir::Hidden).isEmpty() &&
           !process.waitForFinished(2) && waited.elapsed() < 60000) {
    }
    QVERIFY2(process.state() == QProcess::Running, "the import ended before it could be killed");
    QThread::msleep(ulong(delay));
    process.kill();
    QVERIFY(process.waitForFinished());

    // Killed before its copy took the file's place (the copy is still there, left behind as
    // a killed save leaves its own), the file is exactly as it was.
    QCOMPARE(folder.entryList(copies, QDir::Files | QDir::Hidden).size(), 1);
    QCOMPARE(fileBytes(project), before);
    StorageError error;
    const std::optional<Project> read = ProjectFile::read(project, &error);
    QVERIFY2(read, qPrintable(error.message));
    QVERIFY(read->datasets.isEmpty());
}

QTEST_GUILESS_MAIN(tst_FileImport)

#include "tst_fileimport.moc"
