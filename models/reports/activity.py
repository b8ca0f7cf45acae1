"""What happened in a period: events, delegations in and out, agreements signed,
follow-ups due and done."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from peewee import ModelSelect

from models import clock
from models.kinds.events import events_in
from models.reports.parts import (
    agreements_part,
    delegations_part,
    events_part,
    follow_ups_part,
    overview_part,
)
from models.reports.report import Report, ReportRefused, date_text, period_text
from models.store.records import (
    Agreement,
    Delegation,
    FollowUp,
)


def _delegations_in(start: dt.date, end: dt.date) -> ModelSelect:
    ends = Delegation.ends_on.is_null(False) & (Delegation.ends_on >= start)
    return Delegation.select().where(
        (Delegation.starts_on <= end) & ((Delegation.starts_on >= start) | ends)
    )


def activity_report(start: dt.date, end: dt.date, today: dt.date | None = None) -> Report:
    """What happened between two dates: the events with their participants and outcomes,
    delegations received and sent, agreements signed, and follow-up actions due or done."""
    if end < start:
        raise ReportRefused(
            f"The period ends ({date_text(end)}) before it starts ({date_text(start)})."
        )
    today = today or clock.today()
    period = period_text(start, end)
    events = events_part(events_in(start, end), f"Events, {period}", newest_first=False)
    incoming = delegations_part(
        _delegations_in(start, end).where(Delegation.direction == "incoming"),
        f"Delegations received, {period}",
        name="Delegations in",
        newest_first=False,
    )
    outgoing = delegations_part(
        _delegations_in(start, end).where(Delegation.direction == "outgoing"),
        f"Delegations sent, {period}",
        name="Delegations out",
        newest_first=False,
    )
    signed = agreements_part(
        Agreement.select()
        .where(Agreement.signed_on.between(start, end))
        .order_by(Agreement.signed_on, Agreement.title),
        f"Agreements signed, {period}",
        today,
        name="Agreements signed",
    )
    follow_ups = follow_ups_part(
        FollowUp.select().where(
            FollowUp.due_on.between(start, end) | FollowUp.done_on.between(start, end)
        ),
        f"Follow-up actions due or done, {period}",
        today,
    )
    parts = [events, incoming, outgoing, signed, follow_ups]
    states = Counter(row[5] for row in follow_ups.rows)
    facts: list[tuple[str, Any]] = [
        ("Period", period),
        ("Events", len(events.rows)),
        ("Delegations received", len(incoming.rows)),
        ("Delegations sent", len(outgoing.rows)),
        ("Agreements signed", len(signed.rows)),
        ("Follow-up actions due or done", len(follow_ups.rows)),
        ("… done", states.get("Done", 0)),
        ("… overdue", states.get("Overdue", 0)),
        ("… open", states.get("Open", 0)),
    ]
    title = f"Activity {period}"
    summary = overview_part(title, facts)
    summary.name = "Summary"
    return Report(
        title,
        f"Period: {date_text(start)} to {date_text(end)}.",
        [summary, *parts],
        file_stem=f"Activity {start:%Y-%m-%d} to {end:%Y-%m-%d}",
    )
