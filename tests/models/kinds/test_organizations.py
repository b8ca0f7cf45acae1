"""Organizations: create, edit, validate and delete, with the database enforcing its rules."""

from __future__ import annotations

import datetime as dt

import pytest
from peewee import IntegrityError

from models.errors import ValidationFailed
from models.kinds.organizations import ORGANIZATIONS, organization_areas, website_host
from models.kinds.people import PEOPLE, PERSON_LIST
from models.listing import ListRequest
from models.store.base import current_user
from models.store.records import Country, Organization, Person, Source, SourceMention

ISTC = {
    "name": "International Science and Technology Center",
    "short_name": "ISTC",
    "name_ru": "Международный научно-технический центр",
    "name_kk": "Халықаралық ғылым және технология орталығы",
    "kind": "international",
    "status": "active",
    "country": "KZ",
    "city": "Astana",
    "website": "www.istc.int",
    "areas": ["Science diplomacy", "Horizon Europe"],
    "tags": ["headquarters"],
}


def fields(problems):
    return {problem.field: problem.message for problem in problems}


def test_create_keeps_every_field_and_when_it_was_made(database, clock):
    clock.set_clock(dt.datetime(2028, 2, 29, 23, 58))
    record = ORGANIZATIONS.save(ISTC)
    values = ORGANIZATIONS.load(record.id)
    assert values["name"] == ISTC["name"]
    assert values["name_kk"] == ISTC["name_kk"]
    assert values["website"] == "https://www.istc.int"
    assert values["country"] == "KZ"
    assert sorted(values["areas"]) == ["Horizon Europe", "Science diplomacy"]
    assert values["tags"] == ["headquarters"]
    assert record.created_at.replace(second=0) == dt.datetime(2028, 2, 29, 23, 58)
    assert record.created_by == current_user()


def test_edit_changes_the_record_and_its_changed_time(database, clock):
    clock.set_clock(dt.datetime(2028, 2, 29, 10, 30))
    record = ORGANIZATIONS.save(ISTC)
    Organization.update(updated_at=dt.datetime(2020, 1, 1)).where(
        Organization.id == record.id
    ).execute()
    ORGANIZATIONS.save({**ISTC, "city": "Almaty", "areas": ["Science diplomacy"]}, record.id)
    edited = Organization.get_by_id(record.id)
    assert edited.city == "Almaty"
    assert edited.updated_at.replace(second=0) == dt.datetime(2028, 2, 29, 10, 30)
    assert edited.created_at == record.created_at
    assert organization_areas(record.id) == ["Science diplomacy"]


def test_required_name_bad_email_and_bad_website_are_named(database):
    with pytest.raises(ValidationFailed) as failure:
        ORGANIZATIONS.save({"name": "  ", "email": "info@istc", "website": "not a site"})
    problems = fields(failure.value.problems)
    assert problems["name"] == (
        "Give the name in at least one language: English, Kazakh or Russian."
    )
    assert "info@istc" in problems["email"] and "name@example.org" in problems["email"]
    assert "not a site" in problems["website"]
    assert Organization.select().count() == 0


def test_the_same_organization_twice_is_refused(database):
    ORGANIZATIONS.save(ISTC)
    with pytest.raises(ValidationFailed) as failure:
        ORGANIZATIONS.save(
            {"name": "international  science and technology center.", "country": "KZ"}
        )
    assert "already recorded" in fields(failure.value.problems)["name"]
    with pytest.raises(ValidationFailed) as failure:
        ORGANIZATIONS.save({"name": "ISTC Moscow office", "website": "https://istc.int/ru"})
    assert "istc.int" in fields(failure.value.problems)["website"]
    # The same name in another country is another organization.
    ORGANIZATIONS.save({"name": ISTC["name"], "country": "AM"})
    assert Organization.select().count() == 2


