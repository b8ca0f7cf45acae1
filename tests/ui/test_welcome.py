"""The very first start offers sample records or an empty database, once; File ▸ New database
with sample records… makes another one later."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from models.sample import sample_database_path
from models.store.appdirs import default_database_path
from models.store.database import close_database
from models.store.records import Organization
from tests.ui.helpers import shown
from ui import app as app_module
from ui import dialogs
from ui.settings import FIRST_START_CHOICE, LAST_DATABASE
from ui.welcome_dialog import WelcomeDialog


@pytest.fixture
def start(qtbot, settings, answers, monkeypatch):
    """Start Seriktes as ``seriktes`` does, answering the welcome with ``choice`` (or failing
    the test if it asks when it should not)."""
    windows = []

    def start(choice: str | None = None, database: str | None = None, expect_question=True):
        asked = []

        def ask_first_start(_parent):
            if not expect_question:
                raise AssertionError("the welcome was shown again")
            asked.append(True)
            return choice

        monkeypatch.setattr(dialogs, "ask_first_start", ask_first_start)
        window = app_module.build_window(database, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        assert bool(asked) == expect_question
        return window

    yield start
    for window in windows:
        window.close()
    close_database()


def organization_names(qtbot, window) -> list[str]:
    page = window.pages["organization"]
    window.show_page("organization")
    qtbot.waitUntil(lambda: page.model.rowCount() == Organization.select().count())
    return shown(page)


def test_first_start_explores_the_sample_records(start, qtbot, settings):
    window = start("sample")
    path = sample_database_path()
    assert path.exists()
    assert window.database_target == str(path)
    assert window.windowTitle() == "seriktes-sample.db — Seriktes"
    names = organization_names(qtbot, window)
    assert len(names) == 15
    assert "International Science and Technology Center" in names
    assert "Spanish National Research Council" in names
    assert not default_database_path().exists()
    assert settings.get(FIRST_START_CHOICE) == "sample"
    assert settings.get(LAST_DATABASE) == str(path)


def test_first_start_with_an_empty_database(start, qtbot, settings):
    window = start("empty")
    path = default_database_path()
    assert path.exists()
    assert window.database_target == str(path)
    assert organization_names(qtbot, window) == []
    assert not sample_database_path().exists()
    assert settings.get(FIRST_START_CHOICE) == "empty"


def test_the_second_start_does_not_ask_again(start, qtbot):
    first = start("sample")
    first.close()
    close_database()
    second = start(expect_question=False)
    assert second.database_target == str(sample_database_path())
    # The sample records are there once, not added a second time.
    assert len(organization_names(qtbot, second)) == 15


def test_closing_the_welcome_opens_nothing_and_asks_next_time(start, settings):
    window = start(None)
    assert window.database_target is None
    assert window.stack.currentWidget() is window.no_database
    assert not default_database_path().exists()
    assert not sample_database_path().exists()
    assert settings.get(FIRST_START_CHOICE) == ""
    window.close()
    start("empty")
    assert default_database_path().exists()


def test_no_welcome_when_a_database_is_asked_for_or_already_exists(start, tmp_path):
    requested = tmp_path / "department.db"
    window = start(database=str(requested), expect_question=False)
    assert window.database_target == str(requested)
    window.close()
    close_database()


def test_no_welcome_for_someone_who_already_has_the_default_database(start, qtbot):
    default_database_path().parent.mkdir(parents=True)
    default_database_path().touch()
    window = start(expect_question=False)
    assert window.database_target == str(default_database_path())


def test_file_menu_makes_a_new_database_with_sample_records(
    start, qtbot, tmp_path, monkeypatch, answers, settings
):
    window = start("empty")
    texts = [a.text() for a in window.file_menu.actions()]
    assert texts.index("New database with &sample records…") == texts.index("&Quit") - 2
    assert window.file_menu.actions()[texts.index("&Quit") - 1].isSeparator()

    target = tmp_path / "training"
    monkeypatch.setattr(dialogs, "choose_new_sample_database", lambda *_: str(target))
    window.new_sample_database_action.trigger()
    path = tmp_path / "training.db"
    assert window.database_target == str(path)
    assert len(organization_names(qtbot, window)) == 15
    assert settings.get(LAST_DATABASE) == str(path)

    # An existing file is never overwritten, nor filled.
    monkeypatch.setattr(dialogs, "choose_new_sample_database", lambda *_: str(path))
    window.new_sample_database_action.trigger()
    assert "already exists" in answers.errors[-1]
    assert len(organization_names(qtbot, window)) == 15


def test_the_welcome_tells_which_way_was_chosen(qtbot):
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.sample_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.choice == "sample"

    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert dialog.choice == "empty"
