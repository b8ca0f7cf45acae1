"""The wait pointer, for the moments the window cannot answer."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


@contextmanager
def busy_pointer() -> Iterator[None]:
    """The wait pointer while the window works: opening an older database copies it aside and
    brings it up to date first, and undoing an import of 10,000 records moves them all to the
    trash, each taking seconds on a large database."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
