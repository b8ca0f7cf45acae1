"""Form inputs that all speak one small language: ``value()``, ``set_value()`` and the
``edited`` signal, so a form can read, fill and watch any of them the same way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QEvent, QStringListModel, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFrame,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from models import clock
from models.words.choices import ChoiceSet
from models.words.dates import FIRST_YEAR, LAST_YEAR, format_date, parse_date, parse_time
from models.words.numbers import format_number, parse_number
from resources import icon_path
from ui.widgets.shortcut import escape_closes


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
    """One of a fixed list of choices, or none. With ``empty_label=None`` there is no empty
    entry: a choice that always has a value shows it (a participant's role) rather than
    leaving the user to guess what an empty one becomes when saved."""

    edited = Signal()

    def __init__(
        self, choices: ChoiceSet, parent: QWidget | None = None, empty_label: str | None = "—"
    ) -> None:
        super().__init__(parent)
        if empty_label is not None:
            self.addItem(empty_label, None)
        for choice in choices:
            self.addItem(choice.label(), choice.code)
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
        completer.popup().installEventFilter(self)
        self._completer = completer
        self.textEdited.connect(self._suggest)
        self.textChanged.connect(self.edited)

    def event(self, event: QEvent) -> bool:
        shortcut = event.type() == QEvent.Type.ShortcutOverride
        if shortcut and escape_closes(event, self._completer.popup()):
            return True
        return super().event(event)

    def eventFilter(self, watched, event) -> bool:
        if watched is self._completer.popup() and escape_closes(event, watched):
            return True
        return super().eventFilter(watched, event)

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


class CalendarPopup(QFrame):
    """The calendar a date field opens: a click, or Enter on a day, chooses it; Esc closes it.

    A child of its field, so a table's cell editor stays open while the calendar is shown."""

    chosen = Signal(object)  # dt.date

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("calendar")
        self.calendar.setMinimumDate(QDate(FIRST_YEAR, 1, 1))
        self.calendar.setMaximumDate(QDate(LAST_YEAR, 12, 31))
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.clicked.connect(self._choose)
        self.calendar.activated.connect(self._choose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.calendar)

    def open_on(self, day: dt.date, below: QWidget) -> None:
        self.calendar.setSelectedDate(QDate(day))
        self.calendar.setCurrentPage(day.year, day.month)
        self.adjustSize()
        screen = below.screen().availableGeometry()
        corner = below.mapToGlobal(below.rect().bottomLeft())
        x = max(screen.left(), min(corner.x(), screen.right() - self.width()))
        y = corner.y()
        if y + self.height() > screen.bottom():  # no room below: above the field
            y = below.mapToGlobal(below.rect().topLeft()).y() - self.height()
        self.move(x, y)
        self.show()
        self.calendar.setFocus()

    def _choose(self, day: QDate) -> None:
        self.hide()
        self.chosen.emit(day.toPython())

    def event(self, event: QEvent) -> bool:
        if escape_closes(event, self):
            return True
        return super().event(event)


class DateInput(QLineEdit):
    """A date, typed as people write it (10.12.2026, 10.12.26, 10122026, 2026-12-10) or
    chosen in a calendar (the button at its end, Alt+Down or F4); empty when cleared. Text
    that is not a date stays as typed, and ``problem`` says so.

    The calendar opens on the date typed; on an empty field, on ``near()``: a date of the
    same record the form offers (the start of an event for its end)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("dd.mm.yyyy"))
        self.near: Callable[[], dt.date | None] = lambda: None
        self.calendar_action = self.addAction(
            QIcon(icon_path("calendar")), QLineEdit.ActionPosition.TrailingPosition
        )
        self.calendar_action.setToolTip(self.tr("Choose in a calendar (Alt+Down)"))
        self.calendar_action.triggered.connect(self.open_calendar)
        self.popup = CalendarPopup(self)
        self.popup.chosen.connect(self._chosen)
        self.textChanged.connect(self.edited)
        self.editingFinished.connect(self._tidy)

    def value(self) -> dt.date | None:
        try:
            return parse_date(self.text())
        except ValueError:
            return None

    def set_value(self, value: dt.date | None) -> None:
        self.setText(format_date(value))

    def problem(self) -> str | None:
        try:
            parse_date(self.text())
        except ValueError as error:
            return str(error)
        return None

    def _tidy(self) -> None:
        """A date typed in any form is shown as dd.mm.yyyy once the field is left."""
        value = self.value()
        if value is not None and self.text() != format_date(value):
            self.set_value(value)

    def open_calendar(self) -> None:
        self.popup.open_on(self.value() or self.near() or clock.today(), self)

    def _chosen(self, day: dt.date) -> None:
        self.set_value(day)
        self.setFocus(Qt.FocusReason.PopupFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, alt = event.key(), event.modifiers() & Qt.KeyboardModifier.AltModifier
        if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and alt):
            self.open_calendar()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.value() is not None:
            step = 1 if key == Qt.Key.Key_Up else -1
            self.set_value(self.value() + dt.timedelta(days=step))
            return
        super().keyPressEvent(event)


class TimeInput(QLineEdit):
    """A time of day, typed as 10:30, 10.30 or 1030, or none."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("hh:mm")
        self.setMaximumWidth(90)
        self.textChanged.connect(self.edited)
        self.editingFinished.connect(self._tidy)

    def value(self) -> dt.time | None:
        try:
            return parse_time(self.text())
        except ValueError:
            return None

    def set_value(self, value: dt.time | None) -> None:
        self.setText(value.strftime("%H:%M") if value else "")

    def problem(self) -> str | None:
        try:
            parse_time(self.text())
        except ValueError as error:
            return str(error)
        return None

    def _tidy(self) -> None:
        value = self.value()
        if value is not None and self.text() != value.strftime("%H:%M"):
            self.set_value(value)


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
