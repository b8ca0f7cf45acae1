"""Organizations (partners): their rules, what they are found by, and their areas."""

from __future__ import annotations

from typing import Any

from peewee import JOIN

from models import validation as check
from models.editing import RecordEditor, find_records
from models.errors import Problem
from models.kinds.registry import register
from models.listing import (
    COUNTRY_NAME,
    COUNTRY_ORDER,
    Column,
    Filter,
    InLanguage,
    RecordList,
    country_filter,
    name_in_language,
    sorted_in_language,
    tag_filter,
    with_country,
)
from models.store.records import Organization, OrganizationArea
from models.words.areas import area_names
from models.words.choices import ORGANIZATION_KINDS, ORGANIZATION_STATUSES
from models.words.collation import sort_keys
from models.words.countries import country_words, valid_country
from models.words.text import name_key
from models.words.translation import LANGUAGES, N_, _


def website_host(url: str) -> str:
    """The site of a web address, which two records of one organization share:
    "https://www.CSIC.es/en" -> "csic.es"; "" when it has no letter or digit ("-.--"), which
    tells no site from another."""
    host = (check.split_url(url).hostname or "").removeprefix("www.").lower()
    return host if name_key(host) else ""


class OrganizationEditor(RecordEditor):
    kind = "organization"
    model = Organization
    title_field = "name"
    text_fields = (
        "name",
        "short_name",
        "name_kk",
        "name_ru",
        "name_original",
        "other_names",
        "city",
        "website",
        "email",
        "phone",
    )
    value_fields = ("kind", "status", "country", "parent")
    areas = OrganizationArea.organization
    inside_itself = N_("An organization cannot be inside itself.")
    inside_a_child = N_(
        "“{title}” already belongs to this organization, so it cannot also be its parent."
    )
    names_in = {"kk": "name_kk", "ru": "name_ru"}
    main_name_from = ("name_kk", "name_ru", "name_original")
    no_name = N_("Give the name in at least one language: English, Kazakh or Russian.")

    def title(self, record: Organization) -> str:
        name = self.shown_name(record)
        if record.short_name and record.short_name != name:
            return f"{name} ({record.short_name})"
        return name

    def validate(self, values: dict[str, Any], record_id: int | None) -> list[Problem]:
        problems = check.collect(
            self.name_missing(values),
            check.web_address(values["website"]),
            check.email(values["email"]),
        )
        if values["name"] and not name_key(values["name"]):
            problems.append(Problem("name", _("Name must contain letters or digits.")))
        problems += check.collect(
            check.choice(values, "kind", ORGANIZATION_KINDS, N_("Kind")),
            check.choice(values, "status", ORGANIZATION_STATUSES, N_("Status")),
            valid_country(values["country"]),
        )
        problems += self.parent_problems(values["parent"], record_id)
        return problems

    def twin_problems(self, values: dict[str, Any], record_id: int | None) -> list[Problem]:
        """The same organization twice: the same name (ignoring case, spacing and punctuation)
        in the same country, or the same website."""
        problems = []
        key = name_key(values["name"])  # none for a name of symbols, refused by validate
        same_name = Organization.select().where(Organization.name_key == key)
        if values["country"]:
            same_name = same_name.where(
                (Organization.country == values["country"]) | Organization.country.is_null()
            )
        if record_id is not None:
            same_name = same_name.where(Organization.id != record_id)
        twin = same_name.first() if key else None
        if twin is not None:
            problems.append(
                Problem(
                    "name",
                    _(
                        "“{name}” is already recorded (no. {number}). Open that organization "
                        "instead, or give this one a name that tells them apart."
                    ).format(name=twin.name, number=twin.id),
                )
            )
        host = website_host(values["website"]) if values["website"] else ""
        if host:
            query = Organization.select().where(Organization.website_key == host)
            if record_id is not None:
                query = query.where(Organization.id != record_id)
            other = query.first()
            if other is not None:
                problems.append(
                    Problem(
                        "website",
                        _(
                            "{site} is already the website of “{name}”. Open that "
                            "organization instead, or correct the address."
                        ).format(site=host, name=other.name),
                    )
                )
        return problems

    def search_words(self, record: Organization) -> list[str]:
        words = super().search_words(record)
        words += country_words(record.country_id)
        return words

    def prepare(self, record: Organization, values: dict[str, Any]) -> None:
        record.name_key = name_key(record.name)
        record.short_key = name_key(record.short_name)
        short = sort_keys(dict.fromkeys(LANGUAGES, record.short_name))
        for column, key in short.items():
            setattr(record, f"short_{column}", key)
        record.website = check.normalize_url(record.website)
        record.website_key = website_host(record.website) if record.website else ""


