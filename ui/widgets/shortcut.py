"""A keyboard shortcut that keeps the context it is given."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
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
