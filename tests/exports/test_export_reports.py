"""The meeting reports as workbooks: one sheet per part, and the cells a person preparing a
meeting reads first."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest

from exports import reports
from exports.workbook import ExportCancelled
from models.listing import ListRequest
from models.reports import ReportRefused, find_organization

from .export_records import (
    CSIC_ES,
    HEADER_ROW,
    ISTC_KK,
    TODAY,
    cell_of,
    column,
    day,
    header,
    open_book,
    seed,
    table,
)

BRIEF_SHEETS = [
    "Overview",
    "Partners",
    "People",
    "Agreements",
    "Events",
    "Delegations",
    "Follow-ups",
    "Programs",
    "Key figures",
]


@pytest.fixture
def records(database):
    return seed()


def overview(ws) -> dict:
    return dict(table(ws))


def check_layout(book):
    """What every sheet of every report has: title, selection line, frozen header with its
    autofilter, and a page setup that prints."""
    for ws in book.worksheets:
        assert ws["A1"].value and ws["A1"].font.b, ws.title
        assert "Made " in ws["A2"].value, ws.title
        assert ws.freeze_panes == f"A{HEADER_ROW + 1}", ws.title
        assert ws.auto_filter.ref.startswith(f"A{HEADER_ROW}:"), ws.title
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}", ws.title
        assert len(ws.title) <= 31


def test_an_organization_brief_holds_everything_about_it(tmp_path, records):
    path = tmp_path / "brief.xlsx"
    reports.brief(path, organization_id=records["istc"], today=TODAY)
    book = open_book(path)
    assert book.sheetnames == BRIEF_SHEETS
    check_layout(book)
    assert book.properties.title == "Brief: International Science and Technology Center (ISTC)"

    facts = overview(book["Overview"])
    assert facts["Name in Kazakh"] == ISTC_KK
    assert facts["Agreements in force"] == 1
    assert facts["Agreements expiring within 90 days"] == 1
    assert facts["Follow-up actions overdue"] == 1
    assert book["Overview"]["A2"].value.startswith(
        "Organization: International Science and Technology Center (ISTC), with its branch."
    )

    assert column(book["Partners"], "Name") == [
        "International Science and Technology Center",
        "ISTC office in Almaty",
    ]
    assert column(book["People"], "Full name") == ["Karina Angelieva"]

    agreements = book["Agreements"]
    assert column(agreements, "Title") == ["Memorandum with the ISTC", "Letter of intent of 2018"]
    assert column(agreements, "Status") == ["In force", "Expired"]
    expires = cell_of(agreements, "Expires", 0)
    assert expires.value == day(dt.date(2025, 8, 1)) and expires.number_format == "dd.mm.yyyy"
    assert cell_of(agreements, "Days left", 0).value == 47
    assert "signed by Karina Angelieva" in cell_of(agreements, "Parties and signatories", 0).value

    assert column(book["Events"], "Title") == ["Meeting with the ISTC delegation"]
    assert column(book["Delegations"], "Title") == ["ISTC delegation to Astana"]
    assert column(book["Follow-ups"], "State") == ["Overdue", "Done"]
    assert column(book["Programs"], "Name") == ["ISTC projects in Kazakhstan"]
    budget = cell_of(book["Programs"], "Budget", 0)
    assert budget.data_type == "n" and budget.value == 2500000.5
    assert column(book["Key figures"], "Value") == [1500]


def test_a_country_brief_gathers_its_partners_and_what_happened_there(tmp_path, records):
    path = tmp_path / "spain.xlsx"
    reports.brief(path, country="ES", today=TODAY)
    book = open_book(path)
    assert book.sheetnames == BRIEF_SHEETS
    check_layout(book)
    facts = overview(book["Overview"])
    assert facts["Country"] == "Spain"
    assert facts["In Russian"] == "Испания"
    assert column(book["Partners"], "Name") == [
        "Embassy of Spain in Kazakhstan",
        "Spanish National Research Council",
    ]
    assert column(book["People"], "Full name") == ["Luis Francisco Martínez Montes"]
    assert column(book["Events"], "Title") == [
        "Jornada de cooperación científica España–Kazajistán",
        "Kazakhstan–Spain science event",
    ]
    assert "Luis Francisco Martínez Montes (Speaker, attended)" in (
        cell_of(book["Events"], "Participants", 1).value
    )
    agreements = book["Agreements"]
    assert column(agreements, "Status") == ["In force", "In force", "Expired"]
    assert "open-ended" in column(agreements, "Expires")
    assert column(book["Delegations"], "Direction") == ["Outgoing"]
    assert "joint Kazakhstan–Spain publications" in column(book["Key figures"], "What is measured")


def test_a_brief_is_refused_for_an_organization_or_country_that_is_not_there(tmp_path, records):
    with pytest.raises(ReportRefused):
        reports.brief(tmp_path / "b.xlsx", organization_id=9999)
    with pytest.raises(ReportRefused):
        reports.brief(tmp_path / "b.xlsx", country="XX")
    assert not (tmp_path / "b.xlsx").exists()


def test_an_organization_is_found_by_its_acronym_name_or_number(records):
    assert find_organization("istc").id == records["istc"]
    assert find_organization("CSIC").id == records["csic"]
    assert find_organization(CSIC_ES).id == records["csic"]
    assert find_organization(str(records["nu"])).id == records["nu"]
    with pytest.raises(ReportRefused, match="No organization"):
        find_organization("Sorbonne")


def test_the_activity_report_says_what_happened_in_the_period(tmp_path, records):
    path = tmp_path / "activity.xlsx"
    reports.activity(path, dt.date(2025, 3, 1), dt.date(2025, 5, 31), today=TODAY)
    book = open_book(path)
    assert book.sheetnames == [
        "Summary",
        "Events",
        "Delegations in",
        "Delegations out",
        "Agreements signed",
        "Follow-ups",
    ]
    check_layout(book)
    assert book["Summary"]["A2"].value.startswith("Period: 01.03.2025 to 31.05.2025.")
    assert overview(book["Summary"])["Events"] == 3
    events = book["Events"]
    assert column(events, "Title") == [  # in the order they took place
        "Meeting with the ISTC delegation",
        "Kazakhstan–Spain science event",
        "Jornada de cooperación científica España–Kazajistán",
    ]
    assert cell_of(events, "Starts", 0).value == day(dt.date(2025, 3, 5))
    assert "Agreed to prepare a joint call" in cell_of(events, "Outcomes", 1).value
    assert column(book["Delegations in"], "Title") == ["ISTC delegation to Astana"]
    assert column(book["Delegations in"], "Counterparts met") == ["Sayasat Nurbek, Minister"]
    assert column(book["Delegations out"], "Title") == ["Visit to the CSIC"]
    assert column(book["Agreements signed"], "Title") == ["Strategic partnership with the CSIC"]
    assert table(book["Follow-ups"])[1][1] == "Send the list of joint projects"
    assert column(book["Follow-ups"], "Done on")[1] == day(dt.date(2025, 3, 20))


def test_an_empty_period_says_so_on_every_sheet(tmp_path, records):
    path = tmp_path / "quiet.xlsx"
    reports.activity(path, dt.date(2010, 1, 1), dt.date(2010, 12, 31), today=TODAY)
    book = open_book(path)
    for name in ("Events", "Delegations in", "Agreements signed", "Follow-ups"):
        assert book[name].cell(HEADER_ROW + 1, 1).value == "None recorded."


def test_a_period_that_ends_before_it_starts_is_refused(tmp_path, records):
    with pytest.raises(ReportRefused, match="ends"):
        reports.activity(tmp_path / "a.xlsx", dt.date(2025, 5, 1), dt.date(2025, 4, 1))


def test_agreements_due_lists_expiring_expired_and_in_force_by_country(tmp_path, records):
    path = tmp_path / "due.xlsx"
    reports.agreements_due(path, 90, today=TODAY)
    book = open_book(path)
    assert book.sheetnames == ["By country", "Expiring", "Expired last year", "In force by country"]
    check_layout(book)
    assert table(book["By country"]) == [("Spain", 2, 0, 1), ("Kazakhstan", 1, 1, 1)]
    assert column(book["Expiring"], "Title") == ["Memorandum with the ISTC"]
    assert cell_of(book["Expiring"], "Days left", 0).value == 47
    assert column(book["Expired last year"], "Title") == ["Cooperation agreement with the CSIC"]
    by_country = book["In force by country"]
    assert header(by_country)[0] == "Country"
    assert [(row[0], row[1]) for row in table(by_country)] == [
        ("Kazakhstan", "Memorandum with the ISTC"),
        ("Spain", "Agreement with the Embassy of Spain"),
        ("Spain", "Strategic partnership with the CSIC"),
    ]


def test_a_shorter_horizon_finds_nothing_expiring(tmp_path, records):
    path = tmp_path / "due.xlsx"
    reports.agreements_due(path, 30, today=TODAY)
    assert open_book(path)["Expiring"].cell(HEADER_ROW + 1, 1).value == "None recorded."


def test_the_programs_report_has_partners_figures_and_a_budget_chart(tmp_path, records):
    path = tmp_path / "programs.xlsx"
    reports.programs(path)
    book = open_book(path)
    assert book.sheetnames == ["Programs", "Partners", "Key figures", "Budgets"]
    check_layout(book)
    programs = book["Programs"]
    assert column(programs, "Name") == [
        "AI-Sana",
        "Horizon Europe",
        "ISTC projects in Kazakhstan",
        "Water Research Center",
    ]
    assert cell_of(programs, "Budget", 0).value == 1_500_000_000
    assert "12.5% share of graduates" in cell_of(programs, "Key figures", 0).value
    assert (
        "Spanish National Research Council (CSIC) (Funder)"
        in cell_of(programs, "Partners", 2).value
    )
    assert table(book["Partners"])[1][:3] == (
        "ISTC projects in Kazakhstan",
        "Spanish National Research Council (CSIC)",
        "Funder",
    )
    budgets = book["Budgets"]
    assert table(budgets) == [
        ("AI-Sana", 1_500_000_000, "KZT"),
        ("Water Research Center", 300_000_000, "KZT"),
        ("ISTC projects in Kazakhstan", 2500000.5, "USD"),
    ]
    # openpyxl keeps no charts on reading; the drawing parts show they are there.
    with zipfile.ZipFile(path) as archive:
        charts = [name for name in archive.namelist() if name.startswith("xl/charts/chart")]
        xml = "".join(archive.read(name).decode() for name in charts)
    assert len(charts) == 2  # one per currency
    assert "Budget by program (KZT)" in xml and "Budget by program (USD)" in xml
    assert "'Budgets'!$B$4:$B$5" in xml and "'Budgets'!$B$6<" in xml


def test_the_programs_report_can_follow_the_list_filters(tmp_path, records):
    path = tmp_path / "programs.xlsx"
    reports.programs(path, ListRequest(filters={"kind": "international"}))
    book = open_book(path)
    assert column(book["Programs"], "Name") == ["Horizon Europe", "ISTC projects in Kazakhstan"]
    assert book["Programs"]["A2"].value.startswith("Programs with kind: International program.")


def test_cancelling_a_report_leaves_no_file(tmp_path, records):
    path = tmp_path / "brief.xlsx"
    with pytest.raises(ExportCancelled):
        reports.brief(path, country="KZ", progress=lambda done, _total: done < 3)
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".xlsx", ".tmp")) == []
