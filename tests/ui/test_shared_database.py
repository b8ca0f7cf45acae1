"""File ▸ Connect to a shared database…: typed details are tried before the dialog closes and
what is wrong is said in it; the password goes to the keyring (a test keyring of its own),
or is asked again where there is none, and never to the settings; a reader's window is
read-only with a banner; an older shared schema is updated only after the user agrees."""

from __future__ import annotations

import contextlib
from pathlib import Path
from urllib.parse import urlsplit

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt

from models.kinds.organizations import ORGANIZATIONS
from models.store.database import close_database
from models.store.migrations import SCHEMA_VERSION, stored_version
from models.store.records import Organization
from models.store.server_setup import set_up_server
from tests.keyrings import MemoryKeyring
from tests.shared_server import admin, as_user, database_name, needs_server
from ui import dialogs
from ui.connect_dialog import ConnectDialog
from ui.main_window import MainWindow
from ui.settings import RECENT_DATABASES
from ui.shared_database import forget_session_passwords

from .helpers import type_into


@pytest.fixture(autouse=True)
def no_passwords_from_before():
    forget_session_passwords()
    yield
    forget_session_passwords()


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    kept = MemoryKeyring()
    keyring.set_keyring(kept)
    yield kept
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring():
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def fill(qtbot, dialog: ConnectDialog, url: str, password: str) -> None:
    """Type the details of ``url`` and the password into the dialog, then press Enter."""
    parts = urlsplit(url)
    if not dialog.host.isReadOnly():
        type_into(qtbot, dialog.host, parts.hostname)
        type_into(qtbot, dialog.port, str(parts.port or 5432))
        type_into(qtbot, dialog.database, parts.path.lstrip("/"))
        type_into(qtbot, dialog.user, parts.username)
    type_into(qtbot, dialog.password_field, password)
    qtbot.keyClick(dialog.password_field, Qt.Key.Key_Return)


def answered(qtbot, monkeypatch, *passwords: str, url: str = "", seen: list | None = None):
    """The connection dialog answered by typing, one password after another until it closes;
    what it showed is kept in ``seen``."""

    def run(dialog):
        assert isinstance(dialog, ConnectDialog)
        qtbot.addWidget(dialog)
        dialog.show()
        for password in passwords:
            fill(qtbot, dialog, url, password)
            if seen is not None:
                seen.append((dialog.message.text(), dialog.isVisible()))
            if dialog.result():
                break
        return dialog.result()

    monkeypatch.setattr(dialogs, "run_dialog", run)


def set_up(database_target: str, people) -> tuple[str, str]:
    editors, readers = people.groups()
    set_up_server(database_target, editors=editors, readers=readers)
    ORGANIZATIONS.save({"name": "ISTC"})
    return editors, readers


def test_without_a_keyring_the_dialog_says_the_password_is_asked_each_time(qtbot, no_keyring):
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.remember_box.isEnabled() and not dialog.remember
    assert dialog.keyring_note.isVisible()
    assert "asks for it each time it connects" in dialog.keyring_note.text()
    qtbot.keyClick(dialog.host, Qt.Key.Key_Return)
    assert dialog.message.text() == "Type the name or address of the server."
    fill(qtbot, dialog, "postgresql://nobody@127.0.0.1:9/seriktes", "secret")
    assert dialog.isVisible() and not dialog.result()
    assert dialog.message.text() == (
        "The server 127.0.0.1:9 cannot be reached. Check the server's name and port and the "
        "network connection, or ask whether the server is running."
    )
    # The dialog grew for the message; no field was squeezed to make room for it.
    fields = (dialog.host, dialog.port, dialog.database, dialog.user, dialog.password_field)
    assert all(field.height() >= field.sizeHint().height() for field in fields)
    assert dialog.message.height() >= dialog.message.heightForWidth(dialog.message.width())


