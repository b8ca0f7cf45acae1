"""Dates and times read as people type them: in a form, a sheet or on the command line."""

from __future__ import annotations

import datetime as dt

import pytest

from exports.import_values import read_date
from models.words.dates import format_date, parse_date, parse_time

TENTH_OF_DECEMBER = dt.date(2026, 12, 10)


@pytest.mark.parametrize(
    "typed",
    [
        "10.12.2026",
        "10.12.26",
        "10122026",
        "101226",
        "2026-12-10",
        "2026.12.10",
        "10/12/2026",
        "10-12-2026",
        " 10.12.2026 ",
        "10 December 2026",
        "December 10, 2026",
        "10 декабря 2026 г.",
        "10 желтоқсан 2026 жылы",
    ],
)
def test_a_date_is_read_in_every_way_people_write_it(typed):
    assert parse_date(typed) == TENTH_OF_DECEMBER


@pytest.mark.parametrize(
    ("typed", "year"), [("01.01.00", 2000), ("01.01.69", 2069), ("01.01.70", 1970)]
)
def test_two_digit_years_are_read_the_same_whatever_the_day(typed, year):
    assert parse_date(typed) == dt.date(year, 1, 1)


@pytest.mark.parametrize(
    "typed", ["31.02.2026", "10.13.2026", "1012202", "01.01.0202", "10.12.20226", "tomorrow"]
)
def test_what_is_not_a_date_is_refused_with_a_plain_message(typed):
    with pytest.raises(ValueError, match="is not a date. Write it as dd.mm.yyyy"):
        parse_date(typed)


def test_an_empty_text_is_no_date():
    assert parse_date("") is None
    assert parse_date("   ") is None
    assert parse_date(None) is None


def test_every_day_of_a_century_comes_back_as_it_was_written():
    day = dt.date(1970, 1, 1)
    while day.year < 2070:
        assert parse_date(format_date(day)) == day
        assert parse_date(day.strftime("%d%m%y")) == day
        assert parse_date(day.isoformat()) == day
        day += dt.timedelta(days=1)


def test_an_import_reads_dates_with_the_same_rule_as_the_form():
    assert read_date("10.12.26") == TENTH_OF_DECEMBER
    assert read_date(10122026) == TENTH_OF_DECEMBER
    assert read_date(dt.datetime(2026, 12, 10, 9, 30)) == TENTH_OF_DECEMBER
    assert read_date(46366) == TENTH_OF_DECEMBER  # a date cell read as its serial number
    with pytest.raises(ValueError, match="“31.02.2026” is not a date"):
        read_date("31.02.2026")


@pytest.mark.parametrize("typed", ["10:30", "10.30", "1030", "10 30", " 10:30 "])
def test_a_time_is_read_with_or_without_its_colon(typed):
    assert parse_time(typed) == dt.time(10, 30)


@pytest.mark.parametrize(("typed", "time"), [("930", dt.time(9, 30)), ("9", dt.time(9, 0))])
def test_a_short_time_is_read_as_people_mean_it(typed, time):
    assert parse_time(typed) == time


@pytest.mark.parametrize("typed", ["24:00", "10:60", "1060", "10:3", "noon"])
def test_what_is_not_a_time_is_refused(typed):
    with pytest.raises(ValueError, match="is not a time. Write it as hh:mm"):
        parse_time(typed)
