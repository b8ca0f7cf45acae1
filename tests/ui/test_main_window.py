"""The window itself: its title and menus, opening and creating databases, and start-up."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QApplication

import main
from models.kinds.organizations import ORGANIZATIONS
from models.store.records import Organization
from ui import app as app_module
from ui import dialogs
from ui.settings import LAST_DATABASE, RECENT_DATABASES


def menu_texts(window, title):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
    return [a.text() for a in menu.actions() if not a.isSeparator()]


@pytest.mark.sqlite_only
def test_title_icon_and_file_menu(window, db_path):
    assert window.windowTitle() == f"{db_path.name} — Seriktes"
    assert not window.windowIcon().isNull()
    assert menu_texts(window, "&File") == [
        "&New database…",
        "&Open database…",
        "Open &recent",
        "&Import…",
        "&Back up now…",
        "Re&store from backup…",
        "&Quit",
    ]
    assert [window.navigation.item(i).text() for i in range(window.navigation.count())] == [
        "Organizations",
        "People",
        "Events",
        "Delegations",
        "Programs",
        "Agreements",
        "Key figures",
        "Sources",
        "Countries",
        "Trash",
    ]


@pytest.mark.sqlite_only
def test_new_database_then_recent_list_reopens_the_first(
    window, qtbot, db_path, tmp_path, settings, monkeypatch
):
    ORGANIZATIONS.save({"name": "Nazarbayev University"})
    second = tmp_path / "second.db"
    monkeypatch.setattr(dialogs, "choose_new_database", lambda *_: str(tmp_path / "second"))
    window.new_database()
    assert second.exists()
    assert window.windowTitle() == "second.db — Seriktes"
    assert window.pages["organization"].model.rowCount() == 0
    assert settings.get(RECENT_DATABASES) == [str(second), str(db_path)]
    assert settings.get(LAST_DATABASE) == str(second)

    window._fill_recent()
    reopen = next(a for a in window.recent_menu.actions() if a.text() == str(db_path))
    reopen.trigger()
    assert window.windowTitle() == f"{db_path.name} — Seriktes"
    assert window.pages["organization"].model.rowCount() == 1


def test_new_database_never_overwrites_a_file(window, tmp_path, monkeypatch, answers):
    existing = tmp_path / "keep.db"
    existing.write_bytes(b"precious")
    monkeypatch.setattr(dialogs, "choose_new_database", lambda *_: str(existing))
    window.new_database()
    assert existing.read_bytes() == b"precious"
    assert "already exists" in answers.errors[-1]


@pytest.mark.sqlite_only
def test_opening_a_foreign_file_says_so_and_keeps_the_open_database(
    window, tmp_path, monkeypatch, answers, db_path
):
    ORGANIZATIONS.save({"name": "Nazarbayev University"})
    foreign = tmp_path / "accounts.db"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE ledger (id INTEGER PRIMARY KEY)")
    before = foreign.read_bytes()
    monkeypatch.setattr(dialogs, "choose_database", lambda *_: str(foreign))
    window.choose_database()
    assert "another program" in answers.errors[-1]
    assert foreign.read_bytes() == before
    assert window.windowTitle() == f"{db_path.name} — Seriktes"
    assert Organization.select().count() == 1


def test_quitting_with_unsaved_changes_asks(window, qtbot, answers):
    page = window.pages["organization"]
    page.new_record()
    qtbot.keyClicks(page.form.inputs["name"], "Embassy of Spain")
    answers.unsaved = dialogs.Unsaved.CANCEL
    window.close()
    assert window.isVisible()
    answers.unsaved = dialogs.Unsaved.SAVE
    window.close()
    assert not window.isVisible()
    # Asked each time, and the answer "Save" saved the record before quitting.
    assert answers.asked == ["unsaved|the new organization"] * 2
    assert [o.name for o in Organization.select()] == ["Embassy of Spain"]


def test_main_with_a_database_path_creates_it_and_opens_the_window(
    tmp_path, qtbot, monkeypatch, answers
):
    path = tmp_path / "department.db"
    shown = []

    def exec_application(_app):
        window = QApplication.activeWindow() or next(
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and w.windowTitle().endswith("Seriktes")
        )
        shown.append(window.windowTitle())
        qtbot.addWidget(window)
        return 0

    monkeypatch.setattr(app_module, "exec_application", exec_application)
    assert main.main(["--database", str(path)]) == 0
    assert path.exists()
    assert shown == ["department.db — Seriktes"]
    with sqlite3.connect(path) as connection:
        assert connection.execute(
            "SELECT value FROM seriktes_info WHERE key = 'application'"
        ).fetchone() == ("seriktes",)


@pytest.mark.sqlite_only
def test_a_recent_database_that_was_moved_is_explained_not_recreated(
    window, tmp_path, settings, answers, db_path
):
    moved = tmp_path / "old-place.db"
    settings.set(RECENT_DATABASES, [str(moved), str(db_path)])
    window._fill_recent()
    next(a for a in window.recent_menu.actions() if a.text() == str(moved)).trigger()
    assert "no longer exists" in answers.errors[-1]
    assert not moved.exists()
    assert settings.get(RECENT_DATABASES) == [str(db_path)]
    assert window.windowTitle() == f"{db_path.name} — Seriktes"
