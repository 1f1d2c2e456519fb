// Guessing how a delimited file is written, from its first lines: which delimiter separates
// the fields, and whether numbers use a decimal comma (European Excel writes "4,5" and
// separates fields with ";"). Both guesses can be overridden by the caller.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Waymark::Import {

struct DelimiterGuess
{
    char delimiter = ',';
    bool certain = false; // false when no candidate stood out and comma is a default
};

// The delimiters looked for, in the order that breaks ties.
QList<char> delimiterCandidates();

// Counts comma, semicolon, tab and pipe outside quotes on each of the first lines (up to
// maxLines records, lines starting with "#" skipped as comments, the last line skipped when
// the sample may have cut it) and picks the one that appears the same non-zero number of
// times on the most lines.
DelimiterGuess detectDelimiter(QStringView sample, bool sampleIsWholeFile, int maxLines = 50);

// Accepts "," ";" "|" "tab", "\t" or a tab character, and the names "comma", "semicolon",
// "pipe". nullopt for anything else.
std::optional<char> delimiterFromName(QStringView name);

// Whether the numbers of these rows are written with a decimal comma: only possible when
// the delimiter is not a comma, and decided by the values that look like "4,5" or
// "1.234,56" against those that look like "4.5" or "1,234.56".
bool detectDecimalComma(const QList<QStringList> &rows, char delimiter);

} // namespace Waymark::Import
