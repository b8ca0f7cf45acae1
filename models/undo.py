"""Edit ▸ Undo and Redo: the steps taken in the window (a save, a delete, a restore from the
trash, an import), kept in order, each taken back and made again through the history and the
trash. Undoing the creation of a record moves it to the trash; redoing it brings it back.

A step that can no longer be taken (its record was deleted for good from the trash) is
refused with a message that says why, and leaves the list: Undo and Redo never offer a step
they cannot take, and never count a failed one as done.

Steps follow their records by a reference of their own rather than by id. A record put back
from the trash while its id was taken comes back under another id, and SQLite gives the id of
a deleted record to the next one made; the reference moves with the record, so the steps
before and after a restore act on the same record.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from models import bulk_edit, history, merging, trash
from models.errors import Conflict, SeriktesError
from models.store.base import db
from models.store.records import RECORD_KINDS
from models.words.translation import _

EDIT, CREATION, DELETE, RESTORE, IMPORT = "edit", "creation", "delete", "restore", "import"
BULK_EDIT = "bulk edit"
MERGE = "merge"
_CHUNK = 500  # records checked together


class StepRefused(SeriktesError):
    """A step that cannot be taken any more; the message says why."""


@dataclass(eq=False)
class RecordRef:
    """One record followed through the trash and back: its id while it is in the database,
    the trash batch holding it (and the id it had) while it is in the trash."""

    kind: str
    id: int
    title: str
    batch: str | None = None
    # The version the window last left the record at: an Undo or Redo of an edit is taken
    # only over that version, never over a change someone else made since.
    version: int | None = None


class Step:
    """Something done in the window that Undo takes back and Redo makes again."""

    action: ClassVar[str]

    def __init__(self, refs: list[RecordRef], title: str) -> None:
        self.refs = refs
        self.title = title

    def undo(self, records: Records) -> None:
        raise NotImplementedError

    def redo(self, records: Records) -> None:
        raise NotImplementedError


class Edit(Step):
    """A save that changed a record: its fields go back to the values before, or after."""

    action = EDIT

    def __init__(self, ref: RecordRef, change_set: str, title: str) -> None:
        super().__init__([ref], title)
        self.change_set = change_set

    def undo(self, records: Records) -> None:
        self._take(records, history.revert)

    def redo(self, records: Records) -> None:
        self._take(records, history.reapply)

    def _take(self, records: Records, apply) -> None:
        ref = self.refs[0]
        try:
            record = apply(self.change_set, records.live_id(ref), expected_version=ref.version)
        except Conflict as conflict:
            if conflict.deleted:
                raise StepRefused(str(conflict)) from conflict
            raise StepRefused(
                _(
                    "{user} changed “{title}” at {time}, after this step: taking it would "
                    "overwrite their changes. Open the record to see them."
                ).format(
                    user=conflict.changed_by,
                    title=ref.title,
                    time=conflict.changed_at.strftime("%d.%m.%Y %H:%M"),
                )
            ) from conflict
        if record is not None:
            ref.version = record.version


class Creation(Step):
    """A record made (by a save, an import, a restore from the trash): undone, it goes to
    the trash; redone, it comes back from there."""

    action = CREATION

    def undo(self, records: Records) -> None:
        records.to_trash(self.refs)

    def redo(self, records: Records) -> None:
        records.from_trash(self.refs)


class Restore(Creation):
    action = RESTORE


class Import(Creation):
    action = IMPORT


class Delete(Step):
    """A record deleted to the trash: undone, it comes back; redone, it goes again."""

    action = DELETE

    def undo(self, records: Records) -> None:
        records.from_trash(self.refs)

    def redo(self, records: Records) -> None:
        records.to_trash(self.refs)


class BulkEdit(Step):
    """A field set on many records at once: undone, each gets its value before back; redone,
    the value set again. Its records are followed as any step's are."""

    action = BULK_EDIT

    def __init__(self, refs: list[RecordRef], change_set: str, title: str) -> None:
        super().__init__(refs, title)
        self.change_set = change_set
        self.recorded_ids = [ref.id for ref in refs]  # as the change set names them

    def _ids(self, records: Records) -> dict[int, int]:
        return {
            recorded: records.live_id(ref)
            for recorded, ref in zip(self.recorded_ids, self.refs, strict=True)
        }

    def undo(self, records: Records) -> None:
        bulk_edit.revert_bulk(self.change_set, self._ids(records))

    def redo(self, records: Records) -> None:
        bulk_edit.reapply_bulk(self.change_set, self._ids(records))


