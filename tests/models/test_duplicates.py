"""The duplicate finder: twins under another spelling, language, script, acronym, website or
e-mail domain are found; records that merely share a word are not; pairs marked "not a
duplicate" stay hidden."""

from __future__ import annotations

import pytest

from models.duplicates.finder import FindingStopped, find_duplicates
from models.duplicates.marks import mark_not_duplicate, unmark
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE


def org(**values):
    return ORGANIZATIONS.save(values).id


def person(**values):
    return PEOPLE.save(values).id


def pairs(kind):
    return {frozenset(twin.ids): twin for twin in find_duplicates(kind)}


def test_a_partner_under_another_spelling_language_script_and_acronym_is_found(database):
    nu = org(name="Nazarbayev University", country="KZ")
    cyrillic = org(name="Назарбаев Университет", country="KZ")
    short = org(name="Nazarbayev Univ.")
    acronym = org(name="NU", country="KZ")
    found = pairs("organization")
    assert "Назарбаев Университет" in found[frozenset((nu, cyrillic))].why
    assert found[frozenset((nu, short))].score >= 90
    assert "“NU” is the acronym of “Nazarbayev University”." in found[frozenset((nu, acronym))].why
    assert all(80 <= twin.score <= 100 for twin in found.values())


def test_a_name_spelt_in_cyrillic_letter_by_letter_is_found(database):
    # As a clerk types a foreign name she hears: "Джапан" for Japan, "Кентре" for Centre.
    english = org(name="Polytechnic Research Centre of Energy of Japan", country="JP")
    typed = org(name="Полытечник Ресеарч Кентре Оф Енергы Оф Джапан", country="JP")
    org(name="Polytechnic Research Centre of Energy of Korea", country="JP")
    water = org(name="National Agency of Water Resources of Luxembourg", country="LU")
    heard = org(name="Натионал Агенкы Оф Ватер Ресоуркес Оф Луксембоург", country="LU")
    assert set(pairs("organization")) == {frozenset((english, typed)), frozenset((water, heard))}


def test_records_that_merely_share_a_word_are_not_twins(database):
    org(name="University of Arizona")
    org(name="University of Astana")
    org(name="Kazakh National University")
    org(name="Kazakh National Agrarian University")
    org(name="Eurasian National University")
    assert pairs("organization") == {}


def test_a_shared_website_or_email_domain_makes_twins(database):
    one = org(name="International Science and Technology Center", website="https://www.istc.int/")
    # A website is one organization's (the form refuses it twice): its domain is shared.
    other = org(name="ISTC Secretariat", email="secretariat@istc.int")
    mail = org(name="Kazakh Space Agency", email="info@kazcosmos.gov.kz")
    mailed = org(name="KazCosmos", email="press@kazcosmos.gov.kz")
    org(name="Almaty Bakery", email="bakery@gmail.com")
    org(name="Astana Flowers", email="flowers@gmail.com")
    found = pairs("organization")
    assert "Same e-mail domain: istc.int." in found[frozenset((one, other))].why
    assert "Same e-mail domain: kazcosmos.gov.kz." in found[frozenset((mail, mailed))].why
    assert len(found) == 2  # a mail service anyone uses is no shared domain


def test_people_in_another_order_and_script_or_with_one_email_are_found(database):
    latin = person(full_name="Sayasat Nurbek")
    cyrillic = person(full_name="Нурбек Саясат")
    reordered = person(full_name="Angelieva Karina", email="k.angelieva@istc.int")
    karina = person(full_name="Karina Angelieva")
    mailed = person(full_name="K. Angelieva", email="k.angelieva@istc.int")
    person(full_name="Sayasat Abenov")
    person(full_name="Nurlan Nurbek")
    found = pairs("person")
    assert "Same name in another script: " in found[frozenset((latin, cyrillic))].why
    assert "Same name with its words in another order" in found[frozenset((reordered, karina))].why
    assert "Same e-mail address: k.angelieva@istc.int." in found[frozenset((reordered, mailed))].why
    assert set(found) <= {
        frozenset(p)
        for p in [(latin, cyrillic), (reordered, karina), (reordered, mailed), (karina, mailed)]
    }


def test_one_name_in_two_countries_or_at_two_organizations_is_two_records(database):
    org(name="Nazarbayev University", country="KZ")
    org(name="Nazarbayev University", country="ES")
    home = org(name="Kazakh Space Agency", country="KZ")
    abroad = org(name="Kazakh Space Agency", country="FR")
    assert pairs("organization") == {}
    person(full_name="Sayasat Nurbek", organization=home)
    person(full_name="Sayasat Nurbek", organization=abroad)
    assert pairs("person") == {}
    # Under one e-mail address they are one person whichever organization each names.
    one = person(full_name="Karina Angelieva", organization=home, email="k.a@istc.int")
    other = person(full_name="Karina Angelieva", organization=abroad, email="k.a@istc.int")
    assert set(pairs("person")) == {frozenset((one, other))}


def test_a_pair_marked_not_a_duplicate_stays_hidden_until_unmarked(database):
    one = org(name="Nazarbayev University")
    other = org(name="Назарбаев Университет")
    mark_not_duplicate("organization", other, one)
    mark_not_duplicate("organization", one, other)  # twice changes nothing
    assert pairs("organization") == {}
    unmark("organization", one, other)
    assert set(pairs("organization")) == {frozenset((one, other))}


