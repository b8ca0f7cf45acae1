"""What the meeting reports hold, read from the database: a brief on one partner or one
country, the activity of a period, the agreements due, and the programs with their figures.

A report is plain data (parts of rows under column headings), so the Excel writer, the
window and the tests share it. Every part is a few queries with their joins, never one
query per row: linked names (parties, participants, partners, members) are read for all the
rows of a part at once.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from peewee import JOIN, ModelSelect, fn

from models.agreements import agreement_status, status_expression
from models.choices import (
    AGREEMENT_KINDS,
    AGREEMENT_STATUSES,
    DELEGATION_DIRECTIONS,
    EVENT_KINDS,
    FIGURE_QUALIFIERS,
    ORGANIZATION_KINDS,
    ORGANIZATION_STATUSES,
    PARTICIPANT_ROLES,
    PARTICIPANT_STATUSES,
    PARTNER_ROLES,
    PROGRAM_KINDS,
    PROGRAM_STATUSES,
)
from models.countries import country_name
from models.errors import SeriktesError
from models.events import events_in
from models.figures import figure_wording
from models.listing import ListRequest
from models.organizations import ORGANIZATIONS
from models.programs import PROGRAM_LIST
from models.records import (
    Agreement,
    AgreementParty,
    Area,
    Country,
    Delegation,
    DelegationMember,
    Event,
    EventParticipant,
    FollowUp,
    KeyFigure,
    Organization,
    OrganizationArea,
    Person,
    Program,
    ProgramPartner,
    Source,
)
from models.text import fold, name_key

TEXT, DATE, NUMBER, MONEY = "text", "date", "number", "money"
EXPIRING_DAYS = 90
# How many names a cell lists before saying how many more there are.
NAMES_IN_A_CELL = 30


class ReportRefused(SeriktesError):
    """A report cannot be made as asked (an unknown organization or country)."""


@dataclass(frozen=True)
class ReportColumn:
    label: str
    kind: str = TEXT  # TEXT, DATE, NUMBER or MONEY
    width: int | None = None  # characters; else fitted to the content


@dataclass(frozen=True)
class PartChart:
    """A bar chart of one column against another, one chart per value of ``group_column``
    (budgets in different currencies are not drawn against each other)."""

    title: str
    label_column: int
    value_column: int
    group_column: int | None = None


@dataclass
class ReportPart:
    """One part of a report, shown on a sheet of its own."""

    name: str  # short, for the sheet's tab: "Agreements"
    title: str  # the heading on the sheet
    columns: tuple[ReportColumn, ...]
    rows: list[tuple]
    empty: str = "None recorded."
    chart: PartChart | None = None


@dataclass
class Report:
    title: str
    selection: str  # what was asked, in one line
    parts: list[ReportPart] = field(default_factory=list)
    file_stem: str = ""  # a name for the file, without the date

    def part(self, name: str) -> ReportPart:
        return next(part for part in self.parts if part.name == name)


# -- small helpers -----------------------------------------------------------------------------


def date_text(value: dt.date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else ""


def period_text(start: dt.date, end: dt.date) -> str:
    return f"{date_text(start)} – {date_text(end)}"


def _names_cell(names: Sequence[str]) -> str:
    shown = list(names[:NAMES_IN_A_CELL])
    if len(names) > NAMES_IN_A_CELL:
        shown.append(f"and {len(names) - NAMES_IN_A_CELL} more")
    return "; ".join(shown)


def _ids(query: ModelSelect) -> list[int]:
    return [row[0] for row in query.tuples()]


def _org_title(organization: Organization) -> str:
    return ORGANIZATIONS.title(organization)


def _country(code: str | None) -> str:
    """A country's English name, from one read of the country table per report."""
    if not code:
        return ""
    if code not in _COUNTRY_NAMES:
        _COUNTRY_NAMES.clear()
        _COUNTRY_NAMES.update(Country.select(Country.code, Country.name_en).tuples())
    return _COUNTRY_NAMES.get(code, code)


# Filled from the database's country table when a report first needs a name; the names are
# the same in every database (ISO 3166, from pycountry).
_COUNTRY_NAMES: dict[str, str] = {}


def _place(city: str, code: str | None) -> str:
    return ", ".join(part for part in (city, _country(code)) if part)


def _label(choices, code: str | None) -> str:
    return choices.label(code) if code else ""


def _days_left(expires: dt.date | None, today: dt.date) -> int | None:
    return (expires - today).days if expires else None


# -- linked names, read for many rows at once ----------------------------------------------------


def _titled(name: str, short_name: str) -> str:
    """An organization as its editor titles it: "Name (ACRONYM)"."""
    return f"{name} ({short_name})" if short_name and short_name != name else name


