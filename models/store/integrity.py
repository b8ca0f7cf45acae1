"""Is a database sound? Two depths of the same question:

- ``inspect_database_file``: read without changing a byte before a database is opened or a
  command works on it: a plain SQLite file whose schema SQLite can read, stamped by Seriktes
  with a schema version this version knows, holding the tables that version has; with
  ``quick`` also SQLite's ``quick_check`` of every page (about a second for 300 MB).
- ``check_database`` (`seriktes check`): all of that with SQLite's full integrity check, its
  foreign-key check, and the rules Seriktes keeps that the database cannot enforce (a tag, a
  file or a press mention naming a record that no longer exists; a file whose bytes no longer
  match).

A file that cannot be written, or that another program holds, is never called damaged here:
a damaged database is offered to be replaced by its backup."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

from models.errors import DamagedDatabase, DatabaseOpenError, NotSeriktesDatabase
from models.search import SearchName
from models.store.files import (
    busy_timeout,
    check_file_kind,
    opening_error,
    read_only_uri,
    shown_name,
)
from models.store.migrations import APPLICATION, SCHEMA_VERSION, check_version, schema_version
from models.store.records import ALL_MODELS, RECORD_KINDS, Country, Info
from models.words.translation import _, ngettext

# Rows that name a record by kind and id, which no foreign key protects.
NAMING_TABLES = ("record_tag", "attachment", "source_mention")

_SQLITE_HEADER = b"SQLite format 3\x00"
# SQLite calls the progress handler every this many steps of its virtual machine.
_STEPS_BETWEEN_STOPS = 10_000


def expected_tables(version: int) -> set[str]:
    """The tables a database stamped with ``version`` holds: every table of this version's
    schema; for an older version (about to be updated), the tables of its records, which
    every version had."""
    if version == SCHEMA_VERSION:
        return {model._meta.table_name for model in ALL_MODELS} | {SearchName._meta.table_name}
    return {model._meta.table_name for model in (Info, Country, *RECORD_KINDS.values())}


def inspect_database_file(
    path: Path,
    quick: bool = False,
    stop: Callable[[], bool] | None = None,
    open_here: bool = False,
) -> bool:
    """Refuse a file that is not a Seriktes database, is damaged, is from a newer version or
    cannot be read now (locked, unreadable), reading it without changing a byte. Returns
    whether the file holds a Seriktes database (False for a new or empty file). ``quick``
    adds SQLite's check of every page; ``stop`` returning True interrupts that check (the
    window closing), which then raises ``DatabaseOpenError``.

    ``open_here``: this process has the database open. Its first bytes are then not read
    as a plain file: closing a file drops every lock the process holds on it, SQLite's
    included, and another program's SQLite would then take the window's connection for gone
    and remove the write-ahead log under it (the window would read stale records, or find
    the file damaged)."""
    path = Path(path)
    check_file_kind(path)
    if not path.exists() or path.stat().st_size == 0:
        return False
    name = shown_name(path.name)
    try:
        header = _SQLITE_HEADER
        if not open_here:
            with path.open("rb") as handle:
                header = handle.read(len(_SQLITE_HEADER))
    except OSError as error:
        raise opening_error(name, error) from error
    if header != _SQLITE_HEADER:
        raise NotSeriktesDatabase(
            _(
                "{name} is not a Seriktes database (it is not an SQLite file). Choose another "
                "file, or create a new database."
            ).format(name=name)
        )
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True, timeout=busy_timeout() / 1000)
    except sqlite3.Error as error:
        raise opening_error(name, error) from error
    try:
        tables = _tables(connection)
        if not tables:
            return False
        if "seriktes_info" not in tables:
            raise NotSeriktesDatabase(
                _(
                    "{name} is a database of another program, not of Seriktes. It was not changed."
                ).format(name=name)
            )
        info = dict(connection.execute("SELECT key, value FROM seriktes_info"))
        if info.get("application") != APPLICATION:
            raise NotSeriktesDatabase(
                _("{name} is not a Seriktes database. It was not changed.").format(name=name)
            )
        version = schema_version(name, info.get("schema_version"))
        check_version(version)
        missing = sorted(expected_tables(version) - tables)
        if missing:
            raise DamagedDatabase(
                _(
                    "{name} is damaged: tables it needs are missing ({tables}). Restore it "
                    "from a backup, or open another database."
                ).format(name=name, tables=", ".join(missing))
            )
        if quick:
            _quick_check(connection, name, stop)
    except sqlite3.Error as error:
        raise opening_error(name, error) from error
    finally:
        connection.close()
    return True


def quick_check(
    path: Path, stop: Callable[[], bool] | None = None, open_here: bool = False
) -> bool:
    """``inspect_database_file`` with SQLite's check of every page: what every command runs
    before it reads or changes a database."""
    return inspect_database_file(path, quick=True, stop=stop, open_here=open_here)


def _tables(connection: sqlite3.Connection) -> set[str]:
    return {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }


def _quick_check(
    connection: sqlite3.Connection, name: str, stop: Callable[[], bool] | None
) -> None:
    if stop is not None:
        connection.set_progress_handler(lambda: 1 if stop() else 0, _STEPS_BETWEEN_STOPS)
    try:
        found = [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
    except sqlite3.OperationalError as error:
        if "interrupt" in str(error).lower():
            raise DatabaseOpenError(
                _("The check of {name} was stopped before it finished.").format(name=name)
            ) from error
        raise
    if found != ["ok"]:
        raise DamagedDatabase(
            _(
                "{name} is damaged: SQLite found broken pages ({problem}). Restore it from a "
                "backup, or open another database."
            ).format(name=name, problem=_first_problem(found))
        )


def _first_problem(found: list[str]) -> str:
    """SQLite's first finding, on one line and without the name of the schema it checked."""
    text = " ".join(found[0].split())
    return text.removeprefix("*** in database main ***").strip()


