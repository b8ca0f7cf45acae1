"""Reading spreadsheets people bring: .xlsx, .xls, .ods and .csv.

A file is checked before it is parsed, so a hostile or broken one is refused with a plain
message instead of hanging the app or filling the memory: its size, what its first bytes say
it is, an archive's declared sizes and compression ratios, XML that declares entities, and
password protection.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.errors import SeriktesError

MAX_FILE_BYTES = 40 * 1024 * 1024
MAX_UNPACKED_BYTES = 400 * 1024 * 1024
MAX_RATIO = 100  # a spreadsheet's XML packs about 10:1; a bomb packs 1000:1
MAX_MEMBERS = 10_000
MAX_CELLS = 6_000_000
XML_PREFIX = 64 * 1024

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
READABLE = ".xlsx, .xlsm, .xls, .ods and .csv"


class UnreadableFile(SeriktesError):
    """The file was refused; nothing was read into the database."""


@dataclass
class Sheet:
    name: str
    rows: list[list[Any]]  # empty rows and outer spaces removed
    numbers: list[int]  # the row number the spreadsheet shows for each of ``rows``


@dataclass
class Workbook:
    path: Path
    sheets: list[Sheet]

    @property
    def sheet_names(self) -> list[str]:
        return [sheet.name for sheet in self.sheets]

    def sheet(self, name: str | None) -> Sheet:
        if name is None:
            return self.sheets[0]
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise UnreadableFile(
            f"{self.path.name} has no sheet called “{name}”. Its sheets are: "
            f"{', '.join(self.sheet_names)}."
        )


def read_workbook(path: str | Path) -> Workbook:
    """Every sheet of a spreadsheet file, checked first. Raises ``UnreadableFile``."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise UnreadableFile(f"{path.name} does not exist.") from None
    except IsADirectoryError:
        raise UnreadableFile(f"{path.name} is a folder, not a spreadsheet.") from None
    except OSError as error:
        raise UnreadableFile(f"{path.name} cannot be read: {error.strerror or error}.") from None
    if size == 0:
        raise UnreadableFile(f"{path.name} is empty.")
    if size > MAX_FILE_BYTES:
        raise UnreadableFile(
            f"{path.name} is too large to import at once ({size / 1024 / 1024:.0f} MB; the "
            f"limit is {MAX_FILE_BYTES // 1024 // 1024} MB). Split it into smaller files."
        )
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        sheets = [_read_csv(path)]
    elif suffix in (".xlsx", ".xlsm", ".ods"):
        _check_archive(path, head)
        sheets = _read_with_calamine(path)
    elif suffix == ".xls":
        if head != OLE_MAGIC:
            raise _mismatch(path)
        sheets = _read_with_calamine(path)
    else:
        raise UnreadableFile(f"{path.name} is not a spreadsheet Seriktes reads ({READABLE}).")
    sheets = [sheet for sheet in sheets if sheet.rows] or sheets
    if not any(sheet.rows for sheet in sheets):
        raise UnreadableFile(f"{path.name} holds no rows: its sheets are empty.")
    return Workbook(path, sheets)


def _mismatch(path: Path) -> UnreadableFile:
    return UnreadableFile(
        f"{path.name} is not a spreadsheet: its contents do not match its "
        f"“{path.suffix}” name. Open it in the program that made it and save it as .xlsx."
    )


def _check_archive(path: Path, head: bytes) -> None:
    """An .xlsx or .ods is a zip archive of XML: check what it declares before unpacking."""
    if head == OLE_MAGIC:
        raise UnreadableFile(
            f"{path.name} is protected by a password. Open it in Excel, remove the password "
            "(File ▸ Info ▸ Protect Workbook), save it and import it again."
        )
    if not head.startswith(ZIP_MAGIC):
        raise _mismatch(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise _bomb(path)
            unpacked = 0
            for member in members:
                unpacked += member.file_size
                packed = max(member.compress_size, 1)
                if unpacked > MAX_UNPACKED_BYTES or (
                    member.file_size > 1024 * 1024 and member.file_size / packed > MAX_RATIO
                ):
                    raise _bomb(path)
            for member in members:
                if member.filename.endswith((".xml", ".rels")):
                    _check_xml(path, archive, member)
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile):
        raise UnreadableFile(
            f"{path.name} is damaged or incomplete (perhaps it was not copied to the end). "
            "Open it in the program that made it, save it again, and import the new copy."
        ) from None


def _bomb(path: Path) -> UnreadableFile:
    return UnreadableFile(
        f"{path.name} would unpack to far more data than a spreadsheet holds, so it was not "
        "opened. It may be damaged or made to harm; ask whoever sent it for a new copy."
    )


def _check_xml(path: Path, archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    """XML that declares a document type or entities can expand without end (a "billion
    laughs"); spreadsheets never need it, so such a file is refused unread."""
    import defusedxml.ElementTree as safe_xml
    from defusedxml import DefusedXmlException

    with archive.open(member) as stream:
        prefix = stream.read(XML_PREFIX)
    if b"<!DOCTYPE" in prefix or b"<!ENTITY" in prefix:
        raise _hostile_xml(path)
    if member.file_size <= XML_PREFIX:
        try:
            safe_xml.fromstring(prefix)
        except DefusedXmlException:
            raise _hostile_xml(path) from None
        except safe_xml.ParseError:
            raise UnreadableFile(f"{path.name} is damaged: part of it is not readable.") from None


def _hostile_xml(path: Path) -> UnreadableFile:
    return UnreadableFile(
        f"{path.name} contains XML entity declarations, which spreadsheets do not use and "
        "which can be made to exhaust memory. It was not opened."
    )


def _read_with_calamine(path: Path) -> list[Sheet]:
    import python_calamine as calamine

    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
        sheets = []
        for name in workbook.sheet_names:
            sheet = workbook.get_sheet_by_name(name)
            if sheet.total_height * max(sheet.total_width, 1) > MAX_CELLS:
                raise UnreadableFile(
                    f"The sheet “{name}” of {path.name} has more cells than Seriktes imports "
                    "at once. Split it into smaller files."
                )
            sheets.append(_tidy(name, sheet.to_python(skip_empty_area=False)))
        return sheets
    except calamine.PasswordError:
        raise UnreadableFile(
            f"{path.name} is protected by a password. Remove the password in the program "
            "that made it, save it and import it again."
        ) from None
    except (calamine.CalamineError, calamine.ZipError, calamine.XmlError, ValueError) as error:
        raise UnreadableFile(f"{path.name} is damaged or not a spreadsheet ({error}).") from None


def _read_csv(path: Path) -> Sheet:
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise _mismatch(path)
    text = _decode(data)
    sample = text[:32_000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        # One column, or a sample the sniffer cannot decide: the most frequent candidate.
        counts = {d: sample.splitlines()[0].count(d) if sample else 0 for d in ",;\t"}
        delimiter = max(counts, key=counts.get)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    return _tidy(path.stem, rows)


def _decode(data: bytes) -> str:
    """UTF-8 (with or without the mark Excel writes), else the Windows Cyrillic code page
    older Russian and Kazakh spreadsheets were saved in."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1251")


def _tidy(name: str, rows: list[list[Any]]) -> Sheet:
    """The sheet with outer spaces trimmed, empty cells as None and empty rows left out,
    each row keeping the number the spreadsheet shows for it."""
    tidy, numbers = [], []
    for number, row in enumerate(rows, start=1):
        cells = [(cell.strip() or None) if isinstance(cell, str) else cell for cell in row]
        if any(cell not in (None, "") for cell in cells):
            tidy.append(cells)
            numbers.append(number)
    return Sheet(name, tidy, numbers)
