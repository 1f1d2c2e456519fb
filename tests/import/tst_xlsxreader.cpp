// The XLSX reader: every kind of cell as the text a person sees in Excel, the choice of
// sheet, the survey and shop exports saved as workbooks, and a clear refusal for each
// hostile or foreign file (tests/data/import/make-xlsx.py writes the fixtures).
#include "import/sniffer.h"
#include "import/xlsxreader.h"

#include "readall.h"

#include <QDate>
#include <QTest>

using namespace Waymark::Import;
using namespace Qt::StringLiterals;

using Records = QList<QStringList>;

Q_DECLARE_METATYPE(Waymark::Import::SourceErrorCode)
Q_DECLARE_METATYPE(Waymark::Import::CsvErrorCode)
Q_DECLARE_METATYPE(Waymark::Import::SourceFormat)
Q_DECLARE_METATYPE(Waymark::Import::XlsxOptions)
Q_DECLARE_METATYPE(std::optional<QString>)

namespace {

struct WorkbookRead
{
    Records records;
    QList<qint64> lines;
    SourceError error;
    QStringList sheets;
    QString sheet;
    qint64 done = 0;
    qint64 total = 0;
};

WorkbookRead readWorkbook(const QString &file, const XlsxOptions &options = {})
{
    WorkbookRead result;
    std::unique_ptr<XlsxReader> reader =
        XlsxReader::open(importData(file.toUtf8().constData()), options, &result.error);
    if (!reader)
        return result;
    result.sheets = reader->sheetNames();
    result.sheet = reader->sheetName();
    qint64 record = 0;
    while (std::optional<SourceRecord> row = reader->next()) {
        // Records are numbered without gaps, whatever rows the sheet skips.
        if (row->record != ++record)
            return {};
        result.records.append(row->fields);
        result.lines.append(row->line);
    }
    result.error = reader->error();
    result.done = reader->progressDone();
    result.total = reader->progressTotal();
    return result;
}

Records recs(std::initializer_list<std::initializer_list<const char *>> rows)
{
    Records records;
    for (const auto &row : rows) {
        QStringList fields;
        for (const char *field : row)
            fields.append(QString::fromUtf8(field));
        records.append(fields);
    }
    return records;
}

SniffResult sniffPath(const QString &file, const SniffOptions &options = {})
{
    QFile f(importData(file.toUtf8().constData()));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return sniff(&f, options);
}

} // namespace

