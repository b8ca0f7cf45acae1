"""Change many records at once: choose a field and its value, see which records would be
refused and why, then change the others in one step that Undo takes back."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from models.bulk_edit import (
    TO_TRASH,
    BulkPlan,
    apply_bulk,
    bulk_fields,
    matching_ids,
    plan_bulk,
    plan_summary,
)
from models.kinds.all_kinds import EDITORS_BY_KIND
from models.listing import ListRequest
from models.words.translation import _, ngettext
from ui import dialogs
from ui.background import run_task
from ui.widgets.inputs import ChoiceInput
from ui.widgets.pickers import OrganizationPicker, PersonPicker, country_picker

# Past this many records the check and the change run beside the window, with progress.
IN_BACKGROUND = 1000


class BulkEditDialog(QDialog):
    """``change_set`` holds the change written once the dialog is accepted."""

    def __init__(
        self,
        kind: str,
        record_ids: list[int],
        request: ListRequest | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.chosen_ids = record_ids
        self.record_ids = record_ids
        self.request = request
        self.plan: BulkPlan | None = None
        self.change_set: str | None = None  # or the Trash's batch, for records moved there
        self.titles: dict[int, str] = {}
        self.setWindowTitle(self.tr("Change the selected records"))
        self.setMinimumWidth(520)

        self.fields = bulk_fields(kind)
        self.field_box = QComboBox()
        self.field_box.setObjectName("bulk_field")
        self.inputs = QStackedWidget()
        # As high as one field: the room below is for the records refused.
        self.inputs.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        for spec in self.fields:
            self.field_box.addItem(_(spec.label), spec.key)
            self.inputs.addWidget(self._input(spec))
        self.field_box.currentIndexChanged.connect(self._field_chosen)

        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setObjectName("bulk_check")
        self.check_button.clicked.connect(self.check)
        self.summary = QLabel()
        self.summary.setObjectName("bulk_summary")
        self.summary.setWordWrap(True)
        self.refused = QListWidget()
        self.refused.setObjectName("bulk_refused")
        self.refused.setWordWrap(True)
        self.refused.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.refused.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.addButton(
            self.tr("Change"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.setObjectName("bulk_apply")
        self.apply_button.setEnabled(False)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        self.heading = QLabel()
        self.heading.setObjectName("bulk_heading")
        self._say_count()
        form.addRow(self.heading)
        self.all_matching = QCheckBox(self.tr("All the records that match the search and filters"))
        self.all_matching.setObjectName("bulk_all")
        self.all_matching.setVisible(request is not None)
        self.all_matching.toggled.connect(self._all_toggled)
        form.addRow(self.all_matching)
        form.addRow(self.tr("Change"), self.field_box)
        form.addRow(self.tr("New value"), self.inputs)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.check_button)
        layout.addWidget(self.summary)
        layout.addWidget(self.refused, 1)
        layout.addStretch(0)
        layout.addWidget(self.buttons)

    def _say_count(self) -> None:
        count = len(self.record_ids)
        self.heading.setText(
            ngettext("{count} record chosen.", "{count} records chosen.", count).format(
                count=f"{count:,}"
            )
        )

    def _all_toggled(self, on: bool) -> None:
        self.record_ids = matching_ids(self.kind, self.request) if on else self.chosen_ids
        self._say_count()
        self._changed()

    def _input(self, spec) -> QWidget:
        if spec.chooser == "choice":
            widget: Any = ChoiceInput(spec.choices)
            widget.edited.connect(self._changed)
        elif spec.chooser == "country":
            widget = country_picker()
            widget.edited.connect(self._changed)
        elif spec.chooser == "organization":
            widget = OrganizationPicker()
            widget.edited.connect(self._changed)
        elif spec.chooser == "person":
            widget = PersonPicker()
            widget.edited.connect(self._changed)
        elif spec.chooser == "trash":
            widget = QLabel(self.tr("Undo brings them back, as they were."))
            widget.value = lambda: None
        else:
            widget = QLineEdit()
            widget.setPlaceholderText(self.tr("The tag's name"))
            widget.textEdited.connect(self._changed)
        widget.setObjectName(f"bulk_value_{spec.key}")
        return widget

    def value(self) -> Any:
        widget = self.inputs.currentWidget()
        return widget.text() if type(widget) is QLineEdit else widget.value()

    def _field_chosen(self, index: int) -> None:
        self.inputs.setCurrentIndex(index)
        self._changed()

    def _changed(self, *_args) -> None:
        """A plan checked for another value is no plan for this one."""
        self.plan = None
        self.apply_button.setEnabled(False)
        self.summary.clear()
        self.refused.clear()
        self.refused.hide()

    def _run(self, title: str, work):
        if len(self.record_ids) > IN_BACKGROUND:
            return run_task(self, title, title, work)
        return work(None)

    def check(self) -> None:
        spec = self.fields[self.field_box.currentIndex()]
        value = self.value()
        if spec.chooser == "tag" and not value.strip():
            self.summary.setText(self.tr("Type the tag to add or remove."))
            return
        self.plan = self._run(
            self.tr("Checking the records…"),
            lambda progress: plan_bulk(self.kind, self.record_ids, spec.key, value, progress),
        )
        self.summary.setText("\n".join(plan_summary(self.plan)))
        self.refused.clear()
        for refusal in self.plan.refused:
            self.refused.addItem(f"{refusal.title} — {refusal.reason}")
        self.refused.setVisible(bool(self.plan.refused))
        self.apply_button.setEnabled(bool(self.plan.to_change))

    def apply(self) -> None:
        if self.plan is None or not self.plan.to_change:
            return
        plan = self.plan
        # Named before the change: records moved to the Trash can no longer tell their titles.
        editor = EDITORS_BY_KIND[self.kind]
        model = editor.model
        self.titles = {}
        for start in range(0, len(plan.to_change), 500):
            chunk = plan.to_change[start : start + 500]
            for record in model.select().where(model.id.in_(chunk)):
                self.titles[record.id] = editor.title(record)
        self.change_set = self._run(
            self.tr("Changing the records…"), lambda progress: apply_bulk(plan, progress)
        )
        self.accept()


def change_records(page) -> None:
    """The page's selected records (or all that match) changed at once, as one step."""
    ids = page.selected_ids()
    if not ids:
        page.message.emit(
            QCoreApplication.translate(
                "RecordPage", "Select the rows to change first (Shift or Ctrl and a click)."
            )
        )
        return
    if not page.form.maybe_leave():
        return
    dialog = BulkEditDialog(page.spec.kind, ids, page.model.request, page)
    if not dialogs.run_dialog(dialog) or dialog.change_set is None:
        return
    plan, titles = dialog.plan, dialog.titles
    count = len(titles)
    if plan.field == TO_TRASH:
        title = ngettext("{count} record", "{count} records", count).format(count=f"{count:,}")
        page.bulk_trashed.emit(page.spec.kind, titles, dialog.change_set, title)
        page.message.emit(
            ngettext(
                "{count} record moved to the Trash.", "{count} records moved to the Trash.", count
            ).format(count=f"{count:,}")
        )
        return
    spec = next(spec for spec in dialog.fields if spec.key == plan.field)
    title = ngettext("{field} of {count} record", "{field} of {count} records", count).format(
        field=_(spec.label).lower(), count=f"{count:,}"
    )
    page.bulk_changed.emit(page.spec.kind, titles, dialog.change_set, title)
    page.message.emit(
        ngettext("{count} record changed.", "{count} records changed.", count).format(
            count=f"{count:,}"
        )
    )