class Merging(Step):
    """Records merged into one kept (``refs[0]``): undone, the others come back from the
    trash with their links; redone, they are merged again with the same fields chosen."""

    action = MERGE

    def __init__(self, refs: list[RecordRef], values: dict[str, Any], title: str) -> None:
        super().__init__(refs, title)
        self.values = values

    def undo(self, records: Records) -> None:
        records.unmerge(self.refs[0], self.refs[1:])

    def redo(self, records: Records) -> None:
        records.merge(self.refs[0], self.refs[1:], self.values)


class Unmerging(Merging):
    """A merge undone by restoring one of its records from the trash: undone, the records are
    merged again; redone, the merge is undone again."""

    action = RESTORE

    def undo(self, records: Records) -> None:
        super().redo(records)

    def redo(self, records: Records) -> None:
        super().undo(records)


def _chunks(items: list, size: int = _CHUNK) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Records:
    """The references of the records the steps name, found again by id while a record is in
    the database and by its trash batch while it is in the trash."""

    def __init__(self) -> None:
        self._live: dict[tuple[str, int], RecordRef] = {}
        self._trashed: dict[tuple[str, str, int], RecordRef] = {}

    def made(self, kind: str, record_id: int, title: str, version: int | None = None) -> RecordRef:
        """A record just made: a reference of its own, even if a record the steps follow
        had its id before (it went with another into the trash, or for good)."""
        ref = RecordRef(kind, record_id, title, version=version)
        self._live[(kind, record_id)] = ref
        return ref

    def live(self, kind: str, record_id: int, title: str) -> RecordRef:
        ref = self._live.get((kind, record_id))
        if ref is None:
            ref = self.made(kind, record_id, title)
        ref.title = title or ref.title
        return ref

    def trashed(self, kind: str, record_id: int, batch: str, title: str) -> RecordRef:
        """A record the window just moved to the trash (a delete)."""
        ref = self.live(kind, record_id, title)
        self._moved_to_trash(ref, batch)
        return ref

    def restored(self, restored: trash.Restored) -> RecordRef:
        """A record the window just put back from the trash (the Trash page)."""
        ref = self._trashed.pop((restored.kind, restored.batch, restored.was_id), None)
        if ref is None:
            ref = RecordRef(restored.kind, restored.was_id, restored.title)
        self._came_back(ref, restored.record_id)
        ref.title = restored.title
        self._read_versions([ref])
        return ref

    def unmerged(self, unmerged: merging.Unmerged) -> list[RecordRef]:
        """The kept record and the records just back from the trash, a merge undone."""
        refs = [self.live(unmerged.kind, unmerged.kept, unmerged.title)]
        for was, now in unmerged.restored:
            ref = self._trashed.pop((unmerged.kind, unmerged.batch, was), None)
            if ref is None:
                ref = RecordRef(unmerged.kind, was, "", unmerged.batch)
            self._came_back(ref, now)
            refs.append(ref)
        return refs

    def _read_versions(self, refs: list[RecordRef]) -> None:
        """The versions of records just brought back from the trash (a restore counts one)."""
        if not refs:
            return
        model = RECORD_KINDS[refs[0].kind]
        for chunk in _chunks(refs):
            versions = dict(
                model.select(model.id, model.version)
                .where(model.id.in_([ref.id for ref in chunk]))
                .tuples()
            )
            for ref in chunk:
                ref.version = versions.get(ref.id)

    def _moved_to_trash(self, ref: RecordRef, batch: str) -> None:
        if self._live.get((ref.kind, ref.id)) is ref:
            del self._live[(ref.kind, ref.id)]
        ref.batch = batch
        self._trashed[(ref.kind, batch, ref.id)] = ref

    def _came_back(self, ref: RecordRef, record_id: int) -> None:
        if ref.batch is not None:
            self._trashed.pop((ref.kind, ref.batch, ref.id), None)
        ref.id, ref.batch = record_id, None
        self._live[(ref.kind, record_id)] = ref

    # -- moving records, as a step does ------------------------------------------------------

    def to_trash(self, refs: list[RecordRef]) -> None:
        """Move the records to the trash together, or refuse, changing nothing, if any of
        them is not in the database."""
        kind = refs[0].kind
        model = RECORD_KINDS[kind]
        with db.atomic():
            gone = [ref for ref in refs if ref.batch is not None]
            for chunk in _chunks([ref for ref in refs if ref.batch is None]):
                present = {
                    record_id
                    for (record_id,) in model.select(model.id)
                    .where(model.id.in_([ref.id for ref in chunk]))
                    .tuples()
                }
                gone += [ref for ref in chunk if ref.id not in present]
            if gone:
                raise self._not_here(gone[0])
            batch = trash.move_many_to_trash(kind, [ref.id for ref in refs])
        for ref in refs:
            self._moved_to_trash(ref, batch)

    def live_id(self, ref: RecordRef) -> int:
        """The record's id, if it is in the database."""
        if ref.batch is not None:
            raise self._not_here(ref)
        return ref.id

    def _not_here(self, ref: RecordRef) -> StepRefused:
        """Why a record that should be in the database is not."""
        if ref.batch is not None and trash.items_of(ref.kind, [(ref.batch, ref.id)]):
            return StepRefused(
                _("“{title}” is in the trash. Restore it first.").format(title=ref.title)
            )
        if ref.batch is not None:
            return StepRefused(
                _("“{title}” no longer exists: it was deleted for good from the trash.").format(
                    title=ref.title
                )
            )
        return StepRefused(_("“{title}” no longer exists.").format(title=ref.title))

    def merge(self, kept: RecordRef, others: list[RecordRef], values: dict[str, Any]) -> None:
        """Merge the records into the one kept, or refuse if any of them is not in the
        database."""
        kept_id = self.live_id(kept)
        ids = [self.live_id(ref) for ref in others]
        merged = merging.merge_records(kept.kind, kept_id, ids, values)
        for ref in others:
            self._moved_to_trash(ref, merged.batch)

    def unmerge(self, kept: RecordRef, others: list[RecordRef]) -> None:
        """Undo the merge that put the others in the trash, or refuse if they are no longer
        there together."""
        self.live_id(kept)
        batches = {ref.batch for ref in others}
        if None in batches or len(batches) != 1:
            outside = next(ref for ref in others if ref.batch is None)
            raise StepRefused(_("“{title}” is not in the trash.").format(title=outside.title))
        try:
            unmerged = merging.undo_merge(batches.pop())
        except SeriktesError as error:
            raise StepRefused(str(error)) from error
        restored = dict(unmerged.restored)
        for ref in others:
            if ref.id in restored:
                self._came_back(ref, restored[ref.id])

    def from_trash(self, refs: list[RecordRef]) -> None:
        """Put the records back from the trash together, or refuse, changing nothing, if any
        of them is not there (it was deleted for good)."""
        kind = refs[0].kind
        outside = [ref for ref in refs if ref.batch is None]
        if outside:
            raise StepRefused(_("“{title}” is not in the trash.").format(title=outside[0].title))
        by_place = {(ref.batch, ref.id): ref for ref in refs}
        items = trash.items_of(kind, list(by_place))
        if len(items) < len(refs):
            found = {(item.batch, item.record_id) for item in items}
            missing = next(ref for place, ref in by_place.items() if place not in found)
            raise StepRefused(
                _(
                    "“{title}” is no longer in the trash: it was deleted for good, so it "
                    "cannot be brought back."
                ).format(title=missing.title)
            )
        places = [(item.batch, item.record_id) for item in items]
        restored = trash.restore_items(items)
        for place, (_kind, record_id) in zip(places, restored, strict=True):
            self._came_back(by_place[place], record_id)
        self._read_versions(refs)


