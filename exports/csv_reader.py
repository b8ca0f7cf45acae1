"""Reading a CSV file as a stream: row by row from the open file, so memory holds the rows
kept and never the whole text, and every limit is checked as the rows come.

The encoding is what the file's byte order mark says (UTF-8, UTF-16 or UTF-32, as Excel and
LibreOffice write them); without one, UTF-8 when every byte is, else the Windows Cyrillic code
page older Russian and Kazakh spreadsheets were saved in.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
from collections import Counter
from typing import BinaryIO

from exports.sheets import MAX_FILE_BYTES, Sheet, SheetBuilder, UnreadableFile, cell_too_long
from models.words.translation import _

_BOMS = (  # the longest first: UTF-32's little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CHUNK = 1024 * 1024
_SAMPLE_CHARS = 32_000
_SAMPLE_ROWS = 20
DELIMITERS = ",;\t"


def read_csv(stream: BinaryIO, file_name: str, sheet_name: str) -> Sheet:
    """The one sheet of a CSV file open for reading in ``stream`` (a regular file, which is
    read twice: once for its encoding, once for its rows). Raises ``UnreadableFile``."""
    encoding = _encoding(stream)
    stream.seek(0)
    text = io.TextIOWrapper(
        _Capped(stream, file_name), encoding=encoding, errors="replace", newline=""
    )
    delimiter = _delimiter(text.read(_SAMPLE_CHARS))
    stream.seek(0)
    text = io.TextIOWrapper(
        _Capped(stream, file_name), encoding=encoding, errors="replace", newline=""
    )
    builder = SheetBuilder(file_name, sheet_name)
    rows = csv.reader(text, delimiter=delimiter)
    number = 0
    try:
        for number, row in enumerate(rows, start=1):  # noqa: B007 - named in a refusal
            builder.add(number, row)
    except csv.Error as error:
        raise _refusal(file_name, number + 1, error) from None
    return builder.sheet()


def _refusal(file_name: str, number: int, error: csv.Error) -> UnreadableFile:
    if "field larger than field limit" in str(error):
        return cell_too_long(file_name, number)
    return UnreadableFile(
        _("Row {row} of {file} cannot be read as CSV ({reason}).").format(
            row=number, file=file_name, reason=error
        )
    )


def _encoding(stream: BinaryIO) -> str:
    head = stream.read(4)
    for mark, encoding in _BOMS:
        if head.startswith(mark):
            return encoding
    stream.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while chunk := stream.read(_CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1251"
    return "utf-8"


def _delimiter(sample: str) -> str:
    """The candidate that splits the first rows into the same number of columns, the most
    columns when several do. (csv.Sniffer takes tens of seconds on a line of quotes and
    commas; this reads the sample once per candidate.)"""
    best, chosen = (False, 0, 0), DELIMITERS[0]
    for candidate in DELIMITERS:
        rows = csv.reader(io.StringIO(sample, newline=""), delimiter=candidate)
        try:
            # The sample's last row may be cut short: it is not counted.
            widths = [len(row) for row in itertools.islice(rows, _SAMPLE_ROWS + 1) if row]
        except csv.Error:
            continue
        widths = widths[:_SAMPLE_ROWS] if len(widths) > 1 else widths
        if not widths:
            continue
        width, count = Counter(widths).most_common(1)[0]
        score = (width > 1, count, width)
        if score > best:
            best, chosen = score, candidate
    return chosen


class _Capped(io.RawIOBase):
    """The file's bytes up to the size limit: a file that grows while it is read (a log
    being written) is refused instead of read without end."""

    def __init__(self, stream: BinaryIO, file_name: str) -> None:
        self.stream = stream
        self.file_name = file_name
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.stream.read(len(buffer))
        self.read_bytes += len(data)
        if self.read_bytes > MAX_FILE_BYTES:
            raise UnreadableFile(
                _(
                    "{file} grew past the size limit while it was read, so it was not imported."
                ).format(file=self.file_name)
            )
        buffer[: len(data)] = data
        return len(data)
