"""Countries: ISO 3166 codes from pycountry, with names in English, Russian and Kazakh.

A database keeps its own ``Country`` table, filled once when the database is created, so the
window reads names from SQL and pycountry is only imported when a database is made.
"""

from __future__ import annotations

from collections.abc import Iterable

from models.errors import Problem, SearchRefused
from models.listing import all_of, contains_word, search_terms
from models.store.base import db
from models.store.records import Country
from models.words.text import fold, search_words, searchable


def _translate(translation, names: list[str]) -> str:
    """The first of ``names`` that has a translation; else the translation of the last."""
    for name in names:
        translated = translation.gettext(name)
        if translated != name:
            return translated
    return translation.gettext(names[-1])


def country_rows() -> list[dict]:
    """Every ISO country with its shown names and the folded words that find it."""
    import gettext

    import pycountry

    translations = {
        language: gettext.translation(
            "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
        )
        for language in ("ru", "kk")
    }
    rows = []
    for country in pycountry.countries:
        names = [n for n in (getattr(country, "common_name", None), country.name) if n]
        official = getattr(country, "official_name", None)
        shown = {"en": names[0]}
        spelled = set(names) | {official or "", country.alpha_2, country.alpha_3}
        for language, translation in translations.items():
            shown[language] = _translate(translation, names)
            spelled |= {translation.gettext(n) for n in names}
            if official:
                spelled.add(translation.gettext(official))
        rows.append(
            {
                "code": country.alpha_2,
                "name_en": shown["en"],
                "name_ru": shown["ru"],
                "name_kk": shown["kk"],
                "search_text": " | ".join(sorted(fold(s) for s in spelled if s)),
            }
        )
    return rows


def fill_countries() -> None:
    """Load the country table of a new database."""
    rows = country_rows()
    for start in range(0, len(rows), 100):
        Country.insert_many(rows[start : start + 100]).on_conflict_ignore().execute()


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


def country_name(code: str | None, language: str = "en") -> str:
    if not code:
        return ""
    country = Country.get_or_none(Country.code == code.upper())
    return country.name(language) if country else code


def country_names(codes: Iterable[str], language: str | None = None) -> dict[str, str]:
    """The names of several countries at once, in ``language`` (the current one when None)."""
    from models.words.translation import language as current_language

    chosen = language or current_language()
    wanted = sorted({code.upper() for code in codes})
    if not wanted:
        return {}
    return {
        country.code: country.name(chosen)
        for country in Country.select().where(Country.code.in_(wanted))
    }


def find_countries(text: str, limit: int = 20) -> list[Country]:
    """Countries whose name in any language, or ISO code, contains what was typed;
    names that start with it come first ("Исп" and "Spa" both find Spain)."""
    words = search_words(text)
    query = Country.select()
    terms = search_terms(text)
    if terms:
        query = query.where(all_of([contains_word(Country.search_text, w) for w in terms]))
    if words:
        first = words[0]
        starts = Country.search_text.startswith(first) | Country.search_text.contains(f"| {first}")
        query = query.order_by(starts.desc(), Country.name_en)
    else:
        query = query.order_by(Country.name_en)
    return list(query.limit(limit))


def valid_country(code: str | None, field: str = "country") -> Problem | None:
    if code and not country_words(code):
        return Problem(field, "Choose the country from the list.")
    return None


def resolve_country(text: str | None) -> str | None:
    """The ISO code for a code or a full country name in any language, or None."""
    text = searchable(text)
    if not text:
        return None
    folded = fold(text)
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
