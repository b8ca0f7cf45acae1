"""The sample records: partners, people, events, delegations, programs, key figures and
sources taken from the press articles Seriktes grew from, kept as readable data in
``resources/sample/records.json`` and saved through each kind's editor, so they obey the same
rules as records typed in a form.

The file names records by local keys ("istc", "nurbek"); this module turns them into ids.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from pathlib import Path
from typing import Any

from models.errors import SeriktesError
from models.kinds.all_kinds import EDITORS_BY_KIND
from models.store.appdirs import data_dir
from models.store.base import db
from models.store.records import RECORD_KINDS
from models.words.translation import _

SAMPLE_DATABASE_NAME = "seriktes-sample.db"

# The file's sections in the order they are saved: a record comes after those it points to.
# Sources come before key figures (a figure names its source) and get their mentions last
# (a source mentions figures).
SECTIONS: tuple[tuple[str, str], ...] = (
    ("organizations", "organization"),
    ("people", "person"),
    ("events", "event"),
    ("programs", "program"),
    ("agreements", "agreement"),
    ("delegations", "delegation"),
    ("sources", "source"),
    ("figures", "figure"),
)

# Fields that name another record by its key, and the kind that record must be.
LINKS: dict[str, dict[str, str]] = {
    "organization": {"parent": "organization"},
    "person": {"organization": "organization"},
    "event": {"parent": "event"},
    "delegation": {"organization": "organization", "head": "person"},
    "program": {"lead": "organization"},
    "agreement": {},
    "figure": {"organization": "organization", "program": "program", "source": "source"},
    "source": {},
}

# Fields of child rows that name a record by its key.
ROW_LINKS: dict[str, dict[str, str]] = {
    "participants": {"person": "person", "organization": "organization"},
    "members": {"person": "person"},
    "follow_ups": {"responsible_person": "person"},
    "partners": {"organization": "organization"},
    "parties": {"organization": "organization", "signatory": "person"},
}

# Links given in the file as a plain list of keys: (the field of each row, its kind).
KEY_LISTS: dict[str, tuple[str, str]] = {
    "events": ("event", "event"),
    "programs": ("program", "program"),
    "agreements": ("agreement", "agreement"),
}

DATE_FIELDS = frozenset(
    {
        "starts_on",
        "ends_on",
        "signed_on",
        "effective_on",
        "expires_on",
        "period_start",
        "period_end",
        "as_of",
        "published_on",
        "due_on",
        "done_on",
    }
)

# Keys of the file that are not stored: the local key and a comment for the reader.
NOT_STORED = frozenset({"key", "note"})


class SampleNotEmpty(SeriktesError):
    """Sample records go only into a database that holds no records yet."""


def sample_database_path() -> Path:
    """Where the first start puts the database of sample records."""
    return data_dir() / SAMPLE_DATABASE_NAME


def read_sample_file() -> dict[str, Any]:
    text = resources.files("resources").joinpath("sample", "records.json").read_text("utf-8")
    return json.loads(text)


def database_is_empty() -> bool:
    """Whether the open database holds no record of any kind."""
    return not any(model.select().exists() for model in RECORD_KINDS.values())


class _Keys:
    """The local keys of the records saved so far, with their kind and id."""

    def __init__(self) -> None:
        self._saved: dict[str, tuple[str, int]] = {}

    def add(self, key: str, kind: str, record_id: int) -> None:
        if not key:
            raise SeriktesError(_("A sample record ({kind}) has no key.").format(kind=kind))
        if key in self._saved:
            raise SeriktesError(_("The sample key “{key}” is used twice.").format(key=key))
        self._saved[key] = (kind, record_id)

    def find(self, key: str) -> tuple[str, int]:
        if key not in self._saved:
            raise SeriktesError(
                _(
                    "The sample key “{key}” names no record saved before it (a record must come "
                    "after those it points to)."
                ).format(key=key)
            )
        return self._saved[key]

    def id_of(self, key: str | None, kind: str) -> int | None:
        if key is None:
            return None
        found_kind, record_id = self.find(key)
        if found_kind != kind:
            raise SeriktesError(
                _(
                    "The sample key “{key}” names a record of the kind {found}, not {wanted}."
                ).format(key=key, found=found_kind, wanted=kind)
            )
        return record_id


def _date(name: str, value: Any) -> Any:
    if name in DATE_FIELDS and isinstance(value, str) and value:
        return dt.date.fromisoformat(value)
    return value


def _values(kind: str, entry: dict[str, Any], keys: _Keys) -> dict[str, Any]:
    """The values an editor saves, from one entry of the file."""
    editor = EDITORS_BY_KIND[kind]
    known = set(editor.empty_values())
    values: dict[str, Any] = {}
    for name, value in entry.items():
        if name in NOT_STORED or (kind == "source" and name == "mentions"):
            continue
        if name not in known:
            raise SeriktesError(
                _("The sample record “{key}” ({kind}) has an unknown field {field}.").format(
                    key=entry.get("key"), kind=kind, field=name
                )
            )
        if name in LINKS[kind]:
            values[name] = keys.id_of(value, LINKS[kind][name])
        elif name in KEY_LISTS:
            field, target = KEY_LISTS[name]
            values[name] = [{field: keys.id_of(key, target)} for key in value]
        elif name in ROW_LINKS:
            links = ROW_LINKS[name]
            values[name] = [
                {
                    field: keys.id_of(item, links[field]) if field in links else _date(field, item)
                    for field, item in row.items()
                }
                for row in value
            ]
        else:
            values[name] = _date(name, value)
    return values


def _save(kind: str, values: dict[str, Any], key: str, record_id: int | None = None) -> int:
    try:
        return EDITORS_BY_KIND[kind].save(values, record_id).id
    except SeriktesError as error:
        raise SeriktesError(
            _("The sample record “{key}” ({kind}) cannot be saved: {reason}").format(
                key=key, kind=kind, reason=error
            )
        ) from error


def load_sample_records() -> dict[str, int]:
    """Save every sample record in the open database, all of them or none, and return how
    many of each kind were saved. Refuses a database that already holds records."""
    data = read_sample_file()
    with db.atomic():
        if not database_is_empty():
            raise SampleNotEmpty(
                _(
                    "This database already holds records. Sample records go only into a new, "
                    "empty database; nothing was changed."
                )
            )
        keys = _Keys()
        counts: dict[str, int] = {}
        for section, kind in SECTIONS:
            entries = data.get(section) or []
            for entry in entries:
                record_id = _save(kind, _values(kind, entry, keys), entry.get("key", ""))
                keys.add(entry.get("key", ""), kind, record_id)
            counts[kind] = len(entries)
        for entry in data.get("sources") or []:
            key = entry["key"]
            _kind, source_id = keys.find(key)
            values = EDITORS_BY_KIND["source"].load(source_id)
            values["mentions"] = [
                dict(zip(("record_kind", "record_id"), keys.find(mentioned), strict=True))
                for mentioned in entry.get("mentions") or []
            ]
            _save("source", values, key, source_id)
    return counts


def create_sample_database(target: str | Path) -> dict[str, int]:
    """Open (or create) the database at ``target``, fill it with the sample records and close
    it. Refuses, leaving it as it was, when it cannot be opened or already holds records."""
    from models.store.database import close_database, open_database

    open_database(target, create=True)
    try:
        if not database_is_empty():
            raise SampleNotEmpty(
                _(
                    "{database} already holds records. Sample records go only into a new, "
                    "empty database; nothing was changed."
                ).format(database=target)
            )
        return load_sample_records()
    finally:
        close_database()
