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
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from models import clock
from models.errors import SeriktesError
from models.store.base import current_user

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
            f"The disk is full, so {target.name} could not be written. Free some space or "
            "choose another place; nothing was changed."
        )
    if code == errno.ENOENT:
        return FolderNotWritable(
            f"The folder {folder} does not exist. Choose another place to save the export."
        )
    if code == errno.ENOTDIR:
        return FolderNotWritable(
            f"{folder} is not a folder. Choose another place to save the export."
        )
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return FolderNotWritable(
            f"The folder {folder} cannot be written to. Choose another place, such as your "
            "Documents folder."
        )
    reason = error.strerror or str(error)
    return ExportError(f"{target.name} could not be written ({reason}). Nothing was changed.")


def _in_use(target: Path) -> FileInUse:
    return FileInUse(
        f"{target.name} is open in another program (or read-only), so it cannot be replaced. "
        "Close it there, or choose another name, and export again."
    )


def check_target(target: Path) -> None:
    """Refuse at once, before any row is read, a target that will not be replaceable: a
    folder, or a file another program holds open (Windows refuses to open it for writing)."""
    if target.is_dir():
        raise ExportError(f"{target} is a folder. Give the export a file name ending in .xlsx.")
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

DATE_FORMAT = "dd.mm.yyyy"
DATETIME_FORMAT = "dd.mm.yyyy hh:mm"
TIME_FORMAT = "hh:mm"
INTEGER_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.0###"
MONEY_FORMAT = "#,##0.00"

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

MIN_WIDTH = 6
MAX_WIDTH = 60
# Characters a landscape page holds at a readable size; wider tables have their widest text
# columns narrowed and wrapped first.
PAGE_WIDTH = 180
NARROWEST = 18  # a text column is not narrowed below this to fit the page
NARROWEST_FIRST = 36
MAX_WORD = 40  # a longer word (a long web address) may be cut
PAPER_A4 = 9  # the paper size code of OOXML
SAMPLE_ROWS = 200

HEADER_FILL = PatternFill("solid", start_color="FFD9E1F2")
HEADER_BORDER = Border(bottom=Side(style="thin", color="FF8EA9DB"))
TITLE_HEIGHT = 24
TITLE_SCALE = 1.5  # a title's character is this much wider than a cell's
LINE_HEIGHT = 15
MAX_ROW_HEIGHT = 409  # points; Excel's limit


@dataclass(frozen=True)
class SheetColumn:
    """A column of a sheet: its header, the kind of value it holds and, when it is known, the
    width it needs in characters (else fitted to a sample of the rows)."""

    label: str
    kind: str = TEXT
    width: float | None = None