@needs_server
def test_connecting_opens_the_shared_database_and_keeps_the_password_in_the_keyring_only(
    qtbot, window, database_target, people, memory_keyring, monkeypatch, settings, tmp_path
):
    editors, _readers = set_up(database_target, people)
    editor, password = people.login(editors)
    url = as_user(database_target, editor)
    seen: list = []
    answered(qtbot, monkeypatch, "not the password", password, url=url, seen=seen)
    window.connect_action.trigger()

    if len(seen) == 2:  # a server that checks passwords said the first one was wrong
        assert seen[0][1]  # the dialog stayed open
        assert f"did not accept the user name {editor} with this password" in seen[0][0]
    assert not seen[-1][1]
    assert window.database_target == url
    assert window.windowTitle().startswith(f"{database_name(url)} on ")
    assert not window.banner.isVisible() and window.new_action.isEnabled()
    assert settings.get(RECENT_DATABASES)[0] == url
    settings.sync()
    assert password not in Path(tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert list(memory_keyring.kept.values()) == [password]

    # The next start opens it from the recent databases with the keyring's password.
    window.close()
    close_database()
    forget_session_passwords()
    monkeypatch.setattr(dialogs, "run_dialog", lambda _dialog: pytest.fail("asked again"))
    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert again.open_database(url, create=False)
    assert [o.name for o in Organization.select()] == ["ISTC"]
    again.close()


@needs_server
def test_without_a_keyring_the_password_is_asked_again_next_time(
    qtbot, window, database_target, people, no_keyring, monkeypatch
):
    editors, _readers = set_up(database_target, people)
    editor, password = people.login(editors)
    url = as_user(database_target, editor)
    answered(qtbot, monkeypatch, password, url=url)
    window.connect_action.trigger()
    assert window.database_target == url

    forget_session_passwords()  # the app was started again
    asked: list[ConnectDialog] = []

    def ask(dialog):
        asked.append(dialog)
        qtbot.addWidget(dialog)
        dialog.show()
        fill(qtbot, dialog, url, password)
        return dialog.result()

    monkeypatch.setattr(dialogs, "run_dialog", ask)
    window.open_database(url, create=False)
    (dialog,) = asked
    assert dialog.host.isReadOnly() and dialog.user.text() == editor
    assert window.database_target == url and window.new_action.isEnabled()


@needs_server
def test_a_readers_window_is_read_only_with_a_banner(qtbot, window, database_target, people):
    _editors, readers = set_up(database_target, people)
    reader, password = people.login(readers)
    url = as_user(database_target, reader)
    with_password = url.replace(f"{reader}@", f"{reader}:{password}@")
    assert window.open_database(with_password)
    assert window.database_target == url
    assert window.banner.isVisible()
    assert window.banner.text() == (
        f"Read-only: {reader} may only read this shared database. You can look at every "
        "record, but not change any."
    )
    assert window.windowTitle().endswith("(read-only) — Seriktes")
    assert not window.new_action.isEnabled() and not window.import_action.isEnabled()
    assert not window.backup_action.isEnabled() and not window.restore_action.isEnabled()
    assert window.settings.get(RECENT_DATABASES)[0] == url


@needs_server
def test_a_reader_is_told_before_connecting_that_the_database_opens_read_only(
    qtbot, window, database_target, people, no_keyring, monkeypatch
):
    _editors, readers = set_up(database_target, people)
    reader, password = people.login(readers)
    url = as_user(database_target, reader)
    seen: list = []

    def run(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        fill(qtbot, dialog, url, password)
        seen.append(
            (
                dialog.isVisible(),
                dialog.message.text(),
                dialog.connect_button.text(),
                dialog.message.styleSheet(),
            )
        )
        # Enter again, nothing changed: the user opens it as it is.
        qtbot.keyClick(dialog.password_field, Qt.Key.Key_Return)
        return dialog.result()

    monkeypatch.setattr(dialogs, "run_dialog", run)
    window.connect_action.trigger()
    ((stayed, said, button, style),) = seen
    assert stayed
    assert said.endswith(f"opens read-only: {reader} may only read this shared database.")
    assert button == "&Open read-only"
    assert "#9b1c1c" not in style  # a notice, not shown as an error
    assert window.database_target == url
    assert window.banner.isVisible() and not window.new_action.isEnabled()


@needs_server
def test_an_older_shared_schema_is_updated_only_after_the_user_agrees(
    window, database_target, answers
):
    ORGANIZATIONS.save({"name": "ISTC"})
    with contextlib.closing(admin(database_name(database_target))) as connection:
        connection.cursor().execute(
            "UPDATE seriktes_info SET value = %s WHERE key = 'schema_version'",
            (str(SCHEMA_VERSION - 1),),
        )
    answers.confirm = False
    assert not window.open_database(database_target, create=False)
    assert answers.asked[-1].startswith("Update the shared database|")
    assert (
        f"(schema {SCHEMA_VERSION - 1}). Update it to schema {SCHEMA_VERSION} now?"
        in (answers.asked[-1])
    )
    assert "was not updated" in answers.errors[-1]
    answers.confirm = True
    assert window.open_database(database_target, create=False)
    assert stored_version() == SCHEMA_VERSION
    assert not window.banner.isVisible()


@needs_server
def test_an_older_version_shows_a_newer_shared_database_read_only(window, database_target):
    with contextlib.closing(admin(database_name(database_target))) as connection:
        connection.cursor().execute(
            "UPDATE seriktes_info SET value = %s WHERE key = 'schema_version'",
            (str(SCHEMA_VERSION + 1),),
        )
    assert window.open_database(database_target, create=False)
    assert window.banner.text() == (
        f"Read-only: it was made by a newer version of Seriktes (schema {SCHEMA_VERSION + 1}; "
        f"this version knows schemas up to {SCHEMA_VERSION}), which this version must not "
        "change: update Seriktes. You can look at every record, but not change any."
    )
    assert not window.new_action.isEnabled()
