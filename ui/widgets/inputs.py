"""Form inputs that all speak one small language: ``value()``, ``set_value()`` and the
``edited`` signal, so a form can read, fill and watch any of them the same way."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QEvent, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from models import clock
from models.words.choices import ChoiceSet
from models.words.numbers import format_number, parse_number


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


NO_DATE = QDate(1900, 1, 1)


class DateInput(QDateEdit):
    """A date, or none: the empty state shows a dash. Delete or Backspace clears it; the
    calendar opens on today's month when no date is set."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd.MM.yyyy")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText("—")
        self.setDate(NO_DATE)
        self.calendarWidget().installEventFilter(self)
        self.dateChanged.connect(self.edited)

    def value(self) -> dt.date | None:
        date = self.date()
        return None if date == NO_DATE else date.toPython()

    def set_value(self, value: dt.date | None) -> None:
        self.setDate(QDate(value) if value else NO_DATE)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and (
            self.value() is None or self.lineEdit().selectedText() == self.text()
        ):
            self.set_value(None)
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched, event) -> bool:
        if (
            watched is self.calendarWidget()
            and event.type() == QEvent.Type.Show
            and self.value() is None
        ):
            today = QDate(clock.today())
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)


class TimeInput(QLineEdit):
    """A time of day as hh:mm, or none."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("hh:mm")
        self.setMaximumWidth(90)
        self.textChanged.connect(self.edited)

    def value(self) -> dt.time | None:
        try:
            return dt.datetime.strptime(self.text().strip(), "%H:%M").time()
        except ValueError:
            return None

    def set_value(self, value: dt.time | None) -> None:
        self.setText(value.strftime("%H:%M") if value else "")

    def problem(self) -> str | None:
        if self.text().strip() and self.value() is None:
            return self.tr("“{text}” is not a time. Write it as hh:mm, like 14:30.").format(
                text=self.text().strip()
            )
        return None


class NumberInput(QLineEdit):
    """A number as people write it ("1 130", "350 000", "12,5"), or none."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None, placeholder: str = "") -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.textChanged.connect(self.edited)

    def value(self) -> Decimal | None:
        try:
            return parse_number(self.text())
        except ValueError:
            return None

    def set_value(self, value: Decimal | None) -> None:
        self.setText(format_number(value))

    def problem(self) -> str | None:
        if self.text().strip() and self.value() is None:
            return self.tr(
                "“{text}” is not a number. Write digits only, like 1 130 or 12,5."
            ).format(text=self.text().strip())
        return None


class CheckInput(QCheckBox):
    edited = Signal()

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.toggled.connect(self.edited)

    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, value: bool | None) -> None:
        self.setChecked(bool(value))
