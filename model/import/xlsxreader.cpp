#include "xlsxreader.h"

#include "import/encoding.h"
#include "logging.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QFile>
#include <QTime>
#include <QtEndian>

#include <orcus/orcus_xlsx.hpp>
#include <orcus/sax_parser.hpp>
#include <orcus/spreadsheet/factory.hpp>
#include <orcus/spreadsheet/import_interface.hpp>
#include <orcus/spreadsheet/styles.hpp>
#include <orcus/string_pool.hpp>
#include <orcus/zip_archive.hpp>
#include <orcus/zip_archive_stream.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <unordered_map>
#include <vector>

using namespace Qt::StringLiterals;
namespace ss = orcus::spreadsheet;

namespace Waymark::Import {

namespace {

// The translation context of this file's messages, shared with the CSV reader's.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Waymark::Import)
};

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
        if (entry.unpacked > options.maxPartBytes) {
            *error = makeError(
                SourceErrorCode::TooLarge,
                Text::tr("Part “%1” of the workbook takes %2 MB unpacked, more than the %3 MB "
                         "Waymark reads from one part. Save the sheet as CSV, which Waymark "
                         "reads at any size.")
                    .arg(name, megabytes(entry.unpacked), megabytes(options.maxPartBytes)));
            return std::nullopt;
        }
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

// --- The cells of one sheet, as liborcus reports them -------------------------------------

enum class CellKind : quint8
{
    Number,
    Bool,
    Shared, // an index into the shared strings
    Text,   // an index into the reader's own texts
};

} // namespace

// 16 bytes a cell: a sheet of 8M cells stays within 128 MB. The kind shares a word with the
// row, which Excel keeps below 2^20.
struct XlsxReader::Cell
{
    static constexpr quint32 rowBits = 28;

    quint32 rowAndKind = 0;
    quint16 column = 0;
    quint16 xf = 0; // the cell format, for numbers
    union {
        double number;
        quint32 index;
    };

    quint32 row() const { return rowAndKind & ((1u << rowBits) - 1); } // 0-based
    CellKind kind() const { return CellKind(rowAndKind >> rowBits); }
    quint64 key() const { return (quint64(row()) << 16) | column; }
};

static_assert(sizeof(XlsxReader::Cell) == 16);

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

    // Filled while the sheet is read: by liborcus (strings, formats) and SheetScan (cells).
    std::vector<std::string> sharedStrings;
    std::vector<std::string> texts;
    std::vector<Cell> cells;
    bool tooManyCells = false;
    bool badAddress = false;
    bool date1904 = false;
    // Cell formats that show dates or times: their number format's id and code.
    std::unordered_map<std::size_t, std::pair<qsizetype, QString>> dateFormats;
};

namespace {

using Workbook = XlsxReader::Workbook;
using Cell = XlsxReader::Cell;

bool addCell(Workbook &book, qint64 row, qint64 column, CellKind kind, double number, quint32 index,
             std::size_t xf)
{
    if (row < 0 || column < 0 || row >= (qint64(1) << Cell::rowBits)) {
        book.badAddress = true;
        return false;
    }
    if (qint64(book.cells.size()) >= book.options.maxCells) {
        book.tooManyCells = true;
        return false;
    }
    Cell cell;
    cell.rowAndKind = quint32(row) | (quint32(kind) << Cell::rowBits);
    cell.column = quint16(std::min<qint64>(column, 0xFFFF));
    cell.xf = quint16(std::min<std::size_t>(xf, 0xFFFF));
    if (kind == CellKind::Number)
        cell.number = number;
    else
        cell.index = index;
    book.cells.push_back(cell);
    return true;
}

void addText(Workbook &book, qint64 row, qint64 column, std::string_view text)
{
    if (addCell(book, row, column, CellKind::Text, 0, quint32(book.texts.size()), 0))
        book.texts.emplace_back(text);
}

class SharedStrings final : public ss::iface::import_shared_strings
{
public:
    explicit SharedStrings(Workbook &book)
        : mBook(book)
    {}

