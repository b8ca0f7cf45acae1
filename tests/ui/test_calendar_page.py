"""The calendar page in the window: the month, week and agenda of the day the clock says, each
kind in its colour, filters by kind and country, a click opening the record, a double-click on
a day starting an event on it, the names of months and days in the interface language, and
File ▸ Export calendar…"""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt

from models.calendar import DELEGATION, EVENT, EXPIRY, FOLLOW_UP
from models.store.records import Event
from models.words.translation import set_language
from tests.calendar_records import calendar_records
from ui import dialogs
from ui.calendar_page import AGENDA, CALENDAR, COLOURS, install_calendar
from ui.export_action import install_export

from .helpers import choose, key_clicks

DAY = dt.date(2028, 2, 27)  # a Sunday; the forum runs over 29 February


@pytest.fixture
def calendar(window, clock, qtbot):
    clock.set_clock(DAY)
    made = calendar_records(DAY)
    page = install_calendar(window)
    window.show_page(CALENDAR)
    qtbot.waitUntil(page.isVisible)
    page.month_grid.resize(980, 640)
    return page, made


def chips(grid) -> list[tuple[dt.date, str]]:
    """The entries a grid draws, with the day each is drawn on."""
    return [(grid.day_at(rect.center()), entry.title) for rect, entry in grid.entry_rects()]


def click_entry(qtbot, grid, title: str, day: dt.date | None = None) -> None:
    rect = next(
        rect
        for rect, entry in grid.entry_rects()
        if entry.title == title and (day is None or grid.day_at(rect.center()) == day)
    )
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_month_of_today_shows_every_kind_on_its_days(window, qtbot, calendar):
    page, _made = calendar
    assert window.navigation.currentItem().text() == "Calendar"
    assert page.title.text() == "February 2028"
    drawn = chips(page.month_grid)
    forum = [day for day, title in drawn if title == "Forum of academic knowledge"]
    assert forum == [dt.date(2028, 2, 27), dt.date(2028, 2, 28), dt.date(2028, 2, 29)]
    # The grid runs on into March, whole weeks, Monday first.
    assert (dt.date(2028, 3, 2), "Visit to CSIC") in drawn
    assert (dt.date(2028, 3, 4), "Share the list of laboratories") in drawn
    assert page.month_grid.days[0] == dt.date(2028, 1, 31)
    kinds = {entry.kind for _rect, entry in page.month_grid.entry_rects()}
    assert kinds == {EVENT, DELEGATION, FOLLOW_UP}
    qtbot.keyClick(page, Qt.Key.Key_PageDown)
    kinds = {entry.kind for _rect, entry in page.month_grid.entry_rects()}
    assert kinds == {EVENT, DELEGATION, FOLLOW_UP, EXPIRY}
    assert len({COLOURS[kind].name() for kind in kinds}) == 4


def test_a_click_opens_the_record(window, qtbot, calendar):
    page, made = calendar
    click_entry(qtbot, page.month_grid, "Forum of academic knowledge", dt.date(2028, 2, 28))
    assert window.stack.currentWidget() is window.pages["event"]
    assert window.pages["event"].form.record_id == made["forum"].id

    window.show_page(CALENDAR)
    click_entry(qtbot, page.month_grid, "Share the list of laboratories")
    assert window.stack.currentWidget() is window.pages["delegation"]
    assert window.pages["delegation"].form.record_id == made["visit"].id

    window.show_page(CALENDAR)
    qtbot.keyClick(page, Qt.Key.Key_PageDown)
    assert page.title.text() == "March 2028"
    click_entry(qtbot, page.month_grid, "Memorandum with CSIC")
    assert window.pages["agreement"].form.record_id == made["memorandum"].id


