"""Sources: what they keep, the records they mention, and what deleting one does."""

from __future__ import annotations

import datetime as dt

import pytest

from models.errors import ValidationFailed
from models.kinds.events import EVENTS
from models.kinds.figures import FIGURES
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.kinds.sources import (
    SOURCE_LIST,
    SOURCES,
    find_mentionable,
    kind_name,
    sources_mentioning,
)
from models.listing import ListRequest
from models.store.records import KeyFigure, Source, SourceMention

QAZINFORM = {
    "title": "Kazakhstan and Spain discuss scientific cooperation",
    "publisher": "Qazinform",
    "published_on": dt.date(2025, 5, 20),
    "url": "www.inform.kz/en/kazakhstan-and-spain-science",
    "language": "en",
    "tags": ["Spain brief"],
}


def fields(problems):
    return {problem.field: problem.message for problem in problems}


def refused(values, record_id=None):
    with pytest.raises(ValidationFailed) as failure:
        SOURCES.save(values, record_id)
    return fields(failure.value.problems)


def mention(record, kind):
    return {"record_kind": kind, "record_id": record.id}


@pytest.fixture
def istc(database):
    return ORGANIZATIONS.save(
        {"name": "International Science and Technology Center", "short_name": "ISTC"}
    )


@pytest.fixture
def angelieva(istc):
    return PEOPLE.save({"full_name": "Karina Angelieva", "organization": istc.id})


def test_create_keeps_every_field_and_the_records_it_mentions(istc, angelieva):
    source = SOURCES.save(
        {**QAZINFORM, "mentions": [mention(istc, "organization"), mention(angelieva, "person")]}
    )
    values = SOURCES.load(source.id)
    assert values["url"] == "https://www.inform.kz/en/kazakhstan-and-spain-science"
    assert values["published_on"] == dt.date(2025, 5, 20)
    assert values["language"] == "en"
    assert values["mentions"] == [mention(istc, "organization"), mention(angelieva, "person")]
    assert SOURCES.title(source) == (
        "Kazakhstan and Spain discuss scientific cooperation (Qazinform, 20.05.2025)"
    )


def test_no_title_a_bad_address_and_a_long_language_are_refused_by_field(database):
    problems = refused({"title": " ", "url": "not a site", "language": "Kazakh and Russian"})
    assert "Title is required" in problems["title"]
    assert "“not a site” is not a web address" in problems["url"]
    assert "like en, ru or kk" in problems["language"]
    assert Source.select().count() == 0


def test_a_record_mentioned_twice_or_no_longer_there_is_refused(istc):
    twice = refused({**QAZINFORM, "mentions": [mention(istc, "organization")] * 2})
    assert (
        "“International Science and Technology Center (ISTC)” is mentioned twice"
        in (twice["mentions"])
    )
    gone = refused({**QAZINFORM, "mentions": [{"record_kind": "person", "record_id": 999}]})
    assert "Person no. 999 no longer exists" in gone["mentions"]
    unnamed = refused({**QAZINFORM, "mentions": [{"record_kind": "planet", "record_id": 1}]})
    assert "must name a record" in unnamed["mentions"]
    assert Source.select().count() == 0 and SourceMention.select().count() == 0


def test_a_source_cannot_mention_itself(database):
    source = SOURCES.save(QAZINFORM)
    problems = refused({**QAZINFORM, "mentions": [mention(source, "source")]}, source.id)
    assert "cannot mention itself" in problems["mentions"]


def test_sources_mentioning_a_record_newest_first(istc, angelieva):
    older = SOURCES.save(
        {
            "title": "ISTC opens in Astana",
            "published_on": dt.date(2015, 6, 1),
            "mentions": [mention(istc, "organization")],
        }
    )
    newer = SOURCES.save({**QAZINFORM, "mentions": [mention(istc, "organization")]})
    other = SOURCES.save(
        {"title": "About someone else", "mentions": [mention(angelieva, "person")]}
    )
    assert list(sources_mentioning("organization", istc.id)) == [newer, older]
    # The same number in another kind is another record.
    assert istc.id == angelieva.id
    assert list(sources_mentioning("person", angelieva.id)) == [other]
    assert list(sources_mentioning("event", istc.id)) == []


def test_deleting_a_mentioned_record_removes_the_mention(istc):
    source = SOURCES.save({**QAZINFORM, "mentions": [mention(istc, "organization")]})
    ORGANIZATIONS.delete(istc.id)
    assert SOURCES.load(source.id)["mentions"] == []


def test_records_of_every_kind_are_found_to_mention(istc, angelieva):
    event = EVENTS.save({"title": "ISTC Governing Board"})
    found = [(kind, record.id) for kind, record in find_mentionable("istc")]
    assert found == [("organization", istc.id), ("event", event.id)]
    found = [(kind, record.id) for kind, record in find_mentionable("angel")]
    assert found == [("person", angelieva.id)]
    assert kind_name("figure") == "Key figure"
    source = SOURCES.save({"title": "ISTC annual report"})
    assert ("source", source.id) in [(k, r.id) for k, r in find_mentionable("istc")]
    assert ("source", source.id) not in [
        (k, r.id) for k, r in find_mentionable("istc", exclude_source=source.id)
    ]


def test_delete_says_which_figures_lose_their_source(istc):
    source = SOURCES.save({**QAZINFORM, "mentions": [mention(istc, "organization")]})
    for value in (1130, 150):
        FIGURES.save({"measure": "joint publications", "value": value, "source": source.id})
    said = [c.description for c in SOURCES.consequences(source.id)]
    assert "2 key figures will no longer have this source" in said
    assert not any("mention" in line for line in said)
    SOURCES.delete(source.id)
    assert Source.select().count() == 0
    assert SourceMention.select().count() == 0
    assert [figure.source_id for figure in KeyFigure.select()] == [None, None]


def test_the_list_is_newest_first_and_filters_by_year_and_tag(database):
    SOURCES.save(QAZINFORM)
    SOURCES.save(
        {
            "title": "AI-Sana reaches 350,000 certificates",
            "publisher": "DKNews.kz",
            "published_on": dt.date(2024, 11, 2),
        }
    )
    SOURCES.save({"title": "Undated press note"})

    def titles(request):
        return [row[2] for row in SOURCE_LIST.rows(request, 0, 100)]

    assert titles(ListRequest(descending=True, sort="published_on")) == [
        QAZINFORM["title"],
        "AI-Sana reaches 350,000 certificates",
        "Undated press note",
    ]
    assert titles(ListRequest(filters={"year": "2024"})) == ["AI-Sana reaches 350,000 certificates"]
    assert titles(ListRequest(filters={"tag": "Spain brief"})) == [QAZINFORM["title"]]
    assert titles(ListRequest(search="dknews")) == ["AI-Sana reaches 350,000 certificates"]
    assert SOURCE_LIST.default_sort == "published_on" and SOURCE_LIST.default_descending
