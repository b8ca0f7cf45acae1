"""How exports print: columns as wide as their widest value anywhere in the list, one font
family for every text, a readable print size, rows as high as their wrapped text, and
numbers that are numbers, written one way on every sheet."""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal

import openpyxl
import pytest

from exports import workbook
from exports.import_report import write_import_report
from exports.importer import apply_import, preview_import
from exports.lists import export_list
from exports.reports import brief, programs
from exports.spreadsheet_reader import read_workbook
from exports.text_width import text_width, wrapped_lines
from exports.workbook import ExcelBook, SheetColumn
from models.kinds.figures import FIGURE_LIST
from models.kinds.organizations import ORGANIZATION_LIST, ORGANIZATIONS
from models.kinds.programs import PROGRAM_LIST, PROGRAMS
from models.listing import ListRequest

from .export_records import HEADER_ROW, cell_of, header, open_book, seed
from .import_files import xlsx

MINISTRY = "Ministry of Science and Higher Education of the Republic of Kazakhstan"


@pytest.fixture
def records(database):
    return seed()


def many_organizations(count: int, long_at: int) -> None:
    """``count`` organizations with short names, one of them (the ``long_at``-th in the
    list's order) with a long one."""
    rows = [
        ORGANIZATIONS.clean_values({"name": f"Org {number:05d}", "country": "KZ"})
        for number in range(1, count + 1)
    ]
    rows[long_at - 1]["name"] = f"Org {long_at:05d} {MINISTRY}"
    ORGANIZATIONS.insert_many(rows)


def export_organizations(tmp_path, keys=("name", "country")):
    path = tmp_path / "organizations.xlsx"
    export_list(ORGANIZATION_LIST, ListRequest(sort="name"), list(keys), path)
    return open_book(path).worksheets[0]


def width_of(ws, label: str) -> float:
    letter = openpyxl.utils.get_column_letter(header(ws).index(label) + 1)
    return ws.column_dimensions[letter].width


def row_tags(path, sheet: int = 1) -> dict[int, str]:
    """Each row's element as the file writes it: openpyxl reads no ``customHeight``."""
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(f"xl/worksheets/sheet{sheet}.xml").decode()
    return {int(m.group(1)): m.group(0) for m in re.finditer(r'<row r="(\d+)"[^>]*>', xml)}


# -- widths -----------------------------------------------------------------------------------


def test_a_long_name_at_row_5000_widens_its_column_as_one_at_row_5_would(tmp_path, database):
    many_organizations(6000, long_at=5000)
    ws = export_organizations(tmp_path)
    assert ws.cell(HEADER_ROW + 5000, 1).value == f"Org 05000 {MINISTRY}"
    width = width_of(ws, "Name")
    # the page has room for the whole name on one line, far wider than the first names
    assert width >= text_width(f"Org 05000 {MINISTRY}")
    assert width > text_width("Org 00001") + 40
    assert not ws.cell(HEADER_ROW + 5000, 1).alignment.wrap_text


def test_a_large_budget_at_row_5000_prints_as_a_number_not_as_hashes(tmp_path, database):
    rows = [PROGRAMS.clean_values({"name": f"Program {n:05d}"}) for n in range(1, 6001)]
    rows[4999].update(budget=Decimal("98765432109.99"), currency="KZT")
    PROGRAMS.insert_many(rows)
    path = tmp_path / "programs.xlsx"
    export_list(PROGRAM_LIST, ListRequest(sort="name"), ["name", "budget"], path)
    ws = open_book(path).worksheets[0]
    cell = cell_of(ws, "Budget", 4999)
    assert cell.value == pytest.approx(98765432109.99) and cell.data_type == "n"
    # "98,765,432,109.99" and the format's room on the right fit in the column
    assert width_of(ws, "Budget") >= text_width("98,765,432,109.99") + 1


def test_a_choice_label_used_only_at_row_5000_widens_its_column(tmp_path, database):
    rows = [ORGANIZATIONS.clean_values({"name": f"Org {n:05d}"}) for n in range(1, 6001)]
    rows[4999]["kind"] = "international"
    ORGANIZATIONS.insert_many(rows)
    ws = export_organizations(tmp_path, keys=("name", "kind"))
    assert cell_of(ws, "Kind", 4999).value == "International organization"
    assert width_of(ws, "Kind") >= text_width("International organization") + 1


