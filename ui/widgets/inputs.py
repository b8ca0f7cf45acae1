"""Form inputs that all speak one small language: ``value()``, ``set_value()`` and the
``edited`` signal, so a form can read, fill and watch any of them the same way."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QPlainTextEdit, QWidget

from models.choices import ChoiceSet


class TextInput(QLineEdit):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None, placeholder: str = "") -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self.textChanged.connect(self.edited)

    def value(self) -> str:
        return self.text()

    def set_value(self, value: str | None) -> None:
        self.setText(value or "")
        self.setCursorPosition(0)


class NotesInput(QPlainTextEdit):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None, placeholder: str = "") -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(72)
        self.textChanged.connect(self.edited)

    def value(self) -> str:
        return self.toPlainText()

    def set_value(self, value: str | None) -> None:
        self.setPlainText(value or "")


class ChoiceInput(QComboBox):
    """One of a fixed list of choices, or none."""

    edited = Signal()

    def __init__(
        self, choices: ChoiceSet, parent: QWidget | None = None, empty_label: str = "—"
    ) -> None:
        super().__init__(parent)
        self.addItem(empty_label, None)
        for choice in choices:
            self.addItem(self.tr(choice.en), choice.code)
        self.currentIndexChanged.connect(self.edited)

    def value(self) -> str | None:
        return self.currentData()

    def set_value(self, value: str | None) -> None:
        index = self.findData(value)
        self.setCurrentIndex(index if index >= 0 else 0)


class TagsInput(QLineEdit):
    """Names separated by commas ("Water, Artificial intelligence"), completed from the names
    already in use."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None, placeholder: str = "") -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self._known = QStringListModel(self)
        completer = QCompleter(self._known, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setWidget(self)
        completer.activated.connect(self._complete_last)
        self._completer = completer
        self.textEdited.connect(self._suggest)
        self.textChanged.connect(self.edited)

    def set_known(self, names: list[str]) -> None:
        self._known.setStringList(names)

    def _last_word(self) -> str:
        return self.text().split(",")[-1].strip()

    def _suggest(self) -> None:
        word = self._last_word()
        if word:
            self._completer.setCompletionPrefix(word)
            self._completer.complete()

    def _complete_last(self, name: str) -> None:
        parts = [part.strip() for part in self.text().split(",")[:-1] if part.strip()]
        self.setText(", ".join(parts + [name]) + ", ")

    def value(self) -> list[str]:
        return [part.strip() for part in self.text().split(",") if part.strip()]

    def set_value(self, value: list[str] | None) -> None:
        self.setText(", ".join(value or []))


def same_value(a: Any, b: Any) -> bool:
    """Whether two field values are the same to a user (empty text equals nothing)."""
    return (a or None) == (b or None)
