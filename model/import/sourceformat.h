// The exports Waymark recognises from their header rows (Qualtrics, SurveyMonkey, Google
// Forms, Typeform, Shopify orders, GA4 funnel explorations), and what recognising one gives:
// how many records to skip and read as headers, the names of the columns as Waymark shows
// them, and the roles suggested for the columns the tool always writes.
#pragma once

#include "enums.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace Waymark::Import {

enum class SourceFormat
{
    Qualtrics,
    SurveyMonkey,
    GoogleForms,
    Typeform,
    Shopify,
    Ga4Funnel,
    Csv
};

QList<SourceFormat> allSourceFormats();

// The keys of the command line's --format: "qualtrics", "surveymonkey", "google-forms",
// "typeform", "shopify", "ga4-funnel", "csv". Stored with a dataset; never change.
QString sourceFormatKey(SourceFormat format);
std::optional<SourceFormat> sourceFormatFromKey(QStringView key);
QString sourceFormatDisplayName(SourceFormat format);

struct FormatLayout
{
    SourceFormat format = SourceFormat::Csv;
    qsizetype skipRecords = 0; // comment records before the header (GA4's "#" lines)
    qsizetype headerRows = 1;  // records after those that are headers, not data
    // One per column of the first header row, unique and never empty: the first header
    // row's text, except where the tool's layout needs more (a SurveyMonkey question
    // spanning several columns gets its text and the choice under it).
    QStringList columnNames;
    QList<std::optional<ColumnRole>> suggestedRoles; // nullopt: no suggestion
};

// Recognises the format from the first records of a file (ten are plenty) and lays it
// out; a file that is none of the known exports is plain csv with one header row.
FormatLayout recognizeFormat(const QList<QStringList> &firstRecords);

// Lays the records out as the given format, for an override. headerRows, when given,
// replaces the format's own count (the "--header-rows N" of the command line).
FormatLayout layOut(SourceFormat format, const QList<QStringList> &firstRecords,
                    std::optional<qsizetype> headerRows = std::nullopt);

} // namespace Waymark::Import
