// A streaming reader of delimited text (CSV, TSV, semicolon- and pipe-separated), built on
// libcsv. It reads a device in chunks and hands out one record at a time, so that a file
// of any size is read in bounded memory; it decodes the file's encoding and numbers every
// record and problem by record, line and column. It never pads, truncates or drops a
// field: a record comes out with exactly the fields the file holds, and anything it cannot
// read stops it with an error that says where and why.
#pragma once

#include "import/encoding.h"
#include "import/recordsource.h"

#include <QStringList>

#include <memory>
#include <optional>
#include <string>
#include <vector>

class QIODevice;

namespace Waymark::Import {

struct CsvOptions
{
    char delimiter = ',';
    std::optional<Encoding> encoding; // nullopt: detected from the first bytes
    // One field and one record may take this much: enough for any survey answer, and a
    // bound on memory for hostile files. The 10 MB field is refused.
    qsizetype maxFieldBytes = 1024 * 1024;
    qsizetype maxRecordBytes = 16 * 1024 * 1024;
    // An imported dataset is one SQLite table, and SQLite allows 2000 columns by default;
    // 1000 leaves room for the importer's own columns and is far above any real export.
    qsizetype maxColumns = 1000;
    qsizetype chunkBytes = 64 * 1024;
};

struct CsvRow
{
    qint64 record = 0; // 1-based, counting every record, header rows included
    qint64 line = 0;   // 1-based line of the file where the record begins
    QStringList fields;
};

enum class CsvErrorCode
{
    None,
    Empty,       // no bytes, or nothing but a byte-order mark and blank lines
    Binary,      // NUL bytes or control characters: not a text file
    BadEncoding, // bytes that are not valid in the file's encoding
    UnsupportedEncoding,
    UnterminatedQuote, // a quoted field still open at the end of the file
    StrayQuote,        // a quote inside an unquoted field, or text after a closing quote
    FieldTooLarge,
    RecordTooLarge,
    TooManyColumns,
    ReadFailed,
};

struct CsvError
{
    CsvErrorCode code = CsvErrorCode::None;
    QString message;   // for people, with the position and the way out
    qint64 record = 0; // where the problem is, 0 when it is not in a record
    qint64 line = 0;
    qsizetype column = 0; // 1-based, 0 for the whole record

    explicit operator bool() const { return code != CsvErrorCode::None; }
};

class CsvReader
{
public:
    // The device must be open for reading and outlive the reader. Reading starts at its
    // current position.
    explicit CsvReader(QIODevice *device, CsvOptions options = {});
    ~CsvReader();
    CsvReader(const CsvReader &) = delete;
    CsvReader &operator=(const CsvReader &) = delete;

    // The next record, or nullopt at the end of the file or at an error (see error()).
    // Records before an error are all handed out first.
    std::optional<CsvRow> next();

    // The same records, about maxRecords at a time, as UTF-8 bytes (see RecordBatch): what
    // the importer reads. False, with the batch empty, at the end or at an error. Calls of
    // next() and nextBatch() may be mixed.
    bool nextBatch(RecordBatch &batch, qsizetype maxRecords);

    const CsvError &error() const { return mError; }
    bool atEnd() const;

    // Known once the first record has been asked for.
    const DetectedEncoding &encoding() const { return mEncoding; }

    // For progress bars: the bytes taken from the device so far.
    qint64 bytesRead() const { return mBytesRead; }

    // Lines with nothing on them are not records; they are counted here (and in the line
    // numbers) rather than handed out. Note that in a one-column file an empty value
    // cannot be told from a blank line.
    qint64 blankLines() const { return mBlankLines; }

private:
    bool ensureStarted();
    bool start();
    bool readChunk();
    void feed(QByteArrayView utf8);
    void finish();
    void fail(CsvErrorCode code, const QString &message, qsizetype column);

    static void onField(void *data, std::size_t length, void *self);
    static void onRecordEnd(int terminator, void *self);

    struct Parser;

    QIODevice *mDevice;
    CsvOptions mOptions;
    std::unique_ptr<Parser> mParser;
    std::optional<TextDecoder> mDecoder; // nullopt when the bytes are UTF-8 already
    DetectedEncoding mEncoding;
    CsvError mError;
    RecordBatch mReady; // records parsed from the last chunk, not yet handed out by next()
    qsizetype mNextReady = 0;
    RecordBatch *mTarget = &mReady; // where complete records go
    // The fields of the record being parsed, which may go on in the next chunk.
    std::string mOpenBytes;
    std::vector<qsizetype> mOpenEnds;
    qsizetype mRecordBytes = 0;
    qint64 mRecordLines = 0; // line breaks inside the quoted fields of that record
    qint64 mRecords = 0;
    qint64 mLine = 1;
    qint64 mBlankLines = 0;
    qint64 mBytesRead = 0;
    int mLastTerminator = -1;
    bool mStarted = false;
    bool mFinished = false;
};

} // namespace Waymark::Import