def test_one_website_is_one_organization(database):
    assert website_host("https://www.CSIC.es/en") == "csic.es"
    csic = ORGANIZATIONS.save({"name": "Spanish National Research Council", "website": "csic.es"})
    # Another site is another organization, and a record is not its own twin.
    nu = ORGANIZATIONS.save({"name": "Nazarbayev University", "website": "https://nu.edu.kz"})
    ORGANIZATIONS.save({**ORGANIZATIONS.load(nu.id), "city": "Astana"}, nu.id)
    assert Organization.get_by_id(nu.id).city == "Astana"
    with pytest.raises(ValidationFailed) as failure:
        ORGANIZATIONS.save({"name": "Consejo Superior", "website": "http://www.csic.es/es"})
    assert fields(failure.value.problems) == {
        "website": "csic.es is already the website of “Spanish National Research Council”. "
        "Open that organization instead, or correct the address."
    }
    assert [o.id for o in Organization.select().order_by(Organization.id)] == [csic.id, nu.id]
    # Nor can another organization take that website or that name later.
    with pytest.raises(ValidationFailed) as failure:
        ORGANIZATIONS.save({**ORGANIZATIONS.load(nu.id), "website": "www.csic.es"}, nu.id)
    assert "csic.es is already the website of" in fields(failure.value.problems)["website"]
    with pytest.raises(ValidationFailed) as failure:
        values = {**ORGANIZATIONS.load(nu.id), "name": "Spanish national research council"}
        ORGANIZATIONS.save(values, nu.id)
    assert f"(no. {csic.id})" in fields(failure.value.problems)["name"]
    assert Organization.get_by_id(nu.id).name == "Nazarbayev University"


def test_an_organization_with_no_country_is_the_twin_of_the_same_name_in_any_country(database):
    academy = ORGANIZATIONS.save({"name": "Academy of Sciences"})
    with pytest.raises(ValidationFailed) as failure:
        ORGANIZATIONS.save({"name": "academy of sciences", "country": "KZ"})
    assert fields(failure.value.problems)["name"] == (
        f"“Academy of Sciences” is already recorded (no. {academy.id}). Open that organization "
        "instead, or give this one a name that tells them apart."
    )
    # And the other way round: one recorded in Spain is the twin of one with no country.
    library = ORGANIZATIONS.save({"name": "National Library", "country": "ES"})
    with pytest.raises(ValidationFailed) as failure:
        ORGANIZATIONS.save({"name": "National Library", "country": None})
    assert f"(no. {library.id})" in fields(failure.value.problems)["name"]
    assert [o.name for o in Organization.select().order_by(Organization.id)] == [
        "Academy of Sciences",
        "National Library",
    ]
    # A record is not its own twin: saved again with a country, it keeps its name.
    ORGANIZATIONS.save({"name": "Academy of Sciences", "country": "KZ"}, academy.id)
    assert Organization.get_by_id(academy.id).country_id == "KZ"


def test_an_organization_cannot_be_its_own_ancestor(database):
    university = ORGANIZATIONS.save({"name": "University of Arizona", "country": "US"})
    branch = ORGANIZATIONS.save({"name": "Arizona branch campus", "parent": university.id})
    with pytest.raises(ValidationFailed) as failure:
        ORGANIZATIONS.save(
            {"name": "University of Arizona", "country": "US", "parent": branch.id}, university.id
        )
    assert "cannot also be its parent" in fields(failure.value.problems)["parent"]
    with pytest.raises(ValidationFailed):
        ORGANIZATIONS.save({"name": "Arizona branch campus", "parent": branch.id}, branch.id)


def test_the_database_refuses_what_the_rules_forbid(database):
    with pytest.raises(IntegrityError):
        Organization.create(name="Unknown kind", kind="spaceship")
    with pytest.raises(IntegrityError):
        Organization.create(name="Nowhere", country="XX")
    with pytest.raises(IntegrityError):
        Organization.create(name="   ")
    ORGANIZATIONS.save(ISTC)
    with pytest.raises(IntegrityError):
        Country.delete().where(Country.code == "KZ").execute()


