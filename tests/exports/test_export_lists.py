"""Any list exported exactly as shown: search, filters, sort and the visible columns in their
order; every kind of list; streamed a page at a time, with progress that can cancel."""

from __future__ import annotations

import datetime as dt

import pytest

from exports.lists import export_list
from exports.workbook import ExportCancelled
from models.kinds.all_kinds import LISTS_BY_KIND
from models.kinds.organizations import ORGANIZATION_LIST
from models.listing import ListRequest

from .export_records import (
    CSIC_ES,
    HEADER_ROW,
    INJECTION,
    ISTC_KK,
    NU_KK,
    cell_of,
    column,
    day,
    header,
    open_book,
    seed,
    table,
)


@pytest.fixture
def records(database):
    return seed()


def shown_keys(record_list):
    return [c.key for c in record_list.columns if c.shown]


def export(tmp_path, kind, request=None, keys=None, **kwargs):
    record_list = LISTS_BY_KIND[kind]
    path = tmp_path / f"{kind}.xlsx"
    written = export_list(
        record_list, request or ListRequest(), keys or shown_keys(record_list), path, **kwargs
    )
    assert written.path == path
    book = open_book(path)
    assert len(book.sheetnames) == 1
    return book.worksheets[0], written


def test_search_filter_sort_and_columns_are_those_shown(tmp_path, records):
    request = ListRequest(
        search="university", filters={"country": "KZ"}, sort="name", descending=True
    )
    ws, written = export(tmp_path, "organization", request, ["name_kk", "name", "country"])
    assert header(ws) == ["Name in Kazakh", "Name", "Country"]
    assert table(ws) == [(NU_KK, "Nazarbayev University", "Kazakhstan")]
    assert written.rows == 1
    assert "Search “university”; country: Kazakhstan." in ws["A2"].value
    assert "Sorted by name, descending. 1 organization." in ws["A2"].value


def test_the_order_asked_is_kept_across_pages(tmp_path, records):
    request = ListRequest(sort="name", descending=False)
    ws, _ = export(tmp_path, "organization", request, ["name", "city"], page_size=2)
    expected = [row[1] for row in ORGANIZATION_LIST.rows(request, 0, 100)]
    assert column(ws, "Name") == expected
    assert len(expected) == 6


def test_headers_are_those_the_window_shows(tmp_path, records):
    ws, _ = export(
        tmp_path, "organization", keys=["name", "kind"], headers=["Атауы", "Түрі"], title="Ұйымдар"
    )
    assert header(ws) == ["Атауы", "Түрі"]
    assert ws["A1"].value == "Ұйымдар"
    assert ws.title == "Ұйымдар"


def test_kazakh_russian_and_spanish_names_arrive_intact(tmp_path, records):
    keys = ["name", "name_kk", "name_ru", "name_original"]
    ws, _ = export(tmp_path, "organization", ListRequest(search="istc"), keys)
    names = {cell for row in table(ws) for cell in row}
    assert ISTC_KK in names
    assert "Международный научно-технический центр" in names
    ws, _ = export(tmp_path, "organization", ListRequest(search="csic"), keys)
    assert table(ws)[0][3] == CSIC_ES


def test_a_name_that_looks_like_a_formula_is_exported_as_text(tmp_path, records):
    ws, _ = export(tmp_path, "organization", keys=["name", "short_name", "city"])
    injected = [row for row in ws.iter_rows(min_row=HEADER_ROW + 1) if row[0].value == INJECTION]
    assert len(injected) == 1
    for cell in injected[0]:
        assert cell.data_type == "s"
    assert [cell.value for cell in injected[0]] == [INJECTION, "+SUM(1)", "@cmd"]


def test_choices_are_shown_by_their_labels(tmp_path, records):
    ws, _ = export(tmp_path, "organization", ListRequest(search="csic"), ["name", "kind", "status"])
    assert table(ws) == [("Spanish National Research Council", "Research organization", "Active")]


