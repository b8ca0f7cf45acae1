"""Opening a database from a file path or a URL, and binding the models to it.

SQLite is the default: one file per department desktop. A ``sqlite:///`` or ``postgresql://``
URL is opened through peewee's ``db_url``; nothing here but the file checks assumes SQLite.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

from peewee import Database, DatabaseError, ImproperlyConfigured, SqliteDatabase
from playhouse.db_url import connect as connect_url

from models.errors import DatabaseOpenError, NotSeriktesDatabase
from models.store.base import db
from models.store.files import (
    busy_timeout,
    can_write,
    check_file_kind,
    check_target,
    is_url,
    opening_error,
    read_only_uri,
    sqlite_path,
)
from models.store.integrity import inspect_database_file
from models.store.migrations import (
    SCHEMA_VERSION,
    create_schema,
    stored_version,
    upgrade,
)
from models.store.server import connection_lost
from models.words.translation import _

__all__ = ["can_write", "is_url", "sqlite_path"]  # where the window and commands find them

SQLITE_PRAGMAS = {
    "foreign_keys": 1,
    "journal_mode": "wal",
    # FULL: a committed change is on disk before the commit returns, so it survives a power cut.
    "synchronous": 2,
    "cache_size": -16000,
}


def inspect_sqlite_file(path: Path) -> bool:
    """Refuse a file that is not a Seriktes database, is damaged, is from a newer version or
    cannot be read now, reading it without changing a byte. Returns whether the file holds a
    Seriktes database (False for a new or empty file)."""
    return inspect_database_file(path)


def _pragmas() -> dict[str, object]:
    return {**SQLITE_PRAGMAS, "busy_timeout": busy_timeout()}


def _connect(target: str) -> Database:
    if not is_url(target):
        return SqliteDatabase(str(Path(target).expanduser()), pragmas=_pragmas())
    options = {"pragmas": _pragmas()} if target.startswith("sqlite") else {}
    try:
        return connect_url(target, **options)
    except (ImproperlyConfigured, RuntimeError, ValueError) as error:
        raise DatabaseOpenError(
            _("Cannot open {name}: {error}.").format(name=target, error=error)
        ) from error


def open_database(target: str | Path, create: bool = True, read_only: bool = False) -> Database:
    """Open the database at a path or URL (creating a new file unless ``create`` is False),
    bring its schema up to date and bind every model to it. ``read_only`` opens it without
    ever writing to it (the file or folder cannot be written, or another window holds it).
    Raises ``DatabaseOpenError`` with a plain message, leaving a refused file as it was."""
    target = str(target)
    check_target(target)
    path = sqlite_path(target)
    if path is not None and read_only:
        return _open_read_only(path)
    if path is not None:
        if not create and not path.exists():
            raise DatabaseOpenError(
                _(
                    "{path} no longer exists. It may have been moved, renamed or deleted; "
                    "open it from where it is now."
                ).format(path=path)
            )
        check_file_kind(path)
        inspect_database_file(path)
        if not path.parent.exists():
            raise DatabaseOpenError(
                _("The folder {folder} does not exist.").format(folder=path.parent)
            )
    name = path.name if path is not None else target
    database = _connect(target)
    try:
        database.connect(reuse_if_open=True)
        db.initialize(database)
        if not database.table_exists("seriktes_info"):
            if database.get_tables():
                raise NotSeriktesDatabase(
                    _("{target} holds another program's tables, not a Seriktes database.").format(
                        target=target
                    )
                )
            create_schema(database)
        else:
            upgrade(database, lambda version: _before_migration(path, version))
    except DatabaseOpenError:
        database.close()
        raise
    except (DatabaseError, ImproperlyConfigured, sqlite3.Error, OSError) as error:
        database.close()
        raise opening_error(name if path is not None else target, error) from error
    database.read_only = False
    return database


def ensure_writable(database: Database) -> None:
    """Refuse, before anything is changed, a database that cannot be written now: its file
    or folder is read-only, or another program is changing it and does not let go within
    the busy timeout. Asked of SQLite itself by taking and at once giving back its write lock
    (a database server answers for itself, and is not asked)."""
    if not isinstance(database, SqliteDatabase):
        return
    path = sqlite_path(database.database)
    name = path.name if path is not None else database.database
    if path is not None and path.exists() and not can_write(path):
        raise opening_error(name, PermissionError("read-only"))
    try:
        database.execute_sql("BEGIN IMMEDIATE")
        database.execute_sql("ROLLBACK")
    except (DatabaseError, sqlite3.Error) as error:
        raise opening_error(name, error) from error


def explain_write_failure(error: Exception) -> str:
    """Why a save did not reach the database, for the person who pressed Save. The
    transaction was rolled back, so the database is as it was."""
    text = str(error).lower()
    if connection_lost(error):
        return _(
            "Nothing was saved: the database server cannot be reached. Everything you typed "
            "is still in the form; save again once the connection is back."
        )
    if "disk is full" in text:
        return _(
            "Nothing was saved: the disk is full. Free some space and save again. The "
            "database is as it was before."
        )
    if "locked" in text or "busy" in text:
        return _(
            "Nothing was saved: another program is writing to the database. Wait a moment "
            "and save again. The database is as it was before."
        )
    if "readonly" in text or "read-only" in text:
        return _(
            "Nothing was saved: the database cannot be written to. The database is as it was "
            "before."
        )
    return _("Nothing was saved: {reason}. The database is as it was before.").format(reason=error)


def _open_read_only(path: Path) -> Database:
    """A database opened for reading only (see ``read_only_uri``)."""
    if not path.exists():
        raise DatabaseOpenError(_("{path} does not exist.").format(path=path))
    inspect_database_file(path)
    database = SqliteDatabase(
        read_only_uri(path),
        uri=True,
        pragmas={"foreign_keys": 1, "busy_timeout": busy_timeout(), "query_only": 1},
    )
    try:
        database.connect()
        db.initialize(database)
        if stored_version() < SCHEMA_VERSION:
            raise DatabaseOpenError(
                _(
                    "{name} was made by an older version of Seriktes and needs updating, "
                    "which cannot be done while it is opened read-only. Open it where it can "
                    "be written, or ask whoever holds it to close it."
                ).format(name=path.name)
            )
    except DatabaseOpenError:
        database.close()
        raise
    except (DatabaseError, sqlite3.Error, OSError) as error:
        database.close()
        raise opening_error(path.name, error) from error
    database.read_only = True
    return database


def _before_migration(path: Path | None, version: int) -> None:
    if path is not None:
        from models.store.backups import make_backup

        make_backup(path, f"before update from schema {version}")


def close_database() -> None:
    database = db.obj
    if database is not None and not database.is_closed():
        database.close()


def describe(database: Database) -> str:
    """How the database is shown in the window title and messages."""
    if isinstance(database, SqliteDatabase):
        name = database.database
        if name.startswith("file:"):  # opened read-only through a URI
            name = unquote(urlsplit(name).path)
        return Path(name).name
    # A server's database by its name and its server, as its administrator gave them.
    host = database.connect_params.get("host")
    if not host:
        return _("{database} on this computer").format(database=database.database)
    return _("{database} on {server}").format(database=database.database, server=host)


@contextmanager
def thread_connection() -> Iterator[Database]:
    """The open database on a connection of the calling thread's own, for work done off the
    window's thread (an export): a connection must not cross threads, and peewee keeps one
    per thread. The connection is closed afterwards if it was opened here."""
    database = db.obj
    if database is None:
        raise DatabaseOpenError(_("No database is open."))
    opened = database.connect(reuse_if_open=True)
    try:
        yield database
    finally:
        if opened:
            database.close()
