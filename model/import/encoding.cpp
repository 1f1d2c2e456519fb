#include "encoding.h"

#include "logging.h"

#include <QCoreApplication>

#include <uchardet.h>

#include <algorithm>
#include <array>
#include <climits>
#include <memory>

using namespace Qt::StringLiterals;

namespace Waymark::Import {

namespace {

// The translation context of this file's messages.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Waymark::Import)
};

// Windows-1252 differs from Latin-1 only in 0x80-0x9F. The five bytes it leaves undefined
// map to the C1 controls of the same value, as Windows itself decodes them.
constexpr std::array<char16_t, 32> cp1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

QStringConverter::Encoding qtEncoding(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf16LE:
        return QStringConverter::Utf16LE;
    case Encoding::Utf16BE:
        return QStringConverter::Utf16BE;
    default:
        return QStringConverter::Utf8;
    }
}

// Bytes no text file holds: everything below 0x20 except tab, line feed, form feed and
// carriage return, and DEL.
bool isControlByte(unsigned char c)
{
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f;
}

QString uchardetGuess(QByteArrayView sample)
{
    const std::unique_ptr<uchardet, void (*)(uchardet_t)> detector(uchardet_new(), uchardet_delete);
    if (!detector)
        return {};
    if (uchardet_handle_data(detector.get(), sample.data(), std::size_t(sample.size())) != 0)
        return {};
    uchardet_data_end(detector.get());
    return QString::fromLatin1(uchardet_get_charset(detector.get())).toLower();
}

} // namespace

QString encodingName(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return u"utf-8"_s;
    case Encoding::Utf16LE:
        return u"utf-16le"_s;
    case Encoding::Utf16BE:
        return u"utf-16be"_s;
    case Encoding::Windows1252:
        return u"windows-1252"_s;
    case Encoding::Latin1:
        return u"iso-8859-1"_s;
    }
    return {};
}

std::optional<Encoding> encodingFromName(QStringView name)
{
    const QString n = name.trimmed().toString().toLower().remove(u'_').remove(u'-');
    if (n == u"utf8")
        return Encoding::Utf8;
    if (n == u"utf16le")
        return Encoding::Utf16LE;
    if (n == u"utf16be")
        return Encoding::Utf16BE;
    if (n == u"windows1252" || n == u"cp1252" || n == u"win1252")
        return Encoding::Windows1252;
    if (n == u"iso88591" || n == u"latin1" || n == u"l1")
        return Encoding::Latin1;
    return std::nullopt;
}

qsizetype byteOrderMarkLength(QByteArrayView bytes, Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    case Encoding::Utf16LE:
        return bytes.startsWith("\xFF\xFE") ? 2 : 0;
    case Encoding::Utf16BE:
        return bytes.startsWith("\xFE\xFF") ? 2 : 0;
    case Encoding::Windows1252:
    case Encoding::Latin1:
        break;
    }
    return 0;
}

bool isValidUtf8(QByteArrayView bytes, bool allowTruncatedEnd)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }

        int length = 0;
        char32_t min = 0;
        char32_t cp = 0;
        if ((c & 0xE0) == 0xC0) {
            length = 2, min = 0x80, cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3, min = 0x800, cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4, min = 0x10000, cp = c & 0x07;
        } else {
            return false;
        }

        for (int k = 1; k < length; ++k) {
            if (i + k >= n)
                return allowTruncatedEnd;
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += length;
    }
    return true;
}

