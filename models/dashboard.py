"""What the home view shows at a glance: how many records of each kind, what is coming (events,
agreements to renew, follow-ups overdue), the latest changes, and how the portfolio looks (by
country, by kind, over time).

Every figure is an aggregate or the first few rows of an indexed query, so the home view costs
the same with 100 records as with 100,000. Dates are given as ``today`` so tests fix them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from peewee import SQL, Case, fn

from models.kinds.agreements import agreements_expiring
from models.kinds.all_kinds import EDITORS_BY_KIND
from models.kinds.delegations import follow_ups_overdue
from models.kinds.events import events_in
from models.kinds.organizations import ORGANIZATION_NAME
from models.listing import COUNTRY_NAME, sorted_in_language
from models.store.records import (
    RECORD_KINDS,
    AgreementParty,
    Country,
    Delegation,
    Event,
    Organization,
)
from models.words.choices import ORGANIZATION_KINDS
from models.words.translation import N_

UPCOMING_DAYS = 30
EXPIRING_DAYS = 90
MONTHS = 24
SHORTLIST = 8  # rows of each list
TOP_COUNTRIES = 10


@dataclass(frozen=True)
class Item:
    """A record in one of the home view's lists; a click opens ``kind`` ``id``."""

    kind: str
    id: int
    title: str
    context: str = ""  # what else tells it apart: a city, the parties, the delegation
    when: dt.date | dt.datetime | None = None
    days: int | None = None  # days until it happens, or days overdue


@dataclass(frozen=True)
class Shortlist:
    items: list[Item]
    total: int  # how many there are in all; the list shows the first few


@dataclass(frozen=True)
class Bar:
    key: str | None  # what a click filters the list by; None when nothing can be filtered
    label: str  # for a bar without a key, in English marked for translation
    value: int


@dataclass(frozen=True)
class Month:
    first_day: dt.date
    events: int
    delegations: int


@dataclass
class Summary:
    counts: dict[str, int]
    upcoming: Shortlist
    expiring: Shortlist
    overdue: Shortlist
    changes: list[Item]
    by_country: list[Bar]
    by_kind: list[Bar]
    by_month: list[Month] = field(default_factory=list)


def record_counts() -> dict[str, int]:
    """How many records of each kind there are: one COUNT each."""
    return {kind: model.select().count() for kind, model in RECORD_KINDS.items()}


def _place(*parts: str | None) -> str:
    return ", ".join(part for part in parts if part)


def upcoming_events(today: dt.date, days: int = UPCOMING_DAYS, limit: int = SHORTLIST) -> Shortlist:
    """Events under way or starting within ``days``, the soonest first."""
    query = events_in(today, today + dt.timedelta(days=days))
    # Ordered by the start date as an expression, not the column: ordered by the column,
    # SQLite walks every event in the order of its index looking for the few that match
    # (0.1 s with 100,000 events and none this month) instead of reading them by the two
    # ranges of ``events_in`` and sorting those.
    first = Case(None, [(True, Event.starts_on)])
    rows = query.order_by(first, sorted_in_language(Event), Event.id).limit(limit)
    items = [
        Item(
            "event",
            event.id,
            EDITORS_BY_KIND["event"].shown_name(event),
            _place(event.venue, event.city),
            event.starts_on,
            (event.starts_on - today).days,
        )
        for event in rows
    ]
    return Shortlist(items, query.count())


def _party_names(agreement_ids: list[int]) -> dict[int, list[str]]:
    query = (
        AgreementParty.select(AgreementParty.agreement, ORGANIZATION_NAME, Organization.short_name)
        .join(Organization)
        .where(AgreementParty.agreement.in_(agreement_ids))
        .order_by(AgreementParty.id)
        .tuples()
    )
    names: dict[int, list[str]] = {}
    for agreement_id, name, short_name in query:
        names.setdefault(agreement_id, []).append(short_name or name)
    return names


def expiring_agreements(
    today: dt.date, days: int = EXPIRING_DAYS, limit: int = SHORTLIST
) -> Shortlist:
    """Agreements in force that expire within ``days``, the soonest first, with their parties."""
    query = agreements_expiring(days, today)
    rows = list(query.limit(limit))
    parties = _party_names([agreement.id for agreement in rows])
    items = [
        Item(
            "agreement",
            agreement.id,
            agreement.title,
            ", ".join(parties.get(agreement.id, [])),
            agreement.expires_on,
            (agreement.expires_on - today).days,
        )
        for agreement in rows
    ]
    return Shortlist(items, query.count())


