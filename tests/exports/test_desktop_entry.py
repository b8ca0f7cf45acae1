"""``seriktes --install-desktop-entry`` and ``--uninstall-desktop-entry``, into a data folder
of the test's own (``XDG_DATA_HOME``): the entry the desktop validates, its icons in every
size, and a MIME type that tells a Seriktes database from another SQLite file."""

from __future__ import annotations

import shutil
import sqlite3
import struct
import subprocess
import sys
from pathlib import Path

import pytest

import main
from exports.desktop_entry import (
    ICON_SIZES,
    MIME_TYPE,
    desktop_entry_text,
    exec_line,
    installed_files,
)
from models.store.database import close_database, open_database
from models.store.migrations import APPLICATION_ID
from models.words.translation import set_language

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the desktop entry is for Linux desktops"
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def data_home(private_folders):
    return private_folders / "data"


def entry_keys(path: Path) -> dict[str, str]:
    lines = path.read_text("utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:])


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_the_entry_puts_seriktes_in_the_menu_with_its_icons(data_home, capsys):
    assert main.main(["--install-desktop-entry"]) == 0
    entry = data_home / "applications" / "seriktes.desktop"
    assert capsys.readouterr().out == f"Seriktes is in your applications menu: {entry}\n"
    keys = entry_keys(entry)
    assert keys["Name"] == "Seriktes"
    assert keys["Icon"] == "seriktes"
    assert keys["MimeType"] == f"{MIME_TYPE};"
    # From a checkout, the desktop starts this Python on this main.py, with the database
    # double-clicked (or none).
    assert keys["Exec"] == f"{sys.executable} {ROOT / 'main.py'} --database=%f"
    for size in ICON_SIZES:
        icon = data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "seriktes.png"
        assert png_size(icon) == (size, size)
    scalable = data_home / "icons" / "hicolor" / "scalable" / "apps" / "seriktes.svg"
    assert scalable.read_text("utf-8").startswith("<svg")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_the_entry_is_valid_for_the_desktop(data_home):
    main.main(["--install-desktop-entry"])
    entry = data_home / "applications" / "seriktes.desktop"
    checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert (checked.returncode, checked.stdout) == (0, "")


def test_the_entry_speaks_kazakh_and_russian_in_the_menu(data_home):
    main.main(["--install-desktop-entry"])
    keys = entry_keys(data_home / "applications" / "seriktes.desktop")
    assert keys["GenericName[kk]"] == "Серіктестік жазбалары"
    assert keys["GenericName[ru]"] == "Учёт партнёрских связей"
    assert "ынтымақтастық" in keys["Comment[kk]"]
    assert "сотрудничества" in keys["Comment[ru]"]
    mime = (data_home / "mime" / "packages" / "seriktes.xml").read_text("utf-8")
    assert '<comment xml:lang="kk">Seriktes дерекқоры</comment>' in mime
    assert '<comment xml:lang="ru">База данных Seriktes</comment>' in mime


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_a_program_in_a_folder_with_spaces_and_signs_is_quoted(tmp_path):
    program = "/opt/My Apps/$eriktes 100%/seriktes"
    assert exec_line([program]) == '"/opt/My Apps/\\$eriktes 100%%/seriktes" --database=%f'
    entry = tmp_path / "seriktes.desktop"
    entry.write_text(desktop_entry_text([program]), "utf-8")
    checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert (checked.returncode, checked.stdout) == (0, "")
    # The key's value escapes the backslash once more, as the specification asks.
    assert 'Exec="/opt/My Apps/\\\\$eriktes 100%%/seriktes" --database=%f' in entry.read_text()


def test_uninstalling_takes_away_everything_installed(data_home, capsys):
    main.main(["--install-desktop-entry"])
    installed = list(installed_files(data_home, ["seriktes"]))
    assert len(installed) == 2 + len(ICON_SIZES) + 1
    assert all(path.is_file() for path in installed)
    capsys.readouterr()
    assert main.main(["--uninstall-desktop-entry"]) == 0
    assert capsys.readouterr().out == (
        "Seriktes is no longer in your applications menu (11 files removed).\n"
    )
    assert not any(path.exists() for path in installed)
    assert not (data_home / "mime" / "application" / "x-seriktes-database.xml").exists()
    assert main.main(["--uninstall-desktop-entry"]) == 0
    assert "(0 files removed)" in capsys.readouterr().out


def test_an_unwritable_data_folder_is_refused_in_one_line(data_home, capsys):
    data_home.parent.mkdir(parents=True, exist_ok=True)
    data_home.write_text("a file where the folder should be")
    assert main.main(["--install-desktop-entry"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"The desktop entry cannot be written in {data_home}: ")
    assert len(captured.err.splitlines()) == 1


def application_id(path: Path) -> int:
    with path.open("rb") as file:
        header = file.read(100)
    assert header[:16] == b"SQLite format 3\x00"
    return struct.unpack(">I", header[68:72])[0]


def test_a_seriktes_database_carries_the_number_the_mime_type_looks_for(db_path):
    open_database(db_path)
    close_database()
    assert application_id(db_path) == APPLICATION_ID
    # A database made before Seriktes wrote the number gets it when it is next opened.
    connection = sqlite3.connect(db_path)
    connection.execute("PRAGMA application_id = 0")
    connection.close()
    assert application_id(db_path) == 0
    open_database(db_path)
    close_database()
    assert application_id(db_path) == APPLICATION_ID


@pytest.mark.skipif(
    shutil.which("gio") is None or shutil.which("update-mime-database") is None,
    reason="GLib's gio and shared-mime-info tell a file's MIME type as a file manager does",
)
def test_the_desktop_tells_a_seriktes_database_from_another_sqlite_file(
    data_home, db_path, tmp_path, monkeypatch
):
    main.main(["--install-desktop-entry"])
    open_database(db_path)
    close_database()
    other = tmp_path / "other.db"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE notes (text)")
    connection.close()
    monkeypatch.setenv("XDG_DATA_DIRS", "/usr/share")

    def content_type(path: Path) -> str:
        done = subprocess.run(
            ["gio", "info", "-a", "standard::content-type", str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.strip().splitlines()[-1].split(": ")[-1]

    assert content_type(db_path) == MIME_TYPE
    assert content_type(other) == "application/vnd.sqlite3"
    opened_with = subprocess.run(
        ["gio", "mime", MIME_TYPE], capture_output=True, text=True, check=True
    ).stdout
    assert "Default application for “application/x-seriktes-database”: seriktes.desktop" in (
        opened_with
    )


def test_messages_follow_the_language(data_home, capsys):
    set_language("ru")
    main.main(["--language", "ru", "--install-desktop-entry"])
    assert capsys.readouterr().out.startswith("Seriktes в меню приложений: ")
