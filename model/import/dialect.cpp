#include "dialect.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Waymark::Import {

QList<char> delimiterCandidates()
{
    return {',', ';', '\t', '|'};
}

DelimiterGuess detectDelimiter(QStringView sample, bool sampleIsWholeFile, int maxLines)
{
    const QList<char> candidates = delimiterCandidates();
    QList<QList<int>> counts(candidates.size()); // per candidate, per line

    // One pass over the text with the quote state of RFC 4180: a doubled quote inside a
    // quoted field toggles twice and so changes nothing.
    QList<int> current(candidates.size(), 0);
    bool inQuotes = false;
    bool lineStart = true;
    bool comment = false;
    bool lineHasText = false;
    int lines = 0;
    const auto endLine = [&] {
        if (!comment && lineHasText) {
            for (qsizetype c = 0; c < candidates.size(); ++c)
                counts[c].append(current[c]);
            ++lines;
        }
        current.fill(0);
        lineStart = true;
        comment = false;
        lineHasText = false;
    };

    for (qsizetype i = 0; i < sample.size() && lines < maxLines; ++i) {
        const QChar ch = sample[i];
        if (lineStart) {
            lineStart = false;
            comment = ch == u'#' && !inQuotes;
        }
        if (ch == u'"') {
            inQuotes = !inQuotes;
            lineHasText = true;
            continue;
        }
        if (inQuotes)
            continue;
        if (ch == u'\n' || ch == u'\r') {
            endLine();
            if (ch == u'\r' && i + 1 < sample.size() && sample[i + 1] == u'\n')
                ++i;
            continue;
        }
        lineHasText = true;
        if (comment)
            continue;
        for (qsizetype c = 0; c < candidates.size(); ++c) {
            if (ch == QLatin1Char(candidates[c]))
                ++current[c];
        }
    }
    if (sampleIsWholeFile && lines < maxLines)
        endLine();

    DelimiterGuess best;
    int bestAgreeing = 0;
    int bestMode = 0;
    for (qsizetype c = 0; c < candidates.size(); ++c) {
        QHash<int, int> frequency;
        for (int n : std::as_const(counts[c])) {
            if (n > 0)
                ++frequency[n];
        }
        int mode = 0;
        int agreeing = 0;
        for (auto it = frequency.cbegin(); it != frequency.cend(); ++it) {
            if (it.value() > agreeing || (it.value() == agreeing && it.key() > mode)) {
                mode = it.key();
                agreeing = it.value();
            }
        }
        // More lines agreeing wins; among equals, more fields per line (a header with one
        // stray comma in a semicolon file must not win).
        if (agreeing > bestAgreeing ||
            (agreeing == bestAgreeing && agreeing > 0 && mode > bestMode)) {
            best = DelimiterGuess{candidates[c], true};
            bestAgreeing = agreeing;
            bestMode = mode;
        }
    }
    return best;
}

std::optional<char> delimiterFromName(QStringView name)
{
    if (name == u"\t")
        return '\t';
    const QString n = name.trimmed().toString().toLower();
    if (n == u"," || n == u"comma")
        return ',';
    if (n == u";" || n == u"semicolon")
        return ';';
    if (n == u"|" || n == u"pipe")
        return '|';
    if (n == u"tab" || n == u"\\t")
        return '\t';
    return std::nullopt;
}

bool detectDecimalComma(const QList<QStringList> &rows, char delimiter)
{
    if (delimiter == ',')
        return false;

    // "4,5" and "1.234,56" against "4.5" and "1,234.56". A bare "1,234" is ambiguous
    // (a thousand or one and a bit) and counts for neither.
    static const QRegularExpression commaDecimal(u"^[+-]?(\\d{1,3}(\\.\\d{3})+|\\d+),\\d+$"_s);
    static const QRegularExpression pointDecimal(u"^[+-]?(\\d{1,3}(,\\d{3})+|\\d+)\\.\\d+$"_s);
    static const QRegularExpression ambiguous(u"^[+-]?\\d{1,3}[.,]\\d{3}$"_s);
    int commas = 0;
    int points = 0;
    for (const QStringList &row : rows) {
        for (const QString &field : row) {
            const QString value = field.trimmed();
            if (value.size() > 40 || ambiguous.match(value).hasMatch())
                continue;
            if (commaDecimal.match(value).hasMatch())
                ++commas;
            else if (pointDecimal.match(value).hasMatch())
                ++points;
        }
    }
    return commas > points;
}

} // namespace Waymark::Import
