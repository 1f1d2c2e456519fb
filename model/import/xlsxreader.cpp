#include "xlsxreader.h"

#include "import/encoding.h"
#include "logging.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QFile>
#include <QTime>
#include <QtEndian>

#include <orcus/sax_parser.hpp>
#include <orcus/zip_archive.hpp>
#include <orcus/zip_archive_stream.hpp>

#include <zlib.h>

#ifdef Q_OS_UNIX
#include <sys/mman.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <unordered_map>
#include <vector>

using namespace Qt::StringLiterals;

namespace Waymark::Import {

namespace {

// The translation context of this file's messages, shared with the CSV reader's.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Waymark::Import)
};

// A file the system cannot map is read into memory, up to this size.
constexpr qint64 maxUnmappedBytes = qint64(1024) * 1024 * 1024;

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 0);
}

// "A", "B", ... "Z", "AA": the column as the sheet's header shows it, for messages.
QString columnLetters(qsizetype column)
{
    QString name;
    for (qsizetype n = column; n > 0; n = (n - 1) / 26)
        name.prepend(QChar(u'A' + char16_t((n - 1) % 26)));
    return name;
}

SourceError makeError(SourceErrorCode code, const QString &message)
{
    SourceError error;
    error.code = code;
    error.message = message;
    return error;
}

// --- The zip archive, checked before liborcus inflates anything --------------------------

struct ZipEntry
{
    std::string name;
    quint16 flags = 0;
    quint16 method = 0;
    qint64 packed = 0;
    qint64 unpacked = 0;
    quint32 crc = 0;
    qint64 dataOffset = 0; // where its packed bytes start, past the local header
};

constexpr QByteArrayView zipMagic("PK\x03\x04", 4);
constexpr QByteArrayView compoundMagic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);

quint16 le16(QByteArrayView data, qsizetype at)
{
    return qFromLittleEndian<quint16>(data.data() + at);
}

quint32 le32(QByteArrayView data, qsizetype at)
{
    return qFromLittleEndian<quint32>(data.data() + at);
}

// Reads the central directory (the archive's table of contents at its end) and refuses
// what must not reach the inflater: sizes over the caps, compression ratios no real sheet
// has, encrypted entries, methods other than stored and deflate, ZIP64 archives.
std::optional<std::vector<ZipEntry>>
readZipDirectory(QByteArrayView data, const XlsxOptions &options, SourceError *error)
{
    auto damaged = [&](const QString &why) {
        *error = makeError(SourceErrorCode::Malformed,
                           Text::tr("The workbook is damaged or incomplete (%1). Save it again "
                                    "from Excel and import the new file.")
                               .arg(why));
        return std::nullopt;
    };

    // The end-of-directory record is in the last 64 KiB (its comment is at most that long).
    constexpr qsizetype endRecord = 22;
    qsizetype end = -1;
    for (qsizetype at = data.size() - endRecord; at >= 0 && at >= data.size() - endRecord - 65535;
         --at) {
        if (le32(data, at) == 0x06054b50) {
            end = at;
            break;
        }
    }
    if (end < 0)
        return damaged(Text::tr("the end of the zip archive is missing"));

    const quint16 count = le16(data, end + 10);
    const quint32 directorySize = le32(data, end + 12);
    const quint32 directoryOffset = le32(data, end + 16);
    if (count == 0xFFFF || directoryOffset == 0xFFFFFFFF || directorySize == 0xFFFFFFFF) {
        *error = makeError(SourceErrorCode::TooLarge,
                           Text::tr("The workbook is a ZIP64 archive, made only for files over "
                                    "4 GB: more than Waymark reads. Save the sheet as CSV."));
        return std::nullopt;
    }
    if (qint64(count) > options.maxEntries)
        return damaged(Text::tr("it holds %1 parts").arg(count));
    if (qint64(directoryOffset) + directorySize > end)
        return damaged(Text::tr("the zip directory points outside the file"));

    std::vector<ZipEntry> entries;
    entries.reserve(count);
    qint64 total = 0;
    qsizetype at = qsizetype(directoryOffset);
    for (quint16 i = 0; i < count; ++i) {
        if (at + 46 > end || le32(data, at) != 0x02014b50)
            return damaged(Text::tr("the zip directory is cut short"));
        ZipEntry entry;
        entry.flags = le16(data, at + 8);
        entry.method = le16(data, at + 10);
        entry.crc = le32(data, at + 16);
        entry.packed = le32(data, at + 20);
        entry.unpacked = le32(data, at + 24);
        const quint16 nameLength = le16(data, at + 28);
        const quint16 extraLength = le16(data, at + 30);
        const quint16 commentLength = le16(data, at + 32);
        const quint32 localOffset = le32(data, at + 42);
        if (at + 46 + nameLength > end)
            return damaged(Text::tr("the zip directory is cut short"));
        entry.name.assign(data.data() + at + 46, nameLength);
        at += 46 + nameLength + extraLength + commentLength;

        if (qint64(localOffset) + 30 + entry.packed > directoryOffset ||
            le32(data, localOffset) != 0x04034b50)
            return damaged(Text::tr("part “%1” is not where the directory says")
                               .arg(QString::fromStdString(entry.name)));
        entry.dataOffset =
            qint64(localOffset) + 30 + le16(data, localOffset + 26) + le16(data, localOffset + 28);
        if (entry.dataOffset + entry.packed > directoryOffset)
            return damaged(Text::tr("part “%1” is not where the directory says")
                               .arg(QString::fromStdString(entry.name)));
        // Without a data descriptor, the local header repeats the sizes; an archive whose
        // two copies disagree is damaged or built to mislead an inflater.
        if (!(entry.flags & 0x08) && (le32(data, localOffset + 18) != entry.packed ||
                                      le32(data, localOffset + 22) != entry.unpacked))
            return damaged(Text::tr("the sizes of part “%1” disagree")
                               .arg(QString::fromStdString(entry.name)));
        if (entry.flags & 0x01) {
            *error = makeError(SourceErrorCode::Unsupported,
                               Text::tr("The workbook's parts are encrypted. Save it again from "
                                        "Excel without a password and import the new file."));
            return std::nullopt;
        }
        if (entry.method != 0 && entry.method != 8) {
            *error = makeError(SourceErrorCode::Unsupported,
                               Text::tr("The workbook is packed with a compression method Waymark "
                                        "cannot read (method %1). Save it again from Excel.")
                                   .arg(entry.method));
            return std::nullopt;
        }

        const QString name = QString::fromStdString(entry.name);
        if (entry.unpacked > 1024 * 1024 &&
            entry.unpacked > options.maxCompressionRatio * std::max<qint64>(entry.packed, 1)) {
            *error = makeError(
                SourceErrorCode::TooLarge,
                Text::tr("Part “%1” of the workbook unpacks to %2 times its packed size. No "
                         "spreadsheet packs that tightly: the file looks built to exhaust "
                         "memory, and Waymark does not read it.")
                    .arg(name)
                    .arg(entry.unpacked / std::max<qint64>(entry.packed, 1)));
            return std::nullopt;
        }
        total += entry.unpacked;
        if (total > options.maxUncompressedBytes) {
            *error = makeError(SourceErrorCode::TooLarge,
                               Text::tr("The workbook takes more than %1 MB unpacked, the most "
                                        "Waymark reads. Save the sheet as CSV, which Waymark "
                                        "reads at any size.")
                                   .arg(megabytes(options.maxUncompressedBytes)));
            return std::nullopt;
        }
        entries.push_back(std::move(entry));
    }
    return entries;
}

