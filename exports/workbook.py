"""Workbooks people are glad to print or send as they are, written a row at a time.

Every sheet is a table under a title and a line saying what was selected and when: a bold,
shaded header row that stays in view and carries the autofilter, columns fitted to their
content, long text wrapped, real dates and numbers, and a page setup that prints as it is
(landscape, one page wide, the header row on every page).

The workbook is streamed (openpyxl's write-only mode), so 100,000 rows take no more memory
than ten; everything a sheet needs before its rows (widths, frozen panes, page setup) is
decided from the columns and a sample of the first rows. It is saved to a temporary file
beside the target and moved into place only once complete, so a failure never leaves a
half-written file and never replaces a good one.
"""

from __future__ import annotations

import datetime as dt
import errno
import math
import os
import re
import secrets
import zipfile
from collections.abc import Callable, Iterable, Sequence
from copy import copy
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties

from exports.text_width import longest_line, text_width, wrapped_lines
from models import clock
from models.errors import SeriktesError
from models.store.base import current_user
from models.words.translation import _, pgettext

# -- what a user is told when an export cannot be written ------------------------------------


class ExportError(SeriktesError):
    """The export could not be written; the target, if it existed, is as it was."""


class FolderNotWritable(ExportError):
    pass


class FileInUse(ExportError):
    pass


class DiskFull(ExportError):
    pass


class ExportCancelled(ExportError):
    """The user stopped the export; nothing was written."""


def _plain_error(error: OSError, target: Path) -> ExportError:
    folder = target.parent
    code = error.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return DiskFull(
            _(
                "The disk is full, so {file} could not be written. Free some space or choose "
                "another place; nothing was changed."
            ).format(file=target.name)
        )
    if code == errno.ENOENT:
        return FolderNotWritable(
            _(
                "The folder {folder} does not exist. Choose another place to save the export."
            ).format(folder=folder)
        )
    if code == errno.ENOTDIR:
        return FolderNotWritable(
            _("{folder} is not a folder. Choose another place to save the export.").format(
                folder=folder
            )
        )
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return FolderNotWritable(
            _(
                "The folder {folder} cannot be written to. Choose another place, such as your "
                "Documents folder."
            ).format(folder=folder)
        )
    reason = error.strerror or str(error)
    return ExportError(
        _("{file} could not be written ({reason}). Nothing was changed.").format(
            file=target.name, reason=reason
        )
    )


def _in_use(target: Path) -> FileInUse:
    return FileInUse(
        _(
            "{file} is open in another program (or read-only), so it cannot be replaced. "
            "Close it there, or choose another name, and export again."
        ).format(file=target.name)
    )


def check_target(target: Path) -> None:
    """Refuse at once, before any row is read, a target that will not be replaceable: a
    folder, or a file another program holds open (Windows refuses to open it for writing)."""
    if target.is_dir():
        raise ExportError(
            _("{path} is a folder. Give the export a file name ending in .xlsx.").format(
                path=target
            )
        )
    if target.exists():
        try:
            with target.open("r+b"):
                pass
        except PermissionError:
            raise _in_use(target) from None
        except OSError as error:
            raise _plain_error(error, target) from error


# -- cells --------------------------------------------------------------------------------------

TEXT, DATE, DATETIME, NUMBER, MONEY = "text", "date", "datetime", "number", "money"
# A number that names a place rather than counts (a row of a spreadsheet): no separators.
ORDINAL = "ordinal"

DATE_FORMAT = "dd.mm.yyyy"
DATETIME_FORMAT = "dd.mm.yyyy hh:mm"
TIME_FORMAT = "hh:mm"
# Numbers keep a little room on their right, so a unit in the next column ("1,500 scientists")
# does not touch them. One format per kind of number, on every sheet.
INTEGER_FORMAT = "#,##0_)"
DECIMAL_FORMAT = "#,##0.0###_)"
MONEY_FORMAT = "#,##0.00_)"
ORDINAL_FORMAT = "0_)"

EXCEL_TEXT_LIMIT = 32_767
# A text starting with one of these is a formula to a spreadsheet once it is edited or
# pasted (formula injection); such a text is written as text, with Excel's quote prefix.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# What makes a text more than plain text: a start a spreadsheet reads as a formula or an
# error value, or a control character an XML file refuses.
_TEXT_TROUBLE = re.compile(
    r"^(?:[=+\-@\t\r]|#(?:NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A)$)"
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f]"
).search

