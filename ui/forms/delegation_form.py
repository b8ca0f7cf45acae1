"""The form of a delegation: who, when and where, what it was about, whom it met, what is to
follow, and the events, programs and agreements it belongs with."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from models.editing import RecordEditor
from models.kinds.agreements import AGREEMENTS
from models.kinds.delegations import DELEGATIONS, is_overdue, linked_title, member_name
from models.kinds.events import EVENTS
from models.kinds.programs import PROGRAMS
from models.words.choices import DELEGATION_DIRECTIONS, DELEGATION_SIDES
from ui.forms.record_form import RecordForm, section_heading
from ui.widgets.child_table import ChildColumn, ChildTable
from ui.widgets.inputs import ChoiceInput, DateInput, NotesInput, TextInput
from ui.widgets.pickers import OrganizationPicker, PersonPicker, RecordPicker, country_picker


class DelegationForm(RecordForm):
    editor = DELEGATIONS

    def build(self) -> None:
        who = self.section(self.tr("Delegation"))
        self.field(
            who,
            "title",
            self.tr("Title"),
            TextInput(placeholder=self.tr("ISTC delegation to Astana")),
            required=True,
        )
        self.field(
            who,
            "direction",
            self.tr("Direction"),
            ChoiceInput(DELEGATION_DIRECTIONS),
            required=True,
        )
        self.field(
            who,
            "organization",
            self.tr("Organization"),
            OrganizationPicker(),
            hint=self.tr("The organization the delegation represents, or the one it visits"),
        )
        self.field(who, "head", self.tr("Head"), PersonPicker())
        when = self.section(self.tr("When and where"))
        self.field(when, "starts_on", self.tr("Starts"), DateInput())
        self.field(when, "ends_on", self.tr("Ends"), DateInput())
        self.field(when, "country", self.tr("Country"), country_picker())
        self.field(when, "city", self.tr("City"), TextInput())
        self.field(
            when, "place", self.tr("Place"), TextInput(placeholder=self.tr("Ministry of Science"))
        )
        about = self.section(self.tr("About"))
        self.field(about, "purpose", self.tr("Purpose"), NotesInput())
        self.field(about, "agenda", self.tr("Agenda"), NotesInput())
        self.field(about, "outcomes", self.tr("Outcomes"), NotesInput())
        self.tags_and_notes(about)

        self.build_members(self.tab(self.tr("Members")))
        self.build_follow_ups(self.tab(self.tr("Follow-ups")))
        links = self.tab(self.tr("Related"))
        self.link_table(
            links,
            ("events", "event", EVENTS),
            self.tr("Events"),
            self.tr("Type the title of an event…"),
            self.tr("Add event"),
        )
        self.link_table(
            links,
            ("programs", "program", PROGRAMS),
            self.tr("Programs"),
            self.tr("Type any name of a program…"),
            self.tr("Add program"),
        )
        self.link_table(
            links,
            ("agreements", "agreement", AGREEMENTS),
            self.tr("Agreements"),
            self.tr("Type the title of an agreement…"),
            self.tr("Add agreement"),
        )

    def build_members(self, layout: QVBoxLayout) -> None:
        self.member_picker = PersonPicker()
        side = ChoiceInput(DELEGATION_SIDES)
        table = ChildTable(
            [
                ChildColumn("name", self.tr("Name"), kind="label", label_of=member_name, width=260),
                ChildColumn(
                    "side",
                    self.tr("Side"),
                    kind="choice",
                    choices=DELEGATION_SIDES,
                    default="member",
                    width=150,
                ),
                ChildColumn("role", self.tr("Role"), width=220),
            ],
            {
                "person": self.member_picker,
                "side": side,
                "role": TextInput(placeholder=self.tr("Role: interpreter…")),
            },
            filter_keys=("side",),
            add_label=self.tr("Add person"),
        )
        self.table_field(
            layout,
            "members",
            table,
            hint=self.tr(
                "Type a name to find a person, choose whether they came with the delegation "
                "or were met by it, write their role if useful, and press Add person."
            ),
        )

    def build_follow_ups(self, layout: QVBoxLayout) -> None:
        table = ChildTable(
            [
                ChildColumn("action", self.tr("Action"), width=320),
                ChildColumn("responsible", self.tr("Who"), width=160),
                ChildColumn("due_on", self.tr("Due"), kind="date", width=95),
                ChildColumn("done", self.tr("Done"), kind="bool", default=False, width=60),
            ],
            {
                "action": TextInput(placeholder=self.tr("What is to be done")),
                "responsible": TextInput(placeholder=self.tr("Who does it")),
                "due_on": DateInput(),
            },
            alert=is_overdue,
            add_label=self.tr("Add follow-up"),
        )
        self.table_field(
            layout,
            "follow_ups",
            table,
            hint=self.tr(
                "Write what is to be done, by whom and by when, and press Add follow-up. "
                "Tick Done when it is done; actions past their due date show in red."
            ),
        )

    def link_table(
        self,
        layout: QVBoxLayout,
        link: tuple[str, str, RecordEditor],
        heading: str,
        placeholder: str,
        add_label: str,
    ) -> ChildTable:
        """A short list of records of one kind the delegation is linked to. ``link`` is the
        name of the list among the form's values, the field of a row, and the linked kind."""
        name, key, editor = link
        layout.addWidget(section_heading(heading))
        table = ChildTable(
            [
                ChildColumn(
                    "title",
                    self.tr("Title"),
                    kind="label",
                    label_of=lambda row: linked_title(editor.model, row.get(key)),
                    width=420,
                )
            ],
            {key: RecordPicker(editor, placeholder=placeholder)},
            add_label=add_label,
        )
        return self.table_field(layout, name, table, label=heading)
