"""The workbook writer: how a sheet looks and prints, formula injection refused on the saved
file, and a failed or cancelled write that never leaves a broken file nor replaces a good one."""

from __future__ import annotations

import datetime as dt
import errno
import os
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from exports import workbook
from exports.text_width import text_width
from exports.workbook import (
    DATE,
    DECIMAL_FORMAT,
    INTEGER_FORMAT,
    LINE_POINTS,
    MONEY,
    NUMBER,
    DiskFull,
    ExcelBook,
    ExportError,
    FileInUse,
    FolderNotWritable,
    SheetColumn,
    safe_sheet_name,
)

from .export_records import HEADER_ROW, day, header, open_book, table

COLUMNS = [
    SheetColumn("Name"),
    SheetColumn("Signed", DATE),
    SheetColumn("Budget", MONEY),
    SheetColumn("Value", NUMBER),
    SheetColumn("Notes"),
]
LONG = "Ғылыми зерттеулер жөніндегі жоғарғы кеңес; Высший совет по научным исследованиям. " * 4
ROWS = [
    ("Назарбаев Университеті", dt.date(2024, 5, 1), Decimal("5000000"), Decimal("1130"), ""),
    ("Consejo Superior de Investigaciones Científicas", None, None, Decimal("12.5"), LONG),
    ("ISTC", dt.datetime(2025, 1, 2, 13, 45), 7, 2.5, "Astana"),
]


def write(path, rows=ROWS, columns=COLUMNS, **kwargs):
    with ExcelBook(path, "Partners for the meeting", author="Aigerim") as book:
        book.write_table("Partners", "Partners for the meeting", "Country: Spain.", columns, rows)
    return path


def files_in(folder):
    return sorted(p.name for p in folder.iterdir())


def test_a_sheet_has_a_title_a_selection_line_and_a_header_that_stays_in_view(tmp_path):
    ws = open_book(write(tmp_path / "partners.xlsx"))["Partners"]
    assert ws["A1"].value == "Partners for the meeting"
    assert ws["A1"].font.b
    assert ws["A2"].value.startswith("Country: Spain. Made ")
    assert "by Aigerim" in ws["A2"].value
    assert header(ws) == ["Name", "Signed", "Budget", "Value", "Notes"]
    assert all(cell.font.b for cell in ws[HEADER_ROW])
    assert ws.cell(HEADER_ROW, 1).fill.fgColor.rgb.endswith("D9E1F2")
    assert ws.freeze_panes == f"A{HEADER_ROW + 1}"
    assert ws.auto_filter.ref == f"A{HEADER_ROW}:E{HEADER_ROW + len(ROWS)}"


def test_dates_are_real_dates_and_numbers_are_numbers(tmp_path):
    ws = open_book(write(tmp_path / "partners.xlsx"))["Partners"]
    signed = ws.cell(HEADER_ROW + 1, 2)
    assert signed.is_date and signed.value == day(dt.date(2024, 5, 1))
    assert signed.number_format == "dd.mm.yyyy"
    stamped = ws.cell(HEADER_ROW + 3, 2)
    assert stamped.value == dt.datetime(2025, 1, 2, 13, 45)
    assert stamped.number_format == "dd.mm.yyyy hh:mm"
    budget = ws.cell(HEADER_ROW + 1, 3)
    assert budget.data_type == "n" and budget.value == 5_000_000
    assert budget.number_format == "#,##0.00_)"
    assert ws.cell(HEADER_ROW + 1, 4).value == 1130
    assert ws.cell(HEADER_ROW + 1, 4).number_format == "#,##0_)"
    assert ws.cell(HEADER_ROW + 2, 4).value == 12.5
    assert ws.cell(HEADER_ROW + 2, 2).value is None


def test_kazakh_russian_and_spanish_text_arrives_intact(tmp_path):
    rows = table(open_book(write(tmp_path / "partners.xlsx"))["Partners"])
    assert rows[0][0] == "Назарбаев Университеті"
    assert rows[1][0] == "Consejo Superior de Investigaciones Científicas"
    assert rows[1][4] == LONG


