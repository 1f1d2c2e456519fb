// Reading a persona's photo: ordinary pictures are scaled down and re-encoded; pictures
// that are too large, damaged, cut short or of another format are refused with a message,
// and a decompression bomb is refused from its header, before any pixel is decoded.
#include "personaphoto.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QImageReader>
#include <QLocale>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace Qt::StringLiterals;
using namespace Waymark;

namespace {

// A picture with detail in it, so that JPEG has something to compress.
QImage testPicture(int width, int height, bool transparent = false)
{
    QImage image(width, height, transparent ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    image.fill(transparent ? Qt::transparent : Qt::white);
    QPainter painter(&image);
    QLinearGradient gradient(0, 0, width, height);
    gradient.setColorAt(0, QColor(u"#2a9d8f"_s));
    gradient.setColorAt(1, QColor(u"#e76f51"_s));
    painter.setBrush(gradient);
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(QRectF(0, 0, width, height).adjusted(5, 5, -5, -5));
    return image;
}

QByteArray encoded(const QImage &image, const char *format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format, 90);
    return bytes;
}

quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char c : data) {
        crc ^= uchar(c);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray pngChunk(const char *type, const QByteArray &payload)
{
    QByteArray length(4, '\0');
    qToBigEndian<quint32>(quint32(payload.size()), length.data());
    const QByteArray body = QByteArray(type, 4) + payload;
    QByteArray crc(4, '\0');
    qToBigEndian<quint32>(crc32(body), crc.data());
    return length + body + crc;
}

// A valid PNG header that declares width × height pixels, followed by a few bytes of image
// data: a file of well under a kilobyte that would need gigabytes once decoded.
QByteArray pngBomb(quint32 width, quint32 height)
{
    QByteArray ihdr(13, '\0');
    qToBigEndian<quint32>(width, ihdr.data());
    qToBigEndian<quint32>(height, ihdr.data() + 4);
    ihdr[8] = 8;                                                      // bit depth
    ihdr[9] = 6;                                                      // RGBA
    ihdr[10] = 0;                                                     // deflate
    ihdr[11] = 0;                                                     // adaptive filtering
    ihdr[12] = 0;                                                     // not interlaced
    const QByteArray idat = qCompress(QByteArray(4096, '\0')).mid(4); // zlib stream
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr) + pngChunk("IDAT", idat) +
           pngChunk("IEND", {});
}

// GIF89a, 1 × 1 pixel, written out by hand since Qt has no GIF writer.
QByteArray tinyGif()
{
    return QByteArray::fromHex("47494638396101000100800000ffffff00000021f90401000000002c00"
                               "000000010001000002024401003b"_ba);
}

QSize storedSize(const QByteArray &bytes, QByteArray *format)
{
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    *format = reader.format();
    return reader.size();
}

} // namespace

class TestPersonaPhoto : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void bombIsRefusedFromItsHeader();
    void fromFile();
    void tooLargeFile();
    void decodeStored();
};

void TestPersonaPhoto::accepted_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QSize>("expectedSize");
    QTest::addColumn<QByteArray>("expectedFormat");

    QTest::newRow("large JPEG photo is scaled down")
        << encoded(testPicture(1600, 1200), "jpeg") << QSize(512, 384) << "jpeg"_ba;
    QTest::newRow("portrait PNG without transparency becomes JPEG")
        << encoded(testPicture(600, 1200), "png") << QSize(256, 512) << "jpeg"_ba;
    QTest::newRow("transparent PNG stays PNG")
        << encoded(testPicture(1024, 1024, true), "png") << QSize(512, 512) << "png"_ba;
    QTest::newRow("small picture keeps its size")
        << encoded(testPicture(120, 80), "jpeg") << QSize(120, 80) << "jpeg"_ba;
}

void TestPersonaPhoto::accepted()
{
    QFETCH(QByteArray, input);
    QFETCH(QSize, expectedSize);
    QFETCH(QByteArray, expectedFormat);

    const PersonaPhoto::Result result = PersonaPhoto::fromBytes(input);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(!result.bytes.isEmpty());

    QByteArray format;
    QCOMPARE(storedSize(result.bytes, &format), expectedSize);
    QCOMPARE(format, expectedFormat);
    QVERIFY(result.bytes.size() < input.size() || expectedSize.width() < 512);
}

