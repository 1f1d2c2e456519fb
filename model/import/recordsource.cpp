#include "recordsource.h"

#include "import/csvreader.h"

#include <QIODevice>

namespace Waymark::Import {

void RecordBatch::clear()
{
    mBytes.clear();
    mEnds.clear();
    mRecords.clear();
    mOpenFirst = 0;
    progressDone = 0;
}

void RecordBatch::appendField(QByteArrayView bytes)
{
    mBytes.append(bytes.data(), std::size_t(bytes.size()));
    mEnds.push_back(mBytes.size());
}

void RecordBatch::appendFields(QByteArrayView bytes, const std::vector<qsizetype> &ends)
{
    const std::size_t base = mBytes.size();
    mBytes.append(bytes.data(), std::size_t(bytes.size()));
    for (const qsizetype end : ends)
        mEnds.push_back(base + std::size_t(end));
}

void RecordBatch::endRecord(qint64 record, qint64 line)
{
    const qsizetype count = qsizetype(mEnds.size()) - mOpenFirst;
    mRecords.push_back({record, line, mOpenFirst, count});
    mOpenFirst = qsizetype(mEnds.size());
}

void RecordBatch::truncate(qsizetype count)
{
    if (count >= size())
        return;
    mRecords.resize(std::size_t(count));
    const std::size_t fields =
        count == 0 ? 0 : std::size_t(mRecords.back().firstField + mRecords.back().fieldCount);
    mEnds.resize(fields);
    mBytes.resize(fields == 0 ? 0 : mEnds.back());
    mOpenFirst = qsizetype(fields);
}

void RecordBatch::appendRecord(const RecordBatch &other, qsizetype index)
{
    const Record &r = other[index];
    for (qsizetype i = 0; i < r.fieldCount; ++i)
        appendField(other.field(r, i));
    endRecord(r.record, r.line);
}

bool RecordSource::nextBatch(RecordBatch &batch, qsizetype maxRecords)
{
    batch.clear();
    while (batch.size() < maxRecords) {
        const std::optional<SourceRecord> record = next();
        if (!record)
            break;
        for (const QString &field : record->fields)
            batch.appendField(field.toUtf8());
        batch.endRecord(record->record, record->line);
    }
    batch.progressDone = progressDone();
    return !batch.isEmpty();
}

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

    bool nextBatch(RecordBatch &batch, qsizetype maxRecords) override
    {
        const bool some = mReader.nextBatch(batch, maxRecords);
        if (!some) {
            const CsvError &e = mReader.error();
            if (e)
                mError = {sourceCode(e.code), e.message, e.record, e.line, e.column};
        }
        return some;
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