def clean_text(text: str) -> str:
    """Text as a cell can hold it: no control characters an XML file refuses, and no more
    characters than Excel keeps."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if len(text) > EXCEL_TEXT_LIMIT:
        text = text[: EXCEL_TEXT_LIMIT - 1] + "…"
    return text


def display_width(text: str) -> int:
    """Width of the longest line of a text in Excel's character units (a Chinese or Japanese
    character takes two)."""
    longest = 0
    for line in text.splitlines() or [""]:
        if line.isascii():
            width = len(line)
        else:
            width = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
        longest = max(longest, width)
    return longest


def _shown_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return "00.00.0000 00:00"
    if isinstance(value, dt.date):
        return "00.00.0000"
    if isinstance(value, bool):
        return "Yes"
    if isinstance(value, int | float | Decimal):
        # as the number formats show it, with room for a sign and two decimals
        return f"-{abs(int(value)):,}.00"
    return str(value)


def fit_widths(
    columns: Sequence[SheetColumn], sample: Iterable[Sequence[Any]]
) -> tuple[list[float], list[bool]]:
    """The width of each column in characters, and whether its text wraps: wide enough for
    the header's longest word and the sample's longest value, within limits, and narrowed to
    fit a landscape page when the table is wider than that."""
    needed = [0] * len(columns)
    longest_word = [0] * len(columns)
    for row in sample:
        for index, value in enumerate(row[: len(columns)]):
            text = _shown_text(value)
            needed[index] = max(needed[index], display_width(text))
            if isinstance(value, str) and len(text) > longest_word[index]:
                longest_word[index] = max(
                    longest_word[index], max(map(display_width, text.split()), default=0)
                )
    widths: list[float] = []
    for column, content in zip(columns, needed, strict=True):
        if column.width is not None:
            widths.append(float(column.width))
            continue
        word = max((display_width(w) for w in column.label.split()), default=0)
        # room for the autofilter's button beside the header's longest word
        widths.append(float(min(max(content + 2, word + 4, MIN_WIDTH), MAX_WIDTH)))
    wraps = [
        column.kind == TEXT and content + 2 > width
        for column, content, width in zip(columns, needed, widths, strict=True)
    ]
    # The first column names the record, so it keeps more of its width than the others; no
    # column is narrowed below its longest word (a web address), which could not wrap.
    floors = [
        max(NARROWEST_FIRST if i == 0 else NARROWEST, min(word + 2, MAX_WORD))
        for i, word in enumerate(longest_word)
    ]
    narrowable = [
        i for i, column in enumerate(columns) if column.kind == TEXT and column.width is None
    ]
    while sum(widths) > PAGE_WIDTH:
        candidates = [i for i in narrowable if widths[i] > floors[i]]
        if not candidates:
            break
        widest = max(candidates, key=lambda i: widths[i] - floors[i])
        widths[widest] = max(float(floors[widest]), widths[widest] - 2)
        wraps[widest] = wraps[widest] or needed[widest] + 2 > widths[widest]
    return widths, wraps


def widen_for_title(widths: list[float], title: str) -> None:
    """Widen a narrow table until its title (larger and bold) fits above it, sharing the
    extra width among the columns as they are."""
    needed = display_width(title) * TITLE_SCALE + 2
    total = sum(widths)
    if not widths or total >= needed:
        return
    grow = min(needed, PAGE_WIDTH) / total
    widths[:] = [round(width * grow, 1) for width in widths]


def wrapped_lines(text: str, width: float) -> int:
    """How many lines a text takes in a wrapped cell ``width`` characters wide, breaking at
    spaces as a spreadsheet does (a little generously: a cut-off line is worse than space)."""
    room = max(int(width * 1.1), 1)
    total = 0
    for paragraph in text.splitlines() or [""]:
        lines, used = 1, 0
        for word in paragraph.split(" "):
            size = display_width(word)
            if used and used + 1 + size > room:
                lines, used = lines + 1, 0
            if size > room:
                lines += (used + size) // room
                used = (used + size) % room
            else:
                used += size + (1 if used else 0)
        total += lines
    return total


def safe_sheet_name(name: str, taken: Iterable[str] = ()) -> str:
    """A name Excel accepts for a sheet, unique among ``taken`` (ignoring case): at most 31
    characters, none of : \\ / ? * [ ], not starting or ending with an apostrophe, and not the
    name Excel reserves ("History")."""
    cleaned = re.sub(r"[:\\/?*\[\]]", "-", clean_text(name))
    cleaned = re.sub(r"\s+", " ", cleaned).strip().strip("'").strip() or "Sheet"
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
        sample: Sequence[Sequence[Any]] = (),
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
        self._prepare(title, selection, widths)
        self._styles = book.styles_for(ws)
        # The style of a plain text cell in each column, and the columns whose text wraps.
        self._column_styles = [self._styles["wrap"] if wrap else None for wrap in wraps]
        self._wrapping = [(i, widths[i]) for i, wrap in enumerate(wraps) if wrap]
        self._plain = [not wrap for wrap in wraps] + [True] * 64  # extra values: plain text
        self._write_heading(title, selection)

    @property
    def name(self) -> str:
        return self._ws.title

    # Everything a write-only sheet writes before its rows is set here, before the first one.
    def _prepare(self, title: str, selection: str, widths: list[float]) -> None:
        ws = self._ws
        for index, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = round(width + 0.7, 1)
        ws.freeze_panes = f"A{self.header_row + 1}"
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = PAPER_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.print_title_rows = f"{self.header_row}:{self.header_row}"
        ws.print_options.gridLines = True
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        ws.page_margins.header = ws.page_margins.footer = 0.3
        ws.oddFooter.left.text = _footer_text(title)
        ws.oddFooter.left.size = 8
        ws.oddFooter.right.text = "&P / &N"
        ws.oddFooter.right.size = 8
        total = max(sum(widths), 1)
        ws.row_dimensions[1].height = TITLE_HEIGHT
        lines = max(1, sum(math.ceil(max(len(line), 1) / total) for line in selection.split("\n")))
        ws.row_dimensions[2].height = LINE_HEIGHT * lines + 2
        if len(self.columns) > 1:
            ws.merged_cells.add(f"A1:{self._last_column}1")
            ws.merged_cells.add(f"A2:{self._last_column}2")

    def _write_heading(self, title: str, selection: str) -> None:
        ws = self._ws
        title_cell = text_cell(ws, title)
        title_cell.font = Font(bold=True, size=14)
        title_cell.alignment = Alignment(vertical="center")
        ws.append([title_cell])
        line = text_cell(ws, selection)
        line.font = Font(italic=True, color="FF595959")
        line.alignment = Alignment(wrap_text=True, vertical="top")
        ws.append([line])
        header = []
        for column in self.columns:
            cell = text_cell(ws, column.label)
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
            cell.border = HEADER_BORDER
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            header.append(cell)
        lines = max(
            (
                wrapped_lines(column.label, width - 3)
                for column, width in zip(self.columns, self.widths, strict=True)
            ),
            default=1,
        )
        if lines > 1:
            ws.row_dimensions[self.header_row].height = LINE_HEIGHT * lines
        ws.append(header)

    def append(self, values: Sequence[Any]) -> None:
        """Write one row of plain values: text, numbers, dates, booleans or None."""
        number = self.header_row + self.rows + 1
        # Spreadsheets do not grow a row to its wrapped text on opening; its height is set.
        lines = 1
        for index, width in self._wrapping:
            if index < len(values) and isinstance(values[index], str):
                lines = max(lines, wrapped_lines(values[index], width))
        if lines > 1:
            self._ws.row_dimensions[number].height = min(LINE_HEIGHT * lines, MAX_ROW_HEIGHT)
        tall = lines > 1
        if tall:
            cells = [self._cell(i, value, True) for i, value in enumerate(values)]
        else:
            # Most cells are short plain text, written as they are: this is the hot path of
            # an export of 100,000 rows.
            plain = self._plain
            cells = [
                value
                if type(value) is str
                and plain[i]
                and len(value) <= EXCEL_TEXT_LIMIT
                and not _TEXT_TROUBLE(value)
                else self._cell(i, value)
                for i, value in enumerate(values)
            ]
        self._ws.append(cells)
        if tall:
            del self._ws.row_dimensions[number]  # written; kept no longer
        self.rows += 1

    def note(self, text: str) -> None:
        """A line of italic text under the header, as "None recorded." in an empty part."""
        cell = text_cell(self._ws, text)
        cell.font = Font(italic=True, color="FF595959")
        self._ws.append([cell])

    def _cell(self, index: int, value: Any, tall: bool = False) -> Any:
        """The cell for one value; ``tall``: the row is several lines high, so its text sits
        at the top like the wrapped text beside it."""
        styles = self._styles
        if value is None:
            return None
        if isinstance(value, str):
            style = self._column_styles[index] if index < len(self._column_styles) else None
            if not value.startswith(FORMULA_STARTS) and value not in ERROR_CODES:
                if ILLEGAL_CHARACTERS_RE.search(value) or len(value) > EXCEL_TEXT_LIMIT:
                    value = clean_text(value)
                if style is None and not tall:
                    return value
                return self._styled(value, "s", style or styles["top"])
            quoted = styles["quoted_wrap"] if style is not None else styles["quoted"]
            return self._styled(clean_text(value), "s", quoted)
        if isinstance(value, bool):
            return self._cell(index, "Yes" if value else "No", tall)
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
            # A number among text (a count in an overview) lines up with the text.
            suffix = "_left" if kind == TEXT else ""
            if value == int(value):
                return self._styled(int(value), "n", styles["integer" + suffix])
            return self._styled(value, "n", styles["decimal" + suffix])
        return self._cell(index, str(value), tall)

    def _styled(self, value: Any, data_type: str, style) -> Cell:
        # Made directly rather than through ``Cell.value``, which would read a text starting
        # with "=" as a formula and guess formats this sheet already knows.
        cell = Cell(self._ws, row=1, column=1, style_array=style)
        cell._value = value
        cell.data_type = data_type
        return cell

    def finish(self) -> None:
        """After the last row: the autofilter over the header and every row."""
        ws = self._ws
        last_row = self.header_row + self.rows
        if self.columns:
            ws.auto_filter.ref = f"A{self.header_row}:{self._last_column}{last_row}"

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
        self.sheets: list[TableSheet] = []
        self._styles: dict[str, Any] | None = None
        self._temp: Path | None = None

    @property
    def made_text(self) -> str:
        return f"Made {self.made:%d.%m.%Y %H:%M} by {self.author}."

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
            left_bottom = Alignment(horizontal="left")
            self._styles = {
                "top": style(alignment=top),
                "wrap": style(alignment=wrap),
                "quoted": style(quotePrefix=True, alignment=top),
                "quoted_wrap": style(quotePrefix=True, alignment=wrap),
                "date": style(number_format=DATE_FORMAT, alignment=left),
                "datetime": style(number_format=DATETIME_FORMAT, alignment=left),
                "time": style(number_format=TIME_FORMAT, alignment=left),
                "integer": style(number_format=INTEGER_FORMAT, alignment=top),
                # on the line of the text beside them (an overview's label)
                "integer_left": style(number_format=INTEGER_FORMAT, alignment=left_bottom),
                "decimal_left": style(number_format=DECIMAL_FORMAT, alignment=left_bottom),
                "decimal": style(number_format=DECIMAL_FORMAT, alignment=top),
                "money": style(number_format=MONEY_FORMAT, alignment=top),
            }
        return self._styles

    def add_table(
        self,
        name: str,
        title: str,
        selection: str,
        columns: Sequence[SheetColumn],
        sample: Sequence[Sequence[Any]] = (),
    ) -> TableSheet:
        """A new sheet with its title, selection line (followed by when and by whom the
        workbook was made) and header row. ``sample``: the first rows, to fit the widths."""
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
        empty: str = "None recorded.",
    ) -> TableSheet:
        """A sheet holding rows already at hand (a part of a report)."""
        sheet = self.add_table(name, title, selection, columns, rows[:SAMPLE_ROWS])
        for row in rows:
            sheet.append(row)
        if not rows:
            sheet.note(empty)
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
        raise ExportError(f"No temporary file could be made in {folder}.")

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


def _check_complete(path: Path) -> None:
    """The file saved is a whole workbook (its index of parts reads and names the workbook),
    before it takes the place of anything."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile as error:
        raise ExportError(
            "The workbook was not written completely. Nothing was changed."
        ) from error
    if "xl/workbook.xml" not in names:
        raise ExportError("The workbook was not written completely. Nothing was changed.")


def date_text(value: dt.date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else ""
