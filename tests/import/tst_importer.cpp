// The importer: each sample export lands in a typed table with the right roles, types,
// row counts and values; bad rows under each policy; the next wave by key; cancel and
// failure leave the project unchanged; undo, save and the untrusted-file check of the
// tables of rows.
#include "commands.h"
#include "document.h"
#include "import/importer.h"
#include "importfixtures.h"
#include "storage/datasettables.h"
#include "storage/projectfile.h"
#include "storage/sqlite.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <atomic>

using namespace Waymark;
using namespace Waymark::Import;
using namespace Qt::StringLiterals;

namespace {

using ImportFixtures::fixedId;
using ImportFixtures::smallProject;

QString sample(const QString &name)
{
    return QStringLiteral(WAYMARK_TEST_DATA "/import/") + name;
}

// The value of a cell of a rows table, as SQLite's quote() writes it: 9, 4.5, 'text', NULL.
QString cell(const QString &database, const Dataset &d, const QString &column, qint64 row)
{
    qsizetype index = -1;
    for (qsizetype i = 0; i < d.columns.size(); ++i) {
        if (d.columns[i].name == column)
            index = i;
    }
    if (index < 0)
        return u"<no column %1>"_s.arg(column);
    Sql::Database db;
    if (!db.open(database, Sql::Database::Mode::ReadOnly))
        return u"<cannot open>"_s;
    return db
        .queryText(u"SELECT quote(%1) FROM %2 WHERE row_number = %3"_s
                       .arg(DatasetTables::columnName(index), DatasetTables::tableName(d.rowsTable))
                       .arg(row))
        .value_or(u"<no row>"_s);
}

QString queryText(const QString &database, const QString &sql)
{
    Sql::Database db;
    if (!db.open(database, Sql::Database::Mode::ReadOnly))
        return u"<cannot open>"_s;
    return db.queryText(sql).value_or(u"<none>"_s);
}

// The names of every table and index of a database, for "nothing changed".
QStringList schemaNames(const QString &database)
{
    Sql::Database db;
    if (!db.open(database, Sql::Database::Mode::ReadOnly))
        return {u"<cannot open>"_s};
    QStringList names;
    Sql::Statement st(db, u"SELECT name FROM sqlite_schema ORDER BY name"_s);
    while (st.next())
        names.append(st.text(0));
    names.append(db.queryText(u"SELECT count(*) FROM dataset_tables"_s).value_or(u"?"_s));
    return names;
}

const DatasetColumn *columnNamed(const Dataset &d, const QString &name)
{
    for (const DatasetColumn &c : d.columns) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

} // namespace

class tst_Importer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void samples_data();
    void samples();
    void shopifyCountsEachOrderOnce();
    void chosenSheet();
    void badRows_data();
    void badRows();
    void rolesAreChecked_data();
    void rolesAreChecked();
    void personalData_data();
    void personalData();
    void attachByColumn();
    void nextWaveUpdatesByKey();
    void cancelLeavesProjectUnchanged();
    void failureBeforeCommitLeavesProjectUnchanged();
    void undoneImportIsNotSaved();
    void commandsEditTheDataset();
    void roundTrip();
    void allowList_data();
    void allowList();
    void largeDatasetOpens();
    void badInput_data();
    void badInput();
    void datesAsStored_data();
    void datesAsStored();
    void indexesAfterRows();
    void rowsInOrderWhateverTheBatch_data();
    void rowsInOrderWhateverTheBatch();

private:
    QString path(const QString &name) const { return mDir->filePath(name); }
    QString write(const QString &name, const QByteArray &bytes) const;
    ImportResult import(ImportPlan plan, bool push = true);

    std::unique_ptr<QTemporaryDir> mDir;
    std::unique_ptr<Document> mDoc;
};

void tst_Importer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_Importer::init()
{
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
    StorageError error;
    mDoc = Document::create(smallProject(), &error);
    QVERIFY2(mDoc, qPrintable(error.message));
}

QString tst_Importer::write(const QString &name, const QByteArray &bytes) const
{
    QFile f(path(name));
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
    return f.fileName();
}

ImportResult tst_Importer::import(ImportPlan plan, bool push)
{
    Importer importer(std::move(plan), mDoc->project());
    ImportResult result = importer.run(mDoc->workingCopyPath());
    if (result.ok && push)
        mDoc->push(Commands::importDataset(mDoc.get(), result.dataset).release());
    return result;
}