// Excel saves a workbook with a password as an OLE compound file that holds the encrypted
// zip in a stream named EncryptedPackage; .xls files are compound files too.
SourceError compoundFileError(QByteArrayView data)
{
    // The stream names of the compound file's directory are UTF-16LE.
    QByteArray utf16;
    for (char c : QByteArrayView("EncryptedPackage")) {
        utf16.append(c);
        utf16.append('\0');
    }
    if (data.indexOf(utf16) >= 0) {
        return makeError(SourceErrorCode::Unsupported,
                         Text::tr("The workbook is protected with a password. Open it in Excel, "
                                  "remove the password (File, Info, Protect Workbook), save it "
                                  "and import it again."));
    }
    return makeError(SourceErrorCode::Unsupported,
                     Text::tr("The file is an Excel 97-2003 workbook (.xls) or another older "
                              "Office file. Open it in Excel or LibreOffice, save it as .xlsx "
                              "or CSV and import that."));
}

// --- The workbook's structure: which sheets, in which parts -------------------------------

struct XmlAttribute
{
    std::string name; // without its namespace prefix
    std::string prefix;
    std::string value;
};

// Collects, for each element of interest, its attributes (liborcus's SAX parser reports
// them before the element itself).
struct AttributeCollector
{
    std::vector<XmlAttribute> attributes;

    void doctype(const orcus::sax::doctype_declaration &) {}
    void start_declaration(std::string_view) {}
    void end_declaration(std::string_view) { attributes.clear(); }
    void attribute(const orcus::sax::parser_attribute &attr)
    {
        attributes.push_back(
            {std::string(attr.name), std::string(attr.ns), std::string(attr.value)});
    }
    std::string attribute(std::string_view name, bool prefixed = false) const
    {
        for (const XmlAttribute &a : attributes) {
            if (a.name == name && prefixed == !a.prefix.empty())
                return a.value;
        }
        return {};
    }
};

struct Relationship
{
    std::string id;
    std::string type;
    std::string target;
};

struct RelationshipsHandler : AttributeCollector
{
    std::vector<Relationship> relationships;

    void start_element(const orcus::sax::parser_element &element)
    {
        if (element.name == "Relationship")
            relationships.push_back({attribute("Id"), attribute("Type"), attribute("Target")});
        attributes.clear();
    }
    void end_element(const orcus::sax::parser_element &) {}
    void characters(std::string_view, bool) {}
};

struct WorkbookHandler : AttributeCollector
{
    std::vector<std::pair<std::string, std::string>> sheets; // name and relationship id
    bool date1904 = false;

    void start_element(const orcus::sax::parser_element &element)
    {
        if (element.name == "sheet") {
            sheets.emplace_back(attribute("name"), attribute("id", true));
        } else if (element.name == "workbookPr") {
            const std::string system = attribute("date1904");
            date1904 = system == "1" || system == "true";
        }
        attributes.clear();
    }
    void end_element(const orcus::sax::parser_element &) {}
    void characters(std::string_view, bool) {}
};

template <typename Handler> void parseXml(const std::vector<unsigned char> &xml, Handler &handler)
{
    orcus::sax_parser<Handler> parser(reinterpret_cast<const char *>(xml.data()), xml.size(),
                                      handler);
    parser.parse();
}

// A relationship's target, relative to the folder of the part that names it, as a path in
// the archive.
std::string resolvePartPath(const std::string &folder, const std::string &target)
{
    if (!target.empty() && target.front() == '/')
        return target.substr(1);
    std::vector<std::string> segments;
    std::string path = folder + target;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t slash = std::min(path.find('/', start), path.size());
        const std::string segment = path.substr(start, slash - start);
        if (segment == "..") {
            if (!segments.empty())
                segments.pop_back();
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(segment);
        }
        start = slash + 1;
    }
    std::string joined;
    for (const std::string &s : segments)
        joined += (joined.empty() ? "" : "/") + s;
    return joined;
}

// --- Number formats -----------------------------------------------------------------------

enum class DateKind
{
    None,
    Date,
    Time,
    DateTime
};

DateKind builtinDateKind(qsizetype id)
{
    if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 58))
        return DateKind::Date;
    if ((id >= 18 && id <= 21) || id == 45 || id == 47 || (id >= 32 && id <= 35))
        return DateKind::Time;
    if (id == 22)
        return DateKind::DateTime;
    return DateKind::None; // 46 ([h]:mm:ss) is a duration, not a time of day
}

// Reads a format code's first section the way Excel does, skipping quoted text, escaped
// characters, fill and padding characters and bracketed colours and locales. Elapsed time
// ([h], [mm], [ss]) is a duration, which stays a number.
DateKind codeDateKind(QStringView code)
{
    bool date = false;
    bool time = false;
    bool month = false;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code[i].toLower();
        if (c == u';')
            break;
        if (c == u'"') {
            const qsizetype close = code.indexOf(u'"', i + 1);
            i = close < 0 ? code.size() : close;
        } else if (c == u'\\' || c == u'_' || c == u'*') {
            ++i;
        } else if (c == u'[') {
            const qsizetype close = code.indexOf(u']', i + 1);
            const QString inside = code.mid(i + 1, close < 0 ? -1 : close - i - 1).toString();
            if (!inside.isEmpty() &&
                inside.toLower().count(inside.toLower().front()) == inside.size() &&
                QStringView(u"hms").contains(inside.toLower().front()))
                return DateKind::None;
            i = close < 0 ? code.size() : close;
        } else if (c == u'y' || c == u'd') {
            date = true;
        } else if (c == u'h' || c == u's') {
            time = true;
        } else if (c == u'm') {
            month = true;
        }
    }
    if (date && time)
        return DateKind::DateTime;
    if (date || (month && !time))
        return DateKind::Date;
    return time ? DateKind::Time : DateKind::None;
}

// hh:mm:ss, with .zzz when there are milliseconds.
QString timeOfDay(qint64 ms)
{
    const int hours = int(ms / 3600000);
    const int minutes = int(ms / 60000 % 60);
    const int seconds = int(ms / 1000 % 60);
    const int millis = int(ms % 1000);
    char16_t text[12];
    auto two = [&](int at, int value) {
        text[at] = char16_t(u'0' + value / 10);
        text[at + 1] = char16_t(u'0' + value % 10);
    };
    two(0, hours);
    text[2] = u':';
    two(3, minutes);
    text[5] = u':';
    two(6, seconds);
    if (millis == 0)
        return QString(reinterpret_cast<const QChar *>(text), 8);
    text[8] = u'.';
    text[9] = char16_t(u'0' + millis / 100);
    two(10, millis % 100);
    return QString(reinterpret_cast<const QChar *>(text), 12);
}

// A number as formatExcelNumber() writes it, into buffer; its length.
std::size_t excelNumberText(double value, char (&buffer)[400])
{
    if (value == 0) {
        buffer[0] = '0'; // also for -0
        return 1;
    }
    if (std::isfinite(value)) {
        const auto [end, ec] =
            std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
        if (ec == std::errc())
            return std::size_t(end - buffer);
    }
    // Infinities and NaN (no sheet holds them) and what fixed notation cannot fit.
    const QByteArray text = QString::number(value, 'g', 17).toLatin1();
    const std::size_t size = std::min<std::size_t>(std::size_t(text.size()), sizeof buffer);
    std::copy_n(text.constData(), size, buffer);
    return size;
}

