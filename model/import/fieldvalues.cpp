#include "fieldvalues.h"

#include <QDate>
#include <QString>
#include <QTime>

#include <charconv>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Waymark::Import::FieldValues {

namespace {

bool isAsciiSpace(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAscii(QByteArrayView text)
{
    for (const char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

QString toText(QByteArrayView text)
{
    return QString::fromUtf8(text);
}

bool equalsIgnoringCase(QByteArrayView text, QByteArrayView lower)
{
    if (text.size() != lower.size())
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if (c != lower[i])
            return false;
    }
    return true;
}

int twoDigits(QByteArrayView text, qsizetype at)
{
    if (!isDigit(text[at]) || !isDigit(text[at + 1]))
        return -1;
    return (text[at] - '0') * 10 + (text[at + 1] - '0');
}

// A number of one to four digits at text[from, to), or -1.
int smallNumber(QByteArrayView text, qsizetype from, qsizetype to)
{
    if (to <= from || to - from > 4)
        return -1;
    int value = 0;
    for (qsizetype i = from; i < to; ++i) {
        if (!isDigit(text[i]))
            return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

// ISO 8601 without an offset ("2024-03-01", "2024-03-01 09:15", "2024-03-01T09:15:22"), or in
// UTC with a Z, which most exports write. Building a local QDateTime asks the C library for
// the time zone each time, which a million rows would notice.
bool appendPlainIso(QByteArrayView text, std::string *out)
{
    const qsizetype size = text.size();
    if (size == 20 && text[19] == 'Z' && text[10] == 'T') {
        if (!appendPlainIso(text.first(19), out))
            return false;
        out->push_back('Z');
        return true;
    }
    if ((size != 10 && size != 16 && size != 19) || text[4] != '-' || text[7] != '-')
        return false;
    const int century = twoDigits(text, 0);
    const int year = twoDigits(text, 2);
    if (century < 0 || year < 0 ||
        !QDate(century * 100 + year, twoDigits(text, 5), twoDigits(text, 8)).isValid())
        return false;
    if (size > 10) {
        if ((text[10] != 'T' && text[10] != ' ') || text[13] != ':' ||
            (size == 19 && text[16] != ':'))
            return false;
        const QTime time(twoDigits(text, 11), twoDigits(text, 14),
                         size == 19 ? twoDigits(text, 17) : 0);
        if (!time.isValid())
            return false;
    }
    // The text is already in the stored form but for the separator and missing seconds.
    out->append(text.data(), 10);
    out->push_back('T');
    if (size > 10)
        out->append(text.data() + 11, std::size_t(size - 11));
    else
        out->append("00:00");
    if (size != 19)
        out->append(":00");
    return true;
}

// A date alone in the numeric shapes parseDateTime() reads ("3/1/2024", "01.03.2024",
// "2024/03/01"), as the stored local text.
bool appendNumericDate(QByteArrayView text, DateOrder order, std::string *out)
{
    const qsizetype slash = text.indexOf('/');
    const qsizetype first = slash >= 0 ? slash : text.indexOf('.');
    if (first < 1)
        return false;
    const char separator = text[first];
    const qsizetype second = text.indexOf(separator, first + 1);
    if (second < 0 || text.indexOf(separator, second + 1) >= 0)
        return false;
    const int a = smallNumber(text, 0, first);
    const int b = smallNumber(text, first + 1, second);
    const int c = smallNumber(text, second + 1, text.size());
    const qsizetype lengthA = first;
    const qsizetype lengthC = text.size() - second - 1;
    if (a < 0 || b < 0 || c < 0 || second - first - 1 > 2)
        return false;
    int year = 0;
    int month = 0;
    int day = 0;
    if (lengthA == 4) {
        if (lengthC > 2)
            return false;
        year = a, month = b, day = c;
    } else {
        if (lengthC != 4 || lengthA > 2)
            return false;
        const bool dayFirst = order == DateOrder::DayFirst || separator == '.';
        year = c;
        day = dayFirst ? a : b;
        month = dayFirst ? b : a;
    }
    if (!QDate(year, month, day).isValid())
        return false;
    char buffer[24];
    const int n = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT00:00:00", year, month, day);
    out->append(buffer, std::size_t(n));
    return true;
}

} // namespace

QByteArrayView trimmed(QByteArrayView field, std::string *holder)
{
    qsizetype begin = 0;
    qsizetype end = field.size();
    while (begin < end && isAsciiSpace(field[begin]))
        ++begin;
    while (end > begin && isAsciiSpace(field[end - 1]))
        --end;
    QByteArrayView view = field.sliced(begin, end - begin);
    if (view.isEmpty() || (static_cast<unsigned char>(view.front()) < 0x80 &&
                           static_cast<unsigned char>(view.back()) < 0x80))
        return view;

    // White space beyond ASCII (a no-break space, an ideographic space) is rare: Qt decides.
    const QString text = toText(view);
    const QStringView cut = QStringView(text).trimmed();
    if (cut.size() == text.size())
        return view;
    *holder = cut.toUtf8().toStdString();
    return QByteArrayView(holder->data(), qsizetype(holder->size()));
}

std::optional<qint64> integer(QByteArrayView text)
{
    qsizetype i = text.startsWith('-') || text.startsWith('+') ? 1 : 0;
    const qsizetype digits = text.size() - i;
    if (digits < 1 || digits > 18 || (digits > 1 && text[i] == '0'))
        return parseInteger(toText(text));
    qint64 value = 0;
    for (; i < text.size(); ++i) {
        if (!isDigit(text[i]))
            return parseInteger(toText(text));
        value = value * 10 + (text[i] - '0');
    }
    return text.startsWith('-') ? -value : value;
}

std::optional<double> decimal(QByteArrayView text, bool decimalComma)
{
    const char separator = decimalComma ? ',' : '.';
    qsizetype i = text.startsWith('-') || text.startsWith('+') ? 1 : 0;
    const qsizetype start = i;
    qsizetype separatorAt = -1;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == separator && separatorAt < 0)
            separatorAt = i;
        else if (!isDigit(c))
            return parseDecimal(toText(text), decimalComma);
    }
    const qsizetype intDigits = (separatorAt < 0 ? text.size() : separatorAt) - start;
    const bool leadingZero = intDigits > 1 && text[start] == '0';
    if (leadingZero || separatorAt == text.size() - 1 || text.size() - start < 1 ||
        text.size() > 30)
        return parseDecimal(toText(text), decimalComma);
    // Plain digits with one separator: std::from_chars, far cheaper than Qt's locale-aware
    // conversion, on a copy with a point.
    char ascii[32];
    qsizetype n = 0;
    for (qsizetype j = text.startsWith('+') ? 1 : 0; j < text.size(); ++j)
        ascii[n++] = j == separatorAt ? '.' : text[j];
    double value = 0;
    const auto [end, status] = std::from_chars(ascii, ascii + n, value);
    if (status != std::errc() || end != ascii + n)
        return parseDecimal(toText(text), decimalComma);
    return value;
}

std::optional<bool> yesOrNo(QByteArrayView text)
{
    if (!isAscii(text)) {
        // Unicode case folding: Qt's comparison is the reference.
        if (const std::optional<bool> b = parseBoolean(toText(text)))
            return b;
        return std::nullopt;
    }
    if (text == "1" || equalsIgnoringCase(text, "y") || equalsIgnoringCase(text, "yes") ||
        equalsIgnoringCase(text, "true"))
        return true;
    if (text == "0" || equalsIgnoringCase(text, "n") || equalsIgnoringCase(text, "no") ||
        equalsIgnoringCase(text, "false"))
        return false;
    return std::nullopt;
}

bool appendStoredDateTime(QByteArrayView text, DateOrder order, std::string *out)
{
    if (appendPlainIso(text, out) || appendNumericDate(text, order, out))
        return true;
    const std::optional<QDateTime> time = parseDateTime(toText(text), order);
    if (!time)
        return false;
    out->append(storedDateTime(*time).toStdString());
    return true;
}

QString storedDateTime(const QDateTime &time)
{
    const bool local = time.timeSpec() == Qt::LocalTime;
    const QDateTime t = local ? time : time.toUTC();
    QString text = t.date().toString(Qt::ISODate) + u'T' +
                   t.time().toString(t.time().msec() ? Qt::ISODateWithMs : Qt::ISODate);
    if (!local)
        text += u'Z';
    return text;
}

} // namespace Waymark::Import::FieldValues
