"""Slow work (an import, an export) run off the window's thread, with a progress dialog that
can cancel it. The window stays responsive meanwhile."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from models.store.database import thread_connection

Progress = Callable[[int, int], bool]  # (done, total) → False when the user cancelled


class Task(QThread):
    progressed = Signal(int, int)

    def __init__(self, work: Callable[[Progress], Any], parent=None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancelled = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        # peewee keeps one connection per thread: the work runs on this thread's own, so
        # SQLite never shares a connection across threads.
        try:
            with thread_connection():
                self.result = self._work(self._progress)
        except BaseException as error:  # handed to the window's thread, which reports it
            self.error = error

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._cancelled.is_set()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def stopping(self) -> bool:
        """Whether the user asked to cancel; the work stops at its next progress report."""
        return self._cancelled.is_set()


def run_task(parent: QWidget | None, title: str, text: str, work: Callable[[Progress], Any]) -> Any:
    """Run ``work(progress)`` in a thread while a progress dialog shows how far it got;
    returns its result or raises what it raised (a cancel is the work's own error)."""
    dialog = QProgressDialog(text, QProgressDialog.tr("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoReset(False)
    task = Task(work)

    def show(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    task.progressed.connect(show)
    dialog.canceled.connect(task.cancel)
    loop = QEventLoop()
    task.finished.connect(loop.quit)
    task.start()
    loop.exec()
    task.wait()
    dialog.close()
    dialog.deleteLater()
    if task.error is not None:
        raise task.error
    return task.result
