"""The machinery every kind of record shares: load a record into plain values, validate and
save them in one transaction, tell what a delete would affect, and delete.

A kind's editor subclasses ``RecordEditor`` and says only what is particular to it: its
fields, its checks and the words it is found by.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

from peewee import Field, Model, Node

from models import history, search
from models.errors import Conflict, Problem, SeriktesError, ValidationFailed
from models.kinds.registry import all_editors, editor_of
from models.listing import all_of, contains_word, search_terms
from models.store.base import RecordModel, db
from models.store.bulk import insert_rows
from models.store.records import (
    AgreementParty,
    AgreementProgram,
    Attachment,
    Country,
    Delegation,
    DelegationAgreement,
    DelegationEvent,
    DelegationMember,
    DelegationProgram,
    Event,
    EventParticipant,
    FollowUp,
    KeyFigure,
    Organization,
    OrganizationArea,
    Person,
    Program,
    ProgramArea,
    ProgramPartner,
    RecordTag,
    Source,
    SourceMention,
    Tag,
)
from models.words.areas import area_names, set_areas
from models.words.collation import sort_keys
from models.words.labels import kind_label
from models.words.names import named_entry, unique_names
from models.words.numbers import format_number
from models.words.text import clean, search_fold, search_words
from models.words.translation import LANGUAGES, N_, _, language, ngettext


@dataclass(frozen=True)
class Consequence:
    """What deleting a record does to records that point to it."""

    count: int
    description: str
    examples: tuple[str, ...] = ()


# The fields that choose another record, as a message about one names them.
LINK_LABELS = {
    "parent": N_("Part of"),
    "organization": N_("Organization"),
    "head": N_("Head"),
    "lead": N_("Lead organization"),
    "program": N_("Program"),
    "source": N_("Source"),
}

# Rows that are part of the record itself, not records of their own: deleting the record
# removes them without asking about them.
OWN_PARTS = (OrganizationArea, ProgramArea, SourceMention)
_CHUNK = 500  # records touched together

# What deleting a record does to the rows pointing to it, a sentence for each (the rows, the
# link) in the plural forms of the language: rows that lose the link ("SET NULL")...
_UNLINKED: dict[tuple[type[Model], str], Callable[[int], str]] = {
    (Organization, "parent"): lambda n: ngettext(
        "{count} organization will no longer have this parent",
        "{count} organizations will no longer have this parent",
        n,
    ),
    (Person, "organization"): lambda n: ngettext(
        "{count} person will no longer have this organization",
        "{count} people will no longer have this organization",
        n,
    ),
    (Delegation, "organization"): lambda n: ngettext(
        "{count} delegation will no longer have this organization",
        "{count} delegations will no longer have this organization",
        n,
    ),
    (Program, "lead"): lambda n: ngettext(
        "{count} program will no longer have this lead organization",
        "{count} programs will no longer have this lead organization",
        n,
    ),
    (Delegation, "head"): lambda n: ngettext(
        "{count} delegation will no longer have this head",
        "{count} delegations will no longer have this head",
        n,
    ),
    (FollowUp, "responsible_person"): lambda n: ngettext(
        "{count} follow-up action will no longer have this person responsible",
        "{count} follow-up actions will no longer have this person responsible",
        n,
    ),
    (AgreementParty, "signatory"): lambda n: ngettext(
        "{count} agreement party will no longer have this signatory",
        "{count} agreement parties will no longer have this signatory",
        n,
    ),
    (Event, "parent"): lambda n: ngettext(
        "{count} event will no longer have this parent",
        "{count} events will no longer have this parent",
        n,
    ),
    (KeyFigure, "source"): lambda n: ngettext(
        "{count} key figure will no longer have this source",
        "{count} key figures will no longer have this source",
        n,
    ),
}


def _unlinked(n: int) -> str:
    return ngettext(
        "{count} linked record will no longer point to it",
        "{count} linked records will no longer point to it",
        n,
    )


def _deleted(n: int) -> str:
    return ngettext(
        "{count} linked record will be deleted with it",
        "{count} linked records will be deleted with it",
        n,
    )


# ... and rows deleted with it.
_DELETED: dict[type[Model], Callable[[int], str]] = {
    EventParticipant: lambda n: ngettext(
        "{count} event participation will be deleted with it",
        "{count} event participations will be deleted with it",
        n,
    ),
    ProgramPartner: lambda n: ngettext(
        "{count} program partnership will be deleted with it",
        "{count} program partnerships will be deleted with it",
        n,
    ),
    AgreementParty: lambda n: ngettext(
        "{count} agreement party will be deleted with it",
        "{count} agreement parties will be deleted with it",
        n,
    ),
    KeyFigure: lambda n: ngettext(
        "{count} key figure will be deleted with it",
        "{count} key figures will be deleted with it",
        n,
    ),
    DelegationMember: lambda n: ngettext(
        "{count} delegation membership will be deleted with it",
        "{count} delegation memberships will be deleted with it",
        n,
    ),
    FollowUp: lambda n: ngettext(
        "{count} follow-up action will be deleted with it",
        "{count} follow-up actions will be deleted with it",
        n,
    ),
    DelegationEvent: lambda n: ngettext(
        "{count} link between a delegation and an event will be deleted with it",
        "{count} links between delegations and events will be deleted with it",
        n,
    ),
    DelegationProgram: lambda n: ngettext(
        "{count} link between a delegation and a program will be deleted with it",
        "{count} links between delegations and programs will be deleted with it",
        n,
    ),
    DelegationAgreement: lambda n: ngettext(
        "{count} link between a delegation and an agreement will be deleted with it",
        "{count} links between delegations and agreements will be deleted with it",
        n,
    ),
    AgreementProgram: lambda n: ngettext(
        "{count} link between an agreement and a program will be deleted with it",
        "{count} links between agreements and programs will be deleted with it",
        n,
    ),
}


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
    # The fields that hold the record's name in Kazakh and Russian, for kinds that keep them:
    # the record is shown by them in that language, and sorted by them in its alphabet.
    names_in: ClassVar[dict[str, str]] = {}
    # Where the main name (``title_field``) comes from when it is not given, in this order:
    # a record may be known by its name in one language only.
    main_name_from: ClassVar[tuple[str, ...]] = ()
    # What a record with no name in any language is told (marked with ``N_``).
    no_name: ClassVar[str] = ""
    # Text fields copied from the form as they are (cleaned of stray spaces).
    text_fields: ClassVar[tuple[str, ...]] = ()
    # Long text kept with its line breaks.
    note_fields: ClassVar[tuple[str, ...]] = ("notes",)
    # Everything else the form holds: choices, dates, numbers, links to other records.
    value_fields: ClassVar[tuple[str, ...]] = ()
    children: ClassVar[tuple[Children, ...]] = ()
    # The link table's field pointing to the record when it has areas of cooperation.
    areas: ClassVar[Field | None] = None
    # What ``parent_problems`` says, for a kind whose records sit inside one another: a
    # record made its own parent, and one whose parent is inside it (``{title}``).
    inside_itself: ClassVar[str] = N_("A record cannot be inside itself.")
    inside_a_child: ClassVar[str] = N_(
        "“{title}” already belongs to this record, so it cannot also be its parent."
    )

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
        return self.shown_name(record)

    def shown_name(self, record: RecordModel) -> str:
        """The record's name in the interface language where it has one, else its main
        name."""
        field = self.names_in.get(language())
        return (getattr(record, field) if field else "") or getattr(record, self.title_field)

    def sorted_names(self, record: RecordModel) -> dict[str, str]:
        """The name the record sorts by in each language: the one shown in it."""
        main = getattr(record, self.title_field)
        return {
            code: (getattr(record, self.names_in[code]) if code in self.names_in else "") or main
            for code in LANGUAGES
        }

    def name_missing(self, values: dict[str, Any]) -> Problem | None:
        """No name in any language, for a kind with names in several: one of them is needed,
        and ``clean_values`` made the first one given the main name."""
        if values[self.title_field]:
            return None
        return Problem(self.title_field, _(self.no_name))

    def parent_problems(self, parent_id: int | None, record_id: int | None) -> list[Problem]:
        """A record inside another of its kind (a branch in its university, a panel in its
        forum) may not end up inside itself."""
        if parent_id is None:
            return []
        if record_id is not None and parent_id == record_id:
            return [Problem("parent", _(self.inside_itself))]
        chosen = current = self.model.get_or_none(self.model.id == parent_id)
        seen = {record_id}
        while current is not None:
            if current.id in seen:
                # The record chosen as parent is inside this one: it is the one named.
                return [Problem("parent", _(self.inside_a_child).format(title=self.title(chosen)))]
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
        if not cleaned.get(self.title_field):
            given = (cleaned[name] for name in self.main_name_from if cleaned[name])
            cleaned[self.title_field] = next(given, cleaned.get(self.title_field, ""))
        for children in self.children:
            cleaned[children.key] = children.clean(cleaned[children.key])
        cleaned["tags"] = unique_names(cleaned.get("tags") or [])
        if self.areas is not None:
            cleaned["areas"] = unique_names(cleaned.get("areas") or [])
        return cleaned

    def get(self, record_id: int) -> RecordModel:
        record = self.model.get_or_none(self.model.id == record_id)
        if record is None:
            raise SeriktesError(
                _("{kind} no. {number} no longer exists.").format(
                    kind=kind_label(self.model), number=record_id
                )
            )
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
                label = _(LINK_LABELS.get(name, name.replace("_", " ")))
                problems.append(
                    Problem(
                        name,
                        _(
                            "The record chosen in “{field}” no longer exists. Choose another, "
                            "or clear the field."
                        ).format(field=label),
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

    def save(
        self,
        values: dict[str, Any],
        record_id: int | None = None,
        expected_version: int | None = None,
        opened: dict[str, Any] | None = None,
    ) -> RecordModel:
        """Validate and save in one transaction: all of it is saved or nothing is.

        Saving a record counts a new version of it. With ``expected_version`` (the version the
        form opened), a record someone else has saved or deleted since is not written: a
        ``Conflict`` carries what is stored now, ``values`` and ``opened`` (the values as the
        form loaded them), so the user can choose field by field."""
        values = self.clean_values(values)
        problems = self._check(values, record_id)
        if problems:
            raise ValidationFailed(problems)
        with db.atomic():
            if record_id is not None:
                # First in the transaction: the row is claimed before anything is read, so no
                # other desktop's save can slip in between the check and the write.
                self._claim(record_id, expected_version, values, opened)
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
        # A new version, so a desktop holding the record open is told it changed.
        self.model.update(search_text=record.search_text, version=self.model.version + 1).where(
            self.model.id == record_id
        ).execute()
        search.index_record(self.kind, record)
        return record

    def _claim(
        self,
        record_id: int,
        expected_version: int | None,
        values: dict[str, Any],
        opened: dict[str, Any] | None,
    ) -> None:
        """Count the record's new version, if it is still the version expected."""
        query = self.model.update(version=self.model.version + 1).where(self.model.id == record_id)
        if expected_version is not None:
            query = query.where(self.model.version == expected_version)
        if query.execute():
            return
        if expected_version is None:
            self.get(record_id)  # says it no longer exists
        raise self.conflict(record_id, values, opened)

    def conflict(
        self, record_id: int, values: dict[str, Any], opened: dict[str, Any] | None
    ) -> Conflict:
        """Why ``values`` cannot be saved over the record as it is stored now."""
        mine = self.clean_values(values)
        opened = self.clean_values(opened) if opened is not None else None
        record = self.model.get_or_none(self.model.id == record_id)
        if record is None:
            deletion = history.last_deletion(self.kind, record_id)
            user = deletion.user if deletion is not None else ""
            title = mine.get(self.title_field) or (opened or {}).get(self.title_field) or ""
            return Conflict(
                self.kind,
                record_id,
                opened,
                mine,
                None,
                None,
                user,
                deletion.at if deletion is not None else None,
                _("“{title}” was deleted by {user} while you were editing it.").format(
                    title=title, user=user or _("someone else")
                ),
            )
        return Conflict(
            self.kind,
            record_id,
            opened,
            mine,
            self.clean_values(self.load(record_id)),
            record.version,
            record.updated_by,
            record.updated_at,
            _("{user} saved “{title}” at {time} while you were editing it.").format(
                user=record.updated_by,
                title=self.title(record),
                time=record.updated_at.strftime("%d.%m.%Y %H:%M"),
            ),
        )

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
        for column, key in sort_keys(self.sorted_names(record)).items():
            setattr(record, column, key)

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
        return " | ".join(search_fold(word) for word in self.search_words(record) + tags if word)

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
            if field.on_delete == "SET NULL":
                said = _UNLINKED.get((field.model, field.name), _unlinked)
            else:
                said = _DELETED.get(field.model, _deleted)
            description = said(count).format(count=format_number(count))
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
            said = ngettext(
                "{count} attached file will be deleted",
                "{count} attached files will be deleted",
                files,
            )
            result.append(Consequence(files, said.format(count=format_number(files))))
        if tags:
            said = ngettext(
                "{count} tag will be removed from it", "{count} tags will be removed from it", tags
            )
            result.append(Consequence(tags, said.format(count=format_number(tags))))
        if mentions:
            said = ngettext(
                "{count} source mentioning it will no longer mention it",
                "{count} sources mentioning it will no longer mention it",
                mentions,
            )
            result.append(Consequence(mentions, said.format(count=format_number(mentions))))
        return result

    def touch_linked(self, record_ids: list[int]) -> None:
        """The records that change when these are deleted or come back from the trash count a
        new version: those losing or regaining a link to them (a person's organization, a
        branch's university), and those with child rows naming them (the event a person
        takes part in, the source mentioning a partner). A form open on one of them then
        learns of it when saving, as of any other change."""
        owners = {
            children.model: (editor.model, children.model._meta.fields[children.parent])
            for editor in all_editors()
            for children in editor.children
        }
        for start in range(0, len(record_ids), _CHUNK):
            chunk = record_ids[start : start + _CHUNK]
            for field in self.model._meta.backrefs:
                pointing = field.model
                if isinstance(pointing, type) and issubclass(pointing, RecordModel):
                    if field.on_delete == "SET NULL":
                        bump_versions(pointing, field.in_(chunk))
                    continue  # records deleted with it (key figures) go to the trash with it
                owner = owners.get(pointing)
                if owner is not None and owner[1] is not field:
                    model, parent = owner
                    bump_versions(
                        model, model.id.in_(pointing.select(parent).where(field.in_(chunk)))
                    )
            bump_versions(
                Source,
                Source.id.in_(
                    SourceMention.select(SourceMention.source).where(
                        (SourceMention.record_kind == self.kind)
                        & SourceMention.record_id.in_(chunk)
                    )
                ),
            )

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
            self.touch_linked(record_ids)
            for model in (RecordTag, Attachment, SourceMention):
                model.delete().where(
                    (model.record_kind == self.kind) & model.record_id.in_(record_ids)
                ).execute()
            search.remove_records(self.kind, record_ids)
            self.model.delete().where(self.model.id.in_(record_ids)).execute()


def bump_versions(model: type[RecordModel], where: Node) -> int:
    """Count a new version of the records ``where`` selects (changed by a write that is not
    their own save)."""
    return model.update(version=model.version + 1).where(where).execute()


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
