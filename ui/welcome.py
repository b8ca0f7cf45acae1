"""The very first start, and the sample records: the welcome that offers to explore with
sample records or to start with an empty database, and the File menu's way to make another
database of sample records later."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from models.errors import SeriktesError
from models.sample import (
    SAMPLE_DATABASE_NAME,
    database_is_empty,
    load_sample_records,
    sample_database_path,
)
from models.store.appdirs import data_dir, default_database_path
from ui import dialogs
from ui.settings import FIRST_START_CHOICE, LAST_DATABASE, AppSettings
from ui.welcome_dialog import EMPTY, SAMPLE
from ui.window_parts import window_part

if TYPE_CHECKING:  # the window imports this module's dialogs; only its type is needed here
    from ui.main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("welcome", text)


# -- the very first start ---------------------------------------------------------------------


def is_first_start(settings: AppSettings, requested: str | None) -> bool:
    """Seriktes starts for the very first time: no database asked for on the command line,
    none used before, no default database yet, and no choice made on an earlier start."""
    return not (
        requested
        or settings.get(FIRST_START_CHOICE)
        or settings.get(LAST_DATABASE)
        or default_database_path().exists()
    )


def first_start(window: MainWindow) -> bool:
    """Ask how to begin and open the database chosen. Closing the welcome leaves the window
    without a database (it offers to open or create one), and the next start asks again."""
    choice = dialogs.ask_first_start(window)
    if choice == SAMPLE:
        opened = open_sample_database(window, sample_database_path())
    elif choice == EMPTY:
        path = default_database_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        opened = window.open_database(str(path), create=True)
    else:
        return False
    if opened:
        window.settings.set(FIRST_START_CHOICE, choice)
    return opened


# -- sample records ---------------------------------------------------------------------------


def open_sample_database(window: MainWindow, path: Path) -> bool:
    """Open the database at ``path`` in the window, filling it with the sample records if it
    holds no records yet (one it already holds records in is opened as it is)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not window.open_database(str(path), create=True):
        return False
    if not database_is_empty():
        return True
    try:
        load_sample_records()
    except SeriktesError as error:
        dialogs.show_error(window, tr("Cannot add the sample records"), str(error))
        return False
    # Opened again so that every list and filter reads the records just added.
    return window.open_database(str(path), create=False)


def new_sample_database(window: MainWindow) -> bool:
    """File ▸ New database with sample records…: a new file, never an existing one."""
    target = window.database_target
    folder = Path(target).parent if target and "://" not in target else data_dir()
    chosen = dialogs.choose_new_sample_database(window, str(folder / SAMPLE_DATABASE_NAME))
    if not chosen:
        return False
    path = Path(chosen)
    if path.suffix == "":
        path = path.with_name(path.name + ".db")
    if path.exists():
        dialogs.show_error(
            window,
            tr("Cannot create the database"),
            tr(
                "{name} already exists. Choose a new name: an existing file is never overwritten."
            ).format(name=path.name),
        )
        return False
    return open_sample_database(window, path)


@window_part
def install_sample_actions(window: MainWindow) -> QAction:
    """Add File ▸ New database with sample records… among the database actions, above Quit."""
    action = QAction(tr("New database with &sample records…"), window)
    action.triggered.connect(lambda: new_sample_database(window))
    actions = window.file_menu.actions()
    before = actions.index(window.quit_action)
    # Above the separator that sets Quit apart, so it stays with the other database actions.
    if before > 0 and actions[before - 1].isSeparator():
        before -= 1
    window.file_menu.insertAction(actions[before], action)
    window.new_sample_database_action = action
    return action
