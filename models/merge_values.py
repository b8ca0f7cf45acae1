"""What a merge keeps: for each field of the record kept, the value chosen among the records
merged (by default the kept record's own, else the first the others have), with every name
of every record kept somewhere, and what will move to it (its people, participations, tags…),
counted for the user before the merge."""

from __future__ import annotations

from typing import Any

from models.kinds.registry import editor_for
from models.store import records as r
from models.store.records import RECORD_KINDS, Attachment, Change, RecordTag, SourceMention
from models.words.labels import count_text
from models.words.text import clean, fold, name_list
from models.words.translation import ngettext

OTHER_NAMES = "other_names"
# The fields that name a record, in every language; a name none of them keeps after a merge
# goes to the other names.
NAME_FIELDS: dict[str, tuple[str, ...]] = {
    "organization": ("name", "short_name", "name_kk", "name_ru", "name_original"),
    "person": ("full_name",),
}
# Letters only Kazakh writes among the Cyrillic scripts: a name holding one is Kazakh.
KAZAKH_LETTERS = frozenset("әғқңөұүһі")
NAME_SEPARATOR = "; "


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def default_values(kind: str, records: list[dict[str, Any]]) -> dict[str, Any]:
    """The fields of the record kept (``records[0]``, loaded by its editor, then the others):
    its own values win, and its empty fields are filled from the others, in their order."""
    editor = editor_for(kind)
    values = {}
    for name in editor.field_names():
        values[name] = next(
            (record[name] for record in records if not is_empty(record[name])),
            records[0][name],
        )
    return keep_names(kind, values, records)


def keep_names(kind: str, chosen: dict[str, Any], records: list[dict[str, Any]]) -> dict[str, Any]:
    """The chosen values with every name of the records kept: a Kazakh or Russian name that
    lost its place goes to the name in that language when it is empty, any other to the other
    names. Kinds that keep no other names are given back as chosen."""
    fields = NAME_FIELDS.get(kind)
    if fields is None:
        return dict(chosen)
    values = dict(chosen)
    kept = {fold(values[name]) for name in fields if values.get(name)}
    others = []
    for record in records:
        for name in [*(record.get(field) for field in fields), *name_list(record[OTHER_NAMES])]:
            name = clean(name)
            if name and fold(name) not in kept:
                kept.add(fold(name))
                others.append(name)
    leftover = []
    for name in others:
        place = _language_field(kind, name, values)
        if place is not None:
            values[place] = name
        else:
            leftover.append(name)
    chosen_others = name_list(chosen.get(OTHER_NAMES))
    values[OTHER_NAMES] = NAME_SEPARATOR.join(
        _each_once([*chosen_others, *leftover], exclude={fold(values[f]) for f in fields})
    )
    return values


def _language_field(kind: str, name: str, values: dict[str, Any]) -> str | None:
    """The empty name field in the language a name is written in, if it can be told."""
    if kind != "organization" or not any("\u0400" <= ch <= "\u04ff" for ch in name):
        return None
    place = "name_kk" if KAZAKH_LETTERS & set(name.lower()) else "name_ru"
    return place if is_empty(values.get(place)) else None


def _each_once(names: list[str], exclude: set[str]) -> list[str]:
    seen = set(exclude)
    result = []
    for name in names:
        if name and fold(name) not in seen:
            seen.add(fold(name))
            result.append(name)
    return result


def linked_to_others(kind: str, keep: int, others: list[int]) -> list[tuple[str, int]]:
    """What points to the records merged into the kept one and will point to it, counted:
    each as a line of text and its count. A link the kept record has already moves nowhere:
    it is not counted, and is not lost."""
    model = RECORD_KINDS[kind]
    lines = []
    for field in model._meta.backrefs:
        query = field.model.select().where(field.in_(others))
        if field.model is model:
            query = query.where(field.model.id.not_in([keep, *others]))
        count = query.count()
        if count:
            lines.append((_link_text(field.model, count), count))
    for table in (RecordTag, SourceMention, Attachment, Change):
        count = (
            table.select().where((table.record_kind == kind) & table.record_id.in_(others)).count()
        )
        if count:
            lines.append((_link_text(table, count), count))
    return lines


def _link_text(model: type, count: int) -> str:
    """ "3 people", "12 participations in events": what moves, counted."""
    texts = {
        r.EventParticipant: lambda: ngettext(
            "{count} participation in an event", "{count} participations in events", count
        ),
        r.DelegationMember: lambda: ngettext(
            "{count} place in a delegation", "{count} places in delegations", count
        ),
        r.ProgramPartner: lambda: ngettext(
            "{count} partnership in a program", "{count} partnerships in programs", count
        ),
        r.AgreementParty: lambda: ngettext(
            "{count} party to an agreement", "{count} parties to agreements", count
        ),
        r.OrganizationArea: lambda: ngettext(
            "{count} area of cooperation", "{count} areas of cooperation", count
        ),
        r.ProgramArea: lambda: ngettext(
            "{count} area of cooperation", "{count} areas of cooperation", count
        ),
        r.FollowUp: lambda: ngettext(
            "{count} follow-up action", "{count} follow-up actions", count
        ),
        r.RecordTag: lambda: ngettext("{count} tag", "{count} tags", count),
        r.SourceMention: lambda: ngettext(
            "{count} mention in a source", "{count} mentions in sources", count
        ),
        r.Attachment: lambda: ngettext("{count} attached file", "{count} attached files", count),
        r.Change: lambda: ngettext(
            "{count} change in the history", "{count} changes in the history", count
        ),
    }
    if model in texts:
        return texts[model]().format(count=count)
    if model in RECORD_KINDS.values():
        return count_text(model, count)
    return ngettext(
        "{count} link to another record", "{count} links to other records", count
    ).format(count=count)
