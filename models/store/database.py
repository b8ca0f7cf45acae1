"""Opening a database from a file path or a URL, and binding the models to it.

SQLite is the default: one file per department desktop. A ``sqlite:///`` or ``postgresql://``
URL is opened through peewee's ``db_url``; nothing here but the file checks assumes SQLite.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

from peewee import Database, DatabaseError, ImproperlyConfigured, SqliteDatabase
from playhouse.db_url import connect as connect_url

from models.errors import DamagedDatabase, DatabaseOpenError, NotSeriktesDatabase
from models.store.base import db
from models.store.migrations import (
    APPLICATION,
    SCHEMA_VERSION,
    check_version,
    create_schema,
    stored_version,
    upgrade,
)

SQLITE_PRAGMAS = {
    "foreign_keys": 1,
    "journal_mode": "wal",
    "busy_timeout": 5000,
    # FULL: a committed change is on disk before the commit returns, so it survives a power cut.
    "synchronous": 2,
    "cache_size": -16000,
}

_SQLITE_HEADER = b"SQLite format 3\x00"


def is_url(target: str) -> bool:
    return "://" in target


def sqlite_path(target: str) -> Path | None:
    """The file behind a path or ``sqlite:///`` URL, or None for a server database."""
    if not is_url(target):
        return Path(target).expanduser()
    if target.startswith("sqlite:///"):
        return Path(target.removeprefix("sqlite:///")).expanduser()
    return None


def inspect_sqlite_file(path: Path) -> bool:
    """Refuse a file that is not a Seriktes database, is damaged or is from a newer version,
    reading it without changing a byte. Returns whether the file holds a Seriktes database
    (False for a new or empty file)."""
    if not path.exists() or path.stat().st_size == 0:
        return False
    if path.is_dir():
        raise NotSeriktesDatabase(f"{path} is a folder, not a Seriktes database.")
    with path.open("rb") as handle:
        header = handle.read(len(_SQLITE_HEADER))
    if header != _SQLITE_HEADER:
        raise NotSeriktesDatabase(
            f"{path.name} is not a Seriktes database (it is not an SQLite file). "
            "Choose another file, or create a new database."
        )
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise DamagedDatabase(f"{path.name} cannot be read: {error}.") from error
    try:
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if not tables:
            return False
        if "seriktes_info" not in tables:
            raise NotSeriktesDatabase(
                f"{path.name} is a database of another program, not of Seriktes. "
                "It was not changed."
            )
        info = dict(connection.execute("SELECT key, value FROM seriktes_info"))
    except sqlite3.DatabaseError as error:
        raise DamagedDatabase(
            f"{path.name} is damaged and cannot be opened ({error}). "
            "Restore it from a backup, or open another database."
        ) from error
    finally:
        connection.close()
    if info.get("application") != APPLICATION:
        raise NotSeriktesDatabase(f"{path.name} is not a Seriktes database. It was not changed.")
    check_version(int(info.get("schema_version", 0)))
    return True


def _connect(target: str) -> Database:
    if not is_url(target):
        return SqliteDatabase(str(Path(target).expanduser()), pragmas=SQLITE_PRAGMAS)
    options = {"pragmas": SQLITE_PRAGMAS} if target.startswith("sqlite") else {}
    try:
        return connect_url(target, **options)
    except (ImproperlyConfigured, RuntimeError, ValueError) as error:
        raise DatabaseOpenError(f"Cannot open {target}: {error}") from error


def can_write(path: Path) -> bool:
    """Whether a database file can be changed: the file itself, and its folder (SQLite
    writes its journal beside the file)."""
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    return folder_ok and (not path.exists() or os.access(path, os.W_OK))


