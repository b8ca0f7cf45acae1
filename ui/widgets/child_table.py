"""A table of the rows that belong to a record and are saved with it: the participants of an
event, the partners of a program, the follow-ups of a delegation.

Rows are plain dicts, as the domain loads and saves them. The table sorts, can filter by
choice columns, edits choices, dates, flags and text in place, and adds rows from a bar of
inputs below it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from models.words.choices import ChoiceSet
from ui.widgets.inputs import CheckInput, ChoiceInput, DateInput
from ui.widgets.search_picker import SearchPicker
from ui.widgets.shortcut import shortcut

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class ChildColumn:
    key: str
    label: str
    kind: str = "text"  # "text", "choice", "date", "bool", or "label" (shown, not edited)
    choices: ChoiceSet | None = None
    label_of: Callable[[dict[str, Any]], str] | None = None  # for "label" columns
    # The labels of many rows read at once (one query, not one per row), for long tables.
    labels_of: Callable[[list[dict[str, Any]]], list[str]] | None = None
    width: int = 140
    default: Any = None


class ChildRowsModel(QAbstractTableModel):
    changed = Signal()

    def __init__(
        self, columns: list[ChildColumn], alert: Callable[[dict], bool] | None = None, parent=None
    ) -> None:
        super().__init__(parent)
        self.columns = columns
        self.rows: list[dict[str, Any]] = []
        self._labels: list[dict[str, str]] = []
        self._alert = alert

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = [dict(row) for row in rows]
        self._labels = [{} for _row in self.rows]
        for column in self.columns:
            if column.labels_of is not None:
                texts = column.labels_of(self.rows)
            elif column.label_of is not None:
                texts = [column.label_of(row) for row in self.rows]
            else:
                continue
            for labels, text in zip(self._labels, texts, strict=True):
                labels[column.key] = text
        self.endResetModel()

    def _label_row(self, row: dict[str, Any]) -> dict[str, str]:
        labels = {}
        for column in self.columns:
            if column.labels_of is not None:
                labels[column.key] = column.labels_of([row])[0]
            elif column.label_of is not None:
                labels[column.key] = column.label_of(row)
        return labels

    def append(self, row: dict[str, Any]) -> None:
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append(row)
        self._labels.append(self._label_row(row))
        self.endInsertRows()
        self.changed.emit()

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        del self._labels[row]
        self.endRemoveRows()
        self.changed.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.columns[section].label)
        return None

    def _text(self, row: int, column: ChildColumn) -> str:
        value = self.rows[row].get(column.key)
        if column.key in self._labels[row]:
            return self._labels[row][column.key]
        if column.kind == "choice" and column.choices is not None:
            return self.tr(column.choices.label(value))
        if column.kind == "date":
            return value.strftime("%d.%m.%Y") if value else ""
        if column.kind == "bool":
            return ""
        return "" if value is None else str(value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(index.row(), column)
        if role == Qt.ItemDataRole.EditRole:
            return row.get(column.key)
        if role == SORT_ROLE:
            value = row.get(column.key)
            if column.kind == "date":
                return value.isoformat() if value else ""
            if column.kind == "bool":
                return int(bool(value))
            return self._text(index.row(), column).casefold()
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "bool":
            return Qt.CheckState.Checked if row.get(column.key) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and self._alert and self._alert(row):
            return QBrush(QColor("#b3261e"))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        column = self.columns[index.column()]
        if column.kind == "bool":
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        if column.kind in ("text", "choice", "date"):
            return flags | Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "bool":
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        self.rows[index.row()][column.key] = value
        self.dataChanged.emit(
            index.siblingAtColumn(0), index.siblingAtColumn(len(self.columns) - 1)
        )
        self.changed.emit()
        return True


class ChildDelegate(QStyledItemDelegate):
    """Edits a choice with a list and a date with a calendar, in place."""

    def __init__(self, columns: list[ChildColumn], parent=None) -> None:
        super().__init__(parent)
        self.columns = columns

    def createEditor(self, parent, option, index):
        column = self.columns[index.column()]
        if column.kind == "choice" and column.choices is not None:
            # A choice that always has a value offers no empty entry to fall back from.
            empty = "—" if column.default is None else None
            return ChoiceInput(column.choices, parent, empty_label=empty)
        if column.kind == "date":
            return DateInput(parent)
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor, index) -> None:
        if isinstance(editor, ChoiceInput | DateInput):
            editor.set_value(index.data(Qt.ItemDataRole.EditRole))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index) -> None:
        if isinstance(editor, DateInput) and (problem := editor.problem()):
            # Text that is not a date leaves the date as it was, and says why.
            QToolTip.showText(editor.mapToGlobal(editor.rect().bottomLeft()), problem, editor)
            return
        if isinstance(editor, ChoiceInput | DateInput):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class ChoiceFilterProxy(QSortFilterProxyModel):
    """Shows the rows whose chosen columns hold the chosen values."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.wanted: dict[str, Any] = {}
        self.setSortRole(SORT_ROLE)

    def set_wanted(self, key: str, value: Any) -> None:
        self.beginFilterChange()
        if value is None:
            self.wanted.pop(key, None)
        else:
            self.wanted[key] = value
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        row = self.sourceModel().rows[source_row]
        return all(row.get(key) == value for key, value in self.wanted.items())


class ChildTable(QWidget):
    """The rows, a bar to add one, and a button to remove the chosen ones.

    ``add_inputs`` are the inputs of the bar, by the row key they fill; an input whose value
    is a dict fills several keys at once (a participant is a person or an organization).
    """

    edited = Signal()

    def __init__(
        self,
        columns: list[ChildColumn],
        add_inputs: dict[str, Any],
        filter_keys: tuple[str, ...] = (),
        alert: Callable[[dict], bool] | None = None,
        add_label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = columns
        self.add_inputs = add_inputs
        self.model = ChildRowsModel(columns, alert, self)
        self.model.changed.connect(self.edited)
        self.proxy = ChoiceFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(ChildDelegate(columns, self.view))
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        # Arrows move between cells; Tab goes on to the next field, as everywhere in a form.
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.setMinimumHeight(140)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        for section, column in enumerate(columns):
            header.resizeSection(section, column.width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The first column names the row (a person, an action): it takes the spare width.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filters: dict[str, QComboBox] = {}
        if filter_keys:
            row = QHBoxLayout()
            row.addWidget(QLabel(self.tr("Show:")))
            for key in filter_keys:
                column = next(c for c in columns if c.key == key)
                combo = QComboBox()
                combo.setObjectName(f"filter_{key}")
                combo.addItem(
                    self.tr("Any {what}").format(what=self.tr(column.label).lower()), None
                )
                for choice in column.choices or ():
                    combo.addItem(choice.label(), choice.code)
                combo.currentIndexChanged.connect(
                    lambda _i, k=key, c=combo: self.proxy.set_wanted(k, c.currentData())
                )
                self.filters[key] = combo
                row.addWidget(combo)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addWidget(self.view, 1)

        bar = QHBoxLayout()
        defaults = {column.key: column.default for column in columns}
        for key, widget in add_inputs.items():
            if isinstance(widget, ChoiceInput) and defaults.get(key) is not None:
                # The value a row gets when none is chosen is shown before it is added.
                if widget.itemData(0) is None:
                    widget.removeItem(0)
                widget.set_value(defaults[key])
            # Enter in the bar adds the row it describes, as the button does.
            widget.installEventFilter(self)
            # What is typed there counts as a change of the form, not yet saved.
            widget.edited.connect(self.edited)
            # Names and texts take the room; a role, a side or a date needs only its own.
            if isinstance(widget, ChoiceInput | DateInput | CheckInput):
                bar.addWidget(widget)
            else:
                widget.setMinimumWidth(160)
                bar.addWidget(widget, 1)
        self.add_button = QPushButton(add_label or self.tr("Add"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the chosen rows (Delete)"))
        self.remove_button.clicked.connect(self.remove_selected)
        shortcut(
            QKeySequence.StandardKey.Delete,
            self.view,
            self.remove_selected,
            Qt.ShortcutContext.WidgetShortcut,
        )
        # The buttons get a row of their own, so the inputs have the width to show their text.
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout.addLayout(bar)
        layout.addLayout(buttons)

    # -- value --------------------------------------------------------------------------------

    def value(self) -> list[dict[str, Any]]:
        return [dict(row) for row in self.model.rows]

    def set_value(self, rows: list[dict[str, Any]] | None) -> None:
        self.model.set_rows(rows or [])

    def row_texts(self, rows: list[dict[str, Any]]) -> list[str]:
        """Rows in words, as this table shows them (names, labels, dates), one text each:
        for telling two versions of the table apart."""
        shown = ChildRowsModel(self.columns, parent=self)
        shown.set_rows(rows)
        texts = []
        for row in range(len(rows)):
            cells = [shown._text(row, column) for column in self.columns if column.kind != "bool"]
            cells += [
                self.tr(column.label)
                for column in self.columns
                if column.kind == "bool" and rows[row].get(column.key)
            ]
            texts.append(" · ".join(cell for cell in cells if cell))
        shown.deleteLater()
        return texts

    def problem(self) -> str | None:
        """Text typed in the bar but not yet added would be lost silently otherwise."""
        for widget in self.add_inputs.values():
            check = getattr(widget, "problem", None)
            if check is not None and (message := check()):
                return message
        if self.new_row() is not None:
            return self.tr(
                "What is typed under the table is not added yet. Press “{button}” to add it, "
                "or clear it."
            ).format(button=self.add_button.text().replace("&", ""))
        return None

    def eventFilter(self, watched, event) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and watched in self.add_inputs.values()
        ):
            if isinstance(watched, SearchPicker):
                watched.settle()
            self.add_row()
            return True
        return super().eventFilter(watched, event)

    # -- editing ------------------------------------------------------------------------------

    def new_row(self) -> dict[str, Any] | None:
        """The row the bar describes, or None when it names nothing yet."""
        row = {column.key: column.default for column in self.columns}
        filled = False
        for key, widget in self.add_inputs.items():
            value = widget.value()
            if isinstance(value, dict):
                row.update(value)
            else:
                row[key] = value
            # A role or a date alone describes no row; a name or a text does.
            if not isinstance(widget, ChoiceInput | DateInput | CheckInput):
                values = value.values() if isinstance(value, dict) else [value]
                filled = filled or any(v not in (None, "") for v in values)
        return row if filled else None

    def add_row(self) -> None:
        row = self.new_row()
        if row is None:
            first = next(iter(self.add_inputs.values()), None)
            if first is not None:
                first.setFocus()
            return
        self.model.append(row)
        for widget in self.add_inputs.values():
            if not isinstance(widget, ChoiceInput):
                widget.set_value(None)
        next(iter(self.add_inputs.values())).setFocus()

    def remove_selected(self) -> None:
        rows = sorted(
            {
                self.proxy.mapToSource(index).row()
                for index in self.view.selectionModel().selectedRows()
            },
            reverse=True,
        )
        for row in rows:
            self.model.remove(row)

    def shown_rows(self) -> list[dict[str, Any]]:
        """The rows as the table shows them: filtered and sorted."""
        return [
            self.model.rows[self.proxy.mapToSource(self.proxy.index(r, 0)).row()]
            for r in range(self.proxy.rowCount())
        ]
