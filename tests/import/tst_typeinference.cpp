// Reading typed values and inferring column types from sample rows.
#include "import/fieldvalues.h"
#include "import/typeinference.h"

#include <QTest>
#include <QTimeZone>

using namespace Waymark;
using namespace Waymark::Import;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Waymark::ColumnType)
Q_DECLARE_METATYPE(Waymark::Import::DateOrder)

class tst_TypeInference : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void integers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("value");

        QTest::newRow("zero") << u"0"_s << true << 0ll;
        QTest::newRow("positive") << u"42"_s << true << 42ll;
        QTest::newRow("signed") << u"-7"_s << true << -7ll;
        QTest::newRow("plus") << u"+7"_s << true << 7ll;
        QTest::newRow("leading zero is text") << u"007"_s << false << 0ll;
        QTest::newRow("decimal") << u"4.5"_s << false << 0ll;
        QTest::newRow("too large") << u"99999999999999999999"_s << false << 0ll;
        QTest::newRow("spaces inside") << u"1 000"_s << false << 0ll;
        QTest::newRow("empty") << QString() << false << 0ll;
    }

    void integers()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(qint64, value);

        const std::optional<qint64> parsed = parseInteger(text);
        QCOMPARE(parsed.has_value(), ok);
        if (ok)
            QCOMPARE(*parsed, value);
    }

    void decimals_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("decimalComma");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<double>("value");

        QTest::newRow("point") << u"59.80"_s << false << true << 59.8;
        QTest::newRow("integer") << u"12"_s << false << true << 12.0;
        QTest::newRow("leading point") << u".5"_s << false << true << 0.5;
        QTest::newRow("exponent") << u"1.5e3"_s << false << true << 1500.0;
        QTest::newRow("negative") << u"-0.25"_s << false << true << -0.25;
        QTest::newRow("comma") << u"4,5"_s << true << true << 4.5;
        QTest::newRow("comma refused without decimal comma") << u"4,5"_s << false << false << 0.0;
        QTest::newRow("point refused with decimal comma") << u"4.5"_s << true << false << 0.0;
        QTest::newRow("thousands separator") << u"1,234.5"_s << false << false << 0.0;
        QTest::newRow("sign only") << u"-"_s << false << false << 0.0;
        QTest::newRow("currency") << u"$5"_s << false << false << 0.0;
    }

    void decimals()
    {
        QFETCH(QString, text);
        QFETCH(bool, decimalComma);
        QFETCH(bool, ok);
        QFETCH(double, value);

        const std::optional<double> parsed = parseDecimal(text, decimalComma);
        QCOMPARE(parsed.has_value(), ok);
        if (ok)
            QCOMPARE(*parsed, value);
    }

    void booleans_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("value"); // -1: not a boolean

        QTest::newRow("TRUE") << u"TRUE"_s << 1;
        QTest::newRow("false") << u"false"_s << 0;
        QTest::newRow("Yes") << u"Yes"_s << 1;
        QTest::newRow("no") << u"no"_s << 0;
        QTest::newRow("one") << u"1"_s << -1;
        QTest::newRow("maybe") << u"maybe"_s << -1;
    }

    void booleans()
    {
        QFETCH(QString, text);
        QFETCH(int, value);

        const std::optional<bool> parsed = parseBoolean(text);
        QCOMPARE(parsed.has_value(), value >= 0);
        if (parsed)
            QCOMPARE(int(*parsed), value);
    }

    void dates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<DateOrder>("order");
        QTest::addColumn<QDateTime>("expected"); // invalid: refused

        const QDate march1(2024, 3, 1);
        QTest::newRow("iso date") << u"2024-03-01"_s << DateOrder::MonthFirst
                                  << QDateTime(march1, QTime(0, 0));
        QTest::newRow("iso local") << u"2024-03-01T09:15:22"_s << DateOrder::MonthFirst
                                   << QDateTime(march1, QTime(9, 15, 22));
        QTest::newRow("iso utc") << u"2024-03-01T09:15:22Z"_s << DateOrder::MonthFirst
                                 << QDateTime(march1, QTime(9, 15, 22), Qt::UTC);
        QTest::newRow("iso fraction") << u"2024-03-01T09:15:22.5Z"_s << DateOrder::MonthFirst
                                      << QDateTime(march1, QTime(9, 15, 22, 500), Qt::UTC);
        QTest::newRow("iso offset") << u"2024-03-01T09:15:22+01:00"_s << DateOrder::MonthFirst
                                    << QDateTime(march1, QTime(9, 15, 22), Qt::OffsetFromUTC, 3600);
        QTest::newRow("qualtrics") << u"2024-03-01 09:15:22"_s << DateOrder::MonthFirst
                                   << QDateTime(march1, QTime(9, 15, 22));
        QTest::newRow("shopify") << u"2024-03-01 10:22:05 -0500"_s << DateOrder::MonthFirst
                                 << QDateTime(march1, QTime(10, 22, 5), Qt::OffsetFromUTC,
                                              -5 * 3600);
        QTest::newRow("google forms us") << u"3/1/2024 9:15:22"_s << DateOrder::MonthFirst
                                         << QDateTime(march1, QTime(9, 15, 22));
        QTest::newRow("google forms uk") << u"01/03/2024 09:15:22"_s << DateOrder::DayFirst
                                         << QDateTime(march1, QTime(9, 15, 22));
        QTest::newRow("google forms de") << u"01.03.2024 09:15:22"_s << DateOrder::MonthFirst
                                         << QDateTime(march1, QTime(9, 15, 22));
        QTest::newRow("surveymonkey pm") << u"03/01/2024 01:02:03 PM"_s << DateOrder::MonthFirst
                                         << QDateTime(march1, QTime(13, 2, 3));
        QTest::newRow("twelve am is midnight")
            << u"03/01/2024 12:30:00 AM"_s << DateOrder::MonthFirst
            << QDateTime(march1, QTime(0, 30));
        QTest::newRow("year first slashes") << u"2024/03/01 9:15:22"_s << DateOrder::DayFirst
                                            << QDateTime(march1, QTime(9, 15, 22));
        QTest::newRow("date only us")
            << u"3/1/2024"_s << DateOrder::MonthFirst << QDateTime(march1, QTime(0, 0));
        QTest::newRow("no 13th month") << u"13/01/2024"_s << DateOrder::MonthFirst << QDateTime();
        QTest::newRow("no 30 february") << u"2024-02-30"_s << DateOrder::MonthFirst << QDateTime();
        QTest::newRow("hour 25") << u"2024-03-01 25:00:00"_s << DateOrder::MonthFirst
                                 << QDateTime();
        QTest::newRow("pm hour 13")
            << u"03/01/2024 13:00 PM"_s << DateOrder::MonthFirst << QDateTime();
        QTest::newRow("two-digit year") << u"3/1/24"_s << DateOrder::MonthFirst << QDateTime();
        QTest::newRow("ga4 compact") << u"20240301"_s << DateOrder::MonthFirst << QDateTime();
        QTest::newRow("text") << u"yesterday"_s << DateOrder::MonthFirst << QDateTime();
    }

    void dates()
    {
        QFETCH(QString, text);
        QFETCH(DateOrder, order);
        QFETCH(QDateTime, expected);

        const std::optional<QDateTime> parsed = parseDateTime(text, order);
        QCOMPARE(parsed.has_value(), expected.isValid());
        if (!parsed)
            return;
        QCOMPARE(parsed->date(), expected.date());
        QCOMPARE(parsed->time(), expected.time());
        QCOMPARE(parsed->timeSpec(), expected.timeSpec());
        QCOMPARE(parsed->offsetFromUtc(), expected.offsetFromUtc());
    }

    void infer_data()
    {
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<bool>("decimalComma");
        QTest::addColumn<ColumnType>("type");
        QTest::addColumn<DateOrder>("order");

        const DateOrder us = DateOrder::MonthFirst;
        QTest::newRow("scores") << QStringList{u"9"_s, u"10"_s, u""_s, u"0"_s} << false
                                << ColumnType::Integer << us;
        QTest::newRow("totals") << QStringList{u"59.80"_s, u""_s, u"24"_s} << false
                                << ColumnType::Decimal << us;
        QTest::newRow("european decimals")
            << QStringList{u"4,5"_s, u"3,0"_s} << true << ColumnType::Decimal << us;
        QTest::newRow("booleans") << QStringList{u"TRUE"_s, u"FALSE"_s, u""_s} << false
                                  << ColumnType::Boolean << us;
        QTest::newRow("iso times")
            << QStringList{u"2024-03-01 09:15:22"_s, u"2024-03-02 14:41:16"_s} << false
            << ColumnType::DateTime << us;
        QTest::newRow("us dates") << QStringList{u"3/1/2024 9:15:22"_s, u"3/14/2024 17:02:51"_s}
                                  << false << ColumnType::DateTime << us;
        QTest::newRow("day-first dates shown by a 14th")
            << QStringList{u"01/03/2024 09:00"_s, u"14/03/2024 10:00"_s} << false
            << ColumnType::DateTime << DateOrder::DayFirst;
        QTest::newRow("mixed orders are text")
            << QStringList{u"03/14/2024"_s, u"14/03/2024"_s} << false << ColumnType::Text << us;
        QTest::newRow("ids with zeros")
            << QStringList{u"007"_s, u"012"_s} << false << ColumnType::Text << us;
        QTest::newRow("numbers and a word")
            << QStringList{u"1"_s, u"2"_s, u"n/a"_s} << false << ColumnType::Text << us;
        QTest::newRow("all empty") << QStringList{u""_s, u" "_s} << false << ColumnType::Text << us;
        QTest::newRow("blank around numbers")
            << QStringList{u" 4 "_s, u"5"_s} << false << ColumnType::Integer << us;
    }

    void infer()
    {
        QFETCH(QStringList, values);
        QFETCH(bool, decimalComma);
        QFETCH(ColumnType, type);
        QFETCH(DateOrder, order);

        // The values in the second column, with a text column beside them.
        QList<QStringList> rows;
        for (const QString &value : std::as_const(values))
            rows.append({u"label"_s, value});
        const QList<ColumnTypeGuess> guesses = inferColumnTypes(rows, 2, decimalComma);
        QCOMPARE(guesses.size(), 2);
        QCOMPARE(guesses[0].type, ColumnType::Text);
        QCOMPARE(guesses[1].type, type);
        if (type == ColumnType::DateTime)
            QCOMPARE(guesses[1].dateOrder, order);
    }

    void shortRowsHaveNoValue()
    {
        const QList<QStringList> rows = {{u"1"_s}, {u"2"_s, u"x"_s}, {}};
        const QList<ColumnTypeGuess> guesses = inferColumnTypes(rows, 3, false);
        QCOMPARE(guesses.size(), 3);
        QCOMPARE(guesses[0].type, ColumnType::Integer);
        QCOMPARE(guesses[0].values, 2);
        QCOMPARE(guesses[1].type, ColumnType::Text);
        QCOMPARE(guesses[2].values, 0);
    }

    // The importer reads values from UTF-8 bytes with shortcuts for the common shapes; they
    // must agree with the readers above on every value.
    void fieldValuesAgree_data()
    {
        QTest::addColumn<QString>("text");

        const char *const values[] = {"0",
                                      "42",
                                      "-7",
                                      "+7",
                                      "007",
                                      "4.5",
                                      "-0.25",
                                      "+3.",
                                      ".5",
                                      "1e3",
                                      "4,5",
                                      "99999999999999999999",
                                      "123456789012345678",
                                      "1 000",
                                      "",
                                      "yes",
                                      "No",
                                      "TRUE",
                                      "y",
                                      "N",
                                      "1",
                                      "maybe",
                                      "2024-03-01",
                                      "2024-02-30",
                                      "2024-03-01T09:15:22Z",
                                      "2024-03-01 09:15",
                                      "2024-03-01T09:15:22",
                                      "2024-03-01T25:15:22",
                                      "2024-03-01T09:15:22+01:00",
                                      "3/1/2024",
                                      "13/1/2024",
                                      "01.03.2024",
                                      "2024/03/01",
                                      "3/1/2024 9:15:22",
                                      "03/01/2024 09:15:22 AM",
                                      "caf\u00e9",
                                      "\u0661\u0662"};
        for (const char *value : values)
            QTest::newRow(value) << QString::fromUtf8(value);
    }

    void fieldValuesAgree()
    {
        QFETCH(QString, text);
        const QByteArray utf8 = text.toUtf8();

        QCOMPARE(FieldValues::integer(utf8), parseInteger(text));
        for (const bool comma : {false, true})
            QCOMPARE(FieldValues::decimal(utf8, comma), parseDecimal(text, comma));
        const std::optional<bool> flag = parseBoolean(text);
        const std::optional<bool> byBytes = FieldValues::yesOrNo(utf8);
        if (flag)
            QCOMPARE(byBytes, flag);
        else if (byBytes)
            QVERIFY(text == u"1" || text == u"0" || text.compare(u"y", Qt::CaseInsensitive) == 0 ||
                    text.compare(u"n", Qt::CaseInsensitive) == 0);

        for (const DateOrder order : {DateOrder::MonthFirst, DateOrder::DayFirst}) {
            const std::optional<QDateTime> parsed = parseDateTime(text, order);
            std::string stored;
            QCOMPARE(FieldValues::appendStoredDateTime(utf8, order, &stored), parsed.has_value());
            if (parsed)
                QCOMPARE(QString::fromStdString(stored), FieldValues::storedDateTime(*parsed));
        }
    }

    void trimmedAsQt_data()
    {
        QTest::addColumn<QString>("text");

        QTest::newRow("none") << u"abc"_s;
        QTest::newRow("ascii") << u" \t abc \r\n"_s;
        QTest::newRow("no-break space") << u"\u00a0abc\u3000"_s;
        QTest::newRow("only spaces") << u" \u00a0 "_s;
        QTest::newRow("letters outside ascii") << u"\u00e9t\u00e9"_s;
        QTest::newRow("printable edges") << u"~a b!"_s;
        QTest::newRow("one character") << u"x"_s;
        QTest::newRow("space at the end only") << u"abc "_s;
        QTest::newRow("tab at the start only") << u"\tabc"_s;
        QTest::newRow("no-break space at the end") << u"abc\u00a0"_s;
        QTest::newRow("control character at the end") << u"abc\u007f"_s;
        QTest::newRow("empty") << QString();
    }

    void trimmedAsQt()
    {
        QFETCH(QString, text);
        const QByteArray utf8 = text.toUtf8();
        std::string holder;
        const QByteArrayView cut = FieldValues::trimmed(utf8, &holder);
        QCOMPARE(QString::fromUtf8(cut), text.trimmed());
        // The importer's inline shortcut cuts the same.
        std::string other;
        const QByteArrayView fast = FieldValues::trimmedField(utf8, &other);
        QCOMPARE(QString::fromUtf8(fast), text.trimmed());
    }
};

QTEST_GUILESS_MAIN(tst_TypeInference)
#include "tst_typeinference.moc"
