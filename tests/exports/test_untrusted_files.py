"""Files made to hurt a reader, imported with `seriktes import` in a process of its own and
measured as a user would notice them: the command ends with status 1 and one plain line
naming the problem (and the row, when there is one), within seconds and a small part of the
memory the file claims, and the database keeps every byte it had. Each test builds its file.

Before these checks, the sparse .xlsx and the .xls aborted the process (SIGABRT) in about a
second, the five million rows took three minutes and 4 GB before a MemoryError, and a pipe
was waited on for ever."""

from __future__ import annotations

import hashlib
import os
import socket
import sys
from pathlib import Path

import pytest

from models.kinds.organizations import ORGANIZATIONS
from models.store.database import close_database, open_database
from tests.measured import Measured, measure

from .hostile_files import (
    aborting_xls,
    raw_xlsx,
    repeated_ods,
    repeated_text_xlsx,
    sparse_by_order_xlsx,
    sparse_ods,
    sparse_xlsx,
    text_cell,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pipes, sockets and devices")

# What a refusal may cost at most, measured on a busy two-core machine; the files claim
# billions of cells (tens of gigabytes).
SECONDS = 20
MEGABYTES = 250


@pytest.fixture
def recorded(tmp_path) -> Path:
    """A database file with one record, closed: each test proves its bytes unchanged."""
    path = tmp_path / "records.db"
    open_database(path)
    ORGANIZATIONS.save({"name": "Nazarbayev University", "country": "KZ"})
    close_database()
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_import(file: Path | str, database: Path, *extra: str, timeout: float = 60) -> Measured:
    return measure(
        ["main.py", "import", os.fspath(file), "--into", "organizations"]
        + ["--database", str(database), *extra],
        timeout=timeout,
    )


def assert_refused(result: Measured, says: str) -> None:
    assert not result.timed_out, "the import was still waiting when it was stopped"
    lines = result.stderr.strip().splitlines()
    assert result.status == 1, result.stderr[-2000:]
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert says in lines[0], lines[0]
    assert result.stdout == ""
    assert result.seconds < SECONDS
    assert result.peak_mb < MEGABYTES


def refuses_without_change(file, database, says: str, *extra: str) -> Measured:
    before = digest(database)
    result = run_import(file, database, *extra)
    assert_refused(result, says)
    assert digest(database) == before
    return result


CELLS = "has more cells than Seriktes imports at once (at most 3,000,000"


@pytest.mark.parametrize(
    ("name", "make"),
    [
        pytest.param("partners.xlsx", sparse_xlsx, id="xlsx-one-cell-at-XFD1048576"),
        pytest.param(
            "partners.xlsx",
            lambda path: sparse_xlsx(path, sheet_part="xl/media/image1.png"),
            id="xlsx-sheet-named-like-a-picture",
        ),
        pytest.param("partners.xlsx", sparse_by_order_xlsx, id="xlsx-cells-placed-by-order"),
        pytest.param("partners.ods", sparse_ods, id="ods-a-million-empty-rows-then-one-cell"),
        pytest.param("partners.ods", repeated_ods, id="ods-one-cell-repeated-16-billion-times"),
        pytest.param(
            "partners.ods",
            lambda path: repeated_ods(path, rows=9_998, columns=1_000),
            id="ods-ten-million-cells-under-the-readers-own-cap",
        ),
    ],
)
def test_a_sheet_that_claims_billions_of_cells_is_refused_before_it_is_read(
    recorded, tmp_path, name, make
):
    path = make(tmp_path / name)
    assert path.stat().st_size < 20_000
    refuses_without_change(path, recorded, CELLS)


@pytest.mark.parametrize(
    ("cell", "says"),
    [
        # The reference the reader takes comes after a value that looks like one.
        ('<c note=" r=\'A3\'" r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>', CELLS),
        # Two references: the reader takes the last; the check refuses the cell.
        ('<c r="A3" r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>', "is damaged"),
    ],
    ids=["reference-after-a-lookalike", "two-references"],
)
def test_a_cell_reference_dressed_up_does_not_slip_past_the_check(recorded, tmp_path, cell, says):
    rows = f'<row r="1">{text_cell("A1", "Name")}</row><row r="3">{cell}</row>'
    refuses_without_change(raw_xlsx(tmp_path / "partners.xlsx", rows), recorded, says)


def test_text_before_a_sheet_does_not_hide_it_from_the_check(recorded, tmp_path):
    # The reader skips whatever comes before a sheet's first tag; the check does not.
    path = sparse_xlsx(tmp_path / "partners.xlsx", before=b"not xml ")
    refuses_without_change(path, recorded, "partners.xlsx is damaged")


def test_a_reader_that_dies_on_a_file_does_not_take_the_command_with_it(recorded, tmp_path):
    # The native reader asks for petabytes for this .xls and aborts its process: the child
    # process it runs in ends, and the command says so.
    result = refuses_without_change(
        aborting_xls(tmp_path / "partners.xls"),
        recorded,
        "partners.xls could not be read: the reader stopped on it",
    )
    assert "memory allocation" not in result.stderr


def test_one_long_text_shared_by_every_cell_is_kept_once(recorded, tmp_path):
    # 20,000 cells name one text of 32,000 characters: 640 MB if each cell had a copy.
    path = repeated_text_xlsx(tmp_path / "partners.xlsx")
    result = run_import(path, recorded, "--dry-run")
    assert result.status == 0, result.stderr
    assert "1000 rows read, 1 imported" in result.stdout
    assert result.seconds < 60


def test_five_million_tiny_rows_are_refused_at_the_row_past_the_limit(recorded, tmp_path):
    path = tmp_path / "tiny.csv"
    path.write_bytes(b"Name\n" + b"a\n" * 5_000_000)
    refuses_without_change(
        path, recorded, "tiny.csv has more than 100,000 rows (row 100001 is past the limit)"
    )


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (
            b"Name,Notes\nCSIC,short\nNU," + b"x" * 40_000 + b"\n",
            "Row 3 of partners.csv has a cell of more than 32,767 characters",
        ),
        (
            b'Name,Notes\nCSIC,short\nNU,"never closed\n' + b"more text\n" * 20_000,
            "Row 3 of partners.csv has a cell of more than 32,767 characters",
        ),
        (
            b",".join(b"c%d" % n for n in range(100_000)) + b"\nCSIC\n",
            "Row 1 of partners.csv has 100,000 columns; Seriktes imports at most 1,000",
        ),
        (
            b"Name\nCSIC\nBad\x00Name\n",
            "Row 3 of partners.csv holds a NUL character",
        ),
        (
            b"Name\n" + b"Partner\n" * 5_000 + b"Bad\x00Name\n",
            "Row 5002 of partners.csv holds a NUL character",
        ),
        (
            "Name\nCSIC\n".encode("utf-16-le"),  # UTF-16 without its byte order mark
            "Row 1 of partners.csv holds a NUL character",
        ),
    ],
    ids=[
        "cell-over-32767",
        "quote-never-closed",
        "100000-columns",
        "nul-in-row-3",
        "nul-after-the-first-8-kb",
        "utf16-without-mark",
    ],
)
def test_a_csv_past_a_limit_is_refused_naming_the_row(recorded, tmp_path, data, says):
    path = tmp_path / "partners.csv"
    path.write_bytes(data)
    refuses_without_change(path, recorded, says)


