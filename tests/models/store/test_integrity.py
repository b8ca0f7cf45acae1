"""`seriktes check` passes a sound database and names each problem of a broken one."""

from __future__ import annotations

import sqlite3

import main
from models.kinds.organizations import ORGANIZATIONS
from models.store.attachments import attach_file
from models.store.database import close_database, open_database


def made(tmp_path):
    path = tmp_path / "records.db"
    open_database(path)
    istc = ORGANIZATIONS.save({"name": "ISTC", "tags": ["Science"]})
    note = tmp_path / "note.txt"
    note.write_text("visit", encoding="utf-8")
    attach_file("organization", istc.id, note)
    close_database()
    return path


def test_a_sound_database_prints_ok(tmp_path, capsys):
    path = made(tmp_path)
    assert main.main(["check", "--database", str(path)]) == 0
    assert capsys.readouterr().out.strip() == "ok"


def test_each_problem_is_named(tmp_path, capsys):
    path = made(tmp_path)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("DELETE FROM organization")
        connection.execute(
            "INSERT INTO person (full_name, organization_id, created_at, "
            "created_by, updated_at, updated_by, search_text, other_names, "
            "position, email, phone, notes, name_key, sort_en, sort_ru, sort_kk) VALUES ('Lost', "
            "999, '2025-01-01', 'x', '2025-01-01', 'x', '', '', '', '', '', '', '', X'', X'', X'')"
        )
        connection.execute("UPDATE attachment_content SET data = X'00'")
    assert main.main(["check", "--database", str(path)]) == 1
    err = capsys.readouterr().err
    assert "Table person" in err and "points to a missing row of organization" in err
    assert "1 row of record_tag names a record that no longer exists (organization)" in err
    assert "has changed since it was attached" in err


def test_a_damaged_file_is_named(tmp_path, capsys):
    path = made(tmp_path)
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xff" * 4096
    path.write_bytes(bytes(data))
    assert main.main(["check", "--database", str(path)]) == 1
    assert capsys.readouterr().err.strip()
