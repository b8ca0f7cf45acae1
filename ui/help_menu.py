"""The Help menu: the user guide (shipped with the app, read offline), every keyboard
shortcut of the window (read from the actions installed, so the list cannot go stale), the
log folder and About."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from models.store.appdirs import log_dir
from resources import guide_path
from ui import dialogs


def tr(text: str) -> str:
    return QCoreApplication.translate("Help", text)


def plain(text: str) -> str:
    """A menu's or action's text without the & that marks its access key."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…")


def keys_text(action_or_shortcut: QAction | QShortcut) -> str:
    if isinstance(action_or_shortcut, QAction):
        sequences = action_or_shortcut.shortcuts()
    else:
        sequences = [action_or_shortcut.key()]
    texts = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences]
    return ", ".join(text for text in texts if text)


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """Every keyboard shortcut the window has: (where, what it does, its keys). The menus'
    actions come first, under their menu; then actions outside the menus, then shortcuts
    of parts of the window, as they describe themselves."""
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()

    def walk(menu: QMenu, where: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{where} ▸ {plain(action.text())}")
            elif not action.isSeparator() and keys_text(action):
                rows.append((where, plain(action.text()), keys_text(action)))
                seen.add(id(action))

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), plain(top.text()))
    others = tr("Elsewhere")
    for action in window.findChildren(QAction):
        if id(action) not in seen and keys_text(action) and action.text():
            rows.append((others, plain(action.text()), keys_text(action)))
            seen.add(id(action))
    described: dict[str, list[str]] = {}
    for shortcut in window.findChildren(QShortcut):
        keys = keys_text(shortcut)
        if shortcut.whatsThis() and keys:
            known = described.setdefault(shortcut.whatsThis(), [])
            if keys not in known:
                known.append(keys)
    for what, keys in described.items():
        rows.append((others, what, ", ".join(keys)))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 3)
        self.table.setObjectName("shortcuts")
        self.table.setHorizontalHeaderLabels([tr("Menu"), tr("Action"), tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        previous = None
        for row, values in enumerate(rows):
            for column, text in enumerate(values):
                # A menu's name heads its shortcuts once.
                shown = "" if column == 0 and text == previous else text
                self.table.setItem(row, column, QTableWidgetItem(shown))
            previous = values[0]
        self._rows = rows
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        width = sum(header.sectionSizeHint(c) for c in range(3)) + 140
        self.resize(max(560, width), 620)

    def rows(self) -> list[tuple[str, str, str]]:
        """Every shortcut listed: (menu, action, keys)."""
        return list(self._rows)


class LogFolderDialog(QDialog):
    """Where the log is, said in words: a system without a file manager cannot open the
    folder, so the path can be read and copied."""

    def __init__(self, folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("The log folder"))
        self.setMinimumWidth(560)
        self.folder = folder
        text = QLabel(
            tr(
                "Seriktes writes what it does, and the details of any problem, to a log in "
                "this folder. Whoever supports Seriktes in your department may ask for it."
            )
        )
        text.setWordWrap(True)
        self.path = QLineEdit(folder)
        self.path.setReadOnly(True)
        self.path.setMinimumWidth(self.path.fontMetrics().horizontalAdvance(folder) + 24)
        self.copy_button = QPushButton(tr("Copy the path"))
        self.copy_button.clicked.connect(self.copy)
        self.open_button = QPushButton(tr("Open the folder"))
        self.open_button.clicked.connect(self.open_folder)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.copy_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.folder)
        self.message.setText(tr("The path is copied. Paste it where you need it."))

    def open_folder(self) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder)):
            self.message.setText(
                tr("No program here opens folders. Copy the path and open it in your file manager.")
            )


class GuideWindow(QDialog):
    """The user guide, from the file shipped with the app: it needs no connection."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Seriktes user guide"))
        self.setWindowFlag(Qt.WindowType.WindowMinMaxButtonsHint, True)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide")
        self.browser.setOpenExternalLinks(False)
        self.browser.setSource(QUrl.fromLocalFile(guide_path()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(760, 640)


class HelpMenu:
    """The Help menu of a window and the windows it opens."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.guide: GuideWindow | None = None
        menu = self.menu = window.menuBar().addMenu(tr("&Help"))
        self.guide_action = self._add(tr("&User guide"), self.show_guide, "F1")
        self.shortcuts_action = self._add(tr("&Keyboard shortcuts"), self.show_shortcuts, "Ctrl+/")
        menu.addSeparator()
        self.log_action = self._add(tr("Open the &log folder…"), self.show_log_folder)
        self.about_action = self._add(tr("&About Seriktes"), self.about)

    def _add(self, text: str, slot, shortcut: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    def show_guide(self) -> None:
        if self.guide is None:
            self.guide = GuideWindow(self.window)
        self.guide.show()
        self.guide.raise_()
        self.guide.activateWindow()

    def show_shortcuts(self) -> None:
        dialogs.run_dialog(ShortcutsDialog(self.window))

    def show_log_folder(self) -> None:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        dialogs.run_dialog(LogFolderDialog(str(folder), self.window))

    def about(self) -> None:
        from ui.about_dialog import AboutDialog

        database = getattr(self.window, "database_target", None)
        dialogs.run_dialog(AboutDialog(database, self.window))