def test_a_double_click_on_a_day_starts_an_event_on_it(window, qtbot, calendar):
    page, _made = calendar
    day = dt.date(2028, 2, 15)
    rect = page.month_grid.day_rect(day)
    qtbot.mouseDClick(page.month_grid, Qt.MouseButton.LeftButton, pos=rect.center())
    events = window.pages["event"]
    assert window.stack.currentWidget() is events
    assert events.form.record_id is None
    assert events.form.inputs["starts_on"].value() == day
    key_clicks(qtbot, events.form.inputs["title"], "Meeting with the rector")
    qtbot.keyClick(events.form.inputs["title"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = Event.get(Event.title == "Meeting with the rector")
    assert saved.starts_on == day
    window.show_page(CALENDAR)
    qtbot.waitUntil(lambda: (day, "Meeting with the rector") in chips(page.month_grid))


def test_keys_and_buttons_move_between_months_and_weeks(window, qtbot, calendar):
    page, _made = calendar
    window.show_page("organization")
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is page
    qtbot.keyClick(page, Qt.Key.Key_PageUp)
    assert page.title.text() == "January 2028"
    assert chips(page.month_grid) == []
    qtbot.keyClick(page, Qt.Key.Key_Home)
    assert page.title.text() == "February 2028"
    qtbot.mouseClick(page.view_buttons["week"], Qt.MouseButton.LeftButton)
    assert page.title.text() == "21\u2009–\u200927 Feb 2028"
    assert chips(page.week_grid) == [(DAY, "Forum of academic knowledge")]
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.title.text() == "28 Feb\u2009–\u20095 Mar 2028"
    assert [title for _day, title in chips(page.week_grid)] == [
        "Forum of academic knowledge",
        "Forum of academic knowledge",
        "Visit to CSIC",
        "Visit to CSIC",
        "Share the list of laboratories",
    ]
    qtbot.mouseClick(page.today_button, Qt.MouseButton.LeftButton)
    assert page.title.text() == "21\u2009–\u200927 Feb 2028"


def test_the_agenda_lists_the_month_day_by_day_and_opens_a_record(window, qtbot, calendar):
    page, made = calendar
    qtbot.mouseClick(page.view_buttons[AGENDA], Qt.MouseButton.LeftButton)
    agenda = page.agenda
    headings = [agenda.topLevelItem(row).text(0) for row in range(agenda.topLevelItemCount())]
    assert headings == ["Sunday, 27 February 2028 (today)"]
    lines = [item.text(0) for item in agenda.entry_items()]
    # An entry of several days once, with its days.
    assert lines == ["Forum of academic knowledge — 27\u2009–\u200929 Feb 2028, Astana"]
    qtbot.keyClick(page, Qt.Key.Key_PageDown)
    lines = [item.text(0) for item in agenda.entry_items()]
    assert "10:30 Lecture on water — CSIC, Madrid" in lines
    assert "Follow-up due: Share the list of laboratories — Visit to CSIC, done" in lines
    item = next(i for i in agenda.entry_items() if i.text(0).startswith("10:30 Lecture"))
    agenda.scrollToItem(item)
    rect = agenda.visualItemRect(item)
    qtbot.mouseClick(agenda.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.pages["event"].form.record_id == made["lecture"].id


def test_filters_by_kind_and_country(qtbot, calendar):
    page, _made = calendar
    qtbot.keyClick(page, Qt.Key.Key_PageDown)  # March holds every kind
    qtbot.mouseClick(page.kind_buttons[EVENT], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.kind_buttons[DELEGATION], Qt.MouseButton.LeftButton)
    assert sorted({title for _day, title in chips(page.month_grid)}) == [
        "Memorandum with CSIC",
        "Send the roadmap",
        "Share the list of laboratories",
    ]
    qtbot.mouseClick(page.kind_buttons[EVENT], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.kind_buttons[DELEGATION], Qt.MouseButton.LeftButton)
    choose(qtbot, page.country, "Kazakh")
    assert page.country.value() == "KZ"
    assert sorted({title for _day, title in chips(page.month_grid)}) == [
        "Forum of academic knowledge",
        "Guests from Astana",
    ]
    page.country.clear()
    qtbot.keyClick(page.country, Qt.Key.Key_Backspace)
    key_clicks(qtbot, page.country, "x")
    qtbot.keyClick(page.country, Qt.Key.Key_Backspace)
    assert page.country.value() is None
    assert len(chips(page.month_grid)) == 9


def test_months_and_days_are_named_in_the_interface_language(window, qtbot, calendar):
    page, _made = calendar
    set_language("ru")
    page.refresh()
    assert page.title.text() == "Февраль 2028\u00a0г."
    qtbot.mouseClick(page.view_buttons[AGENDA], Qt.MouseButton.LeftButton)
    heading = page.agenda.topLevelItem(0).text(0)
    assert heading.startswith("Воскресенье, 27 февраля 2028")
    set_language("kk")
    qtbot.mouseClick(page.view_buttons["week"], Qt.MouseButton.LeftButton)
    assert page.title.text() == "2028\u00a0ж. 21–27 ақп."


def test_file_export_calendar_writes_the_days_shown(window, qtbot, calendar, monkeypatch, tmp_path):
    page, made = calendar
    exporter = install_export(window)
    target = tmp_path / "february.ics"
    offered = []

    def answer(dialog):
        offered.append((dialog.start, dialog.end, dialog.kinds))
        dialog.kind_boxes[FOLLOW_UP].click()
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(dialogs, "run_dialog", answer)
    monkeypatch.setattr(dialogs, "choose_calendar_path", lambda _parent, _name: str(target))
    qtbot.mouseClick(page.kind_buttons[EXPIRY], Qt.MouseButton.LeftButton)  # not offered
    exporter.calendar_action.trigger()
    qtbot.waitUntil(lambda: not exporter.running(), timeout=20000)
    exporter.wait()
    assert offered == [(dt.date(2028, 1, 31), dt.date(2028, 3, 12), [EVENT, DELEGATION, FOLLOW_UP])]
    entries = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert sorted(str(entry["SUMMARY"]) for entry in entries) == [
        "Forum of academic knowledge",
        "Lecture on water",
        "Visit to CSIC",
    ]
    assert f"seriktes-event-{made['forum'].id}@seriktes" in {str(e["UID"]) for e in entries}
    assert str(target) in window.statusBar().currentMessage()
