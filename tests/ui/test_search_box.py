"""Search everywhere in the window: Ctrl+K from anywhere, typing in any language, choosing with
the arrows and opening with Enter."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from models.kinds.events import EVENTS
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from ui.search_box import install_search

from .helpers import key_clicks


def records():
    istc = ORGANIZATIONS.save(
        {
            "name": "International Science and Technology Center",
            "short_name": "ISTC",
            "name_ru": "Международный научно-технический центр",
            "country": "KZ",
            "city": "Astana",
        }
    )
    karina = PEOPLE.save(
        {
            "full_name": "Karina Angelieva",
            "other_names": "Карина Ангелиева",
            "position": "Executive Director",
            "organization": istc.id,
        }
    )
    forum = EVENTS.save(
        {
            "title": "Forum “Kazakhstan – Territory of Academic Knowledge”",
            "starts_on": dt.date(2025, 4, 3),
        }
    )
    return istc, karina, forum


def open_box(qtbot, window):
    box = install_search(window)
    target = window.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(box.isVisible)
    assert box.edit.hasFocus()
    return box


def type_search(qtbot, box, text):
    key_clicks(qtbot, box.edit, text)
    qtbot.waitUntil(lambda: not box._timer.isActive())


def test_ctrl_k_a_russian_name_and_enter_open_the_person(window, qtbot):
    _istc, karina, _forum = records()
    box = open_box(qtbot, window)
    type_search(qtbot, box, "Ангелиева")
    assert box.shown_titles() == ["Karina Angelieva"]
    assert box.results.item(0).data(Qt.ItemDataRole.UserRole + 1) == (
        "Person · Executive Director, International Science and Technology Center"
    )
    qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    assert not box.isVisible()
    page = window.pages["person"]
    assert window.stack.currentWidget() is page
    assert page.form.record_id == karina.id


def test_arrows_choose_and_enter_opens_the_chosen(window, qtbot):
    istc, _karina, forum = records()
    window.open_record("organization", istc.id)
    window.pages["organization"].form.inputs["city"].setFocus()  # Ctrl+K works from a field
    box = open_box(qtbot, window)
    type_search(qtbot, box, "kazakhstan")
    assert (
        box.shown_titles()[0] == "Forum “Kazakhstan – Territory of Academic Knowledge” (03.04.2025)"
    )
    assert "International Science and Technology Center (ISTC)" in box.shown_titles()
    qtbot.keyClick(box.edit, Qt.Key.Key_Down)
    assert box.results.currentRow() == 1
    qtbot.keyClick(box.edit, Qt.Key.Key_Up)
    qtbot.keyClick(box.edit, Qt.Key.Key_Enter)
    assert window.pages["event"].form.record_id == forum.id
    assert window.stack.currentWidget() is window.pages["event"]


def test_an_acronym_typed_and_entered_at_once_opens_the_record(window, qtbot):
    istc, _karina, _forum = records()
    box = open_box(qtbot, window)
    qtbot.keyClicks(box.edit, "istc")
    qtbot.keyClick(box.edit, Qt.Key.Key_Return)  # before the box had time to search
    assert window.pages["organization"].form.record_id == istc.id


def test_clicking_a_result_opens_it(window, qtbot):
    istc, _karina, _forum = records()
    box = open_box(qtbot, window)
    type_search(qtbot, box, "Международный")
    rect = box.results.visualItemRect(box.results.item(0))
    qtbot.mouseClick(box.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.pages["organization"].form.record_id == istc.id


def test_escape_closes_and_nothing_found_is_said(window, qtbot):
    records()
    box = open_box(qtbot, window)
    assert "Type a name" in box.note.text()
    type_search(qtbot, box, "Xyzzy")
    assert box.shown_titles() == []
    assert not box.results.isVisible()
    assert "Nothing is called “Xyzzy”" in box.note.text()
    qtbot.keyClick(box.edit, Qt.Key.Key_Escape)
    assert not box.isVisible()


def test_the_toolbar_and_the_go_menu_offer_it(window, qtbot):
    box = install_search(window)
    assert box.action in window.toolbar.actions()
    assert box.action in window.go_menu.actions()
    assert box.action.shortcut().toString() == "Ctrl+K"
    box.action.trigger()
    qtbot.waitUntil(box.isVisible)
