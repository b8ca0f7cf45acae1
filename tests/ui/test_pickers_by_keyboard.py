"""Pickers chosen from the keyboard: Down and Enter (or Tab) take the highlighted match in
every picker, the list's Enter never acts while a form field has the focus, and the matches
are shown whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.kinds.events import EVENTS
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.store.records import Event, EventParticipant, Person
from ui.widgets.search_picker import SearchPicker

from .helpers import keyboard_target, press, show_field, typed

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def istc(database):
    istc = ORGANIZATIONS.save(
        {
            "name": "International Science and Technology Center",
            "short_name": "ISTC",
            "country": "KZ",
            "city": "Astana",
        }
    )
    PEOPLE.save(
        {
            "full_name": "Karina Angelieva",
            "position": "Executive Director",
            "organization": istc.id,
        }
    )
    return istc


def open_form(window, qtbot, kind):
    window.show_page(kind)
    page = window.pages[kind]
    page.refresh_filters()
    page.apply_request()
    page.table.setFocus()
    press(qtbot, Qt.Key.Key_N, CTRL)
    return page.form


def highlight_first(qtbot, picker: SearchPicker, text: str) -> None:
    picker.setFocus()
    typed(qtbot, text)
    popup = picker._completer.popup()
    qtbot.waitUntil(popup.isVisible)
    press(qtbot, Qt.Key.Key_Down)
    assert popup.currentIndex().row() == 0


# (kind of form, the picker's field, what is typed, what the field then shows)
PICKERS = [
    ("organization", "country", "Kazakh", "Kazakhstan"),
    ("person", "organization", "istc", "International Science and Technology Center (ISTC)"),
    ("delegation", "head", "Angel", "Karina Angelieva"),
    (
        "figure",
        "organization",
        "Science and Tech",
        "International Science and Technology Center (ISTC)",
    ),
]


@pytest.mark.parametrize(("kind", "name", "text", "label"), PICKERS)
def test_down_then_enter_chooses_the_highlighted_match(
    window, qtbot, istc, kind, name, text, label
):
    form = open_form(window, qtbot, kind)
    first = next(iter(form.inputs.values()))
    picker = form.inputs[name]
    show_field(qtbot, form, picker)
    highlight_first(qtbot, picker, text)
    press(qtbot, Qt.Key.Key_Return)
    assert picker.text() == label
    assert picker.value() is not None
    assert picker._completer.popup().isHidden()
    assert QApplication.focusWidget() is picker
    typed(qtbot, "x")  # the next key goes to the picker, never to the first field
    assert first.text() == ""


def test_tab_chooses_the_highlighted_match_and_moves_on(window, qtbot, istc):
    form = open_form(window, qtbot, "person")
    typed(qtbot, "Bolat Tulegenov")
    picker = form.inputs["organization"]
    highlight_first(qtbot, picker, "ISTC")
    press(qtbot, Qt.Key.Key_Tab)
    assert picker.value() == istc.id
    assert QApplication.focusWidget() is not picker
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert Person.get(Person.full_name == "Bolat Tulegenov").organization_id == istc.id


def test_a_participant_is_chosen_and_added_from_the_keyboard(window, qtbot, istc):
    form = open_form(window, qtbot, "event")
    typed(qtbot, "Council of Strategic Partners")
    table = form.inputs["participants"]
    show_field(qtbot, form, table)
    highlight_first(qtbot, form.participant_picker, "Angel")
    press(qtbot, Qt.Key.Key_Return)
    assert form.participant_picker.text() == "Karina Angelieva"
    assert table.value() == []  # chosen, not yet added
    press(qtbot, Qt.Key.Key_Return)  # Enter again adds the row, as the button does
    assert len(table.value()) == 1
    assert form.participant_picker.text() == ""
    assert keyboard_target() is form.participant_picker
    press(qtbot, Qt.Key.Key_S, CTRL)
    event = Event.get(Event.title == "Council of Strategic Partners")
    participant = EventParticipant.get(EventParticipant.event == event)
    assert participant.person.full_name == "Karina Angelieva"


def test_enter_in_a_form_field_never_opens_the_lists_row(window, qtbot, istc):
    event = EVENTS.save({"title": "Science day"})
    window.show_page("event")
    page = window.pages["event"]
    page.open(event.id)
    city = page.form.inputs["city"]
    show_field(qtbot, page.form, city)
    city.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is city
    page.table.setFocus()
    press(qtbot, Qt.Key.Key_Return)  # from the list, Enter goes to the form's first field
    assert QApplication.focusWidget() is page.form.inputs["title"]


def test_the_matches_are_as_wide_as_the_longest_needs(window, qtbot, istc):
    form = open_form(window, qtbot, "event")
    table = form.inputs["participants"]
    show_field(qtbot, form, table)
    picker = form.participant_picker
    picker.setFocus()
    typed(qtbot, "Angel")
    popup = picker._completer.popup()
    qtbot.waitUntil(popup.isVisible)
    index = popup.model().index(0, 0)
    text = index.data()
    assert text == (
        "Karina Angelieva — Executive Director, International Science and Technology Center"
    )
    needed = popup.fontMetrics().horizontalAdvance(text)
    assert popup.visualRect(index).width() > needed
    assert popup.width() > picker.width()
    screen = picker.screen().availableGeometry()
    assert screen.contains(popup.geometry())


def test_esc_closes_the_matches_and_keeps_what_was_typed(window, qtbot, istc, answers):
    form = open_form(window, qtbot, "person")
    typed(qtbot, "Bolat Tulegenov")
    picker = form.inputs["organization"]
    picker.setFocus()
    typed(qtbot, "ist")
    popup = picker._completer.popup()
    qtbot.waitUntil(popup.isVisible)
    press(qtbot, Qt.Key.Key_Escape)
    assert popup.isHidden()
    assert answers.asked == []  # not taken as "drop the changes"
    assert form.inputs["full_name"].text() == "Bolat Tulegenov"
    assert picker.text() == "ist"


def test_tab_leaves_a_table_and_delete_removes_its_chosen_row(window, qtbot, istc):
    person = Person.get()
    event = EVENTS.save(
        {
            "title": "Science day",
            "participants": [
                {"person": person.id, "role": "speaker", "status": "confirmed"},
                {"person": person.id, "role": "organizer", "status": "attended"},
            ],
        }
    )
    window.open_record("event", event.id)
    form = window.pages["event"].form
    table = form.inputs["participants"]
    show_field(qtbot, form, table)
    form.participant_picker.setFocus()
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert keyboard_target() is table.view
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Delete)
    assert [row["role"] for row in table.value()] == ["speaker"]
    press(qtbot, Qt.Key.Key_Tab)  # out of the table, to the bar under it
    assert keyboard_target() is form.participant_picker
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert [p.role for p in EventParticipant.select()] == ["speaker"]
