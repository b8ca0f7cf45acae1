"""Who met whom: the people and organizations linked to one record through the events they
took part in and the delegations they went on, received or met, one or two steps away.

A step is one meeting: from a person, the events and delegations they were part of and
everyone met there; the second step does the same from each of those. The neighbourhood is
read with a few queries per step over the link tables (never one query per record) and stops
at ``MAX_NODES`` records, the nearest and the most recent first, so that a busy partner's
picture stays readable and opens at once on 100,000 records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from peewee import SQL, fn

from models.errors import SeriktesError
from models.listing import name_in_language
from models.store.base import db
from models.store.records import (
    Delegation,
    DelegationEvent,
    DelegationMember,
    Event,
    EventParticipant,
    Organization,
    Person,
)
from models.words.text import fold, name_key, searchable
from models.words.translation import _, language, ngettext

MAX_NODES = 300
# The kinds a neighbourhood shows: the actors who meet, and the occasions where they meet.
ACTORS = ("person", "organization")
OCCASIONS = ("event", "delegation")
KINDS = (*ACTORS, *OCCASIONS)
OCCASIONS_AT_ONCE = 40
CHUNK = 500  # ids in one IN (…), well under every database's limit of parameters

NodeKey = tuple[str, int]  # kind, record id


class RelationshipRefused(SeriktesError):
    """A record named for the picture is unknown or ambiguous."""


@dataclass(frozen=True)
class Period:
    """Occasions overlapping these dates (either may be open); an occasion without a date is
    outside every period that has a bound."""

    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def bounded(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass
class Node:
    kind: str
    record_id: int
    label: str = ""  # short: an acronym rather than a ministry's whole name
    name: str = ""  # in full
    detail: str = ""  # a person's position, an occasion's dates
    depth: int = 0  # links from the centre: 0 the centre, 1 its occasions (or actors)…
    step: int = 0  # meetings from the centre (0 for the centre itself)
    parent: NodeKey | None = None  # the node it was reached from, for the layout

    @property
    def key(self) -> NodeKey:
        return (self.kind, self.record_id)


@dataclass(frozen=True)
class Edge:
    source: NodeKey
    target: NodeKey
    link: str  # participant, member, counterpart, head, organization, works_at, joint


@dataclass
class Neighbourhood:
    centre: NodeKey
    steps: int
    period: Period
    nodes: dict[NodeKey, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    truncated: bool = False  # more records were linked than ``MAX_NODES``

    def count(self, kind: str) -> int:
        return sum(1 for node in self.nodes.values() if node.kind == kind)


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ids = list(ids)
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _listed(ids: list[int]) -> SQL:
    """Record ids as the list of an IN: written out as numbers (each made an int, so nothing
    else can be in it), as peewee's turning each into a parameter costs more than the query."""
    return SQL("(" + ",".join(str(int(i)) for i in ids) + ")")


def _raw(query) -> list[tuple]:
    """The rows of a query as the database gives them, without peewee making each value a
    Python one: the links of a busy partner are thousands of rows, and only their ids and the
    order of their dates matter here."""
    return db.execute(query).fetchall()


def _in_period(starts, ends, period: Period):
    """The SQL condition: the occasion's dates overlap the period."""
    condition = True
    if period.start is not None:
        condition = starts.is_null(False) & (fn.COALESCE(ends, starts) >= period.start)
    if period.end is not None:
        condition = condition & starts.is_null(False) & (starts <= period.end)
    return condition


# -- the links, read for many records at once ---------------------------------------------------
# Each yields (actor, occasion, link, date of the occasion).


