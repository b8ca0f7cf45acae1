"""A table model that reads a record list from SQL a page at a time.

The view learns the number of rows from one COUNT and asks for the rows it paints; each
missing page is one LIMIT/OFFSET query, and only a bounded number of pages are kept.
Sorting asks SQL for a new order instead of sorting in Python.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from models.listing import ListRequest, RecordList

PAGE_SIZE = 200
PAGES_KEPT = 40

Index = QModelIndex | QPersistentModelIndex


class RecordTableModel(QAbstractTableModel):
    def __init__(self, record_list: RecordList, parent=None) -> None:
        super().__init__(parent)
        self.record_list = record_list
        self.request = ListRequest(
            sort=record_list.default_sort, descending=record_list.default_descending
        )
        self._count = 0
        self._pages: OrderedDict[int, list[tuple]] = OrderedDict()
        self._available = False

    # -- what the list shows -----------------------------------------------------------------

    @property
    def available(self) -> bool:
        return self._available

    def set_available(self, available: bool) -> None:
        """Whether a database is open; without one the list is empty."""
        self._available = available
        self.refresh()

    def set_request(self, request: ListRequest) -> None:
        self.request = request
        self.refresh()

    def refresh(self) -> None:
        """Read the list again (after a save, a delete or a new search)."""
        self.beginResetModel()
        self._pages.clear()
        self._count = self.record_list.count(self.request) if self._available else 0
        self.endResetModel()

    def record_id(self, row: int) -> int | None:
        record = self._row(row)
        return record[0] if record else None

    def row_of(self, record_id: int) -> int | None:
        return self.record_list.position(self.request, record_id) if self._available else None

    def _row(self, row: int) -> tuple | None:
        if not 0 <= row < self._count:
            return None
        number, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = self.record_list.rows(self.request, number * PAGE_SIZE, PAGE_SIZE)
            self._pages[number] = page
            if len(self._pages) > PAGES_KEPT:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    # -- QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.record_list.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        record = self._row(index.row())
        if record is None:
            return None
        column = self.record_list.columns[index.column()]
        text = column.display(record[index.column() + 1])
        if column.choices is not None:
            text = QCoreApplication.translate("choices", text)
        return text

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("columns", self.record_list.columns[section].label)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.record_list.columns):
            return
        self.request.sort = self.record_list.columns[column].key
        self.request.descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()