void TestPersonaPhoto::refused_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("messagePart");

    const QByteArray jpeg = encoded(testPicture(800, 600), "jpeg");
    const QByteArray png = encoded(testPicture(800, 600), "png");

    QTest::newRow("empty") << QByteArray() << u"empty"_s;
    QTest::newRow("text file") << "Name,Quote\nPriya,\"Two minutes\"\n"_ba << u"PNG or JPEG"_s;
    QTest::newRow("GIF") << tinyGif() << u"GIF"_s;
    QTest::newRow("BMP") << encoded(testPicture(40, 30), "bmp") << u"BMP"_s;
    QTest::newRow("truncated JPEG") << jpeg.left(jpeg.size() * 6 / 10) << u"cut short"_s;
    QTest::newRow("JPEG cut in its header") << jpeg.left(200) << u"damaged"_s;
    QTest::newRow("truncated PNG") << png.left(png.size() / 2) << u"cut short"_s;
    QTest::newRow("PNG signature only") << "\x89PNG\r\n\x1a\n"_ba << u"damaged"_s;
    QTest::newRow("JPEG header with garbage")
        << QByteArray("\xFF\xD8\xFF\xE0", 4) + QByteArray(500, '\x17') << u"damaged"_s;
    QTest::newRow("wider than 12,000 pixels") << pngBomb(12001, 10) << u"12"_s;
    QTest::newRow("more than 50 megapixels") << pngBomb(8000, 8000) << u"50"_s;
    QTest::newRow("zero size") << pngBomb(0, 0) << u"damaged"_s;
}

void TestPersonaPhoto::refused()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, messagePart);

    const PersonaPhoto::Result result = PersonaPhoto::fromBytes(input);
    QVERIFY(!result.ok());
    QVERIFY(result.bytes.isEmpty());
    QVERIFY2(result.error.contains(messagePart, Qt::CaseInsensitive), qPrintable(result.error));

    QString decodeError;
    QVERIFY(PersonaPhoto::decode(input, &decodeError).isNull());
}

void TestPersonaPhoto::bombIsRefusedFromItsHeader()
{
    // 100,000 × 100,000 RGBA would be 40 GB once decoded. A decoder that tried would fail
    // on the allocation limit after seconds; the header check answers at once, and says
    // what the size is.
    const QByteArray bomb = pngBomb(100000, 100000);
    QVERIFY(bomb.size() < 1024);

    QElapsedTimer timer;
    timer.start();
    const PersonaPhoto::Result result = PersonaPhoto::fromBytes(bomb);
    QVERIFY(timer.elapsed() < 2000);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(QLocale().toString(100000)), qPrintable(result.error));
}

void TestPersonaPhoto::fromFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"priya.jpg"_s);
    QVERIFY(testPicture(2000, 1000).save(path, "jpeg"));

    const PersonaPhoto::Result result = PersonaPhoto::fromFile(path);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QByteArray format;
    QCOMPARE(storedSize(result.bytes, &format), QSize(512, 256));

    const PersonaPhoto::Result missing = PersonaPhoto::fromFile(dir.filePath(u"none.png"_s));
    QVERIFY(!missing.ok());
    QVERIFY(missing.bytes.isEmpty());
}

void TestPersonaPhoto::tooLargeFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"huge.png"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write(encoded(testPicture(64, 64), "png")) > 0);
    // Sparse: the size counts, the disk stays empty.
    QVERIFY(file.resize(PersonaPhoto::MaxFileBytes + 1));
    file.close();

    const PersonaPhoto::Result result = PersonaPhoto::fromFile(path);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(u"30 MB"_s), qPrintable(result.error));
}

void TestPersonaPhoto::decodeStored()
{
    const PersonaPhoto::Result stored =
        PersonaPhoto::fromBytes(encoded(testPicture(900, 900, true), "png"));
    QVERIFY(stored.ok());

    QString error;
    const QImage image = PersonaPhoto::decode(stored.bytes, &error);
    QVERIFY2(!image.isNull(), qPrintable(error));
    QCOMPARE(image.size(), QSize(512, 512));
    QVERIFY(image.hasAlphaChannel());

    QVERIFY(PersonaPhoto::decode({}).isNull());
}

QTEST_GUILESS_MAIN(TestPersonaPhoto)

#include "tst_personaphoto.moc"
