"""Records that belong with the one in the form but are edited on their own (an
organization's people, a program's key figures): listed, opened with a double-click, and
added in a window of their own."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

ID = Qt.ItemDataRole.UserRole


class RelatedTable(QWidget):
    open_record = Signal(str, object)
    add_requested = Signal()

    def __init__(
        self,
        kind: str,
        headers: Sequence[str],
        add_label: str,
        hints: tuple[str, str, str],
        numbers: Sequence[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        """``hints``: what to say before the record is saved, when it has none, and when it
        has some. ``numbers``: the columns aligned right."""
        super().__init__(parent)
        self.kind = kind
        self.hints = hints
        self.numbers = set(numbers)
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(120)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        self.add_button = QPushButton(add_label)
        self.add_button.clicked.connect(self.add_requested)
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def set_rows(self, saved: bool, rows: Sequence[tuple[int, Sequence[str]]]) -> None:
        """The related records, as (id, texts); ``saved``: whether the record in the form
        exists yet (one can only be added to a saved record)."""
        self.table.setRowCount(len(rows))
        for row, (record_id, texts) in enumerate(rows):
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(ID, record_id)
                if column in self.numbers:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.add_button.setEnabled(saved)
        unsaved, empty, filled = self.hints
        self.hint.setText(unsaved if not saved else filled if rows else empty)

    def _open(self) -> None:
        item = self.table.currentItem()
        if item is not None:
            self.open_record.emit(self.kind, item.data(ID))
