"""Broken and hostile files get a plain message, leave the database exactly as it was, and
never hang the app or fill its memory. Each test builds its file."""

from __future__ import annotations

import zipfile

import pytest
from msoffcrypto.format.ooxml import OOXMLFile

from exports.importer import preview_import
from exports.spreadsheet_reader import MAX_FILE_BYTES, UnreadableFile, read_workbook
from models.errors import SeriktesError
from models.kinds.organizations import ORGANIZATIONS
from models.store.records import Organization

from .import_files import xlsx


@pytest.fixture
def recorded(database, db_path):
    """A database with one record; each test proves it is left exactly as it was."""
    ORGANIZATIONS.save({"name": "Nazarbayev University", "country": "KZ"})
    return db_path


def refused(path, match):
    with pytest.raises(UnreadableFile, match=match):
        preview_import(read_workbook(path), "organization")
    assert [o.name for o in Organization.select()] == ["Nazarbayev University"]


def test_a_file_that_is_not_a_spreadsheet(recorded, tmp_path):
    path = tmp_path / "minutes.xlsx"
    path.write_text("Minutes of the meeting with the ISTC delegation\n" * 20)
    refused(path, "is not a spreadsheet: its contents do not match")
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    refused(picture, "is not a spreadsheet Seriktes reads")
    binary = tmp_path / "data.csv"
    binary.write_bytes(b"MZ\x00\x00" + bytes(100))
    refused(binary, "is not a spreadsheet")


def test_a_spreadsheet_under_the_wrong_extension(recorded, tmp_path):
    real = xlsx(tmp_path / "real.xlsx", [["Name"], ["CSIC"]])
    renamed = tmp_path / "partners.xls"
    renamed.write_bytes(real.read_bytes())
    refused(renamed, "contents do not match its “.xls” name")


def test_a_damaged_or_truncated_archive(recorded, tmp_path):
    data = xlsx(
        tmp_path / "whole.xlsx", [["Name"], *([[f"Partner {n}"] for n in range(500)])]
    ).read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(data[: len(data) // 2])
    refused(cut, "damaged or incomplete")


def test_a_password_protected_workbook(recorded, tmp_path):
    plain = xlsx(tmp_path / "plain.xlsx", [["Name"], ["CSIC"]])
    locked = tmp_path / "locked.xlsx"
    with plain.open("rb") as source, locked.open("wb") as target:
        OOXMLFile(source).encrypt("secret", target)
    refused(locked, "protected by a password")


def test_an_archive_that_expands_to_gigabytes_is_refused_before_unpacking(recorded, tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        chunk = bytes(64 * 1024 * 1024)  # 64 MB of zeros packs into about 64 KB
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            for _ in range(7):  # declares 448 MB; a sheet of this size would be absurd
                member.write(chunk)
    assert path.stat().st_size < 5 * 1024 * 1024
    refused(path, "would unpack to far more data")


def test_xml_entity_expansion_is_refused(recorded, tmp_path):
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10 if n else "&lol;" * 10}">'
            for n in range(1, 9)
        )
        + "]><Types>&lol8;</Types>"
    )
    real = xlsx(tmp_path / "real.xlsx", [["Name"], ["CSIC"]])
    path = tmp_path / "laughs.xlsx"
    with zipfile.ZipFile(real) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = laughs.encode() if item.filename == "[Content_Types].xml" else source.read(item)
            target.writestr(item, data)
    refused(path, "XML entity declarations")


def test_an_empty_sheet_and_a_sheet_with_headers_only(recorded, tmp_path):
    refused(xlsx(tmp_path / "empty.xlsx", []), "holds no rows")
    with pytest.raises(SeriktesError, match="headers but no rows"):
        preview_import(
            read_workbook(xlsx(tmp_path / "headers.xlsx", [["Name", "Country"]])), "organization"
        )
    empty_csv = tmp_path / "empty.csv"
    empty_csv.write_bytes(b"")
    refused(empty_csv, "is empty")


def test_a_50_megabyte_file_is_refused_without_reading_it(recorded, tmp_path):
    path = tmp_path / "huge.csv"
    line = b"Partner organization with a long name,Kazakhstan,University,Astana\n"
    with path.open("wb") as handle:
        handle.write(b"Name,Country,Kind,City\n")
        handle.write(line * (50 * 1024 * 1024 // len(line)))
    assert path.stat().st_size > MAX_FILE_BYTES
    refused(path, "too large to import at once")


def test_a_missing_file_and_a_folder(recorded, tmp_path):
    refused(tmp_path / "nowhere.xlsx", "does not exist")
    refused(tmp_path, "is a folder")


def test_a_formula_is_imported_as_the_text_it_shows_never_run(recorded, tmp_path):
    path = tmp_path / "formula.csv"
    path.write_text('Name,Notes\n"=HYPERLINK(""http://x"")",=1+2\n', encoding="utf-8")
    from exports.importer import apply_import

    result = apply_import(preview_import(read_workbook(path), "organization"))
    assert result.imported == 1
    assert Organization.get(Organization.notes == "=1+2").name.startswith("=HYPERLINK")
