"""Bulk edits: one field set on many records at once (their status, kind, direction,
country or organization, the owner of a delegation's open follow-ups), a tag added to or
removed from them all, or all of them moved to the Trash.

A bulk edit is planned first: each record is checked as its form's Save would check it with
the new value, so the user sees the records that would be refused, and why, before anything
is written. The records that pass are then written in a few statements per thousand (a save
per record takes a minute for 10,000), with each record's history under one change set,
which Undo reverts and Redo makes again as one step.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from peewee import CharField, ForeignKeyField, IntegerField, TextField

from models import history, trash
from models.editing import Children, RecordEditor
from models.kinds.all_kinds import EDITORS_BY_KIND, LISTS_BY_KIND
from models.listing import ListRequest
from models.store.base import current_user, db, now
from models.store.bulk import insert_rows, roomy_cache, rows_where_in
from models.store.records import Change, Person, RecordTag, Tag
from models.words.choices import ChoiceSet
from models.words.names import named_entry
from models.words.text import clean, fold
from models.words.translation import N_, _, ngettext

# The fields a bulk edit may set, where a kind has them, with what chooses their value.
SETTABLE = {
    "status": "choice",
    "kind": "choice",
    "direction": "choice",
    "country": "country",
    "organization": "organization",
}
FIELD_LABELS = {
    "status": N_("Status"),
    "kind": N_("Kind"),
    "direction": N_("Direction"),
    "country": N_("Country"),
    "organization": N_("Organization"),
}
ADD_TAG, REMOVE_TAG, TO_TRASH = "add_tag", "remove_tag", "trash"
FOLLOW_UP_OWNER = "follow_up_owner"
# Rows under a record that a bulk change gives an owner: the follow-ups of a delegation still to
# do (those done keep who did them). Recorded in the history as a save records them.
OWNED_ROWS, OWNER_FIELD = "follow_ups", "responsible_person"
TAGS = "tags"  # the field a tag's change is recorded under, as a save records it
CHUNK = 500  # records read, checked and written together
# The fields the text a record is found by holds (a partner is found by its country's names,
# any record by its tags): their change makes that text again.
SEARCHED_FIELDS = {"country", TAGS}

# The fields that tell records of the same name apart (an organization's name is its own in
# each country): a bulk change giving two records of one name the same value would make twins.
TWIN_FIELDS = {"country"}

# (records done, records in all)
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BulkField:
    key: str
    label: str  # marked with N_; shown translated
    chooser: str  # "choice", "country", "organization", "person", "tag" or "trash"
    choices: ChoiceSet | None = None


@dataclass(frozen=True)
class Refusal:
    record_id: int
    title: str
    reason: str


@dataclass
class BulkPlan:
    """What a bulk edit would do: the records it changes, those already so, those refused."""

    kind: str
    field: str  # a key of SETTABLE, FOLLOW_UP_OWNER, ADD_TAG, REMOVE_TAG or TO_TRASH
    value: Any
    to_change: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)


def bulk_fields(kind: str) -> list[BulkField]:
    """The fields a bulk edit can set on records of a kind, then the tags and the Trash."""
    editor = EDITORS_BY_KIND[kind]
    record_list = LISTS_BY_KIND.get(kind)
    columns = {column.key: column for column in record_list.columns} if record_list else {}
    found = []
    for key, chooser in SETTABLE.items():
        if key not in editor.value_fields:
            continue
        column = columns.get(key)
        choices = column.choices if column is not None else None
        if chooser == "choice" and choices is None:
            continue
        found.append(BulkField(key, FIELD_LABELS[key], chooser, choices))
    if any(children.key == OWNED_ROWS for children in editor.children):
        found.append(BulkField(FOLLOW_UP_OWNER, N_("Owner of the open follow-ups"), "person"))
    found.append(BulkField(ADD_TAG, N_("Add a tag"), "tag"))
    found.append(BulkField(REMOVE_TAG, N_("Remove a tag"), "tag"))
    found.append(BulkField(TO_TRASH, N_("Move to the Trash"), "trash"))
    return found


def matching_ids(kind: str, request: ListRequest) -> list[int]:
    """Every record a list shows for ``request``, in its order: "all that match"."""
    record_list = LISTS_BY_KIND[kind]
    query = record_list._choosing(request, record_list.model.id, every_row=True)
    return [row[0] for row in query.tuples()]


def _chunks(items: Sequence[int], size: int = CHUNK) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def _form_fields(editor: RecordEditor) -> list:
    """The fields of a record its form holds, without its tags and child rows: a bulk edit
    changes neither, and reading them for each record costs more than the check."""
    meta = editor.model._meta
    names = editor.text_fields + editor.note_fields + editor.value_fields
    extra = ["name_key"] if "name_key" in meta.fields else []
    return [meta.primary_key] + [meta.fields[name] for name in (*names, *extra)]


def _read(model, fields: list, ids: list[int]) -> dict[int, dict[str, Any]]:
    """The fields of the records, by id, read with the ids bound as plain parameters."""
    names = [field.name for field in fields]
    # Text, numbers and links are read as stored; dates, times and yes-or-no need reading.
    readers = [
        (index, field.python_value)
        for index, field in enumerate(fields)
        if not isinstance(field, (CharField, TextField, IntegerField, ForeignKeyField))
    ]
    records = {}
    for row in rows_where_in(model, fields, model._meta.primary_key, ids):
        values = list(row)
        for index, read in readers:
            values[index] = read(values[index])
        records[row[0]] = dict(zip(names, values, strict=True))
    return records


def _tags_of(kind: str, record_ids: list[int]) -> dict[int, list[str]]:
    tags: dict[int, list[str]] = {record_id: [] for record_id in record_ids}
    query = (
        RecordTag.select(RecordTag.record_id, Tag.name)
        .join(Tag)
        .where((RecordTag.record_kind == kind) & RecordTag.record_id.in_(record_ids))
        .order_by(Tag.name)
        .tuples()
    )
    for record_id, name in query:
        tags[record_id].append(name)
    return tags


def _named_alike(model, records: list[dict]) -> set[int]:
    """The records that share their name with another record: the only ones a change of
    status, kind, country or organization can make a twin of another (a kind's twins are
    records of the same name; a shared website is no matter of these fields). Checking the
    others for twins, a query or two each, took 40 s for 10,000 partners."""
    if "name_key" not in model._meta.fields or not records:
        return {record["id"] for record in records}
    keys = list({record["name_key"] for record in records})
    database = model._meta.database
    opening, closing = database.quote
    marks = ", ".join([database.param] * len(keys))
    shared = {
        key
        for (key,) in database.execute_sql(
            f"SELECT name_key FROM {opening}{model._meta.table_name}{closing} "
            f"WHERE name_key IN ({marks}) GROUP BY name_key HAVING COUNT(*) > 1",
            keys,
        ).fetchall()
    }
    return {record["id"] for record in records if record["name_key"] in shared}


def plan_bulk(
    kind: str,
    record_ids: Sequence[int],
    field_key: str,
    value: Any,
    progress: Progress | None = None,
) -> BulkPlan:
    """Check every record with the new value, writing nothing."""
    editor = EDITORS_BY_KIND[kind]
    model = editor.model
    if field_key == TO_TRASH:
        # Deleting asks nothing of a record: each goes to the Trash with its links.
        present = {row[0] for row in rows_where_in(model, [model.id], model.id, record_ids)}
        return BulkPlan(
            kind, TO_TRASH, None, [i for i in dict.fromkeys(record_ids) if i in present]
        )
    if field_key == FOLLOW_UP_OWNER:
        return _plan_owner(editor, record_ids, value)
    if field_key in (ADD_TAG, REMOVE_TAG):
        value = clean(value)
        if not value:
            raise ValueError("a tag to add or remove is needed")
    elif field_key not in editor.value_fields or field_key not in SETTABLE:
        raise ValueError(f"{field_key} cannot be set on many records at once")
    elif value == "":
        value = None
    plan = BulkPlan(kind, field_key, value)
    ids = list(dict.fromkeys(record_ids))
    fields = _form_fields(editor)
    empty = editor.clean_values({})
    taking: dict[str, int] = {}  # a shared name, and the first record changed under it
    # The value itself, checked once: a record it links to that does not exist.
    linked = [] if field_key in (ADD_TAG, REMOVE_TAG) else editor.missing_links({field_key: value})
    done = 0
    for chunk in _chunks(ids):
        records = _read(model, fields, chunk)
        tags = _tags_of(kind, chunk) if field_key in (ADD_TAG, REMOVE_TAG) else {}
        named_alike = _named_alike(model, list(records.values()))
        for record_id in chunk:
            record = records.get(record_id)
            if record is None:
                continue  # deleted meanwhile: nothing to change
            if field_key in (ADD_TAG, REMOVE_TAG):
                has = any(fold(name) == fold(value) for name in tags[record_id])
                (plan.unchanged if has == (field_key == ADD_TAG) else plan.to_change).append(
                    record_id
                )
                continue
            if record[field_key] == value:
                plan.unchanged.append(record_id)
                continue
            # As stored, the values were cleaned when saved: only the new one is new.
            values = {**empty, **record, field_key: value}
            # A record's place under its parent is not what a bulk edit changes, and
            # checking it again walks the chain of parents, a query a step, for each record.
            if field_key != "parent" and "parent" in values:
                values["parent"] = None
            problems = [problem.message for problem in linked + editor.validate(values, record_id)]
            if record_id in named_alike:
                problems += [p.message for p in editor.twin_problems(values, record_id)]
                twin = taking.get(record["name_key"]) if field_key in TWIN_FIELDS else None
                if twin is not None and not problems:
                    problems.append(
                        _(
                            "It has the same name as no. {number}, which this change gives "
                            "the same {field}: they would be recorded twice."
                        ).format(number=twin, field=_(FIELD_LABELS[field_key]).lower())
                    )
            if problems:
                reason = " ".join(dict.fromkeys(problems))
                title = editor.title(model(**record))
                plan.refused.append(Refusal(record_id, title, reason))
            else:
                plan.to_change.append(record_id)
                if record_id in named_alike:
                    taking.setdefault(record["name_key"], record_id)
        done += len(chunk)
        if progress is not None:
            progress(done, len(ids))
    return plan


def _owned(editor: RecordEditor) -> Children:
    return next(children for children in editor.children if children.key == OWNED_ROWS)


def _child_rows(children: Children, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """The child rows of each record, as its form holds them (``Children.load``), read for
    500 records at a time."""
    meta = children.model._meta
    parent = meta.fields[children.parent]
    columns = [meta.fields[name] for name in children.fields]
    rows: dict[int, list[dict[str, Any]]] = {record_id: [] for record_id in ids}
    for chunk in _chunks(ids):
        query = (
            children.model.select(parent, *columns)
            .where(parent.in_(chunk))
            .order_by(meta.primary_key)
            .tuples()
        )
        for record_id, *values in query:
            rows[record_id].append(dict(zip(children.fields, values, strict=True)))
    return rows


def _plan_owner(editor: RecordEditor, record_ids: Sequence[int], person: Any) -> BulkPlan:
    """The records whose open follow-ups would get ``person`` as their owner."""
    plan = BulkPlan(editor.kind, FOLLOW_UP_OWNER, person)
    ids = [
        row[0]
        for row in rows_where_in(editor.model, [editor.model.id], editor.model.id, record_ids)
    ]
    if person is None or Person.get_or_none(Person.id == person) is None:
        reason = _("Choose the person who owns the follow-ups from the list.")
        titles = {
            r.id: editor.title(r) for r in editor.model.select().where(editor.model.id.in_(ids))
        }
        plan.refused = [Refusal(record_id, titles[record_id], reason) for record_id in ids]
        return plan
    for record_id, rows in _child_rows(_owned(editor), ids).items():
        open_rows = [row for row in rows if not row["done"]]
        if any(row[OWNER_FIELD] != person for row in open_rows):
            plan.to_change.append(record_id)
        else:
            plan.unchanged.append(record_id)
    return plan


def apply_bulk(plan: BulkPlan, progress: Progress | None = None) -> str:
    """Write the change to the records the plan found fit, in one transaction, each in its
    history under one change set, which is returned (for Undo); records moved to the Trash
    return their batch there instead."""
    ids = plan.to_change
    if plan.field == TO_TRASH:
        return trash.move_many_to_trash(plan.kind, ids)
    if plan.field in (ADD_TAG, REMOVE_TAG):
        before = _tags_of(plan.kind, ids)
        after = {}
        for record_id, names in before.items():
            kept = [name for name in names if fold(name) != fold(plan.value)]
            after[record_id] = sorted([*kept, plan.value]) if plan.field == ADD_TAG else kept
        return _write(plan.kind, TAGS, after, before, progress)
    editor = EDITORS_BY_KIND[plan.kind]
    if plan.field == FOLLOW_UP_OWNER:
        before = _child_rows(_owned(editor), ids)
        after = {
            record_id: [row if row["done"] else {**row, OWNER_FIELD: plan.value} for row in rows]
            for record_id, rows in before.items()
        }
        return _write(plan.kind, OWNED_ROWS, after, before, progress)
    model = editor.model
    column = model._meta.fields[plan.field]
    before = dict(rows_where_in(model, [model.id, column], model.id, ids))
    return _write(plan.kind, plan.field, dict.fromkeys(ids, plan.value), before, progress)


def _write(
    kind: str,
    field_key: str,
    after: dict[int, Any],
    before: dict[int, Any],
    progress: Progress | None = None,
) -> str:
    """Set ``field_key`` of each record to its value in ``after``, recording the change from
    ``before`` in its history; returns the change set."""
    editor = EDITORS_BY_KIND[kind]
    model = editor.model
    change_set = uuid.uuid4().hex
    user, moment = current_user(), now()
    ids = [record_id for record_id in after if record_id in before]
    done = 0
    with roomy_cache(db.obj), db.atomic():
        for chunk in _chunks(ids):
            if field_key == OWNED_ROWS:
                _write_rows(_owned(editor), {record_id: after[record_id] for record_id in chunk})
                _update(model, {model.updated_at: moment, model.updated_by: user}, chunk)
            elif field_key == TAGS:
                _write_tags(
                    kind,
                    {record_id: after[record_id] for record_id in chunk},
                    {record_id: before[record_id] for record_id in chunk},
                )
                _update(model, {model.updated_at: moment, model.updated_by: user}, chunk)
            else:
                by_value: dict[Any, list[int]] = {}
                for record_id in chunk:
                    by_value.setdefault(after[record_id], []).append(record_id)
                column = model._meta.fields[field_key]
                for value, same in by_value.items():
                    stamp = {column: value, model.updated_at: moment, model.updated_by: user}
                    _update(model, stamp, same)
            if field_key in SEARCHED_FIELDS:
                _refresh_search_text(editor, chunk)
            insert_rows(
                Change,
                [
                    dict(
                        change_set=change_set,
                        at=moment,
                        user=user,
                        record_kind=kind,
                        record_id=record_id,
                        action=history.CHANGED,
                        field=field_key,
                        old=history.encode(before[record_id]),
                        new=history.encode(after[record_id]),
                    )
                    for record_id in chunk
                ],
            )
            done += len(chunk)
            if progress is not None:
                progress(done, len(ids))
    return change_set


def _update(model, assignments: dict, ids: list[int]) -> None:
    """Columns set on the records, with the ids bound as plain parameters (peewee's
    expression for each of 500 ids costs more than the writing). Each record counts a new
    version, as a save does: a form opened before the change then saves only after showing
    it."""
    database = model._meta.database
    opening, closing = database.quote
    mark = database.param
    columns = ", ".join(
        f"{opening}{column.column_name}{closing} = {mark}" for column in assignments
    )
    if "version" in model._meta.fields:
        columns += ", version = version + 1"
    database.execute_sql(
        f"UPDATE {opening}{model._meta.table_name}{closing} SET {columns} "
        f"WHERE id IN ({', '.join([mark] * len(ids))})",
        [column.db_value(value) for column, value in assignments.items()] + list(ids),
    )


def _write_rows(children: Children, rows: dict[int, list[dict[str, Any]]]) -> None:
    """Each record's child rows replaced by ``rows``, as a save replaces them."""
    parent = children.model._meta.fields[children.parent]
    children.model.delete().where(parent.in_(list(rows))).execute()
    insert_rows(
        children.model,
        [{children.parent: record_id, **row} for record_id, kept in rows.items() for row in kept],
    )


