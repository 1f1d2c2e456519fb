// The first look at a file before an import: everything the wizard previews and the
// command line prints, worked out from the file's first records with every guess open to an
// override. It ties the pieces together: encoding, delimiter, decimal comma, source format
// and header rows, column names, types and suggested roles.
#pragma once

#include "import/csvreader.h"
#include "import/sourceformat.h"
#include "import/typeinference.h"

namespace Waymark::Import {

struct SniffOptions
{
    // Each set field replaces the guess (--encoding, --delimiter, --format, --header-rows).
    std::optional<Encoding> encoding;
    std::optional<char> delimiter;
    std::optional<bool> decimalComma;
    std::optional<SourceFormat> format;
    std::optional<qsizetype> headerRows;
    QString sheet;                  // of a workbook (--sheet); empty: the first
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
    // An XLSX workbook: its sheets and the one read. Encoding and delimiter then do not
    // apply (UTF-8 and comma are reported), and numbers are written with a point.
    bool workbook = false;
    QStringList sheetNames;
    QString sheet;
    CsvError error; // why the file cannot be imported; the rest is then partial
};

// Reads up to previewRecords records from the device's current position (it is left
// after them; seek back before the import). Refuses a file with a header and no data rows.
// A device that starts like a zip archive or an OLE compound file is read as a workbook
// (XlsxReader): from its file name when it is a QFile, else from its bytes.
SniffResult sniff(QIODevice *device, const SniffOptions &options = {});

} // namespace Waymark::Import
