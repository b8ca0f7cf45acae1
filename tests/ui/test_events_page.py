"""Events in the window: dates, a parent forum, and participants with roles and statuses."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from models.kinds.events import EVENTS
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.store.records import Event, EventParticipant, Organization
from ui import dialogs

from .helpers import choose, click_row, key_clicks, shown, type_into


def open_events(window):
    window.show_page("event")
    page = window.pages["event"]
    page.refresh_filters()
    page.apply_request()
    return page


def add_participant(qtbot, form, typed, role, status="attended"):
    table = form.inputs["participants"]
    choose(qtbot, form.participant_picker, typed)
    role_input, status_input = table.add_inputs["role"], table.add_inputs["status"]
    role_input.setCurrentIndex(role_input.findData(role))
    status_input.setCurrentIndex(status_input.findData(status))
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)


def test_create_an_event_with_participants_through_the_form(window, qtbot):
    berengueres = PEOPLE.save({"full_name": "José Berengueres"})
    PEOPLE.save({"full_name": "Luis Francisco Martínez Montes", "position": "Ambassador of Spain"})
    nu = ORGANIZATIONS.save({"name": "Nazarbayev University", "country": "KZ"})
    forum = EVENTS.save(
        {
            "title": "Kazakhstan–Spain science day",
            "kind": "forum",
            "starts_on": dt.date(2025, 5, 20),
        }
    )
    page = open_events(window)
    page.new_record()
    form = page.form
    key_clicks(qtbot, form.inputs["title"], "Panel on artificial intelligence")
    kind = form.inputs["kind"]
    kind.setCurrentIndex(kind.findData("panel"))
    type_into(qtbot, form.inputs["starts_on"], "20.05.2025")
    type_into(qtbot, form.inputs["starts_at"], "15:00")
    choose(qtbot, form.inputs["parent"], "science day")
    choose(qtbot, form.inputs["country"], "Kaz")
    type_into(qtbot, form.inputs["city"], "Astana")
    type_into(qtbot, form.inputs["venue"], "ORTA Cultural Center")

    add_participant(qtbot, form, "Martínez", "speaker")
    add_participant(qtbot, form, "Berengueres", "moderator")
    add_participant(qtbot, form, "Nazarbayev", "organizer", "confirmed")
    table = form.inputs["participants"]
    assert [row["role"] for row in table.value()] == ["speaker", "moderator", "organizer"]
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    event = Event.get(Event.title == "Panel on artificial intelligence")
    assert event.parent_id == forum.id
    assert event.starts_on == dt.date(2025, 5, 20)
    assert event.starts_at == dt.time(15, 0)
    assert event.country_id == "KZ"
    rows = {
        (p.person_id, p.organization_id, p.role, p.status)
        for p in EventParticipant.select().where(EventParticipant.event == event)
    }
    assert (berengueres.id, None, "moderator", "attended") in rows
    assert (None, nu.id, "organizer", "confirmed") in rows
    assert len(rows) == 3
    assert shown(page, 1) == ["Panel on artificial intelligence", "Kazakhstan–Spain science day"]


def test_participants_filter_and_sort_by_role_and_status(window, qtbot):
    people = [PEOPLE.save({"full_name": name}) for name in ("Aigerim", "Bolat", "Yerlan")]
    event = EVENTS.save(
        {
            "title": "Council of Strategic Partners",
            "kind": "council",
            "participants": [
                {"person": people[0].id, "role": "speaker", "status": "attended"},
                {"person": people[1].id, "role": "attendee", "status": "declined"},
                {"person": people[2].id, "role": "speaker", "status": "invited"},
            ],
        }
    )
    page = open_events(window)
    page.open(event.id)
    table = page.form.inputs["participants"]
    role = table.filters["role"]
    role.setCurrentIndex(role.findData("speaker"))
    assert [row["person"] for row in table.shown_rows()] == [people[0].id, people[2].id]
    status = table.filters["status"]
    status.setCurrentIndex(status.findData("invited"))
    assert [row["person"] for row in table.shown_rows()] == [people[2].id]
    role.setCurrentIndex(0)
    status.setCurrentIndex(0)
    table.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # by status
    assert [row["status"] for row in table.shown_rows()] == ["attended", "declined", "invited"]


def test_the_same_participant_twice_in_one_role_and_dates_out_of_order_are_refused(window, qtbot):
    PEOPLE.save({"full_name": "Karina Angelieva"})
    page = open_events(window)
    page.new_record()
    form = page.form
    key_clicks(qtbot, form.inputs["title"], "ISTC visit")
    type_into(qtbot, form.inputs["starts_on"], "05.03.2025")
    type_into(qtbot, form.inputs["ends_on"], "04.03.2025")
    add_participant(qtbot, form, "Angelieva", "speaker")
    add_participant(qtbot, form, "Angelieva", "speaker")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "is before start date" in form.errors["ends_on"].text()
    said = form.errors["participants"].text()
    assert "Karina Angelieva is listed twice in the role “Speaker”" in said
    assert Event.select().count() == 0


def test_a_missing_participant_is_created_without_leaving_the_form(window, qtbot, monkeypatch):
    page = open_events(window)
    page.new_record()
    form = page.form
    key_clicks(qtbot, form.inputs["title"], "Meeting with CSIC")

    def make_organization(dialog):
        key_clicks(qtbot, dialog.form.inputs["name"], "Spanish National Research Council")
        qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(dialogs, "run_dialog", make_organization)
    form.create_participant(type(window.pages["organization"].form))
    assert form.participant_picker.text() == "Spanish National Research Council"
    qtbot.mouseClick(form.inputs["participants"].add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    csic = Organization.get(Organization.name == "Spanish National Research Council")
    assert EventParticipant.get().organization_id == csic.id


def test_edit_and_delete_an_event(window, qtbot, answers):
    person = PEOPLE.save({"full_name": "Sayasat Nurbek"})
    event = EVENTS.save(
        {
            "title": "Meeting with the ISTC delegation",
            "kind": "meeting",
            "participants": [{"person": person.id, "role": "host"}],
        }
    )
    page = open_events(window)
    click_row(qtbot, page, 0)
    form = page.form
    type_into(qtbot, form.inputs["outcomes"], "Agreed to widen joint projects.")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert Event.get_by_id(event.id).outcomes == "Agreed to widen joint projects."
    qtbot.mouseClick(form.delete_button, Qt.MouseButton.LeftButton)
    assert "1 event participation will be deleted with it" in answers.asked[-1]
    assert Event.select().count() == 0
    assert EventParticipant.select().count() == 0