void tst_Importer::samples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("value"); // as quote() writes it

    QTest::newRow("qualtrics nps") << u"qualtrics.csv"_s << u"qualtrics"_s << 3 << u"Q1"_s
                                   << u"nps"_s << u"integer"_s << 1 << u"9"_s;
    QTest::newRow("qualtrics blank is missing")
        << u"qualtrics.csv"_s << u"qualtrics"_s << 3 << u"Q1"_s << u"nps"_s << u"integer"_s << 3
        << u"NULL"_s;
    QTest::newRow("qualtrics key") << u"qualtrics.csv"_s << u"qualtrics"_s << 3 << u"ResponseId"_s
                                   << u"key"_s << u"text"_s << 2 << u"'R_2bcdEFG345hiJKl'"_s;
    QTest::newRow("qualtrics line break in a field")
        << u"qualtrics.csv"_s << u"qualtrics"_s << 3 << u"Q3"_s << u"text"_s << u"text"_s << 1
        << u"'Faster delivery,\nplease'"_s;
    QTest::newRow("qualtrics timestamp")
        << u"qualtrics.csv"_s << u"qualtrics"_s << 3 << u"RecordedDate"_s << u"timestamp"_s
        << u"datetime"_s << 1 << u"'2024-03-01T09:18:41'"_s;
    QTest::newRow("qualtrics legacy") << u"qualtrics-legacy.csv"_s << u"qualtrics"_s << 1 << u"V1"_s
                                      << u"key"_s << u"text"_s << 1 << u"'R_0a1b2c'"_s;
    QTest::newRow("qualtrics two rows") << u"qualtrics-two-rows.csv"_s << u"qualtrics"_s << 1
                                        << u"Q1"_s << u"nps"_s << u"integer"_s << 1 << u"7"_s;
    QTest::newRow("surveymonkey nps")
        << u"surveymonkey.csv"_s << u"surveymonkey"_s << 2
        << u"How likely is it that you would recommend Acme to a friend or colleague?"_s << u"nps"_s
        << u"integer"_s << 2 << u"6"_s;
    QTest::newRow("surveymonkey spanning question")
        << u"surveymonkey.csv"_s << u"surveymonkey"_s << 2
        << u"Which channels did you use before buying? - Phone"_s << u"text"_s << u"text"_s << 2
        << u"'Phone'"_s;
    QTest::newRow("surveymonkey key")
        << u"surveymonkey.csv"_s << u"surveymonkey"_s << 2 << u"Respondent ID"_s << u"key"_s
        << u"integer"_s << 1 << u"114000000001"_s;
    QTest::newRow("google forms timestamp")
        << u"google-forms.csv"_s << u"google-forms"_s << 3 << u"Timestamp"_s << u"timestamp"_s
        << u"datetime"_s << 2 << u"'2024-03-14T17:02:51'"_s;
    QTest::newRow("google forms checkboxes")
        << u"google-forms.csv"_s << u"google-forms"_s << 3 << u"Which features do you use?"_s
        << u"text"_s << u"text"_s << 3 << u"'Charts;Maps;Personas'"_s;
    QTest::newRow("google forms in german")
        << u"google-forms-de.csv"_s << u"google-forms"_s << 2 << u"Zeitstempel"_s << u"timestamp"_s
        << u"datetime"_s << 2 << u"'2024-03-15T17:02:51'"_s;
    QTest::newRow("typeform") << u"typeform.csv"_s << u"typeform"_s << 2
                              << u"How would you rate the checkout?"_s << u"rating"_s
                              << u"integer"_s << 2 << u"5"_s;
    QTest::newRow("typeform key") << u"typeform.csv"_s << u"typeform"_s << 2 << u"#"_s << u"key"_s
                                  << u"text"_s << 1 << u"'v2mzk3ay1tqde9f1q1v2mzk3ayotcq8h'"_s;
    QTest::newRow("shopify total") << u"shopify-orders.csv"_s << u"shopify"_s << 3 << u"Total"_s
                                   << u"revenue"_s << u"decimal"_s << 3 << u"24.85"_s;
    QTest::newRow("shopify order fields on the first row only")
        << u"shopify-orders.csv"_s << u"shopify"_s << 3 << u"Total"_s << u"revenue"_s
        << u"decimal"_s << 2 << u"NULL"_s;
    QTest::newRow("shopify time with offset")
        << u"shopify-orders.csv"_s << u"shopify"_s << 3 << u"Created at"_s << u"timestamp"_s
        << u"datetime"_s << 1 << u"'2024-03-01T09:22:01Z'"_s;
    QTest::newRow("ga4 funnel steps") << u"ga4-funnel.csv"_s << u"ga4-funnel"_s << 4 << u"Step"_s
                                      << u"touchpoint"_s << u"text"_s << 4 << u"'4. Purchase'"_s;
    QTest::newRow("ga4 funnel users")
        << u"ga4-funnel.csv"_s << u"ga4-funnel"_s << 4 << u"Active users"_s << u"quantity"_s
        << u"integer"_s << 2 << u"4960"_s;
    QTest::newRow("decimal comma") << u"european.csv"_s << u"csv"_s << 2 << u"Score"_s
                                   << u"rating"_s << u"decimal"_s << 1 << u"4.5"_s;
    QTest::newRow("qualtrics workbook") << u"qualtrics.xlsx"_s << u"qualtrics"_s << 3 << u"Q1"_s
                                        << u"nps"_s << u"integer"_s << 2 << u"NULL"_s;
    QTest::newRow("shopify workbook") << u"shopify-orders.xlsx"_s << u"shopify"_s << 3 << u"Name"_s
                                      << u"key"_s << u"text"_s << 3 << u"'#1002'"_s;
    QTest::newRow("windows-1252") << u"windows-1252.csv"_s << u"csv"_s << 1 << u"Touchpoint"_s
                                  << u"text"_s << u"text"_s << 1 << u"'Café'"_s;
}

void tst_Importer::samples()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    QFETCH(int, rows);
    QFETCH(QString, column);
    QFETCH(QString, role);
    QFETCH(QString, type);
    QFETCH(int, row);
    QFETCH(QString, value);

    QString error;
    std::optional<ImportPlan> p = plan(sample(file), {}, &error);
    QVERIFY2(p, qPrintable(error));
    const ImportResult result = import(*p);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.badValueCount, 0);

    QCOMPARE(mDoc->project().datasets.size(), 1);
    const Dataset &d = mDoc->project().datasets[0];
    QCOMPARE(d.format, format);
    QCOMPARE(d.rowCount, rows);
    QCOMPARE(result.rowsImported, rows);
    const DatasetColumn *c = columnNamed(d, column);
    QVERIFY2(c, qPrintable(column));
    QCOMPARE(toKey(c->role), role);
    QCOMPARE(toKey(c->type), type);
    QCOMPARE(cell(mDoc->workingCopyPath(), d, column, row), value);
    QCOMPARE(mDoc->undoStack()->text(0), u"Import Dataset “%1”"_s.arg(d.name));
}

void tst_Importer::shopifyCountsEachOrderOnce()
{
    QString error;
    std::optional<ImportPlan> p = plan(sample(u"shopify-orders.csv"_s), {}, &error);
    QVERIFY2(p, qPrintable(error));
    const ImportResult result = import(*p);
    QVERIFY2(result.ok, qPrintable(result.error));
    const Dataset &d = mDoc->project().datasets[0];
    QCOMPARE(columnNamed(d, u"Name"_s)->role, ColumnRole::Key);

    // Two orders, three line items: the total of #1001 once, and #1002's.
    const QString table = DatasetTables::tableName(d.rowsTable);
    QCOMPARE(queryText(mDoc->workingCopyPath(),
                       u"SELECT group_concat(first_of_key, ',') FROM %1"_s.arg(table)),
             u"1,0,1"_s);
    QCOMPARE(
        queryText(mDoc->workingCopyPath(),
                  u"SELECT printf('%.2f', sum(c12)) FROM %1 WHERE first_of_key = 1"_s.arg(table)),
        u"84.65"_s);
}

