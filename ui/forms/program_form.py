"""The form of a program: what it is, who leads it, its budget and areas, its partners in their
roles, and the key figures reported about it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.kinds.programs import PROGRAMS, organization_label, program_figures
from models.store.records import KeyFigure
from models.words.areas import all_area_names
from models.words.choices import FIGURE_QUALIFIERS, PARTNER_ROLES, PROGRAM_KINDS, PROGRAM_STATUSES
from models.words.numbers import format_number
from ui import dialogs
from ui.forms.figure_form import FigureForm
from ui.forms.record_dialog import RecordDialog
from ui.forms.record_form import RecordForm
from ui.widgets.child_table import ChildColumn, ChildTable
from ui.widgets.inputs import (
    ChoiceInput,
    DateInput,
    NotesInput,
    NumberInput,
    TagsInput,
    TextInput,
)
from ui.widgets.pickers import OrganizationPicker
from ui.widgets.related_table import RelatedTable


def figure_value(figure: KeyFigure) -> str:
    """The value as reported: "More than 1 500" keeps the source's hedge."""
    value = format_number(figure.value)
    if figure.qualifier == "exact":
        return value
    qualifier = QCoreApplication.translate("choices", FIGURE_QUALIFIERS.label(figure.qualifier))
    return f"{qualifier} {value}"


class ProgramForm(RecordForm):
    editor = PROGRAMS
    noun = "program"

    def build(self) -> None:
        what = self.section(self.tr("Program"))
        self.field(
            what,
            "name",
            self.tr("Name"),
            TextInput(placeholder=self.tr("Name in English, as used in reports")),
            hint=self.tr("Left empty, the name in Kazakh or Russian is used"),
        )
        self.field(what, "name_kk", self.tr("Name in Kazakh"), TextInput())
        self.field(what, "name_ru", self.tr("Name in Russian"), TextInput())
        self.field(
            what, "short_name", self.tr("Short name"), TextInput(placeholder=self.tr("AI-Sana"))
        )
        self.field(what, "kind", self.tr("Kind"), ChoiceInput(PROGRAM_KINDS))
        self.field(what, "status", self.tr("Status"), ChoiceInput(PROGRAM_STATUSES))
        self.field(
            what,
            "lead",
            self.tr("Lead organization"),
            OrganizationPicker(),
            hint=self.tr("The organization that runs the program"),
        )

        when = self.section(self.tr("Dates and budget"))
        self.field(when, "starts_on", self.tr("Starts"), DateInput())
        self.field(when, "ends_on", self.tr("Ends"), DateInput())
        self.field(when, "budget", self.tr("Budget"), NumberInput(placeholder=self.tr("1 500 000")))
        currency = TextInput(placeholder=self.tr("KZT, USD, EUR…"))
        currency.setMaxLength(3)
        self.field(
            when,
            "currency",
            self.tr("Currency"),
            currency,
            hint=self.tr("The three-letter code of the currency: KZT, USD, EUR, CNY…"),
        )

        about = self.section(self.tr("About"))
        self.field(
            about,
            "areas",
            self.tr("Areas of cooperation"),
            TagsInput(placeholder=self.tr("Separated by commas: Water, Artificial intelligence")),
        )
        self.field(about, "description", self.tr("Description"), NotesInput())
        self.tags_and_notes(about)

        self._build_partners()
        self._build_figures()

    def _build_partners(self) -> None:
        role = ChoiceInput(PARTNER_ROLES)
        table = ChildTable(
            [
                ChildColumn(
                    "organization",
                    "Name",
                    kind="label",
                    label_of=lambda row: organization_label(row["organization"]),
                    width=320,
                ),
                ChildColumn(
                    "role", "Role", kind="choice", choices=PARTNER_ROLES, default="partner"
                ),
            ],
            {"organization": OrganizationPicker(), "role": role},
            add_label=self.tr("Add partner"),
        )
        self.table_field(
            self.tab(self.tr("Partners")),
            "partners",
            table,
            hint=self.tr(
                "Type a name to find the organization, choose its role and press Add partner. "
                "One organization may have several roles: partner and funder."
            ),
        )

    def _build_figures(self) -> None:
        related = RelatedTable(
            "figure",
            [self.tr("What is measured"), self.tr("Value"), self.tr("Unit"), self.tr("As of")],
            self.tr("Add key figure…"),
            (
                self.tr("Save the program to add its key figures."),
                self.tr("No key figures reported yet."),
                self.tr("Double-click a figure to open it."),
            ),
            numbers=(1,),
        )
        related.open_record.connect(self.open_record)
        related.add_requested.connect(self.add_figure)
        self.figures, self.figures_hint, self.add_figure_button = (
            related.table,
            related.hint,
            related.add_button,
        )
        self.figures.setObjectName("figures")
        self.related_figures = related
        self.tab(self.tr("Key figures")).addWidget(related)

    def loaded(self) -> None:
        self.inputs["areas"].set_known(all_area_names())
        self._fill_figures()

    def _fill_figures(self) -> None:
        figures = program_figures(self.record_id) if self.record_id is not None else []
        self.related_figures.set_rows(
            self.record_id is not None,
            [
                (
                    figure.id,
                    (
                        figure.measure,
                        figure_value(figure),
                        figure.unit,
                        figure.as_of.strftime("%d.%m.%Y") if figure.as_of else "",
                    ),
                )
                for figure in figures
            ],
        )

    def add_figure(self) -> None:
        if self.record_id is None:
            return
        dialogs.run_dialog(RecordDialog(FigureForm, {"program": self.record_id}, self))
        self._fill_figures()
