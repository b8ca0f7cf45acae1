"""A table model that reads a record list from SQL a page at a time.

The view learns the number of rows from one COUNT and asks for the rows it paints; each
missing page is one LIMIT/OFFSET query, and only a bounded number of pages are kept.
Sorting asks SQL for a new order instead of sorting in Python.

A search that finds more records than a page holds shows its first page at once and is
counted off the window's thread: counting reads every record, and the rows should not wait
for it. Until the count arrives the list has the rows of its first page; then it grows to
its length (``counted``).
"""

from __future__ import annotations

import dataclasses
import queue
import threading
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from models.errors import SearchRefused
from models.listing import ListRequest, RecordList
from models.store.database import thread_connection

PAGE_SIZE = 200
PAGES_KEPT = 40
COUNT_POLL_MS = 5

Index = QModelIndex | QPersistentModelIndex


class Counter:
    """A list counted on a thread of its own, on that thread's own connection (peewee keeps
    one per thread); ``results`` gets (reading, count), or (reading, None) when it could not
    count. ``stop`` interrupts the count at once: a search typed since needs the database."""

    def __init__(
        self,
        record_list: RecordList,
        request: ListRequest,
        reading: int,
        results: queue.SimpleQueue[tuple[int, int | None]],
    ) -> None:
        self._lock = threading.Lock()
        self._connection: Any = None
        self._stopped = False
        threading.Thread(
            target=self._run, args=(record_list, request, reading, results), daemon=True
        ).start()

    def _run(self, record_list: RecordList, request: ListRequest, reading: int, results) -> None:
        try:
            with thread_connection() as database:
                with self._lock:
                    if self._stopped:
                        return
                    self._connection = database.connection()
                try:
                    count = record_list.count(request)
                finally:
                    with self._lock:
                        self._connection = None
            results.put((reading, count))
        except Exception:  # stopped, or the database was closed meanwhile
            results.put((reading, None))

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            if self._connection is not None:
                # SQLite's connection is interrupted; a server is asked to cancel the query.
                stop = getattr(self._connection, "interrupt", None) or self._connection.cancel
                stop()


class RecordTableModel(QAbstractTableModel):
    counted = Signal()  # a list counted off the window's thread now has all its rows

    def __init__(self, record_list: RecordList, parent=None) -> None:
        super().__init__(parent)
        self.record_list = record_list
        self.request = ListRequest(
            sort=record_list.default_sort, descending=record_list.default_descending
        )
        self._count = 0
        self._pages: OrderedDict[int, list[tuple]] = OrderedDict()
        self._available = False
        # Each reading of the list is numbered, so a count that arrives for an earlier search
        # is dropped.
        self._reading = 0
        self._counting = False
        self._counter: Counter | None = None
        self._counts: queue.SimpleQueue[tuple[int, int | None]] = queue.SimpleQueue()
        self.refused = ""  # why the search asked was not looked for
        # The request the rows held were read for (None: none read), and whether sorting
        # only notes the order asked for, keeping the rows (a page being made around them).
        self.read_request: ListRequest | None = None
        self._held = False
        self._poll = QTimer(self, interval=COUNT_POLL_MS)
        self._poll.timeout.connect(self._take_count)

    # -- what the list shows -----------------------------------------------------------------

    @property
    def available(self) -> bool:
        return self._available

    @property
    def counting(self) -> bool:
        """Whether the list is still being counted: it shows its first page meanwhile."""
        return self._counting

    def set_available(self, available: bool, read: bool = True) -> None:
        """Whether a database is open; without one the list is empty. With ``read`` False
        the list stays empty until it is next refreshed: a page out of view reads its list
        when it comes into view, so opening a database reads only the list shown."""
        if available and self._available and not read:
            return  # the same database still: the rows read are its rows
        self._available = available
        if read or not available:
            self.refresh()
            return
        self.beginResetModel()
        self._forget()
        self.endResetModel()

    def set_request(self, request: ListRequest) -> None:
        self.request = request
        self.refresh()

    def refresh(self) -> None:
        """Read the list again (after a save, a delete or a new search). A search that
        cannot be looked for leaves the list empty, saying why (``refused``); whatever
        happens, the list is never left half-reset."""
        self.beginResetModel()
        try:
            self._forget()
            self.refused = ""
            if self._available:
                self.read_request = dataclasses.replace(
                    self.request, filters=dict(self.request.filters)
                )
                first, count = self.record_list.first_page(self.request, PAGE_SIZE)
                self._pages[0] = first
                self._count = len(first) if count is None else count
                if count is None:
                    self._count_later()
        except SearchRefused as error:
            self._forget()
            self.refused = str(error)
        finally:
            self.endResetModel()

    def hold(self, held: bool) -> None:
        """While held, sorting only notes the order asked for: the rows read are kept."""
        self._held = held

    def _forget(self) -> None:
        self.read_request = None
        self._pages.clear()
        self._count = 0
        self._reading += 1
        self._counting = False
        self._poll.stop()
        if self._counter is not None:
            self._counter.stop()  # counting a list no longer shown would slow the one shown
            self._counter = None

    def _count_later(self) -> None:
        request = dataclasses.replace(self.request, filters=dict(self.request.filters))
        self._counter = Counter(self.record_list, request, self._reading, self._counts)
        self._counting = True
        self._poll.start()

    def _take_count(self) -> None:
        while not self._counts.empty():
            reading, count = self._counts.get()
            if reading == self._reading and self._counting:
                self._counted(count)

    def _counted(self, count: int | None) -> None:
        self._counting = False
        self._poll.stop()
        if self._counter is not None:
            self._counter.stop()
            self._counter = None
        if count is None:
            count = self.record_list.count(self.request)
        if count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()
        self.counted.emit()

    def wait_for_count(self) -> None:
        """Count the list now, on this thread, if it is still being counted."""
        if self._counting:
            self._counted(None)

    def record_id(self, row: int) -> int | None:
        record = self._row(row)
        return record[0] if record else None

    def row_of(self, record_id: int) -> int | None:
        if not self._available or self.refused:
            return None
        row = self.record_list.position(self.request, record_id)
        if row is not None and row >= self._count:
            self.wait_for_count()  # the record is further down than the first page
        return row

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
        if not self._held:
            self.refresh()
