"""Delegations in the window: members and counterparts, follow-ups that turn red when overdue,
links to events, and the rules the form reports."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from models.kinds.delegations import DELEGATIONS
from models.kinds.events import EVENTS
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.store.records import Delegation, DelegationEvent, DelegationMember, FollowUp

from .helpers import choose, click_row, key_clicks, shown, type_into

RED = QColor("#b3261e")


def open_delegations(window):
    window.show_page("delegation")
    page = window.pages["delegation"]
    page.refresh_filters()
    page.apply_request()
    return page


def add_member(qtbot, form, typed, side, role=""):
    table = form.inputs["members"]
    choose(qtbot, form.member_picker, typed)
    side_input = table.add_inputs["side"]
    side_input.setCurrentIndex(side_input.findData(side))
    if role:
        type_into(qtbot, table.add_inputs["role"], role)
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)


def add_follow_up(qtbot, form, action, who="", due=None):
    table = form.inputs["follow_ups"]
    key_clicks(qtbot, table.add_inputs["action"], action)
    if who:
        key_clicks(qtbot, table.add_inputs["responsible"], who)
    if due is not None:
        type_into(qtbot, table.add_inputs["due_on"], f"{due:%d.%m.%Y}")
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)


def row_colour(table, row):
    brush = table.model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole)
    return None if brush is None else brush.color()


def test_create_a_delegation_with_members_and_follow_ups_through_the_form(window, qtbot):
    istc = ORGANIZATIONS.save(
        {"name": "International Science and Technology Center", "short_name": "ISTC"}
    )
    angelieva = PEOPLE.save({"full_name": "Karina Angelieva", "organization": istc.id})
    nurbek = PEOPLE.save({"full_name": "Саясат Нұрбек", "position": "Minister"})
    meeting = EVENTS.save({"title": "Meeting with the ISTC", "starts_on": dt.date(2025, 3, 5)})
    page = open_delegations(window)
    page.new_record()
    form = page.form
    key_clicks(qtbot, form.inputs["title"], "ISTC delegation to Astana")
    assert form.inputs["direction"].value() == "incoming"
    choose(qtbot, form.inputs["organization"], "ISTC")
    choose(qtbot, form.inputs["head"], "Angelieva")
    type_into(qtbot, form.inputs["starts_on"], "05.03.2025")
    type_into(qtbot, form.inputs["ends_on"], "06.03.2025")
    choose(qtbot, form.inputs["country"], "Каз")
    type_into(qtbot, form.inputs["city"], "Astana")
    type_into(qtbot, form.inputs["purpose"], "Widen joint research projects")

    add_member(qtbot, form, "Angelieva", "member", "Head of delegation")
    add_member(qtbot, form, "Нұрбек", "counterpart", "Minister")
    add_follow_up(qtbot, form, "Send the list of joint projects", "Aigerim", dt.date(2099, 4, 1))
    links = form.inputs["events"]
    choose(qtbot, links.add_inputs["event"], "ISTC")
    qtbot.mouseClick(links.add_button, Qt.MouseButton.LeftButton)
    assert links.model.index(0, 0).data() == "Meeting with the ISTC (05.03.2025)"
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    delegation = Delegation.get(Delegation.title == "ISTC delegation to Astana")
    assert delegation.direction == "incoming"
    assert delegation.organization_id == istc.id
    assert delegation.head_id == angelieva.id
    assert delegation.ends_on == dt.date(2025, 3, 6)
    assert delegation.country_id == "KZ"
    members = {
        (m.person_id, m.side, m.role)
        for m in DelegationMember.select().where(DelegationMember.delegation == delegation)
    }
    assert members == {
        (angelieva.id, "member", "Head of delegation"),
        (nurbek.id, "counterpart", "Minister"),
    }
    follow_up = FollowUp.get(FollowUp.delegation == delegation)
    assert (follow_up.action, follow_up.responsible, follow_up.due_on, follow_up.done) == (
        "Send the list of joint projects",
        "Aigerim",
        dt.date(2099, 4, 1),
        False,
    )
    assert DelegationEvent.get().event_id == meeting.id
    assert form.heading.text() == "ISTC delegation to Astana (05.03.2025)"
    assert shown(page, 1) == ["ISTC delegation to Astana"]
    assert shown(page, 3) == ["International Science and Technology Center"]


def test_an_overdue_follow_up_shows_red_until_it_is_ticked_done(window, qtbot, clock):
    clock.set_clock(dt.date(2028, 2, 29))
    delegation = DELEGATIONS.save(
        {
            "title": "Ambassador to Spain meets CSIC",
            "direction": "outgoing",
            "follow_ups": [
                # Due yesterday, and due today: only the first is overdue.
                {"action": "Send the draft memorandum", "due_on": dt.date(2028, 2, 28)},
                {"action": "Plan the return visit", "due_on": dt.date(2028, 2, 29)},
            ],
        }
    )
    page = open_delegations(window)
    page.open(delegation.id)
    table = page.form.inputs["follow_ups"]
    assert row_colour(table, 0) == RED
    assert row_colour(table, 1) is None

    done = table.model.index(0, 3)
    table.model.setData(done, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert row_colour(table, 0) is None
    qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)
    sent = FollowUp.get(FollowUp.action == "Send the draft memorandum")
    assert sent.done and sent.done_on == dt.date(2028, 2, 29)


def test_members_filter_by_side(window, qtbot):
    people = [PEOPLE.save({"full_name": name}) for name in ("Aigerim", "Bolat", "Yerlan")]
    delegation = DELEGATIONS.save(
        {
            "title": "Northwest A&F University visit",
            "members": [
                {"person": people[0].id, "side": "member"},
                {"person": people[1].id, "side": "counterpart"},
                {"person": people[2].id, "side": "member"},
            ],
        }
    )
    page = open_delegations(window)
    page.open(delegation.id)
    table = page.form.inputs["members"]
    side = table.filters["side"]
    side.setCurrentIndex(side.findData("counterpart"))
    assert [row["person"] for row in table.shown_rows()] == [people[1].id]
    side.setCurrentIndex(side.findData("member"))
    assert [row["person"] for row in table.shown_rows()] == [people[0].id, people[2].id]


def test_refusals_are_shown_next_to_the_fields_and_nothing_is_saved(window, qtbot):
    PEOPLE.save({"full_name": "Karina Angelieva"})
    EVENTS.save({"title": "Meeting with the ISTC"})
    page = open_delegations(window)
    page.new_record()
    form = page.form
    key_clicks(qtbot, form.inputs["title"], "ISTC visit")
    type_into(qtbot, form.inputs["starts_on"], "05.03.2025")
    type_into(qtbot, form.inputs["ends_on"], "04.03.2025")
    add_member(qtbot, form, "Angelieva", "member")
    add_member(qtbot, form, "Angelieva", "member")
    add_follow_up(qtbot, form, "", "Bolat")
    links = form.inputs["events"]
    for _ in range(2):
        choose(qtbot, links.add_inputs["event"], "ISTC")
        qtbot.mouseClick(links.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert "is before start date" in form.errors["ends_on"].text()
    assert "Karina Angelieva is listed twice as “Member”" in form.errors["members"].text()
    assert "(Bolat) has no action" in form.errors["follow_ups"].text()
    assert "“Meeting with the ISTC” is linked twice" in form.errors["events"].text()
    assert Delegation.select().count() == 0


def test_edit_and_delete_a_delegation(window, qtbot, answers):
    person = PEOPLE.save({"full_name": "Sayasat Nurbek"})
    delegation = DELEGATIONS.save(
        {
            "title": "ISTC delegation to Astana",
            "members": [{"person": person.id, "side": "counterpart"}],
            "follow_ups": [{"action": "Send the list of joint projects"}],
        }
    )
    page = open_delegations(window)
    click_row(qtbot, page, 0)
    form = page.form
    direction = form.inputs["direction"]
    direction.setCurrentIndex(direction.findData("outgoing"))
    type_into(qtbot, form.inputs["outcomes"], "Agreed to widen joint projects.")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    saved = Delegation.get_by_id(delegation.id)
    assert saved.outcomes == "Agreed to widen joint projects."
    assert saved.direction == "outgoing"
    assert shown(page, 2) == ["Outgoing"]

    qtbot.mouseClick(form.delete_button, Qt.MouseButton.LeftButton)
    assert "1 delegation membership will be deleted with it" in answers.asked[-1]
    assert "1 follow-up action will be deleted with it" in answers.asked[-1]
    assert Delegation.select().count() == 0
    assert DelegationMember.select().count() == 0
    assert FollowUp.select().count() == 0
    assert shown(page) == []
