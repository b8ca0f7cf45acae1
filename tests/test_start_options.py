"""What a start of Seriktes does besides opening the window, as IT staff and CI run it from a
terminal: ``--version`` and ``--self-test``, in a process of their own from the checkout."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

import pytest

import main
from models.about import VERSION

ROOT = Path(__file__).resolve().parent.parent


def seriktes(*arguments: str, home: Path) -> subprocess.CompletedProcess:
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "TMPDIR": str(home / "temporary"),
    }
    (home / "temporary").mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *arguments],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )


def test_the_version_is_printed_and_nothing_else_happens(tmp_path):
    done = seriktes("--version", home=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"Seriktes {VERSION}\n", "")
    assert re.fullmatch(r"\d+\.\d+\.\d+", VERSION)
    assert not (tmp_path / "data").exists()


def test_the_installed_package_has_the_version_the_app_shows():
    try:
        installed = metadata.version("seriktes")
    except metadata.PackageNotFoundError:
        pytest.skip("run from the checkout: the package is not installed (CI installs it)")
    assert installed == VERSION


def test_the_self_test_says_each_step_and_passes_leaving_nothing_behind(tmp_path):
    done = seriktes("--self-test", home=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 8
    assert lines[0].startswith("Created a new database: ")
    assert lines[1].startswith("Loaded the sample records: 15 organizations, 12 people")
    assert lines[2] == (
        "Searched for “ISTC”: found International Science and Technology Center (ISTC)."
    )
    assert lines[3] == (
        "Started the duplicate finder's helper processes: they read the records alike."
    )
    assert lines[4].startswith("Exported a brief on International Science and Technology")
    assert lines[5] == (
        "Imported the brief into a second new database: 1 organization, 1 person, "
        "1 program, 3 key figures."
    )
    assert lines[6] == "Checked both databases: no problems found."
    # A whole number of seconds is written without a decimal ("in 1 s.").
    assert re.fullmatch(r"Self-test passed in \d+(\.\d)? s\.", lines[7])
    # The databases and the brief were made in a temporary folder, removed after; the user's
    # data folder was not touched.
    assert list((tmp_path / "temporary").iterdir()) == []
    assert not (tmp_path / "data" / "Seriktes").exists()


def test_the_self_test_speaks_the_language_asked_for(tmp_path):
    done = seriktes("--language", "kk", "--self-test", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "15 ұйым, 12 тұлға" in done.stdout
    assert done.stdout.splitlines()[-1].startswith("Өзін-өзі тексеру ")


def test_a_self_test_that_cannot_make_its_folder_fails_in_one_plain_line(
    tmp_path, monkeypatch, capsys
):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    monkeypatch.setattr(tempfile, "tempdir", str(not_a_folder))
    assert main.main(["--self-test"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("Self-test failed: NotADirectoryError(")
    assert len(captured.err.splitlines()) == 1


def test_a_start_option_is_one_at_a_time(capsys):
    with pytest.raises(SystemExit) as exit_:
        main.main(["--self-test", "--install-desktop-entry"])
    assert exit_.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err
