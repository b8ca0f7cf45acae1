"""Importing spreadsheets: columns matched in three languages, values read the way people
write them, twins found, and every accepted row written in one transaction or none."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from exports.import_fields import match_headers, remembered_mapping
from exports.import_report import write_import_report
from exports.importer import FILL, apply_import, dry_run, preview_import
from exports.spreadsheet_reader import read_workbook
from models.errors import SeriktesError
from models.kinds.all_kinds import EDITORS_BY_KIND
from models.kinds.events import EVENTS
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.store.records import Agreement, Event, EventParticipant, Organization, Person

from .import_files import csv_file, xlsx

RUSSIAN_HEADERS = ["Наименование", "Аббревиатура", "Страна", "Тип", "Сайт", "Город"]


def organizations(tmp_path, rows, headers=RUSSIAN_HEADERS):
    return preview_import(
        read_workbook(xlsx(tmp_path / "partners.xlsx", [headers, *rows])), "organization"
    )


def test_headers_are_matched_in_english_russian_and_kazakh():
    for headers in (
        ["Name", "Country", "Kind"],
        ["Наименование", "Страна", "Тип"],
        ["Атауы", "Ел", "Түрі"],
    ):
        assert match_headers("organization", headers) == {0: "name", 1: "country", 2: "kind"}
    assert match_headers("person", ["ФИО", "Должность", "Организация", "Эл. почта"]) == {
        0: "full_name",
        1: "position",
        2: "organization",
        3: "email",
    }


def test_values_are_read_the_way_people_write_them(database, tmp_path):
    preview = organizations(
        tmp_path,
        [
            ["  Nazarbayev   University ", "NU", "Казахстан", "Университет", "nu.edu.kz", "Astana"],
            [None, None, None, None, None, None],
            [
                "Spanish National Research Council",
                "CSIC",
                "Испания",
                "Research organization",
                "https://www.csic.es",
                "Madrid",
            ],
            ["Universidad de Alcalá", None, "ES", "университет", None, "Alcalá de Henares"],
        ],
    )
    assert [row.number for row in preview.rows] == [2, 4, 5]  # the empty row is ignored
    result = apply_import(preview)
    assert result.imported == 3 and not result.rejected
    nu = Organization.get(Organization.short_name == "NU")
    assert (nu.name, nu.country_id, nu.kind, nu.website) == (
        "Nazarbayev University",
        "KZ",
        "university",
        "https://nu.edu.kz",
    )
    alcala = Organization.get(Organization.country == "ES", Organization.kind == "university")
    assert alcala.city == "Alcalá de Henares"


def test_dates_in_every_usual_form(database, tmp_path):
    rows = [
        ["Forum A", "05.03.2025"],
        ["Forum B", "2025-03-05"],
        ["Forum C", "5 March 2025"],
        ["Forum D", dt.date(2025, 3, 5)],
        ["Forum E", "5 марта 2025"],
        ["Forum F", "31.02.2025"],
    ]
    path = xlsx(tmp_path / "events.xlsx", [["Название", "Дата"], *rows])
    preview = preview_import(read_workbook(path), "event")
    result = apply_import(preview)
    assert result.imported == 5
    assert {event.starts_on for event in Event.select()} == {dt.date(2025, 3, 5)}
    [(row, why)] = result.rejected
    assert row.number == 7 and "“31.02.2025” is not a date" in why


def test_every_cell_that_cannot_be_taken_is_marked_with_the_reason(database, tmp_path):
    preview = organizations(
        tmp_path,
        [
            ["Atlantis Institute", None, "Atlantis", "spaceship", "not a site", None],
            ["Good University", None, "KZ", "University", None, None],
        ],
    )
    bad = preview.rows[0]
    by_column = {problem.column: problem.message for problem in bad.problems}
    assert "“Atlantis” is not a country" in by_column[2]
    assert "Kind: “spaceship” is not one Seriktes knows" in by_column[3]
    assert preview.rows[1].problems == []
    assert Organization.select().count() == 0  # a preview writes nothing


def test_twins_are_found_by_name_acronym_or_website(database, tmp_path):
    csic = ORGANIZATIONS.save(
        {
            "name": "Spanish National Research Council",
            "short_name": "CSIC",
            "website": "www.csic.es",
            "country": "ES",
        }
    )
    preview = organizations(
        tmp_path,
        [
            ["spanish national research council.", None, "ES", None, None, None],
            ["C.S.I.C.", None, None, None, None, None],
            ["Consejo Superior", None, None, None, "http://csic.es/en", None],
            ["Nazarbayev University", "NU", "KZ", None, None, None],
            ["NU", None, None, None, None, None],
        ],
    )
    assert [row.twin_id for row in preview.rows[:3]] == [csic.id] * 3
    assert preview.rows[3].twin_id is None
    assert preview.rows[4].repeats == 5  # the fourth row, on line 5 of the sheet
    result = apply_import(preview)
    assert (result.imported, result.duplicates, len(result.rejected)) == (1, 4, 4)
    assert Organization.select().count() == 2


def test_a_partner_recorded_with_no_country_is_the_twin_of_a_row_in_any_country(database, tmp_path):
    academy = ORGANIZATIONS.save({"name": "Academy of Sciences"})
    library = ORGANIZATIONS.save({"name": "National Library", "country": "ES"})
    preview = organizations(
        tmp_path,
        [
            ["Academy of Sciences", None, "Казахстан", None, None, None],
            ["National library", None, None, None, None, None],
        ],
    )
    assert [(row.twin_id, row.twin_title) for row in preview.rows] == [
        (academy.id, "Academy of Sciences"),
        (library.id, "National Library"),
    ]
    result = apply_import(preview)
    assert (result.imported, result.duplicates) == (0, 2)
    assert Organization.select().count() == 2


def test_fill_completes_the_recorded_twin_and_keeps_what_it_had(database, tmp_path):
    csic = ORGANIZATIONS.save(
        {"name": "Spanish National Research Council", "short_name": "CSIC", "city": "Madrid"}
    )
    preview = organizations(
        tmp_path, [["CSIC", None, "Испания", "Научная организация", "www.csic.es", "Barcelona"]]
    )
    preview.decide_twins(FILL)
    result = apply_import(preview)
    assert (result.imported, result.filled) == (0, 1)
    csic = Organization.get_by_id(csic.id)
    assert (csic.country_id, csic.kind, csic.website, csic.city) == (
        "ES",
        "research",
        "https://www.csic.es",
        "Madrid",
    )


def test_an_import_is_all_or_nothing(database, tmp_path, monkeypatch):
    rows = [[f"Institute {n}", None, "KZ", None, None, None] for n in range(1200)]
    preview = organizations(tmp_path, rows)
    calls = []

    def cancel_after_first_batch(done, total):
        calls.append(done)
        return False

    with pytest.raises(SeriktesError, match="nothing was imported"):
        apply_import(preview, progress=cancel_after_first_batch)
    assert calls == [500]
    assert Organization.select().count() == 0


def test_people_name_their_organizations_which_are_found_or_made(database, tmp_path):
    ORGANIZATIONS.save(
        {"name": "International Science and Technology Center", "short_name": "ISTC"}
    )
    path = xlsx(
        tmp_path / "people.xlsx",
        [
            ["ФИО", "Должность", "Организация", "Эл. почта"],
            ["Karina Angelieva", "Executive Director", "ISTC", "k.angelieva@istc.int"],
            ["Eloísa del Pino", "President", "CSIC", None],
            ["Luis Martínez", None, "CSIC", "not-an-email"],
        ],
    )
    preview = preview_import(read_workbook(path), "person")
    assert preview.rows[1].new_names == ["organization “CSIC”"]
    result = apply_import(preview)
    assert result.imported == 2
    assert Person.get(Person.full_name == "Karina Angelieva").organization.short_name == "ISTC"
    assert Person.get(Person.full_name == "Eloísa del Pino").organization.name == "CSIC"
    assert Organization.select().where(Organization.name == "CSIC").count() == 1


def test_an_organization_named_as_exports_name_it_is_found_not_made_again(database, tmp_path):
    istc = ORGANIZATIONS.save(
        {"name": "International Science and Technology Center", "short_name": "ISTC"}
    )
    ORGANIZATIONS.save({"name": "Embassy of Spain", "short_name": "Embajada"})
    path = xlsx(
        tmp_path / "people.xlsx",
        [
            ["Full name", "Position", "Organization"],
            ["Karina Angelieva", "Executive Director", ORGANIZATIONS.title(istc)],
            ["Luis Martínez", "Ambassador", "Embassy of Spain (Astana)"],
        ],
    )
    preview = preview_import(read_workbook(path), "person")
    assert preview.rows[0].new_names == []
    # Brackets that are not the recorded organization's acronym name another organization.
    assert preview.rows[1].new_names == ["organization “Embassy of Spain (Astana)”"]
    apply_import(preview)
    assert Person.get(Person.full_name == "Karina Angelieva").organization_id == istc.id
    assert Organization.select().count() == 3


def test_event_participants_as_names_in_a_column(database, tmp_path):
    PEOPLE.save({"full_name": "José Berengueres"})
    ORGANIZATIONS.save({"name": "Nazarbayev University", "short_name": "NU"})
    path = xlsx(
        tmp_path / "events.xlsx",
        [
            ["Title", "Starts", "Participants"],
            ["Panel on AI", "20.05.2025", "José Berengueres; NU"],
            ["Lecture", "20.05.2025", "Somebody Unknown"],
        ],
    )
    result = apply_import(preview_import(read_workbook(path), "event"))
    assert result.imported == 1
    event = Event.get(Event.title == "Panel on AI")
    assert EventParticipant.select().where(EventParticipant.event == event).count() == 2
    assert "No person or organization called “Somebody Unknown”" in result.rejected[0][1]


def test_an_agreement_status_shown_by_the_dates_comes_back_following_them(database, tmp_path):
    path = xlsx(
        tmp_path / "agreements.xlsx",
        [
            ["Title", "Status", "Signed", "Expires", "Parties"],
            ["Memorandum", "In force", "05.03.2025", "31.12.2027", "ISTC, CSIC"],
        ],
    )
    result = apply_import(preview_import(read_workbook(path), "agreement"))
    assert result.imported == 1
    agreement = Agreement.get()
    assert agreement.status is None
    assert {p.organization.name for p in agreement.parties} == {"ISTC", "CSIC"}


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("Name,Country\nCSIC,Spain\nNU,Казахстан\n", "utf-8"),
        ("\ufeffName;Country\nCSIC;Spain\nNU;Казахстан\n", "utf-8"),
        ("Наименование\tСтрана\nCSIC\tИспания\nNU\tКазахстан\n", "utf-8"),
        ("Наименование;Страна\nCSIC;Испания\nNU;Казахстан\n", "cp1251"),
    ],
)
def test_csv_delimiters_and_encodings_are_detected(database, tmp_path, text, encoding):
    path = csv_file(tmp_path / "partners.csv", text, encoding)
    result = apply_import(preview_import(read_workbook(path), "organization"))
    assert result.imported == 2
    assert Organization.get(Organization.name == "NU").country_id == "KZ"


def test_the_matching_is_remembered_for_the_next_file_with_the_same_headers(database, tmp_path):
    from exports.import_fields import remember_mapping

    headers = ["Партнёр", "Примечание 2"]
    assert remembered_mapping("organization", headers) is None
    remember_mapping("organization", headers, {0: "name", 1: "notes"})
    assert remembered_mapping("organization", headers) == {0: "name", 1: "notes"}
    assert remembered_mapping("organization", ["Other"]) is None


def test_the_report_lists_every_row_not_taken_with_its_values_and_reason(database, tmp_path):
    preview = organizations(
        tmp_path,
        [
            ["Atlantis Institute", "AI", "Atlantis", None, None, "Atlantis City"],
            ["Good University", None, "KZ", None, None, None],
        ],
    )
    result = apply_import(preview)
    report = write_import_report(preview, result, tmp_path / "not imported.xlsx")
    sheet = openpyxl.load_workbook(report).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows.index(next(r for r in rows if r[0] == "Row"))
    assert rows[header] == ("Row", *RUSSIAN_HEADERS, "Why it was not imported")
    assert rows[header + 1][:4] == (2, "Atlantis Institute", "AI", "Atlantis")
    assert "“Atlantis” is not a country" in rows[header + 1][-1]
    assert len(rows) == header + 2


def test_a_dry_run_says_what_would_happen_and_writes_nothing(database, tmp_path):
    preview = organizations(
        tmp_path,
        [["NU", None, "KZ", None, None, None], ["Bad", None, "Atlantis", None, None, None]],
    )
    result = dry_run(preview)
    assert (result.read, result.imported, len(result.rejected)) == (2, 1, 1)
    assert Organization.select().count() == 0


def test_a_sheet_with_headers_only_or_no_known_column_is_refused(database, tmp_path):
    with pytest.raises(SeriktesError, match="has headers but no rows"):
        organizations(tmp_path, [])
    path = xlsx(tmp_path / "odd.xlsx", [["Colour", "Taste"], ["red", "sweet"]])
    with pytest.raises(SeriktesError, match="matched to “Name”"):
        preview_import(read_workbook(path), "organization")


def test_events_already_recorded_on_the_same_day_are_twins(database, tmp_path):
    council = EVENTS.save(
        {"title": "Council of Strategic Partners", "starts_on": dt.date(2025, 5, 21)}
    )
    path = xlsx(
        tmp_path / "events.xlsx",
        [
            ["Title", "Starts"],
            ["Council of strategic partners", "21.05.2025"],
            ["Council of strategic partners", "21.05.2026"],
        ],
    )
    preview = preview_import(read_workbook(path), "event")
    assert [row.twin_id for row in preview.rows] == [council.id, None]
    assert preview.rows[0].twin_title == "Council of Strategic Partners (21.05.2025)"


# For each kind: what is recorded, the sheet's header and rows, and which recorded title each
# row is the twin of (None: a new record).
TWINS = {
    "person": (
        [{"full_name": "Karina Angelieva"}],
        ["Full name"],
        [["karina  angelieva."], ["Karina Angelova"]],
        ["Karina Angelieva", None],
    ),
    "program": (
        [{"name": "ISTC projects in Kazakhstan", "short_name": "ISTC-KZ"}],
        ["Name", "Short name"],
        [
            ["istc projects in kazakhstan", None],
            ["ISTC KZ", None],  # the acronym written as the name
            ["Science projects", "istc kz"],
            ["Horizon Europe projects", "HE"],
        ],
        ["ISTC projects in Kazakhstan (ISTC-KZ)"] * 3 + [None],
    ),
    "agreement": (
        [{"title": "Memorandum with CSIC", "reference_number": "MoU-2025/14"}],
        ["Title", "Reference"],
        [
            ["memorandum with CSIC", None],
            ["Memorandum on joint research", "mou 2025 14"],
            ["Memorandum on joint research", "MoU-2025/15"],
        ],
        ["Memorandum with CSIC", "Memorandum with CSIC", None],
    ),
    "delegation": (
        [
            {"title": "ISTC at the ministry", "starts_on": dt.date(2025, 3, 5)},
            {"title": "Visit of the Embassy of Spain"},
        ],
        ["Title", "Starts"],
        [
            ["ISTC at the Ministry", "05.03.2025"],
            ["ISTC at the Ministry", "06.03.2025"],
            ["Visit of the embassy of Spain", None],
            ["Visit of the embassy of Spain", "01.04.2025"],
        ],
        [
            "ISTC at the ministry (05.03.2025)",
            None,
            "Visit of the Embassy of Spain",
            None,
        ],
    ),
    "figure": (
        [
            {"measure": "joint publications", "value": 1130, "as_of": dt.date(2024, 12, 31)},
            {"measure": "joint projects", "value": 50},
            {"measure": "closed projects", "value": 0},
        ],
        ["What", "Value", "As of"],
        [
            ["Joint publications", 1130, "31.12.2024"],
            ["Joint publications", 1131, "31.12.2024"],
            ["Joint publications", 1130, "31.12.2023"],
            ["joint projects", 50, None],
            ["joint projects", 50, "01.01.2025"],
            ["Joint projects", 1130, "31.12.2024"],  # another measure
            ["closed projects", 0, None],
        ],
        ["1,130 joint publications", None, None, "50 joint projects", None, None]
        + ["0 closed projects"],
    ),
}


@pytest.mark.parametrize("kind", TWINS)
def test_records_of_every_kind_already_recorded_are_twins(database, tmp_path, kind):
    """The same name, acronym or reference number (ignoring case, spacing and punctuation);
    for dated records, on the same day; for a key figure, the same value on the same date."""
    recorded, headers, rows, expected = TWINS[kind]
    editor = EDITORS_BY_KIND[kind]
    ids = {editor.title(record): record.id for record in map(editor.save, recorded)}
    preview = preview_import(read_workbook(xlsx(tmp_path / "sheet.xlsx", [headers, *rows])), kind)
    assert [problem for row in preview.rows for problem in row.problems] == []
    assert [(row.twin_id, row.twin_title) for row in preview.rows] == [
        (ids[title], title) if title else (None, "") for title in expected
    ]


def test_event_participants_on_a_sheet_of_their_own(database, tmp_path):
    PEOPLE.save({"full_name": "José Berengueres"})
    PEOPLE.save({"full_name": "Luis Francisco Martínez Montes"})
    ORGANIZATIONS.save({"name": "ORTA Cultural Center"})
    path = tmp_path / "events.xlsx"
    workbook = openpyxl.Workbook()
    events = workbook.active
    events.title = "Мероприятия"
    for row in (
        ["Название", "Дата"],
        ["Panel on AI", "20.05.2025"],
        ["Lecture by the Ambassador", "20.05.2025"],
    ):
        events.append(row)
    people = workbook.create_sheet("Участники")
    for row in (
        ["Мероприятие", "Участник", "Роль", "Статус"],
        ["Panel on AI", "José Berengueres", "Модератор", "Присутствовал"],
        ["Lecture by the Ambassador", "Luis Francisco Martínez Montes", "Speaker", None],
        ["Lecture by the Ambassador", "ORTA Cultural Center", "host", "attended"],
        ["Unknown forum", "José Berengueres", "speaker", None],
    ):
        people.append(row)
    workbook.save(path)
    result = apply_import(preview_import(read_workbook(path), "event", "Мероприятия"))
    assert result.imported == 2
    lecture = Event.get(Event.title == "Lecture by the Ambassador")
    roles = {
        (p.person.full_name if p.person else p.organization.name, p.role, p.status)
        for p in EventParticipant.select().where(EventParticipant.event == lecture)
    }
    assert roles == {
        ("Luis Francisco Martínez Montes", "speaker", "confirmed"),
        ("ORTA Cultural Center", "host", "attended"),
    }
    panel = Event.get(Event.title == "Panel on AI")
    assert EventParticipant.get(EventParticipant.event == panel).role == "moderator"
    [(row, why)] = result.rejected
    assert "Sheet “Участники”, row 5: no event called “Unknown forum”" in why