# Widths are in a column's unit, the width of the digit 0 (see exports.text_width).
MIN_WIDTH = 6
MAX_WIDTH = 64
WIDEST = 100  # a text column on a page with room to spare may grow to this, to wrap less
PADDING = 2  # room beside a value (and for a header's filter button beside its words)
# What a landscape A4 page holds between its margins, printed at 100 % (measured in
# LibreOffice; Excel holds a little more), and the smallest print that stays readable. A
# table wider than the page at that size is not shrunk further: it prints on two (or more)
# pages across, its first column repeated on each.
PAGE_UNITS = 141
SMALLEST_PRINT = 0.75
# A wider table has its text columns narrowed to this, and wrapped, before it is shrunk.
PAGE_WIDTH = 170
NARROWEST = 16  # a text column is not narrowed below this to fit the page
NARROWEST_FIRST = 30
MAX_WORD = 40  # a longer word (a long web address) may be cut
PAPER_A4 = 9  # the paper size code of OOXML
SAMPLE_ROWS = 200  # the first rows of a list its columns are fitted to, with its widest
FITTED_ROWS = 5000  # as many rows of a report's part, with the widest of those further down

# Every font names its family: a font without one prints in the reader's default, often a
# serif, beside data in the workbook's own font.
FONT_NAME = "Calibri"
FONT_SIZE = 11
TITLE_SIZE = 14
FOOTER_FONT = f"{FONT_NAME},Regular"
HEADER_FILL = PatternFill("solid", start_color="FFD9E1F2")
HEADER_BORDER = Border(bottom=Side(style="thin", color="FF8EA9DB"))
TITLE_HEIGHT = 24
# Rows of wrapped text. Excel fits such a row to its text as it opens the file, unless the
# row's height is marked as set by hand; LibreOffice keeps the height the file gives. So a
# row gets the height LibreOffice needs for its lines, unmarked, and Excel fits it anew.
# Measured in LibreOffice for 11-point Calibri (or Carlito): 11.21 points a line, and 1.42
# of margin; a line holds the column's width, as stored, less half a digit.
LINE_POINTS = 11.21
ROW_MARGIN = 1.42
LINE_ROOM = 0.5
MAX_ROW_HEIGHT = 409  # points; Excel's limit
# The selection line is a row of merged cells, which no spreadsheet fits to its text: it
# gets a height marked as set, with room for Excel's taller lines (15 points).
LINE_HEIGHT = 15
CHART_UNITS = 92  # the width of a chart beside a table (18 cm)
# The height a landscape A4 page prints between its margins (0.6 in) at 100 %, and that of
# a row of one line, in points.
PAGE_POINTS = 509
ROW_POINTS = 15
POINTS_PER_CM = 72 / 2.54
DEFAULT_COLUMN_UNITS = 9.1  # an empty column's width, between a table and its chart


def sheet_font(size: float = FONT_SIZE, **attributes: Any) -> Font:
    """A font of the workbook's family (Calibri, sans serif)."""
    return Font(name=FONT_NAME, family=2, size=size, **attributes)


@dataclass(frozen=True)
class SheetColumn:
    """A column of a sheet: its header, the kind of value it holds and, when it is known, the
    width it needs in characters (else fitted to the values it is shown, and to ``longest``,
    the width of its widest value when it is known from elsewhere: a list's database)."""

    label: str
    kind: str = TEXT
    width: float | None = None
    longest: float | None = None


def clean_text(text: str) -> str:
    """Text as a cell can hold it: no control characters an XML file refuses, and no more
    characters than Excel keeps."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if len(text) > EXCEL_TEXT_LIMIT:
        text = text[: EXCEL_TEXT_LIMIT - 1] + "…"
    return text


def display_width(text: str) -> float:
    """Width of the longest line of a text, in a column's unit."""
    return longest_line(text)


