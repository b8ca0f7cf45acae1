"""Writing many rows at once, as an import does. peewee builds an expression for every value
it inserts, which for tens of thousands of rows costs more than the writing itself; these
rows are bound as plain parameters of one statement per batch instead, in any database
peewee speaks to."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from peewee import CharField, Database, Field, Model, SqliteDatabase, TextField

# SQLite allows 32,766 parameters in one statement (PostgreSQL more): batches stay below.
MAX_PARAMETERS = 30_000
# The page cache a bulk write may use, in MiB. Rows added to a large database land all over
# its indexes (names, keys, search everywhere); once the changed pages outgrow the usual cache,
# SQLite spills them to the WAL in the middle of the transaction and reads them back for the
# next rows: importing 10,000 partners into 100,000 took a quarter longer.
BULK_CACHE_MB = 256


def insert_rows(
    model: type[Model], rows: Sequence[dict[str, Any]], returning: bool = False
) -> list[int]:
    """Insert ``rows`` (by field name; a missing field takes its default) and, when asked,
    return the new ids in the order of the rows."""
    if not rows:
        return []
    meta = model._meta
    database = meta.database
    quote = _quoting(database)
    fields = [
        field
        for field in meta.sorted_fields
        if not (field is meta.primary_key and field.name not in rows[0])
    ]
    columns = ", ".join(quote(field.column_name) for field in fields)
    converters = [(field, _converter(field)) for field in fields]
    placeholder = "(" + ", ".join([database.param] * len(fields)) + ")"
    size = max(1, MAX_PARAMETERS // len(fields))
    suffix = f" RETURNING {quote(meta.primary_key.column_name)}" if returning else ""
    ids: list[int] = []
    for start in range(0, len(rows), size):
        batch = rows[start : start + size]
        params = [convert(_value(field, row)) for row in batch for field, convert in converters]
        sql = (
            f"INSERT INTO {quote(meta.table_name)} ({columns}) VALUES "
            + ", ".join([placeholder] * len(batch))
            + suffix
        )
        cursor = database.execute_sql(sql, params)
        if returning:
            ids += [row[0] for row in cursor.fetchall()]
    return ids


def rows_where_in(
    model: type[Model], columns: Sequence[Field], key: Field, values: Sequence[Any]
) -> list[tuple]:
    """``columns`` of the rows whose ``key`` is one of ``values`` (thousands of them), as
    tuples. Like ``model.select(*columns).where(key.in_(values))``, but with the values bound as
    plain parameters: peewee builds an expression for each, which for a sheet's worth of keys
    costs ten times the query."""
    database = model._meta.database
    quote = _quoting(database)
    selected = ", ".join(quote(column.column_name) for column in columns)
    found: list[tuple] = []
    for start in range(0, len(values), MAX_PARAMETERS):
        batch = [key.db_value(value) for value in values[start : start + MAX_PARAMETERS]]
        sql = (
            f"SELECT {selected} FROM {quote(model._meta.table_name)} "
            f"WHERE {quote(key.column_name)} IN ({', '.join([database.param] * len(batch))})"
        )
        found += database.execute_sql(sql, batch).fetchall()
    return found


def _quoting(database: Database) -> Callable[[str], str]:
    """A name quoted as the database wants it ("name" in SQLite and PostgreSQL)."""
    opening, closing = database.quote
    return lambda name: f"{opening}{name}{closing}"


def _converter(field: Field) -> Callable[[Any], Any]:
    """``field.db_value``, skipped for the values that need no converting: None, and text for
    a text field: most of what an import writes, hundreds of thousands of values."""
    db_value = field.db_value
    if isinstance(field, (CharField, TextField)):
        return lambda value: value if value is None or type(value) is str else db_value(value)
    return lambda value: None if value is None else db_value(value)


def _value(field, row: dict[str, Any]) -> Any:
    if field.name in row:
        return row[field.name]
    default = field.default
    return default() if callable(default) else default


@contextmanager
def roomy_cache(database: Database) -> Iterator[None]:
    """A large page cache for the writes inside, given back after (SQLite frees the pages
    above the usual size at once)."""
    if not isinstance(database, SqliteDatabase):
        yield
        return
    usual = database.execute_sql("PRAGMA cache_size").fetchone()[0]
    database.execute_sql(f"PRAGMA cache_size = {-BULK_CACHE_MB * 1024}")
    try:
        yield
    finally:
        database.execute_sql(f"PRAGMA cache_size = {int(usual)}")


@contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cycle collector paused for a bulk job: it makes hundreds of thousands of
    objects that live until it ends, and each collection would walk them (and the rest of the
    app) again, for a twentieth of an import's time. Cycles made meanwhile are collected when
    the collector runs again."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()
