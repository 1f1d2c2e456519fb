// The streaming CSV reader: RFC 4180 and its real-world variants, every encoding, chunk
// boundaries anywhere, and a clear error with its position for every kind of bad input.
#include "import/csvreader.h"

#include "readall.h"

#include <QTest>

using namespace Waymark::Import;
using namespace Qt::StringLiterals;

using Records = QList<QStringList>;
using Lines = QList<qint64>;

Q_DECLARE_METATYPE(Waymark::Import::CsvErrorCode)
Q_DECLARE_METATYPE(Waymark::Import::Encoding)

namespace {

QByteArray utf16le(const QString &text, bool bom)
{
    QByteArray bytes = bom ? "\xff\xfe"_ba : QByteArray();
    for (const QChar ch : text) {
        bytes.append(char(ch.unicode() & 0xff));
        bytes.append(char(ch.unicode() >> 8));
    }
    return bytes;
}

QByteArray utf16be(const QString &text)
{
    QByteArray bytes = "\xfe\xff"_ba;
    for (const QChar ch : text) {
        bytes.append(char(ch.unicode() >> 8));
        bytes.append(char(ch.unicode() & 0xff));
    }
    return bytes;
}

// The expected records, written as UTF-8 literals.
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

} // namespace

class tst_CsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void read_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<char>("delimiter");
        QTest::addColumn<Records>("records");
        QTest::addColumn<Lines>("lines");

        QTest::newRow("lf") << "a,b\n1,2\n"_ba << ',' << recs({{"a", "b"}, {"1", "2"}})
                            << Lines{1, 2};
        QTest::newRow("crlf") << "a,b\r\n1,2\r\n"_ba << ',' << recs({{"a", "b"}, {"1", "2"}})
                              << Lines{1, 2};
        QTest::newRow("cr") << "a,b\r1,2\r"_ba << ',' << recs({{"a", "b"}, {"1", "2"}})
                            << Lines{1, 2};
        QTest::newRow("no final line end")
            << "a,b\n1,2"_ba << ',' << recs({{"a", "b"}, {"1", "2"}}) << Lines{1, 2};
        QTest::newRow("quoted delimiter")
            << "a,b\n\"x, y\",2\n"_ba << ',' << recs({{"a", "b"}, {"x, y", "2"}}) << Lines{1, 2};
        QTest::newRow("doubled quotes")
            << "a\n\"say \"\"hi\"\"\"\n"_ba << ',' << recs({{"a"}, {"say \"hi\""}}) << Lines{1, 2};
        QTest::newRow("line breaks in a quoted field")
            << "a,b\r\n\"one\r\ntwo\nthree\",2\r\nz,3\r\n"_ba << ','
            << recs({{"a", "b"}, {"one\r\ntwo\nthree", "2"}, {"z", "3"}}) << Lines{1, 2, 5};
        QTest::newRow("line break after the first words of a quoted field")
            << "a,b\n\"0123456789\nabcdefghij\",2\nz,3\n"_ba << ','
            << recs({{"a", "b"}, {"0123456789\nabcdefghij", "2"}, {"z", "3"}}) << Lines{1, 2, 4};
        QTest::newRow("trailing empty column")
            << "a,b,\n1,2,\n"_ba << ',' << recs({{"a", "b", ""}, {"1", "2", ""}}) << Lines{1, 2};
        QTest::newRow("empty fields")
            << ",,\n\"\",x,\n"_ba << ',' << recs({{"", "", ""}, {"", "x", ""}}) << Lines{1, 2};
        QTest::newRow("spaces kept") << "a , b\n  1\t,2  \n"_ba << ','
                                     << recs({{"a ", " b"}, {"  1\t", "2  "}}) << Lines{1, 2};
        QTest::newRow("blank lines skipped and counted")
            << "a\n\n1\r\n\r\n\r\n2\n"_ba << ',' << recs({{"a"}, {"1"}, {"2"}}) << Lines{1, 3, 6};
        QTest::newRow("tab") << "a\tb\n\"x\ty\"\t2\n"_ba << '\t'
                             << recs({{"a", "b"}, {"x\ty", "2"}}) << Lines{1, 2};
        QTest::newRow("semicolon")
            << "a;b\n4,5;x\n"_ba << ';' << recs({{"a", "b"}, {"4,5", "x"}}) << Lines{1, 2};
        QTest::newRow("pipe") << "a|b\n1|\n"_ba << '|' << recs({{"a", "b"}, {"1", ""}})
                              << Lines{1, 2};
        QTest::newRow("utf-8 bom") << "\xef\xbb\xbf"
                                      "Caf\xc3\xa9,b\n"_ba
                                   << ',' << recs({{"Caf\u00e9", "b"}}) << Lines{1};
        QTest::newRow("utf-16le bom")
            << utf16le(u"Stage\tVisits\r\nCaf\u00e9\t3\r\n"_s, true) << '\t'
            << recs({{"Stage", "Visits"}, {"Caf\u00e9", "3"}}) << Lines{1, 2};
        QTest::newRow("utf-16be bom")
            << utf16be(u"a,\u20ac\r\n"_s) << ',' << recs({{"a", "\u20ac"}}) << Lines{1};
        QTest::newRow("windows-1252")
            << "Comment\n\x93Great\x94 \x80 caf\xe9\n"_ba << ','
            << recs({{"Comment"}, {"\u201cGreat\u201d \u20ac caf\u00e9"}}) << Lines{1, 2};
        QTest::newRow("one record") << "only"_ba << ',' << recs({{"only"}}) << Lines{1};
    }

    void read()
    {
        QFETCH(QByteArray, input);
        QFETCH(char, delimiter);
        QFETCH(Records, records);
        QFETCH(Lines, lines);

        CsvOptions options;
        options.delimiter = delimiter;
        const ReadResult result = readBytes(input, options);
        QVERIFY2(!result.error, qPrintable(result.error.message));
        QCOMPARE(result.fields(), records);
        Lines actualLines;
        for (qsizetype i = 0; i < result.rows.size(); ++i) {
            actualLines.append(result.rows[i].line);
            QCOMPARE(result.rows[i].record, qint64(i + 1));
        }
        QCOMPARE(actualLines, lines);

        // The same input cut into chunks of every small size: a CRLF, a quote pair or a
        // multi-byte character split between two chunks must change nothing.
        for (qsizetype chunk = 1; chunk <= 7; ++chunk) {
            options.chunkBytes = chunk;
            const ReadResult chunked = readBytes(input, options);
            QVERIFY2(!chunked.error, qPrintable(chunked.error.message));
            QCOMPARE(chunked.fields(), records);
            QCOMPARE(chunked.rows.last().line, lines.last());
        }
    }

    void encodingOverride_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<Encoding>("encoding");
        QTest::addColumn<QString>("value");

        QTest::newRow("latin-1 chosen")
            << "caf\xe9 \x80"_ba << Encoding::Latin1 << u"caf\u00e9 \u0080"_s;
        QTest::newRow("windows-1252 chosen")
            << "caf\xe9 \x80"_ba << Encoding::Windows1252 << u"caf\u00e9 \u20ac"_s;
        QTest::newRow("utf-16le without bom")
            << utf16le(u"caf\u00e9"_s, false) << Encoding::Utf16LE << u"caf\u00e9"_s;
        QTest::newRow("utf-16le with bom")
            << utf16le(u"caf\u00e9"_s, true) << Encoding::Utf16LE << u"caf\u00e9"_s;
        QTest::newRow("utf-8 with bom") << "\xef\xbb\xbf"
                                           "caf\xc3\xa9"_ba
                                        << Encoding::Utf8 << u"caf\u00e9"_s;
    }

    void encodingOverride()
    {
        QFETCH(QByteArray, input);
        QFETCH(Encoding, encoding);
        QFETCH(QString, value);

        CsvOptions options;
        options.encoding = encoding;
        const ReadResult result = readBytes(input, options);
        QVERIFY2(!result.error, qPrintable(result.error.message));
        QCOMPARE(result.fields(), Records{QStringList{value}});
        QCOMPARE(result.encoding.encoding, encoding);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<CsvErrorCode>("code");
        QTest::addColumn<qint64>("record");
        QTest::addColumn<qint64>("line");
        QTest::addColumn<qsizetype>("column");
        QTest::addColumn<int>("recordsBefore");

        QTest::newRow("empty") << QByteArray() << CsvErrorCode::Empty << 0ll << 0ll << qsizetype(0)
                               << 0;
        QTest::newRow("bom and blank lines")
            << "\xef\xbb\xbf\r\n\n"_ba << CsvErrorCode::Empty << 0ll << 0ll << qsizetype(0) << 0;
        QTest::newRow("nul bytes") << QByteArray("a,b\n1,\0\n", 8) << CsvErrorCode::Binary << 0ll
                                   << 0ll << qsizetype(0) << 0;
        QTest::newRow("utf-32") << QByteArray("\xff\xfe\0\0a\0\0\0", 8)
                                << CsvErrorCode::UnsupportedEncoding << 0ll << 0ll << qsizetype(0)
                                << 0;
        QTest::newRow("unterminated quote")
            << "a,b\n1,2\n3,\"open\n4,5\n"_ba << CsvErrorCode::UnterminatedQuote << 3ll << 3ll
            << qsizetype(2) << 2;
        QTest::newRow("unterminated quote after multi-line field")
            << "a\n\"x\ny\"\n\"open"_ba << CsvErrorCode::UnterminatedQuote << 3ll << 4ll
            << qsizetype(1) << 2;
        QTest::newRow("quote inside unquoted field")
            << "title,size\nposter,24\" x 36\"\n"_ba << CsvErrorCode::StrayQuote << 2ll << 2ll
            << qsizetype(2) << 1;
        QTest::newRow("text after closing quote")
            << "a,b\n\"x\"y,2\n"_ba << CsvErrorCode::StrayQuote << 2ll << 2ll << qsizetype(1) << 1;
    }

    void errors()
    {
        QFETCH(QByteArray, input);
        QFETCH(CsvErrorCode, code);
        QFETCH(qint64, record);
        QFETCH(qint64, line);
        QFETCH(qsizetype, column);
        QFETCH(int, recordsBefore);

        const ReadResult result = readBytes(input);
        QCOMPARE(result.error.code, code);
        QVERIFY(!result.error.message.isEmpty());
        QCOMPARE(result.error.record, record);
        QCOMPARE(result.error.line, line);
        QCOMPARE(result.error.column, column);
        QCOMPARE(result.rows.size(), qsizetype(recordsBefore));
        if (record > 0)
            QVERIFY2(result.error.message.contains(QString::number(record)),
                     qPrintable(result.error.message));
    }

    void utf16CutShort()
    {
        const ReadResult result = readBytes(utf16le(u"a,b\r\n1,2"_s, true) + "x");
        QCOMPARE(result.error.code, CsvErrorCode::BadEncoding);
        QCOMPARE(result.rows.size(), 1);
    }

    void forcedUtf8RefusesOtherBytes()
    {
        CsvOptions options;
        options.encoding = Encoding::Utf8;
        const ReadResult result = readFile(importData("bad/invalid-utf8.csv"), options);
        QCOMPARE(result.error.code, CsvErrorCode::BadEncoding);
        QCOMPARE(result.error.record, 2);
        QCOMPARE(result.error.column, 2);
        QCOMPARE(result.rows.size(), 1);
    }

    // Past the sample that decided the encoding, the reader still checks every field.
    void lateProblems_data()
    {
        QTest::addColumn<QByteArray>("tail");
        QTest::addColumn<CsvErrorCode>("code");

        QTest::newRow("invalid utf-8") << "x,caf\xe9\n"_ba << CsvErrorCode::BadEncoding;
        QTest::newRow("nul byte") << QByteArray("x,a\0b\n", 6) << CsvErrorCode::Binary;
        // Fields are checked eight bytes at a time, then byte by byte: the problem in a later
        // word of the field, and in its last partial word.
        QTest::newRow("invalid utf-8 in the second word")
            << "x,abcdefghij\xe9klmnopqrst\n"_ba << CsvErrorCode::BadEncoding;
        QTest::newRow("nul byte in the third word")
            << QByteArray("x,abcdefghijklmnopq\0rstuvw\n", 27) << CsvErrorCode::Binary;
        QTest::newRow("invalid utf-8 at the end of a long field")
            << "x,abcdefghijklmnop\xff\n"_ba << CsvErrorCode::BadEncoding;
    }

    void lateProblems()
    {
        QFETCH(QByteArray, tail);
        QFETCH(CsvErrorCode, code);

        QByteArray input = "name,value\n"_ba;
        const QByteArray line = "row,0123456789012345678901234567890123456789\n"_ba;
        while (input.size() < 100 * 1024)
            input += line;
        const qint64 records = input.count('\n');
        input += tail;

        const ReadResult result = readBytes(input);
        QCOMPARE(result.error.code, code);
        QCOMPARE(result.error.record, records + 1);
        QCOMPARE(result.error.column, 2);
        QCOMPARE(result.rows.size(), records);
    }

    void bigField_data()
    {
        QTest::addColumn<bool>("quoted");

        QTest::newRow("unquoted") << false;
        QTest::newRow("quoted") << true;
    }

    void bigField()
    {
        QFETCH(bool, quoted);

        // The 10 MB field, made here rather than committed.
        const QByteArray field(10 * 1024 * 1024, 'x');
        const QByteArray input = "a,b\n1," + (quoted ? '"' + field + '"' : field) + "\n2,3\n";
        const ReadResult result = readBytes(input);
        QCOMPARE(result.error.code, CsvErrorCode::FieldTooLarge);
        QCOMPARE(result.error.record, 2);
        QCOMPARE(result.error.column, 2);
        QCOMPARE(result.rows.size(), 1);
        QVERIFY(result.error.message.contains(u"1 MB"_s));
    }

    void fieldAtTheCapIsRead()
    {
        CsvOptions options;
        const QByteArray field(options.maxFieldBytes, 'y');
        const ReadResult result = readBytes("a\n" + field + "\n", options);
        QVERIFY2(!result.error, qPrintable(result.error.message));
        QCOMPARE(result.rows.size(), 2);
        QCOMPARE(result.rows[1].fields.first().size(), options.maxFieldBytes);
    }

    void manyColumns()
    {
        // The 100,000 columns.
        QByteArray header;
        for (int c = 0; c < 100000; ++c)
            header += (c ? "," : "") + QByteArray::number(c);
        const ReadResult result = readBytes(header + "\n1,2\n");
        QCOMPARE(result.error.code, CsvErrorCode::TooManyColumns);
        QCOMPARE(result.error.record, 1);
        QCOMPARE(result.error.column, CsvOptions().maxColumns + 1);
        QVERIFY(result.rows.isEmpty());
    }

    void columnsAtTheCapAreRead()
    {
        CsvOptions options;
        options.maxColumns = 5;
        QCOMPARE(readBytes("1,2,3,4,5\n"_ba, options).rows.value(0).fields.size(), 5);
        QCOMPARE(readBytes("1,2,3,4,5,6\n"_ba, options).error.code, CsvErrorCode::TooManyColumns);
    }

    void bigRecord()
    {
        CsvOptions options;
        options.maxRecordBytes = 1000;
        const QByteArray field(300, 'z');
        const ReadResult result =
            readBytes("a\n" + field + "," + field + "," + field + "," + field + "\n", options);
        QCOMPARE(result.error.code, CsvErrorCode::RecordTooLarge);
        QCOMPARE(result.error.record, 2);
    }

    // Rows with another number of fields than the header come out exactly as written: the
    // importer counts and lists them, the reader neither pads nor truncates.
    void wrongFieldCountsUntouched()
    {
        const ReadResult result = readFile(importData("bad/wrong-field-counts.csv"));
        QVERIFY2(!result.error, qPrintable(result.error.message));
        QCOMPARE(result.fields(),
                 (recs({{"a", "b", "c"}, {"1", "2", "3"}, {"4", "5"}, {"6", "7", "8", "9"}})));
    }

    void streams()
    {
        // A large input is read a chunk at a time, not swallowed whole.
        QByteArray input = "a,b\n"_ba;
        while (input.size() < 4 * 1024 * 1024)
            input += "12345,abcdefghijklmnopqrstuvwxyz\n";
        QBuffer buffer(&input);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        CsvReader reader(&buffer);
        QVERIFY(reader.next().has_value());
        QVERIFY(reader.bytesRead() <= 2 * CsvOptions().chunkBytes);
        qint64 records = 1;
        while (reader.next())
            ++records;
        QVERIFY(!reader.error());
        QVERIFY(reader.atEnd());
        QCOMPARE(records, input.count('\n'));
        QCOMPARE(reader.bytesRead(), input.size());
    }

    void unreadableDevice()
    {
        QBuffer closed;
        const ReadResult result = readAll(&closed);
        QCOMPARE(result.error.code, CsvErrorCode::ReadFailed);
        QVERIFY(!result.error.message.isEmpty());
    }

    void corpus_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<CsvErrorCode>("code");
        QTest::addColumn<int>("records");

        QTest::newRow("empty") << u"bad/empty.csv"_s << CsvErrorCode::Empty << 0;
        QTest::newRow("bom and blank lines")
            << u"bad/bom-and-blank-lines.csv"_s << CsvErrorCode::Empty << 0;
        QTest::newRow("header only") << u"bad/header-only.csv"_s << CsvErrorCode::None << 1;
        QTest::newRow("nul bytes") << u"bad/nul-bytes.csv"_s << CsvErrorCode::Binary << 0;
        QTest::newRow("binary") << u"bad/binary.png"_s << CsvErrorCode::Binary << 0;
        QTest::newRow("unterminated quote")
            << u"bad/unterminated-quote.csv"_s << CsvErrorCode::UnterminatedQuote << 2;
        QTest::newRow("stray quote") << u"bad/stray-quote.csv"_s << CsvErrorCode::StrayQuote << 1;
        QTest::newRow("wrong field counts")
            << u"bad/wrong-field-counts.csv"_s << CsvErrorCode::None << 4;
        QTest::newRow("qualtrics") << u"qualtrics.csv"_s << CsvErrorCode::None << 6;
        QTest::newRow("windows-1252") << u"windows-1252.csv"_s << CsvErrorCode::None << 2;
    }

    void corpus()
    {
        QFETCH(QString, file);
        QFETCH(CsvErrorCode, code);
        QFETCH(int, records);

        const ReadResult result = readFile(importData(file.toUtf8().constData()));
        QCOMPARE(result.error.code, code);
        QCOMPARE(result.rows.size(), qsizetype(records));
        if (code != CsvErrorCode::None)
            QVERIFY(!result.error.message.isEmpty());

        CsvOptions tiny;
        tiny.chunkBytes = 5;
        const ReadResult chunked = readFile(importData(file.toUtf8().constData()), tiny);
        QCOMPARE(chunked.error.code, code);
        QCOMPARE(chunked.fields(), result.fields());
    }

    // Records in batches, as the importer reads them, are the records next() hands out, with
    // their numbers and lines, whatever the batch size and however the calls are mixed.
    void batchesMatchRecords_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("batchSize");
        QTest::addColumn<QByteArray>("encoding");

        QByteArray many = "id,text\n";
        for (int i = 0; i < 3000; ++i)
            many +=
                QByteArray::number(i) + (i % 7 == 0 ? ",\"two\nlines, \"\"q\"\"\"\n" : ",plain\n");
        QTest::newRow("one at a time") << "a,b\n1,2\n\n3,\"x\ny\"\n"_ba << 1 << QByteArray();
        QTest::newRow("many chunks, small batches") << many << 7 << QByteArray();
        QTest::newRow("many chunks, large batches") << many << 100000 << QByteArray();
        QTest::newRow("error after records") << "a,b\n1,2\n3,\"open\n"_ba << 2 << QByteArray();
        QTest::newRow("windows-1252") << "a,b\ncaf\xe9,2\n"_ba << 4 << "windows-1252"_ba;
    }

    void batchesMatchRecords()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, batchSize);
        QFETCH(QByteArray, encoding);
        CsvOptions options;
        options.chunkBytes = 4096;
        if (!encoding.isEmpty())
            options.encoding = encodingFromName(QString::fromLatin1(encoding));
        const ReadResult expected = readBytes(input, options);

        QBuffer buffer;
        buffer.setData(input);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer, options);
        QList<CsvRow> rows;
        // The first record through next(), the rest in batches.
        if (std::optional<CsvRow> first = reader.next())
            rows.append(*first);
        RecordBatch batch;
        qint64 lastProgress = 0;
        while (reader.nextBatch(batch, batchSize)) {
            QVERIFY(batch.size() <= batchSize);
            QVERIFY(batch.progressDone >= lastProgress);
            lastProgress = batch.progressDone;
            for (qsizetype i = 0; i < batch.size(); ++i) {
                CsvRow row{batch[i].record, batch[i].line, {}};
                for (qsizetype f = 0; f < batch[i].fieldCount; ++f)
                    row.fields.append(QString::fromUtf8(batch.field(batch[i], f)));
                rows.append(row);
            }
        }
        QVERIFY(batch.isEmpty());

        QCOMPARE(rows.size(), expected.rows.size());
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QCOMPARE(rows[i].record, expected.rows[i].record);
            QCOMPARE(rows[i].line, expected.rows[i].line);
            QCOMPARE(rows[i].fields, expected.rows[i].fields);
        }
        QCOMPARE(reader.error().code, expected.error.code);
        QCOMPARE(reader.error().record, expected.error.record);
        QCOMPARE(reader.error().column, expected.error.column);
    }
};

QTEST_GUILESS_MAIN(tst_CsvReader)
#include "tst_csvreader.moc"
