"""Records with dates for the calendar's tests, around a day the test chooses: events (one of
several days, one with a time), delegations (one with no country of its own), an agreement
expiring, one terminated, and follow-ups done and not done."""

from __future__ import annotations

import datetime as dt

from models.kinds.agreements import AGREEMENTS
from models.kinds.delegations import DELEGATIONS
from models.kinds.events import EVENTS
from models.kinds.organizations import ORGANIZATIONS


def calendar_records(day: dt.date) -> dict:
    def on(days: int) -> dt.date:
        return day + dt.timedelta(days=days)

    csic = ORGANIZATIONS.save({"name": "Spanish National Research Council", "country": "ES"})
    nu = ORGANIZATIONS.save({"name": "Nazarbayev University", "country": "KZ"})
    return {
        "csic": csic,
        "nu": nu,
        "forum": EVENTS.save(
            {"title": "Forum of academic knowledge", "starts_on": day, "ends_on": on(2)}
            | {"country": "KZ", "city": "Astana"}
        ),
        "lecture": EVENTS.save(
            {"title": "Lecture on water", "starts_on": on(9), "starts_at": dt.time(10, 30)}
            | {"country": "ES", "city": "Madrid", "venue": "CSIC"}
        ),
        "undated": EVENTS.save({"title": "Event without a date"}),
        "visit": DELEGATIONS.save(
            {
                "title": "Visit to CSIC",
                "organization": csic.id,  # its country is the organization's
                "starts_on": on(4),
                "ends_on": on(5),
                "follow_ups": [
                    {"action": "Send the roadmap", "due_on": on(12)},
                    {"action": "Share the list of laboratories", "due_on": on(6), "done": True},
                ],
            }
        ),
        "guests": DELEGATIONS.save(
            {"title": "Guests from Astana", "country": "KZ", "starts_on": on(20)}
        ),
        "memorandum": AGREEMENTS.save(
            {
                "title": "Memorandum with CSIC",
                "signed_on": on(-700),
                "expires_on": on(15),
                "parties": [{"organization": csic.id}],
            }
        ),
        "ended": AGREEMENTS.save(
            {
                "title": "Agreement ended early",
                "signed_on": on(-700),
                "expires_on": on(16),
                "status": "terminated",
            }
        ),
    }
