#!/usr/bin/env python3
"""Writes the XLSX fixtures of the import tests, by hand from XML, so that every byte of
them is known: the shapes Excel and the survey and shop tools write, and the hostile files
the reader must refuse. Run it from anywhere; it writes next to itself (and into bad/).

    python3 tests/data/import/make-xlsx.py

The outputs are committed; run it again only after changing it. Dates are fixed so that
the files are the same on every run (zip entries carry a timestamp)."""

import os
import struct
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
STAMP = (2024, 3, 1, 12, 0, 0)

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# Cell formats (the s attribute): 0 General, 1 the built-in short date (14), 2 a custom
# date and time, 3 the built-in time (21, h:mm:ss), 4 a custom number format whose quoted
# text holds date letters (it is not a date), 5 a percentage, 6 a custom date written the
# European way.
NUM_FMTS = [(164, "yyyy\\-mm\\-dd hh:mm:ss"), (165, '0.00" days"'), (166, "dd/mm/yyyy")]
CELL_XFS = [0, 14, 164, 21, 165, 10, 166]
DATE, DATETIME, TIME, DAYS, PERCENT, EURODATE = 1, 2, 3, 4, 5, 6


class Inline:
    """An inline string (t="inlineStr") rather than a shared one."""

    def __init__(self, text):
        self.text = text


class Styled:
    """A number shown through one of the cell formats above."""

    def __init__(self, value, style):
        self.value = value
        self.style = style


class Formula:
    """A formula with the result Excel cached for it."""

    def __init__(self, formula, cached):
        self.formula = formula
        self.cached = cached


class Error:
    def __init__(self, code):
        self.code = code


class IsoDate:
    """A cell of type d (ISO 8601 text), which strict OOXML writers use."""

    def __init__(self, text):
        self.text = text


