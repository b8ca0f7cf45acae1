"""The form of a figure. (To be completed.)"""

from __future__ import annotations

from models.figures import FIGURES
from ui.forms.record_form import RecordForm
from ui.widgets.inputs import TextInput


class FigureForm(RecordForm):
    editor = FIGURES
    noun = "figure"

    def build(self) -> None:
        main = self.section(self.tr("Figure"))
        self.field(main, "measure", self.tr("What is measured"), TextInput(), required=True)
