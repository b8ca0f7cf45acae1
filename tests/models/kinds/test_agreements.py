"""Agreements: parties and linked programs, the status that follows the dates (the same in
Python and in SQL), the rules they must pass, the ones about to expire, and deleting."""

from __future__ import annotations

import datetime as dt

import pytest

from models.errors import ValidationFailed
from models.kinds.agreements import (
    AGREEMENT_LIST,
    AGREEMENTS,
    agreement_status,
    agreements_expiring,
    status_expression,
)
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.kinds.programs import PROGRAMS
from models.listing import ListRequest
from models.reports.agreements_due import agreements_due_report
from models.reports.parts import agreements_part
from models.store.records import Agreement, AgreementParty, AgreementProgram, Program
from models.words.choices import AGREEMENT_STATUSES

TODAY = dt.date(2025, 6, 15)
DAY = dt.timedelta(days=1)


def fields(problems):
    """Each field's messages, as the form shows them under it."""
    shown = {}
    for problem in problems:
        shown[problem.field] = "\n".join(filter(None, (shown.get(problem.field), problem.message)))
    return shown


def refused(values, record_id=None):
    with pytest.raises(ValidationFailed) as failure:
        AGREEMENTS.save(values, record_id)
    return fields(failure.value.problems)


@pytest.fixture
def istc(database):
    return ORGANIZATIONS.save(
        {"name": "International Science and Technology Center", "short_name": "ISTC"}
    )


def titles(query):
    return [agreement.title for agreement in query]


def listed(**filters):
    """Titles as the list first shows them: in its default order."""
    request = ListRequest(filters=filters, descending=AGREEMENT_LIST.default_descending)
    return [row[1] for row in AGREEMENT_LIST.rows(request, 0, 50)]


def test_create_keeps_parties_signatories_and_programs(istc):
    angelieva = PEOPLE.save({"full_name": "Karina Angelieva", "organization": istc.id})
    csic = ORGANIZATIONS.save({"name": "Spanish National Research Council", "short_name": "CSIC"})
    program = PROGRAMS.save({"name": "ISTC projects in Kazakhstan"})
    record = AGREEMENTS.save(
        {
            "title": "Memorandum on joint research",
            "kind": "mou",
            "reference_number": "MoU-2025/14",
            "signed_on": dt.date(2025, 3, 5),
            "effective_on": dt.date(2025, 4, 1),
            "expires_on": dt.date(2030, 3, 5),
            "tags": ["science diplomacy"],
            "parties": [
                {"organization": istc.id, "signatory": angelieva.id},
                {"organization": csic.id, "signatory": None},
            ],
            "programs": [{"program": program.id}],
        }
    )
    values = AGREEMENTS.load(record.id)
    assert values["reference_number"] == "MoU-2025/14"
    assert values["effective_on"] == dt.date(2025, 4, 1)
    assert values["open_ended"] is False
    assert values["status"] is None
    assert values["parties"] == [
        {"organization": istc.id, "signatory": angelieva.id},
        {"organization": csic.id, "signatory": None},
    ]
    assert values["programs"] == [{"program": program.id}]
    assert values["tags"] == ["science diplomacy"]


def test_found_by_title_reference_and_the_parties_names(istc):
    record = AGREEMENTS.save({"title": "Memorandum on joint research", "reference_number": "A-17"})

    def found(text):
        return [row[1] for row in AGREEMENT_LIST.rows(ListRequest(search=text), 0, 10)]

    assert found("a-17") == ["Memorandum on joint research"]
    assert found("istc") == []
    # Parties are saved after the record itself; the record must still be found by them.
    AGREEMENTS.save(
        {
            "title": "Memorandum on joint research",
            "reference_number": "A-17",
            "parties": [{"organization": istc.id, "signatory": None}],
        },
        record.id,
    )
    assert found("istc") == ["Memorandum on joint research"]
    assert found("technology center") == ["Memorandum on joint research"]
    # A party renamed later finds the agreement by its new name at once.
    ORGANIZATIONS.save(
        {"name": "International Science and Technology Center", "short_name": "МНТЦ"}, istc.id
    )
    assert found("мнтц") == ["Memorandum on joint research"]
    assert found("мнтц a-17") == ["Memorandum on joint research"]
    assert found("istc") == []


