// Fuzz target for the delimited-text readers: encoding detection, the CSV reader, and the
// sniffer that guesses delimiter, format and types. Whatever the bytes, they must stop with
// a message or read to the end, never crash or hang; a record never holds more columns or
// bytes than the caps; and reading in tiny chunks must give exactly what reading in large
// ones gives.
#include "import/csvreader.h"
#include "import/sniffer.h"

#include <QBuffer>
#include <QLoggingCategory>

#include <cstdint>
#include <cstdlib>

namespace {

using namespace Waymark::Import;

struct Outcome
{
    QList<QStringList> records;
    CsvErrorCode code = CsvErrorCode::None;
};

Outcome readAll(const QByteArray &bytes, CsvOptions options)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, options);
    Outcome outcome;
    while (std::optional<CsvRow> row = reader.next()) {
        if (row->fields.isEmpty() || row->fields.size() > options.maxColumns)
            std::abort();
        for (const QString &field : std::as_const(row->fields)) {
            // UTF-16 code units never outnumber the UTF-8 bytes they came from.
            if (field.size() > options.maxFieldBytes)
                std::abort();
        }
        outcome.records.append(row->fields);
    }
    outcome.code = reader.error().code;
    if (reader.error() && reader.error().message.isEmpty())
        std::abort(); // every refusal says why
    return outcome;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // Every refusal is logged at info level; millions of them only slow the fuzzer down.
    static const bool quiet = [] {
        QLoggingCategory::setFilterRules(QStringLiteral("waymark.import.info=false"));
        return true;
    }();
    Q_UNUSED(quiet);

    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    // The first byte picks the delimiter, so that every delimiter gets fuzzed.
    CsvOptions options;
    options.delimiter = ",;\t|"[size > 0 ? data[0] % 4 : 0];
    options.maxColumns = 64;
    options.maxFieldBytes = 4096;
    options.maxRecordBytes = 16384;

    const Outcome whole = readAll(bytes, options);
    options.chunkBytes = 3;
    const Outcome chunked = readAll(bytes, options);
    // A decoding error is found per chunk in UTF-16 and so may stop at another record;
    // everything else must agree exactly.
    if (whole.code != CsvErrorCode::BadEncoding && chunked.code != CsvErrorCode::BadEncoding &&
        (whole.code != chunked.code || whole.records != chunked.records))
        std::abort();

    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    SniffOptions sniffOptions;
    sniffOptions.previewRecords = 50;
    const SniffResult sniffed = sniff(&buffer, sniffOptions);
    if (sniffed.error && sniffed.error.message.isEmpty())
        std::abort();
    if (!sniffed.error && sniffed.types.size() != sniffed.layout.columnNames.size())
        std::abort();
    return 0;
}
