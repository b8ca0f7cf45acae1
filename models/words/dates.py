"""Dates in words, as the current language writes them, with month and weekday names from
CLDR (Babel): "1 желтоқсан 2026 ж., сейсенбі", "вторник, 1 декабря 2026 г.", "Tuesday,
1 December 2026". A date in figures stays 01.12.2026 in every language, as the department
writes it, and needs nothing from here.
"""

from __future__ import annotations

import datetime as dt

from models.words.translation import LOCALES, language

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
