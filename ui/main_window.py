"""The main window: the navigation between kinds of record, the File menu with databases,
and the keyboard shortcuts that reach the page shown."""

from __future__ import annotations

import contextlib
import sqlite3
import warnings
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from peewee import Database, DatabaseError, InterfaceError
from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenuBar,
    QPushButton,
    QStackedWidget,
    QStatusBar,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from models.errors import DamagedDatabase, DatabaseReadOnly, SeriktesError
from models.merging import Merged, Unmerged
from models.store.appdirs import data_dir
from models.store.backups import backup_if_old, backups_of, make_backup, restore_backup
from models.store.database import can_write, close_database, describe, open_database, sqlite_path
from models.store.files import check_target, opening_error
from models.store.integrity import quick_check
from models.store.server import is_server
from models.trash import Restored
from models.undo import UndoHistory
from models.views import views_of
from models.words.translation import LANGUAGE_NAMES, LANGUAGES, language
from resources import icon_path
from ui import dialogs
from ui.background import Task
from ui.backup_dialog import BackupsDialog
from ui.busy import busy_pointer
from ui.country_page import CountryPage
from ui.database_lock import DatabaseLock, Holder
from ui.edit_actions import TextEditing
from ui.help_menu import HelpMenu
from ui.map_page import MapPage
from ui.navigation import History
from ui.page_spec import PageSpec
from ui.pages import PAGES
from ui.settings import CURRENT_PAGE, RECENT_DATABASES, WINDOW_GEOMETRY, AppSettings
from ui.shared_database import connect_to_shared_database, open_shared, set_aside_password
from ui.table_model import RecordTableModel
from ui.translator import choose_language
from ui.trash_page import TrashPage
from ui.undo import UndoActions

if TYPE_CHECKING:
    from ui.record_page import RecordPage

COUNTRY = "country"
MAP = "map"
# A database file up to this size is checked page by page before the window shows it (about
# half a second); a larger one is checked on a thread of its own while it is shown.
CHECKED_WHILE_OPENING = 128 * 1024 * 1024
TRASH = "trash"
# A navigation entry's saved view (models.views.View), under its list's entry.
VIEW_ROLE = Qt.ItemDataRole.UserRole + 1
FIRST_SHARE = 0.92  # of the screen, for the window the first time it opens
NAVIGATION_WIDTH = 180


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def unwritable() -> str:
    return tr("the file or its folder cannot be written to")


def held_by(holder: Holder | None) -> str:
    """Who holds a database open, as the window says it."""
    return holder.describe() if holder is not None else tr("another window")


def held_elsewhere(holder: Holder | None) -> str:
    return tr("it is open in another window: {who}").format(who=held_by(holder))


def has_state(view: QWidget) -> bool:
    """Whether a page keeps what the user left in it when the window is made again: it has
    ``state()`` and ``restore(state)``."""
    return callable(getattr(view, "state", None)) and callable(getattr(view, "restore", None))


def navigation_width(navigation: QListWidget) -> int:
    """Room for the longest page name beside its icon (names are longer in Kazakh and
    Russian than in English), and never narrower than the window's design."""
    metrics = navigation.fontMetrics()
    widest = max(
        (
            metrics.horizontalAdvance(navigation.item(row).text())
            for row in range(navigation.count())
        ),
        default=0,
    )
    room = widest + navigation.iconSize().width() + 4 * navigation.spacing() + 40
    return max(NAVIGATION_WIDTH, room)


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


class Pages(dict):
    """The record pages made so far, by kind. A page is made the first time it is shown or
    asked for (a record opened in it): a start makes only the page in view, not eight lists
    and their forms. Going through the pages goes through those made."""

    def __init__(self, make: Callable[[str], RecordPage]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, kind: str) -> RecordPage:
        return self._make(kind)