CASES = [
    # (what, values, status on TODAY)
    ("unsigned", {}, "draft"),
    ("signed, no expiry", {"signed_on": TODAY - 400 * DAY}, "in_force"),
    ("open-ended", {"signed_on": TODAY - 400 * DAY, "open_ended": True}, "in_force"),
    ("expires today", {"signed_on": TODAY - 400 * DAY, "expires_on": TODAY}, "in_force"),
    ("expired yesterday", {"signed_on": TODAY - 400 * DAY, "expires_on": TODAY - DAY}, "expired"),
    ("unsigned but past its expiry", {"expires_on": TODAY - DAY}, "expired"),
    ("negotiating", {"status": "negotiating", "expires_on": TODAY - DAY}, "negotiating"),
    ("terminated early", {"status": "terminated", "signed_on": TODAY - DAY}, "terminated"),
    ("a draft with dates", {"status": "draft", "signed_on": TODAY - DAY}, "draft"),
    ("to be signed tomorrow", {"signed_on": TODAY + DAY}, "draft"),
    ("signed today", {"signed_on": TODAY}, "in_force"),
    (
        "signed, takes effect next month",
        {"signed_on": TODAY - DAY, "effective_on": TODAY + 30 * DAY},
        "signed",
    ),
    ("takes effect today", {"signed_on": TODAY - 30 * DAY, "effective_on": TODAY}, "in_force"),
    (
        "took effect after signing",
        {"signed_on": TODAY - 400 * DAY, "effective_on": TODAY - 300 * DAY, "expires_on": TODAY},
        "in_force",
    ),
    (
        "to be signed, applying from a past date",
        {"signed_on": TODAY + DAY, "effective_on": TODAY - DAY},
        "draft",
    ),
    ("an effective date but never signed", {"effective_on": TODAY - DAY}, "draft"),
    (
        "signed for later, then expired",
        {
            "signed_on": TODAY - 400 * DAY,
            "effective_on": TODAY - 300 * DAY,
            "expires_on": TODAY - DAY,
        },
        "expired",
    ),
    (
        "negotiating, signing set",
        {"status": "negotiating", "signed_on": TODAY + DAY},
        "negotiating",
    ),
]


@pytest.mark.parametrize(("what", "dates", "expected"), CASES, ids=[c[0] for c in CASES])
def test_the_status_follows_the_dates_unless_set_by_hand(what, dates, expected):
    assert agreement_status(Agreement(title=what, **dates), TODAY) == expected


def test_sql_gives_the_same_status_as_python(database):
    for what, dates, _expected in CASES:
        AGREEMENTS.save({"title": what, **dates})
    for today in (TODAY - 500 * DAY, TODAY - DAY, TODAY, TODAY + DAY, TODAY + 800 * DAY):
        query = Agreement.select(Agreement, status_expression(today).alias("shown"))
        for agreement in query:
            assert agreement.shown == agreement_status(agreement, today), (
                agreement.title,
                today,
            )


def test_reports_give_each_agreement_the_status_of_the_list(database):
    for what, dates, _expected in CASES:
        AGREEMENTS.save({"title": what, **dates})
    report = agreements_due_report(400, today=TODAY)
    parts = {part.name: part for part in report.parts}
    in_force = [row[1] for row in parts["In force by country"].rows]
    expected = [what for what, _dates, status in CASES if status == "in_force"]
    assert sorted(in_force) == sorted(expected)
    assert "signed, takes effect next month" not in [row[0] for row in parts["Expiring"].rows]
    statuses = {row[0]: row[3] for row in agreements_part(Agreement.select(), "", TODAY).rows}
    for what, _dates, status in CASES:
        assert statuses[what] == AGREEMENT_STATUSES.label(status), what
    assert statuses["signed, takes effect next month"] == "Signed, not yet in force"


def test_the_list_shows_and_filters_the_status_of_today(database, clock):
    today = dt.date(2026, 3, 1)
    clock.set_clock(today)
    year = 365 * DAY
    # Expired yesterday, and in force until the end of today.
    AGREEMENTS.save({"title": "Old MoU", "signed_on": today - 5 * year, "expires_on": today - DAY})
    AGREEMENTS.save(
        {"title": "Strategic partnership", "signed_on": today - year, "expires_on": today}
    )
    AGREEMENTS.save({"title": "Draft with Huawei"})
    AGREEMENTS.save({"title": "Ended early", "signed_on": today - year, "status": "terminated"})
    AGREEMENTS.save(
        {"title": "Ratified next year", "signed_on": today - year, "effective_on": today + year}
    )
    shown = {
        row[1]: AGREEMENT_LIST.column("status").display(row[3])
        for row in AGREEMENT_LIST.rows(ListRequest(), 0, 10)
    }
    assert shown == {
        "Old MoU": "Expired",
        "Strategic partnership": "In force",
        "Draft with Huawei": "Draft",
        "Ended early": "Terminated",
        "Ratified next year": "Signed, not yet in force",
    }
    assert listed(status="signed") == ["Ratified next year"]
    assert listed(status="in_force") == ["Strategic partnership"]
    assert listed(status="expired") == ["Old MoU"]
    assert listed(status="draft") == ["Draft with Huawei"]
    for agreement in Agreement.select():
        assert shown[agreement.title] == AGREEMENT_LIST.column("status").display(
            agreement_status(agreement, today)
        )


