// Delimiter detection by quote-aware counting, delimiter names, and the decimal comma.
#include "import/dialect.h"

#include "readall.h"

#include <QTest>

using namespace Waymark::Import;
using namespace Qt::StringLiterals;

class tst_Dialect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void delimiter_data()
    {
        QTest::addColumn<QString>("sample");
        QTest::addColumn<bool>("whole");
        QTest::addColumn<char>("delimiter");
        QTest::addColumn<bool>("certain");

        QTest::newRow("comma") << u"a,b,c\n1,2,3\n4,5,6\n"_s << true << ',' << true;
        QTest::newRow("semicolon with decimal commas")
            << u"a;b;c\n1,5;2,25;3\n4,0;5,5;6\n"_s << true << ';' << true;
        QTest::newRow("tab") << u"a\tb\n1\t2\n"_s << true << '\t' << true;
        QTest::newRow("pipe") << u"a|b|c\nx|y|z\n"_s << true << '|' << true;
        QTest::newRow("commas inside quotes do not count")
            << u"a;b\n\"x, y, z\";1\n\"p, q, r\";2\n"_s << true << ';' << true;
        QTest::newRow("quoted line breaks do not end a line")
            << u"a;b\n\"one,\ntwo,\nthree\";1\n"_s << true << ';' << true;
        QTest::newRow("one column") << u"title\nfirst\nsecond\n"_s << true << ',' << false;
        QTest::newRow("comment lines skipped")
            << u"# Funnel; exploration\n# a;b;c;d;e\nStep,Active users\nx,1\n"_s << true << ','
            << true;
        QTest::newRow("cut last line ignored")
            << u"a;b;c\n1;2;3\n4;5;6\nx,y,z,w,v,u,t"_s << false << ';' << true;
        QTest::newRow("crlf") << u"a|b\r\n1|2\r\n"_s << true << '|' << true;
        QTest::newRow("empty") << QString() << true << ',' << false;
    }

    void delimiter()
    {
        QFETCH(QString, sample);
        QFETCH(bool, whole);
        QFETCH(char, delimiter);
        QFETCH(bool, certain);

        const DelimiterGuess guess = detectDelimiter(sample, whole);
        QCOMPARE(guess.delimiter, delimiter);
        QCOMPARE(guess.certain, certain);
    }

    void delimiterNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("known");
        QTest::addColumn<char>("delimiter");

        QTest::newRow(",") << u","_s << true << ',';
        QTest::newRow("semicolon") << u"semicolon"_s << true << ';';
        QTest::newRow("tab character") << u"\t"_s << true << '\t';
        QTest::newRow("tab word") << u"TAB"_s << true << '\t';
        QTest::newRow("escaped tab") << u"\\t"_s << true << '\t';
        QTest::newRow("pipe") << u"|"_s << true << '|';
        QTest::newRow("colon") << u":"_s << false << ',';
        QTest::newRow("two characters") << u",;"_s << false << ',';
    }

    void delimiterNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, known);
        QFETCH(char, delimiter);

        const std::optional<char> found = delimiterFromName(name);
        QCOMPARE(found.has_value(), known);
        if (known)
            QCOMPARE(*found, delimiter);
    }

    void decimalComma_data()
    {
        QTest::addColumn<QList<QStringList>>("rows");
        QTest::addColumn<char>("delimiter");
        QTest::addColumn<bool>("decimalComma");

        const QList<QStringList> european = {{u"Website"_s, u"4,5"_s, u"1.234,56"_s},
                                             {u"Store"_s, u"3,0"_s, u"12,5"_s}};
        QTest::newRow("european") << european << ';' << true;
        QTest::newRow("never with a comma delimiter") << european << ',' << false;
        QTest::newRow("points") << QList<QStringList>{{u"4.5"_s, u"1,234.56"_s}, {u"3.25"_s}} << ';'
                                << false;
        QTest::newRow("only ambiguous thousands")
            << QList<QStringList>{{u"1,234"_s, u"5.678"_s}} << ';' << false;
        QTest::newRow("text only") << QList<QStringList>{{u"a"_s, u"b"_s}} << '\t' << false;
        QTest::newRow("tab separated with decimal commas")
            << QList<QStringList>{{u"0,75"_s}, {u"-2,5"_s}} << '\t' << true;
    }

    void decimalComma()
    {
        QFETCH(QList<QStringList>, rows);
        QFETCH(char, delimiter);
        QFETCH(bool, decimalComma);

        QCOMPARE(detectDecimalComma(rows, delimiter), decimalComma);
    }

    // The sample files, decoded and sniffed the way the import will.
    void files_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<char>("delimiter");
        QTest::addColumn<bool>("decimalComma");

        QTest::newRow("qualtrics") << u"qualtrics.csv"_s << ',' << false;
        QTest::newRow("surveymonkey") << u"surveymonkey.csv"_s << ',' << false;
        QTest::newRow("shopify") << u"shopify-orders.csv"_s << ',' << false;
        QTest::newRow("ga4") << u"ga4-funnel.csv"_s << ',' << false;
        QTest::newRow("european") << u"european.csv"_s << ';' << true;
        QTest::newRow("unicode text") << u"unicode-text.txt"_s << '\t' << false;
    }

    void files()
    {
        QFETCH(QString, file);
        QFETCH(char, delimiter);
        QFETCH(bool, decimalComma);

        QFile f(importData(file.toUtf8().constData()));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QString error;
        const std::optional<DetectedEncoding> encoding = detectEncoding(bytes, &error);
        QVERIFY2(encoding, qPrintable(error));
        TextDecoder decoder(encoding->encoding);
        const QString text = decoder.decode(QByteArrayView(bytes).sliced(encoding->bomLength));

        const DelimiterGuess guess = detectDelimiter(text, true);
        QCOMPARE(guess.delimiter, delimiter);

        f.seek(0);
        CsvOptions options;
        options.delimiter = guess.delimiter;
        const ReadResult result = readAll(&f, options);
        QVERIFY2(!result.error, qPrintable(result.error.message));
        QCOMPARE(detectDecimalComma(result.fields(), guess.delimiter), decimalComma);
    }
};

QTEST_GUILESS_MAIN(tst_Dialect)
#include "tst_dialect.moc"