    std::size_t append(std::string_view s) override
    {
        mBook.sharedStrings.emplace_back(s);
        return mBook.sharedStrings.size() - 1;
    }
    std::size_t add(std::string_view s) override { return append(s); }
    void set_segment_font(std::size_t) override {}
    void set_segment_bold(bool) override {}
    void set_segment_italic(bool) override {}
    void set_segment_font_name(std::string_view) override {}
    void set_segment_font_size(double) override {}
    void set_segment_font_color(ss::color_elem_t, ss::color_elem_t, ss::color_elem_t,
                                ss::color_elem_t) override
    {}
    void append_segment(std::string_view s) override { mSegments += s; }
    std::size_t commit_segments() override
    {
        const std::size_t index = append(mSegments);
        mSegments.clear();
        return index;
    }

private:
    Workbook &mBook;
    std::string mSegments; // of a rich-text string being assembled
};

// liborcus 0.17 reads numbers with a parser of its own that is not correctly rounded (1e21
// comes back as 1000000000000000131072), and it drops inline strings, error values, ISO
// dates and the cached results of most formulas. So it is given no sheet to fill: every
// cell is read by SheetScan below, from the sheet's XML, and liborcus supplies the rest of
// the workbook (shared strings, number formats, sheets and their parts, the checks).
class IgnoredSheet final : public ss::iface::import_sheet
{
public:
    void set_auto(ss::row_t, ss::col_t, std::string_view) override {}
    void set_string(ss::row_t, ss::col_t, ss::string_id_t) override {}
    void set_value(ss::row_t, ss::col_t, double) override {}
    void set_bool(ss::row_t, ss::col_t, bool) override {}
    void set_date_time(ss::row_t, ss::col_t, int, int, int, int, int, double) override {}
    void set_format(ss::row_t, ss::col_t, std::size_t) override {}
    void set_format(ss::row_t, ss::col_t, ss::row_t, ss::col_t, std::size_t) override {}
    void fill_down_cells(ss::row_t, ss::col_t, ss::row_t) override {}
    ss::range_size_t get_sheet_size() const override { return {1048576, 16384}; }
};

class GlobalSettings final : public ss::iface::import_global_settings
{
public:
    explicit GlobalSettings(Workbook &book)
        : mBook(book)
    {}

    // liborcus 0.17 always reports 1899-12-30; the workbook's own date1904 flag is read
    // with its list of sheets.
    void set_origin_date(int year, int, int) override { mBook.date1904 |= year == 1904; }
    void set_default_formula_grammar(ss::formula_grammar_t) override {}
    ss::formula_grammar_t get_default_formula_grammar() const override
    {
        return ss::formula_grammar_t::xlsx;
    }
    void set_character_set(orcus::character_set_t) override {}

private:
    Workbook &mBook;
};

// Cell addresses in A1 notation ("$B$7", "Sheet1!C3"); a range "A1:C3".
class ReferenceResolver final : public ss::iface::import_reference_resolver
{
public:
    ss::src_address_t resolve_address(std::string_view address) override
    {
        if (const std::size_t bang = address.rfind('!'); bang != std::string_view::npos)
            address.remove_prefix(bang + 1);
        qint64 column = 0;
        qint64 row = 0;
        std::size_t i = 0;
        for (; i < address.size(); ++i) {
            const char c = char(address[i] & ~0x20);
            if (address[i] == '$')
                continue;
            if (c < 'A' || c > 'Z' || column > 0xFFFF)
                break;
            column = column * 26 + (c - 'A' + 1);
        }
        for (; i < address.size(); ++i) {
            if (address[i] == '$')
                continue;
            if (address[i] < '0' || address[i] > '9' || row > (qint64(1) << 31))
                break;
            row = row * 10 + (address[i] - '0');
        }
        // A malformed address becomes one no sheet has, which liborcus and addCell refuse.
        if (i != address.size() || column == 0 || row == 0)
            return {0, -1, -1};
        return {0, ss::row_t(std::min<qint64>(row - 1, INT32_MAX)),
                ss::col_t(std::min<qint64>(column - 1, INT32_MAX))};
    }
    ss::src_range_t resolve_range(std::string_view range) override
    {
        const std::size_t colon = range.find(':');
        const ss::src_address_t first = resolve_address(range.substr(0, colon));
        const ss::src_address_t last =
            colon == std::string_view::npos ? first : resolve_address(range.substr(colon + 1));
        return {first, last};
    }
};

// What liborcus fills while it reads the workbook: the shared strings, the styles (for the
// number formats) and the date system; every sheet goes to the IgnoredSheet.
class Factory final : public ss::iface::import_factory
{
public:
    explicit Factory(Workbook &book)
        : mStrings(book)
        , mSettings(book)
        , mStyleImport(mStyles, mPool)
    {}

