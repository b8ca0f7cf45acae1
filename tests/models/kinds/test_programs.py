"""Programs: their partners, budget, areas and key figures, the rules they must pass, their list
and what deleting one does."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from peewee import IntegrityError

from models.errors import ValidationFailed
from models.kinds.agreements import AGREEMENTS
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.programs import PROGRAM_LIST, PROGRAMS, program_figures
from models.listing import ListRequest
from models.store.records import (
    AgreementProgram,
    KeyFigure,
    Organization,
    Program,
    ProgramArea,
    ProgramPartner,
)


def fields(problems):
    """Each field's messages, as the form shows them under it."""
    shown = {}
    for problem in problems:
        shown[problem.field] = "\n".join(filter(None, (shown.get(problem.field), problem.message)))
    return shown


def refused(values, record_id=None):
    with pytest.raises(ValidationFailed) as failure:
        PROGRAMS.save(values, record_id)
    return fields(failure.value.problems)


@pytest.fixture
def partners(database):
    return {
        "ministry": ORGANIZATIONS.save(
            {
                "name": "Ministry of Science and Higher Education",
                "name_ru": "Министерство науки и высшего образования",
                "country": "KZ",
            }
        ),
        "coursera": ORGANIZATIONS.save({"name": "Coursera", "country": "US"}),
        "huawei": ORGANIZATIONS.save({"name": "Huawei", "country": "CN"}),
    }


def ai_sana(organizations, **changes):
    values = {
        "name": "AI-Sana",
        "short_name": "AIS",
        "kind": "national",
        "status": "active",
        "starts_on": dt.date(2024, 9, 1),
        "lead": organizations["ministry"].id,
        "budget": Decimal("1500000000"),
        "currency": "kzt",
        "areas": ["Artificial intelligence", "Online learning"],
        "description": "Courses in artificial intelligence for every student.",
        "tags": ["flagship"],
        "partners": [
            {"organization": organizations["coursera"].id, "role": "platform"},
            {"organization": organizations["huawei"].id, "role": "partner"},
        ],
    }
    values.update(changes)
    return values


def search(text, **filters):
    rows = PROGRAM_LIST.rows(ListRequest(search=text, filters=filters), 0, 50)
    return [row[1] for row in rows]


def test_create_keeps_every_field_its_partners_and_areas(partners):
    record = PROGRAMS.save(ai_sana(partners))
    values = PROGRAMS.load(record.id)
    assert values["name"] == "AI-Sana"
    assert values["lead"] == partners["ministry"].id
    assert values["budget"] == Decimal("1500000000")
    assert values["currency"] == "KZT"
    assert values["areas"] == ["Artificial intelligence", "Online learning"]
    assert values["tags"] == ["flagship"]
    assert values["partners"] == [
        {"organization": partners["coursera"].id, "role": "platform"},
        {"organization": partners["huawei"].id, "role": "partner"},
    ]
    assert PROGRAMS.title(record) == "AI-Sana (AIS)"


def test_a_partner_without_a_role_is_a_partner_and_may_hold_two_roles(partners):
    huawei = partners["huawei"].id
    record = PROGRAMS.save(
        ai_sana(
            partners,
            partners=[
                {"organization": huawei, "role": None},
                {"organization": huawei, "role": "funder"},
            ],
        )
    )
    roles = [row["role"] for row in PROGRAMS.load(record.id)["partners"]]
    assert roles == ["partner", "funder"]


def test_found_by_names_lead_areas_and_description(partners):
    PROGRAMS.save(ai_sana(partners))
    PROGRAMS.save({"name": "Water Research Center", "areas": ["Water"]})
    assert search("ais") == ["AI-Sana"]
    assert search("online learning") == ["AI-Sana"]
    assert search("министерство науки") == ["AI-Sana"]
    assert search("every student") == ["AI-Sana"]
    assert search("water") == ["Water Research Center"]


def test_a_renamed_lead_finds_its_programs_by_the_new_name(partners):
    PROGRAMS.save(ai_sana(partners))
    ministry = partners["ministry"]
    ORGANIZATIONS.save({"name": ministry.name, "short_name": "MSHE", "country": "KZ"}, ministry.id)
    assert search("mshe") == ["AI-Sana"]


def test_editing_the_areas_changes_what_finds_it(partners):
    record = PROGRAMS.save(ai_sana(partners))
    PROGRAMS.save(ai_sana(partners, areas=["Digital skills"]), record.id)
    assert PROGRAMS.load(record.id)["areas"] == ["Digital skills"]
    assert search("digital skills") == ["AI-Sana"]
    assert search("online learning") == []


def test_required_name_kind_and_dates_are_checked(partners):
    problems = refused(
        {
            "name": " ",
            "kind": "spaceship",
            "starts_on": dt.date(2025, 1, 1),
            "ends_on": dt.date(2024, 1, 1),
        }
    )
    assert problems["name"] == (
        "Give the name in at least one language: English, Kazakh or Russian."
    )
    assert "spaceship" in problems["kind"]
    assert "End date (01.01.2024) is before start date (01.01.2025)" in problems["ends_on"]
    assert Program.select().count() == 0


