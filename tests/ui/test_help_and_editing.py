"""Help ▸ User guide, Keyboard shortcuts and the log folder; Edit ▸ Cut, Copy, Paste and
Select all on the field being typed in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication

from models.store.appdirs import log_dir
from ui import dialogs
from ui.help_menu import LogFolderDialog, ShortcutsDialog

from .helpers import type_into
from .test_undo_and_trash import go_to


def choose_from_menu_bar(qtbot, window, menu_title: str, item: str) -> None:
    """Click a menu in the menu bar, then an entry in it, as a user does."""
    bar = window.menuBar()
    top = next(a for a in bar.actions() if a.text().replace("&", "") == menu_title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(top).center())
    menu = top.menu()
    qtbot.waitUntil(menu.isVisible)
    action = next(a for a in menu.actions() if a.text().replace("&", "") == item)
    assert action.isEnabled(), item
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible())


def test_edit_menu_cuts_copies_pastes_and_selects_in_the_field_in_use(window, qtbot):
    go_to(qtbot, window, "organization")
    form = window.pages["organization"].form
    name, city = form.inputs["name"], form.inputs["city"]
    type_into(qtbot, name, "Spanish National Research Council")
    choose_from_menu_bar(qtbot, window, "Edit", "Select all")
    assert name.selectedText() == "Spanish National Research Council"
    choose_from_menu_bar(qtbot, window, "Edit", "Copy")
    assert QGuiApplication.clipboard().text() == "Spanish National Research Council"

    qtbot.mouseClick(city, Qt.MouseButton.LeftButton)
    choose_from_menu_bar(qtbot, window, "Edit", "Paste")
    assert city.text() == "Spanish National Research Council"
    assert QApplication.focusWidget() is city
    choose_from_menu_bar(qtbot, window, "Edit", "Select all")
    choose_from_menu_bar(qtbot, window, "Edit", "Cut")
    assert city.text() == ""
    assert form.is_dirty()


def test_edit_menu_offers_cut_and_paste_only_where_typing_is_possible(window, qtbot):
    go_to(qtbot, window, "organization")
    page = window.pages["organization"]
    page.table.setFocus()
    qtbot.waitUntil(lambda: not window.text_editing.copy_action.isEnabled())
    page.search.setFocus()
    qtbot.waitUntil(window.text_editing.paste_action.isEnabled)


def test_keyboard_shortcuts_lists_every_shortcut_the_window_has(window, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs, "run_dialog", lambda dialog: shown.append(dialog.rows()))
    # A shortcut added to a menu after the window was built is listed too.
    late = QAction("Check the database", window)
    late.setShortcut(QKeySequence("Ctrl+Alt+C"))
    window.file_menu.addAction(late)
    qtbot.keyClick(window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    [rows] = shown
    assert ("Edit", "Undo", "Ctrl+Z") in rows
    assert ("Edit", "Redo", "Ctrl+Shift+Z, Ctrl+Y") in rows
    assert ("Edit", "Paste", "Ctrl+V") in rows
    assert ("File", "Check the database", "Ctrl+Alt+C") in rows
    assert ("Help", "User guide", "F1") in rows
    assert ("Elsewhere", "Open the selected row in the form", "Return, Enter") in rows
    assert ("Elsewhere", "Drop the changes in the form, after asking", "Esc") in rows
    listed = {keys for _menu, _what, keys in rows}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
            assert any(text in keys.split(", ") for keys in listed), action.text()


def test_the_shortcuts_dialog_shows_each_menu_once(window, qtbot):
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    menus = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    named = [menu for menu in menus if menu]
    assert named[:2] == ["File", "Edit"]
    assert len(named) == len(set(named))


def test_the_user_guide_opens_with_f1_and_works_offline(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.help.guide
    qtbot.waitUntil(guide.isVisible)
    text = guide.browser.toPlainText()
    assert text.startswith("Seriktes user guide")
    for words in ("Undo, Redo and the Trash", "Countries", "Printing and PDF", "Ctrl+K"):
        assert words in text
    assert guide.browser.source().isLocalFile()


def test_the_log_folder_is_shown_with_a_button_that_copies_its_path(window, qtbot, monkeypatch):
    seen = []

    def run(dialog):
        assert isinstance(dialog, LogFolderDialog)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        seen.append((dialog.path.text(), dialog.message.text()))

    monkeypatch.setattr(dialogs, "run_dialog", run)
    choose_from_menu_bar(qtbot, window, "Help", "Open the log folder…")
    [(path, message)] = seen
    assert path == str(log_dir())
    assert QGuiApplication.clipboard().text() == str(log_dir())
    assert message == "The path is copied. Paste it where you need it."


def test_a_system_that_cannot_open_folders_is_told_what_to_do(qtbot, monkeypatch, tmp_path):
    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    dialog = LogFolderDialog(str(tmp_path))
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert "No program here opens folders" in dialog.message.text()
