"""Keyboard shortcuts that act only where they are meant to."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def shortcut(
    keys: QKeySequence | QKeySequence.StandardKey,
    parent: QWidget,
    slot: Callable[[], object],
    context: Qt.ShortcutContext,
) -> QShortcut:
    """``QShortcut(keys, parent, slot, context=…)`` drops the context in PySide6 and acts in
    the whole window; made in two steps, the shortcut acts only where it was meant to."""
    made = QShortcut(QKeySequence(keys), parent, context=context)
    made.activated.connect(slot)
    return made


def escape_closes(event: QEvent, popup: QWidget) -> bool:
    """Whether ``event`` is an Esc meant for an open popup (a list of matches, a calendar):
    claimed before any shortcut takes it (the form's Esc drops the changes), so the popup
    gets the key and closes."""
    if (
        event.type() == QEvent.Type.ShortcutOverride
        and event.key() == Qt.Key.Key_Escape
        and popup.isVisible()
    ):
        event.accept()
        return True
    return False
