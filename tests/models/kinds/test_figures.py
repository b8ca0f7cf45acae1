"""Key figures: the number kept exactly, the checks with their fields, how a figure reads,
and its list searched, filtered and sorted in SQL."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models.errors import ValidationFailed
from models.kinds.figures import FIGURE_LIST, FIGURES
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.programs import PROGRAMS
from models.kinds.sources import SOURCES
from models.listing import ListRequest
from models.store.records import KeyFigure

NARROW = ","  # between thousands in a number shown in English

PUBLICATIONS = {
    "measure": "joint Kazakhstan–Spain publications",
    "value": Decimal("1130"),
    "unit": "publications",
    "period_label": "in 30 years",
    "period_start": dt.date(1995, 1, 1),
    "period_end": dt.date(2025, 1, 1),
    "as_of": dt.date(2025, 5, 20),
    "country": "ES",
    "tags": ["Spain brief"],
}


def fields(problems):
    return {problem.field: problem.message for problem in problems}


def refused(values):
    with pytest.raises(ValidationFailed) as failure:
        FIGURES.save(values)
    return fields(failure.value.problems)


def rows(request=None, column="measure"):
    position = [c.key for c in FIGURE_LIST.columns].index(column) + 1
    return [row[position] for row in FIGURE_LIST.rows(request or ListRequest(), 0, 100)]


def test_create_keeps_the_exact_number_and_what_it_is_about(database):
    source = SOURCES.save({"title": "Kazakhstan and Spain: 30 years of science"})
    istc = ORGANIZATIONS.save({"name": "International Science and Technology Center"})
    figure = FIGURES.save({**PUBLICATIONS, "organization": istc.id, "source": source.id})
    values = FIGURES.load(figure.id)
    assert values["value"] == Decimal("1130")
    assert isinstance(values["value"], Decimal)
    assert values["qualifier"] == "exact"
    assert values["country"] == "ES"
    assert values["organization"] == istc.id
    assert values["source"] == source.id
    assert values["period_end"] == dt.date(2025, 1, 1)
    assert values["tags"] == ["Spain brief"]


def test_a_number_written_as_people_write_it_is_read(database):
    figure = FIGURES.save({"measure": "AI-Sana certificates", "value": "350 000"})
    assert KeyFigure.get_by_id(figure.id).value == Decimal("350000")
    figure = FIGURES.save({"measure": "share of joint projects", "value": "12,5", "unit": "%"})
    assert KeyFigure.get_by_id(figure.id).value == Decimal("12.5")


def test_a_figure_without_a_value_or_a_measure_is_refused_by_field(database):
    problems = refused({"measure": "  ", "value": None})
    assert "Enter the number" in problems["value"]
    assert "What is measured is required" in problems["measure"]
    assert "“many” is not a number" in refused({"measure": "projects", "value": "many"})["value"]
    assert "too large" in refused({"measure": "projects", "value": Decimal("1e17")})["value"]
    assert KeyFigure.select().count() == 0


def test_a_period_out_of_order_and_unknown_links_are_refused(database):
    problems = refused(
        {
            **PUBLICATIONS,
            "period_start": dt.date(2025, 1, 1),
            "period_end": dt.date(2015, 1, 1),
            "qualifier": "roughly",
            "country": "XX",
            "organization": 999,
            "program": 998,
        }
    )
    assert "Period end (01.01.2015) is before period start" in problems["period_end"]
    assert "Qualifier: “roughly” is not one of the choices" in problems["qualifier"]
    assert "Choose the country" in problems["country"]
    assert "chosen in “Organization” no longer exists" in problems["organization"]
    assert "chosen in “Program” no longer exists" in problems["program"]
    assert KeyFigure.select().count() == 0


def test_a_figure_reads_as_a_sentence(database):
    def title(**values):
        return FIGURES.title(FIGURES.save({"measure": "joint publications", **values}))

    assert title(
        value=1130, unit="publications", measure="joint Kazakhstan–Spain publications"
    ) == (f"1{NARROW}130 joint Kazakhstan–Spain publications")
    assert title(value=150, qualifier="about", unit="publications", period_label="per year") == (
        "about 150 joint publications per year"
    )
    assert title(value=50, qualifier="more_than", measure="ISTC projects") == (
        "more than 50 ISTC projects"
    )
    assert title(value=350000, unit="certificates", measure="issued by AI-Sana") == (
        f"350{NARROW}000 certificates issued by AI-Sana"
    )
    assert title(value="12,5", unit="%", measure="of graduates abroad") == (
        "12.5% of graduates abroad"
    )


def test_the_list_shows_linked_names_and_sorts_values_as_numbers(database):
    istc = ORGANIZATIONS.save({"name": "International Science and Technology Center"})
    ai_sana = PROGRAMS.save({"name": "AI-Sana"})
    FIGURES.save(PUBLICATIONS)
    FIGURES.save({"measure": "ISTC projects", "value": 50, "organization": istc.id})
    FIGURES.save({"measure": "AI-Sana certificates", "value": 350000, "program": ai_sana.id})
    FIGURES.save({"measure": "joint publications a year", "value": 150, "country": "ES"})

    by_value = ListRequest(sort="value")
    assert rows(by_value, "value") == [Decimal(50), Decimal(150), Decimal(1130), Decimal(350000)]
    assert rows(by_value, "organization")[0] == istc.name
    assert rows(by_value, "program")[3] == "AI-Sana"
    assert rows(by_value, "country")[1] == "Spain"
    value = FIGURE_LIST.column("value")
    assert value.display(Decimal("1130.0000")) == f"1{NARROW}130"


def test_the_list_finds_figures_by_what_they_are_about(database):
    istc = ORGANIZATIONS.save(
        {"name": "International Science and Technology Center", "short_name": "ISTC"}
    )
    FIGURES.save(PUBLICATIONS)
    FIGURES.save({"measure": "projects in Kazakhstan", "value": 50, "organization": istc.id})
    FIGURES.save(
        {"measure": "AI-Sana certificates", "value": 350000, "as_of": dt.date(2024, 12, 1)}
    )

    assert rows(ListRequest(search="Испания")) == ["joint Kazakhstan–Spain publications"]
    assert rows(ListRequest(search="istc")) == ["projects in Kazakhstan"]
    assert rows(ListRequest(search="30 years")) == ["joint Kazakhstan–Spain publications"]
    assert rows(ListRequest(filters={"country": "ES"})) == ["joint Kazakhstan–Spain publications"]
    assert rows(ListRequest(filters={"year": "2024"})) == ["AI-Sana certificates"]
    assert rows(ListRequest(filters={"tag": "Spain brief"})) == [
        "joint Kazakhstan–Spain publications"
    ]
    # A renamed organization finds its figures by the new name at once.
    ORGANIZATIONS.save({"name": istc.name, "short_name": "МНТЦ"}, istc.id)
    assert rows(ListRequest(search="мнтц")) == ["projects in Kazakhstan"]
    assert FIGURE_LIST.count(ListRequest(search="мнтц")) == 1


def test_deleting_the_organization_a_figure_is_about_deletes_the_figure_and_says_so(database):
    istc = ORGANIZATIONS.save({"name": "International Science and Technology Center"})
    FIGURES.save({"measure": "ISTC projects", "value": 50, "organization": istc.id})
    said = [c.description for c in ORGANIZATIONS.consequences(istc.id)]
    assert "1 key figure will be deleted with it" in said
    ORGANIZATIONS.delete(istc.id)
    assert KeyFigure.select().count() == 0


def test_edit_and_delete_a_figure(database):
    figure = FIGURES.save(PUBLICATIONS)
    FIGURES.save({**PUBLICATIONS, "value": "1 200", "qualifier": "more_than"}, figure.id)
    edited = KeyFigure.get_by_id(figure.id)
    assert (edited.value, edited.qualifier) == (Decimal(1200), "more_than")
    said = [c.description for c in FIGURES.consequences(figure.id)]
    assert said == ["1 tag will be removed from it"]
    FIGURES.delete(figure.id)
    assert KeyFigure.select().count() == 0
