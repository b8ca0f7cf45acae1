"""Alphabetical order in each language of the interface, as CLDR defines it, through ICU.

A record keeps, for each language, a sort key of its name (``sort_en``, ``sort_ru``,
``sort_kk``): bytes that compare, byte by byte, as the names compare in that language's
alphabet. Lists sort by the key of the language shown, in SQL and by index, on any database:
SQLite compares BLOBs and PostgreSQL ``bytea`` values byte by byte, whatever the database's own
collation. In Kazakh Ә follows А, Ғ follows Г, Қ follows К, …, І follows Ы; in Russian and
Kazakh Cyrillic names come before Latin ones, in English the other way round.

Keys ignore case, spaces and punctuation (“Бәйтерек” sorts under Б, as Бәйтерек does), and read
numbers as numbers ("No. 2" before "No. 10"). They are made by the ICU that Seriktes runs with:
a database whose keys were made by another version of ICU sorts as well as that version did,
and each record gets today's key when it is saved again.
"""

from __future__ import annotations

import functools
from typing import Any

from models.words.translation import LANGUAGES, LOCALES

# The sort key of each language, by the name of its column.
SORT_COLUMNS: dict[str, str] = {language: f"sort_{language}" for language in LANGUAGES}


@functools.cache
def _collator(language: str) -> Any:
    # ICU takes a moment to load; only saving a record or updating a database needs it.
    import icu

    collator = icu.Collator.createInstance(icu.Locale(LOCALES[language]))
    # Letters and their accents decide (secondary strength), never case; spaces and
    # punctuation are passed over (shifted); digits are read as numbers.
    collator.setStrength(icu.Collator.SECONDARY)
    collator.setAttribute(icu.UCollAttribute.ALTERNATE_HANDLING, icu.UCollAttributeValue.SHIFTED)
    collator.setAttribute(icu.UCollAttribute.NUMERIC_COLLATION, icu.UCollAttributeValue.ON)
    return collator


def sort_key(text: str | None, language: str) -> bytes:
    """The key that puts ``text`` in its place in the alphabet of ``language``; an empty
    name gets the empty key, which sorts first."""
    if not text:
        return b""
    return _collator(language).getSortKey(text)


def sort_keys(names: dict[str, str]) -> dict[str, bytes]:
    """The sort key columns for a record named ``names[language]`` in each language."""
    return {
        column: sort_key(names[language], language) for language, column in SORT_COLUMNS.items()
    }
