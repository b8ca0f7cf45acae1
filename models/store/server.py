"""A database server's connection that comes back after the server went away (a restart, a
network cut): the next statement outside a transaction connects again, and a failed write
reports the outage instead of hanging on a dead socket.

Registered for ``postgresql://`` URLs, so every way of opening a server's database gets it.

What a PostgreSQL server gives Seriktes beyond the SQL both databases speak: trigram indexes
(the ``pg_trgm`` extension) on each kind's folded ``search_text``, so that a list search, a
LIKE '%word%' over every record, is answered from an index instead of reading every row; and
indexes of the columns lists sort by that hold the id after the column, as SQLite's do.

The extension is made by whoever may create in the database (``pg_trgm`` is trusted from
PostgreSQL 13): Seriktes makes it when it makes or opens a database with that right, else the
server's administrator makes it once (``CREATE EXTENSION pg_trgm``) and the indexes follow at
the next opening. Without it lists search the same records, by reading them all.
"""

from __future__ import annotations

import logging
import re

from peewee import (
    Database,
    DatabaseError,
    ForeignKeyField,
    InterfaceError,
    OperationalError,
    PostgresqlDatabase,
)
from playhouse.db_url import register_database
from playhouse.shortcuts import ReconnectMixin

from models.store.records import RECORD_KINDS

# How long a desktop waits for a server that does not answer, and how soon it notices one
# that has gone quiet (a cut cable): without these, a save could hang for a quarter of an hour.
SERVER_TIMEOUTS = {
    "connect_timeout": 5,
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 3,
    "tcp_user_timeout": 10_000,  # milliseconds a write may wait unanswered
}

# What psycopg2 says when the connection is gone, for statements that may connect again.
LOST = (
    "server closed the connection",
    "connection already closed",
    "terminating connection",
    "could not receive data",
    "could not send data",
    "connection timed out",
    "ssl connection has been closed",
    "no connection to the server",
)


def connection_lost(error: BaseException) -> bool:
    """Whether an error means the server cannot be reached (rather than a refused write)."""
    text = str(error).lower()
    return any(fragment in text for fragment in LOST + ("could not connect", "connection refused"))


class ServerDatabase(ReconnectMixin, PostgresqlDatabase):
    reconnect_errors = tuple(
        (kind, fragment) for kind in (OperationalError, InterfaceError) for fragment in LOST
    )

    def __init__(self, database, **kwargs) -> None:
        for name, value in SERVER_TIMEOUTS.items():
            kwargs.setdefault(name, value)
        super().__init__(database, **kwargs)

    def rollback(self) -> None:
        """A transaction on a connection the server dropped is gone with it: the rollback has
        nothing to do, and must not hide why the write failed."""
        connection = self._state.conn
        if connection is not None and getattr(connection, "closed", 0):
            return
        super().rollback()


register_database(ServerDatabase, "postgres", "postgresql")


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


# An index of one column, as peewee makes it: its name and the column.
_ONE_COLUMN = re.compile(
    r'CREATE INDEX ("?)(?P<name>\w+)\1 ON \S+ USING btree \(("?)(?P<column>\w+)\3\)'
)


def order_indexes_by_id(database: Database) -> list[str]:
    """SQLite keeps equal values of an index in rowid order, so a list sorted by a column
    and then by id (as every list is) reads its pages from the index alone, the last one as
    fast as the first. PostgreSQL keeps them in no order: the last page of a list sorted by
    name sorted all 100,000 rows. On a server each record table's index of one of its own
    columns (not a link to another record) is made again, under its name, on the column and
    the id. Returns the indexes made again (none once done)."""
    if not is_server(database):
        return []
    made = []
    for model in RECORD_KINDS.values():
        table = model._meta.table_name
        links = {
            field.column_name
            for field in model._meta.fields.values()
            if isinstance(field, ForeignKeyField)
        }
        for (definition,) in database.execute_sql(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() "
            "AND tablename = %s",
            (table,),
        ).fetchall():
            match = _ONE_COLUMN.fullmatch(definition)
            if match is None or match["column"] in links or match["column"] == "id":
                continue
            name, column = match["name"], match["column"]
            database.execute_sql(f'DROP INDEX "{name}"')
            database.execute_sql(f'CREATE INDEX "{name}" ON "{table}" ("{column}", "id")')
            made.append(name)
    return made


def prepare_indexes(database: Database) -> list[str]:
    """For a server database made or brought up to date by Seriktes itself: the indexes
    lists sort by, holding the id; and the trigram indexes, if the extension is there or the
    user may make it (else lists still find the same records, more slowly). Returns the
    indexes made."""
    if not is_server(database):
        return []
    made = order_indexes_by_id(database)
    if add_trigrams(database):
        made += create_trigram_indexes(database)
    return made
