"""Properties of the words every record is kept and matched by, over text Hypothesis makes
up: numbers as people write them come back as the number they wrote, text folds to a key
that case, accents, spacing and punctuation do not change, and nothing raises but the one
refusal each function documents."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from hypothesis import assume, example, given
from hypothesis import strategies as st

from models.words.choices import ORGANIZATION_KINDS, PARTICIPANT_ROLES, ChoiceSet
from models.words.numbers import as_number, format_number, parse_number
from models.words.text import clean, displayable, fold, name_key

# Any text, surrogates included (what a file name that is not UTF-8 becomes), and the scripts
# partners' names are written in, with the punctuation and spaces around them.
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=60)
NAME_LETTERS = st.characters(
    include_characters="ӘәҒғҚқҢңӨөҰұҮүҺһІі",
    min_codepoint=0x20,
    max_codepoint=0x4FF,  # Latin, its accents, Greek and Cyrillic
    exclude_categories=("Cc", "Cs", "Co", "Cn"),
)
NAMES = st.text(NAME_LETTERS, min_size=1, max_size=40)
# Figures as reported: up to a trillion, to six decimals (the 28 digits Decimal keeps).
NUMBERS = st.decimals(
    allow_nan=False, allow_infinity=False, min_value=-(10**12), max_value=10**12, places=6
)


@given(ANY_TEXT)
@example("1\u202f130,5")
@example("Infinity")
@example("NaN")
@example("1e999999999")
def test_parse_number_gives_a_finite_number_or_refuses(text):
    try:
        number = parse_number(text)
    except ValueError:
        return
    assert number is None or (isinstance(number, Decimal) and number.is_finite())


# "1,130" is one thousand one hundred and thirty, as in the press releases figures come from:
# a number shown with three decimals after one to three digits reads as thousands.
THOUSANDS_LOOKALIKE = re.compile(r"-?[1-9]\d{0,2},\d{3}")


@given(NUMBERS)
@example(Decimal("0.250"))
@example(Decimal("-350000"))
@example(Decimal("1.001"))
def test_a_number_as_it_is_shown_reads_back_as_itself(number):
    shown = format_number(number)
    expected = int(shown.replace(",", "")) if THOUSANDS_LOOKALIKE.fullmatch(shown) else number
    assert parse_number(shown) == expected
    assert as_number(shown) == expected


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_whole_numbers_written_with_spaces_or_thousands_read_back(number):
    grouped = f"{number:,}"
    for written in (grouped.replace(",", " "), grouped.replace(",", "\u00a0"), str(number)):
        assert parse_number(written) == number


@given(ANY_TEXT)
def test_as_number_keeps_what_is_not_a_number_for_the_message(text):
    value = as_number(text)
    assert value is None or isinstance(value, Decimal | str)


@given(ANY_TEXT)
def test_folding_and_keys_never_raise_and_are_stable(text):
    folded, key = fold(text), name_key(text)
    assert fold(folded) == folded
    assert name_key(key) == key
    assert clean(clean(text)) == clean(text)
    assert " " not in key


@given(NAMES)
def test_a_names_key_ignores_case_spacing_and_punctuation(name):
    key = name_key(name)
    assert name_key(name.upper()) == key or name.upper().lower() != name.lower()
    assert name_key(f"  {name} .") == key
    assert name_key(name.replace(" ", "  ")) == key
    assert name_key("-".join(name.split())) == key


# Punctuation, symbols and spaces that stay so when decomposed ("™" is "TM", "㆖" is "上").
SYMBOLS = st.characters(categories=("P", "S", "Z")).filter(
    lambda ch: not any(part.isalnum() for part in unicodedata.normalize("NFKD", ch))
)


@given(st.text(SYMBOLS, max_size=20))
@example("—")
@example("-.--")
@example("* * *")
def test_text_of_only_symbols_and_spaces_has_no_key(text):
    assert name_key(text) == ""


@given(ANY_TEXT)
def test_displayable_text_is_one_printable_line(text):
    shown = displayable(text)
    assert "\n" not in shown and "\r" not in shown
    assert all(not ("\ud800" <= ch <= "\udfff") for ch in shown)
    shown.encode("utf-8")  # can be printed and written anywhere


@given(st.sampled_from([ORGANIZATION_KINDS, PARTICIPANT_ROLES]), st.data())
def test_a_choice_is_found_by_any_of_its_labels_in_any_case(choices: ChoiceSet, data):
    choice = data.draw(st.sampled_from(list(choices)))
    label = data.draw(st.sampled_from([choice.code, *sorted(choice.labels())]))
    assume(label)
    assert choices.find(label) == choice.code
    assert choices.find(label.upper()) == choice.code
    assert choices.find(f"  {label}  ") == choice.code


@given(ANY_TEXT)
def test_an_unknown_choice_is_none_never_an_error(text):
    assert ORGANIZATION_KINDS.find(text) in (None, *ORGANIZATION_KINDS.codes)
