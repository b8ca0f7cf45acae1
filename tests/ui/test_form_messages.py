"""Messages that follow the fields: Save says every problem of the form at once, a message
goes as soon as its field is corrected, and a hint never shows a result of dates that are
wrong."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from models.kinds.events import EVENTS
from models.kinds.people import PEOPLE
from models.store.records import Agreement, Delegation, Event

from .helpers import choose, press, typed

CTRL = Qt.KeyboardModifier.ControlModifier


def new_record(window, qtbot, kind):
    window.show_page(kind)
    page = window.pages[kind]
    page.table.setFocus()
    press(qtbot, Qt.Key.Key_N, CTRL)
    return page.form


def retype(qtbot, field, text):
    field.setFocus()
    press(qtbot, Qt.Key.Key_A, CTRL)
    press(qtbot, Qt.Key.Key_Delete)
    typed(qtbot, text)


def messages(form):
    return {name: error.text() for name, error in form.errors.items() if not error.isHidden()}


def test_save_says_every_problem_at_once(window, qtbot):
    form = new_record(window, qtbot, "event")
    retype(qtbot, form.inputs["starts_on"], "31.02.2026")
    retype(qtbot, form.inputs["starts_at"], "half past ten")
    retype(qtbot, form.inputs["ends_on"], "01.03.2025")
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert messages(form) == {
        "title": "Give the title in at least one language: English, Kazakh or Russian.",
        "starts_on": "“31.02.2026” is not a date. Write it as dd.mm.yyyy, like 05.03.2025.",
        "starts_at": "“half past ten” is not a time. Write it as hh:mm, like 14:30.",
    }
    assert Event.select().count() == 0


def test_a_message_goes_as_soon_as_its_field_is_corrected(window, qtbot):
    form = new_record(window, qtbot, "event")
    typed(qtbot, "Science day")
    retype(qtbot, form.inputs["starts_on"], "05.03.2025")
    retype(qtbot, form.inputs["ends_on"], "04.03.2025")
    press(qtbot, Qt.Key.Key_S, CTRL)
    ends = form.errors["ends_on"]
    assert "is before start date" in ends.text()
    retype(qtbot, form.inputs["ends_on"], "06.03.2025")
    qtbot.waitUntil(lambda: ends.isHidden())
    assert messages(form) == {}

    retype(qtbot, form.inputs["title"], "")
    qtbot.waitUntil(lambda: "title" in messages(form))  # a new problem is said as it arises
    typed(qtbot, "Science day")
    qtbot.waitUntil(lambda: messages(form) == {})
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert Event.get().ends_on == dt.date(2025, 3, 6)


def test_a_date_that_cannot_be_read_is_said_on_leaving_and_unsaid_when_fixed(window, qtbot):
    form = new_record(window, qtbot, "delegation")
    retype(qtbot, form.inputs["starts_on"], "5 martch 2025")
    press(qtbot, Qt.Key.Key_Tab)
    error = form.errors["starts_on"]
    assert not error.isHidden()
    assert "“5 martch 2025” is not a date" in error.text()
    retype(qtbot, form.inputs["starts_on"], "5 march 2025")
    qtbot.waitUntil(lambda: error.isHidden())
    assert form.inputs["starts_on"].value() == dt.date(2025, 3, 5)
    assert Delegation.select().count() == 0


def test_the_agreement_status_hint_waits_for_correct_dates(window, qtbot):
    form = new_record(window, qtbot, "agreement")
    typed(qtbot, "Memorandum with CSIC")
    hint = form.status_now
    today = dt.date.today()
    retype(qtbot, form.inputs["signed_on"], f"{today - dt.timedelta(days=30):%d.%m.%Y}")
    assert hint.text() == "Shown in the list as: In force"
    retype(qtbot, form.inputs["expires_on"], f"{today - dt.timedelta(days=60):%d.%m.%Y}")
    assert hint.text() == "The status follows from the dates once they are correct."
    retype(qtbot, form.inputs["expires_on"], "31.02.2030")
    assert hint.text() == "The status follows from the dates once they are correct."
    retype(qtbot, form.inputs["expires_on"], f"{today + dt.timedelta(days=900):%d.%m.%Y}")
    assert hint.text() == "Shown in the list as: In force"
    retype(qtbot, form.inputs["effective_on"], f"{today + dt.timedelta(days=60):%d.%m.%Y}")
    assert hint.text() == "Shown in the list as: Signed, not yet in force"
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert Agreement.get().effective_on == today + dt.timedelta(days=60)


def test_a_row_typed_under_a_table_but_not_added_is_not_lost(window, qtbot):
    PEOPLE.save({"full_name": "Karina Angelieva"})
    form = new_record(window, qtbot, "event")
    typed(qtbot, "Council of Strategic Partners")
    choose(qtbot, form.participant_picker, "Angel")
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert messages(form) == {
        "participants": "What is typed under the table is not added yet. Press “Add "
        "participant” to add it, or clear it."
    }
    assert Event.select().count() == 0
    assert form.tabs.currentWidget().isAncestorOf(form.inputs["participants"])
    form.participant_picker.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: messages(form) == {})
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert [p.person.full_name for p in Event.get().participants] == ["Karina Angelieva"]


def test_a_name_typed_under_a_table_is_a_change_to_keep(window, qtbot, answers):
    PEOPLE.save({"full_name": "Karina Angelieva"})
    event = EVENTS.save({"title": "Council of Strategic Partners"})
    window.open_record("event", event.id)
    form = window.pages["event"].form
    assert not form.save_button.isEnabled()
    form.participant_picker.setFocus()
    typed(qtbot, "Karina")
    assert form.save_button.isEnabled()  # the change is seen as it is typed
    window.pages["event"].new_record()
    assert answers.asked == ["unsaved|“Council of Strategic Partners”"]
    assert form.participant_picker.text() == "Karina"
