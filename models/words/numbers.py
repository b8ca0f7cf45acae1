"""Numbers as people write them: "1 130", "1,130", "350 000", "1 130,5", "12.5"."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

# "1,130" and "-350.000" are thousands; "0,250" is a quarter: no group of thousands starts
# with a lone zero.
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


def format_number(value: Decimal | float | int | None) -> str:
    """A number shown with a thin space between thousands and no trailing zeros."""
    if value is None:
        return ""
    value = Decimal(value)
    normalized = value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()
    whole, _, fraction = f"{normalized:f}".partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    text = sign + "\u202f".join(groups or ["0"])
    return f"{text},{fraction}" if fraction else text
