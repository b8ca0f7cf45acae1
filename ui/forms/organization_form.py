"""The form of an organization (partner): its names in every language, where it is, what it
does with us, and its people."""

from __future__ import annotations

from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import people_of
from models.words.areas import all_area_names
from models.words.choices import ORGANIZATION_KINDS, ORGANIZATION_STATUSES
from ui import dialogs
from ui.forms.person_form import PersonForm
from ui.forms.record_dialog import RecordDialog
from ui.forms.record_form import RecordForm, section_heading
from ui.widgets.inputs import ChoiceInput, TagsInput, TextInput
from ui.widgets.pickers import OrganizationPicker, country_picker
from ui.widgets.related_table import RelatedTable


class OrganizationForm(RecordForm):
    editor = ORGANIZATIONS

    def build(self) -> None:
        names = self.section(self.tr("Names"))
        self.field(
            names,
            "name",
            self.tr("Name"),
            TextInput(placeholder=self.tr("Name in English, as used in reports")),
            hint=self.tr("Left empty, the name in Kazakh or Russian is used"),
        )
        self.field(
            names,
            "short_name",
            self.tr("Short name"),
            TextInput(placeholder=self.tr("Acronym, e.g. ISTC")),
        )
        self.field(names, "name_kk", self.tr("Name in Kazakh"), TextInput())
        self.field(names, "name_ru", self.tr("Name in Russian"), TextInput())
        self.field(
            names,
            "name_original",
            self.tr("Original name"),
            TextInput(placeholder=self.tr("In the organization's own language")),
        )
        self.field(
            names,
            "other_names",
            self.tr("Other names"),
            TextInput(placeholder=self.tr("Former names and other spellings, separated by ;")),
        )

        about = self.section(self.tr("About"))
        self.field(about, "kind", self.tr("Kind"), ChoiceInput(ORGANIZATION_KINDS))
        self.field(about, "status", self.tr("Status"), ChoiceInput(ORGANIZATION_STATUSES))
        self.field(about, "country", self.tr("Country"), country_picker())
        self.field(about, "city", self.tr("City"), TextInput())
        self.field(
            about,
            "parent",
            self.tr("Parent organization"),
            OrganizationPicker(),
            hint=self.tr("The home university of a branch campus, the ministry of an agency"),
        )

        contact = self.section(self.tr("Contact"))
        self.field(contact, "website", self.tr("Website"), TextInput(placeholder="www.example.org"))
        self.field(contact, "email", self.tr("E-mail"), TextInput(placeholder="name@example.org"))
        self.field(contact, "phone", self.tr("Phone"), TextInput())

        cooperation = self.section(self.tr("Cooperation"))
        self.field(
            cooperation,
            "areas",
            self.tr("Areas of cooperation"),
            TagsInput(placeholder=self.tr("Separated by commas: Water, Artificial intelligence")),
        )
        self.tags_and_notes(cooperation)

        self._build_people()

    def _build_people(self) -> None:
        related = RelatedTable(
            "person",
            [self.tr("Full name"), self.tr("Position"), self.tr("E-mail")],
            self.tr("Add person…"),
            (
                self.tr("Save the organization to add its people."),
                self.tr("No people recorded yet."),
                self.tr("Double-click a person to open them."),
            ),
        )
        related.open_record.connect(self.open_record)
        related.add_requested.connect(self.add_person)
        self.people, self.people_hint, self.add_person_button = (
            related.table,
            related.hint,
            related.add_button,
        )
        self.people.setObjectName("people")
        self.related_people = related
        self.body_layout.addWidget(section_heading(self.tr("People")))
        self.body_layout.addWidget(related)

    def loaded(self) -> None:
        self.inputs["parent"].exclude = self.record_id
        self.inputs["areas"].set_known(all_area_names())
        self._fill_people()

    def _fill_people(self) -> None:
        people = people_of(self.record_id) if self.record_id is not None else []
        self.related_people.set_rows(
            self.record_id is not None,
            [(person.id, (person.full_name, person.position, person.email)) for person in people],
        )

    def add_person(self) -> None:
        if self.record_id is None:
            return
        dialog = RecordDialog(PersonForm, {"organization": self.record_id}, self)
        if dialogs.run_dialog(dialog):
            self._fill_people()
