// Recognising each tool's export from its header rows, on sample files written in the
// documented shape of each tool, with the names and roles the layout gives its columns.
#include "import/dialect.h"
#include "import/sourceformat.h"
#include "import/typeinference.h"

#include "readall.h"

#include <QTest>

using namespace Waymark;
using namespace Waymark::Import;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Waymark::Import::SourceFormat)

namespace {

using RoleMap = QList<QPair<QString, ColumnRole>>;

// Reads a sample file the way the import will: encoding and delimiter detected.
QList<QStringList> readSample(const QString &file, QString *error)
{
    QFile f(importData(file.toUtf8().constData()));
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return {};
    }
    const QByteArray bytes = f.readAll();
    const std::optional<DetectedEncoding> encoding = detectEncoding(bytes, error);
    if (!encoding)
        return {};
    TextDecoder decoder(encoding->encoding);
    const QString text = decoder.decode(QByteArrayView(bytes).sliced(encoding->bomLength));
    f.seek(0);
    CsvOptions options;
    options.delimiter = detectDelimiter(text, true).delimiter;
    const ReadResult result = readAll(&f, options);
    *error = result.error.message;
    return result.fields();
}

} // namespace

class tst_SourceFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keys()
    {
        const QStringList expected = {u"qualtrics"_s, u"surveymonkey"_s, u"google-forms"_s,
                                      u"typeform"_s,  u"shopify"_s,      u"ga4-funnel"_s,
                                      u"csv"_s};
        QStringList keys;
        for (SourceFormat format : allSourceFormats()) {
            keys.append(sourceFormatKey(format));
            QCOMPARE(sourceFormatFromKey(sourceFormatKey(format)), std::optional(format));
            QVERIFY(!sourceFormatDisplayName(format).isEmpty());
        }
        QCOMPARE(keys, expected);
        QVERIFY(!sourceFormatFromKey(u"auto"_s));
        QVERIFY(!sourceFormatFromKey(u"Qualtrics"_s));
    }

    void samples_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<SourceFormat>("format");
        QTest::addColumn<qsizetype>("skip");
        QTest::addColumn<qsizetype>("headerRows");
        QTest::addColumn<qsizetype>("dataRows");
        QTest::addColumn<QStringList>("someNames");
        QTest::addColumn<RoleMap>("roles");

        QTest::newRow("qualtrics")
            << u"qualtrics.csv"_s << SourceFormat::Qualtrics << qsizetype(0) << qsizetype(3)
            << qsizetype(3) << QStringList{u"StartDate"_s, u"ResponseId"_s, u"Q1"_s, u"Q3"_s}
            << RoleMap{{u"ResponseId"_s, ColumnRole::Key},
                       {u"RecordedDate"_s, ColumnRole::Timestamp},
                       {u"IPAddress"_s, ColumnRole::Personal},
                       {u"RecipientEmail"_s, ColumnRole::Personal},
                       {u"Q1"_s, ColumnRole::Nps}};
        QTest::newRow("qualtrics without import ids")
            << u"qualtrics-two-rows.csv"_s << SourceFormat::Qualtrics << qsizetype(0)
            << qsizetype(2) << qsizetype(1) << QStringList{u"Q1"_s, u"Q2"_s}
            << RoleMap{{u"ResponseId"_s, ColumnRole::Key}, {u"Q1"_s, ColumnRole::Nps}};
        QTest::newRow("qualtrics legacy")
            << u"qualtrics-legacy.csv"_s << SourceFormat::Qualtrics << qsizetype(0) << qsizetype(2)
            << qsizetype(1) << QStringList{u"V1"_s, u"Q1"_s}
            << RoleMap{{u"V1"_s, ColumnRole::Key},
                       {u"V5"_s, ColumnRole::Personal},
                       {u"V6"_s, ColumnRole::Personal},
                       {u"Q1"_s, ColumnRole::Nps}};
        QTest::newRow("surveymonkey")
            << u"surveymonkey.csv"_s << SourceFormat::SurveyMonkey << qsizetype(0) << qsizetype(2)
            << qsizetype(2)
            << QStringList{u"Respondent ID"_s,
                           u"Which channels did you use before buying? - Email"_s,
                           u"Which channels did you use before buying? - Phone"_s,
                           u"Which channels did you use before buying? - Website"_s,
                           u"What else should we know?"_s}
            << RoleMap{{u"Respondent ID"_s, ColumnRole::Key},
                       {u"End Date"_s, ColumnRole::Timestamp},
                       {u"IP Address"_s, ColumnRole::Personal},
                       {u"How likely is it that you would recommend Acme to a friend or "
                        "colleague?"_s,
                        ColumnRole::Nps}};
        QTest::newRow("google forms")
            << u"google-forms.csv"_s << SourceFormat::GoogleForms << qsizetype(0) << qsizetype(1)
            << qsizetype(3) << QStringList{u"Timestamp"_s, u"Which features do you use?"_s}
            << RoleMap{{u"Timestamp"_s, ColumnRole::Timestamp},
                       {u"Email Address"_s, ColumnRole::Personal},
                       {u"How likely are you to recommend us to a friend?"_s, ColumnRole::Nps}};
        QTest::newRow("google forms in german")
            << u"google-forms-de.csv"_s << SourceFormat::GoogleForms << qsizetype(0) << qsizetype(1)
            << qsizetype(2) << QStringList{u"Zeitstempel"_s}
            << RoleMap{{u"Zeitstempel"_s, ColumnRole::Timestamp}};
        QTest::newRow("typeform") << u"typeform.csv"_s << SourceFormat::Typeform << qsizetype(0)
                                  << qsizetype(1) << qsizetype(2)
                                  << QStringList{u"#"_s, u"Submit Date (UTC)"_s}
                                  << RoleMap{{u"#"_s, ColumnRole::Key},
                                             {u"Submit Date (UTC)"_s, ColumnRole::Timestamp},
                                             {u"Network ID"_s, ColumnRole::Personal}};
        QTest::newRow("shopify") << u"shopify-orders.csv"_s << SourceFormat::Shopify << qsizetype(0)
                                 << qsizetype(1) << qsizetype(3)
                                 << QStringList{u"Name"_s, u"Total"_s, u"Lineitem name"_s}
                                 << RoleMap{{u"Name"_s, ColumnRole::Key},
                                            {u"Total"_s, ColumnRole::Revenue},
                                            {u"Email"_s, ColumnRole::Personal},
                                            {u"Created at"_s, ColumnRole::Timestamp},
                                            {u"Lineitem quantity"_s, ColumnRole::Quantity},
                                            {u"Billing Name"_s, ColumnRole::Personal}};
        QTest::newRow("ga4 funnel")
            << u"ga4-funnel.csv"_s << SourceFormat::Ga4Funnel << qsizetype(5) << qsizetype(1)
            << qsizetype(4) << QStringList{u"Step"_s, u"Active users"_s}
            << RoleMap{{u"Step"_s, ColumnRole::Touchpoint},
                       {u"Active users"_s, ColumnRole::Quantity}};
        QTest::newRow("plain csv")
            << u"european.csv"_s << SourceFormat::Csv << qsizetype(0) << qsizetype(1)
            << qsizetype(2) << QStringList{u"Touchpoint"_s, u"Score"_s} << RoleMap{};
        QTest::newRow("unicode text")
            << u"unicode-text.txt"_s << SourceFormat::Csv << qsizetype(0) << qsizetype(1)
            << qsizetype(2) << QStringList{u"Stage"_s, u"Visits"_s} << RoleMap{};
    }

    void samples()
    {
        QFETCH(QString, file);
        QFETCH(SourceFormat, format);
        QFETCH(qsizetype, skip);
        QFETCH(qsizetype, headerRows);
        QFETCH(qsizetype, dataRows);
        QFETCH(QStringList, someNames);
        QFETCH(RoleMap, roles);

        QString error;
        const QList<QStringList> records = readSample(file, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        const FormatLayout layout = recognizeFormat(records.mid(0, 10));
        QCOMPARE(layout.format, format);
        QCOMPARE(layout.skipRecords, skip);
        QCOMPARE(layout.headerRows, headerRows);
        QCOMPARE(records.size() - skip - headerRows, dataRows);

        const QStringList &header = records[skip];
        QCOMPARE(layout.columnNames.size(), header.size());
        QCOMPARE(layout.suggestedRoles.size(), header.size());
        for (const QString &name : std::as_const(someNames))
            QVERIFY2(layout.columnNames.contains(name), qPrintable(name));
        for (const auto &[name, role] : std::as_const(roles)) {
            const qsizetype column = header.indexOf(name);
            QVERIFY2(column >= 0, qPrintable(name));
            QCOMPARE(layout.suggestedRoles[column], std::optional(role));
        }
        if (format == SourceFormat::Csv) {
            for (const std::optional<ColumnRole> &role : layout.suggestedRoles)
                QVERIFY(!role);
        }

        // Every data row has the header's number of fields in these well-formed samples.
        for (qsizetype r = skip + headerRows; r < records.size(); ++r)
            QCOMPARE(records[r].size(), header.size());
    }

    void qualtricsTypes()
    {
        QString error;
        const QList<QStringList> records = readSample(u"qualtrics.csv"_s, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const FormatLayout layout = recognizeFormat(records);
        const QList<QStringList> data = records.mid(layout.headerRows);
        const QList<ColumnTypeGuess> types = inferColumnTypes(data, records.first().size(), false);
        const QStringList &header = records.first();
        QCOMPARE(types[header.indexOf(u"StartDate"_s)].type, ColumnType::DateTime);
        QCOMPARE(types[header.indexOf(u"Q1"_s)].type, ColumnType::Integer);
        QCOMPARE(types[header.indexOf(u"LocationLatitude"_s)].type, ColumnType::Decimal);
        QCOMPARE(types[header.indexOf(u"Q3"_s)].type, ColumnType::Text);
        // An unanswered question is blank, which is missing, not zero.
        QCOMPARE(data[2][header.indexOf(u"Q1"_s)], QString());
        QCOMPARE(data[0][header.indexOf(u"Q3"_s)], u"Faster delivery,\nplease"_s);
    }

    void override_data()
    {
        QTest::addColumn<SourceFormat>("format");
        QTest::addColumn<qsizetype>("headerRows");
        QTest::addColumn<qsizetype>("expectedHeaderRows");

        QTest::newRow("csv keeps one row") << SourceFormat::Csv << qsizetype(-1) << qsizetype(1);
        QTest::newRow("csv with two rows") << SourceFormat::Csv << qsizetype(2) << qsizetype(2);
        QTest::newRow("qualtrics default")
            << SourceFormat::Qualtrics << qsizetype(-1) << qsizetype(3);
    }

    void override()
    {
        QFETCH(SourceFormat, format);
        QFETCH(qsizetype, headerRows);
        QFETCH(qsizetype, expectedHeaderRows);

        QString error;
        const QList<QStringList> records = readSample(u"qualtrics.csv"_s, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const FormatLayout layout = layOut(
            format, records, headerRows < 0 ? std::nullopt : std::optional<qsizetype>(headerRows));
        QCOMPARE(layout.format, format);
        QCOMPARE(layout.headerRows, expectedHeaderRows);
        QCOMPARE(layout.columnNames.first(), u"StartDate"_s);
        if (format == SourceFormat::Csv)
            QVERIFY(!layout.suggestedRoles.first());
    }

    void names_data()
    {
        QTest::addColumn<QStringList>("header");
        QTest::addColumn<QStringList>("names");

        QTest::newRow("duplicates numbered")
            << QStringList{u"Score"_s, u"Score"_s, u"Score"_s}
            << QStringList{u"Score"_s, u"Score (2)"_s, u"Score (3)"_s};
        QTest::newRow("empty named by position")
            << QStringList{u"a"_s, u""_s, u"  "_s}
            << QStringList{u"a"_s, u"Column 2"_s, u"Column 3"_s};
        QTest::newRow("whitespace simplified")
            << QStringList{u" Total\n amount "_s} << QStringList{u"Total amount"_s};
        QTest::newRow("numbered name already taken") << QStringList{u"A"_s, u"A (2)"_s, u"A"_s}
                                                     << QStringList{u"A"_s, u"A (2)"_s, u"A (3)"_s};
    }

    void names()
    {
        QFETCH(QStringList, header);
        QFETCH(QStringList, names);

        const FormatLayout layout = recognizeFormat({header, QStringList{u"1"_s}});
        QCOMPARE(layout.format, SourceFormat::Csv);
        QCOMPARE(layout.columnNames, names);
    }

    void degenerateInput()
    {
        const FormatLayout nothing = recognizeFormat({});
        QCOMPARE(nothing.format, SourceFormat::Csv);
        QVERIFY(nothing.columnNames.isEmpty());

        const FormatLayout onlyComments = recognizeFormat({{u"# a"_s}, {u"# b"_s}});
        QCOMPARE(onlyComments.format, SourceFormat::Csv);

        const FormatLayout noHeader = layOut(SourceFormat::Csv, {{u"1"_s, u"2"_s}}, 0);
        QCOMPARE(noHeader.headerRows, 0);
        QCOMPARE(noHeader.columnNames, (QStringList{u"Column 1"_s, u"Column 2"_s}));
    }
};

QTEST_GUILESS_MAIN(tst_SourceFormat)
#include "tst_sourceformat.moc"
