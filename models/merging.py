"""Merging twins: two or more records of one kind become the one the user keeps.

Everything that pointed to the others points to it afterwards: people, participations,
members and heads, parties and signatories, partners and leads, key figures, sessions and
branches, mentions, tags, files and the history of changes. A link the kept record already
has is not made twice: the other's row stays with the other record (and goes to the trash
with it), and fills what the kept row lacks (a signatory). The kept record takes the fields
chosen for it (``merge_values``), and the others go to the trash together.

A merge is one change: one transaction, one step of Undo, a line in the kept record's
history. What undoes it is written beside it (``Merge``): undone, or when one of the merged
records is restored from the trash, every moved link goes back, the kept record gets its
fields back and the others come back from the trash, as they were.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from peewee import BlobField, Field, Model

from models import history, search, trash
from models.errors import Problem, SeriktesError, ValidationFailed
from models.kinds.registry import editor_for
from models.merge_values import default_values
from models.store.base import current_user, db
from models.store.records import (
    ALL_MODELS,
    RECORD_KINDS,
    Attachment,
    Change,
    EventParticipant,
    Merge,
    NotDuplicate,
    RecordTag,
    SourceMention,
    TrashItem,
)
from models.words.translation import _

_CHUNK = 500
# Rows that are one link whatever else they hold, though no index says so: a person taking
# part twice in one event in one role is listed once.
SAME_LINK: dict[type[Model], tuple[str, ...]] = {
    EventParticipant: ("event", "person", "organization", "role"),
}
NAMING = (RecordTag, SourceMention, Attachment, Change)  # rows naming a record by kind and id


@dataclass(frozen=True)
class Merged:
    """A merge done: the record kept, the records merged into it (by id, with their titles,
    in the trash under ``batch``) and the change set of the kept record's history."""

    kind: str
    kept: int
    title: str
    others: tuple[int, ...]
    titles: tuple[str, ...]
    batch: str
    change_set: str
    values: dict[str, Any]  # the kept record's fields as the merge chose them, to make it again


@dataclass(frozen=True)
class Unmerged:
    """A merge undone: the kept record and the records back from the trash, each with the id
    it had and the id it has now (the same, unless another record took it meanwhile)."""

    kind: str
    kept: int
    title: str
    restored: tuple[tuple[int, int], ...]
    batch: str
    values: dict[str, Any]  # the kept record's fields the merge chose, to make it again


# -- merging -----------------------------------------------------------------------------------


_BYTES = "bytes:"  # a stored value of bytes (a sort key), as the undo's JSON keeps it


def _row(model: type[Model], record_id: int) -> dict[str, Any]:
    """A record's row as the undo keeps it: bytes (the sort keys of its names) as text."""
    row = model.select().where(model.id == record_id).dicts().get()
    return {
        name: _BYTES + bytes(value).hex() if isinstance(value, bytes | memoryview) else value
        for name, value in row.items()
    }


def _stored(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_BYTES):
        return bytes.fromhex(value[len(_BYTES) :])
    return value


def _check_records(kind: str, keep: int, others: list[int]) -> list[int]:
    editor = editor_for(kind)
    others = list(dict.fromkeys(others))
    if not others:
        raise SeriktesError(_("Choose at least one record to merge into the one kept."))
    if keep in others:
        raise SeriktesError(_("A record cannot be merged into itself."))
    for record_id in [keep, *others]:
        if editor.model.get_or_none(editor.model.id == record_id) is None:
            trashed = TrashItem.get_or_none(
                (TrashItem.record_kind == kind) & (TrashItem.record_id == record_id)
            )
            if trashed is not None:
                raise SeriktesError(
                    _("“{title}” (no. {number}) is in the trash: restore it to merge it.").format(
                        title=trashed.title, number=record_id
                    )
                )
            raise SeriktesError(
                _("There is no record no. {number} of this kind.").format(number=record_id)
            )
    return others


