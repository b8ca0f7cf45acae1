"""The one clock every "today" and "now" of the app reads: set to a day, the app lives on it."""

from __future__ import annotations

import datetime as dt

from models.kinds.organizations import ORGANIZATIONS


def test_a_set_clock_starts_the_morning_of_its_day_and_keeps_running(clock):
    clock.set_clock(dt.date(2028, 2, 29))
    first = clock.now()
    assert dt.datetime(2028, 2, 29, 9, 0) <= first < dt.datetime(2028, 2, 29, 9, 1)
    assert clock.today() == dt.date(2028, 2, 29)
    assert clock.now() >= first


def test_records_are_stamped_by_the_clock_and_the_computer_clock_comes_back(database, clock):
    clock.set_clock(dt.datetime(2027, 12, 31, 23, 59))
    record = ORGANIZATIONS.save({"name": "Nazarbayev University"})
    assert record.created_at.replace(second=0) == dt.datetime(2027, 12, 31, 23, 59)
    clock.set_clock(None)
    assert abs(clock.now() - dt.datetime.now()) < dt.timedelta(seconds=5)
