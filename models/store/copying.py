"""A whole database copied into another one: a department's file onto its new server, or a
server's database into a file. Every record, link, tag, attached file, history row and item
of the trash is copied with its id, so that links, history and the trash stay true.

The copy is written in one transaction on the target, table by table in the order the tables
point to each other, in batches; it is read from one snapshot of the source. Before the
target commits, every table is counted on both sides; a difference rolls the copy back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from peewee import (
    AutoField,
    Database,
    DatabaseError,
    ForeignKeyField,
    Model,
    PostgresqlDatabase,
)

from models.errors import SeriktesError
from models.search import SearchName, rebuild_search_index
from models.store.base import db
from models.store.bulk import insert_rows
from models.store.migrations import SCHEMA_VERSION
from models.store.records import ALL_MODELS, AttachmentContent, Country, Info
from models.words.translation import _, ngettext

# Rows read and written at a time; attached files' bytes in smaller batches, as a file may
# be megabytes.
BATCH_ROWS = 2000
BATCH_FILES = 20
# Made anew by a new database, and replaced by the source's own.
REPLACED = (Info, Country)

# Told of each batch copied: the table, the rows copied so far and the table's rows.
Progress = Callable[[str, int, int], None]


class CopyRefused(SeriktesError):
    """The copy was not made; the target is as it was."""


def copied_tables() -> tuple[type[Model], ...]:
    """The tables a copy carries, in the order they point to each other; the search names
    are made again from the records instead."""
    return ALL_MODELS


def holds_records(database: Database) -> bool:
    """Whether a database holds anything a user made (records, links, history, trash)."""
    return any(
        model.select().limit(1).exists(database)
        for model in (*ALL_MODELS, SearchName)
        if model not in REPLACED
    )


def copy_database(
    source: Database, target: Database, target_name: str, progress: Progress | None = None
) -> dict[str, int]:
    """Copy every row of ``source`` into ``target`` (both open, at the same schema; the
    models bound to the target) and return the rows copied per table. A target holding
    records is refused; a failure leaves the target as it was. Raises ``CopyRefused``."""
    report = progress or (lambda _table, _done, _total: None)
    found = _version(source)
    if found != SCHEMA_VERSION:
        raise CopyRefused(
            _(
                "The database to copy is at schema {found}, and this version of Seriktes copies "
                "schema {known}: copy it with the version that made it. Nothing was changed."
            ).format(found=found, known=SCHEMA_VERSION)
        )
    db.initialize(target)
    counts: dict[str, int] = {}
    try:
        with source.atomic(), target.atomic():
            if isinstance(source, PostgresqlDatabase):
                # Every table read from the same moment, whatever desktops write meanwhile.
                source.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            if holds_records(target):
                raise CopyRefused(
                    _(
                        "{target} already holds records; a copy is made only into a new or "
                        "empty database. Nothing was changed."
                    ).format(target=target_name)
                )
            for model in reversed(REPLACED):
                model.delete().execute(target)
            for model in copied_tables():
                counts[model._meta.table_name] = _copy_table(model, source, target, report)
            rebuild_search_index(target)
            _continue_sequences(target)
            _verify(source, target, target_name, counts)
    except SeriktesError:
        raise
    except (DatabaseError, ValueError) as error:
        raise CopyRefused(
            _("The copy failed ({error}). Nothing was written to {target}.").format(
                error=str(error).strip().splitlines()[0] if str(error).strip() else error,
                target=target_name,
            )
        ) from error
    return counts


def _version(source: Database) -> int:
    rows = list(
        Info.select(Info.value).where(Info.key == "schema_version").tuples().execute(source)
    )
    text = str(rows[0][0]).strip() if rows else ""
    return int(text) if text.isdigit() else 0


def _copy_table(model: type[Model], source: Database, target: Database, report: Progress) -> int:
    """Copy one table in batches of its primary key's order. A row pointing to another row of
    its own table (a branch campus to its university) is written without the link first, and
    linked once every row of the table is there."""
    meta = model._meta
    fields = list(meta.sorted_fields)
    key = meta.primary_key
    own = [f for f in fields if isinstance(f, ForeignKeyField) and f.rel_model is model]
    total = model.select().count(source)
    size = BATCH_FILES if model is AttachmentContent else BATCH_ROWS
    links: list[tuple[Any, Any, Any]] = []
    done = 0
    last = None
    while True:
        query = model.select(*fields).order_by(key).limit(size)
        if last is not None:
            query = query.where(key > last)
        rows = list(query.tuples().execute(source))
        if not rows:
            break
        batch = []
        for values in rows:
            row = {field.name: _plain(value) for field, value in zip(fields, values, strict=True)}
            for field in own:
                if row[field.name] is not None:
                    links.append((field, row[field.name], row[key.name]))
                    row[field.name] = None
            batch.append(row)
        insert_rows(model, batch)
        last = rows[-1][fields.index(key)]
        done += len(rows)
        report(meta.table_name, done, total)
    for field, value, row_id in links:
        model.update({field: value}).where(key == row_id).execute(target)
    if total == 0:
        report(meta.table_name, 0, 0)
    return done


def _plain(value: Any) -> Any:
    """A value as the other database takes it: a server's bytes come as a memoryview."""
    return bytes(value) if isinstance(value, memoryview) else value


def _continue_sequences(target: Database) -> None:
    """A server's counters of ids set past the ids copied, so the next record made there does
    not take an id a copied one has (a file counts from its largest id by itself)."""
    if not isinstance(target, PostgresqlDatabase):
        return
    for model in copied_tables():
        key = model._meta.primary_key
        if not isinstance(key, AutoField):
            continue
        table = model._meta.table_name
        target.execute_sql(
            f"SELECT setval(pg_get_serial_sequence(%s, %s), "
            f'coalesce(max("{key.column_name}"), 0) + 1, false) FROM "{table}"',
            (table, key.column_name),
        )


def _verify(source: Database, target: Database, target_name: str, counts: dict[str, int]) -> None:
    """Every table holds as many rows on both sides; else the copy is not committed."""
    for model in copied_tables():
        table = model._meta.table_name
        expected = model.select().count(source)
        found = model.select().count(target)
        if expected != found or counts[table] != found:
            raise CopyRefused(
                ngettext(
                    "The copy of {table} does not hold the {expected} row of the original "
                    "(it holds {found}), so it was not kept. Nothing was written to {target}.",
                    "The copy of {table} does not hold the {expected} rows of the original "
                    "(it holds {found}), so it was not kept. Nothing was written to {target}.",
                    expected,
                ).format(table=table, found=found, expected=expected, target=target_name)
            )
