"""Small steps a user takes, shared by the window tests."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from ui.record_page import RecordPage
from ui.widgets.search_picker import SearchPicker


def key_clicks(qtbot, widget, text: str) -> None:
    """Type text as key presses. QTest only types ASCII, so other letters (Cyrillic, Kazakh,
    accented) are sent as the key events a keyboard layout would produce."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, character)
            )


def type_into(qtbot, widget, text: str) -> None:
    """Replace what a field holds by typing, as a user does."""
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    key_clicks(qtbot, widget, text)


def choose(qtbot, picker: SearchPicker, typed: str, row: int = 0) -> None:
    """Type into a picker, wait for its list of matches and pick one, as a user does."""
    type_into(qtbot, picker, typed)
    popup = picker._completer.popup()
    qtbot.waitUntil(popup.isVisible)
    index = popup.model().index(row, 0)
    popup.scrollTo(index)
    qtbot.mouseClick(
        popup.viewport(), Qt.MouseButton.LeftButton, pos=popup.visualRect(index).center()
    )
    qtbot.waitUntil(lambda: not popup.isVisible())


def search(qtbot, page: RecordPage, text: str) -> list[str]:
    """Type in the list's search box and return the first column of the rows shown."""
    type_into(qtbot, page.search, text)
    qtbot.waitUntil(lambda: page.model.request.search == text)
    return shown(page)


def shown(page: RecordPage, column: int = 0) -> list[str]:
    model = page.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def click_row(qtbot, page: RecordPage, row: int) -> None:
    table = page.table
    rect = table.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_header(qtbot, page: RecordPage, column: int) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=header.viewport().rect().center().__class__(x, header.height() // 2),
    )


def keyboard_target():
    """The widget a key press goes to: an open popup's (a list of matches, a calendar), or
    else the widget with the focus, as the keyboard's events are routed."""
    popup = QApplication.activePopupWidget()
    if popup is not None:
        return popup.focusWidget() or popup
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key wherever the keyboard is."""
    qtbot.keyClick(keyboard_target(), key, modifier)


def typed(qtbot, text: str) -> None:
    """Type text wherever the keyboard is."""
    key_clicks(qtbot, keyboard_target(), text)


def click_tab(qtbot, form, index: int) -> None:
    """Click the name of a form's tab."""
    button = form.tabs.tab_button(index)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())


def show_field(qtbot, form, widget) -> None:
    """Bring a form's field into sight as a user does: click the tab that holds it, and
    scroll to it."""
    for index in range(form.tabs.count()):
        if form.tabs.widget(index).isAncestorOf(widget):
            if form.tabs.currentIndex() != index:
                click_tab(qtbot, form, index)
            break
    form._scroll.ensureWidgetVisible(widget)