def test_columns_fit_their_content_within_limits_and_long_text_wraps(tmp_path):
    ws = open_book(write(tmp_path / "partners.xlsx"))["Partners"]
    widths = {c: ws.column_dimensions[c].width for c in "ABCDE"}
    assert widths["A"] >= text_width("Consejo Superior de Investigaciones Científicas") + 1
    assert 10 <= widths["B"] <= 20
    assert all(6 <= width <= workbook.WIDEST + 1 for width in widths.values())
    long_cell = ws.cell(HEADER_ROW + 2, 5)
    assert long_cell.alignment.wrap_text
    assert ws.row_dimensions[HEADER_ROW + 2].height >= 45  # several lines of it show
    assert not ws.cell(HEADER_ROW + 1, 1).alignment.wrap_text


def test_it_prints_landscape_one_page_wide_with_the_header_on_every_page(tmp_path):
    ws = open_book(write(tmp_path / "partners.xlsx"))["Partners"]
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"


def test_the_document_title_and_author_are_set(tmp_path):
    book = open_book(write(tmp_path / "partners.xlsx"))
    assert book.properties.title == "Partners for the meeting"
    assert book.properties.creator == "Aigerim"


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://evil.example","Click")',
        "=1+2",
        "+1+2",
        "-1+2",
        "@SUM(A1)",
        "\t=1+2",
        "#N/A",
    ],
)
def test_a_value_that_looks_like_a_formula_is_saved_as_text(tmp_path, text):
    path = write(tmp_path / "injected.xlsx", rows=[(text, None, None, None, text)])
    ws = open_book(path)["Partners"]
    for cell in (ws.cell(HEADER_ROW + 1, 1), ws.cell(HEADER_ROW + 1, 5)):
        assert cell.data_type == "s"
        assert cell.value == text
        assert cell.quotePrefix  # stays text when edited in Excel
    # And no formula anywhere in the file itself.
    with_formulas = openpyxl.load_workbook(path, data_only=False)["Partners"]
    assert all(cell.data_type != "f" for row in with_formulas.iter_rows() for cell in row)


def test_a_carriage_return_at_the_start_is_text_too(tmp_path):
    """A spreadsheet drops a leading carriage return when the cell is edited, and what is left
    is a formula: the cell is kept as text like one beginning with "=", in a short row and in a
    tall one, in a plain column and in a wrapping one."""
    rows = [
        ("\r=1+2", None, None, None, ""),
        ("ISTC", None, None, None, "\r=1+2"),
        ("\r=1+2", None, None, None, LONG),
    ]
    ws = open_book(write(tmp_path / "cr.xlsx", rows=rows))["Partners"]
    assert not ws.cell(HEADER_ROW + 1, 1).alignment.wrap_text
    first = HEADER_ROW + 1
    cells = [ws.cell(first, 1), ws.cell(first + 1, 5), ws.cell(first + 2, 1)]
    for cell in cells:
        # XML reads a carriage return as a line feed; the formula after it stays text.
        assert (cell.data_type, cell.value, cell.quotePrefix) == ("s", "\n=1+2", True)
    # Quoted in a column that wraps, it wraps like its neighbours.
    assert [cell.alignment.wrap_text for cell in cells] == [None, True, None]


def test_a_text_longer_than_a_cell_holds_is_cut_with_an_ellipsis(tmp_path):
    limit = workbook.EXCEL_TEXT_LIMIT  # 32,767 characters
    rows = [
        ("x" * 40_000, None, None, None, ""),
        ("y" * limit, None, None, None, ""),
        ("z" * limit + "\x0b", None, None, None, ""),  # once its control character is dropped
    ]
    written = table(open_book(write(tmp_path / "long.xlsx", rows=rows))["Partners"])
    assert written[0][0] == "x" * (limit - 1) + "…"
    # Exactly as long as a cell holds: kept whole.
    assert [row[0] for row in written[1:]] == ["y" * limit, "z" * limit]


