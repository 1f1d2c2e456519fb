#include "typeinference.h"

#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Waymark::Import {

namespace {

int toInt(const QRegularExpressionMatch &m, int group)
{
    return m.capturedView(group).toInt();
}

std::optional<QTime> readTime(const QRegularExpressionMatch &m, int hourGroup,
                              int meridiemGroup = -1)
{
    if (!m.hasCaptured(hourGroup))
        return QTime(0, 0);
    int hour = toInt(m, hourGroup);
    const int minute = toInt(m, hourGroup + 1);
    const int second = m.hasCaptured(hourGroup + 2) ? toInt(m, hourGroup + 2) : 0;
    if (meridiemGroup > 0 && m.hasCaptured(meridiemGroup)) {
        if (hour < 1 || hour > 12)
            return std::nullopt;
        const bool pm = m.capturedView(meridiemGroup).startsWith(u'p', Qt::CaseInsensitive);
        hour = (hour % 12) + (pm ? 12 : 0);
    }
    const QTime time(hour, minute, second);
    if (!time.isValid())
        return std::nullopt;
    return time;
}

std::optional<QDateTime> parseIso(QStringView text)
{
    static const QRegularExpression iso(u"^(\\d{4})-(\\d{2})-(\\d{2})"
                                        "(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
                                        " ?(Z|UTC|[+-]\\d{2}:?\\d{2})?)?$"_s);
    const QRegularExpressionMatch m = iso.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(toInt(m, 1), toInt(m, 2), toInt(m, 3));
    std::optional<QTime> time = readTime(m, 4);
    if (!date.isValid() || !time)
        return std::nullopt;
    if (m.hasCaptured(7)) {
        const QString fraction = (m.captured(7) + u"00"_s).left(3);
        time = time->addMSecs(fraction.toInt());
    }
    if (!m.hasCaptured(8))
        return QDateTime(date, *time);

    const QStringView zone = m.capturedView(8);
    if (zone == u"Z" || zone == u"UTC")
        return QDateTime(date, *time, Qt::UTC);
    const int sign = zone.startsWith(u'-') ? -1 : 1;
    const QString digits = zone.mid(1).toString().remove(u':');
    const int hours = digits.left(2).toInt();
    const int minutes = digits.mid(2).toInt();
    if (hours > 14 || minutes > 59)
        return std::nullopt;
    return QDateTime(date, *time, Qt::OffsetFromUTC, sign * (hours * 3600 + minutes * 60));
}

std::optional<QDateTime> parseNumeric(QStringView text, DateOrder order)
{
    static const QRegularExpression numeric(
        u"^(\\d{1,4})([/.])(\\d{1,2})\\2(\\d{1,4})"
        "(?:,? +(\\d{1,2}):(\\d{2})(?::(\\d{2}))? ?([AaPp][Mm])?)?$"_s);
    const QRegularExpressionMatch m = numeric.match(text);
    if (!m.hasMatch())
        return std::nullopt;

    int year = 0;
    int month = 0;
    int day = 0;
    if (m.capturedLength(1) == 4) {
        year = toInt(m, 1), month = toInt(m, 3), day = toInt(m, 4);
        if (m.capturedLength(4) > 2)
            return std::nullopt;
    } else {
        if (m.capturedLength(4) != 4 || m.capturedLength(1) > 2)
            return std::nullopt;
        year = toInt(m, 4);
        const bool dayFirst = order == DateOrder::DayFirst || m.capturedView(2) == u".";
        day = toInt(m, dayFirst ? 1 : 3);
        month = toInt(m, dayFirst ? 3 : 1);
    }
    const QDate date(year, month, day);
    const std::optional<QTime> time = readTime(m, 5, 8);
    if (!date.isValid() || !time)
        return std::nullopt;
    return QDateTime(date, *time);
}

} // namespace

std::optional<qint64> parseInteger(QStringView text)
{
    static const QRegularExpression integer(u"^[+-]?(0|[1-9]\\d*)$"_s);
    if (!integer.match(text).hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}

std::optional<double> parseDecimal(QStringView text, bool decimalComma)
{
    static const QRegularExpression point(u"^[+-]?(0|[1-9]\\d*)?(\\.\\d+)?([eE][+-]?\\d+)?$"_s);
    static const QRegularExpression comma(u"^[+-]?(0|[1-9]\\d*)?(,\\d+)?([eE][+-]?\\d+)?$"_s);
    const QRegularExpressionMatch m = (decimalComma ? comma : point).match(text);
    if (!m.hasMatch() || (!m.hasCaptured(1) && !m.hasCaptured(2)))
        return std::nullopt;
    QString normal = text.toString();
    if (decimalComma)
        normal.replace(u',', u'.');
    bool ok = false;
    const double value = normal.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}

std::optional<bool> parseBoolean(QStringView text)
{
    if (text.compare(u"true", Qt::CaseInsensitive) == 0 ||
        text.compare(u"yes", Qt::CaseInsensitive) == 0)
        return true;
    if (text.compare(u"false", Qt::CaseInsensitive) == 0 ||
        text.compare(u"no", Qt::CaseInsensitive) == 0)
        return false;
    return std::nullopt;
}

std::optional<QDateTime> parseDateTime(QStringView text, DateOrder order)
{
    const QStringView value = text.trimmed();
    if (value.size() > 40)
        return std::nullopt;
    if (std::optional<QDateTime> iso = parseIso(value))
        return iso;
    return parseNumeric(value, order);
}

QList<ColumnTypeGuess> inferColumnTypes(const QList<QStringList> &rows, qsizetype columns,
                                        bool decimalComma)
{
    QList<ColumnTypeGuess> guesses(columns);
    for (qsizetype c = 0; c < columns; ++c) {
        bool integer = true;
        bool decimal = true;
        bool boolean = true;
        bool monthFirst = true;
        bool dayFirst = true;
        qsizetype values = 0;
        for (const QStringList &row : rows) {
            if (c >= row.size())
                continue;
            const QStringView value = QStringView(row[c]).trimmed();
            if (value.isEmpty())
                continue;
            ++values;
            integer = integer && parseInteger(value).has_value();
            decimal = decimal && parseDecimal(value, decimalComma).has_value();
            boolean = boolean && parseBoolean(value).has_value();
            monthFirst = monthFirst && parseDateTime(value, DateOrder::MonthFirst).has_value();
            dayFirst = dayFirst && parseDateTime(value, DateOrder::DayFirst).has_value();
            if (!integer && !decimal && !boolean && !monthFirst && !dayFirst)
                break;
        }

        ColumnTypeGuess &guess = guesses[c];
        guess.values = values;
        if (values == 0)
            guess.type = ColumnType::Text;
        else if (boolean)
            guess.type = ColumnType::Boolean;
        else if (integer)
            guess.type = ColumnType::Integer;
        else if (decimal)
            guess.type = ColumnType::Decimal;
        else if (monthFirst || dayFirst)
            guess.type = ColumnType::DateTime;
        guess.dateOrder = monthFirst ? DateOrder::MonthFirst : DateOrder::DayFirst;
    }
    return guesses;
}

} // namespace Waymark::Import
