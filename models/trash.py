"""The trash: a deleted record is kept with everything that pointed to it, exactly as it
was, so it can be restored; or deleted for good, after the user confirms.

A snapshot holds the record's own row, the rows deleted with it (an event's participants, an
organization's key figures), the rows that only lost their link to it (a person's
organization), and its tags, files and press mentions.
"""

from __future__ import annotations

import base64
import uuid
from dataclasses import dataclass
from typing import Any

from peewee import Model

from models import history, search
from models.errors import SeriktesError
from models.kinds.registry import editor_for
from models.store.base import current_user, db
from models.store.bulk import insert_rows
from models.store.records import (
    RECORD_KINDS,
    Attachment,
    AttachmentContent,
    RecordTag,
    SourceMention,
    TrashItem,
)
from models.store.refresh import refresh_sort_keys, sort_columns
from models.words.translation import _

NAMING = (RecordTag, SourceMention)  # rows that name a record by kind and id
_CHUNK = 500  # records read and written together


def _rows(query) -> list[dict[str, Any]]:
    return [_kept(query.model, row) for row in query.dicts()]


def _kept(model: type[Model], row: dict[str, Any]) -> dict[str, Any]:
    """A row as the trash keeps it: without a record's sort keys, which follow from its names
    and are made again when it is restored."""
    derived = sort_columns(model) if model in RECORD_KINDS.values() else ()
    return history._plain({name: value for name, value in row.items() if name not in derived})


def _snapshots(kind: str, record_ids: list[int]) -> dict[int, dict[str, Any]]:
    """The snapshot of each record, read in a few queries for all of them together: one per
    kind of linked row, not one per kind of linked row and record."""
    model = RECORD_KINDS[kind]
    snapshots = {
        row["id"]: {
            "record": _kept(model, row),
            "deleted_with": {},
            "unlinked": {},
            "named": {table._meta.table_name: [] for table in NAMING},
            "files": [],
        }
        for row in model.select().where(model.id.in_(record_ids)).dicts()
    }
    for field in model._meta.backrefs:
        table = field.model._meta.table_name
        rows = field.model.select().where(field.in_(record_ids))
        if field.on_delete == "SET NULL":
            pointing = rows.select(field.model._meta.primary_key, field).tuples()
            for row_id, owner in pointing:
                unlinked = snapshots[owner]["unlinked"].setdefault(table, {})
                unlinked.setdefault(field.column_name, []).append(row_id)
        else:
            for row in _rows(rows):
                snapshots[row[field.name]]["deleted_with"].setdefault(table, []).append(row)
    for table in NAMING:
        naming = table.select().where((table.record_kind == kind) & table.record_id.in_(record_ids))
        for row in _rows(naming):
            snapshots[row["record_id"]]["named"][table._meta.table_name].append(row)
    attachments = list(
        Attachment.select().where(
            (Attachment.record_kind == kind) & Attachment.record_id.in_(record_ids)
        )
    )
    contents = {
        content.attachment_id: bytes(content.data)
        for content in AttachmentContent.select().where(
            AttachmentContent.attachment.in_([attachment.id for attachment in attachments])
        )
    }
    for attachment in attachments:
        row = history._plain(attachment.__data__)
        row["$content"] = base64.b64encode(contents.get(attachment.id, b"")).decode()
        snapshots[attachment.record_id]["files"].append(row)
    return snapshots


def move_to_trash(kind: str, record_id: int, batch: str = "") -> TrashItem:
    """Delete a record, keeping it and its links in the trash."""
    editor_for(kind).get(record_id)  # says so if it is gone already
    batch = move_many_to_trash(kind, [record_id], batch)
    return TrashItem.get(
        (TrashItem.batch == batch)
        & (TrashItem.record_id == record_id)
        & (TrashItem.record_kind == kind)
    )


