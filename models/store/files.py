"""A database file as Seriktes meets it: the file behind a path or URL, whether it can be
written, how to read it without changing a byte, and what an error SQLite gave while opening
it means for the person who asked (damaged, locked by another program, read-only)."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from models.errors import (
    DamagedDatabase,
    DatabaseLocked,
    DatabaseOpenError,
    DatabaseReadOnly,
    NotSeriktesDatabase,
)
from models.words.translation import _

# How long a database another program is writing is waited for before it is refused. A
# scheduled task may wait longer (or a test less) through the environment.
BUSY_TIMEOUT_MS = 5000
BUSY_TIMEOUT_VARIABLE = "SERIKTES_BUSY_TIMEOUT"


def busy_timeout() -> int:
    """Milliseconds to wait for a database another program holds: ``SERIKTES_BUSY_TIMEOUT``
    when it is a whole number of milliseconds, else 5 seconds."""
    text = os.environ.get(BUSY_TIMEOUT_VARIABLE, "").strip()
    return int(text) if text.isdigit() else BUSY_TIMEOUT_MS


def is_url(target: str) -> bool:
    return "://" in target


def sqlite_path(target: str) -> Path | None:
    """The file behind a path or ``sqlite:///`` URL, or None for a server database."""
    if not is_url(target):
        return Path(target).expanduser()
    if target.startswith("sqlite:///"):
        return Path(target.removeprefix("sqlite:///")).expanduser()
    return None


def shown_name(target: str | Path) -> str:
    """A name as it can be printed: bytes that are not text (a file name made on another
    system) are shown as \\xNN instead of breaking the message."""
    return os.fsencode(str(target)).decode("utf-8", "backslashreplace")


def check_target(target: str) -> None:
    """Refuse a database named with bytes that are not UTF-8 text: its backups, the list of
    recent databases and SQLite's own names all need the name as text."""
    try:
        target.encode("utf-8")
    except UnicodeEncodeError:
        raise DatabaseOpenError(
            _(
                "The name {name} is not valid text (it has bytes that are not UTF-8). Rename "
                "the file or its folder, then open it again; nothing was changed."
            ).format(name=shown_name(target))
        ) from None


def check_file_kind(path: Path) -> None:
    """Refuse what is not a plain file before anything reads it: reading a named pipe would
    wait forever for a writer."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise DatabaseOpenError(
            _("{name} cannot be read: {reason}.").format(
                name=shown_name(path), reason=error.strerror or error
            )
        ) from error
    if stat.S_ISDIR(mode):
        raise NotSeriktesDatabase(
            _("{path} is a folder, not a Seriktes database.").format(path=shown_name(path))
        )
    if not stat.S_ISREG(mode):
        raise NotSeriktesDatabase(
            _("{path} is not a file (it is a pipe or a device), so it holds no database.").format(
                path=shown_name(path)
            )
        )


def can_write(path: Path) -> bool:
    """Whether a database file can be changed: the file itself, and its folder (SQLite
    writes its journal beside the file)."""
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    return folder_ok and (not path.exists() or os.access(path, os.W_OK))


def read_only_uri(path: Path) -> str:
    """The URI that reads a database without writing to it. When even its folder cannot be
    written, SQLite is told the file will not change under it (``immutable``): it cannot make
    the shared-memory file it otherwise uses to see other writers."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not os.access(path.parent, os.W_OK):
        uri += "&immutable=1"
    return uri


_QT_OVERRIDE = re.compile(r"^Error calling Python override of [\w:]+\(\): ")
# Words of SQLite's errors (and the operating system's) by what they mean for the user.
_LOCKED = ("database is locked", "database table is locked", "busy")
_READ_ONLY = ("readonly", "read-only", "read only")
_DAMAGED = (
    "malformed",
    "not a database",
    "file is encrypted",
    "corrupt",
    "no such table",
    "no such column",
)


def opening_error(name: str, error: BaseException) -> DatabaseOpenError:
    """What went wrong opening or reading the database ``name``, in one plain sentence.
    Another program holding it, or a file that cannot be written, is never taken for damage:
    a damaged database is offered to be replaced by a backup."""
    if isinstance(error, DatabaseOpenError):
        return error
    # A read that failed in a widget's paint or show event comes wrapped in Qt's words.
    message = _QT_OVERRIDE.sub("", str(error)).rstrip(".")
    text = message.lower()
    if getattr(error, "errno", None) == 28 or "disk is full" in text:
        return DatabaseOpenError(
            _(
                "{name} cannot be opened: the disk is full. Free some space and open it "
                "again; the file was not changed."
            ).format(name=name)
        )
    if any(words in text for words in _LOCKED):
        return DatabaseLocked(
            _(
                "{name} is in use by another program that is changing it; try again when it "
                "has finished. Nothing was changed."
            ).format(name=name)
        )
    if any(words in text for words in _READ_ONLY) or isinstance(error, PermissionError):
        return DatabaseReadOnly(
            _(
                "{name} cannot be written to: the file or its folder is read-only. Nothing "
                "was changed."
            ).format(name=name)
        )
    if any(words in text for words in _DAMAGED):
        return DamagedDatabase(
            _(
                "{name} is damaged and cannot be opened ({error}). Restore it from a backup, "
                "or open another database."
            ).format(name=name, error=message)
        )
    return DatabaseOpenError(_("Cannot open {name}: {error}.").format(name=name, error=message))
