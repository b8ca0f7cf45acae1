"""The window as a user first sees it: its size, the lists' columns beside the form, a
status bar that stays put."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from ui.pages import PAGES

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
