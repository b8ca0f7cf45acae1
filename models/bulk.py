"""Writing many rows at once, as an import does. peewee builds an expression for every value
it inserts, which for tens of thousands of rows costs more than the writing itself; these
rows are bound as plain parameters of one statement per batch instead, in any database
peewee speaks to."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from peewee import Model

# SQLite allows 32,766 parameters in one statement (PostgreSQL more): batches stay below.
MAX_PARAMETERS = 30_000


def insert_rows(model: type[Model], rows: Sequence[dict[str, Any]],
                returning: bool = False) -> list[int]:
    """Insert ``rows`` (by field name; a missing field takes its default) and, when asked,
    return the new ids in the order of the rows."""
    if not rows:
        return []
    meta = model._meta
    database = meta.database

    def quote(name: str) -> str:
        opening, closing = database.quote  # the database's quote characters, like '""'
        return f"{opening}{name}{closing}"

    fields = [field for field in meta.sorted_fields
              if not (field is meta.primary_key and field.name not in rows[0])]
    columns = ", ".join(quote(field.column_name) for field in fields)
    placeholder = "(" + ", ".join([database.param] * len(fields)) + ")"
    size = max(1, MAX_PARAMETERS // len(fields))
    suffix = f" RETURNING {quote(meta.primary_key.column_name)}" if returning else ""
    ids: list[int] = []
    for start in range(0, len(rows), size):
        batch = rows[start:start + size]
        params = [field.db_value(_value(field, row)) for row in batch for field in fields]
        sql = (f"INSERT INTO {quote(meta.table_name)} ({columns}) VALUES "
               + ", ".join([placeholder] * len(batch)) + suffix)
        cursor = database.execute_sql(sql, params)
        if returning:
            ids += [row[0] for row in cursor.fetchall()]
    return ids


def _value(field, row: dict[str, Any]) -> Any:
    if field.name in row:
        return row[field.name]
    default = field.default
    return default() if callable(default) else default
