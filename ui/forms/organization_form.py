"""The form of an organization (partner): its names in every language, where it is, what it
does with us, and its people."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
)

from models.areas import all_area_names
from models.choices import ORGANIZATION_KINDS, ORGANIZATION_STATUSES
from models.editing import all_tag_names
from models.organizations import ORGANIZATIONS
from models.people import people_of
from ui import dialogs
from ui.forms.person_form import PersonForm
from ui.forms.record_dialog import RecordDialog
from ui.forms.record_form import RecordForm, section_heading
from ui.widgets.inputs import ChoiceInput, NotesInput, TagsInput, TextInput
from ui.widgets.pickers import OrganizationPicker, country_picker


class OrganizationForm(RecordForm):
    editor = ORGANIZATIONS
    noun = "organization"

    def build(self) -> None:
        names = self.section(self.tr("Names"))
        self.field(
            names,
            "name",
            self.tr("Name"),
            TextInput(placeholder=self.tr("Name in English, as used in reports")),
            required=True,
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
        self.field(
            cooperation,
            "tags",
            self.tr("Tags"),
            TagsInput(placeholder=self.tr("Separated by commas")),
        )
        self.field(cooperation, "notes", self.tr("Notes"), NotesInput())

        self._build_people()

    def _build_people(self) -> None:
        heading = section_heading(self.tr("People"))
        self.people = QTableWidget(0, 3)
        self.people.setObjectName("people")
        self.people.setHorizontalHeaderLabels(
            [self.tr("Full name"), self.tr("Position"), self.tr("E-mail")]
        )
        self.people.verticalHeader().hide()
        self.people.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.people.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.people.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.people.setMinimumHeight(120)
        self.people.doubleClicked.connect(self._open_person)
        self.people_hint = QLabel()
        self.people_hint.setStyleSheet("color: palette(placeholder-text);")
        self.add_person_button = QPushButton(self.tr("Add person…"))
        self.add_person_button.clicked.connect(self.add_person)
        row = QHBoxLayout()
        row.addWidget(self.people_hint, 1)
        row.addWidget(self.add_person_button)
        self.body_layout.addWidget(heading)
        self.body_layout.addWidget(self.people)
        self.body_layout.addLayout(row)

    def loaded(self) -> None:
        self.inputs["parent"].exclude = self.record_id
        self.inputs["areas"].set_known(all_area_names())
        self.inputs["tags"].set_known(all_tag_names())
        self._fill_people()

    def _fill_people(self) -> None:
        people = people_of(self.record_id) if self.record_id is not None else []
        self.people.setRowCount(len(people))
        for row, person in enumerate(people):
            for column, text in enumerate((person.full_name, person.position, person.email)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, person.id)
                self.people.setItem(row, column, item)
        self.add_person_button.setEnabled(self.record_id is not None)
        if self.record_id is None:
            self.people_hint.setText(self.tr("Save the organization to add its people."))
        elif not people:
            self.people_hint.setText(self.tr("No people recorded yet."))
        else:
            self.people_hint.setText(self.tr("Double-click a person to open them."))

    def _open_person(self) -> None:
        item = self.people.currentItem()
        if item is not None:
            self.open_record.emit("person", item.data(Qt.ItemDataRole.UserRole))

    def add_person(self) -> None:
        if self.record_id is None:
            return
        dialog = RecordDialog(PersonForm, {"organization": self.record_id}, self)
        if dialogs.run_dialog(dialog):
            self._fill_people()
