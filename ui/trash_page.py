"""The Trash: deleted records, each with everything that was linked to it, until they are
restored or deleted for good."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
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

from models import merging, trash
from models.errors import SeriktesError
from models.words.numbers import format_number
from models.words.translation import ngettext
from ui import dialogs
from ui.search_box import kind_name

ID = Qt.ItemDataRole.UserRole


class TrashPage(QWidget):
    restored = Signal(object)  # the record put back (models.trash.Restored)
    unmerged = Signal(object)  # a merge undone by restoring one of its records (Unmerged)
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Trash"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("trash")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Deleted"), self.tr("By"), self.tr("Kind"), self.tr("Record")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.delete_button = QPushButton(self.tr("Delete for good…"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.empty_button = QPushButton(self.tr("Empty the trash…"))
        self.empty_button.clicked.connect(self.empty)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.empty_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(title)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.read_only = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.isEnabled():
            self.refresh()

    def refresh(self) -> None:
        items = trash.trash_items()
        merged_into = merging.kept_titles(item.batch for item in items)
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            kind = kind_name(item.record_kind)
            title = item.title
            if item.batch in merged_into:
                title = self.tr("{title} (merged into “{kept}”)").format(
                    title=item.title, kept=merged_into[item.batch]
                )
            for column, text in enumerate(
                (
                    item.deleted_at.strftime("%d.%m.%Y %H:%M"),
                    item.deleted_by,
                    kind,
                    title,
                )
            ):
                cell = QTableWidgetItem(text)
                cell.setData(ID, item.id)
                self.table.setItem(row, column, cell)
        if items:
            self.table.selectRow(0)
        self.note.setText(
            self.tr(
                "Deleted records wait here with everything that was linked to them. Restore one "
                "to put it back as it was."
            )
            if items
            else self.tr("The trash is empty.")
        )
        for button in (self.restore_button, self.delete_button, self.empty_button):
            button.setEnabled(bool(items) and not self.read_only)

    def _selected(self) -> tuple[int, str] | None:
        cell = self.table.item(self.table.currentRow(), 3)
        return (cell.data(ID), cell.text()) if cell is not None else None

    def restore_selected(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        try:
            restored = merging.restore_from_trash(selected[0])
        except SeriktesError as error:
            dialogs.show_error(self, self.tr("Not restored"), str(error))
            return
        self.refresh()
        self.changed.emit()
        if isinstance(restored, merging.Unmerged):
            self.unmerged.emit(restored)
        else:
            self.restored.emit(restored)

    def delete_selected(self) -> None:
        selected = self._selected()
        if selected is None or not dialogs.confirm(
            self,
            self.tr("Delete for good"),
            self.tr("Delete “{title}” for good?").format(title=selected[1]),
            self.tr("It cannot be restored afterwards."),
            action=self.tr("Delete for good"),
        ):
            return
        trash.delete_for_good(selected[0])
        self.refresh()
        self.changed.emit()

    def empty(self) -> None:
        count = self.table.rowCount()
        if not count or not dialogs.confirm(
            self,
            self.tr("Empty the trash"),
            ngettext(
                "Delete the {count} record in the trash for good?",
                "Delete the {count} records in the trash for good?",
                count,
            ).format(count=format_number(count)),
            self.tr("They cannot be restored afterwards."),
            action=self.tr("Empty the trash"),
        ):
            return
        trash.empty_trash()
        self.refresh()
        self.changed.emit()
