"""Reading .xlsx, .xlsm, .xls and .ods files in a process of their own.

python-calamine is native code, and native code can end the process it runs in: a failed
allocation in Rust aborts rather than raises. A file made to do that must not take the window
(or a scheduled import) down with it, so the reading happens in a child process whose memory
is capped; the window only ever receives the tidy rows, or a plain refusal. Before the
reader runs, the window checks what the archive claims (``archive_checks``: a streaming
parse that allocates nothing for what it reads), so a file whose cells reach billions of
cells is refused before anything is allocated for them; it does so while the child starts.

Starting the child costs about a fifth of a second, mostly spent while the file is checked;
the import of 10,000 rows measured by ``benchmarks/import_benchmark.py`` stays within its
target with it.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path

from exports.sheets import (
    MAX_CELLS,
    Sheet,
    SheetBuilder,
    Tally,
    UnreadableFile,
    cannot_read,
)
from models.words.numbers import format_number
from models.words.translation import _

# The child's address space: the largest file the limits let through reads in about 400 MB.
CHILD_MEMORY_BYTES = 1536 * 1024 * 1024
TIMEOUT_SECONDS = 300
_ROOT = Path(__file__).resolve().parent.parent
CHILD_CODE = (
    "import sys; sys.path.insert(0, sys.argv[1]); import exports.reader_process as r; r.main()"
)


def read_in_child(path: Path, file_name: str, first: Callable[[], None]) -> list[Sheet]:
    """Every sheet of the file, read by a child process once ``first`` (the checks of what
    the file claims) has passed; it runs while the child starts, which takes about as long.
    Raises ``UnreadableFile`` when the file is refused, and when the reader stops, runs out
    of memory or takes too long."""
    import subprocess  # the window's side only: the child starts faster without it

    try:
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD_CODE, str(_ROOT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            # Windows: no console window flashes up when the window imports.
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except OSError as error:  # no process could be started
        raise cannot_read(file_name, error) from None
    try:
        first()
        stdout, _stderr = child.communicate(
            pickle.dumps((os.fspath(path), file_name)), timeout=TIMEOUT_SECONDS
        )
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        raise UnreadableFile(
            _(
                "{file} took more than {minutes} minutes to read, so it was not imported. It "
                "may be damaged or made to harm; open it in the program that made it, save it "
                "again, and import the new copy."
            ).format(file=file_name, minutes=TIMEOUT_SECONDS // 60)
        ) from None
    except BaseException:  # refused by the checks: the child is not needed
        child.kill()
        child.communicate()
        raise
    try:
        outcome, value = pickle.loads(stdout) if child.returncode == 0 else ("", None)
    except (pickle.UnpicklingError, EOFError, ValueError):
        outcome, value = "", None
    if outcome == "sheets":
        return value
    if outcome == "refused":
        raise UnreadableFile(value)
    raise UnreadableFile(
        _(
            "{file} could not be read: the reader stopped on it, or it needed more memory "
            "than a spreadsheet should. It may be damaged or made to harm; open it in the "
            "program that made it, save it again, and import the new copy."
        ).format(file=file_name)
    )


def main() -> None:
    """The child: read the file named on standard input, write the outcome to standard
    output."""
    _cap_memory()
    import python_calamine  # noqa: F401 - loaded while the window checks the file

    try:
        path, file_name = pickle.load(sys.stdin.buffer)
    except EOFError:  # the file was refused before it came to reading
        return
    try:
        outcome = ("sheets", read_sheets(Path(path), file_name))
    except UnreadableFile as error:
        outcome = ("refused", str(error))
    except BaseException:  # noqa: BLE001 - out of memory, or a panic of the native reader
        outcome = ("", None)
    sys.stdout.buffer.write(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()


def _cap_memory() -> None:
    try:
        import resource
    except ImportError:  # Windows: the child still keeps a failure away from the window
        return
    with contextlib.suppress(ValueError, OSError):  # macOS does not limit the address space
        resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY_BYTES, CHILD_MEMORY_BYTES))


def read_sheets(path: Path, file_name: str) -> list[Sheet]:
    """Every sheet of an .xlsx, .xlsm, .xls or .ods file whose archive has been checked.
    Runs in the child."""
    import python_calamine as calamine

    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
        # A workbook's cells may all name one shared text of 32,767 characters: each is
        # kept once, and crosses to the window once.
        tally, sheets = Tally(share_long=True), []
        for name in workbook.sheet_names:
            sheet = workbook.get_sheet_by_name(name)
            # An .xls is not checked before it is read: its range is checked here, before
            # its cells become Python's.
            if (sheet.total_height + 1) * (sheet.total_width + 1) > MAX_CELLS:
                raise UnreadableFile(
                    _(
                        "The sheet “{sheet}” of {file} has more cells than Seriktes imports "
                        "at once (at most {limit}). Split it into smaller files."
                    ).format(sheet=name, file=file_name, limit=format_number(MAX_CELLS))
                )
            builder = SheetBuilder(file_name, name, tally)
            # Row by row, from the first row (the columns from the first filled one).
            for number, row in enumerate(sheet.iter_rows(), start=1):
                builder.add(number, row)
            sheets.append(builder.sheet())
        return sheets
    except UnreadableFile:
        raise
    except calamine.PasswordError:
        raise UnreadableFile(
            _(
                "{file} is protected by a password. Remove the password in the program that "
                "made it, save it and import it again."
            ).format(file=file_name)
        ) from None
    except OSError as error:  # gone, or unreadable, since the window looked at it
        raise cannot_read(file_name, error) from None
    except (calamine.CalamineError, calamine.ZipError, calamine.XmlError, ValueError) as error:
        raise UnreadableFile(
            _("{file} is damaged or not a spreadsheet ({reason}).").format(
                file=file_name, reason=error
            )
        ) from None
    except Exception as error:  # a panic of the native reader, or an error it did not name
        raise UnreadableFile(
            _("{file} is damaged or not a spreadsheet ({reason}).").format(
                file=file_name, reason=type(error).__name__
            )
        ) from None
