// What the importer reads from: a stream of records, each a list of fields as text, with
// the record's number and position in the file. The CSV reader and the XLSX reader both
// offer it, so that typing, validating and storing rows is written once.
//
// The contract every source keeps:
// - Records come in file order, one at a time, never all held in memory.
// - `record` counts every record from 1, comment and header records included; `line` is
//   the 1-based line (CSV) or sheet row (XLSX) where the record begins, for messages.
// - Fields are text exactly as the person would read them: nothing trimmed, padded or
//   truncated. A source whose cells are typed (XLSX) writes numbers in the C locale with
//   a point ("4.5", "1200"), booleans as "true"/"false", and dates and times as ISO 8601
//   ("2024-03-01", "2024-03-01T09:15:22"); it says so through numbersUsePoint().
// - An empty field is a missing value. A source that cannot write trailing empty cells
//   (XLSX rows end at their last cell) says so through omitsTrailingEmptyFields(), and
//   the importer then treats a short record as one with empty values at its end; for any
//   other source a short record is a bad row.
// - At the end next() returns nullopt and error() is false; on a problem it returns
//   nullopt too, after every record before the problem, and error() says what and where.
#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <string>
#include <vector>

class QIODevice;

namespace Waymark::Import {

struct CsvOptions;
struct DetectedEncoding;

struct SourceRecord
{
    qint64 record = 0; // 1-based, header and comment records included
    qint64 line = 0;   // 1-based line or sheet row where it begins
    QStringList fields;
};

// Records handed out many at a time, their fields as UTF-8 bytes in one buffer: what the
// importer reads, so that a million rows cost no QString per field. The same contract as
// SourceRecord's, in bytes; a source that reads another encoding has transcoded them.
class RecordBatch
{
public:
    struct Record
    {
        qint64 record = 0;
        qint64 line = 0;
        qsizetype firstField = 0; // of the batch's fields
        qsizetype fieldCount = 0;
    };

    qsizetype size() const { return qsizetype(mRecords.size()); }
    bool isEmpty() const { return mRecords.empty(); }
    const Record &operator[](qsizetype i) const { return mRecords[std::size_t(i)]; }
    QByteArrayView field(const Record &record, qsizetype i) const
    {
        const std::size_t k = std::size_t(record.firstField + i);
        const std::size_t begin = k == 0 ? 0 : mEnds[k - 1];
        return QByteArrayView(mBytes.data() + begin, qsizetype(mEnds[k] - begin));
    }
    qsizetype byteCount() const { return qsizetype(mBytes.size()); }

    // The source's progressDone() once the batch's last record was read.
    qint64 progressDone = 0;

    // Keeps the buffers' capacity, so that a batch reused for the next costs no allocation.
    void clear();
    // Fields are added one by one, then closed as one record.
    void appendField(QByteArrayView bytes);
    // Several fields at once: their bytes back to back, and where each ends in them.
    void appendFields(QByteArrayView bytes, const std::vector<qsizetype> &ends);
    void endRecord(qint64 record, qint64 line);
    // Leaves the first count records.
    void truncate(qsizetype count);
    // A copy of one record of another batch.
    void appendRecord(const RecordBatch &other, qsizetype index);
    // The fields added since the last endRecord().
    qsizetype openFieldCount() const { return qsizetype(mEnds.size()) - mOpenFirst; }

private:
    std::string mBytes;
    std::vector<std::size_t> mEnds; // where each field ends in mBytes
    std::vector<Record> mRecords;
    qsizetype mOpenFirst = 0;
};

enum class SourceErrorCode
{
    None,
    Empty,       // nothing to read
    Binary,      // not a text file (CSV) or not a workbook (XLSX)
    BadEncoding, // bytes that are not valid in the file's encoding
    Malformed,   // an unterminated quote, a stray quote, a damaged workbook
    TooLarge,    // a field, a record or the number of columns over the bounds
    NoSuchSheet, // --sheet names a sheet the workbook does not have
    Unsupported, // a kind of file, encoding or feature this build cannot read
    ReadFailed,  // the file could not be opened or read
};

struct SourceError
{
    SourceErrorCode code = SourceErrorCode::None;
    QString message;   // for people: what is wrong, where, and the way out
    qint64 record = 0; // 0 when it is not in a record
    qint64 line = 0;
    qsizetype column = 0; // 1-based, 0 for the whole record

    explicit operator bool() const { return code != SourceErrorCode::None; }
};

class RecordSource
{
public:
    virtual ~RecordSource() = default;

    // The next record; nullopt at the end or at an error (see error()).
    virtual std::optional<SourceRecord> next() = 0;
    virtual const SourceError &error() const = 0;

    // About maxRecords next records at once, in place of what the batch held (its buffers
    // reused); false, with the batch empty, at the end or at an error. This default reads
    // them through next(); a source that holds bytes already hands them over without
    // making QStrings.
    virtual bool nextBatch(RecordBatch &batch, qsizetype maxRecords);

    // For progress: how far reading has come, in the source's own unit (bytes for CSV),
    // out of progressTotal(); a total of 0 means unknown.
    virtual qint64 progressDone() const = 0;
    virtual qint64 progressTotal() const = 0;

    // See the contract above.
    virtual bool omitsTrailingEmptyFields() const { return false; }
    virtual bool numbersUsePoint() const { return false; }

    // What the importer stores with the dataset's mapping so that the next wave is read
    // the same way: the encoding's canonical name (CSV) and the sheet's name (XLSX).
    virtual QString encodingName() const { return {}; }
    virtual QString sheetName() const { return {}; }

protected:
    RecordSource() = default;
    RecordSource(const RecordSource &) = delete;
    RecordSource &operator=(const RecordSource &) = delete;
};

// The CSV reader as a record source. The device must be open for reading, positioned at
// the start of the file, and outlive the source.
std::unique_ptr<RecordSource> makeCsvRecordSource(QIODevice *device, const CsvOptions &options);

// For the XLSX reader (model/import/xlsxreader.h), the importer expects:
//     std::unique_ptr<RecordSource> openXlsxRecordSource(const QString &path,
//                                                        const QString &sheet,
//                                                        SourceError *error);
// an empty sheet meaning the first one; nullptr with *error set when the file is not a
// workbook or has no such sheet. And, to tell a workbook from text before choosing a
// reader: bool looksLikeXlsx(QByteArrayView firstBytes).

} // namespace Waymark::Import