void tst_Importer::chosenSheet()
{
    PlanOptions options;
    options.sheet = u"Notes & more"_s;
    QString error;
    std::optional<ImportPlan> p = plan(sample(u"workbook-basic.xlsx"_s), options, &error);
    QVERIFY2(p, qPrintable(error));
    const ImportResult result = import(*p);
    QVERIFY2(result.ok, qPrintable(result.error));
    const Dataset &d = mDoc->project().datasets[0];
    QCOMPARE(d.rowCount, 1);
    QCOMPARE(d.mapping.sheet, u"Notes & more"_s);
    QCOMPARE(d.mapping.encoding, QString());
    QCOMPARE(cell(mDoc->workingCopyPath(), d, u"note"_s, 1), u"'second sheet'"_s);

    options.sheet = u"Missing"_s;
    QVERIFY(!plan(sample(u"workbook-basic.xlsx"_s), options, &error));
    QVERIFY2(error.contains(u"Missing"_s), qPrintable(error));
}

void tst_Importer::badRows_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("skipped");
    QTest::addColumn<int>("kept");
    QTest::addColumn<QString>("thirdRowC"); // quote() of c3 of the last row kept

    QTest::newRow("skip") << u"skip"_s << true << 1 << 2 << 0 << u"3"_s;
    QTest::newRow("keep") << u"keep"_s << true << 3 << 0 << 2 << u"8"_s;
    QTest::newRow("fail") << u"fail"_s << false << 0 << 2 << 0 << QString();
}

void tst_Importer::badRows()
{
    QFETCH(QString, policy);
    QFETCH(bool, ok);
    QFETCH(int, rows);
    QFETCH(int, skipped);
    QFETCH(int, kept);
    QFETCH(QString, thirdRowC);

    QString error;
    std::optional<ImportPlan> p = plan(sample(u"bad/wrong-field-counts.csv"_s), {}, &error);
    QVERIFY2(p, qPrintable(error));
    p->onBadRows = *badRowPolicyFromKey(policy);
    const QStringList before = schemaNames(mDoc->workingCopyPath());
    const ImportResult result = import(*p);
    QCOMPARE(result.ok, ok);
    QCOMPARE(result.rowsSkipped, skipped);
    QCOMPARE(result.rowsKept, kept);

    // Both rows are listed whatever the policy: the short one and the long one.
    QCOMPARE(result.badValueCount, 2);
    QCOMPARE(result.badValues.size(), 2);
    QCOMPARE(result.badValues[0].record, 3);
    QCOMPARE(result.badValues[0].line, 3);
    QCOMPARE(result.badValues[0].column, 0);
    QVERIFY2(result.badValues[0].reason.contains(u"has 2 field"_s),
             qPrintable(result.badValues[0].reason));
    QCOMPARE(result.badValues[1].record, 4);
    QVERIFY2(result.badValues[1].reason.contains(u"has 4 field"_s),
             qPrintable(result.badValues[1].reason));

    if (!ok) {
        QVERIFY(result.error.contains(u"nothing was imported"_s));
        QVERIFY(mDoc->project().datasets.isEmpty());
        QCOMPARE(schemaNames(mDoc->workingCopyPath()), before);
        return;
    }
    const Dataset &d = mDoc->project().datasets[0];
    QCOMPARE(d.rowCount, rows);
    QCOMPARE(cell(mDoc->workingCopyPath(), d, u"c"_s, rows), thirdRowC);
    if (policy == u"keep") {
        // The short row keeps what it has; its missing field is empty, never made up.
        QCOMPARE(cell(mDoc->workingCopyPath(), d, u"a"_s, 2), u"4"_s);
        QCOMPARE(cell(mDoc->workingCopyPath(), d, u"c"_s, 2), u"NULL"_s);
    }
}

void tst_Importer::rolesAreChecked_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("type");   // the column's
    QTest::addColumn<QString>("values"); // one per row
    QTest::addColumn<QList<int>>("badRecords");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("stored"); // the column's values as stored, by quote()

    QTest::newRow("nps 0 to 10") << u"nps"_s << u"text"_s << u"0,10,11,-1,7"_s << QList<int>{4, 5}
                                 << u"0 to 10"_s << u"'0' '10' '7'"_s;
    QTest::newRow("csat 1 to 5") << u"csat"_s << u"text"_s << u"1,5,0,6,3"_s << QList<int>{4, 5}
                                 << u"1 to 5"_s << u"'1' '5' '3'"_s;
    QTest::newRow("rating numeric") << u"rating"_s << u"text"_s << u"1.5,x,3,,9"_s << QList<int>{3}
                                    << u"number"_s << u"'1.5' '3' NULL '9'"_s;
    QTest::newRow("converted yes or no")
        << u"converted"_s << u"text"_s << u"yes,no,maybe,1,0"_s << QList<int>{4} << u"yes or no"_s
        << u"'yes' 'no' '1' '0'"_s;
    QTest::newRow("revenue numeric") << u"revenue"_s << u"text"_s << u"12.50,€3,4,5,6"_s
                                     << QList<int>{3} << u"number"_s << u"'12.50' '4' '5' '6'"_s;
    QTest::newRow("quantity numeric") << u"quantity"_s << u"text"_s << u"1,2,three,4,5"_s
                                      << QList<int>{4} << u"number"_s << u"'1' '2' '4' '5'"_s;

    // A column whose type is the number or yes/no its role needs is read once for both: the
    // same rows are refused, with the same reasons, and the values are stored typed.
    QTest::newRow("nps of integers") << u"nps"_s << u"integer"_s << u"0,10,11,-1,7"_s
                                     << QList<int>{4, 5} << u"0 to 10"_s << u"0 10 7"_s;
    QTest::newRow("nps of decimals") << u"nps"_s << u"decimal"_s << u"0,10,9.5,-1,7.0"_s
                                     << QList<int>{4, 5} << u"0 to 10"_s << u"0.0 10.0 7.0"_s;
    QTest::newRow("csat of integers") << u"csat"_s << u"integer"_s << u"1,5,0,6,+3"_s
                                      << QList<int>{4, 5} << u"1 to 5"_s << u"1 5 3"_s;
    QTest::newRow("rating of integers, text") << u"rating"_s << u"integer"_s << u"1,x,3,,9"_s
                                              << QList<int>{3} << u"number"_s << u"1 3 NULL 9"_s;
    QTest::newRow("rating of integers, a decimal")
        << u"rating"_s << u"integer"_s << u"1,1.5,3"_s << QList<int>{3} << u"type"_s << u"1 3"_s;
    QTest::newRow("quantity of decimals") << u"quantity"_s << u"decimal"_s << u"1,2.5,three,4"_s
                                          << QList<int>{4} << u"number"_s << u"1.0 2.5 4.0"_s;
    QTest::newRow("converted of yes and no")
        << u"converted"_s << u"boolean"_s << u"yes,No,maybe,1,0"_s << QList<int>{4}
        << u"yes or no"_s << u"1 0 1 0"_s;
}

