"""The form of a source. (To be completed.)"""

from __future__ import annotations

from models.sources import SOURCES
from ui.forms.record_form import RecordForm
from ui.widgets.inputs import TextInput


class SourceForm(RecordForm):
    editor = SOURCES
    noun = "source"

    def build(self) -> None:
        main = self.section(self.tr("Source"))
        self.field(main, "title", self.tr("Title"), TextInput(), required=True)