def check_database(path: str | Path) -> list[str]:
    """Every problem found, in plain words; an empty list means the database is sound. The
    file is opened read-only and never changed."""
    path = Path(path)
    if not path.exists():
        return [_("{path} does not exist.").format(path=shown_name(path))]
    try:
        if not quick_check(path):
            return [_("{name} holds no Seriktes database.").format(name=shown_name(path.name))]
        connection = sqlite3.connect(read_only_uri(path), uri=True, timeout=busy_timeout() / 1000)
    except DatabaseOpenError as error:
        return [str(error)]
    except sqlite3.Error as error:
        return [str(opening_error(shown_name(path.name), error))]
    try:
        return _problems(connection, path)
    except sqlite3.DatabaseError as error:
        return [str(opening_error(shown_name(path.name), error))]
    finally:
        connection.close()


def _problems(connection: sqlite3.Connection, path: Path) -> list[str]:
    integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    if integrity != ["ok"]:
        return [_("SQLite integrity check: {line}").format(line=line) for line in integrity]
    tables = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if "seriktes_info" not in tables:
        return [_("{name} is not a Seriktes database.").format(name=path.name)]
    problems = [
        _("Table {table}, row {row}: points to a missing row of {parent}.").format(
            table=table, row=rowid, parent=parent
        )
        for table, rowid, parent, _fk in connection.execute("PRAGMA foreign_key_check")
    ]
    for table in NAMING_TABLES:
        for kind, model in RECORD_KINDS.items():
            missing = connection.execute(
                f'SELECT COUNT(*) FROM "{table}" WHERE record_kind = ? AND record_id NOT IN '
                f'(SELECT id FROM "{model._meta.table_name}")',
                (kind,),
            ).fetchone()[0]
            if missing:
                problems.append(
                    ngettext(
                        "{count} row of {table} names a record that no longer exists ({kind}).",
                        "{count} rows of {table} name records that no longer exist ({kind}).",
                        missing,
                    ).format(count=missing, table=table, kind=kind)
                )
        unknown = connection.execute(
            f'SELECT COUNT(*) FROM "{table}" WHERE record_kind NOT IN '
            f"({', '.join('?' * len(RECORD_KINDS))})",
            tuple(RECORD_KINDS),
        ).fetchone()[0]
        if unknown:
            problems.append(
                ngettext(
                    "{count} row of {table} names an unknown kind of record.",
                    "{count} rows of {table} name an unknown kind of record.",
                    unknown,
                ).format(count=unknown, table=table)
            )
    problems += _attachment_problems(connection)
    countries = connection.execute("SELECT COUNT(*) FROM country").fetchone()[0]
    if countries < 200:
        problems.append(
            ngettext(
                "The list of countries holds {count} country instead of all.",
                "The list of countries holds {count} countries instead of all.",
                countries,
            ).format(count=countries)
        )
    return problems


def _attachment_problems(connection: sqlite3.Connection) -> list[str]:
    problems = []
    query = (
        "SELECT a.id, a.file_name, a.size, a.sha256, c.data FROM attachment a "
        "LEFT JOIN attachment_content c ON c.attachment_id = a.id"
    )
    for attachment_id, name, size, digest, data in connection.execute(query):
        if data is None:
            problems.append(
                _("The attached file “{file}” (no. {number}) has no content.").format(
                    file=name, number=attachment_id
                )
            )
        elif len(data) != size or hashlib.sha256(data).hexdigest() != digest:
            problems.append(
                _(
                    "The attached file “{file}” (no. {number}) has changed since it was attached."
                ).format(file=name, number=attachment_id)
            )
    return problems
