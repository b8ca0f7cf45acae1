"""The form of a person."""

from __future__ import annotations

from models.kinds.people import PEOPLE
from ui.forms.record_form import RecordForm
from ui.widgets.inputs import TextInput
from ui.widgets.pickers import OrganizationPicker


class PersonForm(RecordForm):
    editor = PEOPLE

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
        self.tags_and_notes(more)
