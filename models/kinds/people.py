"""People at partner organizations."""

from __future__ import annotations

from typing import Any

from peewee import JOIN

from models import validation as check
from models.editing import RecordEditor
from models.errors import Problem
from models.kinds.organizations import ORGANIZATION_NAME, ORGANIZATION_ORDER
from models.kinds.registry import register
from models.listing import (
    COUNTRY_NAME,
    COUNTRY_ORDER,
    Column,
    RecordList,
    country_filter,
    sorted_in_language,
    tag_filter,
    with_country,
)
from models.store.records import Organization, Person
from models.words.text import name_key
from models.words.translation import N_


class PersonEditor(RecordEditor):
    kind = "person"
    model = Person
    title_field = "full_name"
    text_fields = ("full_name", "other_names", "position", "email", "phone")
    value_fields = ("organization",)

    def validate(self, values: dict[str, Any], record_id: int | None) -> list[Problem]:
        problems = check.collect(
            check.required(values["full_name"], "full_name", N_("Full name")),
            check.email(values["email"]),
        )
        return problems

    def prepare(self, record: Person, values: dict[str, Any]) -> None:
        record.name_key = name_key(record.full_name)


def people_of(organization_id: int) -> list[Person]:
    return list(
        Person.select()
        .where(Person.organization == organization_id)
        .order_by(sorted_in_language(Person), Person.id)
    )


PEOPLE = register(PersonEditor())


PERSON_LIST = RecordList(
    "person",
    Person,
    columns=[
        Column(
            "full_name", "Full name", Person.full_name, sort=sorted_in_language(Person), width=240
        ),
        Column("position", N_("Position"), Person.position, width=240),
        Column(
            "organization",
            N_("Organization"),
            ORGANIZATION_NAME,
            sort=ORGANIZATION_ORDER,
            width=300,
        ),
        Column("country", N_("Country"), COUNTRY_NAME, sort=COUNTRY_ORDER, width=140),
        Column("email", N_("E-mail"), Person.email, width=200),
        Column("phone", N_("Phone"), Person.phone, width=140),
        Column("other_names", N_("Other spellings"), Person.other_names, shown=False, width=220),
        Column("updated_at", N_("Changed"), Person.updated_at, shown=False, width=130),
    ],
    filters=[country_filter(Organization.country), tag_filter()],
    search_links=[(Person.organization, Organization.search_text)],
    joins=lambda query: with_country(
        query.join(Organization, JOIN.LEFT_OUTER, on=(Person.organization == Organization.id)),
        Organization,
    ),
)
