"""The form of a delegation. (To be completed.)"""

from __future__ import annotations

from models.delegations import DELEGATIONS
from ui.forms.record_form import RecordForm
from ui.widgets.inputs import TextInput


class DelegationForm(RecordForm):
    editor = DELEGATIONS
    noun = "delegation"

    def build(self) -> None:
        main = self.section(self.tr("Delegation"))
        self.field(main, "title", self.tr("Title"), TextInput(), required=True)