def _write_tags(kind: str, after: dict[int, list[str]], before: dict[int, list[str]]) -> None:
    """Each record's tags as ``after`` has them: only the tags that differ from ``before`` are
    added or taken away, each with one statement for all the records."""
    added: dict[str, list[int]] = {}
    removed: dict[str, list[int]] = {}
    for record_id, names in after.items():
        old = before.get(record_id) or []
        for name in set(names) - set(old):
            added.setdefault(name, []).append(record_id)
        for name in set(old) - set(names):
            removed.setdefault(name, []).append(record_id)
    for name, ids in removed.items():
        tag = named_entry(Tag, name)
        RecordTag.delete().where(
            (RecordTag.tag == tag.id)
            & (RecordTag.record_kind == kind)
            & RecordTag.record_id.in_(ids)
        ).execute()
    for name, ids in added.items():
        tag = named_entry(Tag, name)
        insert_rows(RecordTag, [dict(tag=tag.id, record_kind=kind, record_id=i) for i in ids])


def _refresh_search_text(editor: RecordEditor, ids: list[int]) -> None:
    """The text the records are found by, made again: it holds their tags and, for some
    kinds, the names of their country. Made from the stored values, read as plain rows (a
    record object each took longer than the rest of a bulk change)."""
    model = editor.model
    tags = _tags_of(editor.kind, ids)
    fields = model._meta.sorted_fields
    names = [
        field.object_id_name if isinstance(field, ForeignKeyField) else field.name
        for field in fields
    ]
    texts = [
        (
            editor.search_text(SimpleNamespace(**dict(zip(names, row, strict=True))), tags[row[0]]),
            row[0],
        )
        for row in rows_where_in(model, fields, model._meta.primary_key, ids)
    ]
    database = model._meta.database
    quote = database.quote[0]
    table = f"{quote}{model._meta.table_name}{database.quote[1]}"
    database.cursor().executemany(
        f"UPDATE {table} SET search_text = {database.param} WHERE id = {database.param}", texts
    )


