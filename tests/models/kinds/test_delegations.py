"""Delegations: members and counterparts, follow-ups and links saved with the record, the rules
that refuse what makes no sense, search, the list, and the overdue follow-ups."""

from __future__ import annotations

import datetime as dt

import pytest

from models.errors import ValidationFailed
from models.kinds.agreements import AGREEMENTS
from models.kinds.delegations import DELEGATION_LIST, DELEGATIONS, follow_ups_overdue
from models.kinds.events import EVENTS
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.kinds.programs import PROGRAMS
from models.listing import ListRequest
from models.store.records import (
    Delegation,
    DelegationAgreement,
    DelegationEvent,
    DelegationMember,
    DelegationProgram,
    FollowUp,
    Person,
)


def fields(problems):
    return {problem.field: problem.message for problem in problems}


@pytest.fixture
def istc(database):
    """The ISTC, its executive director and the minister the delegation met."""
    organization = ORGANIZATIONS.save(
        {
            "name": "International Science and Technology Center",
            "short_name": "ISTC",
            "kind": "international",
            "country": "KZ",
        }
    )
    angelieva = PEOPLE.save(
        {
            "full_name": "Karina Angelieva",
            "position": "Executive Director",
            "organization": organization.id,
        }
    )
    nurbek = PEOPLE.save({"full_name": "Sayasat Nurbek", "position": "Minister"})
    return organization, angelieva, nurbek


def visit(istc, **changes):
    organization, angelieva, nurbek = istc
    values = {
        "title": "ISTC delegation to Astana",
        "direction": "incoming",
        "organization": organization.id,
        "head": angelieva.id,
        "starts_on": dt.date(2025, 3, 5),
        "ends_on": dt.date(2025, 3, 6),
        "country": "KZ",
        "city": "Astana",
        "place": "Ministry of Science and Higher Education",
        "purpose": "Widen joint research projects",
        "agenda": "Joint projects; Horizon Europe",
        "members": [
            {"person": angelieva.id, "side": "member", "role": "Head of delegation"},
            {"person": nurbek.id, "side": "counterpart", "role": "Minister"},
        ],
        "follow_ups": [
            {"action": "Send the list of joint projects", "responsible": "Aigerim"},
        ],
        "tags": ["ISTC"],
    }
    values.update(changes)
    return values


def test_create_with_members_follow_ups_and_links_and_load_them_back(istc):
    event = EVENTS.save({"title": "Meeting with the ISTC", "starts_on": dt.date(2025, 3, 5)})
    program = PROGRAMS.save({"name": "ISTC projects in Kazakhstan"})
    agreement = AGREEMENTS.save({"title": "Memorandum with the ISTC"})
    record = DELEGATIONS.save(
        visit(
            istc,
            events=[{"event": event.id}],
            programs=[{"program": program.id}],
            agreements=[{"agreement": agreement.id}],
        )
    )
    values = DELEGATIONS.load(record.id)
    _organization, angelieva, nurbek = istc
    assert values["title"] == "ISTC delegation to Astana"
    assert values["direction"] == "incoming"
    assert values["head"] == angelieva.id
    assert values["country"] == "KZ"
    assert [(m["person"], m["side"], m["role"]) for m in values["members"]] == [
        (angelieva.id, "member", "Head of delegation"),
        (nurbek.id, "counterpart", "Minister"),
    ]
    [follow_up] = values["follow_ups"]
    assert follow_up["action"] == "Send the list of joint projects"
    assert follow_up["responsible"] == "Aigerim"
    assert follow_up["done"] is False
    assert values["events"] == [{"event": event.id}]
    assert values["programs"] == [{"program": program.id}]
    assert values["agreements"] == [{"agreement": agreement.id}]
    assert values["tags"] == ["ISTC"]
    assert DELEGATIONS.title(record) == "ISTC delegation to Astana (05.03.2025)"


def test_a_new_delegation_is_incoming_unless_said_otherwise(database):
    assert DELEGATIONS.empty_values()["direction"] == "incoming"
    record = DELEGATIONS.save({"title": "Visit of the Embassy of Spain"})
    assert record.direction == "incoming"
    assert DELEGATIONS.title(record) == "Visit of the Embassy of Spain"


