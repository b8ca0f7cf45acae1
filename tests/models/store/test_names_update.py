"""A database from schema 6 brought to names in three languages: countries named as CLDR
names them and found by all their names, every record with the sort keys of its name and its
search text in Latin letters, search everywhere filled again, and the trash's records
restorable into that form."""

from __future__ import annotations

import sqlite3

import pytest

from models import search, trash
from models.kinds.organizations import ORGANIZATION_LIST, ORGANIZATIONS
from models.kinds.people import PEOPLE, PERSON_LIST
from models.listing import ListRequest
from models.store import migrations
from models.store.database import close_database, open_database
from models.store.records import Country, Organization, Person
from models.words.text import fold, search_fold
from models.words.translation import set_language

pytestmark = pytest.mark.sqlite_only

# What schema 6 called Russia (pycountry's names).
OLD_RUSSIA = ("Russian Federation", "Российская Федерация", "Ресей")
ADDED = {
    "organization": ("short_sort_en", "short_sort_ru", "short_sort_kk"),
    "event": ("title_kk", "title_ru"),
    "program": ("name_kk", "name_ru"),
}
TABLES = ("organization", "person", "event", "delegation", "program", "agreement")
TABLES += ("key_figure", "source", "country")


def schema_6_text(*words: str) -> str:
    return " | ".join(fold(word) for word in words)


def make_schema_6_database(path) -> None:
    """Records as schema 6 kept them: no sort keys, no names of events and programs in Kazakh
    and Russian, search text folded in its own script, Russia named as pycountry names it."""
    open_database(path)
    ORGANIZATIONS.save({"name": "Ыстық институты", "country": "RU"})
    ORGANIZATIONS.save({"name": "Іле институты", "country": "RU"})
    ORGANIZATIONS.save({"name": "Әке институты", "country": "RU"})
    PEOPLE.save({"full_name": "Нурбек Саясат"})
    gone = PEOPLE.save({"full_name": "Карина Ангелиева"})
    trash.move_to_trash("person", gone.id)
    close_database()
    connection = sqlite3.connect(path)
    with connection:
        for table in TABLES:
            for column in ("sort_en", "sort_ru", "sort_kk", *ADDED.get(table, ())):
                connection.execute(f'DROP INDEX IF EXISTS "{table}_{column}"')
                connection.execute(f'DROP INDEX IF EXISTS "{table}_{column}_search"')
                connection.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
        connection.execute(
            "UPDATE country SET name_en = ?, name_ru = ?, name_kk = ?, search_text = ? "
            "WHERE code = 'RU'",
            (*OLD_RUSSIA, schema_6_text("ru", "rus", *OLD_RUSSIA)),
        )
        for record_id, name in connection.execute("SELECT id, name FROM organization").fetchall():
            connection.execute(
                "UPDATE organization SET search_text = ? WHERE id = ?",
                (schema_6_text(name, "RU", *OLD_RUSSIA), record_id),
            )
        connection.execute("UPDATE person SET search_text = ?", (fold("Нурбек Саясат"),))
        snapshot = connection.execute("SELECT snapshot FROM trash_item").fetchone()[0]
        kept = '"search_text": "karina angelieva"'
        assert kept in snapshot
        snapshot = snapshot.replace(kept, '"search_text": "карина ангелиева"')
        connection.execute("UPDATE trash_item SET snapshot = ?", (snapshot,))
        connection.execute("DELETE FROM search_name")
        connection.execute("DELETE FROM search_index")
        connection.execute("UPDATE seriktes_info SET value = '6' WHERE key = 'schema_version'")
    connection.close()


@pytest.fixture
def updated(db_path):
    make_schema_6_database(db_path)
    open_database(db_path)
    yield db_path
    close_database()


def test_the_update_reaches_the_current_schema_with_indexed_sort_keys(updated):
    with sqlite3.connect(updated) as connection:
        (version,) = connection.execute(
            "SELECT value FROM seriktes_info WHERE key = 'schema_version'"
        ).fetchone()
        indexes = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    connection.close()
    assert version == str(migrations.SCHEMA_VERSION)
    assert {
        "organization_sort_kk_search",
        "person_sort_ru",
        "organization_short_sort_en",
    } <= indexes


def test_countries_get_their_cldr_names_and_records_their_country_so_named(updated):
    russia = Country.get_by_id("RU")
    assert (russia.name_en, russia.name_ru, russia.name_kk) == ("Russia", "Россия", "Ресей")
    record = Organization.get(Organization.name == "Ыстық институты")
    assert record.search_text == " | ".join(
        search_fold(word) for word in ("Ыстық институты", "RU", "Russia", "Россия", "Ресей")
    )
    for typed in ("Россия", "Russia", "Российская Федерация"):
        assert ORGANIZATION_LIST.count(ListRequest(search=typed)) == 3, typed


def test_records_sort_in_the_kazakh_alphabet_after_the_update(updated):
    set_language("kk")
    rows = ORGANIZATION_LIST.rows(ListRequest(sort="name"), 0, 10)
    assert [row[1] for row in rows] == ["Әке институты", "Ыстық институты", "Іле институты"]


def test_names_are_found_in_either_script_after_the_update(updated):
    nurbek = Person.get()
    assert nurbek.search_text == "nurbek sayasat"
    assert [row[0] for row in PERSON_LIST.rows(ListRequest(search="Nurbek"), 0, 5)] == [nurbek.id]
    assert [(hit.kind, hit.id) for hit in search.find("Nurbek")] == [("person", nurbek.id)]
    assert [(hit.kind, hit.id) for hit in search.find("Нурбек Саясат")] == [("person", nurbek.id)]


def test_a_record_restored_from_the_trash_is_found_and_sorted_as_the_others(updated):
    (item,) = trash.trash_items()
    kind, record_id = trash.restore(item.id)
    restored = Person.get_by_id(record_id)
    assert restored.search_text == "karina angelieva"
    assert restored.sort_kk and restored.sort_en
    assert [(hit.kind, hit.id) for hit in search.find("Ангелиева")] == [(kind, record_id)]
    set_language("kk")
    names = [row[1] for row in PERSON_LIST.rows(ListRequest(sort="full_name"), 0, 5)]
    assert names == ["Карина Ангелиева", "Нурбек Саясат"]
