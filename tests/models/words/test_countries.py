"""Countries by every name they are known by — official and common, in Kazakh, Russian and
English (CLDR), and in their own languages — wherever a country is typed: the picker, a list's
search, a filter given in words, an import cell and ``--country``; and shown in the interface
language."""

from __future__ import annotations

import pytest

import main
from exports.import_values import CountryReader
from models.kinds.organizations import ORGANIZATION_LIST, ORGANIZATIONS
from models.listing import ListRequest, filter_options
from models.store.database import close_database
from models.words.countries import country_name, find_countries, resolve_country
from models.words.translation import set_language
from tests.exports.export_records import column, open_book

# Each country, by names a user types for it.
KNOWN_AS = {
    "RU": ["Россия", "Российская Федерация", "Ресей", "Russia"],
    "US": ["США", "АҚШ", "USA", "United States"],
    "GB": ["Великобритания", "Ұлыбритания", "UK"],
    "KR": ["Южная Корея", "Оңтүстік Корея", "South Korea"],
    "ES": ["España", "Испания", "Spain"],
}
NAMES = [(code, name) for code, names in KNOWN_AS.items() for name in names]
# A partner in each country, named so that no country's name is in its own.
PARTNERS = {code: f"Partner Institute {number}" for number, code in enumerate(KNOWN_AS, 1)}


@pytest.fixture
def partners(database):
    for code, name in PARTNERS.items():
        ORGANIZATIONS.save({"name": name, "country": code})


@pytest.mark.parametrize(("code", "name"), NAMES)
def test_a_country_typed_in_a_picker_is_the_first_offered(database, code, name):
    assert find_countries(name)[0].code == code


@pytest.mark.parametrize(("code", "name"), NAMES)
def test_a_country_given_in_words_is_resolved(database, code, name):
    """What ``--country`` and a filter given in words read."""
    assert resolve_country(name) == code
    assert resolve_country(name.upper()) == code


@pytest.mark.parametrize(("code", "name"), NAMES)
def test_a_country_in_an_import_cell_is_read(database, code, name):
    assert CountryReader()(name) == code


@pytest.mark.parametrize(("code", "name"), NAMES)
def test_a_list_search_finds_the_partners_of_a_country_by_any_of_its_names(partners, code, name):
    rows = ORGANIZATION_LIST.rows(ListRequest(search=name), 0, 50)
    assert [row[1] for row in rows] == [PARTNERS[code]]
    assert ORGANIZATION_LIST.count(ListRequest(search=name)) == 1


@pytest.mark.parametrize(("code", "name"), NAMES)
def test_country_option_selects_the_partners_of_the_country(
    partners, database_target, tmp_path, code, name
):
    close_database()
    target = tmp_path / "partners.xlsx"
    command = ["export", "organizations", "--country", name, "--output", str(target)]
    assert main.main([*command, "--database", str(database_target)]) == 0
    assert column(open_book(target).worksheets[0], "Name") == [PARTNERS[code]]


def test_the_names_of_each_language_are_cldrs(database):
    assert [country_name("US", language) for language in ("kk", "ru", "en")] == [
        "Америка Құрама Штаттары",
        "Соединенные Штаты",
        "United States",
    ]
    assert [country_name("GB", language) for language in ("kk", "ru", "en")] == [
        "Ұлыбритания",
        "Великобритания",
        "United Kingdom",
    ]


def test_a_name_of_another_country_or_of_two_names_neither(database):
    """Translations that name another country (Nepal given the Central African Republic's
    official name in Kazakh), or two ("Конго" is both Congos in Russian), do not resolve to
    the wrong one."""
    assert resolve_country("Орталық Африка Республикасы") == "CF"
    assert resolve_country("Конго - Браззавиль") == "CG"
    assert resolve_country("Kongo") == "CD"  # in Kazakh, "Конго" is the Democratic Republic


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("kk", ["Испания", "Ресей", "Ұлыбритания"]),
        ("ru", ["Великобритания", "Испания", "Россия"]),
        ("en", ["Russia", "Spain", "United Kingdom"]),
    ],
)
def test_countries_are_shown_and_ordered_in_the_interface_language(database, language, shown):
    for code in ("ES", "GB", "RU"):
        ORGANIZATIONS.save({"name": f"Partner in {code}", "country": code})
    set_language(language)
    rows = ORGANIZATION_LIST.rows(ListRequest(sort="country"), 0, 10)
    country = [column.key for column in ORGANIZATION_LIST.columns].index("country") + 1
    assert [row[country] for row in rows] == shown
    spec = next(spec for spec in ORGANIZATION_LIST.filters if spec.key == "country")
    assert [label for _code, label in filter_options(ORGANIZATION_LIST, spec)] == shown
    assert country_name("ES") == country_name("ES", language)