def shown_text(value: Any) -> str:
    """A value as wide as a cell shows it: a date or a number as its format writes it (a
    number with room for a sign and two decimals)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return "00.00.0000 00:00"
    if isinstance(value, dt.date):
        return "00.00.0000"
    if isinstance(value, bool):
        return "Yes"
    if isinstance(value, int | float | Decimal):
        return f"-{abs(int(value)):,}.00"
    return str(value)


def fit_widths(
    columns: Sequence[SheetColumn], values: Iterable[Sequence[Any]]
) -> tuple[list[float], list[bool]]:
    """The width of each column, and whether its text wraps: wide enough for the header's
    longest word and the widest of ``values`` (every row, or the first rows and the widest
    value of each column further down), within limits; narrowed to fit a landscape page when
    the table is wider than that, and widened where text would wrap on a page with room."""
    count = len(columns)
    needed = [0.0] * count
    longest_word = [0.0] * count
    several_lines = [False] * count
    volume = [0.0] * count  # the width of every value, added up
    rows = 0
    for row in values:
        rows += 1
        for index, value in enumerate(row[:count]):
            if value is None or value == "":
                continue
            text = shown_text(value)
            width = display_width(text)
            volume[index] += width if "\n" not in text else text_width(text)
            if width > needed[index]:
                needed[index] = width
            if isinstance(value, str):
                if "\n" in text:
                    several_lines[index] = True
                if width > longest_word[index]:
                    word = max(map(display_width, text.split()), default=0.0)
                    longest_word[index] = max(longest_word[index], word)
    for index, column in enumerate(columns):
        if column.longest is not None and column.longest > needed[index]:
            needed[index] = column.longest
    widths: list[float] = []
    for column, content in zip(columns, needed, strict=True):
        if column.width is not None:
            widths.append(float(column.width))
            continue
        label = text_width(column.label, bold=True)
        word = max((text_width(w, bold=True) for w in column.label.split()), default=0.0)
        # A header wraps at its words; room for the autofilter's button beside the last one.
        header = min(label, max(word, 12.0)) + PADDING + 2
        widths.append(_tenths(min(max(content + PADDING, header, MIN_WIDTH), MAX_WIDTH)))
    wraps = [
        column.kind == TEXT and (content + PADDING > width or lines)
        for column, content, width, lines in zip(
            columns, needed, widths, several_lines, strict=True
        )
    ]
    growable = [
        i for i, column in enumerate(columns) if column.kind == TEXT and column.width is None
    ]
    if sum(widths) > PAGE_WIDTH:
        # The first column names the record, so it keeps more of its width than the others;
        # no column is narrowed below its longest word (a web address), which could not wrap.
        floors = {
            i: min(
                widths[i],
                max(
                    NARROWEST_FIRST if i == 0 else NARROWEST,
                    min(longest_word[i] + PADDING, MAX_WORD),
                ),
            )
            for i in growable
        }
        means = {i: volume[i] / max(rows, 1) for i in growable}
        _share_page(widths, floors, means)
        for i in growable:
            wraps[i] = wraps[i] or needed[i] + PADDING > widths[i]
    _widen_wrapped(widths, wraps, needed, growable)
    return widths, wraps


def _share_page(widths: list[float], floors: dict[int, float], means: dict[int, float]) -> None:
    """Narrow the text columns ``floors`` names until the table fits ``PAGE_WIDTH``, each in
    proportion to how much text it holds a row (``means``), so that a column of long
    outcomes keeps its width while a column of short places gives up its own, and a row
    takes about as many lines in each; none below its floor, none wider than it was."""
    fixed = sum(width for i, width in enumerate(widths) if i not in floors)
    budget = PAGE_WIDTH - fixed
    if not floors or sum(floors.values()) >= budget:
        for i, floor in floors.items():
            widths[i] = floor
        return
    tops = {i: widths[i] for i in floors}

    def shared(scale: float) -> dict[int, float]:
        return {i: min(max(scale * means[i], floors[i]), tops[i]) for i in floors}

    low, high = 0.0, max(tops.values()) / max(min(means.values()), 0.1)
    for _step in range(50):
        middle = (low + high) / 2
        low, high = (middle, high) if sum(shared(middle).values()) <= budget else (low, middle)
    for i, width in shared(low).items():
        widths[i] = math.floor(width * 10) / 10


def widest_row(rows: Sequence[Sequence[Any]], count: int) -> list[Any]:
    """A row of the widest value of each of ``count`` columns among ``rows``: the longest
    text, the number farthest from zero."""
    widest: list[Any] = []
    for index in range(count):
        values = [row[index] for row in rows if index < len(row) and row[index] is not None]
        texts = [value for value in values if isinstance(value, str)]
        numbers = [
            abs(value)
            for value in values
            if isinstance(value, int | float | Decimal) and not isinstance(value, bool)
        ]
        if texts:
            widest.append(max(texts, key=len))
        elif numbers:
            widest.append(max(numbers))
        else:
            widest.append(values[0] if values else None)
    return widest


def _tenths(width: float) -> float:
    """A width to a tenth of a character, rounded up: never narrower than its content."""
    return math.ceil(round(width * 10, 6)) / 10


def _widen_wrapped(
    widths: list[float], wraps: list[bool], needed: list[float], growable: list[int]
) -> None:
    """Share the room a page has to spare among the columns whose text wraps, so it takes
    fewer lines; a column that no longer needs to wrap stops wrapping."""
    spare = PAGE_UNITS - sum(widths) - len(widths)
    wanting = {
        i: min(needed[i] + PADDING, WIDEST) - widths[i]
        for i in growable
        if wraps[i] and needed[i] + PADDING > widths[i]
    }
    wanting = {i: want for i, want in wanting.items() if want > 0}
    if spare <= 0 or not wanting:
        return
    share = min(1.0, spare / sum(wanting.values()))
    for i, want in wanting.items():
        widths[i] = _tenths(widths[i] + want * share)
        if share == 1.0 and needed[i] + PADDING <= widths[i]:
            wraps[i] = False


def widen_for_title(widths: list[float], title: str) -> None:
    """Widen a narrow table until its title (larger and bold) fits above it, sharing the
    extra width among the columns as they are."""
    needed = text_width(title, bold=True) * TITLE_SIZE / FONT_SIZE + PADDING
    total = sum(widths)
    if not widths or total >= needed:
        return
    grow = min(needed, PAGE_WIDTH) / total
    widths[:] = [round(width * grow, 1) for width in widths]


def pages_across(widths: Sequence[float], scale: float = SMALLEST_PRINT) -> int:
    """How many pages across a table of columns ``widths`` (as stored) takes when printed at
    ``scale``: a column is never split, and every page after the first repeats the first
    column."""
    room = PAGE_UNITS / scale
    pages, used = 1, 0.0
    repeated = widths[0] if widths else 0.0
    for width in widths:
        if used and used + width > room:
            pages, used = pages + 1, repeated
        used += width
    return pages


def safe_sheet_name(name: str, taken: Iterable[str] = ()) -> str:
    """A name Excel accepts for a sheet, unique among ``taken`` (ignoring case): at most 31
    characters, none of : \\ / ? * [ ], not starting or ending with an apostrophe, and not the
    name Excel reserves ("History")."""
    cleaned = re.sub(r"[:\\/?*\[\]]", "-", clean_text(name))
    cleaned = re.sub(r"\s+", " ", cleaned).strip().strip("'").strip() or _("Sheet")
    if cleaned.casefold() == "history":
        cleaned = "History (records)"
    used = {existing.casefold() for existing in taken}
    candidate = cleaned[:31].rstrip().rstrip("'")
    number = 2
    while candidate.casefold() in used:
        suffix = f" ({number})"
        candidate = cleaned[: 31 - len(suffix)].rstrip().rstrip("'") + suffix
        number += 1
    return candidate


# -- sheets ------------------------------------------------------------------------------------


class TableSheet:
    """One sheet being written: title, selection line, header, then rows as they come."""

    def __init__(
        self,
        book: ExcelBook,
        name: str,
        title: str,
        selection: str,
        columns: Sequence[SheetColumn],
        sample: Iterable[Sequence[Any]] = (),
    ) -> None:
        self.columns = tuple(columns)
        self.rows = 0
        self._book = book
        self._ws = ws = book.workbook.create_sheet(safe_sheet_name(name, book.sheet_names()))
        widths, wraps = fit_widths(self.columns, sample)
        widen_for_title(widths, title)
        self.widths = widths
        self._last_column = get_column_letter(max(len(self.columns), 1))
        self.header_row = 3
        self._chart = False
        self._tall: dict[int, float] = {}  # the rows higher than one line, in points
        self._breaks: list[int] = []  # the rows a printed page starts with, by a break
        self._prepare(title, selection, widths)
        self._styles = book.styles_for(ws)
        # The style of a plain text cell in each column, and the columns whose text wraps.
        self._column_styles = [self._styles["wrap"] if wrap else None for wrap in wraps]
        self._plain = [not wrap for wrap in wraps] + [True] * 64  # extra values: plain text
        # A row whose text all fits on one line needs no wrapping: its cells are written plain
        # (top and bottom are one place in a row one line high). That is most rows, and a
        # styled cell for each of their values made an export half as slow again.
        self._one_line = [True] * (len(wraps) + 64)
        self._wrapping = [
            (i, width - LINE_ROOM)
            for i, (wrap, width) in enumerate(zip(wraps, self.stored_widths, strict=True))
            if wrap
        ]
        self._write_heading(title, selection)

    @property
    def name(self) -> str:
        return self._ws.title

    @property
    def stored_widths(self) -> list[float]:
        """The columns' widths as the file stores them (with the spreadsheet's margin)."""
        return [round(width + 0.7, 1) for width in self.widths]

    # Everything a write-only sheet writes before its rows is set here, before the first one.
    def _prepare(self, title: str, selection: str, widths: list[float]) -> None:
        ws = self._ws
        plain = self._book.plain_style
        for index, width in enumerate(self.stored_widths, start=1):
            column = ws.column_dimensions[get_column_letter(index)]
            column.width = width
            # LibreOffice aligns a column's plain cells by the column's style
            column._style = copy(plain)
        ws.freeze_panes = f"A{self.header_row + 1}"
        # Fitted to a number of pages across (see ``finish``), never to one page down.
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = PAPER_A4
        ws.print_title_rows = f"{self.header_row}:{self.header_row}"
        ws.print_options.gridLines = True
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        ws.page_margins.header = ws.page_margins.footer = 0.3
        ws.oddFooter.left.text = _footer_text(title)
        ws.oddFooter.right.text = "&P / &N"
        for part in (ws.oddFooter.left, ws.oddFooter.right):
            part.size = 8
            part.font = FOOTER_FONT
        ws.row_dimensions[1].height = TITLE_HEIGHT
        # Spreadsheets fit a row to its wrapped text, but not a row of merged cells.
        lines = wrapped_lines(selection, sum(self.stored_widths) - LINE_ROOM)
        ws.row_dimensions[2].height = LINE_HEIGHT * lines + 2
        self._tall.update({1: TITLE_HEIGHT, 2: LINE_HEIGHT * lines + 2})
        for row in (1, 2):
            ws.row_dimensions[row]._style = copy(plain)
        if len(self.columns) > 1:
            ws.merged_cells.add(f"A1:{self._last_column}1")
            ws.merged_cells.add(f"A2:{self._last_column}2")

    def _write_heading(self, title: str, selection: str) -> None:
        ws = self._ws
        title_cell = text_cell(ws, title)
        title_cell.font = sheet_font(TITLE_SIZE, bold=True)
        title_cell.alignment = Alignment(vertical="center")
        ws.append([title_cell])
        line = text_cell(ws, selection)
        line.font = sheet_font(italic=True, color="FF595959")
        line.alignment = Alignment(wrap_text=True, vertical="top")
        ws.append([line])
        header = []
        for column in self.columns:
            cell = text_cell(ws, column.label)
            cell.font = sheet_font(bold=True)
            cell.fill = HEADER_FILL
            cell.border = HEADER_BORDER
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            header.append(cell)
        lines = max(
            (
                wrapped_lines(column.label, width - LINE_ROOM, bold=True)
                for column, width in zip(self.columns, self.stored_widths, strict=True)
            ),
            default=1,
        )
        if lines > 1:
            ws.row_dimensions[self.header_row] = fitted_row(ws, self.header_row, lines)
            self._tall[self.header_row] = ws.row_dimensions[self.header_row].height
        ws.append(header)

    def append(self, values: Sequence[Any]) -> None:
        """Write one row of plain values: text, numbers, dates, booleans or None."""
        lines = 1
        for index, room in self._wrapping:
            if index < len(values) and isinstance(values[index], str):
                lines = max(lines, wrapped_lines(values[index], room))
        if lines > 1:
            number = self.header_row + self.rows + 1
            self._ws.row_dimensions[number] = fitted_row(self._ws, number, lines)
            self._tall[number] = self._ws.row_dimensions[number].height
        # Most cells are short plain text, written as they are: this is the hot path of an
        # export of 100,000 rows.
        plain = self._plain if lines > 1 else self._one_line
        self._ws.append(
            [
                value
                if type(value) is str
                and plain[i]
                and len(value) <= EXCEL_TEXT_LIMIT
                and not _TEXT_TROUBLE(value)
                else self._cell(i, value)
                for i, value in enumerate(values)
            ]
        )
        if lines > 1:
            del self._ws.row_dimensions[number]  # written; kept no longer
        self.rows += 1

    def note(self, text: str) -> None:
        """A line of italic text under the header, as "None recorded." in an empty part."""
        cell = text_cell(self._ws, text)
        cell.font = sheet_font(italic=True, color="FF595959")
        self._ws.append([cell])

    def _cell(self, index: int, value: Any) -> Any:
        """The cell for one value."""
        styles = self._styles
        if value is None:
            return None
        if isinstance(value, str):
            style = self._column_styles[index] if index < len(self._column_styles) else None
            if not value.startswith(FORMULA_STARTS) and value not in ERROR_CODES:
                if ILLEGAL_CHARACTERS_RE.search(value) or len(value) > EXCEL_TEXT_LIMIT:
                    value = clean_text(value)
                if style is None:
                    return value
                return self._styled(value, "s", style)
            quoted = styles["quoted_wrap"] if style is not None else styles["quoted"]
            return self._styled(clean_text(value), "s", quoted)
        if isinstance(value, bool):
            return self._cell(index, pgettext("cell", "Yes") if value else pgettext("cell", "No"))
        if isinstance(value, dt.datetime):
            return self._styled(value.replace(tzinfo=None), "d", styles["datetime"])
        if isinstance(value, dt.date):
            return self._styled(value, "d", styles["date"])
        if isinstance(value, dt.time):
            return self._styled(value, "d", styles["time"])
        if isinstance(value, int | float | Decimal):
            kind = self.columns[index].kind if index < len(self.columns) else NUMBER
            if kind == MONEY:
                return self._styled(value, "n", styles["money"])
            if kind == ORDINAL:
                return self._styled(value, "n", styles["ordinal"])
            # A number among text (a count in an overview) lines up with the text.
            suffix = "_left" if kind == TEXT else ""
            if value == int(value):
                return self._styled(int(value), "n", styles["integer" + suffix])
            return self._styled(value, "n", styles["decimal" + suffix])
        return self._cell(index, str(value))

    def _styled(self, value: Any, data_type: str, style) -> Cell:
        # Made directly rather than through ``Cell.value``, which would read a text starting
        # with "=" as a formula and guess formats this sheet already knows.
        cell = Cell(self._ws, row=1, column=1, style_array=style)
        cell._value = value
        cell.data_type = data_type
        return cell

    def finish(self) -> None:
        """After the last row: the autofilter over the header and every row, and how the
        sheet prints across: one page wide when it fits at a readable size, else as many
        pages across as it needs at that size, its first column on each."""
        ws = self._ws
        last_row = self.header_row + self.rows
        if self.columns:
            ws.auto_filter.ref = f"A{self.header_row}:{self._last_column}{last_row}"
        printed = self.stored_widths
        if self._chart:
            printed += [DEFAULT_COLUMN_UNITS, CHART_UNITS]
        pages = pages_across(printed)
        ws.page_setup.fitToWidth = pages
        ws.page_setup.fitToHeight = 0
        if pages > 1:
            ws.page_setup.pageOrder = "overThenDown"
            ws.print_title_cols = "A:A"
        for row in self._breaks:
            ws.row_breaks.append(Break(id=row - 1))

    def start_of_page(self, row: int, height_cm: float) -> bool:
        """Whether a chart ``height_cm`` high, placed at ``row``, would be cut by the end of a
        printed page, and so a page is to start just above it (done here): a chart prints
        whole. Pages are counted as printed one page wide, the header row repeated on each;
        the page starts a row above the chart, so its frame keeps clear of the page's edge."""
        total = sum(self.stored_widths) + DEFAULT_COLUMN_UNITS + CHART_UNITS
        page = PAGE_POINTS / min(1.0, PAGE_UNITS / total)
        repeated = self._tall.get(self.header_row, ROW_POINTS)
        chart = height_cm * POINTS_PER_CM
        used = 0.0
        for number in range(1, row):
            height = self._tall.get(number, ROW_POINTS)
            if number in self._breaks or used + height > page:
                used = repeated
            used += height
        first = row - 1
        if first <= self.header_row or used + chart <= page or chart > page - 2 * repeated:
            return False
        self._breaks.append(first)
        return True

    def add_bar_chart(
        self,
        title: str,
        label_column: int,
        value_column: int,
        rows: range,
        anchor_row: int,
        axis_title: str = "",
    ) -> None:
        """A bar chart of the values in one column against the labels in another, over the
        data rows ``rows`` (0 is the first row under the header), placed right of the table
        at the sheet row ``anchor_row``."""
        first = self.header_row + 1 + rows.start
        last = self.header_row + rows.stop
        chart = BarChart()
        chart.type = "bar"
        chart.style = 10
        chart.title = title
        chart.y_axis.title = axis_title or None
        chart.y_axis.number_format = INTEGER_FORMAT
        chart.legend = None
        chart.height = chart_height(len(rows))
        chart.width = 18
        data = Reference(self._ws, min_col=value_column + 1, min_row=first, max_row=last)
        labels = Reference(self._ws, min_col=label_column + 1, min_row=first, max_row=last)
        chart.add_data(data, titles_from_data=False)
        chart.set_categories(labels)
        # Without these LibreOffice and newer Excel hide the axes' labels.
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        anchor = f"{get_column_letter(len(self.columns) + 2)}{anchor_row}"
        self._ws.add_chart(chart, anchor)
        # Printed grid lines would cross the empty cells under the chart.
        self._ws.print_options.gridLines = False
        self._chart = True