def _occasions_of(actors: list[NodeKey], period: Period) -> list[tuple]:
    people = [i for kind, i in actors if kind == "person"]
    organizations = [i for kind, i in actors if kind == "organization"]
    rows: list[tuple] = []
    event_period = _in_period(Event.starts_on, Event.ends_on, period)
    delegation_period = _in_period(Delegation.starts_on, Delegation.ends_on, period)
    for ids in _chunks(people):
        query = (
            EventParticipant.select(
                EventParticipant.person, EventParticipant.event, Event.starts_on
            )
            .join(Event)
            .where(EventParticipant.person.in_(_listed(ids)) & event_period)
        )
        rows += [(("person", p), ("event", e), "participant", d) for p, e, d in _raw(query)]
        query = (
            DelegationMember.select(
                DelegationMember.person,
                DelegationMember.delegation,
                DelegationMember.side,
                Delegation.starts_on,
            )
            .join(Delegation)
            .where(DelegationMember.person.in_(_listed(ids)) & delegation_period)
        )
        rows += [(("person", p), ("delegation", g), s, d) for p, g, s, d in _raw(query)]
        query = Delegation.select(Delegation.head, Delegation.id, Delegation.starts_on).where(
            Delegation.head.in_(_listed(ids)) & delegation_period
        )
        rows += [(("person", p), ("delegation", g), "head", d) for p, g, d in _raw(query)]
    for ids in _chunks(organizations):
        query = (
            EventParticipant.select(
                EventParticipant.organization, EventParticipant.event, Event.starts_on
            )
            .join(Event)
            .where(EventParticipant.organization.in_(_listed(ids)) & event_period)
        )
        rows += [(("organization", o), ("event", e), "participant", d) for o, e, d in _raw(query)]
        query = Delegation.select(
            Delegation.organization, Delegation.id, Delegation.starts_on
        ).where(Delegation.organization.in_(_listed(ids)) & delegation_period)
        rows += [
            (("organization", o), ("delegation", g), "organization", d) for o, g, d in _raw(query)
        ]
    return rows


def _actors_of(occasions: list[NodeKey]) -> list[tuple]:
    events = [i for kind, i in occasions if kind == "event"]
    delegations = [i for kind, i in occasions if kind == "delegation"]
    rows: list[tuple] = []
    for ids in _chunks(events):
        query = (
            EventParticipant.select(
                EventParticipant.event, EventParticipant.person, EventParticipant.organization
            )
            .where(EventParticipant.event.in_(_listed(ids)))
            .order_by(EventParticipant.id)
        )
        for event, person, organization in _raw(query):
            if person is not None:
                rows.append((("person", person), ("event", event), "participant", None))
            if organization is not None:
                rows.append((("organization", organization), ("event", event), "participant", None))
    for ids in _chunks(delegations):
        query = Delegation.select(Delegation.id, Delegation.head, Delegation.organization).where(
            Delegation.id.in_(_listed(ids))
        )
        for delegation, head, organization in _raw(query):
            if organization is not None:
                rows.append(
                    (
                        ("organization", organization),
                        ("delegation", delegation),
                        "organization",
                        None,
                    )
                )
            if head is not None:
                rows.append((("person", head), ("delegation", delegation), "head", None))
        query = (
            DelegationMember.select(
                DelegationMember.delegation, DelegationMember.person, DelegationMember.side
            )
            .where(DelegationMember.delegation.in_(_listed(ids)))
            .order_by(DelegationMember.id)
        )
        rows += [(("person", p), ("delegation", g), s, None) for g, p, s in _raw(query)]
    return rows


# -- the neighbourhood --------------------------------------------------------------------------


