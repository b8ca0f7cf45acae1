"""A field that finds one record among many as the user types, reading matches from SQL, so it
works the same with ten organizations or 100,000."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from models.errors import SearchRefused
from models.store.base import db
from models.words.text import fold
from ui.widgets.shortcut import escape_closes

# (value, label shown in the field, longer text shown in the list of matches)
Match = tuple[Any, str, str]


class SearchPicker(QLineEdit):
    """Type, and the matches open below; Down and Up highlight one, Enter or Tab (or a click)
    chooses it. Leaving the field with a text that names one record only chooses that one."""

    edited = Signal()

    def __init__(
        self,
        search: Callable[[str], list[Match]],
        label_of: Callable[[Any], str],
        parent: QWidget | None = None,
        placeholder: str = "",
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._label_of = label_of
        self._value: Any = None
        self._label = ""
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self._matches = QStandardItemModel(self)
        completer = QCompleter(self._matches, self)
        # The matches come from SQL already filtered; the completer only shows them.
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setWidget(self)
        completer.activated[QModelIndex].connect(self._chosen)
        # Seen before the completer's own filter: Enter chooses here and goes no further, so
        # it neither reaches the form nor a shortcut of the window.
        completer.popup().installEventFilter(self)
        self._completer = completer
        self._pending = QTimer(self, singleShot=True, interval=120)
        self._pending.timeout.connect(self.show_matches)
        self.textEdited.connect(self._typed)
        self.textEdited.connect(self.edited)
        self.editingFinished.connect(self.settle)

    # -- value --------------------------------------------------------------------------------

    def value(self) -> Any:
        return self._value

    def set_value(self, value: Any) -> None:
        self._value = value
        self._label = self._label_of(value) if value is not None else ""
        self.setText(self._label)
        self.setCursorPosition(0)

    def label_of(self, value: Any) -> str:
        """How a value of this field is named (a country, a record's title)."""
        return self._label_of(value) if value is not None else ""

    def problem(self) -> str | None:
        """A message when the text typed is not one of the matches."""
        if self.text().strip() and self.text() != self._label:
            return self.tr(
                "No match for “{text}”. Choose one from the list that opens as "
                "you type, or clear the field."
            ).format(text=self.text().strip())
        return None

    # -- typing -------------------------------------------------------------------------------

    def _typed(self, text: str) -> None:
        if not text.strip():
            self._choose(None)
            return
        self._pending.start()

    def show_matches(self) -> None:
        self._pending.stop()
        self._matches.clear()
        for value, label, description in self._found(self.text()):
            item = QStandardItem(description)
            item.setData(value, Qt.ItemDataRole.UserRole)
            item.setData(label, Qt.ItemDataRole.UserRole + 1)
            self._matches.appendRow(item)
        if self._matches.rowCount():
            self._completer.complete(self._popup_rect())
        else:
            self._completer.popup().hide()

    def _found(self, text: str) -> list[Match]:
        """The matches of what was typed; none for a text that cannot be looked for (a page
        pasted by mistake), which the field then calls no match. None once the window has
        closed its database: a field left as the database closes has nothing to match."""
        if db.obj is None or db.obj.is_closed():
            return []
        try:
            return self._search(text)
        except SearchRefused:
            return []

    def _popup_rect(self) -> QRect:
        """Where the matches open: under the field, as wide as the longest match needs (the
        completer keeps it within the screen)."""
        popup = self._completer.popup()
        needed = popup.sizeHintForColumn(0) + 2 * popup.frameWidth()
        if self._matches.rowCount() > self._completer.maxVisibleItems():
            needed += popup.verticalScrollBar().sizeHint().width()
        available = self.screen().availableGeometry().width()
        return QRect(0, 0, min(max(self.width(), needed + 8), available), self.height())

    def event(self, event: QEvent) -> bool:
        shortcut = event.type() == QEvent.Type.ShortcutOverride
        if shortcut and escape_closes(event, self._completer.popup()):
            return True
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        popup = self._completer.popup()
        if watched is popup and escape_closes(event, popup):
            return True
        if watched is not popup or event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()
        if key not in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            return super().eventFilter(watched, event)
        index = popup.currentIndex()
        popup.hide()
        if index.isValid():
            self._chosen(index)
        else:
            self.settle()
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):  # chosen, and on to the next field
            self.focusNextPrevChild(key == Qt.Key.Key_Tab)
        return True

    def keyPressEvent(self, event) -> None:
        # With no list open, Enter takes a text that names one record only (as leaving does)
        # and is then left to the form: a table's bar adds its row on it.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.settle()
        super().keyPressEvent(event)

    def _chosen(self, index: QModelIndex) -> None:
        self._choose(index.data(Qt.ItemDataRole.UserRole), index.data(Qt.ItemDataRole.UserRole + 1))

    def _choose(self, value: Any, label: str | None = None) -> None:
        changed = value != self._value
        self._value = value
        self._label = (
            label if label is not None else (self._label_of(value) if value is not None else "")
        )
        if self.text() != self._label and (value is not None or not self.text().strip()):
            self.setText(self._label)
        if changed:
            self.edited.emit()

    def settle(self) -> None:
        """Leaving the field: a text that names exactly one match is taken as chosen."""
        text = self.text().strip()
        if not text or text == self._label or self._completer.popup().isVisible():
            return
        matches = self._found(text)
        exact = [m for m in matches if fold(m[1]) == fold(text)]
        if len(exact) == 1 or len(matches) == 1:
            value, label, _ = (exact or matches)[0]
            self._choose(value, label)