def merge_records(
    kind: str, keep: int, others: list[int], values: dict[str, Any] | None = None
) -> Merged:
    """Merge ``others`` into ``keep``: its fields become ``values`` (by default its own, its
    empty ones filled from the others), everything linked to the others moves to it, and the
    others go to the trash. All of it happens, or nothing (``SeriktesError`` says why)."""
    editor = editor_for(kind)
    others = _check_records(kind, keep, others)
    with db.atomic():
        before_values = editor.load(keep)
        if values is None:
            values = default_values(kind, [before_values, *(editor.load(o) for o in others)])
        values = _without_loops(editor.model, values, [keep, *others])
        kept_before = _row(editor.model, keep)
        titles = [editor.title(editor.get(other)) for other in others]
        undo: dict[str, Any] = {"moved": [], "filled": [], "marks": []}
        _move_links(kind, keep, others, undo)
        _write_fields(kind, keep, values)
        after_values = editor.load(keep)
        change_set = history.log_save(kind, keep, before_values, after_values)
        history.log_events(kind, {keep: titles}, history.MERGED, change_set)
        batch = trash.move_many_to_trash(kind, others)
        undo.update(
            kept_before=kept_before,
            kept_after=_row(editor.model, keep),
            values=values,
            others=others,
            titles=titles,
        )
        Merge.create(
            merged_by=current_user(),
            batch=batch,
            record_kind=kind,
            kept_id=keep,
            change_set=change_set,
            undo=history.encode(undo),
        )
        title = editor.title(editor.get(keep))
    return Merged(kind, keep, title, tuple(others), tuple(titles), batch, change_set, values)


def _without_loops(model: type[Model], values: dict[str, Any], ids: list[int]) -> dict[str, Any]:
    """A field pointing to a record of the same kind (a parent) cannot point to one of the
    records merged: they become one."""
    values = dict(values)
    for name, value in values.items():
        field = model._meta.fields.get(name)
        if getattr(field, "rel_model", None) is model and value in ids:
            values[name] = None
    return values


def _write_fields(kind: str, keep: int, values: dict[str, Any]) -> None:
    """The kept record's fields, checked with everything now linked to it."""
    editor = editor_for(kind)
    full = editor.load(keep)
    full.update({name: values[name] for name in editor.field_names() if name in values})
    cleaned = editor.clean_values(full)
    problems = editor.missing_links(cleaned) + editor.validate(cleaned, keep)
    if problems:
        raise ValidationFailed(problems)
    editor.write_fields(keep, cleaned)


def _move_links(kind: str, keep: int, others: list[int], undo: dict[str, Any]) -> None:
    model = RECORD_KINDS[kind]
    ids = [keep, *others]
    for field in model._meta.backrefs:
        rows = field.model.select().where(field.in_(others))
        if field.model is model:  # a branch of one of them, not one of them itself
            rows = rows.where(field.model.id.not_in(ids))
        _move(field.model, field, keep, rows, undo, _self_link(kind, keep, ids, field))
    for table in NAMING:
        rows = table.select().where((table.record_kind == kind) & table.record_id.in_(others))
        _move(
            table, table.record_id, keep, rows, undo, _self_link(kind, keep, ids, table.record_id)
        )
    _move_marks(kind, keep, others, undo)


def _self_link(kind: str, keep: int, ids: list[int], field: Field):
    """Rows that would make the kept source mention itself."""
    if kind != "source" or field.model is not SourceMention:
        return lambda row: False
    if field.name == "source":
        return lambda row: row["record_kind"] == "source" and row["record_id"] in ids
    return lambda row: row["source"] in ids


def _keys(model: type[Model], field: Field) -> list[tuple[str, ...]]:
    """The sets of fields that make a row one link (its unique indexes, and ``SAME_LINK``),
    of those holding the field that moves."""
    keys = [tuple(fields) for fields, unique in model._meta.indexes if unique]
    keys += [SAME_LINK[model]] if model in SAME_LINK else []
    return [key for key in keys if field.name in key]