// The text a date or time format shows for a serial, its kind already known.
std::optional<QString> formatSerial(double serial, DateKind kind, bool date1904)
{
    // Excel shows no date before its epoch or after 9999-12-31 (serial 2958465).
    if (kind == DateKind::None || !std::isfinite(serial) || serial < 0 || serial >= 2958466)
        return std::nullopt;

    constexpr qint64 msPerDay = 86400000;
    const qint64 ms = std::llround(serial * double(msPerDay));
    const qint64 days = ms / msPerDay;
    const QString timeText = timeOfDay(ms % msPerDay);
    if (kind == DateKind::Time)
        return timeText;

    QString dateText;
    if (date1904) {
        dateText = QDate(1904, 1, 1).addDays(days).toString(Qt::ISODate);
    } else if (days == 60) {
        // Excel keeps Lotus 1-2-3's 29 February 1900, a day that never was; this is the
        // text Excel shows for it.
        dateText = u"1900-02-29"_s;
    } else {
        // Serial 1 is 1900-01-01; from 61 on, the phantom leap day shifts every date by one.
        const QDate epoch = days < 60 ? QDate(1899, 12, 31) : QDate(1899, 12, 30);
        dateText = epoch.addDays(days).toString(Qt::ISODate);
    }
    return kind == DateKind::Date ? dateText : dateText + u'T' + timeText;
}

} // namespace

struct XlsxReader::Workbook
{
    struct Sheet
    {
        QString name;
        std::string part; // its path in the archive; empty for a chart sheet
    };

    XlsxOptions options;
    QByteArray bytes;            // the file, when read from memory
    std::unique_ptr<QFile> file; // the file, when mapped
    QByteArrayView data;
    std::vector<ZipEntry> entries;
    QList<Sheet> sheets;
    std::string sharedStringsPart;
    std::string stylesPart;
    bool date1904 = false;

    // Filled on the first next(): the shared strings, each one's end in the UTF-8 they
    // share, and the cell formats that show dates or times, with what they show.
    QByteArray sharedText;
    std::vector<quint32> sharedEnds;
    std::unordered_map<std::size_t, DateKind> dateFormats;

    const ZipEntry *entry(const std::string &name) const
    {
        if (name.empty())
            return nullptr;
        const auto found = std::find_if(entries.begin(), entries.end(),
                                        [&](const ZipEntry &e) { return e.name == name; });
        return found == entries.end() ? nullptr : &*found;
    }

    // The most XML one row or shared string may take: far more than any real one, and room
    // for a text at the field cap written with character references.
    qint64 maxElement() const
    {
        return std::max<qint64>(64 * 1024 * 1024, 8 * qint64(options.maxFieldBytes));
    }
};

namespace {

// --- A part of the archive, inflated as it is parsed --------------------------------------

bool isXmlNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.';
}

// True when the name at `at` in the XML follows "<" or "</" (as `closing` says), directly or
// after a namespace prefix ("<x:row", "</x:row").
bool tagNameAt(std::string_view xml, std::size_t at, bool closing)
{
    std::size_t start = at;
    if (start >= 1 && xml[start - 1] == ':') {
        start -= 1;
        while (start > 0 && isXmlNameChar(xml[start - 1]))
            --start;
    }
    if (closing)
        return start >= 2 && xml[start - 1] == '/' && xml[start - 2] == '<';
    return start >= 1 && xml[start - 1] == '<';
}

// Just past the last complete end tag of `name` in the XML; npos when it holds none. '<'
// stands for itself nowhere in XML but markup, so "</row>" is always a row's end (but in a
// comment or a CDATA section, which sheets do not have).
std::size_t afterLastEndTag(std::string_view xml, std::string_view name)
{
    for (std::size_t before = xml.size(); before > 0;) {
        const std::size_t found = xml.rfind(name, before - 1);
        if (found == std::string_view::npos)
            return found;
        const std::size_t end = found + name.size();
        if (end < xml.size() && xml[end] == '>' && tagNameAt(xml, found, true))
            return end + 1;
        before = found;
    }
    return std::string_view::npos;
}

// Just past the start tag of `name`, with *selfClosing set for <name/>; npos when the XML
// does not hold all of it yet.
std::size_t afterStartTag(std::string_view xml, std::string_view name, bool *selfClosing)
{
    for (std::size_t at = xml.find(name); at != std::string_view::npos;
         at = xml.find(name, at + 1)) {
        const std::size_t end = at + name.size();
        if (end >= xml.size())
            return std::string_view::npos;
        const char next = xml[end];
        const bool ends = next == '>' || next == '/' || next == ' ' || next == '\t' ||
                          next == '\n' || next == '\r';
        if (!ends || !tagNameAt(xml, at, false))
            continue;
        const std::size_t close = xml.find('>', end);
        if (close == std::string_view::npos)
            return close;
        *selfClosing = xml[close - 1] == '/';
        return close + 1;
    }
    return std::string_view::npos;
}

// "A1", "$B$7", "AA10": the 0-based column of a cell reference; -1 when it names none.
qint64 referenceColumn(std::string_view reference)
{
    qint64 column = 0;
    std::size_t i = 0;
    for (; i < reference.size(); ++i) {
        const char c = reference[i];
        if (c == '$')
            continue;
        const char upper = c >= 'a' && c <= 'z' ? char(c - 32) : c;
        if (upper < 'A' || upper > 'Z')
            break;
        column = column * 26 + (upper - 'A' + 1);
        if (column > 0xFFFFFF)
            return -1;
    }
    bool digits = i < reference.size();
    for (; i < reference.size(); ++i)
        digits = digits && ((reference[i] >= '0' && reference[i] <= '9') || reference[i] == '$');
    return column > 0 && digits ? column - 1 : -1;
}

// A run of ASCII digits as a number; nullopt for anything else or an absurd value.
std::optional<qint64> decimalNumber(std::string_view text)
{
    if (text.empty() || text.size() > 12)
        return std::nullopt;
    qint64 value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

// What a cell's t attribute says its <v> holds.
enum class CellType : quint8
{
    Number,
    Shared, // an index into the shared strings
    Bool,
    Inline, // no <v>: the text is in <is>
    Text,   // str (a formula's text), e (an error such as #N/A), d (an ISO 8601 date)
};

CellType cellType(std::string_view t)
{
    if (t.empty() || t == "n")
        return CellType::Number;
    if (t == "s")
        return CellType::Shared;
    if (t == "b")
        return CellType::Bool;
    return t == "inlineStr" ? CellType::Inline : CellType::Text;
}

QString sheetLabel(const QString &name)
{
    return Text::tr("Sheet “%1”").arg(name);
}

QString megabytesOf(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'g', 3);
}

// Thrown by a handler to stop liborcus's parser at the first problem, which it has noted.
struct StopParsing
{
};

} // namespace

// One part of the archive, inflated a slice at a time and handed out as runs of whole
// elements (rows of a sheet, strings of the shared strings), each wrapped in an element of
// its own so that liborcus's parser reads it as a document. However large the part, what is
// held is zlib's window, one slice and the element it ends in. The part's size and checksum
// are compared with the zip directory's once all of it is inflated.
class XlsxReader::PartStream
{
public:
    enum class Failure
    {
        None,
        Damaged,  // the deflated data or its checksum is broken
        TooLarge, // one element takes more than the cap to hold
    };

