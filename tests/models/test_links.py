"""Linked records appear on both sides, and a country gathers what is about it."""

from __future__ import annotations

import datetime as dt

import pytest

from models.kinds.events import EVENTS
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.links import countries_with_records, country_records, linked_records
from models.reports import country_brief
from models.store.records import (
    Agreement,
    AgreementParty,
    AgreementProgram,
    Delegation,
    DelegationAgreement,
    DelegationEvent,
    KeyFigure,
    Program,
    ProgramPartner,
    Source,
    SourceMention,
)


def titles(groups):
    return {group.label: [item.title for item in group.items] for group in groups}


@pytest.fixture
def thread(database):
    """ISTC's visit to the ministry, the agreement it led to and the program carrying it out."""
    istc = ORGANIZATIONS.save(
        {
            "name": "International Science and Technology Center",
            "short_name": "ISTC",
            "country": "KZ",
        }
    )
    csic = ORGANIZATIONS.save(
        {"name": "Spanish National Research Council", "short_name": "CSIC", "country": "ES"}
    )
    angelieva = PEOPLE.save({"full_name": "Karina Angelieva", "organization": istc.id})
    meeting = EVENTS.save(
        {
            "title": "Minister meets the ISTC delegation",
            "kind": "meeting",
            "starts_on": dt.date(2025, 3, 5),
            "country": "KZ",
            "participants": [
                {"person": angelieva.id, "role": "speaker"},
                {"organization": istc.id, "role": "attendee"},
            ],
        }
    )
    visit = Delegation.create(
        title="ISTC delegation to Astana",
        direction="incoming",
        organization=istc.id,
        head=angelieva.id,
        country="KZ",
    )
    agreement = Agreement.create(title="Memorandum on joint projects", kind="mou")
    AgreementParty.create(agreement=agreement, organization=istc.id, signatory=angelieva.id)
    program = Program.create(name="ISTC projects in Kazakhstan", lead=istc.id)
    ProgramPartner.create(program=program, organization=csic.id, role="partner")
    AgreementProgram.create(agreement=agreement, program=program)
    DelegationEvent.create(delegation=visit, event=meeting)
    DelegationAgreement.create(delegation=visit, agreement=agreement)
    figure = KeyFigure.create(
        measure="projects", value=50, qualifier="more_than", organization=istc.id
    )
    news = Source.create(title="Minister meets ISTC", publisher="DKNews.kz")
    SourceMention.create(source=news, record_kind="organization", record_id=istc.id)
    return locals()


def test_an_organization_shows_everything_linked_to_it(thread):
    groups = titles(linked_records("organization", thread["istc"].id))
    assert groups["Country"] == ["Kazakhstan"]
    assert groups["People"] == ["Karina Angelieva"]
    assert groups["Events"] == ["Minister meets the ISTC delegation (05.03.2025)"]
    assert groups["Delegations"] == ["ISTC delegation to Astana"]
    assert groups["Programs it leads"] == ["ISTC projects in Kazakhstan"]
    assert groups["Agreements"] == ["Memorandum on joint projects"]
    assert len(groups["Key figures"]) == 1
    assert groups["Sources"] == ["Minister meets ISTC (DKNews.kz)"]


def test_links_appear_on_both_sides(thread):
    visit = titles(linked_records("delegation", thread["visit"].id))
    assert visit["Events"] == ["Minister meets the ISTC delegation (05.03.2025)"]
    assert visit["Agreements"] == ["Memorandum on joint projects"]
    assert visit["Head"] == ["Karina Angelieva"]
    meeting = titles(linked_records("event", thread["meeting"].id))
    assert meeting["Delegations"] == ["ISTC delegation to Astana"]
    assert meeting["People taking part"] == ["Karina Angelieva"]
    agreement = titles(linked_records("agreement", thread["agreement"].id))
    assert agreement["Programs"] == ["ISTC projects in Kazakhstan"]
    assert agreement["Delegations"] == ["ISTC delegation to Astana"]
    assert agreement["Signatories"] == ["Karina Angelieva"]
    program = titles(linked_records("program", thread["program"].id))
    assert program["Agreements"] == ["Memorandum on joint projects"]
    person = titles(linked_records("person", thread["angelieva"].id))
    assert person["Agreements signed"] == ["Memorandum on joint projects"]
    assert person["Delegations led"] == ["ISTC delegation to Astana"]
    source = titles(linked_records("source", thread["news"].id))
    assert source["Organizations it mentions"] == [
        "International Science and Technology Center (ISTC)"
    ]


def test_a_country_page_gathers_the_records_of_its_organizations(thread):
    kazakhstan = titles(country_records("KZ"))
    assert kazakhstan["Organizations"] == ["International Science and Technology Center (ISTC)"]
    assert kazakhstan["People"] == ["Karina Angelieva"]
    assert kazakhstan["Events"] == ["Minister meets the ISTC delegation (05.03.2025)"]
    assert kazakhstan["Delegations"] == ["ISTC delegation to Astana"]
    assert kazakhstan["Programs"] == ["ISTC projects in Kazakhstan"]
    assert kazakhstan["Agreements"] == ["Memorandum on joint projects"]
    assert kazakhstan["Sources"] == ["Minister meets ISTC (DKNews.kz)"]
    spain = titles(country_records("ES"))
    assert spain["Organizations"] == ["Spanish National Research Council (CSIC)"]
    assert spain["Programs"] == ["ISTC projects in Kazakhstan"]  # CSIC is a partner
    assert "Delegations" not in spain
    assert country_records("FR") == []


def test_a_country_shows_the_events_and_delegations_its_brief_has(thread):
    """Events and delegations held in a country, or with its partners or their people,
    wherever held: the page and the brief gather the same ones."""
    csic = thread["csic"]
    del_pino = PEOPLE.save({"full_name": "Eloísa del Pino", "organization": csic.id})
    lecture = EVENTS.save(
        {
            "title": "Lecture by the Ambassador of Spain",
            "country": "KZ",
            "participants": [{"person": del_pino.id, "role": "speaker"}],
        }
    )
    EVENTS.save({"title": "Science week in Madrid", "country": "ES"})
    Delegation.create(title="Visit of the Vice President of CSIC", head=del_pino.id)
    spain = country_records("ES")
    shown = {group.label: {item.title: item.detail for item in group.items} for group in spain}
    assert shown["Events"] == {
        "Science week in Madrid": "Held there",
        EVENTS.title(lecture): "In Kazakhstan",
    }
    assert shown["Delegations"] == {"Visit of the Vice President of CSIC": "With its partners"}
    brief = {part.name: part for part in country_brief("ES").parts}
    for label in ("Events", "Delegations", "Programs", "Key figures"):
        group = next((g for g in spain if g.label == label), None)
        assert (group.total if group else 0) == len(brief[label].rows), label


def test_the_countries_with_records_are_counted_as_their_pages_show_them(thread):
    KeyFigure.create(measure="foreign university branches", value=9, country="RU")
    counted = {country.code: country for country in countries_with_records()}
    assert [country.name for country in countries_with_records()] == [
        "Kazakhstan",
        "Russia",
        "Spain",
    ]
    assert counted["RU"].counts["figure"] == 1 and counted["RU"].total == 1
    kazakhstan = counted["KZ"].counts
    assert (kazakhstan["organization"], kazakhstan["event"], kazakhstan["delegation"]) == (1, 1, 1)
    for code, country in counted.items():
        page = {group.label: group.total for group in country_records(code)}
        assert country.total == sum(page.values()), code
