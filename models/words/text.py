"""Text normalization shared by search, duplicate detection and sorting."""

from __future__ import annotations

import functools
import re
import unicodedata

_SPACES = re.compile(r"\s+")
# What a text typed or passed to search for may hold but no stored text does: halves of
# characters (from bytes that were not UTF-8, or a broken paste) and control characters.
_SURROGATES = re.compile("[\ud800-\udfff]")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)
# What separates the names of one field ("Other spellings": "Анна Ли; Anna Lee").
_NAME_SEPARATOR = re.compile(r"[,;/\n]+")


@functools.cache
def _combining_marks() -> re.Pattern[str]:
    """The combining marks of the Basic Multilingual Plane, as one character class: removing
    them with a regular expression is many times faster than testing each character, and an
    import folds hundreds of thousands of names."""
    ranges, start = [], None
    for code in range(0x300, 0x10000):
        marked = unicodedata.combining(chr(code)) != 0
        if marked and start is None:
            start = code
        elif not marked and start is not None:
            ranges.append(f"\\u{start:04x}-\\u{code - 1:04x}")
            start = None
    return re.compile(f"[{''.join(ranges)}]")


# The same name is folded for its search text, its key and an import's twins: remembered.
@functools.lru_cache(maxsize=1 << 17)
def fold(text: str | None) -> str:
    """Case- and diacritic-insensitive form: "Martínez  Montes" -> "martinez montes".

    Search text is stored folded and queries are folded the same way, so matching works the
    same on SQLite (whose LIKE ignores case for ASCII only) and on PostgreSQL.
    """
    if not text:
        return ""
    if text.isascii():  # nothing to decompose, and lower() is casefold() for ASCII
        return clean(text.lower())
    decomposed = unicodedata.normalize("NFKD", text)
    if max(decomposed) > "\uffff":  # beyond the plane the character class covers
        stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    else:
        stripped = _combining_marks().sub("", decomposed)
    return _SPACES.sub(" ", stripped.casefold()).strip()


# An import asks for the key of one name many times (a row's names, its parent, its twins).
@functools.lru_cache(maxsize=1 << 15)
def name_key(text: str | None) -> str:
    """Key under which two spellings of one name are the same: case, spacing and punctuation
    are ignored ("C.S.I.C." and "csic" share a key)."""
    return _NOT_WORD.sub("", fold(text))


def name_list(text: str | None) -> list[str]:
    """The names a field of several names holds, each cleaned: "Анна Ли; Anna Lee" →
    ["Анна Ли", "Anna Lee"]."""
    return [name for name in (clean(part) for part in _NAME_SEPARATOR.split(text or "")) if name]


def clean(text: str | None) -> str:
    """Trimmed text with inner runs of spaces collapsed, as users expect a field to be kept."""
    if text is None:
        return ""
    text = str(text)
    # Most values have no run of spaces nor other white space (which is never printable):
    # an import cleans every cell, so they skip the regular expression.
    if text.isprintable() and "  " not in text:
        return text.strip()
    return _SPACES.sub(" ", text).strip()


def searchable(text: str | None) -> str:
    """A text to look for as the database can be asked it: half a character becomes the
    replacement character (it matches nothing stored), a control character a space."""
    if not text:
        return ""
    if text.isascii() and text.isprintable():
        return text
    return _CONTROLS.sub(" ", _SURROGATES.sub("\ufffd", text))


# Characters that move or hide text without showing themselves: a file name holding them can
# read as something it is not ("invoice\u202efdp.exe" shows as "invoiceexe.pdf").
_INVISIBLE = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def displayable(text: str) -> str:
    """Text that can be shown on one line as it is: the bytes of a file name that are not
    UTF-8 (which Python keeps as lone surrogates), control characters, line breaks and the
    marks that reorder text each become "\ufffd", so a message stays one honest line."""
    try:
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a lone surrogate that no undecodable byte made
        text = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
    if text.isprintable():
        return text
    return "".join(
        "\ufffd" if ch in _INVISIBLE or unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") else ch
        for ch in text
    )


# Kazakh letters as the Kazakh Latin alphabet writes them (Ә Ä, Ғ Ğ, Қ Q, Ң Ñ, Ө Ö, Ұ Ū, Ү Ü,
# Һ H, І I), folded as every Latin letter is: so "Qazaqstan" and "Қазақстан" meet, and so does
# a Kazakh word typed without the Kazakh letters ("Казак").
_KAZAKH_LATIN = {"ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h"}


@functools.cache
def _latin_letters() -> dict[int, str]:
    """Every Cyrillic letter a folded text may hold, as Latin letters (anyascii's scheme, which
    writes names as passports and the press do: "Саясат" "sayasat", "Жанар" "zhanar"); the
    soft and hard signs, which no Latin spelling writes, are left out."""
    from anyascii import anyascii

    table = {}
    for code in range(0x0400, 0x0530):
        letter = chr(code)
        if letter.isalpha() and letter == fold(letter):
            latin = anyascii(letter).lower().replace("q", "k")
            table[code] = "" if latin == "'" else latin
    table.update({ord(letter): latin for letter, latin in _KAZAKH_LATIN.items()})
    # "q" is Қ in Kazakh Latin and K in Russian and English spellings of Kazakh names: both
    # are searched as "k".
    table[ord("q")] = "k"
    return table


def latin(folded: str) -> str:
    """A folded text with its Cyrillic letters written in Latin ones: "нұрбек" -> "nurbek"."""
    if folded.isascii():  # most names, e-mails and addresses: only "q" to change
        return folded.replace("q", "k") if "q" in folded else folded
    return folded.translate(_latin_letters())


def search_fold(text: str | None) -> str:
    """The form in which a text is searched: folded, and in Latin letters, so that a name is
    found whichever script it is typed in ("Ангелиева" finds Angelieva, "Nurbek" finds
    Нурбек). Records keep their search text in this form, and what is typed is put in it."""
    return latin(fold(text))


def search_words(query: str | None) -> list[str]:
    """The words of a search box as search text keeps them (``search_fold``); each must
    match for a record to be shown."""
    return [word for word in search_fold(searchable(query)).split(" ") if word]


def like_pattern(word: str) -> str:
    """A LIKE pattern that finds ``word`` anywhere, with LIKE's wildcards taken literally."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