def _move(
    model: type[Model],
    field: Field,
    keep: int,
    rows: Iterable[Model],
    undo: dict[str, Any],
    self_link,
) -> None:
    """Point ``rows`` to ``keep`` through ``field``, but those that would repeat a link the
    kept record has: they stay, and fill what that link lacks."""
    keys = _keys(model, field)
    taken: list[dict[tuple, int]] = []
    for key in keys:
        existing = model.select().where(field == keep).dicts()
        taken.append({tuple(row[name] for name in key): row["id"] for row in existing})
    moved = []
    for row in (dict(row.__data__) for row in rows.order_by(model.id)):
        if self_link(row):
            continue
        wanted = [tuple(keep if name == field.name else row[name] for name in key) for key in keys]
        twin = next((index[w] for index, w in zip(taken, wanted, strict=True) if w in index), None)
        if twin is not None:
            _fill(model, twin, row, keys, field, undo)
            continue
        for index, w in zip(taken, wanted, strict=True):
            index[w] = row["id"]
        moved.append(row["id"])
        undo["moved"].append(
            [model._meta.table_name, field.column_name, row["id"], row[field.name]]
        )
    for start in range(0, len(moved), _CHUNK):
        model.update({field: keep}).where(model.id.in_(moved[start : start + _CHUNK])).execute()


def _fill(
    model: type[Model],
    twin: int,
    row: dict[str, Any],
    keys: list[tuple[str, ...]],
    field: Field,
    undo: dict[str, Any],
) -> None:
    """The link the kept record has takes what it lacks from the same link of another (a
    party with no signatory takes the other's)."""
    kept = model.select().where(model.id == twin).dicts().get()
    fixed = {name for key in keys for name in key} | {"id", field.name}
    empty = (None, "")
    fills = {
        name: row[name]
        for name in kept
        if name not in fixed and kept[name] in empty and row.get(name) not in empty
    }
    if fills:
        undo["filled"].append([model._meta.table_name, twin, {n: kept[n] for n in fills}, fills])
        model.update(fills).where(model.id == twin).execute()


def _move_marks(kind: str, keep: int, others: list[int], undo: dict[str, Any]) -> None:
    """A pair marked "not a duplicate" with a merged record holds for the kept one."""
    marks = NotDuplicate.select().where(
        (NotDuplicate.record_kind == kind)
        & (NotDuplicate.first_id.in_(others) | NotDuplicate.second_id.in_(others))
    )
    ids = {keep, *others}
    for mark in list(marks):
        first, second = (keep if i in ids else i for i in (mark.first_id, mark.second_id))
        if first == second:
            continue
        first, second = min(first, second), max(first, second)
        exists = NotDuplicate.select().where(
            (NotDuplicate.record_kind == kind)
            & (NotDuplicate.first_id == first)
            & (NotDuplicate.second_id == second)
        )
        if exists.exists():
            continue
        undo["marks"].append([mark.id, mark.first_id, mark.second_id, first, second])
        NotDuplicate.update(first_id=first, second_id=second).where(
            NotDuplicate.id == mark.id
        ).execute()


# -- undoing -----------------------------------------------------------------------------------


def merge_of(batch: str) -> Merge | None:
    return Merge.get_or_none(Merge.batch == batch)


def _model_of(table: str) -> type[Model]:
    return next(model for model in ALL_MODELS if model._meta.table_name == table)


def undo_merge(batch: str) -> Unmerged:
    """Undo the merge whose records are in the trash under ``batch``: they come back, every
    link moved to the kept record goes back to them, and the kept record's fields are as
    before (those changed since keep their new value). A merged record deleted for good
    since cannot come back: its links stay with the kept record."""
    merge = merge_of(batch)
    items = list(TrashItem.select().where(TrashItem.batch == batch).order_by(TrashItem.id))
    if merge is None or not items:
        raise SeriktesError(
            _(
                "This merge can no longer be undone: the records merged were deleted for good "
                "from the trash."
            )
        )
    kind, keep = merge.record_kind, merge.kept_id
    editor = editor_for(kind)
    data = history.decode(merge.undo)
    if editor.model.get_or_none(editor.model.id == keep) is None:
        raise SeriktesError(
            _(
                "“{title}” is in the trash, or was deleted for good: the merge into it cannot "
                "be undone while it is not in the database."
            ).format(title=_kept_title(kind, keep, items))
        )
    with db.atomic():
        places = [item.record_id for item in items]
        restored = dict(zip(places, [new for _k, new in trash.restore_items(items)], strict=True))
        _move_back(keep, data, restored)
        _fields_back(kind, keep, data)
        history.log_events(kind, {keep: data["titles"]}, history.UNMERGED)
        merge.delete_instance()
        title = editor.title(editor.get(keep))
    return Unmerged(kind, keep, title, tuple(restored.items()), batch, data["values"])


