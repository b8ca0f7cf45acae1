"""``seriktes export``: every kind from the command line, its exit status and its one plain
line when refused."""

from __future__ import annotations

import pytest

import main
from models.store.database import close_database
from tests.exports.export_records import ISTC_KK, column, open_book, seed


@pytest.fixture
def saved(database, database_target):
    """The shared records in a database the command opens on its own."""
    seed()
    close_database()
    return database_target


def export(db_path, *args):
    return main.main(["export", *args, "--database", str(db_path)])


LISTS = ["organizations", "people", "events", "delegations", "programs", "agreements", "figures"]


@pytest.mark.parametrize("kind", LISTS)
def test_every_list_is_exported_and_its_path_printed(saved, tmp_path, capsys, kind):
    target = tmp_path / f"{kind}.xlsx"
    assert export(saved, kind, "--output", str(target)) == 0
    assert capsys.readouterr().out.strip() == str(target)
    assert open_book(target).worksheets[0]["A1"].value.lower() == kind.replace(
        "figures", "key figures"
    )


def test_the_list_options_select_as_the_window_does(saved, tmp_path, capsys):
    target = tmp_path / "kz.xlsx"
    code = export(
        saved, "organizations", "--output", str(target), "--country", "Казахстан",
        "--kind", "университет", "--search", "nazarbayev",
    )  # fmt: skip
    assert code == 0
    ws = open_book(target).worksheets[0]
    assert column(ws, "Name") == ["Nazarbayev University"]
    assert "country: Kazakhstan; kind: University" in ws["A2"].value


def test_the_status_of_agreements_can_be_chosen_in_words(saved, tmp_path):
    target = tmp_path / "in-force.xlsx"
    assert export(saved, "agreements", "--output", str(target), "--status", "in force") == 0
    assert set(column(open_book(target).worksheets[0], "Status")) == {"In force"}


@pytest.mark.parametrize(
    ("args", "sheets"),
    [
        (["brief", "--organization", "ISTC"], 9),
        (["brief", "--country", "Испания"], 9),
        (["activity", "--from", "2025-03-01", "--to", "31.05.2025"], 6),
        (["activity", "--from", "1.3.25", "--to", "31052025"], 6),
        (["agreements-due", "--within", "365"], 4),
        (["programs-report"], 4),
        (["programs-report", "--status", "active"], 4),
    ],
)
def test_every_report_is_exported(saved, tmp_path, capsys, args, sheets):
    target = tmp_path / "report.xlsx"
    assert export(saved, *args, "--output", str(target)) == 0
    assert capsys.readouterr().out.strip() == str(target)
    assert len(open_book(target).sheetnames) == sheets


def test_a_brief_keeps_kazakh_text(saved, tmp_path):
    target = tmp_path / "istc.xlsx"
    assert export(saved, "brief", "--organization", "istc", "--output", str(target)) == 0
    assert ISTC_KK in [row[1] for row in open_book(target)["Overview"].iter_rows(values_only=True)]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["brief", "--organization", "Sorbonne"], "No organization is called “Sorbonne”"),
        (["brief", "--country", "Atlantis"], "No country is called “Atlantis”"),
        (["organizations", "--kind", "spaceship"], "“spaceship” is not one of the choices here"),
        (["people", "--tag", "nowhere"], "No record carries the tag “nowhere”"),
        (["activity", "--from", "2025-05-01", "--to", "2025-04-01"], "ends (01.04.2025) before"),
    ],
)
def test_a_request_understood_but_refused_exits_1_with_one_plain_line(
    saved, tmp_path, capsys, args, says
):
    target = tmp_path / "refused.xlsx"
    assert export(saved, *args, "--output", str(target)) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert says in captured.err
    assert captured.err.count("\n") == 1
    assert not target.exists()


def test_a_database_that_is_not_there_is_refused(tmp_path, capsys):
    target = tmp_path / "x.xlsx"
    code = main.main(
        ["export", "people", "--database", str(tmp_path / "none.db"), "--output", str(target)]
    )
    assert code == 1
    assert "There is no database at" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()


def test_an_unwritable_target_is_refused(saved, tmp_path, capsys):
    (tmp_path / "a-file").write_text("")
    target = tmp_path / "a-file" / "x.xlsx"
    assert export(saved, "people", "--output", str(target)) == 1
    assert "is not a folder" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args",
    [
        ["spreadsheets", "--output", "x.xlsx"],
        ["brief", "--output", "x.xlsx"],
        ["brief", "--organization", "ISTC", "--country", "ES", "--output", "x.xlsx"],
        ["activity", "--output", "x.xlsx"],
        ["activity", "--from", "yesterday", "--output", "x.xlsx"],
        ["activity", "--from", "", "--output", "x.xlsx"],
        ["activity", "--from", "31.02.2025", "--output", "x.xlsx"],
        ["agreements-due", "--within", "-3", "--output", "x.xlsx"],
        ["people", "--kind", "university", "--output", "x.xlsx"],
        ["people", "--within", "30", "--output", "x.xlsx"],
        ["people", "--output", "x.csv"],
        ["people"],
    ],
)
def test_a_usage_error_exits_2(saved, tmp_path, monkeypatch, capsys, args):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_:
        export(saved, *args)
    assert exit_.value.code == 2
    assert "error:" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()


def test_the_database_may_come_before_the_command(saved, tmp_path, capsys):
    target = tmp_path / "people.xlsx"
    assert main.main(["--database", str(saved), "export", "people", "--output", str(target)]) == 0
    assert target.exists()