    // `container` is the element the runs are in (sheetData, sst), `element` the one they are
    // runs of (row, si).
    PartStream(const Workbook &book, const ZipEntry &entry, std::string_view container,
               std::string_view element, qint64 maxElement)
        : mEntry(entry)
        , mPacked(book.data.data() + entry.dataOffset)
        , mMapped(book.file != nullptr && book.bytes.isEmpty())
        , mContainer(container)
        , mElement(element)
        , mMaxElement(maxElement)
    {
        if (mEntry.method == 8) {
            mZ.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(mPacked));
            mZ.avail_in = uInt(mEntry.packed);
            // Negative window bits: raw deflate data, as zip archives hold it.
            mInflating = inflateInit2(&mZ, -MAX_WBITS) == Z_OK;
            if (!mInflating)
                damaged(QString::fromLatin1(mZ.msg ? mZ.msg : "zlib"));
        }
    }

    ~PartStream()
    {
        if (mInflating)
            inflateEnd(&mZ);
    }

    PartStream(const PartStream &) = delete;
    PartStream &operator=(const PartStream &) = delete;

    // The next run of whole elements, as "<w>…</w>"; false once there are no more (the
    // part is then all inflated and checked) or when failure() says why not.
    bool nextRun(std::string &xml)
    {
        for (;;) {
            if (mFailure != Failure::None)
                return false;
            if (mBodyDone) {
                // What follows the last element is not read, but the checksum covers it.
                while (!mAllInflated && inflateSlice(mBuffer))
                    mBuffer.clear();
                return false;
            }
            if (!mInBody) {
                bool selfClosing = false;
                const std::size_t body = afterStartTag(mBuffer, mContainer, &selfClosing);
                if (body != std::string::npos) {
                    mBuffer.erase(0, body);
                    mInBody = true;
                    mBodyDone = selfClosing;
                    continue;
                }
            } else {
                const std::size_t cut = afterLastEndTag(mBuffer, mElement);
                if (cut != std::string::npos) {
                    xml.assign("<w>");
                    xml.append(mBuffer, 0, cut);
                    xml.append("</w>");
                    mBuffer.erase(0, cut);
                    return true;
                }
            }
            if (mAllInflated) {
                // No container at all: a part without any such elements.
                mBodyDone = true;
                continue;
            }
            if (qint64(mBuffer.size()) > mMaxElement) {
                mFailure = Failure::TooLarge;
                return false;
            }
            if (!inflateSlice(mBuffer))
                return false;
        }
    }

    // The whole part, for the small ones (the styles).
    bool readAll(std::string &xml)
    {
        while (!mAllInflated) {
            if (!inflateSlice(xml))
                return false;
        }
        return mFailure == Failure::None;
    }

    qint64 packedDone() const { return mEntry.method == 8 ? qint64(mZ.total_in) : mStoredDone; }
    Failure failure() const { return mFailure; }
    const QString &why() const { return mWhy; }
    qint64 maxElement() const { return mMaxElement; }

private:
    static constexpr qsizetype sliceBytes = 256 * 1024;

    void damaged(const QString &why)
    {
        if (mFailure == Failure::None) {
            mFailure = Failure::Damaged;
            mWhy = why;
        }
    }

    // Appends the next slice of the inflated part to `out`.
    bool inflateSlice(std::string &out)
    {
        if (mAllInflated || mFailure != Failure::None)
            return false;
        const std::size_t start = out.size();
        if (mEntry.method == 0) {
            const qint64 size = std::min<qint64>(sliceBytes, mEntry.packed - mStoredDone);
            out.append(mPacked + mStoredDone, std::size_t(size));
            mStoredDone += size;
            mAllInflated = mStoredDone == mEntry.packed;
        } else {
            if (!mInflating)
                return false;
            out.resize(start + sliceBytes);
            // One call can consume input without producing output (a block's header).
            std::size_t produced = 0;
            while (produced == 0 && !mAllInflated) {
                mZ.next_out = reinterpret_cast<Bytef *>(out.data() + start);
                mZ.avail_out = uInt(sliceBytes);
                const int result = inflate(&mZ, Z_NO_FLUSH);
                produced = sliceBytes - mZ.avail_out;
                if (result == Z_STREAM_END) {
                    mAllInflated = true;
                } else if (result == Z_BUF_ERROR && mZ.avail_in == 0) {
                    damaged(Text::tr("part “%1” is cut short")
                                .arg(QString::fromStdString(mEntry.name)));
                    return false;
                } else if (result != Z_OK) {
                    damaged(QString::fromLatin1(mZ.msg ? mZ.msg : "inflate"));
                    return false;
                }
            }
            out.resize(start + produced);
        }

        releaseConsumed();
        const std::size_t added = out.size() - start;
        mCrc = crc32(mCrc, reinterpret_cast<const Bytef *>(out.data() + start), uInt(added));
        mInflated += qint64(added);
        // The directory's size was checked against the caps; a part that unpacks to more
        // than it says is damaged or built to mislead.
        if (mInflated > mEntry.unpacked || (mAllInflated && mInflated != mEntry.unpacked)) {
            damaged(Text::tr("part “%1” is not the size its directory says")
                        .arg(QString::fromStdString(mEntry.name)));
            return false;
        }
        if (mAllInflated && mCrc != mEntry.crc) {
            damaged(Text::tr("the checksum of part “%1” does not match")
                        .arg(QString::fromStdString(mEntry.name)));
            return false;
        }
        return true;
    }

    // The pages of the mapped file that have been inflated are given back as the part is
    // read: they are clean and would be read again from the file if needed, but until then
    // they count as the process's memory, as much as the file is large.
    void releaseConsumed()
    {
#ifdef MADV_DONTNEED
        constexpr qint64 every = 16 * 1024 * 1024;
        const qint64 done = packedDone();
        if (!mMapped || done - mReleased < every)
            return;
        const quintptr page = quintptr(sysconf(_SC_PAGESIZE));
        const quintptr from = (quintptr(mPacked + mReleased) + page - 1) / page * page;
        const quintptr to = quintptr(mPacked + done) / page * page;
        if (to > from)
            madvise(reinterpret_cast<void *>(from), to - from, MADV_DONTNEED);
        mReleased = done;
#endif
    }

    ZipEntry mEntry;
    const char *mPacked;
    bool mMapped;
    qint64 mReleased = 0;
    std::string mContainer;
    std::string mElement;
    qint64 mMaxElement;
    std::string mBuffer;
    bool mInBody = false;
    bool mBodyDone = false;
    z_stream mZ = {};
    bool mInflating = false;
    bool mAllInflated = false;
    qint64 mStoredDone = 0;
    qint64 mInflated = 0;
    uLong mCrc = crc32(0, nullptr, 0);
    Failure mFailure = Failure::None;
    QString mWhy;
};

// Where the reader is in the sheet: the rows read but not yet handed out, the row being
// gathered and the cell being read, and the first problem met, which waits until the rows
// before it have been handed out.
struct XlsxReader::SheetState
{
    std::unique_ptr<PartStream> part;
    QString label; // "Sheet “X”", for messages
    std::string run;
    // Rows read but not yet handed out by next() (nextBatch() parses into its batch).
    RecordBatch ready;
    qsizetype readyNext = 0;
    qint64 records = 0; // rows parsed so far, which numbers them
    std::optional<SourceError> problem;

    qint64 row = -1; // 0-based, of the row being read
    qint64 lastRow = -1;
    qint64 column = -1;
    bool inRow = false;
    // The row being read, as UTF-8: each cell's column and where its text is in rowBytes.
    struct CellSpan
    {
        qint64 column;
        std::size_t begin;
        std::size_t size;
    };
    std::string rowBytes;
    std::vector<CellSpan> rowCells;
    CellType type = CellType::Number;
    std::size_t xf = 0;
    std::string value;
    std::string inlineText;
    bool inValue = false;
    bool inInline = false;
    bool inInlineText = false;
    bool inPhonetic = false;
};

