"""What the check of a sheet's reach lets through: the files spreadsheet programs write,
with their formatted empty cells and the empty rows LibreOffice repeats to the sheet's end,
are read; only cells that hold something count."""

from __future__ import annotations

import pytest

from exports.reader_process import read_sheets
from exports.sheets import UnreadableFile
from exports.spreadsheet_reader import read_workbook

from .hostile_files import ods_cell, raw_ods, raw_xlsx, text_cell


def test_formatted_empty_cells_to_the_last_column_do_not_count(tmp_path):
    # A header row formatted across the whole sheet, as a user who selects the row does.
    styled = "".join(f'<c r="{c}1" s="1"/>' for c in ("Z", "AZ", "XFD"))
    rows = (
        f'<row r="1">{text_cell("A1", "Name")}{styled}</row>'
        f'<row r="2">{text_cell("A2", "CSIC")}</row>'
        '<row r="1048576"><c r="A1048576" s="1"/></row>'
    )
    book = read_workbook(raw_xlsx(tmp_path / "formatted.xlsx", rows, dimension="A1:XFD1048576"))
    assert book.sheets[0].rows == [["Name"], ["CSIC"]]


def test_cells_placed_by_order_are_read_where_a_reader_places_them(tmp_path):
    rows = (
        '<row><c t="inlineStr"><is><t>Name</t></is></c><c t="inlineStr"><is><t>City</t></is></c>'
        "</row>"
        '<row><c t="inlineStr"><is><t>CSIC</t></is></c><c/><c t="inlineStr"><is><t>x</t></is>'
        "</c></row>"
    )
    book = read_workbook(raw_xlsx(tmp_path / "ordered.xlsx", rows))
    assert book.sheets[0].rows == [["Name", "City"], ["CSIC", None, "x"]]


def test_libreoffice_empty_rows_and_columns_to_the_end_of_the_sheet_do_not_count(tmp_path):
    rows = (
        f"<table:table-row>{ods_cell('Name')}{ods_cell('Country')}"
        '<table:table-cell table:number-columns-repeated="1022"/></table:table-row>'
        f"<table:table-row>{ods_cell('CSIC')}{ods_cell('Spain')}"
        '<table:table-cell table:number-columns-repeated="1022"/></table:table-row>'
        '<table:table-row table:number-rows-repeated="1048574">'
        '<table:table-cell table:style-name="ce1" table:number-columns-repeated="1024"/>'
        "</table:table-row>"
    )
    book = read_workbook(raw_ods(tmp_path / "saved-by-libreoffice.ods", rows))
    assert book.sheets[0].rows == [["Name", "Country"], ["CSIC", "Spain"]]


def test_a_cell_repeated_past_the_column_limit_is_refused(tmp_path):
    rows = f"<table:table-row>{ods_cell('Name')}{ods_cell('x', 2_000)}</table:table-row>"
    with pytest.raises(UnreadableFile, match="has more cells than Seriktes imports"):
        read_workbook(raw_ods(tmp_path / "wide.ods", rows))


def test_a_workbook_gone_before_its_reader_opens_it_is_refused_plainly(tmp_path):
    # The window checked the file; the reading process opens it again, and it is gone.
    for name in ("gone.xlsx", "gone.xls", "gone.ods"):
        with pytest.raises(UnreadableFile, match=f"{name} cannot be read|{name} is damaged"):
            read_sheets(tmp_path / name, name)
