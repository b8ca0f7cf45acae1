"""The form of a agreement. (To be completed.)"""

from __future__ import annotations

from models.agreements import AGREEMENTS
from ui.forms.record_form import RecordForm
from ui.widgets.inputs import TextInput


class AgreementForm(RecordForm):
    editor = AGREEMENTS
    noun = "agreement"

    def build(self) -> None:
        main = self.section(self.tr("Agreement"))
        self.field(main, "title", self.tr("Title"), TextInput(), required=True)
