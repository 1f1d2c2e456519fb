#include "csvreader.h"

#include "logging.h"

#include <QCoreApplication>
#include <QIODevice>

#include <csv.h>

#include <cstring>

using namespace Qt::StringLiterals;

namespace Waymark::Import {

namespace {

// The translation context of this file's messages.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Waymark::Import)
};

// libcsv trims spaces and tabs around unquoted fields by default; a reader that must not
// alter values keeps them.
int neverSpace(unsigned char)
{
    return 0;
}

qint64 countLineBreaks(QByteArrayView bytes)
{
    qint64 breaks = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\n')
            ++breaks;
        else if (bytes[i] == '\r' && (i + 1 == bytes.size() || bytes[i + 1] != '\n'))
            ++breaks;
    }
    return breaks;
}

constexpr qsizetype sampleBytes = 64 * 1024;

// Whether every byte is printable ASCII (0x20 to 0x7e), eight bytes at a time: a word has a
// byte below 0x20 when subtracting 0x20 from each byte borrows into a top bit that was clear,
// and one above 0x7e when adding 1 to each sets a top bit or one is set already (a carry out
// of a byte happens only from 0xff, which is caught by the latter).
bool isPrintableAscii(QByteArrayView bytes)
{
    constexpr quint64 ones = 0x0101010101010101u;
    constexpr quint64 tops = 0x8080808080808080u;
    const char *p = bytes.data();
    const char *const end = p + bytes.size();
    for (; end - p >= 8; p += 8) {
        quint64 word = 0;
        std::memcpy(&word, p, 8);
        const quint64 below = (word - ones * 0x20) & ~word & tops;
        const quint64 above = ((word + ones) | word) & tops;
        if ((below | above) != 0)
            return false;
    }
    for (; p < end; ++p) {
        if (static_cast<unsigned char>(*p) - 0x20u >= 0x5fu)
            return false;
    }
    return true;
}

} // namespace

struct CsvReader::Parser
{
    csv_parser parser{};
    bool initialised = false;

    ~Parser()
    {
        if (initialised)
            csv_free(&parser);
    }
};

CsvReader::CsvReader(QIODevice *device, CsvOptions options)
    : mDevice(device)
    , mOptions(options)
    , mParser(std::make_unique<Parser>())
{}

CsvReader::~CsvReader() = default;

bool CsvReader::atEnd() const
{
    return (mFinished || mError) && mNextReady >= mReady.size();
}

bool CsvReader::ensureStarted()
{
    if (mStarted)
        return !mError;
    mStarted = true;
    return start();
}

std::optional<CsvRow> CsvReader::next()
{
    if (!ensureStarted() && mNextReady >= mReady.size())
        return std::nullopt;

    while (mNextReady >= mReady.size()) {
        mReady.clear();
        mNextReady = 0;
        if (mFinished || mError)
            return std::nullopt;
        mTarget = &mReady;
        if (!readChunk())
            finish();
    }
    const RecordBatch::Record &record = mReady[mNextReady++];
    CsvRow row;
    row.record = record.record;
    row.line = record.line;
    row.fields.reserve(record.fieldCount);
    for (qsizetype i = 0; i < record.fieldCount; ++i)
        row.fields.append(QString::fromUtf8(mReady.field(record, i)));
    return row;
}

bool CsvReader::nextBatch(RecordBatch &batch, qsizetype maxRecords)
{
    batch.clear();
    ensureStarted();

    // Records parsed before (by next(), or past the last batch's end) come first.
    for (; mNextReady < mReady.size() && batch.size() < maxRecords; ++mNextReady)
        batch.appendRecord(mReady, mNextReady);
    if (mNextReady >= mReady.size()) {
        mReady.clear();
        mNextReady = 0;
    }

    mTarget = &batch;
    while (batch.size() < maxRecords && mReady.isEmpty() && !mFinished && !mError) {
        if (!readChunk())
            finish();
    }
    mTarget = &mReady;

    // A chunk's records past maxRecords wait for the next call.
    if (batch.size() > maxRecords) {
        for (qsizetype i = maxRecords; i < batch.size(); ++i)
            mReady.appendRecord(batch, i);
        batch.truncate(maxRecords);
    }
    batch.progressDone = mBytesRead;
    return !batch.isEmpty();
}

