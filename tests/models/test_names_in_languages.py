"""Names in Kazakh, Russian and English: a record needs its name in one of them, shows it in
the interface language where it has one, sorts in that language's alphabet (in SQL, by the
keys stored with it) and is found by it typed in either script."""

from __future__ import annotations

import pytest

from exports.importer import apply_import, preview_import
from exports.spreadsheet_reader import read_workbook
from models import search
from models.editing import find_records
from models.errors import ValidationFailed
from models.kinds.events import EVENT_LIST, EVENTS
from models.kinds.organizations import ORGANIZATION_LIST, ORGANIZATIONS
from models.kinds.people import PEOPLE, PERSON_LIST
from models.kinds.programs import PROGRAM_LIST, PROGRAMS
from models.listing import ListRequest
from models.search import LikeIndex
from models.store.records import Organization, Person
from models.words.translation import set_language
from tests.exports.import_files import xlsx

# Kazakh words in the order of the Kazakh alphabet (А Ә Б … Г Ғ … К Қ … Н Ң О Ө … У Ұ Ү …
# Х Һ … Ы І …), given out of order; case does not count ("әліппе" after "Әке").
KAZAKH_ORDER = [
    "Ана",
    "Әке",
    "әліппе",
    "Бала",
    "Гүл",
    "Ғалым",
    "Кітап",
    "Қала",
    "Орда",
    "Өзен",
    "Тан",
    "Таң",
    "Уақыт",
    "Ұлт",
    "Үй",
    "Хат",
    "Һәм",
    "Ыстық",
    "Іле",
]


def names(record_list, **request) -> list[str]:
    return [row[1] for row in record_list.rows(ListRequest(**request), 0, 100)]


@pytest.fixture
def kazakh_names(database):
    for name in [*reversed(KAZAKH_ORDER), "Astana Hub", "Almaty Tech Garden"]:
        ORGANIZATIONS.save({"name_kk": name})


def test_a_list_sorted_by_name_in_kazakh_follows_the_kazakh_alphabet(kazakh_names):
    set_language("kk")
    assert names(ORGANIZATION_LIST, sort="name") == [
        *KAZAKH_ORDER,
        "Almaty Tech Garden",
        "Astana Hub",
    ]
    assert names(ORGANIZATION_LIST, sort="name", descending=True) == [
        "Astana Hub",
        "Almaty Tech Garden",
        *reversed(KAZAKH_ORDER),
    ]


def test_the_order_is_made_by_the_database_from_the_keys_stored_with_the_records(kazakh_names):
    set_language("kk")
    sql, _params = ORGANIZATION_LIST.page_query(ListRequest(sort="name"), 0, 100).sql()
    assert '"sort_kk"' in sql
    assert [row[1] for row in ORGANIZATION_LIST.rows(ListRequest(sort="name"), 5, 3)] == (
        KAZAKH_ORDER[5:8]
    )
    ile, ystyk = (Organization.get(Organization.name == name) for name in ("Іле", "Ыстық"))
    assert bytes(ile.sort_kk) > bytes(ystyk.sort_kk)
    # In Russian І is not a letter after Ы.
    assert bytes(ile.sort_ru) < bytes(ystyk.sort_ru)


def test_english_puts_latin_names_first_and_russian_cyrillic_first(kazakh_names):
    set_language("en")
    assert names(ORGANIZATION_LIST, sort="name")[:3] == ["Almaty Tech Garden", "Astana Hub", "Ана"]
    set_language("ru")
    assert names(ORGANIZATION_LIST, sort="name")[:2] == ["Ана", "Әке"]
    assert names(ORGANIZATION_LIST, sort="name")[-2:] == ["Almaty Tech Garden", "Astana Hub"]


def test_people_events_and_programs_sort_in_the_alphabet_shown(database):
    for name in ("Іле Ыстықов", "Ыбырай Алтынсарин", "Әлихан Бөкейхан", "Ахмет Байтұрсынұлы"):
        PEOPLE.save({"full_name": name})
        EVENTS.save({"title_kk": name})
        PROGRAMS.save({"name_kk": name})
    set_language("kk")
    wanted = ["Ахмет Байтұрсынұлы", "Әлихан Бөкейхан", "Ыбырай Алтынсарин", "Іле Ыстықов"]
    assert names(PERSON_LIST, sort="full_name") == wanted
    titles = [row[2] for row in EVENT_LIST.rows(ListRequest(sort="title"), 0, 10)]
    assert titles == wanted
    assert names(PROGRAM_LIST, sort="name") == wanted


def test_an_organization_known_only_by_its_kazakh_or_russian_name_is_saved(database):
    kazakh = ORGANIZATIONS.save({"name_kk": "Әл-Фараби атындағы Қазақ ұлттық университеті"})
    assert kazakh.name == "Әл-Фараби атындағы Қазақ ұлттық университеті"
    russian = ORGANIZATIONS.save({"name_ru": "Московский государственный университет"})
    assert ORGANIZATIONS.load(russian.id)["name"] == "Московский государственный университет"
    with pytest.raises(ValidationFailed) as refused:
        ORGANIZATIONS.save({"name_kk": "Әл-Фараби атындағы Қазақ ұлттық университеті"})
    assert "is already recorded" in refused.value.problems[0].message
    with pytest.raises(ValidationFailed) as refused:
        ORGANIZATIONS.save({"short_name": "KazNU", "city": "Almaty"})
    assert [(p.field, p.message) for p in refused.value.problems] == [
        ("name", "Give the name in at least one language: English, Kazakh or Russian.")
    ]
    assert Organization.select().count() == 2


