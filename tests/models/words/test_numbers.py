"""Numbers as each language writes them, and read back as they were written."""

from __future__ import annotations

import gettext
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.words.numbers import format_number, parse_number
from models.words.translation import use_catalog


@pytest.fixture
def language():
    """Show numbers in a language for the test; English again after it."""

    def choose(code: str) -> None:
        use_catalog(code, gettext.NullTranslations())

    yield choose
    use_catalog("en", gettext.NullTranslations())


def test_english_writes_a_comma_between_thousands_and_a_decimal_point():
    assert format_number(1500) == "1,500"
    assert format_number(Decimal("1130.5000")) == "1,130.5"
    assert format_number(Decimal("350000.0000")) == "350,000"
    assert format_number(-1234567) == "-1,234,567"
    assert format_number(0) == "0"
    assert format_number(None) == ""


@pytest.mark.parametrize("code", ["ru", "kk"])
def test_russian_and_kazakh_write_a_thin_space_between_thousands_and_a_decimal_comma(
    language, code
):
    language(code)
    assert format_number(1500) == "1\u202f500"
    assert format_number(Decimal("1130.5")) == "1\u202f130,5"


def test_groups_of_thousands_are_told_from_a_fraction_starting_with_zero():
    assert parse_number("0,125") == Decimal("0.125")
    assert parse_number("0.125") == Decimal("0.125")
    assert parse_number("1,130") == 1130
    assert parse_number("-1,130") == -1130


numbers = st.one_of(
    st.integers(min_value=-(10**15), max_value=10**15).map(Decimal),
    st.tuples(st.integers(min_value=-(10**12), max_value=10**12), st.integers(1, 4)).map(
        lambda pair: Decimal(pair[0]).scaleb(-pair[1])
    ),
)


def test_three_decimals_are_written_so_as_not_to_read_as_thousands():
    assert format_number(Decimal("22.933")) == "22.9330"
    assert parse_number("22.9330") == Decimal("22.933")
    assert format_number(Decimal("0.125")) == "0.125"
    assert format_number(Decimal("1022.933")) == "1,022.933"


@given(numbers, st.sampled_from(["en", "ru", "kk"]))
def test_a_number_shown_reads_back_as_the_same_number(value, code):
    use_catalog(code, gettext.NullTranslations())
    try:
        assert parse_number(format_number(value)) == value
    finally:
        use_catalog("en", gettext.NullTranslations())
