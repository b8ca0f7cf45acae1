"""The window in Kazakh and Russian: Qt's tr() answered from Seriktes's catalogs, Qt's own
buttons from the catalogs Qt ships, the language switched while the app runs, and the choice
kept where the commands read it without Qt."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QWidget

import main
from models.store.database import close_database
from models.store.preferences import preferences_path
from models.words.choices import ORGANIZATION_KINDS
from models.words.translation import language, resolve_language
from ui import app as app_module
from ui.main_window import MainWindow
from ui.settings import LANGUAGE
from ui.translator import install_language
from ui.welcome_dialog import WelcomeDialog


@pytest.fixture
def speak(qapp):
    """Install a language for one test; English and the test run's locale come back after."""
    locale = QLocale()
    yield lambda code: install_language(qapp, code)
    install_language(qapp, "en")
    QLocale.setDefault(locale)


class Listener(QWidget):
    """A widget that counts the LanguageChange events Qt sends it."""

    def __init__(self) -> None:
        super().__init__()
        self.changes = 0

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.changes += 1
        super().changeEvent(event)

    def save_text(self) -> str:
        return self.tr("Save")


def cancel_text(parent: QWidget) -> str:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, parent)
    return buttons.button(QDialogButtonBox.StandardButton.Cancel).text()


@pytest.mark.parametrize(
    ("code", "title", "sample", "cancel"),
    [
        ("kk", "Seriktes-ке қош келдіңіз", "Үлгі жазбалармен танысу", "Бас тарту"),
        ("ru", "Добро пожаловать в Seriktes", "Посмотреть на примерах записей", "Отмена"),
        ("en", "Welcome to Seriktes", "Explore with sample records", "Cancel"),
    ],
)
def test_the_welcome_speaks_the_language_with_qts_own_buttons(
    qtbot, speak, code, title, sample, cancel
):
    speak(code)
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == title
    assert dialog.sample_button.text() == sample
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == cancel


def test_tr_and_translate_answer_in_kazakh_from_the_one_catalog(qtbot, speak):
    speak("kk")
    widget = Listener()
    qtbot.addWidget(widget)
    assert widget.save_text() == "Сақтау"
    assert QCoreApplication.translate("MainWindow", "&File") == "&Файл"
    # A context the code gives picks between two translations of one English word.
    assert QCoreApplication.translate("organization status", "Active") == "Белсенді"
    assert QCoreApplication.translate("program status", "Active") == "Жүзеге асырылуда"
    # The core, on the same catalog, in the same language.
    assert language() == "kk"
    assert ORGANIZATION_KINDS.label("government") == "Мемлекеттік орган"
    # What no catalog holds is shown as written.
    assert widget.tr("Not a message of Seriktes") == "Not a message of Seriktes"


def test_qts_own_words_stay_qts(qtbot, speak):
    speak("kk")
    # Seriktes's "Home" is its home page (Басты бет); to Qt it is a key on the keyboard.
    assert QCoreApplication.translate("Dashboard", "Home") == "Басты бет"
    assert QCoreApplication.translate("QShortcut", "Home") != "Басты бет"
    assert "Басты бет" not in QKeySequence("Home").toString(QKeySequence.SequenceFormat.NativeText)


def test_the_language_changes_while_the_app_runs(qtbot, speak):
    widget = Listener()
    qtbot.addWidget(widget)
    speak("kk")
    qtbot.waitUntil(lambda: widget.changes > 0)
    seen = widget.changes
    speak("ru")
    qtbot.waitUntil(lambda: widget.changes > seen)
    assert widget.save_text() == "Сохранить"
    assert cancel_text(widget) == "Отмена"
    assert QLocale().language() == QLocale.Language.Russian
    speak("en")
    assert widget.save_text() == "Save"
    assert cancel_text(widget) == "Cancel"
    assert ORGANIZATION_KINDS.label("government") == "Government body"


def test_seriktes_language_kk_opens_the_window_in_kazakh(qtbot, db_path, speak, monkeypatch):
    seen = {}

    def look(app) -> int:
        window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
        qtbot.addWidget(window)
        seen["menus"] = [action.text() for action in window.menuBar().actions()]
        seen["cancel"] = cancel_text(window)
        window.close()
        return 0

    monkeypatch.setattr(app_module, "exec_application", look)
    assert main.main(["--language", "kk", "--database", str(db_path)]) == 0
    close_database()
    assert seen["menus"][:2] == ["&Файл", "Т&үзету"]
    assert seen["cancel"] == "Бас тарту"


def test_the_language_chosen_in_the_window_is_what_the_commands_read(
    settings, tmp_path, monkeypatch
):
    monkeypatch.setenv("LANGUAGE", "ru")
    assert settings.get(LANGUAGE) == ""
    settings.set(LANGUAGE, "kk")
    settings.sync()
    assert settings.get(LANGUAGE) == "kk"
    # Read back without Qt, as a command does, from the preferences file, not the window's
    # own settings.
    assert resolve_language() == "kk"
    assert preferences_path().exists()
    window_settings = tmp_path / "settings.ini"
    assert not window_settings.exists() or "language" not in window_settings.read_text()