class UndoHistory:
    """The steps of a session in order; those before ``index`` are done, the rest undone."""

    def __init__(self) -> None:
        self.steps: list[Step] = []
        self.index = 0
        self.records = Records()
        self.pushed = 0  # steps taken in all, undone or not

    def clear(self) -> None:
        self.steps, self.index, self.records = [], 0, Records()

    # -- what was done -----------------------------------------------------------------------

    def push(self, step: Step) -> Step:
        """A step just taken: the steps undone before it can no longer be redone."""
        del self.steps[self.index :]
        self.steps.append(step)
        self.index = len(self.steps)
        self.pushed += 1
        return step

    def saved(self, change_set: str, title: str, version: int | None = None) -> Step | None:
        """A save (or a value brought back from the history) that left the record at
        ``version``: a creation or an edit; None when it changed nothing."""
        changed = history.change_set_record(change_set)
        if changed is None:
            return None
        kind, record_id, action = changed
        if action == history.CREATED:
            ref = self.records.made(kind, record_id, title, version)
            return self.push(Creation([ref], title))
        ref = self.records.live(kind, record_id, title)
        ref.version = version
        return self.push(Edit(ref, change_set, title))

    def deleted(self, kind: str, record_id: int, batch: str, title: str) -> Step:
        return self.push(Delete([self.records.trashed(kind, record_id, batch, title)], title))

    def deleted_many(self, kind: str, titles: dict[int, str], batch: str, title: str) -> Step:
        """Records deleted to the trash together (a bulk delete): one step."""
        refs = [
            self.records.trashed(kind, record_id, batch, record_title)
            for record_id, record_title in titles.items()
        ]
        return self.push(Delete(refs, title))

    def bulk_edited(self, kind: str, titles: dict[int, str], change_set: str, title: str) -> Step:
        refs = [
            self.records.live(kind, record_id, record_title)
            for record_id, record_title in titles.items()
        ]
        return self.push(BulkEdit(refs, change_set, title))

    def restored(self, restored: trash.Restored) -> Step:
        return self.push(Restore([self.records.restored(restored)], restored.title))

    def merged(self, merged: merging.Merged) -> Step:
        refs = [self.records.live(merged.kind, merged.kept, merged.title)]
        refs += [
            self.records.trashed(merged.kind, other, merged.batch, title)
            for other, title in zip(merged.others, merged.titles, strict=True)
        ]
        return self.push(Merging(refs, merged.values, merged.title))

    def unmerged(self, unmerged: merging.Unmerged) -> Step:
        """A merge undone from the trash: one of its records was restored."""
        refs = self.records.unmerged(unmerged)
        return self.push(Unmerging(refs, unmerged.values, unmerged.title))

    def imported(self, kind: str, record_ids: list[int], name: str) -> Step:
        refs = [self.records.made(kind, record_id, name) for record_id in record_ids]
        return self.push(Import(refs, name))

    # -- undo and redo -----------------------------------------------------------------------

    def next_undo(self) -> Step | None:
        return self.steps[self.index - 1] if self.index > 0 else None

    def next_redo(self) -> Step | None:
        return self.steps[self.index] if self.index < len(self.steps) else None

    def undo(self) -> Step:
        """Take back the last step done. A step refused leaves the list (StepRefused is
        raised); any other failure leaves it where it was, done."""
        step = self.next_undo()
        if step is None:
            raise StepRefused(_("There is nothing to undo."))
        try:
            step.undo(self.records)
        except StepRefused:
            self._drop(self.index - 1)
            self.index -= 1
            raise
        except SeriktesError as error:  # a value refused by the checks of today
            self._drop(self.index - 1)
            self.index -= 1
            raise StepRefused(str(error)) from error
        self.index -= 1
        return step

    def redo(self) -> Step:
        """Make again the last step undone; a step refused leaves the list."""
        step = self.next_redo()
        if step is None:
            raise StepRefused(_("There is nothing to redo."))
        try:
            step.redo(self.records)
        except StepRefused:
            self._drop(self.index)
            raise
        except SeriktesError as error:
            self._drop(self.index)
            raise StepRefused(str(error)) from error
        self.index += 1
        return step

    def _drop(self, position: int) -> None:
        del self.steps[position]
