"""The window as a user first sees it: its size, the lists' columns beside the form, a
status bar that stays put."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QToolButton

from ui.pages import PAGES

from .helpers import type_into
from .test_undo_and_trash import go_to


def choose_in_menu(qtbot, button, text: str) -> None:
    """Click a button that opens a menu, then the entry ``text`` in it."""
    chosen = []

    def click() -> None:
        menu = QApplication.activePopupWidget()
        action = next(a for a in menu.actions() if a.text() == text)
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
        chosen.append(action)

    QTimer.singleShot(100, click)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(chosen))


@pytest.mark.parametrize("kind", [spec.kind for spec in PAGES])
def test_at_1440_pixels_every_column_shown_fits_beside_the_form(window, qtbot, kind):
    window.resize(1440, 900)
    go_to(qtbot, window, kind)
    page = window.pages[kind]
    header = page.table.horizontalHeader()
    room = page.table.viewport().width()

    def fits() -> bool:
        shown = [s for s in range(header.count()) if not header.isSectionHidden(s)]
        return all(header.sectionViewportPosition(s) + header.sectionSize(s) <= room for s in shown)

    qtbot.waitUntil(fits)
    assert not page.table.horizontalScrollBar().isVisible()
    keys = [column.key for column in page.spec.record_list.columns]
    shown = [keys[s] for s in range(header.count()) if not header.isSectionHidden(s)]
    assert shown[0] == keys[0]
    if kind == "organization":
        assert shown == ["name", "short_name", "kind", "country", "city"]


def test_the_user_s_columns_are_kept_when_the_window_changes_size(window, qtbot):
    window.resize(1440, 900)
    go_to(qtbot, window, "organization")
    page = window.pages["organization"]
    header = page.table.horizontalHeader()
    website = [column.key for column in page.spec.record_list.columns].index("website")
    assert header.isSectionHidden(website)
    choose_in_menu(qtbot, page.columns_button, "Website")
    assert not header.isSectionHidden(website)
    window.resize(1000, 700)
    qtbot.wait(50)
    assert not header.isSectionHidden(website)


def test_the_first_time_the_window_uses_most_of_the_screen(qtbot, settings, answers):
    from ui.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()
    size = window.size()
    assert size.height() <= room.height()
    assert size.height() >= 0.85 * room.height()
    assert size.width() <= max(room.width(), window.minimumWidth())
    assert size.width() >= min(0.85 * room.width(), window.minimumWidth())


def test_the_status_bar_is_always_there_so_nothing_moves(window, qtbot):
    go_to(qtbot, window, "organization")
    page = window.pages["organization"]
    bar = window.statusBar()
    assert bar.isVisible()
    before = window.centralWidget().geometry()
    type_into(qtbot, page.form.inputs["name"], "Coursera")
    qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)
    assert bar.currentMessage() == "Saved."
    assert window.centralWidget().geometry() == before
    bar.clearMessage()
    assert bar.isVisible()
    assert window.centralWidget().geometry() == before


def test_a_search_is_cleared_one_way_by_the_clear_button(window, qtbot):
    go_to(qtbot, window, "organization")
    page = window.pages["organization"]
    assert not page.clear_button.isEnabled()
    page.search.setFocus()
    qtbot.keyClicks(page.search, "csic")
    buttons = [b for b in page.search.findChildren(QToolButton) if b.isVisible()]
    assert buttons == []  # no second clear button inside the box
    assert page.clear_button.isEnabled()
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert page.search.text() == ""
    assert not page.clear_button.isEnabled()
