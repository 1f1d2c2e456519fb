// The first look at a file: every guess on the sample files, each override, and the
// refusals of the bad-input corpus.
#include "import/sniffer.h"

#include "readall.h"

#include <QTemporaryFile>
#include <QTest>

using namespace Waymark;
using namespace Waymark::Import;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Waymark::Import::CsvErrorCode)
Q_DECLARE_METATYPE(Waymark::Import::Encoding)
Q_DECLARE_METATYPE(Waymark::Import::SourceFormat)
Q_DECLARE_METATYPE(Waymark::ColumnType)

namespace {

SniffResult sniffFile(const QString &file, const SniffOptions &options = {})
{
    QFile f(importData(file.toUtf8().constData()));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return sniff(&f, options);
}

} // namespace

class tst_Sniffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void samples_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<Encoding>("encoding");
        QTest::addColumn<char>("delimiter");
        QTest::addColumn<bool>("decimalComma");
        QTest::addColumn<SourceFormat>("format");
        QTest::addColumn<QString>("column");
        QTest::addColumn<ColumnType>("type");

        QTest::newRow("qualtrics")
            << u"qualtrics.csv"_s << Encoding::Utf8 << ',' << false << SourceFormat::Qualtrics
            << u"RecordedDate"_s << ColumnType::DateTime;
        QTest::newRow("surveymonkey")
            << u"surveymonkey.csv"_s << Encoding::Utf8 << ',' << false << SourceFormat::SurveyMonkey
            << u"End Date"_s << ColumnType::DateTime;
        QTest::newRow("google forms")
            << u"google-forms.csv"_s << Encoding::Utf8 << ',' << false << SourceFormat::GoogleForms
            << u"Timestamp"_s << ColumnType::DateTime;
        QTest::newRow("typeform") << u"typeform.csv"_s << Encoding::Utf8 << ',' << false
                                  << SourceFormat::Typeform << u"How would you rate the checkout?"_s
                                  << ColumnType::Integer;
        QTest::newRow("shopify") << u"shopify-orders.csv"_s << Encoding::Utf8 << ',' << false
                                 << SourceFormat::Shopify << u"Total"_s << ColumnType::Decimal;
        QTest::newRow("ga4 funnel")
            << u"ga4-funnel.csv"_s << Encoding::Utf8 << ',' << false << SourceFormat::Ga4Funnel
            << u"Active users"_s << ColumnType::Integer;
        QTest::newRow("european") << u"european.csv"_s << Encoding::Utf8 << ';' << true
                                  << SourceFormat::Csv << u"Score"_s << ColumnType::Decimal;
        QTest::newRow("excel unicode text")
            << u"unicode-text.txt"_s << Encoding::Utf16LE << '\t' << false << SourceFormat::Csv
            << u"Visits"_s << ColumnType::Integer;
        QTest::newRow("windows-1252")
            << u"windows-1252.csv"_s << Encoding::Windows1252 << ',' << false << SourceFormat::Csv
            << u"Comment"_s << ColumnType::Text;
    }

    void samples()
    {
        QFETCH(QString, file);
        QFETCH(Encoding, encoding);
        QFETCH(char, delimiter);
        QFETCH(bool, decimalComma);
        QFETCH(SourceFormat, format);
        QFETCH(QString, column);
        QFETCH(ColumnType, type);

        const SniffResult result = sniffFile(file);
        QVERIFY2(!result.error, qPrintable(result.error.message));
        QCOMPARE(result.encoding.encoding, encoding);
        QCOMPARE(result.delimiter, delimiter);
        QCOMPARE(result.decimalComma, decimalComma);
        QCOMPARE(result.layout.format, format);
        QVERIFY(result.previewIsWholeFile);
        QCOMPARE(result.types.size(), result.layout.columnNames.size());
        const qsizetype c = result.layout.columnNames.indexOf(column);
        QVERIFY2(c >= 0, qPrintable(column));
        QCOMPARE(result.types[c].type, type);
    }

    void overrides()
    {
        SniffOptions options;
        options.delimiter = ',';
        options.decimalComma = false;
        SniffResult result = sniffFile(u"european.csv"_s, options);
        QVERIFY(!result.error);
        QCOMPARE(result.delimiter, ',');
        QCOMPARE(result.preview.value(1).fields, (QStringList{u"Website;4"_s, u"5;1"_s, u"25"_s}));

        options = {};
        options.encoding = Encoding::Latin1;
        result = sniffFile(u"windows-1252.csv"_s, options);
        QVERIFY(!result.error);
        QCOMPARE(result.encoding.encoding, Encoding::Latin1);
        QCOMPARE(result.preview.value(1).fields.value(1).at(0), QChar(0x93));

        options = {};
        options.format = SourceFormat::Csv;
        result = sniffFile(u"qualtrics.csv"_s, options);
        QCOMPARE(result.layout.format, SourceFormat::Csv);
        QCOMPARE(result.layout.headerRows, 1);
        // With the question and import-id rows taken as data, Q1 is text.
        QCOMPARE(result.types[result.layout.columnNames.indexOf(u"Q1"_s)].type, ColumnType::Text);

        options = {};
        options.headerRows = 2;
        result = sniffFile(u"google-forms.csv"_s, options);
        QCOMPARE(result.layout.format, SourceFormat::GoogleForms);
        QCOMPARE(result.layout.headerRows, 2);

        options = {};
        options.previewRecords = 2;
        result = sniffFile(u"shopify-orders.csv"_s, options);
        QVERIFY(!result.error);
        QCOMPARE(result.preview.size(), 2);
        QVERIFY(!result.previewIsWholeFile);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<CsvErrorCode>("code");

        QTest::newRow("empty") << u"bad/empty.csv"_s << CsvErrorCode::Empty;
        QTest::newRow("bom and blank lines")
            << u"bad/bom-and-blank-lines.csv"_s << CsvErrorCode::Empty;
        QTest::newRow("header only") << u"bad/header-only.csv"_s << CsvErrorCode::Empty;
        QTest::newRow("nul bytes") << u"bad/nul-bytes.csv"_s << CsvErrorCode::Binary;
        QTest::newRow("binary") << u"bad/binary.png"_s << CsvErrorCode::Binary;
        QTest::newRow("unterminated quote")
            << u"bad/unterminated-quote.csv"_s << CsvErrorCode::UnterminatedQuote;
        QTest::newRow("stray quote") << u"bad/stray-quote.csv"_s << CsvErrorCode::StrayQuote;
    }

    void refusals()
    {
        QFETCH(QString, file);
        QFETCH(CsvErrorCode, code);

        const SniffResult result = sniffFile(file);
        QCOMPARE(result.error.code, code);
        QVERIFY(!result.error.message.isEmpty());
    }

    void headerOnlySaysSo()
    {
        const SniffResult result = sniffFile(u"bad/header-only.csv"_s);
        QVERIFY2(result.error.message.contains(u"header"_s), qPrintable(result.error.message));
    }

    // The large cases of the bad-input corpus, made here rather than committed, and read
    // from a real file as an import would: each stops with its own error and a message.
    void generatedBadInputs_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<CsvErrorCode>("code");
        QTest::addColumn<QString>("words"); // what the message must say
        QTest::addColumn<qint64>("record");

        const QByteArray bigField(10 * 1024 * 1024, 'x');
        QTest::newRow("10 MB field") << "id,comment\n1,ok\n2," + bigField + "\n3,ok\n"
                                     << CsvErrorCode::FieldTooLarge << u"1 MB"_s << qint64(3);
        QTest::newRow("10 MB quoted field")
            << "id,comment\n1,\"" + bigField + "\"\n"
            << CsvErrorCode::FieldTooLarge << u"1 MB"_s << qint64(2);

        QByteArray wide;
        for (int c = 1; c <= 100000; ++c)
            wide += (c > 1 ? "," : "") + QByteArray::number(c);
        QTest::newRow("100,000 columns")
            << wide + "\n" + wide + "\n"
            << CsvErrorCode::TooManyColumns << u"1000 columns"_s << qint64(1);

        QTest::newRow("NUL bytes in the first rows")
            << "id,comment\n1,fine\n2,bro\0ken\n3,fine\n"_ba << CsvErrorCode::Binary << u"binary"_s
            << qint64(0);

        QByteArray header;
        for (int c = 1; c <= 50; ++c)
            header += (c > 1 ? ",Question " : "Question ") + QByteArray::number(c);
        QTest::newRow("header with no rows") << header + "\r\n"
                                             << CsvErrorCode::Empty << u"header"_s << qint64(0);
        QTest::newRow("header and blank lines") << header + "\n\n\n\n"
                                                << CsvErrorCode::Empty << u"header"_s << qint64(0);
    }

    void generatedBadInputs()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(CsvErrorCode, code);
        QFETCH(QString, words);
        QFETCH(qint64, record);

        QTemporaryFile file;
        QVERIFY(file.open());
        QCOMPARE(file.write(bytes), bytes.size());
        QVERIFY(file.seek(0));
        const SniffResult result = sniff(&file);
        QCOMPARE(result.error.code, code);
        QVERIFY2(result.error.message.contains(words, Qt::CaseInsensitive),
                 qPrintable(result.error.message));
        QCOMPARE(result.error.record, record);
    }

    // Past the sample that encoding detection looks at, a NUL byte is found by the reader,
    // at its record and column, after every record before it.
    void nulBytesLateInTheFile()
    {
        QByteArray bytes = "id,comment\n";
        for (int r = 1; r <= 20000; ++r)
            bytes += QByteArray::number(r) + ",fine\n";
        QVERIFY(bytes.size() > 64 * 1024);
        bytes += "20001,bro\0ken\n20002,fine\n"_ba;

        const ReadResult result = readBytes(bytes);
        QCOMPARE(result.error.code, CsvErrorCode::Binary);
        QCOMPARE(result.error.record, 20002);
        QCOMPARE(result.error.column, 2);
        QVERIFY2(result.error.message.contains(u"NUL"_s), qPrintable(result.error.message));
        QCOMPARE(result.rows.size(), 20001);
    }
};

QTEST_GUILESS_MAIN(tst_Sniffer)
#include "tst_sniffer.moc"
