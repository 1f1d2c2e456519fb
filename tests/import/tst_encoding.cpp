// Encoding detection, names for the override, and chunked decoding.
#include "import/encoding.h"

#include <QTest>

using namespace Waymark::Import;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Waymark::Import::Encoding)

class tst_Encoding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detect_data()
    {
        QTest::addColumn<QByteArray>("sample");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<Encoding>("encoding");
        QTest::addColumn<int>("bomLength");

        QTest::newRow("ascii") << "a,b\n1,2\n"_ba << true << Encoding::Utf8 << 0;
        QTest::newRow("utf-8") << "Caf\xc3\xa9,\xe2\x82\xac\n"_ba << true << Encoding::Utf8 << 0;
        QTest::newRow("utf-8 bom") << "\xef\xbb\xbf"
                                      "a,b\n"_ba
                                   << true << Encoding::Utf8 << 3;
        QTest::newRow("utf-8 cut in a character") << "a,\xe2\x82"_ba << true << Encoding::Utf8 << 0;
        QTest::newRow("utf-16le bom") << QByteArray("\xff\xfe"
                                                    "a\0,\0b\0",
                                                    8)
                                      << true << Encoding::Utf16LE << 2;
        QTest::newRow("utf-16be bom")
            << QByteArray("\xfe\xff\0a\0,\0b", 8) << true << Encoding::Utf16BE << 2;
        QTest::newRow("windows-1252 quotes")
            << "Touchpoint,Comment\n\x93Great\x94 service \x96 fast\n"_ba << true
            << Encoding::Windows1252 << 0;
        QTest::newRow("latin-1 letters")
            << "Nom,Ville\nFran\xe7ois,Besan\xe7on\nH\xe9l\xe8ne,Orl\xe9"
               "ans\n"_ba
            << true << Encoding::Latin1 << 0;
        QTest::newRow("empty") << QByteArray() << false << Encoding::Utf8 << 0;
        QTest::newRow("nul bytes") << QByteArray("a,b\n\0\0\0", 7) << false << Encoding::Utf8 << 0;
        QTest::newRow("control bytes")
            << "\x01\x02\x03\x04\x05\x06\x07\x08xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"_ba << false
            << Encoding::Utf8 << 0;
        QTest::newRow("utf-32le bom")
            << QByteArray("\xff\xfe\0\0a\0\0\0", 8) << false << Encoding::Utf8 << 0;
    }

    void detect()
    {
        QFETCH(QByteArray, sample);
        QFETCH(bool, accepted);
        QFETCH(Encoding, encoding);
        QFETCH(int, bomLength);

        QString error;
        const std::optional<DetectedEncoding> detected = detectEncoding(sample, &error);
        QCOMPARE(detected.has_value(), accepted);
        if (!accepted) {
            QVERIFY(!error.isEmpty());
            return;
        }
        QCOMPARE(detected->encoding, encoding);
        QCOMPARE(detected->bomLength, qsizetype(bomLength));
        QVERIFY(!detected->reason.isEmpty());
    }

    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("known");
        QTest::addColumn<Encoding>("encoding");

        QTest::newRow("utf-8") << u"utf-8"_s << true << Encoding::Utf8;
        QTest::newRow("UTF8") << u"UTF8"_s << true << Encoding::Utf8;
        QTest::newRow("utf-16le") << u"UTF-16LE"_s << true << Encoding::Utf16LE;
        QTest::newRow("utf-16be") << u"utf-16be"_s << true << Encoding::Utf16BE;
        QTest::newRow("cp1252") << u"cp1252"_s << true << Encoding::Windows1252;
        QTest::newRow("windows-1252") << u" Windows-1252 "_s << true << Encoding::Windows1252;
        QTest::newRow("latin1") << u"latin1"_s << true << Encoding::Latin1;
        QTest::newRow("iso-8859-1") << u"ISO-8859-1"_s << true << Encoding::Latin1;
        QTest::newRow("shift-jis") << u"shift_jis"_s << false << Encoding::Utf8;
        QTest::newRow("empty") << QString() << false << Encoding::Utf8;
    }

    void names()
    {
        QFETCH(QString, name);
        QFETCH(bool, known);
        QFETCH(Encoding, encoding);

        const std::optional<Encoding> found = encodingFromName(name);
        QCOMPARE(found.has_value(), known);
        if (known) {
            QCOMPARE(*found, encoding);
            QCOMPARE(encodingFromName(encodingName(encoding)), found);
        }
    }

    void validUtf8_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("valid");

        QTest::newRow("ascii") << "plain"_ba << true;
        QTest::newRow("two bytes") << "\xc3\xa9"_ba << true;
        QTest::newRow("four bytes") << "\xf0\x9f\x98\x80"_ba << true;
        QTest::newRow("lone continuation") << "\x80"_ba << false;
        QTest::newRow("overlong slash") << "\xc0\xaf"_ba << false;
        QTest::newRow("surrogate") << "\xed\xa0\x80"_ba << false;
        QTest::newRow("above U+10FFFF") << "\xf4\x90\x80\x80"_ba << false;
        QTest::newRow("truncated") << "ab\xe2\x82"_ba << false;
        QTest::newRow("latin-1 e acute") << "caf\xe9"_ba << false;
    }

    void validUtf8()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, valid);

        QCOMPARE(isValidUtf8(bytes), valid);
    }

    void decodeInChunks_data()
    {
        QTest::addColumn<Encoding>("encoding");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("text");

        const QString text = u"Caf\u00e9 \u20ac \U0001F600 \u201cok\u201d"_s;
        QTest::newRow("utf-8") << Encoding::Utf8 << text.toUtf8() << text;
        QByteArray le(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
        QTest::newRow("utf-16le") << Encoding::Utf16LE << le << text;
        QByteArray be = le;
        for (qsizetype i = 0; i + 1 < be.size(); i += 2)
            std::swap(be[i], be[i + 1]);
        QTest::newRow("utf-16be") << Encoding::Utf16BE << be << text;
        QTest::newRow("windows-1252") << Encoding::Windows1252 << "Caf\xe9 \x80 \x93ok\x94 \x81"_ba
                                      << u"Caf\u00e9 \u20ac \u201cok\u201d \u0081"_s;
        QTest::newRow("latin-1") << Encoding::Latin1 << "Caf\xe9 \x80"_ba << u"Caf\u00e9 \u0080"_s;
    }

    void decodeInChunks()
    {
        QFETCH(Encoding, encoding);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, text);

        // Every split point, so that a character cut in two is tried everywhere.
        for (qsizetype split = 0; split <= bytes.size(); ++split) {
            TextDecoder decoder(encoding);
            QString decoded = decoder.decode(QByteArrayView(bytes).first(split));
            decoded += decoder.decode(QByteArrayView(bytes).sliced(split));
            QCOMPARE(decoded, text);
            QVERIFY(!decoder.hasError());
            QVERIFY(decoder.atCodeUnitBoundary());
        }
    }

    void oddUtf16Bytes()
    {
        TextDecoder decoder(Encoding::Utf16LE);
        decoder.decode("a\0b"_ba);
        QVERIFY(!decoder.atCodeUnitBoundary());
        decoder.decode("\0"_ba);
        QVERIFY(decoder.atCodeUnitBoundary());
    }

    void decodeErrors()
    {
        TextDecoder decoder(Encoding::Utf8);
        decoder.decode("ok \xff there"_ba);
        QVERIFY(decoder.hasError());
    }
};

QTEST_GUILESS_MAIN(tst_Encoding)
#include "tst_encoding.moc"
