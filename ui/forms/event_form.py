"""The form of an event: when and where, what it was about, and who took part in what role."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton

from models.kinds.events import EVENTS, participant_names
from models.words.choices import EVENT_KINDS, PARTICIPANT_ROLES, PARTICIPANT_STATUSES
from ui import dialogs
from ui.forms.organization_form import OrganizationForm
from ui.forms.person_form import PersonForm
from ui.forms.record_dialog import RecordDialog
from ui.forms.record_form import RecordForm
from ui.widgets.child_table import ChildColumn, ChildTable
from ui.widgets.inputs import ChoiceInput, DateInput, NotesInput, TextInput, TimeInput
from ui.widgets.pickers import PersonOrOrganizationPicker, RecordPicker, country_picker


class EventForm(RecordForm):
    editor = EVENTS
    noun = "event"

    def build(self) -> None:
        what = self.section(self.tr("Event"))
        self.field(
            what,
            "title",
            self.tr("Title"),
            TextInput(),
            hint=self.tr("Left empty, the title in Kazakh or Russian is used"),
        )
        self.field(what, "title_kk", self.tr("Title in Kazakh"), TextInput())
        self.field(what, "title_ru", self.tr("Title in Russian"), TextInput())
        self.field(what, "kind", self.tr("Kind"), ChoiceInput(EVENT_KINDS))
        self.field(
            what,
            "parent",
            self.tr("Part of"),
            RecordPicker(EVENTS, placeholder=self.tr("The forum this session belongs to…")),
        )
        when = self.section(self.tr("When and where"))
        self.field(when, "starts_on", self.tr("Starts"), DateInput())
        self.field(when, "starts_at", self.tr("Starts at"), TimeInput())
        self.field(when, "ends_on", self.tr("Ends"), DateInput())
        self.field(when, "ends_at", self.tr("Ends at"), TimeInput())
        self.field(when, "country", self.tr("Country"), country_picker())
        self.field(when, "city", self.tr("City"), TextInput())
        self.field(
            when, "venue", self.tr("Venue"), TextInput(placeholder=self.tr("ORTA Cultural Center"))
        )
        about = self.section(self.tr("About"))
        self.field(about, "topics", self.tr("Topics"), NotesInput())
        self.field(about, "summary", self.tr("Summary"), NotesInput())
        self.field(about, "outcomes", self.tr("Outcomes"), NotesInput())
        self.tags_and_notes(about)

        participants = self.tab(self.tr("Participants"))
        self.participant_picker = PersonOrOrganizationPicker()
        table = ChildTable(
            [
                ChildColumn(
                    "name",
                    "Person or organization",
                    kind="label",
                    labels_of=participant_names,
                    width=260,
                ),
                ChildColumn(
                    "role",
                    "Role",
                    kind="choice",
                    choices=PARTICIPANT_ROLES,
                    default="attendee",
                    width=130,
                ),
                ChildColumn(
                    "status",
                    "Status",
                    kind="choice",
                    choices=PARTICIPANT_STATUSES,
                    default="confirmed",
                    width=110,
                ),
            ],
            {
                "participant": self.participant_picker,
                "role": ChoiceInput(PARTICIPANT_ROLES),
                "status": ChoiceInput(PARTICIPANT_STATUSES),
            },
            filter_keys=("role", "status"),
            add_label=self.tr("Add participant"),
        )
        self.table_field(
            participants,
            "participants",
            table,
            hint=self.tr(
                "Type a name to find a person or an organization, choose "
                "the role and status, and press Add participant."
            ),
        )
        missing = QHBoxLayout()
        for label, form in (
            (self.tr("New person…"), PersonForm),
            (self.tr("New organization…"), OrganizationForm),
        ):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, f=form: self.create_participant(f))
            missing.addWidget(button)
        missing.addStretch(1)
        participants.addLayout(missing)

    def loaded(self) -> None:
        self.inputs["parent"].exclude = self.record_id

    def create_participant(self, form: type[RecordForm]) -> None:
        """Make a person or organization that is not recorded yet, and put it in the bar."""
        dialog = RecordDialog(form, parent=self)
        if dialogs.run_dialog(dialog) and dialog.record_id is not None:
            key = "person" if form is PersonForm else "organization"
            other = "organization" if key == "person" else "person"
            self.participant_picker.set_value({key: dialog.record_id, other: None})
