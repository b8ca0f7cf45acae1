"""Lists searched, filtered, sorted and paged in SQL, on a few thousand records."""

from __future__ import annotations

import random

import pytest

from models.kinds.organizations import ORGANIZATION_LIST, ORGANIZATIONS
from models.kinds.people import PEOPLE, PERSON_LIST
from models.listing import ListRequest, filter_options
from models.store.base import db
from models.store.records import Organization
from models.words.countries import find_countries, resolve_country
from models.words.text import fold, name_key

COUNTRIES = ["KZ", "ES", "CN", "US", "GB", "RU", "DE", "FR", "TR", "KR"]
KINDS = ["university", "research", "international", "government", "company"]


@pytest.fixture
def many(database):
    """3,000 organizations, made quickly and the same every time."""
    chooser = random.Random(7)
    rows = []
    for number in range(3000):
        name = f"Institute {number:04d}"
        country = chooser.choice(COUNTRIES)
        rows.append(
            {
                "name": name,
                "name_key": name_key(name),
                "country": country,
                "kind": chooser.choice(KINDS),
                "city": f"City {number % 50}",
                "search_text": fold(f"{name} | city {number % 50} | {country}"),
            }
        )
    with db.atomic():
        for start in range(0, len(rows), 500):
            Organization.insert_many(rows[start : start + 500]).execute()
    return rows


def test_pages_cover_the_list_once_in_order(many):
    request = ListRequest(sort="name")
    assert ORGANIZATION_LIST.count(request) == 3000
    seen = []
    for offset in range(0, 3000, 700):
        seen += [row[1] for row in ORGANIZATION_LIST.rows(request, offset, 700)]
    assert seen == sorted(row["name"] for row in many)


def test_sorting_by_country_and_descending(many):
    rows = ORGANIZATION_LIST.rows(ListRequest(sort="country"), 0, 3000)
    countries = [row[4] for row in rows]
    assert countries == sorted(countries)
    assert countries[0] == "China"
    rows = ORGANIZATION_LIST.rows(ListRequest(sort="name", descending=True), 0, 1)
    assert rows[0][1] == "Institute 2999"


def test_acronyms_sort_as_they_read_whatever_their_case_and_dots(database):
    for name, short in (
        ("Spanish National Research Council", "C.S.I.C."),
        ("International Science and Technology Center", "istc"),
        ("Nazarbayev University", "NU"),
        ("Academy of Sciences", ""),
    ):
        ORGANIZATIONS.save({"name": name, "short_name": short})
    rows = ORGANIZATION_LIST.rows(ListRequest(sort="short_name"), 0, 10)
    assert [row[2] for row in rows] == ["", "C.S.I.C.", "istc", "NU"]
    rows = ORGANIZATION_LIST.rows(ListRequest(sort="short_name", descending=True), 0, 10)
    assert [row[2] for row in rows] == ["NU", "istc", "C.S.I.C.", ""]


def test_filters_and_search_combine(many):
    # Every word must be found, each anywhere in the record's names.
    request = ListRequest(search="City 7", filters={"country": "ES", "kind": "university"})
    expected = [
        r["name"]
        for r in many
        if "city" in r["search_text"]
        and "7" in r["search_text"]
        and r["country"] == "ES"
        and r["kind"] == "university"
    ]
    assert 0 < len(expected) < 100
    rows = ORGANIZATION_LIST.rows(request, 0, 3000)
    assert sorted(row[1] for row in rows) == sorted(expected)
    assert ORGANIZATION_LIST.count(request) == len(expected)


def test_position_of_a_record_in_the_sorted_list(many):
    request = ListRequest(sort="name", descending=True)
    record = Organization.get(Organization.name == "Institute 2990")
    assert ORGANIZATION_LIST.position(request, record.id) == 9
    assert ORGANIZATION_LIST.position(ListRequest(search="nothing like it"), record.id) is None