void tst_Importer::rolesAreChecked()
{
    QFETCH(QString, role);
    QFETCH(QString, type);
    QFETCH(QString, values);
    QFETCH(QList<int>, badRecords);
    QFETCH(QString, reason);
    QFETCH(QString, stored);

    QByteArray csv = "id,answer\n";
    const QStringList list = values.split(u',');
    for (qsizetype i = 0; i < list.size(); ++i)
        csv += QByteArray::number(i + 1) + ',' + list[i].toUtf8() + '\n';
    QString error;
    std::optional<ImportPlan> p = plan(write(u"roles.csv"_s, csv), {}, &error);
    QVERIFY2(p, qPrintable(error));
    p->columns[1].role = *fromKey<ColumnRole>(role);
    p->columns[1].type = *fromKey<ColumnType>(type);
    const ImportResult result = import(*p);
    QVERIFY2(result.ok, qPrintable(result.error));

    QList<int> bad;
    for (const BadValue &b : result.badValues) {
        bad.append(int(b.record));
        QCOMPARE(b.column, 2);
        QCOMPARE(b.columnName, u"answer"_s);
        QVERIFY2(b.reason.contains(reason), qPrintable(b.reason));
    }
    QCOMPARE(bad, badRecords);
    QCOMPARE(result.rowsImported, list.size() - badRecords.size());
    const QString table = DatasetTables::tableName(mDoc->project().datasets[0].rowsTable);
    QCOMPARE(queryText(mDoc->workingCopyPath(),
                       u"SELECT group_concat(quote(c2), ' ') FROM (SELECT c2 FROM %1 "
                       "ORDER BY row_number)"_s.arg(table)),
             stored);
}

void tst_Importer::personalData_data()
{
    QTest::addColumn<int>("personal");
    QTest::addColumn<QString>("expected");

    const QByteArray hash =
        QCryptographicHash::hash(fixedId(1).toString(QUuid::WithoutBraces).toUtf8() +
                                     "\nana@example.org",
                                 QCryptographicHash::Sha256)
            .toHex();
    QTest::newRow("keep") << int(PersonalData::Keep) << u"'ana@example.org'"_s;
    QTest::newRow("hash") << int(PersonalData::Hash) << u"'%1'"_s.arg(QString::fromLatin1(hash));
    QTest::newRow("drop") << int(PersonalData::Drop) << u"NULL"_s;
}

void tst_Importer::personalData()
{
    QFETCH(int, personal);
    QFETCH(QString, expected);

    QString error;
    std::optional<ImportPlan> p = plan(sample(u"google-forms.csv"_s), {}, &error);
    QVERIFY2(p, qPrintable(error));
    p->personal = PersonalData(personal);
    const ImportResult result = import(*p);
    QVERIFY2(result.ok, qPrintable(result.error));
    const Dataset &d = mDoc->project().datasets[0];
    QCOMPARE(columnNamed(d, u"Email Address"_s)->role, ColumnRole::Personal);
    QCOMPARE(cell(mDoc->workingCopyPath(), d, u"Email Address"_s, 1), expected);
    QCOMPARE(d.mapping.personal, PersonalData(personal));
}

void tst_Importer::attachByColumn()
{
    const QString file = write(u"steps.csv"_s, "Step,Users\nWebsite,10\n  store ,5\nNowhere,1\n"
                                               "00000000-0000-4000-8000-000000000012,2\n");
    QString error;
    std::optional<ImportPlan> p = plan(file, {}, &error);
    QVERIFY2(p, qPrintable(error));
    p->columns[0].role = ColumnRole::Touchpoint;
    p->attachments = {{{}, AttachmentKind::ByColumn, {}, 0, {}}};
    const ImportResult result = import(*p);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.unmatchedRows, 1);
    QCOMPARE(result.unmatchedTouchpoints, QStringList{u"Nowhere"_s});

    const Dataset d = mDoc->project().datasets[0];
    QCOMPARE(d.attachments.size(), 1);
    QVERIFY(!d.attachments[0].id.isNull());
    const QString table = DatasetTables::tableName(d.rowsTable);
    const QString matched =
        u"SELECT group_concat(t, ',') FROM (SELECT coalesce(substr("
        "touchpoint_id, 35), '-') AS t FROM %1 ORDER BY row_number)"_s.arg(table);
    QCOMPARE(queryText(mDoc->workingCopyPath(), matched), u"10,11,-,12"_s);

    // Detached, the rows belong to no touchpoint; undo matches them again.
    mDoc->push(Commands::setDatasetAttachments(mDoc.get(), d.id, {}).release());
    QCOMPARE(queryText(mDoc->workingCopyPath(), matched), u"-,-,-,-"_s);
    mDoc->undoStack()->undo();
    QCOMPARE(queryText(mDoc->workingCopyPath(), matched), u"10,11,-,12"_s);
    QCOMPARE(mDoc->project().datasets[0], d);
}

