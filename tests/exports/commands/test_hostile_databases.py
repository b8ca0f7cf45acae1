"""Every command, run as a user runs it (``python main.py …``), given a database it must not
touch — a name that is not text, a folder, a pipe, a database damaged in each way SQLite can
still open, from a newer version, held by another program, or read-only — refuses in exactly
one plain line on stderr with exit status 1, no traceback, within seconds, and leaves the
file's bytes as they were. What only reads (export, backup, check) still works on a database
that cannot be written."""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.hostile_databases import (
    broken_pages,
    digest,
    garbled_version,
    held_by_another_writer,
    missing_table,
    needs_permissions,
    newer_version,
    run_seriktes,
    sound,
    wiped_schema,
)

pytestmark = pytest.mark.sqlite_only

COMMANDS = ("import", "export", "sample", "backup", "check")
WRITING = ("import", "sample")
# A database another program holds is waited for this long (ms) instead of 5 s.
QUICKLY = {"SERIKTES_BUSY_TIMEOUT": "200"}
SECONDS = 15


def arguments(command: str, database: str | bytes, tmp_path: Path) -> list[str | bytes]:
    sheet = tmp_path / "partners.csv"
    sheet.write_text("Name\nCSIC\n", encoding="utf-8")
    return {
        "import": ["import", str(sheet), "--into", "organizations", "--database", database],
        "export": ["export", "organizations", "--output", str(tmp_path / "out.xlsx")],
        "sample": ["sample", "--database", database],
        "backup": ["backup", "--database", database, "--output", str(tmp_path / "copy.db")],
        "check": ["check", "--database", database],
    }[command] + (["--database", database] if command == "export" else [])


def run_every_command(database, tmp_path, env=None, user=False, commands=COMMANDS) -> dict:
    """Each command's (exit status, stdout, stderr as text, seconds), run side by side."""

    def run(command):
        started = time.perf_counter()
        done = run_seriktes(*arguments(command, database, tmp_path / command), env=env, user=user)
        seconds = time.perf_counter() - started
        err = done.stderr.decode("utf-8", "backslashreplace")
        return command, (done.returncode, done.stdout.decode(), err, seconds)

    for command in commands:
        (tmp_path / command).mkdir(exist_ok=True)
    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(pool.map(run, commands))


def assert_refused_in_one_line(results: dict, says: str) -> None:
    for command, (status, out, err, seconds) in results.items():
        assert "Traceback" not in err, (command, err)
        assert status == 1, (command, err)
        assert out == "", command
        assert err.count("\n") == 1 and err.endswith("\n"), (command, err)
        assert says in err, (command, err)
        assert seconds < SECONDS, command


def damaged_copy(tmp_path: Path, damage) -> Path:
    return damage(sound(tmp_path / "records.db", "ISTC", "CSIC"))


@pytest.mark.parametrize(
    ("damage", "says"),
    [
        (missing_table, "is damaged: tables it needs are missing (person)"),
        (broken_pages, "is damaged: SQLite found broken pages"),
        (garbled_version, "is damaged: its schema version “six” is not a number"),
        (wiped_schema, "is damaged"),
        (newer_version, "made by a newer version of Seriktes (schema 99"),
    ],
    ids=["a table missing", "broken pages", "a garbled schema version", "wiped", "newer"],
)
def test_every_command_refuses_a_damaged_or_newer_database_and_leaves_it_as_it_was(
    tmp_path, damage, says
):
    path = damaged_copy(tmp_path, damage)
    before = digest(path)
    assert_refused_in_one_line(run_every_command(str(path), tmp_path), says)
    assert digest(path) == before
    assert not (tmp_path / "export" / "out.xlsx").exists()
    assert not (tmp_path / "backup" / "copy.db").exists()


