"""Databases as they turn up on a user's disk: sound, damaged in each way SQLite can still open
(a table gone, broken pages, a garbled or newer schema stamp), held by another program, or
that a user cannot write. Each is made here, byte by byte, for the test that needs it."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from models.kinds.organizations import ORGANIZATIONS
from models.store.database import close_database, open_database

ROOT = Path(__file__).resolve().parent.parent
# What lets root read and write any file: dropped, root meets permissions as anyone does.
BYPASS = "-dac_override,-dac_read_search,-fowner"


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def sound(path: Path, *names: str) -> Path:
    """A sound database holding organizations of these names."""
    open_database(path)
    for name in names:
        ORGANIZATIONS.save({"name": name})
    close_database()
    return path


def _sql(path: Path, *statements: str) -> Path:
    connection = sqlite3.connect(path)
    try:
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()
    return path


def missing_table(path: Path) -> Path:
    """The people's table is gone (dropped by another tool)."""
    return _sql(path, "PRAGMA foreign_keys = OFF", "DROP TABLE person")


def garbled_version(path: Path, stamp: str = "six") -> Path:
    return _sql(path, f"UPDATE seriktes_info SET value = '{stamp}' WHERE key = 'schema_version'")


def newer_version(path: Path) -> Path:
    return garbled_version(path, "99")


def broken_pages(path: Path, index: str = "organization_name_key") -> Path:
    """An index's page broken (its cell count garbled) where only reading it, or SQLite's
    check of every page, finds it: the schema and the records' own pages still read."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (index,)
        ).fetchone()
    finally:
        connection.close()
    data = bytearray(path.read_bytes())
    offset = (root - 1) * page_size
    data[offset + 3 : offset + 5] = b"\x7f\xff"
    path.write_bytes(bytes(data))
    return path


def wiped_schema(path: Path) -> Path:
    """The first page, which holds the schema, wiped: SQLite cannot read the tables."""
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\x00" * 3996
    path.write_bytes(bytes(data))
    return path


# Another program: takes the database's write lock, says so, and holds it until told.
_HOLDER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA journal_mode = " + sys.argv[2])
connection.execute("BEGIN EXCLUSIVE")
connection.execute("UPDATE seriktes_info SET value = value WHERE key = 'application'")
print("held", flush=True)
sys.stdin.read()
connection.execute("ROLLBACK")
"""


@contextmanager
def held_by_another_writer(path: Path, journal: str = "wal") -> Iterator[None]:
    """Another program writing the database and holding it (``BEGIN EXCLUSIVE``) until the
    block ends. With a rollback journal (``journal="delete"``) it keeps readers out too. It
    is a process of its own: SQLite's locks belong to a process, and this one letting go of
    any handle on the file (reading its bytes) would drop them."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path), journal],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def can_drop_root_bypass() -> bool:
    return os.geteuid() != 0 or shutil.which("setpriv") is not None


needs_permissions = pytest.mark.skipif(
    not can_drop_root_bypass(), reason="root cannot be made to meet file permissions here"
)


def as_a_user(command: list[str]) -> list[str]:
    """``command`` run without the capabilities that let root write a read-only file."""
    if os.geteuid() != 0:
        return command
    caps = [f"--inh-caps={BYPASS}", f"--bounding-set={BYPASS}"]
    return ["setpriv", *caps, *command]


def run_seriktes(
    *args: str | bytes, env: dict[str, str] | None = None, user: bool = False, timeout=60
) -> subprocess.CompletedProcess:
    """``python main.py ARGS`` as a user would run it (``user``: without root's bypass of
    permissions); output as bytes, for what may not be text."""
    command = [sys.executable, str(ROOT / "main.py"), *args]
    return subprocess.run(
        as_a_user(command) if user else command,
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=timeout,
        check=False,
    )
