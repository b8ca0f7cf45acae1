"""Values derived from the names of records, made again from what is stored: the names the
countries are known by, each record's sort keys (``models.words.collation``) and its search
text in the form it is searched in (``models.words.text.search_fold``). An update brings a
database to them (schema 7); a record put back from the trash gets its sort keys again, as the
trash does not keep them."""

from __future__ import annotations

import json
from collections import namedtuple
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from peewee import Database

from models.kinds.registry import editor_for
from models.store.base import RecordModel, db
from models.store.records import RECORD_KINDS, Country, Organization, TrashItem
from models.words.collation import SORT_COLUMNS, sort_keys
from models.words.countries import refresh_countries
from models.words.text import fold, latin
from models.words.translation import LANGUAGES

# Records read and written together.
BATCH = 5000


def refresh_records(database: Database) -> None:
    """Every record's search text in Latin letters, with its country named as the country
    table now names it, and the sort keys of its names; the country table brought up to date
    first."""
    before = _country_words()
    refresh_countries()
    after = _country_words()
    renamed = {code: (words, after[code]) for code, words in before.items() if words != after[code]}
    for kind in RECORD_KINDS:
        _rewrite(database, kind, lambda text, code: latin(_renamed(text, renamed.get(code))))


def refresh_sort_keys(kind: str, record_ids: Iterable[int]) -> None:
    """The sort keys of records written as they were kept (put back from the trash)."""
    _rewrite(db.obj, kind, None, list(record_ids))


def sort_columns(model: type[RecordModel]) -> tuple[str, ...]:
    """The columns of a record's sort keys, which a copy of the record (in the trash) leaves
    out: they follow from its names."""
    columns = tuple(SORT_COLUMNS.values())
    if model is Organization:
        columns += tuple(f"short_{column}" for column in columns)
    return columns


def refresh_trash(database: Database) -> None:
    """The search text of the records kept in the trash, in the form a restored record must
    have."""
    for item_id, snapshot in TrashItem.select(TrashItem.id, TrashItem.snapshot).tuples():
        kept = json.loads(snapshot)
        if _latin_search_texts(kept):
            TrashItem.update(snapshot=json.dumps(kept, ensure_ascii=False, sort_keys=True)).where(
                TrashItem.id == item_id
            ).execute()


def _country_words() -> dict[str, list[str]]:
    """What a record's search text held for its country: its code and its three names,
    folded, as ``country_words`` gave them when the text was made."""
    query = Country.select(Country.code, Country.name_en, Country.name_ru, Country.name_kk)
    return {
        country.code: [fold(word) for word in (country.code, *_names(country))] for country in query
    }


def _names(country: Country) -> tuple[str, str, str]:
    return country.name_en, country.name_ru, country.name_kk


def _renamed(text: str, words: tuple[list[str], list[str]] | None) -> str:
    """``text`` with the run of its items that named its country before naming it as now."""
    if words is None:
        return text
    before, after = words
    items = text.split(" | ")
    for start in range(len(items) - len(before) + 1):
        if items[start : start + len(before)] == before:
            items[start : start + len(before)] = after
            return " | ".join(items)
    return text


def _rewrite(
    database: Database,
    kind: str,
    searched: Callable[[str, str | None], str] | None,
    record_ids: list[int] | None = None,
) -> None:
    """Write the sort keys of the records of a kind (of ``record_ids``, else all), and their
    search text as ``searched(text, country)`` makes it when given; read and written a batch
    at a time, in the order of their ids, with plain SQL (peewee would build an object of
    each of half a million rows)."""
    editor = editor_for(kind)
    model = RECORD_KINDS[kind]
    fields = model._meta.fields
    names = list(dict.fromkeys([editor.title_field, *editor.names_in.values()]))
    if model is Organization:
        names.append("short_name")
    read = ["id", "search_text", *names] + (["country_id"] if "country" in fields else [])
    Row = namedtuple("Row", [column.removesuffix("_id") for column in read])  # noqa: N806
    written = (["search_text"] if searched else []) + list(sort_columns(model))
    table, param = model._meta.table_name, database.param
    update = (
        f'UPDATE "{table}" SET '
        + ", ".join(f'"{column}" = {param}' for column in written)
        + f' WHERE "id" = {param}'
    )
    for rows in _batches(database, table, read, record_ids):
        values = []
        for row in map(Row._make, rows):
            keys = sort_keys(editor.sorted_names(row))
            if model is Organization:
                short = sort_keys(dict.fromkeys(LANGUAGES, row.short_name))
                keys.update({f"short_{column}": key for column, key in short.items()})
            text = [searched(row.search_text, getattr(row, "country", None))] if searched else []
            values.append((*text, *(keys[column] for column in written[len(text) :]), row.id))
        database.cursor().executemany(update, values)


def _batches(
    database: Database, table: str, read: list[str], record_ids: list[int] | None
) -> Iterator[list[tuple]]:
    param = database.param
    columns = ", ".join(f'"{column}"' for column in read)
    select = f'SELECT {columns} FROM "{table}"'
    if record_ids is not None:
        for start in range(0, len(record_ids), BATCH):
            chosen = record_ids[start : start + BATCH]
            marks = ", ".join([param] * len(chosen))
            yield database.execute_sql(f'{select} WHERE "id" IN ({marks})', chosen).fetchall()
        return
    last = 0
    while rows := database.execute_sql(
        f'{select} WHERE "id" > {param} ORDER BY "id" LIMIT {BATCH}', (last,)
    ).fetchall():
        yield rows
        last = rows[-1][0]


def _latin_search_texts(kept: Any) -> bool:
    """Put every search text a trash snapshot holds (its record's, and those of the records
    deleted with it) in Latin letters; whether there was one."""
    changed = False
    if isinstance(kept, dict):
        for key, value in kept.items():
            if key == "search_text" and isinstance(value, str):
                kept[key] = latin(value)
                changed = True
            else:
                changed |= _latin_search_texts(value)
    elif isinstance(kept, list):
        for value in kept:
            changed |= _latin_search_texts(value)
    return changed