def test_a_follow_up_remembers_the_day_it_was_done_and_forgets_it_when_unticked(istc, clock):
    clock.set_clock(dt.date(2028, 2, 29))
    record = DELEGATIONS.save(visit(istc))
    values = DELEGATIONS.load(record.id)
    values["follow_ups"][0]["done"] = True
    DELEGATIONS.save(values, record.id)
    assert FollowUp.get().done_on == dt.date(2028, 2, 29)

    # Saved again later, it keeps the day it was first done.
    FollowUp.update(done_on=dt.date(2025, 4, 1)).execute()
    DELEGATIONS.save(DELEGATIONS.load(record.id), record.id)
    assert FollowUp.get().done_on == dt.date(2025, 4, 1)

    values = DELEGATIONS.load(record.id)
    values["follow_ups"][0]["done"] = False
    DELEGATIONS.save(values, record.id)
    assert FollowUp.get().done_on is None


def test_title_direction_and_dates_are_checked(istc):
    with pytest.raises(ValidationFailed) as failure:
        DELEGATIONS.save(
            visit(
                istc,
                title=" ",
                direction=None,
                starts_on=dt.date(2025, 3, 6),
                ends_on=dt.date(2025, 3, 5),
            )
        )
    problems = fields(failure.value.problems)
    assert "Title is required" in problems["title"]
    assert "Direction is required" in problems["direction"]
    assert "End date (05.03.2025) is before start date (06.03.2025)" in problems["ends_on"]

    with pytest.raises(ValidationFailed) as failure:
        DELEGATIONS.save(visit(istc, starts_on=None, direction="sideways"))
    problems = fields(failure.value.problems)
    assert "start date as well" in problems["starts_on"]
    assert "Direction: “sideways” is not one of the choices" in problems["direction"]
    assert Delegation.select().count() == 0


def test_the_same_person_twice_on_the_same_side_is_refused(istc):
    _organization, angelieva, _nurbek = istc
    twice = {"person": angelieva.id, "side": "member", "role": "Interpreter"}
    with pytest.raises(ValidationFailed) as failure:
        DELEGATIONS.save(visit(istc, members=[*visit(istc)["members"], twice]))
    assert (
        fields(failure.value.problems)["members"]
        == "Karina Angelieva is listed twice as “Member”. Remove one of the two rows."
    )
    assert Delegation.select().count() == 0
    # On the other side the same person is another row: met as well as travelling.
    other_side = {"person": angelieva.id, "side": "counterpart"}
    record = DELEGATIONS.save(visit(istc, members=[*visit(istc)["members"], other_side]))
    assert DelegationMember.select().where(DelegationMember.delegation == record).count() == 3


def test_a_follow_up_without_an_action_is_refused(istc):
    empty = {"action": "  ", "responsible": "Bolat", "due_on": dt.date(2025, 4, 1)}
    with pytest.raises(ValidationFailed) as failure:
        DELEGATIONS.save(visit(istc, follow_ups=[empty]))
    message = fields(failure.value.problems)["follow_ups"]
    assert "(Bolat, due 01.04.2025) has no action" in message
    assert "Write what is to be done" in message
    assert Delegation.select().count() == 0


def test_the_same_event_linked_twice_is_refused(istc):
    event = EVENTS.save({"title": "Meeting with the ISTC", "starts_on": dt.date(2025, 3, 5)})
    with pytest.raises(ValidationFailed) as failure:
        DELEGATIONS.save(visit(istc, events=[{"event": event.id}, {"event": event.id}]))
    assert (
        "“Meeting with the ISTC (05.03.2025)” is linked twice"
        in fields(failure.value.problems)["events"]
    )
    assert DelegationEvent.select().count() == 0


def test_delete_says_what_happens_then_removes_the_delegation_and_its_rows(istc):
    event = EVENTS.save({"title": "Meeting with the ISTC"})
    record = DELEGATIONS.save(visit(istc, events=[{"event": event.id}]))
    said = [c.description for c in DELEGATIONS.consequences(record.id)]
    assert "2 delegation memberships will be deleted with it" in said
    assert "1 follow-up action will be deleted with it" in said
    assert "1 link between a delegation and an event will be deleted with it" in said
    assert "1 tag will be removed from it" in said
    DELEGATIONS.delete(record.id)
    assert Delegation.select().count() == 0
    for model in (DelegationMember, FollowUp, DelegationEvent, DelegationProgram):
        assert model.select().count() == 0
    assert DelegationAgreement.select().count() == 0
    # The people and the event stay: they were only linked.
    assert Person.select().count() == 2
    assert EVENTS.get(event.id).title == "Meeting with the ISTC"


