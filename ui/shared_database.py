"""A shared database in the window: File ▸ Connect to a shared database…, the password asked
when neither the keyring nor this session knows it, and the update of an older schema, asked
before it runs. A server's database is listed with the recent databases by its URL, which
never holds the password."""

from __future__ import annotations

from typing import TYPE_CHECKING

from peewee import Database
from PySide6.QtCore import QCoreApplication

from models.errors import SeriktesError
from models.store.database import open_database
from models.store.passwords import forget_password, remember_password, stored_password
from models.store.server import (
    PasswordNeeded,
    ServerAddress,
    WrongPassword,
    is_server,
    parse_url,
    without_password,
)
from ui import dialogs
from ui.busy import busy_pointer
from ui.connect_dialog import ConnectDialog
from ui.settings import RECENT_DATABASES

if TYPE_CHECKING:  # the window installs this module; only its type is needed here
    from ui.main_window import MainWindow

# Passwords typed (or given in a URL) while the app runs, by the URL without them: asked once
# per session when the keyring cannot keep them. Never written anywhere.
_typed: dict[str, str] = {}


def tr(text: str) -> str:
    return QCoreApplication.translate("SharedDatabase", text)


def set_aside_password(target: str) -> str:
    """A database's name as it may be kept and shown: a server URL's password is taken out
    and kept for this session only."""
    if not is_server(target):
        return target
    password = parse_url(target)[1]
    shown = without_password(target)
    if password is not None:
        _typed[shown] = password
    return shown


def forget_session_passwords() -> None:
    _typed.clear()


def _last_server(window: MainWindow) -> ServerAddress | None:
    """The server last connected to, offered again: a department has one."""
    for target in window.settings.get(RECENT_DATABASES):
        if is_server(target):
            return parse_url(target)[0]
    return None


def connect_to_shared_database(window: MainWindow) -> bool:
    """Ask where the shared database is and open it in the window."""
    dialog = ConnectDialog(window, _last_server(window))
    if not dialogs.run_dialog(dialog):
        return False
    _keep(window, dialog)
    return window.open_database(dialog.address.url(), create=False)


def _keep(window: MainWindow, dialog: ConnectDialog) -> None:
    """The password the server accepted: for this session, and in the keyring when asked."""
    url = dialog.address.url()
    password = dialog.password
    if password is None:
        _typed.pop(url, None)
        return
    _typed[url] = password
    if dialog.remember and not remember_password(dialog.address, password):
        window.statusBar().showMessage(
            tr("The password could not be kept in this computer's keyring; it is asked next time."),
            10000,
        )


def open_shared(window: MainWindow, target: str) -> Database | None:
    """Open a server database for the window, with the password this session or the keyring
    knows (else asked for), updating an older schema when the user agrees. None when it was
    not opened; the reason was shown."""
    address = parse_url(target)[0]
    url = without_password(target)
    typed = _typed.get(url)
    password = typed if typed is not None else stored_password(address)
    try:
        with busy_pointer():
            return open_database(
                url,
                create=False,
                password=password,
                confirm_upgrade=lambda found, current: _confirm_upgrade(
                    window, address, found, current
                ),
            )
    except WrongPassword as error:
        if password is not None and not isinstance(error, PasswordNeeded):
            _typed.pop(url, None)
            if typed is None:
                forget_password(address)  # the keyring's password is no longer the right one
        message = "" if isinstance(error, PasswordNeeded) else str(error)
        dialog = ConnectDialog(window, address, message, password_only=True)
        if not dialogs.run_dialog(dialog):
            return None
        _keep(window, dialog)
        return open_shared(window, url)
    except SeriktesError as error:
        dialogs.show_error(window, tr("Cannot open the database"), str(error))
        return None


def _confirm_upgrade(window: MainWindow, address: ServerAddress, found: int, current: int) -> bool:
    return dialogs.confirm(
        window,
        tr("Update the shared database"),
        tr(
            "{database} was made by an older version of Seriktes (schema {found}). Update it "
            "to schema {current} now?"
        ).format(database=address.shown(), found=found, current=current),
        tr(
            "The update runs once, for every desktop: those still running an older version of "
            "Seriktes can then only read the records until they are updated. Make a backup of "
            "the database on its server first (pg_dump) if it has none."
        ),
        action=tr("Update"),
    )
