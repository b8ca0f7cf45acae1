"""`seriktes import` as administrators run it."""

from __future__ import annotations

import openpyxl
import pytest

import main
from models.store.database import close_database, open_database
from models.store.records import Organization
from tests.exports.import_files import xlsx


@pytest.fixture
def empty_database(tmp_path):
    path = tmp_path / "records.db"
    open_database(path)
    close_database()
    return path


def count(path):
    open_database(path, create=False)
    try:
        return Organization.select().count()
    finally:
        close_database()


def test_import_then_report_then_exit_0(empty_database, tmp_path, capsys):
    sheet = xlsx(
        tmp_path / "partners.xlsx",
        [["Name", "Country"], ["CSIC", "Spain"], ["NU", "Kazakhstan"], ["X", "Atlantis"]],
    )
    report = tmp_path / "report.xlsx"
    code = main.main(
        [
            "import",
            str(sheet),
            "--into",
            "organizations",
            "--database",
            str(empty_database),
            "--report",
            str(report),
        ]
    )
    out = capsys.readouterr().out.strip()
    assert code == 0
    assert out == "3 rows read, 2 imported, 0 filled in, 0 duplicates, 1 rejected"
    assert count(empty_database) == 2
    rows = list(openpyxl.load_workbook(report).active.iter_rows(values_only=True))
    [atlantis] = [row for row in rows if row[1] == "X"]
    assert atlantis[-1] == (
        "“Atlantis” is not a country Seriktes knows. Write its name in English, Russian or "
        "Kazakh, or its two-letter code."
    )


def test_dry_run_imports_nothing(empty_database, tmp_path, capsys):
    sheet = xlsx(tmp_path / "partners.xlsx", [["Name"], ["CSIC"]])
    code = main.main(
        [
            "import",
            str(sheet),
            "--into",
            "organizations",
            "--database",
            str(empty_database),
            "--dry-run",
        ]
    )
    assert code == 0
    assert capsys.readouterr().out.startswith("dry run, nothing imported: 1 row read, 1 imported")
    assert count(empty_database) == 0


def test_on_duplicate_create_makes_a_second_record(empty_database, tmp_path, capsys):
    sheet = xlsx(tmp_path / "partners.xlsx", [["Name"], ["CSIC"]])
    args = ["import", str(sheet), "--into", "organizations", "--database", str(empty_database)]
    assert main.main(args) == 0
    assert main.main(args) == 0
    assert "1 duplicates" in capsys.readouterr().out.splitlines()[-1]
    assert count(empty_database) == 1
    assert main.main([*args, "--on-duplicate", "create"]) == 0
    assert count(empty_database) == 2


def test_a_refused_file_exits_1_with_one_plain_line(empty_database, tmp_path, capsys):
    bad = tmp_path / "partners.xlsx"
    bad.write_text("not a spreadsheet")
    code = main.main(
        ["import", str(bad), "--into", "organizations", "--database", str(empty_database)]
    )
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert len(err) == 1 and "is not a spreadsheet" in err[0]
    assert "database was not changed" in err[0]
    assert count(empty_database) == 0


def test_no_such_database_exits_1(tmp_path, capsys):
    sheet = xlsx(tmp_path / "partners.xlsx", [["Name"], ["CSIC"]])
    missing = tmp_path / "missing.db"
    assert (
        main.main(["import", str(sheet), "--into", "organizations", "--database", str(missing)])
        == 1
    )
    assert "There is no database at" in capsys.readouterr().err
    assert not missing.exists()


def test_usage_errors_exit_2(tmp_path):
    with pytest.raises(SystemExit) as exit_:
        main.main(["import", "x.xlsx", "--into", "spaceships", "--database", "db"])
    assert exit_.value.code == 2
    with pytest.raises(SystemExit) as exit_:
        main.main(["import", "x.xlsx", "--database", "db"])
    assert exit_.value.code == 2