class MainWindow(QMainWindow):
    records_changed = Signal()  # a record was saved, deleted or restored on one of the pages
    database_shown = Signal()  # a database was opened, or closed
    page_made = Signal(object)  # a record page was made (first shown, or in a new language)

    def __init__(self, settings: AppSettings) -> None:
        super().__init__()
        self.settings = settings
        self.database_target: str | None = None
        self.setWindowIcon(QIcon(icon_path("seriktes")))
        self.setMinimumSize(QSize(900, 560))
        self.lock: DatabaseLock | None = None
        self._backup_task: Task | None = None
        self.read_only = False
        self.duplicates_dialog = None  # Record ▸ Find duplicates…, while open
        # Why the database cannot be changed, said in the language shown (None: it can), and
        # its name in the title.
        self._read_only_why: Callable[[], str] | None = None
        self._database_name = ""
        self.history = History()
        self._moving_in_history = False
        self.undo_steps = UndoHistory()
        # There from the start, so a message appearing never moves the window's contents.
        self.setStatusBar(QStatusBar(self))
        # What lives as long as the window; everything else is its contents, made again in
        # another language (see ``follow_language``).
        self._lasting = set(self.children())
        # The parts installed on the window since (the home view, export, …), installed
        # again with the contents.
        self.parts: list[Callable[[MainWindow], object]] = []
        self._language = language()
        # The lists made in a language shown before, out of view since.
        self._stale: set[str] = set()
        self._build()
        self._show_database(None)

        geometry = settings.get(WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self._first_size()

    def _make_page(self, spec: PageSpec, model: RecordTableModel | None = None) -> RecordPage:
        from ui.record_page import RecordPage  # with its form: made when first shown

        page = RecordPage(spec, self.settings, model=model)
        page.open_record.connect(self.open_record)
        page.form.record_shown.connect(self._visited)
        page.form.saved_change.connect(self._saved_change)
        page.form.trashed.connect(self._trashed)
        for gone in (page.form.deleted, page.form.gone):
            gone.connect(lambda record_id, k=spec.kind: self.history.forget((k, record_id)))
        page.form.deleted.connect(lambda _record_id: self.records_changed.emit())
        page.records_changed.connect(self.records_changed)
        page.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        page.views_changed.connect(self._show_saved_views)
        page.bulk_changed.connect(self._bulk_changed)
        page.bulk_trashed.connect(self._bulk_trashed)
        page.left_view.connect(self._left_view)
        self.page_made.emit(page)
        return page

    def _build(
        self,
        kept: dict[str, RecordPage] | None = None,
        models: dict[str, RecordTableModel] | None = None,
    ) -> None:
        """Everything the window shows, in the language of the moment; ``kept``: the lists
        out of view, kept as they are until they come into view; ``models``: lists already
        read, for the pages made again."""
        kept, models = kept or {}, models or {}
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(22, 22))
        self.navigation.setSpacing(2)
        self.pages = Pages(self._page_asked_for)
        self.views: dict[str, QWidget] = {}
        # The lists not made yet: each is made when it first comes into view (``_fresh``).
        self._unmade: set[str] = set()
        self.stack = QStackedWidget()
        self.no_database = NoDatabasePage(self)
        self.stack.addWidget(self.no_database)
        for spec in PAGES:
            # A list out of view, kept from before a change of language, is made again when
            # it comes into view (``_fresh``); the list in view, with the rows it read.
            page = kept.get(spec.kind)
            if page is None and spec.kind in models:
                page = self._make_page(spec, models[spec.kind])
            if page is None:
                self._unmade.add(spec.kind)
                self.add_view(spec.kind, QWidget(), spec.shown_title(), spec.icon)
            else:
                self.pages[spec.kind] = page
                self.add_view(spec.kind, page, spec.shown_title(), spec.icon)
        self.country_page = CountryPage()
        self.country_page.open_record.connect(self.open_record)
        self.country_page.shown.connect(self._visited)
        self.add_view(COUNTRY, self.country_page, tr("Countries"), "country")
        self.map_page = MapPage()
        self.map_page.open_record.connect(self.open_record)
        self.add_view(MAP, self.map_page, tr("Map"), "map")
        self.trash_page = TrashPage()
        self.trash_page.restored.connect(self._restored_from_trash)
        self.trash_page.unmerged.connect(self._unmerged_from_trash)
        self.add_view(TRASH, self.trash_page, tr("Trash"), "trash")
        self.undo = UndoActions(self, self.refresh_all, self._leave_all, self.undo_steps)
        self.navigation.currentRowChanged.connect(self._navigate)

        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background: #fff4d6; color: #5b4300; padding: 6px 10px; font-weight: 600;"
        )
        self.banner.hide()
        pages = QWidget()
        column = QVBoxLayout(pages)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.stack, 1)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigation)
        row.addWidget(pages, 1)
        self.setCentralWidget(central)
        self.setMenuBar(QMenuBar(self))
        self._build_menus()

    def _first_size(self) -> None:
        """The first time, most of the screen the window opens on, centred on it."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1280, 800)
            return
        room = screen.availableGeometry()
        size = QSize(int(room.width() * FIRST_SHARE), int(room.height() * FIRST_SHARE))
        self.resize(size.expandedTo(self.minimumSize()))
        frame = self.frameGeometry()
        frame.moveCenter(room.center())
        self.move(frame.topLeft())

    def add_view(
        self, key: str, widget: QWidget, title: str, icon: str, row: int | None = None
    ) -> None:
        """A page of the window with its entry in the navigation (at ``row``, else last)."""
        self.views[key] = widget
        self.stack.addWidget(widget)
        item = QListWidgetItem(QIcon(icon_path(icon)), title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setSizeHint(QSize(0, 34))
        if row is None:
            self.navigation.addItem(item)
        else:
            self.navigation.insertItem(row, item)
        self.navigation.setFixedWidth(navigation_width(self.navigation))

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
        file_menu = self.file_menu = bar.addMenu(tr("&File"))
        self.new_database_action = self._action(
            tr("&New database…"), self.new_database, "Ctrl+Shift+N", file_menu
        )
        self.open_database_action = self._action(
            tr("&Open database…"), self.choose_database, QKeySequence.StandardKey.Open, file_menu
        )
        self.open_read_only_action = self._action(
            tr("Open read-&only…"), self.choose_database_read_only, None, file_menu
        )
        self.connect_action = self._action(
            tr("Connect to a &shared database…"),
            lambda: connect_to_shared_database(self),
            None,
            file_menu,
        )
        self.recent_menu = file_menu.addMenu(tr("Open &recent"))
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self.import_action = self._action(
            tr("&Import…"), self.import_spreadsheet, "Ctrl+I", file_menu
        )
        file_menu.addSeparator()
        self.backup_action = self._action(tr("&Back up now…"), self.back_up_now, None, file_menu)
        self.restore_action = self._action(
            tr("Re&store from backup…"), self.restore_from_backup, None, file_menu
        )
        file_menu.addSeparator()
        self.quit_action = self._action(
            tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, file_menu
        )

        edit_menu = self.edit_menu = bar.addMenu(tr("&Edit"))
        self.undo_action = self.undo.undo_action
        self.redo_action = self.undo.redo_action
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        self.text_editing = TextEditing(self, edit_menu)
        edit_menu.addSeparator()
        self.language_menu = edit_menu.addMenu(tr("&Language"))
        self.language_actions = QActionGroup(self)
        for code in LANGUAGES:
            # Each language named in itself: read by someone who may not read the one shown.
            action = self.language_menu.addAction(LANGUAGE_NAMES[code])
            action.setCheckable(True)
            action.setChecked(code == language())
            action.setData(code)
            action.triggered.connect(lambda _=False, c=code: self.choose_language(c))
            self.language_actions.addAction(action)
        self.preferences_action = self._action(
            tr("&Preferences…"), self.show_preferences, "Ctrl+,", edit_menu
        )

        record_menu = self.record_menu = bar.addMenu(tr("&Record"))
        self.new_action = self._action(
            tr("&New"),
            lambda: self._on_page(lambda page: page.new_record()),
            QKeySequence.StandardKey.New,
            record_menu,
        )
        self.save_action = self._action(
            tr("&Save"),
            lambda: self._on_page(lambda page: page.form.save()),
            QKeySequence.StandardKey.Save,
            record_menu,
        )
        self.delete_action = self._action(
            tr("&Delete…"),
            lambda: self._on_page(lambda page: page.form.delete()),
            None,
            record_menu,
        )
        record_menu.addSeparator()
        self.find_action = self._action(
            tr("&Find"),
            lambda: self._on_page(lambda page: page.focus_search()),
            QKeySequence.StandardKey.Find,
            record_menu,
        )
        self.duplicates_action = self._action(
            tr("Find d&uplicates…"), self.find_duplicates, None, record_menu
        )
        self.database_actions = (
            self.import_action,
            self.duplicates_action,
            self.new_action,
            self.save_action,
            self.delete_action,
            self.find_action,
        )

        go_menu = self.go_menu = bar.addMenu(tr("&Go"))
        self.back_action = self._action(tr("&Back"), self.go_back, "Alt+Left", go_menu)
        self.forward_action = self._action(tr("&Forward"), self.go_forward, "Alt+Right", go_menu)
        self.back_action.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.forward_action.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowForward)
        )
        go_menu.addSeparator()
        for number, spec in enumerate(PAGES, start=1):
            self._action(
                spec.shown_title(),
                lambda _=False, k=spec.kind: self.show_page(k),
                f"Ctrl+{number}",
                go_menu,
            )
        self._action(tr("A &country…"), self._find_country, "Ctrl+0", go_menu)
        toolbar = self.toolbar = self.addToolBar(tr("Navigation"))
        toolbar.setObjectName("navigationToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.back_action)
        toolbar.addAction(self.forward_action)
        self._update_history_actions()

        self.help = HelpMenu(self)
        self.help_menu = self.help.menu

    def _find_country(self) -> None:
        if self.database_target is not None and self.show_page(COUNTRY):
            self.country_page.find.setFocus()
            self.country_page.find.selectAll()

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

    def page(self) -> RecordPage | None:
        """The record page shown, or None on the country page."""
        widget = self.stack.currentWidget()
        # The page in view is always one made: those not made yet are never shown.
        return next((page for page in self.pages.values() if page is widget), None)

    def _on_page(self, action) -> None:
        page = self.page()
        if page is not None:
            action(page)

    def each_page(self, follow: Callable[[RecordPage], object]) -> None:
        """``follow(page)`` for every record page made so far, and for each made later (a page
        is made when first shown, and again in a new language)."""
        for page in self.pages.values():
            follow(page)
        self.page_made.connect(follow)

    def show_page(self, key: str) -> bool:
        """Show a kind's page (or the country page); the form shown asks about unsaved
        changes first."""
        view = self.views[key]
        current = self.page()
        if current is not None and current is not view and not current.form.maybe_leave():
            self._sync_navigation()
            return False
        if self.database_target is not None:
            self.stack.setCurrentWidget(self._fresh(key))
        self._sync_navigation(key)
        return True

    def _page_asked_for(self, kind: str) -> RecordPage:
        """A list asked for before it was first shown: made now."""
        if kind not in self._unmade:
            raise KeyError(kind)
        self._fresh(kind)
        return dict.__getitem__(self.pages, kind)

    def _fresh(self, key: str) -> QWidget:
        """The view of ``key``: a list made first if it was not made yet, or made again if
        it was made in a language shown before (what the user left in it is kept)."""
        if key in self._unmade:
            self._unmade.discard(key)
            spec = next(spec for spec in PAGES if spec.kind == key)
            return self._put_page(key, self._make_page(spec), None)
        if key not in self._stale:
            return self.views[key]
        self._stale.discard(key)
        old = self.pages[key]
        state = old.state()
        return self._put_page(key, self._make_page(old.spec, old.model), state)

    def _put_page(self, key: str, page: RecordPage, state: object) -> RecordPage:
        """Put a list made just now in the place of the view of ``key``, as the database
        open allows, showing ``state`` (what the user left in the one before), if any."""
        old = self.views[key]
        index = self.stack.indexOf(old)
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.pages[key] = self.views[key] = page
        available = self.database_target is not None
        page.set_available(available)
        page.set_read_only(self.read_only)
        if available and state is not None:
            self._moving_in_history = True  # a record shown again is no new visit
            try:
                page.restore(state)
            finally:
                self._moving_in_history = False
        return page

    def fresh_pages(self) -> None:
        """Every list in the language shown (for what reads them all: the list of keyboard
        shortcuts)."""
        for key in list(self._stale | self._unmade):
            self._fresh(key)

    def _current_key(self) -> str:
        widget = self.stack.currentWidget()
        return next((key for key, view in self.views.items() if view is widget), PAGES[0].kind)

    def _sync_navigation(self, key: str | None = None) -> None:
        key = key or self._current_key()
        self.navigation.blockSignals(True)
        keys = [
            self.navigation.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.navigation.count())
        ]
        self.navigation.setCurrentRow(keys.index(key))
        self.navigation.blockSignals(False)

    def _navigate(self, row: int) -> None:
        if 0 <= row < self.navigation.count():
            item = self.navigation.item(row)
            view = item.data(VIEW_ROLE)
            if view is None:
                self.show_page(item.data(Qt.ItemDataRole.UserRole))
            elif self.show_page(view.kind):
                self.pages[view.kind].apply_view(view)
                self._sync_navigation(item.data(Qt.ItemDataRole.UserRole))

    def _show_saved_views(self, kind: str | None = None) -> None:
        """The saved views of each list, under it in the navigation."""
        current = self.navigation.currentItem()
        chosen = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.navigation.blockSignals(True)
        for row in reversed(range(self.navigation.count())):
            if self.navigation.item(row).data(VIEW_ROLE) is not None:
                self.navigation.takeItem(row)
        if self.database_target is not None:
            for spec in PAGES:
                try:
                    views = views_of(spec.kind)
                except DatabaseError:  # a database from before saved views, read-only
                    views = []
                row = next(
                    r
                    for r in range(self.navigation.count())
                    if self.navigation.item(r).data(Qt.ItemDataRole.UserRole) == spec.kind
                )
                for offset, view in enumerate(views, start=1):
                    item = QListWidgetItem("    " + view.name)
                    item.setData(Qt.ItemDataRole.UserRole, f"view:{view.id}")
                    item.setData(VIEW_ROLE, view)
                    item.setToolTip(
                        tr("A view shared with everyone") if view.shared else tr("Your view")
                    )
                    item.setSizeHint(QSize(0, 26))
                    self.navigation.insertItem(row + offset, item)
        keys = [
            self.navigation.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.navigation.count())
        ]
        if chosen in keys:
            self.navigation.setCurrentRow(keys.index(chosen))
        self.navigation.blockSignals(False)

    def _left_view(self, kind: str) -> None:
        """A view searched or filtered otherwise is the list itself again in the navigation."""
        current = self.navigation.currentItem()
        if current is not None and current.data(VIEW_ROLE) is not None:
            self._sync_navigation(kind)

    def _bulk_changed(self, kind: str, titles: dict, change_set: str, title: str) -> None:
        self.undo.bulk_edited(kind, titles, change_set, title)
        self.refresh_all()

    def _bulk_trashed(self, kind: str, titles: dict, batch: str, title: str) -> None:
        self.undo.deleted_many(kind, titles, batch, title)
        self.refresh_all()

    def open_record(self, kind: str, record_id: object) -> bool:
        """Open a record (or a country's page) wherever the user asked for it."""
        if not self.show_page(COUNTRY if kind == COUNTRY else kind):
            return False
        if kind == COUNTRY:
            self.country_page.show_country(str(record_id))
            return True
        return self.pages[kind].open(int(record_id))

    # -- undo --------------------------------------------------------------------------------

    def _saved_change(self, change_set: str, title: str, version: int | None = None) -> None:
        self.undo.saved(change_set, title, version)

    def _trashed(self, item_id: int, kind: str, title: str) -> None:
        self.undo.deleted(item_id, kind, title)

    def imported(self, kind: str, record_ids: list[int], name: str) -> None:
        """An import just wrote these records: it can be undone as a whole."""
        self.undo.imported(kind, record_ids, name)
        self.refresh_all()

    def _restored_from_trash(self, restored: Restored) -> None:
        self.undo.restored(restored)
        self.refresh_all()
        self.open_record(restored.kind, restored.record_id)

    def _unmerged_from_trash(self, unmerged: Unmerged) -> None:
        self.undo.unmerged(unmerged)
        self.refresh_all()
        self.open_record(unmerged.kind, unmerged.kept)

    def merged(self, merged: Merged) -> None:
        """Records were just merged into one: the merge can be undone as one step."""
        self.undo.merged(merged)
        self.refresh_all()

    def refresh_all(self) -> None:
        """Read every list and the records shown again, after an undo or an import."""
        for page in self.pages.values():
            page.refresh_filters()
            page.apply_request()
            form = page.form
            exists = (
                form.record_id is not None
                and form.editor.model.get_or_none(form.editor.model.id == form.record_id)
                is not None
            )
            form.load(form.record_id if exists else None)
        if self.stack.currentWidget() is self.trash_page:
            self.trash_page.refresh()

    def refresh_from_elsewhere(self) -> None:
        """Records changed on another desktop (or by another program): the lists, the home
        view and the forms read them again, keeping unsaved changes (see ``RecordPage.reread``).
        A database out of reach is read again once it is back."""
        try:
            for page in self.pages.values():
                page.reread()
            if self.stack.currentWidget() is self.trash_page:
                self.trash_page.refresh()
        except (DatabaseError, InterfaceError, sqlite3.Error):
            return
        home = self.views.get("home")
        if home is not None and hasattr(home, "schedule_refresh"):
            home.schedule_refresh()

    # -- history -----------------------------------------------------------------------------

    def _visited(self, kind: str, record_id: object) -> None:
        if not self._moving_in_history:
            self.history.visit((kind, record_id))
        self._update_history_actions()

    def _update_history_actions(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())

    def _move(self, place, step: int) -> None:
        if place is None:
            return
        self._moving_in_history = True
        try:
            if not self.open_record(*place):
                self.history.undo_move(step)
        finally:
            self._moving_in_history = False
        self._update_history_actions()

    def go_back(self) -> None:
        self._move(self.history.back(), -1)

    def go_forward(self) -> None:
        self._move(self.history.forward(), 1)

    # -- databases ---------------------------------------------------------------------------

    def open_database(
        self, target: str, create: bool = True, read_only_why: Callable[[], str] | None = None
    ) -> bool:
        """Open a database in place of the current one; says why when it cannot. A file is
        created only when asked for (a new database, the command line, the first start),
        never for a recent database that has since moved. A file this window cannot write,
        or that another window holds, is opened read-only. A server URL's password is kept
        for this session only, never with the recent databases."""
        target = set_aside_password(target)
        if not self._leave_all():
            return False
        previous = self.database_target
        self._close_database()
        opened = self._open(target, create, read_only_why)
        if opened is None:
            path = sqlite_path(target)
            if not create and path is not None and not path.exists():
                self.settings.forget_database(target)
            if previous is not None and previous != target:
                self._open(previous, create=False)
            return False
        self.settings.remember_database(target)
        return True

    def _open(
        self, target: str, create: bool, read_only_why: Callable[[], str] | None = None
    ) -> Database | None:
        try:
            check_target(target)  # a name that is not text must not reach Qt
        except SeriktesError as error:
            dialogs.show_error(self, tr("Cannot open the database"), str(error))
            return None
        if is_server(target):
            shared = open_shared(self, target)
            if shared is not None:
                why = shared.read_only_reason
                self._show_database(target, describe(shared), (lambda: why) if why else None)
            return shared
        path = sqlite_path(target)
        read_only, reason = read_only_why is not None, read_only_why
        if path is not None and path.exists() and not can_write(path):
            read_only, reason = True, unwritable
        lock = None
        if path is not None and not read_only and path.parent.exists():
            lock = DatabaseLock(path)
            if not lock.acquire():
                holder = lock.holder()
                if not dialogs.ask_open_read_only(self, path.name, held_by(holder)):
                    return None
                lock, read_only = None, True
                reason = partial(held_elsewhere, holder)
        try:
            with busy_pointer():
                a_file = path is not None and path.is_file()
                if a_file and path.stat().st_size <= CHECKED_WHILE_OPENING:
                    quick_check(path)  # before an update could write to a damaged file
                database = open_database(target, create=create, read_only=read_only)
        except SeriktesError as error:
            if lock is not None:
                lock.release()
            if isinstance(error, DatabaseReadOnly) and not read_only:
                # SQLite found it cannot write where the permissions seemed to allow it (a
                # read-only disk): the records can still be read.
                return self._open(target, False, unwritable)
            if isinstance(error, DamagedDatabase) and path is not None:
                if self._damaged(path, str(error)):
                    return self._open(target, create=False)
                return None
            dialogs.show_error(self, tr("Cannot open the database"), str(error))
            return None
        self.lock = lock
        try:
            self._show_database(target, describe(database), reason if read_only else None)
        except (DatabaseError, sqlite3.Error) as error:
            # Damage the check left to the thread, met reading what the window shows first.
            damage = opening_error(path.name if path is not None else target, error)
            if path is None or not isinstance(damage, DamagedDatabase):
                raise
            self._close_database()
            if self._damaged(path, str(damage)):
                return self._open(target, create=False)
            return None
        if path is not None:
            self._check_in_background(target, path, back_up=not read_only)
        return database

    def _damaged(self, path: Path, why: str) -> bool:
        """A damaged database: offer its newest backup in its place, or another database.
        Returns whether the backup was put in place. A file that cannot be written is never
        replaced, and one another window holds is not damaged (it is opened read-only)."""
        newest = next(iter(backups_of(path)), None) if can_write(path) else None
        when = newest.made.strftime("%d.%m.%Y %H:%M") if newest is not None else None
        choice = dialogs.ask_damaged(self, why, when)
        if choice == dialogs.Damaged.OPEN_ANOTHER:
            # After the opening that found the damage has finished.
            QTimer.singleShot(0, self, self.choose_database)
            return False
        if choice != dialogs.Damaged.RESTORE or newest is None:
            return False
        try:
            restore_backup(newest, path)
        except SeriktesError as error:
            dialogs.show_error(self, tr("The backup was not restored"), str(error))
            return False
        return True

    def _check_in_background(self, target: str, path: Path, back_up: bool) -> None:
        """SQLite's check of every page, then the day's backup, on a thread of their own: a
        large database takes seconds, and the window is usable meanwhile. A damaged database
        is never backed up, so its damage does not push the good backups out."""

        def work(_progress) -> None:
            # The window has it open: read through SQLite only (see ``open_here``).
            quick_check(path, stop=lambda: task.stopping, open_here=True)
            if back_up:
                backup_if_old(path)

        task = Task(work, self)
        task.finished.connect(lambda: self._checked(task, target, path))
        self._backup_task = task
        task.start()

    def _checked(self, task: Task, target: str, path: Path) -> None:
        if self._backup_task is task:
            self._backup_task = None
        if task.stopping:
            return
        if isinstance(task.error, DamagedDatabase) and self.database_target == target:
            self._close_database()
            if self._damaged(path, str(task.error)):
                self.open_database(target, create=False)
        elif isinstance(task.error, SeriktesError):
            self.statusBar().showMessage(str(task.error), 15000)
        elif task.error is not None:
            raise task.error

    def _wait_for_backup(self) -> None:
        """Let the check and backup under way finish; the check is stopped, as the next
        opening checks again."""
        if self._backup_task is not None:
            self._backup_task.cancel()
            self._backup_task.wait()

    def _close_database(self) -> None:
        self._wait_for_backup()
        self.map_page.wait_for_counts()
        if self.duplicates_dialog is not None:  # its pairs are of the database closed
            self.duplicates_dialog.close()
        self._show_database(None)
        close_database()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def _show_database(
        self, target: str | None, name: str = "", read_only: Callable[[], str] | None = None
    ) -> None:
        """Show an open database (``read_only``: why it cannot be changed), or none."""
        self.database_target = target
        self._database_name = name
        self._read_only_why = read_only
        self.read_only = read_only is not None
        # Records of one database are no place to go back to, nor to undo, from another.
        self.history = History()
        self.undo.clear()
        self._present_database()
        if target is not None:
            key = self.settings.get(CURRENT_PAGE)
            self.show_page(key if key in self.views else PAGES[0].kind)
        else:
            self.stack.setCurrentWidget(self.no_database)
        self.database_shown.emit()

    def _present_database(self, skip: set[str] | frozenset[str] = frozenset()) -> None:
        """The pages, actions, banner and title as the database open (or none) allows;
        ``skip``: lists kept as they are."""
        available = self.database_target is not None
        self._update_history_actions()
        for kind, page in self.pages.items():
            if kind in skip:
                continue
            page.set_available(available)
            page.set_read_only(self.read_only)
        self.country_page.setEnabled(available)
        self.map_page.setEnabled(available)
        self.trash_page.setEnabled(available)
        self.trash_page.read_only = self.read_only
        if available:
            self.country_page.show_country(None)
        for action in self.database_actions:
            action.setEnabled(available and not self.read_only)
        self.find_action.setEnabled(available)
        # A server's database is backed up by its server, not by the window.
        a_file = available and sqlite_path(self.database_target) is not None
        self.backup_action.setEnabled(a_file)
        self.restore_action.setEnabled(a_file and not self.read_only)
        why = self._read_only_why
        self.banner.setText(
            tr("Read-only: {why}. You can look at every record, but not change any.").format(
                why=why()
            )
            if why is not None
            else ""
        )
        self.banner.setVisible(self.read_only)
        self.navigation.setEnabled(available)
        self._show_saved_views()
        name = self._database_name
        if not available:
            self.setWindowTitle("Seriktes")
        elif self.read_only:
            self.setWindowTitle(tr("{name} (read-only) — Seriktes").format(name=name))
        else:
            self.setWindowTitle(f"{name} — Seriktes")

    # -- backups -----------------------------------------------------------------------------

    def back_up_now(self) -> None:
        path = sqlite_path(self.database_target or "")
        if path is None:
            return
        try:
            make_backup(path, "by hand")
        except SeriktesError as error:
            dialogs.show_error(self, tr("No backup was made"), str(error))
            return
        dialogs.run_dialog(BackupsDialog(path, restore=False, parent=self))

    def restore_from_backup(self) -> None:
        target = self.database_target
        path = sqlite_path(target or "")
        if path is None or not self._leave_all():
            return
        dialog = BackupsDialog(path, restore=True, parent=self)
        if not dialogs.run_dialog(dialog) or dialog.chosen() is None:
            return
        chosen = dialog.chosen()
        if not dialogs.confirm(
            self,
            tr("Restore from backup"),
            tr("Go back to the database as it was on {when}?").format(
                when=chosen.made.strftime("%d.%m.%Y %H:%M")
            ),
            tr(
                "Everything changed since then is replaced. The database as it is now "
                "is backed up first."
            ),
            action=tr("Restore"),
        ):
            return
        self._close_database()
        try:
            before = restore_backup(chosen, path)
        except SeriktesError as error:
            dialogs.show_error(self, tr("The backup was not restored"), str(error))
            self._open(target, create=False)
            return
        self._open(target, create=False)
        self.statusBar().showMessage(
            tr("Restored. The database as it was before is kept in {path}.").format(
                path=before.path
            ),
            15000,
        )

    def _folder(self) -> str:
        if self.database_target and "://" not in self.database_target:
            return str(Path(self.database_target).parent)
        return str(data_dir())

    def choose_database(self) -> None:
        path = dialogs.choose_database(self, self._folder())
        if path:
            self.open_database(path)

    def choose_database_read_only(self) -> None:
        """Any database, opened so that nothing in it can be changed: for someone who only
        needs to look."""
        path = dialogs.choose_database(self, self._folder())
        if path:
            self.open_database(
                path, create=False, read_only_why=lambda: tr("it was opened read-only")
            )

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

    def import_spreadsheet(self) -> None:
        from ui.import_wizard import import_spreadsheet

        import_spreadsheet(self)

    # -- language ----------------------------------------------------------------------------

    def show_preferences(self) -> None:
        from ui.preferences_dialog import PreferencesDialog

        dialogs.run_dialog(PreferencesDialog(self))

    def choose_language(self, code: str) -> None:
        """Show the window in the language ``code`` from now on, and at the next start."""
        choose_language(code)
        self.follow_language()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and self._language != language():
            # Qt tells of each catalog put in or taken away: the window follows once, after.
            QTimer.singleShot(0, self, self.follow_language)

    def follow_language(self) -> None:
        """Make the window's contents again in the language now chosen, as the user left
        them: the page shown, each list's search, filters, sort and columns, the record in
        each form with its unsaved changes, the way back and the steps to undo. Every text is
        made anew, so none is left in the language before."""
        if self._language == language():
            return
        self._language = language()
        self.setUpdatesEnabled(False)
        try:
            shown = self._current_key() if self.database_target is not None else None
            # The lists out of view are kept as they are, and made again when they come into
            # view: making all of them now would make the change slow.
            kept = {kind: page for kind, page in self.pages.items() if kind != shown}
            for page in kept.values():
                page.setParent(None)
            self._stale |= set(kept)
            states = {
                key: view.state()
                for key, view in self.views.items()
                if has_state(view) and key not in kept
            }
            guide = self.help.take_guide()
            # The list in view keeps the rows it read.
            models = {shown: self.pages[shown].model} if shown in self.pages else {}
            self._clear_contents()
            self._build(kept, models)
            parts, self.parts = self.parts, []
            for install in parts:
                install(self)
            if self.isVisible():
                # On screen now, not once the event loop gets to it: the pages restored
                # below are shown, and read, at once.
                for part in (self.menuBar(), self.toolbar, self.centralWidget()):
                    part.show()
            self._present_database(skip=self._stale)
            self._moving_in_history = True  # a record shown again is no new visit
            try:
                for key, state in states.items():
                    view = self.views.get(key)
                    if view is not None and state is not None:
                        view.restore(state)
            finally:
                self._moving_in_history = False
            if shown is not None:
                self._moving_in_history = True  # a record shown again is no new visit
                try:
                    self.stack.setCurrentWidget(self.views[shown])
                finally:
                    self._moving_in_history = False
                self._sync_navigation(shown)
            self.help.give_guide(guide)
        finally:
            self.setUpdatesEnabled(True)
        self.statusBar().clearMessage()

    def _clear_contents(self) -> None:
        """Take away everything but what lives as long as the window: its status bar, the
        check running on the database, and the dialogs on screen (Preferences itself)."""
        # The parts following the pages made are installed again with the contents.
        with warnings.catch_warnings(), contextlib.suppress(RuntimeError, TypeError):
            warnings.simplefilter("ignore", RuntimeWarning)  # none followed them yet
            self.page_made.disconnect()
        for child in self.children():
            if child in self._lasting or isinstance(child, QThread):
                continue
            if isinstance(child, QDialog) and child.isVisible():
                continue
            if isinstance(child, QToolBar):
                self.removeToolBar(child)
            if isinstance(child, QWidget):
                child.hide()
            child.deleteLater()

    def find_duplicates(self) -> None:
        """Record ▸ Find duplicates…: the likely twins of the kind shown (organizations from
        elsewhere), searched at once."""
        from ui.duplicates_dialog import DuplicatesDialog

        page = self.page()
        kind = page.spec.kind if page is not None else PAGES[0].kind
        if page is not None and not page.form.maybe_leave():
            return
        kinds = [(spec.kind, spec.shown_title()) for spec in PAGES]

        def describe(kind: str):
            form = self.pages[kind].form
            return form.labels, form.name_value

        dialog = DuplicatesDialog(kinds, kind, describe, self)
        if self.duplicates_dialog is not None:
            self.duplicates_dialog.close()
            self.duplicates_dialog.deleteLater()
        dialog.merged.connect(self.merged)
        self.duplicates_dialog = dialog
        dialog.show()
        dialog.find()

    # -- leaving -----------------------------------------------------------------------------

    def _leave_all(self) -> bool:
        return all(page.form.maybe_leave() for page in self.pages.values())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._leave_all():
            event.ignore()
            return
        self.settings.set(WINDOW_GEOMETRY, self.saveGeometry())
        if self.database_target is not None:
            self.settings.set(CURRENT_PAGE, self._current_key())
        for page in self.pages.values():
            page.save_layout()
        self.settings.sync()
        self._close_database()
        event.accept()