    ss::iface::import_global_settings *get_global_settings() override { return &mSettings; }
    ss::iface::import_shared_strings *get_shared_strings() override { return &mStrings; }
    ss::iface::import_styles *get_styles() override { return &mStyleImport; }
    ss::iface::import_reference_resolver *get_reference_resolver(ss::formula_ref_context_t) override
    {
        return &mResolver;
    }
    ss::iface::import_sheet *append_sheet(ss::sheet_t index, std::string_view name) override
    {
        mSheets.emplace_back(index, std::string(name));
        return &mSheet;
    }
    ss::iface::import_sheet *get_sheet(std::string_view name) override
    {
        const bool known = std::any_of(mSheets.begin(), mSheets.end(),
                                       [&](const auto &sheet) { return sheet.second == name; });
        return known ? &mSheet : nullptr;
    }
    ss::iface::import_sheet *get_sheet(ss::sheet_t index) override
    {
        const bool known = std::any_of(mSheets.begin(), mSheets.end(),
                                       [&](const auto &sheet) { return sheet.first == index; });
        return known ? &mSheet : nullptr;
    }
    void finalize() override {}

    const ss::styles &styles() const { return mStyles; }

private:
    SharedStrings mStrings;
    GlobalSettings mSettings;
    ReferenceResolver mResolver;
    orcus::string_pool mPool;
    ss::styles mStyles;
    ss::import_styles mStyleImport;
    IgnoredSheet mSheet;
    std::vector<std::pair<ss::sheet_t, std::string>> mSheets;
};

// Every cell of the chosen sheet, from its XML, with liborcus's SAX parser: the value Excel
// saved, whatever produced it (a formula's cached result included), with its cell format.
struct SheetScan : AttributeCollector
{
    explicit SheetScan(Workbook &target)
        : book(target)
    {}

    Workbook &book;
    ReferenceResolver resolver;
    qint64 row = -1;
    qint64 column = -1;
    std::string type;
    std::size_t xf = 0;
    bool inValue = false;
    bool inInline = false;
    bool inInlineText = false;
    bool inPhonetic = false;
    std::string value;
    std::string inlineText;
    bool sorted = true; // rows and cells in order, as Excel writes them
    quint64 lastKey = 0;

    void start_element(const orcus::sax::parser_element &element)
    {
        const std::string_view name = element.name;
        if (name == "row") {
            const std::string r = attribute("r");
            row = r.empty() ? row + 1 : std::atoll(r.c_str()) - 1;
            column = -1;
        } else if (name == "c") {
            const std::string r = attribute("r");
            if (r.empty()) {
                ++column;
            } else {
                const ss::src_address_t address = resolver.resolve_address(r);
                column = address.column;
            }
            type = attribute("t");
            const std::string s = attribute("s");
            xf = s.empty() ? 0 : std::size_t(std::atoll(s.c_str()));
            value.clear();
            inlineText.clear();
        } else if (name == "v") {
            inValue = true;
        } else if (name == "is") {
            inInline = true;
        } else if (name == "rPh") {
            inPhonetic = true;
        } else if (name == "t") {
            inInlineText = inInline && !inPhonetic;
        }
        attributes.clear();
    }

    void end_element(const orcus::sax::parser_element &element)
    {
        const std::string_view name = element.name;
        if (name == "v")
            inValue = false;
        else if (name == "is")
            inInline = false;
        else if (name == "rPh")
            inPhonetic = false;
        else if (name == "t")
            inInlineText = false;
        else if (name == "c")
            finishCell();
    }