class _FittedRow(RowDimension):
    """A row whose height fits its text, neither set by hand (no ``customHeight``) nor
    styled as a row."""

    @property
    def customHeight(self) -> bool:  # noqa: N802 - the name in the file format
        return False

    @property
    def customFormat(self) -> bool:  # noqa: N802
        return False


def fitted_row(ws, number: int, lines: int) -> RowDimension:
    """The row ``number`` of ``ws``, as high as ``lines`` lines of wrapped text."""
    height = min(round(LINE_POINTS * lines + ROW_MARGIN, 2), MAX_ROW_HEIGHT)
    row = _FittedRow(ws, index=number, ht=height)
    row._style = copy(ws.parent._cell_styles[0])  # the workbook's plain style: no ``s``
    return row


def chart_height(bars: int) -> float:
    """Height of a bar chart in centimetres: room for each bar's label."""
    return max(6.0, 0.8 * bars + 3)


def text_cell(ws, text: str) -> Cell:
    """A cell holding ``text`` as text, whatever it starts with."""
    cell = Cell(ws, row=1, column=1)
    cell._value = clean_text(text)
    cell.data_type = "s"
    return cell


def _footer_text(title: str) -> str:
    # "&" starts a code in a header or footer; a literal one is written twice.
    return clean_text(title).replace("&", "&&")[:120]


