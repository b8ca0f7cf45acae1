"""Countries: ISO 3166 codes, with their names in Kazakh, Russian and English from CLDR (the
Unicode Common Locale Data Repository, which Babel and ICU carry), and every name a country is
known by.

A database keeps its own ``Country`` table, filled when the database is made (and refreshed by
an update), so the window reads names from SQL and CLDR is only read when a database is made.
A country is shown by its CLDR name in the interface language, and found by any of:

- its CLDR names in Kazakh, Russian and English, with their short and variant forms (США, АҚШ,
  US, UK, Turkey, Czech Republic);
- its ISO names, official names and codes (Российская Федерация, United States of America,
  USA, ES);
- its names in its own official languages (España, Deutschland, 中国).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterator

from peewee import Case, Value

from models.errors import Problem, SearchRefused
from models.listing import COUNTRY_ORDER, all_of, contains_word, search_terms
from models.store.base import db
from models.store.records import Country
from models.words.collation import sort_keys
from models.words.text import search_fold, search_words, searchable
from models.words.translation import LANGUAGES, _, language


def _alternative_names(code: str) -> Iterator[str]:
    """The short and variant names CLDR gives some countries in our languages ("США", "UK",
    "Turkey"), which ICU keeps in its region data; Babel keeps only the usual name."""
    import icu

    data = f"icudt{icu.ICU_VERSION.split('.')[0]}{'l' if sys.byteorder == 'little' else 'b'}"
    for language_code in LANGUAGES:
        locale = icu.Locale(language_code)
        for table in ("Countries%short", "Countries%variant"):
            try:
                names = icu.ResourceBundle(f"{data}-region", locale).get(table)
                yield names.getStringEx(code)
            except icu.ICUError:  # not every country has one, nor every ICU the table
                continue
        short = icu.LocaleDisplayNames.createInstance(locale, [icu.UDisplayContext.LENGTH_SHORT])
        yield short.regionDisplayName(code)


def _native_names(code: str) -> Iterator[str]:
    """The country's name in its own official languages: "España", "Deutschland"."""
    import icu
    from babel.languages import get_official_languages

    for language_code in get_official_languages(code, de_facto=True):
        native = icu.Locale(language_code)
        yield icu.Locale(native.getLanguage(), code).getDisplayCountry(native)


def _forms(names: set[str]) -> set[str]:
    return {search_fold(name) for name in names if name} - {""}


def _unambiguous(found: list[tuple]) -> Iterator[tuple]:
    """Each country with the names that are its own: a translated, short or native name that
    is another country's own name, or that several countries share, names neither (the ISO
    data's Kazakh gives Nepal the Central African Republic's official name; "Конго" is both
    Congos in Russian)."""
    claimed: dict[str, int] = {}
    owned: set[str] = set()
    for _code, _shown, own, other in found:
        owned |= own
        for form in other - own:
            claimed[form] = claimed.get(form, 0) + 1
    for code, shown, own, other in found:
        yield code, shown, own, {f for f in other - own if f not in owned and claimed[f] == 1}


@functools.cache
def country_rows() -> tuple[dict, ...]:
    """Every ISO country with its shown names, the searched forms of every name it is known
    by, and its sort keys. The same for every database, so made once."""
    import gettext

    import pycountry
    from babel import Locale

    shown_names = {code: Locale.parse(code).territories for code in LANGUAGES}
    iso_names = {
        code: gettext.translation(
            "iso3166-1", pycountry.LOCALES_DIR, languages=[code], fallback=True
        )
        for code in ("ru", "kk")
    }
    found = []
    for country in pycountry.countries:
        code = country.alpha_2
        iso = [
            name
            for name in (
                getattr(country, "common_name", None),
                country.name,
                getattr(country, "official_name", None),
            )
            if name
        ]
        shown = {
            language_code: shown_names[language_code].get(code) or iso[0]
            for language_code in LANGUAGES
        }
        own = {code, country.alpha_3, *iso, *shown.values()}
        translated = {t.gettext(name) for t in iso_names.values() for name in iso}
        other = translated | set(_alternative_names(code)) | set(_native_names(code))
        found.append((code, shown, _forms(own), _forms(other)))
    rows = []
    for code, shown, own, other in _unambiguous(found):
        rows.append(
            {
                "code": code,
                "name_en": shown["en"],
                "name_ru": shown["ru"],
                "name_kk": shown["kk"],
                "search_text": " | ".join(sorted(own | other)),
                **sort_keys(shown),
            }
        )
    return tuple(rows)


def fill_countries() -> None:
    """Load the country table of a new database."""
    rows = country_rows()
    for start in range(0, len(rows), 100):
        Country.insert_many(rows[start : start + 100]).on_conflict_ignore().execute()


def refresh_countries() -> None:
    """Bring the country table of a database made by an earlier version to today's names
    (an upsert both SQLite and PostgreSQL speak); the names cached for records are dropped."""
    for row in country_rows():
        changed = {getattr(Country, name): value for name, value in row.items() if name != "code"}
        Country.insert(row).on_conflict(conflict_target=[Country.code], update=changed).execute()
    _WORDS.clear()


_WORDS: dict[tuple[object, str], tuple[str, ...]] = {}


def country_words(code: str | None) -> tuple[str, ...]:
    """The names a country is found by (code, English, Russian, Kazakh), read once per
    database: a record's search text needs them on every save, and an import saves
    thousands of records at once."""
    if not code:
        return ()
    key = (id(db.obj), code)
    if key not in _WORDS:
        country = Country.get_or_none(Country.code == code)
        _WORDS[key] = (
            (country.code, country.name_en, country.name_ru, country.name_kk) if country else ()
        )
    return _WORDS[key]


def country_name(code: str | None, language_code: str | None = None) -> str:
    """A country's name in ``language_code``, by default the interface language."""
    if not code:
        return ""
    country = Country.get_or_none(Country.code == code.upper())
    return country.name(language_code or language()) if country else code


def find_countries(text: str, limit: int = 20) -> list[Country]:
    """Countries whose name in any language, or ISO code, contains what was typed;
    names that start with it come first ("Исп" and "Spa" both find Spain)."""
    words = search_words(text)
    query = Country.select()
    terms = search_terms(text)
    if terms:
        query = query.where(all_of([contains_word(Country.search_text, w) for w in terms]))
    if words:
        # A country called exactly what was typed first ("UK" before Ukraine), then those
        # with a name that starts with it.
        typed, first = " ".join(words), words[0]
        names = Value(" | ").concat(Country.search_text).concat(" | ")
        exact = Case(None, [(contains_word(names, f" | {typed} | "), 0)], 1)
        starts = Case(None, [(contains_word(names, f" | {first}"), 0)], 1)
        query = query.order_by(exact, starts, COUNTRY_ORDER)
    else:
        query = query.order_by(COUNTRY_ORDER)
    return list(query.limit(limit))


def valid_country(code: str | None, field: str = "country") -> Problem | None:
    if code and not country_words(code):
        return Problem(field, _("Choose the country from the list."))
    return None


def resolve_country(text: str | None) -> str | None:
    """The ISO code for a code or a full country name in any language, or None."""
    text = searchable(text)
    if not text:
        return None
    folded = search_fold(text)
    code = Country.get_or_none(Country.code == text.strip().upper())
    if code:
        return code.code
    try:
        found = find_countries(text, limit=50)
    except SearchRefused:  # no country is called by a page of text
        return None
    for country in found:
        if folded in country.search_text.split(" | "):
            return country.code
    return None
