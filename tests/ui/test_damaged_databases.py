"""A database that opens but is damaged never takes the window down: the window stays, says
what is wrong and offers the newest backup in its place, or another database; the damaged
file is never changed by being refused. A database another program holds is not damaged."""

from __future__ import annotations

import sqlite3

import pytest

from models.store.backups import backups_of, make_backup
from models.store.database import close_database
from models.store.records import Organization
from tests.hostile_databases import (
    broken_pages,
    digest,
    garbled_version,
    held_by_another_writer,
    missing_table,
    sound,
    wiped_schema,
)
from ui import app as app_module
from ui import dialogs
from ui import main_window as main_window_module
from ui.main_window import MainWindow
from ui.settings import LAST_DATABASE

pytestmark = pytest.mark.sqlite_only

DAMAGES = {
    "a table missing": (missing_table, "tables it needs are missing (person)"),
    "broken pages": (broken_pages, "SQLite found broken pages"),
    "a schema version that is not a number": (garbled_version, "“six” is not a number"),
    "the schema page wiped": (wiped_schema, "damaged"),
}


@pytest.fixture
def start(qtbot, settings, answers):
    """Start Seriktes as ``seriktes`` does (``build_window``), with the last database used."""
    windows = []

    def start(database: str | None = None) -> MainWindow:
        window = app_module.build_window(database, settings)
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield start
    for window in windows:
        window.close()
    close_database()


@pytest.mark.parametrize("damage", DAMAGES, ids=list(DAMAGES))
def test_the_last_database_damaged_still_starts_the_window_with_the_damaged_dialog(
    start, settings, answers, tmp_path, damage
):
    make, says = DAMAGES[damage]
    path = sound(tmp_path / "records.db", "ISTC", "CSIC")
    backup = make_backup(path, "daily")
    settings.remember_database(str(path))
    make(path)
    before = digest(path)

    window = start()
    assert window.isVisible()
    [asked] = answers.asked
    kind, why, offered = asked.split("|")
    assert kind == "damaged" and says in why
    assert offered == backup.made.strftime("%d.%m.%Y %H:%M")  # the newest backup, by its date
    assert window.database_target is None
    assert window.stack.currentWidget() is window.no_database
    assert digest(path) == before  # refused, never modified
    assert settings.get(LAST_DATABASE) == str(path)  # so the next start offers it again

    window.close()
    again = start()
    assert again.isVisible() and len(answers.asked) == 2 and says in answers.asked[1]


def test_restoring_the_newest_backup_opens_its_records_and_keeps_the_damaged_file(
    start, settings, answers, tmp_path
):
    path = sound(tmp_path / "records.db", "ISTC", "CSIC")
    make_backup(path, "daily")
    settings.remember_database(str(path))
    garbled_version(path)
    answers.damaged = dialogs.Damaged.RESTORE

    window = start()
    assert window.database_target == str(path)
    window.show_page("organization")
    assert window.pages["organization"].model.rowCount() == 2
    assert {o.name for o in Organization.select()} == {"ISTC", "CSIC"}
    [kept] = [b for b in backups_of(path) if b.reason in ("before restore", "damaged copy")]
    with sqlite3.connect(kept.path) as connection:
        stamp = connection.execute(
            "SELECT value FROM seriktes_info WHERE key = 'schema_version'"
        ).fetchone()
    assert stamp == ("six",)  # the damaged database, kept as it was


def test_open_another_database_asks_for_it_and_opens_it(
    qtbot, start, settings, answers, tmp_path, monkeypatch
):
    other = sound(tmp_path / "other.db", "Nazarbayev University")
    path = missing_table(sound(tmp_path / "records.db", "ISTC"))
    settings.remember_database(str(path))
    answers.damaged = dialogs.Damaged.OPEN_ANOTHER
    monkeypatch.setattr(dialogs, "choose_database", lambda _parent, _folder: str(other))

    window = start()
    assert "damaged|" in answers.asked[0]
    assert answers.asked[0].endswith("|None")  # no backup of it to offer
    qtbot.waitUntil(lambda: window.database_target == str(other))
    window.show_page("organization")
    assert window.pages["organization"].model.rowCount() == 1
    assert settings.get(LAST_DATABASE) == str(other)


def test_damage_found_after_the_window_shows_a_large_database_offers_the_same(
    qtbot, window_at, answers, tmp_path, monkeypatch
):
    """A database too large to check before it is shown is checked on a thread: damage
    found there closes it and asks the same question. It is not backed up meanwhile."""
    monkeypatch.setattr(main_window_module, "CHECKED_WHILE_OPENING", 0)
    # An index only an import reads: showing the database does not meet the damage.
    path = broken_pages(sound(tmp_path / "records.db", "ISTC"), "organization_website_key")
    before = digest(path)
    window = window_at(path)
    assert window.database_target == str(path)  # shown while it is checked
    qtbot.waitUntil(lambda: len(answers.asked) == 1, timeout=5000)
    assert "SQLite found broken pages" in answers.asked[0]
    assert window.database_target is None
    assert window.stack.currentWidget() is window.no_database
    assert backups_of(path) == []  # a damaged database pushes out no good backup
    assert digest(path) == before


@pytest.fixture
def window_at(qtbot, settings):
    windows = []

    def open_at(path) -> MainWindow:
        window = MainWindow(settings)
        qtbot.addWidget(window)
        window.show()
        window.open_database(str(path), create=False)
        windows.append(window)
        return window

    yield open_at
    for window in windows:
        window.close()
    close_database()


def test_a_database_another_program_holds_is_refused_plainly_not_called_damaged(
    window_at, answers, tmp_path, monkeypatch
):
    monkeypatch.setenv("SERIKTES_BUSY_TIMEOUT", "200")
    path = sound(tmp_path / "records.db", "ISTC")
    make_backup(path, "daily")
    with held_by_another_writer(path, journal="delete"):
        before = digest(path)
        window = window_at(path)
        assert window.database_target is None
        assert answers.asked == []  # no backup is offered in its place
        [error] = answers.errors
        title, text = error.split("|")
        assert title == "Cannot open the database"
        assert text == (
            "records.db is in use by another program that is changing it; try again when it "
            "has finished. Nothing was changed."
        )
        assert digest(path) == before


# Seriktes started as ``seriktes --database NAME``, each question it asks printed instead of
# shown, and its event loop left at once.
START = """
import sys
import main
from ui import app, dialogs

dialogs.launch = lambda box: print(box.windowTitle(), "|", box.text()) or 0
app.exec_application = lambda application: 0
sys.exit(main.main())
"""


def test_a_database_name_that_is_not_text_is_refused_by_the_window_not_crashed(tmp_path):
    import os
    import subprocess
    import sys

    from tests.hostile_databases import ROOT

    name = os.fsencode(tmp_path) + b"/records-\xff.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = subprocess.run(
        [sys.executable, "-c", START, "--database", name],
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=False,
    )
    assert started.returncode == 0, started.stderr  # it was a crash of Qt's before
    assert started.stdout.decode().strip() == (
        f"Cannot open the database | The name {tmp_path}/records-\\xff.db is not valid text "
        "(it has bytes that are not UTF-8). Rename the file or its folder, then open it "
        "again; nothing was changed."
    )
    assert not os.path.exists(name)  # nothing was made under that name
