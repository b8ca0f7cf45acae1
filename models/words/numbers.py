"""Numbers as people write them: "1 130", "1,130", "350 000", "1 130,5", "12.5"; and as the
language shown writes them."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from models.words.translation import language

# Groups of three digits after a first group that does not start with 0 ("0,125" is a
# fraction), with a sign or none.
_THOUSANDS = re.compile(r"^[-+]?[1-9]\d{0,2}([,.]\d{3})+$")


def parse_number(text: str | None) -> Decimal | None:
    """The number in ``text``, or None when it is empty. Raises ValueError when it is not a
    number. A group of three digits after a single separator ("1,130", "350.000") is read as
    thousands, as in the press releases figures come from."""
    if text is None:
        return None
    compact = re.sub(r"[\s\u00a0\u202f']", "", str(text))
    if not compact:
        return None
    if _THOUSANDS.match(compact) and len(set(re.sub(r"[\d+-]", "", compact))) == 1:
        compact = re.sub(r"[,.]", "", compact)
    elif "," in compact and "." in compact:
        decimal = "," if compact.rfind(",") > compact.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        compact = compact.replace(thousands, "").replace(decimal, ".")
    else:
        compact = compact.replace(",", ".")
    try:
        value = Decimal(compact)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    return value


def as_number(value: Any) -> Any:
    """A value from a form, an import or the command line as a Decimal; a text that is not a
    number is kept as it is, so the check can quote it back to the user."""
    if value is None or isinstance(value, Decimal):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Decimal(str(value))
    try:
        return parse_number(str(value))
    except ValueError:
        return str(value).strip()


# How each language writes a number: the mark between groups of thousands and the decimal
# mark. English "1,130.5" is also what a spreadsheet's number format shows in English, so a
# figure reads the same in a sentence and in a cell; Russian and Kazakh write "1 130,5".
SEPARATORS = {"en": (",", "."), "ru": ("\u202f", ","), "kk": ("\u202f", ",")}


def format_number(value: Decimal | float | int | None) -> str:
    """A number as the language shown writes it, with no trailing zeros: "1,500" and
    "12.5" in English, "1 500" and "12,5" (a thin space between thousands) in Russian and
    Kazakh."""
    if value is None:
        return ""
    thousands, decimal = SEPARATORS.get(language(), SEPARATORS["en"])
    value = Decimal(value)
    normalized = value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()
    whole, _, fraction = f"{normalized:f}".partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    text = sign + thousands.join(groups or ["0"])
    if len(fraction) == 3 and len(whole.lstrip("-")) <= 3 and whole.lstrip("-") != "0":
        # "22.933" would read back as thousands (see parse_number): "22.9330" reads as itself
        fraction += "0"
    return f"{text}{decimal}{fraction}" if fraction else text


# The ablative ending a number takes in Kazakh ("50-ден астам", "30-дан астам", "1 000-нан
# кем"): it follows the sound the number ends with when read out, which is the sound of its
# last word (units, then tens, then hundreds, thousands, millions).
_KK_UNITS = {1: "ден", 2: "ден", 3: "тен", 4: "тен", 5: "тен", 6: "дан", 7: "ден", 8: "ден"}
_KK_UNITS[9] = "дан"
_KK_TENS = {1: "нан", 2: "дан", 3: "дан", 4: "тан", 5: "ден", 6: "тан", 7: "тен", 8: "нен"}
_KK_TENS[9] = "нан"


def kazakh_ablative(value: Decimal | int) -> str:
    """The ablative ending ("дан", "ден", "тан", "тен", "нан", "нен") of a number as Kazakh
    reads it: 5 → "тен" (бес), 30 → "дан" (отыз), 100 → "ден" (жүз), 1 000 → "нан" (мың).
    A fraction is read to its last digits ("он екі бүтін оннан бес")."""
    value = abs(Decimal(value))
    if value != value.to_integral():
        value = Decimal(str(value.normalize()).partition(".")[2])
    number = int(value)
    if number == 0:
        return "ден"  # нөл
    if number % 10:
        return _KK_UNITS[number % 10]
    if number % 100:
        return _KK_TENS[number % 100 // 10]
    if number % 1000:
        return "ден"  # жүз
    if number % 1_000_000:
        return "нан"  # мың
    if number % 1_000_000_000:
        return "нан"  # миллион
    return "тан"  # миллиард
