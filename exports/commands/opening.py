"""How every command opens the database it was given, and how it says it will not.

A command checks the database before it reads or changes it: the name must be text, the file
a plain file, SQLite's quick check of every page must pass, and the schema must be stamped by
a version of Seriktes this one reads, with the tables it needs. A damaged, locked or
read-only database is refused in one line on stderr with exit status 1, and its bytes stay as
they were."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

from peewee import Database, DatabaseError

from exports.commands.output import refuse
from models.errors import DatabaseOpenError, SeriktesError
from models.store.database import close_database, ensure_writable, open_database
from models.store.files import (
    can_write,
    check_file_kind,
    check_target,
    opening_error,
    shown_name,
    sqlite_path,
)
from models.store.integrity import quick_check
from models.words.translation import _


def database_file(target: str) -> Path | None:
    """The checked database file a path or ``sqlite:///`` URL names (None for a server
    database): its name is text, it exists and is a plain file. Raises ``SeriktesError``."""
    check_target(target)
    path = sqlite_path(target)
    if path is None:
        return None
    check_file_kind(path)
    if not path.exists():
        raise DatabaseOpenError(_("There is no database at {path}.").format(path=shown_name(path)))
    return path


def open_for_command(target: str, write: bool, create: bool = False) -> Database:
    """Check the database (see the module), then open it for a command. ``write``: the
    command changes it, so a file or folder that is read-only, or a database another program
    is changing, is refused now rather than half-way. ``create``: a new file may be made (for
    sample records). A reading command opens a file it cannot write read-only."""
    check_target(target)
    path = sqlite_path(target)
    read_only = False
    if path is not None:
        check_file_kind(path)
        if path.exists():
            quick_check(path)
        elif not create:
            raise DatabaseOpenError(
                _("There is no database at {path}.").format(path=shown_name(path))
            )
        writable = can_write(path) if path.parent.exists() else True
        if write and not writable:
            raise opening_error(shown_name(path.name), PermissionError("read-only"))
        read_only = not write and path.exists() and not writable
    database = open_database(target, create=create, read_only=read_only)
    if write:
        try:
            ensure_writable(database)
        except SeriktesError:
            close_database()
            raise
    return database


def run_command(args: argparse.Namespace) -> int:
    """Run a command; a database that fails under it half-way (another program takes it, a
    page turns out broken) is refused in one line like any other refusal, never with a
    traceback. Its transaction was rolled back, so nothing was changed."""
    try:
        return args.run(args)
    except (DatabaseError, sqlite3.Error) as error:
        target = getattr(args, "export_database", None) or getattr(args, "database", None) or ""
        path = sqlite_path(target) if target else None
        name = shown_name(path.name if path is not None else target)
        return refuse(args.command, opening_error(name, error))
