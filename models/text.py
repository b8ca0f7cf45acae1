"""Text normalization shared by search, duplicate detection and sorting."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def fold(text: str | None) -> str:
    """Case- and diacritic-insensitive form: "Martínez  Montes" -> "martinez montes".

    Search text is stored folded and queries are folded the same way, so matching works the
    same on SQLite (whose LIKE ignores case for ASCII only) and on PostgreSQL.
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def name_key(text: str | None) -> str:
    """Key under which two spellings of one name are the same: case, spacing and punctuation
    are ignored ("C.S.I.C." and "csic" share a key)."""
    return _NOT_WORD.sub("", fold(text))


def clean(text: str | None) -> str:
    """Trimmed text with inner runs of spaces collapsed, as users expect a field to be kept."""
    if text is None:
        return ""
    return _SPACES.sub(" ", str(text)).strip()


def search_words(query: str | None) -> list[str]:
    """The folded words of a search box; each must match for a record to be shown."""
    return [word for word in fold(query).split(" ") if word]


def like_pattern(word: str) -> str:
    """A LIKE pattern that finds ``word`` anywhere, with LIKE's wildcards taken literally."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