void tst_Importer::nextWaveUpdatesByKey()
{
    QString error;
    std::optional<ImportPlan> first =
        plan(write(u"wave1.csv"_s, "id,score,comment\n1,5,a\n2,6,b\n"), {}, &error);
    QVERIFY2(first, qPrintable(error));
    first->columns[0].role = ColumnRole::Key;
    first->datasetName = u"Survey"_s;
    QVERIFY(import(*first).ok);
    const Dataset before = mDoc->project().datasets[0];

    // The next wave: its columns in another order, one of them new.
    std::optional<ImportPlan> second = planNextWave(
        write(u"wave2.csv"_s, "comment,id,extra,score\nB,2,x,9\nc,3,y,7\n"), before, &error);
    QVERIFY2(second, qPrintable(error));
    QCOMPARE(second->ignoredFields, QStringList{u"extra"_s});
    const ImportResult result = import(*second);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.rowsImported, 2);
    QCOMPARE(result.rowsReplaced, 1);

    QCOMPARE(mDoc->project().datasets.size(), 1);
    const Dataset &after = mDoc->project().datasets[0];
    QCOMPARE(after.id, before.id);
    QCOMPARE(after.rowCount, 3);
    QVERIFY(after.rowsTable != before.rowsTable);
    const QString all = u"SELECT group_concat(c1 || ':' || c2 || c3, ' ') FROM %1"_s;
    QCOMPARE(queryText(mDoc->workingCopyPath(), all.arg(DatasetTables::tableName(after.rowsTable))),
             u"1:5a 2:9B 3:7c"_s);

    // One undo step gives the first wave back, rows and all.
    mDoc->undoStack()->undo();
    QCOMPARE(mDoc->project().datasets[0], before);
    QCOMPARE(
        queryText(mDoc->workingCopyPath(), all.arg(DatasetTables::tableName(before.rowsTable))),
        u"1:5a 2:6b"_s);

    // A file without a column of the dataset is not its next wave.
    QVERIFY(!planNextWave(write(u"other.csv"_s, "id,comment\n1,a\n"), before, &error));
    QVERIFY2(error.contains(u"score"_s), qPrintable(error));
}

void tst_Importer::cancelLeavesProjectUnchanged()
{
    QByteArray csv = "n,text\n";
    for (int i = 0; i < 5000; ++i)
        csv += QByteArray::number(i) + ",row\n";
    QString error;
    std::optional<ImportPlan> p = plan(write(u"long.csv"_s, csv), {}, &error);
    QVERIFY2(p, qPrintable(error));
    const QStringList before = schemaNames(mDoc->workingCopyPath());

    std::atomic_bool cancel = false;
    qsizetype calls = 0;
    Importer importer(*p, mDoc->project());
    importer.batchRecords = 100;
    importer.cancel = &cancel;
    importer.progress = [&](qint64 done, qint64 total) {
        QVERIFY(done > 0 && done <= total);
        if (++calls == 3)
            cancel = true;
    };
    const ImportResult result = importer.run(mDoc->workingCopyPath());
    QVERIFY(!result.ok);
    QVERIFY(result.cancelled);
    QCOMPARE(calls, 3);
    QCOMPARE(schemaNames(mDoc->workingCopyPath()), before);
    QCOMPARE(mDoc->undoStack()->count(), 0);
}

void tst_Importer::failureBeforeCommitLeavesProjectUnchanged()
{
    QString error;
    std::optional<ImportPlan> p = plan(sample(u"shopify-orders.csv"_s), {}, &error);
    QVERIFY2(p, qPrintable(error));
    const QStringList before = schemaNames(mDoc->workingCopyPath());
    Importer importer(*p, mDoc->project());
    importer.failBeforeCommit = true;
    const ImportResult result = importer.run(mDoc->workingCopyPath());
    QVERIFY(!result.ok);
    QVERIFY(!result.error.isEmpty());
    QCOMPARE(schemaNames(mDoc->workingCopyPath()), before);
}

void tst_Importer::undoneImportIsNotSaved()
{
    QString error;
    std::optional<ImportPlan> p = plan(sample(u"typeform.csv"_s), {}, &error);
    QVERIFY2(p, qPrintable(error));
    QVERIFY(import(*p).ok);
    const qint64 table = mDoc->project().datasets[0].rowsTable;
    const QString rows = DatasetTables::tableName(table);
    const QString saved = path(u"project.waymark"_s);
    StorageError storageError;
    QVERIFY2(mDoc->saveAs(saved, &storageError), qPrintable(storageError.message));
    QVERIFY(schemaNames(saved).contains(rows));

    // Undone, the dataset leaves the project; its rows leave the saved file, not the working
    // copy, so that redo still finds them.
    mDoc->undoStack()->undo();
    QVERIFY(mDoc->project().datasets.isEmpty());
    QVERIFY(mDoc->save(&storageError));
    QVERIFY(!schemaNames(saved).contains(rows));
    QVERIFY(schemaNames(mDoc->workingCopyPath()).contains(rows));
    QVERIFY(ProjectFile::check(saved).problems.isEmpty());

    mDoc->undoStack()->redo();
    QVERIFY(mDoc->save(&storageError));
    QVERIFY(schemaNames(saved).contains(rows));
    const ProjectFile::CheckReport report = ProjectFile::check(saved);
    QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.value(0).what));
    QCOMPARE(queryText(saved, u"SELECT count(*) FROM %1"_s.arg(rows)), u"2"_s);
}

