"""The small questions a meeting report asks before it is made: whom a brief is about, the
period of an activity report, how far ahead to look for agreements due. Each dialog exposes
its answers as properties."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models import clock
from ui.widgets.inputs import DateInput
from ui.widgets.pickers import OrganizationPicker, country_picker


def tr(text: str) -> str:
    return QCoreApplication.translate("export", text)


def quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


class _ReportDialog(QDialog):
    """A dialog with a line of explanation, a form, a message for what is missing, and
    Export and Cancel buttons; Export is refused until ``problem()`` has nothing to say."""

    def __init__(self, title: str, explanation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        text = QLabel(explanation)
        text.setWordWrap(True)
        self.form = QFormLayout()
        self.message = QLabel()
        self.message.setObjectName("problem")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: palette(highlight);")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Export…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def problem(self) -> str:
        return ""

    def accept(self) -> None:
        problem = self.problem()
        self.message.setText(problem)
        if not problem:
            super().accept()


class BriefDialog(_ReportDialog):
    """A brief is about one organization or one country; the one the user is looking at is
    offered."""

    def __init__(
        self,
        parent: QWidget | None = None,
        organization_id: int | None = None,
        country: str | None = None,
    ) -> None:
        super().__init__(
            tr("Partner or country brief"),
            tr(
                "Everything about one partner (with its branches) or one country: partners and "
                "people, agreements, events, delegations and follow-ups, programs and key "
                "figures."
            ),
            parent,
        )
        self.organization_choice = QRadioButton(tr("Organization"))
        self.country_choice = QRadioButton(tr("Country"))
        self.organization_picker = OrganizationPicker()
        self.country_picker = country_picker()
        group = QButtonGroup(self)
        for button in (self.organization_choice, self.country_choice):
            group.addButton(button)
        self.organization_choice.setChecked(True)
        self.form.addRow(self.organization_choice, self.organization_picker)
        self.form.addRow(self.country_choice, self.country_picker)
        self.organization_picker.edited.connect(lambda: self.organization_choice.setChecked(True))
        self.country_picker.edited.connect(lambda: self.country_choice.setChecked(True))
        if organization_id is not None:
            self.organization_picker.set_value(organization_id)
        if country is not None:
            self.country_picker.set_value(country)
            self.country_choice.setChecked(organization_id is None)

    @property
    def organization_id(self) -> int | None:
        return self.organization_picker.value() if self.organization_choice.isChecked() else None

    @property
    def country(self) -> str | None:
        return self.country_picker.value() if self.country_choice.isChecked() else None

    def problem(self) -> str:
        if self.organization_choice.isChecked() and self.organization_id is None:
            return tr("Choose the organization from the list that opens as you type its name.")
        if self.country_choice.isChecked() and self.country is None:
            return tr("Choose the country from the list that opens as you type its name.")
        return ""


class ActivityDialog(_ReportDialog):
    """The period of an activity report: this quarter up to today unless changed."""

    def __init__(self, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(
            tr("Activity in a period"),
            tr(
                "What happened between two dates: events with participants and outcomes, "
                "delegations received and sent, agreements signed, follow-ups due and done."
            ),
            parent,
        )
        today = today or clock.today()
        self.start_input = DateInput()
        self.end_input = DateInput()
        self.start_input.set_value(quarter_start(today))
        self.end_input.set_value(today)
        self.form.addRow(tr("From"), self.start_input)
        self.form.addRow(tr("To"), self.end_input)

    @property
    def start(self) -> dt.date | None:
        return self.start_input.value()

    @property
    def end(self) -> dt.date | None:
        return self.end_input.value()

    def problem(self) -> str:
        for date_input in (self.start_input, self.end_input):
            if message := date_input.problem():
                return message
        if self.start is None or self.end is None:
            return tr("Give both dates of the period.")
        if self.end < self.start:
            return tr("The period ends before it starts. Correct one of the two dates.")
        return ""


class AgreementsDueDialog(_ReportDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            tr("Agreements due"),
            tr(
                "Agreements that expire soon, those that expired in the last year, and those "
                "in force, by country."
            ),
            parent,
        )
        self.days_input = QSpinBox()
        self.days_input.setRange(0, 3650)
        self.days_input.setValue(90)
        self.days_input.setSuffix(tr(" days"))
        self.form.addRow(tr("Expiring within"), self.days_input)

    @property
    def within_days(self) -> int:
        return self.days_input.value()
