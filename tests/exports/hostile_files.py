"""Spreadsheets made to hurt a reader, built byte by byte in the test's own folder: what they
claim (a used range, a row number, a repeat count) is far larger than what they hold."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Partners" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)


def text_cell(reference: str, text: str) -> str:
    return f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>'


def raw_xlsx(
    path: Path,
    sheet_data: str,
    dimension: str = "A1",
    sheet_part: str = "xl/worksheets/sheet1.xml",
    before: bytes = b"",
) -> Path:
    """An .xlsx whose one sheet holds exactly ``sheet_data`` (the rows' XML) under the
    declared ``dimension``, kept in the part ``sheet_part`` with ``before`` ahead of its
    XML."""
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="{dimension}"/><sheetData>{sheet_data}</sheetData></worksheet>'
    )
    relationships = _WORKBOOK_RELS.replace("worksheets/sheet1.xml", sheet_part.removeprefix("xl/"))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", relationships)
        archive.writestr(sheet_part, before + sheet.encode())
    return path


SPARSE_ROWS = (
    f'<row r="1">{text_cell("A1", "Name")}</row>'
    f'<row r="2">{text_cell("A2", "CSIC")}</row>'
    f'<row r="1048576">{text_cell("XFD1048576", "x")}</row>'
)


def sparse_xlsx(path: Path, **where) -> Path:
    """A header, one partner, and one cell in the very last row and column Excel has
    (XFD1048576): a file of a few hundred bytes whose used range is 17 billion cells."""
    return raw_xlsx(path, SPARSE_ROWS, dimension="A1:XFD1048576", **where)


def sparse_by_order_xlsx(path: Path) -> Path:
    """The same reach without a single cell reference: a row numbered 1,048,576 whose cells
    are placed by their order, after a run of empty ones."""
    empty = "<c/>" * 20_000
    rows = (
        f'<row r="1">{text_cell("A1", "Name")}</row>'
        f'<row r="2">{text_cell("A2", "CSIC")}</row>'
        f'<row r="1048576"><c t="inlineStr"><is><t>x</t></is></c>{empty}'
        '<c t="inlineStr"><is><t>y</t></is></c></row>'
    )
    return raw_xlsx(path, rows)


_ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def raw_ods(path: Path, table_rows: str) -> Path:
    """An .ods whose one table holds exactly ``table_rows`` (its rows' XML)."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Partners">'
        f"{table_rows}</table:table></office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"
        )
        archive.writestr("META-INF/manifest.xml", _ODS_MANIFEST)
        archive.writestr("content.xml", content)
    return path


def ods_cell(text: str, repeated: int = 1) -> str:
    repeat = f' table:number-columns-repeated="{repeated}"' if repeated > 1 else ""
    return (
        f'<table:table-cell office:value-type="string"{repeat}>'
        f"<text:p>{text}</text:p></table:table-cell>"
    )


def sparse_ods(path: Path) -> Path:
    """A header, one partner, then a million empty rows repeated and one cell after 16,000
    empty ones: the same trick in OpenDocument's words."""
    rows = (
        f"<table:table-row>{ods_cell('Name')}</table:table-row>"
        f"<table:table-row>{ods_cell('CSIC')}</table:table-row>"
        '<table:table-row table:number-rows-repeated="1048000"><table:table-cell/>'
        "</table:table-row>"
        '<table:table-row><table:table-cell table:number-columns-repeated="16000"/>'
        f"{ods_cell('x')}</table:table-row>"
    )
    return raw_ods(path, rows)


def repeated_ods(path: Path, rows: int = 1_000_000, columns: int = 16_000) -> Path:
    """One cell repeated across ``columns`` columns in each of ``rows`` rows: a few hundred
    bytes that stand for up to 16 billion filled cells."""
    xml = (
        f"<table:table-row>{ods_cell('Name')}</table:table-row>"
        f'<table:table-row table:number-rows-repeated="{rows}">{ods_cell("CSIC", columns)}'
        "</table:table-row>"
    )
    return raw_ods(path, xml)


def _record(kind: int, data: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _compound_file(stream_name: str, stream: bytes) -> bytes:
    """An OLE2 compound file (what an .xls is) holding one stream in 512-byte sectors:
    sector 0 the allocation table, sector 1 the directory, then the stream."""
    stream = stream.ljust(max(4096, -(-len(stream) // 512) * 512), b"\x00")
    sectors = len(stream) // 512
    end, free, fat_sector, none = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    table = [fat_sector, end] + [2 + n + 1 for n in range(sectors - 1)] + [end]
    table += [free] * (128 - len(table))

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\x00").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\x00")
            + struct.pack("<HBB3I", len(encoded), kind, 1, none, none, child)
            + bytes(16 + 4 + 16)
            + struct.pack("<IIII", start, size, 0, 0)[:12]
        ).ljust(128, b"\x00")

    directory = (
        entry("Root Entry", 5, 1, end, 0) + entry(stream_name, 2, none, 2, len(stream))
    ).ljust(512, b"\x00")
    header = (
        bytes.fromhex("d0cf11e0a1b11ae1")
        + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
        + struct.pack("<I", 0)
        + struct.pack("<108I", *([free] * 108))
    )
    assert len(header) == 512
    return header + struct.pack("<128I", *table) + directory + stream


def aborting_xls(path: Path) -> Path:
    """An .xls whose one sheet declares its dimensions as four billion rows by 65,535
    columns: a reader that makes room for them first asks for petabytes, and a failed
    allocation in native code ends its process instead of raising."""
    name = b"Partners"
    bof = struct.pack("<HHHHII", 0x0600, 0x0005, 0, 0, 0, 0)
    head = _record(0x0809, bof) + _record(0x0042, struct.pack("<H", 1200))
    sheet_entry_size = len(_record(0x0085, bytes(6 + 2 + len(name))))
    sheet_at = len(head) + sheet_entry_size + len(_record(0x000A))
    workbook = (
        head
        + _record(0x0085, struct.pack("<IBBBB", sheet_at, 0, 0, len(name), 0) + name)
        + _record(0x000A)
    )
    sheet = (
        _record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0, 0, 0, 0))
        + _record(0x0200, struct.pack("<IIHHH", 0, 0xFFFFFFFF, 0, 0xFFFF, 0))
        + _record(0x000A)
    )
    path.write_bytes(_compound_file("Workbook", workbook + sheet))
    return path


def repeated_text_xlsx(path: Path, rows: int = 1_000, columns: int = 20) -> Path:
    """Every cell of a small file names one shared text of 32,000 characters: 400 KB that a
    reader copying the text into each cell turns into 640 MB."""
    text = "".join(chr(0x41 + (n * 7919) % 26) for n in range(32_000))
    shared = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
        f'uniqueCount="1"><si><t>{text}</t></si></sst>'
    )
    cells = '<c t="s"><v>0</v></c>' * columns
    data = f'<row r="1">{text_cell("A1", "Name")}</row>' + "".join(
        f'<row r="{n}">{cells}</row>' for n in range(2, rows + 2)
    )
    raw_xlsx(path, data)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", shared)
    relationships = _WORKBOOK_RELS.replace(
        "</Relationships>",
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    _replace_member(path, "xl/_rels/workbook.xml.rels", relationships)
    return path


def _replace_member(path: Path, name: str, text: str) -> None:
    with zipfile.ZipFile(path) as archive:
        members = [(item, archive.read(item)) for item in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for item, data in members:
            archive.writestr(item, text if item.filename == name else data)