def _recorded(change_set: str) -> tuple[str, str, list[tuple[int, Any, Any]]]:
    changes = list(
        Change.select(Change.record_kind, Change.record_id, Change.field, Change.old, Change.new)
        .where(Change.change_set == change_set)
        .order_by(Change.id)
        .tuples()
    )
    if not changes:
        raise ValueError("no such bulk change")
    kind, field_key = changes[0][0], changes[0][2]
    return (
        kind,
        field_key,
        [(rid, history.decode(o), history.decode(n)) for _k, rid, _f, o, n in changes],
    )


def revert_bulk(
    change_set: str, ids: dict[int, int] | None = None, progress: Progress | None = None
) -> str:
    """Put back what a bulk edit changed (undo), on the records as ``ids`` maps them (a
    record restored from the trash under another id); returns the change set of the undo."""
    return _again(change_set, to_old=True, ids=ids, progress=progress)


def reapply_bulk(
    change_set: str, ids: dict[int, int] | None = None, progress: Progress | None = None
) -> str:
    """Make a bulk edit again (redo)."""
    return _again(change_set, to_old=False, ids=ids, progress=progress)


def _again(
    change_set: str, to_old: bool, ids: dict[int, int] | None, progress: Progress | None
) -> str:
    kind, field_key, changes = _recorded(change_set)
    ids = ids or {}
    after, before = {}, {}
    for record_id, old, new in changes:
        live = ids.get(record_id, record_id)
        after[live], before[live] = (old, new) if to_old else (new, old)
    return _write(kind, field_key, after, before, progress)


def plan_summary(plan: BulkPlan) -> list[str]:
    """What the plan would do, a sentence for each part of it that holds records."""
    count = len(plan.to_change)
    if plan.field == TO_TRASH:
        return [
            ngettext(
                "{count} record will be moved to the Trash, with its links.",
                "{count} records will be moved to the Trash, with their links.",
                count,
            ).format(count=count)
        ]
    said = [
        ngettext(
            "{count} record will be changed.", "{count} records will be changed.", count
        ).format(count=count)
    ]
    if plan.unchanged:
        count = len(plan.unchanged)
        said.append(
            ngettext(
                "{count} record is already so and stays as it is.",
                "{count} records are already so and stay as they are.",
                count,
            ).format(count=count)
        )
    if plan.refused:
        count = len(plan.refused)
        said.append(
            ngettext(
                "{count} record would be refused and stays as it is:",
                "{count} records would be refused and stay as they are:",
                count,
            ).format(count=count)
        )
    return said