def test_the_search_reports_progress_and_stops_when_asked(database):
    for number in range(30):
        org(name=f"Partner number {number}")
    seen = []

    def progress(done, total):
        seen.append((done, total))
        return True

    find_duplicates("organization", progress)
    assert seen[0][0] == 0 and seen[-1] == (1000, 1000)
    assert [done for done, _total in seen] == sorted(done for done, _total in seen)
    with pytest.raises(FindingStopped):
        find_duplicates("organization", lambda done, total: done < 300)


def test_names_of_other_kinds_scopes_or_numbers_are_not_twins(database):
    org(name="Semey Humanitarian Academy of Economics")
    org(name="Semey Humanitarian Agency of Economics")
    org(name="Atyrau State College of Geology")
    org(name="Atyrau International College of Geology")
    org(name="Humanitarian Institute of Mathematics No. 2")
    org(name="Humanitarian Institute of Mathematics No. 20")
    # A country in brackets is no acronym the two share.
    org(name="Технический колледж экономики (Виргинские острова (США))")
    org(name="Технический колледж экологии (Виргинские острова (США))")
    assert pairs("organization") == {}


def test_a_name_typed_with_two_letters_swapped_is_found(database):
    right = person(full_name="Gulnara Karagulbaev", email="gkaragulbaev@mail.kz")
    slip = person(full_name="Gulnara Karagulabev", email="gkaragulbaev@mail.kz")
    mehmet = person(full_name="Mehmet Tanaka")
    mhemet = person(full_name="Mhemet Tanaka")
    person(full_name="Mehmet Takana", email="mtakana@istc.int")  # no slip: another family
    found = pairs("person")
    assert "Same e-mail address: gkaragulbaev@mail.kz." in found[frozenset((right, slip))].why
    alike = "Names alike: “Mehmet Tanaka” and “Mhemet Tanaka”."
    assert alike in found[frozenset((mehmet, mhemet))].why
    assert set(found) == {frozenset((right, slip)), frozenset((mehmet, mhemet))}


def test_people_of_other_families_or_merely_under_one_address_are_not_twins(database):
    person(full_name="Aigerim Akbaybekov")
    person(full_name="Aigerim Akbayenko")
    person(full_name="Ainur Dzhaksybekov", email="adzhaksybekov@mail.kz")
    person(full_name="Askar Dzhaksybekov", email="adzhaksybekov@mail.kz")
    assert pairs("person") == {}


def test_a_name_many_people_carry_needs_more_than_the_name(database):
    istc = org(name="International Science and Technology Center")
    namesakes = [person(full_name="Anna Kassymova") for _ in range(5)]
    assert pairs("person") == {}
    colleague = person(full_name="Анна Касымова", organization=istc)
    PEOPLE.save({**PEOPLE.load(namesakes[0]), "organization": istc}, namesakes[0])
    assert set(pairs("person")) == {frozenset((namesakes[0], colleague))}


def _many_twins():
    nu = org(name="Nazarbayev University", country="KZ")
    org(name="Назарбаев Университет", country="KZ")
    org(name="NU", country="KZ")
    org(name="Nazarbayev Univ.")
    org(name="University of Arizona")
    org(name="University of Astana")
    person(full_name="Sayasat Nurbek", organization=nu)
    person(full_name="Нурбек Саясат", organization=nu)
    person(full_name="Gulnara Karagulbaev", email="gkaragulbaev@mail.kz")
    person(full_name="Gulnara Karagulabev", email="gkaragulbaev@mail.kz")
    person(full_name="Sayasat Abenov")


def _answer(kind, processes=0):
    found = find_duplicates(kind, processes=processes)
    return [(twin.ids, twin.score, twin.why) for twin in found]


def test_the_work_shared_among_processes_finds_the_same_twins(database, monkeypatch):
    import models.duplicates.cores as cores
    import models.duplicates.finder as finder

    _many_twins()
    alone = {kind: _answer(kind) for kind in ("organization", "person")}
    # Pages of three records, so that twins are read by different processes.
    monkeypatch.setattr(finder, "PAGE", 3)
    assert len(alone["organization"]) == 6 and len(alone["person"]) == 2
    started = []
    monkeypatch.setattr(cores, "ProcessPoolExecutor", _counted(cores.ProcessPoolExecutor, started))
    here = []
    monkeypatch.setattr(cores.Cores, "_here", lambda self: here.append(self))
    assert {kind: _answer(kind, processes=2) for kind in ("organization", "person")} == alone
    assert len(started) == 4  # reading and judging, for each kind
    assert here == []  # none of it was done by this process


def test_where_no_process_can_start_the_work_is_done_here(database, monkeypatch):
    import multiprocessing.context

    _many_twins()
    alone = _answer("organization")
    refusals = []

    def refused(self):
        refusals.append(self)
        raise OSError("no more processes")

    monkeypatch.setattr(multiprocessing.context.SpawnProcess, "start", refused)
    assert _answer("organization", processes=2) == alone
    assert refusals


def _counted(pool_class, started):
    def make(*args, **kwargs):
        started.append(args)
        return pool_class(*args, **kwargs)

    return make