class _Builder:
    def __init__(self, centre: NodeKey, steps: int, period: Period, limit: int) -> None:
        self.result = Neighbourhood(centre=centre, steps=steps, period=period)
        self.limit = limit
        self.links: dict[tuple[NodeKey, NodeKey], str] = {}
        self.add(centre, depth=0, step=0, parent=None)

    def add(self, key: NodeKey, depth: int, step: int, parent: NodeKey | None) -> bool:
        nodes = self.result.nodes
        if key in nodes:
            return True
        if len(nodes) >= self.limit:
            self.result.truncated = True
            return False
        nodes[key] = Node(key[0], key[1], depth=depth, step=step, parent=parent)
        return True

    def link(self, actor: NodeKey, occasion: NodeKey, link: str) -> None:
        # The strongest link between two records is the one drawn: a head is also a member.
        if (actor, occasion) not in self.links or link == "head":
            self.links[(actor, occasion)] = link

    def step(self, actors: list[NodeKey], occasions: list[NodeKey], step: int) -> list[NodeKey]:
        """One meeting further: the occasions of ``actors`` (and ``occasions`` already
        reached), then everyone there. Returns the actors new at this step."""
        nodes = self.result.nodes
        found = _occasions_of(actors, self.result.period) if actors else []
        # The most recent first: they are the ones kept when the picture is full. Ties in
        # the order of the records, so that the picture is the same every time.
        found.sort(key=lambda row: (row[3] is not None, row[3] or "", row[1], row[0]), reverse=True)
        reached: dict[NodeKey, NodeKey] = {occasion: occasion for occasion in occasions}
        for actor, occasion, link, _date in found:
            self.link(actor, occasion, link)
            if occasion not in nodes:
                reached.setdefault(occasion, actor)
        room = self.limit - len(nodes) + len(occasions)
        if len(reached) > room:
            self.result.truncated = True
            reached = dict(list(reached.items())[: max(room, 0)])
        new_actors: list[NodeKey] = []
        ordered = list(reached.items())
        # A few occasions at a time: once the picture is full, the participants of the
        # occasions left are not read at all.
        for start in range(0, len(ordered), OCCASIONS_AT_ONCE):
            batch = ordered[start : start + OCCASIONS_AT_ONCE]
            by_occasion: dict[NodeKey, list[tuple]] = {}
            for row in _actors_of([occasion for occasion, _from in batch]):
                by_occasion.setdefault(row[1], []).append(row)
            for occasion, reached_from in batch:
                if occasion not in nodes:
                    parent = nodes[reached_from]
                    if not self.add(occasion, parent.depth + 1, step, reached_from):
                        return new_actors
                depth = nodes[occasion].depth + 1
                for actor, _occasion, link, _date in by_occasion.get(occasion, []):
                    self.link(actor, occasion, link)
                    if actor not in nodes:
                        if not self.add(actor, depth, step, occasion):
                            return new_actors
                        new_actors.append(actor)
        return new_actors


def neighbourhood(
    kind: str,
    record_id: int,
    steps: int = 1,
    period: Period | None = None,
    limit: int = MAX_NODES,
) -> Neighbourhood:
    """The records linked to one person, organization, event or delegation through events
    and delegations, ``steps`` (1 or 2) meetings away, within ``period``; at most ``limit``
    records, the nearest and most recent first."""
    if kind not in KINDS:
        raise ValueError(f"no picture of who met whom for a {kind}")
    period = period or Period()
    if period.start is not None and period.end is not None and period.end < period.start:
        raise RelationshipRefused(
            _("The period ends ({end}) before it starts ({start}).").format(
                end=f"{period.end:%d.%m.%Y}", start=f"{period.start:%d.%m.%Y}"
            )
        )
    centre: NodeKey = (kind, int(record_id))
    builder = _Builder(centre, steps, period, limit)
    actors = [centre] if kind in ACTORS else []
    occasions = [] if kind in ACTORS else [centre]
    for step in range(1, steps + 1):
        actors = builder.step(actors, occasions, step)
        occasions = []
        if builder.result.truncated:
            break
    result = builder.result
    result.edges = _edges(result.nodes, builder.links)
    _name(result.nodes)
    return result


def _edges(nodes: dict[NodeKey, Node], links: dict[tuple[NodeKey, NodeKey], str]) -> list[Edge]:
    edges = [Edge(a, b, link) for (a, b), link in links.items() if a in nodes and b in nodes]
    people = [i for kind, i in nodes if kind == "person"]
    for ids in _chunks(people):
        query = Person.select(Person.id, Person.organization).where(
            Person.id.in_(_listed(ids)) & Person.organization.is_null(False)
        )
        for person, organization in _raw(query):
            if ("organization", organization) in nodes:
                edges.append(Edge(("person", person), ("organization", organization), "works_at"))
    delegations = [i for kind, i in nodes if kind == "delegation"]
    for ids in _chunks(delegations):
        query = DelegationEvent.select(DelegationEvent.delegation, DelegationEvent.event).where(
            DelegationEvent.delegation.in_(_listed(ids))
        )
        for delegation, event in _raw(query):
            if ("event", event) in nodes:
                edges.append(Edge(("delegation", delegation), ("event", event), "joint"))
    return sorted(edges, key=lambda edge: (edge.source, edge.target))


def _date_text(starts: dt.date | None, ends: dt.date | None) -> str:
    if starts is None:
        return ""
    if ends is None or ends == starts:
        return starts.strftime("%d.%m.%Y")
    return f"{starts:%d.%m.%Y}–{ends:%d.%m.%Y}"


