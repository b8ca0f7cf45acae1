"""A machine that dies in the middle of a save or an import loses nothing that was saved and
keeps nothing half-written: a process is killed (SIGKILL) mid-way, and the database then
passes `seriktes check` and holds all of the work or none of it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from models.store.database import close_database, open_database
from models.store.integrity import check_database
from models.store.records import Event, EventParticipant, Organization

ROOT = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL is a POSIX signal")


def run_until(script: str, marker: Path, timeout: float = 60) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    deadline = time.monotonic() + timeout
    while not marker.exists():
        assert process.poll() is None, "the worker ended before the moment to kill it"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    return process


def kill(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(10)
    assert process.returncode == -signal.SIGKILL


def test_killed_in_the_middle_of_a_large_import(tmp_path):
    database, marker = tmp_path / "records.db", tmp_path / "halfway"
    open_database(database)
    close_database()
    process = run_until(
        f"""
        import time
        from pathlib import Path
        import openpyxl
        from exports.importer import apply_import, preview_import
        from exports.spreadsheet_reader import read_workbook
        from models.store.database import open_database

        sheet = Path({str(tmp_path / "partners.xlsx")!r})
        book = openpyxl.Workbook()
        book.active.append(["Name", "Country"])
        for n in range(20000):
            book.active.append([f"Institute {{n}}", "Kazakhstan"])
        book.save(sheet)
        open_database({str(database)!r})
        preview = preview_import(read_workbook(sheet), "organization")

        def progress(done, total):
            if done >= 5000:
                Path({str(marker)!r}).touch()
                time.sleep(60)  # killed here, half-way through the transaction
            return True

        apply_import(preview, progress)
    """,
        marker,
    )
    kill(process)
    assert check_database(database) == []
    open_database(database, create=False)
    try:
        assert Organization.select().count() == 0
    finally:
        close_database()


def test_killed_in_the_middle_of_saves(tmp_path):
    database, marker = tmp_path / "records.db", tmp_path / "saving"
    process = run_until(
        f"""
        from pathlib import Path
        from models.store.database import open_database
        from models.kinds.events import EVENTS
        from models.kinds.people import PEOPLE

        open_database({str(database)!r})
        people = [PEOPLE.save({{"full_name": f"Participant {{n}}"}}).id for n in range(300)]
        event = EVENTS.save({{"title": "Forum"}})
        sets = [people[:150], people[150:]]
        for round in range(100000):
            chosen = sets[round % 2]
            EVENTS.save({{"title": f"Forum, version {{round}}", "participants": [
                {{"person": p, "role": "attendee"}} for p in chosen]}}, event.id)
            if round == 20:
                Path({str(marker)!r}).touch()
    """,
        marker,
        timeout=120,
    )
    time.sleep(0.3)  # well into the saves
    kill(process)
    assert check_database(database) == []
    open_database(database, create=False)
    try:
        event = Event.get()
        version = int(event.title.rsplit(" ", 1)[1])
        people = {
            row.person.full_name
            for row in EventParticipant.select().where(EventParticipant.event == event)
        }
        expected_first = "Participant 0" if version % 2 == 0 else "Participant 150"
        assert len(people) == 150 and expected_first in people
    finally:
        close_database()
