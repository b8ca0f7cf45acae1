"""Errors the domain reports to a user, each with a message in plain words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


class SeriktesError(Exception):
    """A refusal a user should read: the message says what happened and what to do."""


class DatabaseOpenError(SeriktesError):
    """The database cannot be opened; the file was not modified."""


class NotSeriktesDatabase(DatabaseOpenError):
    pass


class DamagedDatabase(DatabaseOpenError):
    pass


class NewerDatabase(DatabaseOpenError):
    pass


class MigrationFailed(DatabaseOpenError):
    pass


class DatabaseLocked(DatabaseOpenError):
    """Another program holds the database past the time Seriktes waits for it."""


class DatabaseReadOnly(DatabaseOpenError):
    """The file or its folder cannot be written: the database is sound, and is never taken
    for a damaged one."""


class SearchRefused(SeriktesError):
    """What was typed to search for cannot be looked for (too many words, too long)."""


@dataclass(frozen=True)
class Problem:
    """What is wrong with one field of a form, said so the user can fix it."""

    field: str
    message: str


class ValidationFailed(SeriktesError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.message for p in problems))


class Conflict(SeriktesError):
    """A save refused because someone else saved or deleted the record since it was opened:
    nothing was written. It carries what is needed to tell, field by field, what they changed
    and what the user changed (see ``models.conflicts``).

    ``opened`` holds the values as the form loaded them, ``mine`` the values being saved and
    ``theirs`` the values stored now, or None when the record was deleted; ``version`` is the
    version stored now, to save over once the user has chosen."""

    def __init__(
        self,
        kind: str,
        record_id: int,
        opened: dict[str, Any] | None,
        mine: dict[str, Any],
        theirs: dict[str, Any] | None,
        version: int | None,
        changed_by: str,
        changed_at: dt.datetime | None,
        message: str,
    ) -> None:
        self.kind = kind
        self.record_id = record_id
        self.opened = opened
        self.mine = mine
        self.theirs = theirs
        self.version = version
        self.changed_by = changed_by
        self.changed_at = changed_at
        super().__init__(message)

    @property
    def deleted(self) -> bool:
        return self.theirs is None
