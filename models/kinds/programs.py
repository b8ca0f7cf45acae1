"""Programs: national and international programs, joint projects, laboratories and campuses,
with their lead organization, partners in their roles, budget and areas of cooperation."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from peewee import JOIN, Select

from models import validation as check
from models.editing import Children, RecordEditor
from models.errors import Problem
from models.kinds.organizations import ORGANIZATION_NAME, ORGANIZATION_ORDER, ORGANIZATIONS
from models.kinds.registry import register
from models.listing import (
    Column,
    Filter,
    RecordList,
    country_filter,
    name_in_language,
    sorted_in_language,
    tag_filter,
)
from models.store.records import KeyFigure, Organization, Program, ProgramArea, ProgramPartner
from models.words.areas import area_names
from models.words.choices import PARTNER_ROLES, PROGRAM_KINDS, PROGRAM_STATUSES
from models.words.numbers import as_number
from models.words.translation import N_, _

# The budget column keeps 18 digits, two of them after the decimal point.
BUDGET_LIMIT = Decimal(10) ** 16


def organization_label(organization_id: int | None) -> str:
    """An organization as a row of a table names it; "?" once it has been deleted."""
    organization = Organization.get_or_none(Organization.id == organization_id)
    return ORGANIZATIONS.title(organization) if organization else "?"


def currency_problem(code: str) -> Problem | None:
    if not code:
        return None
    # pycountry takes a noticeable time to import; only a typed currency needs it.
    import pycountry

    if len(code) != 3 or not code.isalpha() or pycountry.currencies.get(alpha_3=code) is None:
        return Problem(
            "currency",
            _(
                "“{code}” is not a currency code. Write its three letters, like KZT, USD or EUR."
            ).format(code=code),
        )
    return None


def budget_problems(budget: Decimal | str | None, currency: str) -> list[Problem]:
    if budget is None:
        return []
    if not isinstance(budget, Decimal):
        return [check.number(budget, "budget")]
    if budget < 0:
        return [Problem("budget", _("The budget cannot be negative. Remove the minus sign."))]
    if budget >= BUDGET_LIMIT:
        return [
            Problem("budget", _("The budget is too large to keep. Check the number of digits."))
        ]
    if not currency:
        return [Problem("currency", _("Give the currency of the budget, like KZT, USD or EUR."))]
    return []


def partner_problems(rows: list[dict[str, Any]]) -> list[Problem]:
    problems = []
    for row in rows:
        if row["organization"] is None:
            problems.append(
                Problem(
                    "partners", _("Each partner must be an organization. Remove the empty row.")
                )
            )
        elif row["role"] not in PARTNER_ROLES:
            problems.append(
                Problem(
                    "partners",
                    _("Choose the role of {name} from the list.").format(
                        name=organization_label(row["organization"])
                    ),
                )
            )
    chosen = [row for row in rows if row["organization"] is not None]
    for row in check.repeated(chosen, lambda row: (row["organization"], row["role"])):
        problems.append(
            Problem(
                "partners",
                _(
                    "{name} is listed twice in the role “{role}”. Remove one of the two rows."
                ).format(
                    name=organization_label(row["organization"]),
                    role=PARTNER_ROLES.label(row["role"]),
                ),
            )
        )
    return problems


class ProgramEditor(RecordEditor):
    kind = "program"
    model = Program
    title_field = "name"
    text_fields = ("name", "name_kk", "name_ru", "short_name", "currency")
    names_in = {"kk": "name_kk", "ru": "name_ru"}
    main_name_from = ("name_kk", "name_ru")
    no_name = N_("Give the name in at least one language: English, Kazakh or Russian.")
    note_fields = ("description", "notes")
    value_fields = ("kind", "status", "starts_on", "ends_on", "lead", "budget")
    areas = ProgramArea.program
    children = (Children("partners", ProgramPartner, "program", ("organization", "role")),)

    def title(self, record: Program) -> str:
        name = self.shown_name(record)
        if record.short_name and record.short_name != name:
            return f"{name} ({record.short_name})"
        return name

    def clean_values(self, values: dict[str, Any]) -> dict[str, Any]:
        values = super().clean_values(values)
        values["currency"] = values["currency"].upper()
        values["budget"] = as_number(values["budget"])
        for row in values["partners"]:
            row["role"] = row["role"] or "partner"
        return values

    def validate(self, values: dict[str, Any], record_id: int | None) -> list[Problem]:
        problems = check.collect(
            self.name_missing(values),
            check.choice(values, "kind", PROGRAM_KINDS, N_("Kind")),
            check.choice(values, "status", PROGRAM_STATUSES, N_("Status")),
            check.dates_in_order(values["starts_on"], values["ends_on"], "ends_on"),
            currency_problem(values["currency"]),
        )
        problems += budget_problems(values["budget"], values["currency"])
        problems += partner_problems(values["partners"])
        return problems

    def search_words(self, record: Program) -> list[str]:
        # The lead's names are searched in its own row (PROGRAM_LIST's search_links), so a
        # renamed lead finds its programs at once.
        words = [record.name, record.name_kk, record.name_ru, record.short_name]
        words.append(record.description)
        if record.id is not None:
            words += program_areas(record.id)
        return words


def program_areas(program_id: int) -> list[str]:
    return area_names(ProgramArea.program, program_id)


def program_figures(program_id: int) -> list[KeyFigure]:
    """The key figures reported about a program, the latest first."""
    return list(
        KeyFigure.select()
        .where(KeyFigure.program == program_id)
        .order_by(KeyFigure.as_of.desc(nulls="LAST"), KeyFigure.measure, KeyFigure.id)
    )


def program_label(program_id: int | None) -> str:
    """A program as a row of a table names it; "?" once it has been deleted."""
    program = Program.get_or_none(Program.id == program_id)
    return PROGRAMS.title(program) if program else "?"


PROGRAMS = register(ProgramEditor())


def _with_lead(query: Select) -> Select:
    return query.join(Organization, JOIN.LEFT_OUTER, on=(Program.lead == Organization.id))


PROGRAM_LIST = RecordList(
    "program",
    Program,
    columns=[
        Column(
            "name",
            N_("Name"),
            name_in_language(Program.name, Program.name_kk, Program.name_ru),
            sort=sorted_in_language(Program),
            width=320,
        ),
        Column("short_name", N_("Short name"), Program.short_name, shown=False, width=110),
        Column("kind", N_("Kind"), Program.kind, choices=PROGRAM_KINDS, width=170),
        Column("status", N_("Status"), Program.status, choices=PROGRAM_STATUSES, width=100),
        Column(
            "lead", N_("Lead organization"), ORGANIZATION_NAME, sort=ORGANIZATION_ORDER, width=260
        ),
        Column("starts_on", N_("Starts"), Program.starts_on, width=95),
        Column("ends_on", N_("Ends"), Program.ends_on, width=95),
        Column("budget", N_("Budget"), Program.budget, width=130),
        Column("currency", N_("Currency"), Program.currency, width=70),
        Column("name_en", N_("Name in English"), Program.name, shown=False, width=300),
        Column("name_ru", N_("Name in Russian"), Program.name_ru, shown=False, width=300),
        Column("name_kk", N_("Name in Kazakh"), Program.name_kk, shown=False, width=300),
        Column("updated_at", N_("Changed"), Program.updated_at, shown=False, width=130),
    ],
    filters=[
        Filter("kind", N_("Kind"), "choice", Program.kind, PROGRAM_KINDS),
        Filter("status", N_("Status"), "choice", Program.status, PROGRAM_STATUSES),
        country_filter(Organization.country),
        tag_filter(),
    ],
    joins=_with_lead,
    search_links=[(Program.lead, Organization.search_text)],
)