def _kept_title(kind: str, keep: int, items: list[TrashItem]) -> str:
    kept = TrashItem.get_or_none((TrashItem.record_kind == kind) & (TrashItem.record_id == keep))
    return kept.title if kept is not None else str(keep)


def _move_back(keep: int, data: dict[str, Any], restored: dict[int, int]) -> None:
    """The links moved to the kept record go back to the records they came from (those back
    from the trash), the rows that took what they lacked give it back, and the marks move
    back."""
    for table, column, row_id, was in reversed(data["moved"]):
        if was not in restored:
            continue
        model = _model_of(table)
        field = model._meta.columns[column]
        model.update({field: restored[was]}).where((model.id == row_id) & (field == keep)).execute()
    for table, row_id, before, after in data["filled"]:
        model = _model_of(table)
        for name, value in before.items():
            field = model._meta.fields[name]
            model.update({field: value}).where(
                (model.id == row_id) & (field == after[name])
            ).execute()
    for mark_id, first, second, now_first, now_second in data["marks"]:
        first, second = (restored.get(i, i) for i in (first, second))
        NotDuplicate.update(first_id=min(first, second), second_id=max(first, second)).where(
            (NotDuplicate.id == mark_id)
            & (NotDuplicate.first_id == now_first)
            & (NotDuplicate.second_id == now_second)
        ).execute()


def _fields_back(kind: str, keep: int, data: dict[str, Any]) -> None:
    """The kept record as it was before the merge: exactly, when it has not changed since;
    else the fields the merge changed and nobody changed since."""
    editor = editor_for(kind)
    model = editor.model
    before, after, now = data["kept_before"], data["kept_after"], _row(model, keep)
    if now == after:
        # As it was, but a version further on: desktops holding it open see it changed.
        blobs = {name for name, field in model._meta.fields.items() if isinstance(field, BlobField)}
        back = {
            name: _stored(value) if name in blobs else value
            for name, value in before.items()
            if name not in ("id", "version")
        }
        if "version" in now:
            back["version"] = now["version"] + 1
        model.update(back).where(model.id == keep).execute()
        search.index_records(kind, [keep])
        return
    values = editor.load(keep)
    for name in editor.field_names():
        column = model._meta.fields[name].name
        if now.get(column) == after.get(column) != before.get(column):
            values[name] = before.get(column)
    editor.write_fields(keep, editor.clean_values(values))


def restore_from_trash(item_id: int) -> trash.Restored | Unmerged:
    """Restore a record from the trash: one merged into another undoes that merge (the
    others merged with it come back too, and their links); any other comes back alone."""
    item = TrashItem.get_or_none(TrashItem.id == item_id)
    merge = merge_of(item.batch) if item is not None and item.batch else None
    if merge is None:
        return trash.restore_item(item_id)
    return undo_merge(merge.batch)


def merge_problems(kind: str, keep: int, values: dict[str, Any]) -> list[Problem]:
    """What is wrong with the values chosen for the kept record, said before merging."""
    editor = editor_for(kind)
    full = editor.load(keep)
    full.update({name: values[name] for name in editor.field_names() if name in values})
    cleaned = editor.clean_values(full)
    return editor.missing_links(cleaned) + editor.validate(cleaned, keep)


def kept_titles(batches: Iterable[str]) -> dict[str, str]:
    """For the trash batches that hold merged records, the title of the record they were
    merged into."""
    wanted = sorted({batch for batch in batches if batch})
    titles = {}
    for start in range(0, len(wanted), _CHUNK):
        for merge in Merge.select().where(Merge.batch.in_(wanted[start : start + _CHUNK])):
            editor = editor_for(merge.record_kind)
            kept = editor.model.get_or_none(editor.model.id == merge.kept_id)
            if kept is not None:
                titles[merge.batch] = editor.title(kept)
    return titles
