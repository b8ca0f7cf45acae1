"""A database from someone else: its attachment rows name files "../../x", "/etc/passwd",
"CON.txt", a thousand characters, programs. The Files panel saves and opens each of them only
inside the folder chosen for it, and hands no program to the system's viewer."""

from __future__ import annotations

import hashlib
import sqlite3
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from models.kinds.organizations import ORGANIZATIONS
from models.store.attachments import RUNNABLE_EXTENSIONS, safe_file_name
from ui import dialogs
from ui.widgets.files_panel import FilesPanel

ELF = b"\x7fELF\x02\x01\x01" + bytes(64)
# (stored name, bytes, whether the viewer may open it)
HOSTILE = [
    ("../../escaped.txt", b"relative climb", True),
    ("..\\..\\escaped-too.txt", b"climb with Windows separators", True),
    ("C:\\Windows\\x.txt", b"a Windows path", True),
    ("/etc/passwd", b"root::0:0::/root:/bin/sh\n", True),
    ("CON.txt", b"the console on Windows", True),
    ("a\x00b.txt", b"a NUL inside", True),
    ("x" * 1000 + ".pdf", b"%PDF-1.4 a long name", True),
    ("\x00\x00", b"nothing but NULs", True),
    ("run.exe", b"MZ\x90\x00 a Windows program", False),
    (".desktop", b"[Desktop Entry]\nExec=sh -c 'touch /tmp/pwned'\n", False),
    ("Invoice\u202efdp.exe", b"MZ shows as Invoiceexe.pdf", False),
    ("notes", ELF, False),
    ("install.SH", b"#!/bin/sh\necho hi\n", False),
]

# The rows are written into the database file by hand, NULs in names included: a database
# server refuses such text before it is stored, so only a file can hold them.
pytestmark = pytest.mark.sqlite_only


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_under(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): digest(path)
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.startswith("records.db")
    }


@pytest.fixture
def hostile_panel(qtbot, database, db_path, tmp_path, monkeypatch):
    """A Files panel showing an organization whose attachment rows were written into the
    database file by someone else's hand."""
    istc = ORGANIZATIONS.save({"name": "ISTC"})
    with sqlite3.connect(db_path) as raw:
        for name, data, _viewable in HOSTILE:
            cursor = raw.execute(
                "INSERT INTO attachment (record_kind, record_id, file_name, size, sha256, "
                "added_at) VALUES ('organization', ?, ?, ?, ?, '2025-03-05 10:00:00')",
                (istc.id, name, len(data), hashlib.sha256(data).hexdigest()),
            )
            raw.execute(
                "INSERT INTO attachment_content (attachment_id, data) VALUES (?, ?)",
                (cursor.lastrowid, data),
            )
    # The system's temporary folder is the test's own, so every file written is seen.
    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    panel = FilesPanel("organization")
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    assert panel.set_record(istc.id) == len(HOSTILE)
    return panel


def click_row(qtbot, panel: FilesPanel, row: int) -> None:
    panel.table.scrollToItem(panel.table.item(row, 0))
    rect = panel.table.visualItemRect(panel.table.item(row, 1))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.table.currentRow() == row


