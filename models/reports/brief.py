"""The brief: everything about one partner (with its branches) or one country."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from peewee import ModelSelect, fn

from models import clock
from models.reports.linked_names import area_names_by_organization
from models.reports.parts import (
    agreements_part,
    delegations_part,
    events_part,
    figures_part,
    follow_up_state_label,
    follow_ups_part,
    overview_part,
    partners_part,
    people_part,
    programs_part,
)
from models.reports.report import (
    EXPIRING_DAYS,
    Report,
    ReportPart,
    ReportRefused,
    choice_text,
    country_text,
    date_text,
    org_title,
    record_ids,
)
from models.store.records import (
    Agreement,
    AgreementParty,
    Country,
    Delegation,
    Event,
    EventParticipant,
    FollowUp,
    KeyFigure,
    Organization,
    Person,
    Program,
    ProgramPartner,
)
from models.words.choices import (
    AGREEMENT_STATUSES,
    ORGANIZATION_KINDS,
    ORGANIZATION_STATUSES,
)
from models.words.text import name_key, search_fold, searchable
from models.words.translation import _, ngettext


@dataclass
class _Scope:
    """What a brief is about, as queries: its organizations, and the events and delegations
    held in its country."""

    organizations: ModelSelect
    country: str | None = None


def find_organization(text: str) -> Organization:
    """An organization named on the command line: its number, acronym or any of its names.
    Refuses, saying why, when none or several match."""
    text = searchable(text).strip()
    if text.isdigit():
        found = Organization.get_or_none(Organization.id == int(text))
        if found is None:
            raise ReportRefused(_("There is no organization no. {number}.").format(number=text))
        return found
    key = name_key(text) or None  # a text of dashes names no organization by its key
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
        searched = search_fold(text)
        exact = list(
            Organization.select().where(Organization.search_text.contains(searched)).limit(10)
        )
    if not exact:
        raise ReportRefused(
            _("No organization is called “{text}”. Give its name, acronym or number.").format(
                text=text
            )
        )
    if len(exact) > 1:
        names = "; ".join(
            _("{name} (no. {number})").format(name=org_title(o), number=o.id) for o in exact[:5]
        )
        raise ReportRefused(
            _("“{text}” names several organizations: {names}. Give its number.").format(
                text=text, names=names
            )
        )
    return exact[0]


def _with_branches(organization_id: int) -> list[int]:
    ids, frontier = [organization_id], [organization_id]
    while frontier:
        frontier = record_ids(
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
            _("Partners — {name}").format(name=label),
            relation,
        ),
        people_part(
            Person.select().where(Person.organization.in_(orgs)),
            _("People — {name}").format(name=label),
        ),
        agreements_part(
            agreements, _("Agreements — {name}").format(name=label), today, by_status=True
        ),
        events_part(Event.select().where(events_where), _("Events — {name}").format(name=label)),
        delegations_part(delegations, _("Delegations — {name}").format(name=label)),
        follow_ups_part(
            FollowUp.select().where(FollowUp.delegation.in_(delegations.select(Delegation.id))),
            _("Follow-up actions of the delegations — {name}").format(name=label),
            today,
        ),
        programs_part(programs, _("Programs — {name}").format(name=label)),
        figures_part(
            KeyFigure.select().where(figures_where), _("Key figures — {name}").format(name=label)
        ),
    ]


def _counts(parts: list[ReportPart], today: dt.date) -> list[tuple[str, Any]]:
    by_name = {part.name: part for part in parts}
    agreements = by_name["Agreements"].rows
    in_force = [row for row in agreements if row[3] == AGREEMENT_STATUSES.label("in_force")]
    expiring = [row for row in in_force if row[6] is not None and row[6] <= EXPIRING_DAYS]
    follow_ups = by_name["Follow-ups"].rows
    done, overdue = follow_up_state_label("done"), follow_up_state_label("overdue")
    events = by_name["Events"].rows
    coming = sorted((row for row in events if row[0] and row[0] >= today), key=lambda r: r[0])
    past = [row for row in events if row[0] and row[0] < today]
    return [
        (_("Partners"), len(by_name["Partners"].rows)),
        (_("People"), len(by_name["People"].rows)),
        (_("Agreements"), len(agreements)),
        (_("Agreements in force"), len(in_force)),
        (
            ngettext(
                "Agreements expiring within {count} day",
                "Agreements expiring within {count} days",
                EXPIRING_DAYS,
            ).format(count=EXPIRING_DAYS),
            len(expiring),
        ),
        (_("Events"), len(events)),
        (_("Next event"), f"{date_text(coming[0][0])} {coming[0][2]}" if coming else "—"),
        (_("Last event"), f"{date_text(past[0][0])} {past[0][2]}" if past else "—"),
        (_("Delegations"), len(by_name["Delegations"].rows)),
        (_("Follow-up actions open"), sum(1 for row in follow_ups if row[5] != done)),
        (_("Follow-up actions overdue"), sum(1 for row in follow_ups if row[5] == overdue)),
        (_("Programs"), len(by_name["Programs"].rows)),
        (_("Key figures"), len(by_name["Key figures"].rows)),
    ]


def organization_brief(organization_id: int, today: dt.date | None = None) -> Report:
    """Everything about one partner and its branches: the organization itself, its people,
    agreements with their status and expiry, the events and delegations it took part in and
    their follow-ups, its programs and key figures."""
    today = today or clock.today()
    organization = Organization.get_or_none(Organization.id == organization_id)
    if organization is None:
        raise ReportRefused(
            _("There is no organization no. {number}.").format(number=organization_id)
        )
    ids = _with_branches(organization.id)
    label = organization.short_name or organization.name
    relation = {organization.id: _("This organization")} | {i: _("Branch or part") for i in ids[1:]}
    scope = _Scope(Organization.select(Organization.id).where(Organization.id.in_(ids)))
    parts = _brief_parts(scope, label, today, relation)
    parent = organization.parent
    facts: list[tuple[str, Any]] = [
        (_("Name"), organization.name),
        (_("Short name"), organization.short_name),
        (_("Name in Kazakh"), organization.name_kk),
        (_("Name in Russian"), organization.name_ru),
        (_("Original name"), organization.name_original),
        (_("Kind"), choice_text(ORGANIZATION_KINDS, organization.kind)),
        (_("Status"), choice_text(ORGANIZATION_STATUSES, organization.status)),
        (_("Country"), country_text(organization.country_id)),
        (_("City"), organization.city),
        (_("Website"), organization.website),
        (_("E-mail"), organization.email),
        (_("Phone"), organization.phone),
        (_("Part of"), org_title(parent) if parent else ""),
        (_("Branches and parts"), len(ids) - 1 or ""),
        (
            _("Areas of cooperation"),
            ", ".join(area_names_by_organization([organization.id]).get(organization.id, [])),
        ),
        (_("Notes"), organization.notes),
        *_counts(parts, today),
    ]
    name = org_title(organization)
    title = _("Brief: {name}").format(name=name)
    branches = len(ids) - 1
    if not branches:
        selection = _("Organization: {name}.").format(name=name)
    else:
        selection = ngettext(
            "Organization: {name}, with its branch.",
            "Organization: {name}, with its {count} branches and parts.",
            branches,
        ).format(name=name, count=branches)
    return Report(
        title,
        selection,
        [overview_part(title, facts), *parts],
        file_stem=_("Brief {name}").format(name=label),
    )


def country_brief(code: str, today: dt.date | None = None) -> Report:
    """Everything about one country: its partners and their people, agreements, the events
    and delegations held there or with its partners and their follow-ups, programs with its
    partners, and the key figures about it."""
    today = today or clock.today()
    country = Country.get_or_none(Country.code == (code or "").upper())
    if country is None:
        raise ReportRefused(_("There is no country with the code “{code}”.").format(code=code))
    scope = _Scope(
        Organization.select(Organization.id).where(Organization.country == country.code),
        country=country.code,
    )
    name = country_text(country.code)
    parts = _brief_parts(scope, name, today)
    kinds = Counter(row[2] or _("Kind not given") for row in parts[0].rows)
    facts: list[tuple[str, Any]] = [
        (_("Country"), name),
        (_("In English"), country.name("en")),
        (_("In Russian"), country.name("ru")),
        (_("In Kazakh"), country.name("kk")),
        (_("ISO code"), country.code),
        (
            _("Partners by kind"),
            ", ".join(
                _("{kind}: {count}").format(kind=kind, count=n) for kind, n in kinds.most_common()
            ),
        ),
        *_counts(parts, today),
    ]
    title = _("Brief: {name}").format(name=name)
    selection = _(
        "Country: {name}. Its partners and everything linked to them, and the events and "
        "delegations held there."
    ).format(name=name)
    return Report(
        title,
        selection,
        [overview_part(title, facts), *parts],
        file_stem=_("Brief {name}").format(name=name),
    )
