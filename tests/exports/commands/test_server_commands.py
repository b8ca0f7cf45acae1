"""``seriktes server-setup`` and the commands on a shared database: the setup says what it
made and refuses plainly what it cannot do; a command that writes, given a database its user
may only read or that a newer version made, exits 1 with one plain line and changes nothing,
while one that reads still reads."""

from __future__ import annotations

import contextlib

import pytest
from openpyxl import load_workbook

import main
from models.kinds.organizations import ORGANIZATIONS
from models.store.database import close_database, open_database
from models.store.migrations import SCHEMA_VERSION
from models.store.records import Organization
from tests.shared_server import admin, as_user, database_name, needs_server


def one_line(captured) -> str:
    assert captured.err.count("\n") == 1, captured.err
    return captured.err


def test_setup_needs_a_server_database(tmp_path, capsys):
    assert main.main(["server-setup", str(tmp_path / "records.db")]) == 1
    assert "is not a database on a server: give its postgresql:// address" in one_line(
        capsys.readouterr()
    )
    assert main.main(["server-setup", "postgresql://admin@127.0.0.1:9/postgres"]) == 1
    assert "“postgres” is the server's own database" in one_line(capsys.readouterr())
    assert main.main(["server-setup", "postgresql://admin@127.0.0.1:9/seriktes"]) == 1
    assert "The server 127.0.0.1:9 cannot be reached" in one_line(capsys.readouterr())
    assert (
        main.main(["server-setup", "postgresql://admin@127.0.0.1:9/x", "--readers", "Bad Name"])
        == 1
    )
    assert "“Bad Name” cannot name a role" in one_line(capsys.readouterr())
    with pytest.raises(SystemExit) as stopped:
        main.main(["server-setup"])
    assert stopped.value.code == 2


@needs_server
def test_setup_says_what_it_made_and_how_to_give_access(database_target, people, capsys):
    editors, readers = people.groups()
    arguments = ["server-setup", database_target, "--editors", editors, "--readers", readers]
    assert main.main(arguments) == 0
    out = capsys.readouterr().out.splitlines()
    name = database_name(database_target)
    assert out[0].startswith(f"{name} on ") and f"is set up (schema {SCHEMA_VERSION})" in out[0]
    assert out[1] == (
        f"Editors read and change records; make a person one with: GRANT {editors} TO name;"
    )
    assert out[2] == f"Readers only read records; make a person one with: GRANT {readers} TO name;"
    assert main.main(arguments) == 0  # again: nothing to change, the same answer
    assert capsys.readouterr().out.splitlines() == out


@needs_server
def test_a_readers_command_that_writes_is_refused_and_one_that_reads_reads(
    database_target, people, tmp_path, capsys
):
    editors, readers = people.groups()
    assert (
        main.main(["server-setup", database_target, "--editors", editors, "--readers", readers])
        == 0
    )
    open_database(database_target)
    ORGANIZATIONS.save({"name": "ISTC"})
    close_database()
    reader, password = people.login(readers)
    url = as_user(database_target, reader).replace(f"{reader}@", f"{reader}:{password}@")
    sheet = tmp_path / "partners.csv"
    sheet.write_text("name\nCSIC\n", encoding="utf-8")
    capsys.readouterr()
    assert main.main(["import", str(sheet), "--into", "organizations", "--database", url]) == 1
    line = one_line(capsys.readouterr())
    assert line.startswith("seriktes import: ")
    assert f"cannot be changed: {reader} may only read this shared database. Nothing was" in line
    assert password not in line
    assert main.main(["sample", "--database", url]) == 1
    assert "may only read this shared database" in one_line(capsys.readouterr())
    output = tmp_path / "partners.xlsx"
    assert main.main(["export", "organizations", "--database", url, "--output", str(output)]) == 0
    cells = [row[0] for row in load_workbook(output).active.iter_rows(values_only=True)]
    assert "ISTC" in cells and "CSIC" not in cells
    open_database(database_target)
    assert [o.name for o in Organization.select()] == ["ISTC"]


@needs_server
def test_a_command_of_an_older_version_only_reads_a_newer_database(
    database_target, tmp_path, capsys
):
    open_database(database_target)
    ORGANIZATIONS.save({"name": "ISTC"})
    close_database()
    with contextlib.closing(admin(database_name(database_target))) as connection:
        connection.cursor().execute(
            "UPDATE seriktes_info SET value = %s WHERE key = 'schema_version'",
            (str(SCHEMA_VERSION + 1),),
        )
    sheet = tmp_path / "partners.csv"
    sheet.write_text("name\nCSIC\n", encoding="utf-8")
    arguments = ["import", str(sheet), "--into", "organizations", "--database", database_target]
    assert main.main(arguments) == 1
    line = one_line(capsys.readouterr())
    assert f"made by a newer version of Seriktes (schema {SCHEMA_VERSION + 1};" in line
    assert "update Seriktes. Nothing was changed." in line
    output = tmp_path / "partners.xlsx"
    assert (
        main.main(
            ["export", "organizations", "--database", database_target, "--output", str(output)]
        )
        == 0
    )
    capsys.readouterr()
    copy = tmp_path / "copy.db"
    assert main.main(["copy", "--from", database_target, "--to", str(copy)]) == 1
    assert f"is at schema {SCHEMA_VERSION + 1}, and this version of Seriktes copies" in one_line(
        capsys.readouterr()
    )
    assert not copy.exists()