std::optional<DetectedEncoding> detectEncoding(QByteArrayView sample, QString *error,
                                               DetectionFailure *failure)
{
    DetectionFailure unused;
    if (!failure)
        failure = &unused;

    if (sample.isEmpty()) {
        *failure = DetectionFailure::Empty;
        *error = Text::tr("The file is empty.");
        return std::nullopt;
    }

    if (sample.startsWith("\xEF\xBB\xBF"))
        return DetectedEncoding{Encoding::Utf8, 3, u"UTF-8 byte-order mark"_s};
    // Sizes spelled out: a view of a literal would stop at its first NUL.
    if (sample.startsWith(QByteArrayView("\xFF\xFE\x00\x00", 4)) ||
        sample.startsWith(QByteArrayView("\x00\x00\xFE\xFF", 4))) {
        *failure = DetectionFailure::Unsupported;
        *error = Text::tr("The file is UTF-32 text, which Waymark does not read. Save it as UTF-8 "
                          "or UTF-16 and import it again.");
        return std::nullopt;
    }
    if (sample.startsWith("\xFF\xFE"))
        return DetectedEncoding{Encoding::Utf16LE, 2, u"UTF-16LE byte-order mark"_s};
    if (sample.startsWith("\xFE\xFF"))
        return DetectedEncoding{Encoding::Utf16BE, 2, u"UTF-16BE byte-order mark"_s};

    // TODO: UTF-16 without a byte-order mark is refused as binary here; it reads only when
    // the user chooses utf-16le or utf-16be, though its pattern of NUL bytes would tell.
    // Text never holds NUL, and a file with many other control bytes is an image, an
    // archive or a spreadsheet saved in a binary format rather than text.
    qsizetype controls = 0;
    for (const char c : sample) {
        if (c == '\0') {
            *failure = DetectionFailure::Binary;
            *error = Text::tr("The file holds binary data (NUL bytes), not text. If it is UTF-16 "
                              "text without a byte-order mark, choose its encoding.");
            return std::nullopt;
        }
        if (isControlByte(static_cast<unsigned char>(c)))
            ++controls;
    }
    if (controls * 100 > sample.size()) {
        // Counted before the call: lupdate cannot parse a template argument list there.
        const int count = int(std::min<qsizetype>(controls, INT_MAX));
        *failure = DetectionFailure::Binary;
        *error = QCoreApplication::translate("Waymark::Import",
                                             "The file holds binary data, not text: %n control "
                                             "character(s) in its first bytes. Export it "
                                             "again as CSV.",
                                             "", count);
        return std::nullopt;
    }

    if (isValidUtf8(sample, true))
        return DetectedEncoding{Encoding::Utf8, 0, u"valid UTF-8"_s};

    // Not UTF-8, so one of the single-byte Western encodings. They agree on every byte but
    // 0x80-0x9F, where Latin-1 has only invisible controls that no tool writes; Windows-1252
    // is therefore the safe answer unless uchardet is sure of Latin-1.
    const QString guess = uchardetGuess(sample);
    qCDebug(lcImport) << "uchardet guesses" << guess;
    if (guess == u"iso-8859-1")
        return DetectedEncoding{Encoding::Latin1, 0, u"not UTF-8; uchardet: iso-8859-1"_s};
    return DetectedEncoding{
        Encoding::Windows1252, 0,
        u"not UTF-8; uchardet: %1"_s.arg(guess.isEmpty() ? u"no guess"_s : guess)};
}

TextDecoder::TextDecoder(Encoding encoding)
    : mEncoding(encoding)
    , mDecoder(qtEncoding(encoding))
{}

QString TextDecoder::decode(QByteArrayView chunk)
{
    switch (mEncoding) {
    case Encoding::Utf16LE:
    case Encoding::Utf16BE:
        mOddByte = mOddByte != (chunk.size() % 2 != 0);
        return mDecoder.decode(chunk);
    case Encoding::Utf8:
        return mDecoder.decode(chunk);
    case Encoding::Latin1:
        return QString::fromLatin1(chunk);
    case Encoding::Windows1252:
        break;
    }

    QString text(chunk.size(), Qt::Uninitialized);
    QChar *out = text.data();
    for (const char c : chunk) {
        const auto b = static_cast<unsigned char>(c);
        *out++ = (b >= 0x80 && b < 0xA0) ? QChar(cp1252High[b - 0x80]) : QChar(char16_t(b));
    }
    return text;
}

bool TextDecoder::hasError() const
{
    return mDecoder.hasError();
}

} // namespace Waymark::Import
