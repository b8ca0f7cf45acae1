"""The form every kind of record is edited in: fields laid out in sections, the message for a
field shown right under it, Save and Cancel, and a question before changes are dropped.

A kind's form subclasses ``RecordForm`` and only builds its fields (``build``); reading,
checking, saving and deleting are done here through the kind's editor in ``models``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, ClassVar

from peewee import DatabaseError, InterfaceError
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from models import history, trash
from models.conflicts import differences, merged
from models.editing import RecordEditor, all_tag_names
from models.errors import Conflict, Problem, SeriktesError, ValidationFailed
from models.links import linked_records
from models.store.database import explain_write_failure
from ui import dialogs
from ui.kind_words import kind_words
from ui.widgets.child_table import ChildTable
from ui.widgets.conflict_panel import ConflictPanel
from ui.widgets.files_panel import FilesPanel
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.form_tabs import FormTabs
from ui.widgets.history_panel import HistoryPanel
from ui.widgets.inputs import ChoiceInput, DateInput, NotesInput, TagsInput, same_value
from ui.widgets.linked_panel import LinkedPanel
from ui.widgets.search_picker import SearchPicker
from ui.widgets.shortcut import shortcut

ERROR_STYLE = "color: #b3261e;"
# How long after a keystroke the messages are checked again: once a word is typed, not per key.
RECHECK_MS = 200
# The narrowest a form gets beside its list.
MINIMUM_WIDTH = 380


@dataclass(frozen=True)
class FormState:
    record_id: int | None
    edits: dict[str, Any] | None  # the values, when changed and not saved
    texts: dict[str, str]  # the text of the fields that cannot be read yet
    bars: dict[str, dict[str, Any]]  # what is typed under each table, not yet added
    tab: int
    scroll: int
    checked: bool  # a Save found problems: every change checks the form again
    told: list[str]  # the fields whose message is shown


def input_problem(widget: Any) -> str | None:
    problem = getattr(widget, "problem", None)
    return problem() if problem is not None else None


def section_heading(title: str) -> QLabel:
    heading = QLabel(title)
    heading.setStyleSheet("font-weight: 600; margin-top: 10px;")
    return heading


class RecordForm(QWidget):
    saved = Signal(int)
    deleted = Signal(int)
    dirty_changed = Signal(bool)
    open_record = Signal(str, object)  # kind, id: the user asked to see a linked record
    record_shown = Signal(str, int)  # kind, id: a saved record is now in the form
    # change set, title, version: a save that can be undone, and the version it left
    saved_change = Signal(str, str, object)
    trashed = Signal(int, str, str)  # trash item, kind, title: a delete that can be undone
    shown = Signal(object)  # the id of the record now in the form, None for a new one
    gone = Signal(int)  # the record shown was deleted on another desktop
    write_failed = Signal(str)  # a save did not reach the database: why

    editor: ClassVar[RecordEditor]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record_id: int | None = None
        # The version of the record the form opened, and its values then: a save is made
        # over that version only, and a change made elsewhere since is shown field by field.
        self.version: int | None = None
        self._opened: dict[str, Any] | None = None
        self.inputs: dict[str, Any] = {}
        self.labels: dict[str, str] = {}
        self.errors: dict[str, QLabel] = {}
        self._loaded: dict[str, Any] = {}
        self._dirty = False
        self._read_only = False
        self._form: QFormLayout | None = None
        self._tab_titles: dict[int, str] = {}
        # After a Save that found problems, every change checks the form again, so the
        # messages shown follow what the user corrects.
        self._checked = False
        self._recheck = QTimer(self, singleShot=True, interval=RECHECK_MS)
        self._recheck.timeout.connect(self.recheck)

        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        self.stamp = QLabel()
        self.stamp.setObjectName("formStamp")
        self.stamp.setStyleSheet("color: palette(placeholder-text);")
        self.stamp.setWordWrap(True)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(ERROR_STYLE)
        self.banner.hide()
        self.notice = QFrame()
        self.notice.setObjectName("changedElsewhere")
        self.notice.setStyleSheet(
            "QFrame#changedElsewhere { background: #e3effa; border: 1px solid #8fb4d9;"
            " border-radius: 6px; }"
        )
        self.notice_text = QLabel()
        self.notice_text.setObjectName("changedElsewhereText")
        self.notice_text.setWordWrap(True)
        self.notice_button = QPushButton(self.tr("Show the differences"))
        self.notice_button.setObjectName("showDifferences")
        self.notice_button.clicked.connect(self.show_differences)
        notice_row = QHBoxLayout(self.notice)
        notice_row.setContentsMargins(10, 6, 10, 6)
        notice_row.addWidget(self.notice_text, 1)
        notice_row.addWidget(self.notice_button)
        self.notice.hide()
        self.conflict_panel = ConflictPanel()
        self.conflict_panel.save_chosen.connect(self._save_chosen)
        self.conflict_panel.reload.connect(self._reload_theirs)
        self.conflict_panel.save_as_new.connect(self._save_as_new)
        self.conflict_panel.drop.connect(self._drop_deleted)
        self.conflict_panel.dismissed.connect(self._back_to_editing)

        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(0, 0, 8, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self._scroll = scroll

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save the changes (Ctrl+S)"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Drop the changes (Esc)"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        self.delete_button.clicked.connect(self.delete)
        # On a narrow window (two side by side on one screen) the buttons take a second row
        # rather than cutting their names.
        buttons = self.button_row = FlowLayout(to_the_right=True)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.stamp)
        layout.addWidget(self.banner)
        layout.addWidget(self.notice)
        layout.addWidget(self.conflict_panel)
        # Every tab in sight with its whole name: the names go on to a second row in a
        # narrow form rather than being shortened or hidden behind scroll arrows.
        self.tabs = FormTabs()
        self.tabs.addTab(scroll, self.tr("Details"))
        layout.addWidget(self.tabs.strip)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

        shortcut(
            QKeySequence.StandardKey.Cancel,
            self,
            self.cancel,
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )

        self.build()
        self.body_layout.addStretch(1)
        self.linked = LinkedPanel()
        self.linked.open_record.connect(self.open_record)
        self.linked_tab = self.tabs.addTab(self.linked, self.tr("Linked"))
        self.files = FilesPanel(self.editor.kind)
        self.files_tab = self.tabs.addTab(self.files, self.tr("Files"))
        self.files.changed.connect(self._count_files)
        self.history = HistoryPanel(self.labels, self.name_value)
        self.history.restored.connect(self._value_restored)
        self.history_tab = self.tabs.addTab(self.history, self.tr("History"))
        for name, widget in self.inputs.items():
            widget.edited.connect(self._on_edited)
            if hasattr(widget, "problem") and hasattr(widget, "editingFinished"):
                # A date or a number that cannot be read is said as the field is left.
                widget.editingFinished.connect(lambda n=name: self._left(n))
        self._offer_near_dates()
        # Empty until a database is open; ``load`` reads from it.
        self._loaded = self.values()
        self._refresh_heading()
        self._set_dirty(False)

    def minimumSizeHint(self) -> QSize:
        """Room for the fields with their labels (longer in Kazakh and Russian), which scroll
        down but never sideways."""
        hint = super().minimumSizeHint()
        margins = self.layout().contentsMargins()
        fields = (
            self._scroll.widget().minimumSizeHint().width()
            + self._scroll.verticalScrollBar().sizeHint().width()
            + margins.left()
            + margins.right()
        )
        return QSize(max(hint.width(), fields, MINIMUM_WIDTH), hint.height())

    # -- building ----------------------------------------------------------------------------

    def build(self) -> None:
        raise NotImplementedError

    def section(self, title: str) -> QFormLayout:
        """A titled group of fields. All sections share one layout, so their labels line up."""
        if self._form is None:
            self._form = QFormLayout()
            self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            self._form.setLabelAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            self.body_layout.addLayout(self._form)
        self._form.addRow(section_heading(title))
        return self._form

    def field(
        self,
        form: QFormLayout,
        name: str,
        label: str,
        widget: Any,
        required: bool = False,
        hint: str = "",
    ) -> Any:
        """Add an input with its label and the place its message appears."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.hide()
        column.addWidget(error)
        if hint:
            widget.setToolTip(hint)
        caption = QLabel(f"{label} *" if required else label)
        caption.setBuddy(widget)
        form.addRow(caption, holder)
        widget.setObjectName(name)
        widget.setSizePolicy(QSizePolicy.Policy.Expanding, widget.sizePolicy().verticalPolicy())
        self.inputs[name] = widget
        # A box to tick says what it is itself, beside no label.
        self.labels[name] = label or (widget.text() if isinstance(widget, QCheckBox) else name)
        self.errors[name] = error
        return widget

    def tags_and_notes(self, form: QFormLayout) -> None:
        """The two fields every record has, last in its form: tags (offering the tags already
        used, once a record is shown) and notes."""
        self.field(
            form, "tags", self.tr("Tags"), TagsInput(placeholder=self.tr("Separated by commas"))
        )
        self.field(form, "notes", self.tr("Notes"), NotesInput())

    def tab(self, title: str) -> QVBoxLayout:
        """A tab of its own, for a table of rows that belong to the record; it scrolls when
        the window is too low for its tables."""
        page = QWidget()
        layout = QVBoxLayout(page)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(page)
        self.tabs.addTab(scroll, title)
        self._tab_titles[id(layout)] = title
        return layout

    def table_field(
        self, layout: QVBoxLayout, name: str, widget: Any, hint: str = "", label: str = ""
    ) -> Any:
        """A table input (participants, partners): its message above it, then the table.
        Its history names it ``label``, else the title of its tab."""
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.hide()
        if hint:
            note = QLabel(hint)
            note.setWordWrap(True)
            note.setStyleSheet("color: palette(placeholder-text);")
            layout.addWidget(note)
        layout.addWidget(error)
        layout.addWidget(widget, 1)
        widget.setObjectName(name)
        self.inputs[name] = widget
        self.labels[name] = label or self._tab_titles.get(id(layout), name)
        self.errors[name] = error
        return widget

    # -- reading and filling -----------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        return {name: widget.value() for name, widget in self.inputs.items()}

    def load(
        self,
        record_id: int | None,
        defaults: dict[str, Any] | None = None,
        keep_place: bool = False,
    ) -> None:
        """Show a record, or an empty form for a new one (with ``defaults`` filled in), on
        its Details tab at the top. The record shown, read again, stays where the user is,
        as does ``keep_place`` (a new record just saved)."""
        # The version is read before the values: a change landing in between makes the next
        # save ask, never overwrite.
        self.version = self.editor.get(record_id).version if record_id is not None else None
        values = (
            self.editor.load(record_id) if record_id is not None else self.editor.empty_values()
        )
        self._opened = dict(values) if record_id is not None else None
        self.notice.hide()
        self.conflict_panel.close_panel()
        if defaults:
            values.update(defaults)
        if not keep_place and (record_id is None or record_id != self.record_id):
            self.show_details()
        self.record_id = record_id
        self._checked = False
        for name, widget in self.inputs.items():
            widget.set_value(values.get(name))
        self._loaded = self.values()
        self.clear_problems()
        self.inputs["tags"].set_known(all_tag_names())
        self.loaded()
        self._refresh_heading()
        self._show_links()
        self.files.set_record(record_id)
        self.history.show_record(self.editor.kind, record_id)
        self._set_dirty(self.is_dirty())
        self.shown.emit(record_id)
        if record_id is not None:
            self.record_shown.emit(self.editor.kind, record_id)

    def show_details(self) -> None:
        """The Details tab, scrolled to its first field."""
        self.tabs.setCurrentIndex(0)
        self._scroll.verticalScrollBar().setValue(0)

    def loaded(self) -> None:
        """Called after a record is shown, to fill what is not a field (linked lists)."""

    def _show_links(self) -> None:
        groups = linked_records(self.editor.kind, self.record_id) if self.record_id else []
        count = self.linked.show_groups(
            groups,
            self.tr("Nothing is linked to this record yet.")
            if self.record_id
            else self.tr("Save the record to see what is linked to it."),
        )
        self.tabs.setTabText(
            self.linked_tab,
            self.tr("Linked ({count})").format(count=count) if count else self.tr("Linked"),
        )

    def _count_files(self, count: int) -> None:
        self.tabs.setTabText(
            self.files_tab,
            self.tr("Files ({count})").format(count=count) if count else self.tr("Files"),
        )

    def _refresh_heading(self) -> None:
        if self.record_id is None:
            self.heading.setText(kind_words(self.editor.kind).new())
            self.stamp.setText(
                self.tr("Fill in the fields and press Save. Fields marked * are required.")
            )
            return
        record = self.editor.get(self.record_id)
        self.heading.setText(self.editor.title(record))
        self.stamp.setText(
            self.tr("Created {created} by {creator} · changed {changed} by {changer}").format(
                created=record.created_at.strftime("%d.%m.%Y %H:%M"),
                creator=record.created_by,
                changed=record.updated_at.strftime("%d.%m.%Y %H:%M"),
                changer=record.updated_by,
            )
        )

    def describe(self) -> str:
        """How the record is named in questions: “CSIC” or “the new organization”."""
        if self.record_id is None:
            return kind_words(self.editor.kind).the_new()
        return f"“{self.heading.text()}”"

    # -- kept while the window is made again -------------------------------------------------

    def state(self) -> FormState:
        """The record shown and what the user did to it, to be put back in a form made
        anew (in another language)."""
        dirty = self.is_dirty()
        # What cannot be read yet is kept as typed: a date that is not one, a name that
        # matches nothing (the others are made again from their values, in the language
        # shown: a country's name).
        unread = {
            name: widget.text()
            for name, widget in self.inputs.items()
            if isinstance(widget, QLineEdit) and input_problem(widget)
        }
        return FormState(
            record_id=self.record_id,
            edits=self.values() if dirty else None,
            texts=unread if dirty else {},
            bars={
                name: widget.bar_state()
                for name, widget in self.inputs.items()
                if isinstance(widget, ChildTable)
            },
            tab=self.tabs.currentIndex(),
            scroll=self._scroll.verticalScrollBar().value(),
            checked=self._checked,
            told=[name for name, error in self.errors.items() if not error.isHidden()],
        )

    def restore(self, state: FormState) -> None:
        """Show the record and the changes of ``state``, unsaved still, with the messages
        that were shown, now in the language shown."""
        if state.record_id is not None or state.edits is not None:
            self.load(state.record_id)
        if state.edits is not None:
            for name, widget in self.inputs.items():
                if name in state.edits:
                    widget.set_value(state.edits[name])
                if name in state.texts:
                    widget.setText(state.texts[name])
        for name, bar in state.bars.items():
            self.inputs[name].restore_bar(bar)
        if state.edits is not None or any(state.bars.values()):
            self._set_dirty(self.is_dirty())
        self.tabs.setCurrentIndex(state.tab)
        if state.checked:
            self._checked = True
            self.show_problems(self.all_problems(), reveal=False)
        else:
            for name in state.told:
                self._left(name)
        # Once laid out again, where the user had scrolled to.
        scroll_bar = self._scroll.verticalScrollBar()
        QTimer.singleShot(0, scroll_bar, lambda: scroll_bar.setValue(state.scroll))

    # -- changes -----------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        current = self.values()
        if any(not same_value(current[name], self._loaded.get(name)) for name in current):
            return True
        return any(input_problem(widget) for widget in self.inputs.values())

    def _on_edited(self) -> None:
        self._set_dirty(self.is_dirty())
        if self._checked or any(not error.isHidden() for error in self.errors.values()):
            self._recheck.start()

    def _offer_near_dates(self) -> None:
        """An empty date field opens its calendar near the record's other dates: an end
        date on the start, an expiry date on the signing date, a follow-up's due date on
        the delegation's last day."""
        fields = [name for name, widget in self.inputs.items() if isinstance(widget, DateInput)]

        def near(name: str | None) -> dt.date | None:
            if name in fields:
                place = fields.index(name)
                order = fields[place - 1 :: -1] if place else []
                order += fields[place + 1 :]
            else:
                order = fields[::-1]
            return next((value for other in order if (value := self.inputs[other].value())), None)

        for widget in self.findChildren(DateInput):
            name = next((n for n in fields if self.inputs[n] is widget), None)
            widget.near = lambda n=name: near(n)

    def set_read_only(self, read_only: bool) -> None:
        """Show records without letting them change (a database opened read-only)."""
        self._read_only = read_only
        for widget in self.inputs.values():
            widget.setEnabled(not read_only)
        self.files.set_read_only(read_only)
        self.history.read_only = read_only
        self._set_dirty(self.is_dirty())

    def _set_dirty(self, dirty: bool) -> None:
        writable = not self._read_only
        self.save_button.setEnabled(writable and (dirty or self.record_id is None))
        self.cancel_button.setEnabled(dirty)
        self.delete_button.setEnabled(writable and self.record_id is not None)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    # -- problems ----------------------------------------------------------------------------

    def clear_problems(self) -> None:
        for error in self.errors.values():
            error.clear()
            error.hide()
        self.banner.hide()

    def _left(self, name: str) -> None:
        message = input_problem(self.inputs[name])
        if message and message not in self.errors[name].text():
            error = self.errors[name]
            error.setText(f"{error.text()}\n{message}" if error.text() else message)
            error.show()

    def recheck(self) -> None:
        """The messages again, as the fields are now: gone when corrected, changed when the
        value is wrong in another way. Before a Save, only the fields' own messages (a date
        that cannot be read) are shown; after one, every problem of the form."""
        self._recheck.stop()
        if self._checked:
            self.show_problems(self.all_problems(), reveal=False)
            return
        for name, error in self.errors.items():
            if error.isHidden():
                continue
            message = input_problem(self.inputs[name])
            error.setText(message or "")
            error.setVisible(bool(message))

    def show_problems(self, problems: list[Problem], reveal: bool = True) -> None:
        self.clear_problems()
        general = []
        for problem in problems:
            error = self.errors.get(problem.field)
            if error is None:
                general.append(problem.message)
                continue
            text = problem.message if not error.text() else f"{error.text()}\n{problem.message}"
            error.setText(text)
            error.show()
        if general:
            self.banner.setText("\n".join(general))
            self.banner.show()
        first = next((self.inputs[p.field] for p in problems if p.field in self.inputs), None)
        if first is not None and reveal:
            self.reveal(first)
            first.setFocus()

    def reveal(self, widget: QWidget) -> None:
        """Bring the tab holding ``widget`` forward and scroll it into view."""
        for index in range(self.tabs.count()):
            if self.tabs.widget(index).isAncestorOf(widget):
                self.tabs.setCurrentIndex(index)
                break
        self._scroll.ensureWidgetVisible(widget)

    def input_problems(self) -> list[Problem]:
        """What the inputs themselves can tell before the domain is asked: a date or number
        that cannot be read, a name that matches nothing."""
        return [
            Problem(name, message)
            for name, widget in self.inputs.items()
            if (message := input_problem(widget))
        ]

    def all_problems(self) -> list[Problem]:
        """Every problem of the form at once: the inputs' own, then the domain's about the
        other fields (a field that cannot be read is not also said to be missing)."""
        problems = self.input_problems()
        unread = {problem.field for problem in problems}
        try:
            found = self.editor.problems(self.values(), self.record_id)
        except SeriktesError as error:
            found = [Problem("", str(error))]
        return problems + [problem for problem in found if problem.field not in unread]

    # -- actions -----------------------------------------------------------------------------

    def save(self) -> bool:
        """Save the form; on a problem, say what is wrong next to the field and keep it open."""
        if self.input_problems():
            self._refuse(self.all_problems())
            return False
        try:
            record = self.editor.save(
                self.values(),
                self.record_id,
                expected_version=self.version,
                opened=self._opened,
            )
        except Conflict as conflict:
            if not conflict.deleted and not any(
                difference.theirs_changed for difference in differences(conflict)
            ):
                # Saved again elsewhere without a change: nothing of theirs can be lost.
                self.version, self._opened = conflict.version, conflict.theirs
                return self.save()
            self.show_conflict(conflict)
            return False
        except ValidationFailed as failure:
            self._refuse(failure.problems)
            return False
        except SeriktesError as error:
            self._refuse([Problem("", str(error))])
            return False
        except (DatabaseError, InterfaceError) as error:
            # A full disk, a locked file, a server gone: the save was rolled back, and the
            # form keeps everything typed.
            self.show_problems([Problem("", explain_write_failure(error))])
            self.write_failed.emit(str(error))
            return False
        self.load(record.id, keep_place=True)
        self.saved.emit(record.id)
        self.saved_change.emit(record.change_set, self.editor.title(record), record.version)
        return True

    def _refuse(self, problems: list[Problem]) -> None:
        self._checked = True
        self.show_problems(problems)

    def cancel(self) -> None:
        """Drop the changes, after asking (Esc)."""
        if not self.is_dirty():
            return
        if dialogs.confirm(
            self,
            self.tr("Drop changes"),
            self.tr("Drop your changes to {what}?").format(what=self.describe()),
            action=self.tr("Drop changes"),
        ):
            self.load(self.record_id)

    def maybe_leave(self) -> bool:
        """Before another record replaces this one: True when it is fine to go on."""
        if not self.is_dirty():
            return True
        answer = dialogs.ask_unsaved(self, self.describe())
        if answer is dialogs.Unsaved.SAVE:
            return self.save()
        if answer is dialogs.Unsaved.DISCARD:
            self.load(self.record_id)
            return True
        return False

    def delete(self) -> None:
        if self.record_id is None:
            return
        consequences = self.editor.consequences(self.record_id)
        lines = []
        for consequence in consequences:
            line = f"• {consequence.description}"
            if consequence.examples:
                more = "…" if consequence.count > len(consequence.examples) else ""
                line += f": {', '.join(consequence.examples)}{more}"
            lines.append(line)
        details = "\n".join(lines) if lines else self.tr("No other records are linked to it.")
        details += "\n\n" + self.tr(
            "It goes to the Trash, with its links, and can be restored from there or with Undo."
        )
        if not dialogs.confirm(
            self,
            kind_words(self.editor.kind).delete(),
            self.tr("Delete {what}?").format(what=self.describe()),
            details,
            action=self.tr("Delete"),
        ):
            return
        record_id = self.record_id
        try:
            item = trash.move_to_trash(self.editor.kind, record_id)
        except SeriktesError as error:
            dialogs.show_error(self, self.tr("Cannot delete"), str(error))
            return
        self.load(None)
        self.deleted.emit(record_id)
        self.trashed.emit(item.id, self.editor.kind, item.title)

    def name_value(self, field: str, value: Any) -> str | None:
        """A stored value as this form shows it: a choice by its label, a country or a linked
        record by its name."""
        widget = self.inputs.get(field)
        if isinstance(widget, ChoiceInput):
            index = widget.findData(value)
            return widget.itemText(index) if index >= 0 else None
        if isinstance(widget, SearchPicker):
            return widget.label_of(value) or None
        return None

    def _value_restored(self, change_set: str) -> None:
        self.load(self.record_id)
        self.saved.emit(self.record_id)
        self.saved_change.emit(change_set, self.heading.text(), self.version)

    # -- changes made elsewhere --------------------------------------------------------------

    def check_elsewhere(self) -> None:
        """Another desktop may have changed or deleted the record shown. Without unsaved
        changes the form shows it as it is now (or lets it go); with them, a notice says who
        changed it and when, and offers the differences. Nothing typed is ever replaced."""
        if self.record_id is None or self.conflict_panel.isVisible():
            return
        model = self.editor.model
        stored = (
            model.select(model.version, model.updated_by, model.updated_at)
            .where(model.id == self.record_id)
            .first()
        )
        if stored is not None and stored.version == self.version:
            self.notice.hide()
            return
        if not self.is_dirty():
            if stored is None:
                record_id = self.record_id
                self.load(None)
                self.gone.emit(record_id)
            else:
                self.load(self.record_id, keep_place=True)
            return
        if stored is None:
            deletion = history.last_deletion(self.editor.kind, self.record_id)
            who = deletion.user if deletion is not None else self.tr("someone else")
            when = deletion.at.strftime("%d.%m.%Y %H:%M") if deletion is not None else ""
            text = self.tr("Deleted by {user} at {time}. Your changes are not saved yet.").format(
                user=who, time=when
            )
            self.notice_button.setText(self.tr("What now?"))
        else:
            text = self.tr("Changed by {user} at {time}. Your changes are not saved yet.").format(
                user=stored.updated_by, time=stored.updated_at.strftime("%d.%m.%Y %H:%M")
            )
            self.notice_button.setText(self.tr("Show the differences"))
        self.notice_text.setText(text)
        self.notice.show()

    def show_differences(self) -> None:
        """What the other desktop changed and what the user changed, before any save."""
        if self.record_id is None:
            return
        self.show_conflict(self.editor.conflict(self.record_id, self.values(), self._opened))

    def show_conflict(self, conflict: Conflict) -> None:
        self.notice.hide()
        self.conflict_panel.show_conflict(conflict, self._field_labels(), self._value_text)

    def _field_labels(self) -> dict[str, str]:
        """The fields as the form names them; a table by its tab."""
        labels = dict(self.labels)
        for name, widget in self.inputs.items():
            if labels.get(name) != name:
                continue
            for index in range(self.tabs.count()):
                if self.tabs.widget(index).isAncestorOf(widget):
                    labels[name] = re.sub(r" \(\d+\)$", "", self.tabs.tabText(index))
        return labels

    def _value_text(self, field: str, value: Any) -> str:
        """A value as the form shows it, in one text."""
        if value is None or value == "" or value == []:
            return self.tr("(empty)")
        widget = self.inputs.get(field)
        if isinstance(value, list) and hasattr(widget, "row_texts") and isinstance(value[0], dict):
            return "\n".join(widget.row_texts(value))
        named = self.name_value(field, value)
        if named:
            return named
        if isinstance(value, list):
            return ", ".join(str(item) for item in value)
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if isinstance(value, dt.datetime):
            return value.strftime("%d.%m.%Y %H:%M")
        if isinstance(value, dt.date):
            return value.strftime("%d.%m.%Y")
        if isinstance(value, dt.time):
            return value.strftime("%H:%M")
        return str(value)

    def _save_chosen(self) -> None:
        """Save over the version stored now: the form takes their changes and the user's,
        with the choices made where both changed a field, and is saved as it then shows."""
        conflict = self.conflict_panel.conflict
        if conflict is None or conflict.theirs is None:
            return
        conflict.mine = self.editor.clean_values(self.values())
        values = merged(conflict, self.conflict_panel.choices())
        self.conflict_panel.close_panel()
        self.version, self._opened = conflict.version, conflict.theirs
        for name, widget in self.inputs.items():
            widget.set_value(values.get(name))
        self._set_dirty(self.is_dirty())
        self.save()

    def _reload_theirs(self) -> None:
        self.load(self.record_id, keep_place=True)

    def _save_as_new(self) -> None:
        """The record was deleted elsewhere: what the form holds becomes a new record."""
        self.conflict_panel.close_panel()
        gone = self.record_id
        self.record_id, self.version, self._opened = None, None, None
        if not self.save():
            self.record_id = gone
            return
        if gone is not None:
            self.gone.emit(gone)

    def _drop_deleted(self) -> None:
        record_id = self.record_id
        self.load(None)
        if record_id is not None:
            self.gone.emit(record_id)

    def _back_to_editing(self) -> None:
        self.conflict_panel.close_panel()
        self.check_elsewhere()
