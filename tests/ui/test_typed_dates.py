"""Dates and times typed into the forms as a data-entry clerk types them: every date field
takes dd.mm.yyyy and the short forms, says plainly what is not a date, stays empty when
cleared, and opens its calendar where the record's dates are."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget, QTableView, QToolButton

from models.kinds.delegations import DELEGATIONS
from models.kinds.events import EVENTS
from models.store.records import Delegation, Event, FollowUp
from ui.widgets.inputs import DateInput

from .helpers import key_clicks, keyboard_target, press, show_field, typed

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
KINDS = (
    "organization",
    "person",
    "event",
    "delegation",
    "program",
    "agreement",
    "figure",
    "source",
)


def new_record(window, qtbot, kind):
    window.show_page(kind)
    page = window.pages[kind]
    page.table.setFocus()
    press(qtbot, Qt.Key.Key_N, CTRL)
    return page.form


def click_into(qtbot, field):
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    assert field.hasFocus()


def open_event(window, event_id):
    window.show_page("event")
    page = window.pages["event"]
    page.open(event_id)
    return page.form


@pytest.mark.parametrize("written", ["10.12.2026", "10.12.26", "10122026", "2026-12-10"])
def test_every_date_field_takes_a_typed_date(window, qtbot, written):
    checked = 0
    for kind in KINDS:
        form = new_record(window, qtbot, kind)
        for name, field in form.inputs.items():
            if not isinstance(field, DateInput):
                continue
            show_field(qtbot, form, field)
            click_into(qtbot, field)
            typed(qtbot, written)
            press(qtbot, Qt.Key.Key_Tab)
            assert field.text() == "10.12.2026", (kind, name)
            assert field.value() == dt.date(2026, 12, 10), (kind, name)
            assert form.errors[name].isHidden(), (kind, name)
            checked += 1
    assert checked == 13


def test_a_date_typed_in_an_empty_field_is_saved(window, qtbot):
    form = new_record(window, qtbot, "event")
    typed(qtbot, "Kazakhstan–Spain science day")
    click_into(qtbot, form.inputs["starts_on"])
    typed(qtbot, "10.12.2026")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert Event.get().starts_on == dt.date(2026, 12, 10)
    assert form.inputs["starts_on"].text() == "10.12.2026"


def test_a_new_date_typed_over_a_filled_field_replaces_it(window, qtbot):
    event = EVENTS.save({"title": "Science day", "starts_on": dt.date(2025, 3, 5)})
    form = open_event(window, event.id)
    click_into(qtbot, form.inputs["starts_on"])
    press(qtbot, Qt.Key.Key_A, CTRL)
    typed(qtbot, "10122026")
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert Event.get_by_id(event.id).starts_on == dt.date(2026, 12, 10)


def test_a_cleared_date_stays_empty_and_is_saved_empty(window, qtbot):
    event = EVENTS.save({"title": "Science day", "starts_on": dt.date(2025, 3, 5)})
    form = open_event(window, event.id)
    click_into(qtbot, form.inputs["starts_on"])
    press(qtbot, Qt.Key.Key_A, CTRL)
    press(qtbot, Qt.Key.Key_Delete)
    press(qtbot, Qt.Key.Key_Tab)
    assert form.inputs["starts_on"].text() == ""
    assert form.errors["starts_on"].isHidden()
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert Event.get_by_id(event.id).starts_on is None


def test_text_that_is_not_a_date_is_kept_and_said_plainly(window, qtbot):
    form = new_record(window, qtbot, "event")
    typed(qtbot, "Science day")
    click_into(qtbot, form.inputs["starts_on"])
    typed(qtbot, "31.02.2026")
    press(qtbot, Qt.Key.Key_Tab)
    error = form.errors["starts_on"]
    assert not error.isHidden()
    assert error.text() == "“31.02.2026” is not a date. Write it as dd.mm.yyyy, like 05.03.2025."
    assert form.inputs["starts_on"].text() == "31.02.2026"
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert Event.select().count() == 0


def open_calendar(qtbot, key=Qt.Key.Key_F4, modifier=Qt.KeyboardModifier.NoModifier):
    """Open the calendar of the date field with the focus, from the keyboard."""
    press(qtbot, key, modifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    calendar = QApplication.activePopupWidget().findChild(QCalendarWidget)
    assert calendar is not None and calendar.isVisible()
    return calendar


def page_shown(calendar):
    return calendar.yearShown(), calendar.monthShown()


def test_the_calendar_opens_on_the_typed_date_and_chooses_by_keyboard(window, qtbot):
    form = new_record(window, qtbot, "event")
    field = form.inputs["starts_on"]
    click_into(qtbot, field)
    typed(qtbot, "10.12.2026")
    calendar = open_calendar(qtbot, Qt.Key.Key_Down, ALT)
    assert page_shown(calendar) == (2026, 12)
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Return)
    assert not calendar.isVisible()
    assert field.text() == "11.12.2026"
    assert field.hasFocus()
    # the button at the end of the field opens it too
    button = field.findChild(QToolButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    assert page_shown(QApplication.activePopupWidget().findChild(QCalendarWidget)) == (2026, 12)
    press(qtbot, Qt.Key.Key_Escape)
    assert field.text() == "11.12.2026"


def test_an_empty_date_opens_its_calendar_near_the_records_other_dates(window, qtbot):
    form = new_record(window, qtbot, "event")
    click_into(qtbot, form.inputs["starts_on"])
    typed(qtbot, "05.03.2025")
    ends = form.inputs["ends_on"]
    click_into(qtbot, ends)
    calendar = open_calendar(qtbot)
    assert page_shown(calendar) == (2025, 3)
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Enter)
    assert ends.text() == "06.03.2025"


def test_a_day_clicked_in_the_calendar_is_chosen(window, qtbot):
    form = new_record(window, qtbot, "agreement")
    click_into(qtbot, form.inputs["signed_on"])
    typed(qtbot, "14.05.2025")
    expires = form.inputs["expires_on"]
    click_into(qtbot, expires)
    calendar = open_calendar(qtbot)
    assert page_shown(calendar) == (2025, 5)
    view = calendar.findChild(QTableView, "qt_calendar_calendarview")
    model = view.model()
    day_20 = next(
        model.index(row, column)
        for row in range(model.rowCount())
        for column in range(model.columnCount())
        if model.index(row, column).data() == 20 and row < 5
    )
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(day_20).center()
    )
    assert expires.text() == "20.05.2025"
    assert not calendar.isVisible()


@pytest.mark.parametrize("written", ["1030", "10.30", "10:30"])
def test_a_time_is_taken_with_or_without_its_colon(window, qtbot, written):
    form = new_record(window, qtbot, "event")
    typed(qtbot, "Panel")
    click_into(qtbot, form.inputs["starts_at"])
    typed(qtbot, written)
    press(qtbot, Qt.Key.Key_Tab)
    assert form.inputs["starts_at"].text() == "10:30"
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert Event.get().starts_at == dt.time(10, 30)


def test_a_follow_up_takes_its_due_date_typed_in_the_bar_and_in_its_cell(window, qtbot):
    delegation = DELEGATIONS.save(
        {
            "title": "ISTC visit",
            "direction": "incoming",
            "starts_on": dt.date(2025, 3, 5),
            "ends_on": dt.date(2025, 3, 6),
        }
    )
    window.show_page("delegation")
    page = window.pages["delegation"]
    page.open(delegation.id)
    form = page.form
    table = form.inputs["follow_ups"]
    show_field(qtbot, form, table)
    click_into(qtbot, table.add_inputs["action"])
    typed(qtbot, "Send the draft memorandum")
    press(qtbot, Qt.Key.Key_Tab)
    typed(qtbot, "Bolat")
    press(qtbot, Qt.Key.Key_Tab)
    assert keyboard_target() is table.add_inputs["due_on"]
    typed(qtbot, "1.4.25")
    press(qtbot, Qt.Key.Key_Return)
    assert [row["due_on"] for row in table.value()] == [dt.date(2025, 4, 1)]

    view = table.view
    view.setFocus()
    view.setCurrentIndex(table.proxy.index(0, 2))
    press(qtbot, Qt.Key.Key_F2)
    editor = keyboard_target()
    assert isinstance(editor, DateInput)
    press(qtbot, Qt.Key.Key_A, CTRL)
    key_clicks(qtbot, editor, "15042025")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.value()[0]["due_on"] == dt.date(2025, 4, 15))
    qtbot.waitUntil(lambda: keyboard_target() is view)

    press(qtbot, Qt.Key.Key_F2)
    press(qtbot, Qt.Key.Key_A, CTRL)
    typed(qtbot, "soon")
    press(qtbot, Qt.Key.Key_Return)  # not a date: the cell keeps the date it had
    qtbot.waitUntil(lambda: keyboard_target() is view)
    assert [row["due_on"] for row in table.value()] == [dt.date(2025, 4, 15)]

    press(qtbot, Qt.Key.Key_S, CTRL)
    assert FollowUp.get().due_on == dt.date(2025, 4, 15)
    assert Delegation.get_by_id(delegation.id).ends_on == dt.date(2025, 3, 6)


def test_a_follow_ups_calendar_opens_near_the_visit(window, qtbot):
    delegation = DELEGATIONS.save(
        {"title": "ISTC visit", "direction": "incoming", "starts_on": dt.date(2025, 3, 5)}
    )
    window.show_page("delegation")
    window.pages["delegation"].open(delegation.id)
    form = window.pages["delegation"].form
    due = form.inputs["follow_ups"].add_inputs["due_on"]
    show_field(qtbot, form, due)
    click_into(qtbot, due)
    assert page_shown(open_calendar(qtbot)) == (2025, 3)
