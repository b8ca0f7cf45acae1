"""The calendar's entries: every kind on its days, an entry of several days on each of them,
the filters by kind and country, and the grids of months and weeks."""

from __future__ import annotations

import datetime as dt

import pytest

from models.calendar import (
    DELEGATION,
    EVENT,
    EXPIRY,
    FOLLOW_UP,
    by_day,
    entries_between,
    month_grid,
    month_of,
    week_of,
)
from tests.calendar_records import calendar_records

DAY = dt.date(2028, 2, 27)  # the forum runs over 29 February into March


def titles(entries):
    return [(entry.kind, entry.title) for entry in entries]


def test_every_kind_is_on_its_days_in_order(database):
    made = calendar_records(DAY)
    entries = entries_between(DAY, DAY + dt.timedelta(days=30))
    assert titles(entries) == [
        (EVENT, "Forum of academic knowledge"),
        (DELEGATION, "Visit to CSIC"),
        (FOLLOW_UP, "Share the list of laboratories"),
        (EVENT, "Lecture on water"),
        (FOLLOW_UP, "Send the roadmap"),
        (EXPIRY, "Memorandum with CSIC"),
        (DELEGATION, "Guests from Astana"),
    ]
    forum, visit, shared, lecture, roadmap, memorandum, _guests = entries
    assert (forum.first_day, forum.last_day) == (DAY, dt.date(2028, 2, 29))
    assert lecture.starts_at == dt.time(10, 30) and lecture.place == "CSIC, Madrid"
    # A click opens the record: a follow-up's delegation, an expiry's agreement.
    assert (roadmap.record_kind, roadmap.record_id) == ("delegation", made["visit"].id)
    assert (memorandum.record_kind, memorandum.record_id) == ("agreement", made["memorandum"].id)
    assert shared.done and not roadmap.done
    assert visit.about == "Spanish National Research Council"
    assert memorandum.summary() == "Agreement expires: Memorandum with CSIC"
    assert roadmap.summary() == "Follow-up due: Send the roadmap"


def test_an_event_begun_before_the_range_is_in_it_and_one_after_is_not(database):
    calendar_records(DAY)
    march = entries_between(dt.date(2028, 2, 29), dt.date(2028, 3, 3), kinds=[EVENT])
    assert titles(march) == [(EVENT, "Forum of academic knowledge")]
    assert entries_between(DAY - dt.timedelta(days=5), DAY - dt.timedelta(days=1)) == []


def test_several_days_are_each_a_day_of_the_entry(database):
    calendar_records(DAY)
    first, last = dt.date(2028, 2, 28), dt.date(2028, 3, 2)
    days = by_day(entries_between(first, last), first, last)
    # The forum's first day is before the range; 1 March has nothing.
    assert sorted(days) == [dt.date(2028, 2, 28), dt.date(2028, 2, 29), dt.date(2028, 3, 2)]
    assert titles(days[dt.date(2028, 2, 29)]) == [(EVENT, "Forum of academic knowledge")]
    assert titles(days[dt.date(2028, 3, 2)]) == [(DELEGATION, "Visit to CSIC")]


@pytest.mark.parametrize(
    ("kinds", "country", "expected"),
    [
        ([EXPIRY], None, ["Memorandum with CSIC"]),  # the terminated agreement is not due
        ([FOLLOW_UP], None, ["Share the list of laboratories", "Send the roadmap"]),
        # Spain: the event held there, the delegation of a Spanish partner with its
        # follow-ups, and the agreement of a Spanish party.
        (
            None,
            "ES",
            [
                "Visit to CSIC",
                "Share the list of laboratories",
                "Lecture on water",
                "Send the roadmap",
                "Memorandum with CSIC",
            ],
        ),
        ([EVENT, DELEGATION], "KZ", ["Forum of academic knowledge", "Guests from Astana"]),
        ([], None, []),
        (None, "FR", []),
    ],
)
def test_filters_by_kind_and_country(database, kinds, country, expected):
    calendar_records(DAY)
    entries = entries_between(DAY, DAY + dt.timedelta(days=30), kinds, country)
    assert [entry.title for entry in entries] == expected


def test_uids_are_stable_and_differ_between_kinds(database):
    calendar_records(DAY)
    first = entries_between(DAY, DAY + dt.timedelta(days=30))
    again = entries_between(DAY - dt.timedelta(days=3), DAY + dt.timedelta(days=40))
    assert [entry.uid for entry in first] == [entry.uid for entry in again]
    assert len({entry.uid for entry in first}) == len(first)


def test_a_range_that_ends_before_it_starts_is_refused(database):
    with pytest.raises(ValueError, match="before"):
        entries_between(DAY, DAY - dt.timedelta(days=1))


@pytest.mark.parametrize(
    ("day", "grid", "week", "month"),
    [
        (
            dt.date(2028, 2, 29),
            (dt.date(2028, 1, 31), dt.date(2028, 3, 12)),
            (dt.date(2028, 2, 28), dt.date(2028, 3, 5)),
            (dt.date(2028, 2, 1), dt.date(2028, 2, 29)),
        ),
        (
            dt.date(2026, 12, 31),
            (dt.date(2026, 11, 30), dt.date(2027, 1, 10)),
            (dt.date(2026, 12, 28), dt.date(2027, 1, 3)),
            (dt.date(2026, 12, 1), dt.date(2026, 12, 31)),
        ),
    ],
)
def test_grids_of_months_and_weeks_start_on_monday(day, grid, week, month):
    assert month_grid(day) == grid
    assert week_of(day) == week
    assert month_of(day) == month
    assert grid[0].weekday() == 0 and (grid[1] - grid[0]).days == 41
