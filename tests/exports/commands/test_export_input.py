"""``seriktes export`` given text a shell can pass but no record can hold — bytes that are
not UTF-8 in an option or in the output's name — run as a script runs it, in a process of
its own: one plain line and status 1, or the file written and its path printed as the disk
spells it; never a traceback."""

from __future__ import annotations

import hashlib
import os
import sys

import pytest

from models.kinds.organizations import ORGANIZATIONS
from models.store.database import close_database, open_database
from tests.measured import measure

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="file names are bytes on POSIX")

UNDECODABLE = os.fsdecode(b"Spain \xff")


@pytest.fixture
def recorded(tmp_path):
    path = tmp_path / "records.db"
    open_database(path)
    ORGANIZATIONS.save({"name": "Consejo Superior de Investigaciones Científicas", "country": "ES"})
    close_database()
    return path


@pytest.mark.parametrize(
    "option",
    [
        ["organizations", "--search"],
        ["organizations", "--country"],
        ["organizations", "--tag"],
        ["organizations", "--kind"],
        ["brief", "--organization"],
    ],
)
def test_an_option_that_is_not_utf8_is_refused_on_one_line(recorded, tmp_path, option):
    before = hashlib.sha256(recorded.read_bytes()).hexdigest()
    target = tmp_path / "out.xlsx"
    result = measure(
        ["main.py", "export", *option, UNDECODABLE]
        + ["--database", str(recorded), "--output", str(target)],
        # A terminal that reports UTF-8 strictly, as a scheduled task's often does.
        env={"PYTHONIOENCODING": "utf-8:strict"},
    )
    lines = result.stderr.strip().splitlines()
    assert result.status == 1 and len(lines) == 1, result.stderr
    assert f"The text given to {option[1]} is not valid" in lines[0]
    assert result.seconds < 20 and result.peak_mb < 250
    assert not target.exists()
    assert hashlib.sha256(recorded.read_bytes()).hexdigest() == before


def test_an_output_name_that_is_not_utf8_is_written_and_printed_as_spelled(recorded, tmp_path):
    target = os.fsencode(tmp_path) + b"/partners \xff.xlsx"
    result = measure(
        ["main.py", "export", "organizations", "--database", str(recorded)]
        + ["--output", os.fsdecode(target)],
        env={"PYTHONIOENCODING": "utf-8:strict"},
    )
    assert result.status == 0, result.stderr
    assert result.stderr == ""
    assert os.path.getsize(target) > 0
    assert result.stdout.strip() == os.fsdecode(target).encode("utf-8", "surrogateescape").decode(
        "utf-8", "replace"
    )
