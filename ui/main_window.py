"""The main window: the navigation between kinds of record, the File menu with databases,
and the keyboard shortcuts that reach the page shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from models.appdirs import data_dir, log_dir
from models.database import close_database, describe, open_database
from models.errors import DatabaseOpenError
from resources import icon_path
from ui import dialogs
from ui.pages import PAGES
from ui.record_page import RecordPage
from ui.settings import CURRENT_PAGE, RECENT_DATABASES, WINDOW_GEOMETRY, AppSettings


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class NoDatabasePage(QWidget):
    """What the window shows while no database is open."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        title = QLabel(tr("No database is open"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(tr("Open the database file of your department, or create a new one."))
        text.setWordWrap(True)
        open_button = QPushButton(tr("Open database…"))
        open_button.clicked.connect(window.choose_database)
        new_button = QPushButton(tr("New database…"))
        new_button.clicked.connect(window.new_database)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (title, text, open_button, new_button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)


class MainWindow(QMainWindow):
    def __init__(self, settings: AppSettings) -> None:
        super().__init__()
        self.settings = settings
        self.database_target: str | None = None
        self.setWindowIcon(QIcon(icon_path("seriktes")))
        self.setMinimumSize(QSize(900, 560))

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(22, 22))
        self.navigation.setSpacing(2)
        self.pages: dict[str, RecordPage] = {}
        self.stack = QStackedWidget()
        self.no_database = NoDatabasePage(self)
        self.stack.addWidget(self.no_database)
        for spec in PAGES:
            page = RecordPage(spec, settings)
            page.open_record.connect(self.open_record)
            page.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
            self.pages[spec.kind] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(QIcon(icon_path(spec.icon)), tr(spec.title))
            item.setData(Qt.ItemDataRole.UserRole, spec.kind)
            item.setSizeHint(QSize(0, 34))
            self.navigation.addItem(item)
        self.navigation.setFixedWidth(180)
        self.navigation.currentRowChanged.connect(self._navigate)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigation)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._show_database(None)

        geometry = settings.get(WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    # -- menus -------------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, menu=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        if menu is not None:
            menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("&File"))
        self.new_database_action = self._action(
            tr("&New database…"), self.new_database, "Ctrl+Shift+N", file_menu
        )
        self.open_database_action = self._action(
            tr("&Open database…"), self.choose_database, QKeySequence.StandardKey.Open, file_menu
        )
        self.recent_menu = file_menu.addMenu(tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self.quit_action = self._action(
            tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, file_menu
        )

        record_menu = bar.addMenu(tr("&Record"))
        self.new_action = self._action(
            tr("&New"), lambda: self.page().new_record(), QKeySequence.StandardKey.New, record_menu
        )
        self.save_action = self._action(
            tr("&Save"), lambda: self.page().form.save(), QKeySequence.StandardKey.Save, record_menu
        )
        self.delete_action = self._action(
            tr("&Delete…"), lambda: self.page().form.delete(), None, record_menu
        )
        record_menu.addSeparator()
        self.find_action = self._action(
            tr("&Find"),
            lambda: self.page().focus_search(),
            QKeySequence.StandardKey.Find,
            record_menu,
        )
        self.record_actions = (
            self.new_action,
            self.save_action,
            self.delete_action,
            self.find_action,
        )

        view_menu = bar.addMenu(tr("&View"))
        for number, spec in enumerate(PAGES, start=1):
            self._action(
                tr(spec.title),
                lambda _=False, k=spec.kind: self.show_page(k),
                f"Ctrl+{number}",
                view_menu,
            )

        help_menu = bar.addMenu(tr("&Help"))
        self._action(tr("Open the &log folder"), self._show_log_folder, None, help_menu)
        self._action(tr("&About Seriktes"), self._about, None, help_menu)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.get(RECENT_DATABASES)
        if not recent:
            self.recent_menu.addAction(tr("No recent databases")).setEnabled(False)
        for target in recent:
            action = self.recent_menu.addAction(target)
            action.triggered.connect(lambda _=False, t=target: self.open_database(t, create=False))
        if recent:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(tr("Clear the list"), self._clear_recent)

    def _clear_recent(self) -> None:
        self.settings.set(RECENT_DATABASES, [])

    # -- pages -------------------------------------------------------------------------------

    def page(self) -> RecordPage:
        widget = self.stack.currentWidget()
        if isinstance(widget, RecordPage):
            return widget
        return self.pages[PAGES[0].kind]

    def show_page(self, kind: str) -> bool:
        page = self.pages[kind]
        current = self.stack.currentWidget()
        if (
            isinstance(current, RecordPage)
            and current is not page
            and not current.form.maybe_leave()
        ):
            self._sync_navigation()
            return False
        if self.database_target is not None:
            self.stack.setCurrentWidget(page)
        self._sync_navigation(kind)
        return True

    def _sync_navigation(self, kind: str | None = None) -> None:
        kind = kind or self.page().spec.kind
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow([spec.kind for spec in PAGES].index(kind))
        self.navigation.blockSignals(False)

    def _navigate(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            self.show_page(PAGES[row].kind)

    def open_record(self, kind: str, record_id: int) -> None:
        if self.show_page(kind):
            self.pages[kind].open(record_id)

    # -- databases ---------------------------------------------------------------------------

    def open_database(self, target: str, create: bool = True) -> bool:
        """Open a database in place of the current one; says why when it cannot. A file is
        created only when asked for (a new database, the command line, the first start),
        never for a recent database that has since moved."""
        if not self._leave_all():
            return False
        previous = self.database_target
        self._show_database(None)
        close_database()
        try:
            database = open_database(target, create=create)
        except DatabaseOpenError as error:
            dialogs.show_error(self, tr("Cannot open the database"), str(error))
            if not create:
                self.settings.forget_database(target)
            if previous is not None and previous != target:
                self._reopen(previous)
            return False
        self.settings.remember_database(target)
        self._show_database(target, describe(database))
        return True

    def _reopen(self, target: str) -> None:
        try:
            self._show_database(target, describe(open_database(target, create=False)))
        except DatabaseOpenError:
            self._show_database(None)

    def _show_database(self, target: str | None, name: str = "") -> None:
        self.database_target = target
        available = target is not None
        for page in self.pages.values():
            page.set_available(available)
        for action in self.record_actions:
            action.setEnabled(available)
        self.navigation.setEnabled(available)
        if available:
            self.setWindowTitle(f"{name} — Seriktes")
            kind = self.settings.get(CURRENT_PAGE)
            self.show_page(kind if kind in self.pages else PAGES[0].kind)
        else:
            self.setWindowTitle("Seriktes")
            self.stack.setCurrentWidget(self.no_database)

    def _folder(self) -> str:
        if self.database_target and "://" not in self.database_target:
            return str(Path(self.database_target).parent)
        return str(data_dir())

    def choose_database(self) -> None:
        path = dialogs.choose_database(self, self._folder())
        if path:
            self.open_database(path)

    def new_database(self) -> None:
        path = dialogs.choose_new_database(self, self._folder())
        if not path:
            return
        if Path(path).suffix == "":
            path += ".db"
        if Path(path).exists():
            dialogs.show_error(
                self,
                tr("Cannot create the database"),
                tr(
                    "{name} already exists. Choose a new name: an existing file is never "
                    "overwritten."
                ).format(name=Path(path).name),
            )
            return
        self.open_database(path)

    # -- leaving -----------------------------------------------------------------------------

    def _leave_all(self) -> bool:
        return all(page.form.maybe_leave() for page in self.pages.values())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._leave_all():
            event.ignore()
            return
        self.settings.set(WINDOW_GEOMETRY, self.saveGeometry())
        if self.database_target is not None:
            self.settings.set(CURRENT_PAGE, self.page().spec.kind)
        for page in self.pages.values():
            page.save_layout()
        self.settings.sync()
        close_database()
        event.accept()

    # -- help --------------------------------------------------------------------------------

    def _show_log_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        log_dir().mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir())))

    def _about(self) -> None:
        from ui.crash import application_version

        box = QMessageBox(
            QMessageBox.Icon.Information,
            tr("About Seriktes"),
            tr(
                "Seriktes {version}\n\nPartnership records of an international cooperation "
                "department: partners, people, events, delegations, programs, agreements and key "
                "figures.\n\nDatabase: {database}"
            ).format(version=application_version(), database=self.database_target or tr("none")),
            parent=self,
        )
        box.setIconPixmap(QIcon(icon_path("seriktes")).pixmap(64, 64))
        dialogs.launch(box)
