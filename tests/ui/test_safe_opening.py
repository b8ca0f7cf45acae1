"""Opening what cannot be changed: a file this window cannot write, a database another window
holds; and backups made and restored from the File menu."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from models.kinds.organizations import ORGANIZATIONS
from models.store.backups import backups_of, make_backup
from models.store.database import close_database, open_database
from models.store.records import Organization
from tests.hostile_databases import needs_permissions, wiped_schema
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


# The window opened in a process of its own, without root's bypass of permissions; every
# question it asks is written down instead of shown, and what it shows is printed.
READ_ONLY_WINDOW = """
import json, sys
from ui import dialogs
from tests.hostile_databases import needs_permissions, wiped_schema
from ui.main_window import MainWindow
from ui.settings import AppSettings
from PySide6.QtWidgets import QApplication
from models.store.records import Organization

asked = []
RESTORE = dialogs.Damaged.RESTORE
dialogs.ask_damaged = lambda _p, why, made: asked.append(("damaged", why, made)) or RESTORE
dialogs.show_error = lambda _p, title, text: asked.append(("error", title, text))
dialogs.confirm = lambda *args, **kwargs: asked.append(("confirm",) + args[1:]) or True
app = QApplication([])
window = MainWindow(AppSettings(sys.argv[2]))
window.show()
opened = window.open_database(sys.argv[1], create=False)
page = window.pages["organization"]
window.show_page("organization")
if opened:
    page.open(Organization.get(Organization.name == "ISTC").id)
print(json.dumps({
    "opened": opened,
    "read_only": window.read_only,
    "banner": window.banner.text() if window.banner.isVisible() else "",
    "title": window.windowTitle(),
    "rows": page.model.rowCount(),
    "save": page.form.save_button.isEnabled(),
    "delete": page.form.delete_button.isEnabled(),
    "name": page.form.inputs["name"].isEnabled(),
    "new": page.new_button.isEnabled(),
    "import": window.import_action.isEnabled(),
    "restore": window.restore_action.isEnabled(),
    "asked": asked,
}))
window.close()
"""


def open_as_a_user(tmp_path, path) -> dict:
    import json
    import os
    import subprocess
    import sys

    from tests.hostile_databases import ROOT, as_a_user

    home = tmp_path / "home"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home)}
    env["XDG_DATA_HOME"] = str(home / "data")
    run = subprocess.run(
        as_a_user([sys.executable, "-c", READ_ONLY_WINDOW, str(path), str(tmp_path / "s.ini")]),
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout.strip().splitlines()[-1])


@needs_permissions
@pytest.mark.sqlite_only
@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_file_or_folder_that_cannot_be_written_opens_read_only_never_damaged(tmp_path, what):
    folder = tmp_path / "shared"
    folder.mkdir()
    path = made(folder / "shared.db", "ISTC", "CSIC")
    make_backup(path, "daily")  # a backup exists, and must not be offered in its place
    before = digest(path)
    (path if what == "file" else folder).chmod(0o444 if what == "file" else 0o555)
    try:
        shown = open_as_a_user(tmp_path, path)
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)
    assert shown["asked"] == []  # neither called damaged nor offered a backup
    assert shown["opened"] and shown["read_only"]
    assert shown["banner"] == (
        "Read-only: the file or its folder cannot be written to. You can look at every "
        "record, but not change any."
    )
    assert shown["title"] == "shared.db (read-only) — Seriktes"
    assert shown["rows"] == 2
    assert not any(shown[key] for key in ("save", "delete", "name", "new", "import", "restore"))
    assert digest(path) == before
    assert [b.reason for b in backups_of(path)] == ["daily"]  # nothing written for it


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
    qtbot.waitUntil(lambda: window._backup_task is None)
    window.close()
    wiped_schema(path)
    damaged = digest(path)

    refused = MainWindow(settings)
    qtbot.addWidget(refused)
    assert not refused.open_database(str(path))  # answers.damaged: close
    assert answers.asked[-1].startswith("damaged|records.db is damaged")
    assert digest(path) == damaged  # refused, and never modified

    answers.damaged = dialogs.Damaged.RESTORE
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
