// Typed values read from the UTF-8 bytes of imported fields, as the importer stores them. The
// shapes most exports write ("42", "4.5", "yes", "2024-03-01T09:15:22Z") are read here
// without a QString; anything else goes to the readers of typeinference.h, so that the two
// always agree on what a value is.
#pragma once

#include "import/typeinference.h"

#include <QByteArrayView>
#include <QDateTime>

#include <optional>
#include <string>

namespace Waymark::Import::FieldValues {

// The field without the white space around it, as QString::trimmed() would cut it; *holder
// keeps the bytes when they had to be rebuilt (white space outside ASCII), and must outlive
// the view returned.
QByteArrayView trimmed(QByteArrayView field, std::string *holder);

// trimmed() for the fields of a large import, inline: most of them begin and end with a
// printable ASCII character, and then there is nothing to cut.
inline QByteArrayView trimmedField(QByteArrayView field, std::string *holder)
{
    auto printable = [](char c) {
        return static_cast<unsigned char>(c) - 0x21u < 0x5eu;
    };
    if (!field.isEmpty() && printable(field.front()) && printable(field.back()))
        return field;
    return trimmed(field, holder);
}

// parseInteger(), parseDecimal() and yes or no (as parseBoolean(), also 1/0 and y/n).
std::optional<qint64> integer(QByteArrayView text);
std::optional<double> decimal(QByteArrayView text, bool decimalComma);
std::optional<bool> yesOrNo(QByteArrayView text);

// A date and time as the rows table stores it (ISO 8601: UTC with a Z when the file gave an
// offset, else the local time as written), appended to *out; false, with *out as it was,
// when the text is no date that parseDateTime() reads.
bool appendStoredDateTime(QByteArrayView text, DateOrder order, std::string *out);

// The stored form of a parsed date and time.
QString storedDateTime(const QDateTime &time);

} // namespace Waymark::Import::FieldValues