def overdue_follow_ups(today: dt.date, limit: int = SHORTLIST) -> Shortlist:
    """Follow-up actions past their due date and not done, the longest overdue first; a click
    opens the delegation they belong to."""
    query = follow_ups_overdue(today)
    items = [
        Item(
            "delegation",
            follow_up.delegation.id,
            follow_up.action,
            _place(follow_up.delegation.title, follow_up.responsible),
            follow_up.due_on,
            (today - follow_up.due_on).days,
        )
        for follow_up in query.limit(limit)
    ]
    return Shortlist(items, query.count())


def latest_changes(limit: int = SHORTLIST) -> list[Item]:
    """The records changed last, of every kind: the first few of each kind by the
    ``updated_at`` index, merged."""
    changed = []
    for kind, model in RECORD_KINDS.items():
        editor = EDITORS_BY_KIND[kind]
        query = model.select().order_by(model.updated_at.desc(), model.id.desc()).limit(limit)
        for record in query:
            changed.append(
                Item(kind, record.id, editor.title(record), record.updated_by, record.updated_at)
            )
    changed.sort(key=lambda item: item.when, reverse=True)
    return changed[:limit]


def partners_by_country(limit: int = TOP_COUNTRIES) -> list[Bar]:
    """The countries with the most partners, the most first. Counted on the country index
    alone, then the few names read."""
    count = fn.COUNT(Organization.id)
    top = (
        Organization.select(Organization.country, count.alias("partners"))
        .where(Organization.country.is_null(False))
        .group_by(Organization.country)
        .order_by(SQL("partners").desc(), Organization.country)
        .limit(limit)
        .tuples()
    )
    counts = list(top)
    names = dict(
        Country.select(Country.code, COUNTRY_NAME)
        .where(Country.code.in_([code for code, _ in counts]))
        .tuples()
    )
    return [Bar(code, names.get(code, code), partners) for code, partners in counts]


def partners_by_kind() -> list[Bar]:
    """Partners of each kind, the most first; those of no kind last."""
    query = list(
        Organization.select(Organization.kind, fn.COUNT(Organization.id))
        .group_by(Organization.kind)
        .tuples()
    )
    bars = [Bar(kind, ORGANIZATION_KINDS.label(kind), partners) for kind, partners in query if kind]
    bars.sort(key=lambda bar: (-bar.value, bar.label))
    unknown = sum(partners for kind, partners in query if not kind)
    if unknown:
        bars.append(Bar(None, N_("Kind not given"), unknown))
    return bars


def first_of_month(day: dt.date, months_back: int = 0) -> dt.date:
    index = day.year * 12 + day.month - 1 - months_back
    return dt.date(index // 12, index % 12 + 1, 1)


def _starts_per_day(model, first: dt.date, last: dt.date) -> Counter:
    # Grouped by day in SQL and into months here: a month computed in SQL is written
    # differently on SQLite and PostgreSQL, and two years are at most 731 rows.
    query = (
        model.select(model.starts_on, fn.COUNT(model.id))
        .where((model.starts_on >= first) & (model.starts_on <= last))
        .group_by(model.starts_on)
        .tuples()
    )
    months: Counter = Counter()
    for day, count in query:
        months[first_of_month(day)] += count
    return months


def activity_by_month(today: dt.date, months: int = MONTHS) -> list[Month]:
    """Events and delegations that started in each of the last ``months`` months, this month
    last."""
    first = first_of_month(today, months - 1)
    last = first_of_month(today, -1) - dt.timedelta(days=1)
    events = _starts_per_day(Event, first, last)
    delegations = _starts_per_day(Delegation, first, last)
    return [
        Month(month, events[month], delegations[month])
        for month in (first_of_month(today, back) for back in range(months - 1, -1, -1))
    ]


def summary(today: dt.date, limit: int = SHORTLIST) -> Summary:
    """Everything the home view shows, read at once; ``limit`` rows of each list."""
    return Summary(
        counts=record_counts(),
        upcoming=upcoming_events(today, limit=limit),
        expiring=expiring_agreements(today, limit=limit),
        overdue=overdue_follow_ups(today, limit=limit),
        changes=latest_changes(limit),
        by_country=partners_by_country(),
        by_kind=partners_by_kind(),
        by_month=activity_by_month(today),
    )
