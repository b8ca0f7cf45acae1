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
    follow_up_state_label,
    follow_ups_part,
    overview_part,
)
from models.reports.report import Report, ReportRefused, date_text, period_text
from models.store.records import (
    Agreement,
    Delegation,
    FollowUp,
)
from models.words.translation import N_, _


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
            _("The period ends ({end}) before it starts ({start}).").format(
                end=date_text(end), start=date_text(start)
            )
        )
    today = today or clock.today()
    period = period_text(start, end)
    events = events_part(
        events_in(start, end), _("Events, {period}").format(period=period), newest_first=False
    )
    incoming = delegations_part(
        _delegations_in(start, end).where(Delegation.direction == "incoming"),
        _("Delegations received, {period}").format(period=period),
        name=N_("Delegations in"),
        newest_first=False,
    )
    outgoing = delegations_part(
        _delegations_in(start, end).where(Delegation.direction == "outgoing"),
        _("Delegations sent, {period}").format(period=period),
        name=N_("Delegations out"),
        newest_first=False,
    )
    signed = agreements_part(
        Agreement.select()
        .where(Agreement.signed_on.between(start, end))
        .order_by(Agreement.signed_on, Agreement.title),
        _("Agreements signed, {period}").format(period=period),
        today,
        name=N_("Agreements signed"),
    )
    follow_ups = follow_ups_part(
        FollowUp.select().where(
            FollowUp.due_on.between(start, end) | FollowUp.done_on.between(start, end)
        ),
        _("Follow-up actions due or done, {period}").format(period=period),
        today,
    )
    parts = [events, incoming, outgoing, signed, follow_ups]
    states = Counter(row[5] for row in follow_ups.rows)
    facts: list[tuple[str, Any]] = [
        (_("Period"), period),
        (_("Events"), len(events.rows)),
        (_("Delegations received"), len(incoming.rows)),
        (_("Delegations sent"), len(outgoing.rows)),
        (_("Agreements signed"), len(signed.rows)),
        (_("Follow-up actions due or done"), len(follow_ups.rows)),
        (_("… done"), states.get(follow_up_state_label("done"), 0)),
        (_("… overdue"), states.get(follow_up_state_label("overdue"), 0)),
        (_("… open"), states.get(follow_up_state_label("open"), 0)),
    ]
    title = _("Activity {period}").format(period=period)
    summary = overview_part(title, facts)
    summary.name = N_("Summary")
    return Report(
        title,
        _("Period: {start} to {end}.").format(start=date_text(start), end=date_text(end)),
        [summary, *parts],
        file_stem=_("Activity {start} to {end}").format(
            start=f"{start:%Y-%m-%d}", end=f"{end:%Y-%m-%d}"
        ),
    )
