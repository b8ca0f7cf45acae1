"""Where a file dialog starts: never the folder the program happened to be started in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def documents_folder() -> str:
    """The user's Documents folder where there is one, else their home folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return documents
    return str(Path.home())


def start_folder(last: str | None) -> str:
    """The folder a dialog opens in: the last one used there if it still exists, else the
    Documents folder."""
    if last and Path(last).is_dir():
        return last
    return documents_folder()