def test_the_currency_must_be_a_real_code_and_follow_any_budget(partners):
    assert (
        "“TENGE” is not a currency code" in refused(ai_sana(partners, currency="tenge"))["currency"]
    )
    assert "“XYZ” is not a currency code" in refused(ai_sana(partners, currency="XYZ"))["currency"]
    no_currency = refused(ai_sana(partners, currency=" "))
    assert "Give the currency of the budget" in no_currency["currency"]
    # A currency with no budget yet is harmless.
    assert PROGRAMS.save(ai_sana(partners, budget=None, currency="usd")).currency == "USD"


def test_a_negative_budget_is_refused(partners):
    problems = refused(ai_sana(partners, budget=Decimal("-5")))
    assert "cannot be negative" in problems["budget"]
    with pytest.raises(IntegrityError):
        Program.create(name="Broken import", budget=Decimal("-1"))


def test_the_same_partner_twice_in_one_role_is_refused_by_name(partners):
    coursera = partners["coursera"].id
    problems = refused(
        ai_sana(
            partners,
            partners=[
                {"organization": coursera, "role": "platform"},
                {"organization": coursera, "role": "platform"},
            ],
        )
    )
    assert "Coursera is listed twice in the role “Platform”" in problems["partners"]


def test_a_lead_deleted_meanwhile_is_refused(partners):
    gone = ORGANIZATIONS.save({"name": "Closed institute"})
    ORGANIZATIONS.delete(gone.id)
    assert "no longer exists" in refused(ai_sana(partners, lead=gone.id))["lead"]


def test_the_list_shows_filters_and_sorts_by_lead(partners):
    PROGRAMS.save(ai_sana(partners))
    PROGRAMS.save(
        {
            "name": "Online courses",
            "kind": "mobility",
            "status": "planned",
            "lead": partners["coursera"].id,
        }
    )
    PROGRAMS.save({"name": "Belt and Road Research Alliance", "kind": "alliance"})
    columns = [column.key for column in PROGRAM_LIST.columns]
    row = PROGRAM_LIST.rows(ListRequest(search="ai-sana"), 0, 1)[0]
    shown = {key: PROGRAM_LIST.column(key).display(row[i + 1]) for i, key in enumerate(columns)}
    assert shown["lead"] == "Ministry of Science and Higher Education"
    assert shown["kind"] == "National program"
    assert shown["budget"] == "1,500,000,000"
    assert shown["currency"] == "KZT"
    assert shown["starts_on"] == "01.09.2024"
    assert search("", country="US") == ["Online courses"]
    assert search("", kind="alliance") == ["Belt and Road Research Alliance"]
    assert search("", status="active") == ["AI-Sana"]
    by_lead = PROGRAM_LIST.rows(ListRequest(sort="lead"), 0, 10)
    assert [row[1] for row in by_lead] == [
        "Online courses",
        "AI-Sana",
        "Belt and Road Research Alliance",
    ]


def test_key_figures_of_a_program_latest_first(partners):
    record = PROGRAMS.save(ai_sana(partners))
    KeyFigure.create(
        measure="Certificates issued", value=100000, program=record, as_of=dt.date(2024, 12, 1)
    )
    KeyFigure.create(
        measure="Certificates issued", value=350000, program=record, as_of=dt.date(2025, 6, 1)
    )
    KeyFigure.create(measure="Partner universities", value=40, program=record)
    assert [(f.measure, int(f.value)) for f in program_figures(record.id)] == [
        ("Certificates issued", 350000),
        ("Certificates issued", 100000),
        ("Partner universities", 40),
    ]


def test_delete_says_what_goes_with_it_and_keeps_the_organizations(partners):
    record = PROGRAMS.save(ai_sana(partners))
    KeyFigure.create(measure="Certificates issued", value=350000, program=record)
    agreement = AGREEMENTS.save(
        {"title": "Memorandum with Coursera", "programs": [{"program": record.id}]}
    )
    said = [c.description for c in PROGRAMS.consequences(record.id)]
    assert "2 program partnerships will be deleted with it" in said
    assert "1 key figure will be deleted with it" in said
    assert "1 link between an agreement and a program will be deleted with it" in said
    assert "1 tag will be removed from it" in said
    PROGRAMS.delete(record.id)
    assert Program.select().count() == 0
    assert ProgramPartner.select().count() == 0
    assert ProgramArea.select().count() == 0
    assert KeyFigure.select().count() == 0
    assert AgreementProgram.select().count() == 0
    assert Organization.select().count() == 3
    assert AGREEMENTS.load(agreement.id)["programs"] == []


def test_a_budget_typed_as_text_is_read_or_explained(database):
    program = PROGRAMS.save({"name": "AI-Sana", "budget": "1 500 000", "currency": "kzt"})
    assert Program.get_by_id(program.id).budget == 1500000
    with pytest.raises(ValidationFailed) as failure:
        PROGRAMS.save({"name": "AI-Sana 2", "budget": "a lot", "currency": "KZT"})
    assert failure.value.problems[0].field == "budget"
    assert "“a lot” is not a number" in failure.value.problems[0].message
