#include "sniffer.h"

#include "import/dialect.h"
#include "logging.h"

#include <QCoreApplication>
#include <QIODevice>

namespace Waymark::Import {

namespace {

constexpr qsizetype sampleBytes = 64 * 1024;

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
        return result;
    }
    result.decimalComma = options.decimalComma.value_or(detectDecimalComma(data, result.delimiter));
    result.types = inferColumnTypes(data, result.layout.columnNames.size(), result.decimalComma);

    qCInfo(lcImport).noquote() << "sniffed" << encodingName(result.encoding.encoding) << "delimiter"
                               << QString(QLatin1Char(result.delimiter)) << "format"
                               << sourceFormatKey(result.layout.format) << "header rows"
                               << result.layout.headerRows << "columns"
                               << result.layout.columnNames.size();
    return result;
}

} // namespace Waymark::Import
