"""The form of an agreement: what it is, when it was signed and until when it holds, who signed
it for which party, and the programs it serves."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from models import clock
from models.kinds.agreements import (
    AGREEMENTS,
    HAND_SET_STATUSES,
    agreement_status,
    date_problems,
    signatory_label,
)
from models.kinds.programs import PROGRAMS, organization_label, program_label
from models.store.records import Agreement
from models.words.choices import AGREEMENT_KINDS, AGREEMENT_STATUSES
from ui.forms.record_form import RecordForm
from ui.widgets.child_table import ChildColumn, ChildTable
from ui.widgets.inputs import CheckInput, ChoiceInput, DateInput, TextInput
from ui.widgets.pickers import OrganizationPicker, PersonPicker, RecordPicker

HINT_STYLE = "color: palette(placeholder-text);"


def hint_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


class AgreementForm(RecordForm):
    editor = AGREEMENTS
    noun = "agreement"

    def build(self) -> None:
        what = self.section(self.tr("Agreement"))
        self.field(what, "title", self.tr("Title"), TextInput(), required=True)
        self.field(what, "kind", self.tr("Kind"), ChoiceInput(AGREEMENT_KINDS))
        self.field(
            what,
            "reference_number",
            self.tr("Reference number"),
            TextInput(placeholder=self.tr("As written on the signed document")),
        )
        self.field(
            what,
            "status",
            self.tr("Status"),
            ChoiceInput(HAND_SET_STATUSES, empty_label=self.tr("Follows the dates")),
            hint=self.tr(
                "In force, signed but not yet in force, and expired follow from the dates. "
                "Choose a status only while the agreement is a draft or being negotiated, or "
                "when it was terminated early."
            ),
        )
        self.status_now = hint_label("")
        self.status_now.setObjectName("status_now")
        what.addRow("", self.status_now)

        when = self.section(self.tr("Dates"))
        self.field(when, "signed_on", self.tr("Signing date"), DateInput())
        self.field(when, "effective_on", self.tr("Effective date"), DateInput())
        self.field(when, "expires_on", self.tr("Expiry date"), DateInput())
        self.field(when, "open_ended", "", CheckInput(self.tr("Open-ended (no expiry date)")))
        for name in ("status", "signed_on", "effective_on", "expires_on", "open_ended"):
            self.inputs[name].edited.connect(self._show_status)

        about = self.section(self.tr("About"))
        self.tags_and_notes(about)
        about.addRow(hint_label(self.tr("The signed document can be attached in the Files tab.")))

        self._build_parties()
        self._build_programs()

    def _build_parties(self) -> None:
        table = ChildTable(
            [
                ChildColumn(
                    "organization",
                    "Organization",
                    kind="label",
                    label_of=lambda row: organization_label(row["organization"]),
                    width=300,
                ),
                ChildColumn(
                    "signatory",
                    "Signatory",
                    kind="label",
                    label_of=lambda row: signatory_label(row["signatory"]),
                    width=220,
                ),
            ],
            {"organization": OrganizationPicker(), "signatory": PersonPicker()},
            add_label=self.tr("Add party"),
        )
        self.table_field(
            self.tab(self.tr("Parties")),
            "parties",
            table,
            hint=self.tr(
                "Type a name to find the organization, and the person who signed for it if "
                "you know them, then press Add party."
            ),
        )

    def _build_programs(self) -> None:
        table = ChildTable(
            [
                ChildColumn(
                    "program",
                    "Program",
                    kind="label",
                    label_of=lambda row: program_label(row["program"]),
                    width=420,
                )
            ],
            {"program": RecordPicker(PROGRAMS, placeholder=self.tr("Type a program's name…"))},
            add_label=self.tr("Link program"),
        )
        self.table_field(
            self.tab(self.tr("Programs")),
            "programs",
            table,
            hint=self.tr("The programs this agreement launches or supports."),
        )

    def loaded(self) -> None:
        self._show_status()

    def _show_status(self) -> None:
        """The status the list will show, as the user changes the dates; none while a date
        cannot be read or the dates are out of order."""
        values = self.values()
        dates = ("signed_on", "effective_on", "expires_on")
        if any(self.inputs[name].problem() for name in dates) or date_problems(values):
            self.status_now.setText(
                self.tr("The status follows from the dates once they are correct.")
            )
            return
        shown = Agreement(
            status=values["status"],
            signed_on=values["signed_on"],
            effective_on=values["effective_on"],
            expires_on=values["expires_on"],
        )
        label = AGREEMENT_STATUSES.label(agreement_status(shown, clock.today()))
        self.status_now.setText(
            self.tr("Shown in the list as: {status}").format(
                status=QCoreApplication.translate("choices", label)
            )
        )
