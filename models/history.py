"""The history of every record: each create, change and delete, field by field, with when
and by whom. A save's changes share a change set, so it can be undone and redone as a whole,
and any earlier value of a field can be brought back."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from decimal import Decimal
from typing import Any

from models.kinds.registry import editor_for
from models.store.base import RecordModel, current_user, db
from models.store.bulk import insert_rows
from models.store.records import Change

CREATED, CHANGED, DELETED, RESTORED, IMPORTED = (
    "created",
    "changed",
    "deleted",
    "restored",
    "imported",
)
# Records merged into this one (the note names them), and such a merge undone.
MERGED, UNMERGED = "merged", "unmerged"


def encode(value: Any) -> str:
    """A field's value as JSON that keeps its type (a date stays a date)."""
    return json.dumps(_plain(value), ensure_ascii=False, sort_keys=True)


def decode(text: str | None) -> Any:
    return None if text is None else _typed(json.loads(text))


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, dt.time):
        return {"$time": value.isoformat()}
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def _typed(value: Any) -> Any:
    if isinstance(value, dict):
        if len(value) == 1:
            ((key, item),) = value.items()
            readers = {
                "$datetime": dt.datetime.fromisoformat,
                "$date": dt.date.fromisoformat,
                "$time": dt.time.fromisoformat,
                "$decimal": Decimal,
            }
            if key in readers:
                return readers[key](item)
        return {key: _typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_typed(item) for item in value]
    return value


def _same(a: Any, b: Any) -> bool:
    return (a or None) == (b or None)


def log_save(
    kind: str, record_id: int, before: dict[str, Any] | None, after: dict[str, Any]
) -> str:
    """The changes one save made, field by field, under one new change set."""
    change_set = uuid.uuid4().hex
    user = current_user()
    if before is None:
        rows = [
            dict(field=key, old=None, new=encode(value))
            for key, value in after.items()
            if not _same(value, None)
        ]
        action = CREATED
    else:
        rows = [
            dict(field=key, old=encode(before.get(key)), new=encode(value))
            for key, value in after.items()
            if not _same(before.get(key), value)
        ]
        action = CHANGED
    if not rows:
        return change_set
    Change.insert_many(
        [
            dict(
                change_set=change_set,
                user=user,
                record_kind=kind,
                record_id=record_id,
                action=action,
                **row,
            )
            for row in rows
        ]
    ).execute()
    return change_set


def log_events(
    kind: str, notes: dict[int, str], action: str, change_set: str | None = None
) -> None:
    """Changes of whole records (deleted, restored, imported), written at once for all of
    them: ``notes`` by record id. Each is a change of its own, unless they share
    ``change_set``."""
    user = current_user()
    insert_rows(
        Change,
        [
            dict(
                change_set=change_set or uuid.uuid4().hex,
                user=user,
                record_kind=kind,
                record_id=record_id,
                action=action,
                field="",
                new=encode(note) if note else None,
            )
            for record_id, note in notes.items()
        ],
    )


def log_imported(kind: str, record_ids: list[int], note: str) -> str:
    change_set = uuid.uuid4().hex
    log_events(kind, dict.fromkeys(record_ids, note), IMPORTED, change_set)
    return change_set


def history_of(kind: str, record_id: int) -> list[Change]:
    """The record's changes, the newest first."""
    return list(
        Change.select()
        .where((Change.record_kind == kind) & (Change.record_id == record_id))
        .order_by(Change.at.desc(), Change.id.desc())
    )


def last_deletion(kind: str, record_id: int) -> Change | None:
    """When the record was last deleted, and by whom; None if the history does not say."""
    return (
        Change.select()
        .where(
            (Change.record_kind == kind)
            & (Change.record_id == record_id)
            & (Change.action == DELETED)
        )
        .order_by(Change.at.desc(), Change.id.desc())
        .first()
    )


def change_set_record(change_set: str) -> tuple[str, int, str] | None:
    """The record a save changed and how (``CREATED`` or ``CHANGED``): its kind, id and
    action; None when the save changed nothing."""
    change = (
        Change.select(Change.record_kind, Change.record_id, Change.action)
        .where((Change.change_set == change_set) & (Change.field != ""))
        .first()
    )
    return None if change is None else (change.record_kind, change.record_id, change.action)


def _apply(
    change_set: str,
    to_old: bool,
    record_id: int | None = None,
    expected_version: int | None = None,
) -> RecordModel | None:
    """Set the fields a save changed to their values before it (``to_old``) or after it, on
    the record it changed, or on ``record_id`` when the record has come back from the trash
    under another id. With ``expected_version``, a record changed since by someone else is
    left as it is (``Conflict``). Returns the record as saved."""
    changes = list(Change.select().where((Change.change_set == change_set) & (Change.field != "")))
    if not changes:
        return None
    kind = changes[0].record_kind
    record_id = changes[0].record_id if record_id is None else record_id
    editor = editor_for(kind)
    values = editor.load(record_id)
    for change in changes:
        values[change.field] = decode(change.old if to_old else change.new)
    with db.atomic():
        return editor.save(values, record_id, expected_version=expected_version)


def revert(
    change_set: str, record_id: int | None = None, expected_version: int | None = None
) -> RecordModel | None:
    """Put the fields a save changed back as they were before it (undo)."""
    return _apply(change_set, True, record_id, expected_version)


def reapply(
    change_set: str, record_id: int | None = None, expected_version: int | None = None
) -> RecordModel | None:
    """Make a save's changes again (redo)."""
    return _apply(change_set, False, record_id, expected_version)


def restore_value(change_id: int) -> str:
    """Bring one field back to the value it had before a change; returns the change set of
    that restore, which can itself be undone."""
    change = Change.get_by_id(change_id)
    editor = editor_for(change.record_kind)
    values = editor.load(change.record_id)
    values[change.field] = decode(change.old)
    return editor.save(values, change.record_id).change_set
