"""Opening what cannot be changed: a file this window cannot write, a database another window
holds; and backups made and restored from the File menu."""

from __future__ import annotations

import hashlib
import sqlite3

from models.kinds.organizations import ORGANIZATIONS
from models.store.backups import backups_of
from models.store.database import close_database, open_database
from models.store.records import Organization
from ui import dialogs
from ui import main_window as main_window_module
from ui.database_lock import DatabaseLock
from ui.main_window import MainWindow


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def made(path, *names):
    open_database(path)
    for name in names:
        ORGANIZATIONS.save({"name": name})
    close_database()
    return path


def open_window(qtbot, settings, path):
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    window.open_database(str(path))
    return window


def test_a_file_that_cannot_be_written_opens_read_only_with_a_banner(
    qtbot, settings, answers, tmp_path, monkeypatch
):
    path = made(tmp_path / "shared.db", "ISTC", "CSIC")
    before = digest(path)
    monkeypatch.setattr(main_window_module, "can_write", lambda _path: False)
    window = open_window(qtbot, settings, path)
    assert window.read_only
    assert window.banner.isVisible()
    assert "cannot be written to" in window.banner.text()
    assert window.windowTitle() == "shared.db (read-only) — Seriktes"
    page = window.pages["organization"]
    assert page.model.rowCount() == 2
    page.open(Organization.get(Organization.name == "ISTC").id)
    assert not page.form.save_button.isEnabled()
    assert not page.form.delete_button.isEnabled()
    assert not page.form.inputs["name"].isEnabled()
    assert not page.new_button.isEnabled()
    assert not window.import_action.isEnabled()
    window.close()
    assert digest(path) == before
    assert backups_of(path) == []  # nothing is written for it, not even a backup


def test_a_second_window_is_told_who_holds_the_database(
    qtbot, settings, answers, tmp_path, monkeypatch
):
    path = made(tmp_path / "department.db", "ISTC")
    first = open_window(qtbot, settings, path)
    assert not first.read_only
    asked = []

    def answer(_parent, name, holder):
        asked.append((name, holder))
        return True

    monkeypatch.setattr(dialogs, "ask_open_read_only", answer)
    second = open_window(qtbot, settings, path)
    [(name, holder)] = asked
    assert name == "department.db" and "process" in holder
    assert second.read_only
    assert "open in another window" in second.banner.text()
    assert second.pages["organization"].model.rowCount() == 1

    monkeypatch.setattr(dialogs, "ask_open_read_only", lambda *_args: False)
    third = MainWindow(settings)
    qtbot.addWidget(third)
    assert not third.open_database(str(path))
    assert third.database_target is None
    first.close()
    lock = DatabaseLock(path)
    assert lock.acquire()  # the first window let go of it when it closed
    lock.release()


def test_opening_makes_a_daily_backup(qtbot, settings, answers, tmp_path):
    path = made(tmp_path / "records.db", "ISTC")
    window = open_window(qtbot, settings, path)
    qtbot.waitUntil(lambda: window._backup_task is None)  # made on a thread of its own
    [backup] = backups_of(path)
    assert backup.reason == "daily" and backup.counts()["organization"] == 1
    window.close()
    open_window(qtbot, settings, path).close()
    assert len(backups_of(path)) == 1  # not twice the same day


def test_restore_brings_back_the_backed_up_records_after_backing_up_the_present(
    qtbot, settings, answers, tmp_path, monkeypatch
):
    path = made(tmp_path / "records.db", "ISTC", "CSIC")
    window = open_window(qtbot, settings, path)
    monkeypatch.setattr(dialogs, "run_dialog", lambda dialog: 1)
    window.back_up_now()
    page = window.pages["organization"]
    page.open(Organization.get(Organization.name == "CSIC").id)
    page.form.delete()  # answers.confirm is True
    ORGANIZATIONS.save({"name": "Nazarbayev University"})
    assert {o.name for o in Organization.select()} == {"ISTC", "Nazarbayev University"}

    def choose_by_hand(dialog):
        dialog.list.setCurrentRow(
            next(i for i, b in enumerate(dialog.backups) if b.reason == "by hand")
        )
        return 1

    monkeypatch.setattr(dialogs, "run_dialog", choose_by_hand)
    window.restore_from_backup()
    assert {o.name for o in Organization.select()} == {"ISTC", "CSIC"}
    assert window.pages["organization"].model.rowCount() == 2
    before = next(b for b in backups_of(path) if b.reason == "before restore")
    with sqlite3.connect(before.path) as connection:
        names = {row[0] for row in connection.execute("SELECT name FROM organization")}
    assert names == {"ISTC", "Nazarbayev University"}
    assert any("Restore from backup|Go back" in asked for asked in answers.asked)
    assert window.statusBar().currentMessage().startswith("Restored.")


def test_a_damaged_database_is_explained_and_its_newest_backup_offered(
    qtbot, settings, answers, tmp_path
):
    path = made(tmp_path / "records.db", "ISTC", "CSIC")
    window = open_window(qtbot, settings, path)  # makes the daily backup
    window.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\x00" * 3996  # the schema page, wiped
    path.write_bytes(bytes(data))
    damaged = digest(path)

    answers.confirm = False
    refused = MainWindow(settings)
    qtbot.addWidget(refused)
    assert not refused.open_database(str(path))
    assert "damaged" in answers.asked[-1]
    assert "damaged" in answers.errors[-1]
    assert digest(path) == damaged  # refused, and never modified

    answers.confirm = True
    restored = open_window(qtbot, settings, path)
    assert restored.database_target == str(path)
    assert {o.name for o in Organization.select()} == {"ISTC", "CSIC"}
    # The damaged file was kept before the backup replaced it.
    assert any(b.reason in ("before restore", "damaged copy") for b in backups_of(path))


def test_the_pointer_is_busy_while_a_database_opens_and_back_after(
    qtbot, settings, answers, tmp_path, monkeypatch
):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    path = made(tmp_path / "records.db", "ISTC")
    shapes = []
    opening = main_window_module.open_database

    def watched(*args, **kwargs):
        cursor = QApplication.overrideCursor()
        shapes.append(cursor.shape() if cursor is not None else None)
        return opening(*args, **kwargs)

    monkeypatch.setattr(main_window_module, "open_database", watched)
    window = open_window(qtbot, settings, path)
    assert shapes == [Qt.CursorShape.WaitCursor]
    assert QApplication.overrideCursor() is None

    foreign = tmp_path / "notes.txt"
    foreign.write_text("not a database")
    assert not window.open_database(str(foreign), create=False)
    assert "Cannot open" in answers.errors[-1]
    assert QApplication.overrideCursor() is None  # the refusal did not leave it busy
