"""The record under the cursor: the form always shows a record of the list, or none. A search
that hides the record in the form puts the first record found in its place (after asking,
when it has unsaved changes); Down goes from the search box into the rows, Enter into the
form of the row chosen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.kinds.organizations import ORGANIZATIONS
from models.store.records import Organization
from ui import dialogs

from .helpers import click_row, key_clicks, press, shown, typed

CTRL = Qt.KeyboardModifier.ControlModifier


def partners(window):
    ORGANIZATIONS.save({"name": "International Science and Technology Center", "city": "Astana"})
    ORGANIZATIONS.save({"name": "Nazarbayev University", "city": "Astana"})
    ORGANIZATIONS.save({"name": "Spanish National Research Council", "city": "Madrid"})
    window.show_page("organization")
    page = window.pages["organization"]
    page.apply_request()
    return page


def show_istc(qtbot, page):
    row = shown(page).index("International Science and Technology Center")
    click_row(qtbot, page, row)
    assert page.form.heading.text() == "International Science and Technology Center"


def search_for(qtbot, page, text, until=None):
    page.search.setFocus()
    press(qtbot, Qt.Key.Key_A, CTRL)
    typed(qtbot, text)
    qtbot.waitUntil(until or (lambda: page.model.request.search == text))


def test_a_search_that_hides_the_record_shows_the_first_found_and_enter_opens_it(window, qtbot):
    page = partners(window)
    show_istc(qtbot, page)
    search_for(qtbot, page, "Madrid")
    assert shown(page) == ["Spanish National Research Council"]
    assert page.form.heading.text() == "Spanish National Research Council"
    press(qtbot, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is page.table
    assert page.table.currentIndex().row() == 0
    press(qtbot, Qt.Key.Key_Return)
    title = page.form.inputs["name"]
    assert QApplication.focusWidget() is title
    assert title.text() == "Spanish National Research Council"


def test_a_search_that_finds_nothing_leaves_no_record_in_the_form(window, qtbot):
    page = partners(window)
    show_istc(qtbot, page)
    search_for(qtbot, page, "Tokyo")
    assert shown(page) == []
    assert page.form.record_id is None
    assert page.form.inputs["name"].text() == ""


def test_a_search_that_keeps_the_record_keeps_it_in_the_form(window, qtbot):
    page = partners(window)
    show_istc(qtbot, page)
    search_for(qtbot, page, "Astana")
    assert page.form.heading.text() == "International Science and Technology Center"
    press(qtbot, Qt.Key.Key_Down)
    assert page.table.currentIndex().row() == shown(page).index(
        "International Science and Technology Center"
    )


def test_unsaved_changes_hidden_by_a_search_are_asked_about_and_kept(window, qtbot, answers):
    page = partners(window)
    show_istc(qtbot, page)
    city = page.form.inputs["city"]
    city.setFocus()
    press(qtbot, Qt.Key.Key_A, CTRL)
    key_clicks(qtbot, city, "Almaty")
    answers.unsaved = dialogs.Unsaved.CANCEL
    search_for(qtbot, page, "Madrid", until=lambda: bool(answers.asked))
    assert answers.asked == ["unsaved|“International Science and Technology Center”"]
    # kept: the record stays in the form and in the list, with the change typed
    assert page.search.text() == ""
    assert "International Science and Technology Center" in shown(page)
    assert city.text() == "Almaty"
    assert page.form.record_id == page.model.record_id(page.table.currentIndex().row())

    answers.unsaved = dialogs.Unsaved.DISCARD
    search_for(qtbot, page, "Madrid")
    assert page.form.heading.text() == "Spanish National Research Council"
    assert Organization.get(Organization.city == "Astana").name == (
        "International Science and Technology Center"
    )


def test_unsaved_changes_hidden_by_a_search_can_be_saved_first(window, qtbot, answers):
    page = partners(window)
    show_istc(qtbot, page)
    city = page.form.inputs["city"]
    city.setFocus()
    press(qtbot, Qt.Key.Key_A, CTRL)
    key_clicks(qtbot, city, "Almaty")
    answers.unsaved = dialogs.Unsaved.SAVE
    search_for(qtbot, page, "Madrid")
    assert Organization.get(Organization.city == "Almaty").name == (
        "International Science and Technology Center"
    )
    assert page.form.heading.text() == "Spanish National Research Council"