def column_name(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def number(value):
    return repr(value) if isinstance(value, float) else str(value)


class Workbook:
    def __init__(self, date1904=False):
        self.sheets = []
        self.strings = []
        self.string_index = {}
        self.date1904 = date1904

    def shared(self, text):
        if text not in self.string_index:
            self.string_index[text] = len(self.strings)
            self.strings.append(text)
        return self.string_index[text]

    def add_sheet(self, name, rows, merges=(), first_row=1):
        """rows: lists of cells; None is a cell left out of the file. A row that is None is
        left out too (Excel writes no element for an empty row)."""
        self.sheets.append((name, rows, merges, first_row))

    def cell_xml(self, ref, value):
        if value is None:
            return ""
        if isinstance(value, bool):
            return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
        if isinstance(value, (int, float)):
            return f'<c r="{ref}"><v>{number(value)}</v></c>'
        if isinstance(value, str):
            return f'<c r="{ref}" t="s"><v>{self.shared(value)}</v></c>'
        if isinstance(value, Inline):
            return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(value.text)}</t></is></c>'
        if isinstance(value, Styled):
            return f'<c r="{ref}" s="{value.style}"><v>{number(value.value)}</v></c>'
        if isinstance(value, Formula):
            if isinstance(value.cached, str):
                return (f'<c r="{ref}" t="str"><f>{escape(value.formula)}</f>'
                        f'<v>{escape(value.cached)}</v></c>')
            return f'<c r="{ref}"><f>{escape(value.formula)}</f><v>{number(value.cached)}</v></c>'
        if isinstance(value, Error):
            return f'<c r="{ref}" t="e"><v>{escape(value.code)}</v></c>'
        if isinstance(value, IsoDate):
            return f'<c r="{ref}" t="d"><v>{value.text}</v></c>'
        raise TypeError(value)

    def sheet_xml(self, rows, merges, first_row):
        out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheetData>']
        for offset, row in enumerate(rows):
            if row is None:
                continue
            number_ = first_row + offset
            cells = "".join(self.cell_xml(f"{column_name(c)}{number_}", v)
                            for c, v in enumerate(row))
            out.append(f'<row r="{number_}">{cells}</row>')
        out.append("</sheetData>")
        if merges:
            out.append(f'<mergeCells count="{len(merges)}">')
            out.extend(f'<mergeCell ref="{m}"/>' for m in merges)
            out.append("</mergeCells>")
        out.append("</worksheet>")
        return "".join(out)

    def parts(self):
        sheets = [(f"xl/worksheets/sheet{i + 1}.xml", self.sheet_xml(rows, merges, first))
                  for i, (_, rows, merges, first) in enumerate(self.sheets)]
        content_types = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            + "".join(f'<Override PartName="/{path}" ContentType="application/'
                      'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                      for path, _ in sheets)
            + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            "</Types>")
        root_rels = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PKG_REL_NS}">'
            f'<Relationship Id="rId1" Type="{DOC_TYPE}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>")
        pr = '<workbookPr date1904="1"/>' if self.date1904 else "<workbookPr/>"
        workbook = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">{pr}<sheets>'
            + "".join(f'<sheet name="{escape(name, {chr(34): "&quot;"})}" sheetId="{i + 1}" '
                      f'r:id="rId{i + 1}"/>'
                      for i, (name, _, _, _) in enumerate(self.sheets))
            + "</sheets></workbook>")
        count = len(self.sheets)
        workbook_rels = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PKG_REL_NS}">'
            + "".join(f'<Relationship Id="rId{i + 1}" Type="{DOC_TYPE}/worksheet" '
                      f'Target="worksheets/sheet{i + 1}.xml"/>' for i in range(count))
            + f'<Relationship Id="rId{count + 1}" Type="{DOC_TYPE}/sharedStrings" '
            'Target="sharedStrings.xml"/>'
            f'<Relationship Id="rId{count + 2}" Type="{DOC_TYPE}/styles" Target="styles.xml"/>'
            "</Relationships>")
        formats = "".join(f'<numFmt numFmtId="{i}" formatCode="{escape(code, {chr(34): "&quot;"})}"/>'
                          for i, code in NUM_FMTS)
        xfs = "".join(f'<xf numFmtId="{i}" fontId="0" fillId="0" borderId="0" xfId="0"'
                      f'{" applyNumberFormat=" + chr(34) + "1" + chr(34) if i else ""}/>'
                      for i in CELL_XFS)
        styles = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<styleSheet xmlns="{MAIN_NS}">'
            f'<numFmts count="{len(NUM_FMTS)}">{formats}</numFmts>'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
            "</cellStyleXfs>"
            f'<cellXfs count="{len(CELL_XFS)}">{xfs}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>")
        # The shared strings are known only once every sheet has been written.
        strings = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<sst xmlns="{MAIN_NS}" count="{len(self.strings)}" uniqueCount="{len(self.strings)}">'
            + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in self.strings)
            + "</sst>")
        return ([("[Content_Types].xml", content_types), ("_rels/.rels", root_rels),
                 ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", workbook_rels)]
                + sheets + [("xl/sharedStrings.xml", strings), ("xl/styles.xml", styles)])

    def save(self, path, skip=()):
        write_zip(path, [(n, d) for n, d in self.parts() if n not in skip])


def write_zip(path, entries, method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", method) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = method
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)


def out(*names):
    return os.path.join(HERE, *names)


def basic():
    """Every kind of cell, a sparse row, a skipped row, two sheets."""
    wb = Workbook()
    wb.add_sheet("Responses", [
        ["id", "text", "integer", "decimal", "flag", "date", "when", "time", "formula",
         "percent", "days", "eu date"],
        [1, "plain", 1200, 0.1, True, Styled(45352, DATE), Styled(45352.385671296296, DATETIME),
         Styled(0.5, TIME), Formula("C2*2", 2400), Styled(0.25, PERCENT), Styled(2.5, DAYS),
         Styled(45352, EURODATE)],
        [2, Inline("inline, with comma"), -7, 1e-07, False, Styled(60, DATE), IsoDate("2024-03-01T09:15:22"),
         None, Formula('"a"&"b"', "ab"), None, None, None],
        [3, None, None, 12345678901234.5, None, None, None, None, Error("#N/A")],
        None,
        [5, "line\nbreak", 0, -0.0, None, Styled(61, DATE)],
        [6, "  spaced  ", 3.14159265358979, 1e21, None, Styled(1, DATE)],
    ])
    wb.add_sheet("Notes & more", [["note"], ["second sheet"]])
    wb.save(out("workbook-basic.xlsx"))
    # The same parts stored rather than deflated, as some tools write them.
    write_zip(out("workbook-stored.xlsx"), wb.parts(), zipfile.ZIP_STORED)


def long_sheet():
    """A sheet far longer than one slice of inflated XML, so that its first rows are handed
    out before the rest is inflated: 8,000 rows of an id, a shared text, a number and a
    date."""
    rows = [["id", "channel", "score", "date"]]
    for i in range(1, 8001):
        rows.append([i, f"channel {i % 7}", (i * 37) % 11, Styled(45000 + i % 365, DATE)])
    wb = Workbook()
    wb.add_sheet("Long", rows)
    wb.save(out("workbook-long.xlsx"))


def date1904():
    wb = Workbook(date1904=True)
    wb.add_sheet("Sheet1", [["date"], [Styled(0, DATE)], [Styled(43890, DATE)]])
    wb.save(out("workbook-1904.xlsx"))


def qualtrics():
    """A Qualtrics export saved as Excel: three header rows, metadata columns, blank answers
    for unanswered questions, numbers stored as numbers."""
    meta = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)",
            "Finished", "RecordedDate", "ResponseId", "RecipientLastName",
            "RecipientFirstName", "RecipientEmail", "ExternalReference", "LocationLatitude",
            "LocationLongitude", "DistributionChannel", "UserLanguage"]
    text = ["Start Date", "End Date", "Response Type", "IP Address", "Progress",
            "Duration (in seconds)", "Finished", "Recorded Date", "Response ID",
            "Recipient Last Name", "Recipient First Name", "Recipient Email",
            "External Data Reference", "Location Latitude", "Location Longitude",
            "Distribution Channel", "User Language"]
    ids = ["startDate", "endDate", "status", "ipAddress", "progress", "duration", "finished",
           "recordedDate", "_recordId", "recipientLastName", "recipientFirstName",
           "recipientEmail", "externalDataReference", "locationLatitude",
           "locationLongitude", "distributionChannel", "userLanguage"]
    rows = [
        meta + ["Q1", "Q2", "Q3"],
        text + ["How likely are you to recommend <b>Acme</b> to a friend, on a scale from 0 to 10?",
                "How satisfied were you with checkout?", "What could we do better?"],
        ['{"ImportId":"%s"}' % i for i in ids]
        + ['{"ImportId":"QID1"}', '{"ImportId":"QID2"}', '{"ImportId":"QID3_TEXT"}'],
    ]
    answers = [(9, 4, "Faster delivery,\nplease"), (None, 5, None), (3, None, "Nothing")]
    for n, (q1, q2, q3) in enumerate(answers):
        start = 45352.385671296296 + n
        rows.append([Styled(start, DATETIME), Styled(start + 0.002, DATETIME), 0,
                     f"203.0.113.{n + 7}", 100, 198 + n, 1, Styled(start + 0.0021, DATETIME),
                     f"R_{n + 1}abcDEF234ghIJk", None, None, None, None, 39.7392, -104.9903,
                     "anonymous", "EN", q1, q2, q3])
    wb = Workbook()
    wb.add_sheet("Sheet0", rows)
    wb.save(out("qualtrics.xlsx"))


