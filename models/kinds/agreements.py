"""Agreements: memoranda, strategic partnership and cooperation agreements, contracts and
letters of intent, with their parties, signatories and the programs they serve.

Whether an agreement is in force follows from its dates; a user sets only the statuses the
dates cannot tell (draft, negotiating, terminated). An agreement is in force from the day it
takes effect (its effective date, or else its signing date) to its expiry date, both included:

- after its expiry date it has expired;
- with no signing date, or one still to come, it is not signed yet: a draft;
- signed, with an effective date still to come, it is "Signed, not yet in force", as a
  ministry says of an agreement awaiting ratification or a set start.

The rule is written twice, once in Python for one record and once in SQL for lists and
reports, and the tests hold them together with one table of cases.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import Case, Node, Select

from models import clock
from models import validation as check
from models.editing import Children, RecordEditor
from models.errors import Problem
from models.kinds.programs import organization_label, program_label
from models.kinds.registry import register
from models.listing import Column, Filter, RecordList, sorted_in_language, tag_filter, year_filter
from models.store.records import Agreement, AgreementParty, AgreementProgram, Person
from models.words.choices import AGREEMENT_KINDS, AGREEMENT_STATUSES, ChoiceSet
from models.words.translation import N_, _

# Statuses that follow from the dates; a user may not set them by hand.
DATED_STATUSES = ("in_force", "signed", "expired")
HAND_SET_STATUSES = ChoiceSet(*(c for c in AGREEMENT_STATUSES if c.code not in DATED_STATUSES))


def agreement_status(agreement: Agreement, today: dt.date) -> str:
    """The status a user sees: the one set by hand, or else what the dates say."""
    if agreement.status:
        return agreement.status
    if agreement.expires_on and agreement.expires_on < today:
        return "expired"
    if not agreement.signed_on or agreement.signed_on > today:
        return "draft"
    if agreement.effective_on and agreement.effective_on > today:
        return "signed"
    return "in_force"


def status_expression(today: dt.date | None = None) -> Node:
    """``agreement_status`` as SQL, for lists to show, filter and sort by. Without ``today``
    the clock's date when the query runs is used, so a list opened tomorrow is right tomorrow."""
    now = clock.TODAY_IN_SQL if today is None else today
    return Case(
        None,
        [
            (Agreement.status.is_null(False), Agreement.status),
            (Agreement.expires_on < now, "expired"),
            (Agreement.signed_on.is_null() | (Agreement.signed_on > now), "draft"),
            (Agreement.effective_on > now, "signed"),
        ],
        "in_force",
    )


def signatory_label(person_id: int | None) -> str:
    person = Person.get_or_none(Person.id == person_id) if person_id is not None else None
    return person.full_name if person else ""


def party_problems(rows: list[dict[str, Any]]) -> list[Problem]:
    problems = []
    for row in rows:
        if row["organization"] is None:
            who = signatory_label(row["signatory"])
            message = (
                _(
                    "Each party must be an organization. Choose the organization {name} signed "
                    "for, or remove the row."
                ).format(name=who)
                if who
                else _(
                    "Each party must be an organization. Choose the organization the signatory "
                    "signed for, or remove the row."
                )
            )
            problems.append(Problem("parties", message))
    chosen = [row for row in rows if row["organization"] is not None]
    for row in check.repeated(chosen, lambda row: row["organization"]):
        problems.append(
            Problem(
                "parties",
                _("{name} is listed twice as a party. Remove one of the two rows.").format(
                    name=organization_label(row["organization"])
                ),
            )
        )
    return problems


def program_link_problems(rows: list[dict[str, Any]]) -> list[Problem]:
    problems = []
    if any(row["program"] is None for row in rows):
        problems.append(
            Problem("programs", _("A linked program is missing. Remove the empty row."))
        )
    chosen = [row for row in rows if row["program"] is not None]
    for row in check.repeated(chosen, lambda row: row["program"]):
        problems.append(
            Problem(
                "programs",
                _("“{title}” is linked twice. Remove one of the two rows.").format(
                    title=program_label(row["program"])
                ),
            )
        )
    return problems


