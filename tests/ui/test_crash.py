"""An unexpected error is logged and reported, and the app keeps running."""

from __future__ import annotations

import logging
import sys

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from models.store.appdirs import setup_logging
from ui import crash


def test_an_unexpected_error_is_logged_and_shown_with_a_copyable_report(qtbot, monkeypatch):
    log_path = setup_logging()
    crash.install(str(log_path))
    shown = []
    monkeypatch.setattr(crash, "show_report", shown.append)
    try:
        raise ValueError("the cell held a date in an unknown form")
    except ValueError:
        sys.excepthook(*sys.exc_info())

    assert len(shown) == 1
    dialog = shown[0]
    qtbot.addWidget(dialog)
    report = dialog.report.toPlainText()
    assert "ValueError: the cell held a date in an unknown form" in report
    assert "Python" in report
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "the cell held a date in an unknown form" in log_path.read_text(encoding="utf-8")

    copy = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Copy report")
    copy.click()
    assert "ValueError" in QGuiApplication.clipboard().text()