bool CsvReader::start()
{
    if (!mDevice || !mDevice->isReadable()) {
        fail(CsvErrorCode::ReadFailed, Text::tr("The file could not be read."), 0);
        return false;
    }

    const QByteArray sample = mDevice->peek(sampleBytes);
    if (mOptions.encoding) {
        mEncoding = DetectedEncoding{*mOptions.encoding,
                                     byteOrderMarkLength(sample, *mOptions.encoding), u"chosen"_s};
    } else {
        QString message;
        DetectionFailure failure = DetectionFailure::Binary;
        const std::optional<DetectedEncoding> detected = detectEncoding(sample, &message, &failure);
        if (!detected) {
            const CsvErrorCode code = failure == DetectionFailure::Empty ? CsvErrorCode::Empty
                                      : failure == DetectionFailure::Unsupported
                                          ? CsvErrorCode::UnsupportedEncoding
                                          : CsvErrorCode::Binary;
            fail(code, message, 0);
            return false;
        }
        mEncoding = *detected;
    }
    qCDebug(lcImport) << "reading as" << encodingName(mEncoding.encoding) << "-"
                      << mEncoding.reason;

    if (mEncoding.bomLength > 0)
        mBytesRead += mDevice->read(mEncoding.bomLength).size();
    if (mEncoding.encoding != Encoding::Utf8)
        mDecoder.emplace(mEncoding.encoding);

    // Strict mode turns a stray quote into an error instead of a guess, and, with
    // STRICT_FINI, an unterminated quote at the end of the file too. REPALL_NL reports
    // every line end, which keeps the line numbers right across blank lines.
    csv_parser &p = mParser->parser;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
        fail(CsvErrorCode::ReadFailed, Text::tr("Out of memory while starting to read the file."),
             0);
        return false;
    }
    mParser->initialised = true;
    csv_set_delim(&p, static_cast<unsigned char>(mOptions.delimiter));
    csv_set_space_func(&p, neverSpace);
    return true;
}

bool CsvReader::readChunk()
{
    QByteArray chunk = mDevice->read(mOptions.chunkBytes);
    if (chunk.isEmpty() && mDevice->isSequential() && !mDevice->atEnd() &&
        mDevice->waitForReadyRead(30000))
        chunk = mDevice->read(mOptions.chunkBytes);
    if (chunk.isEmpty())
        return false;
    mBytesRead += chunk.size();

    if (!mDecoder) {
        feed(chunk);
        return true;
    }
    const QString text = mDecoder->decode(chunk);
    if (mDecoder->hasError()) {
        fail(CsvErrorCode::BadEncoding,
             Text::tr("The file is not valid %1 near row %2. Choose the encoding it was saved in.")
                 .arg(encodingName(mEncoding.encoding))
                 .arg(mRecords + 1),
             0);
        return true;
    }
    feed(text.toUtf8());
    return true;
}

void CsvReader::feed(QByteArrayView utf8)
{
    csv_parser &p = mParser->parser;
    const std::size_t done =
        csv_parse(&p, utf8.data(), std::size_t(utf8.size()), onField, onRecordEnd, this);
    if (mError)
        return;
    if (done < std::size_t(utf8.size())) {
        if (csv_error(&p) == CSV_EPARSE) {
            fail(CsvErrorCode::StrayQuote,
                 Text::tr(
                     "Row %1, column %2: a quote mark inside a field that is not quoted, or text "
                     "after a closing quote. Quote the whole field and double the quote marks "
                     "inside it.")
                     .arg(mRecords + 1)
                     .arg(mOpenEnds.size() + 1),
                 qsizetype(mOpenEnds.size()) + 1);
        } else {
            fail(CsvErrorCode::ReadFailed,
                 Text::tr("The file could not be read: %1.")
                     .arg(QString::fromLatin1(csv_strerror(csv_error(&p)))),
                 0);
        }
        return;
    }

    // The field being read is still in libcsv's buffer: stop it before it grows further.
    if (qsizetype(p.entry_pos) > mOptions.maxFieldBytes) {
        fail(CsvErrorCode::FieldTooLarge,
             Text::tr("Row %1, column %2: the field is larger than %3 MB, the most Waymark reads. "
                      "If the field begins with a quote mark, check that the quote is closed.")
                 .arg(mRecords + 1)
                 .arg(mOpenEnds.size() + 1)
                 .arg(mOptions.maxFieldBytes / (1024.0 * 1024.0), 0, 'g', 3),
             qsizetype(mOpenEnds.size()) + 1);
    }
}

void CsvReader::finish()
{
    if (mError || mFinished)
        return;
    mFinished = true;
    if (!mParser->initialised)
        return;

    if (mDecoder && !mDecoder->atCodeUnitBoundary()) {
        fail(CsvErrorCode::BadEncoding,
             Text::tr("The file ends in the middle of a character: it is not complete %1 text. "
                      "Choose the encoding it was saved in.")
                 .arg(encodingName(mEncoding.encoding)),
             0);
        return;
    }

    csv_parser &p = mParser->parser;
    if (csv_fini(&p, onField, onRecordEnd, this) != 0 && !mError) {
        fail(
            CsvErrorCode::UnterminatedQuote,
            Text::tr("Row %1 (line %2), column %3: a quoted field is never closed. Add the missing "
                     "quote mark.")
                .arg(mRecords + 1)
                .arg(mLine)
                .arg(mOpenEnds.size() + 1),
            qsizetype(mOpenEnds.size()) + 1);
        return;
    }
    if (!mError && mRecords == 0)
        fail(CsvErrorCode::Empty, Text::tr("The file holds no rows."), 0);
    qCDebug(lcImport) << "read" << mRecords << "records," << mBlankLines << "blank lines,"
                      << mBytesRead << "bytes";
}

