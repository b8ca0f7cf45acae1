"""What happens when: the events, delegations, agreement expiries and follow-up due dates in a
range of days, for the calendar page and the calendar file (.ics).

Each kind is one query on its dated, indexed column, narrowed in SQL by kind and country, so a
month costs the same with 100 records as with 100,000. Rows are read as tuples: a month of a
large database holds a few hundred entries, and building model objects for them would cost
more than the queries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from peewee import JOIN, SQL, fn

from models.store.records import (
    Agreement,
    AgreementParty,
    Delegation,
    Event,
    FollowUp,
    Organization,
)
from models.words.translation import N_, _

# The kinds of entry, in the order the calendar lists them on a day.
EVENT = "event"
DELEGATION = "delegation"
EXPIRY = "expiry"
FOLLOW_UP = "follow_up"
ENTRY_KINDS: tuple[str, ...] = (EVENT, DELEGATION, EXPIRY, FOLLOW_UP)
ENTRY_KIND_LABELS = {
    EVENT: N_("Events"),
    DELEGATION: N_("Delegations"),
    EXPIRY: N_("Agreement expiries"),
    FOLLOW_UP: N_("Follow-up due dates"),
}
# The record a click on an entry opens: a follow-up belongs to its delegation, an expiry to
# its agreement.
RECORD_KIND = {
    EVENT: "event",
    DELEGATION: "delegation",
    EXPIRY: "agreement",
    FOLLOW_UP: "delegation",
}
# A single event or delegation longer than this is cut to it, so one entry a year long does
# not make a calendar of a range walk a year of days. A delegation is a visit of days: one
# that began up to this long before a range is looked for in it (delegations have no index
# on their last day).
LONGEST_DAYS = 366


@dataclass(frozen=True)
class Entry:
    """One entry of the calendar: a record's day or days."""

    kind: str  # one of ENTRY_KINDS
    id: int  # of the event, delegation, agreement or follow-up
    title: str  # the record's own title (a follow-up's action)
    first_day: dt.date
    last_day: dt.date  # the same as first_day for a one-day entry
    record_id: int  # what a click opens (a follow-up's delegation)
    starts_at: dt.time | None = None
    ends_at: dt.time | None = None
    country: str | None = None
    place: str = ""  # city and venue
    about: str = ""  # a follow-up's delegation, a delegation's organization
    done: bool = False  # a follow-up done

    @property
    def record_kind(self) -> str:
        return RECORD_KIND[self.kind]

    @property
    def uid(self) -> str:
        """The entry's id in a calendar file: the same on every export of this database, so
        that importing the file again updates the entry instead of adding it twice."""
        return f"seriktes-{self.kind.replace('_', '-')}-{self.id}@seriktes"

    def days(self) -> list[dt.date]:
        count = min((self.last_day - self.first_day).days, LONGEST_DAYS) + 1
        return [self.first_day + dt.timedelta(days=n) for n in range(count)]

    def summary(self) -> str:
        """The entry's one line, in the current language."""
        if self.kind == EXPIRY:
            return _("Agreement expires: {title}").format(title=self.title)
        if self.kind == FOLLOW_UP:
            return _("Follow-up due: {action}").format(action=self.title)
        return self.title


def entry_kind_label(kind: str) -> str:
    return _(ENTRY_KIND_LABELS[kind])


def _place(*parts: str | None) -> str:
    return ", ".join(part for part in parts if part)


def _same_country(column, country: str):
    """``column = country`` that leaves the choice of index to the dates: a third of a large
    database's records are in one country, and SQLite would otherwise walk all of them by
    the country's index instead of the few days asked for."""
    return fn.COALESCE(column, "") == country


def _events(first: dt.date, last: dt.date, country: str | None) -> list[Entry]:
    # Starting within the range, or started before it and still going on: two ranges the
    # indexes on starts_on and ends_on answer.
    starting = Event.starts_on.between(first, last)
    going_on = (Event.starts_on < first) & (Event.ends_on >= first)
    query = Event.select(
        Event.id,
        Event.title,
        Event.starts_on,
        Event.ends_on,
        Event.starts_at,
        Event.ends_at,
        Event.country,
        Event.city,
        Event.venue,
    ).where(starting | going_on)
    if country:
        query = query.where(_same_country(Event.country, country))
    return [
        Entry(
            EVENT,
            event_id,
            title,
            starts,
            max(ends or starts, starts),
            event_id,
            starts_at,
            ends_at,
            code,
            _place(venue, city),
        )
        for event_id, title, starts, ends, starts_at, ends_at, code, city, venue in query.tuples()
    ]


