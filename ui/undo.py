"""Undo and Redo for what was done in this session: saved changes, deletes and imports. Each
command calls the domain (``models.history``, ``models.trash``) and the window reads again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from models import history, trash
from ui.busy import busy_pointer


def tr(text: str) -> str:
    return QCoreApplication.translate("undo", text)


class DoneCommand(QUndoCommand):
    """A command for something already done when it is pushed: the first redo, which Qt
    makes on push, does nothing."""

    def __init__(self, text: str, refresh: Callable[[], None]) -> None:
        super().__init__(text)
        self._done = True
        self._refresh = refresh

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        with busy_pointer():
            self.do()
        self._refresh()

    def undo(self) -> None:
        with busy_pointer():
            self.undo_it()
        self._refresh()

    def do(self) -> None:
        raise NotImplementedError

    def undo_it(self) -> None:
        raise NotImplementedError


class SaveCommand(DoneCommand):
    def __init__(self, change_set: str, title: str, refresh: Callable[[], None]) -> None:
        super().__init__(tr("edit of {title}").format(title=title), refresh)
        self.change_set = change_set

    def undo_it(self) -> None:
        history.revert(self.change_set)

    def do(self) -> None:
        history.reapply(self.change_set)


class DeleteCommand(DoneCommand):
    def __init__(self, item_id: int, kind: str, title: str, refresh: Callable[[], None]) -> None:
        super().__init__(tr("delete of {title}").format(title=title), refresh)
        self.item_id = item_id
        self.kind = kind
        self.record_id: int | None = None

    def undo_it(self) -> None:
        self.kind, self.record_id = trash.restore(self.item_id)

    def do(self) -> None:
        self.item_id = trash.move_to_trash(self.kind, self.record_id).id


class ImportCommand(DoneCommand):
    def __init__(
        self, kind: str, record_ids: list[int], name: str, refresh: Callable[[], None]
    ) -> None:
        super().__init__(tr("import of {name}").format(name=name), refresh)
        self.kind = kind
        self.record_ids = record_ids
        self.batch = ""

    def undo_it(self) -> None:
        self.batch = trash.move_many_to_trash(self.kind, self.record_ids)

    def do(self) -> None:
        self.record_ids = [record_id for _kind, record_id in trash.restore_batch(self.batch)]