    void characters(std::string_view text, bool)
    {
        if (inValue)
            value += text;
        else if (inInlineText)
            inlineText += text;
    }

    void finishCell()
    {
        if (row >= 0 && column >= 0) {
            const quint64 key = (quint64(row) << 16) | quint64(column);
            sorted = sorted && key >= lastKey;
            lastKey = key;
        }
        if (type == "inlineStr") {
            if (!inlineText.empty())
                addText(book, row, column, inlineText);
            return;
        }
        if (value.empty())
            return; // an empty cell, there for its format
        if (type == "s") {
            std::uint32_t index = 0;
            const auto [end, ec] =
                std::from_chars(value.data(), value.data() + value.size(), index);
            if (ec != std::errc() || end != value.data() + value.size())
                index = std::numeric_limits<std::uint32_t>::max(); // refused when read
            addCell(book, row, column, CellKind::Shared, 0, index, 0);
        } else if (type == "b") {
            addCell(book, row, column, CellKind::Bool, 0, value != "0" ? 1 : 0, 0);
        } else if (type.empty() || type == "n") {
            double number = 0;
            const auto [end, ec] =
                std::from_chars(value.data(), value.data() + value.size(), number);
            if (ec == std::errc() && end == value.data() + value.size())
                addCell(book, row, column, CellKind::Number, number, 0, xf);
            else
                addText(book, row, column, value);
        } else {
            // str (a formula's text), e (an error such as #N/A), d (an ISO 8601 date).
            addText(book, row, column, value);
        }
    }
};

QString sheetLabel(const QString &name)
{
    return Text::tr("Sheet “%1”").arg(name);
}

} // namespace

// --- Formatting values --------------------------------------------------------------------

QString formatExcelNumber(double value)
{
    if (!std::isfinite(value))
        return QString::number(value);
    if (value == 0)
        return u"0"_s; // also for -0
    char buffer[400];
    const auto [end, ec] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    if (ec != std::errc())
        return QString::number(value, 'g', 17);
    return QString::fromLatin1(buffer, qsizetype(end - buffer));
}

