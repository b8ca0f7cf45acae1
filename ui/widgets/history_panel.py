"""A record's history: every change with when, who, the field, and the values before and
after; an earlier value can be brought back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import history
from models.words.numbers import format_number
from models.words.translation import ngettext

ID = Qt.ItemDataRole.UserRole
TEXT_MARGIN = 3  # around a value in its cell, as the view's own cells have
ACTIONS = {
    history.CREATED: QT_TRANSLATE_NOOP("HistoryPanel", "Created"),
    history.CHANGED: QT_TRANSLATE_NOOP("HistoryPanel", "Changed"),
    history.DELETED: QT_TRANSLATE_NOOP("HistoryPanel", "Deleted"),
    history.RESTORED: QT_TRANSLATE_NOOP("HistoryPanel", "Restored from the trash"),
    history.IMPORTED: QT_TRANSLATE_NOOP("HistoryPanel", "Imported"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("HistoryPanel", text)


def shown(value: Any) -> str:
    """A stored value as a person reads it."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, Decimal):
        return format_number(value)
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if isinstance(value, list):
        if all(isinstance(item, str) for item in value):
            return ", ".join(value)
        return ngettext("{count} row", "{count} rows", len(value)).format(
            count=format_number(len(value))
        )
    return str(value)


class WrappedText(QStyledItemDelegate):
    """A value wrapped between words and, where one word is wider than its column (a long
    name, a web address), inside the word: shown whole, never shortened with "…"."""

    def _document(self, option: QStyleOptionViewItem, text: str) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(TEXT_MARGIN)
        document.setDefaultFont(option.font)
        wrapping = QTextOption()
        wrapping.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        document.setDefaultTextOption(wrapping)
        document.setPlainText(text)
        document.setTextWidth(max(option.rect.width(), 1))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        text, shown.text = shown.text, ""
        style = shown.widget.style() if shown.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, shown, painter, shown.widget)
        document = self._document(shown, text)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = shown.state & QStyle.StateFlag.State_Selected
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, shown.palette.color(role))
        painter.save()
        # Centred in its row, as the view centres the when and the who beside it.
        spare = max(shown.rect.height() - document.size().height(), 0)
        painter.translate(shown.rect.left(), shown.rect.top() + spare / 2)
        painter.setClipRect(0, 0, shown.rect.width(), shown.rect.height())
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        if shown.rect.width() <= 0:
            return super().sizeHint(option, index)
        document = self._document(shown, shown.text)
        return QSize(int(document.idealWidth()), int(document.size().height()))


class HistoryPanel(QWidget):
    restored = Signal(str)  # the change set of the restore, which can be undone

    def __init__(
        self,
        labels: dict[str, str],
        name_value: Callable[[str, Any], str | None] = lambda _field, _value: None,
        parent: QWidget | None = None,
    ) -> None:
        """``name_value(field, value)``: how the form names a stored value (a kind by its
        label, a country or a record by its name), or None to show it as it is."""
        super().__init__(parent)
        self.labels = labels
        self.name_value = name_value
        self.kind = ""
        self.record_id: int | None = None
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("history")
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Before"), self.tr("After")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Values are shown whole: wrapped, in rows as tall as they need at the columns' width
        # of the moment (a long note, a web address), and in full in their tooltip.
        self.table.setWordWrap(True)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._wrapped = WrappedText(self.table)
        for column in (2, 3, 4):
            self.table.setItemDelegateForColumn(column, self._wrapped)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        # When, who and what can be narrowed by hand to give the values more room.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.restore_button = QPushButton(self.tr("Bring back the value before"))
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.read_only = False

    def show_record(self, kind: str, record_id: int | None) -> int:
        self.kind, self.record_id = kind, record_id
        changes = history.history_of(kind, record_id) if record_id is not None else []
        self.table.setRowCount(len(changes))
        for row, change in enumerate(changes):
            what = self._action(change.action)
            if change.field:
                what = self.tr(self.labels.get(change.field, change.field.replace("_", " ")))
            cells = (
                change.at.strftime("%d.%m.%Y %H:%M"),
                change.user,
                what,
                self._shown(change.field, history.decode(change.old)) if change.field else "",
                self._shown(change.field, history.decode(change.new)),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(
                    ID, change.id if change.field and change.action == history.CHANGED else None
                )
                self.table.setItem(row, column, item)
        for column in range(3):
            self.table.resizeColumnToContents(column)
        self.note.setText(
            self.tr("Changes to this record, the newest first.")
            if changes
            else self.tr("Nothing has changed yet.")
            if record_id
            else self.tr("Save the record to start its history.")
        )
        self.restore_button.setEnabled(False)
        return len(changes)

    def _action(self, action: str) -> str:
        """What happened to the whole record; a merge names the records merged into it."""
        if action == history.MERGED:
            return self.tr("Merged with")
        if action == history.UNMERGED:
            return self.tr("Merge undone")
        return self.tr(ACTIONS.get(action, action))

    def _shown(self, field: str, value: Any) -> str:
        if field and value not in (None, "", []):
            try:
                named = self.name_value(field, value)
            except Exception:  # a record named then may be gone: show the value as stored
                named = None
            if named:
                return named
        return shown(value)

    def _selected(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        self.restore_button.setEnabled(
            not self.read_only and item is not None and item.data(ID) is not None
        )

    def restore_selected(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is None or item.data(ID) is None:
            return
        self.restored.emit(history.restore_value(item.data(ID)))
