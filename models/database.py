"""Opening a database from a file path or a URL, and binding the models to it.

SQLite is the default: one file per department desktop. A ``sqlite:///`` or ``postgresql://``
URL is opened through peewee's ``db_url``; nothing here but the file checks assumes SQLite.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from peewee import Database, DatabaseError, ImproperlyConfigured, SqliteDatabase
from playhouse.db_url import connect as connect_url

from models.base import db
from models.errors import DamagedDatabase, DatabaseOpenError, NotSeriktesDatabase
from models.migrations import APPLICATION, check_version, create_schema, upgrade

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


def _inspect_sqlite_file(path: Path) -> bool:
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


def copy_aside(path: Path, label: str) -> Path:
    """A consistent copy of an SQLite file beside it, named with ``label`` and the time."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{label}-{stamp}{path.suffix or '.db'}")
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(str(target))
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target


def open_database(target: str | Path, create: bool = True) -> Database:
    """Open the database at a path or URL (creating a new file unless ``create`` is False),
    bring its schema up to date and bind every model to it. Raises ``DatabaseOpenError`` with
    a plain message, leaving a refused file as it was."""
    target = str(target)
    path = sqlite_path(target)
    if path is not None:
        if not create and not path.exists():
            raise DatabaseOpenError(
                f"{path} no longer exists. It may have been moved, renamed or deleted; "
                "open it from where it is now."
            )
        if path.exists() and path.is_dir():
            raise NotSeriktesDatabase(f"{path} is a folder, not a Seriktes database.")
        _inspect_sqlite_file(path)
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
        raise DatabaseOpenError(f"Cannot open {target}: {error}") from error
    return database


def _before_migration(path: Path | None, version: int) -> None:
    if path is not None:
        copy_aside(path, f"before-update-from-v{version}")


def close_database() -> None:
    database = db.obj
    if database is not None and not database.is_closed():
        database.close()


def describe(database: Database) -> str:
    """How the database is shown in the window title and messages."""
    if isinstance(database, SqliteDatabase):
        return Path(database.database).name
    return f"{type(database).__name__} {database.database}"
