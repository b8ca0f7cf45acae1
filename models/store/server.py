"""A database server's connection that comes back after the server went away (a restart, a
network cut): the next statement outside a transaction connects again, and a failed write
reports the outage instead of hanging on a dead socket.

Registered for ``postgresql://`` URLs, so every way of opening a server's database gets it.
"""

from __future__ import annotations

from peewee import InterfaceError, OperationalError, PostgresqlDatabase
from playhouse.db_url import register_database
from playhouse.shortcuts import ReconnectMixin

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