# -- the workbook ------------------------------------------------------------------------------


class ExcelBook:
    """A workbook saved to ``path`` only if everything in the ``with`` block succeeded:

    >>> with ExcelBook(path, "Organizations") as book:
    ...     sheet = book.add_table("Organizations", title, selection, columns, sample)
    ...     for row in rows:
    ...         sheet.append(row)

    Errors a user can act on (a folder that cannot be written, a file held open by another
    program, a full disk) are raised as ``ExportError`` with a plain message.
    """

    def __init__(self, path: str | os.PathLike, title: str, author: str | None = None) -> None:
        self.path = Path(path)
        self.title = title
        self.author = author or current_user()
        self.made = clock.now().replace(second=0, microsecond=0)
        self.workbook = Workbook(write_only=True)
        self.workbook.properties.title = clean_text(title)
        self.workbook.properties.creator = clean_text(self.author)
        self.workbook.properties.lastModifiedBy = clean_text(self.author)
        self.workbook.properties.created = clock.now().astimezone(dt.UTC).replace(tzinfo=None)
        self.workbook.properties.modified = self.workbook.properties.created
        self.plain_style = _top_by_default(self.workbook)
        self.sheets: list[TableSheet] = []
        self._styles: dict[str, Any] | None = None
        self._temp: Path | None = None

    @property
    def made_text(self) -> str:
        return _("Made {date} by {author}.").format(
            date=f"{self.made:%d.%m.%Y %H:%M}", author=self.author
        )

    def selection_line(self, selection: str) -> str:
        return f"{selection} {self.made_text}".strip() if selection else self.made_text

    def sheet_names(self) -> list[str]:
        return list(self.workbook.sheetnames)

    def styles_for(self, ws) -> dict[str, Any]:
        """The styles data cells use, made once per workbook and shared by every cell."""
        if self._styles is None:

            def style(**attributes) -> Any:
                cell = Cell(ws, row=1, column=1)
                for name, value in attributes.items():
                    setattr(cell, name, value)
                return cell._style

            top = Alignment(vertical="top")
            wrap = Alignment(wrap_text=True, vertical="top")
            left = Alignment(horizontal="left", vertical="top")
            self._styles = {
                "wrap": style(alignment=wrap),
                "quoted": style(quotePrefix=True, alignment=top),
                "quoted_wrap": style(quotePrefix=True, alignment=wrap),
                "date": style(number_format=DATE_FORMAT, alignment=left),
                "datetime": style(number_format=DATETIME_FORMAT, alignment=left),
                "time": style(number_format=TIME_FORMAT, alignment=left),
                "integer": style(number_format=INTEGER_FORMAT, alignment=top),
                # beside the text of the row (an overview's label), lined up with text
                "integer_left": style(number_format=INTEGER_FORMAT, alignment=left),
                "decimal_left": style(number_format=DECIMAL_FORMAT, alignment=left),
                "decimal": style(number_format=DECIMAL_FORMAT, alignment=top),
                "money": style(number_format=MONEY_FORMAT, alignment=top),
                "ordinal": style(number_format=ORDINAL_FORMAT, alignment=top),
            }
        return self._styles

    def add_table(
        self,
        name: str,
        title: str,
        selection: str,
        columns: Sequence[SheetColumn],
        sample: Iterable[Sequence[Any]] = (),
    ) -> TableSheet:
        """A new sheet with its title, selection line (followed by when and by whom the
        workbook was made) and header row. ``sample``: rows to fit the widths to (every row,
        or the first ones and a row of the widest values further down)."""
        sheet = TableSheet(self, name, title, self.selection_line(selection), columns, sample)
        self.sheets.append(sheet)
        return sheet

    def write_table(
        self,
        name: str,
        title: str,
        selection: str,
        columns: Sequence[SheetColumn],
        rows: Sequence[Sequence[Any]],
        empty: str | None = None,
    ) -> TableSheet:
        """A sheet holding rows already at hand (a part of a report), its columns fitted to
        every one of them (to the first thousands and the widest value of each column
        further down, when there are more)."""
        fitting = rows
        if len(rows) > FITTED_ROWS:
            fitting = [*rows[:FITTED_ROWS], widest_row(rows[FITTED_ROWS:], len(columns))]
        sheet = self.add_table(name, title, selection, columns, fitting)
        for row in rows:
            sheet.append(row)
        if not rows:
            sheet.note(empty if empty is not None else _("None recorded."))
        return sheet

    # -- saving ------------------------------------------------------------------------------

    def __enter__(self) -> ExcelBook:
        check_target(self.path)
        self._temp = self._make_temp()
        return self

    def _make_temp(self) -> Path:
        """An empty file beside the target, made now so an unwritable folder is found before
        any row is read; made with the usual permissions, as the final file will have."""
        folder = self.path.parent
        for _attempt in range(10):
            temp = folder / f".{self.path.stem}.{secrets.token_hex(4)}.tmp"
            try:
                with temp.open("xb"):
                    pass
                return temp
            except FileExistsError:
                continue
            except OSError as error:
                raise _plain_error(error, self.path) from error
        raise ExportError(_("No temporary file could be made in {folder}.").format(folder=folder))

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if kind is not None:
            self.discard()
            if isinstance(error, OSError) and not isinstance(error, ExportError):
                raise _plain_error(error, self.path) from error
            return
        self.save()

    def save(self) -> Path:
        for sheet in self.sheets:
            sheet.finish()
        temp = self._temp or self._make_temp()
        try:
            self.workbook.save(temp)
            _check_complete(temp)
            with temp.open("rb+") as handle:
                os.fsync(handle.fileno())
        except OSError as error:
            self.discard()
            raise _plain_error(error, self.path) from error
        except Exception:
            self.discard()
            raise
        try:
            os.replace(temp, self.path)
        except PermissionError as error:
            self.discard()
            if self.path.exists():
                raise _in_use(self.path) from error
            raise _plain_error(error, self.path) from error
        except OSError as error:
            self.discard()
            raise _plain_error(error, self.path) from error
        self._temp = None
        return self.path

    def discard(self) -> None:
        """Remove the temporary file, and the sheets openpyxl was streaming to its own
        temporary files; the target is left as it was."""
        for ws in self.workbook.worksheets:
            writer = getattr(ws, "_writer", None)
            if writer is None:
                continue
            try:
                if ws._rows is not None:
                    ws._rows.close()
                writer.close()
                writer.cleanup()
            except (OSError, ValueError, RuntimeError, AttributeError):
                pass
            ws._rows = None
            ws._writer = None
        if self._temp is not None:
            self._temp.unlink(missing_ok=True)
            self._temp = None