def test_the_list_shows_the_latest_signed_first_and_filters_by_year(database):
    AGREEMENTS.save({"title": "Unsigned", "kind": "letter_of_intent"})
    AGREEMENTS.save({"title": "2019", "signed_on": dt.date(2019, 5, 1), "kind": "mou"})
    AGREEMENTS.save({"title": "2024", "signed_on": dt.date(2024, 5, 1), "kind": "strategic"})
    assert listed() == ["2024", "2019", "Unsigned"]
    assert listed(year="2019") == ["2019"]
    assert listed(kind="strategic") == ["2024"]


def test_expiry_before_signing_or_effect_is_refused_on_the_expiry_date(database):
    problems = refused(
        {
            "title": "Cooperation agreement",
            "signed_on": dt.date(2025, 6, 1),
            "effective_on": dt.date(2025, 7, 1),
            "expires_on": dt.date(2025, 1, 1),
        }
    )
    message = problems["expires_on"]
    assert "Expiry date (01.01.2025) is before signing date (01.06.2025)" in message
    assert "Expiry date (01.01.2025) is before effective date (01.07.2025)" in message
    assert Agreement.select().count() == 0


def test_open_ended_with_an_expiry_date_is_refused(database):
    problems = refused(
        {"title": "Framework", "open_ended": True, "expires_on": dt.date(2030, 1, 1)}
    )
    assert problems["expires_on"] == (
        "An open-ended agreement has no expiry date. Clear the expiry date, or untick Open-ended."
    )


@pytest.mark.parametrize("status", ["in_force", "signed", "expired"])
def test_a_status_that_follows_the_dates_cannot_be_set_by_hand(database, status):
    problems = refused({"title": "Memorandum", "status": status})
    assert "follows from the dates" in problems["status"]


def test_the_title_is_required_and_kinds_come_from_the_list(database):
    problems = refused({"title": "", "kind": "treaty"})
    assert "Title is required" in problems["title"]
    assert "treaty" in problems["kind"]


def test_the_same_party_or_program_twice_is_refused_by_name(istc):
    program = PROGRAMS.save({"name": "Horizon Europe participation"})
    problems = refused(
        {
            "title": "Memorandum",
            "parties": [
                {"organization": istc.id, "signatory": None},
                {"organization": istc.id, "signatory": None},
            ],
            "programs": [{"program": program.id}, {"program": program.id}],
        }
    )
    assert "(ISTC) is listed twice as a party" in problems["parties"]
    assert "“Horizon Europe participation” is linked twice" in problems["programs"]


def test_a_signatory_without_an_organization_is_refused(database):
    person = PEOPLE.save({"full_name": "Luis Francisco Martínez Montes"})
    problems = refused(
        {"title": "Memorandum", "parties": [{"organization": None, "signatory": person.id}]}
    )
    assert "organization Luis Francisco Martínez Montes signed for" in problems["parties"]


def test_agreements_expiring_soon_are_the_ones_in_force(database):
    signed = TODAY - 1000 * DAY
    for title, values in {
        "Expires today": {"signed_on": signed, "expires_on": TODAY},
        "Expires in a month": {"signed_on": signed, "expires_on": TODAY + 30 * DAY},
        "Expires in 31 days": {"signed_on": signed, "expires_on": TODAY + 31 * DAY},
        "Expired yesterday": {"signed_on": signed, "expires_on": TODAY - DAY},
        "Terminated": {"signed_on": signed, "expires_on": TODAY + DAY, "status": "terminated"},
        "Never signed": {"expires_on": TODAY + DAY},
        "Open-ended": {"signed_on": signed, "open_ended": True},
        # Two on the same day: by title.
        "Memorandum with UPM": {"signed_on": signed, "expires_on": TODAY + 10 * DAY},
        "Agreement with CSIC": {"signed_on": signed, "expires_on": TODAY + 10 * DAY},
    }.items():
        AGREEMENTS.save({"title": title, **values})
    assert titles(agreements_expiring(30, TODAY)) == [
        "Expires today",
        "Agreement with CSIC",
        "Memorandum with UPM",
        "Expires in a month",
    ]
    assert titles(agreements_expiring(31, TODAY))[-1] == "Expires in 31 days"
    assert titles(agreements_expiring(0, TODAY + 31 * DAY)) == ["Expires in 31 days"]


def test_delete_takes_parties_and_links_but_keeps_programs_and_partners(istc):
    program = PROGRAMS.save({"name": "ISTC projects in Kazakhstan"})
    record = AGREEMENTS.save(
        {
            "title": "Memorandum",
            "parties": [{"organization": istc.id, "signatory": None}],
            "programs": [{"program": program.id}],
        }
    )
    said = [c.description for c in AGREEMENTS.consequences(record.id)]
    assert "1 agreement party will be deleted with it" in said
    assert "1 link between an agreement and a program will be deleted with it" in said
    AGREEMENTS.delete(record.id)
    assert Agreement.select().count() == 0
    assert AgreementParty.select().count() == 0
    assert AgreementProgram.select().count() == 0
    assert Program.get_by_id(program.id).name == "ISTC projects in Kazakhstan"
    assert ORGANIZATIONS.load(istc.id)["name"] == istc.name