def _name(nodes: dict[NodeKey, Node]) -> None:
    """Each node's label (short: an acronym rather than a ministry's whole name) and detail,
    in the interface language where the record has a name in it."""
    ids: dict[str, list[int]] = {kind: [] for kind in KINDS}
    for kind, record_id in nodes:
        ids[kind].append(record_id)
    local = language()
    for chunk in _chunks(ids["organization"]):
        for row in Organization.select(
            Organization.id,
            Organization.name,
            Organization.short_name,
            Organization.name_ru,
            Organization.name_kk,
        ).where(Organization.id.in_(_listed(chunk))):
            name = {"ru": row.name_ru, "kk": row.name_kk}.get(local) or row.name
            node = nodes[("organization", row.id)]
            node.label = row.short_name or name
            node.name = name
    for chunk in _chunks(ids["person"]):
        for record_id, full_name, position in (
            Person.select(Person.id, Person.full_name, Person.position)
            .where(Person.id.in_(_listed(chunk)))
            .tuples()
        ):
            node = nodes[("person", record_id)]
            node.label = node.name = full_name
            node.detail = position
    titles = {
        "event": (Event, name_in_language(Event.title, Event.title_kk, Event.title_ru)),
        "delegation": (Delegation, Delegation.title),
    }
    for kind, (model, title) in titles.items():
        for chunk in _chunks(ids[kind]):
            for record_id, shown, starts, ends in (
                model.select(model.id, title, model.starts_on, model.ends_on)
                .where(model.id.in_(_listed(chunk)))
                .tuples()
            ):
                node = nodes[(kind, record_id)]
                node.label = node.name = shown
                node.detail = _date_text(starts, ends)


# -- a record named on the command line ---------------------------------------------------------


def find_person(text: str) -> Person:
    """A person named on the command line: their number or any spelling of their name.
    Refuses, saying why, when none or several match."""
    text = searchable(text).strip()
    if text.isdigit():
        found = Person.get_or_none(Person.id == int(text))
        if found is None:
            raise RelationshipRefused(_("There is no person no. {number}.").format(number=text))
        return found
    key = name_key(text) or None  # a text of dashes names nobody
    found = list(Person.select().where(Person.name_key == key).order_by(Person.id).limit(6))
    if not found and key is not None:
        found = list(
            Person.select()
            .where(Person.search_text.contains(fold(text)))
            .order_by(Person.id)
            .limit(6)
        )
    if not found:
        raise RelationshipRefused(
            _("No person is called “{name}”. Give their full name or number.").format(name=text)
        )
    if len(found) > 1:
        names = "; ".join(f"{person.full_name} (no. {person.id})" for person in found[:5])
        raise RelationshipRefused(
            _("“{name}” names several people: {names}. Give their number.").format(
                name=text, names=names
            )
        )
    return found[0]


# -- the words around the picture ---------------------------------------------------------------


def picture_title(neighbourhood: Neighbourhood) -> str:
    centre = neighbourhood.nodes[neighbourhood.centre]
    return _("Who met whom: {name}").format(name=centre.name)


def picture_caption(neighbourhood: Neighbourhood) -> str:
    """How far and when: "2 steps · from 01.01.2015 to 31.12.2018"."""
    steps = ngettext("{count} step", "{count} steps", neighbourhood.steps).format(
        count=neighbourhood.steps
    )
    start, end = neighbourhood.period.start, neighbourhood.period.end
    if start and end:
        period = _("from {start} to {end}").format(start=f"{start:%d.%m.%Y}", end=f"{end:%d.%m.%Y}")
    elif start:
        period = _("from {start}").format(start=f"{start:%d.%m.%Y}")
    elif end:
        period = _("until {end}").format(end=f"{end:%d.%m.%Y}")
    else:
        period = _("all dates")
    return f"{steps} · {period}"


def picture_note(neighbourhood: Neighbourhood) -> str:
    """What the picture leaves out, or why it is empty; "" when it shows everything."""
    centre = neighbourhood.nodes[neighbourhood.centre]
    if neighbourhood.truncated:
        return _(
            "Only the nearest {count} records are shown: choose one step or a shorter period "
            "to see the others."
        ).format(count=len(neighbourhood.nodes))
    if len(neighbourhood.nodes) == 1:
        if neighbourhood.period.bounded:
            return _("No event or delegation links “{name}” to anyone in this period.").format(
                name=centre.label
            )
        return _("No event or delegation links “{name}” to anyone yet.").format(name=centre.label)
    return ""