def shopify():
    """Shopify's orders export opened in Excel and saved: order fields only on each order's
    first line item, so later rows have holes and end early."""
    header = ["Name", "Email", "Financial Status", "Paid at", "Fulfillment Status",
              "Accepts Marketing", "Currency", "Subtotal", "Shipping", "Taxes", "Total",
              "Discount Code", "Discount Amount", "Created at", "Lineitem quantity",
              "Lineitem name", "Lineitem price", "Lineitem sku", "Billing Name", "Id"]
    rows = [header,
            ["#1001", "ana@example.org", "paid", "2024-03-01 10:22:05 +0100", "fulfilled", "yes",
             "EUR", 54.9, 4.9, 10.43, 59.8, None, 0, "2024-03-01 10:22:01 +0100", 2,
             'Poster "Journey" 50x70', 19.95, "POS-50", "Ana Silva", 5123456789],
            ["#1001", "ana@example.org", None, None, None, None, None, None, None, None, None,
             None, None, "2024-03-01 10:22:01 +0100", 1, "Frame", 15, "FRM-1"],
            ["#1002", "ben@example.org", "refunded", "2024-03-03 12:00:00 +0100", None, "no",
             "EUR", 19.95, 4.9, 4.74, 24.85, "SPRING10", 2, "2024-03-03 11:59:40 +0100", 1,
             'Poster "Journey" 50x70', 19.95, "POS-50", "Ben Okafor", 5123456790]]
    wb = Workbook()
    wb.add_sheet("orders_export", rows)
    wb.save(out("shopify-orders.xlsx"))


