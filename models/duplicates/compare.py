"""What every kind's rules share: a record's names as the finder keeps them, the keys that put
records with alike names in one block, and two lists of names compared, with the sentence
that says how they are alike."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from models.duplicates.names import (
    GENERIC,
    PREFIX,
    WordWeights,
    best_names,
    content_words,
    initials,
    name_similarity,
    skeleton,
    spelling_key,
)
from models.duplicates.twins import (
    NAME_ORDER,
    NAME_SCRIPT,
    NAMES_ALIKE,
    SAME_NAME,
    Reason,
    reason,
)
from models.words.text import clean

_CYRILLIC = re.compile("[\u0400-\u04ff]")
INITIAL_KEYS = 2  # telling words of a name that put it in a block with its initials
# A record's names as the finder keeps them: each as written and as its words.
Names = list[tuple[str, tuple[str, ...]]]


def names_of(texts: Iterable[str | None]) -> Names:
    """The names among ``texts`` that hold a word, each once."""
    seen: set[tuple[str, ...]] = set()
    names: Names = []
    for text in texts:
        text = clean(text)
        tokens = content_words(text) if text else ()
        if tokens and tokens not in seen:
            seen.add(tokens)
            names.append((text, tokens))
    return names


def name_keys(names: Names, *scope: Any) -> Iterator[tuple]:
    """The blocks a record's names put it in, within ``scope`` (a date, an organization):
    one for the name's spelling in any order and script, and one for each of its first
    telling words with the name's initials, which a name with a word cut short ("Nazarbayev
    Univ.") shares. Only the first ones: a name's proper words come first ("Karaganda",
    "Nazarbayev"), and a block for every word pairs every name built alike."""
    for _text, tokens in names:
        yield ("n", *scope, *spelling_key(tokens))
        letters = "".join(sorted(initials(tokens)))
        telling = 0
        for word in tokens:
            shape = skeleton(word)
            if len(shape) >= PREFIX - 1 and word not in GENERIC:
                yield ("i", *scope, letters, shape[:PREFIX])
                telling += 1
                if telling == INITIAL_KEYS:
                    break


def _script(text: str) -> bool:
    """Whether a name is written in Latin letters (no Cyrillic one)."""
    return _CYRILLIC.search(text) is None


def compare_names(
    one: Names, other: Names, weights: WordWeights, extra_words: bool = False
) -> tuple[float, Reason | None]:
    """How alike the most alike names of two records are (0 to 100), and the sentence that
    says so. ``extra_words``: a name may hold words the other lacks (a person's middle
    name)."""
    if not one or not other:
        return 0.0, None
    found = best_names([" ".join(t) for _n, t in one], [" ".join(t) for _n, t in other])
    if found is None:
        return 0.0, None
    (first, first_words), (second, second_words) = one[found[0]], other[found[1]]
    # People's names (``extra_words``) are compared strictly: a surname is a family's.
    similarity = name_similarity(
        first_words, second_words, weights, extra_words, strict=extra_words
    )
    same_script = _script(first) == _script(second)
    if first_words == second_words and same_script:
        said = reason(SAME_NAME, name=first)
    elif sorted(first_words) == sorted(second_words):
        said = reason(NAME_ORDER if same_script else NAME_SCRIPT, first=first, second=second)
    else:
        said = reason(NAMES_ALIKE, first=first, second=second)
    return similarity, said