void tst_Importer::commandsEditTheDataset()
{
    QString error;
    std::optional<ImportPlan> p = plan(sample(u"typeform.csv"_s), {}, &error);
    QVERIFY2(p, qPrintable(error));
    QSignalSpy changes(mDoc.get(), &Document::changed);
    QVERIFY(import(*p).ok);
    QCOMPARE(changes.size(), 1);
    const Dataset imported = mDoc->project().datasets[0];
    const ChangeEvent added = changes.takeFirst().at(0).value<ChangeEvent>();
    QCOMPARE(added.entity, EntityKind::Dataset);
    QCOMPARE(added.change, ChangeKind::Added);
    QCOMPARE(added.id, imported.id);

    struct Edit
    {
        Commands::Command command;
        QString text;
        Fields fields;
    };
    DatasetAttachment whole;
    whole.id = fixedId(90);
    whole.touchpointId = fixedId(12);
    Edit edits[] = {
        {Commands::renameDataset(mDoc.get(), imported.id, u"Checkout"_s), u"Rename Dataset"_s,
         Field::Name},
        {Commands::setDatasetColumnRole(mDoc.get(), imported.id, 1, ColumnRole::Segment),
         u"Change Column Role"_s, Field::Columns},
        {Commands::setDatasetColumnType(mDoc.get(), imported.id, 2, ColumnType::Decimal),
         u"Change Column Type"_s, Field::Columns},
        {Commands::setDatasetAttachments(mDoc.get(), imported.id, {whole}), u"Attach Dataset"_s,
         Field::Attachments},
    };
    for (Edit &edit : edits) {
        QVERIFY2(edit.command, qPrintable(edit.text));
        QCOMPARE(edit.command->text(), edit.text);
        mDoc->push(edit.command.release());
        QCOMPARE(changes.size(), 1);
        const ChangeEvent event = changes.takeFirst().at(0).value<ChangeEvent>();
        QCOMPARE(event.change, ChangeKind::Modified);
        QCOMPARE(event.fields, edit.fields);
    }
    const Dataset &d = mDoc->project().datasets[0];
    QCOMPARE(d.name, u"Checkout"_s);
    QCOMPARE(d.columns[1].role, ColumnRole::Segment);
    QCOMPARE(d.columns[2].type, ColumnType::Decimal);
    QCOMPARE(d.attachments, QList<DatasetAttachment>{whole});

    // Nothing to change, an unknown column, an attachment without an id: no command.
    QVERIFY(!Commands::renameDataset(mDoc.get(), imported.id, u"Checkout"_s));
    QVERIFY(!Commands::renameDataset(mDoc.get(), imported.id, u"  "_s));
    QVERIFY(!Commands::setDatasetColumnRole(mDoc.get(), imported.id, 99, ColumnRole::Nps));
    DatasetAttachment anonymous = whole;
    anonymous.id = {};
    QVERIFY(!Commands::setDatasetAttachments(mDoc.get(), imported.id, {anonymous}));
    QVERIFY(!Commands::removeDataset(mDoc.get(), fixedId(99)));

    // Deleted and saved, its rows leave the file; undo brings both back.
    Commands::Command remove = Commands::removeDataset(mDoc.get(), imported.id);
    QCOMPARE(remove->text(), u"Delete Dataset “Checkout”"_s);
    mDoc->push(remove.release());
    QVERIFY(mDoc->project().datasets.isEmpty());
    const QString saved = path(u"edited.waymark"_s);
    StorageError storageError;
    QVERIFY(mDoc->saveAs(saved, &storageError));
    QVERIFY(!schemaNames(saved).contains(DatasetTables::tableName(imported.rowsTable)));
    while (mDoc->undoStack()->canUndo())
        mDoc->undoStack()->undo();
    QVERIFY(mDoc->project().datasets.isEmpty());
    while (mDoc->undoStack()->canRedo())
        mDoc->undoStack()->redo();
    QVERIFY(mDoc->project().datasets.isEmpty());
    mDoc->undoStack()->undo();
    QCOMPARE(mDoc->project().datasets.size(), 1);
    QVERIFY(mDoc->save(&storageError));
    const std::optional<Project> read = ProjectFile::read(saved, &storageError);
    QVERIFY2(read, qPrintable(storageError.message + storageError.detail));
    QCOMPARE(read->datasets, mDoc->project().datasets);
}

void tst_Importer::roundTrip()
{
    QString error;
    std::optional<ImportPlan> p = plan(sample(u"surveymonkey.csv"_s), {}, &error);
    QVERIFY2(p, qPrintable(error));
    p->attachments = {{{}, AttachmentKind::WholeDataset, fixedId(10), 0, {}},
                      {{}, AttachmentKind::Filter, fixedId(11), 1, u"400000001"_s}};
    p->personal = PersonalData::Hash;
    QVERIFY(import(*p).ok);
    mDoc->push(Commands::setDatasetColumnRole(mDoc.get(), mDoc->project().datasets[0].id, 1,
                                              ColumnRole::Category)
                   .release());
    mDoc->push(
        Commands::renameDataset(mDoc.get(), mDoc->project().datasets[0].id, u"Wave 1"_s).release());
    const QString saved = path(u"roundtrip.waymark"_s);
    StorageError storageError;
    QVERIFY2(mDoc->saveAs(saved, &storageError), qPrintable(storageError.message));

    const std::optional<Project> read = ProjectFile::read(saved, &storageError);
    QVERIFY2(read, qPrintable(storageError.message + u'\n' + storageError.detail));
    QCOMPARE(read->datasets.size(), 1);
    const Dataset &expected = mDoc->project().datasets[0];
    const Dataset &actual = read->datasets[0];
    QCOMPARE(actual.name, u"Wave 1"_s);
    QCOMPARE(actual.mapping, expected.mapping);
    QCOMPARE(actual.attachments, expected.attachments);
    QCOMPARE(actual.columns, expected.columns);
    QCOMPARE(actual.rowsTable, expected.rowsTable);
    QCOMPARE(actual.imported, expected.imported);
    QVERIFY(actual == expected);
    QCOMPARE(ProjectFile::check(saved).formatVersion, ProjectFile::currentFormatVersion());
}

