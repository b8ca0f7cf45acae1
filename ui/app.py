"""Starting the window: the application object, the crash handler, and the database to open
first."""

from __future__ import annotations

import logging
import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from models.store.appdirs import default_database_path, setup_logging
from models.store.files import shown_name
from models.words.translation import resolve_language
from resources import icon_path
from ui import crash
from ui.dashboard import install_dashboard
from ui.export_action import install_export
from ui.live_updates import install_live_updates
from ui.main_window import MainWindow
from ui.print_actions import install_printing
from ui.search_box import install_search
from ui.settings import LAST_DATABASE, AppSettings
from ui.translator import install_language
from ui.welcome import first_start, install_sample_actions, is_first_start

log = logging.getLogger("seriktes")


def application() -> QApplication:
    # Qt takes its own options from the command line; an argument that is not text (a file
    # name in bytes that are not UTF-8) crashes it, so it is given them as text.
    arguments = [shown_name(argument) for argument in sys.argv]
    app = QApplication.instance() or QApplication(arguments)
    app.setApplicationName("Seriktes")
    app.setOrganizationName("Seriktes")
    app.setApplicationDisplayName("Seriktes")
    app.setDesktopFileName("seriktes")
    app.setWindowIcon(QIcon(icon_path("seriktes")))
    app.setStyle("Fusion")
    return app


def first_database(settings: AppSettings, requested: str | None) -> tuple[str, bool]:
    """The database to open first, and whether it may be created: the one given on the
    command line, else the last one used (which must still exist), else the default database
    in the user's data folder (made on first start)."""
    if requested:
        return requested, True
    last = settings.get(LAST_DATABASE)
    if last:
        return last, False
    path = default_database_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return str(path), True


def build_window(database: str | None, settings: AppSettings | None = None) -> MainWindow:
    settings = settings or AppSettings()
    window = MainWindow(settings)
    install_dashboard(window)
    install_search(window)
    install_export(window)
    install_printing(window)
    install_sample_actions(window)
    install_live_updates(window)
    if is_first_start(settings, database):
        first_start(window)
        return window
    # On screen before the database opens: what it shows first is read while it opens, so a
    # damaged database is met there, with the window to offer a backup or another database.
    window.show()
    target, create = first_database(settings, database)
    window.open_database(target, create=create)
    return window


def exec_application(app: QApplication) -> int:
    return app.exec()


def run(database: str | None, language: str | None = None) -> int:
    """Open the window on ``database`` in ``language`` (by default the user's choice, else the
    system's)."""
    log_path = setup_logging()
    app = application()
    install_language(app, language or resolve_language())
    crash.install(str(log_path))
    log.info("Seriktes starting")
    window = build_window(database)
    window.show()
    return exec_application(app)
