#include "recordsource.h"

#include "import/csvreader.h"

#include <QIODevice>

namespace Waymark::Import {

namespace {

SourceErrorCode sourceCode(CsvErrorCode code)
{
    switch (code) {
    case CsvErrorCode::None:
        return SourceErrorCode::None;
    case CsvErrorCode::Empty:
        return SourceErrorCode::Empty;
    case CsvErrorCode::Binary:
        return SourceErrorCode::Binary;
    case CsvErrorCode::BadEncoding:
        return SourceErrorCode::BadEncoding;
    case CsvErrorCode::UnsupportedEncoding:
        return SourceErrorCode::Unsupported;
    case CsvErrorCode::UnterminatedQuote:
    case CsvErrorCode::StrayQuote:
        return SourceErrorCode::Malformed;
    case CsvErrorCode::FieldTooLarge:
    case CsvErrorCode::RecordTooLarge:
    case CsvErrorCode::TooManyColumns:
        return SourceErrorCode::TooLarge;
    case CsvErrorCode::ReadFailed:
        break;
    }
    return SourceErrorCode::ReadFailed;
}

class CsvRecordSource final : public RecordSource
{
public:
    CsvRecordSource(QIODevice *device, const CsvOptions &options)
        : mReader(device, options)
        , mTotal(device->isSequential() ? 0 : device->size())
    {}

    std::optional<SourceRecord> next() override
    {
        std::optional<CsvRow> row = mReader.next();
        if (!row) {
            const CsvError &e = mReader.error();
            if (e)
                mError = {sourceCode(e.code), e.message, e.record, e.line, e.column};
            return std::nullopt;
        }
        return SourceRecord{row->record, row->line, std::move(row->fields)};
    }

    const SourceError &error() const override { return mError; }
    qint64 progressDone() const override { return mReader.bytesRead(); }
    qint64 progressTotal() const override { return mTotal; }
    QString encodingName() const override
    {
        return Import::encodingName(mReader.encoding().encoding);
    }

private:
    CsvReader mReader;
    qint64 mTotal;
    SourceError mError;
};

} // namespace

std::unique_ptr<RecordSource> makeCsvRecordSource(QIODevice *device, const CsvOptions &options)
{
    return std::make_unique<CsvRecordSource>(device, options);
}

} // namespace Waymark::Import