def test_search_finds_every_name_in_any_language_and_the_country(database):
    ORGANIZATIONS.save(
        {
            "name": "Spanish National Research Council",
            "short_name": "CSIC",
            "name_ru": "Высший совет по научным исследованиям Испании",
            "name_kk": "Испанияның Ғылыми зерттеулер жөніндегі жоғарғы кеңесі",
            "name_original": "Consejo Superior de Investigaciones Científicas",
            "country": "ES",
            "city": "Madrid",
        }
    )
    ORGANIZATIONS.save({"name": "Nazarbayev University", "country": "KZ", "city": "Astana"})
    for words in (
        "csic",
        "Высший СОВЕТ",
        "ғылыми зерттеулер",
        "cientificas",
        "madrid",
        "Испания",
        "spain",
        "Research council",
    ):
        names = [row[1] for row in ORGANIZATION_LIST.rows(ListRequest(search=words), 0, 10)]
        assert names == ["Spanish National Research Council"], words
    assert ORGANIZATION_LIST.rows(ListRequest(search="100%_"), 0, 10) == []


def test_people_are_found_by_their_organization(database):
    istc = ORGANIZATIONS.save(
        {
            "name": "International Science and Technology Center",
            "short_name": "ISTC",
            "country": "KZ",
        }
    )
    PEOPLE.save({"full_name": "Karina Angelieva", "organization": istc.id})
    PEOPLE.save({"full_name": "Sayasat Nurbek"})
    rows = PERSON_LIST.rows(ListRequest(search="istc"), 0, 10)
    assert [row[1] for row in rows] == ["Karina Angelieva"]
    rows = PERSON_LIST.rows(ListRequest(filters={"country": "KZ"}), 0, 10)
    assert [row[1] for row in rows] == ["Karina Angelieva"]


def test_counts_and_positions_search_linked_records_as_the_rows_do(database):
    """A count or a position reads every row, and searches the organizations once by
    themselves instead of through each person: they must agree with the rows shown."""
    istc = ORGANIZATIONS.save(
        {
            "name": "International Science and Technology Center",
            "short_name": "ISTC",
            "country": "KZ",
        }
    )
    csic = ORGANIZATIONS.save({"name": "Spanish National Research Council", "country": "ES"})
    people = {}
    for number in range(30):
        organization = (istc.id, csic.id, None)[number % 3]
        name = f"Researcher {number:02d}" + (" Istcova" if number == 29 else "")
        people[name] = PEOPLE.save({"full_name": name, "organization": organization}).id
    for words, filters in (
        ("istc", {}),
        ("istc", {"country": "KZ"}),
        ("spanish", {}),
        ("istc researcher", {}),
        ("istcova", {}),
        ("nothing", {}),
    ):
        request = ListRequest(search=words, filters=filters)
        rows = PERSON_LIST.rows(request, 0, 100)
        assert PERSON_LIST.count(request) == len(rows), words
        for place, row in enumerate(rows):
            assert PERSON_LIST.position(request, row[0]) == place, (words, row[1])
    found = [row[1] for row in PERSON_LIST.rows(ListRequest(search="istc"), 0, 100)]
    assert len(found) == 11  # ten of ISTC, and the one whose own name has it
    assert "Researcher 29 Istcova" in found
    assert PERSON_LIST.position(ListRequest(search="istc"), people["Researcher 02"]) is None


def test_filters_offer_only_what_is_used(database):
    ORGANIZATIONS.save({"name": "CSIC", "country": "ES", "tags": ["Europe"]})
    ORGANIZATIONS.save({"name": "NU", "country": "KZ"})
    country, _kind, _status, tag = ORGANIZATION_LIST.filters
    assert filter_options(ORGANIZATION_LIST, country) == [("KZ", "Kazakhstan"), ("ES", "Spain")]
    assert filter_options(ORGANIZATION_LIST, tag) == [("Europe", "Europe")]
    rows = ORGANIZATION_LIST.rows(ListRequest(filters={"tag": "Europe"}), 0, 10)
    assert [row[1] for row in rows] == ["CSIC"]


def test_countries_are_found_by_any_of_their_names(database):
    assert find_countries("Исп")[0].code == "ES"
    assert find_countries("Spa")[0].code == "ES"
    assert find_countries("Қаз")[0].code == "KZ"
    assert resolve_country("Германия") == "DE"
    assert resolve_country("gb") == "GB"
    assert resolve_country("Atlantis") is None
