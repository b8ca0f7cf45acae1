"""The panel a form shows above its fields when someone else changed (or deleted) the record
it holds: field by field, what they changed and what the user changed, with a choice where
both changed the same field, and the ways out: save with the choices, reload their version,
or go back to editing. For a record deleted elsewhere: save it as a new record, or drop the
changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from models.conflicts import BOTH, MINE, THEIRS, FieldDifference, differences
from models.errors import Conflict

CONTEXT = "ConflictPanel"
STYLE = (
    "QFrame#conflictPanel { background: #fff4d6; border: 1px solid #d9b44a; border-radius: 6px; }"
    "QFrame#conflictPanel QLabel { color: #3d2e00; }"
)
# The panel's list of fields scrolls past this height, so the form's fields stay in sight.
LIST_HEIGHT = 240


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def when_text(conflict: Conflict) -> str:
    return conflict.changed_at.strftime("%d.%m.%Y %H:%M") if conflict.changed_at else ""


def conflict_message(conflict: Conflict) -> str:
    who = conflict.changed_by or tr("someone else")
    if conflict.deleted:
        if conflict.changed_at is None:
            return tr("{user} deleted this record while you were editing it.").format(user=who)
        return tr("{user} deleted this record at {time} while you were editing it.").format(
            user=who, time=when_text(conflict)
        )
    return tr("{user} saved this record at {time} while you were editing it.").format(
        user=who, time=when_text(conflict)
    )


class ConflictPanel(QFrame):
    save_chosen = Signal()  # save with the choices made
    reload = Signal()  # drop the user's changes, show the record as stored now
    save_as_new = Signal()  # the record was deleted: keep the user's version as a new one
    drop = Signal()  # the record was deleted: drop the user's changes
    dismissed = Signal()  # back to editing, nothing saved

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictPanel")
        self.setStyleSheet(STYLE)
        self.conflict: Conflict | None = None
        self.groups: dict[str, QButtonGroup] = {}
        self.buttons: dict[tuple[str, str], QRadioButton] = {}

        self.message = QLabel()
        self.message.setObjectName("conflictMessage")
        self.message.setWordWrap(True)
        font = self.message.font()
        font.setBold(True)
        self.message.setFont(font)
        self.advice = QLabel()
        self.advice.setObjectName("conflictAdvice")
        self.advice.setWordWrap(True)

        self.fields = QWidget()
        self.fields.setObjectName("conflictFields")
        self.grid = QGridLayout(self.fields)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(12)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setMaximumHeight(LIST_HEIGHT)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.fields)
        self.scroll.setStyleSheet("background: transparent;")

        self.save_button = QPushButton(tr("Save with these choices"))
        self.save_button.setObjectName("saveChosen")
        self.save_button.clicked.connect(self.save_chosen)
        self.reload_button = QPushButton(tr("Reload their version"))
        self.reload_button.setObjectName("reloadTheirs")
        self.reload_button.setToolTip(tr("Drop your changes and show the record as saved now"))
        self.reload_button.clicked.connect(self.reload)
        self.new_button = QPushButton(tr("Save as new"))
        self.new_button.setObjectName("saveAsNew")
        self.new_button.setToolTip(tr("Keep your version as a new record"))
        self.new_button.clicked.connect(self.save_as_new)
        self.drop_button = QPushButton(tr("Drop my changes"))
        self.drop_button.setObjectName("dropMine")
        self.drop_button.clicked.connect(self.drop)
        self.back_button = QPushButton(tr("Back to editing"))
        self.back_button.setObjectName("backToEditing")
        self.back_button.setToolTip(tr("Nothing is saved; your changes stay in the form"))
        self.back_button.clicked.connect(self.dismissed)
        # A row each, so that a narrow form in a longer language never cuts a button short:
        # the way forward, the way back to the stored record, and back to editing.
        rows = []
        for row_buttons in (
            (self.save_button, self.new_button),
            (self.reload_button, self.drop_button),
            (self.back_button,),
        ):
            row = QHBoxLayout()
            for button in row_buttons:
                row.addWidget(button)
            row.addStretch(1)
            rows.append(row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.message)
        layout.addWidget(self.advice)
        layout.addWidget(self.scroll)
        for row in rows:
            layout.addLayout(row)
        self.hide()

    # -- showing -----------------------------------------------------------------------------

    def show_conflict(
        self,
        conflict: Conflict,
        labels: dict[str, str],
        text_of: Callable[[str, Any], str],
    ) -> None:
        """Show what each side changed; ``labels`` names the fields as the form does and
        ``text_of(field, value)`` says a value as the form shows it."""
        self.conflict = conflict
        self._clear()
        self.message.setText(conflict_message(conflict))
        deleted = conflict.deleted
        self.scroll.setVisible(not deleted)
        self.save_button.setVisible(not deleted)
        self.reload_button.setVisible(not deleted)
        self.new_button.setVisible(deleted)
        self.drop_button.setVisible(deleted)
        if deleted:
            self.advice.setText(
                tr(
                    "Save your version as a new record, or drop your changes. Nothing has "
                    "been saved yet."
                )
            )
            self.show()
            return
        found = differences(conflict)
        clashing = [difference for difference in found if difference.clashing]
        if clashing:
            self.advice.setText(
                tr(
                    "Nothing has been saved yet. Where you both changed a field, choose whose "
                    "change to keep; every other change of theirs and yours is kept."
                )
            )
        else:
            self.advice.setText(
                tr(
                    "You changed different fields: saving keeps their changes and yours. "
                    "Nothing has been saved yet."
                )
            )
        who = conflict.changed_by or tr("someone else")
        for row, difference in enumerate(found):
            self.grid.addWidget(self._field_block(difference, who, labels, text_of), row, 0)
        self.show()

    def _field_block(
        self,
        difference: FieldDifference,
        who: str,
        labels: dict[str, str],
        text_of: Callable[[str, Any], str],
    ) -> QWidget:
        """One field: its name, their value and the user's, and what is kept (or the choice,
        when both changed it). Stacked, so it fits a narrow form."""
        name = difference.field
        block = QWidget()
        lines = QGridLayout(block)
        lines.setContentsMargins(0, 0, 0, 6)
        lines.setHorizontalSpacing(8)
        lines.setVerticalSpacing(2)
        title = QLabel(labels.get(name, name))
        title.setStyleSheet("font-weight: 600;")
        lines.addWidget(title, 0, 0, 1, 2)
        sides = (
            (tr("Saved by {user}:").format(user=who), difference.theirs, f"theirs_{name}",
             difference.theirs_changed),
            (tr("Yours:"), difference.mine, f"mine_{name}", difference.mine_changed),
        )  # fmt: skip
        for line, (caption, value, object_name, changed) in enumerate(sides, start=1):
            shown = QLabel(text_of(name, value))
            shown.setObjectName(object_name)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if not changed:
                shown.setStyleSheet("color: #7a6a3a;")
            lines.addWidget(QLabel(caption), line, 0, Qt.AlignmentFlag.AlignTop)
            lines.addWidget(shown, line, 1, Qt.AlignmentFlag.AlignTop)
        lines.setColumnStretch(1, 1)
        if not difference.clashing:
            if difference.theirs_changed and difference.mine_changed:
                kept = tr("You both made the same change.")
            elif difference.theirs_changed:
                kept = tr("Their change is kept.")
            else:
                kept = tr("Your change is kept.")
            note = QLabel(kept)
            note.setStyleSheet("font-style: italic;")
            lines.addWidget(note, 3, 0, 1, 2)
            return block
        names = {THEIRS: tr("Keep theirs"), MINE: tr("Keep yours"), BOTH: tr("Keep both")}
        group = QButtonGroup(self)
        choices = QHBoxLayout()
        choices.setContentsMargins(0, 0, 0, 0)
        for choice in difference.choices():
            button = QRadioButton(names[choice])
            button.setObjectName(f"keep_{choice}_{name}")
            button.setChecked(choice == MINE)
            group.addButton(button)
            choices.addWidget(button)
            self.buttons[(name, choice)] = button
        choices.addStretch(1)
        lines.addLayout(choices, 3, 0, 1, 2)
        self.groups[name] = group
        return block

    def _clear(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for group in self.groups.values():
            group.deleteLater()
        self.groups, self.buttons = {}, {}

    def choices(self) -> dict[str, str]:
        """Whose change to keep, for each field both changed."""
        chosen = {}
        for (name, choice), button in self.buttons.items():
            if button.isChecked():
                chosen[name] = choice
        return chosen

    def close_panel(self) -> None:
        self.conflict = None
        self._clear()
        self.hide()
