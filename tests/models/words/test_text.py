"""How names are kept and compared: trimmed with inner space collapsed, and folded so that
case, accents and spacing never decide whether a record is found or a twin."""

from __future__ import annotations

import pytest

from models.words.text import clean, fold, name_key, search_words


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("  Spanish National Research Council ", "Spanish National Research Council"),
        ("Al-Farabi  Kazakh\tNational\nUniversity", "Al-Farabi Kazakh National University"),
        ("Nazarbayev\u00a0University", "Nazarbayev University"),  # no-break space
        ("ISTC\u2009 Astana", "ISTC Astana"),  # thin space beside a space
        ("Line\u2028break", "Line break"),
        ("Әл-Фараби   атындағы ҚазҰУ", "Әл-Фараби атындағы ҚазҰУ"),
        (None, ""),
        (2025, "2025"),
    ],
)
def test_clean_trims_and_collapses_every_kind_of_space(typed, kept):
    assert clean(typed) == kept


def test_fold_ignores_case_accents_and_spacing():
    assert fold("  Martínez\u00a0 MONTES ") == "martinez montes"
    assert fold("Consejo Superior de Investigaciones Científicas") == fold(
        "consejo superior de investigaciones cientificas"
    )
    assert fold("ҚАЗАҚ  Ұлттық") == "қазақ ұлттық"  # its own letters, not accented ones
    assert name_key("C.S.I.C.") == name_key("csic") == "csic"
    assert search_words("  Astana\tHub ") == ["astana", "hub"]
