"""The form of a program. (To be completed.)"""

from __future__ import annotations

from models.programs import PROGRAMS
from ui.forms.record_form import RecordForm
from ui.widgets.inputs import TextInput


class ProgramForm(RecordForm):
    editor = PROGRAMS
    noun = "program"

    def build(self) -> None:
        main = self.section(self.tr("Program"))
        self.field(main, "name", self.tr("Name"), TextInput(), required=True)
