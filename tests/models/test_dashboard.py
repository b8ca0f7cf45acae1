"""The home view's figures on a database built here, on a fixed day: counts, what is coming,
the latest changes, and the portfolio by country, by kind and by month."""

from __future__ import annotations

import datetime as dt

import pytest

from models import dashboard
from models.dashboard import Bar, Month
from models.kinds.agreements import AGREEMENTS
from models.kinds.delegations import DELEGATIONS
from models.kinds.events import EVENTS
from models.kinds.figures import FIGURES
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.store.records import Agreement, Event, Organization

TODAY = dt.date(2025, 6, 15)


def day(month, number, year=2025):
    return dt.date(year, month, number)


@pytest.fixture
def portfolio(database, clock):
    """Seven partners, a person, events, delegations with follow-ups and agreements, saved on
    the morning of ``TODAY``."""
    clock.set_clock(TODAY)
    made = {}
    for key, name, country, kind in (
        ("nu", "Nazarbayev University", "KZ", "university"),
        ("enu", "L.N. Gumilyov Eurasian National University", "KZ", "university"),
        ("istc", "International Science and Technology Center", "KZ", "international"),
        ("csic", "Spanish National Research Council", "ES", "research"),
        ("upm", "Technical University of Madrid", "ES", "university"),
        ("arizona", "University of Arizona", "US", None),
        ("coursera", "Coursera", None, None),
    ):
        made[key] = ORGANIZATIONS.save({"name": name, "country": country, "kind": kind})
    made["angelieva"] = PEOPLE.save(
        {"full_name": "Karina Angelieva", "organization": made["istc"].id}
    )
    for key, title, starts, ends in (
        ("forum", "Forum “Territory of Academic Knowledge”", day(6, 20), None),
        ("lecture", "Lecture by the Ambassador of Spain", day(7, 14), None),
        ("too_late", "Council of Strategic Partners", day(7, 16), None),
        ("under_way", "Summer school on water research", day(6, 10), day(6, 17)),
        ("past", "Kazakhstan–Spain science day", day(5, 2), None),
        ("first_month", "Horizon Europe info day", day(7, 1, 2023), None),
        ("too_old", "Old conference", day(6, 30, 2023), None),
    ):
        made[key] = EVENTS.save(
            {"title": title, "starts_on": starts, "ends_on": ends, "city": "Astana"}
        )
    made["istc_visit"] = DELEGATIONS.save(
        {
            "title": "ISTC delegation at the ministry",
            "organization": made["istc"].id,
            "starts_on": day(6, 3),
            "follow_ups": [
                {
                    "action": "Send the draft roadmap",
                    "responsible": "A. Seitkali",
                    "due_on": day(6, 1),
                },
                {"action": "Agree the date of the next meeting", "due_on": day(5, 1)},
                {"action": "Report to the minister", "due_on": day(5, 20), "done": True},
                {"action": "Prepare the council", "due_on": day(7, 1)},
            ],
        }
    )
    made["spain_visit"] = DELEGATIONS.save(
        {"title": "Visit to CSIC", "direction": "outgoing", "starts_on": day(12, 10, 2024)}
    )
    parties = [{"organization": made["csic"].id, "signatory": None}]
    for key, title, signed, expires, status in (
        ("soon", "Memorandum with CSIC", day(1, 1, 2020), day(7, 1), None),
        ("later", "Agreement with the ISTC", day(1, 1, 2021), day(9, 12), None),
        ("far", "Agreement with UPM", day(1, 1, 2021), day(12, 31), None),
        ("expired", "Old memorandum", day(1, 1, 2019), day(6, 1), None),
        ("terminated", "Terminated memorandum", day(1, 1, 2020), day(7, 1), "terminated"),
        ("draft", "Draft agreement", None, day(7, 10), None),
    ):
        made[key] = AGREEMENTS.save(
            {
                "title": title,
                "signed_on": signed,
                "expires_on": expires,
                "status": status,
                "parties": parties if key == "soon" else [],
            }
        )
    made["figure"] = FIGURES.save({"measure": "joint publications", "value": 1130})
    return made


def test_counts_every_kind(portfolio):
    assert dashboard.record_counts() == {
        "organization": 7,
        "person": 1,
        "event": 7,
        "delegation": 2,
        "program": 0,
        "agreement": 6,
        "figure": 1,
        "source": 0,
    }


