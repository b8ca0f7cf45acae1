"""The sample records: what the five articles report is in the database, with the names,
roles and figures the articles give, nothing dated that they leave undated, and the records
go only into an empty database, all of them or none."""

from __future__ import annotations

from decimal import Decimal

import pytest

from models import sample
from models.errors import SeriktesError
from models.kinds.all_kinds import EDITORS_BY_KIND
from models.kinds.organizations import ORGANIZATIONS
from models.sample import database_is_empty, load_sample_records
from models.store.records import (
    ALL_MODELS,
    Delegation,
    DelegationMember,
    Event,
    EventParticipant,
    KeyFigure,
    Organization,
    Person,
    Program,
    ProgramPartner,
    Source,
    SourceMention,
)


@pytest.fixture
def counts(database):
    return load_sample_records()


def organization(short_or_name: str) -> Organization:
    return Organization.get(
        (Organization.short_name == short_or_name) | (Organization.name == short_or_name)
    )


def person(name: str) -> Person:
    return Person.get(Person.full_name == name)


def event(title: str) -> Event:
    return Event.get(Event.title == title)


def participants(title: str) -> dict[str, set[str]]:
    """Who took part in an event, by role."""
    roles: dict[str, set[str]] = {}
    for row in EventParticipant.select().where(EventParticipant.event == event(title)):
        name = row.person.full_name if row.person_id else row.organization.name
        roles.setdefault(row.role, set()).add(name)
    return roles


def figure(measure: str) -> KeyFigure:
    return KeyFigure.get(KeyFigure.measure == measure)


def row_counts() -> dict[str, int]:
    return {model.__name__: model.select().count() for model in ALL_MODELS}


def test_every_record_of_the_file_is_saved(counts):
    data = sample.read_sample_file()
    for section, kind in sample.SECTIONS:
        model = EDITORS_BY_KIND[kind].model
        assert counts[kind] == len(data[section]) == model.select().count()
    assert counts["organization"] == 15
    assert counts["person"] == 12
    assert counts["figure"] == 15
    assert counts["source"] == 5


def test_partners_and_people_as_the_articles_name_them(counts):
    istc = organization("ISTC")
    assert istc.name == "International Science and Technology Center"
    assert (istc.kind, istc.country_id, istc.city, istc.status) == (
        "international",
        "KZ",
        "Astana",
        "active",
    )
    assert "Astana since 2015" in istc.notes
    csic = organization("CSIC")
    assert csic.name == "Spanish National Research Council"
    assert csic.name_original == "Consejo Superior de Investigaciones Científicas"
    assert csic.country_id == "ES"
    school = organization("School of Social Sciences and Humanities")
    assert school.parent.name == "Nazarbayev University"

    angelieva = person("Karina Angelieva")
    assert (angelieva.position, angelieva.organization) == ("Executive Director", istc)
    ambassador = person("Luis Francisco Martínez Montes")
    assert ambassador.position == "Ambassador of Spain to Kazakhstan, Kyrgyzstan and Tajikistan"
    assert ambassador.organization.country_id == "ES"
    assert person("Isabel Díaz").organization == csic
    assert person("Isabel Díaz").position == "Vice President"
    assert person("Sayasat Nurbek").position == "Minister of Science and Higher Education"
    assert person("Dinara Shcheglova").position == "Vice Minister of Science and Higher Education"
    assert person("Danat Mussayev").position == "Ambassador of Kazakhstan to Spain"
    assert person("Gonzalo Hortelano Hap").organization == school
    nu_people = {
        p.full_name for p in Person.select().where(Person.organization == organization("NU"))
    }
    assert nu_people == {"José Berengueres", "Daniel Hernández-Torrano", "Aida Kabibulatova"}


