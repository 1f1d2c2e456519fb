// Test helpers: read a whole input through CsvReader and keep everything it handed out.
#pragma once

#include "import/csvreader.h"

#include <QBuffer>
#include <QFile>
#include <QList>
#include <QStringList>

struct ReadResult
{
    QList<Waymark::Import::CsvRow> rows;
    Waymark::Import::CsvError error;
    Waymark::Import::DetectedEncoding encoding;
    qint64 blankLines = 0;

    QList<QStringList> fields() const
    {
        QList<QStringList> result;
        for (const Waymark::Import::CsvRow &row : rows)
            result.append(row.fields);
        return result;
    }
};

inline ReadResult readAll(QIODevice *device, const Waymark::Import::CsvOptions &options = {})
{
    ReadResult result;
    Waymark::Import::CsvReader reader(device, options);
    while (std::optional<Waymark::Import::CsvRow> row = reader.next())
        result.rows.append(*row);
    result.error = reader.error();
    result.encoding = reader.encoding();
    result.blankLines = reader.blankLines();
    return result;
}

inline ReadResult readBytes(const QByteArray &bytes,
                            const Waymark::Import::CsvOptions &options = {})
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return readAll(&buffer, options);
}

inline QString importData(const char *name)
{
    return QStringLiteral(WAYMARK_TEST_DATA "/import/") + QString::fromUtf8(name);
}

inline ReadResult readFile(const QString &path, const Waymark::Import::CsvOptions &options = {})
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ReadResult failed;
        failed.error.code = Waymark::Import::CsvErrorCode::ReadFailed;
        failed.error.message = file.errorString();
        return failed;
    }
    return readAll(&file, options);
}
