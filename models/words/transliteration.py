"""Cyrillic (and any other script) in Latin letters, so that one name typed in two scripts can
be compared: "Нурбек Саясат" and "Sayasat Nurbek" are the same words once both are Latin."""

from __future__ import annotations

import functools

from anyascii import anyascii


# A name's words recur across thousands of records (cities, "университет"): remembered.
@functools.lru_cache(maxsize=1 << 16)
def latin(text: str) -> str:
    """The text in Latin letters as a reader of English would spell it ("Қарағанды" →
    "Qaraghandy", "Жанар" → "Zhanar"); text already in ASCII comes back as it is."""
    return text if text.isascii() else anyascii(text)