def test_a_part_of_a_report_fits_its_columns_to_a_long_value_far_down(tmp_path):
    rows = [(f"Partner {n:05d}", n) for n in range(1, 8001)]
    rows[7499] = (f"Partner 07500 {MINISTRY}", 123_456_789)
    path = tmp_path / "part.xlsx"
    with ExcelBook(path, "Partners") as book:
        book.write_table(
            "Partners", "Partners", "", [SheetColumn("Name"), SheetColumn("Count", "number")], rows
        )
    ws = open_book(path)["Partners"]
    assert width_of(ws, "Name") >= text_width(f"Partner 07500 {MINISTRY}")
    assert width_of(ws, "Count") >= text_width("123,456,789") + 1


# -- fonts ------------------------------------------------------------------------------------


def fonts_named(book) -> set[str | None]:
    return {font.name for font in book._fonts}


def test_every_font_of_a_list_names_its_family(tmp_path, records):
    ws = export_organizations(tmp_path)
    book = ws.parent
    assert fonts_named(book) == {"Calibri"}
    title, selection, label, data = ws["A1"], ws["A2"], ws[f"A{HEADER_ROW}"], ws["A4"]
    assert [cell.font.name for cell in (title, selection, label, data)] == ["Calibri"] * 4
    assert title.font.sz == 14 and title.font.b
    assert selection.font.i and label.font.b
    assert ws.oddFooter.left.font == ws.oddFooter.right.font == "Calibri,Regular"


def test_every_font_of_a_report_and_of_the_not_imported_rows_names_its_family(tmp_path, records):
    brief(tmp_path / "brief.xlsx", organization_id=records["istc"])
    book = open_book(tmp_path / "brief.xlsx")
    assert fonts_named(book) == {"Calibri"}
    preview = preview_import(
        read_workbook(xlsx(tmp_path / "in.xlsx", [["Name", "Country"], ["X", "Atlantis"]])),
        "organization",
    )
    report = write_import_report(preview, apply_import(preview), tmp_path / "not.xlsx")
    assert fonts_named(open_book(report)) == {"Calibri"}


# -- print size -------------------------------------------------------------------------------


def test_a_narrow_list_of_two_rows_prints_one_page_wide_at_75_percent_or_more(tmp_path, records):
    ws = export_organizations(tmp_path, keys=("name", "short_name", "kind", "country"))
    setup = ws.page_setup
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    total = sum(ws.column_dimensions[c].width for c in "ABCD")
    # fitting one page wide shrinks the print to the page's width over the table's, at most
    assert workbook.PAGE_UNITS / total >= 0.75
    assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"


def test_a_list_too_wide_for_a_page_runs_to_a_second_page_across_rather_than_shrinking(
    tmp_path, records
):
    keys = [column.key for column in ORGANIZATION_LIST.columns]  # every column, 14
    ws = export_organizations(tmp_path, keys=keys)
    widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width for i in range(1, 15)]
    setup = ws.page_setup
    assert sum(widths) > workbook.PAGE_UNITS / 0.75  # one page wide would print below 75 %
    assert setup.fitToWidth == 2 and setup.fitToHeight == 0
    # two pages across hold it at 75 % or more, the first column repeated on the second
    assert 2 * workbook.PAGE_UNITS / (sum(widths) + widths[0]) >= 0.75
    assert ws.print_title_cols == "$A:$A"
    assert setup.pageOrder == "overThenDown"


# -- row heights ------------------------------------------------------------------------------

NOTES = SheetColumn("Notes", width=30)


def write_notes(path, notes: list[str]):
    with ExcelBook(path, "Notes", author="Aigerim") as book:
        book.write_table("Notes", "Notes", "", [SheetColumn("Name"), NOTES], notes)
    return path


def test_a_wrapped_cell_of_four_lines_gets_the_height_of_four_lines(tmp_path):
    four = (
        "The sides reviewed the results of cooperation over the past year and agreed "
        "on a roadmap of joint projects."
    )
    assert wrapped_lines(four, 30.7 - workbook.LINE_ROOM) == 4
    path = write_notes(tmp_path / "notes.xlsx", [("ISTC", four), ("CSIC", "Short."), ("NU", "")])
    ws = open_book(path)["Notes"]
    lines = ws.row_dimensions[HEADER_ROW + 1].height
    assert lines == pytest.approx(4 * workbook.LINE_POINTS + workbook.ROW_MARGIN)
    assert ws.cell(HEADER_ROW + 1, 2).alignment.wrap_text
    # A row of one line keeps the sheet's height: no empty line under it.
    assert ws.row_dimensions[HEADER_ROW + 2].height is None
    assert ws.row_dimensions[HEADER_ROW + 3].height is None
    # The height is not marked as set by hand, so Excel fits the row to its own lines.
    tags = row_tags(path)
    assert 'ht="46.26"' in tags[HEADER_ROW + 1] and "customHeight" not in tags[HEADER_ROW + 1]