def open_database(target: str | Path, create: bool = True, read_only: bool = False) -> Database:
    """Open the database at a path or URL (creating a new file unless ``create`` is False),
    bring its schema up to date and bind every model to it. ``read_only`` opens it without
    ever writing to it (the file or folder cannot be written, or another window holds it).
    Raises ``DatabaseOpenError`` with a plain message, leaving a refused file as it was."""
    target = str(target)
    path = sqlite_path(target)
    if path is not None and read_only:
        return _open_read_only(path)
    if path is not None:
        if not create and not path.exists():
            raise DatabaseOpenError(
                f"{path} no longer exists. It may have been moved, renamed or deleted; "
                "open it from where it is now."
            )
        if path.exists() and path.is_dir():
            raise NotSeriktesDatabase(f"{path} is a folder, not a Seriktes database.")
        inspect_sqlite_file(path)
        if not path.parent.exists():
            raise DatabaseOpenError(f"The folder {path.parent} does not exist.")
    database = _connect(target)
    try:
        database.connect(reuse_if_open=True)
        db.initialize(database)
        if not database.table_exists("seriktes_info"):
            if database.get_tables():
                raise NotSeriktesDatabase(
                    f"{target} holds another program's tables, not a Seriktes database."
                )
            create_schema(database)
        else:
            upgrade(database, lambda version: _before_migration(path, version))
    except DatabaseOpenError:
        database.close()
        raise
    except (DatabaseError, ImproperlyConfigured, sqlite3.Error, OSError) as error:
        database.close()
        raise _open_error(target, error) from error
    database.read_only = False
    return database


def explain_write_failure(error: Exception) -> str:
    """Why a save did not reach the database, for the person who pressed Save. The
    transaction was rolled back, so the database is as it was."""
    text = str(error).lower()
    if "disk is full" in text:
        why = "the disk is full. Free some space and save again"
    elif "locked" in text or "busy" in text:
        why = "another program is writing to the database. Wait a moment and save again"
    elif "readonly" in text or "read-only" in text:
        why = "the database cannot be written to"
    else:
        why = str(error)
    return f"Nothing was saved: {why}. The database is as it was before."


def _open_error(target: str, error: Exception) -> DatabaseOpenError:
    if "disk is full" in str(error).lower() or getattr(error, "errno", None) == 28:
        return DatabaseOpenError(
            f"{target} cannot be opened: the disk is full. Free some space and open it "
            "again; the file was not changed."
        )
    return DatabaseOpenError(f"Cannot open {target}: {error}")


def _open_read_only(path: Path) -> Database:
    """A database opened for reading only. When even its folder cannot be written, SQLite
    is told the file will not change under it (``immutable``), since it cannot keep the
    shared-memory file it otherwise uses to see other writers."""
    if not path.exists():
        raise DatabaseOpenError(f"{path} does not exist.")
    inspect_sqlite_file(path)
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not os.access(path.parent, os.W_OK):
        uri += "&immutable=1"
    database = SqliteDatabase(
        uri, uri=True, pragmas={"foreign_keys": 1, "busy_timeout": 5000, "query_only": 1}
    )
    try:
        database.connect()
        db.initialize(database)
        if stored_version() < SCHEMA_VERSION:
            raise DatabaseOpenError(
                f"{path.name} was made by an older version of Seriktes and needs updating, "
                "which cannot be done while it is opened read-only. Open it where it can be "
                "written, or ask whoever holds it to close it."
            )
    except DatabaseOpenError:
        database.close()
        raise
    except (DatabaseError, sqlite3.Error, OSError) as error:
        database.close()
        raise _open_error(path.name, error) from error
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
    host = database.connect_params.get("host") or "this computer"
    return f"{database.database} on {host}"


@contextmanager
def thread_connection() -> Iterator[Database]:
    """The open database on a connection of the calling thread's own, for work done off the
    window's thread (an export): a connection must not cross threads, and peewee keeps one
    per thread. The connection is closed afterwards if it was opened here."""
    database = db.obj
    if database is None:
        raise DatabaseOpenError("No database is open.")
    opened = database.connect(reuse_if_open=True)
    try:
        yield database
    finally:
        if opened:
            database.close()