def write_in_place(target: Path, write: Callable[[Path], object]) -> Path:
    """Write a file that is not a workbook (a picture) as a workbook is saved: the target
    checked first, ``write`` given a file beside it, which then takes its place; a folder
    that cannot be written is said plainly, and the target stays as it was on any failure."""
    check_target(target)
    folder = target.parent
    temp = folder / f".{target.stem}.{secrets.token_hex(4)}{target.suffix}"
    try:
        with temp.open("xb"):
            pass
    except OSError as error:
        raise _plain_error(error, target) from error
    try:
        write(temp)
        os.replace(temp, target)
    except PermissionError as error:
        if target.exists():
            raise _in_use(target) from error
        raise _plain_error(error, target) from error
    except OSError as error:
        raise _plain_error(error, target) from error
    finally:
        temp.unlink(missing_ok=True)
    return target


def _top_by_default(workbook: Workbook) -> StyleArray:
    """Make the workbook's plain cell (the style of every cell written without one) sit at
    the top of its row, like the wrapped text beside it, so a row's cells start on one line
    at no cost per cell; returns that style, for rows and columns to name too."""
    top = Alignment(vertical="top")
    plain = StyleArray()
    plain.alignmentId = workbook._alignments.add(top)
    workbook._cell_styles = IndexedList([plain])
    # LibreOffice gives a cell written without a style the workbook's Normal style.
    workbook._named_styles["Normal"].alignment = top
    return plain


def _check_complete(path: Path) -> None:
    """The file saved is a whole workbook (its index of parts reads and names the workbook),
    before it takes the place of anything."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile as error:
        raise ExportError(
            _("The workbook was not written completely. Nothing was changed.")
        ) from error
    if "xl/workbook.xml" not in names:
        raise ExportError(_("The workbook was not written completely. Nothing was changed."))


def date_text(value: dt.date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else ""
