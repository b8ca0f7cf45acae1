"""``seriktes sample --database PATH``: makes a database of sample records once, then refuses
to touch it; a missing argument is a usage error."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

import main


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_sample_creates_the_database_then_refuses_a_second_time(tmp_path, capsys):
    path = tmp_path / "sample.db"
    assert main.main(["sample", "--database", str(path)]) == 0
    out = capsys.readouterr().out
    assert str(path) in out
    assert "15 organizations" in out and "12 people" in out and "15 key figures" in out
    with sqlite3.connect(path) as connection:
        names = {row[0] for row in connection.execute("SELECT short_name FROM organization")}
        roles = connection.execute(
            "SELECT p.full_name FROM event_participant AS ep "
            "JOIN person AS p ON p.id = ep.person_id WHERE ep.role = 'moderator'"
        ).fetchall()
    assert {"ISTC", "CSIC", "NU"} <= names
    assert ("José Berengueres",) in roles

    before = digest(path)
    assert main.main(["sample", "--database", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "already holds records" in captured.err
    assert digest(path) == before


def test_a_file_that_is_not_a_database_is_refused(tmp_path, capsys):
    path = tmp_path / "notes.db"
    path.write_text("not a database")
    assert main.main(["sample", "--database", str(path)]) == 1
    assert "not a Seriktes database" in capsys.readouterr().err
    assert path.read_text() == "not a database"


def test_the_database_is_required(capsys):
    with pytest.raises(SystemExit) as stopped:
        main.main(["sample"])
    assert stopped.value.code == 2
    assert "--database" in capsys.readouterr().err