def test_events_and_programs_need_a_name_in_one_language(database):
    event = EVENTS.save({"title_ru": "Форум ректоров"})
    assert event.title == "Форум ректоров"
    program = PROGRAMS.save({"name_kk": "Болашақ"})
    assert program.name == "Болашақ"
    with pytest.raises(ValidationFailed) as refused:
        EVENTS.save({"city": "Astana"})
    assert refused.value.problems[0].message == (
        "Give the title in at least one language: English, Kazakh or Russian."
    )


def test_an_import_takes_a_partner_named_in_kazakh_only(database, tmp_path):
    path = xlsx(
        tmp_path / "partners.xlsx",
        [["Name in Kazakh", "Name in Russian", "Country"], ["Ұлттық ғылым академиясы", "", "KZ"]],
    )
    preview = preview_import(read_workbook(path), "organization")
    assert apply_import(preview).imported == 1
    assert Organization.get().name == "Ұлттық ғылым академиясы"


@pytest.fixture
def nu(database):
    return ORGANIZATIONS.save(
        {
            "name": "Nazarbayev University",
            "short_name": "NU",
            "name_kk": "Назарбаев Университеті",
            "name_ru": "Назарбаев Университет",
        }
    )


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("kk", "Назарбаев Университеті"),
        ("ru", "Назарбаев Университет"),
        ("en", "Nazarbayev University"),
    ],
)
def test_a_record_is_shown_by_its_name_in_the_interface_language(nu, language, shown):
    PEOPLE.save({"full_name": "José Berengueres", "organization": nu.id})
    event = EVENTS.save({"title": "Science day", "title_kk": "Ғылым күні"})
    set_language(language)
    assert ORGANIZATIONS.title(nu) == f"{shown} (NU)"
    assert names(ORGANIZATION_LIST) == [shown]
    organization = [column.key for column in PERSON_LIST.columns].index("organization") + 1
    assert PERSON_LIST.rows(ListRequest(), 0, 1)[0][organization] == shown
    assert search.find("NU")[0].title == f"{shown} (NU)"
    assert search.find("Berengueres")[0].detail == shown
    assert EVENTS.title(event) == ("Ғылым күні" if language == "kk" else "Science day")


def test_a_name_not_recorded_in_the_language_shows_the_main_name(nu):
    plain = ORGANIZATIONS.save({"name": "Coursera"})
    set_language("kk")
    assert names(ORGANIZATION_LIST, sort="name") == ["Назарбаев Университеті", "Coursera"]
    assert ORGANIZATIONS.title(plain) == "Coursera"


# -- found in either script -------------------------------------------------------------------


@pytest.fixture
def people(database):
    return {
        "angelieva": PEOPLE.save({"full_name": "Karina Angelieva"}),
        "nurbek": PEOPLE.save({"full_name": "Нурбек Саясат"}),
        "tokayev": PEOPLE.save({"full_name": "Қасым-Жомарт Тоқаев"}),
    }


@pytest.mark.parametrize(
    ("typed", "who"),
    [
        ("Ангелиева", "angelieva"),
        ("angelieva", "angelieva"),
        ("Nurbek", "nurbek"),
        ("Sayasat", "nurbek"),
        ("Саясат", "nurbek"),
        ("Tokaev", "tokayev"),
        ("Токаев", "tokayev"),  # typed without the Kazakh letters
        ("Qasym", "tokayev"),  # the Kazakh Latin alphabet
    ],
)
def test_a_name_is_found_typed_in_either_script(people, typed, who):
    wanted = people[who].id
    assert [row[0] for row in PERSON_LIST.rows(ListRequest(search=typed), 0, 10)] == [wanted]
    assert PERSON_LIST.count(ListRequest(search=typed)) == 1
    assert [record.id for record in find_records(Person, typed)] == [wanted]
    assert [(hit.kind, hit.id) for hit in search.find(typed)] == [("person", wanted)]
    # The same on a database without FTS5 (a server).
    assert [(hit.kind, hit.id) for hit in LikeIndex().find(typed)] == [("person", wanted)]


def test_a_whole_name_in_the_other_script_ranks_as_an_exact_name(people):
    hit = search.find("Nurbek Sayasat")[0]
    assert (hit.id, hit.rank) == (people["nurbek"].id, search.EXACT)
    hit = search.find("Карина Ангелиева")[0]
    assert (hit.id, hit.rank) == (people["angelieva"].id, search.EXACT)


def test_an_organization_is_found_by_its_names_in_either_script(nu):
    for typed in ("Назарбаев", "Nazarbaev", "Universiteti", "университет", "nazarbayev"):
        assert names(ORGANIZATION_LIST, search=typed) == ["Nazarbayev University"], typed
