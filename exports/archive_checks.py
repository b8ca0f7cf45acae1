"""What an .xlsx or .ods must pass before any reader unpacks it. Both are zip archives of XML,
and what they declare is checked first, with nothing allocated for what they claim: the
archive's sizes and compression ratios, XML without document types or entities (a "billion
laughs" expands without end), and the range the sheets' cells reach.

The range matters because the reader makes room for every cell from the first to the last:
one cell in the last row and column of an otherwise empty sheet (XFD1048576) asks for 17
billion cells, and a row that OpenDocument says is repeated a million times is a million
rows. The XML is read as a stream, with nothing kept but the furthest row and column seen.
"""

from __future__ import annotations

import pyexpat
import re
import zipfile
from pathlib import Path

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from exports.sheets import MAX_CELLS, MAX_COLUMNS, UnreadableFile
from models.words.numbers import format_number
from models.words.translation import _

MAX_UNPACKED_BYTES = 400 * 1024 * 1024
MAX_RATIO = 100  # a spreadsheet's XML packs about 10:1; a bomb packs 1000:1
MAX_MEMBERS = 10_000
_READ_CHUNK = 256 * 1024

# A cell's start tag, and one that gives the cell's reference ("B5") in its attribute r,
# read attribute by attribute so that no "r=" inside another attribute's value is taken for
# it; of two r attributes, the last, as the reader takes it.
_CELL_START = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?c[\s/>]")
_CELL_REFERENCE = re.compile(
    rb"<(?:[A-Za-z_][\w.\-]*:)?c"
    rb"(?:\s+[A-Za-z_][\w.:\-]*\s*=\s*(?:\"[^\"]*\"|'[^']*'))*"
    rb"\s+r\s*=\s*[\"']\$?([A-Za-z]{1,3})\$?([0-9]{1,7})[\"']"
)
# What XML starts with: an optional byte order mark, white space, then "<".
_XML_START = re.compile(rb"(\xef\xbb\xbf|\xff\xfe|\xfe\xff)?(\s|\x00)*<")


def check_archive(path: Path, file_name: str) -> None:
    """Refuses, with a plain message, an archive that is damaged, would unpack to far more
    than a spreadsheet holds, holds XML with a document type, or whose cells reach further
    than Seriktes imports."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise _bomb(file_name)
            unpacked = 0
            for member in members:
                unpacked += member.file_size
                packed = max(member.compress_size, 1)
                if unpacked > MAX_UNPACKED_BYTES or (
                    member.file_size > 1024 * 1024 and member.file_size / packed > MAX_RATIO
                ):
                    raise _bomb(file_name)
            cells = 0
            # Every part, whatever its name says: the workbook's relationships may point a
            # reader at a sheet called "picture.png".
            for member in members:
                cells += _scan(archive, member, file_name)
                if cells > MAX_CELLS:
                    raise _too_many_cells(file_name)
    # NotImplementedError: a compression no spreadsheet uses; RuntimeError: an encrypted part
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, NotImplementedError, RuntimeError):
        raise UnreadableFile(
            _(
                "{file} is damaged or incomplete (perhaps it was not copied to the end). Open "
                "it in the program that made it, save it again, and import the new copy."
            ).format(file=file_name)
        ) from None


def _bomb(file_name: str) -> UnreadableFile:
    return UnreadableFile(
        _(
            "{file} would unpack to far more data than a spreadsheet holds, so it was not "
            "opened. It may be damaged or made to harm; ask whoever sent it for a new copy."
        ).format(file=file_name)
    )


def _too_many_cells(file_name: str) -> UnreadableFile:
    return UnreadableFile(
        _(
            "{file} has more cells than Seriktes imports at once (at most {limit}, counted "
            "from the first row and column to the last filled ones). Split it into smaller "
            "files, or delete what lies beyond the table."
        ).format(file=file_name, limit=format_number(MAX_CELLS))
    )


# The tags a reader finds a sheet's cells by, in the encodings it reads.
_CELL_TAGS = tuple(
    tag.encode(encoding)
    for tag in ("sheetData", "table-row")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)


def _names_cells(stream, chunk: bytes) -> bool:
    """Whether the rest of a part, from ``chunk`` on, holds a tag that sheets' cells are in;
    read as a stream, the end of each piece kept for a tag cut in two."""
    overlap = max(len(tag) for tag in _CELL_TAGS) - 1
    tail = b""
    while chunk:
        piece = tail + chunk
        if any(tag in piece for tag in _CELL_TAGS):
            return True
        tail = piece[-overlap:]
        chunk = stream.read(_READ_CHUNK)
    return False


def _scan(archive: zipfile.ZipFile, member: zipfile.ZipInfo, file_name: str) -> int:
    """Check one part as a stream: refuse a document type or entities, and return how many
    cells its sheets reach over (0 for a part that is not a sheet).

    A worksheet whose every cell gives its reference (as Excel, LibreOffice and openpyxl
    write them) is first measured quickly from those references, empty cells included: when
    even that is within the limits, so is the sheet. Otherwise — cells placed by order, or a
    reach past the limits that empty cells might explain — the sheet is read cell by cell."""
    try:
        kind = _kind_of_part(archive, member)
        if kind == "worksheet":
            reach = _quick_reach(archive, member)
            if reach is not None and reach[1] <= MAX_COLUMNS and reach[0] * reach[1] <= MAX_CELLS:
                return reach[0] * reach[1]
        return _read_reach(archive, member, file_name) if kind else 0
    except (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden):
        raise UnreadableFile(
            _(
                "{file} contains XML entity declarations, which spreadsheets do not use and "
                "which can be made to exhaust memory. It was not opened."
            ).format(file=file_name)
        ) from None
    except (pyexpat.ExpatError, ValueError):  # ValueError: a row number that is not one
        raise UnreadableFile(
            _("{file} is damaged: part of it is not readable.").format(file=file_name)
        ) from None


def _parser() -> pyexpat.XMLParserType:
    """An XML parser that refuses a document type and entities, as defusedxml's parsers do,
    and a document type outright: no spreadsheet has one."""
    parser = pyexpat.ParserCreate()
    parser.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_NEVER)

    def doctype(name, system_id, public_id, _has_internal_subset):
        raise DTDForbidden(name, system_id, public_id)

    def entity(name, _is_parameter, value, base, system_id, public_id, notation):
        raise EntitiesForbidden(name, value, base, system_id, public_id, notation)

    def unparsed_entity(name, base, system_id, public_id, notation):
        raise EntitiesForbidden(name, None, base, system_id, public_id, notation)

    def external(context, base, system_id, public_id):
        raise ExternalReferenceForbidden(context, base, system_id, public_id)

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = unparsed_entity
    parser.ExternalEntityRefHandler = external
    return parser


class _Root(Exception):
    """The part's first element has been read: its local name says what the part is."""


