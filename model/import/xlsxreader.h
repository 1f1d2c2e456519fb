// The reader of Excel workbooks (.xlsx): the rows of one sheet as records of text, the same
// shape the CSV reader gives, so that the importer treats both alike. Numbers come out in the
// C locale in full precision and without an exponent, cells with a date or time format as
// ISO 8601, booleans as true/false, formulas as the result Excel saved. The sheet is inflated
// and parsed a slice at a time as its records are asked for, so a sheet of any size is read
// in bounded memory. A workbook is untrusted input: before anything is inflated, the zip
// archive's directory is checked against size and compression-ratio caps, and encrypted
// workbooks, old .xls files and other zip files are refused with a message that says what
// they are.
#pragma once

#include "import/recordsource.h"

#include <QByteArray>
#include <QStringList>

#include <memory>
#include <optional>

namespace Waymark::Import {

struct XlsxOptions
{
    QString sheet; // the sheet's name as the workbook's tabs show it; empty: the first
    // A zip bomb is stopped by these before anything is inflated. The sheet and its shared
    // strings are read as they are inflated; only the small parts (the workbook, its
    // relationships) are inflated whole, and those are held to the part cap. The total
    // bounds the time a hostile archive can take, not memory.
    qint64 maxUncompressedBytes = qint64(16) * 1024 * 1024 * 1024;
    qint64 maxPartBytes = 160 * 1024 * 1024;
    qint64 maxCompressionRatio = 200; // for parts over 1 MiB; sheet XML rarely passes 30
    qint64 maxEntries = 10000;
    // The shared strings are the one part held in memory (as UTF-8, a few bytes of
    // overhead each), because any cell may refer to any of them.
    qint64 maxSharedTextBytes = 160 * 1024 * 1024;
    // The same bounds as the CSV reader's (CsvOptions).
    qsizetype maxFieldBytes = 1024 * 1024;
    qsizetype maxColumns = 1000;
};

class XlsxReader final : public RecordSource
{
public:
    // Checks the file and reads the workbook's list of sheets; the shared strings and the
    // number formats are read on the first next(), the sheet's rows as they are asked for. nullptr,
    // with *error set, for anything that is not a workbook this reader can read, and for a sheet
    // name the workbook does not have.
    static std::unique_ptr<XlsxReader> open(const QString &path, const XlsxOptions &options,
                                            SourceError *error);
    static std::unique_ptr<XlsxReader> fromBytes(const QByteArray &bytes,
                                                 const XlsxOptions &options, SourceError *error);
    ~XlsxReader() override;

    // Every sheet's name, in the order of the workbook's tabs (for the wizard's choice).
    QStringList sheetNames() const;

    std::optional<SourceRecord> next() override;
    bool nextBatch(RecordBatch &batch, qsizetype maxRecords) override;
    const SourceError &error() const override { return mError; }
    bool atEnd() const;

    // Packed bytes of the sheet's part inflated so far, out of all of them.
    qint64 progressDone() const override;
    qint64 progressTotal() const override;

    // A row ends at its last cell: the cells after it are empty, not missing.
    bool omitsTrailingEmptyFields() const override { return true; }
    bool numbersUsePoint() const override { return true; }
    QString sheetName() const override;

    struct Workbook;
    struct SheetState;
    class PartStream;

private:
    XlsxReader();
    bool load();
    bool openSheet();
    bool readSharedStrings();
    bool readNumberFormats();
    bool start();
    bool parseRun(RecordBatch &target);
    void endOfRows();
    bool failPart(const QString &label, const PartStream &part);
    void fail(SourceErrorCode code, const QString &message, qint64 row = 0, qsizetype column = 0);

    std::unique_ptr<Workbook> mBook;
    std::unique_ptr<SheetState> mState;
    SourceError mError;
    qsizetype mSheet = 0; // index into the workbook's sheets
    bool mLoaded = false;
    bool mFinished = false;
    qint64 mRecords = 0;
};

// What the importer opens an XLSX file with (see recordsource.h); an empty sheet means the
// first one.
std::unique_ptr<RecordSource> openXlsxRecordSource(const QString &path, const QString &sheet,
                                                   SourceError *error);

// True for the first bytes of a zip archive or an OLE compound file: files the XLSX reader
// should judge, so that an encrypted workbook or an old .xls gets a message naming it rather
// than the text reader's "binary data".
bool looksLikeXlsx(QByteArrayView firstBytes);

// The text a cell with this number format shows, for a serial date or time; nullopt when the
// format is not a date or time format (exposed for tests).
std::optional<QString> formatExcelSerial(double serial, qsizetype formatId, QStringView formatCode,
                                         bool date1904);

// A number as text in the C locale: the shortest digits that read back to the same double,
// never with an exponent ("0.1", "1200", "0.0000001").
QString formatExcelNumber(double value);

} // namespace Waymark::Import