def _parties(agreement_ids: Iterable[int]) -> dict[int, list[str]]:
    signatory = Person.alias("signatory")
    query = (
        AgreementParty.select(
            AgreementParty.agreement,
            Organization.name,
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
        .order_by(Organization.name_key)
        .tuples()
    )
    result: dict[int, list[str]] = defaultdict(list)
    for agreement_id, name, short_name, signed_by in query:
        party = _titled(name, short_name)
        result[agreement_id].append(f"{party}, signed by {signed_by}" if signed_by else party)
    return result


def _party_countries(agreement_ids: Iterable[int]) -> dict[int, list[str]]:
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


def _participants(event_ids: Iterable[int]) -> dict[int, list[str]]:
    query = (
        EventParticipant.select(EventParticipant, Person, Organization)
        .join_from(EventParticipant, Person, JOIN.LEFT_OUTER)
        .join_from(EventParticipant, Organization, JOIN.LEFT_OUTER)
        .where(EventParticipant.event.in_(list(event_ids)))
        .order_by(EventParticipant.id)
    )
    result: dict[int, list[str]] = defaultdict(list)
    for row in query:
        who = row.person.full_name if row.person_id else _org_title(row.organization)
        role = PARTICIPANT_ROLES.label(row.role)
        status = PARTICIPANT_STATUSES.label(row.status).lower()
        result[row.event_id].append(f"{who} ({role}, {status})")
    return result


def _members(delegation_ids: Iterable[int]) -> dict[tuple[int, str], list[str]]:
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


def _partners(program_ids: Iterable[int]) -> dict[int, list[tuple[Organization, str]]]:
    query = (
        ProgramPartner.select(ProgramPartner, Organization)
        .join(Organization)
        .where(ProgramPartner.program.in_(list(program_ids)))
        .order_by(Organization.name_key)
    )
    result: dict[int, list[tuple[Organization, str]]] = defaultdict(list)
    for row in query:
        result[row.program_id].append((row.organization, row.role))
    return result


def _program_figures(program_ids: Iterable[int]) -> dict[int, list[KeyFigure]]:
    query = (
        KeyFigure.select()
        .where(KeyFigure.program.in_(list(program_ids)))
        .order_by(KeyFigure.as_of.desc(nulls="LAST"), KeyFigure.measure)
    )
    result: dict[int, list[KeyFigure]] = defaultdict(list)
    for figure in query:
        result[figure.program_id].append(figure)
    return result


def _areas(organization_ids: Iterable[int]) -> dict[int, list[str]]:
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


def _figure_text(figure: KeyFigure) -> str:
    wording = figure_wording(
        figure.qualifier, figure.value, figure.unit, figure.measure, figure.period_label
    )
    return f"{wording} (as of {date_text(figure.as_of)})" if figure.as_of else wording


# -- parts: one function per kind of row --------------------------------------------------------


def partners_part(
    organizations: ModelSelect, title: str, relation: dict[int, str] | None = None
) -> ReportPart:
    parent = Organization.alias("parent")
    query = (
        organizations.select(Organization, parent.name.alias("parent_name"))
        .join_from(Organization, parent, JOIN.LEFT_OUTER, on=(Organization.parent == parent.id))
        .order_by(Organization.name_key)
    )
    records = list(query.objects())  # the parent's name set on each organization
    areas = _areas(o.id for o in records)
    columns = [
        ReportColumn("Name"),
        ReportColumn("Short name"),
        ReportColumn("Kind"),
        ReportColumn("Country"),
        ReportColumn("City"),
        ReportColumn("Status"),
        ReportColumn("Website"),
        ReportColumn("Part of"),
        ReportColumn("Areas of cooperation"),
    ]
    rows = [
        (
            o.name,
            o.short_name,
            _label(ORGANIZATION_KINDS, o.kind),
            _country(o.country_id),
            o.city,
            _label(ORGANIZATION_STATUSES, o.status),
            o.website,
            o.parent_name or "",
            ", ".join(areas.get(o.id, [])),
        )
        for o in records
    ]
    if relation is not None:
        columns.insert(1, ReportColumn("Relation"))
        rows = [
            (row[0], relation.get(o.id, ""), *row[1:]) for row, o in zip(rows, records, strict=True)
        ]
    return ReportPart("Partners", title, tuple(columns), rows)


def people_part(people: ModelSelect, title: str) -> ReportPart:
    query = (
        people.select(Person, Organization)
        .join_from(Person, Organization, JOIN.LEFT_OUTER)
        .order_by(Person.name_key)
    )
    rows = [
        (
            p.full_name,
            p.position,
            _org_title(p.organization) if p.organization_id else "",
            p.email,
            p.phone,
        )
        for p in query
    ]
    columns = (
        ReportColumn("Full name"),
        ReportColumn("Position"),
        ReportColumn("Organization"),
        ReportColumn("E-mail"),
        ReportColumn("Phone"),
    )
    return ReportPart("People", title, columns, rows)


AGREEMENT_COLUMNS = (
    ReportColumn("Title"),
    ReportColumn("Kind"),
    ReportColumn("Parties and signatories"),
    ReportColumn("Status"),
    ReportColumn("Signed", DATE),
    ReportColumn("Expires", DATE),
    ReportColumn("Days left", NUMBER),
    ReportColumn("Reference"),
)


def _agreement_row(agreement: Agreement, parties: list[str], today: dt.date) -> tuple:
    status = agreement_status(agreement, today)
    expires: Any = agreement.expires_on or ("open-ended" if agreement.open_ended else None)
    days = _days_left(agreement.expires_on, today) if status == "in_force" else None
    return (
        agreement.title,
        _label(AGREEMENT_KINDS, agreement.kind),
        "; ".join(parties),
        AGREEMENT_STATUSES.label(status),
        agreement.signed_on,
        expires,
        days,
        agreement.reference_number,
    )


# A brief lists what holds first, then what is being prepared, then what has ended.
STATUS_ORDER = ("in_force", "negotiating", "draft", "expired", "terminated")


def agreements_part(
    agreements: ModelSelect,
    title: str,
    today: dt.date,
    name: str = "Agreements",
    by_status: bool = False,
) -> ReportPart:
    """Agreements in the query's order, or ``by_status``: those in force first (the soonest
    to expire first), then those in preparation, then those that ended (the latest first)."""
    records = list(agreements)
    far = dt.date.max.toordinal()

    def order(agreement: Agreement) -> tuple:
        status = agreement_status(agreement, today)
        rank = STATUS_ORDER.index(status) if status in STATUS_ORDER else len(STATUS_ORDER)
        expires = agreement.expires_on.toordinal() if agreement.expires_on else far
        return (rank, expires if rank < 3 else -expires, agreement.title)

    if by_status:
        records.sort(key=order)
    parties = _parties(a.id for a in records)
    rows = [_agreement_row(a, parties.get(a.id, []), today) for a in records]
    return ReportPart(name, title, AGREEMENT_COLUMNS, rows)


def events_part(
    events: ModelSelect, title: str, name: str = "Events", newest_first: bool = True
) -> ReportPart:
    starts = Event.starts_on.desc(nulls="LAST") if newest_first else Event.starts_on.asc()
    records = list(events.order_by(starts, Event.title))
    participants = _participants(e.id for e in records)
    rows = [
        (
            e.starts_on,
            e.ends_on if e.ends_on != e.starts_on else None,
            e.title,
            _label(EVENT_KINDS, e.kind),
            ", ".join(p for p in (e.venue, _place(e.city, e.country_id)) if p),
            _names_cell(participants.get(e.id, [])),
            e.outcomes or e.summary,
        )
        for e in records
    ]
    columns = (
        ReportColumn("Starts", DATE),
        ReportColumn("Ends", DATE),
        ReportColumn("Title"),
        ReportColumn("Kind"),
        ReportColumn("Place"),
        ReportColumn("Participants"),
        ReportColumn("Outcomes"),
    )
    return ReportPart(name, title, columns, rows)


def delegations_part(
    delegations: ModelSelect, title: str, name: str = "Delegations", newest_first: bool = True
) -> ReportPart:
    head = Person.alias("head")
    starts = Delegation.starts_on.desc(nulls="LAST") if newest_first else Delegation.starts_on
    query = (
        delegations.select(Delegation, Organization, head)
        .join_from(Delegation, Organization, JOIN.LEFT_OUTER)
        .join_from(Delegation, head, JOIN.LEFT_OUTER, on=(Delegation.head == head.id))
        .order_by(starts, Delegation.title)
    )
    records = list(query)
    members = _members(d.id for d in records)
    rows = []
    for d in records:
        rows.append(
            (
                d.starts_on,
                d.ends_on if d.ends_on != d.starts_on else None,
                DELEGATION_DIRECTIONS.label(d.direction),
                d.title,
                _org_title(d.organization) if d.organization_id else "",
                d.head.full_name if d.head_id else "",
                _names_cell(members.get((d.id, "member"), [])),
                _names_cell(members.get((d.id, "counterpart"), [])),
                ", ".join(p for p in (d.place, _place(d.city, d.country_id)) if p),
                d.purpose,
                d.outcomes,
            )
        )
    columns = (
        ReportColumn("Starts", DATE),
        ReportColumn("Ends", DATE),
        ReportColumn("Direction"),
        ReportColumn("Title"),
        ReportColumn("Organization"),
        ReportColumn("Head"),
        ReportColumn("Members"),
        ReportColumn("Counterparts met"),
        ReportColumn("Place"),
        ReportColumn("Purpose"),
        ReportColumn("Outcomes"),
    )
    return ReportPart(name, title, columns, rows)


def follow_up_state(follow_up: FollowUp, today: dt.date) -> str:
    if follow_up.done:
        return "Done"
    if follow_up.due_on and follow_up.due_on < today:
        return "Overdue"
    return "Open"


def follow_ups_part(follow_ups: ModelSelect, title: str, today: dt.date) -> ReportPart:
    responsible = Person.alias("responsible")
    query = (
        follow_ups.select(FollowUp, Delegation, responsible)
        .join_from(FollowUp, Delegation)
        .join_from(
            FollowUp,
            responsible,
            JOIN.LEFT_OUTER,
            on=(FollowUp.responsible_person == responsible.id),
        )
        .order_by(FollowUp.done, FollowUp.due_on.asc(nulls="LAST"), FollowUp.id)
    )
    rows = []
    for f in query:
        who = f.responsible or (f.responsible_person.full_name if f.responsible_person_id else "")
        rows.append(
            (
                f.due_on,
                f.action,
                who,
                f.delegation.title,
                f.delegation.starts_on,
                follow_up_state(f, today),
                f.done_on,
            )
        )
    columns = (
        ReportColumn("Due", DATE),
        ReportColumn("Action"),
        ReportColumn("Responsible"),
        ReportColumn("Delegation"),
        ReportColumn("Delegation's date", DATE),
        ReportColumn("State"),
        ReportColumn("Done on", DATE),
    )
    return ReportPart("Follow-ups", title, columns, rows)


PROGRAM_COLUMNS = (
    ReportColumn("Name"),
    ReportColumn("Kind"),
    ReportColumn("Status"),
    ReportColumn("Lead organization"),
    ReportColumn("Partners"),
    ReportColumn("Starts", DATE),
    ReportColumn("Ends", DATE),
    ReportColumn("Budget", MONEY),
    ReportColumn("Currency"),
    ReportColumn("Key figures"),
)


def _program_rows(records: list[Program]) -> list[tuple]:
    ids = [p.id for p in records]
    partners = _partners(ids)
    figures = _program_figures(ids)
    leads = {
        o.id: _org_title(o)
        for o in Organization.select().where(Organization.id.in_([p.lead_id for p in records]))
    }
    rows = []
    for p in records:
        named = [
            f"{_org_title(o)} ({PARTNER_ROLES.label(role)})" for o, role in partners.get(p.id, [])
        ]
        rows.append(
            (
                p.name if not p.short_name else f"{p.name} ({p.short_name})",
                _label(PROGRAM_KINDS, p.kind),
                _label(PROGRAM_STATUSES, p.status),
                leads.get(p.lead_id, ""),
                _names_cell(named),
                p.starts_on,
                p.ends_on,
                p.budget,
                p.currency,
                "\n".join(_figure_text(f) for f in figures.get(p.id, [])[:10]),
            )
        )
    return rows


def programs_part(programs: ModelSelect, title: str) -> ReportPart:
    records = list(programs.order_by(Program.name))
    return ReportPart("Programs", title, PROGRAM_COLUMNS, _program_rows(records))


def figures_part(figures: ModelSelect, title: str) -> ReportPart:
    query = (
        figures.select(KeyFigure, Organization, Program, Source)
        .join_from(KeyFigure, Organization, JOIN.LEFT_OUTER)
        .join_from(KeyFigure, Program, JOIN.LEFT_OUTER)
        .join_from(KeyFigure, Source, JOIN.LEFT_OUTER)
        .order_by(KeyFigure.measure, KeyFigure.as_of.desc(nulls="LAST"))
    )
    rows = []
    for f in query:
        about = [
            _country(f.country_id),
            _org_title(f.organization) if f.organization_id else "",
            f.program.name if f.program_id else "",
        ]
        rows.append(
            (
                f.measure,
                "" if f.qualifier == "exact" else _label(FIGURE_QUALIFIERS, f.qualifier),
                f.value,
                f.unit,
                f.period_label,
                f.as_of,
                "; ".join(a for a in about if a),
                f.source.title if f.source_id else "",
            )
        )
    columns = (
        ReportColumn("What is measured"),
        ReportColumn("Qualifier"),
        ReportColumn("Value", NUMBER),
        ReportColumn("Unit"),
        ReportColumn("Period"),
        ReportColumn("As of", DATE),
        ReportColumn("About"),
        ReportColumn("Source"),
    )
    return ReportPart("Key figures", title, columns, rows)


def overview_part(title: str, facts: list[tuple[str, Any]]) -> ReportPart:
    columns = (ReportColumn("Item", width=34), ReportColumn("Details", width=90))
    rows = [(label, value) for label, value in facts if value not in (None, "")]
    return ReportPart("Overview", title, columns, rows)


# -- the brief --------------------------------------------------------------------------------


@dataclass
class _Scope:
    """What a brief is about, as queries: its organizations, and the events and delegations
    held in its country."""

    organizations: ModelSelect
    country: str | None = None


def find_organization(text: str) -> Organization:
    """An organization named on the command line: its number, acronym or any of its names.
    Refuses, saying why, when none or several match."""
    text = text.strip()
    if text.isdigit():
        found = Organization.get_or_none(Organization.id == int(text))
        if found is None:
            raise ReportRefused(f"There is no organization no. {text}.")
        return found
    key = name_key(text)
    exact = list(
        Organization.select()
        .where(
            (Organization.name_key == key)
            | (fn.LOWER(Organization.short_name) == text.lower())
            | (Organization.name_ru == text)
            | (Organization.name_kk == text)
            | (Organization.name_original == text)
        )
        .limit(10)
    )
    if not exact:
        folded = fold(text)
        exact = list(
            Organization.select().where(Organization.search_text.contains(folded)).limit(10)
        )
    if not exact:
        raise ReportRefused(
            f"No organization is called “{text}”. Give its name, acronym or number."
        )
    if len(exact) > 1:
        names = "; ".join(f"{_org_title(o)} (no. {o.id})" for o in exact[:5])
        raise ReportRefused(f"“{text}” names several organizations: {names}. Give its number.")
    return exact[0]


def _with_branches(organization_id: int) -> list[int]:
    ids, frontier = [organization_id], [organization_id]
    while frontier:
        frontier = _ids(
            Organization.select(Organization.id).where(
                Organization.parent.in_(frontier) & Organization.id.not_in(ids)
            )
        )
        ids += frontier
    return ids


def _brief_parts(scope: _Scope, label: str, today: dt.date, relation=None) -> list[ReportPart]:
    orgs = scope.organizations
    people = Person.select(Person.id).where(Person.organization.in_(orgs))
    agreements = (
        Agreement.select()
        .where(
            Agreement.id.in_(
                AgreementParty.select(AgreementParty.agreement).where(
                    AgreementParty.organization.in_(orgs)
                )
            )
        )
        .order_by(Agreement.expires_on.asc(nulls="LAST"), Agreement.title)
    )
    taking_part = EventParticipant.select(EventParticipant.event).where(
        EventParticipant.organization.in_(orgs) | EventParticipant.person.in_(people)
    )
    events_where = Event.id.in_(taking_part)
    delegations_where = Delegation.organization.in_(orgs) | Delegation.head.in_(people)
    if scope.country:
        events_where |= Event.country == scope.country
        delegations_where |= Delegation.country == scope.country
    delegations = Delegation.select().where(delegations_where)
    partnering = ProgramPartner.select(ProgramPartner.program).where(
        ProgramPartner.organization.in_(orgs)
    )
    programs = Program.select().where(Program.lead.in_(orgs) | Program.id.in_(partnering))
    figures_where = KeyFigure.organization.in_(orgs) | KeyFigure.program.in_(
        programs.select(Program.id)
    )
    if scope.country:
        figures_where |= KeyFigure.country == scope.country
    return [
        partners_part(
            Organization.select().where(Organization.id.in_(orgs)),
            f"Partners — {label}",
            relation,
        ),
        people_part(Person.select().where(Person.organization.in_(orgs)), f"People — {label}"),
        agreements_part(agreements, f"Agreements — {label}", today, by_status=True),
        events_part(Event.select().where(events_where), f"Events — {label}"),
        delegations_part(delegations, f"Delegations — {label}"),
        follow_ups_part(
            FollowUp.select().where(FollowUp.delegation.in_(delegations.select(Delegation.id))),
            f"Follow-up actions of the delegations — {label}",
            today,
        ),
        programs_part(programs, f"Programs — {label}"),
        figures_part(KeyFigure.select().where(figures_where), f"Key figures — {label}"),
    ]


def _counts(parts: list[ReportPart], today: dt.date) -> list[tuple[str, Any]]:
    by_name = {part.name: part for part in parts}
    agreements = by_name["Agreements"].rows
    in_force = [row for row in agreements if row[3] == AGREEMENT_STATUSES.label("in_force")]
    expiring = [row for row in in_force if row[6] is not None and row[6] <= EXPIRING_DAYS]
    follow_ups = by_name["Follow-ups"].rows
    events = by_name["Events"].rows
    coming = sorted((row for row in events if row[0] and row[0] >= today), key=lambda r: r[0])
    past = [row for row in events if row[0] and row[0] < today]
    return [
        ("Partners", len(by_name["Partners"].rows)),
        ("People", len(by_name["People"].rows)),
        ("Agreements", len(agreements)),
        ("Agreements in force", len(in_force)),
        (f"Agreements expiring within {EXPIRING_DAYS} days", len(expiring)),
        ("Events", len(events)),
        ("Next event", f"{date_text(coming[0][0])} {coming[0][2]}" if coming else "—"),
        ("Last event", f"{date_text(past[0][0])} {past[0][2]}" if past else "—"),
        ("Delegations", len(by_name["Delegations"].rows)),
        ("Follow-up actions open", sum(1 for row in follow_ups if row[5] != "Done")),
        ("Follow-up actions overdue", sum(1 for row in follow_ups if row[5] == "Overdue")),
        ("Programs", len(by_name["Programs"].rows)),
        ("Key figures", len(by_name["Key figures"].rows)),
    ]


def organization_brief(organization_id: int, today: dt.date | None = None) -> Report:
    """Everything about one partner and its branches: the organization itself, its people,
    agreements with their status and expiry, the events and delegations it took part in and
    their follow-ups, its programs and key figures."""
    today = today or dt.date.today()
    organization = Organization.get_or_none(Organization.id == organization_id)
    if organization is None:
        raise ReportRefused(f"There is no organization no. {organization_id}.")
    ids = _with_branches(organization.id)
    label = organization.short_name or organization.name
    relation = {organization.id: "This organization"} | {i: "Branch or part" for i in ids[1:]}
    scope = _Scope(Organization.select(Organization.id).where(Organization.id.in_(ids)))
    parts = _brief_parts(scope, label, today, relation)
    parent = organization.parent
    facts: list[tuple[str, Any]] = [
        ("Name", organization.name),
        ("Short name", organization.short_name),
        ("Name in Kazakh", organization.name_kk),
        ("Name in Russian", organization.name_ru),
        ("Original name", organization.name_original),
        ("Kind", _label(ORGANIZATION_KINDS, organization.kind)),
        ("Status", _label(ORGANIZATION_STATUSES, organization.status)),
        ("Country", _country(organization.country_id)),
        ("City", organization.city),
        ("Website", organization.website),
        ("E-mail", organization.email),
        ("Phone", organization.phone),
        ("Part of", _org_title(parent) if parent else ""),
        ("Branches and parts", len(ids) - 1 or ""),
        ("Areas of cooperation", ", ".join(_areas([organization.id]).get(organization.id, []))),
        ("Notes", organization.notes),
        *_counts(parts, today),
    ]
    title = f"Brief: {_org_title(organization)}"
    branches = len(ids) - 1
    selection = f"Organization: {_org_title(organization)}" + (
        "."
        if not branches
        else ", with its branch."
        if branches == 1
        else f", with its {branches} branches and parts."
    )
    return Report(
        title,
        selection,
        [overview_part(title, facts), *parts],
        file_stem=f"Brief {label}",
    )


def country_brief(code: str, today: dt.date | None = None) -> Report:
    """Everything about one country: its partners and their people, agreements, the events
    and delegations held there or with its partners and their follow-ups, programs with its
    partners, and the key figures about it."""
    today = today or dt.date.today()
    country = Country.get_or_none(Country.code == (code or "").upper())
    if country is None:
        raise ReportRefused(f"There is no country with the code “{code}”.")
    scope = _Scope(
        Organization.select(Organization.id).where(Organization.country == country.code),
        country=country.code,
    )
    parts = _brief_parts(scope, country.name_en, today)
    kinds = Counter(row[2] or "Other" for row in parts[0].rows)
    facts: list[tuple[str, Any]] = [
        ("Country", country.name_en),
        ("In Russian", country.name_ru),
        ("In Kazakh", country.name_kk),
        ("ISO code", country.code),
        ("Partners by kind", ", ".join(f"{kind} {n}" for kind, n in kinds.most_common())),
        *_counts(parts, today),
    ]
    title = f"Brief: {country.name_en}"
    selection = (
        f"Country: {country.name_en}. Its partners and everything linked to them, "
        "and the events and delegations held there."
    )
    return Report(
        title,
        selection,
        [overview_part(title, facts), *parts],
        file_stem=f"Brief {country.name_en}",
    )


# -- activity in a period -----------------------------------------------------------------------


def _delegations_in(start: dt.date, end: dt.date) -> ModelSelect:
    ends = Delegation.ends_on.is_null(False) & (Delegation.ends_on >= start)
    return Delegation.select().where(
        (Delegation.starts_on <= end) & ((Delegation.starts_on >= start) | ends)
    )


def activity_report(start: dt.date, end: dt.date, today: dt.date | None = None) -> Report:
    """What happened between two dates: the events with their participants and outcomes,
    delegations received and sent, agreements signed, and follow-up actions due or done."""
    if end < start:
        raise ReportRefused(
            f"The period ends ({date_text(end)}) before it starts ({date_text(start)})."
        )
    today = today or dt.date.today()
    period = period_text(start, end)
    events = events_part(events_in(start, end), f"Events, {period}", newest_first=False)
    incoming = delegations_part(
        _delegations_in(start, end).where(Delegation.direction == "incoming"),
        f"Delegations received, {period}",
        name="Delegations in",
        newest_first=False,
    )
    outgoing = delegations_part(
        _delegations_in(start, end).where(Delegation.direction == "outgoing"),
        f"Delegations sent, {period}",
        name="Delegations out",
        newest_first=False,
    )
    signed = agreements_part(
        Agreement.select()
        .where(Agreement.signed_on.between(start, end))
        .order_by(Agreement.signed_on, Agreement.title),
        f"Agreements signed, {period}",
        today,
        name="Agreements signed",
    )
    follow_ups = follow_ups_part(
        FollowUp.select().where(
            FollowUp.due_on.between(start, end) | FollowUp.done_on.between(start, end)
        ),
        f"Follow-up actions due or done, {period}",
        today,
    )
    parts = [events, incoming, outgoing, signed, follow_ups]
    states = Counter(row[5] for row in follow_ups.rows)
    facts: list[tuple[str, Any]] = [
        ("Period", period),
        ("Events", len(events.rows)),
        ("Delegations received", len(incoming.rows)),
        ("Delegations sent", len(outgoing.rows)),
        ("Agreements signed", len(signed.rows)),
        ("Follow-up actions due or done", len(follow_ups.rows)),
        ("… done", states.get("Done", 0)),
        ("… overdue", states.get("Overdue", 0)),
        ("… open", states.get("Open", 0)),
    ]
    title = f"Activity {period}"
    summary = overview_part(title, facts)
    summary.name = "Summary"
    return Report(
        title,
        f"Period: {date_text(start)} to {date_text(end)}.",
        [summary, *parts],
        file_stem=f"Activity {start:%Y-%m-%d} to {end:%Y-%m-%d}",
    )


# -- agreements due -----------------------------------------------------------------------------


def agreements_due_report(within_days: int = EXPIRING_DAYS, today: dt.date | None = None) -> Report:
    """Agreements that expire within ``within_days``, those that expired in the last year,
    and those in force, by country: what to renew, and what holds."""
    if within_days < 0:
        raise ReportRefused("The number of days must be 0 or more.")
    today = today or dt.date.today()
    status = status_expression(today)
    horizon = today + dt.timedelta(days=within_days)
    year_ago = _year_before(today)
    expiring = list(
        Agreement.select()
        .where((status == "in_force") & Agreement.expires_on.between(today, horizon))
        .order_by(Agreement.expires_on, Agreement.title)
    )
    expired = list(
        Agreement.select()
        .where((status == "expired") & (Agreement.expires_on >= year_ago))
        .order_by(Agreement.expires_on.desc(), Agreement.title)
    )
    in_force = list(
        Agreement.select()
        .where(status == "in_force")
        .order_by(Agreement.expires_on.asc(nulls="LAST"), Agreement.title)
    )
    countries = _party_countries(a.id for a in in_force + expired)
    parts = [
        _due_summary(in_force, {a.id for a in expiring}, expired, countries),
        _agreement_rows_part(
            "Expiring",
            f"Agreements in force that expire by {date_text(horizon)} (within {within_days} days)",
            expiring,
            today,
        ),
        _agreement_rows_part(
            "Expired last year",
            f"Agreements that expired since {date_text(year_ago)}",
            expired,
            today,
        ),
        _in_force_by_country(in_force, countries, today),
    ]
    return Report(
        "Agreements due",
        f"Expiring within {within_days} days of {date_text(today)}; expired since "
        f"{date_text(year_ago)}; in force, by country.",
        parts,
        file_stem="Agreements due",
    )


def _agreement_rows_part(
    name: str, title: str, records: list[Agreement], today: dt.date
) -> ReportPart:
    parties = _parties(a.id for a in records)
    rows = [_agreement_row(a, parties.get(a.id, []), today) for a in records]
    return ReportPart(name, title, AGREEMENT_COLUMNS, rows)


def _year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


NO_COUNTRY = "(no country given)"


def _country_names(codes: list[str] | None) -> list[str]:
    return [_country(code) for code in codes] if codes else [NO_COUNTRY]


def _in_force_by_country(
    records: list[Agreement], countries: dict[int, list[str]], today: dt.date
) -> ReportPart:
    parties = _parties(a.id for a in records)
    rows = []
    for agreement in records:
        row = _agreement_row(agreement, parties.get(agreement.id, []), today)
        for name in _country_names(countries.get(agreement.id)):
            rows.append((name, *row))
    # by country, and within a country the soonest to expire first (the sort is stable)
    rows.sort(key=lambda row: (row[0] == NO_COUNTRY, fold(row[0])))
    return ReportPart(
        "In force by country",
        "Agreements in force, by the country of their parties",
        (ReportColumn("Country"), *AGREEMENT_COLUMNS),
        rows,
    )


def _due_summary(
    in_force: list[Agreement],
    expiring: set[int],
    expired: list[Agreement],
    countries: dict[int, list[str]],
) -> ReportPart:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for agreement in in_force:
        for name in _country_names(countries.get(agreement.id)):
            counts[name][0] += 1
            counts[name][1] += agreement.id in expiring
    for agreement in expired:
        for name in _country_names(countries.get(agreement.id)):
            counts[name][2] += 1
    rows = [
        (name, *numbers)
        for name, numbers in sorted(
            counts.items(), key=lambda item: (item[0] == NO_COUNTRY, -item[1][0], fold(item[0]))
        )
    ]
    columns = (
        ReportColumn("Country"),
        ReportColumn("In force", NUMBER),
        ReportColumn("Expiring soon", NUMBER),
        ReportColumn("Expired last year", NUMBER),
    )
    return ReportPart("By country", "Agreements by the country of their parties", columns, rows)


# -- programs -----------------------------------------------------------------------------------


def _program_ids(request: ListRequest | None) -> list[int] | None:
    if request is None:
        return None
    ids: list[int] = []
    while True:
        page = PROGRAM_LIST.rows(request, len(ids), 1000)
        ids += [row[0] for row in page]
        if len(page) < 1000:
            return ids


def programs_report(request: ListRequest | None = None) -> Report:
    """Programs with their partners, budget and key figures, and a chart of the budgets (one
    per currency). ``request``: the programs as a list would select them; else all."""
    ids = _program_ids(request)
    programs = Program.select()
    if ids is not None:
        programs = programs.where(Program.id.in_(ids))
    records = list(programs.order_by(Program.name))
    chosen = [p.id for p in records]
    overview = ReportPart("Programs", "Programs", PROGRAM_COLUMNS, _program_rows(records))
    partner_rows = []
    partners_of = _partners(chosen)
    for program in records:
        for organization, role in partners_of.get(program.id, []):
            partner_rows.append(
                (
                    program.name,
                    _org_title(organization),
                    PARTNER_ROLES.label(role),
                    _label(ORGANIZATION_KINDS, organization.kind),
                    _country(organization.country_id),
                )
            )
    partners = ReportPart(
        "Partners",
        "Partners of the programs, in their roles",
        (
            ReportColumn("Program"),
            ReportColumn("Partner"),
            ReportColumn("Role"),
            ReportColumn("Kind"),
            ReportColumn("Country"),
        ),
        partner_rows,
    )
    figures = figures_part(
        KeyFigure.select().where(KeyFigure.program.in_(chosen)), "Key figures of the programs"
    )
    budgets = _budgets_part(records)
    selection = "All programs." if request is None else _request_text(request)
    return Report(
        "Programs report",
        selection,
        [overview, partners, figures, budgets],
        file_stem="Programs report",
    )


def _budgets_part(records: list[Program]) -> ReportPart:
    with_budget = [p for p in records if p.budget is not None and p.budget > 0]
    with_budget.sort(key=lambda p: (p.currency or "", -(p.budget or Decimal(0)), p.name))
    rows = [(p.short_name or p.name, p.budget, p.currency or "") for p in with_budget]
    columns = (
        ReportColumn("Program"),
        ReportColumn("Budget", MONEY),
        ReportColumn("Currency"),
    )
    return ReportPart(
        "Budgets",
        "Budgets of the programs, by currency",
        columns,
        rows,
        empty="No program has a budget recorded.",
        chart=PartChart("Budget by program", label_column=0, value_column=1, group_column=2),
    )


def _request_text(request: ListRequest) -> str:
    parts = []
    if request.search.strip():
        parts.append(f"search “{request.search.strip()}”")
    for spec in PROGRAM_LIST.filters:
        value = request.filters.get(spec.key)
        if not value:
            continue
        if spec.kind == "country":
            shown = country_name(value)
        elif spec.choices is not None:
            shown = spec.choices.label(value)
        else:
            shown = value
        parts.append(f"{spec.label.lower()}: {shown}")
    if not parts:
        return "All programs."
    text = "; ".join(parts)
    return f"Programs with {text}."
