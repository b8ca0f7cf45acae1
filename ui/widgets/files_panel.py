"""Files attached to a record: added, opened with the system's viewer, saved elsewhere,
removed. Each action is done at once; files are not part of the form's Save. A stored name
is shown, and written to disk, only as the core makes it safe; a program is never opened."""

from __future__ import annotations

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

from models.errors import SeriktesError, ValidationFailed
from models.store import attachments
from models.words.numbers import format_number
from ui import dialogs

ID = Qt.ItemDataRole.UserRole
STORED_NAME = Qt.ItemDataRole.UserRole + 1


def human_size(size: int) -> str:
    for unit in ("bytes", "KB", "MB"):
        if size < 1024 or unit == "MB":
            return f"{format_number(round(size, 1))} {unit}"
        size /= 1024
    return ""


class FilesPanel(QWidget):
    changed = Signal(int)  # how many files the record has now

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.record_id: int | None = None
        self._read_only = False
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("error_files")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.hide()
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("files")
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Size"), self.tr("Added")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.add_button = QPushButton(self.tr("Add…"))
        self.open_button = QPushButton(self.tr("Open"))
        self.save_button = QPushButton(self.tr("Save as…"))
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.add_button.clicked.connect(self.add)
        self.open_button.clicked.connect(self.open_selected)
        self.save_button.clicked.connect(self.save_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.save_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.refresh()

    def set_record(self, record_id: int | None) -> int:
        self.record_id = record_id
        self.message.hide()
        return self.refresh()

    def refresh(self) -> int:
        files = attachments.attachments_of(self.kind, self.record_id) if self.record_id else []
        self.table.setRowCount(len(files))
        for row, attachment in enumerate(files):
            cells = (
                attachments.shown_file_name(attachment.file_name),
                human_size(attachment.size),
                attachment.added_at.strftime("%d.%m.%Y %H:%M"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID, attachment.id)
                item.setData(STORED_NAME, attachment.file_name)
                self.table.setItem(row, column, item)
        saved = self.record_id is not None
        self.add_button.setEnabled(saved and not self._read_only)
        for button in (self.open_button, self.save_button):
            button.setEnabled(bool(files))
        self.remove_button.setEnabled(bool(files) and not self._read_only)
        self.note.setText(
            self.tr("Files are kept inside the database and are saved as soon as you add them.")
            if saved
            else self.tr("Save the record first, then attach files to it.")
        )
        self.changed.emit(len(files))
        return len(files)

    def _selected(self) -> tuple[int, str] | None:
        """The chosen file's id and its name as stored."""
        row = self.table.currentRow()
        if row < 0:
            return None
        item = self.table.item(row, 0)
        return item.data(ID), item.data(STORED_NAME)

    def _fail(self, error: SeriktesError) -> None:
        if isinstance(error, ValidationFailed):
            text = "\n".join(problem.message for problem in error.problems)
        else:
            text = str(error)
        self.message.setText(text)
        self.message.show()

    def add(self) -> None:
        if self.record_id is None:
            return
        self.message.hide()
        for path in dialogs.choose_files_to_attach(self):
            try:
                attachments.attach_file(self.kind, self.record_id, path)
            except SeriktesError as error:
                self._fail(error)
        self.refresh()

    def open_selected(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        self.message.hide()
        try:
            dialogs.open_with_system(attachments.copy_for_viewing(selected[0]))
        except attachments.WouldRun as refusal:
            if dialogs.offer_save_instead(self, str(refusal)):
                self.save_selected()
        except SeriktesError as error:
            self._fail(error)

    def save_selected(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        target = dialogs.choose_save_path(self, attachments.safe_file_name(selected[1]))
        if not target:
            return
        try:
            attachments.save_attachment_as(selected[0], target)
        except SeriktesError as error:
            self._fail(error)

    def remove_selected(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        if dialogs.confirm(
            self,
            self.tr("Remove file"),
            self.tr("Remove “{name}” from this record?").format(
                name=attachments.shown_file_name(selected[1])
            ),
            self.tr("The file is deleted from the database."),
            action=self.tr("Remove"),
        ):
            attachments.remove_attachment(selected[0])
            self.refresh()
