"""What goes on paper: a record's card with its long texts and linked records, and a list
as asked, at most as many rows as fit a printout."""

from __future__ import annotations

import datetime as dt

from models.kinds.events import EVENT_LIST, EVENTS
from models.kinds.organizations import ORGANIZATIONS
from models.listing import ListRequest
from models.printout import list_printout, record_printout

DAY = dt.date(2025, 3, 5)


def test_a_card_holds_the_fields_texts_tags_and_linked_records(database):
    csic = ORGANIZATIONS.save({"name": "CSIC", "country": "ES", "tags": ["Science"]})
    event = EVENTS.save(
        {
            "title": "Kazakhstan–Spain science event",
            "kind": "lecture",
            "starts_on": dt.date(2025, 3, 4),
            "outcomes": "Joint publications to be counted.\nA second event in Madrid.",
            "participants": [{"organization": csic.id, "role": "organizer"}],
        }
    )
    card = record_printout("event", event.id, DAY)
    assert card.title == EVENTS.title(event)
    assert card.subtitle == "Event · Printed on 05.03.2025"
    sections = {section.heading: section for section in card.sections}
    facts = dict(sections["Details"].facts)
    assert facts["Kind"] == "Lecture"
    assert facts["Starts"] == "04.03.2025"
    assert sections["Outcomes"].text.endswith("A second event in Madrid.")
    assert sections["Organizations taking part (1)"].items == (("CSIC", "Organizer"),)
    organization = record_printout("organization", csic.id, DAY)
    assert dict(organization.sections[0].facts)["Tags"] == "Science"


def test_a_list_prints_as_asked_and_says_when_rows_are_left_out(database):
    for number in range(12):
        EVENTS.save({"title": f"Lecture {number:02}", "kind": "lecture"})
    EVENTS.save({"title": "Forum", "kind": "forum"})
    request = ListRequest(search="lecture", sort="title", descending=True)
    printout = list_printout(
        EVENT_LIST, request, ["title", "kind"], ["Title", "Kind"], "Events", DAY, limit=10
    )
    assert printout.table.headers == ("Title", "Kind")
    assert printout.table.rows[0] == ("Lecture 11", "Lecture")
    assert len(printout.table.rows) == 10
    assert "12 records; search “lecture”" in printout.subtitle
    assert printout.note.startswith("The first 10 of 12 records are printed.")
