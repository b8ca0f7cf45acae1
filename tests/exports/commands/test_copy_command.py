"""``seriktes copy --from SOURCE --to TARGET``: a department's file goes to its server and
comes back the same, every row of every table with its id; a target holding records is
refused untouched. With a test server the copy goes through it, else through a second file."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

import main
from models.editing import set_record_tags
from models.kinds.agreements import AGREEMENTS
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.programs import PROGRAMS
from models.store.attachments import attach_file
from models.store.database import close_database, open_database
from models.store.records import Organization, Person
from models.trash import move_to_trash
from tests.conftest import SERVER


def department_file(path: Path, tmp_path: Path) -> None:
    """A department's database file with something in every table: the sample records and
    their history, a branch campus recorded before its university, tags, an agreement with a
    party, a budget, an attached file and a person in the trash."""
    assert main.main(["sample", "--database", str(path)]) == 0
    open_database(path)
    branch = ORGANIZATIONS.save({"name": "Heriot-Watt University branch campus"})
    home = ORGANIZATIONS.save({"name": "Heriot-Watt University", "country": "GB"})
    ORGANIZATIONS.save({"name": branch.name, "parent": home.id}, branch.id)
    set_record_tags("organization", home.id, ["strategic partner", "Астана"])
    AGREEMENTS.save(
        {
            "title": "Memorandum on joint research",
            "kind": "mou",
            "signed_on": dt.date(2025, 3, 5),
            "parties": [{"organization": home.id, "signatory": None}],
        }
    )
    PROGRAMS.save({"name": "AI-Sana", "budget": Decimal("1250000.50"), "currency": "KZT"})
    document = tmp_path / "signed agreement.pdf"
    document.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 400)
    attach_file("organization", home.id, document)
    move_to_trash("person", Person.select().order_by(Person.id).first().id)
    close_database()


def table_rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table of a database file, in the order of all its columns; the
    search index by what it holds (its storage depends on how it was filled)."""
    with sqlite3.connect(path) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE 'search_index_%' ORDER BY name"
            )
        ]
        rows = {}
        for table in tables:
            if table == "search_index":
                query = "SELECT rowid, kind, record_id, names, text FROM search_index ORDER BY 1"
            else:
                width = len(connection.execute(f'SELECT * FROM "{table}" LIMIT 0').description)
                order = ", ".join(str(n) for n in range(1, width + 1))
                query = f'SELECT * FROM "{table}" ORDER BY {order}'
            rows[table] = connection.execute(query).fetchall()
    return rows


@pytest.fixture
def middle(database_target, tmp_path) -> str:
    """Where the file goes and comes back from: the test's server database (new, so empty),
    else a second file."""
    return database_target if SERVER else str(tmp_path / "middle.db")


def test_a_file_goes_to_the_server_and_comes_back_the_same(tmp_path, middle, capsys):
    source, back = tmp_path / "department.db", tmp_path / "back.db"
    department_file(source, tmp_path)
    capsys.readouterr()
    assert main.main(["copy", "--from", str(source), "--to", middle]) == 0
    out = capsys.readouterr().out
    assert "organization: 17 of 17 rows" in out
    assert "attachment_content: 1 of 1 row" in out
    assert out.splitlines()[-1].startswith(f"Copied {source} into ")
    assert "17 organizations" in out.splitlines()[-1]

    assert main.main(["copy", "--from", middle, "--to", str(back)]) == 0
    original, returned = table_rows(source), table_rows(back)
    assert list(returned) == list(original)
    for table, rows in original.items():
        assert returned[table] == rows, table
    assert len(original["attachment_content"][0][1]) == 9 + 256 * 400
    assert original["trash_item"] and original["record_tag"] and original["change_log"]


def test_ids_are_kept_and_new_records_come_after_them(tmp_path, middle):
    source = tmp_path / "department.db"
    department_file(source, tmp_path)
    open_database(source)
    ids = {o.name: o.id for o in Organization.select()}
    branch_parent = Organization.get(Organization.name.endswith("branch campus")).parent_id
    close_database()
    assert main.main(["copy", "--from", str(source), "--to", middle]) == 0
    open_database(middle)
    assert {o.name: o.id for o in Organization.select()} == ids
    assert Organization.get(Organization.name.endswith("branch campus")).parent_id == (
        branch_parent
    )
    made = ORGANIZATIONS.save({"name": "Universidad de Salamanca"})
    assert made.id == max(ids.values()) + 1
    close_database()


def test_a_target_that_holds_records_is_refused_untouched(tmp_path, capsys):
    source, target = tmp_path / "department.db", tmp_path / "other.db"
    department_file(source, tmp_path)
    open_database(target)
    ORGANIZATIONS.save({"name": "ISTC"})
    close_database()
    before = hashlib.sha256(target.read_bytes()).hexdigest()
    capsys.readouterr()
    assert main.main(["copy", "--from", str(source), "--to", str(target)]) == 1
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1
    assert "already holds records; a copy is made only into a new or empty database" in (
        captured.err
    )
    assert hashlib.sha256(target.read_bytes()).hexdigest() == before


def test_a_database_is_not_copied_into_itself_nor_from_nowhere(tmp_path, capsys):
    source = tmp_path / "department.db"
    assert main.main(["sample", "--database", str(source)]) == 0
    capsys.readouterr()
    assert main.main(["copy", "--from", str(source), "--to", f"sqlite:///{source}"]) == 1
    assert "cannot be copied into itself" in capsys.readouterr().err
    missing, target = tmp_path / "missing.db", tmp_path / "new.db"
    assert main.main(["copy", "--from", str(missing), "--to", str(target)]) == 1
    assert "There is no database at" in capsys.readouterr().err
    assert not target.exists()