def _delegations(first: dt.date, last: dt.date, country: str | None) -> list[Entry]:
    # A delegation's country is where it goes or comes from; when not given, its
    # organization's.
    where = fn.COALESCE(Delegation.country, Organization.country)
    since = first - dt.timedelta(days=LONGEST_DAYS)
    # One range of the starts_on index; those begun before the range must still go on.
    starting = Delegation.starts_on.between(since, last)
    going_on = (Delegation.starts_on >= first) | (Delegation.ends_on >= first)
    query = (
        Delegation.select(
            Delegation.id,
            Delegation.title,
            Delegation.starts_on,
            Delegation.ends_on,
            where,
            Delegation.city,
            Organization.name,
        )
        .join(Organization, JOIN.LEFT_OUTER, on=Delegation.organization == Organization.id)
        .where(starting & going_on)
    )
    if country:
        query = query.where(fn.COALESCE(where, "") == country)
    return [
        Entry(
            DELEGATION,
            delegation_id,
            title,
            starts,
            max(ends or starts, starts),
            delegation_id,
            country=code,
            place=city,
            about=organization or "",
        )
        for delegation_id, title, starts, ends, code, city, organization in query.tuples()
    ]


def _expiries(first: dt.date, last: dt.date, country: str | None) -> list[Entry]:
    """Agreements that expire in the range; one terminated before has nothing to renew."""
    status = Agreement.status
    query = Agreement.select(Agreement.id, Agreement.title, Agreement.expires_on).where(
        Agreement.expires_on.between(first, last) & (status.is_null() | (status != "terminated"))
    )
    if country:
        # An agreement belongs to the countries of its parties: asked of each agreement
        # expiring in the range, rather than listing every agreement of a large country.
        parties = (
            AgreementParty.select(SQL("1"))
            .join(Organization)
            .where(
                (AgreementParty.agreement == Agreement.id)
                & _same_country(Organization.country, country)
            )
        )
        query = query.where(fn.EXISTS(parties))
    return [
        Entry(EXPIRY, agreement_id, title, expires, expires, agreement_id, country=country)
        for agreement_id, title, expires in query.tuples()
    ]


def _follow_ups(first: dt.date, last: dt.date, country: str | None) -> list[Entry]:
    where = fn.COALESCE(Delegation.country, Organization.country)
    query = (
        FollowUp.select(
            FollowUp.id,
            FollowUp.action,
            FollowUp.due_on,
            FollowUp.done,
            Delegation.id,
            Delegation.title,
            where,
        )
        .join(Delegation)
        .join(Organization, JOIN.LEFT_OUTER, on=Delegation.organization == Organization.id)
        .where(FollowUp.due_on.between(first, last))
    )
    if country:
        query = query.where(fn.COALESCE(where, "") == country)
    return [
        Entry(
            FOLLOW_UP,
            follow_up_id,
            action,
            due,
            due,
            delegation_id,
            country=code,
            about=delegation,
            done=bool(done),
        )
        for follow_up_id, action, due, done, delegation_id, delegation, code in query.tuples()
    ]


_READERS = {
    EVENT: _events,
    DELEGATION: _delegations,
    EXPIRY: _expiries,
    FOLLOW_UP: _follow_ups,
}


def entries_between(
    first: dt.date,
    last: dt.date,
    kinds: Collection[str] | None = None,
    country: str | None = None,
) -> list[Entry]:
    """The entries on any day from ``first`` to ``last`` (both included), of ``kinds`` (all
    when None) and of ``country`` (an ISO code; all when None), in the order of their first
    day, then kind, then title."""
    if last < first:
        raise ValueError("the last day comes before the first")
    chosen = ENTRY_KINDS if kinds is None else [kind for kind in ENTRY_KINDS if kind in kinds]
    order = {kind: number for number, kind in enumerate(ENTRY_KINDS)}
    entries = [entry for kind in chosen for entry in _READERS[kind](first, last, country)]
    entries.sort(
        key=lambda e: (e.first_day, order[e.kind], e.starts_at or dt.time(0), e.title, e.id)
    )
    return entries


def by_day(entries: list[Entry], first: dt.date, last: dt.date) -> dict[dt.date, list[Entry]]:
    """The entries of each day from ``first`` to ``last``; an entry of several days is on
    each of them."""
    days: dict[dt.date, list[Entry]] = {}
    for entry in entries:
        for day in entry.days():
            if first <= day <= last:
                days.setdefault(day, []).append(entry)
    return days


def month_grid(month: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day a month view shows: whole weeks, Monday to Sunday, six of them,
    so the grid keeps its size from one month to the next."""
    first_of_month = month.replace(day=1)
    first = first_of_month - dt.timedelta(days=first_of_month.weekday())
    return first, first + dt.timedelta(days=41)


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday to Sunday of the week ``day`` is in."""
    first = day - dt.timedelta(days=day.weekday())
    return first, first + dt.timedelta(days=6)


def month_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of the month ``day`` is in."""
    first = day.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, following - dt.timedelta(days=1)
