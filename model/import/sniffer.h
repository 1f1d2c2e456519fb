// The first look at a file before an import: everything the wizard previews and the
// command line prints, worked out from the file's first records with every guess open to an
// override. It ties the pieces together: encoding, delimiter, decimal comma, source format
// and header rows, column names, types and suggested roles.
#pragma once

#include "import/csvreader.h"
#include "import/sourceformat.h"
#include "import/typeinference.h"

namespace Waymark::Import {

// TODO: XLSX workbooks are not read yet (the liborcus reader is still to be written), so a
// team with an Excel export must save it as CSV or "Unicode Text" before importing it.

struct SniffOptions
{
    // Each set field replaces the guess (--encoding, --delimiter, --format, --header-rows).
    std::optional<Encoding> encoding;
    std::optional<char> delimiter;
    std::optional<bool> decimalComma;
    std::optional<SourceFormat> format;
    std::optional<qsizetype> headerRows;
    qsizetype previewRecords = 200; // records read for the preview and the type guesses
};

struct SniffResult
{
    DetectedEncoding encoding;
    char delimiter = ',';
    bool delimiterCertain = false;
    bool decimalComma = false;
    FormatLayout layout;
    QList<ColumnTypeGuess> types; // one per column of layout.columnNames
    QList<CsvRow> preview;        // the first records, comment and header records included
    bool previewIsWholeFile = false;
    CsvError error; // why the file cannot be imported; the rest is then partial
};

// Reads up to previewRecords records from the device's current position (it is left
// after them; seek back before the import). Refuses a file with a header and no data rows.
SniffResult sniff(QIODevice *device, const SniffOptions &options = {});

} // namespace Waymark::Import
