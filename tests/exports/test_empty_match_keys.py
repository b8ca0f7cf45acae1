"""A cell of dashes or symbols ("-", "—", "***", a website "-.--") says nothing about which
record a row is, so it matches nothing: the row is neither skipped as "already recorded" nor
merged into an unrelated partner, and a name that is nothing but symbols is refused with the
reason instead of linking a person to whichever organization comes first."""

from __future__ import annotations

import datetime as dt

import openpyxl

from exports.importer import apply_import, preview_import
from exports.spreadsheet_reader import read_workbook
from models.kinds.agreements import AGREEMENTS
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.kinds.programs import PROGRAMS
from models.store.records import Agreement, Organization, Person, Program

from .import_files import xlsx


def imported(tmp_path, kind, rows):
    preview = preview_import(read_workbook(xlsx(tmp_path / "sheet.xlsx", rows)), kind)
    return preview, apply_import(preview)


def test_an_acronym_of_dashes_is_no_twin_of_a_partner_without_one(database, tmp_path):
    ORGANIZATIONS.save({"name": "Ministry of Science and Higher Education", "country": "KZ"})
    preview, result = imported(
        tmp_path,
        "organization",
        [
            ["Name", "Short name", "Website"],
            ["Coursera Inc", "-", None],
            ["Huawei Kazakhstan", "—", None],
            ["Something Else", "–", None],
        ],
    )
    assert [row.twin_id for row in preview.rows] == [None, None, None]
    assert [row.repeats for row in preview.rows] == [None, None, None]
    assert (result.imported, result.duplicates, result.rejected) == (3, 0, [])
    assert Organization.get(Organization.name == "Huawei Kazakhstan").short_name == "—"


def test_a_website_of_punctuation_is_no_twin(database, tmp_path):
    alpha = ORGANIZATIONS.save({"name": "Alpha Institute", "website": "http://-.--"})
    assert ORGANIZATIONS.problems({"name": "Beta Institute", "website": "-.--"}) == []
    preview, result = imported(
        tmp_path,
        "organization",
        [["Name", "Website"], ["Beta Institute", "-.--"], ["Gamma Institute", "http://-.--/"]],
    )
    assert [row.twin_id for row in preview.rows] == [None, None]
    assert result.imported == 2
    assert Organization.get_by_id(alpha.id).name == "Alpha Institute"


def test_people_named_only_with_symbols_are_not_twins_of_each_other(database, tmp_path):
    PEOPLE.save({"full_name": "***"})
    preview, result = imported(
        tmp_path, "person", [["Full name", "Position"], ["***", "Guest"], ["* * *", "Guest"]]
    )
    assert [(row.twin_id, row.repeats) for row in preview.rows] == [(None, None), (None, None)]
    assert (result.imported, result.duplicates) == (2, 0)
    assert Person.select().count() == 3


def test_an_organization_of_dashes_links_a_person_to_nothing(database, tmp_path):
    ministry = ORGANIZATIONS.save({"name": "Ministry of Science and Higher Education"})
    preview, result = imported(
        tmp_path,
        "person",
        [["Full name", "Organization"], ["Sayasat Nurbek", "—"], ["Aida Bekova", ministry.name]],
    )
    assert result.imported == 1
    [(row, reason)] = result.rejected
    assert row.number == 2
    assert "“—” is not the name of an organization: it has no letters or digits." in reason
    assert Person.get(Person.full_name == "Aida Bekova").organization_id == ministry.id
    assert not Person.select().where(Person.full_name == "Sayasat Nurbek").exists()


def test_programs_and_agreements_with_dashes_for_acronym_or_number(database, tmp_path):
    PROGRAMS.save({"name": "AI-Sana", "short_name": "-"})
    AGREEMENTS.save({"title": "Memorandum with ISTC", "reference_number": "—"})
    preview, result = imported(
        tmp_path, "program", [["Name", "Short name"], ["Horizon Europe", "-"]]
    )
    assert preview.rows[0].twin_id is None and result.imported == 1
    preview, result = imported(
        tmp_path,
        "agreement",
        [
            ["Title", "Reference number", "Signed"],
            ["Agreement with CSIC", "—", dt.date(2025, 3, 5)],
        ],
    )
    assert preview.rows[0].twin_id is None and result.imported == 1
    assert Program.select().count() == 2 and Agreement.select().count() == 2


def test_participants_of_an_event_of_dashes_join_no_event(database, tmp_path):
    PEOPLE.save({"full_name": "Karina Angelieva"})
    path = tmp_path / "events.xlsx"
    book = openpyxl.Workbook()
    events = book.active
    events.title = "Events"
    for row in (
        ["Title", "Start date"],
        ["—", dt.date(2025, 3, 5)],
        ["Forum", dt.date(2025, 3, 6)],
    ):
        events.append(row)
    participants = book.create_sheet("Participants")
    for row in (["Event", "Participant", "Role"], ["-", "Karina Angelieva", "speaker"]):
        participants.append(row)
    book.save(path)
    preview = preview_import(read_workbook(path), "event")
    lost = [
        row for row in preview.rows if row.problems and "no event called" in row.problems[0].message
    ]
    assert len(lost) == 1
    assert all(not row.values.get("participants") for row in preview.rows if row.values)
