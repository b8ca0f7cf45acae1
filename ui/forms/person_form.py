"""The form of a person, and the same form in a window of its own for adding a person from
an organization's form."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from models.editing import all_tag_names
from models.people import PEOPLE
from ui.forms.record_form import RecordForm
from ui.widgets.inputs import NotesInput, TagsInput, TextInput
from ui.widgets.pickers import OrganizationPicker


class PersonForm(RecordForm):
    editor = PEOPLE
    noun = "person"

    def build(self) -> None:
        who = self.section(self.tr("Person"))
        self.field(
            who,
            "full_name",
            self.tr("Full name"),
            TextInput(placeholder=self.tr("As the person writes it")),
            required=True,
        )
        self.field(
            who,
            "other_names",
            self.tr("Other spellings"),
            TextInput(placeholder=self.tr("In other languages or scripts")),
        )
        self.field(
            who,
            "position",
            self.tr("Position"),
            TextInput(placeholder=self.tr("Executive Director, Ambassador…")),
        )
        self.field(who, "organization", self.tr("Organization"), OrganizationPicker())
        contact = self.section(self.tr("Contact"))
        self.field(contact, "email", self.tr("E-mail"), TextInput(placeholder="name@example.org"))
        self.field(contact, "phone", self.tr("Phone"), TextInput(placeholder="+7 7172 …"))
        more = self.section(self.tr("More"))
        self.field(
            more, "tags", self.tr("Tags"), TagsInput(placeholder=self.tr("Separated by commas"))
        )
        self.field(more, "notes", self.tr("Notes"), NotesInput())

    def loaded(self) -> None:
        self.inputs["tags"].set_known(all_tag_names())


class PersonDialog(QDialog):
    """A new person, entered without leaving the form the user was in."""

    def __init__(self, organization_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New person"))
        self.resize(560, 560)
        self.form = PersonForm(self)
        self.form.load(None, {"organization": organization_id})
        self.form.saved.connect(self.accept)
        self.form.cancel_button.setEnabled(True)
        self.form.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)

    def reject(self) -> None:
        if self.form.maybe_leave():
            super().reject()
