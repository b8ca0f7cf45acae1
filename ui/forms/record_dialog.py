"""A record's form in a window of its own, for making a missing record without leaving the
form the user is in (a new person from an organization, a new participant for an event)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from ui.forms.record_form import RecordForm
from ui.kind_words import kind_words


class RecordDialog(QDialog):
    def __init__(
        self,
        form_class: type[RecordForm],
        defaults: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.form = form_class(self)
        self.setWindowTitle(kind_words(form_class.editor.kind).new())
        self.resize(600, 640)
        self.form.load(None, defaults)
        self.form.saved.connect(self.accept)
        self.form.cancel_button.setEnabled(True)
        self.form.cancel_button.clicked.disconnect()
        self.form.cancel_button.clicked.connect(self.reject)
        self.form.delete_button.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)

    @property
    def record_id(self) -> int | None:
        return self.form.record_id

    def reject(self) -> None:
        if self.form.maybe_leave():
            super().reject()