void tst_Importer::allowList_data()
{
    QTest::addColumn<QString>("sql"); // run on a saved file with one dataset (table 1)
    QTest::addColumn<int>("code");

    QTest::newRow("as saved") << QString() << int(StorageErrorCode::None);
    QTest::newRow("an extra table of rows")
        << u"CREATE TABLE dataset_rows_99 (row_number INTEGER PRIMARY KEY, touchpoint_id TEXT, "
           "first_of_key INTEGER NOT NULL DEFAULT 1, c1 TEXT)"_s
        << int(StorageErrorCode::ForeignObjects);
    QTest::newRow("a table of rows with a column more")
        << u"ALTER TABLE dataset_rows_1 ADD COLUMN c99 TEXT"_s << int(StorageErrorCode::Damaged);
    QTest::newRow("a trigger on the rows")
        << u"CREATE TRIGGER sneaky AFTER INSERT ON dataset_rows_1 BEGIN SELECT 1; END"_s
        << int(StorageErrorCode::ForeignObjects);
    QTest::newRow("an index of its own")
        << u"CREATE INDEX dataset_rows_1_by_c2 ON dataset_rows_1(c2)"_s
        << int(StorageErrorCode::ForeignObjects);
    QTest::newRow("registry with another type")
        << u"UPDATE dataset_tables SET column_types = replace(column_types, 'integer', 'text')"_s
        << int(StorageErrorCode::Damaged);
    QTest::newRow("registry with an unknown type")
        << u"UPDATE dataset_tables SET column_types = 'text,blob'"_s
        << int(StorageErrorCode::ForeignObjects);
    QTest::newRow("registered table missing")
        << u"DROP TABLE dataset_rows_1"_s << int(StorageErrorCode::Damaged);
    QTest::newRow("a row count that lies")
        << u"UPDATE datasets SET row_count = 7"_s << int(StorageErrorCode::Damaged);
}

void tst_Importer::allowList()
{
    QFETCH(QString, sql);
    QFETCH(int, code);

    QString error;
    std::optional<ImportPlan> p = plan(sample(u"typeform.csv"_s), {}, &error);
    QVERIFY2(p, qPrintable(error));
    QVERIFY(import(*p).ok);
    QCOMPARE(mDoc->project().datasets[0].rowsTable, 1);
    const QString saved = path(u"tampered.waymark"_s);
    StorageError storageError;
    QVERIFY2(mDoc->saveAs(saved, &storageError), qPrintable(storageError.message));
    if (!sql.isEmpty()) {
        Sql::Database db;
        QVERIFY(db.open(saved, Sql::Database::Mode::ReadWrite));
        QVERIFY2(db.exec(sql), qPrintable(db.errorMessage()));
    }

    const std::optional<Project> read = ProjectFile::read(saved, &storageError);
    QCOMPARE(int(storageError.code), code);
    QCOMPARE(read.has_value(), code == int(StorageErrorCode::None));
}

