"""Checks a form's values must pass before anything is saved. Each returns a ``Problem`` that
names the field and tells the user what to do, in the current language, or None.

A field is named by its label, marked where it is defined (``N_("Name")``) and translated
here; a check whose words depend on the fields it compares takes its whole sentence."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Hashable
from decimal import Decimal
from urllib.parse import SplitResult, urlsplit

from models.errors import Problem
from models.words.translation import N_, _

_EMAIL = re.compile(r"^[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+\.[^@\s<>(),;:\".]{2,}$")
_HOST = re.compile(r"^(?=.{1,253}$)([\w-]{1,63}\.)+[\w-]{2,63}$", re.UNICODE)


def required(value: object, field: str, label: str) -> Problem | None:
    """``label``: the field's label as marked for translation (``N_("Name")``)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return Problem(field, _("{field} is required. Please fill it in.").format(field=_(label)))
    return None


def email(value: str, field: str = "email", label: str = N_("E-mail")) -> Problem | None:
    if value and not _EMAIL.match(value):
        return Problem(
            field,
            _(
                "{field}: “{value}” is not an e-mail address. Write it like name@example.org."
            ).format(field=_(label), value=value),
        )
    return None


def normalize_url(value: str) -> str:
    """A web address as users type it ("www.csic.es") with the scheme browsers need."""
    value = value.strip()
    if value and "://" not in value:
        value = "https://" + value
    return value


# An import checks a web address, derives its key and looks for its twin: each takes it apart.
@functools.lru_cache(maxsize=1 << 14)
def split_url(value: str) -> SplitResult:
    """The parts of a web address as users type it (scheme added when missing); none at all
    for text that cannot be one ("http://[" raises in urlsplit)."""
    try:
        return urlsplit(normalize_url(value))
    except ValueError:
        return urlsplit("")


def web_address(value: str, field: str = "website", label: str = N_("Website")) -> Problem | None:
    if not value:
        return None
    parts = split_url(value)
    if parts.scheme not in ("http", "https") or not _HOST.match(parts.hostname or ""):
        return Problem(
            field,
            _("{field}: “{value}” is not a web address. Write it like www.example.org.").format(
                field=_(label), value=value
            ),
        )
    return None


# Two dates out of order, each pair said in a sentence of its own (the words for "start" and
# "end" take different forms in different sentences).
START_AND_END = N_(
    "End date ({last}) is before start date ({first}). Correct one of the two dates."
)


def dates_in_order(
    first: dt.date | None, last: dt.date | None, field: str, message: str = START_AND_END
) -> Problem | None:
    """``message``: the sentence, marked for translation, with the dates as ``{first}`` and
    ``{last}``."""
    if first and last and last < first:
        return Problem(field, _(message).format(first=f"{first:%d.%m.%Y}", last=f"{last:%d.%m.%Y}"))
    return None


def period(values: dict, first: str = "starts_on", last: str = "ends_on") -> list[Problem]:
    """A start and an end: in order, and no end without a start."""
    problems = collect(dates_in_order(values[first], values[last], last))
    if values[last] and not values[first]:
        problems.append(Problem(first, _("Give the start date as well as the end date.")))
    return problems


def choice(values: dict, field: str, choices, label: str) -> Problem | None:
    """A kind, status or role that is not one of its list (from an import or a stale form).
    ``label``: the field's label as marked for translation."""
    if values.get(field) and values[field] not in choices:
        return Problem(
            field,
            _("{field}: “{value}” is not one of the choices. Choose one from the list.").format(
                field=_(label), value=values[field]
            ),
        )
    return None


def not_a_number(value: object) -> str:
    return _("“{value}” is not a number. Write digits only, like 1 130 or 12,5.").format(
        value=value
    )


def number(value: object, field: str) -> Problem | None:
    """A number that arrived as text that is not one (``numbers.as_number`` keeps it)."""
    if value is not None and not isinstance(value, Decimal):
        return Problem(field, not_a_number(value))
    return None


def repeated(rows: list[dict], key: Callable[[dict], Hashable]) -> list[dict]:
    """The rows whose key an earlier row already has: what a table lists twice."""
    seen: set[Hashable] = set()
    repeats = []
    for row in rows:
        if key(row) in seen:
            repeats.append(row)
        seen.add(key(row))
    return repeats


def collect(*problems: Problem | None) -> list[Problem]:
    return [problem for problem in problems if problem is not None]
