// Reading typed values from the text of imported fields, and inferring each column's type
// from a sample of its values. A column is given the narrowest type that every one of its
// non-empty values fits; empty values are missing answers and fit every type.
#pragma once

#include "enums.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

#include <optional>

namespace Waymark::Import {

// How to read a date such as 03/04/2024: US tools (SurveyMonkey, Google Forms in English)
// write the month first, most of Europe the day. Dates with dots are always day first.
enum class DateOrder
{
    MonthFirst,
    DayFirst
};

// Integers as the tools write them: an optional sign and digits. Numbers with leading zeros
// ("007", a postcode, an id) are not integers: they are text, to keep their zeros.
std::optional<qint64> parseInteger(QStringView text);

// Decimals with a point, or with a comma when decimalComma, an optional exponent, and no
// thousands separators. Integers are decimals too.
std::optional<double> parseDecimal(QStringView text, bool decimalComma);

// true/false and yes/no in any case.
std::optional<bool> parseBoolean(QStringView text);

// ISO 8601 dates and times (2024-03-01, 2024-03-01T09:15:22Z, 2024-03-01 09:15:22 +0100)
// and the numeric forms of the survey tools: 3/1/2024 9:15:22, 03/01/2024 09:15:22 AM,
// 01.03.2024 09:15:22, 2024/03/01 09:15:22. A time with an offset is returned in that
// offset; one without is local time, as the tools mean it.
std::optional<QDateTime> parseDateTime(QStringView text, DateOrder order);

struct ColumnTypeGuess
{
    ColumnType type = ColumnType::Text;
    DateOrder dateOrder = DateOrder::MonthFirst; // meaningful for DateTime only
    qsizetype values = 0;                        // non-empty values looked at
};

// One guess per column, for `columns` columns; a row shorter than that simply has no value
// in the columns it lacks. The rows are data rows: leave the header rows out.
QList<ColumnTypeGuess> inferColumnTypes(const QList<QStringList> &rows, qsizetype columns,
                                        bool decimalComma);

} // namespace Waymark::Import
