"""Delegations received and sent: who went, whom they met, what was agreed, what follows from
it, and the events, programs and agreements they belong with."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import JOIN, ModelSelect, Select

from models import clock
from models import validation as check
from models.editing import Children, RecordEditor
from models.errors import Problem
from models.kinds.organizations import ORGANIZATION_NAME, ORGANIZATION_ORDER
from models.kinds.registry import editor_of, register
from models.listing import (
    COUNTRY_NAME,
    COUNTRY_ORDER,
    Column,
    Filter,
    RecordList,
    country_filter,
    sorted_in_language,
    tag_filter,
    with_country,
    year_filter,
)
from models.store.base import RecordModel
from models.store.records import (
    Delegation,
    DelegationAgreement,
    DelegationEvent,
    DelegationMember,
    DelegationProgram,
    FollowUp,
    Organization,
    Person,
)
from models.words.choices import DELEGATION_DIRECTIONS, DELEGATION_SIDES
from models.words.countries import country_words, valid_country
from models.words.labels import kind_label
from models.words.translation import N_, _

MEMBERS = Children(
    "members", DelegationMember, "delegation", ("person", "side", "role"), text_fields=("role",)
)
# ``done_on`` and ``responsible_person`` have no column in the form, but travel with the row
# so that saving the delegation again keeps them.
FOLLOW_UPS = Children(
    "follow_ups",
    FollowUp,
    "delegation",
    ("action", "responsible", "responsible_person", "due_on", "done", "done_on"),
    text_fields=("action", "responsible"),
)
# A link row holds one field: the id of the linked record.
LINKS = (
    Children("events", DelegationEvent, "delegation", ("event",)),
    Children("programs", DelegationProgram, "delegation", ("program",)),
    Children("agreements", DelegationAgreement, "delegation", ("agreement",)),
)


def person_name(person_id: int | None) -> str:
    person = Person.get_or_none(Person.id == person_id)
    return person.full_name if person else "?"


def member_name(row: dict[str, Any]) -> str:
    """The person a member or counterpart row names."""
    return person_name(row.get("person"))


def linked_title(model: type[RecordModel], record_id: int | None) -> str:
    """How a linked event, program or agreement is named, as its own kind titles it."""
    record = model.get_or_none(model.id == record_id)
    if record is None:
        return "?"
    editor = editor_of(model)
    if editor:
        return editor.title(record)
    return _("{kind} no. {number}").format(kind=kind_label(model), number=record.id)


def link_target(links: Children) -> tuple[str, type[RecordModel]]:
    """The field of a link row and the kind of record it points to."""
    field = links.fields[0]
    return field, links.model._meta.fields[field].rel_model


class DelegationEditor(RecordEditor):
    kind = "delegation"
    model = Delegation
    title_field = "title"
    text_fields = ("title", "city", "place")
    note_fields = ("purpose", "agenda", "outcomes", "notes")
    value_fields = ("direction", "organization", "head", "starts_on", "ends_on", "country")
    children = (MEMBERS, FOLLOW_UPS, *LINKS)

    def title(self, record: Delegation) -> str:
        if record.starts_on:
            return f"{record.title} ({record.starts_on:%d.%m.%Y})"
        return record.title

    def empty_values(self) -> dict[str, Any]:
        values = super().empty_values()
        values["direction"] = "incoming"
        return values

    def clean_values(self, values: dict[str, Any]) -> dict[str, Any]:
        values = super().clean_values(values)
        for row in values["members"]:
            row["side"] = row["side"] or "member"
        record_done_dates(values["follow_ups"], clock.today())
        return values

    def validate(self, values: dict[str, Any], record_id: int | None) -> list[Problem]:
        problems = check.collect(
            check.required(values["title"], "title", N_("Title")),
            check.required(values["direction"], "direction", N_("Direction")),
            check.choice(values, "direction", DELEGATION_DIRECTIONS, N_("Direction")),
            valid_country(values["country"]),
        )
        problems += check.period(values)
        problems += member_problems(values["members"])
        problems += follow_up_problems(values["follow_ups"])
        for links in LINKS:
            problems += link_problems(links, values[links.key])
        return problems

    def search_words(self, record: Delegation) -> list[str]:
        # The organization's and the head's names are searched through the list's joins.
        words = super().search_words(record) + [record.purpose, record.agenda]
        words += country_words(record.country_id)
        return words


def record_done_dates(rows: list[dict[str, Any]], today: dt.date) -> None:
    """A follow-up remembers the day it was first ticked done, and forgets it when unticked."""
    for row in rows:
        row["done"] = bool(row["done"])
        if not row["done"]:
            row["done_on"] = None
        elif row["done_on"] is None:
            row["done_on"] = today


def member_problems(rows: list[dict[str, Any]]) -> list[Problem]:
    problems = []
    wanted = {row["person"] for row in rows if row["person"] is not None}
    found = {person.id for person in Person.select(Person.id).where(Person.id.in_(wanted))}
    seen = set()
    for row in rows:
        if row["person"] not in found:
            problems.append(
                Problem(
                    "members", _("A member or counterpart is no longer recorded. Remove its row.")
                )
            )
            continue
        if row["side"] not in DELEGATION_SIDES:
            problems.append(
                Problem(
                    "members",
                    _("Choose whether {name} is a member or a counterpart met.").format(
                        name=member_name(row)
                    ),
                )
            )
            continue
        key = (row["person"], row["side"])
        if key in seen:
            problems.append(
                Problem(
                    "members",
                    _("{name} is listed twice as “{side}”. Remove one of the two rows.").format(
                        name=member_name(row), side=DELEGATION_SIDES.label(row["side"])
                    ),
                )
            )
        seen.add(key)
    return problems


def follow_up_problems(rows: list[dict[str, Any]]) -> list[Problem]:
    problems = []
    for row in rows:
        if row["action"]:
            continue
        who, due = row["responsible"], f"{row['due_on']:%d.%m.%Y}" if row["due_on"] else ""
        if who and due:
            message = _(
                "A follow-up ({who}, due {date}) has no action. Write what is to be done, or "
                "remove the row."
            )
        elif who:
            message = _(
                "A follow-up ({who}) has no action. Write what is to be done, or remove the row."
            )
        elif due:
            message = _(
                "A follow-up (due {date}) has no action. Write what is to be done, or remove "
                "the row."
            )
        else:
            message = _("A follow-up has no action. Write what is to be done, or remove the row.")
        problems.append(Problem("follow_ups", message.format(who=who, date=due)))
    return problems


# A linked record that was deleted while the form was open, by the table it was linked in.
GONE_LINKS = {
    "events": N_("A linked event is no longer recorded. Remove its row."),
    "programs": N_("A linked program is no longer recorded. Remove its row."),
    "agreements": N_("A linked agreement is no longer recorded. Remove its row."),
}


def link_problems(links: Children, rows: list[dict[str, Any]]) -> list[Problem]:
    """A linked record must exist, and be linked once."""
    field, target = link_target(links)
    wanted = {row[field] for row in rows if row[field] is not None}
    found = {record.id for record in target.select(target.id).where(target.id.in_(wanted))}
    problems = []
    seen = set()
    for row in rows:
        record_id = row[field]
        if record_id not in found:
            problems.append(Problem(links.key, _(GONE_LINKS[links.key])))
        elif record_id in seen:
            problems.append(
                Problem(
                    links.key,
                    _("“{title}” is linked twice. Remove one of the two rows.").format(
                        title=linked_title(target, record_id)
                    ),
                )
            )
        seen.add(record_id)
    return problems


def is_overdue(row: dict[str, Any], today: dt.date | None = None) -> bool:
    """A follow-up not done whose due date has passed: the same rule as
    ``follow_ups_overdue``, for a row held in a form."""
    due = row.get("due_on")
    return bool(due and not row.get("done") and due < (today or clock.today()))


def follow_ups_overdue(today: dt.date) -> ModelSelect:
    """Follow-up actions not done whose due date has passed on ``today``, the longest
    overdue first, each with its delegation."""
    return (
        FollowUp.select(FollowUp, Delegation)
        .join(Delegation)
        .where(
            (FollowUp.done == False)  # noqa: E712 -- peewee builds SQL from the comparison
            & FollowUp.due_on.is_null(False)
            & (FollowUp.due_on < today)
        )
        .order_by(FollowUp.due_on, FollowUp.id)
    )


DELEGATIONS = register(DelegationEditor())


_Head = Person.alias("head")


def _delegation_joins(query: Select) -> Select:
    return (
        with_country(query, Delegation)
        .join_from(
            Delegation,
            Organization,
            JOIN.LEFT_OUTER,
            on=(Delegation.organization == Organization.id),
        )
        .join_from(Delegation, _Head, JOIN.LEFT_OUTER, on=(Delegation.head == _Head.id))
    )


DELEGATION_LIST = RecordList(
    "delegation",
    Delegation,
    columns=[
        Column("starts_on", N_("Starts"), Delegation.starts_on, width=95),
        Column(
            "title", N_("Title"), Delegation.title, sort=sorted_in_language(Delegation), width=300
        ),
        Column(
            "direction",
            N_("Direction"),
            Delegation.direction,
            choices=DELEGATION_DIRECTIONS,
            width=90,
        ),
        Column(
            "organization",
            "Organization",
            ORGANIZATION_NAME,
            sort=ORGANIZATION_ORDER,
            width=260,
        ),
        Column("head", N_("Head"), _Head.full_name, sort=sorted_in_language(_Head), width=200),
        Column("city", N_("City"), Delegation.city, width=110),
        Column("country", N_("Country"), COUNTRY_NAME, sort=COUNTRY_ORDER, width=130),
        Column("ends_on", N_("Ends"), Delegation.ends_on, shown=False, width=95),
        Column("place", N_("Place"), Delegation.place, shown=False, width=220),
        Column("updated_at", N_("Changed"), Delegation.updated_at, shown=False, width=130),
    ],
    filters=[
        Filter("direction", N_("Direction"), "choice", Delegation.direction, DELEGATION_DIRECTIONS),
        country_filter(Delegation.country),
        year_filter(Delegation.starts_on),
        tag_filter(),
    ],
    joins=_delegation_joins,
    country=Delegation.country,
    default_sort="starts_on",
    default_descending=True,
    search_links=[
        (Delegation.organization, Organization.search_text),
        (Delegation.head, _Head.search_text),
    ],
)
