"""The form of a key figure: the number, what it measures and when, what it is about, and the
source it comes from."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from models.kinds.figures import FIGURES
from models.kinds.programs import PROGRAMS
from models.kinds.sources import SOURCES
from models.words.choices import FIGURE_QUALIFIERS
from ui import dialogs
from ui.forms.record_dialog import RecordDialog
from ui.forms.record_form import RecordForm
from ui.forms.source_form import SourceForm
from ui.widgets.inputs import ChoiceInput, DateInput, NumberInput, TextInput
from ui.widgets.pickers import OrganizationPicker, RecordPicker, country_picker


class FigureForm(RecordForm):
    editor = FIGURES

    def build(self) -> None:
        figure = self.section(self.tr("Key figure"))
        self.field(
            figure,
            "measure",
            self.tr("What is measured"),
            TextInput(placeholder=self.tr("joint Kazakhstan–Spain publications")),
            required=True,
        )
        self.field(
            figure,
            "qualifier",
            self.tr("Qualifier"),
            ChoiceInput(FIGURE_QUALIFIERS, empty_label=None),
            hint=self.tr("“50+ projects” is More than 50; “some 150” is About 150."),
        )
        self.field(
            figure,
            "value",
            self.tr("Value"),
            NumberInput(placeholder=self.tr("1 130")),
            required=True,
        )
        self.field(
            figure,
            "unit",
            self.tr("Unit"),
            TextInput(placeholder=self.tr("publications, scientists, %")),
        )

        when = self.section(self.tr("When"))
        self.field(
            when,
            "period_label",
            self.tr("Period, as worded"),
            TextInput(placeholder=self.tr("in 30 years, per year after 2015")),
        )
        self.field(when, "period_start", self.tr("Period starts"), DateInput())
        self.field(when, "period_end", self.tr("Period ends"), DateInput())
        self.field(when, "as_of", self.tr("As of"), DateInput())

        about = self.section(self.tr("What it is about"))
        self.field(about, "country", self.tr("Country"), country_picker())
        self.field(about, "organization", self.tr("Organization"), OrganizationPicker())
        self.field(
            about,
            "program",
            self.tr("Program"),
            RecordPicker(PROGRAMS, placeholder=self.tr("AI-Sana, Horizon Europe…")),
        )
        self.field(
            about,
            "source",
            self.tr("Source"),
            RecordPicker(SOURCES, placeholder=self.tr("The article or report it comes from…")),
        )
        self.new_source_button = QPushButton(self.tr("New source…"))
        self.new_source_button.setToolTip(
            self.tr("Record the article this figure comes from, without leaving the form")
        )
        self.new_source_button.clicked.connect(self.create_source)
        about.addRow("", self.new_source_button)

        more = self.section(self.tr("More"))
        self.tags_and_notes(more)

    def create_source(self) -> None:
        """Make the source that is not recorded yet, and choose it."""
        dialog = RecordDialog(SourceForm, parent=self)
        if dialogs.run_dialog(dialog) and dialog.record_id is not None:
            source = self.inputs["source"]
            source.set_value(dialog.record_id)
            source.edited.emit()
