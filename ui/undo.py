"""Edit ▸ Undo and Redo in the window: the actions, named for the step they take, over the
steps of ``models.undo``. A step that cannot be taken is explained in a message and leaves
the list; the window reads its records again after every step."""

from __future__ import annotations

from collections.abc import Callable

from peewee import DatabaseError
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from models import trash
from models.merging import Merged, Unmerged
from models.store.database import explain_write_failure
from models.store.records import TrashItem
from models.undo import (
    BULK_EDIT,
    CREATION,
    DELETE,
    EDIT,
    IMPORT,
    MERGE,
    RESTORE,
    Step,
    StepRefused,
    UndoHistory,
)
from ui import dialogs
from ui.busy import busy_pointer

CONTEXT = "undo"

# How the actions name a step, as whole sentences: the words around a title differ between
# languages.
UNDO_TEXTS = {
    EDIT: QT_TRANSLATE_NOOP("undo", "&Undo edit of {title}"),
    CREATION: QT_TRANSLATE_NOOP("undo", "&Undo creation of {title}"),
    DELETE: QT_TRANSLATE_NOOP("undo", "&Undo delete of {title}"),
    RESTORE: QT_TRANSLATE_NOOP("undo", "&Undo restore of {title}"),
    IMPORT: QT_TRANSLATE_NOOP("undo", "&Undo import of {title}"),
    BULK_EDIT: QT_TRANSLATE_NOOP("undo", "&Undo change of {title}"),
}
REDO_TEXTS = {
    EDIT: QT_TRANSLATE_NOOP("undo", "&Redo edit of {title}"),
    CREATION: QT_TRANSLATE_NOOP("undo", "&Redo creation of {title}"),
    DELETE: QT_TRANSLATE_NOOP("undo", "&Redo delete of {title}"),
    RESTORE: QT_TRANSLATE_NOOP("undo", "&Redo restore of {title}"),
    IMPORT: QT_TRANSLATE_NOOP("undo", "&Redo import of {title}"),
    BULK_EDIT: QT_TRANSLATE_NOOP("undo", "&Redo change of {title}"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def step_text(texts: dict[str, str], step: Step) -> str:
    return tr(texts[step.action]).format(title=step.title)


def merge_text(undoing: bool, step: Step) -> str:
    """How the actions name a merge: after the record the others were merged into."""
    text = tr("&Undo merge into {title}") if undoing else tr("&Redo merge into {title}")
    return text.format(title=step.title)


class UndoActions(QObject):
    """The window's Undo and Redo: what was done is told to ``saved``, ``deleted``,
    ``restored`` and ``imported``; ``refresh`` reads the window's records again, and
    ``may_go_on`` asks about unsaved changes before a step replaces what a form shows."""

    changed = Signal()

    def __init__(
        self,
        parent: QWidget,
        refresh: Callable[[], None],
        may_go_on: Callable[[], bool],
        history: UndoHistory | None = None,
    ) -> None:
        """``history``: the steps taken so far, when the actions are made again (in another
        language)."""
        super().__init__(parent)
        self.window = parent
        self.history = history if history is not None else UndoHistory()
        self._refresh = refresh
        self._may_go_on = may_go_on
        self.undo_action = QAction(tr("&Undo"), parent)
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(tr("&Redo"), parent)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(self.redo)
        self._update()

    # -- what was done -----------------------------------------------------------------------

    def saved(self, change_set: str, title: str, version: int | None = None) -> None:
        self.history.saved(change_set, title, version)
        self._update()

    def deleted(self, item_id: int, kind: str, title: str) -> None:
        item = TrashItem.get_by_id(item_id)
        self.history.deleted(kind, item.record_id, item.batch, title)
        self._update()

    def restored(self, restored: trash.Restored) -> None:
        self.history.restored(restored)
        self._update()

    def imported(self, kind: str, record_ids: list[int], name: str) -> None:
        self.history.imported(kind, record_ids, name)
        self._update()

    def deleted_many(self, kind: str, titles: dict, batch: str, title: str) -> None:
        self.history.deleted_many(kind, titles, batch, title)
        self._update()

    def bulk_edited(self, kind: str, titles: dict, change_set: str, title: str) -> None:
        self.history.bulk_edited(kind, titles, change_set, title)
        self._update()

    def merged(self, merged: Merged) -> None:
        self.history.merged(merged)
        self._update()

    def unmerged(self, unmerged: Unmerged) -> None:
        self.history.unmerged(unmerged)
        self._update()

    def clear(self) -> None:
        self.history.clear()
        self._update()

    # -- undo and redo -----------------------------------------------------------------------

    def undo(self) -> None:
        step = self.history.next_undo()
        if step is not None:
            self._take(step, self.history.undo, tr("Cannot undo"))

    def redo(self) -> None:
        step = self.history.next_redo()
        if step is not None:
            self._take(step, self.history.redo, tr("Cannot redo"))

    def _take(self, step: Step, take: Callable[[], Step], title: str) -> None:
        # Unsaved changes are saved or dropped first: reading the records again after the
        # step would lose them. A save made then is a step of its own, now the last one, so
        # the step asked for is not taken.
        pushed = self.history.pushed
        if not self._may_go_on() or self.history.pushed != pushed:
            self._update()
            return
        try:
            with busy_pointer():
                take()
        except StepRefused as refused:
            self._done()
            dialogs.show_error(
                self.window,
                title,
                tr("{reason}\n\nThe step is taken off the list of steps to undo and redo.").format(
                    reason=refused
                ),
            )
            return
        except DatabaseError as error:  # rolled back: the step stays where it was
            self._done()
            dialogs.show_error(self.window, title, explain_write_failure(error))
            return
        self._done()

    def _done(self) -> None:
        self._refresh()
        self._update()

    def _update(self) -> None:
        undo, redo = self.history.next_undo(), self.history.next_redo()
        self.undo_action.setEnabled(undo is not None)
        self.undo_action.setText(self._text(UNDO_TEXTS, undo) if undo else tr("&Undo"))
        self.redo_action.setEnabled(redo is not None)
        self.redo_action.setText(self._text(REDO_TEXTS, redo) if redo else tr("&Redo"))
        self.changed.emit()

    @staticmethod
    def _text(texts: dict[str, str], step: Step) -> str:
        if step.action == MERGE:
            return merge_text(texts is UNDO_TEXTS, step)
        return step_text(texts, step)
