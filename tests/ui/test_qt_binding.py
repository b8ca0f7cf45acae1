"""The Qt binding the app runs on keeps Python's reference counts straight: one release lost
a reference to True on every signal emitted from Python, so the app aborted after enough
clicks. This fails on such a release before a user meets it."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class Sender(QObject):
    changed = Signal(int)


def test_emitting_signals_keeps_reference_counts(qapp):
    sender = Sender()
    sender.changed.connect(lambda _value: None)
    before = sys.getrefcount(True)
    for number in range(1000):
        sender.changed.emit(number)
    assert sys.getrefcount(True) >= before - 10