def bad():
    os.makedirs(out("bad"), exist_ok=True)

    with open(out("bad", "not-a-zip.xlsx"), "w") as f:
        f.write("id,name\n1,this is CSV text with an .xlsx name\n")

    write_zip(out("bad", "no-workbook.xlsx"), [("readme.txt", "a zip archive, not a workbook\n")])

    # An OpenDocument spreadsheet is a zip too, with its own layout.
    write_zip(out("bad", "opendocument.xlsx"),
              [("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
               ("content.xml", "<office:document-content/>")])

    # 64 MiB of one letter inside a shared strings part: it deflates a thousandfold.
    wb = Workbook()
    wb.add_sheet("Sheet1", [["a"], ["b"]])
    parts = dict(wb.parts())
    parts["xl/sharedStrings.xml"] = ('<?xml version="1.0"?><sst xmlns="%s"><si><t>' % MAIN_NS
                                     + "A" * (64 * 1024 * 1024) + "</t></si></sst>")
    write_zip(out("bad", "zip-bomb.xlsx"), list(parts.items()))

    wb = Workbook()
    wb.add_sheet("Wide", [[f"c{i}" for i in range(1001)], list(range(1001))])
    wb.save(out("bad", "too-many-columns.xlsx"))

    wb = Workbook()
    wb.add_sheet("Sheet1", [["a", "b"], [1, 2]])
    parts = dict(wb.parts())
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace("</row>", "", 1)
    write_zip(out("bad", "malformed-sheet.xlsx"), list(parts.items()))

    wb = Workbook()
    wb.add_sheet("Sheet1", [["a", "b"], [1, 2], [3, 4]])
    wb.save(out("bad", "truncated.xlsx"))
    with open(out("bad", "truncated.xlsx"), "rb") as f:
        data = f.read()
    with open(out("bad", "truncated.xlsx"), "wb") as f:
        f.write(data[: len(data) // 2])

    wb = Workbook()
    wb.add_sheet("Sheet1", [["a", "b"], [1, 2], [3, 4]])
    parts = dict(wb.parts())
    sheet = parts["xl/worksheets/sheet1.xml"]
    second = sheet.index('<row r="2"')
    third = sheet.index('<row r="3"')
    end = sheet.index("</sheetData>")
    parts["xl/worksheets/sheet1.xml"] = (sheet[:second] + sheet[third:end] + sheet[second:third]
                                         + sheet[end:])
    write_zip(out("bad", "rows-out-of-order.xlsx"), list(parts.items()))

    # A sheet whose bytes changed after it was packed: its checksum no longer matches.
    wb = Workbook()
    wb.add_sheet("Sheet1", [["a", "b"], [1, 2], [3, 4]])
    wb.save(out("bad", "bad-checksum.xlsx"))
    with open(out("bad", "bad-checksum.xlsx"), "rb") as f:
        data = bytearray(f.read())
    name = b"xl/worksheets/sheet1.xml"
    local = data.index(b"PK\x03\x04" + data[4:6])  # the first local header
    while data[local + 30:local + 30 + len(name)] != name:
        local = data.index(b"PK\x03\x04", local + 4)
    central = data.index(b"PK\x01\x02")
    while data[central + 46:central + 46 + len(name)] != name:
        central = data.index(b"PK\x01\x02", central + 4)
    for at in (local + 14, central + 16):
        (crc,) = struct.unpack_from("<I", data, at)
        struct.pack_into("<I", data, at, crc ^ 0x5A5A5A5A)
    with open(out("bad", "bad-checksum.xlsx"), "wb") as f:
        f.write(bytes(data))

    wb = Workbook()
    wb.add_sheet("Only header", [["id", "name", "score"]])
    wb.save(out("bad", "header-only.xlsx"))

    wb = Workbook()
    wb.add_sheet("Empty", [])
    wb.save(out("bad", "empty-sheet.xlsx"))

    # Excel saves a workbook with a password as an OLE compound file holding the encrypted
    # package; an old .xls is an OLE compound file too. Only the first sector (the header
    # and a directory naming the streams) matters to the reader, which refuses both from
    # there; the rest of a real file is left out.
    def compound(stream_names):
        header = bytearray(512)
        header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
        struct.pack_into("<HHHH", header, 24, 0x3E, 3, 0xFFFE, 9)
        directory = bytearray()
        for name in ["Root Entry"] + stream_names:
            entry = bytearray(128)
            encoded = name.encode("utf-16-le")
            entry[0:len(encoded)] = encoded
            struct.pack_into("<H", entry, 64, len(encoded) + 2)
            entry[66] = 5 if name == "Root Entry" else 2
            directory += entry
        return bytes(header) + bytes(directory) + bytes(512 - len(directory) % 512)

    with open(out("bad", "encrypted.xlsx"), "wb") as f:
        f.write(compound(["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"]))
    with open(out("bad", "legacy.xls"), "wb") as f:
        f.write(compound(["Workbook", "\x05SummaryInformation"]))


if __name__ == "__main__":
    basic()
    long_sheet()
    date1904()
    qualtrics()
    shopify()
    bad()
