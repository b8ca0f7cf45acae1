"""Reports as plain data: parts of rows under column headings, and the small helpers
that word their cells.

A report is worded in the language current when it is made: its title, its selection line,
its parts' titles and its cells. Its parts' names and its columns' labels are kept in English,
marked for translation, because they also name the parts and columns in code (``part``);
the workbook writer translates them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from peewee import ModelSelect

from models.errors import SeriktesError
from models.kinds.organizations import ORGANIZATIONS
from models.store.records import Organization
from models.words.countries import country_name
from models.words.translation import language, ngettext

TEXT, DATE, NUMBER, MONEY = "text", "date", "number", "money"
EXPIRING_DAYS = 90
# How many names a cell lists before saying how many more there are.
NAMES_IN_A_CELL = 30


class ReportRefused(SeriktesError):
    """A report cannot be made as asked (an unknown organization or country)."""


@dataclass(frozen=True)
class ReportColumn:
    label: str  # in English, marked for translation (``N_``)
    kind: str = TEXT  # TEXT, DATE, NUMBER or MONEY
    width: int | None = None  # characters; else fitted to the content


@dataclass(frozen=True)
class PartChart:
    """A bar chart of one column against another, one chart per value of ``group_column``
    (budgets in different currencies are not drawn against each other)."""

    title: str
    label_column: int
    value_column: int
    group_column: int | None = None


@dataclass
class ReportPart:
    """One part of a report, shown on a sheet of its own."""

    name: str  # short, for the sheet's tab, in English marked for translation: "Agreements"
    title: str  # the heading on the sheet
    columns: tuple[ReportColumn, ...]
    rows: list[tuple]
    empty: str | None = None  # what an empty part says; else "None recorded."
    chart: PartChart | None = None


@dataclass
class Report:
    title: str
    selection: str  # what was asked, in one line
    parts: list[ReportPart] = field(default_factory=list)
    file_stem: str = ""  # a name for the file, without the date

    def part(self, name: str) -> ReportPart:
        return next(part for part in self.parts if part.name == name)


# -- small helpers -----------------------------------------------------------------------------


def date_text(value: dt.date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else ""


def period_text(start: dt.date, end: dt.date) -> str:
    return f"{date_text(start)} – {date_text(end)}"


def names_cell(names: Sequence[str]) -> str:
    shown = list(names[:NAMES_IN_A_CELL])
    more = len(names) - NAMES_IN_A_CELL
    if more > 0:
        shown.append(ngettext("and {count} more", "and {count} more", more).format(count=more))
    return "; ".join(shown)


def record_ids(query: ModelSelect) -> list[int]:
    return [row[0] for row in query.tuples()]


def org_title(organization: Organization) -> str:
    return ORGANIZATIONS.title(organization)


def country_text(code: str | None) -> str:
    """A country's name in the current language (``country_name``), asked once per country
    and language: a report names the same few countries on thousands of rows."""
    if not code:
        return ""
    key = (language(), code)
    if key not in _COUNTRY_NAMES:
        _COUNTRY_NAMES[key] = country_name(code)
    return _COUNTRY_NAMES[key]


# The names are the same in every database (ISO 3166).
_COUNTRY_NAMES: dict[tuple[str, str], str] = {}


def place_text(city: str, code: str | None) -> str:
    return ", ".join(part for part in (city, country_text(code)) if part)


def choice_text(choices, code: str | None) -> str:
    return choices.label(code) if code else ""


def days_left(expires: dt.date | None, today: dt.date) -> int | None:
    return (expires - today).days if expires else None
