"""``seriktes duplicates`` writes the likely twins of a kind to a workbook; ``seriktes merge``
merges records from the command line. Exit 0 done, 1 refused with one plain line."""

from __future__ import annotations

import pytest

import main
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.store.database import close_database, open_database
from models.store.records import Organization, Person, TrashItem
from tests.exports.export_records import cell_of, column, header, open_book


@pytest.fixture
def twins(database, database_target):
    ids = {
        "nu": ORGANIZATIONS.save({"name": "Nazarbayev University", "country": "KZ"}).id,
        "nu_ru": ORGANIZATIONS.save(
            {"name": "Назарбаев Университет", "city": "Astana", "email": "info@nu.edu.kz"}
        ).id,
        "arizona": ORGANIZATIONS.save({"name": "University of Arizona"}).id,
        "astana": ORGANIZATIONS.save({"name": "University of Astana"}).id,
    }
    ids["nurbek"] = PEOPLE.save({"full_name": "Нурбек Саясат", "organization": ids["nu_ru"]}).id
    close_database()
    return database_target, ids


def test_the_twins_are_written_to_a_workbook_with_score_and_reason(twins, tmp_path, capsys):
    target, ids = twins
    output = tmp_path / "twins.xlsx"
    code = main.main(["duplicates", "organizations", "--database", target, "--output", str(output)])
    assert code == 0
    assert capsys.readouterr().out.strip() == str(output)
    ws = open_book(output).worksheets[0]
    assert ws["A1"].value == "Organizations that look like twins"
    assert "1 pair of records that look like twins." in ws["A2"].value
    assert header(ws) == ["Score", "No.", "Record", "Twin no.", "Likely twin", "Why"]
    assert column(ws, "Record") == ["Nazarbayev University"]
    assert column(ws, "Likely twin") == ["Назарбаев Университет"]
    assert column(ws, "No.") == [ids["nu"]] and column(ws, "Twin no.") == [ids["nu_ru"]]
    assert 80 <= cell_of(ws, "Score", 0).value <= 100
    assert "“Nazarbayev University” and “Назарбаев Университет”" in cell_of(ws, "Why", 0).value


def test_a_kind_without_twins_gives_a_workbook_that_says_so(twins, tmp_path):
    target, _ids = twins
    output = tmp_path / "events.xlsx"
    assert main.main(["duplicates", "events", "--database", target, "-o", str(output)]) == 0
    ws = open_book(output).worksheets[0]
    assert ws["A1"].value == "Events that look like twins"
    assert ws.cell(row=4, column=1).value == "No likely duplicates were found."


def test_finding_duplicates_in_a_missing_database_is_refused_in_one_line(tmp_path, capsys):
    output = tmp_path / "x.xlsx"
    missing = str(tmp_path / "none.db")
    code = main.main(["duplicates", "people", "--database", missing, "--output", str(output)])
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("seriktes duplicates: There is no database at") and err.count("\n") == 1
    assert not output.exists()


def test_merge_fills_the_kept_record_and_puts_the_other_in_the_trash(twins, capsys):
    target, ids = twins
    code = main.main(
        ["merge", "organizations", str(ids["nu"]), str(ids["nu_ru"]), "--database", target]
    )
    assert code == 0
    assert capsys.readouterr().out.strip() == (
        "1 record merged into “Nazarbayev University” (no. {}); it is in the trash.".format(
            ids["nu"]
        )
    )
    open_database(target)
    kept = Organization.get_by_id(ids["nu"])
    assert (kept.name, kept.country_id, kept.city, kept.email, kept.name_ru) == (
        "Nazarbayev University", "KZ", "Astana", "info@nu.edu.kz", "Назарбаев Университет",
    )  # fmt: skip
    assert Person.get_by_id(ids["nurbek"]).organization_id == ids["nu"]
    assert [item.title for item in TrashItem.select()] == ["Назарбаев Университет"]
    close_database()


@pytest.mark.parametrize(
    ("ids", "message"),
    [
        (("nu", "nu"), "A record cannot be merged into itself."),
        (("nu", 999), "There is no record no. 999 of this kind."),
    ],
)
def test_a_merge_that_cannot_be_made_is_refused_and_nothing_changes(twins, capsys, ids, message):
    target, known = twins
    numbers = [str(known.get(i, i)) for i in ids]
    assert main.main(["merge", "organizations", *numbers, "--database", target]) == 1
    assert capsys.readouterr().err == f"seriktes merge: {message}\n"
    open_database(target)
    assert Organization.select().count() == 4 and TrashItem.select().count() == 0
    close_database()


def test_merge_without_a_record_number_is_a_usage_error(twins):
    target, _ids = twins
    with pytest.raises(SystemExit) as stopped:
        main.main(["merge", "organizations", "1", "--database", target])
    assert stopped.value.code == 2
    with pytest.raises(SystemExit) as stopped:
        main.main(["merge", "organizations", "1", "two", "--database", target])
    assert stopped.value.code == 2