namespace {

using Workbook = XlsxReader::Workbook;
using SheetState = XlsxReader::SheetState;

// The cells of one run of rows, from liborcus's SAX parser: the value Excel saved, whatever
// produced it (a formula's cached result included), as the text Excel shows. Each row with
// a cell becomes a record of the target batch.
struct SheetScan
{
    SheetState &state;
    const Workbook &book;
    RecordBatch &target;
    std::string r; // the attributes of the element being started
    std::string t;
    std::string s;

    void doctype(const orcus::sax::doctype_declaration &) {}
    void start_declaration(std::string_view) {}
    void end_declaration(std::string_view) {}
    void attribute(const orcus::sax::parser_attribute &attr)
    {
        if (attr.name == "r")
            r = attr.value;
        else if (attr.name == "t")
            t = attr.value;
        else if (attr.name == "s")
            s = attr.value;
    }

    [[noreturn]] void stop(SourceErrorCode code, const QString &message, qint64 row = 0,
                           qsizetype column = 0)
    {
        SourceError error;
        error.code = code;
        error.message = message;
        error.line = row;
        error.column = column;
        state.problem = error;
        throw StopParsing();
    }

    void start_element(const orcus::sax::parser_element &element)
    {
        const std::string_view name = element.name;
        if (name == "row") {
            if (state.inRow)
                stop(SourceErrorCode::Malformed,
                     Text::tr("%1 could not be read: the workbook is damaged (row %2 does not "
                              "end). Save it again from Excel and import the new file.")
                         .arg(state.label)
                         .arg(state.row + 1),
                     state.row + 1);
            state.inRow = true;
            const std::optional<qint64> number = decimalNumber(r);
            state.row = r.empty() ? state.row + 1 : number.value_or(0) - 1;
            state.column = -1;
            state.rowBytes.clear();
            state.rowCells.clear();
            if (state.row < 0)
                stop(SourceErrorCode::Malformed,
                     Text::tr("%1 has a row numbered “%2”, which no sheet can have: the "
                              "workbook is damaged. Save it again from Excel and import the "
                              "new file.")
                         .arg(state.label, QString::fromStdString(r)));
            // Excel writes rows in order, each once; rows are handed out as they are read,
            // so one out of order cannot be put back in its place.
            if (state.row <= state.lastRow)
                stop(SourceErrorCode::Malformed,
                     Text::tr("%1 lists row %2 after row %3. Excel writes rows in order: save "
                              "the workbook again from Excel and import the new file.")
                         .arg(state.label)
                         .arg(state.row + 1)
                         .arg(state.lastRow + 1),
                     state.row + 1);
            state.lastRow = state.row;
        } else if (name == "c") {
            state.column = r.empty() ? state.column + 1 : referenceColumn(r);
            state.type = cellType(t);
            state.xf = std::size_t(decimalNumber(s).value_or(0));
            state.value.clear();
            state.inlineText.clear();
        } else if (name == "v") {
            state.inValue = true;
        } else if (name == "is") {
            state.inInline = true;
        } else if (name == "rPh") {
            state.inPhonetic = true;
        } else if (name == "t") {
            state.inInlineText = state.inInline && !state.inPhonetic;
        }
        r.clear();
        t.clear();
        s.clear();
    }

    void end_element(const orcus::sax::parser_element &element)
    {
        const std::string_view name = element.name;
        if (name == "v") {
            state.inValue = false;
        } else if (name == "is") {
            state.inInline = false;
        } else if (name == "rPh") {
            state.inPhonetic = false;
        } else if (name == "t") {
            state.inInlineText = false;
        } else if (name == "c") {
            finishCell();
        } else if (name == "row") {
            state.inRow = false;
            finishRow();
        }
    }

    void characters(std::string_view text, bool)
    {
        if (state.inValue)
            state.value += text;
        else if (state.inInlineText)
            state.inlineText += text;
    }

    void tooLarge(qint64 row, qsizetype column)
    {
        stop(SourceErrorCode::TooLarge,
             Text::tr("%1, row %2, column %3: the cell is larger than %4 MB, the most Waymark "
                      "reads.")
                 .arg(state.label)
                 .arg(row)
                 .arg(columnLetters(column))
                 .arg(megabytesOf(book.options.maxFieldBytes)),
             row, column);
    }

    void addCell(const char *bytes, std::size_t size)
    {
        state.rowCells.push_back({state.column, state.rowBytes.size(), size});
        state.rowBytes.append(bytes, size);
    }

    // A cell of type str, e, d or an inline string: its text as the file has it.
    void addText(const std::string &bytes, qint64 row, qsizetype column)
    {
        if (qint64(bytes.size()) > book.options.maxFieldBytes)
            tooLarge(row, column);
        if (!isValidUtf8(QByteArrayView(bytes.data(), qsizetype(bytes.size()))))
            stop(SourceErrorCode::BadEncoding,
                 Text::tr("%1, row %2, column %3 holds bytes that are not valid text: the "
                          "workbook is damaged. Save it again from Excel.")
                     .arg(state.label)
                     .arg(row)
                     .arg(columnLetters(column)),
                 row, column);
        addCell(bytes.data(), bytes.size());
    }

    // The row just ended, as a record of its cells in column order. The cells between a
    // row's cells are empty in the sheet: empty fields, not missing ones. After its last
    // cell the row simply ends (see omitsTrailingEmptyFields()). A row without cells is no
    // record.
    void finishRow()
    {
        std::vector<SheetState::CellSpan> &cells = state.rowCells;
        if (cells.empty())
            return;
        // Excel writes a row's cells in order; a cell given twice keeps the later value.
        const auto byColumn = [](const SheetState::CellSpan &a, const SheetState::CellSpan &b) {
            return a.column < b.column;
        };
        if (!std::is_sorted(cells.begin(), cells.end(), byColumn))
            std::stable_sort(cells.begin(), cells.end(), byColumn);
        qint64 next = 0;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i + 1 < cells.size() && cells[i + 1].column == cells[i].column)
                continue;
            for (; next < cells[i].column; ++next)
                target.appendField({});
            target.appendField(
                QByteArrayView(state.rowBytes.data() + cells[i].begin, qsizetype(cells[i].size)));
            ++next;
        }
        target.endRecord(++state.records, state.row + 1);
        state.rowBytes.clear();
        cells.clear();
    }

    // The cell just ended, as the text Excel shows, into the row's fields.
    void finishCell()
    {
        const qint64 row = state.row + 1;
        if (!state.inRow || state.column < 0)
            stop(SourceErrorCode::Malformed,
                 Text::tr("%1 has cells at addresses no sheet can have: the workbook is "
                          "damaged. Save it again from Excel and import the new file.")
                     .arg(state.label));
        if (state.column >= book.options.maxColumns)
            stop(SourceErrorCode::TooLarge,
                 Text::tr("%1, row %2 has more than %3 columns, the most Waymark imports.")
                     .arg(state.label)
                     .arg(row)
                     .arg(book.options.maxColumns),
                 row, book.options.maxColumns + 1);
        const qsizetype column = qsizetype(state.column) + 1;

        switch (state.type) {
        case CellType::Inline:
            if (!state.inlineText.empty())
                addText(state.inlineText, row, column);
            return;
        case CellType::Shared: {
            if (state.value.empty())
                return;
            const std::optional<qint64> index = decimalNumber(state.value);
            if (!index || quint64(*index) >= book.sharedEnds.size())
                stop(SourceErrorCode::Malformed,
                     Text::tr("%1, row %2, column %3 refers to a text the workbook does not "
                              "hold: the file is damaged. Save it again from Excel.")
                         .arg(state.label)
                         .arg(row)
                         .arg(columnLetters(column)),
                     row, column);
            const qsizetype start = *index == 0 ? 0 : qsizetype(book.sharedEnds[*index - 1]);
            const qsizetype end = qsizetype(book.sharedEnds[*index]);
            if (end - start > book.options.maxFieldBytes)
                tooLarge(row, column);
            addCell(book.sharedText.constData() + start, std::size_t(end - start));
            return;
        }
        case CellType::Bool:
            if (state.value == "0")
                addCell("false", 5);
            else if (!state.value.empty())
                addCell("true", 4);
            return;
        case CellType::Number: {
            if (state.value.empty())
                return; // an empty cell, there for its format
            // std::from_chars is correctly rounded, where liborcus's own parser is not.
            double number = 0;
            const char *first = state.value.data();
            const char *last = first + state.value.size();
            const auto [end, ec] = std::from_chars(first, last, number);
            if (ec != std::errc() || end != last) {
                addText(state.value, row, column);
                return;
            }
            if (state.xf != 0) {
                const auto format = book.dateFormats.find(state.xf);
                if (format != book.dateFormats.end()) {
                    if (const std::optional<QString> date =
                            formatSerial(number, format->second, book.date1904)) {
                        const QByteArray text = date->toLatin1(); // ISO 8601 is ASCII
                        addCell(text.constData(), std::size_t(text.size()));
                        return;
                    }
                }
            }
            char digits[400];
            const std::size_t size = excelNumberText(number, digits);
            addCell(digits, size);
            return;
        }
        case CellType::Text:
            if (!state.value.empty())
                addText(state.value, row, column);
            return;
        }
    }
};

