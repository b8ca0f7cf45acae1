"""Dates in words in the three languages, with the month and weekday names a reader of each
expects; dates in figures are dd.mm.yyyy whatever the language."""

from __future__ import annotations

import datetime as dt

import pytest

from models.words.dates import long_date, month_and_year, month_names, weekday_names
from models.words.translation import set_language

NBSP = "\u00a0"
TUESDAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("code", "day", "written"),
    [
        ("kk", TUESDAY, f"1 желтоқсан 2026{NBSP}ж., сейсенбі"),
        ("ru", TUESDAY, f"вторник, 1 декабря 2026{NBSP}г."),
        ("en", TUESDAY, "Tuesday, 1 December 2026"),
        # Months whose Russian name changes after a day number; Kazakh's does not.
        ("ru", dt.date(2025, 3, 8), f"суббота, 8 марта 2025{NBSP}г."),
        ("kk", dt.date(2025, 3, 8), f"8 наурыз 2025{NBSP}ж., сенбі"),
        ("kk", dt.date(2024, 2, 29), f"29 ақпан 2024{NBSP}ж., бейсенбі"),
    ],
)
def test_a_long_date_names_its_month_and_weekday_in_the_language(code, day, written):
    set_language(code)
    assert long_date(day) == written


@pytest.mark.parametrize(
    ("code", "january", "december", "monday", "sunday"),
    [
        ("kk", "Қаңтар", "Желтоқсан", "дүйсенбі", "жексенбі"),
        ("ru", "январь", "декабрь", "понедельник", "воскресенье"),
        ("en", "January", "December", "Monday", "Sunday"),
    ],
)
def test_calendars_and_charts_name_the_months_and_days_in_the_language(
    code, january, december, monday, sunday
):
    set_language(code)
    months, days = month_names(), weekday_names()
    assert (len(months), months[0], months[11]) == (12, january, december)
    assert (len(days), days[0], days[6]) == (7, monday, sunday)


@pytest.mark.parametrize(
    ("code", "short", "wide", "december"),
    [
        ("kk", f"2026{NBSP}ж. жел.", f"2026{NBSP}ж. желтоқсан", "жел."),
        ("ru", f"дек. 2026{NBSP}г.", f"декабрь 2026{NBSP}г.", "дек."),
        ("en", "Dec 2026", "December 2026", "Dec"),
    ],
)
def test_a_charts_month_carries_its_year(code, short, wide, december):
    set_language(code)
    assert month_and_year(TUESDAY) == short
    assert month_and_year(TUESDAY, "wide") == wide
    assert month_names("abbreviated")[11] == december
