"""Errors the domain reports to a user, each with a message in plain words."""

from __future__ import annotations

from dataclasses import dataclass


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
