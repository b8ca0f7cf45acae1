"""Whatever a user types or passes to search for — any length, any number of words, quotes,
FTS5's own operators, halves of characters from bytes that were not UTF-8, NULs — the list
search, search everywhere (FTS5 and LIKE) and the pickers answer with records, or refuse in
one plain sentence; never an error from SQL, and never slowly. Checked against a real
database holding the sample records."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import search
from models.editing import find_records
from models.errors import SearchRefused
from models.kinds.all_kinds import LISTS_BY_KIND
from models.listing import MAX_SEARCH_LENGTH, MAX_SEARCH_WORDS, ListRequest, search_terms
from models.sample import load_sample_records
from models.store.records import RECORD_KINDS, Organization
from models.words.countries import find_countries, resolve_country
from models.words.text import search_words

REFUSALS = {
    "This search is too long: type at most 1000 characters to look for.",
    "This search has too many different words: type at most 50 to look for.",
}
# Each search of the sample records answers well within this, whatever was typed.
SECONDS = 2.0

# Pieces users paste, and pieces of FTS5's and LIKE's own syntax.
PIECES = [
    "ISTC",
    "Испания",
    "Қазақстан",
    "Martínez",
    "k.angelieva@istc.int",
    "NEAR(a b)",
    "AND",
    "OR",
    "NOT",
    "*",
    '"',
    "'",
    '""',
    "(",
    ")",
    ":",
    "^",
    "{names}",
    "-x",
    "+y",
    "%",
    "_",
    "\\",
    "\x00",
    "\ud800",
    "\udcff",
    "\t",
    "\n",
    "ﷺ",  # one character that unfolds into eighteen
]
any_character = st.characters(exclude_categories=())  # surrogates and controls included
words = st.one_of(st.sampled_from(PIECES), st.text(any_character, min_size=1, max_size=12))
typed = st.one_of(
    st.text(any_character, max_size=200),
    st.lists(words, max_size=120).map(" ".join),
    st.builds(
        lambda piece, n: piece * n, st.sampled_from(PIECES + ["a", "ab "]), st.integers(1, 3000)
    ),
)
examples = settings(
    max_examples=60,
    deadline=None,
    # The database is only read: one per test serves every example.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def sample(database):
    load_sample_records()
    return database


def timed(work):
    started = time.perf_counter()
    try:
        return work()
    finally:
        assert time.perf_counter() - started < SECONDS


def answered_or_refused(work):
    """What ``work`` found, or None when it refused in one of the plain sentences."""
    try:
        return timed(work)
    except SearchRefused as refusal:
        assert str(refusal) in REFUSALS
        return None


@examples
@given(text=typed)
def test_every_list_searches_any_text_or_refuses_it_plainly(sample, text):
    refused = answered_or_refused(lambda: search_terms(text)) is None
    for kind, record_list in LISTS_BY_KIND.items():
        request = ListRequest(search=text)
        first = answered_or_refused(lambda r=record_list, q=request: r.first_page(q, 50))
        count = answered_or_refused(lambda r=record_list, q=request: r.count(q))
        assert (first is None) == (count is None) == refused, kind
        if refused:
            continue
        rows, counted = first
        assert counted in (None, count) and len(rows) <= count
        assert count <= record_list.count(ListRequest())  # a search only narrows
        for record_id, *_values in rows:
            assert timed(lambda r=record_list, q=request, i=record_id: r.position(q, i)) is not None
        assert [row[0] for row in rows] == [row[0] for row in record_list.rows(request, 0, 50)]


@examples
@given(text=typed)
def test_search_everywhere_searches_any_text_or_refuses_it_plainly(sample, text):
    for index in (search.search_index(), search.LikeIndex()):  # FTS5 on SQLite
        hits = answered_or_refused(lambda i=index: i.find(text, 20))
        if hits is None:
            assert answered_or_refused(lambda: search_terms(text)) is None
            continue
        assert len(hits) <= 20
        assert all(hit.kind in RECORD_KINDS and hit.title for hit in hits)


@examples
@given(text=typed)
def test_pickers_find_any_text_or_refuse_it_plainly(sample, text):
    for model in RECORD_KINDS.values():
        found = answered_or_refused(lambda m=model: find_records(m, text, limit=12))
        assert found is None or len(found) <= 12
    answered_or_refused(lambda: find_countries(text))
    code = timed(lambda: resolve_country(text))
    assert code is None or (len(code) == 2 and code.isupper())


# Syntax with no letter or digit in it: FTS5's operators and quotes, LIKE's wildcards.
SYNTAX = ["*", '"', "'", '""', "(", ")", ":", "^", "-", "+", "%", "_", "\\", "\x00", "\t", "\n"]


@examples
@given(noise=st.lists(st.sampled_from(SYNTAX), max_size=40))
def test_syntax_typed_around_a_name_is_looked_for_never_obeyed(sample, noise):
    """Search everywhere finds a record by the words of its name whatever quotes, operators
    and wildcards are typed around them: they are text to it, never commands."""
    istc = Organization.get(Organization.short_name == "ISTC")
    text = " ".join(["International", *noise, "Science", *noise])
    for index in (search.search_index(), search.LikeIndex()):  # FTS5 on SQLite
        hits = timed(lambda i=index: i.find(text, 20))
        assert ("organization", istc.id) in {(hit.kind, hit.id) for hit in hits}


def test_the_limits_are_plain_sentences_and_repeated_words_count_once(sample):
    istc = Organization.get(Organization.short_name == "ISTC")
    organizations = LISTS_BY_KIND["organization"]

    hundred_words = " ".join(f"word{n}" for n in range(100))
    with pytest.raises(SearchRefused, match="at most 50 to look for"):
        organizations.first_page(ListRequest(search=hundred_words), 50)
    with pytest.raises(SearchRefused, match="at most 50 to look for"):
        search.find(hundred_words)

    ten_thousand = "science" + "x" * 9_993
    with pytest.raises(SearchRefused, match="at most 1000 characters"):
        organizations.count(ListRequest(search=ten_thousand))

    # The same word a hundred times, and words inside others, are one word to look for.
    assert search_terms("istc " * 100 + "ist is IST") == ["istc"]
    rows, count = organizations.first_page(ListRequest(search="ISTC " * 100), 50)
    assert [row[0] for row in rows] == [istc.id] and count == 1
    assert search_terms(" ".join(["word"] * 10_000)) == ["word"]
    assert MAX_SEARCH_WORDS == 50 and MAX_SEARCH_LENGTH == 1000

    # Fifty different words are still looked for, in one query SQLite parses.
    fifty = " ".join(f"w{n:02d}x" for n in range(50))
    assert organizations.first_page(ListRequest(search=fifty), 50) == ([], 0)
    assert search.LikeIndex().find(fifty) == []

    # A repeated name is looked for as its words, each once: a phrase of 27,000 characters
    # (one character folds into four words) is no name to compare with, nor a LIKE pattern.
    long_phrase = "\ufdfa" * 1516
    assert len(" ".join(search_words(long_phrase))) > 20 * MAX_SEARCH_LENGTH
    for index in (search.search_index(), search.LikeIndex()):
        assert index.find(long_phrase) == []
    for index in (search.search_index(), search.LikeIndex()):
        found = {(hit.kind, hit.id) for hit in index.find("ISTC " * 300)}
        assert ("organization", istc.id) in found


def test_halves_of_characters_and_nuls_find_nothing_and_raise_nothing(sample):
    organizations = LISTS_BY_KIND["organization"]
    for text in ("IST\udcffC", "\ud800", "ISTC\x00", "\x00"):
        rows, count = organizations.first_page(ListRequest(search=text), 50)
        assert count == len(rows)
        search.find(text)
        search.LikeIndex().find(text)
    # A NUL is a space: the words around it are looked for.
    rows, _count = organizations.first_page(ListRequest(search="IS\x00TC"), 50)
    assert rows
    assert organizations.first_page(ListRequest(search="IST\udcffC"), 50) == ([], 0)