def _kind_of_part(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> str:
    """ "worksheet" or "document-content" for a part that holds cells, "" for any other;
    read up to the first element only, after checking what comes before it."""
    parser = _parser()

    def root(tag, _attributes):
        raise _Root(_local(tag))

    parser.StartElementHandler = root
    with archive.open(member) as stream:
        chunk = stream.read(_READ_CHUNK)
        if not _XML_START.match(chunk):
            # A picture or a printer's settings; but a reader skips whatever comes before a
            # sheet's first tag, so a part that names rows or cells must be XML.
            if _names_cells(stream, chunk):
                raise pyexpat.ExpatError("cells in a part that is not XML")
            return ""
        try:
            while chunk:
                parser.Parse(chunk, False)
                chunk = stream.read(_READ_CHUNK)
            parser.Parse(b"", True)
        except _Root as found:
            local = found.args[0]
            return local if local in ("worksheet", "document-content") else ""
    return ""


def _quick_reach(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> tuple[int, int] | None:
    """(rows, columns) that a worksheet's cell references reach, empty cells included; None
    when a cell gives no reference (its place then depends on the cells before it)."""
    cells = references = rows = 0
    letters: set[bytes] = set()
    with archive.open(member) as stream:
        rest = b""
        while chunk := stream.read(_READ_CHUNK):
            # Markup begins at "<", which text and attribute values never hold unescaped:
            # the text after the last one waits for the next piece.
            chunk = rest + chunk
            cut = chunk.rfind(b"<")
            chunk, rest = (chunk[:cut], chunk[cut:]) if cut >= 0 else (chunk, b"")
            cells += len(_CELL_START.findall(chunk))
            found = _CELL_REFERENCE.findall(chunk)
            references += len(found)
            if found:
                letters.update(column for column, _row in found)
                rows = max(rows, max(int(row) for _column, row in found))
        cells += len(_CELL_START.findall(rest))
        found = _CELL_REFERENCE.findall(rest)
        references += len(found)
        letters.update(column for column, _row in found)
        rows = max([rows, *(int(row) for _column, row in found)])
    if references != cells:
        return None
    columns = max((_column_number(column.decode("ascii")) for column in letters), default=0)
    return rows, columns


def _column_number(letters: str) -> int:
    """ "A" 1, "XFD" 16384."""
    column = 0
    for letter in letters.upper():
        column = column * 26 + ord(letter) - 64
    return column


def _read_reach(archive: zipfile.ZipFile, member: zipfile.ZipInfo, file_name: str) -> int:
    """How many cells a sheet part reaches over, read element by element."""
    parser = _parser()
    extent: _Extent | None = None

    def root(tag, _attributes):
        nonlocal extent
        if _local(tag) == "worksheet":
            extent = _XlsxExtent(file_name)
            parser.StartElementHandler = extent.start
        else:
            extent = _OdsExtent(file_name)
            parser.StartElementHandler, parser.EndElementHandler = extent.start, extent.end

    parser.StartElementHandler = root
    with archive.open(member) as stream:
        while chunk := stream.read(_READ_CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    return extent.total() if extent is not None else 0


def _local(tag: str) -> str:
    return tag if ":" not in tag else tag.rpartition(":")[2]


class _Extent:
    """How far the filled cells of a part's sheets reach, never less far than a reader will
    count them: positions given by reference ("XFD1048576") are taken as they are, positions
    given by order only ever move on."""

    def __init__(self, file_name: str) -> None:
        self.file_name = file_name
        self.sheets: list[tuple[int, int]] = []  # (rows, columns) of the finished sheets
        self.rows = self.columns = 0  # how far the current sheet's filled cells reach
        self.row = -1  # the current row's index
        self.column = 0  # the column index of the next cell given by order

    def reach(self, rows: int, columns: int) -> None:
        self.rows, self.columns = max(self.rows, rows), max(self.columns, columns)
        if self.columns > MAX_COLUMNS or self.total() > MAX_CELLS:
            raise _too_many_cells(self.file_name)

    def total(self) -> int:
        return sum(r * c for r, c in self.sheets) + self.rows * self.columns

    def damaged(self) -> UnreadableFile:
        return UnreadableFile(
            _("{file} is damaged: part of it is not readable.").format(file=self.file_name)
        )


class _XlsxExtent(_Extent):
    """Office Open XML: ``<row r="5"><c r="B5"><v>…</v></c></row>``. A cell counts once it
    holds a value (``<v>`` or ``<is>``), as a reader counts it; an empty cell still moves
    the next one along. Only element starts are read, the fewest calls a sheet of a
    hundred thousand cells can cost."""

    _COLUMNS: dict[str, int] = {}  # "XFD" -> 16384, remembered

    def __init__(self, file_name: str) -> None:
        super().__init__(file_name)
        self.cell = (0, 0)  # the position of the cell being read

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if ":" in tag:
            tag = tag.rpartition(":")[2]
        if tag == "c":
            reference = attributes.get("r")
            if reference is None:
                self.cell = (self.row, self.column)
                self.column += 1
            else:  # "B5": row index 4, column number 2
                letters = reference.rstrip("0123456789")
                column = self._COLUMNS.get(letters) or self._column(letters)
                self.cell = (int(reference[len(letters) :]) - 1, column - 1)
                if column > self.column:
                    self.column = column
        elif tag == "v" or tag == "is":
            row, column = self.cell
            if row >= self.rows or column >= self.columns:
                self.reach(row + 1, column + 1)
        elif tag == "row":
            number = attributes.get("r")
            self.row = self.row + 1 if number is None else max(self.row + 1, int(number) - 1)
            self.column = 0

    def _column(self, letters: str) -> int:
        plain = letters.replace("$", "")
        if not (plain.isascii() and plain.isalpha() and len(plain) <= 3):
            raise self.damaged()
        self._COLUMNS[letters] = _column_number(plain)
        return self._COLUMNS[letters]


class _OdsExtent(_Extent):
    """OpenDocument: ``<table:table-row table:number-rows-repeated="3">`` of
    ``<table:table-cell table:number-columns-repeated="2">``, repeat counts multiplied out.
    A cell counts when it has a value type or anything inside it; empty cells repeated to
    the sheet's edge, as LibreOffice writes them, do not."""

    def __init__(self, file_name: str) -> None:
        super().__init__(file_name)
        self.row = 0
        self.cell: tuple[int, int] | None = None  # (column, repeated) of the cell being read
        self.repeat_rows = 1
        self.row_filled = 0  # the columns the current row's filled cells reach

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        local = _local(tag)
        if local in ("table-cell", "covered-table-cell"):
            self.cell = (self.column, self._count(attributes, "number-columns-repeated"))
            if any(name.endswith("value-type") for name in attributes):
                self._filled()
        elif self.cell is not None:  # text or an annotation inside a cell
            self._filled()
        elif local == "table-row":
            self.repeat_rows = self._count(attributes, "number-rows-repeated")
            self.column = 0
            self.row_filled = 0
        elif local == "table":
            self._new_sheet()

    def _filled(self) -> None:
        column, repeated = self.cell
        self.row_filled = max(self.row_filled, column + repeated)
        self.reach(self.row + 1, self.row_filled)

    def end(self, tag: str) -> None:
        local = _local(tag)
        if local in ("table-cell", "covered-table-cell"):
            self.column += self.cell[1] if self.cell else 1
            self.cell = None
        elif local == "table-row":
            if self.row_filled:  # a filled row repeated counts as many rows
                self.reach(self.row + self.repeat_rows, self.row_filled)
            self.row += self.repeat_rows
        elif local == "table":
            self._new_sheet()

    def _count(self, attributes: dict[str, str], name: str) -> int:
        for key, value in attributes.items():
            if key.endswith(name):
                if not value.isdigit() or int(value) < 1:
                    raise self.damaged()
                return int(value)
        return 1

    def _new_sheet(self) -> None:
        if self.rows or self.columns:
            self.sheets.append((self.rows, self.columns))
        self.rows = self.columns = self.row = self.column = 0