def move_many_to_trash(kind: str, record_ids: list[int], batch: str = "") -> str:
    """Records deleted together (an undone import), each kept in the trash as one deleted
    alone is; returns their batch. Read and written a few hundred at a time: record by record,
    undoing an import of 10,000 partners took 40 s."""
    editor = editor_for(kind)
    batch = batch or uuid.uuid4().hex
    user = current_user()
    with db.atomic():
        for start in range(0, len(record_ids), _CHUNK):
            chunk = record_ids[start : start + _CHUNK]
            records = {
                record.id: record
                for record in editor.model.select().where(editor.model.id.in_(chunk))
            }
            # One deleted since by itself is in the trash already, or gone for good.
            chunk = [record_id for record_id in chunk if record_id in records]
            if not chunk:
                continue
            snapshots = _snapshots(kind, chunk)
            titles = {record_id: editor.title(records[record_id]) for record_id in chunk}
            insert_rows(
                TrashItem,
                [
                    {
                        "deleted_by": user,
                        "batch": batch,
                        "record_kind": kind,
                        "record_id": record_id,
                        "title": titles[record_id],
                        "snapshot": history.encode(snapshots[record_id]),
                    }
                    for record_id in chunk
                ],
            )
            editor.delete_many(chunk)
            history.log_events(kind, titles, history.DELETED)
    return batch


def _model_of(table: str) -> type[Model]:
    from models.store.records import ALL_MODELS

    return next(model for model in ALL_MODELS if model._meta.table_name == table)


def _insert(model: type[Model], row: dict[str, Any]) -> int:
    """Put a row back with its own id when that id is free (it usually is), else a new one."""
    key = model._meta.primary_key.name
    if (
        row.get(key) is not None
        and model.select().where(model._meta.primary_key == row[key]).exists()
    ):
        row = {name: value for name, value in row.items() if name != key}
    return model.insert(_known(model, row)).execute()


def _known(model: type[Model], row: dict[str, Any]) -> dict[str, Any]:
    """A kept row's values for the fields the model has now. Rows are kept by field name
    (``event``, not ``event_id``), as peewee reads them."""
    return {name: value for name, value in row.items() if name in model._meta.fields}


@dataclass(frozen=True)
class Restored:
    """A record put back from the trash: where it is now, and the trash item it came from
    (its batch and the id it had), by which an undone step finds it again."""

    kind: str
    record_id: int
    title: str
    batch: str
    was_id: int


def restore_item(item_id: int) -> Restored:
    """Put a record back as it was, with its links."""
    item = TrashItem.get_or_none(TrashItem.id == item_id)
    if item is None:
        raise SeriktesError(_("This record is no longer in the trash."))
    with db.atomic():
        [(kind, record_id)] = _restore_many([item])
    return Restored(kind, record_id, item.title, item.batch, item.record_id)


def restore(item_id: int) -> tuple[str, int]:
    """Put a record back as it was, with its links; returns its kind and id."""
    restored = restore_item(item_id)
    return restored.kind, restored.record_id


def items_of(kind: str, kept: list[tuple[str, int]]) -> list[TrashItem]:
    """The trash items holding records of ``kind``, each given by its batch and the id it
    had when it was deleted; those deleted for good since are missing from the answer."""
    wanted = set(kept)
    batches = sorted({batch for batch, _record_id in wanted})
    found = []
    for start in range(0, len(batches), _CHUNK):
        query = TrashItem.select().where(
            (TrashItem.record_kind == kind) & TrashItem.batch.in_(batches[start : start + _CHUNK])
        )
        found += [
            item for item in query.order_by(TrashItem.id) if (item.batch, item.record_id) in wanted
        ]
    return found


def restore_items(items: list[TrashItem]) -> list[tuple[str, int]]:
    """Put back these records, in one transaction, a few hundred at a time as they went to
    the trash; returns their kinds and ids in the order of ``items``."""
    restored = []
    with db.atomic():
        for start in range(0, len(items), _CHUNK):
            restored += _restore_many(items[start : start + _CHUNK])
    return restored


