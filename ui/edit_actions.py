"""Edit ▸ Cut, Copy, Paste and Select all: they act on the field being typed in (a line, a
note, a date or a number), as the keys do inside it. With no field in use they are offered
greyed, and the keys go to what has the focus (a list copies its cell)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

TextField = QLineEdit | QTextEdit | QPlainTextEdit


def tr(text: str) -> str:
    return QCoreApplication.translate("EditActions", text)


def text_field(widget: QWidget | None) -> TextField | None:
    """The text field a widget types into: itself, or the line inside a date, a number or
    an editable list."""
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        return widget
    if isinstance(widget, QAbstractSpinBox) or (
        isinstance(widget, QComboBox) and widget.isEditable()
    ):
        return widget.lineEdit()
    return None


def _read_only(field: TextField) -> bool:
    return field.isReadOnly()


class TextEditing(QObject):
    """The four actions of one window, following the field in use."""

    def __init__(self, window: QMainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.field: TextField | None = None
        menu.addSeparator()
        self.cut_action = self._add(menu, tr("Cu&t"), QKeySequence.StandardKey.Cut, self.cut)
        self.copy_action = self._add(menu, tr("&Copy"), QKeySequence.StandardKey.Copy, self.copy)
        self.paste_action = self._add(
            menu, tr("&Paste"), QKeySequence.StandardKey.Paste, self.paste
        )
        menu.addSeparator()
        self.select_all_action = self._add(
            menu, tr("Select &all"), QKeySequence.StandardKey.SelectAll, self.select_all
        )
        menu.aboutToShow.connect(self._update)
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus_changed)
        self._update()

    def _add(self, menu: QMenu, text: str, key: QKeySequence.StandardKey, slot) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Opening a menu takes the focus for a moment: the field stays the one in use.
        if isinstance(new, QMenu | QMenuBar):
            return
        field = text_field(new)
        self.field = field if field is not None and field.window() is self.window else None
        self._update()

    def _current(self) -> TextField | None:
        field = self.field
        try:
            usable = field is not None and field.isVisible() and field.isEnabled()
        except RuntimeError:  # the field was deleted with its form
            usable = False
        return field if usable else None

    def _update(self) -> None:
        field = self._current()
        for action in (self.copy_action, self.select_all_action):
            action.setEnabled(field is not None)
        for action in (self.cut_action, self.paste_action):
            action.setEnabled(field is not None and not _read_only(field))

    def _act(self, name: str) -> None:
        field = self._current()
        if field is not None:
            getattr(field, name)()
            field.setFocus()

    def cut(self) -> None:
        self._act("cut")

    def copy(self) -> None:
        self._act("copy")

    def paste(self) -> None:
        self._act("paste")

    def select_all(self) -> None:
        self._act("selectAll")
