// A persona's photo as the project file keeps it: a PNG or JPEG of at most StoredSide pixels
// on its long side. Every image arrives from somewhere untrusted (a file picked by a person,
// a project file from someone else), so its header is checked before any pixel is decoded:
// a tiny file that declares a gigapixel image is refused, never decoded.
#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>

namespace Waymark::PersonaPhoto {

constexpr qint64 MaxFileBytes = 30 * 1024 * 1024;
constexpr int MaxSide = 12000;           // pixels, either side
constexpr qint64 MaxPixels = 50'000'000; // width × height
constexpr int StoredSide = 512;          // the long side of a stored photo, at most
constexpr int JpegQuality = 85;

struct Result
{
    QByteArray bytes; // PNG or JPEG, scaled down; empty on failure
    QString error;    // why the image was refused, in words for the person who chose it

    bool ok() const { return error.isEmpty(); }
};

// Checks, decodes, scales down and re-encodes an image: JPEG for photos, PNG for images
// with transparency.
Result fromBytes(const QByteArray &data);
Result fromFile(const QString &path);

// Decodes a stored photo for painting, with the same checks; a null image when the bytes
// are empty or refused (error, if given, says why).
QImage decode(const QByteArray &photo, QString *error = nullptr);

} // namespace Waymark::PersonaPhoto