def restore_batch(batch: str) -> list[tuple[str, int]]:
    """Put back every record of a batch (redo of an undone import), in the order they were
    deleted."""
    return restore_items(
        list(TrashItem.select().where(TrashItem.batch == batch).order_by(TrashItem.id))
    )


def _restore_many(items: list[TrashItem]) -> list[tuple[str, int]]:
    """Restore trashed records; returns their kinds and ids, in the order of ``items``. Each
    keeps its own id when it is free, as it usually is: those rows go back in one statement."""
    restored: dict[int, tuple[str, int]] = {}
    by_kind: dict[str, list[TrashItem]] = {}
    for item in items:
        by_kind.setdefault(item.record_kind, []).append(item)
    for kind, kind_items in by_kind.items():
        model = RECORD_KINDS[kind]
        snapshots = [history.decode(item.snapshot) for item in kind_items]
        for snapshot in snapshots:
            # Back is a change too: a form still open on the record as it was before its
            # delete must not save over it unseen.
            snapshot["record"]["version"] = int(snapshot["record"].get("version") or 1) + 1
        wanted = [snapshot["record"].get("id") for snapshot in snapshots]
        taken = {
            record_id
            for (record_id,) in model.select(model.id)
            .where(model.id.in_([record_id for record_id in wanted if record_id is not None]))
            .tuples()
        }
        free = [record_id is not None and record_id not in taken for record_id in wanted]
        insert_rows(
            model,
            [
                _known(model, snapshot["record"])
                for snapshot, is_free in zip(snapshots, free, strict=True)
                if is_free
            ],
        )
        ids = []
        for item, snapshot, record_id, is_free in zip(
            kind_items, snapshots, wanted, free, strict=True
        ):
            if not is_free:
                record_id = _insert(model, snapshot["record"])
            _restore_links(model, record_id, snapshot)
            restored[item.id] = (kind, record_id)
            ids.append(record_id)
        search.index_records(kind, ids)
        refresh_sort_keys(kind, ids)
        editor_for(kind).touch_linked(ids)
        history.log_events(
            kind,
            {record_id: item.title for item, record_id in zip(kind_items, ids, strict=True)},
            history.RESTORED,
        )
    TrashItem.delete().where(TrashItem.id.in_([item.id for item in items])).execute()
    return [restored[item.id] for item in items]


def _restore_links(model: type[Model], record_id: int, snapshot: dict[str, Any]) -> None:
    """What a restored record had besides its row: the rows deleted with it, the links to it
    that were cut, its tags and mentions, its files."""
    parent_fields = {field.model._meta.table_name: field.name for field in model._meta.backrefs}
    for table, rows in snapshot["deleted_with"].items():
        child = _model_of(table)
        for row in rows:
            row[parent_fields[table]] = record_id
            _insert(child, row)
            if child in RECORD_KINDS.values():
                search.index_records(_kind_of(child), [row.get("id")])
                refresh_sort_keys(_kind_of(child), [row.get("id")])
    for table, columns in snapshot["unlinked"].items():
        pointing = _model_of(table)
        for column, ids in columns.items():
            field = pointing._meta.columns[column]
            pointing.update({field: record_id}).where(
                pointing._meta.primary_key.in_(ids) & field.is_null()
            ).execute()
    for table, rows in snapshot["named"].items():
        named = _model_of(table)
        for row in rows:
            _insert(named, {**row, "record_id": record_id})
    for row in snapshot["files"]:
        content = base64.b64decode(row.pop("$content"))
        attachment = _insert(Attachment, {**row, "record_id": record_id})
        AttachmentContent.insert(attachment=attachment, data=content).execute()


def _kind_of(model: type[Model]) -> str:
    return next(kind for kind, known in RECORD_KINDS.items() if known is model)


def trash_items() -> list[TrashItem]:
    return list(TrashItem.select().order_by(TrashItem.deleted_at.desc(), TrashItem.id.desc()))


def delete_for_good(item_id: int) -> None:
    TrashItem.delete().where(TrashItem.id == item_id).execute()


def empty_trash() -> int:
    return TrashItem.delete().execute()
