// csv-to-xlsx: the survey export of generate-survey saved as an Excel workbook, the input of
// the import benchmark's workbook workload. It writes what Excel writes for such a sheet:
// numbers as numbers, the ISO timestamps as date serials with a date-and-time format, every
// other text through the shared strings, and the sheet's XML deflated in a zip archive, the
// sheet streamed (its sizes in a data descriptor after it, as Excel's own zip writer does).
//
//   csv-to-xlsx IN.csv OUT.xlsx
//
// It reads only the CSV that generate-survey writes (RFC 4180 quoting, LF line ends).
#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace {

struct Entry
{
    std::string name;
    std::uint32_t crc = 0;
    std::uint64_t packed = 0;
    std::uint64_t unpacked = 0;
    std::uint64_t offset = 0;
    bool descriptor = false;
};

// A zip archive written front to back: each part's local header, its deflated bytes, and at
// the end the central directory.
class ZipWriter
{
public:
    explicit ZipWriter(std::FILE *file)
        : mFile(file)
    {}

    void whole(const std::string &name, std::string_view data)
    {
        begin(name, false);
        write(data);
        end();
    }

    // A part written in pieces: its sizes and checksum follow it in a data descriptor.
    void begin(const std::string &name, bool streamed = true)
    {
        mEntry = Entry{name, 0, 0, 0, mOffset, streamed};
        mCrc = crc32(0, nullptr, 0);
        std::memset(&mZ, 0, sizeof mZ);
        if (deflateInit2(&mZ, Z_BEST_SPEED, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
            die("deflateInit2");
        mPacked.clear();
        if (streamed)
            localHeader();
    }

    void write(std::string_view data)
    {
        mCrc = crc32(mCrc, reinterpret_cast<const Bytef *>(data.data()), uInt(data.size()));
        mEntry.unpacked += data.size();
        mZ.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
        mZ.avail_in = uInt(data.size());
        pump(Z_NO_FLUSH);
    }

    void end()
    {
        pump(Z_FINISH);
        deflateEnd(&mZ);
        mEntry.crc = std::uint32_t(mCrc);
        if (mEntry.descriptor) {
            std::string d;
            u32(d, 0x08074b50);
            u32(d, mEntry.crc);
            u32(d, std::uint32_t(mEntry.packed));
            u32(d, std::uint32_t(mEntry.unpacked));
            raw(d);
        } else {
            // A part written whole has its sizes in its local header, before its bytes.
            localHeader();
            raw(mPacked);
        }
        mEntries.push_back(mEntry);
    }

    void finish()
    {
        const std::uint64_t start = mOffset;
        for (const Entry &e : mEntries) {
            std::string c;
            u32(c, 0x02014b50);
            u16(c, 20);
            u16(c, 20);
            u16(c, e.descriptor ? 0x08 : 0);
            u16(c, 8);
            u32(c, 0x58610000); // 2024-03-01 12:00
            u32(c, e.crc);
            u32(c, std::uint32_t(e.packed));
            u32(c, std::uint32_t(e.unpacked));
            u16(c, std::uint16_t(e.name.size()));
            u16(c, 0);
            u16(c, 0);
            u16(c, 0);
            u16(c, 0);
            u32(c, 0);
            u32(c, std::uint32_t(e.offset));
            c += e.name;
            raw(c);
        }
        std::string end;
        u32(end, 0x06054b50);
        u16(end, 0);
        u16(end, 0);
        u16(end, std::uint16_t(mEntries.size()));
        u16(end, std::uint16_t(mEntries.size()));
        u32(end, std::uint32_t(mOffset - start));
        u32(end, std::uint32_t(start));
        u16(end, 0);
        raw(end);
        if (mOffset > 0xFFFFFFFFu)
            die("the workbook would need ZIP64");
    }

private:
    static void u16(std::string &s, std::uint16_t v)
    {
        s += char(v & 0xFF);
        s += char(v >> 8);
    }
    static void u32(std::string &s, std::uint32_t v)
    {
        u16(s, std::uint16_t(v & 0xFFFF));
        u16(s, std::uint16_t(v >> 16));
    }
    [[noreturn]] static void die(const char *what)
    {
        std::fprintf(stderr, "csv-to-xlsx: %s failed\n", what);
        std::exit(1);
    }

    void localHeader()
    {
        std::string h;
        u32(h, 0x04034b50);
        u16(h, 20);
        u16(h, mEntry.descriptor ? 0x08 : 0);
        u16(h, 8);
        u32(h, 0x58610000);
        u32(h, mEntry.descriptor ? 0 : std::uint32_t(mCrc));
        u32(h, mEntry.descriptor ? 0 : std::uint32_t(mEntry.packed));
        u32(h, mEntry.descriptor ? 0 : std::uint32_t(mEntry.unpacked));
        u16(h, std::uint16_t(mEntry.name.size()));
        u16(h, 0);
        h += mEntry.name;
        raw(h);
    }

    void pump(int flush)
    {
        char out[1 << 16];
        do {
            mZ.next_out = reinterpret_cast<Bytef *>(out);
            mZ.avail_out = sizeof out;
            if (deflate(&mZ, flush) == Z_STREAM_ERROR)
                die("deflate");
            const std::size_t produced = sizeof out - mZ.avail_out;
            mEntry.packed += produced;
            if (mEntry.descriptor)
                raw(std::string_view(out, produced));
            else
                mPacked.append(out, produced);
        } while (mZ.avail_out == 0);
    }

    void raw(std::string_view bytes)
    {
        if (std::fwrite(bytes.data(), 1, bytes.size(), mFile) != bytes.size())
            die("writing");
        mOffset += bytes.size();
    }

    std::FILE *mFile;
    std::uint64_t mOffset = 0;
    std::vector<Entry> mEntries;
    Entry mEntry;
    z_stream mZ{};
    uLong mCrc = 0;
    std::string mPacked;
};

// "A", "B", ... "T": the columns of a 20-column sheet, and beyond.
std::string columnName(std::size_t index)
{
    std::string name;
    for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26)
        name.insert(name.begin(), char('A' + (n - 1) % 26));
    return name;
}

void escapeInto(std::string &out, std::string_view text)
{
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
}

bool isNumber(std::string_view field)
{
    if (field.empty() || field.size() > 15)
        return false;
    bool digits = false;
    bool point = false;
    for (std::size_t i = 0; i < field.size(); ++i) {
        const char c = field[i];
        if (c >= '0' && c <= '9')
            digits = true;
        else if (c == '.' && !point)
            point = true;
        else if (!(c == '-' && i == 0))
            return false;
    }
    return digits;
}

// 2024-MM-DDTHH:MM:SSZ as Excel's serial (days since 1899-12-30); -1 when it is not one.
double timestampSerial(std::string_view field)
{
    if (field.size() != 20 || field[4] != '-' || field[10] != 'T' || field[19] != 'Z')
        return -1;
    auto number = [&](std::size_t at, std::size_t n) {
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i)
            v = v * 10 + (field[i] - '0');
        return v;
    };
    const int year = number(0, 4);
    const int month = number(5, 2);
    const int day = number(8, 2);
    // Days from civil (proleptic Gregorian), then shifted to Excel's epoch.
    const int y = year - (month <= 2);
    const int era = y / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const long days = long(era) * 146097 + doe - 719468; // since 1970-01-01
    const double seconds = number(11, 2) * 3600.0 + number(14, 2) * 60.0 + number(17, 2);
    return double(days + 25569) + seconds / 86400.0;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc != 3) {
        std::fputs("usage: csv-to-xlsx IN.csv OUT.xlsx\n", stderr);
        return 2;
    }
    std::FILE *in = std::fopen(argv[1], "rb");
    if (!in) {
        std::perror(argv[1]);
        return 1;
    }
    std::FILE *file = std::fopen(argv[2], "wb");
    if (!file) {
        std::perror(argv[2]);
        return 1;
    }

    ZipWriter zip(file);
    zip.whole("[Content_Types].xml",
              "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
              "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
              "<Default Extension=\"rels\" "
              "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
              "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
              "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
              "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
              "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/"
              "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
              "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/"
              "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
              "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/"
              "vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>");
    zip.whole("_rels/.rels",
              "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
              "<Relationships "
              "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
              "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
              "</Relationships>");
    zip.whole("xl/workbook.xml",
              "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
              "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
              "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
              "<sheets><sheet name=\"survey\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
    zip.whole("xl/_rels/workbook.xml.rels",
              "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
              "<Relationships "
              "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
              "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
              "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/"
              "officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
              "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/"
              "officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
              "</Relationships>");
    // Cell format 1 is the custom date and time format 164.
    zip.whole("xl/styles.xml",
              "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
              "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
              "<numFmts count=\"1\"><numFmt numFmtId=\"164\" "
              "formatCode=\"yyyy\\-mm\\-dd hh:mm:ss\"/></numFmts>"
              "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
              "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
              "<borders count=\"1\"><border/></borders>"
              "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\"/></cellStyleXfs>"
              "<cellXfs count=\"2\"><xf numFmtId=\"0\" xfId=\"0\"/>"
              "<xf numFmtId=\"164\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
              "</styleSheet>");

    std::unordered_map<std::string, std::size_t> strings;
    std::vector<const std::string *> order;
    zip.begin("xl/worksheets/sheet1.xml");
    zip.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
              "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
              "<sheetData>");

    std::vector<std::string> fields(1);
    std::string xml;
    std::size_t row = 0;
    bool quoted = false;
    bool inQuotes = false;
    auto flushRow = [&]() {
        ++row;
        const std::string number = std::to_string(row);
        xml += "<row r=\"" + number + "\">";
        for (std::size_t c = 0; c < fields.size(); ++c) {
            const std::string &field = fields[c];
            if (field.empty())
                continue;
            const std::string ref = columnName(c) + number;
            if (const double serial = row > 1 ? timestampSerial(field) : -1; serial >= 0) {
                char text[40];
                std::snprintf(text, sizeof text, "%.17g", serial);
                xml += "<c r=\"" + ref + "\" s=\"1\"><v>" + text + "</v></c>";
            } else if (row > 1 && isNumber(field)) {
                xml += "<c r=\"" + ref + "\"><v>" + field + "</v></c>";
            } else {
                auto [it, added] = strings.emplace(field, strings.size());
                if (added)
                    order.push_back(&it->first);
                xml += "<c r=\"" + ref + "\" t=\"s\"><v>" + std::to_string(it->second) + "</v></c>";
            }
        }
        xml += "</row>";
        if (xml.size() > (1 << 16)) {
            zip.write(xml);
            xml.clear();
        }
        fields.assign(1, std::string());
    };

    char buffer[1 << 16];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, in)) > 0) {
        for (std::size_t i = 0; i < got; ++i) {
            const char c = buffer[i];
            if (inQuotes) {
                if (c == '"')
                    inQuotes = false; // a doubled quote reopens at once below
                else
                    fields.back() += c;
            } else if (c == '"') {
                if (quoted)
                    fields.back() += '"';
                inQuotes = true;
                quoted = true;
            } else if (c == ',') {
                fields.emplace_back();
                quoted = false;
            } else if (c == '\n') {
                flushRow();
                quoted = false;
            } else {
                fields.back() += c;
            }
        }
    }
    std::fclose(in);
    if (fields.size() > 1 || !fields.front().empty())
        flushRow();
    xml += "</sheetData></worksheet>";
    zip.write(xml);
    zip.end();

    std::string shared = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                         "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
                         "main\" uniqueCount=\"" +
                         std::to_string(order.size()) + "\">";
    for (const std::string *text : order) {
        shared += "<si><t xml:space=\"preserve\">";
        escapeInto(shared, *text);
        shared += "</t></si>";
    }
    shared += "</sst>";
    zip.whole("xl/sharedStrings.xml", shared);
    zip.finish();
    if (std::fclose(file) != 0) {
        std::perror(argv[2]);
        return 1;
    }
    return 0;
}
