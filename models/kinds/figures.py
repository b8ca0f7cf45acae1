"""Key figures (indicators): a number the department reports, what it measures, when, and
what it is about (a country, an organization, a program), with the source it comes from."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from peewee import JOIN, Select

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
    name_in_language,
    sorted_in_language,
    tag_filter,
    with_country,
    year_filter,
)
from models.store.records import KeyFigure, Organization, Program, Source
from models.words.choices import FIGURE_QUALIFIERS
from models.words.countries import valid_country
from models.words.numbers import as_number, format_number, kazakh_ablative
from models.words.text import fold
from models.words.translation import N_, _, language

# The column keeps 20 digits, 4 of them after the decimal point.
LARGEST_VALUE = Decimal(10) ** 16


def says(text: str, words: str) -> bool:
    """Whether ``text`` already contains ``words`` as whole words, ignoring case and accents,
    so "publications" is not repeated before "joint publications"."""
    return f" {fold(words)} " in f" {fold(text)} "


# A number with its qualifier, as a sentence says it.
QUALIFIED = {
    "about": N_("about {number}"),
    "more_than": N_("more than {number}"),
    "less_than": N_("less than {number}"),
}


def qualified_number(qualifier: str | None, number: str, value: Decimal | None) -> str:
    """ "about 150", "более 50", "50-ден астам": ``number`` as written, with its qualifier."""
    if not qualifier or qualifier not in QUALIFIED or value is None:
        return number
    if language() == "kk" and qualifier in ("more_than", "less_than"):
        # Kazakh puts "астам" and "кем" after the number, which takes the ablative ending
        # its sound asks for: "50-ден астам", "30-дан кем"; a percentage is read "пайыз".
        ending = "дан" if number.endswith("%") else kazakh_ablative(value)
        number = f"{number}-{ending}"
    return _(QUALIFIED[qualifier]).format(number=number)


def figure_wording(
    qualifier: str | None, value: Decimal | None, unit: str, measure: str, period: str = ""
) -> str:
    """A figure as a sentence says it: "about 150 joint publications per year"."""
    number = format_number(value)
    shown_unit = unit if unit and not says(measure, unit) else ""
    if shown_unit == "%":
        # A sign such as % belongs to the number; a word is a word of its own.
        number, shown_unit = f"{number}%", ""
    words = [qualified_number(qualifier, number, value), shown_unit, measure]
    if period and not says(measure, period):
        words.append(period)
    return " ".join(word for word in words if word)


def value_problem(value: Any) -> Problem | None:
    if value is None:
        return Problem(
            "value",
            _(
                "Value is required. Enter the number itself, like 1 130 or 50; "
                "for “50+” enter 50 and choose “{more_than}”."
            ).format(more_than=FIGURE_QUALIFIERS.label("more_than")),
        )
    if not isinstance(value, Decimal):
        return check.number(value, "value")
    if abs(value) >= LARGEST_VALUE:
        return Problem("value", _("This number is too large to keep. Check the digits."))
    return None


class KeyFigureEditor(RecordEditor):
    kind = "figure"
    model = KeyFigure
    title_field = "measure"
    text_fields = ("measure", "unit", "period_label")
    value_fields = (
        "value",
        "qualifier",
        "period_start",
        "period_end",
        "as_of",
        "country",
        "organization",
        "program",
        "source",
    )

    def title(self, record: KeyFigure) -> str:
        return figure_wording(
            record.qualifier, record.value, record.unit, record.measure, record.period_label
        )

    def empty_values(self) -> dict[str, Any]:
        values = super().empty_values()
        values["qualifier"] = "exact"
        return values

    def clean_values(self, values: dict[str, Any]) -> dict[str, Any]:
        values = super().clean_values(values)
        values["qualifier"] = values["qualifier"] or "exact"
        values["value"] = as_number(values["value"])
        return values

    def validate(self, values: dict[str, Any], record_id: int | None) -> list[Problem]:
        problems = check.collect(
            check.required(values["measure"], "measure", N_("What is measured")),
            value_problem(values["value"]),
            check.choice(values, "qualifier", FIGURE_QUALIFIERS, N_("Qualifier")),
            check.dates_in_order(
                values["period_start"],
                values["period_end"],
                "period_end",
                N_(
                    "Period end ({last}) is before period start ({first}). Correct one of the "
                    "two dates."
                ),
            ),
            valid_country(values["country"]),
        )
        return problems


def _figure_joins(query: Select) -> Select:
    return (
        with_country(query, KeyFigure)
        .join_from(
            KeyFigure,
            Organization,
            JOIN.LEFT_OUTER,
            on=(KeyFigure.organization == Organization.id),
        )
        .join_from(KeyFigure, Program, JOIN.LEFT_OUTER, on=(KeyFigure.program == Program.id))
        .join_from(KeyFigure, Source, JOIN.LEFT_OUTER, on=(KeyFigure.source == Source.id))
    )


FIGURE_LIST = RecordList(
    "figure",
    KeyFigure,
    columns=[
        Column(
            "measure",
            N_("What is measured"),
            KeyFigure.measure,
            sort=sorted_in_language(KeyFigure),
            width=300,
        ),
        Column("value", N_("Value"), KeyFigure.value, width=90),
        Column(
            "qualifier",
            N_("Qualifier"),
            KeyFigure.qualifier,
            choices=FIGURE_QUALIFIERS,
            shown=False,
            width=90,
        ),
        Column("unit", N_("Unit"), KeyFigure.unit, width=110),
        Column("as_of", N_("As of"), KeyFigure.as_of, width=95),
        Column("country", N_("Country"), COUNTRY_NAME, sort=COUNTRY_ORDER, width=130),
        Column(
            "organization",
            N_("Organization"),
            ORGANIZATION_NAME,
            sort=ORGANIZATION_ORDER,
            width=240,
        ),
        Column(
            "program",
            N_("Program"),
            name_in_language(Program.name, Program.name_kk, Program.name_ru),
            sort=sorted_in_language(Program),
            width=200,
        ),
        Column("period", N_("Period"), KeyFigure.period_label, shown=False, width=160),
        Column(
            "source",
            N_("Source"),
            Source.title,
            sort=sorted_in_language(Source),
            shown=False,
            width=260,
        ),
        Column("updated_at", N_("Changed"), KeyFigure.updated_at, shown=False, width=130),
    ],
    filters=[country_filter(KeyFigure.country), year_filter(KeyFigure.as_of), tag_filter()],
    joins=_figure_joins,
    # A figure is found by what it is about, read at search time, so a renamed
    # organization or program finds its figures by the new name at once.
    country=KeyFigure.country,
    search_links=[
        (KeyFigure.organization, Organization.search_text),
        (KeyFigure.program, Program.search_text),
    ],
)

FIGURES = register(KeyFigureEditor())
