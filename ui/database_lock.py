"""One window writes a database at a time. A lock file beside the database says which
window holds it; a second window is told who (user, computer, process) and may open the
database read-only instead."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile


@dataclass(frozen=True)
class Holder:
    user: str
    host: str
    process: int

    def describe(self) -> str:
        return tr("{user} on {host} (process {process})").format(
            user=self.user or tr("another user"),
            host=self.host or tr("this computer"),
            process=self.process,
        )


def tr(text: str) -> str:
    return QCoreApplication.translate("DatabaseLock", text)


def _owner(path: Path) -> str:
    try:
        import pwd

        return pwd.getpwuid(path.stat().st_uid).pw_name
    except (ImportError, KeyError, OSError):
        return "" if os.name != "nt" else getpass.getuser()


class DatabaseLock:
    def __init__(self, database: Path) -> None:
        self.path = Path(str(database) + ".lock")
        self._lock = QLockFile(str(self.path))
        # A lock left by a window that crashed is taken over at once: Qt checks whether its
        # process still runs on this computer.
        self._lock.setStaleLockTime(0)

    def acquire(self) -> bool:
        return self._lock.tryLock(200)

    def holder(self) -> Holder | None:
        info = self._lock.getLockInfo()  # (process, host, application), or nothing
        if not info:
            return None
        pid, host, _application = info
        return Holder(_owner(self.path), host, pid)

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()