def date_problems(values: dict[str, Any]) -> list[Problem]:
    problems = check.collect(
        check.dates_in_order(
            values["signed_on"],
            values["expires_on"],
            "expires_on",
            N_(
                "Expiry date ({last}) is before signing date ({first}). Correct one of the two "
                "dates."
            ),
        ),
        check.dates_in_order(
            values["effective_on"],
            values["expires_on"],
            "expires_on",
            N_(
                "Expiry date ({last}) is before effective date ({first}). Correct one of the "
                "two dates."
            ),
        ),
    )
    if values["open_ended"] and values["expires_on"]:
        problems.append(
            Problem(
                "expires_on",
                _(
                    "An open-ended agreement has no expiry date. Clear the expiry date, "
                    "or untick Open-ended."
                ),
            )
        )
    return problems


class AgreementEditor(RecordEditor):
    kind = "agreement"
    model = Agreement
    title_field = "title"
    text_fields = ("title", "reference_number")
    value_fields = ("kind", "signed_on", "effective_on", "expires_on", "open_ended", "status")
    children = (
        Children("parties", AgreementParty, "agreement", ("organization", "signatory")),
        Children("programs", AgreementProgram, "agreement", ("program",)),
    )

    def clean_values(self, values: dict[str, Any]) -> dict[str, Any]:
        values = super().clean_values(values)
        values["open_ended"] = bool(values["open_ended"])
        return values

    def validate(self, values: dict[str, Any], record_id: int | None) -> list[Problem]:
        problems = check.collect(
            check.required(values["title"], "title", N_("Title")),
            check.choice(values, "kind", AGREEMENT_KINDS, N_("Kind")),
            check.choice(values, "status", AGREEMENT_STATUSES, N_("Status")),
        )
        if values["status"] in DATED_STATUSES:
            label = AGREEMENT_STATUSES.label(values["status"])
            problems.append(
                Problem(
                    "status",
                    _(
                        "“{status}” follows from the dates and cannot be set by hand. Choose "
                        "“Follows the dates” and fill in the signing and expiry dates."
                    ).format(status=label),
                )
            )
        problems += date_problems(values)
        problems += party_problems(values["parties"])
        problems += program_link_problems(values["programs"])
        return problems


def agreements_expiring(within_days: int, today: dt.date | None = None) -> Select:
    """Agreements in force that expire between today and ``within_days`` from now, the
    soonest first: the ones to renew."""
    today = today or clock.today()
    last = today + dt.timedelta(days=within_days)
    return (
        Agreement.select()
        .where((status_expression(today) == "in_force") & Agreement.expires_on.between(today, last))
        .order_by(Agreement.expires_on, Agreement.title)
    )


AGREEMENTS = register(AgreementEditor())

AGREEMENT_STATUS = status_expression()

AGREEMENT_LIST = RecordList(
    "agreement",
    Agreement,
    columns=[
        Column(
            "title", N_("Title"), Agreement.title, sort=sorted_in_language(Agreement), width=320
        ),
        Column("kind", N_("Kind"), Agreement.kind, choices=AGREEMENT_KINDS, width=200),
        Column("status", N_("Status"), AGREEMENT_STATUS, choices=AGREEMENT_STATUSES, width=170),
        Column("signed_on", N_("Signed"), Agreement.signed_on, width=95),
        Column("expires_on", N_("Expires"), Agreement.expires_on, width=95),
        Column("reference_number", N_("Reference"), Agreement.reference_number, width=120),
        Column("effective_on", N_("Effective"), Agreement.effective_on, shown=False, width=95),
        Column("updated_at", N_("Changed"), Agreement.updated_at, shown=False, width=130),
    ],
    filters=[
        Filter("kind", N_("Kind"), "choice", Agreement.kind, AGREEMENT_KINDS),
        Filter("status", N_("Status"), "choice", AGREEMENT_STATUS, AGREEMENT_STATUSES),
        year_filter(Agreement.signed_on),
        tag_filter(),
    ],
    default_sort="signed_on",
    default_descending=True,
    # Found by its parties' names at search time, so a renamed party finds it at once.
    search_through=[(AgreementParty.agreement, AgreementParty.organization)],
)
