"""What is linked to a record, grouped by kind, so a user can follow any thread: from a
partner to its visits, from a visit to the agreement it led to, from an agreement to the
program that carries it out. Also the page of a country, which gathers all of these for the
organizations of that country.

Every group is one query with its joins (never a query per linked record), and at most
``GROUP_LIMIT`` rows of a group are read; the group says how many there are in all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from peewee import SQL, Field, ModelSelect, Node, Select, fn

from models.kinds.all_kinds import EDITORS_BY_KIND
from models.listing import COUNTRY_ORDER, sorted_in_language
from models.store.base import RecordModel
from models.store.records import (
    RECORD_KINDS,
    Agreement,
    AgreementParty,
    AgreementProgram,
    Country,
    Delegation,
    DelegationAgreement,
    DelegationEvent,
    DelegationMember,
    DelegationProgram,
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
from models.words.choices import DELEGATION_SIDES, PARTICIPANT_ROLES, PARTNER_ROLES
from models.words.countries import country_name
from models.words.translation import LANGUAGES, N_, _, language

GROUP_LIMIT = 500

KIND_OF: dict[type[RecordModel], str] = {
    Organization: "organization",
    Person: "person",
    Event: "event",
    Delegation: "delegation",
    Program: "program",
    Agreement: "agreement",
    KeyFigure: "figure",
    Source: "source",
}


@dataclass(frozen=True)
class LinkedRecord:
    kind: str  # a record kind, or "country" (then record_id is the ISO code)
    record_id: int | str
    title: str
    # How it is linked, in the current language (a role), or in English marked for
    # translation ("Lead"), which the window and paper translate.
    detail: str = ""


@dataclass
class LinkGroup:
    label: str  # in English, marked for translation: the window and paper translate it
    items: list[LinkedRecord] = field(default_factory=list)
    total: int = 0


def title_of(record: RecordModel) -> str:
    return EDITORS_BY_KIND[KIND_OF[type(record)]].title(record)


def _organization_name(organization: Organization) -> str:
    return EDITORS_BY_KIND["organization"].shown_name(organization)


def _group(
    label: str,
    query: ModelSelect,
    detail: Callable[[RecordModel], str] = lambda _r: "",
    record: Callable[[RecordModel], RecordModel] = lambda row: row,
) -> LinkGroup:
    """A group from a query of rows; ``record`` picks the linked record out of a row (a
    participation row gives its event) and ``detail`` says how it is linked."""
    total = query.count()
    items = []
    for row in query.limit(GROUP_LIMIT):
        target = record(row)
        items.append(LinkedRecord(KIND_OF[type(target)], target.id, title_of(target), detail(row)))
    return LinkGroup(label, items, total)


def _through(
    label: str,
    near: Field,
    far: Field,
    record_id: int,
    detail=lambda _row: "",
    order: Node | None = None,
) -> LinkGroup:
    """The records reached through a link table: ``near`` points to the record shown and
    ``far`` to the linked one (``DelegationProgram.delegation`` → ``.program``)."""
    target = far.rel_model
    query = (
        near.model.select(near.model, target)
        .join(target, on=(far == target.id))
        .where(near == record_id)
    )
    if order is not None:
        query = query.order_by(order)
    return _group(label, query, record=lambda row: getattr(row, far.name), detail=detail)


def _role(choices, code: str | None) -> str:
    return choices.label(code) if code else ""


def _sources_of(kind: str, ids: Iterable[int] | ModelSelect) -> LinkGroup:
    query = (
        Source.select()
        .join(SourceMention)
        .where((SourceMention.record_kind == kind) & (SourceMention.record_id.in_(ids)))
        .distinct()
        .order_by(Source.published_on.desc(nulls="LAST"))
    )
    return _group(N_("Sources"), query)


def _country(code: str | None) -> LinkGroup:
    country = Country.get_or_none(Country.code == code) if code else None
    items = (
        [
            LinkedRecord(
                "country",
                country.code,
                country.name(language()),
                " — ".join(
                    dict.fromkeys(country.name(code) for code in LANGUAGES if code != language())
                ),
            )
        ]
        if country
        else []
    )
    return LinkGroup(N_("Country"), items, len(items))


# -- one function per kind --------------------------------------------------------------------


def _organization(record_id: int) -> list[LinkGroup]:
    organization = Organization.get_by_id(record_id)
    role = lambda row: _role(PARTICIPANT_ROLES, row.role)  # noqa: E731
    return [
        _country(organization.country_id),
        _group(
            N_("Parent organization"),
            Organization.select().where(Organization.id == organization.parent_id),
        ),
        _group(
            N_("Branches and parts"),
            Organization.select()
            .where(Organization.parent == record_id)
            .order_by(sorted_in_language(Organization), Organization.id),
        ),
        _group(
            N_("People"),
            Person.select()
            .where(Person.organization == record_id)
            .order_by(sorted_in_language(Person), Person.id),
            detail=lambda p: p.position,
        ),
        _through(
            N_("Events"),
            EventParticipant.organization,
            EventParticipant.event,
            record_id,
            detail=role,
            order=Event.starts_on.desc(nulls="LAST"),
        ),
        _group(
            N_("Delegations"),
            Delegation.select()
            .where(Delegation.organization == record_id)
            .order_by(Delegation.starts_on.desc(nulls="LAST")),
        ),
        _group(
            N_("Programs it leads"),
            Program.select()
            .where(Program.lead == record_id)
            .order_by(sorted_in_language(Program), Program.id),
            detail=lambda _p: N_("Lead"),
        ),
        _through(
            N_("Programs it takes part in"),
            ProgramPartner.organization,
            ProgramPartner.program,
            record_id,
            detail=lambda row: _role(PARTNER_ROLES, row.role),
        ),
        _through(
            N_("Agreements"),
            AgreementParty.organization,
            AgreementParty.agreement,
            record_id,
            order=Agreement.signed_on.desc(nulls="LAST"),
        ),
        _group(N_("Key figures"), KeyFigure.select().where(KeyFigure.organization == record_id)),
        _sources_of("organization", [record_id]),
    ]


def _person(record_id: int) -> list[LinkGroup]:
    person = Person.get_by_id(record_id)
    return [
        _group(
            N_("Organization"),
            Organization.select().where(Organization.id == person.organization_id),
        ),
        _through(
            N_("Events"),
            EventParticipant.person,
            EventParticipant.event,
            record_id,
            detail=lambda row: _role(PARTICIPANT_ROLES, row.role),
            order=Event.starts_on.desc(nulls="LAST"),
        ),
        _group(
            N_("Delegations led"),
            Delegation.select().where(Delegation.head == record_id),
            detail=lambda _d: N_("Head"),
        ),
        _through(
            N_("Delegations"),
            DelegationMember.person,
            DelegationMember.delegation,
            record_id,
            detail=lambda row: _role(DELEGATION_SIDES, row.side),
        ),
        _through(
            N_("Agreements signed"), AgreementParty.signatory, AgreementParty.agreement, record_id
        ),
        _sources_of("person", [record_id]),
    ]


def _event(record_id: int) -> list[LinkGroup]:
    event = Event.get_by_id(record_id)
    role = lambda row: _role(PARTICIPANT_ROLES, row.role)  # noqa: E731
    return [
        _country(event.country_id),
        _group(N_("Part of"), Event.select().where(Event.id == event.parent_id)),
        _group(
            N_("Sessions inside it"),
            Event.select()
            .where(Event.parent == record_id)
            .order_by(Event.starts_on, Event.starts_at),
        ),
        _through(
            N_("People taking part"),
            EventParticipant.event,
            EventParticipant.person,
            record_id,
            detail=role,
            order=sorted_in_language(Person),
        ),
        _through(
            N_("Organizations taking part"),
            EventParticipant.event,
            EventParticipant.organization,
            record_id,
            detail=role,
            order=sorted_in_language(Organization),
        ),
        _through(N_("Delegations"), DelegationEvent.event, DelegationEvent.delegation, record_id),
        _sources_of("event", [record_id]),
    ]


def _delegation(record_id: int) -> list[LinkGroup]:
    delegation = Delegation.get_by_id(record_id)
    return [
        _country(delegation.country_id),
        _group(
            N_("Organization"),
            Organization.select().where(Organization.id == delegation.organization_id),
        ),
        _group(
            N_("Head"),
            Person.select().where(Person.id == delegation.head_id),
            detail=lambda _p: N_("Head"),
        ),
        _through(
            N_("Members and counterparts"),
            DelegationMember.delegation,
            DelegationMember.person,
            record_id,
            detail=lambda row: _role(DELEGATION_SIDES, row.side),
            order=sorted_in_language(Person),
        ),
        _through(N_("Events"), DelegationEvent.delegation, DelegationEvent.event, record_id),
        _through(
            N_("Programs"), DelegationProgram.delegation, DelegationProgram.program, record_id
        ),
        _through(
            N_("Agreements"),
            DelegationAgreement.delegation,
            DelegationAgreement.agreement,
            record_id,
        ),
        _sources_of("delegation", [record_id]),
    ]


def _program(record_id: int) -> list[LinkGroup]:
    program = Program.get_by_id(record_id)
    return [
        _group(
            N_("Lead organization"),
            Organization.select().where(Organization.id == program.lead_id),
            detail=lambda _o: N_("Lead"),
        ),
        _through(
            N_("Partners"),
            ProgramPartner.program,
            ProgramPartner.organization,
            record_id,
            detail=lambda row: _role(PARTNER_ROLES, row.role),
            order=sorted_in_language(Organization),
        ),
        _through(N_("Agreements"), AgreementProgram.program, AgreementProgram.agreement, record_id),
        _through(
            N_("Delegations"), DelegationProgram.program, DelegationProgram.delegation, record_id
        ),
        _group(N_("Key figures"), KeyFigure.select().where(KeyFigure.program == record_id)),
        _sources_of("program", [record_id]),
    ]


def _agreement(record_id: int) -> list[LinkGroup]:
    return [
        _through(
            N_("Parties"),
            AgreementParty.agreement,
            AgreementParty.organization,
            record_id,
            order=sorted_in_language(Organization),
        ),
        _through(N_("Signatories"), AgreementParty.agreement, AgreementParty.signatory, record_id),
        _through(N_("Programs"), AgreementProgram.agreement, AgreementProgram.program, record_id),
        _through(
            N_("Delegations"),
            DelegationAgreement.agreement,
            DelegationAgreement.delegation,
            record_id,
        ),
        _sources_of("agreement", [record_id]),
    ]


def _figure(record_id: int) -> list[LinkGroup]:
    figure = KeyFigure.get_by_id(record_id)
    return [
        _country(figure.country_id),
        _group(
            N_("Organization"),
            Organization.select().where(Organization.id == figure.organization_id),
        ),
        _group(N_("Program"), Program.select().where(Program.id == figure.program_id)),
        _group(N_("Source"), Source.select().where(Source.id == figure.source_id)),
    ]


# What a source mentions, a group for each kind.
MENTIONED = {
    "organization": N_("Organizations it mentions"),
    "person": N_("People it mentions"),
    "event": N_("Events it mentions"),
    "delegation": N_("Delegations it mentions"),
    "program": N_("Programs it mentions"),
    "agreement": N_("Agreements it mentions"),
    "figure": N_("Key figures it mentions"),
    "source": N_("Sources it mentions"),
}


def _source(record_id: int) -> list[LinkGroup]:
    groups = []
    mentions = SourceMention.select().where(SourceMention.source == record_id)
    for model, kind in KIND_OF.items():
        ids = mentions.select(SourceMention.record_id).where(SourceMention.record_kind == kind)
        groups.append(_group(MENTIONED[kind], model.select().where(model.id.in_(ids))))
    groups.append(
        _group(N_("Key figures from it"), KeyFigure.select().where(KeyFigure.source == record_id))
    )
    return groups


_LINKS: dict[str, Callable[[int], list[LinkGroup]]] = {
    "organization": _organization,
    "person": _person,
    "event": _event,
    "delegation": _delegation,
    "program": _program,
    "agreement": _agreement,
    "figure": _figure,
    "source": _source,
}


def linked_records(kind: str, record_id: int) -> list[LinkGroup]:
    """Everything linked to a record, grouped by kind; empty groups are left out."""
    return [group for group in _LINKS[kind](record_id) if group.total]


def _country_scope(code: str) -> dict[str, ModelSelect]:
    """The ids of the records about a country, as its brief takes them: its organizations,
    their people, the events and delegations held there or with those organizations or
    people, the programs and agreements of those organizations, the figures about it."""
    in_country = Organization.select(Organization.id).where(Organization.country == code)
    people = Person.select(Person.id).where(Person.organization.in_(in_country))
    taking_part = EventParticipant.select(EventParticipant.event).where(
        EventParticipant.organization.in_(in_country) | EventParticipant.person.in_(people)
    )
    partnering = ProgramPartner.select(ProgramPartner.program).where(
        ProgramPartner.organization.in_(in_country)
    )
    programs = Program.select(Program.id).where(
        Program.lead.in_(in_country) | Program.id.in_(partnering)
    )
    return {
        "organization": in_country,
        "person": people,
        "event": Event.select(Event.id).where((Event.country == code) | Event.id.in_(taking_part)),
        "delegation": Delegation.select(Delegation.id).where(
            (Delegation.country == code)
            | Delegation.organization.in_(in_country)
            | Delegation.head.in_(people)
        ),
        "program": programs,
        "agreement": AgreementParty.select(AgreementParty.agreement).where(
            AgreementParty.organization.in_(in_country)
        ),
        "figure": KeyFigure.select(KeyFigure.id).where(
            (KeyFigure.country == code)
            | KeyFigure.organization.in_(in_country)
            | KeyFigure.program.in_(programs)
        ),
    }


def country_records(code: str) -> list[LinkGroup]:
    """Everything about one country, as its brief gathers it: its organizations and what is
    linked to them, the events and delegations held there and the figures about it."""
    scope = _country_scope(code)
    groups = [
        _group(
            N_("Organizations"),
            Organization.select()
            .where(Organization.id.in_(scope["organization"]))
            .order_by(sorted_in_language(Organization), Organization.id),
        ),
        _group(
            N_("People"),
            Person.select(Person, Organization)
            .join(Organization)
            .where(Person.id.in_(scope["person"]))
            .order_by(sorted_in_language(Person), Person.id),
            detail=lambda p: _organization_name(p.organization) if p.organization_id else "",
        ),
        _group(
            N_("Events"),
            Event.select()
            .where(Event.id.in_(scope["event"]))
            .order_by(Event.starts_on.desc(nulls="LAST")),
            detail=lambda event: _held_in(event.country_id, code),
        ),
        _group(
            N_("Delegations"),
            Delegation.select()
            .where(Delegation.id.in_(scope["delegation"]))
            .order_by(Delegation.starts_on.desc(nulls="LAST")),
            detail=lambda delegation: _held_in(delegation.country_id, code),
        ),
        _group(
            N_("Programs"),
            Program.select()
            .where(Program.id.in_(scope["program"]))
            .order_by(sorted_in_language(Program), Program.id),
        ),
        _group(
            N_("Agreements"),
            Agreement.select()
            .where(Agreement.id.in_(scope["agreement"]))
            .order_by(Agreement.signed_on.desc(nulls="LAST")),
        ),
        _group(N_("Key figures"), KeyFigure.select().where(KeyFigure.id.in_(scope["figure"]))),
        _sources_of("organization", scope["organization"]),
    ]
    return [group for group in groups if group.total]


def _held_in(where: str | None, code: str) -> str:
    """How an event or a delegation belongs to a country's page: held there, or elsewhere
    with its partners."""
    if where == code:
        return N_("Held there")
    if where:
        return _("In {country}").format(country=country_name(where))
    return N_("With its partners")


@dataclass(frozen=True)
class CountryCount:
    """A country that has records, with how many of each kind its page shows."""

    code: str
    name: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _per_country(*pairs: ModelSelect) -> dict[str, int]:
    """How many records each country has, from queries of (record, country) pairs: a record
    linked to a country in several ways counts once (UNION drops the repeated pairs)."""
    union = pairs[0]
    for more in pairs[1:]:
        union = union.union(more)
    linked = union.alias("linked")
    query = (
        Select([linked], [SQL("country"), fn.COUNT(SQL("record"))])
        .where(SQL("country").is_null(False))
        .group_by(SQL("country"))
        .bind(Organization._meta.database)
    )
    return dict(query.tuples())


def _home(record: Field, *path: tuple[type[RecordModel], Node]) -> ModelSelect:
    """(record, country of the organization reached by ``path``) pairs: each step of the
    path is a table and how it joins."""
    query = record.model.select(record.alias("record"), Organization.country.alias("country"))
    for table, on in path:
        query = query.join(table, on=on)
    return query


def _country_pairs(kind: str) -> list[ModelSelect]:
    """The (record, country) pairs of one kind of record: the country it is held in or
    about, and the countries of the partners it is linked to."""
    org = Organization
    by_head = ((Person, Person.id == Delegation.head), (org, Person.organization == org.id))
    through_person = (
        (Person, EventParticipant.person == Person.id),
        (org, Person.organization == org.id),
    )
    if kind == "organization":
        return [_home(org.id)]
    if kind == "person":
        return [_home(Person.id, (org, Person.organization == org.id))]
    if kind == "event":
        return [
            Event.select(Event.id.alias("record"), Event.country.alias("country")),
            _home(EventParticipant.event, (org, EventParticipant.organization == org.id)),
            _home(EventParticipant.event, *through_person),
        ]
    if kind == "delegation":
        return [
            Delegation.select(Delegation.id.alias("record"), Delegation.country.alias("country")),
            _home(Delegation.id, (org, Delegation.organization == org.id)),
            _home(Delegation.id, *by_head),
        ]
    if kind == "program":
        return [
            _home(Program.id, (org, Program.lead == org.id)),
            _home(ProgramPartner.program, (org, ProgramPartner.organization == org.id)),
        ]
    if kind == "agreement":
        return [_home(AgreementParty.agreement, (org, AgreementParty.organization == org.id))]
    if kind == "figure":
        return [
            KeyFigure.select(KeyFigure.id.alias("record"), KeyFigure.country.alias("country")),
            _home(KeyFigure.id, (org, KeyFigure.organization == org.id)),
            _home(
                KeyFigure.id,
                (Program, KeyFigure.program == Program.id),
                (org, Program.lead == org.id),
            ),
            _home(
                KeyFigure.id,
                (ProgramPartner, KeyFigure.program == ProgramPartner.program),
                (org, ProgramPartner.organization == org.id),
            ),
        ]
    if kind == "source":
        return [
            _home(SourceMention.source, (org, SourceMention.record_id == org.id)).where(
                SourceMention.record_kind == "organization"
            )
        ]
    raise ValueError(kind)


# The kinds the Countries page counts, in its order: every kind of record.
COUNTED_KINDS = tuple(RECORD_KINDS)


def records_per_country(kind: str) -> dict[str, int]:
    """How many records of one kind each country has, by ISO code, counted as the Countries
    page counts them (held there, or linked to its partners); one grouped query."""
    return _per_country(*_country_pairs(kind))


def countries_with_records() -> list[CountryCount]:
    """Every country that has records, by name, with their counts, as the Countries page
    lists them; a few grouped queries, whatever the number of records."""
    counts = {kind: records_per_country(kind) for kind in COUNTED_KINDS}
    codes = {code for by_country in counts.values() for code in by_country}
    countries = Country.select().where(Country.code.in_(sorted(codes))).order_by(COUNTRY_ORDER)
    return [
        CountryCount(
            country.code,
            country.name(language()),
            {kind: by_country.get(country.code, 0) for kind, by_country in counts.items()},
        )
        for country in countries
    ]
