"""The parts reports are made of: one function per kind of row."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import JOIN, ModelSelect

from models.kinds.agreements import agreement_status
from models.kinds.events import EVENTS
from models.kinds.organizations import ORGANIZATIONS, organization_name
from models.kinds.programs import PROGRAMS
from models.listing import sorted_in_language
from models.reports.linked_names import (
    area_names_by_organization,
    figure_text,
    figures_by_program,
    member_names,
    participant_names,
    party_names,
    program_partners,
)
from models.reports.report import (
    DATE,
    MONEY,
    NUMBER,
    ReportColumn,
    ReportPart,
    choice_text,
    country_text,
    days_left,
    names_cell,
    org_title,
    place_text,
)
from models.store.records import (
    Agreement,
    Delegation,
    Event,
    FollowUp,
    KeyFigure,
    Organization,
    Person,
    Program,
    Source,
)
from models.words.choices import (
    AGREEMENT_KINDS,
    AGREEMENT_STATUSES,
    DELEGATION_DIRECTIONS,
    EVENT_KINDS,
    FIGURE_QUALIFIERS,
    ORGANIZATION_KINDS,
    ORGANIZATION_STATUSES,
    PARTNER_ROLES,
    PROGRAM_KINDS,
    PROGRAM_STATUSES,
)
from models.words.translation import N_, _, pgettext


def partners_part(
    organizations: ModelSelect, title: str, relation: dict[int, str] | None = None
) -> ReportPart:
    parent = Organization.alias("parent")
    query = (
        organizations.select(Organization, organization_name(parent).alias("parent_name"))
        .join_from(Organization, parent, JOIN.LEFT_OUTER, on=(Organization.parent == parent.id))
        .order_by(sorted_in_language(Organization), Organization.id)
    )
    records = list(query.objects())  # the parent's name set on each organization
    areas = area_names_by_organization(o.id for o in records)
    columns = [
        ReportColumn(N_("Name")),
        ReportColumn(N_("Short name")),
        ReportColumn(N_("Kind")),
        ReportColumn(N_("Country")),
        ReportColumn(N_("City")),
        ReportColumn(N_("Status")),
        ReportColumn(N_("Website")),
        ReportColumn(N_("Part of")),
        ReportColumn(N_("Areas of cooperation")),
    ]
    rows = [
        (
            ORGANIZATIONS.shown_name(o),
            o.short_name,
            choice_text(ORGANIZATION_KINDS, o.kind),
            country_text(o.country_id),
            o.city,
            choice_text(ORGANIZATION_STATUSES, o.status),
            o.website,
            o.parent_name or "",
            ", ".join(areas.get(o.id, [])),
        )
        for o in records
    ]
    if relation is not None:
        columns.insert(1, ReportColumn(N_("Relation")))
        rows = [
            (row[0], relation.get(o.id, ""), *row[1:]) for row, o in zip(rows, records, strict=True)
        ]
    return ReportPart(N_("Partners"), title, tuple(columns), rows)


def people_part(people: ModelSelect, title: str) -> ReportPart:
    query = (
        people.select(Person, Organization)
        .join_from(Person, Organization, JOIN.LEFT_OUTER)
        .order_by(sorted_in_language(Person), Person.id)
    )
    rows = [
        (
            p.full_name,
            p.position,
            org_title(p.organization) if p.organization_id else "",
            p.email,
            p.phone,
        )
        for p in query
    ]
    columns = (
        ReportColumn(N_("Full name")),
        ReportColumn(N_("Position")),
        ReportColumn(N_("Organization")),
        ReportColumn(N_("E-mail")),
        ReportColumn(N_("Phone")),
    )
    return ReportPart(N_("People"), title, columns, rows)


AGREEMENT_COLUMNS = (
    ReportColumn(N_("Title")),
    ReportColumn(N_("Kind")),
    ReportColumn(N_("Parties and signatories")),
    ReportColumn(N_("Status")),
    ReportColumn(N_("Signed"), DATE),
    ReportColumn(N_("Expires"), DATE),
    ReportColumn(N_("Days left"), NUMBER),
    ReportColumn(N_("Reference")),
)


def agreement_row(agreement: Agreement, parties: list[str], today: dt.date) -> tuple:
    status = agreement_status(agreement, today)
    expires: Any = agreement.expires_on or (_("open-ended") if agreement.open_ended else None)
    days = days_left(agreement.expires_on, today) if status == "in_force" else None
    return (
        agreement.title,
        choice_text(AGREEMENT_KINDS, agreement.kind),
        "; ".join(parties),
        AGREEMENT_STATUSES.label(status),
        agreement.signed_on,
        expires,
        days,
        agreement.reference_number,
    )


# A brief lists what holds first, then what is signed or being prepared, then what has ended.
STATUS_ORDER = ("in_force", "signed", "negotiating", "draft", "expired", "terminated")
ENDED = ("expired", "terminated")


def agreements_part(
    agreements: ModelSelect,
    title: str,
    today: dt.date,
    name: str = N_("Agreements"),
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
        return (rank, -expires if status in ENDED else expires, agreement.title)

    if by_status:
        records.sort(key=order)
    parties = party_names(a.id for a in records)
    rows = [agreement_row(a, parties.get(a.id, []), today) for a in records]
    return ReportPart(name, title, AGREEMENT_COLUMNS, rows)


def events_part(
    events: ModelSelect, title: str, name: str = N_("Events"), newest_first: bool = True
) -> ReportPart:
    starts = Event.starts_on.desc(nulls="LAST") if newest_first else Event.starts_on.asc()
    records = list(events.order_by(starts, sorted_in_language(Event), Event.id))
    participants = participant_names(e.id for e in records)
    rows = [
        (
            e.starts_on,
            e.ends_on if e.ends_on != e.starts_on else None,
            EVENTS.shown_name(e),
            choice_text(EVENT_KINDS, e.kind),
            ", ".join(p for p in (e.venue, place_text(e.city, e.country_id)) if p),
            names_cell(participants.get(e.id, [])),
            e.outcomes or e.summary,
        )
        for e in records
    ]
    columns = (
        ReportColumn(N_("Starts"), DATE),
        ReportColumn(N_("Ends"), DATE),
        ReportColumn(N_("Title")),
        ReportColumn(N_("Kind")),
        ReportColumn(N_("Place")),
        ReportColumn(N_("Participants")),
        ReportColumn(N_("Outcomes")),
    )
    return ReportPart(name, title, columns, rows)


def delegations_part(
    delegations: ModelSelect,
    title: str,
    name: str = N_("Delegations"),
    newest_first: bool = True,
) -> ReportPart:
    head = Person.alias("head")
    starts = Delegation.starts_on.desc(nulls="LAST") if newest_first else Delegation.starts_on
    query = (
        delegations.select(Delegation, Organization, head)
        .join_from(Delegation, Organization, JOIN.LEFT_OUTER)
        .join_from(Delegation, head, JOIN.LEFT_OUTER, on=(Delegation.head == head.id))
        .order_by(starts, sorted_in_language(Delegation), Delegation.id)
    )
    records = list(query)
    members = member_names(d.id for d in records)
    rows = []
    for d in records:
        rows.append(
            (
                d.starts_on,
                d.ends_on if d.ends_on != d.starts_on else None,
                DELEGATION_DIRECTIONS.label(d.direction),
                d.title,
                org_title(d.organization) if d.organization_id else "",
                d.head.full_name if d.head_id else "",
                names_cell(members.get((d.id, "member"), [])),
                names_cell(members.get((d.id, "counterpart"), [])),
                ", ".join(p for p in (d.place, place_text(d.city, d.country_id)) if p),
                d.purpose,
                d.outcomes,
            )
        )
    columns = (
        ReportColumn(N_("Starts"), DATE),
        ReportColumn(N_("Ends"), DATE),
        ReportColumn(N_("Direction")),
        ReportColumn(N_("Title")),
        ReportColumn(N_("Organization")),
        ReportColumn(N_("Head")),
        ReportColumn(N_("Members")),
        ReportColumn(N_("Counterparts met")),
        ReportColumn(N_("Place")),
        ReportColumn(N_("Purpose")),
        ReportColumn(N_("Outcomes")),
    )
    return ReportPart(name, title, columns, rows)


def follow_up_state(follow_up: FollowUp, today: dt.date) -> str:
    """ "done", "overdue" or "open"."""
    if follow_up.done:
        return "done"
    if follow_up.due_on and follow_up.due_on < today:
        return "overdue"
    return "open"


def follow_up_state_label(state: str) -> str:
    """A follow-up's state as a report's cell says it, in the current language."""
    labels = {
        "done": pgettext("follow-up state", "Done"),
        "overdue": pgettext("follow-up state", "Overdue"),
        "open": pgettext("follow-up state", "Open"),
    }
    return labels[state]


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
                follow_up_state_label(follow_up_state(f, today)),
                f.done_on,
            )
        )
    columns = (
        ReportColumn(N_("Due"), DATE),
        ReportColumn(N_("Action")),
        ReportColumn(N_("Responsible")),
        ReportColumn(N_("Delegation")),
        ReportColumn(N_("Delegation's date"), DATE),
        ReportColumn(N_("State")),
        ReportColumn(N_("Done on"), DATE),
    )
    return ReportPart(N_("Follow-ups"), title, columns, rows)


PROGRAM_COLUMNS = (
    ReportColumn(N_("Name")),
    ReportColumn(N_("Kind")),
    ReportColumn(N_("Status")),
    ReportColumn(N_("Lead organization")),
    ReportColumn(N_("Partners")),
    ReportColumn(N_("Starts"), DATE),
    ReportColumn(N_("Ends"), DATE),
    ReportColumn(N_("Budget"), MONEY),
    ReportColumn(N_("Currency")),
    ReportColumn(N_("Key figures")),
)


def program_rows(records: list[Program]) -> list[tuple]:
    ids = [p.id for p in records]
    partners = program_partners(ids)
    figures = figures_by_program(ids)
    leads = {
        o.id: org_title(o)
        for o in Organization.select().where(Organization.id.in_([p.lead_id for p in records]))
    }
    rows = []
    for p in records:
        named = [
            _("{name} ({role})").format(name=org_title(o), role=PARTNER_ROLES.label(role))
            for o, role in partners.get(p.id, [])
        ]
        rows.append(
            (
                PROGRAMS.title(p),
                choice_text(PROGRAM_KINDS, p.kind),
                choice_text(PROGRAM_STATUSES, p.status),
                leads.get(p.lead_id, ""),
                names_cell(named),
                p.starts_on,
                p.ends_on,
                p.budget,
                p.currency,
                "\n".join(figure_text(f) for f in figures.get(p.id, [])[:10]),
            )
        )
    return rows


def programs_part(programs: ModelSelect, title: str) -> ReportPart:
    records = list(programs.order_by(sorted_in_language(Program), Program.id))
    return ReportPart(N_("Programs"), title, PROGRAM_COLUMNS, program_rows(records))


def figures_part(figures: ModelSelect, title: str) -> ReportPart:
    query = (
        figures.select(KeyFigure, Organization, Program, Source)
        .join_from(KeyFigure, Organization, JOIN.LEFT_OUTER)
        .join_from(KeyFigure, Program, JOIN.LEFT_OUTER)
        .join_from(KeyFigure, Source, JOIN.LEFT_OUTER)
        .order_by(sorted_in_language(KeyFigure), KeyFigure.as_of.desc(nulls="LAST"))
    )
    rows = []
    for f in query:
        about = [
            country_text(f.country_id),
            org_title(f.organization) if f.organization_id else "",
            PROGRAMS.shown_name(f.program) if f.program_id else "",
        ]
        rows.append(
            (
                f.measure,
                "" if f.qualifier == "exact" else choice_text(FIGURE_QUALIFIERS, f.qualifier),
                f.value,
                f.unit,
                f.period_label,
                f.as_of,
                "; ".join(a for a in about if a),
                f.source.title if f.source_id else "",
            )
        )
    columns = (
        ReportColumn(N_("What is measured")),
        ReportColumn(N_("Qualifier")),
        ReportColumn(N_("Value"), NUMBER),
        ReportColumn(N_("Unit")),
        ReportColumn(N_("Period")),
        ReportColumn(N_("As of"), DATE),
        ReportColumn(N_("What it is about")),
        ReportColumn(N_("Source")),
    )
    return ReportPart(N_("Key figures"), title, columns, rows)


def overview_part(title: str, facts: list[tuple[str, Any]]) -> ReportPart:
    columns = (ReportColumn(N_("Item"), width=34), ReportColumn(N_("Value"), width=90))
    rows = [(label, value) for label, value in facts if value not in (None, "")]
    return ReportPart(N_("Overview"), title, columns, rows)
