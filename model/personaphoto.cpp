#include "personaphoto.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Waymark::PersonaPhoto {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Waymark::PersonaPhoto)
};

// What a decoded image of the largest accepted size needs (4 bytes a pixel), in MB, and a
// little more for the decoder's own buffers. Qt checks it before allocating the image.
constexpr int allocationLimitMb = int(MaxPixels * 4 / (1024 * 1024)) + 16;

// A JPEG cut short still decodes (libjpeg fills the missing rows with grey and only warns),
// so the end-of-image marker is looked for after the first scan. The segments before the
// scan are walked by their lengths: an EXIF thumbnail there has an end marker of its own.
bool jpegIsComplete(const QByteArray &data)
{
    qsizetype pos = 2; // after the start-of-image marker
    while (pos + 4 <= data.size()) {
        if (uchar(data.at(pos)) != 0xFF)
            return false;
        const uchar marker = uchar(data.at(pos + 1));
        if (marker == 0xFF) { // fill byte
            ++pos;
            continue;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) { // markers without length
            pos += 2;
            continue;
        }
        if (marker == 0xD9) // the end before any scan
            return false;
        const int length = (uchar(data.at(pos + 2)) << 8) | uchar(data.at(pos + 3));
        if (length < 2)
            return false;
        if (marker == 0xDA) {
            // In the entropy-coded data a 0xFF byte is always followed by 0x00 or a restart
            // marker, so 0xFF 0xD9 after the scan header can only be the real end.
            const qsizetype scan = pos + 2 + length;
            return data.lastIndexOf(QByteArrayView("\xFF\xD9", 2)) >= scan;
        }
        pos += 2 + length;
    }
    return false;
}

// A PNG ends with its IEND chunk; a file cut short has lost it.
bool pngIsComplete(const QByteArray &data)
{
    return data.lastIndexOf(QByteArrayView("IEND", 4)) > 8;
}

QString formatName(const QByteArray &format)
{
    return QString::fromLatin1(format).toUpper();
}

// Decodes data once its format, header and completeness have been checked.
QImage readChecked(const QByteArray &data, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return QImage();
    };

    if (data.isEmpty())
        return fail(Text::tr("The file is empty."));
    if (data.size() > MaxFileBytes) {
        return fail(Text::tr("The file is larger than %1 MB. Choose a smaller picture.")
                        .arg(MaxFileBytes / (1024 * 1024)));
    }

    QByteArray bytes = data; // QBuffer wants a non-const array; this shares, never copies
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true); // a portrait photo from a phone stands upright

    const QByteArray format = reader.format();
    if (format.isEmpty()) {
        return fail(Text::tr("This is not a picture Waymark can read. Choose a PNG or JPEG "
                             "file."));
    }
    if (format != "png" && format != "jpeg" && format != "jpg") {
        return fail(Text::tr("%1 pictures cannot be used as a persona's photo. Choose a PNG or "
                             "JPEG file.")
                        .arg(formatName(format)));
    }

    // The size comes from the header alone; nothing has been decoded yet.
    const QSize size = reader.size();
    if (!size.isValid() || size.isEmpty())
        return fail(Text::tr("The picture is damaged: its size cannot be read."));
    if (size.width() > MaxSide || size.height() > MaxSide ||
        qint64(size.width()) * size.height() > MaxPixels) {
        const QLocale locale;
        return fail(Text::tr("The picture is %1 × %2 pixels, larger than Waymark accepts (at "
                             "most %3 pixels a side and %4 megapixels). Choose a smaller "
                             "picture.")
                        .arg(locale.toString(size.width()), locale.toString(size.height()),
                             locale.toString(MaxSide), locale.toString(MaxPixels / 1000000)));
    }

    const bool complete = format == "png" ? pngIsComplete(data) : jpegIsComplete(data);
    if (!complete)
        return fail(Text::tr("The picture is incomplete: the file was cut short."));

    QImageReader::setAllocationLimit(allocationLimitMb);
    QImage image;
    if (!reader.read(&image) || image.isNull()) {
        return fail(
            Text::tr("The picture is damaged and cannot be read (%1).").arg(reader.errorString()));
    }
    return image;
}

bool hasTransparency(const QImage &image)
{
    if (!image.hasAlphaChannel())
        return false;
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < argb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x) {
            if (qAlpha(line[x]) < 255)
                return true;
        }
    }
    return false;
}

} // namespace

Result fromBytes(const QByteArray &data)
{
    Result result;
    QImage image = readChecked(data, &result.error);
    if (image.isNull())
        return result;

    if (image.width() > StoredSide || image.height() > StoredSide)
        image = image.scaled(StoredSide, StoredSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);

    const bool png = hasTransparency(image);
    image = image.convertToFormat(png ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    QBuffer out(&result.bytes);
    out.open(QIODevice::WriteOnly);
    QImageWriter writer(&out, png ? "png" : "jpeg");
    if (!png)
        writer.setQuality(JpegQuality);
    if (!writer.write(image)) {
        result.bytes.clear();
        result.error =
            Text::tr("The picture could not be converted (%1).").arg(writer.errorString());
    }
    return result;
}

Result fromFile(const QString &path)
{
    Result result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = Text::tr("The file cannot be opened: %1").arg(file.errorString());
        return result;
    }
    // Checked before reading, so that a huge file is never loaded into memory.
    if (file.size() > MaxFileBytes) {
        result.error = Text::tr("The file is larger than %1 MB. Choose a smaller picture.")
                           .arg(MaxFileBytes / (1024 * 1024));
        return result;
    }
    const QByteArray data = file.read(MaxFileBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        result.error = Text::tr("The file cannot be read: %1").arg(file.errorString());
        return result;
    }
    return fromBytes(data);
}

QImage decode(const QByteArray &photo, QString *error)
{
    if (photo.isEmpty())
        return {};
    return readChecked(photo, error);
}

} // namespace Waymark::PersonaPhoto