// The shared strings of one run of <si>: each one's runs joined, without the phonetic
// guides (<rPh>) Japanese workbooks add, appended to the workbook's UTF-8.
struct SharedStringsScan
{
    Workbook &book;
    std::string text;
    bool inText = false;
    bool inPhonetic = false;
    std::optional<SourceError> problem;

    void doctype(const orcus::sax::doctype_declaration &) {}
    void start_declaration(std::string_view) {}
    void end_declaration(std::string_view) {}
    void attribute(const orcus::sax::parser_attribute &) {}

    void start_element(const orcus::sax::parser_element &element)
    {
        if (element.name == "si")
            text.clear();
        else if (element.name == "rPh")
            inPhonetic = true;
        else if (element.name == "t")
            inText = !inPhonetic;
    }

    void end_element(const orcus::sax::parser_element &element)
    {
        if (element.name == "t") {
            inText = false;
        } else if (element.name == "rPh") {
            inPhonetic = false;
        } else if (element.name == "si") {
            if (!isValidUtf8(QByteArrayView(text.data(), qsizetype(text.size()))))
                stop(SourceErrorCode::BadEncoding,
                     Text::tr("The workbook's shared strings hold bytes that are not valid "
                              "text: the workbook is damaged. Save it again from Excel."));
            book.sharedText.append(text.data(), qsizetype(text.size()));
            book.sharedEnds.push_back(quint32(book.sharedText.size()));
            if (book.sharedText.size() > book.options.maxSharedTextBytes)
                stop(SourceErrorCode::TooLarge,
                     Text::tr("The workbook's shared strings take more than %1 MB, the most "
                              "Waymark holds. Save the sheet as CSV, which Waymark reads at "
                              "any size.")
                         .arg(megabytes(book.options.maxSharedTextBytes)));
        }
    }

    void characters(std::string_view value, bool)
    {
        if (inText)
            text += value;
    }

    [[noreturn]] void stop(SourceErrorCode code, const QString &message)
    {
        SourceError error;
        error.code = code;
        error.message = message;
        problem = error;
        throw StopParsing();
    }
};

// The number format of each cell format (<cellXfs>), by position, and the codes of the
// workbook's own number formats (<numFmts>): what tells a date from a number.
struct StylesScan : AttributeCollector
{
    std::unordered_map<qint64, std::string> codes;
    std::vector<qint64> cellFormats;
    bool inCellFormats = false;

    void start_element(const orcus::sax::parser_element &element)
    {
        if (element.name == "numFmt") {
            if (std::optional<qint64> id = decimalNumber(attribute("numFmtId")))
                codes[*id] = attribute("formatCode");
        } else if (element.name == "cellXfs") {
            inCellFormats = true;
        } else if (element.name == "xf" && inCellFormats) {
            cellFormats.push_back(decimalNumber(attribute("numFmtId")).value_or(0));
        }
        attributes.clear();
    }
    void end_element(const orcus::sax::parser_element &element)
    {
        if (element.name == "cellXfs")
            inCellFormats = false;
    }
    void characters(std::string_view, bool) {}
};

} // namespace

// --- Formatting values --------------------------------------------------------------------

QString formatExcelNumber(double value)
{
    if (!std::isfinite(value))
        return QString::number(value);
    char buffer[400];
    const std::size_t size = excelNumberText(value, buffer);
    return QString::fromLatin1(buffer, qsizetype(size));
}

std::optional<QString> formatExcelSerial(double serial, qsizetype formatId, QStringView formatCode,
                                         bool date1904)
{
    return formatSerial(serial,
                        formatCode.isEmpty() ? builtinDateKind(formatId) : codeDateKind(formatCode),
                        date1904);
}

// --- The reader ---------------------------------------------------------------------------

bool looksLikeXlsx(QByteArrayView firstBytes)
{
    return firstBytes.startsWith(zipMagic) || firstBytes.startsWith(compoundMagic);
}

XlsxReader::XlsxReader()
    : mBook(std::make_unique<Workbook>())
{}

XlsxReader::~XlsxReader() = default;

std::unique_ptr<XlsxReader> XlsxReader::open(const QString &path, const XlsxOptions &options,
                                             SourceError *error)
{
    std::unique_ptr<XlsxReader> reader(new XlsxReader);
    Workbook &book = *reader->mBook;
    book.options = options;
    book.file = std::make_unique<QFile>(path);
    if (!book.file->open(QIODevice::ReadOnly)) {
        *error =
            makeError(SourceErrorCode::ReadFailed,
                      Text::tr("The file could not be opened: %1.").arg(book.file->errorString()));
        return nullptr;
    }
    const qint64 size = book.file->size();
    if (size == 0) {
        *error = makeError(SourceErrorCode::Empty, Text::tr("The file is empty."));
        return nullptr;
    }
    // Mapped, not read, where the file system allows it; either way, the bytes liborcus
    // parses are the bytes checked here.
    if (const uchar *mapped = book.file->map(0, size)) {
        book.data = QByteArrayView(reinterpret_cast<const char *>(mapped), size);
    } else if (size <= maxUnmappedBytes) {
        book.bytes = book.file->readAll();
        if (book.bytes.size() != size) {
            *error = makeError(
                SourceErrorCode::ReadFailed,
                Text::tr("The file could not be read: %1.").arg(book.file->errorString()));
            return nullptr;
        }
        book.data = QByteArrayView(book.bytes);
    } else {
        *error = makeError(SourceErrorCode::TooLarge,
                           Text::tr("The workbook is larger than %1 MB, the most Waymark reads. "
                                    "Save the sheet as CSV, which Waymark reads at any size.")
                               .arg(megabytes(maxUnmappedBytes)));
        return nullptr;
    }
    if (!reader->load()) {
        *error = reader->mError;
        return nullptr;
    }
    return reader;
}