@pytest.mark.parametrize(
    ("encoding", "mark"),
    [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-32-le", b"\xff\xfe\x00\x00")],
)
def test_utf16_and_utf32_csv_with_their_mark_are_read(recorded, tmp_path, encoding, mark):
    path = tmp_path / "partners.csv"
    text = "Name;Country\nConsejo Superior;Испания\nÁlmaty Institute;Казахстан\n"
    path.write_bytes(mark + text.encode(encoding))
    result = run_import(path, recorded)
    assert result.status == 0, result.stderr
    assert result.stdout.strip() == "2 rows read, 2 imported, 0 filled in, 0 duplicates, 0 rejected"


def test_pipes_sockets_and_devices_are_refused_at_once(recorded, tmp_path):
    says = "is not a file but a pipe, a socket or a device"
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)  # nothing will ever write to it: an ordinary open would wait for ever
    refuses_without_change(pipe, recorded, says)
    listening = socket.socket(socket.AF_UNIX)
    listening.bind(str(tmp_path / "socket.xlsx"))
    try:
        refuses_without_change(tmp_path / "socket.xlsx", recorded, says)
    finally:
        listening.close()
    device = tmp_path / "zero.csv"
    device.symlink_to("/dev/zero")  # endless, and zero bytes long to stat
    refuses_without_change(device, recorded, says)


