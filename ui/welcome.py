"""The very first start, and the sample records: the welcome that offers to explore with
sample records or to start with an empty database, and the File menu's way to make another
database of sample records later."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from models.appdirs import data_dir, default_database_path
from models.errors import SeriktesError
from models.sample import (
    SAMPLE_DATABASE_NAME,
    database_is_empty,
    load_sample_records,
    sample_database_path,
)
from ui import dialogs
from ui.main_window import MainWindow
from ui.settings import FIRST_START_CHOICE, LAST_DATABASE, AppSettings

SAMPLE = "sample"
EMPTY = "empty"


def tr(text: str) -> str:
    return QCoreApplication.translate("welcome", text)


class WelcomeDialog(QDialog):
    """Two ways to begin; ``choice`` says which was taken (None if the dialog was closed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choice: str | None = None
        self.setWindowTitle(tr("Welcome to Seriktes"))
        title = QLabel(tr("Welcome to Seriktes"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            tr(
                "Seriktes keeps the partnership records of your department: partners, people, "
                "events, delegations, programs, agreements and key figures. How would you like "
                "to begin?"
            )
        )
        text.setWordWrap(True)
        self.sample_button = QCommandLinkButton(
            tr("Explore with sample records"),
            tr(
                "Partners, people, events and figures from press articles on Kazakhstan's "
                "scientific cooperation, in a database of their own. Your own records will go "
                "into another database."
            ),
        )
        self.sample_button.clicked.connect(lambda: self._choose(SAMPLE))
        self.empty_button = QCommandLinkButton(
            tr("Start with an empty database"),
            tr("A new database in your data folder, ready for your department's records."),
        )
        self.empty_button.clicked.connect(lambda: self._choose(EMPTY))
        later = QLabel(tr("Both remain available later from the File menu."))
        later.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (title, text, self.sample_button, self.empty_button, later, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(520)

    @property
    def choice(self) -> str | None:
        return self._choice

    def _choose(self, choice: str) -> None:
        self._choice = choice
        self.accept()


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