def test_yes_no_times_numbers_among_text_and_other_values(tmp_path):
    columns = [SheetColumn("Name"), SheetColumn("Done"), SheetColumn("At"), SheetColumn("Count")]
    columns.append(SheetColumn("Share", NUMBER))
    rows = [
        ("ISTC", True, dt.time(14, 30), 7, 12.5),
        (Path("CSIC"), False, None, 2.5, 3),
    ]
    ws = open_book(write(tmp_path / "mixed.xlsx", rows=rows, columns=columns))["Partners"]
    first, second = HEADER_ROW + 1, HEADER_ROW + 2
    assert table(ws) == [("ISTC", "Yes", dt.time(14, 30), 7, 12.5), ("CSIC", "No", None, 2.5, 3)]
    assert ws.cell(first, 3).number_format == "hh:mm"
    # A number in a column of text lines up with the text; in a column of numbers, it does not.
    assert [ws.cell(row, 4).alignment.horizontal for row in (first, second)] == ["left", "left"]
    assert ws.cell(first, 5).alignment.horizontal is None
    assert [ws.cell(row, 5).number_format for row in (first, second)] == [
        DECIMAL_FORMAT,
        INTEGER_FORMAT,
    ]


def test_rows_shorter_or_longer_than_the_header_are_written_as_they_are(tmp_path):
    rows = [("ISTC",), ("NU", None, None, 3), ("CSIC", None, None, None, LONG, 7, "=1+2")]
    ws = open_book(write(tmp_path / "ragged.xlsx", rows=rows))["Partners"]
    assert table(ws) == [
        ("ISTC", None, None, None, None, None, None),
        ("NU", None, None, 3, None, None, None),
        ("CSIC", None, None, None, LONG, 7, "=1+2"),
    ]
    assert ws.cell(HEADER_ROW + 3, 7).quotePrefix


def test_in_a_tall_row_every_cell_sits_at_the_top(tmp_path):
    """A row is tall when a wrapping cell holds more than one line; the cells beside it are
    read from the top line, and a one-line row keeps the usual height."""
    rows = [
        *ROWS,
        ("NU", None, None, 3, "Astana\nKazakhstan"),
        (Path("UPM"), None, None, True, "Madrid\nSpain"),
    ]
    ws = open_book(write(tmp_path / "tall.xlsx", rows=rows))["Partners"]
    assert ws.row_dimensions[HEADER_ROW + 1].height is None
    for row in (HEADER_ROW + 2, HEADER_ROW + 4, HEADER_ROW + 5):  # long notes; two lines of them
        assert ws.row_dimensions[row].height >= 2 * LINE_POINTS
        assert [ws.cell(row, column).alignment.vertical for column in (1, 4, 5)] == ["top"] * 3
        assert [ws.cell(row, column).data_type for column in (1, 5)] == ["s", "s"]
    assert [cell.value for cell in ws[HEADER_ROW + 5]] == [
        "UPM",
        None,
        None,
        "Yes",
        "Madrid\nSpain",
    ]


def test_a_title_selection_or_header_beginning_with_a_formula_stays_text(tmp_path):
    path = tmp_path / "titles.xlsx"
    with ExcelBook(path, "=1+2", author="Aigerim") as book:
        book.write_table("Partners", "=1+2", "=3+4", [SheetColumn("=5+6")], [("ISTC",)])
    ws = open_book(path)["Partners"]
    cells = [ws["A1"], ws["A2"], ws.cell(HEADER_ROW, 1)]
    assert [cell.value.split(" Made ")[0] for cell in cells] == ["=1+2", "=3+4", "=5+6"]
    assert [cell.data_type for cell in cells] == ["s"] * 3
    with_formulas = openpyxl.load_workbook(path, data_only=False)["Partners"]
    assert all(cell.data_type != "f" for row in with_formulas.iter_rows() for cell in row)


def test_control_characters_an_xml_file_refuses_are_dropped(tmp_path):
    ws = open_book(write(tmp_path / "c.xlsx", rows=[("Line\x0bbreak\x00", None, None, None, "")]))[
        "Partners"
    ]
    assert ws.cell(HEADER_ROW + 1, 1).value == "Linebreak"


def test_sheet_names_are_valid_and_unique():
    assert safe_sheet_name("Agreements: due/expired [2025]?") == "Agreements- due-expired -2025--"
    assert len(safe_sheet_name("Follow-up actions of the delegations received")) == 31
    assert safe_sheet_name("'quoted'") == "quoted"
    assert safe_sheet_name("") == "Sheet"
    assert safe_sheet_name("History") != "History"
    assert safe_sheet_name("People", ["people"]) == "People (2)"
    assert safe_sheet_name("People", ["People", "People (2)"]) == "People (3)"
    long = "A very long name for a part of a report"
    first = safe_sheet_name(long)
    assert safe_sheet_name(long, [first]) != first
    assert len(safe_sheet_name(long, [first])) <= 31


