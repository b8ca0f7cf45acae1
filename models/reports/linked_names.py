"""Names linked to many rows at once (parties, participants, partners, members), each
read in one query for all the rows of a part."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from peewee import JOIN

from models.kinds.figures import figure_wording
from models.kinds.organizations import ORGANIZATION_NAME, ORGANIZATION_ORDER
from models.reports.report import date_text, org_title
from models.store.records import (
    AgreementParty,
    Area,
    DelegationMember,
    EventParticipant,
    KeyFigure,
    Organization,
    OrganizationArea,
    Person,
    ProgramPartner,
)
from models.words.choices import (
    PARTICIPANT_ROLES,
    PARTICIPANT_STATUSES,
)
from models.words.labels import in_sentence
from models.words.translation import _


def _titled(name: str, short_name: str) -> str:
    """An organization as its editor titles it: "Name (ACRONYM)"."""
    return f"{name} ({short_name})" if short_name and short_name != name else name


def party_names(agreement_ids: Iterable[int]) -> dict[int, list[str]]:
    signatory = Person.alias("signatory")
    query = (
        AgreementParty.select(
            AgreementParty.agreement,
            ORGANIZATION_NAME,
            Organization.short_name,
            signatory.full_name,
        )
        .join(Organization, on=(AgreementParty.organization == Organization.id))
        .join_from(
            AgreementParty,
            signatory,
            JOIN.LEFT_OUTER,
            on=(AgreementParty.signatory == signatory.id),
        )
        .where(AgreementParty.agreement.in_(list(agreement_ids)))
        .order_by(ORGANIZATION_ORDER, Organization.id)
        .tuples()
    )
    result: dict[int, list[str]] = defaultdict(list)
    for agreement_id, name, short_name, signed_by in query:
        party = _titled(name, short_name)
        result[agreement_id].append(
            _("{party}, signed by {person}").format(party=party, person=signed_by)
            if signed_by
            else party
        )
    return result


def party_country_names(agreement_ids: Iterable[int]) -> dict[int, list[str]]:
    query = (
        AgreementParty.select(AgreementParty.agreement, Organization.country)
        .join(Organization)
        .where(
            AgreementParty.agreement.in_(list(agreement_ids)) & Organization.country.is_null(False)
        )
        .distinct()
        .tuples()
    )
    result: dict[int, list[str]] = defaultdict(list)
    for agreement_id, code in query:
        result[agreement_id].append(code)
    return result


def participant_names(event_ids: Iterable[int]) -> dict[int, list[str]]:
    query = (
        EventParticipant.select(EventParticipant, Person, Organization)
        .join_from(EventParticipant, Person, JOIN.LEFT_OUTER)
        .join_from(EventParticipant, Organization, JOIN.LEFT_OUTER)
        .where(EventParticipant.event.in_(list(event_ids)))
        .order_by(EventParticipant.id)
    )
    result: dict[int, list[str]] = defaultdict(list)
    for row in query:
        who = row.person.full_name if row.person_id else org_title(row.organization)
        role = PARTICIPANT_ROLES.label(row.role)
        status = in_sentence(PARTICIPANT_STATUSES.label(row.status))
        result[row.event_id].append(f"{who} ({role}, {status})")
    return result


def member_names(delegation_ids: Iterable[int]) -> dict[tuple[int, str], list[str]]:
    query = (
        DelegationMember.select(DelegationMember, Person)
        .join(Person)
        .where(DelegationMember.delegation.in_(list(delegation_ids)))
        .order_by(DelegationMember.id)
    )
    result: dict[tuple[int, str], list[str]] = defaultdict(list)
    for row in query:
        name = row.person.full_name
        if row.person.position:
            name = f"{name}, {row.person.position}"
        result[(row.delegation_id, row.side)].append(name)
    return result


def program_partners(program_ids: Iterable[int]) -> dict[int, list[tuple[Organization, str]]]:
    query = (
        ProgramPartner.select(ProgramPartner, Organization)
        .join(Organization)
        .where(ProgramPartner.program.in_(list(program_ids)))
        .order_by(ORGANIZATION_ORDER, Organization.id)
    )
    result: dict[int, list[tuple[Organization, str]]] = defaultdict(list)
    for row in query:
        result[row.program_id].append((row.organization, row.role))
    return result


def figures_by_program(program_ids: Iterable[int]) -> dict[int, list[KeyFigure]]:
    query = (
        KeyFigure.select()
        .where(KeyFigure.program.in_(list(program_ids)))
        .order_by(KeyFigure.as_of.desc(nulls="LAST"), KeyFigure.measure)
    )
    result: dict[int, list[KeyFigure]] = defaultdict(list)
    for figure in query:
        result[figure.program_id].append(figure)
    return result


def area_names_by_organization(organization_ids: Iterable[int]) -> dict[int, list[str]]:
    query = (
        OrganizationArea.select(OrganizationArea.organization, Area.name)
        .join(Area)
        .where(OrganizationArea.organization.in_(list(organization_ids)))
        .order_by(Area.name)
        .tuples()
    )
    result: dict[int, list[str]] = defaultdict(list)
    for organization_id, name in query:
        result[organization_id].append(name)
    return result


def figure_text(figure: KeyFigure) -> str:
    wording = figure_wording(
        figure.qualifier, figure.value, figure.unit, figure.measure, figure.period_label
    )
    if not figure.as_of:
        return wording
    return _("{figure} (as of {date})").format(figure=wording, date=date_text(figure.as_of))
