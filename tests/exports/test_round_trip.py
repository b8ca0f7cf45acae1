"""Exporting a list and importing that file into an empty database gives back the same
records."""

from __future__ import annotations

import datetime as dt

import pytest

from exports.importer import apply_import, preview_import
from exports.lists import export_list
from exports.spreadsheet_reader import read_workbook
from models.kinds.all_kinds import EDITORS_BY_KIND, LISTS_BY_KIND
from models.listing import ListRequest
from models.store.database import close_database, open_database

FIELDS = {
    "organization": (
        "name",
        "short_name",
        "kind",
        "country",
        "city",
        "status",
        "website",
        "name_ru",
        "name_kk",
        "name_original",
        "email",
        "phone",
    ),
    "person": ("full_name", "position", "email", "phone", "other_names"),
    "event": ("title", "kind", "starts_on", "ends_on", "city", "country", "venue"),
    "agreement": (
        "title",
        "kind",
        "signed_on",
        "effective_on",
        "expires_on",
        "reference_number",
        "status",
    ),
}


def fill(kind):
    editors = EDITORS_BY_KIND
    csic = editors["organization"].save(
        {
            "name": "Spanish National Research Council",
            "short_name": "CSIC",
            "kind": "research",
            "country": "ES",
            "city": "Madrid",
            "status": "active",
            "website": "www.csic.es",
            "name_ru": "Высший совет по научным исследованиям",
            "name_kk": "Ғылыми зерттеулер жөніндегі жоғарғы кеңес",
            "name_original": "Consejo Superior de Investigaciones Científicas",
            "email": "info@csic.es",
            "phone": "+34 915 68 14 00",
        }
    )
    editors["organization"].save(
        {
            "name": "Nazarbayev University",
            "short_name": "NU",
            "kind": "university",
            "country": "KZ",
            "city": "Astana",
            "parent": csic.id if kind == "nothing" else None,
        }
    )
    if kind == "person":
        editors["person"].save(
            {
                "full_name": "Eloísa del Pino",
                "position": "President",
                "organization": csic.id,
                "email": "presidencia@csic.es",
                "phone": "+34 1",
                "other_names": "Элоиса дель Пино",
            }
        )
        editors["person"].save({"full_name": "Karina Angelieva"})
    if kind == "event":
        editors["event"].save(
            {
                "title": "Kazakhstan–Spain science event",
                "kind": "forum",
                "starts_on": dt.date(2025, 5, 20),
                "ends_on": dt.date(2025, 5, 21),
                "city": "Astana",
                "country": "KZ",
                "venue": "ORTA Cultural Center",
            }
        )
        editors["event"].save({"title": "Lecture by the Ambassador", "kind": "lecture"})
    if kind == "agreement":
        editors["agreement"].save(
            {
                "title": "Memorandum on joint research",
                "kind": "mou",
                "signed_on": dt.date(2025, 3, 5),
                "effective_on": dt.date(2025, 4, 1),
                "expires_on": dt.date(2030, 3, 5),
                "reference_number": "ISTC-17",
            }
        )
        editors["agreement"].save(
            {"title": "Draft cooperation agreement", "kind": "cooperation", "status": "negotiating"}
        )


def records(kind):
    editor = EDITORS_BY_KIND[kind]
    loaded = [editor.load(record.id) for record in editor.model.select()]
    return sorted(
        ({name: values[name] for name in FIELDS[kind]} for values in loaded),
        key=lambda values: str(values[FIELDS[kind][0]]),
    )


@pytest.mark.parametrize("kind", ["organization", "person", "event", "agreement"])
def test_an_exported_list_imports_back_as_the_same_records(tmp_path, kind):
    source = tmp_path / "source.db"
    open_database(source)
    fill(kind)
    record_list = LISTS_BY_KIND[kind]
    expected = records(kind)
    workbook = tmp_path / f"{kind}.xlsx"
    export_list(record_list, ListRequest(), [c.key for c in record_list.columns], workbook)
    close_database()

    open_database(tmp_path / "empty.db")
    try:
        result = apply_import(preview_import(read_workbook(workbook), kind))
        assert not result.rejected, result.rejected
        assert records(kind) == expected
    finally:
        close_database()
