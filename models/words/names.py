"""Short lists of names a user types freely: tags and areas of cooperation."""

from __future__ import annotations

from collections.abc import Iterable

from peewee import Model

from models.words.text import clean, fold


def named_entry(model: type[Model], name: str) -> Model:
    """The Tag or Area called ``name``, ignoring case and accents; made if there is none yet.
    These lists are short (tens of names), so they are compared in Python."""
    folded = fold(name)
    for existing in model.select():
        if fold(existing.name) == folded:
            return existing
    return model.create(name=name)


def unique_names(names: Iterable[str]) -> list[str]:
    """Cleaned, non-empty names, each once (ignoring case), in the order given."""
    seen: set[str] = set()
    result = []
    for name in names:
        name = clean(name)
        if name and fold(name) not in seen:
            seen.add(fold(name))
            result.append(name)
    return result