def test_delete_says_what_happens_to_linked_records_then_does_it(database):
    istc = ORGANIZATIONS.save(ISTC)
    branch = ORGANIZATIONS.save({"name": "ISTC regional office", "parent": istc.id})
    person = PEOPLE.save(
        {"full_name": "Karina Angelieva", "position": "Executive Director", "organization": istc.id}
    )
    said = [c.description for c in ORGANIZATIONS.consequences(istc.id)]
    assert "1 person will no longer have this organization" in said
    assert "1 organization will no longer have this parent" in said
    ORGANIZATIONS.delete(istc.id)
    assert Organization.get_or_none(Organization.id == istc.id) is None
    assert Person.get_by_id(person.id).organization is None
    assert Organization.get_by_id(branch.id).parent is None
    # The person is no longer found by the deleted organization's name.
    assert PERSON_LIST.rows(ListRequest(search="istc"), 0, 10) == []


def test_renaming_an_organization_updates_how_its_people_are_found(database):
    istc = ORGANIZATIONS.save(ISTC)
    person = PEOPLE.save({"full_name": "Karina Angelieva", "organization": istc.id})
    ORGANIZATIONS.save({**ISTC, "short_name": "МНТЦ"}, istc.id)
    rows = PERSON_LIST.rows(ListRequest(search="мнтц"), 0, 10)
    assert [row[0] for row in rows] == [person.id]
    assert PERSON_LIST.count(ListRequest(search="мнтц")) == 1
    assert PERSON_LIST.position(ListRequest(search="мнтц"), person.id) == 0


def test_a_failed_save_leaves_the_database_as_it_was(database, monkeypatch):
    istc = ORGANIZATIONS.save(ISTC)

    def broken(*_args):
        raise OSError("disk full")

    monkeypatch.setattr("models.editing.set_areas", broken)
    with pytest.raises(OSError):
        ORGANIZATIONS.save({**ISTC, "city": "Almaty", "areas": ["Water"]}, istc.id)
    assert Organization.get_by_id(istc.id).city == "Astana"
    assert sorted(organization_areas(istc.id)) == ["Horizon Europe", "Science diplomacy"]


def test_delete_says_which_sources_stop_mentioning_it(database):
    istc = ORGANIZATIONS.save(ISTC)
    news = Source.create(title="Minister meets the ISTC delegation", publisher="DKNews.kz")
    SourceMention.create(source=news, record_kind="organization", record_id=istc.id)
    said = [c.description for c in ORGANIZATIONS.consequences(istc.id)]
    assert "1 source mentioning it will no longer mention it" in said
    ORGANIZATIONS.delete(istc.id)
    assert SourceMention.select().count() == 0
    assert Source.get_by_id(news.id).title == "Minister meets the ISTC delegation"


def test_an_empty_choice_date_or_link_is_kept_as_no_value(database):
    """A form or a sheet gives "" for a choice, a date or a link left empty; every kind keeps
    it as no value at all, which the lists show blank and the filters leave out."""
    from models.kinds.agreements import AGREEMENTS
    from models.kinds.delegations import DELEGATIONS
    from models.kinds.events import EVENTS
    from models.kinds.figures import FIGURES
    from models.kinds.programs import PROGRAMS
    from models.store.records import Agreement, Delegation, Event, KeyFigure, Program

    csic = ORGANIZATIONS.save(
        {"name": "CSIC", "kind": "", "status": "", "country": "", "parent": ""}
    )
    assert (csic.kind, csic.status, csic.country_id, csic.parent_id) == (None, None, None, None)
    event = EVENTS.save({"title": "Forum", "kind": "", "country": "", "starts_on": ""})
    assert (Event.get_by_id(event.id).kind, Event.get_by_id(event.id).starts_on) == (None, None)
    visit = DELEGATIONS.save({"title": "Visit", "country": "", "head": ""})
    assert Delegation.get_by_id(visit.id).country_id is None
    program = PROGRAMS.save({"name": "AI-Sana", "kind": "", "status": "", "lead": ""})
    assert (Program.get_by_id(program.id).kind, Program.get_by_id(program.id).lead_id) == (
        None,
        None,
    )
    memo = AGREEMENTS.save({"title": "Memorandum", "kind": "", "status": "", "signed_on": ""})
    assert Agreement.get_by_id(memo.id).kind is None
    figure = FIGURES.save({"measure": "projects", "value": 50, "country": ""})
    assert KeyFigure.get_by_id(figure.id).country_id is None
