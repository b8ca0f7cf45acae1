"""Help ▸ About Seriktes: what support needs to know, shown and copied in one click."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QApplication, QLabel

from models.about import VERSION, database_text
from models.store.appdirs import data_dir, log_dir
from models.store.migrations import SCHEMA_VERSION
from models.words.translation import set_language
from ui import dialogs
from ui.about_dialog import AboutDialog
from ui.translator import install_language


def open_about(window, qtbot, monkeypatch) -> AboutDialog:
    shown: list[AboutDialog] = []

    def show(dialog):
        shown.append(dialog)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return 0

    monkeypatch.setattr(dialogs, "run_dialog", show)
    about = next(a for a in window.help_menu.actions() if a.text() == "&About Seriktes")
    about.trigger()
    assert len(shown) == 1
    return shown[0]


def test_the_about_dialog_shows_what_support_needs(window, qtbot, monkeypatch, database_target):
    dialog = open_about(window, qtbot, monkeypatch)
    shown = [label.text() for label in dialog.findChildren(QLabel)]
    assert f"Seriktes {VERSION}" in shown
    for label, value in (
        ("Version:", VERSION),
        ("Schema version:", str(SCHEMA_VERSION)),
        ("Database:", database_text(database_target)),
        ("Data folder:", str(data_dir())),
        ("Log folder:", str(log_dir())),
        ("Python:", platform.python_version()),
        ("Qt:", qVersion()),
    ):
        assert label in shown
        assert shown[shown.index(label) + 1] == value


def test_one_click_copies_it_all_for_a_support_request(window, qtbot, monkeypatch, database_target):
    QApplication.clipboard().setText("something else")
    dialog = open_about(window, qtbot, monkeypatch)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text().splitlines()
    assert copied[0] == f"Seriktes {VERSION}"
    assert f"Schema version: {SCHEMA_VERSION}" in copied
    assert f"Database: {database_text(database_target)}" in copied
    assert f"Data folder: {data_dir()}" in copied
    assert f"Log folder: {log_dir()}" in copied
    assert f"Python: {platform.python_version()}" in copied
    assert f"Qt: {qVersion()}" in copied
    assert f"PySide6: {pyside_version}" in copied
    assert dialog.copy_button.text() == "Copied"


def test_the_about_dialog_speaks_the_window_s_language(window, qtbot, monkeypatch):
    install_language(QApplication.instance(), "kk")
    try:
        dialog = AboutDialog(None, window)
        qtbot.addWidget(dialog)
        shown = [label.text() for label in dialog.findChildren(QLabel)]
        assert "Сұлба нұсқасы:" in shown
        assert shown[shown.index("Дерекқор:") + 1] == "жоқ"
        assert dialog.copy_button.text() == "Қолдау қызметіне жіберу үшін көшіру"
    finally:
        install_language(QApplication.instance(), "en")
        set_language("en")


def test_a_server_s_password_is_never_shown_nor_copied():
    assert database_text("postgresql://clerk:s3cret@db.example.kz:5432/seriktes") == (
        "postgresql://clerk@db.example.kz:5432/seriktes"
    )
    assert database_text("postgresql://db.example.kz/seriktes") == (
        "postgresql://db.example.kz/seriktes"
    )
