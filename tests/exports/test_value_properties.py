"""Properties of how an import reads a cell, over values Hypothesis makes up: a date, a
number, a country, a choice or a yes/no written the way people write them comes back as
itself, and anything else is refused with ``ValueError`` (whose message the row's reason
shows) — never another exception, which would end the import instead of one row."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from exports.commands.export import parse_date
from exports.import_values import (
    EXCEL_EPOCH,
    CountryReader,
    read_bool,
    read_choice,
    read_date,
    read_names,
    read_number,
    read_text,
)
from exports.importer import _match_keys
from models.store.records import Country
from models.words.choices import AGREEMENT_STATUSES
from models.words.dates import FIRST_YEAR, LAST_YEAR
from models.words.numbers import format_number
from models.words.text import name_key

ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=60)
# What a spreadsheet cell holds once read: text, numbers of every kind, dates, booleans.
CELLS = st.one_of(
    ANY_TEXT,
    st.integers(),
    st.floats(),
    st.decimals(),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.none(),
)
DATES = st.dates(min_value=dt.date(FIRST_YEAR, 1, 1), max_value=dt.date(LAST_YEAR, 12, 31))
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August"]
MONTHS_EN += ["September", "October", "November", "December"]
MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа"]
MONTHS_RU += ["сентября", "октября", "ноября", "декабря"]
MONTHS_KK = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз"]
MONTHS_KK += ["қыркүйек", "қазан", "қараша", "желтоқсан"]


# A number shown with three decimals after one to three digits reads as thousands.
THOUSANDS_LOOKALIKE = re.compile(r"-?[1-9]\d{0,2},\d{3}")


def refused_or(reader, value, kind):
    try:
        result = reader(value)
    except ValueError as error:
        assert str(error), "a refusal says what is wrong"
        return None
    assert isinstance(result, kind), result
    return result


@given(CELLS)
@example("31.02.2025")
@example("0.0.0")
@example("99999-01-01")
@example(float("nan"))
@example(1e308)
@example("5 Мартобря 2025")
def test_a_date_cell_is_a_date_or_refused(value):
    if value is None or (isinstance(value, str) and not value.strip()):
        assert read_date(value) is None  # an empty cell is no date, not a wrong one
        return
    refused_or(read_date, value, dt.date)


@given(DATES)
def test_dates_written_every_usual_way_read_back(day):
    written = [
        f"{day:%d.%m.%Y}",
        f"{day.day}.{day.month}.{day.year}",
        f"{day:%d/%m/%Y}",
        day.isoformat(),
        f"{day.year}.{day.month}.{day.day}",
        f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}",
        f"{MONTHS_EN[day.month - 1][:3]} {day.day}, {day.year}",
        f"{day.day} {MONTHS_RU[day.month - 1]} {day.year} г.",
        f"{day.day} {MONTHS_KK[day.month - 1].upper()} {day.year} жылы",
    ]
    for text in written:
        assert read_date(text) == day, text
    assert read_date(dt.datetime.combine(day, dt.time(15, 30))) == day


@given(st.dates(min_value=dt.date(1954, 10, 3), max_value=dt.date(2118, 12, 31)))
def test_a_date_cell_read_as_its_excel_serial_number_reads_back(day):
    serial = (day - EXCEL_EPOCH).days
    assert read_date(serial) == day
    assert read_date(float(serial) + 0.25) == day  # a date and a time of day


@given(CELLS)
@example(float("nan"))
@example(float("inf"))
@example(-float("inf"))
@example(Decimal("NaN"))
@example("Infinity")
def test_a_number_cell_is_a_finite_number_or_refused(value):
    number = refused_or(read_number, value, Decimal)
    assert number is None or number.is_finite()


@given(st.decimals(places=3, min_value=-(10**12), max_value=10**12))
@example(Decimal("0.250"))
@example(Decimal("-1130"))
def test_numbers_as_shown_and_as_excel_stores_them_read_back(number):
    shown = format_number(number)
    if THOUSANDS_LOOKALIKE.fullmatch(shown):
        # "1,001" is a thousand and one, as in the press releases figures come from
        assert read_number(shown) == int(shown.replace(",", ""))
    else:
        assert read_number(shown) == number
    assert read_number(float(number)) == Decimal(str(float(number)))
    assert read_number(int(number)) == int(number)


@given(CELLS)
def test_a_yes_no_cell_is_a_boolean_or_refused(value):
    refused_or(read_bool, value, bool)


@given(st.sampled_from(["yes", "Yes", "да", "ИӘ", "x", "1", "TRUE", "✓"]))
def test_yes_in_three_languages_is_true(word):
    assert read_bool(word) is True


@given(CELLS)
def test_a_choice_cell_is_a_code_or_refused_naming_the_choices(value):
    code = refused_or(lambda v: read_choice(v, AGREEMENT_STATUSES, "status"), value, str)
    assert code is None or code in AGREEMENT_STATUSES


@given(st.sampled_from(list(AGREEMENT_STATUSES)), st.sampled_from(["en", "ru", "kk"]))
def test_a_choice_by_its_label_in_any_language_and_case(choice, language):
    label = choice.label(language)
    assert read_choice(f" {label.upper()} ", AGREEMENT_STATUSES, "status") == choice.code


@given(CELLS)
def test_text_and_lists_never_raise(value):
    assert isinstance(read_text(value), str)
    names = read_names(value)
    assert all(name and name == name.strip() for name in names)


@pytest.fixture
def countries(database):
    return CountryReader()


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(ANY_TEXT)
@example("Atlantis")
@example("\udcff")
def test_a_country_cell_is_a_known_code_or_refused(countries, text):
    code = refused_or(countries, text, str)
    assert code is None or Country.get_or_none(Country.code == code) is not None


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.data())
def test_every_country_by_its_code_or_name_in_any_language(countries, data):
    country = data.draw(st.sampled_from(list(Country.select())))
    written = data.draw(
        st.sampled_from([country.code, country.name_en, country.name_ru, country.name_kk])
    )
    case = data.draw(st.sampled_from([str.lower, str.upper, str.strip]))
    assert countries(case(written)) == country.code


# -- match keys ---------------------------------------------------------------------------------

KINDS_AND_FIELDS = {
    "organization": ("name", "short_name", "website"),
    "person": ("full_name",),
    "program": ("name", "short_name"),
    "agreement": ("title", "reference_number"),
    "event": ("title",),
    "delegation": ("title",),
    "figure": ("measure",),
}


@given(st.sampled_from(sorted(KINDS_AND_FIELDS)), st.lists(ANY_TEXT, min_size=3, max_size=3))
def test_match_keys_never_raise_and_never_match_on_nothing(kind, texts):
    values = dict(zip(KINDS_AND_FIELDS[kind], texts, strict=False))
    values.update(starts_on=dt.date(2025, 3, 5), as_of=None, value=Decimal(1))
    keys = _match_keys(kind, values)
    for key in keys:
        prefix, _colon, rest = key.partition(":")
        assert prefix in ("n", "w", "r") and rest and not rest.startswith("@"), key
    names = [values[f] for f in KINDS_AND_FIELDS[kind] if f != "website"]
    assert len(keys) >= sum(1 for name in names if name_key(name))


@given(st.sampled_from(sorted(KINDS_AND_FIELDS)), st.text("-—–_.,;:*/\\ ()[]'\"", max_size=12))
def test_a_field_of_dashes_and_symbols_gives_no_key(kind, symbols):
    values = dict.fromkeys(KINDS_AND_FIELDS[kind], symbols)
    values.update(starts_on=None, as_of=None, value=None)
    assert _match_keys(kind, values) == []


@given(st.text(st.characters(min_codepoint=0x41, max_codepoint=0x4FF), min_size=1, max_size=30))
def test_two_spellings_of_a_name_share_their_key(name):
    values = {"name": name, "short_name": "", "website": ""}
    spelled = {"name": f" {name.upper()}. ", "short_name": "", "website": ""}
    if name.upper().lower() == name.lower():  # a letter whose capital folds back to it
        assert _match_keys("organization", values) == _match_keys("organization", spelled)


@given(ANY_TEXT)
@example("31.02.2025")
@example("2025-13-01")
def test_a_date_on_the_command_line_is_a_date_or_a_usage_error(text):
    try:
        assert isinstance(parse_date(text), dt.date)
    except argparse.ArgumentTypeError as error:
        assert "is not a date" in str(error)
