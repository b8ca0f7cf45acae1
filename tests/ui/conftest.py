"""The window on a real database file, with every modal question answered by the test."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import QApplication

from models.store.database import close_database
from ui import dialogs
from ui.main_window import MainWindow
from ui.settings import AppSettings


@pytest.fixture
def settings(tmp_path):
    return AppSettings(str(tmp_path / "settings.ini"))


@dataclass
class Answers:
    """What the test answers to the window's questions, and what the window asked."""

    confirm: bool = True
    damaged: dialogs.Damaged = dialogs.Damaged.CLOSE
    unsaved: dialogs.Unsaved = dialogs.Unsaved.CANCEL
    asked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def answers(monkeypatch):
    given = Answers()

    def confirm(_parent, title, text, details="", action=""):
        given.asked.append(f"{title}|{text}|{details}")
        return given.confirm

    def ask_unsaved(_parent, what):
        given.asked.append(f"unsaved|{what}")
        return given.unsaved

    def ask_damaged(_parent, why, backup_made):
        given.asked.append(f"damaged|{why}|{backup_made}")
        return given.damaged

    def show_error(_parent, title, text):
        given.errors.append(f"{title}|{text}")

    def unexpected(*_args):
        raise AssertionError("a modal dialog opened that the test did not expect")

    monkeypatch.setattr(dialogs, "confirm", confirm)
    monkeypatch.setattr(dialogs, "ask_unsaved", ask_unsaved)
    monkeypatch.setattr(dialogs, "ask_damaged", ask_damaged)
    monkeypatch.setattr(dialogs, "show_error", show_error)
    monkeypatch.setattr(dialogs, "launch", unexpected)
    monkeypatch.setattr(dialogs, "run_dialog", unexpected)
    return given


@pytest.fixture
def window(qtbot, database_target, settings, answers):
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.open_database(database_target)
    yield window
    window.close()
    close_database()
