#include "sniffer.h"

#include "import/dialect.h"
#include "import/xlsxreader.h"
#include "logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QIODevice>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Waymark::Import {

namespace {

constexpr qsizetype sampleBytes = 64 * 1024;

// A workbook that is not a file is read into memory whole: this much at most.
constexpr qint64 maxWorkbookInMemory = qint64(1024) * 1024 * 1024;

// A workbook's first records, from its file when the device has one (mapped, not read),
// else from its bytes, at most maxWorkbookInMemory.
bool readWorkbookPreview(QIODevice *device, const SniffOptions &options, SniffResult &result)
{
    XlsxOptions xlsx;
    xlsx.sheet = options.sheet;
    SourceError error;
    std::unique_ptr<XlsxReader> reader;
    const auto *file = qobject_cast<const QFile *>(device);
    if (file && !file->fileName().isEmpty() && !device->isSequential()) {
        reader = XlsxReader::open(file->fileName(), xlsx, &error);
    } else {
        // In pieces: QIODevice::read(n) sets n bytes aside first, whatever the device holds.
        QByteArray bytes;
        while (bytes.size() < maxWorkbookInMemory) {
            const QByteArray piece =
                device->read(std::min<qint64>(1024 * 1024, maxWorkbookInMemory - bytes.size()));
            if (piece.isEmpty())
                break;
            bytes += piece;
        }
        reader = XlsxReader::fromBytes(bytes, xlsx, &error);
    }

    result.workbook = true;
    result.encoding = DetectedEncoding{Encoding::Utf8, 0, u"workbook"_s};
    result.delimiterCertain = true;
    if (reader) {
        result.sheetNames = reader->sheetNames();
        result.sheet = reader->sheetName();
        while (result.preview.size() < options.previewRecords) {
            std::optional<SourceRecord> record = reader->next();
            if (!record)
                break;
            result.preview.append(CsvRow{record->record, record->line, record->fields});
        }
        result.previewIsWholeFile = reader->atEnd() && !reader->error();
        error = reader->error();
    }
    if (!error)
        return true;

    // The workbook's refusals in the terms of the text reader's, with the message as is.
    switch (error.code) {
    case SourceErrorCode::Empty:
        result.error.code = CsvErrorCode::Empty;
        break;
    case SourceErrorCode::Binary:
        result.error.code = CsvErrorCode::Binary;
        break;
    case SourceErrorCode::BadEncoding:
        result.error.code = CsvErrorCode::BadEncoding;
        break;
    case SourceErrorCode::TooLarge:
        result.error.code = error.column == xlsx.maxColumns + 1 ? CsvErrorCode::TooManyColumns
                                                                : CsvErrorCode::FieldTooLarge;
        break;
    default:
        result.error.code = CsvErrorCode::ReadFailed;
        break;
    }
    result.error.message = error.message;
    result.error.record = error.record;
    result.error.line = error.line;
    result.error.column = error.column;
    return false;
}

// Format, header rows, column names and types, from the preview records.
void describe(SniffResult &result, const SniffOptions &options)
{
    QList<QStringList> records;
    records.reserve(result.preview.size());
    for (const CsvRow &row : std::as_const(result.preview))
        records.append(row.fields);
    result.layout = options.format ? layOut(*options.format, records, options.headerRows)
                                   : recognizeFormat(records);
    if (!options.format && options.headerRows)
        result.layout = layOut(result.layout.format, records, options.headerRows);

    const qsizetype firstData = result.layout.skipRecords + result.layout.headerRows;
    const QList<QStringList> data = records.mid(firstData);
    if (data.isEmpty() && result.previewIsWholeFile) {
        result.error.code = CsvErrorCode::Empty;
        result.error.message = QCoreApplication::translate(
            "Waymark::Import", "The file has a header but no rows of data.");
        return;
    }
    // A workbook's numbers are typed cells, written with a point whatever the locale.
    result.decimalComma = options.decimalComma.value_or(!result.workbook &&
                                                        detectDecimalComma(data, result.delimiter));
    result.types = inferColumnTypes(data, result.layout.columnNames.size(), result.decimalComma);

    qCInfo(lcImport).noquote() << "sniffed" << encodingName(result.encoding.encoding) << "delimiter"
                               << QString(QLatin1Char(result.delimiter)) << "format"
                               << sourceFormatKey(result.layout.format) << "header rows"
                               << result.layout.headerRows << "columns"
                               << result.layout.columnNames.size();
}

} // namespace

SniffResult sniff(QIODevice *device, const SniffOptions &options)
{
    SniffResult result;
    if (!device || !device->isReadable()) {
        result.error.code = CsvErrorCode::ReadFailed;
        result.error.message =
            QCoreApplication::translate("Waymark::Import", "The file could not be read.");
        return result;
    }

    if (looksLikeXlsx(device->peek(8))) {
        if (readWorkbookPreview(device, options, result))
            describe(result, options);
        return result;
    }

    // The delimiter is counted on decoded text, so that UTF-16 files sniff like any other.
    const QByteArray sample = device->peek(sampleBytes);
    const bool wholeFile =
        !device->isSequential() && device->size() - device->pos() <= sample.size();
    if (options.delimiter) {
        result.delimiter = *options.delimiter;
        result.delimiterCertain = true;
    } else {
        QString unused;
        std::optional<Encoding> encoding = options.encoding;
        if (!encoding) {
            if (const std::optional<DetectedEncoding> detected = detectEncoding(sample, &unused))
                encoding = detected->encoding;
        }
        // An undetectable encoding leaves the delimiter at its default: the reader below
        // meets the same bytes and says what is wrong with them.
        if (encoding) {
            TextDecoder decoder(*encoding);
            const qsizetype bom = byteOrderMarkLength(sample, *encoding);
            const QString text = decoder.decode(QByteArrayView(sample).sliced(bom));
            const DelimiterGuess guess = detectDelimiter(text, wholeFile);
            result.delimiter = guess.delimiter;
            result.delimiterCertain = guess.certain;
        }
    }

    CsvOptions csv;
    csv.delimiter = result.delimiter;
    csv.encoding = options.encoding;
    CsvReader reader(device, csv);
    while (result.preview.size() < options.previewRecords) {
        std::optional<CsvRow> row = reader.next();
        if (!row)
            break;
        result.preview.append(std::move(*row));
    }
    result.previewIsWholeFile = reader.atEnd() && !reader.error();
    result.encoding = reader.encoding();
    if (reader.error()) {
        result.error = reader.error();
        return result;
    }

    describe(result, options);
    return result;
}

} // namespace Waymark::Import