class tst_XlsxReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyKindOfCell()
    {
        const WorkbookRead result = readWorkbook(u"workbook-basic.xlsx"_s);
        QVERIFY2(!result.error, qPrintable(result.error.message));
        QCOMPARE(result.sheet, u"Responses"_s);
        const Records expected = recs({
            {"id", "text", "integer", "decimal", "flag", "date", "when", "time", "formula",
             "percent", "days", "eu date"},
            {"1", "plain", "1200", "0.1", "true", "2024-03-01", "2024-03-01T09:15:22", "12:00:00",
             "2400", "0.25", "2.5", "2024-03-01"},
            {"2", "inline, with comma", "-7", "0.0000001", "false", "1900-02-29",
             "2024-03-01T09:15:22", "", "ab"},
            {"3", "", "", "12345678901234.5", "", "", "", "", "#N/A"},
            {"5", "line\nbreak", "0", "0", "", "1900-03-01"},
            {"6", "  spaced  ", "3.14159265358979", "1000000000000000000000", "", "1900-01-01"},
        });
        QCOMPARE(result.records.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i)
            QCOMPARE(result.records[i], expected[i]);
        // Row 5 of the sheet is empty: not a record, but the rows keep their numbers.
        QCOMPARE(result.lines, (QList<qint64>{1, 2, 3, 4, 6, 7}));
        QVERIFY(result.total > 0);
        QCOMPARE(result.done, result.total);
    }

    void storedPartsReadAsDeflatedOnes()
    {
        const WorkbookRead deflated = readWorkbook(u"workbook-basic.xlsx"_s);
        const WorkbookRead stored = readWorkbook(u"workbook-stored.xlsx"_s);
        QVERIFY2(!stored.error, qPrintable(stored.error.message));
        QCOMPARE(stored.records, deflated.records);
        QCOMPARE(stored.lines, deflated.lines);
        QVERIFY(stored.total > deflated.total);
        QCOMPARE(stored.done, stored.total);
    }

    // A sheet is inflated and parsed as its rows are asked for, not read whole first: the
    // first row comes while most of the part is still packed, and progress follows.
    void longSheetIsReadAsItIsAsked()
    {
        SourceError error;
        std::unique_ptr<XlsxReader> reader =
            XlsxReader::open(importData("workbook-long.xlsx"), {}, &error);
        QVERIFY2(reader, qPrintable(error.message));
        QVERIFY(reader->progressTotal() > 0);
        QCOMPARE(reader->progressDone(), 0);

        std::optional<SourceRecord> first = reader->next();
        QVERIFY(first);
        QCOMPARE(first->fields, QStringList({u"id"_s, u"channel"_s, u"score"_s, u"date"_s}));
        QVERIFY2(
            reader->progressDone() < reader->progressTotal() / 2,
            qPrintable(u"%1 of %2"_s.arg(reader->progressDone()).arg(reader->progressTotal())));

        qint64 records = 1;
        qint64 lastDone = reader->progressDone();
        bool progressed = false;
        while (std::optional<SourceRecord> row = reader->next()) {
            ++records;
            QCOMPARE(row->line, records);
            progressed = progressed || reader->progressDone() > lastDone;
            QVERIFY(reader->progressDone() >= lastDone);
            lastDone = reader->progressDone();
            // The rows make-xlsx.py wrote: id i, "channel i % 7", (i * 37) % 11 and a date.
            const qint64 i = records - 1;
            if (i % 1000 == 0) {
                const QStringList expected = {
                    QString::number(i), u"channel %1"_s.arg(i % 7), QString::number(i * 37 % 11),
                    QDate(1899, 12, 30).addDays(45000 + i % 365).toString(Qt::ISODate)};
                QCOMPARE(row->fields, expected);
            }
        }
        QVERIFY2(!reader->error(), qPrintable(reader->error().message));
        QCOMPARE(records, 8001);
        QVERIFY(progressed);
        QCOMPARE(reader->progressDone(), reader->progressTotal());
        QVERIFY(reader->atEnd());
    }

    // The importer takes rows in batches of UTF-8: the same records, numbers and lines as
    // next() gives, whatever the batch size, and a problem after the rows before it.
    void batchesGiveTheSameRecords_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("batchSize");
        QTest::addColumn<XlsxOptions>("options");

        QTest::newRow("basic, 1 a batch") << u"workbook-basic.xlsx"_s << 1 << XlsxOptions();
        QTest::newRow("basic, 4 a batch") << u"workbook-basic.xlsx"_s << 4 << XlsxOptions();
        QTest::newRow("long, 7 a batch") << u"workbook-long.xlsx"_s << 7 << XlsxOptions();
        QTest::newRow("long, 5000 a batch") << u"workbook-long.xlsx"_s << 5000 << XlsxOptions();
        XlsxOptions field;
        field.maxFieldBytes = 10;
        QTest::newRow("a cell too large in row 3") << u"workbook-basic.xlsx"_s << 1 << field;
        QTest::newRow("rows out of order") << u"bad/rows-out-of-order.xlsx"_s << 2 << XlsxOptions();
    }

    void batchesGiveTheSameRecords()
    {
        QFETCH(QString, file);
        QFETCH(int, batchSize);
        QFETCH(XlsxOptions, options);

        const WorkbookRead expected = readWorkbook(file, options);
        SourceError error;
        std::unique_ptr<XlsxReader> reader =
            XlsxReader::open(importData(file.toUtf8().constData()), options, &error);
        QVERIFY2(reader, qPrintable(error.message));
        Records records;
        QList<qint64> lines;
        qint64 lastDone = 0;
        RecordBatch batch;
        while (reader->nextBatch(batch, batchSize)) {
            QVERIFY(batch.size() > 0);
            QVERIFY(batch.progressDone >= lastDone);
            lastDone = batch.progressDone;
            for (qsizetype i = 0; i < batch.size(); ++i) {
                const RecordBatch::Record &r = batch[i];
                QCOMPARE(r.record, qint64(records.size()) + 1);
                QStringList fields;
                for (qsizetype f = 0; f < r.fieldCount; ++f)
                    fields.append(QString::fromUtf8(batch.field(r, f)));
                records.append(fields);
                lines.append(r.line);
            }
        }
        QCOMPARE(records, expected.records);
        QCOMPARE(lines, expected.lines);
        QCOMPARE(reader->error().code, expected.error.code);
        QCOMPARE(reader->error().message, expected.error.message);
        QCOMPARE(reader->error().line, expected.error.line);
        QCOMPARE(reader->error().record, expected.error.record);
    }

    // The sniffer's preview takes records one by one, and the rest may follow in batches.
    void recordsThenBatches()
    {
        const WorkbookRead expected = readWorkbook(u"workbook-long.xlsx"_s);
        SourceError error;
        std::unique_ptr<XlsxReader> reader =
            XlsxReader::open(importData("workbook-long.xlsx"), {}, &error);
        QVERIFY2(reader, qPrintable(error.message));
        Records records;
        for (int i = 0; i < 3; ++i)
            records.append(reader->next()->fields);
        RecordBatch batch;
        while (reader->nextBatch(batch, 1000)) {
            for (qsizetype i = 0; i < batch.size(); ++i) {
                QCOMPARE(batch[i].record, qint64(records.size()) + 1);
                QStringList fields;
                for (qsizetype f = 0; f < batch[i].fieldCount; ++f)
                    fields.append(QString::fromUtf8(batch.field(batch[i], f)));
                records.append(fields);
            }
        }
        QVERIFY2(!reader->error(), qPrintable(reader->error().message));
        QCOMPARE(records, expected.records);
    }

    void chosenSheet()
    {
        XlsxOptions options;
        options.sheet = u"Notes & more"_s;
        const WorkbookRead result = readWorkbook(u"workbook-basic.xlsx"_s, options);
        QVERIFY2(!result.error, qPrintable(result.error.message));
        QCOMPARE(result.sheets, (QStringList{u"Responses"_s, u"Notes & more"_s}));
        QCOMPARE(result.sheet, u"Notes & more"_s);
        QCOMPARE(result.records, recs({{"note"}, {"second sheet"}}));
    }

    void missingSheetNamesTheOthers()
    {
        XlsxOptions options;
        options.sheet = u"Responses 2"_s;
        const WorkbookRead result = readWorkbook(u"workbook-basic.xlsx"_s, options);
        QCOMPARE(result.error.code, SourceErrorCode::NoSuchSheet);
        QVERIFY2(result.error.message.contains(u"“Responses 2”"_s),
                 qPrintable(result.error.message));
        QVERIFY2(result.error.message.contains(u"Responses, Notes & more"_s),
                 qPrintable(result.error.message));
    }

    void dates1904()
    {
        const WorkbookRead result = readWorkbook(u"workbook-1904.xlsx"_s);
        QVERIFY2(!result.error, qPrintable(result.error.message));
        QCOMPARE(result.records, recs({{"date"}, {"1904-01-01"}, {"2024-03-01"}}));
    }

    void serials_data()
    {
        QTest::addColumn<double>("serial");
        QTest::addColumn<int>("formatId");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("date1904");
        QTest::addColumn<std::optional<QString>>("expected");

        const std::optional<QString> none;
        QTest::newRow("general") << 45352.0 << 0 << QString() << false << none;
        QTest::newRow("two decimals") << 45352.0 << 2 << QString() << false << none;
        QTest::newRow("built-in short date")
            << 45352.0 << 14 << QString() << false << std::optional(u"2024-03-01"_s);
        QTest::newRow("built-in date and time")
            << 45352.5 << 22 << QString() << false << std::optional(u"2024-03-01T12:00:00"_s);
        QTest::newRow("built-in time")
            << 0.75 << 20 << QString() << false << std::optional(u"18:00:00"_s);
        QTest::newRow("elapsed hours is a duration") << 1.5 << 46 << QString() << false << none;
        QTest::newRow("custom elapsed") << 1.5 << 170 << u"[h]:mm"_s << false << none;
        QTest::newRow("custom ISO") << 45352.25 << 164 << u"yyyy\\-mm\\-dd hh:mm"_s << false
                                    << std::optional(u"2024-03-01T06:00:00"_s);
        QTest::newRow("colour and locale") << 45352.0 << 165 << u"[$-409][Red]d/m/yyyy"_s << false
                                           << std::optional(u"2024-03-01"_s);
        QTest::newRow("date letters in quotes") << 2.0 << 166 << u"0.0\" days\""_s << false << none;
        QTest::newRow("escaped letters") << 2.0 << 167 << u"0\\d"_s << false << none;
        QTest::newRow("milliseconds") << 45352.0 + 1.5 / 86400 << 22 << QString() << false
                                      << std::optional(u"2024-03-01T00:00:01.500"_s);
        QTest::newRow("rounding to the next day")
            << 45352.0 - 0.0000000001 << 22 << QString() << false
            << std::optional(u"2024-03-01T00:00:00"_s);
        QTest::newRow("first day")
            << 1.0 << 14 << QString() << false << std::optional(u"1900-01-01"_s);
        QTest::newRow("Lotus leap day")
            << 60.0 << 14 << QString() << false << std::optional(u"1900-02-29"_s);
        QTest::newRow("after the leap day")
            << 61.0 << 14 << QString() << false << std::optional(u"1900-03-01"_s);
        QTest::newRow("1904 system")
            << 0.0 << 14 << QString() << true << std::optional(u"1904-01-01"_s);
        QTest::newRow("negative") << -1.0 << 14 << QString() << false << none;
        QTest::newRow("after 9999") << 3e6 << 14 << QString() << false << none;
    }

    void serials()
    {
        QFETCH(double, serial);
        QFETCH(int, formatId);
        QFETCH(QString, code);
        QFETCH(bool, date1904);
        QFETCH(std::optional<QString>, expected);

        QCOMPARE(formatExcelSerial(serial, formatId, code, date1904), expected);
    }

    void numbers_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");

        QTest::newRow("integer") << 1200.0 << u"1200"_s;
        QTest::newRow("tenth") << 0.1 << u"0.1"_s;
        QTest::newRow("sum with noise") << 0.1 + 0.2 << u"0.30000000000000004"_s;
        QTest::newRow("small") << 1e-7 << u"0.0000001"_s;
        QTest::newRow("large") << 1e21 << u"1000000000000000000000"_s;
        QTest::newRow("negative") << -7.25 << u"-7.25"_s;
        QTest::newRow("negative zero") << -0.0 << u"0"_s;
        QTest::newRow("phone-like id") << 5123456789.0 << u"5123456789"_s;
    }

    void numbers()
    {
        QFETCH(double, value);
        QFETCH(QString, expected);

        QCOMPARE(formatExcelNumber(value), expected);
        QCOMPARE(formatExcelNumber(value).toDouble(), value);
    }

    void qualtricsWorkbook()
    {
        const SniffResult result = sniffPath(u"qualtrics.xlsx"_s);
        QVERIFY2(!result.error, qPrintable(result.error.message));
        QVERIFY(result.workbook);
        QCOMPARE(result.sheetNames, QStringList{u"Sheet0"_s});
        QCOMPARE(result.layout.format, SourceFormat::Qualtrics);
        QCOMPARE(result.layout.headerRows, 3);
        QCOMPARE(result.layout.columnNames.value(0), u"StartDate"_s);
        QCOMPARE(result.layout.columnNames.value(17), u"Q1"_s);
        QCOMPARE(result.preview.size(), 6);

        const QStringList first = result.preview[3].fields;
        QCOMPARE(first.value(0), u"2024-03-01T09:15:22"_s);
        QCOMPARE(first.value(8), u"R_1abcDEF234ghIJk"_s);
        QCOMPARE(first.value(9), QString()); // a blank recipient between filled cells
        QCOMPARE(first.value(13), u"39.7392"_s);
        QCOMPARE(first.value(19), u"Faster delivery,\nplease"_s);
        // An unanswered question is an empty field, and a row ends at its last answer.
        QCOMPARE(result.preview[4].fields.value(17), QString());
        QCOMPARE(result.preview[4].fields.size(), 19);
        QCOMPARE(result.preview[5].fields.value(19), u"Nothing"_s);
    }

    void shopifyWorkbook()
    {
        const SniffResult result = sniffPath(u"shopify-orders.xlsx"_s);
        QVERIFY2(!result.error, qPrintable(result.error.message));
        QCOMPARE(result.layout.format, SourceFormat::Shopify);
        QCOMPARE(result.preview.size(), 4);
        QCOMPARE(result.preview[1].fields.value(10), u"59.8"_s);
        QCOMPARE(result.preview[1].fields.value(19), u"5123456789"_s);
        // The second line item of an order: order fields empty, the row ends at the SKU.
        const QStringList item = result.preview[2].fields;
        QCOMPARE(item.size(), 18);
        QCOMPARE(item.value(0), u"#1001"_s);
        QCOMPARE(item.value(2), QString());
        QCOMPARE(item.value(15), u"Frame"_s);
        QCOMPARE(item.value(16), u"15"_s);
    }

    void sniffFromMemoryAndFromFileAgree()
    {
        QFile file(importData("workbook-basic.xlsx"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QBuffer buffer;
        buffer.setData(file.readAll());
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        SniffOptions options;
        options.sheet = u"Notes & more"_s;
        const SniffResult fromMemory = sniff(&buffer, options);
        const SniffResult fromFile = sniffPath(u"workbook-basic.xlsx"_s, options);
        QVERIFY2(!fromMemory.error, qPrintable(fromMemory.error.message));
        QCOMPARE(fromMemory.sheet, u"Notes & more"_s);
        QCOMPARE(fromMemory.layout.columnNames, fromFile.layout.columnNames);
        QCOMPARE(fromMemory.preview.size(), fromFile.preview.size());
        QCOMPARE(fromMemory.preview.value(1).fields, QStringList{u"second sheet"_s});
        QVERIFY(fromMemory.previewIsWholeFile);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<SourceErrorCode>("code");
        QTest::addColumn<QString>("words"); // what the message must say
        QTest::addColumn<CsvErrorCode>("sniffed");

        // The sniffer goes by content, not by name: this one is the CSV it holds.
        QTest::newRow("not a zip") << u"bad/not-a-zip.xlsx"_s << SourceErrorCode::Binary
                                   << u"not a zip archive"_s << CsvErrorCode::None;
        QTest::newRow("zip without workbook")
            << u"bad/no-workbook.xlsx"_s << SourceErrorCode::Binary << u"not an Excel workbook"_s
            << CsvErrorCode::Binary;
        QTest::newRow("OpenDocument") << u"bad/opendocument.xlsx"_s << SourceErrorCode::Unsupported
                                      << u"OpenDocument"_s << CsvErrorCode::ReadFailed;
        QTest::newRow("zip bomb") << u"bad/zip-bomb.xlsx"_s << SourceErrorCode::TooLarge
                                  << u"times its packed size"_s << CsvErrorCode::FieldTooLarge;
        QTest::newRow("encrypted") << u"bad/encrypted.xlsx"_s << SourceErrorCode::Unsupported
                                   << u"password"_s << CsvErrorCode::ReadFailed;
        QTest::newRow("old xls") << u"bad/legacy.xls"_s << SourceErrorCode::Unsupported << u".xls"_s
                                 << CsvErrorCode::ReadFailed;
        QTest::newRow("truncated") << u"bad/truncated.xlsx"_s << SourceErrorCode::Malformed
                                   << u"incomplete"_s << CsvErrorCode::ReadFailed;
        QTest::newRow("malformed sheet")
            << u"bad/malformed-sheet.xlsx"_s << SourceErrorCode::Malformed << u"damaged"_s
            << CsvErrorCode::ReadFailed;
        QTest::newRow("too many columns")
            << u"bad/too-many-columns.xlsx"_s << SourceErrorCode::TooLarge << u"1000 columns"_s
            << CsvErrorCode::TooManyColumns;
        QTest::newRow("empty sheet") << u"bad/empty-sheet.xlsx"_s << SourceErrorCode::Empty
                                     << u"empty"_s << CsvErrorCode::Empty;
        QTest::newRow("rows out of order")
            << u"bad/rows-out-of-order.xlsx"_s << SourceErrorCode::Malformed
            << u"lists row 2 after row 3"_s << CsvErrorCode::ReadFailed;
        QTest::newRow("bad checksum")
            << u"bad/bad-checksum.xlsx"_s << SourceErrorCode::Malformed
            << u"checksum of part “xl/worksheets/sheet1.xml”"_s << CsvErrorCode::ReadFailed;
    }

    void refusals()
    {
        QFETCH(QString, file);
        QFETCH(SourceErrorCode, code);
        QFETCH(QString, words);
        QFETCH(CsvErrorCode, sniffed);

        const WorkbookRead result = readWorkbook(file);
        QCOMPARE(result.error.code, code);
        QVERIFY2(result.error.message.contains(words), qPrintable(result.error.message));
        // Rows before the one out of order are handed out as they are read; the importer
        // then abandons what it was given.
        QCOMPARE(result.records.isEmpty(), file != u"bad/rows-out-of-order.xlsx");

        const SniffResult sniffResult = sniffPath(file);
        QCOMPARE(sniffResult.error.code, sniffed);
        if (sniffed != CsvErrorCode::None)
            QCOMPARE(sniffResult.error.message, result.error.message);
    }

    void tooManyColumnsSaysWhere()
    {
        const WorkbookRead result = readWorkbook(u"bad/too-many-columns.xlsx"_s);
        QCOMPARE(result.error.line, 1);
        QCOMPARE(result.error.record, 1);
        QCOMPARE(result.error.column, 1001);
        QVERIFY2(result.error.message.contains(u"Sheet “Wide”, row 1"_s),
                 qPrintable(result.error.message));
    }

    void headerOnly()
    {
        const WorkbookRead result = readWorkbook(u"bad/header-only.xlsx"_s);
        QVERIFY2(!result.error, qPrintable(result.error.message));
        QCOMPARE(result.records, recs({{"id", "name", "score"}}));

        const SniffResult sniffed = sniffPath(u"bad/header-only.xlsx"_s);
        QCOMPARE(sniffed.error.code, CsvErrorCode::Empty);
        QVERIFY2(sniffed.error.message.contains(u"header"_s), qPrintable(sniffed.error.message));
    }

    void caps_data()
    {
        QTest::addColumn<XlsxOptions>("options");
        QTest::addColumn<QString>("words");
        QTest::addColumn<qint64>("line");
        QTest::addColumn<qsizetype>("column");

        XlsxOptions part;
        part.maxPartBytes = 200; // the workbook's list of sheets is larger
        QTest::newRow("part size")
            << part << u"Waymark reads from one part"_s << qint64(0) << qsizetype(0);
        XlsxOptions total;
        total.maxUncompressedBytes = 4000;
        QTest::newRow("workbook size") << total << u"unpacked"_s << qint64(0) << qsizetype(0);
        XlsxOptions shared;
        shared.maxSharedTextBytes = 20;
        QTest::newRow("shared strings")
            << shared << u"shared strings take more than"_s << qint64(0) << qsizetype(0);
        XlsxOptions field;
        field.maxFieldBytes = 10;
        QTest::newRow("field") << field << u"row 3, column B"_s << qint64(3) << qsizetype(2);
        XlsxOptions columns;
        columns.maxColumns = 3;
        QTest::newRow("columns") << columns << u"more than 3 columns"_s << qint64(1)
                                 << qsizetype(4);
    }

    void caps()
    {
        QFETCH(XlsxOptions, options);
        QFETCH(QString, words);
        QFETCH(qint64, line);
        QFETCH(qsizetype, column);

        const WorkbookRead result = readWorkbook(u"workbook-basic.xlsx"_s, options);
        QVERIFY(result.error);
        QVERIFY2(result.error.message.contains(words), qPrintable(result.error.message));
        QCOMPARE(result.error.line, line);
        QCOMPARE(result.error.column, column);
        // The records before the problem are handed out; none after it.
        QCOMPARE(result.records.size(), line > 0 ? line - 1 : 0);
    }

    void recordSourceForTheImporter()
    {
        SourceError error;
        std::unique_ptr<RecordSource> source =
            openXlsxRecordSource(importData("workbook-basic.xlsx"), u"Notes & more"_s, &error);
        QVERIFY2(source, qPrintable(error.message));
        QVERIFY(source->omitsTrailingEmptyFields());
        QVERIFY(source->numbersUsePoint());
        QCOMPARE(source->sheetName(), u"Notes & more"_s);
        QCOMPARE(source->next()->fields, QStringList{u"note"_s});

        QVERIFY(!openXlsxRecordSource(importData("bad/encrypted.xlsx"), {}, &error));
        QCOMPARE(error.code, SourceErrorCode::Unsupported);
        QVERIFY(!openXlsxRecordSource(importData("no-such-file.xlsx"), {}, &error));
        QCOMPARE(error.code, SourceErrorCode::ReadFailed);
    }

    void recognisedByTheFirstBytes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("workbook");

        QTest::newRow("zip") << "PK\x03\x04\x14\x00"_ba << true;
        QTest::newRow("compound file") << "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"_ba << true;
        QTest::newRow("csv") << "id,name\n"_ba << false;
        QTest::newRow("empty zip is not a workbook") << "PK\x05\x06"_ba << false;
        QTest::newRow("nothing") << QByteArray() << false;
    }

    void recognisedByTheFirstBytes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, workbook);

        QCOMPARE(looksLikeXlsx(bytes), workbook);
    }
};

QTEST_GUILESS_MAIN(tst_XlsxReader)
#include "tst_xlsxreader.moc"