def organization_areas(organization_id: int) -> list[str]:
    return area_names(OrganizationArea.organization, organization_id)


def find_organizations(
    text: str, limit: int = 20, exclude: int | None = None
) -> list[Organization]:
    """Organizations found by any of their names, for pickers."""
    return find_records(Organization, text, limit, exclude, order=ORGANIZATION_ORDER)


ORGANIZATIONS = register(OrganizationEditor())


def organization_name(model: Any = Organization) -> InLanguage:
    """An organization's name as lists show it (of ``Organization`` or an alias of it): in
    Kazakh or Russian where it has one, else its main name."""
    return name_in_language(model.name, model.name_kk, model.name_ru)


ORGANIZATION_NAME = organization_name()
ORGANIZATION_ORDER = sorted_in_language(Organization)

_Parent = Organization.alias("parent_organization")


def _organization_joins(query):
    return with_country(query, Organization).join_from(
        Organization, _Parent, JOIN.LEFT_OUTER, on=(Organization.parent == _Parent.id)
    )


ORGANIZATION_LIST = RecordList(
    "organization",
    Organization,
    columns=[
        Column("name", N_("Name"), ORGANIZATION_NAME, sort=ORGANIZATION_ORDER, width=320),
        Column(
            "short_name",
            N_("Short name"),
            Organization.short_name,
            sort=InLanguage(
                en=Organization.short_sort_en,
                ru=Organization.short_sort_ru,
                kk=Organization.short_sort_kk,
            ),
            width=110,
        ),
        Column("kind", N_("Kind"), Organization.kind, choices=ORGANIZATION_KINDS, width=170),
        Column("country", N_("Country"), COUNTRY_NAME, sort=COUNTRY_ORDER, width=150),
        Column("city", N_("City"), Organization.city, width=120),
        Column(
            "status", N_("Status"), Organization.status, choices=ORGANIZATION_STATUSES, width=100
        ),
        Column("website", N_("Website"), Organization.website, width=200),
        Column("name_en", N_("Name in English"), Organization.name, shown=False, width=300),
        Column("name_ru", N_("Name in Russian"), Organization.name_ru, shown=False, width=300),
        Column("name_kk", N_("Name in Kazakh"), Organization.name_kk, shown=False, width=300),
        Column(
            "name_original", N_("Original name"), Organization.name_original, shown=False, width=300
        ),
        Column("other_names", N_("Other names"), Organization.other_names, shown=False, width=300),
        Column(
            "parent",
            N_("Parent organization"),
            organization_name(_Parent),
            sort=sorted_in_language(_Parent),
            shown=False,
            width=260,
        ),
        Column("email", N_("E-mail"), Organization.email, shown=False, width=200),
        Column("phone", N_("Phone"), Organization.phone, shown=False, width=140),
        Column("updated_at", N_("Changed"), Organization.updated_at, shown=False, width=130),
    ],
    filters=[
        country_filter(Organization.country),
        Filter("kind", N_("Kind"), "choice", Organization.kind, ORGANIZATION_KINDS),
        Filter("status", N_("Status"), "choice", Organization.status, ORGANIZATION_STATUSES),
        tag_filter(),
    ],
    joins=_organization_joins,
    country=Organization.country,
)