def test_search_finds_a_delegation_by_its_head_and_its_organization_acronym(istc):
    # Neither the title nor the texts name the ISTC: only its organization does.
    DELEGATIONS.save(visit(istc, title="Visit to the ministry"))
    DELEGATIONS.save({"title": "Visit to CSIC", "direction": "outgoing"})

    def found(text):
        return [row[2] for row in DELEGATION_LIST.rows(ListRequest(search=text), 0, 10)]

    assert found("Angelieva") == ["Visit to the ministry"]
    assert found("istc") == ["Visit to the ministry"]
    assert found("Казахстан") == ["Visit to the ministry"]
    assert found("horizon") == ["Visit to the ministry"]
    assert found("csic") == ["Visit to CSIC"]


def test_the_list_shows_names_and_filters_by_direction_country_and_year(istc):
    DELEGATIONS.save(visit(istc))
    DELEGATIONS.save(
        {
            "title": "Ambassador to Spain meets CSIC",
            "direction": "outgoing",
            "country": "ES",
            "city": "Madrid",
            "starts_on": dt.date(2024, 11, 20),
        }
    )
    DELEGATIONS.save({"title": "Undated visit", "direction": "outgoing"})
    columns = [column.key for column in DELEGATION_LIST.columns]

    def titles(**filters):
        # As the window first shows it: the newest first, undated last.
        request = ListRequest(filters=filters, sort="starts_on", descending=True)
        assert DELEGATION_LIST.count(request) == len(DELEGATION_LIST.rows(request, 0, 10))
        return [row[2] for row in DELEGATION_LIST.rows(request, 0, 10)]

    assert titles() == [
        "ISTC delegation to Astana",
        "Ambassador to Spain meets CSIC",
        "Undated visit",
    ]
    [istc_row] = DELEGATION_LIST.rows(ListRequest(search="Astana"), 0, 10)
    shown_row = dict(zip(["id", *columns], istc_row, strict=True))
    assert shown_row["organization"] == "International Science and Technology Center"
    assert shown_row["head"] == "Karina Angelieva"
    assert shown_row["country"] == "Kazakhstan"
    assert DELEGATION_LIST.column("direction").display(shown_row["direction"]) == "Incoming"

    assert titles(direction="outgoing") == ["Ambassador to Spain meets CSIC", "Undated visit"]
    assert titles(country="ES") == ["Ambassador to Spain meets CSIC"]
    assert titles(year="2025") == ["ISTC delegation to Astana"]
    assert titles(direction="incoming", year="2024") == []
    assert titles(tag="ISTC") == ["ISTC delegation to Astana"]
    by_head = ListRequest(sort="head")
    assert [row[2] for row in DELEGATION_LIST.rows(by_head, 0, 10)][0] == (
        "ISTC delegation to Astana"
    )


def test_overdue_follow_ups_are_those_not_done_and_past_their_date(istc):
    record = DELEGATIONS.save(
        visit(
            istc,
            follow_ups=[
                {"action": "Send the project list", "due_on": dt.date(2025, 3, 20)},
                {"action": "Sign the memorandum", "due_on": dt.date(2025, 3, 10)},
                {"action": "Book the return visit", "due_on": dt.date(2025, 4, 30)},
                {"action": "Thank the minister", "due_on": dt.date(2025, 3, 7), "done": True},
                {"action": "Keep in touch"},
            ],
        )
    )
    overdue = list(follow_ups_overdue(dt.date(2025, 4, 1)))
    assert [f.action for f in overdue] == ["Sign the memorandum", "Send the project list"]
    assert overdue[0].delegation.id == record.id
    # A follow-up due today is not overdue yet.
    assert [f.action for f in follow_ups_overdue(dt.date(2025, 3, 10))] == []