def test_upcoming_events_are_those_under_way_or_within_thirty_days(portfolio):
    upcoming = dashboard.upcoming_events(TODAY)
    assert [item.title for item in upcoming.items] == [
        "Summer school on water research",
        "Forum “Territory of Academic Knowledge”",
        "Lecture by the Ambassador of Spain",
    ]
    assert upcoming.total == 3
    assert [item.days for item in upcoming.items] == [-5, 5, 29]
    assert upcoming.items[1].kind == "event"
    assert upcoming.items[1].id == portfolio["forum"].id
    assert upcoming.items[1].context == "Astana"


def test_agreements_expiring_within_ninety_days_soonest_first(portfolio):
    expiring = dashboard.expiring_agreements(TODAY)
    assert [(item.title, item.days) for item in expiring.items] == [
        ("Memorandum with CSIC", 16),
        ("Agreement with the ISTC", 89),
    ]
    assert expiring.total == 2
    assert expiring.items[0].context == "Spanish National Research Council"
    assert expiring.items[0].id == portfolio["soon"].id


def test_overdue_follow_ups_open_their_delegation(portfolio):
    overdue = dashboard.overdue_follow_ups(TODAY)
    assert [(item.title, item.days) for item in overdue.items] == [
        ("Agree the date of the next meeting", 45),
        ("Send the draft roadmap", 14),
    ]
    assert {(item.kind, item.id) for item in overdue.items} == {
        ("delegation", portfolio["istc_visit"].id)
    }
    assert overdue.items[1].context == "ISTC delegation at the ministry, A. Seitkali"


def test_shortlists_show_the_first_few_and_count_them_all(portfolio):
    upcoming = dashboard.upcoming_events(TODAY, limit=2)
    assert len(upcoming.items) == 2
    assert upcoming.total == 3


def test_latest_changes_are_the_records_changed_last_of_any_kind(portfolio):
    moments = {
        (Organization, portfolio["csic"].id): dt.datetime(2025, 6, 14, 10, 0),
        (Agreement, portfolio["later"].id): dt.datetime(2025, 6, 14, 12, 0),
        (Event, portfolio["forum"].id): dt.datetime(2025, 6, 14, 11, 0),
    }
    for model in (Organization, Agreement, Event):
        model.update(updated_at=dt.datetime(2025, 1, 1)).execute()
    for (model, record_id), moment in moments.items():
        model.update(updated_at=moment).where(model.id == record_id).execute()
    changes = dashboard.latest_changes(limit=20)
    # The rest were saved this morning, or on 1 January.
    older = [item for item in changes if item.when.date() == day(6, 14)]
    assert [(item.kind, item.title) for item in older] == [
        ("agreement", "Agreement with the ISTC"),
        ("event", "Forum “Territory of Academic Knowledge” (20.06.2025)"),
        ("organization", "Spanish National Research Council"),
    ]
    assert len(dashboard.latest_changes(limit=3)) == 3


def test_partners_by_country_and_by_kind(portfolio):
    assert dashboard.partners_by_country() == [
        Bar("KZ", "Kazakhstan", 3),
        Bar("ES", "Spain", 2),
        Bar("US", "United States", 1),
    ]
    assert dashboard.partners_by_country(limit=1) == [Bar("KZ", "Kazakhstan", 3)]
    assert dashboard.partners_by_kind() == [
        Bar("university", "University", 3),
        Bar("international", "International organization", 1),
        Bar("research", "Research organization", 1),
        Bar(None, "Kind not given", 2),
    ]


def test_events_and_delegations_per_month_over_two_years(portfolio):
    months = dashboard.activity_by_month(TODAY)
    assert len(months) == 24
    assert months[0] == Month(day(7, 1, 2023), 1, 0)  # the old conference is a day too old
    # This month, all of it: the summer school, the forum to come, the ISTC visit.
    assert months[-1] == Month(day(6, 1), 2, 1)
    by_month = {month.first_day: month for month in months}
    assert by_month[day(5, 1)] == Month(day(5, 1), 1, 0)
    assert by_month[day(12, 1, 2024)] == Month(day(12, 1, 2024), 0, 1)
    # Events after this month are to come, not activity.
    assert sum(month.events for month in months) == 4
    assert sum(month.delegations for month in months) == 2


def test_an_empty_database_has_nothing_to_show(database):
    summary = dashboard.summary(TODAY)
    assert set(summary.counts.values()) == {0}
    assert summary.upcoming.items == [] and summary.upcoming.total == 0
    assert summary.expiring.total == summary.overdue.total == 0
    assert summary.changes == [] and summary.by_country == [] and summary.by_kind == []
    assert [month.events + month.delegations for month in summary.by_month] == [0] * 24
