"""Databases on a PostgreSQL server for the benchmarks, named by URLs
(``postgresql://user@127.0.0.1:54343/name``): made, copied and dropped through the server's
``postgres`` database, as an administrator would. The benchmarks only ever touch the
databases they are given or make themselves.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

import psycopg2
from psycopg2 import sql


def is_server(target: str) -> bool:
    return str(target).startswith(("postgresql://", "postgres://"))


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def with_name(url: str, name: str) -> str:
    """The URL of another database on the same server."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def connect(url: str):
    """A bare psycopg2 connection (autocommit), for baselines and administration."""
    connection = psycopg2.connect(url)
    connection.autocommit = True
    return connection


def _admin(url: str):
    return connect(with_name(url, "postgres"))


def exists(url: str) -> bool:
    with _admin(url) as admin:
        cursor = admin.cursor()
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database_name(url),))
        found = cursor.fetchone() is not None
    admin.close()
    return found


def create(url: str, template: str | None = None) -> None:
    """Make the database of ``url`` (empty, or a copy of the database ``template``: the
    template must have no connection meanwhile)."""
    statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database_name(url)))
    if template:
        # A file copy after a checkpoint: for a database of a gigabyte much faster than
        # PostgreSQL 15's default, which writes every page of it to the WAL.
        statement += sql.SQL(" TEMPLATE {} STRATEGY FILE_COPY").format(sql.Identifier(template))
    admin = _admin(url)
    try:
        admin.cursor().execute(statement)
    finally:
        admin.close()


def drop(url: str) -> None:
    admin = _admin(url)
    try:
        admin.cursor().execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(database_name(url))
            )
        )
    finally:
        admin.close()


def server_version(url: str) -> str:
    connection = connect(url)
    try:
        cursor = connection.cursor()
        cursor.execute("SHOW server_version")
        return cursor.fetchone()[0]
    finally:
        connection.close()
