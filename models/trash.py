"""The trash: a deleted record is kept with everything that pointed to it, exactly as it
was, so it can be restored; or deleted for good, after the user confirms.

A snapshot holds the record's own row, the rows deleted with it (an event's participants, an
organization's key figures), the rows that only lost their link to it (a person's
organization), and its tags, files and press mentions.
"""

from __future__ import annotations

import base64
import uuid
from typing import Any

from peewee import Model

from models import history, search
from models.base import RecordModel, current_user, db
from models.errors import SeriktesError
from models.records import (
    RECORD_KINDS,
    Attachment,
    AttachmentContent,
    RecordTag,
    SourceMention,
    TrashItem,
)

NAMING = (RecordTag, SourceMention)  # rows that name a record by kind and id


def _rows(query) -> list[dict[str, Any]]:
    return [history._plain(row) for row in query.dicts()]


def _snapshot(kind: str, record: RecordModel) -> dict[str, Any]:
    model = type(record)
    deleted_with: dict[str, list[dict[str, Any]]] = {}
    unlinked: dict[str, dict[str, list[int]]] = {}
    for field in model._meta.backrefs:
        rows = field.model.select().where(field == record.id)
        if field.on_delete == "SET NULL":
            ids = [row.id for row in rows.select(field.model._meta.primary_key)]
            if ids:
                unlinked.setdefault(field.model._meta.table_name, {})[field.column_name] = ids
        elif rows.exists():
            deleted_with.setdefault(field.model._meta.table_name, []).extend(_rows(rows))
    named = {
        table._meta.table_name: _rows(table.select().where(
            (table.record_kind == kind) & (table.record_id == record.id)))
        for table in NAMING
    }
    files = []
    for attachment in Attachment.select().where((Attachment.record_kind == kind)
                                                & (Attachment.record_id == record.id)):
        row = history._plain(attachment.__data__)
        content = AttachmentContent.get_or_none(AttachmentContent.attachment == attachment.id)
        row["$content"] = base64.b64encode(bytes(content.data)).decode() if content else ""
        files.append(row)
    return {"record": history._plain(dict(model.select().where(model.id == record.id)
                                          .dicts().get())),
            "deleted_with": deleted_with, "unlinked": unlinked, "named": named,
            "files": files}


def move_to_trash(kind: str, record_id: int, batch: str = "") -> TrashItem:
    """Delete a record, keeping it and its links in the trash."""
    from models.kinds import EDITORS_BY_KIND

    editor = EDITORS_BY_KIND[kind]
    with db.atomic():
        record = editor.get(record_id)
        item = TrashItem.create(deleted_by=current_user(), batch=batch, record_kind=kind,
                                record_id=record_id, title=editor.title(record),
                                snapshot=history.encode(_snapshot(kind, record)))
        editor.delete(record_id)
        history.log_event(kind, record_id, history.DELETED, item.title)
    return item


def move_many_to_trash(kind: str, record_ids: list[int]) -> str:
    """Several records deleted together (an undone import); returns their batch."""
    batch = uuid.uuid4().hex
    with db.atomic():
        for record_id in record_ids:
            move_to_trash(kind, record_id, batch)
    return batch


def _model_of(table: str) -> type[Model]:
    from models.records import ALL_MODELS

    return next(model for model in ALL_MODELS if model._meta.table_name == table)


def _insert(model: type[Model], row: dict[str, Any]) -> int:
    """Put a row back with its own id when that id is free (it usually is), else a new one."""
    key = model._meta.primary_key.name
    if row.get(key) is not None and model.select().where(
            model._meta.primary_key == row[key]).exists():
        row = {name: value for name, value in row.items() if name != key}
    # Rows are kept by field name (``event``, not ``event_id``), as peewee reads them.
    known = {name: value for name, value in row.items() if name in model._meta.fields}
    return model.insert(known).execute()


def restore(item_id: int) -> tuple[str, int]:
    """Put a record back as it was, with its links; returns its kind and id."""
    item = TrashItem.get_or_none(TrashItem.id == item_id)
    if item is None:
        raise SeriktesError("This record is no longer in the trash.")
    snapshot = history.decode(item.snapshot)
    kind = item.record_kind
    model = RECORD_KINDS[kind]
    with db.atomic():
        record_id = _insert(model, snapshot["record"])
        parent_fields = {field.model._meta.table_name: field.name
                         for field in model._meta.backrefs}
        for table, rows in snapshot["deleted_with"].items():
            child = _model_of(table)
            for row in rows:
                row[parent_fields[table]] = record_id
                _insert(child, row)
                if child in RECORD_KINDS.values():
                    search.index_records(_kind_of(child), [row.get("id")])
        for table, columns in snapshot["unlinked"].items():
            pointing = _model_of(table)
            for column, ids in columns.items():
                field = pointing._meta.columns[column]
                pointing.update({field: record_id}).where(
                    pointing._meta.primary_key.in_(ids) & field.is_null()).execute()
        for table, rows in snapshot["named"].items():
            named = _model_of(table)
            for row in rows:
                _insert(named, {**row, "record_id": record_id})
        for row in snapshot["files"]:
            content = base64.b64decode(row.pop("$content"))
            attachment = _insert(Attachment, {**row, "record_id": record_id})
            AttachmentContent.insert(attachment=attachment, data=content).execute()
        search.index_records(kind, [record_id])
        item.delete_instance()
        history.log_event(kind, record_id, history.RESTORED, item.title)
    return kind, record_id


def restore_batch(batch: str) -> list[tuple[str, int]]:
    with db.atomic():
        return [restore(item.id) for item in
                TrashItem.select().where(TrashItem.batch == batch).order_by(TrashItem.id)]


def _kind_of(model: type[Model]) -> str:
    return next(kind for kind, known in RECORD_KINDS.items() if known is model)


def trash_items() -> list[TrashItem]:
    return list(TrashItem.select().order_by(TrashItem.deleted_at.desc(), TrashItem.id.desc()))


def delete_for_good(item_id: int) -> None:
    TrashItem.delete().where(TrashItem.id == item_id).execute()


def empty_trash() -> int:
    return TrashItem.delete().execute()
