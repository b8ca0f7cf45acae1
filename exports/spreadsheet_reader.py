"""Reading spreadsheets people bring: .xlsx, .xlsm, .xls, .ods and .csv.

A file is never trusted for what it claims. It is checked before it is parsed, so a hostile
or broken one is refused with a plain message instead of hanging the app, filling the memory
or ending the process: what it is on the disk (a pipe or a device is refused at once, never
waited on), its size, what its first bytes say it is; then, in a process of its own
(``reader_process``), an archive's declared sizes, its XML and the range its cells reach,
before python-calamine reads it. A CSV is read as a stream with limits on rows, columns and
the length of one cell (``csv_reader``).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from exports.archive_checks import check_archive
from exports.csv_reader import read_csv
from exports.reader_process import read_in_child
from exports.sheets import MAX_FILE_BYTES, Sheet, UnreadableFile, Workbook, cannot_read
from models.words.text import displayable
from models.words.translation import _

__all__ = ["MAX_FILE_BYTES", "Sheet", "UnreadableFile", "Workbook", "read_workbook"]

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
READABLE = ".xlsx, .xlsm, .xls, .ods and .csv"


def read_workbook(path: str | Path) -> Workbook:
    """Every sheet of a spreadsheet file, checked first. Raises ``UnreadableFile``."""
    path = Path(path)
    name = displayable(path.name)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".txt", ".xlsx", ".xlsm", ".ods", ".xls"):
        if path.is_dir():
            raise _folder(name)
        raise UnreadableFile(
            _("{file} is not a spreadsheet Seriktes reads ({formats}).").format(
                file=name, formats=READABLE
            )
        )
    if suffix in (".csv", ".txt"):
        try:
            with _open_regular(path, name) as stream:
                sheets = [read_csv(stream, name, displayable(path.stem))]
        except OSError as error:  # a disk or a network share failing under the reading
            raise cannot_read(name, error) from None
    else:
        sheets = read_in_child(path, name, first=lambda: _check_workbook(path, name, suffix))
    sheets = [sheet for sheet in sheets if sheet.rows] or sheets
    if not any(sheet.rows for sheet in sheets):
        raise UnreadableFile(_("{file} holds no rows: its sheets are empty.").format(file=name))
    return Workbook(path, sheets)


def _open_regular(path: Path, name: str):
    """The file open for reading, refused at once when it is not a regular file of a size
    Seriktes imports. It is opened without waiting (a pipe with no writer would block an
    ordinary open for ever) and checked on the open file, so it cannot be swapped between
    the check and the reading."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise UnreadableFile(_("{file} does not exist.").format(file=name)) from None
    except IsADirectoryError:
        raise _folder(name) from None
    except OSError as error:
        try:  # a socket cannot even be opened
            special = not stat.S_ISREG(os.stat(path).st_mode)
        except OSError:
            special = False
        if special:
            raise _not_a_file(name) from None
        raise cannot_read(name, error) from None
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise _folder(name)
        if not stat.S_ISREG(status.st_mode):
            raise _not_a_file(name)
        if status.st_size == 0:
            raise UnreadableFile(_("{file} is empty.").format(file=name))
        if status.st_size > MAX_FILE_BYTES:
            raise UnreadableFile(
                _(
                    "{file} is too large to import at once ({size} MB; the limit is {limit} "
                    "MB). Split it into smaller files."
                ).format(
                    file=name,
                    size=round(status.st_size / 1024 / 1024),
                    limit=MAX_FILE_BYTES // 1024 // 1024,
                )
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def _folder(name: str) -> UnreadableFile:
    return UnreadableFile(_("{file} is a folder, not a spreadsheet.").format(file=name))


def _not_a_file(name: str) -> UnreadableFile:
    return UnreadableFile(
        _(
            "{file} is not a file but a pipe, a socket or a device, so it was not read. Save "
            "the spreadsheet as a file and import that."
        ).format(file=name)
    )


def _check_workbook(path: Path, name: str, suffix: str) -> None:
    """What a workbook must pass before a reader opens it: a regular file whose first bytes
    match its name, and for an archive, what the archive claims."""
    try:
        with _open_regular(path, name) as stream:
            _check_head(path, name, suffix, stream.read(8))
    except OSError as error:
        raise cannot_read(name, error) from None
    if suffix in (".xlsx", ".xlsm", ".ods"):
        check_archive(path, name)


def _check_head(path: Path, name: str, suffix: str, head: bytes) -> None:
    """What the first bytes say the file is must match its name's extension."""
    if suffix == ".xls":
        if head != OLE_MAGIC:
            raise _mismatch(name, suffix)
        return
    if head == OLE_MAGIC:  # an .xlsx that Excel encrypted is an OLE file
        raise UnreadableFile(
            _(
                "{file} is protected by a password. Open it in Excel, remove the password "
                "(File ▸ Info ▸ Protect Workbook), save it and import it again."
            ).format(file=name)
        )
    if not head.startswith(ZIP_MAGIC):
        raise _mismatch(name, suffix)


def _mismatch(name: str, suffix: str) -> UnreadableFile:
    return UnreadableFile(
        _(
            "{file} is not a spreadsheet: its contents do not match its “{extension}” name. "
            "Open it in the program that made it and save it as .xlsx."
        ).format(file=name, extension=suffix)
    )
