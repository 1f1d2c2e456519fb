// Text encodings of imported files: detecting one from the first bytes of a file, naming
// one for an override, and decoding a stream of chunks into text. Only the encodings the
// survey and shop tools actually write are supported: UTF-8, UTF-16 (Excel's "Unicode
// Text"), and Windows-1252 or Latin-1 from older Windows exports.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringDecoder>

#include <optional>

namespace Waymark::Import {

enum class Encoding
{
    Utf8,
    Utf16LE,
    Utf16BE,
    Windows1252,
    Latin1
};

// The canonical name ("utf-8", "utf-16le", "utf-16be", "windows-1252", "iso-8859-1"), as
// stored with a dataset and accepted by --encoding.
QString encodingName(Encoding encoding);

// Accepts the canonical names and common aliases ("UTF8", "cp1252", "latin1", ...), in any
// case. nullopt for anything else.
std::optional<Encoding> encodingFromName(QStringView name);

struct DetectedEncoding
{
    Encoding encoding = Encoding::Utf8;
    qsizetype bomLength = 0; // bytes of byte-order mark at the start, to be skipped
    QString reason;          // how it was decided, for the log and the wizard's details
};

enum class DetectionFailure
{
    Empty,
    Binary,
    Unsupported
};

// Looks at the first bytes of a file (64 KiB is plenty). A byte-order mark decides; else
// valid UTF-8 (plain ASCII included) is UTF-8; else uchardet tells Windows-1252 from
// Latin-1. Refuses, with a message in *error, an empty sample and binary data (NUL bytes
// without a UTF-16 byte-order mark, or many control characters). A sample that ends in the
// middle of a UTF-8 sequence still counts as UTF-8.
// *failure, when given, tells the kind of refusal apart.
std::optional<DetectedEncoding> detectEncoding(QByteArrayView sample, QString *error,
                                               DetectionFailure *failure = nullptr);

// The length of the byte-order mark of that encoding at the start of the bytes, 0 if none.
qsizetype byteOrderMarkLength(QByteArrayView bytes, Encoding encoding);

// Whether the bytes are well-formed UTF-8 (no overlong forms, surrogates or code points
// above U+10FFFF). With allowTruncatedEnd, an incomplete sequence at the very end is
// accepted, for samples cut from a longer file.
bool isValidUtf8(QByteArrayView bytes, bool allowTruncatedEnd = false);

// Decodes successive chunks of one stream; a character split between two chunks comes
// out whole with the second. UTF-8 and UTF-16 report malformed input through hasError()
// (it is replaced by U+FFFD); the single-byte encodings cannot be malformed.
class TextDecoder
{
public:
    explicit TextDecoder(Encoding encoding);

    QString decode(QByteArrayView chunk);
    bool hasError() const;

    // False when the bytes so far end inside a UTF-16 code unit: at the end of a file,
    // that byte would otherwise vanish.
    bool atCodeUnitBoundary() const { return !mOddByte; }

private:
    Encoding mEncoding;
    bool mOddByte = false;
    QStringDecoder mDecoder; // for the Unicode encodings only
};

} // namespace Waymark::Import
