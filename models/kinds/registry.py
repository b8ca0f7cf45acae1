"""The registry of kinds: each kind's module registers its editor when it is imported, and
the features that work across kinds (history, trash, search) read it through ``editor_for``.

It imports no kind, so no kind imports a module that imports it back: the kinds are loaded
the first time a feature asks for one, by importing ``models.kinds.all_kinds``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from models.editing import RecordEditor
    from models.store.base import RecordModel

# Every kind as the command line names it, in the plural: ``seriktes export organizations``,
# ``seriktes duplicates people``.
PLURALS: dict[str, str] = {
    "organizations": "organization",
    "people": "person",
    "events": "event",
    "delegations": "delegation",
    "programs": "program",
    "agreements": "agreement",
    "figures": "figure",
    "sources": "source",
}

_BY_KIND: dict[str, RecordEditor] = {}
_BY_MODEL: dict[type[RecordModel], RecordEditor] = {}


def register(editor: RecordEditor) -> RecordEditor:
    _BY_KIND[editor.kind] = editor
    _BY_MODEL[editor.model] = editor
    return editor


def _load_kinds() -> None:
    importlib.import_module("models.kinds.all_kinds")


def editor_for(kind: str) -> RecordEditor:
    """The editor of a kind named by its code ("organization")."""
    if kind not in _BY_KIND:
        _load_kinds()
    return _BY_KIND[kind]


def all_editors() -> list[RecordEditor]:
    """Every kind's editor."""
    _load_kinds()
    return list(_BY_KIND.values())


def editor_of(model: type) -> RecordEditor | None:
    """The editor of a record's model, or None for rows that are not records (a participant)."""
    if not _BY_MODEL:
        _load_kinds()
    return _BY_MODEL.get(model)