def test_every_list_can_be_exported(tmp_path, records):
    expected = {
        "organization": ("Name", "Nazarbayev University"),
        "person": ("Full name", "Karina Angelieva"),
        "event": ("Title", "Kazakhstan–Spain science event"),
        "delegation": ("Title", "Visit to the CSIC"),
        "program": ("Name", "AI-Sana"),
        "agreement": ("Title", "Memorandum with the ISTC"),
        "figure": ("What is measured", "joint Kazakhstan–Spain publications"),
        "source": ("Title", None),
    }
    for kind, (label, value) in expected.items():
        ws, _ = export(tmp_path, kind)
        assert ws.freeze_panes == f"A{HEADER_ROW + 1}", kind
        assert ws.auto_filter.ref.startswith(f"A{HEADER_ROW}:"), kind
        if value is not None:
            assert value in column(ws, label), kind
        else:
            assert ws.cell(HEADER_ROW + 1, 1).value == "No records match the search and filters."


def test_dates_and_numbers_of_lists_are_real_dates_and_numbers(tmp_path, records):
    ws, _ = export(tmp_path, "event", ListRequest(sort="starts_on", descending=False))
    assert "Sorted by starts, ascending." in ws["A2"].value
    first = cell_of(ws, "Starts", 0)
    assert first.value == day(dt.date(2025, 3, 5))
    assert first.number_format == "dd.mm.yyyy"

    ws, _ = export(tmp_path, "program", ListRequest(search="istc"))
    budget = cell_of(ws, "Budget", 0)
    assert budget.data_type == "n" and budget.value == 2500000.5
    assert budget.number_format == "#,##0.00_)"

    ws, _ = export(tmp_path, "figure", ListRequest(sort="value"))
    assert column(ws, "Value") == [12.5, 1130, 1500]
    assert cell_of(ws, "Value", 1).number_format == "#,##0_)"

    ws, _ = export(tmp_path, "organization", keys=["name", "updated_at"])
    changed = cell_of(ws, "Changed", 0)
    assert isinstance(changed.value, dt.datetime)
    assert changed.number_format == "dd.mm.yyyy hh:mm"


def test_agreements_are_exported_with_the_status_their_dates_give(tmp_path, records):
    request = ListRequest(filters={"status": "expired"}, sort="title")
    ws, _ = export(tmp_path, "agreement", request, ["title", "status", "expires_on"])
    rows = table(ws)
    assert ("Letter of intent of 2018", "Expired", day(dt.date(2020, 1, 1))) in rows
    assert ("Cooperation agreement with the CSIC", "Expired", day(dt.date(2025, 1, 31))) in rows
    assert {row[1] for row in rows} == {"Expired"}
    assert [row[0] for row in rows] == sorted(row[0] for row in rows)


def test_progress_is_told_page_by_page(tmp_path, records):
    told = []
    export(tmp_path, "organization", page_size=4, progress=lambda d, t: told.append((d, t)))
    assert told == [(0, 6), (4, 6), (6, 6)]


def test_cancelling_leaves_no_file(tmp_path, records):
    path = tmp_path / "organizations.xlsx"
    with pytest.raises(ExportCancelled):
        export_list(
            ORGANIZATION_LIST,
            ListRequest(),
            ["name"],
            path,
            progress=lambda done, _total: done < 2,
            page_size=2,
        )
    assert list(tmp_path.iterdir()) == [tmp_path / "records.db"] or not path.exists()
    assert not path.exists()
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_cancelling_keeps_a_file_that_was_there(tmp_path, records):
    path = tmp_path / "organizations.xlsx"
    export_list(ORGANIZATION_LIST, ListRequest(), ["name"], path)
    before = path.read_bytes()
    with pytest.raises(ExportCancelled):
        export_list(ORGANIZATION_LIST, ListRequest(), ["city"], path, progress=lambda *_: False)
    assert path.read_bytes() == before


def test_unknown_columns_are_refused(tmp_path, records):
    with pytest.raises(ValueError):
        export_list(ORGANIZATION_LIST, ListRequest(), ["nonsense"], tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