void CsvReader::fail(CsvErrorCode code, const QString &message, qsizetype column)
{
    if (mError)
        return;
    mError.code = code;
    mError.message = message;
    if (code != CsvErrorCode::Empty && code != CsvErrorCode::ReadFailed && mStarted &&
        mParser->initialised) {
        mError.record = mRecords + 1;
        mError.line = mLine;
    }
    mError.column = column;
    qCInfo(lcImport) << "reading stopped:" << message;
}

void CsvReader::onField(void *data, std::size_t length, void *self)
{
    auto *reader = static_cast<CsvReader *>(self);
    if (reader->mError)
        return;

    const QByteArrayView bytes(static_cast<const char *>(data), qsizetype(length));
    const qsizetype column = qsizetype(reader->mOpenEnds.size()) + 1;
    const CsvOptions &options = reader->mOptions;
    if (column > options.maxColumns) {
        reader->fail(CsvErrorCode::TooManyColumns,
                     Text::tr("Row %1 has more than %2 columns, the most Waymark imports.")
                         .arg(reader->mRecords + 1)
                         .arg(options.maxColumns),
                     column);
        return;
    }
    if (bytes.size() > options.maxFieldBytes) {
        reader->fail(CsvErrorCode::FieldTooLarge,
                     Text::tr("Row %1, column %2: the field is larger than %3 MB, the most Waymark "
                              "reads.")
                         .arg(reader->mRecords + 1)
                         .arg(column)
                         .arg(options.maxFieldBytes / (1024.0 * 1024.0), 0, 'g', 3),
                     column);
        return;
    }
    reader->mRecordBytes += bytes.size();
    if (reader->mRecordBytes > options.maxRecordBytes) {
        reader->fail(CsvErrorCode::RecordTooLarge,
                     Text::tr("Row %1 is larger than %2 MB, the most Waymark reads in one row.")
                         .arg(reader->mRecords + 1)
                         .arg(options.maxRecordBytes / (1024.0 * 1024.0), 0, 'g', 3),
                     0);
        return;
    }
    // Most fields are printable ASCII: no NUL, valid UTF-8, no line break. Only the others
    // need the checks.
    if (!isPrintableAscii(bytes)) {
        if (bytes.contains('\0')) {
            reader->fail(CsvErrorCode::Binary,
                         Text::tr("Row %1, column %2 holds a NUL byte: the file is binary data or "
                                  "damaged, not text.")
                             .arg(reader->mRecords + 1)
                             .arg(column),
                         column);
            return;
        }
        if (!reader->mDecoder && !isValidUtf8(bytes)) {
            reader->fail(
                CsvErrorCode::BadEncoding,
                Text::tr("Row %1, column %2 is not valid UTF-8. Choose the encoding the file was "
                         "saved in (for example Windows-1252).")
                    .arg(reader->mRecords + 1)
                    .arg(column),
                column);
            return;
        }
        reader->mRecordLines += countLineBreaks(bytes);
    }

    reader->mOpenBytes.append(bytes.data(), std::size_t(bytes.size()));
    reader->mOpenEnds.push_back(qsizetype(reader->mOpenBytes.size()));
}

void CsvReader::onRecordEnd(int terminator, void *self)
{
    auto *reader = static_cast<CsvReader *>(self);
    if (reader->mError)
        return;

    // With REPALL_NL every line end comes here, also the LF of a CRLF that already ended a
    // record, and the line ends of blank lines, which have no fields.
    const int previous = reader->mLastTerminator;
    reader->mLastTerminator = terminator;
    if (reader->mOpenEnds.empty()) {
        if (terminator == '\n' && previous == '\r')
            return;
        if (terminator != -1) {
            ++reader->mLine;
            ++reader->mBlankLines;
        }
        return;
    }

    RecordBatch &target = *reader->mTarget;
    target.appendFields(
        QByteArrayView(reader->mOpenBytes.data(), qsizetype(reader->mOpenBytes.size())),
        reader->mOpenEnds);
    target.endRecord(++reader->mRecords, reader->mLine);
    reader->mOpenBytes.clear();
    reader->mOpenEnds.clear();
    reader->mLine += 1 + reader->mRecordLines;
    reader->mRecordLines = 0;
    reader->mRecordBytes = 0;
}

} // namespace Waymark::Import
