"""Search everywhere: any record found by any of its names in any language, acronym, e-mail or
city, whatever the case and accents, with exact and prefix matches first; kept current as
records are saved and deleted, and made for a database from before it existed."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from models import search
from models.kinds.events import EVENTS
from models.kinds.figures import FIGURES
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.kinds.programs import PROGRAMS
from models.search import (
    ANY_WORDS,
    EXACT,
    NAME_WORDS,
    PREFIX,
    Fts5Index,
    LikeIndex,
    SearchName,
    search_index,
)
from models.store.database import close_database, open_database
from models.store.records import Organization

ISTC = {
    "name": "International Science and Technology Center",
    "short_name": "ISTC",
    "name_ru": "Международный научно-технический центр",
    "name_kk": "Халықаралық ғылым және технология орталығы",
    "kind": "international",
    "country": "KZ",
    "city": "Astana",
    "email": "info@istc.int",
}
ACADEMY = {
    "name": "National Academy of Sciences of Kazakhstan",
    "name_kk": "Қазақстан Республикасының Ұлттық ғылым академиясы",
    "name_ru": "Национальная академия наук Республики Казахстан",
    "kind": "research",
    "country": "KZ",
    "city": "Almaty",
}
CSIC = {
    "name": "Spanish National Research Council",
    "short_name": "CSIC",
    "name_original": "Consejo Superior de Investigaciones Científicas",
    "name_ru": "Высший совет по научным исследованиям Испании",
    "kind": "research",
    "country": "ES",
    "city": "Madrid",
}
ARIZONA = {"name": "University of Arizona", "kind": "university", "country": "US"}
NAZARBAYEV = {
    "name": "Nazarbayev University",
    "name_kk": "Назарбаев Университеті",
    "kind": "university",
    "country": "KZ",
    "city": "Astana",
}


@pytest.fixture
def records(database):
    saved = {
        key: ORGANIZATIONS.save(values)
        for key, values in {
            "istc": ISTC,
            "academy": ACADEMY,
            "csic": CSIC,
            "arizona": ARIZONA,
            "nazarbayev": NAZARBAYEV,
        }.items()
    }
    saved["karina"] = PEOPLE.save(
        {
            "full_name": "Karina Angelieva",
            "other_names": "Карина Ангелиева; Karina Anguelieva",
            "position": "Executive Director",
            "organization": saved["istc"].id,
            "email": "k.angelieva@istc.int",
        }
    )
    saved["luis"] = PEOPLE.save(
        {"full_name": "Luis Francisco Martínez Montes", "position": "Ambassador of Spain"}
    )
    saved["horizon"] = PROGRAMS.save({"name": "Horizon Europe", "kind": "international"})
    saved["horizon_point"] = ORGANIZATIONS.save({"name": "Horizon Europe National Contact Point"})
    saved["info_day"] = EVENTS.save(
        {"title": "Info day: Horizon Europe calls", "starts_on": dt.date(2025, 3, 4)}
    )
    saved["science_day"] = EVENTS.save(
        {"title": "Kazakhstan–Spain science day", "city": "Astana", "country": "KZ"}
    )
    return saved


def found(text, index=None, limit=20):
    return [(hit.kind, hit.id) for hit in (index or search_index()).find(text, limit)]


def first(text, index=None):
    hits = (index or search_index()).find(text, 5)
    return (hits[0].kind, hits[0].id, hits[0].rank) if hits else None


@pytest.mark.sqlite_only
def test_sqlite_is_searched_with_fts5(records):
    assert isinstance(search_index(), Fts5Index)


def test_found_by_kazakh_russian_and_english_names(records):
    academy, istc = records["academy"].id, records["istc"].id
    assert first("Қазақстан Республикасының") == ("organization", academy, PREFIX)
    assert ("organization", academy) in found("Ғылым академиясы")
    assert first("Международный научно") == ("organization", istc, PREFIX)
    assert first("Ангелиева") == ("person", records["karina"].id, NAME_WORDS)
    assert first("Nazarbayev") == ("organization", records["nazarbayev"].id, PREFIX)
    assert first("Назарбаев Университеті") == ("organization", records["nazarbayev"].id, EXACT)


def test_found_by_acronym_email_and_city(records):
    assert first("ISTC") == ("organization", records["istc"].id, EXACT)
    assert first("csic") == ("organization", records["csic"].id, EXACT)
    assert first("k.angelieva@istc.int") == ("person", records["karina"].id, EXACT)
    assert first("angelieva@istc") == ("person", records["karina"].id, NAME_WORDS)
    assert found("Madrid") == [("organization", records["csic"].id)]
    assert ("organization", records["nazarbayev"].id) in found("astana")


def test_case_and_diacritics_do_not_matter(records):
    luis = ("person", records["luis"].id)
    assert found("MARTINEZ") == [luis]
    assert found("martínez montes") == [luis]
    assert found("Martinez Montes") == [luis]
    assert ("organization", records["csic"].id) in found("CIENTIFICAS")
    academy = ("organization", records["academy"].id)
    assert found("ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ") == found("қазақстан республикасының") == [academy]


def test_exact_then_prefix_then_other_matches(records):
    hits = search_index().find("horizon europe")
    assert [(hit.kind, hit.id, hit.rank) for hit in hits] == [
        ("program", records["horizon"].id, EXACT),
        ("organization", records["horizon_point"].id, PREFIX),
        ("event", records["info_day"].id, NAME_WORDS),
    ]
    universities = found("universit")
    assert universities[0] == ("organization", records["arizona"].id)
    assert ("organization", records["nazarbayev"].id) in universities[1:]


def test_a_word_found_only_outside_the_names_comes_last(records):
    hits = search_index().find("kazakhstan")
    ranks = [hit.rank for hit in hits]
    assert ranks == sorted(ranks)
    assert (hits[0].kind, hits[0].id) == ("event", records["science_day"].id)
    # Partners in Kazakhstan are found by their country, after those named by it.
    assert ("organization", records["istc"].id, ANY_WORDS) in [
        (hit.kind, hit.id, hit.rank) for hit in hits
    ]


def test_a_hit_names_the_record_as_its_kind_does(records):
    hit = search_index().find("ISTC")[0]
    assert hit.title == "International Science and Technology Center (ISTC)"
    assert hit.detail == "International organization, Astana, Kazakhstan"
    person = search_index().find("Angelieva")[0]
    assert person.detail == (
        "Executive Director, International Science and Technology Center, k.angelieva@istc.int"
    )
    event = search_index().find("info day")[0]
    assert event.title == "Info day: Horizon Europe calls (04.03.2025)"


def test_nothing_typed_finds_nothing_and_syntax_is_taken_literally(records):
    assert found("") == []
    assert found("   ") == []
    assert found('"ISTC" OR NEAR(') == []
    assert sorted(found("istc*")) == sorted(found("istc"))
    assert len(found("a", limit=3)) == 3


def test_kept_current_after_save_rename_and_delete(records):
    created = ORGANIZATIONS.save({"name": "Al-Farabi Kazakh National University"})
    assert first("al-farabi") == ("organization", created.id, PREFIX)
    ORGANIZATIONS.save(
        {**ORGANIZATIONS.load(created.id), "name": "Әл-Фараби атындағы ҚазҰУ"}, created.id
    )
    assert found("national university") == []
    assert first("әл-фараби") == ("organization", created.id, PREFIX)
    # Found in either script, and typed without the Kazakh letters.
    assert first("al-farabi") == ("organization", created.id, PREFIX)
    assert first("ал-фараби") == ("organization", created.id, PREFIX)
    ORGANIZATIONS.delete(created.id)
    assert found("фараби") == []
    key = search.record_key("organization", created.id)
    assert SearchName.select().where(SearchName.record_key == key).count() == 0


def test_records_deleted_with_another_leave_the_index(records):
    istc = records["istc"].id
    figure = FIGURES.save(
        {"measure": "ISTC projects in Kazakhstan", "value": 50, "organization": istc}
    )
    assert ("figure", figure.id) in found("istc projects")
    ORGANIZATIONS.delete(istc)
    assert found("istc projects") == []
    assert (
        SearchName.select()
        .where(SearchName.record_key == search.record_key("figure", figure.id))
        .count()
        == 0
    )


def test_records_added_in_bulk_are_found(records):
    rows = [
        ORGANIZATIONS.clean_values({"name": f"Northwest University {n}", "city": "Xi'an"})
        for n in range(3)
    ]
    ids = ORGANIZATIONS.insert_many(rows)
    assert sorted(found("northwest university")) == [("organization", i) for i in ids]
    assert sorted(found("xi an")) == [("organization", i) for i in ids]


def test_a_record_deleted_behind_the_index_is_left_out(records):
    Organization.delete().where(Organization.id == records["csic"].id).execute()
    assert found("csic") == []


@pytest.mark.sqlite_only
def test_the_fallback_gives_the_same_results(records):
    fallback, fts = LikeIndex(), Fts5Index()
    for text in (
        "ISTC",
        "csic",
        "horizon europe",
        "Ғылым",
        "Ангелиева",
        "kazakhstan",
        "k.angelieva@istc.int",
        "astana",
        "martinez",
        "university",
        "nothing like this",
        "istc*",
        '"ISTC" OR NEAR(',
        "-- :",
    ):
        expected = [(hit.kind, hit.id, hit.rank, hit.title) for hit in fts.find(text)]
        assert [(hit.kind, hit.id, hit.rank, hit.title) for hit in fallback.find(text)] == (
            expected
        ), text


def make_schema_1_database(path):
    """A database as Seriktes made it before search everywhere: records, no search tables."""
    open_database(path)
    ORGANIZATIONS.save(ACADEMY)
    ORGANIZATIONS.save(CSIC)
    PEOPLE.save({"full_name": "Карина Ангелиева", "email": "k.angelieva@istc.int"})
    close_database()
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE search_index")
        connection.execute("DROP TABLE search_name")
        connection.execute("UPDATE seriktes_info SET value = '1' WHERE key = 'schema_version'")
    connection.close()


def test_a_database_from_before_search_is_upgraded_and_searchable(db_path):
    make_schema_1_database(db_path)
    open_database(db_path)
    try:
        assert isinstance(search_index(), Fts5Index)
        assert [hit.title for hit in search.find("ғылым")] == [ACADEMY["name"]]
        assert [hit.title for hit in search.find("Ангелиева")] == ["Карина Ангелиева"]
        assert [hit.title for hit in search.find("CSIC")] == [
            "Spanish National Research Council (CSIC)"
        ]
    finally:
        close_database()


def test_search_names_of_schema_5_are_kept_through_the_upgrade(db_path):
    """Before schema 6 a name's row held the record's kind and id; the upgrade keeps every
    name of every record, and the records are found as before."""
    make_schema_1_database(db_path)
    open_database(db_path)
    names = sorted(SearchName.select(SearchName.name, SearchName.record_key).tuples())
    close_database()
    kinds = {number: kind for kind, number in search.KIND_NUMBERS.items()}
    with sqlite3.connect(db_path) as connection:
        connection.execute("DROP TABLE search_name")
        connection.execute(
            'CREATE TABLE "search_name" ("kind" VARCHAR(16) NOT NULL, "record_id" INTEGER NOT '
            'NULL, "name" VARCHAR(200) NOT NULL, PRIMARY KEY ("name", "kind", "record_id"))'
        )
        connection.execute(
            'CREATE INDEX "search_name_kind_record_id" ON "search_name" ("kind", "record_id")'
        )
        connection.executemany(
            "INSERT INTO search_name (kind, record_id, name) VALUES (?, ?, ?)",
            [
                (kinds[key % search.KIND_SLOTS], key // search.KIND_SLOTS, name)
                for name, key in names
            ],
        )
        connection.execute("UPDATE seriktes_info SET value = '5' WHERE key = 'schema_version'")
    connection.close()
    assert len(names) >= 6
    open_database(db_path)
    try:
        assert sorted(SearchName.select(SearchName.name, SearchName.record_key).tuples()) == names
        assert [hit.title for hit in search.find("CSIC")] == [
            "Spanish National Research Council (CSIC)"
        ]
        assert [hit.title for hit in search.find("k.angelieva@istc.int")] == ["Карина Ангелиева"]
    finally:
        close_database()
    with sqlite3.connect(db_path) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    connection.close()
    assert "search_name_before_6" not in tables and "search_name_kind_record_id" not in tables
