"""The machinery every kind of record shares: load a record into plain values, validate and
save them in one transaction, tell what a delete would affect, and delete.

A kind's editor subclasses ``RecordEditor`` and says only what is particular to it: its
fields, its checks and the words it is found by.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

from peewee import Field, Model, Node

from models import history, search
from models.errors import Problem, SeriktesError, ValidationFailed
from models.kinds.registry import editor_of
from models.listing import all_of, contains_word, search_terms
from models.store.base import RecordModel, db
from models.store.bulk import insert_rows
from models.store.records import (
    Attachment,
    Country,
    OrganizationArea,
    ProgramArea,
    RecordTag,
    SourceMention,
    Tag,
)
from models.words.areas import area_names, set_areas
from models.words.labels import kind_label
from models.words.names import named_entry, unique_names
from models.words.text import clean, fold, search_words


@dataclass(frozen=True)
class Consequence:
    """What deleting a record does to records that point to it."""

    count: int
    description: str
    examples: tuple[str, ...] = ()


# Rows that are part of the record itself, not records of their own: deleting the record
# removes them without asking about them.
OWN_PARTS = (OrganizationArea, ProgramArea, SourceMention)


def record_tags(kind: str, record_id: int) -> list[str]:
    query = (
        Tag.select(Tag.name)
        .join(RecordTag)
        .where((RecordTag.record_kind == kind) & (RecordTag.record_id == record_id))
        .order_by(Tag.name)
    )
    return [tag.name for tag in query]


def set_record_tags(kind: str, record_id: int, names: Iterable[str]) -> None:
    RecordTag.delete().where(
        (RecordTag.record_kind == kind) & (RecordTag.record_id == record_id)
    ).execute()
    for name in unique_names(names):
        RecordTag.create(tag=named_entry(Tag, name), record_kind=kind, record_id=record_id)


def all_tag_names() -> list[str]:
    return [tag.name for tag in Tag.select(Tag.name).order_by(Tag.name)]


@dataclass(frozen=True)
class Children:
    """Rows that belong to a record and are edited and saved with it: the participants of an
    event, the partners of a program, the events a delegation is linked to."""

    key: str  # their name among the form's values: "participants"
    model: type[Model]
    parent: str  # the field that points to the record: "event"
    fields: tuple[str, ...]  # what a row holds; a link to a record is given by its id
    text_fields: tuple[str, ...] = ()  # the fields cleaned of stray spaces

    def load(self, record_id: int) -> list[dict[str, Any]]:
        meta = self.model._meta
        columns = [meta.fields[name] for name in self.fields]
        query = (
            self.model.select(*columns)
            .where(meta.fields[self.parent] == record_id)
            .order_by(self.model._meta.primary_key)
        )
        return [dict(zip(self.fields, row, strict=True)) for row in query.tuples()]

    def clean(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        cleaned = []
        for row in rows or []:
            row = {name: row.get(name) for name in self.fields}
            for name in self.text_fields:
                row[name] = clean(row[name])
            cleaned.append(row)
        return cleaned

    def replace(self, record_id: int, rows: list[dict[str, Any]]) -> None:
        parent = self.model._meta.fields[self.parent]
        self.model.delete().where(parent == record_id).execute()
        if rows:
            self.model.insert_many([{self.parent: record_id, **row} for row in rows]).execute()


class RecordEditor:
    kind: ClassVar[str]
    model: ClassVar[type[RecordModel]]
    title_field: ClassVar[str]
    # Text fields copied from the form as they are (cleaned of stray spaces).
    text_fields: ClassVar[tuple[str, ...]] = ()
    # Long text kept with its line breaks.
    note_fields: ClassVar[tuple[str, ...]] = ("notes",)
    # Everything else the form holds: choices, dates, numbers, links to other records.
    value_fields: ClassVar[tuple[str, ...]] = ()
    children: ClassVar[tuple[Children, ...]] = ()
    # The link table's field pointing to the record when it has areas of cooperation.
    areas: ClassVar[Field | None] = None

    # -- what a kind says about itself -------------------------------------------------------

    def validate(self, values: dict[str, Any], record_id: int | None) -> list[Problem]:
        return []

    def twin_problems(self, values: dict[str, Any], record_id: int | None) -> list[Problem]:
        """The same record entered twice. Kept apart from ``validate`` because an import
        finds twins itself and lets the user decide what to do with them."""
        return []

    def search_words(self, record: RecordModel) -> list[str]:
        """The texts a record is found by in its list and in search."""
        return [getattr(record, name) for name in self.text_fields]

    def prepare(self, record: RecordModel, values: dict[str, Any]) -> None:
        """Set the fields derived from the values, just before the record is written."""

    # -- the shared machinery ----------------------------------------------------------------

    def title(self, record: RecordModel) -> str:
        return getattr(record, self.title_field)

    def parent_problems(self, parent_id: int | None, record_id: int | None) -> list[Problem]:
        """A record inside another of its kind (a branch in its university, a panel in its
        forum) may not end up inside itself."""
        if parent_id is None:
            return []
        noun = kind_label(self.model)
        if record_id is not None and parent_id == record_id:
            return [
                Problem(
                    "parent",
                    f"An {noun} cannot be inside itself."
                    if noun[0] in "aeiou"
                    else f"A {noun} cannot be inside itself.",
                )
            ]
        current = self.model.get_or_none(self.model.id == parent_id)
        seen = {record_id}
        while current is not None:
            if current.id in seen:
                return [
                    Problem(
                        "parent",
                        f"“{self.title(current)}” already belongs to this "
                        f"{noun}, so it cannot also be its parent.",
                    )
                ]
            seen.add(current.id)
            current = current.parent
        return []

    def empty_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {name: "" for name in self.text_fields + self.note_fields}
        values.update({name: None for name in self.value_fields})
        values.update({children.key: [] for children in self.children})
        values["tags"] = []
        if self.areas is not None:
            values["areas"] = []
        return values

    def clean_values(self, values: dict[str, Any]) -> dict[str, Any]:
        cleaned = self.empty_values()
        cleaned.update(values)
        # An empty choice, date or link is no value at all: forms and sheets give "".
        for name in self.value_fields:
            if cleaned[name] == "":
                cleaned[name] = None
        for name in self.text_fields:
            cleaned[name] = clean(cleaned[name])
        for name in self.note_fields:
            cleaned[name] = (cleaned[name] or "").strip()
        for children in self.children:
            cleaned[children.key] = children.clean(cleaned[children.key])
        cleaned["tags"] = unique_names(cleaned.get("tags") or [])
        if self.areas is not None:
            cleaned["areas"] = unique_names(cleaned.get("areas") or [])
        return cleaned

    def get(self, record_id: int) -> RecordModel:
        record = self.model.get_or_none(self.model.id == record_id)
        if record is None:
            raise SeriktesError(f"This {kind_label(self.model)} no longer exists.")
        return record

    def load(self, record_id: int) -> dict[str, Any]:
        record = self.get(record_id)
        values = {name: getattr(record, name) for name in self.text_fields + self.note_fields}
        for name in self.value_fields:
            field = self.model._meta.fields[name]
            values[name] = getattr(
                record, field.column_name if hasattr(field, "rel_model") else name
            )
        for children in self.children:
            values[children.key] = children.load(record_id)
        values["tags"] = record_tags(self.kind, record_id)
        if self.areas is not None:
            values["areas"] = area_names(self.areas, record_id)
        return values

    def missing_links(self, values: dict[str, Any]) -> list[Problem]:
        """A record chosen in a field (an organization, a head, a parent) that was deleted
        while the form was open. Countries are checked by ``valid_country``."""
        problems = []
        for name in self.value_fields:
            target = getattr(self.model._meta.fields[name], "rel_model", None)
            if target is None or target is Country or values.get(name) is None:
                continue
            if target.get_or_none(target._meta.primary_key == values[name]) is None:
                what = name.replace("_", " ")
                problems.append(
                    Problem(
                        name, f"The {what} no longer exists. Choose another, or clear the field."
                    )
                )
        return problems

    def problems(self, values: dict[str, Any], record_id: int | None = None) -> list[Problem]:
        return self._check(self.clean_values(values), record_id)

    def _check(self, values: dict[str, Any], record_id: int | None) -> list[Problem]:
        return (
            self.missing_links(values)
            + self.validate(values, record_id)
            + self.twin_problems(values, record_id)
        )

    def save(self, values: dict[str, Any], record_id: int | None = None) -> RecordModel:
        """Validate and save in one transaction: all of it is saved or nothing is."""
        values = self.clean_values(values)
        problems = self._check(values, record_id)
        if problems:
            raise ValidationFailed(problems)
        with db.atomic():
            before = self.load(record_id) if record_id is not None else None
            record = self.get(record_id) if record_id is not None else self.model()
            self._assign(record, values)
            record.save()
            self._save_parts(record.id, values)
            # Made last: a record may be found by rows saved with it (a program by its areas).
            record.search_text = self.search_text(record, values["tags"])
            self.model.update(search_text=record.search_text).where(
                self.model.id == record.id
            ).execute()
            search.index_record(self.kind, record)
            # The history, and the change set an undo of this save reverts.
            record.change_set = history.log_save(self.kind, record.id, before, self.load(record.id))
        return record

    def field_names(self) -> tuple[str, ...]:
        """The record's own fields, as its form shows them: not its tags, areas or rows."""
        return self.text_fields + self.note_fields + self.value_fields

    def write_fields(self, record_id: int, values: dict[str, Any]) -> RecordModel:
        """Write a record's own fields (``field_names``) with what derives from them (keys,
        search text, search everywhere), leaving its tags, areas and rows as they are: a
        merge, which moves those to it row by row, writes its fields so. The caller checks
        the values and keeps the history, in its own transaction."""
        record = self.get(record_id)
        self._assign(record, values)
        record.save()
        tags = record_tags(self.kind, record_id)
        record.search_text = self.search_text(record, tags)
        self.model.update(search_text=record.search_text).where(
            self.model.id == record_id
        ).execute()
        search.index_record(self.kind, record)
        return record

    def insert_many(self, rows: list[dict[str, Any]], batch: int = 500) -> list[int]:
        """Add many new records at once, as an import does: cleaned values the caller has
        checked, written in batches with the same derived fields and search text as
        ``save``. Returns the new ids in the order of ``rows``."""
        ids: list[int] = []
        with db.atomic():
            for start in range(0, len(rows), batch):
                chunk = rows[start : start + batch]
                records = []
                for values in chunk:
                    record = self.model()
                    self._assign(record, values)
                    record.search_text = self.search_text(record, values["tags"])
                    records.append(record)
                new_ids = insert_rows(self.model, [r.__data__ for r in records], returning=True)
                for record, record_id, values in zip(records, new_ids, chunk, strict=True):
                    record.id = record_id
                    if self._has_parts(values):
                        self._save_parts(record_id, values)
                        record.search_text = self.search_text(record, values["tags"])
                        self.model.update(search_text=record.search_text).where(
                            self.model.id == record_id
                        ).execute()
                # Indexed from the records at hand: they were never indexed, and reading
                # them back would only repeat what was just written.
                search.index_new(self.kind, records)
                ids += new_ids
            history.log_imported(self.kind, ids, "added with others at once")
        return ids

    def _assign(self, record: RecordModel, values: dict[str, Any]) -> None:
        for name in self.text_fields + self.note_fields:
            setattr(record, name, values[name])
        for name in self.value_fields:
            field = self.model._meta.fields[name]
            column = field.column_name if hasattr(field, "rel_model") else name
            setattr(record, column, values[name])
        self.prepare(record, values)

    def _has_parts(self, values: dict[str, Any]) -> bool:
        return bool(
            values["tags"]
            or values.get("areas")
            or any(values[children.key] for children in self.children)
        )

    def _save_parts(self, record_id: int, values: dict[str, Any]) -> None:
        """What belongs to the record but lives in other tables: tags, areas, child rows."""
        set_record_tags(self.kind, record_id, values["tags"])
        if self.areas is not None:
            set_areas(self.areas, record_id, values["areas"])
        for children in self.children:
            children.replace(record_id, values[children.key])

    def search_text(self, record: RecordModel, tags: list[str]) -> str:
        return " | ".join(fold(word) for word in self.search_words(record) + tags if word)

    def consequences(self, record_id: int) -> list[Consequence]:
        """What deleting the record would do to the records linked to it."""
        record = self.get(record_id)
        result = []
        for field in self.model._meta.backrefs:
            if field.model in OWN_PARTS:
                continue
            query = field.model.select().where(field == record.id)
            count = query.count()
            if not count:
                continue
            label = kind_label(field.model, count)
            if field.on_delete == "SET NULL":
                what = field.verbose_name.lower() if field.verbose_name else field.name
                description = f"{count} {label} will no longer have this {what}"
            else:
                description = f"{count} {label} will be deleted with it"
            examples = ()
            if isinstance(field.model, type) and issubclass(field.model, RecordModel):
                editor = editor_of(field.model)
                if editor:
                    examples = tuple(editor.title(row) for row in query.limit(5))
            result.append(Consequence(count, description, examples))
        files, tags, mentions = (
            self._naming(model, record.id) for model in (Attachment, RecordTag, SourceMention)
        )
        if files:
            result.append(Consequence(files, f"{files} attached file(s) will be deleted"))
        if tags:
            result.append(Consequence(tags, f"{tags} tag(s) will be removed from it"))
        if mentions:
            result.append(
                Consequence(
                    mentions, f"{mentions} source(s) mentioning it will no longer mention it"
                )
            )
        return result

    def _naming(self, model: type[Model], record_id: int) -> int:
        """How many tags, files or mentions name the record (they point to any kind)."""
        return (
            model.select()
            .where((model.record_kind == self.kind) & (model.record_id == record_id))
            .count()
        )

    def delete(self, record_id: int) -> None:
        self.get(record_id)  # says so if it is gone already
        self.delete_many([record_id])

    def delete_many(self, record_ids: list[int]) -> None:
        """Delete records with what names them (tags, files, mentions, search entries); the
        database deletes or unlinks the rows that point to them."""
        with db.atomic():
            for model in (RecordTag, Attachment, SourceMention):
                model.delete().where(
                    (model.record_kind == self.kind) & model.record_id.in_(record_ids)
                ).execute()
            search.remove_records(self.kind, record_ids)
            self.model.delete().where(self.model.id.in_(record_ids)).execute()


def find_records(
    model: type[RecordModel],
    text: str,
    limit: int = 20,
    exclude: int | None = None,
    order: Node | None = None,
) -> list[RecordModel]:
    """Records of one kind found by what was typed, for pickers: every word must occur in
    their names; a record whose names start with the text comes first."""
    query = model.select()
    terms = search_terms(text)
    if terms:
        query = query.where(all_of([contains_word(model.search_text, word) for word in terms]))
    if exclude is not None:
        query = query.where(model.id != exclude)
    starts = model.search_text.startswith(" ".join(search_words(text)))
    return list(query.order_by(starts.desc(), order or model.id.desc()).limit(limit))
