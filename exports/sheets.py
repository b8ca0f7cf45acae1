"""What a spreadsheet reader hands to the import — sheets of tidy rows — and the limits every
reader keeps while it builds them, whatever the file claims.

The limits are far above what a department's spreadsheet holds and far below what would let
one file fill the memory: a sheet is refused, with the row where it passed a limit, as soon
as it does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.errors import SeriktesError
from models.words.numbers import format_number
from models.words.text import displayable
from models.words.translation import _

MAX_FILE_BYTES = 40 * 1024 * 1024
MAX_ROWS = 100_000  # filled rows in one file
MAX_COLUMNS = 1_000  # up to a row's last filled cell
MAX_CELLS = 3_000_000  # in one file, empty ones within a row included
MAX_CELL_CHARS = 32_767  # what one Excel cell holds
# Short texts repeat (countries, kinds, cities): one copy of each is kept, of the first
# hundred thousand different ones (so that a sheet of different texts pays little for it);
# a workbook's longer texts are all kept once, as they may be shared by every cell.
SHARED_TEXT_CHARS = 40
MAX_SHARED_TEXTS = 100_000


class UnreadableFile(SeriktesError):
    """The file was refused; nothing was read into the database."""


def cannot_read(file_name: str, error: OSError) -> UnreadableFile:
    """The refusal of a file the system would not let be read (gone, locked, a failing
    disk)."""
    return UnreadableFile(
        _("{file} cannot be read: {reason}.").format(file=file_name, reason=error.strerror or error)
    )


def cell_too_long(file_name: str, row: int) -> UnreadableFile:
    return UnreadableFile(
        _(
            "Row {row} of {file} has a cell of more than {limit} characters, more than a "
            "spreadsheet cell holds; a quotation mark that is never closed can do that. "
            "Correct the file and import it again."
        ).format(row=row, file=file_name, limit=format_number(MAX_CELL_CHARS))
    )


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

    @property
    def file_name(self) -> str:
        """The file's name as messages show it."""
        return displayable(self.path.name)

    def sheet(self, name: str | None) -> Sheet:
        if name is None:
            return self.sheets[0]
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise UnreadableFile(
            _("{file} has no sheet called “{sheet}”. Its sheets are: {sheets}.").format(
                file=self.file_name, sheet=displayable(name), sheets=", ".join(self.sheet_names)
            )
        )


@dataclass
class Tally:
    """What the sheets of one file have taken so far, against the file's limits, and one copy
    of each short text that cells repeat, and with ``share_long`` of every longer one too: a
    workbook's cells can all name one shared text of 32,767 characters."""

    share_long: bool = False
    rows: int = 0
    cells: int = 0
    shared: dict[str, str] = field(default_factory=dict)


class SheetBuilder:
    """Builds one sheet row by row: outer spaces trimmed, empty cells as None, empty rows
    left out, each row keeping the number the spreadsheet shows for it. Refuses, naming the
    row, a cell longer than a spreadsheet cell, a NUL character, and a file past the limits
    on rows, columns and cells."""

    def __init__(self, file_name: str, sheet_name: str, tally: Tally | None = None) -> None:
        self.file_name = file_name
        self.name = sheet_name
        self.tally = tally or Tally()
        self.rows: list[list[Any]] = []
        self.numbers: list[int] = []

    def add(self, number: int, row: list[Any]) -> None:
        # One loop without a call per cell: an import reads hundreds of thousands of them.
        shared, share_long = self.tally.shared, self.tally.share_long
        cells = []
        for cell in row:
            if cell.__class__ is str:
                if len(cell) > MAX_CELL_CHARS:
                    raise cell_too_long(self.file_name, number)
                if "\x00" in cell:
                    raise self._nul(number)
                cell = cell.strip() or None
                if cell is not None and (share_long or len(cell) <= SHARED_TEXT_CHARS):
                    if len(shared) < MAX_SHARED_TEXTS or len(cell) > SHARED_TEXT_CHARS:
                        cell = shared.setdefault(cell, cell)
                    else:
                        cell = shared.get(cell, cell)
            cells.append(cell)
        while cells and cells[-1] is None:
            cells.pop()
        if not cells:
            return
        if len(cells) > MAX_COLUMNS:
            raise self._refuse(
                _(
                    "Row {row} of {file} has {count} columns; Seriktes imports at most "
                    "{limit}. Remove the columns that are not needed, or split the sheet."
                ),
                number,
                count=format_number(len(cells)),
                limit=format_number(MAX_COLUMNS),
            )
        self.tally.rows += 1
        self.tally.cells += len(cells)
        if self.tally.rows > MAX_ROWS:
            raise self._refuse(
                _(
                    "{file} has more than {limit} rows (row {row} is past the limit), more "
                    "than Seriktes imports at once. Split it into smaller files."
                ),
                number,
                limit=format_number(MAX_ROWS),
            )
        if self.tally.cells > MAX_CELLS:
            raise self._refuse(
                _(
                    "{file} has more than {limit} cells by row {row}, more than Seriktes "
                    "imports at once. Split it into smaller files."
                ),
                number,
                limit=format_number(MAX_CELLS),
            )
        self.rows.append(cells)
        self.numbers.append(number)

    def _nul(self, number: int) -> UnreadableFile:
        return self._refuse(
            _(
                "Row {row} of {file} holds a NUL character, which no spreadsheet text holds: "
                "it is not a spreadsheet, or it was saved in an encoding Seriktes does not "
                "read. Save it again as .xlsx, or as CSV in UTF-8."
            ),
            number,
        )

    def _refuse(self, message: str, number: int, **values: Any) -> UnreadableFile:
        return UnreadableFile(message.format(row=number, file=self.file_name, **values))

    def sheet(self) -> Sheet:
        return Sheet(self.name, self.rows, self.numbers)
