"""How the commands speak: a refusal is one plain line on standard error, whatever the
message holds (a file name that is not UTF-8, a line break), and a path is printed as the
disk spells it."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from models.words.text import displayable
from models.words.translation import _


def refuse(command: str, message: object) -> int:
    """Print ``message`` on one line of standard error, and return the status of a refusal."""
    line = displayable(" ".join(part.strip() for part in str(message).splitlines()))
    with contextlib.suppress(OSError, ValueError):  # standard error closed: the status says it
        print(f"seriktes {command}: {line}", file=sys.stderr)
    return 1


def print_path(path: Path) -> None:
    """The path of what was written, for a script to read: as the file system spells it,
    even when its name is not UTF-8."""
    try:
        print(path)
    except UnicodeEncodeError:
        sys.stdout.flush()
        sys.stdout.buffer.write(os.fsencode(path) + b"\n")
        sys.stdout.flush()


def undecodable(values: dict[str, str | None]) -> str | None:
    """A refusal for the first option (by its name, like "--search") whose text holds bytes
    that are not UTF-8, which no record can hold; None when every one is text."""
    for option, value in values.items():
        # Python keeps the bytes of an argument that are not UTF-8 as lone surrogates.
        if value is not None and any("\ud800" <= ch <= "\udfff" for ch in value):
            return _(
                "The text given to {option} is not valid: it holds bytes that are not UTF-8 "
                "or characters that cannot be typed. Type it again."
            ).format(option=option)
    return None
