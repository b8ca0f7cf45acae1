"""Cell values understood the way people write them: dates in several forms, countries and
kinds by name in any of the three languages, numbers with spaces or commas. Each reader
returns the value or raises ``ValueError`` with a message for the person fixing the sheet."""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from typing import Any

from models.store.records import Country
from models.validation import not_a_number
from models.words.choices import ChoiceSet
from models.words.dates import parse_date
from models.words.numbers import parse_number
from models.words.text import fold, search_fold
from models.words.translation import _, in_every_language

EXCEL_EPOCH = dt.date(1899, 12, 30)


def read_date(value: Any) -> dt.date | None:
    """A date cell, or a date written as text (see ``models.words.dates``); a cell of spaces
    is no date at all."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and 20_000 <= value <= 80_000:
        return EXCEL_EPOCH + dt.timedelta(days=int(value))  # a date cell read as its number
    return parse_date(str(value))


def read_number(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise ValueError(not_a_number(value))
    if isinstance(value, float) and not math.isfinite(value):  # a cell the reader found broken
        raise ValueError(not_a_number(value))
    if isinstance(value, int | float):
        return Decimal(str(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(not_a_number(value))
        return value
    try:
        number = parse_number(str(value))
    except ValueError:
        number = None
    if number is None:
        raise ValueError(not_a_number(value))
    return number


def read_choice(value: Any, choices: ChoiceSet, label: str) -> str:
    """The code of a choice written in any of the three languages; ``label`` is the field's,
    marked for translation."""
    code = choices.find(str(value))
    if code is None:
        known = ", ".join(choice.label() for choice in choices)
        raise ValueError(
            _("{field}: “{value}” is not one Seriktes knows. Use one of: {known}.").format(
                field=_(label), value=value, known=known
            )
        )
    return code


def read_text(value: Any) -> str:
    """Text as written; a whole number Excel stored as 1130.0 comes back as 1130."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d.%m.%Y")
    return str(value)


def read_names(value: Any) -> list[str]:
    """A list written in one cell, separated by commas, semicolons or new lines."""
    return [part.strip() for part in re.split(r"[;,\n]", read_text(value)) if part.strip()]


def read_bool(value: Any) -> bool:
    text = fold(read_text(value))
    # and "Yes" and "No" as a workbook of Seriktes writes them, in any of its languages
    if text in ("1", "yes", "true", "y", "да", "иә", "ия", "x", "✓") or text in {
        fold(word) for word in in_every_language("Yes", "cell")
    }:
        return True
    if text in ("0", "no", "false", "n", "нет", "жоқ", "") or text in {
        fold(word) for word in in_every_language("No", "cell")
    }:
        return False
    raise ValueError(_("“{value}” is not yes or no.").format(value=value))


class CountryReader:
    """Countries by ISO code or by any name they are known by in any language (“США”,
    “Ресей”, “España”), read from the database once per import."""

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}
        self._names: dict[str, str] = {}
        for country in Country.select(Country.code, Country.search_text):
            self._codes[country.code] = country.code
            for name in country.search_text.split(" | "):
                self._names.setdefault(name, country.code)

    def __call__(self, value: Any) -> str:
        text = read_text(value)
        code = self._codes.get(text.strip().upper()) or self._names.get(search_fold(text))
        if code is None:
            raise ValueError(
                _(
                    "“{value}” is not a country Seriktes knows. Write its name in English, "
                    "Russian or Kazakh, or its two-letter code."
                ).format(value=value)
            )
        return code