std::unique_ptr<XlsxReader> XlsxReader::fromBytes(const QByteArray &bytes,
                                                  const XlsxOptions &options, SourceError *error)
{
    std::unique_ptr<XlsxReader> reader(new XlsxReader);
    Workbook &book = *reader->mBook;
    book.options = options;
    book.bytes = bytes;
    book.data = QByteArrayView(book.bytes);
    if (!reader->load()) {
        *error = reader->mError;
        return nullptr;
    }
    return reader;
}

std::unique_ptr<RecordSource> openXlsxRecordSource(const QString &path, const QString &sheet,
                                                   SourceError *error)
{
    XlsxOptions options;
    options.sheet = sheet;
    return XlsxReader::open(path, options, error);
}

void XlsxReader::fail(SourceErrorCode code, const QString &message, qint64 row, qsizetype column)
{
    if (mError)
        return;
    mError.code = code;
    mError.message = message;
    mError.line = row;
    mError.record = row > 0 ? mRecords + 1 : 0;
    mError.column = column;
    qCInfo(lcImport) << "workbook reading stopped:" << message;
}

// The checks and the list of sheets: everything short of reading a sheet.
bool XlsxReader::load()
{
    Workbook &book = *mBook;
    const QByteArrayView data = book.data;
    if (data.isEmpty()) {
        fail(SourceErrorCode::Empty, Text::tr("The file is empty."));
        return false;
    }
    if (data.startsWith(compoundMagic)) {
        const SourceError e = compoundFileError(data);
        fail(e.code, e.message);
        return false;
    }
    if (!data.startsWith(zipMagic)) {
        fail(SourceErrorCode::Binary,
             Text::tr("The file is not an Excel workbook (.xlsx): it is not a zip archive. If "
                      "it holds text, import it as CSV."));
        return false;
    }

    SourceError error;
    std::optional<std::vector<ZipEntry>> entries = readZipDirectory(data, book.options, &error);
    if (!entries) {
        fail(error.code, error.message);
        return false;
    }
    book.entries = std::move(*entries);
    auto has = [&](std::string_view name) {
        return std::any_of(book.entries.begin(), book.entries.end(),
                           [&](const ZipEntry &e) { return e.name == name; });
    };

    // The parts read here are inflated whole; they are small in any workbook.
    auto tooLarge = [&](const std::string &name) {
        const ZipEntry *entry = book.entry(name);
        if (!entry || entry->unpacked <= book.options.maxPartBytes)
            return false;
        fail(SourceErrorCode::TooLarge,
             Text::tr("Part “%1” of the workbook takes %2 MB unpacked, more than the %3 MB "
                      "Waymark reads from one part. Save the sheet as CSV, which Waymark reads "
                      "at any size.")
                 .arg(QString::fromStdString(name), megabytes(entry->unpacked),
                      megabytes(book.options.maxPartBytes)));
        return true;
    };

    try {
        orcus::zip_archive_stream_blob stream(reinterpret_cast<const uint8_t *>(data.data()),
                                              std::size_t(data.size()));
        orcus::zip_archive archive(&stream);
        archive.load();

        std::vector<unsigned char> xml;
        RelationshipsHandler rootRelationships;
        if (tooLarge("_rels/.rels"))
            return false;
        if (has("_rels/.rels") && archive.read_file_entry("_rels/.rels", xml))
            parseXml(xml, rootRelationships);
        std::string workbookPart;
        for (const Relationship &r : rootRelationships.relationships) {
            if (r.type.ends_with("/officeDocument"))
                workbookPart = resolvePartPath({}, r.target);
        }
        if (workbookPart.empty() || !has(workbookPart)) {
            if (has("mimetype") && has("content.xml")) {
                fail(SourceErrorCode::Unsupported,
                     Text::tr("The file is an OpenDocument spreadsheet (.ods), not an Excel "
                              "workbook. Save it as .xlsx or CSV and import that."));
            } else {
                fail(SourceErrorCode::Binary,
                     Text::tr("The file is a zip archive but not an Excel workbook: it has no "
                              "workbook in it. Check that it is the export you meant."));
            }
            return false;
        }

        WorkbookHandler workbook;
        xml.clear();
        if (tooLarge(workbookPart))
            return false;
        archive.read_file_entry(workbookPart, xml);
        parseXml(xml, workbook);

        const std::size_t slash = workbookPart.rfind('/');
        const std::string folder =
            slash == std::string::npos ? std::string() : workbookPart.substr(0, slash + 1);
        const std::string relsPart =
            folder + "_rels/" + workbookPart.substr(folder.size()) + ".rels";
        book.date1904 = workbook.date1904;
        RelationshipsHandler relationships;
        xml.clear();
        if (tooLarge(relsPart))
            return false;
        if (has(relsPart) && archive.read_file_entry(relsPart, xml))
            parseXml(xml, relationships);
        for (const Relationship &r : relationships.relationships) {
            if (r.type.ends_with("/sharedStrings"))
                book.sharedStringsPart = resolvePartPath(folder, r.target);
            else if (r.type.ends_with("/styles"))
                book.stylesPart = resolvePartPath(folder, r.target);
        }
        for (const auto &[name, id] : workbook.sheets) {
            Workbook::Sheet sheet;
            sheet.name = QString::fromStdString(name);
            for (const Relationship &r : relationships.relationships) {
                if (r.id == id && r.type.ends_with("/worksheet"))
                    sheet.part = resolvePartPath(folder, r.target);
            }
            book.sheets.append(sheet);
        }
    } catch (const std::exception &e) {
        fail(SourceErrorCode::Malformed,
             Text::tr("The workbook is damaged (%1). Save it again from Excel and import the "
                      "new file.")
                 .arg(QString::fromLocal8Bit(e.what())));
        return false;
    }

    if (book.sheets.isEmpty()) {
        fail(SourceErrorCode::Empty, Text::tr("The workbook has no sheets."));
        return false;
    }
    mSheet = 0;
    if (!book.options.sheet.isEmpty()) {
        mSheet = -1;
        for (qsizetype i = 0; i < book.sheets.size() && mSheet < 0; ++i) {
            if (book.sheets[i].name == book.options.sheet)
                mSheet = i;
        }
        if (mSheet < 0) {
            fail(SourceErrorCode::NoSuchSheet,
                 Text::tr("The workbook has no sheet named “%1”. Its sheets are: %2.")
                     .arg(book.options.sheet, sheetNames().join(u", "_s)));
            return false;
        }
    }
    qCDebug(lcImport) << "workbook with sheets" << sheetNames() << "reading"
                      << book.sheets[mSheet].name;
    return true;
}

QStringList XlsxReader::sheetNames() const
{
    QStringList names;
    for (const Workbook::Sheet &sheet : std::as_const(mBook->sheets))
        names.append(sheet.name);
    return names;
}

QString XlsxReader::sheetName() const
{
    return mBook->sheets.value(mSheet).name;
}

qint64 XlsxReader::progressDone() const
{
    if (mFinished)
        return progressTotal();
    return mState && mState->part ? mState->part->packedDone() : 0;
}

qint64 XlsxReader::progressTotal() const
{
    const ZipEntry *entry = mBook->entry(mBook->sheets.value(mSheet).part);
    return entry ? entry->packed : 0;
}

bool XlsxReader::atEnd() const
{
    return mError || mFinished;
}

