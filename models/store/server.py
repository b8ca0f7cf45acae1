"""What a PostgreSQL server gives Seriktes beyond the SQL both databases speak: trigram indexes
(the ``pg_trgm`` extension) on each kind's folded ``search_text``, so that a list search, a
LIKE '%word%' over every record, is answered from an index instead of reading every row.

The extension is made by whoever may create in the database (``pg_trgm`` is trusted from
PostgreSQL 13): Seriktes makes it when it makes or opens a database with that right, else the
server's administrator makes it once (``CREATE EXTENSION pg_trgm``) and the indexes follow at
the next opening. Without it lists search the same records, by reading them all.
"""

from __future__ import annotations

import logging

from peewee import Database, DatabaseError, PostgresqlDatabase

from models.store.records import RECORD_KINDS

TRIGRAMS = "pg_trgm"

log = logging.getLogger(__name__)


def is_server(database: Database) -> bool:
    """Whether the database is on a PostgreSQL server (not a SQLite file)."""
    return isinstance(database, PostgresqlDatabase)


def trigram_index_name(table: str) -> str:
    return f"{table}_search_text_trigrams"


def has_trigrams(database: Database) -> bool:
    """Whether the database has the trigram extension (made by its administrator)."""
    row = database.execute_sql(
        "SELECT 1 FROM pg_extension WHERE extname = %s", (TRIGRAMS,)
    ).fetchone()
    return row is not None


def add_trigrams(database: Database) -> bool:
    """Make the trigram extension if the connected user may (from PostgreSQL 13 ``pg_trgm``
    is trusted: the right to create in the database is enough). Returns whether the database
    has it now; a refusal leaves the transaction as it was."""
    if has_trigrams(database):
        return True
    try:
        with database.atomic():  # a savepoint: the refusal must not end the caller's work
            database.execute_sql(f"CREATE EXTENSION IF NOT EXISTS {TRIGRAMS}")
    except DatabaseError as error:
        log.info("Lists search without trigram indexes: %s", str(error).strip())
        return False
    return True


def create_trigram_indexes(database: Database) -> list[str]:
    """The trigram index on every kind's ``search_text``, where the extension is there and
    the index is not yet. Returns the indexes made (none without the extension)."""
    if not is_server(database) or not has_trigrams(database):
        return []
    present = {
        row[0]
        for row in database.execute_sql(
            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
        ).fetchall()
    }
    made = []
    for model in RECORD_KINDS.values():
        table = model._meta.table_name
        name = trigram_index_name(table)
        if name in present:
            continue
        database.execute_sql(
            f'CREATE INDEX "{name}" ON "{table}" USING gin ("search_text" gin_trgm_ops)'
        )
        made.append(name)
    return made


def prepare_search(database: Database) -> list[str]:
    """For a server database made or brought up to date by Seriktes itself: the trigram
    indexes, if the extension is there or the user may make it; else nothing (lists still
    find the same records, more slowly)."""
    if not is_server(database) or not add_trigrams(database):
        return []
    return create_trigram_indexes(database)