def test_a_name_that_is_not_utf8_a_folder_and_a_pipe_are_refused_in_one_line(tmp_path):
    name = os.fsencode(tmp_path) + b"/records-\xff.db"
    sound(tmp_path / "sound.db", "ISTC")
    os.rename(tmp_path / "sound.db", name)
    before = Path(os.fsdecode(name)).read_bytes()
    assert_refused_in_one_line(
        run_every_command(name, tmp_path), "records-\\xff.db is not valid text"
    )
    assert Path(os.fsdecode(name)).read_bytes() == before

    folder = tmp_path / "a-folder"
    folder.mkdir()
    assert_refused_in_one_line(
        run_every_command(str(folder), tmp_path), "is a folder, not a Seriktes database"
    )
    assert list(folder.iterdir()) == []

    pipe = tmp_path / "a-pipe"
    os.mkfifo(pipe)
    # Read, a pipe would wait for a writer forever; it is refused at once.
    assert_refused_in_one_line(run_every_command(str(pipe), tmp_path), "is not a file")


def test_a_database_another_program_holds_past_the_busy_timeout_is_refused_in_one_line(
    tmp_path,
):
    path = sound(tmp_path / "records.db", "ISTC")
    with held_by_another_writer(path, journal="delete"):
        before = digest(path)
        results = run_every_command(str(path), tmp_path, env=QUICKLY)
        assert digest(path) == before
    assert_refused_in_one_line(results, "records.db is in use by another program")


def test_while_another_program_writes_only_what_would_write_is_refused(tmp_path):
    """With SQLite's write-ahead log, readers are not held up by a writer: export, backup
    and check answer; import and sample, which would write, refuse at once."""
    path = sound(tmp_path / "records.db", "ISTC")
    with held_by_another_writer(path, journal="wal"):
        results = run_every_command(str(path), tmp_path, env=QUICKLY)
    writing = {command: results.pop(command) for command in WRITING}
    assert_refused_in_one_line(writing, "records.db is in use by another program")
    for command, (status, _out, err, _seconds) in results.items():
        assert status == 0 and err == "", (command, err)


@needs_permissions
@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_database_is_read_but_never_written_nor_called_damaged(tmp_path, what):
    folder = tmp_path / "shared"
    folder.mkdir()
    path = sound(folder / "records.db", "ISTC")
    before = digest(path)
    locked = path if what == "file" else folder
    locked.chmod(0o444 if what == "file" else 0o555)
    try:
        results = run_every_command(str(path), tmp_path, user=True)
    finally:
        locked.chmod(0o755 if what == "folder" else 0o644)
    writing = {command: results.pop(command) for command in WRITING}
    assert_refused_in_one_line(
        writing, "records.db cannot be written to: the file or its folder is read-only"
    )
    assert all("damaged" not in err for _status, _out, err, _s in writing.values())
    for command, (status, _out, err, _seconds) in results.items():
        assert status == 0 and err == "", (command, err)
    assert results["check"][1] == "ok\n"
    assert digest(path) == before


def test_export_searches_any_text_given_or_refuses_it_in_one_line(tmp_path):
    path = sound(tmp_path / "records.db", "International Science and Technology Center")
    before = digest(path)

    def export(search: str | bytes, name: str):
        output = tmp_path / f"{name}.xlsx"
        done = run_seriktes(
            "export", "organizations", "--database", str(path), "--output", str(output),
            "--search", search,
        )  # fmt: skip
        return done.returncode, done.stderr.decode("utf-8", "backslashreplace"), output

    status, err, output = export(b"Scien\xffce", "not-utf-8")
    assert status == 1 and err.count("\n") == 1 and "bytes that are not UTF-8" in err
    assert not output.exists()
    for name, search in {
        "quotes and FTS5 operators": '"ISTC" NEAR(a b) AND * ^',
        "a tab and a newline": "Science\t\nCenter",
        "the same word a hundred times": "science " * 100,
    }.items():
        status, err, output = export(search, name.replace(" ", "-"))
        assert status == 0 and err == "" and output.exists(), (name, err)

    status, err, output = export(" ".join(f"word{n}" for n in range(100)), "hundred")
    assert (status, err) == (
        1,
        "seriktes export: This search has too many different words: type at most 50 to look for.\n",
    )
    assert not output.exists()
    status, err, _output = export("x" * 10_000, "long")
    assert status == 1 and err.count("\n") == 1 and "at most 1000 characters" in err
    assert digest(path) == before
