"""Dates and times as people type or write them, read the same way in a form, an imported
sheet and the command line.

A date: ``10.12.2026``, ``10.12.26``, ``10122026``, ``101226``, ``10/12/2026``,
``10-12-2026``, ``2026-12-10``, ``2026.12.10``, or with the month in words in English, Russian
or Kazakh (``10 December 2026``, ``10 декабря 2026 г.``, ``December 10, 2026``). The day comes
before the month, as in Kazakhstan; a year of two digits is 2000–2069 for 00–69 and 1970–1999
for 70–99 (the reading does not depend on the day it is made). A time: ``10:30``, ``10.30``,
``1030``, ``930``, ``10``.
"""

from __future__ import annotations

import datetime as dt
import re

from models.words.text import fold
from models.words.translation import _

# The years a record's date can be in: a typo of a digit (0202, 20226) is refused, not kept.
FIRST_YEAR, LAST_YEAR = 1900, 2199
# Two-digit years up to this one are read as 20xx, the others as 19xx.
CENTURY_PIVOT = 69

_ENGLISH = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH_NAMES = (
    _ENGLISH,
    [name[:3] for name in _ENGLISH],
    [
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
    ],
    [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    [
        "қаңтар",
        "ақпан",
        "наурыз",
        "сәуір",
        "мамыр",
        "маусым",
        "шілде",
        "тамыз",
        "қыркүйек",
        "қазан",
        "қараша",
        "желтоқсан",
    ],
)
# Month names folded as the text they are looked up with.
_MONTHS = {
    fold(name): number for names in _MONTH_NAMES for number, name in enumerate(names, start=1)
}
_NUMERIC = (
    (re.compile(r"^(\d{1,2})[./\-\s](\d{1,2})[./\-\s](\d{4}|\d{2})$"), ("d", "m", "y")),
    (re.compile(r"^(\d{4})[./\-](\d{1,2})[./\-](\d{1,2})$"), ("y", "m", "d")),
    (re.compile(r"^(\d{2})(\d{2})(\d{4}|\d{2})$"), ("d", "m", "y")),
)
_WORDS = re.compile(r"^(\d{1,2})\s+([^\W\d_]+)\.?,?\s+(\d{4})(?:\s*(?:г\.?|года|ж\.?|жылы))?$")
_WORDS_US = re.compile(r"^([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")
# "930" is 9:30: the minutes take the last two digits, the hour what is left.
_TIME = re.compile(r"^(\d{1,2})(?:[:.\s-]?(\d{2}))?$")


def full_year(digits: str) -> int:
    """The year a user means by two or four digits."""
    year = int(digits)
    if len(digits) == 2:
        return 2000 + year if year <= CENTURY_PIVOT else 1900 + year
    return year


def _date_of(year: int, month: int, day: int) -> dt.date | None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:  # 31.02, month 13
        return None


def _read(text: str) -> dt.date | None:
    for pattern, order in _NUMERIC:
        match = pattern.match(text)
        if match:
            parts = dict(zip(order, match.groups(), strict=True))
            return _date_of(full_year(parts["y"]), int(parts["m"]), int(parts["d"]))
    match = _WORDS.match(text)
    if match and match.group(2) in _MONTHS:
        return _date_of(int(match.group(3)), _MONTHS[match.group(2)], int(match.group(1)))
    match = _WORDS_US.match(text)
    if match and match.group(1) in _MONTHS:
        return _date_of(int(match.group(3)), _MONTHS[match.group(1)], int(match.group(2)))
    return None


def parse_date(text: str | None) -> dt.date | None:
    """The date in ``text``, or None when it is empty. Raises ValueError, with a message for
    the user, when it is not a date."""
    if text is None or not str(text).strip():
        return None
    date = _read(fold(str(text)).strip())
    if date is None:
        raise ValueError(not_a_date(str(text)))
    return date


def not_a_date(text: str) -> str:
    """What to tell a user whose ``text`` is not a date."""
    return _("“{text}” is not a date. Write it as dd.mm.yyyy, like 05.03.2025.").format(
        text=text.strip()
    )


def format_date(value: dt.date | None) -> str:
    """A date as the window and the sheets show it: 05.03.2025."""
    return f"{value:%d.%m.%Y}" if value else ""


def parse_time(text: str | None) -> dt.time | None:
    """The time of day in ``text`` (10:30, 10.30, 1030, 930, 10), or None when it is empty.
    Raises ValueError, with a message for the user, when it is not a time."""
    if text is None or not str(text).strip():
        return None
    match = _TIME.match(str(text).strip())
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour < 24 and minute < 60:
            return dt.time(hour, minute)
    raise ValueError(
        _("“{text}” is not a time. Write it as hh:mm, like 14:30.").format(text=str(text).strip())
    )