def test_names_and_options_that_are_not_utf8_get_one_plain_line(recorded, tmp_path):
    folder = os.fsencode(tmp_path)
    named = folder + b"/partners \xff\xfe.csv"
    with open(named, "wb") as handle:
        handle.write(b"Name\nCSIC\n")
    result = run_import(os.fsdecode(named), recorded)
    assert result.status == 0 and "1 imported" in result.stdout, result.stderr

    refuses_without_change(
        os.fsdecode(folder + b"/missing \xff.csv"), recorded, "missing \ufffd.csv does not exist"
    )
    refuses_without_change(
        os.fsdecode(named),
        recorded,
        "The text given to --sheet is not valid",
        "--sheet",
        os.fsdecode(b"Partners \xff"),
    )
    # A database must be named in text: its backups and the list of recent ones need it.
    odd_database = os.fsdecode(folder + b"/records \xff.db")
    os.link(recorded, odd_database)
    refuses_without_change(
        os.fsdecode(named),
        Path(odd_database),
        "is not valid text (it has bytes that are not UTF-8)",
    )


def test_a_file_whose_name_holds_a_line_break_is_refused_on_one_line(recorded, tmp_path):
    path = tmp_path / "two\nlines.csv"
    path.write_bytes(b"Name\n" + b"x" * 40_000 + b"\n")
    refuses_without_change(path, recorded, "Row 2 of two\ufffdlines.csv has a cell")


def test_a_report_may_not_be_written_over_the_spreadsheet_or_the_database(recorded, tmp_path):
    sheet = tmp_path / "partners.csv"
    sheet.write_bytes(b"Name,Country\nCSIC,Spain\nX,Atlantis\n")
    source = digest(sheet)
    refuses_without_change(
        sheet, recorded, "it is the spreadsheet being imported", "--report", str(sheet)
    )
    assert digest(sheet) == source
    refuses_without_change(sheet, recorded, "it is the database", "--report", str(recorded))
    refuses_without_change(sheet, recorded, "it is the database", "--report", f"{recorded}-wal")


def test_an_import_whose_report_cannot_be_written_imports_nothing(recorded, tmp_path):
    sheet = tmp_path / "partners.csv"
    sheet.write_bytes(b"Name,Country\nCSIC,Spain\nX,Atlantis\n")
    result = refuses_without_change(
        sheet,
        recorded,
        "The report could not be written",
        "--report",
        str(tmp_path / "no such folder" / "not-imported.xlsx"),
    )
    assert "The database was not changed." in result.stderr


def test_a_file_that_cannot_be_read_gets_one_plain_line(recorded, tmp_path):
    blocker = tmp_path / "partners.csv"
    blocker.write_bytes(b"Name\nCSIC\n")
    refuses_without_change(blocker / "inside.csv", recorded, "inside.csv cannot be read")
    refuses_without_change(blocker / "inside.xlsx", recorded, "inside.xlsx cannot be read")
    (tmp_path / "folder.xlsx").mkdir()
    refuses_without_change(tmp_path / "folder.xlsx", recorded, "folder.xlsx is a folder")