def test_events_with_their_parts_and_the_roles_people_had(counts):
    spain = "Kazakhstan–Spain event on academic and scientific cooperation"
    assert event(spain).venue == "ORTA Cultural Center"
    assert event(spain).city == "Astana"
    lecture = event("Lecture by the Ambassador of Spain")
    assert (lecture.kind, lecture.parent.title) == ("lecture", spain)
    assert participants(lecture.title) == {"speaker": {"Luis Francisco Martínez Montes"}}

    panel = "Panel discussion on trends in science and interdisciplinary collaboration"
    assert event(panel).parent.title == spain
    assert participants(panel) == {
        "moderator": {"José Berengueres"},
        "panelist": {
            "Daniel Hernández-Torrano",
            "Aida Kabibulatova",
            "Gonzalo Hortelano Hap",
            "Nazarbayev University",
        },
    }

    forum = "II Forum “Kazakhstan – Territory of Academic Knowledge”"
    assert event(forum).kind == "forum"
    assert participants(forum) == {"attendee": {"Kassym-Jomart Tokayev"}}
    council = event("Meeting of the Council of Strategic Partners")
    assert (council.kind, council.parent.title) == ("council", forum)
    plenary = f"Plenary session of the {forum}"
    assert event(plenary).parent.title == forum
    assert participants(plenary) == {"moderator": {"Sayasat Nurbek"}, "speaker": {"Sayasat Nurbek"}}

    meeting = "Meeting of the Minister of Science and Higher Education with the ISTC delegation"
    roles = participants(meeting)
    assert roles["host"] == {
        "Sayasat Nurbek",
        "Ministry of Science and Higher Education of the Republic of Kazakhstan",
    }
    assert roles["speaker"] == {"Karina Angelieva"}


def test_delegations_with_their_head_counterparts_and_links(counts):
    istc = Delegation.get(Delegation.organization == organization("ISTC"))
    assert (istc.direction, istc.head.full_name, istc.city) == (
        "incoming",
        "Karina Angelieva",
        "Astana",
    )
    values = EDITORS_BY_KIND["delegation"].load(istc.id)
    counterparts = [
        Person.get_by_id(row["person"]).full_name
        for row in values["members"]
        if row["side"] == "counterpart"
    ]
    assert counterparts == ["Sayasat Nurbek"]
    linked = {Program.get_by_id(row["program"]).name for row in values["programs"]}
    assert linked == {"ISTC scientific and technical projects in Kazakhstan", "Horizon Europe"}
    assert len(values["events"]) == 1

    csic = Delegation.get(Delegation.organization == organization("CSIC"))
    assert (csic.direction, csic.head.full_name) == ("outgoing", "Danat Mussayev")
    met = DelegationMember.get(
        (DelegationMember.delegation == csic) & (DelegationMember.side == "counterpart")
    )
    assert met.person.full_name == "Isabel Díaz"


def test_programs_with_their_partners(counts):
    def partners(name):
        query = ProgramPartner.select().join(Program).where(Program.name == name)
        return {(row.organization.name, row.role) for row in query}

    assert partners("AI-Sana") == {("Coursera", "platform"), ("Huawei", "platform")}
    assert partners("Water Research Center") == {
        ("Northwest A&F University", "partner"),
        ("University of Arizona", "partner"),
    }
    alliance = Program.get(Program.name == "Belt and Road Research Alliance")
    assert (alliance.kind, alliance.status) == ("alliance", "proposed")
    assert Program.get(
        Program.name == "ISTC scientific and technical projects in Kazakhstan"
    ).lead == (organization("ISTC"))
    assert "2024" in Program.get(Program.name == "AI-Sana").description


