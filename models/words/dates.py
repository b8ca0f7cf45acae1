"""Dates and times as people type them and as the department writes them.

Reading, the same in a form, an imported sheet and the command line: a date is ``10.12.2026``,
``10.12.26``, ``10122026``, ``101226``, ``10/12/2026``, ``10-12-2026``, ``2026-12-10``,
``2026.12.10``, or with the month in words in English, Russian or Kazakh (``10 December 2026``,
``10 декабря 2026 г.``, ``December 10, 2026``). The day comes before the month, as in
Kazakhstan; a year of two digits is 2000–2069 for 00–69 and 1970–1999 for 70–99 (the reading
does not depend on the day it is made). A time: ``10:30``, ``10.30``, ``1030``, ``930``, ``10``.

Writing: a date in figures stays 01.12.2026 in every language; in words, with month and
weekday names from CLDR (Babel), it follows the current language: "1 желтоқсан 2026 ж.,
сейсенбі", "вторник, 1 декабря 2026 г.", "Tuesday, 1 December 2026".
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from models.words.text import fold
from models.words.translation import LOCALES, _, language

# The years a record's date can be in: a typo of a digit (0202, 20226) is refused, not kept.
FIRST_YEAR, LAST_YEAR = 1900, 2199
# Two-digit years up to this one are read as 20xx, the others as 19xx.
CENTURY_PIVOT = 69


@functools.cache
def _months() -> dict[str, int]:
    """Month names, wide and abbreviated, as written in a date and standing alone, in the
    three languages (CLDR's), folded as the text they are looked up with."""
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    # American English too: its "Sep" is as common in sheets as British "Sept".
    for locale in (*LOCALES.values(), "en_US"):
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale=locale).items():
                    names.setdefault(fold(name).rstrip("."), number)
    return names


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
    if match and match.group(2) in _months():
        return _date_of(int(match.group(3)), _months()[match.group(2)], int(match.group(1)))
    match = _WORDS_US.match(text)
    if match and match.group(1) in _months():
        return _date_of(int(match.group(3)), _months()[match.group(1)], int(match.group(2)))
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


# -- dates in words -----------------------------------------------------------------------

# The long date with its weekday. Russian is CLDR's own; Kazakh puts the day first as the
# department writes it (CLDR's "2026 ж. 1 желтоқсан, сейсенбі" puts the year first); English
# is British, day before month, like dd.mm.yyyy. A no-break space keeps the year with "ж."/"г.".
LONG_DATE_PATTERNS = {
    "kk": "d MMMM y\u00a0'ж'., EEEE",
    "ru": "EEEE, d MMMM y\u00a0'г'.",
    "en": "EEEE, d MMMM y",
}


def long_date(value: dt.date) -> str:
    """The date with its weekday and the month's name, in the current language."""
    from babel.dates import format_date

    code = language()
    return format_date(value, LONG_DATE_PATTERNS[code], locale=LOCALES[code])


def month_names(width: str = "wide") -> list[str]:
    """The twelve months as a calendar or a chart names them on their own ("Желтоқсан",
    "декабрь", "December"); ``width`` "abbreviated" gives "жел.", "дек.", "Dec"."""
    from babel.dates import get_month_names

    names = get_month_names(width, "stand-alone", locale=LOCALES[language()])
    return [names[month] for month in range(1, 13)]


def weekday_names(width: str = "wide") -> list[str]:
    """Monday to Sunday in the current language ("дүйсенбі", "понедельник", "Monday")."""
    from babel.dates import get_day_names

    names = get_day_names(width, "format", locale=LOCALES[language()])
    return [names[day] for day in range(7)]


def month_and_year(value: dt.date, width: str = "abbreviated") -> str:
    """The month of ``value`` with its year, for a chart's axis: "Dec 2026", "дек. 2026 г.",
    "2026 ж. жел."; ``width`` "wide" spells the month out."""
    from babel.dates import format_skeleton

    skeleton = "yMMMM" if width == "wide" else "yMMM"
    # CLDR's narrow no-break space is missing from some fonts; a plain one keeps "г." too.
    return format_skeleton(skeleton, value, locale=LOCALES[language()]).replace("\u202f", "\u00a0")


def day_span(first: dt.date, last: dt.date) -> str:
    """A span of days as the current language writes it, the month named: "1–7 Dec 2026",
    "1–7 дек. 2026 г.", "30 Nov – 6 Dec 2026"."""
    return _day_span(first, last, language())


# Kept: an agenda names the same few spans again and again, and Babel takes most of a
# millisecond for each.
@functools.lru_cache(maxsize=4096)
def _day_span(first: dt.date, last: dt.date, code: str) -> str:
    from babel.dates import format_interval

    text = format_interval(first, last, "yMMMd", locale=LOCALES[code])
    return text.replace("\u202f", "\u00a0")