def test_save_as_writes_every_hostile_name_inside_the_chosen_folder(
    hostile_panel, qtbot, tmp_path, monkeypatch, db_path
):
    chosen = tmp_path / "home" / "user" / "Documents" / "chosen"
    chosen.mkdir(parents=True)
    before = files_under(tmp_path)
    passwd = digest(Path("/etc/passwd"))
    database_before = digest(db_path)
    suggested = []

    def keep_the_suggested_name(_parent, name):
        suggested.append(name)
        return str(chosen / name)  # what a user who only picks the folder gets

    monkeypatch.setattr(dialogs, "choose_save_path", keep_the_suggested_name)
    for row in range(len(HOSTILE)):
        click_row(qtbot, hostile_panel, row)
        qtbot.mouseClick(hostile_panel.save_button, Qt.MouseButton.LeftButton)
        assert not hostile_panel.message.isVisible(), hostile_panel.message.text()

    written = {path.name: path.read_bytes() for path in chosen.iterdir()}
    assert sorted(written) == sorted(suggested)
    assert all(path.is_file() for path in chosen.iterdir())  # no folder was made in it
    for (stored, data, _viewable), name in zip(HOSTILE, suggested, strict=True):
        assert name == safe_file_name(stored)
        assert written[name] == data
        assert "/" not in name and "\\" not in name and ".." not in name
        assert name.isprintable() and 0 < len(name) <= 120
    assert suggested[:8] == [
        "escaped.txt",
        "escaped-too.txt",
        "x.txt",
        "passwd",
        "_CON.txt",
        "ab.txt",
        "x" * 116 + ".pdf",
        "attachment",
    ]
    after = files_under(tmp_path)
    assert {k: v for k, v in after.items() if not k.startswith("home/")} == before
    assert digest(Path("/etc/passwd")) == passwd
    assert digest(db_path) == database_before


def test_opening_never_hands_a_program_to_the_viewer(hostile_panel, qtbot, tmp_path, monkeypatch):
    viewed: list[Path] = []
    offers: list[str] = []
    monkeypatch.setattr(dialogs, "open_with_system", viewed.append)
    monkeypatch.setattr(dialogs, "offer_save_instead", lambda _p, why: offers.append(why))
    for row in range(len(HOSTILE)):
        click_row(qtbot, hostile_panel, row)
        qtbot.mouseClick(hostile_panel.open_button, Qt.MouseButton.LeftButton)

    system_temp = tmp_path / "system-temp"
    expected = [safe_file_name(name) for name, _data, viewable in HOSTILE if viewable]
    assert [path.name for path in viewed] == expected
    for path, (_name, data, _viewable) in zip(viewed, [h for h in HOSTILE if h[2]], strict=True):
        assert path.parent.parent == system_temp  # a fresh folder of its own, nowhere else
        assert path.read_bytes() == data
        assert not path.stat().st_mode & 0o111
    assert len(offers) == sum(1 for *_rest, viewable in HOSTILE if not viewable)
    assert offers[0] == (
        "“run.exe” was not opened: it is a program or a script, and opening it could run it "
        "on this computer."
    )
    assert "“Invoicefdp.exe” was not opened" in offers[2]
    # No copy of a program was left where a double click could run it.
    left = [p.name for p in system_temp.rglob("*") if p.is_file()]
    assert sorted(left) == sorted(expected)
    assert not any(name.rpartition(".")[2].lower() in RUNNABLE_EXTENSIONS for name in left)


def test_a_program_refused_can_be_saved_instead(hostile_panel, qtbot, tmp_path, monkeypatch):
    viewed, asked = [], []
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    monkeypatch.setattr(dialogs, "open_with_system", viewed.append)
    monkeypatch.setattr(dialogs, "offer_save_instead", lambda _p, why: asked.append(why) or True)
    monkeypatch.setattr(dialogs, "choose_save_path", lambda _p, name: str(chosen / name))
    row = next(i for i, (name, *_rest) in enumerate(HOSTILE) if name == "run.exe")
    click_row(qtbot, hostile_panel, row)
    qtbot.mouseClick(hostile_panel.open_button, Qt.MouseButton.LeftButton)
    assert viewed == []
    assert asked and "run.exe" in asked[0]
    assert (chosen / "run.exe").read_bytes() == b"MZ\x90\x00 a Windows program"


def test_the_list_shows_hostile_names_on_one_visible_line(hostile_panel):
    shown = [hostile_panel.table.item(row, 0).text() for row in range(len(HOSTILE))]
    assert shown[5] == "a\ufffdb.txt"  # the NUL is shown, not hidden
    assert shown[6] == "x" * 99 + "…"
    assert shown[10] == "Invoice\ufffdfdp.exe"  # no right-to-left trick
    assert all(text.isprintable() for text in shown)