std::optional<QString> formatExcelSerial(double serial, qsizetype formatId, QStringView formatCode,
                                         bool date1904)
{
    const DateKind kind =
        formatCode.isEmpty() ? builtinDateKind(formatId) : codeDateKind(formatCode);
    // Excel shows no date before its epoch or after 9999-12-31 (serial 2958465).
    if (kind == DateKind::None || !std::isfinite(serial) || serial < 0 || serial >= 2958466)
        return std::nullopt;

    constexpr qint64 msPerDay = 86400000;
    const qint64 ms = std::llround(serial * double(msPerDay));
    const qint64 days = ms / msPerDay;
    const QTime time = QTime::fromMSecsSinceStartOfDay(int(ms % msPerDay));
    const QString timeText = time.toString(time.msec() ? u"HH:mm:ss.zzz"_s : u"HH:mm:ss"_s);
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
    } else if (size <= options.maxUncompressedBytes) {
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
                               .arg(megabytes(options.maxUncompressedBytes)));
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

    try {
        orcus::zip_archive_stream_blob stream(reinterpret_cast<const uint8_t *>(data.data()),
                                              std::size_t(data.size()));
        orcus::zip_archive archive(&stream);
        archive.load();

        std::vector<unsigned char> xml;
        RelationshipsHandler rootRelationships;
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
        if (has(relsPart) && archive.read_file_entry(relsPart, xml))
            parseXml(xml, relationships);
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

qint64 XlsxReader::progressTotal() const
{
    return mLoaded ? qint64(mBook->cells.size()) : 0;
}

bool XlsxReader::atEnd() const
{
    return mError || (mLoaded && mNextCell >= qsizetype(mBook->cells.size()));
}

// TODO: The sheet is read whole before its first record is handed out, so a workbook shows
// no import progress while it is read, and sheets over the cell and part caps (about 400,000
// rows of 20 columns) must be saved as CSV; scanning the sheet's XML as it is inflated would
// lift both.
bool XlsxReader::loadSheet()
{
    Workbook &book = *mBook;
    const Workbook::Sheet &sheet = book.sheets[mSheet];
    QElapsedTimer timer;
    timer.start();

    try {
        Factory factory(book);
        {
            orcus::orcus_xlsx filter(&factory);
            filter.read_stream(std::string_view(book.data.data(), std::size_t(book.data.size())));
        }
        bool sorted = true;
        if (!sheet.part.empty()) {
            orcus::zip_archive_stream_blob stream(
                reinterpret_cast<const uint8_t *>(book.data.data()), std::size_t(book.data.size()));
            orcus::zip_archive archive(&stream);
            archive.load();
            std::vector<unsigned char> xml;
            if (archive.read_file_entry(sheet.part, xml)) {
                SheetScan scan(book);
                parseXml(xml, scan);
                sorted = scan.sorted;
            }
        }
        // A cell given twice keeps the later value, as in Excel.
        if (!sorted) {
            std::stable_sort(book.cells.begin(), book.cells.end(),
                             [](const Cell &a, const Cell &b) { return a.key() < b.key(); });
        }

        // Number formats by cell format, for telling dates from numbers.
        const ss::styles &styles = factory.styles();
        std::unordered_map<std::size_t, QString> codes;
        for (std::size_t i = 0; i < styles.get_number_format_count(); ++i) {
            if (const ss::number_format_t *format = styles.get_number_format(i)) {
                codes[format->identifier] = QString::fromUtf8(
                    format->format_string.data(), qsizetype(format->format_string.size()));
            }
        }
        // Only the formats that show dates or times are kept: they are the ones that change
        // how a number reads.
        for (std::size_t xf = 0; xf < styles.get_cell_formats_count(); ++xf) {
            const ss::cell_format_t *format = styles.get_cell_format(xf);
            if (!format)
                continue;
            const auto code = codes.find(format->number_format);
            const QString text = code == codes.end() ? QString() : code->second;
            const qsizetype id = qsizetype(format->number_format);
            if ((text.isEmpty() ? builtinDateKind(id) : codeDateKind(text)) != DateKind::None)
                book.dateFormats[xf] = {id, text};
        }
    } catch (const std::bad_alloc &) {
        fail(SourceErrorCode::TooLarge,
             Text::tr("%1 is too large to read in the memory there is. Save the sheet as CSV, "
                      "which Waymark reads at any size.")
                 .arg(sheetLabel(sheet.name)));
        return false;
    } catch (const std::exception &e) {
        fail(SourceErrorCode::Malformed,
             Text::tr("%1 could not be read: the workbook is damaged (%2). Save it again from "
                      "Excel and import the new file.")
                 .arg(sheetLabel(sheet.name), QString::fromLocal8Bit(e.what())));
        return false;
    }

    if (book.tooManyCells) {
        fail(SourceErrorCode::TooLarge,
             Text::tr("%1 holds more than %2 cells, the most Waymark reads from a workbook. Save "
                      "the sheet as CSV, which Waymark reads at any size.")
                 .arg(sheetLabel(sheet.name))
                 .arg(book.options.maxCells));
        return false;
    }
    if (book.badAddress) {
        fail(SourceErrorCode::Malformed,
             Text::tr("%1 has cells at addresses no sheet can have: the workbook is damaged. "
                      "Save it again from Excel and import the new file.")
                 .arg(sheetLabel(sheet.name)));
        return false;
    }
    qCInfo(lcImport).noquote() << "read sheet" << sheet.name << "of" << book.sheets.size()
                               << "sheets:" << book.cells.size() << "cells," << book.texts.size()
                               << "texts," << book.sharedStrings.size() << "shared strings in"
                               << timer.elapsed() << "ms";
    return true;
}

QString XlsxReader::cellText(const Cell &cell, bool *ok)
{
    *ok = true;
    const Workbook &book = *mBook;
    switch (cell.kind()) {
    case CellKind::Bool:
        return cell.index ? u"true"_s : u"false"_s;
    case CellKind::Number: {
        if (cell.xf != 0) {
            const auto format = book.dateFormats.find(cell.xf);
            if (format != book.dateFormats.end()) {
                if (std::optional<QString> text = formatExcelSerial(
                        cell.number, format->second.first, format->second.second, book.date1904))
                    return *text;
            }
        }
        return formatExcelNumber(cell.number);
    }
    case CellKind::Shared:
    case CellKind::Text: {
        const std::vector<std::string> &pool =
            cell.kind() == CellKind::Shared ? book.sharedStrings : book.texts;
        const qint64 row = qint64(cell.row()) + 1;
        const qsizetype column = qsizetype(cell.column) + 1;
        if (cell.index >= pool.size()) {
            fail(SourceErrorCode::Malformed,
                 Text::tr("%1, row %2, column %3 refers to a text the workbook does not hold: "
                          "the file is damaged. Save it again from Excel.")
                     .arg(sheetLabel(sheetName()))
                     .arg(row)
                     .arg(columnLetters(column)),
                 row, column);
            *ok = false;
            return {};
        }
        const std::string &bytes = pool[cell.index];
        if (qsizetype(bytes.size()) > book.options.maxFieldBytes) {
            fail(SourceErrorCode::TooLarge,
                 Text::tr("%1, row %2, column %3: the cell is larger than %4 MB, the most "
                          "Waymark reads.")
                     .arg(sheetLabel(sheetName()))
                     .arg(row)
                     .arg(columnLetters(column))
                     .arg(book.options.maxFieldBytes / (1024.0 * 1024.0), 0, 'g', 3),
                 row, column);
            *ok = false;
            return {};
        }
        const QByteArrayView view(bytes.data(), qsizetype(bytes.size()));
        if (!isValidUtf8(view)) {
            fail(SourceErrorCode::BadEncoding,
                 Text::tr("%1, row %2, column %3 holds bytes that are not valid text: the "
                          "workbook is damaged. Save it again from Excel.")
                     .arg(sheetLabel(sheetName()))
                     .arg(row)
                     .arg(columnLetters(column)),
                 row, column);
            *ok = false;
            return {};
        }
        return QString::fromUtf8(view);
    }
    }
    return {};
}

std::optional<SourceRecord> XlsxReader::next()
{
    if (mError)
        return std::nullopt;
    if (!mLoaded) {
        mLoaded = true;
        if (!loadSheet())
            return std::nullopt;
    }

    const std::vector<Cell> &cells = mBook->cells;
    const qsizetype count = qsizetype(cells.size());
    if (mNextCell >= count) {
        if (mRecords == 0)
            fail(SourceErrorCode::Empty, Text::tr("%1 is empty.").arg(sheetLabel(sheetName())));
        return std::nullopt;
    }

    const quint32 row = cells[mNextCell].row();
    qsizetype end = mNextCell;
    while (end < count && cells[end].row() == row)
        ++end;
    const qsizetype width = qsizetype(cells[end - 1].column) + 1;
    if (width > mBook->options.maxColumns) {
        fail(SourceErrorCode::TooLarge,
             Text::tr("%1, row %2 has more than %3 columns, the most Waymark imports.")
                 .arg(sheetLabel(sheetName()))
                 .arg(row + 1)
                 .arg(mBook->options.maxColumns),
             qint64(row) + 1, mBook->options.maxColumns + 1);
        return std::nullopt;
    }

    // The cells between a row's cells are empty in the sheet: empty fields, not missing
    // ones. After its last cell the row simply ends (see omitsTrailingEmptyFields()).
    SourceRecord record;
    record.line = qint64(row) + 1;
    record.fields = QStringList(width);
    for (qsizetype i = mNextCell; i < end; ++i) {
        bool ok = true;
        QString text = cellText(cells[i], &ok);
        if (!ok)
            return std::nullopt;
        record.fields[cells[i].column] = std::move(text);
    }
    mNextCell = end;
    record.record = ++mRecords;
    return record;
}

} // namespace Waymark::Import
