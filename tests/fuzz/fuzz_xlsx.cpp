// Fuzz target for the XLSX reader: the zip checks, liborcus on the workbook, the sheet scan,
// and the sniffer on top. Whatever the bytes, reading must stop with a message or come to
// the end, never crash or hang; records are numbered without gaps, in the sheet's row order,
// and never wider than the column cap.
#include "import/sniffer.h"
#include "import/xlsxreader.h"

#include <QBuffer>
#include <QLoggingCategory>

#include <cstdint>
#include <cstdlib>

using namespace Waymark::Import;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // Every refusal is logged at info level; millions of them only slow the fuzzer down.
    static const bool quiet = [] {
        QLoggingCategory::setFilterRules(QStringLiteral("waymark.import.info=false"));
        return true;
    }();
    Q_UNUSED(quiet);

    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    // Small caps, so that a fuzzed input cannot make one run slow.
    XlsxOptions options;
    options.maxUncompressedBytes = 8 * 1024 * 1024;
    options.maxPartBytes = 4 * 1024 * 1024;
    options.maxSharedTextBytes = 4 * 1024 * 1024;
    options.maxColumns = 64;
    options.maxFieldBytes = 4096;

    SourceError error;
    if (std::unique_ptr<XlsxReader> reader = XlsxReader::fromBytes(bytes, options, &error)) {
        if (reader->sheetNames().isEmpty())
            std::abort(); // a workbook without sheets is refused
        qint64 records = 0;
        qint64 lastLine = 0;
        while (std::optional<SourceRecord> record = reader->next()) {
            if (record->record != ++records || record->line <= lastLine ||
                record->fields.isEmpty() || record->fields.size() > options.maxColumns)
                std::abort();
            for (const QString &field : std::as_const(record->fields)) {
                if (field.size() > options.maxFieldBytes)
                    std::abort();
            }
            lastLine = record->line;
        }
        if (!reader->atEnd())
            std::abort();
        error = reader->error();
    }
    if (error && error.message.isEmpty())
        std::abort(); // every refusal says why

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
