"""Events: forums, conferences, lectures, meetings… with their participants."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import JOIN

from models import validation as check
from models.editing import Children, RecordEditor
from models.errors import Problem
from models.kinds.organizations import ORGANIZATION_NAME
from models.kinds.registry import register
from models.listing import (
    COUNTRY_NAME,
    COUNTRY_ORDER,
    Column,
    Filter,
    RecordList,
    country_filter,
    name_in_language,
    sorted_in_language,
    tag_filter,
    with_country,
    year_filter,
)
from models.store.records import Event, EventParticipant, Organization, Person
from models.words.choices import EVENT_KINDS, PARTICIPANT_ROLES, PARTICIPANT_STATUSES
from models.words.countries import country_words, valid_country
from models.words.translation import N_, _


def participant_name(row: dict[str, Any]) -> str:
    """The person or organization a participant row names."""
    return participant_names([row])[0]


def participant_names(rows: list[dict[str, Any]]) -> list[str]:
    """The names of many participant rows, read in two queries (an event may have hundreds
    of participants)."""
    people_ids = {row["person"] for row in rows if row.get("person") is not None}
    organization_ids = {
        row["organization"]
        for row in rows
        if row.get("person") is None and row.get("organization") is not None
    }
    people = (
        dict(Person.select(Person.id, Person.full_name).where(Person.id.in_(people_ids)).tuples())
        if people_ids
        else {}
    )
    organizations = (
        dict(
            Organization.select(Organization.id, ORGANIZATION_NAME)
            .where(Organization.id.in_(organization_ids))
            .tuples()
        )
        if organization_ids
        else {}
    )
    return [
        people.get(row["person"], "?")
        if row.get("person") is not None
        else organizations.get(row.get("organization"), "?")
        for row in rows
    ]


class EventEditor(RecordEditor):
    kind = "event"
    model = Event
    title_field = "title"
    text_fields = ("title", "title_kk", "title_ru", "city", "venue")
    names_in = {"kk": "title_kk", "ru": "title_ru"}
    main_name_from = ("title_kk", "title_ru")
    no_name = N_("Give the title in at least one language: English, Kazakh or Russian.")
    note_fields = ("topics", "summary", "outcomes", "notes")
    value_fields = ("kind", "starts_on", "ends_on", "starts_at", "ends_at", "country", "parent")
    inside_itself = N_("An event cannot be inside itself.")
    inside_a_child = N_("“{title}” already belongs to this event, so it cannot also be its parent.")
    children = (
        Children(
            "participants", EventParticipant, "event", ("person", "organization", "role", "status")
        ),
    )

    def title(self, record: Event) -> str:
        title = self.shown_name(record)
        if record.starts_on:
            return f"{title} ({record.starts_on:%d.%m.%Y})"
        return title

    def clean_values(self, values: dict[str, Any]) -> dict[str, Any]:
        values = super().clean_values(values)
        for row in values["participants"]:
            row["role"] = row["role"] or "attendee"
            row["status"] = row["status"] or "confirmed"
        return values

    def validate(self, values: dict[str, Any], record_id: int | None) -> list[Problem]:
        problems = check.collect(
            self.name_missing(values),
            check.choice(values, "kind", EVENT_KINDS, N_("Kind")),
            valid_country(values["country"]),
        )
        problems += check.period(values)
        same_day = values["starts_on"] and values["ends_on"] in (None, values["starts_on"])
        if (
            same_day
            and values["starts_at"]
            and values["ends_at"]
            and values["ends_at"] < values["starts_at"]
        ):
            problems.append(
                Problem(
                    "ends_at",
                    _(
                        "The event ends ({end}) before it starts ({start}). Correct one of the "
                        "two times."
                    ).format(
                        end=f"{values['ends_at']:%H:%M}", start=f"{values['starts_at']:%H:%M}"
                    ),
                )
            )
        problems += self.parent_problems(values["parent"], record_id)
        problems += participant_problems(values["participants"])
        return problems

    def search_words(self, record: Event) -> list[str]:
        words = super().search_words(record) + [record.topics]
        words += country_words(record.country_id)
        return words


def participant_problems(rows: list[dict[str, Any]]) -> list[Problem]:
    problems = []
    seen = set()
    for row in rows:
        if row["person"] is None and row["organization"] is None:
            problems.append(
                Problem("participants", _("Each participant must be a person or an organization."))
            )
            continue
        if row["role"] not in PARTICIPANT_ROLES or row["status"] not in PARTICIPANT_STATUSES:
            problems.append(
                Problem(
                    "participants",
                    _("Choose the role and status of {name} from the lists.").format(
                        name=participant_name(row)
                    ),
                )
            )
            continue
        key = (row["person"], row["organization"], row["role"])
        if key in seen:
            problems.append(
                Problem(
                    "participants",
                    _(
                        "{name} is listed twice in the role “{role}”. Remove one of the two rows."
                    ).format(name=participant_name(row), role=PARTICIPANT_ROLES.label(row["role"])),
                )
            )
        seen.add(key)
    return problems


def events_in(start: dt.date, end: dt.date):
    """Events that take place, at least in part, between two dates. Written as two ranges
    (starting within, or started before and still going on) so the database answers each
    from an index instead of walking every past event."""
    starting = Event.starts_on.between(start, end)
    going_on = (Event.starts_on < start) & (Event.ends_on >= start)
    return Event.select().where(starting | going_on)


_Parent = Event.alias("parent_event")

EVENT_LIST = RecordList(
    "event",
    Event,
    columns=[
        Column("starts_on", N_("Starts"), Event.starts_on, width=95),
        Column(
            "title",
            N_("Title"),
            name_in_language(Event.title, Event.title_kk, Event.title_ru),
            sort=sorted_in_language(Event),
            width=320,
        ),
        Column("kind", N_("Kind"), Event.kind, choices=EVENT_KINDS, width=140),
        Column("city", N_("City"), Event.city, width=110),
        Column("country", N_("Country"), COUNTRY_NAME, sort=COUNTRY_ORDER, width=130),
        Column("ends_on", N_("Ends"), Event.ends_on, shown=False, width=95),
        Column("venue", N_("Venue"), Event.venue, shown=False, width=220),
        Column(
            "parent",
            N_("Part of"),
            name_in_language(_Parent.title, _Parent.title_kk, _Parent.title_ru),
            sort=sorted_in_language(_Parent),
            shown=False,
            width=260,
        ),
        Column("title_kk", N_("Title in Kazakh"), Event.title_kk, shown=False, width=320),
        Column("title_en", N_("Title in English"), Event.title, shown=False, width=320),
        Column("title_ru", N_("Title in Russian"), Event.title_ru, shown=False, width=320),
        Column("updated_at", N_("Changed"), Event.updated_at, shown=False, width=130),
    ],
    filters=[
        country_filter(Event.country),
        Filter("kind", N_("Kind"), "choice", Event.kind, EVENT_KINDS),
        year_filter(Event.starts_on),
        tag_filter(),
    ],
    joins=lambda query: with_country(query, Event).join_from(
        Event, _Parent, JOIN.LEFT_OUTER, on=(Event.parent == _Parent.id)
    ),
    default_sort="starts_on",
    default_descending=True,
    country=Event.country,
)

EVENTS = register(EventEditor())
