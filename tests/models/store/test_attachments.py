"""Files attached to records live inside the database and come back byte for byte."""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest

from models.errors import SeriktesError, ValidationFailed
from models.kinds.organizations import ORGANIZATIONS
from models.store import attachments
from models.store.database import close_database, open_database
from models.store.records import Attachment, AttachmentContent

PDF = b"%PDF-1.7\n" + bytes(range(256)) * 400 + b"\n%%EOF\n"


@pytest.mark.sqlite_only
def test_a_file_round_trips_byte_for_byte_and_travels_with_a_copy_of_the_database(
    database, db_path, tmp_path
):
    istc = ORGANIZATIONS.save({"name": "ISTC"})
    signed = tmp_path / "Memorandum ISTC–MSHE.pdf"
    signed.write_bytes(PDF)
    attachment = attachments.attach_file("organization", istc.id, signed)
    assert attachment.size == len(PDF)
    signed.unlink()  # the original may go: the database holds its own copy

    copy = tmp_path / "copy-of-records.db"
    close_database()
    with sqlite3.connect(db_path) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    open_database(copy)
    [again] = attachments.attachments_of("organization", istc.id)
    assert again.file_name == "Memorandum ISTC–MSHE.pdf"
    saved = attachments.save_attachment_as(again.id, tmp_path / "out.pdf")
    assert saved.read_bytes() == PDF
    viewed = attachments.copy_for_viewing(again.id)
    assert viewed.name == "Memorandum ISTC–MSHE.pdf" and viewed.read_bytes() == PDF
    shutil.rmtree(viewed.parent)


def test_a_file_that_cannot_be_read_is_refused_with_its_name(database, tmp_path):
    istc = ORGANIZATIONS.save({"name": "ISTC"})
    with pytest.raises(ValidationFailed) as failure:
        attachments.attach_file("organization", istc.id, tmp_path / "gone.pdf")
    assert failure.value.problems[0].field == "files"
    assert "“gone.pdf” cannot be attached: it no longer exists" in str(failure.value)
    with pytest.raises(ValidationFailed, match="it is a folder"):
        attachments.attach_file("organization", istc.id, tmp_path)
    if os.geteuid() != 0:  # root reads any file, so the permission case needs a user
        locked = tmp_path / "locked.pdf"
        locked.write_bytes(b"x")
        locked.chmod(0)
        with pytest.raises(ValidationFailed, match="not allowed to read"):
            attachments.attach_file("organization", istc.id, locked)
    assert Attachment.select().count() == 0


def test_files_need_a_saved_record_and_go_with_it(database, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("Visit programme", encoding="utf-8")
    with pytest.raises(SeriktesError, match="Save the record"):
        attachments.attach_file("organization", 999, note)
    istc = ORGANIZATIONS.save({"name": "ISTC"})
    attachments.attach_file("organization", istc.id, note)
    said = [c.description for c in ORGANIZATIONS.consequences(istc.id)]
    assert "1 attached file will be deleted" in said
    ORGANIZATIONS.delete(istc.id)
    assert Attachment.select().count() == 0
    assert AttachmentContent.select().count() == 0


def test_a_failed_save_elsewhere_leaves_no_partial_file(database, tmp_path):
    istc = ORGANIZATIONS.save({"name": "ISTC"})
    note = tmp_path / "note.txt"
    note.write_bytes(b"abc")
    attachment = attachments.attach_file("organization", istc.id, note)
    with pytest.raises(SeriktesError, match="could not be written"):
        attachments.save_attachment_as(attachment.id, tmp_path / "no-such-folder" / "x.txt")
    assert not (tmp_path / "no-such-folder").exists()


@pytest.mark.parametrize(
    ("stored", "safe"),
    [
        ("Memorandum ISTC–MSHE.pdf", "Memorandum ISTC–MSHE.pdf"),
        ("../../x", "x"),
        ("C:\\Windows\\x.txt", "x.txt"),
        ("\\\\server\\share\\minutes.docx", "minutes.docx"),
        ("/etc/passwd", "passwd"),
        ("CON.txt", "_CON.txt"),
        ("lpt1", "_lpt1"),
        ("aux.tar.gz", "_aux.tar.gz"),
        ("a\x00b", "ab"),
        ("tab\there\r\n.txt", "tabhere.txt"),
        ("..", "attachment"),
        ("", "attachment"),
        ("\x00\x00.pdf", "attachment.pdf"),
        (".desktop", "attachment.desktop"),
        ("run.exe. . ", "run.exe"),
        ("a:b|c?*<>.docx", "a_b_c____.docx"),
        ("Invoice\u202efdp.exe", "Invoicefdp.exe"),
        ("notes.not really an extension", "notes.not really an extension"),
    ],
)
def test_a_stored_name_becomes_a_safe_base_name(stored, safe):
    assert attachments.safe_file_name(stored) == safe


def test_a_very_long_name_keeps_its_extension_within_what_disks_allow():
    for letter in ("x", "я", "😀"):
        name = attachments.safe_file_name(letter * 1000 + ".docx")
        assert name.endswith(letter + ".docx")
        assert len(name) <= 120 and len(name.encode("utf-8")) <= 200


def test_programs_are_known_by_their_extension_or_their_first_bytes():
    assert attachments.would_run("setup.EXE")
    assert attachments.would_run("attachment.desktop")
    assert attachments.would_run("build.sh")
    assert attachments.would_run("notes", b"\x7fELF")
    assert attachments.would_run("report.pdf", b"MZ\x90\x00")
    assert attachments.would_run("tool.txt", b"#!/bin/sh")
    assert not attachments.would_run("Memorandum.pdf", b"%PDF")
    assert not attachments.would_run("minutes.docx", b"PK\x03\x04")


@pytest.mark.sqlite_only
def test_a_file_whose_name_is_not_utf8_is_attached_under_the_name_shown(database, tmp_path):
    istc = ORGANIZATIONS.save({"name": "ISTC"})
    raw = os.fsencode(tmp_path) + b"/Protocol \xff\xfe.pdf"
    with open(raw, "wb") as handle:
        handle.write(PDF)
    attachment = attachments.attach_file("organization", istc.id, os.fsdecode(raw))
    assert Attachment.get_by_id(attachment.id).file_name == "Protocol \ufffd\ufffd.pdf"
    copy = attachments.copy_for_viewing(attachment.id)
    assert copy.name == "Protocol \ufffd\ufffd.pdf" and copy.read_bytes() == PDF
    shutil.rmtree(copy.parent)