def test_lines_broken_by_hand_count_as_lines(tmp_path):
    path = write_notes(tmp_path / "notes.xlsx", [("ISTC", "Astana\nAlmaty\nShymkent\nMadrid")])
    ws = open_book(path)["Notes"]
    assert ws.row_dimensions[HEADER_ROW + 1].height == pytest.approx(
        4 * workbook.LINE_POINTS + workbook.ROW_MARGIN
    )


def test_a_header_that_wraps_gets_the_height_of_its_lines(tmp_path):
    columns = [SheetColumn("Name"), SheetColumn("Parties and signatories", width=12)]
    path = tmp_path / "h.xlsx"
    with ExcelBook(path, "Agreements") as book:
        book.write_table("Agreements", "Agreements", "", columns, [("MoU", "ISTC")])
    ws = open_book(path)["Agreements"]
    assert ws.row_dimensions[HEADER_ROW].height >= 2 * workbook.LINE_POINTS


# -- numbers ----------------------------------------------------------------------------------


def test_the_not_imported_report_gives_row_numbers_as_numbers(tmp_path, database):
    rows = [["Name", "Country"], ["Good University", "KZ"], ["Atlantis Institute", "Atlantis"]]
    rows += [[f"Institute {n}", "Narnia"] for n in range(1, 1200)]
    preview = preview_import(read_workbook(xlsx(tmp_path / "in.xlsx", rows)), "organization")
    report = write_import_report(preview, apply_import(preview), tmp_path / "not imported.xlsx")
    ws = open_book(report).active
    numbers = [ws.cell(row, 1) for row in range(HEADER_ROW + 1, ws.max_row + 1)]
    assert [cell.value for cell in numbers[:2]] == [3, 4]
    assert all(cell.data_type == "n" for cell in numbers)
    # a row number reads as the spreadsheet's own: 1202, not 1,202
    assert numbers[-1].value == 1202 and numbers[-1].number_format == workbook.ORDINAL_FORMAT


def test_a_figure_is_one_number_in_one_format_on_every_sheet(tmp_path, records):
    path = tmp_path / "figures.xlsx"
    export_list(FIGURE_LIST, ListRequest(sort="measure"), ["measure", "value"], path)
    brief(tmp_path / "brief.xlsx", organization_id=records["istc"])
    programs(tmp_path / "programs.xlsx")
    found = []
    for name, sheet in (
        ("figures.xlsx", None),
        ("brief.xlsx", "Key figures"),
        ("programs.xlsx", "Key figures"),
    ):
        book = open_book(tmp_path / name)
        ws = book[sheet] if sheet else book.worksheets[0]
        what = "What is measured"
        row = next(
            i
            for i, cell in enumerate(ws.iter_rows(min_row=HEADER_ROW + 1, max_col=1))
            if cell[0].value == "scientists involved in ISTC projects"
        )
        assert cell_of(ws, what, row).value == "scientists involved in ISTC projects"
        found.append(cell_of(ws, "Value", row))
    assert [cell.value for cell in found] == [1500, 1500, 1500]
    assert all(cell.data_type == "n" for cell in found)
    assert {cell.number_format for cell in found} == {workbook.INTEGER_FORMAT}
    # The same figure in a sentence is written as that format shows it: "1,500".
    sentence = cell_of(open_book(tmp_path / "programs.xlsx")["Programs"], "Key figures", 2).value
    assert "more than 1,500 scientists" in sentence


# -- charts -----------------------------------------------------------------------------------


def test_a_chart_that_would_cross_the_end_of_a_page_starts_on_the_next(tmp_path, database):
    for currency in ("EUR", "KZT", "USD"):
        for number in range(1, 13):
            PROGRAMS.save(
                {
                    "name": f"{currency} program {number}",
                    "budget": number * 1000,
                    "currency": currency,
                }
            )
    programs(tmp_path / "programs.xlsx")
    ws = open_book(tmp_path / "programs.xlsx")["Budgets"]
    breaks = [b.id for b in ws.row_breaks.brk]
    assert breaks, "the charts of three currencies do not fit on one page"
    with zipfile.ZipFile(tmp_path / "programs.xlsx") as archive:
        drawing = next(n for n in archive.namelist() if n.startswith("xl/drawings/drawing"))
        xml = archive.read(drawing).decode()
    starts = [
        int(row)
        for row in re.findall(r"<from><col>\d+</col><colOff>\d+</colOff><row>(\d+)</row>", xml)
    ]
    assert len(starts) == 3  # one chart per currency, each at its top row (counted from 0)
    # no chart over the header row, which prints again on every page
    assert min(starts) >= HEADER_ROW
    # a page starts (a break's row, counted from 0) a row above a chart, which prints whole
    assert all(brk + 1 in starts for brk in breaks)