bool XlsxReader::failPart(const QString &label, const PartStream &part)
{
    if (part.failure() == PartStream::Failure::TooLarge) {
        const qint64 after = mState ? mState->lastRow + 1 : 0;
        fail(SourceErrorCode::TooLarge,
             after > 0 ? Text::tr("%1: the row after row %2 takes more than %3 MB, the most "
                                  "Waymark reads.")
                             .arg(label)
                             .arg(after)
                             .arg(megabytesOf(part.maxElement()))
                       : Text::tr("%1: an entry takes more than %2 MB, the most Waymark reads.")
                             .arg(label, megabytesOf(part.maxElement())),
             after + 1);
    } else {
        fail(SourceErrorCode::Malformed,
             Text::tr("%1 could not be read: the workbook is damaged (%2). Save it again from "
                      "Excel and import the new file.")
                 .arg(label, part.why()));
    }
    return false;
}

bool XlsxReader::readSharedStrings()
{
    Workbook &book = *mBook;
    const ZipEntry *entry = book.entry(book.sharedStringsPart);
    if (!entry)
        return true; // a workbook with numbers only has none
    PartStream part(book, *entry, "sst", "si", book.maxElement());
    SharedStringsScan scan{book, {}, false, false, {}};
    std::string run;
    try {
        while (part.nextRun(run)) {
            orcus::sax_parser<SharedStringsScan> parser(run.data(), run.size(), scan);
            parser.parse();
        }
    } catch (const StopParsing &) {
        fail(scan.problem->code, scan.problem->message);
        return false;
    } catch (const std::exception &e) {
        fail(SourceErrorCode::Malformed,
             Text::tr("The workbook's shared strings could not be read: the workbook is damaged "
                      "(%1). Save it again from Excel and import the new file.")
                 .arg(QString::fromLocal8Bit(e.what())));
        return false;
    }
    if (part.failure() != PartStream::Failure::None)
        return failPart(Text::tr("The workbook's shared strings"), part);
    return true;
}

bool XlsxReader::readNumberFormats()
{
    Workbook &book = *mBook;
    const ZipEntry *entry = book.entry(book.stylesPart);
    if (!entry)
        return true;
    const QString label = Text::tr("The workbook's styles");
    if (entry->unpacked > book.options.maxPartBytes) {
        fail(SourceErrorCode::TooLarge,
             Text::tr("Part “%1” of the workbook takes %2 MB unpacked, more than the %3 MB "
                      "Waymark reads from one part. Save the sheet as CSV, which Waymark reads "
                      "at any size.")
                 .arg(QString::fromStdString(entry->name), megabytes(entry->unpacked),
                      megabytes(book.options.maxPartBytes)));
        return false;
    }
    PartStream part(book, *entry, {}, {}, book.options.maxPartBytes);
    std::string xml;
    if (!part.readAll(xml))
        return failPart(label, part);
    StylesScan scan;
    try {
        orcus::sax_parser<StylesScan> parser(xml.data(), xml.size(), scan);
        parser.parse();
    } catch (const std::exception &e) {
        fail(SourceErrorCode::Malformed,
             Text::tr("%1 could not be read: the workbook is damaged (%2). Save it again from "
                      "Excel and import the new file.")
                 .arg(label, QString::fromLocal8Bit(e.what())));
        return false;
    }

    // Only the formats that show dates or times are kept: they are the ones that change how
    // a number reads.
    for (std::size_t xf = 0; xf < scan.cellFormats.size(); ++xf) {
        const qint64 id = scan.cellFormats[xf];
        const auto code = scan.codes.find(id);
        const QString text =
            code == scan.codes.end() ? QString() : QString::fromStdString(code->second);
        const DateKind kind = text.isEmpty() ? builtinDateKind(qsizetype(id)) : codeDateKind(text);
        if (kind != DateKind::None)
            book.dateFormats[xf] = kind;
    }
    return true;
}

bool XlsxReader::openSheet()
{
    Workbook &book = *mBook;
    const Workbook::Sheet &sheet = book.sheets[mSheet];
    QElapsedTimer timer;
    timer.start();
    if (!readSharedStrings() || !readNumberFormats())
        return false;
    mState = std::make_unique<SheetState>();
    mState->label = sheetLabel(sheet.name);
    if (const ZipEntry *entry = book.entry(sheet.part))
        mState->part =
            std::make_unique<PartStream>(book, *entry, "sheetData", "row", book.maxElement());
    qCInfo(lcImport).noquote() << "reading sheet" << sheet.name << "of" << book.sheets.size()
                               << "sheets;" << book.sharedEnds.size() << "shared strings,"
                               << book.dateFormats.size() << "date formats read in"
                               << timer.elapsed() << "ms";
    return true;
}

// Rows are parsed a run at a time (a slice of the inflated sheet). A problem in a run stops
// it there: the rows before it are handed out first, then the problem is reported.
bool XlsxReader::parseRun(RecordBatch &target)
{
    SheetState &state = *mState;
    if (state.problem || !state.part || !state.part->nextRun(state.run))
        return false;
    SheetScan scan{state, *mBook, target, {}, {}, {}};
    try {
        orcus::sax_parser<SheetScan> parser(state.run.data(), state.run.size(), scan);
        parser.parse();
    } catch (const StopParsing &) {
        // state.problem says what
    } catch (const std::exception &e) {
        SourceError error;
        error.code = SourceErrorCode::Malformed;
        error.message = Text::tr("%1 could not be read: the workbook is damaged (%2). Save it "
                                 "again from Excel and import the new file.")
                            .arg(state.label, QString::fromLocal8Bit(e.what()));
        state.problem = error;
    }
    return true;
}

// No rows are left to hand out: the sheet has ended, or is damaged, or a problem waits.
void XlsxReader::endOfRows()
{
    SheetState &state = *mState;
    if (state.problem) {
        const SourceError problem = *state.problem;
        fail(problem.code, problem.message, problem.line, problem.column);
    } else if (state.part && state.part->failure() != PartStream::Failure::None) {
        failPart(state.label, *state.part);
    } else {
        mFinished = true;
        if (mRecords == 0)
            fail(SourceErrorCode::Empty, Text::tr("%1 is empty.").arg(state.label));
    }
}

bool XlsxReader::start()
{
    if (mError || mFinished)
        return false;
    if (!mLoaded) {
        mLoaded = true;
        if (!openSheet())
            return false;
    }
    return true;
}

std::optional<SourceRecord> XlsxReader::next()
{
    if (!start())
        return std::nullopt;
    SheetState &state = *mState;
    while (state.readyNext >= state.ready.size()) {
        state.ready.clear();
        state.readyNext = 0;
        if (!parseRun(state.ready)) {
            endOfRows();
            return std::nullopt;
        }
    }
    const RecordBatch::Record &r = state.ready[state.readyNext++];
    SourceRecord record;
    record.record = r.record;
    record.line = r.line;
    record.fields.reserve(r.fieldCount);
    for (qsizetype i = 0; i < r.fieldCount; ++i)
        record.fields.append(QString::fromUtf8(state.ready.field(r, i)));
    ++mRecords;
    return record;
}

// The rows go into the importer's batch as the UTF-8 they were read as, with no QString
// between.
bool XlsxReader::nextBatch(RecordBatch &batch, qsizetype maxRecords)
{
    batch.clear();
    if (!start())
        return false;
    SheetState &state = *mState;
    while (state.readyNext < state.ready.size() && batch.size() < maxRecords)
        batch.appendRecord(state.ready, state.readyNext++);
    while (batch.size() < maxRecords) {
        if (!parseRun(batch)) {
            if (batch.isEmpty())
                endOfRows();
            break;
        }
    }
    mRecords += batch.size();
    batch.progressDone = progressDone();
    return !batch.isEmpty();
}

} // namespace Waymark::Import
