"""`seriktes check`: SQLite's own integrity and foreign-key checks, and the rules Seriktes
keeps that the database cannot enforce (a tag, a file or a press mention naming a record
that no longer exists; a file whose bytes no longer match)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from models.store.records import RECORD_KINDS

# Rows that name a record by kind and id, which no foreign key protects.
NAMING_TABLES = ("record_tag", "attachment", "source_mention")


def check_database(path: str | Path) -> list[str]:
    """Every problem found, in plain words; an empty list means the database is sound. The
    file is opened read-only and never changed."""
    path = Path(path)
    if not path.exists():
        return [f"{path} does not exist."]
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        return [f"{path.name} cannot be opened: {error}."]
    try:
        return _problems(connection, path)
    except sqlite3.DatabaseError as error:
        return [f"{path.name} is damaged: {error}."]
    finally:
        connection.close()


def _problems(connection: sqlite3.Connection, path: Path) -> list[str]:
    integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    if integrity != ["ok"]:
        return [f"SQLite integrity check: {line}" for line in integrity]
    tables = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if "seriktes_info" not in tables:
        return [f"{path.name} is not a Seriktes database."]
    problems = [
        f"Table {table}, row {rowid}: points to a missing row of {parent}."
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
                problems.append(f"{missing} row(s) of {table} name a {kind} that no longer exists.")
        unknown = connection.execute(
            f'SELECT COUNT(*) FROM "{table}" WHERE record_kind NOT IN '
            f"({', '.join('?' * len(RECORD_KINDS))})",
            tuple(RECORD_KINDS),
        ).fetchone()[0]
        if unknown:
            problems.append(f"{unknown} row(s) of {table} name an unknown kind of record.")
    problems += _attachment_problems(connection)
    countries = connection.execute("SELECT COUNT(*) FROM country").fetchone()[0]
    if countries < 200:
        problems.append(f"The list of countries holds {countries} countries instead of all.")
    return problems


def _attachment_problems(connection: sqlite3.Connection) -> list[str]:
    problems = []
    query = (
        "SELECT a.id, a.file_name, a.size, a.sha256, c.data FROM attachment a "
        "LEFT JOIN attachment_content c ON c.attachment_id = a.id"
    )
    for attachment_id, name, size, digest, data in connection.execute(query):
        if data is None:
            problems.append(f"The attached file “{name}” (no. {attachment_id}) has no content.")
        elif len(data) != size or hashlib.sha256(data).hexdigest() != digest:
            problems.append(
                f"The attached file “{name}” (no. {attachment_id}) has changed "
                "since it was attached."
            )
    return problems
