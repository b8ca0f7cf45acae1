"""Backups of a database file, made with SQLite's online backup API so they are consistent
while the app runs. They live in the user's data folder, in a folder named after the
database, and the newest 30 are kept."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from models import clock
from models.errors import SeriktesError
from models.store import records
from models.store.appdirs import data_dir
from models.store.files import busy_timeout, read_only_uri
from models.words.labels import count_text
from models.words.translation import _

KEEP = 30
DAILY = dt.timedelta(days=1)
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?(?: (?P<reason>.+))?\.db$")

# The records counted in a backup's description, by table.
COUNTED = (
    ("organization", records.Organization),
    ("person", records.Person),
    ("event", records.Event),
    ("delegation", records.Delegation),
    ("program", records.Program),
    ("agreement", records.Agreement),
    ("key_figure", records.KeyFigure),
    ("source", records.Source),
)
# Why a backup was made, as its file name keeps it (in English, the same in every language)
# and as it is shown.
_SCHEMA_UPDATE = re.compile(r"^before update from schema (\d+)$")


def reason_text(reason: str) -> str:
    """Why a backup was made, in the current language."""
    shown = {
        "daily": _("daily"),
        "by hand": _("by hand"),
        "before restore": _("before restore"),
        "damaged copy": _("damaged copy"),
    }
    if reason in shown:
        return shown[reason]
    update = _SCHEMA_UPDATE.match(reason)
    if update:
        return _("before update from schema {version}").format(version=update[1])
    return reason


class BackupFailed(SeriktesError):
    pass


@dataclass(frozen=True)
class Backup:
    path: Path
    made: dt.datetime
    reason: str

    def counts(self) -> dict[str, int]:
        """How many records of each kind the backup holds."""
        return record_counts(self.path)

    def describe(self) -> str:
        """ "05.03.2025 10:30 (daily): 2 organizations, 1 person", in the current language."""
        counts = self.counts()
        parts = [
            count_text(model, count)
            for (_table, model), count in zip(COUNTED, counts.values(), strict=True)
            if count
        ]
        what = ", ".join(parts) if parts else _("no records")
        made = f"{self.made:%d.%m.%Y %H:%M}"
        if self.reason:
            made = f"{made} ({reason_text(self.reason)})"
        return f"{made}: {what}"


def backup_folder(database: Path) -> Path:
    """Where the backups of one database file live: named after it, and told apart from
    another file of the same name by a short digest of its full path."""
    database = database.resolve()
    digest = hashlib.sha1(str(database).encode("utf-8")).hexdigest()[:8]
    return data_dir() / "backups" / f"{database.stem}-{digest}"


def write_backup(database: Path, target: Path) -> Path:
    """A consistent copy of ``database`` at ``target``, written beside it first and moved
    into place, so a failure never leaves half a backup."""
    target = Path(target)
    partial = target.with_name(f".{target.name}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _copy(database, partial)
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as error:
        # When the folder itself could not be written there is no partial file to remove.
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise BackupFailed(_why(error, target)) from error
    return target


def _copy(source: Path, target: Path) -> None:
    """Copy a database page by page with SQLite's backup API: consistent even while another
    connection writes to the source."""
    reading = sqlite3.connect(read_only_uri(source), uri=True, timeout=busy_timeout() / 1000)
    try:
        writing = sqlite3.connect(str(target))
        try:
            reading.backup(writing)
        finally:
            writing.close()
    finally:
        reading.close()


def _why(error: Exception, target: Path) -> str:
    text = str(error).lower()
    if "disk is full" in text or getattr(error, "errno", None) == 28:
        return _("The backup was not made: the disk holding {folder} is full.").format(
            folder=target.parent
        )
    if isinstance(error, PermissionError | FileExistsError | NotADirectoryError) or (
        "readonly" in text or "read-only" in text
    ):
        return _("The backup was not made: {folder} cannot be written to.").format(
            folder=target.parent
        )
    return _("The backup was not made: {reason}.").format(reason=error)


def make_backup(database: Path, reason: str = "") -> Backup:
    """A new backup in the database's backup folder; the oldest beyond 30 are removed."""
    folder = backup_folder(database)
    made = clock.now().replace(microsecond=0)
    stem = made.strftime(_STAMP)
    name, number = f"{stem} {reason}.db" if reason else f"{stem}.db", 1
    while (folder / name).exists():
        number += 1
        name = f"{stem}-{number} {reason}.db" if reason else f"{stem}-{number}.db"
    path = write_backup(database, folder / name)
    prune(folder)
    return Backup(path, made, reason)


def backups_of(database: Path) -> list[Backup]:
    """The backups of a database, the newest first."""
    folder = backup_folder(database)
    found = []
    for path in folder.glob("*.db") if folder.exists() else ():
        match = _NAME.match(path.name)
        if match:
            made = dt.datetime.strptime(match["stamp"], _STAMP)
            found.append(Backup(path, made, match["reason"] or ""))
    return sorted(found, key=lambda backup: (backup.made, backup.path.name), reverse=True)


def prune(folder: Path, keep: int = KEEP) -> None:
    paths = sorted(folder.glob("*.db"), key=lambda p: p.name, reverse=True)
    for old in paths[keep:]:
        old.unlink(missing_ok=True)


def backup_if_old(database: Path, now: dt.datetime | None = None) -> Backup | None:
    """The backup made when a database is opened and its newest backup is over a day old."""
    newest = next(iter(backups_of(database)), None)
    now = now or clock.now()
    if newest is not None and now - newest.made < DAILY:
        return None
    return make_backup(database, "daily")


def record_counts(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        counts = {}
        for table, _label in COUNTED:
            try:
                counts[table] = connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
            except sqlite3.Error:
                counts[table] = 0
        return counts
    finally:
        connection.close()


def _keep_damaged(database: Path) -> Backup:
    """A file SQLite cannot read is kept byte for byte before a backup replaces it."""
    made = clock.now().replace(microsecond=0)
    target = backup_folder(database) / f"{made.strftime(_STAMP)} damaged copy.db"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(database, target)
    return Backup(target, made, "damaged copy")


def restore_backup(backup: Backup, database: Path) -> Backup:
    """Put the database back as the backup holds it, after backing up how it is now (that
    backup is returned, so the restore itself can be undone). Close the database first."""
    try:
        before = make_backup(database, "before restore")
    except BackupFailed:
        before = _keep_damaged(database)
    try:
        _copy(backup.path, database)
    except sqlite3.Error as error:
        raise BackupFailed(
            _(
                "The backup could not be restored ({reason}); the database is as it was, and "
                "a copy of it is in {path}."
            ).format(reason=error, path=before.path)
        ) from error
    return before