def test_key_figures_as_the_articles_give_them(counts):
    publications = figure("joint Kazakhstan–Spain research publications")
    assert (publications.value, publications.qualifier, publications.country_id) == (
        Decimal(1130),
        "exact",
        "ES",
    )
    assert publications.period_label == "over the past 30 years"
    per_year = figure("joint Kazakhstan–Spain publications per year")
    assert (per_year.value, per_year.qualifier) == (Decimal(150), "about")
    certificates = figure(
        "students who completed the AI-Sana foundational AI course and received certificates"
    )
    assert (certificates.value, certificates.qualifier, certificates.program.name) == (
        Decimal(350000),
        "more_than",
        "AI-Sana",
    )
    projects = figure("ISTC scientific projects implemented in Kazakhstan")
    scientists = figure("scientists involved in ISTC projects in Kazakhstan")
    assert (projects.value, projects.qualifier, projects.organization.short_name) == (
        Decimal(50),
        "more_than",
        "ISTC",
    )
    assert (scientists.value, scientists.qualifier) == (Decimal(1500), "more_than")
    assert figure("branches of leading foreign universities in Kazakhstan").value == 40
    by_country = {
        f.country_id: f.value
        for f in KeyFigure.select().where(KeyFigure.measure.startswith("branches of "))
    }
    assert by_country == {"KZ": 40, "RU": 9, "CN": 6, "US": 7, "GB": 8}
    assert (
        figure("Luban Workshops among the branches of Chinese universities in Kazakhstan").value
        == 3
    )
    agreements = figure(
        "foreign universities with which Kazakhstan has signed strategic agreements"
    )
    assert (agreements.value, agreements.qualifier) == (Decimal(30), "more_than")
    wording = EDITORS_BY_KIND["figure"].title(publications)
    assert wording == "1,130 joint Kazakhstan–Spain research publications over the past 30 years"


def test_sources_with_what_they_mention(counts):
    publishers = {source.publisher for source in Source.select()}
    assert publishers == {"", "Qazinform News Agency", "DKNews.kz", "Science and Technology Daily"}
    dknews = Source.get(Source.publisher == "DKNews.kz")
    mentioned = {
        (
            row.record_kind,
            EDITORS_BY_KIND[row.record_kind].title(
                EDITORS_BY_KIND[row.record_kind].model.get_by_id(row.record_id)
            ),
        )
        for row in SourceMention.select().where(SourceMention.source == dknews)
    }
    assert ("organization", "International Science and Technology Center (ISTC)") in mentioned
    assert ("person", "Karina Angelieva") in mentioned
    assert ("delegation", "ISTC delegation led by Karina Angelieva") in mentioned
    assert (
        "figure",
        "more than 1,500 scientists involved in ISTC projects in Kazakhstan "
        "over more than ten years",
    ) in mentioned
    qazinform = Source.get(Source.publisher == "Qazinform News Agency")
    assert qazinform.title == (
        "Astana hosts a discussion on AI and scientific collaboration between Kazakhstan and Spain"
    )
    assert figure("joint Kazakhstan–Spain publications per year").source == qazinform
    stdaily = Source.get(Source.publisher == "Science and Technology Daily")
    assert (
        figure(
            "students who completed the AI-Sana foundational AI course and received certificates"
        ).source
        == stdaily
    )
    # Every figure names the article it comes from.
    assert not KeyFigure.select().where(KeyFigure.source.is_null()).exists()


def test_no_date_the_articles_do_not_give(counts):
    assert not Event.select().where(Event.starts_on.is_null(False)).exists()
    assert not Delegation.select().where(Delegation.starts_on.is_null(False)).exists()
    assert not Source.select().where(Source.published_on.is_null(False)).exists()
    assert not KeyFigure.select().where(KeyFigure.as_of.is_null(False)).exists()
    assert "2025" in event("II Forum “Kazakhstan – Territory of Academic Knowledge”").notes


def test_a_second_load_refuses_and_changes_nothing(counts):
    before = row_counts()
    with pytest.raises(SeriktesError, match="already holds records"):
        load_sample_records()
    assert row_counts() == before


def test_a_database_with_records_of_its_own_is_refused(database):
    ORGANIZATIONS.save({"name": "Nazarbayev University", "country": "KZ"})
    assert not database_is_empty()
    with pytest.raises(SeriktesError, match="already holds records"):
        load_sample_records()
    assert Organization.select().count() == 1
    assert Person.select().count() == 0


def test_all_or_nothing_when_a_record_cannot_be_saved(database, monkeypatch):
    data = sample.read_sample_file()
    data["figures"].append({"key": "broken", "measure": "", "value": 1})
    monkeypatch.setattr(sample, "read_sample_file", lambda: data)
    with pytest.raises(SeriktesError, match="“broken” .* cannot be saved"):
        load_sample_records()
    assert database_is_empty()
    assert SourceMention.select().count() == 0
