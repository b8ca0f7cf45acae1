"""Backups are consistent copies kept in the user's data folder; the newest 30 are kept."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

import main
from models.kinds.organizations import ORGANIZATIONS
from models.store.backups import backup_folder, backup_if_old, backups_of, make_backup, prune
from models.store.database import close_database, open_database
from models.store.integrity import check_database


def names(path):
    with sqlite3.connect(path) as connection:
        return [row[0] for row in connection.execute("SELECT name FROM organization ORDER BY 1")]


@pytest.mark.sqlite_only
def test_a_backup_made_while_the_database_is_open_holds_every_committed_record(database, db_path):
    ORGANIZATIONS.save({"name": "ISTC", "country": "KZ"})
    ORGANIZATIONS.save({"name": "CSIC", "country": "ES"})
    backup = make_backup(db_path, "before a test")
    assert backup.path.parent == backup_folder(db_path)
    assert names(backup.path) == ["CSIC", "ISTC"]
    assert backup.counts()["organization"] == 2
    assert backup.describe().endswith("(before a test): 2 organizations")
    assert check_database(backup.path) == []


def test_only_the_newest_30_are_kept(database, db_path):
    folder = backup_folder(db_path)
    folder.mkdir(parents=True)
    for day in range(1, 36):
        (folder / f"202501{day:02d}-120000.db").write_bytes(b"")
    prune(folder)
    kept = sorted(path.name for path in folder.glob("*.db"))
    assert len(kept) == 30 and kept[0] == "20250106-120000.db"


@pytest.mark.sqlite_only
def test_a_daily_backup_is_made_only_when_the_newest_is_a_day_old(database, db_path, clock):
    clock.set_clock(dt.datetime(2028, 2, 28, 9, 0))
    first = backup_if_old(db_path)
    assert (first.reason, first.made.date()) == ("daily", dt.date(2028, 2, 28))
    assert first.path.name == "20280228-090000 daily.db"
    assert backup_if_old(db_path, now=first.made + dt.timedelta(hours=23)) is None
    clock.set_clock(dt.datetime(2028, 2, 29, 10, 0))
    second = backup_if_old(db_path)
    assert (second.reason, second.made.date()) == ("daily", dt.date(2028, 2, 29))
    assert backups_of(db_path) == [second, first]


def test_the_backup_command(tmp_path, capsys):
    source = tmp_path / "records.db"
    open_database(source)
    ORGANIZATIONS.save({"name": "ISTC"})
    close_database()
    target = tmp_path / "copies" / "records-copy.db"
    assert main.main(["backup", "--database", str(source), "--output", str(target)]) == 0
    assert capsys.readouterr().out.strip() == str(target)
    assert names(target) == ["ISTC"]
    assert (
        main.main(["backup", "--database", str(tmp_path / "none.db"), "--output", str(target)]) == 1
    )
    assert "There is no database at" in capsys.readouterr().err
    folder_as_file = tmp_path / "file"
    folder_as_file.write_text("")
    assert (
        main.main(["backup", "--database", str(source), "--output", str(folder_as_file / "x.db")])
        == 1
    )
    err = capsys.readouterr().err
    assert err.startswith("seriktes backup: The backup was not made")
    with pytest.raises(SystemExit) as exit_:
        main.main(["backup", "--database", str(source)])
    assert exit_.value.code == 2
    # A file named by its URL is the same file; a server's database is the server's to copy.
    again = tmp_path / "again.db"
    assert main.main(["backup", "--database", f"sqlite:///{source}", "--output", str(again)]) == 0
    assert names(again) == ["ISTC"]
    capsys.readouterr()
    server = "postgresql://seriktes@db.example.org/seriktes"
    assert main.main(["backup", "--database", server, "--output", str(target)]) == 1
    assert "database server" in capsys.readouterr().err
    assert main.main(["check", "--database", server]) == 1
    assert "database server" in capsys.readouterr().err
    assert main.main(["check", "--database", f"sqlite:///{source}"]) == 0
    assert capsys.readouterr().out.strip() == "ok"
