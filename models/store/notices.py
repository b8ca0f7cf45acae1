"""How one desktop learns that another changed the records.

On a PostgreSQL server every committed write of a record (by the window, a command, any
program) notifies the channel ``seriktes_changes``: triggers on the record tables send
``kind:id:version:user`` for a statement that changed one record, ``kind:*:count:user`` for
one that changed many (an import). A ``ServerListener`` waits for them on a connection of its
own. A SQLite file has no such channel; its ``data_version`` tells whether another connection
has committed since it was last asked, which costs one tiny query.
"""

from __future__ import annotations

import contextlib
import select
from dataclasses import dataclass
from typing import Any

from peewee import Database, PostgresqlDatabase, SqliteDatabase

from models.store.records import RECORD_KINDS

CHANNEL = "seriktes_changes"

# One notice per statement, not per row: an import of 10,000 partners sends one.
NOTIFY_FUNCTION = f"""
CREATE OR REPLACE FUNCTION seriktes_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    how_many bigint;
    one_id bigint;
    one_version bigint;
    who text;
BEGIN
    SELECT count(*), min(id), max(version), max(updated_by)
      INTO how_many, one_id, one_version, who FROM changed_rows;
    IF how_many = 1 THEN
        PERFORM pg_notify('{CHANNEL}', TG_ARGV[0] || ':' || one_id || ':' || one_version
                          || ':' || coalesce(who, ''));
    ELSIF how_many > 1 THEN
        PERFORM pg_notify('{CHANNEL}', TG_ARGV[0] || ':*:' || how_many || ':'
                          || coalesce(who, ''));
    END IF;
    RETURN NULL;
END $$
"""
EVENTS = {"insert": "NEW", "update": "NEW", "delete": "OLD"}


def install_change_notices(database: Database) -> None:
    """Make every record table of a server's database announce its changes (nothing for a
    SQLite file). Run again, it replaces what it made before."""
    if not isinstance(database, PostgresqlDatabase):
        return
    database.execute_sql(NOTIFY_FUNCTION)
    for kind, model in RECORD_KINDS.items():
        table = model._meta.table_name
        for event, rows in EVENTS.items():
            name = f"seriktes_{table}_{event}"
            database.execute_sql(f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"')
            database.execute_sql(
                f'CREATE TRIGGER "{name}" AFTER {event.upper()} ON "{table}" '
                f"REFERENCING {rows} TABLE AS changed_rows FOR EACH STATEMENT "
                f"EXECUTE FUNCTION seriktes_notify_change('{kind}')"
            )


@dataclass(frozen=True)
class Notice:
    """A change another desktop made: the kind of record, which one and the version it is
    at now (None when a statement changed many), and who made it."""

    kind: str
    record_id: int | None
    version: int | None
    user: str

    @classmethod
    def read(cls, payload: str) -> Notice:
        kind, record, number, user = (payload.split(":", 3) + ["", "", ""])[:4]
        single = record.isdigit()
        return cls(
            kind,
            int(record) if single else None,
            int(number) if single and number.isdigit() else None,
            user,
        )


class ServerListener:
    """Waits for the server's change notices on a connection of its own, so a desktop hears
    of them while its window's connection is idle. Not thread-safe: one thread uses it."""

    def __init__(self, database: PostgresqlDatabase) -> None:
        self.name = database.database
        self.params: dict[str, Any] = dict(database.connect_params)
        self._connection: Any = None

    @property
    def connected(self) -> bool:
        return self._connection is not None and not self._connection.closed

    def connect(self) -> None:
        import psycopg2

        self.close()
        connection = psycopg2.connect(dbname=self.name, **self.params)
        connection.autocommit = True
        connection.cursor().execute(f"LISTEN {CHANNEL}")
        self._connection = connection

    def wait(self, timeout: float) -> list[Notice]:
        """The notices that arrive within ``timeout`` seconds (none when none came). Raises
        psycopg2's errors (or OSError) when the server has gone away."""
        if not self.connected:
            self.connect()
        connection = self._connection
        if not connection.notifies:
            readable, _, _ = select.select([connection], [], [], timeout)
            if readable:
                connection.poll()
        notices = [Notice.read(notify.payload) for notify in connection.notifies]
        connection.notifies.clear()
        return notices

    def close(self) -> None:
        if self._connection is not None:
            # A connection the server dropped closes as it can.
            with contextlib.suppress(Exception):
                self._connection.close()
            self._connection = None


class FileWatcher:
    """Tells whether another program committed to a SQLite file since the last question."""

    def __init__(self, database: SqliteDatabase) -> None:
        self.database = database
        self._seen = self._version()

    def _version(self) -> int:
        return self.database.execute_sql("PRAGMA data_version").fetchone()[0]

    def changed(self) -> bool:
        version = self._version()
        changed, self._seen = version != self._seen, version
        return changed