void tst_Importer::largeDatasetOpens()
{
    // More rows than any table of the map structure may hold: the bounds are not theirs.
    QFile file(path(u"large.csv"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("id,score,day\n");
    QByteArray chunk;
    for (int i = 1; i <= 250000; ++i) {
        chunk += QByteArray::number(i) + ',' + QByteArray::number(i % 11) + ",2024-03-01\n";
        if (chunk.size() > 1 << 20) {
            file.write(chunk);
            chunk.clear();
        }
    }
    file.write(chunk);
    file.close();

    QString error;
    std::optional<ImportPlan> p = plan(file.fileName(), {}, &error);
    QVERIFY2(p, qPrintable(error));
    const ImportResult result = import(*p);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.rowsImported, 250000);
    const QString saved = path(u"large.waymark"_s);
    StorageError storageError;
    QVERIFY2(mDoc->saveAs(saved, &storageError), qPrintable(storageError.message));
    const std::optional<Project> read = ProjectFile::read(saved, &storageError);
    QVERIFY2(read, qPrintable(storageError.message + u'\n' + storageError.detail));
    QCOMPARE(read->datasets[0].rowCount, 250000);
}

void tst_Importer::badInput_data()
{
    QTest::addColumn<QString>("file"); // in tests/data/import/bad, or made here
    QTest::addColumn<QString>("words");

    QTest::newRow("empty") << u"empty.csv"_s << u"empty"_s;
    QTest::newRow("bom and blank lines") << u"bom-and-blank-lines.csv"_s << u"no rows"_s;
    QTest::newRow("header only") << u"header-only.csv"_s << u"no rows of data"_s;
    QTest::newRow("binary") << u"binary.png"_s << u"binary"_s;
    QTest::newRow("nul bytes") << u"nul-bytes.csv"_s << u"binary"_s;
    // Bytes that are not UTF-8 are read as Windows-1252, unless UTF-8 is chosen.
    QTest::newRow("invalid utf-8 chosen") << u"invalid-utf8.csv"_s << u"UTF-8"_s;
    QTest::newRow("stray quote") << u"stray-quote.csv"_s << u"quote mark inside"_s;
    QTest::newRow("unterminated quote") << u"unterminated-quote.csv"_s << u"never closed"_s;
    QTest::newRow("10 MB field") << u"<huge field>"_s << u"larger than"_s;
    QTest::newRow("100,000 columns") << u"<wide>"_s << u"columns"_s;
}

void tst_Importer::badInput()
{
    QFETCH(QString, file);
    QFETCH(QString, words);

    QString source = sample(u"bad/"_s + file);
    if (file == u"<huge field>")
        source = write(u"huge.csv"_s, "a,b\n1," + QByteArray(10 * 1024 * 1024, 'x') + "\n");
    else if (file == u"<wide>")
        source = write(u"wide.csv"_s, QByteArray("c,").repeated(100000) + "c\n");
    const QStringList before = schemaNames(mDoc->workingCopyPath());

    // Refused when planned or, past the first records the plan looks at, when run.
    PlanOptions options;
    if (file == u"invalid-utf8.csv")
        options.encoding = Encoding::Utf8;
    QString error;
    std::optional<ImportPlan> p = plan(source, options, &error);
    if (p) {
        const ImportResult result = import(*p);
        QVERIFY(!result.ok);
        error = result.error;
    }
    QVERIFY2(error.contains(words, Qt::CaseInsensitive), qPrintable(error));
    QCOMPARE(schemaNames(mDoc->workingCopyPath()), before);
    QVERIFY(mDoc->project().datasets.isEmpty());
}

void tst_Importer::datesAsStored_data()
{
    QTest::addColumn<QByteArray>("values"); // the column's values, one per line
    QTest::addColumn<QString>("stored");    // of the first row, as quote() writes it

    QTest::newRow("iso date") << QByteArray("2024-03-01\n2024-03-02") << u"'2024-03-01T00:00:00'"_s;
    QTest::newRow("iso utc") << QByteArray("2024-03-01T09:15:22Z\n2024-03-02T10:00:00Z")
                             << u"'2024-03-01T09:15:22Z'"_s;
    QTest::newRow("month first") << QByteArray("3/1/2024\n12/31/2024")
                                 << u"'2024-03-01T00:00:00'"_s;
    QTest::newRow("day first") << QByteArray("31/1/2024\n3/1/2024") << u"'2024-01-31T00:00:00'"_s;
    QTest::newRow("dots are day first")
        << QByteArray("01.03.2024\n02.03.2024") << u"'2024-03-01T00:00:00'"_s;
    QTest::newRow("year first") << QByteArray("2024/03/01\n2024/3/2") << u"'2024-03-01T00:00:00'"_s;
    QTest::newRow("with a time") << QByteArray("3/1/2024 14:05\n3/2/2024 9:00")
                                 << u"'2024-03-01T14:05:00'"_s;
}

// The quick readers of common dates agree with parseDateTime(), which the others go through.
void tst_Importer::datesAsStored()
{
    QFETCH(QByteArray, values);
    QFETCH(QString, stored);

    QByteArray csv = "id,when\n";
    int id = 0;
    for (const QByteArray &value : values.split('\n'))
        csv += QByteArray::number(++id) + ',' + value + '\n';
    QString error;
    std::optional<ImportPlan> p = plan(write(u"dates.csv"_s, csv), {}, &error);
    QVERIFY2(p, qPrintable(error));
    p->onBadRows = BadRowPolicy::KeepEmpty;
    const ImportResult result = import(*p);
    QVERIFY2(result.ok, qPrintable(result.error));
    const Dataset &d = mDoc->project().datasets[0];
    QCOMPARE(toKey(d.columns[1].type), u"datetime"_s);
    QCOMPARE(cell(mDoc->workingCopyPath(), d, u"when"_s, 1), stored);
}

// A new dataset's indexes are built after its rows, and end up as the schema check expects.
void tst_Importer::indexesAfterRows()
{
    QString error;
    std::optional<ImportPlan> p = plan(sample(u"shopify-orders.csv"_s), {}, &error);
    QVERIFY2(p, qPrintable(error));
    const ImportResult result = import(*p);
    QVERIFY2(result.ok, qPrintable(result.error));
    const Dataset &d = mDoc->project().datasets[0];
    const QString table = DatasetTables::tableName(d.rowsTable);
    QCOMPARE(
        queryText(mDoc->workingCopyPath(),
                  u"SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = '"_s +
                      table + u"'"_s),
        u"2"_s);
    const QString saved = path(u"indexed.waymark"_s);
    StorageError storageError;
    QVERIFY2(mDoc->saveAs(saved, &storageError), qPrintable(storageError.message));
    const std::optional<Project> read = ProjectFile::read(saved, &storageError);
    QVERIFY2(read, qPrintable(storageError.message + u'\n' + storageError.detail));
    QCOMPARE(read->datasets.size(), 1);
}

void tst_Importer::rowsInOrderWhateverTheBatch_data()
{
    QTest::addColumn<int>("batchRecords");
    QTest::addColumn<int>("rows");

    // The importer writes several rows per INSERT: whole groups, then the rest of each batch
    // one at a time. Batches of one row, of fewer rows than a group, of a group and a few,
    // and of many groups.
    QTest::newRow("one row a batch") << 1 << 40;
    QTest::newRow("fewer than a group") << 7 << 150;
    QTest::newRow("a group and some") << 70 << 300;
    QTest::newRow("many groups") << 4096 << 1000;
    QTest::newRow("many groups, no rest") << 4096 << 1024;
}

void tst_Importer::rowsInOrderWhateverTheBatch()
{
    QFETCH(int, batchRecords);
    QFETCH(int, rows);

    // Every 17th row is bad (skipped), every 5th has an empty score.
    QByteArray csv = "n,label,score\n";
    QStringList expected;
    qint64 rowNumber = 0;
    for (int i = 1; i <= rows; ++i) {
        const bool bad = i % 17 == 0;
        const bool empty = i % 5 == 0;
        const QByteArray score = bad ? "x" : empty ? "" : QByteArray::number(i) + ".5";
        csv += QByteArray::number(i) + ",row " + QByteArray::number(i) + ',' + score + '\n';
        if (!bad)
            expected.append(u"%1:%2:'row %2':%3"_s.arg(++rowNumber)
                                .arg(i)
                                .arg(empty ? u"NULL"_s : QString::number(i) + u".5"_s));
    }
    QString error;
    std::optional<ImportPlan> p = plan(write(u"many.csv"_s, csv), {}, &error);
    QVERIFY2(p, qPrintable(error));
    // The sample the plan reads has the bad scores: the column is made a number column.
    p->columns[2].type = ColumnType::Decimal;
    p->columns[2].role = ColumnRole::Rating;
    Importer importer(*p, mDoc->project());
    importer.batchRecords = batchRecords;
    const ImportResult result = importer.run(mDoc->workingCopyPath());
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.rowsImported, rowNumber);
    QCOMPARE(result.rowsSkipped, qint64(rows / 17));

    const QString table = DatasetTables::tableName(result.dataset.rowsTable);
    QCOMPARE(queryText(mDoc->workingCopyPath(),
                       u"SELECT group_concat(row_number || ':' || c1 || ':' || quote(c2) || ':' || "
                       "quote(c3), ' ') FROM (SELECT * FROM %1 ORDER BY row_number)"_s.arg(table)),
             expected.join(u' '));
}

QTEST_GUILESS_MAIN(tst_Importer)

#include "tst_importer.moc"