def test_several_parts_make_several_sheets(tmp_path):
    path = tmp_path / "parts.xlsx"
    with ExcelBook(path, "Brief") as book:
        book.write_table("People", "People", "", COLUMNS, ROWS)
        book.write_table("People", "People again", "", COLUMNS, [])
    wb = open_book(path)
    assert wb.sheetnames == ["People", "People (2)"]
    assert wb["People (2)"].cell(HEADER_ROW + 1, 1).value == "None recorded."


# -- failures ------------------------------------------------------------------------------------


def good_file(tmp_path):
    path = write(tmp_path / "partners.xlsx")
    return path, path.read_bytes()


def test_a_failure_midway_leaves_the_existing_file_untouched_and_no_temporary_file(tmp_path):
    path, before = good_file(tmp_path)
    with pytest.raises(RuntimeError), ExcelBook(path, "Partners") as book:
        sheet = book.add_table("Partners", "Partners", "", COLUMNS, ROWS)
        sheet.append(ROWS[0])
        raise RuntimeError("the database went away")
    assert path.read_bytes() == before
    assert files_in(tmp_path) == ["partners.xlsx"]


def test_a_full_disk_is_said_plainly_and_changes_nothing(tmp_path, monkeypatch):
    path, before = good_file(tmp_path)

    def full(self, filename):
        with open(filename, "wb") as handle:
            handle.write(b"PK\x03\x04 half a workbook")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(openpyxl.Workbook, "save", full)
    with pytest.raises(DiskFull, match="The disk is full"):
        write(path)
    assert path.read_bytes() == before
    assert files_in(tmp_path) == ["partners.xlsx"]


def test_a_file_held_open_by_another_program_is_said_plainly(tmp_path, monkeypatch):
    path, before = good_file(tmp_path)

    def refuse(_source, _target):
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    monkeypatch.setattr(workbook.os, "replace", refuse)
    with pytest.raises(FileInUse, match="open in another program"):
        write(path)
    assert path.read_bytes() == before
    assert files_in(tmp_path) == ["partners.xlsx"]


def test_a_file_that_cannot_be_opened_for_writing_is_refused_before_any_row(tmp_path, monkeypatch):
    path, before = good_file(tmp_path)
    real_open = type(path).open

    def locked(self, mode="r", *args, **kwargs):
        if self == path and "+" in mode:
            raise PermissionError(errno.EACCES, "locked")
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(type(path), "open", locked)
    with pytest.raises(FileInUse):
        write(path)
    assert path.read_bytes() == before


def test_a_folder_that_does_not_exist_or_is_a_file_is_said_plainly(tmp_path):
    with pytest.raises(FolderNotWritable, match="does not exist"):
        write(tmp_path / "missing" / "partners.xlsx")
    (tmp_path / "a-file").write_text("not a folder")
    with pytest.raises(FolderNotWritable, match="is not a folder"):
        write(tmp_path / "a-file" / "partners.xlsx")
    assert files_in(tmp_path) == ["a-file"]


@pytest.mark.skipif(os.geteuid() == 0, reason="the superuser may write in any folder")
def test_a_folder_that_cannot_be_written_is_said_plainly(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(FolderNotWritable, match="cannot be written"):
            write(locked / "partners.xlsx")
    finally:
        locked.chmod(0o700)


def test_a_folder_refusing_the_file_is_said_plainly(tmp_path, monkeypatch):
    def refuse(self, mode="r", *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(type(tmp_path), "open", refuse)
    with pytest.raises(FolderNotWritable, match="cannot be written to"):
        write(tmp_path / "partners.xlsx")


def test_a_folder_given_as_the_target_is_refused(tmp_path):
    with pytest.raises(ExportError, match="is a folder"):
        write(tmp_path)


def test_the_written_file_is_readable_by_others_as_usual(tmp_path):
    path = write(tmp_path / "partners.xlsx")
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask
