"""Record ▸ Find duplicates…: the likely twins of a kind, found off the window's thread with a
progress bar, each pair with its score and reasons; a pair is merged side by side
(``MergeDialog``) or marked "not a duplicate", after which it is no longer offered."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.duplicates.finder import FindingStopped, find_duplicates
from models.duplicates.marks import mark_not_duplicate
from models.duplicates.twins import Twin
from models.errors import SeriktesError
from models.kinds.registry import editor_for
from models.merge_values import NAME_FIELDS, default_values, is_empty, keep_names, linked_to_others
from models.merging import Merged, merge_records
from models.words.numbers import format_number
from models.words.translation import ngettext
from ui import dialogs
from ui.background import Task
from ui.widgets.history_panel import shown

ID = Qt.ItemDataRole.UserRole
# How a kind's form names its fields and shows a stored value (a country by its name).
Describer = Callable[[str], tuple[dict[str, str], Callable[[str, Any], str | None]]]


SHOWN_LENGTH = 48  # characters of a value shown beside the other's; all of it in its tooltip


def _first_line(text: str) -> str:
    """A value as it fits beside another: its first line, cut short with an ellipsis."""
    line = text.splitlines()[0] if text.strip() else text
    if len(line) > SHOWN_LENGTH or line != text:
        return line[:SHOWN_LENGTH].rstrip() + "…"
    return line


class DuplicatesDialog(QDialog):
    """The pairs of likely twins among the records of the kind chosen."""

    merged = Signal(object)  # models.merging.Merged, after a merge
    open_record = Signal(str, object)

    def __init__(
        self,
        kinds: list[tuple[str, str]],
        kind: str,
        describe: Describer,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find duplicates"))
        self.describe = describe
        self.task: Task | None = None
        self.twins: list[Twin] = []
        self.merge_dialog: MergeDialog | None = None

        self.kind_box = QComboBox()
        self.kind_box.setObjectName("kind")
        for code, label in kinds:
            self.kind_box.addItem(label, code)
        self.kind_box.setCurrentIndex(max(self.kind_box.findData(kind), 0))
        self.find_button = QPushButton(self.tr("&Find"))
        self.find_button.setObjectName("find")
        self.find_button.clicked.connect(self.find)
        kind_label = QLabel(self.tr("&Records:"))
        kind_label.setBuddy(self.kind_box)
        top = QHBoxLayout()
        top.addWidget(kind_label)
        top.addWidget(self.kind_box, 1)
        top.addWidget(self.find_button)

        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.stop_button = QPushButton(self.tr("&Stop"))
        self.stop_button.setObjectName("stop")
        self.stop_button.clicked.connect(self.stop)
        working = QHBoxLayout()
        working.addWidget(self.progress, 1)
        working.addWidget(self.stop_button)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("pairs")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Score"), self.tr("Record"), self.tr("Likely twin"), self.tr("Why")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(1, 220)
        self.table.setColumnWidth(2, 220)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemActivated.connect(lambda _item: self.merge_selected())

        self.merge_button = QPushButton(self.tr("&Merge…"))
        self.merge_button.setObjectName("merge")
        self.merge_button.clicked.connect(self.merge_selected)
        self.not_button = QPushButton(self.tr("&Not a duplicate"))
        self.not_button.setObjectName("not_duplicate")
        self.not_button.clicked.connect(self.mark_selected)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.not_button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(working)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(900, 560)
        self._set_working(False)
        self._update_buttons()

    @property
    def kind(self) -> str:
        return self.kind_box.currentData()

    # -- finding, off the window's thread ----------------------------------------------------

    def find(self) -> None:
        if self.task is not None:
            return
        kind = self.kind
        self.table.setRowCount(0)
        self.twins = []
        self.status.setText(self.tr("Looking for records that look like twins…"))
        task = Task(lambda progress: find_duplicates(kind, progress), self)
        task.progressed.connect(self._progressed)
        task.finished.connect(lambda: self._found(task, kind))
        self.task = task
        self._set_working(True)
        task.start()

    def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _found(self, task: Task, kind: str) -> None:
        task.wait()
        self.task = None
        self._set_working(False)
        if isinstance(task.error, FindingStopped):
            self.status.setText(self.tr("The search for duplicates was stopped."))
            return
        if isinstance(task.error, SeriktesError):
            self.status.setText(str(task.error))
            return
        if task.error is not None:
            raise task.error
        if kind == self.kind:
            self.show_twins(task.result)

    def _set_working(self, working: bool) -> None:
        self.progress.setVisible(working)
        self.stop_button.setVisible(working)
        self.find_button.setEnabled(not working)
        self.kind_box.setEnabled(not working)
        if working:
            self.progress.setValue(0)
        self._update_buttons()

    def show_twins(self, twins: list[Twin]) -> None:
        self.twins = list(twins)
        self.table.setRowCount(len(self.twins))
        for row, twin in enumerate(self.twins):
            score = QTableWidgetItem(format_number(twin.score))
            score.setData(ID, row)
            score.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            cells = (
                score,
                QTableWidgetItem(self._titled(twin.first_title, twin.first)),
                QTableWidgetItem(self._titled(twin.second_title, twin.second)),
                QTableWidgetItem(twin.why),
            )
            for column, cell in enumerate(cells):
                cell.setToolTip(cell.text())
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        self._say_count()
        if self.twins:
            self.table.selectRow(0)
        self._update_buttons()

    def _titled(self, title: str, number: int) -> str:
        return self.tr("{title} (no. {number})").format(title=title, number=number)

    def _say_count(self) -> None:
        count = len(self.twins)
        if count:
            text = ngettext(
                "{count} pair of records that look like twins.",
                "{count} pairs of records that look like twins.",
                count,
            ).format(count=format_number(count))
        else:
            text = self.tr("No likely duplicates were found.")
        self.status.setText(text)

    # -- what is done with a pair ------------------------------------------------------------

    def selected(self) -> Twin | None:
        row = self.table.currentRow()
        if not self.table.selectionModel().hasSelection() or not 0 <= row < len(self.twins):
            return None
        return self.twins[row]

    def _update_buttons(self) -> None:
        chosen = self.task is None and self.selected() is not None
        self.merge_button.setEnabled(chosen)
        self.not_button.setEnabled(chosen)

    def mark_selected(self) -> None:
        twin = self.selected()
        if twin is None:
            return
        try:
            mark_not_duplicate(twin.kind, twin.first, twin.second)
        except SeriktesError as error:
            dialogs.show_error(self, self.tr("Not marked"), str(error))
            return
        self._drop(lambda other: other.ids == twin.ids)

    def merge_selected(self) -> None:
        twin = self.selected()
        if twin is None:
            return
        labels, name_value = self.describe(twin.kind)
        dialog = MergeDialog(twin.kind, list(twin.ids), labels, name_value, self)
        dialog.done_merge.connect(self._merged)
        self.merge_dialog = dialog
        dialog.open()

    def _merged(self, merged: Merged) -> None:
        gone = set(merged.others)
        self._drop(lambda twin: bool(gone & set(twin.ids)))
        self.merged.emit(merged)

    def _drop(self, leaves: Callable[[Twin], bool]) -> None:
        """Take the pairs that no longer hold out of the list, keeping the place in it."""
        row = self.table.currentRow()
        self.show_twins([twin for twin in self.twins if not leaves(twin)])
        if self.twins:
            self.table.selectRow(min(max(row, 0), len(self.twins) - 1))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task.wait()
        super().closeEvent(event)

    def reject(self) -> None:
        self.close()


class MergeDialog(QDialog):
    """Records side by side: which one is kept, and for each field the value it keeps. What
    the others are linked to moves to it; names in every language are kept."""

    done_merge = Signal(object)  # models.merging.Merged

    def __init__(
        self,
        kind: str,
        ids: list[int],
        labels: dict[str, str],
        name_value: Callable[[str, Any], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge records"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.kind = kind
        self.ids = ids
        self.editor = editor_for(kind)
        self.records = [self.editor.load(record_id) for record_id in ids]
        titles = [self.editor.title(self.editor.get(record_id)) for record_id in ids]
        self.merged: Merged | None = None

        intro = QLabel(
            self.tr(
                "Choose the record to keep and, for each field, the value it keeps. Everything "
                "linked to the others moves to it, and the others go to the Trash: restoring "
                "one of them undoes the merge."
            )
        )
        intro.setWordWrap(True)

        grid = QGridLayout()
        grid.setColumnStretch(0, 0)
        self.keep_group = QButtonGroup(self)
        for column, (record_id, title) in enumerate(zip(ids, titles, strict=True)):
            button = QRadioButton(
                self.tr("Keep “{title}” (no. {number})").format(
                    title=_first_line(title), number=record_id
                )
            )
            button.setToolTip(title)
            button.setObjectName(f"keep_{column}")
            self.keep_group.addButton(button, column)
            grid.addWidget(button, 0, column + 1)
            grid.setColumnStretch(column + 1, 1)
        self.keep_group.button(0).setChecked(True)
        self.keep_group.idToggled.connect(self._keep_changed)

        self.fields: dict[str, QButtonGroup] = {}
        row = 1
        for name in self.editor.field_names():
            values = [record.get(name) for record in self.records]
            if all(is_empty(value) for value in values):
                continue
            label = QLabel(labels.get(name, name.replace("_", " ").capitalize()))
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, 0)
            group = QButtonGroup(self)
            for column, value in enumerate(values):
                text = (name_value(name, value) if not is_empty(value) else None) or shown(value)
                button = QRadioButton(_first_line(text))
                button.setObjectName(f"{name}_{column}")
                button.setToolTip(text)
                button.setEnabled(not is_empty(value))
                group.addButton(button, column)
                grid.addWidget(button, row, column + 1)
            self.fields[name] = group
            row += 1
        sides = QWidget()
        sides.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(sides)

        notes = []
        if kind in NAME_FIELDS:
            notes.append(
                self.tr(
                    "Names in every language are kept: a name not chosen goes to the name in "
                    "its language, or to the other names."
                )
            )
        self.names_note = QLabel(" ".join(notes))
        self.names_note.setWordWrap(True)
        self.moves = QLabel()
        self.moves.setObjectName("moves")
        self.moves.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton(
            self.tr("&Merge"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.merge_button.setObjectName("merge")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.names_note)
        layout.addWidget(self.moves)
        layout.addWidget(buttons)
        # As wide as the values side by side need (long Russian names), as far as the screen
        # allows: a value cut at the edge would have to be scrolled to.
        margins = layout.contentsMargins()
        needed = (
            sides.sizeHint().width()
            + scroll.verticalScrollBar().sizeHint().width()
            + 2 * scroll.frameWidth()
            + margins.left()
            + margins.right()
        )
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = int(screen.availableGeometry().width() * 0.95) if screen else needed
        self.resize(min(max(1040, needed), room), 640)
        self._keep_changed(0, True)

    @property
    def keep(self) -> int:
        return max(self.keep_group.checkedId(), 0)

    def _keep_changed(self, column: int, checked: bool) -> None:
        """The kept record's values are chosen, each empty one filled from the others."""
        if not checked:
            return
        order = [column, *(i for i in range(len(self.ids)) if i != column)]
        for name, group in self.fields.items():
            chosen = next((i for i in order if not is_empty(self.records[i].get(name))), order[0])
            group.button(chosen).setChecked(True)
        kept, others = self.ids[column], [i for i in self.ids if i != self.ids[column]]
        lines = [text for text, _count in linked_to_others(self.kind, kept, others)]
        if lines:
            self.moves.setText(
                self.tr("Moves to the record kept: {what}.").format(what=", ".join(lines))
            )
        else:
            self.moves.setText(self.tr("Nothing else is linked to the records merged."))

    def chosen_values(self) -> dict[str, Any]:
        """The kept record's fields as chosen, with every name of every record kept."""
        keep = self.keep
        records = [self.records[keep], *(r for i, r in enumerate(self.records) if i != keep)]
        values = default_values(self.kind, records)
        for name, group in self.fields.items():
            column = group.checkedId()
            if column >= 0:
                values[name] = self.records[column].get(name)
        return keep_names(self.kind, values, records)

    def accept(self) -> None:
        keep = self.ids[self.keep]
        others = [record_id for record_id in self.ids if record_id != keep]
        try:
            self.merged = merge_records(self.kind, keep, others, self.chosen_values())
        except SeriktesError as error:
            dialogs.show_error(self, self.tr("Not merged"), str(error))
            return
        super().accept()
        self.done_merge.emit(self.merged)
