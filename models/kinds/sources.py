"""Sources: press coverage and other publications, with the records each one mentions."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from peewee import Select

from models import validation as check
from models.editing import Children, RecordEditor, find_records
from models.errors import Problem
from models.kinds.registry import editor_of, register
from models.listing import Column, RecordList, sorted_in_language, tag_filter, year_filter
from models.store.base import RecordModel
from models.store.records import RECORD_KINDS, Source, SourceMention
from models.words.labels import kind_label
from models.words.text import clean
from models.words.translation import N_, _

# How many records of each kind the mention picker offers: enough to find one by a few
# letters, few enough that eight kinds still make a short list.
MATCHES_PER_KIND = 5

LANGUAGE_LENGTH = Source.language.max_length


def kind_name(kind: str) -> str:
    """A kind of record as a list shows it, in the current language: "Organization", "Key
    figure"."""
    model = RECORD_KINDS.get(kind)
    return kind_label(model) if model is not None else kind


def record_title(record: RecordModel) -> str:
    """A record's title as its own kind words it (every kind's module registers how)."""
    editor = editor_of(type(record))
    if editor is not None:
        return editor.title(record)
    return _("no. {number}").format(number=record.id)


def mentioned_record(kind: str, record_id: int) -> RecordModel | None:
    """The record a mention names, or None when it no longer exists."""
    model = RECORD_KINDS.get(kind)
    return model.get_or_none(model.id == record_id) if model is not None else None


def find_mentionable(
    text: str, exclude_source: int | None = None, per_kind: int = MATCHES_PER_KIND
) -> list[tuple[str, RecordModel]]:
    """Records of every kind found by what was typed, as (kind, record), kind by kind; a
    source is kept from mentioning itself."""
    found = []
    for kind, model in RECORD_KINDS.items():
        exclude = exclude_source if model is Source else None
        found += [(kind, record) for record in find_records(model, text, per_kind, exclude)]
    return found


def sources_mentioning(kind: str, record_id: int) -> Select:
    """The sources that mention a record, newest first."""
    return (
        Source.select()
        .join(SourceMention)
        .where((SourceMention.record_kind == kind) & (SourceMention.record_id == record_id))
        .order_by(Source.published_on.desc(nulls="LAST"), Source.id.desc())
    )


def existing_mentions(rows: list[dict[str, Any]]) -> set[tuple[str, int]]:
    """Which of the mentioned records still exist: one query per kind, not one per row."""
    wanted: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        wanted[row["record_kind"]].append(row["record_id"])
    existing = set()
    for kind, ids in wanted.items():
        model = RECORD_KINDS[kind]
        existing |= {(kind, found.id) for found in model.select(model.id).where(model.id.in_(ids))}
    return existing


def mention_problems(rows: list[dict[str, Any]], record_id: int | None) -> list[Problem]:
    named = [
        row
        for row in rows
        if row["record_kind"] in RECORD_KINDS and isinstance(row["record_id"], int)
    ]
    problems = []
    if len(named) < len(rows):
        problems.append(
            Problem(
                "mentions",
                _(
                    "Each mention must name a record. Choose it from the list that opens as you "
                    "type."
                ),
            )
        )
    existing = existing_mentions(named)
    seen: set[tuple[str, int]] = set()
    for row in named:
        key = (row["record_kind"], row["record_id"])
        kind = kind_label(RECORD_KINDS[key[0]])
        if key == ("source", record_id):
            problems.append(
                Problem("mentions", _("A source cannot mention itself. Remove that row."))
            )
        elif key not in existing:
            problems.append(
                Problem(
                    "mentions",
                    _("{kind} no. {number} no longer exists. Remove it from the mentions.").format(
                        number=key[1], kind=kind
                    ),
                )
            )
        elif key in seen:
            title = record_title(mentioned_record(*key))
            problems.append(
                Problem(
                    "mentions",
                    _("{kind} “{title}” is mentioned twice. Remove one of the two rows.").format(
                        title=title, kind=kind
                    ),
                )
            )
        seen.add(key)
    return problems


class SourceEditor(RecordEditor):
    kind = "source"
    model = Source
    title_field = "title"
    text_fields = ("title", "publisher", "url", "language")
    value_fields = ("published_on",)
    children = (Children("mentions", SourceMention, "source", ("record_kind", "record_id")),)

    def title(self, record: Source) -> str:
        date = f"{record.published_on:%d.%m.%Y}" if record.published_on else ""
        details = ", ".join(part for part in (record.publisher, date) if part)
        return f"{record.title} ({details})" if details else record.title

    def clean_values(self, values: dict[str, Any]) -> dict[str, Any]:
        values = super().clean_values(values)
        for row in values["mentions"]:
            row["record_kind"] = clean(row["record_kind"])
            # An id read from a spreadsheet arrives as text.
            if isinstance(row["record_id"], str) and row["record_id"].strip().isdigit():
                row["record_id"] = int(row["record_id"])
        return values

    def validate(self, values: dict[str, Any], record_id: int | None) -> list[Problem]:
        problems = check.collect(
            check.required(values["title"], "title", N_("Title")),
            check.web_address(values["url"], "url", N_("Web address")),
        )
        if len(values["language"]) > LANGUAGE_LENGTH:
            problems.append(
                Problem(
                    "language",
                    _(
                        "Language: write a short code of up to {count} letters, like en, ru or kk."
                    ).format(count=LANGUAGE_LENGTH),
                )
            )
        return problems + mention_problems(values["mentions"], record_id)

    def prepare(self, record: Source, values: dict[str, Any]) -> None:
        record.url = check.normalize_url(record.url)


SOURCE_LIST = RecordList(
    "source",
    Source,
    columns=[
        Column("published_on", N_("Published"), Source.published_on, width=95),
        Column("title", N_("Title"), Source.title, sort=sorted_in_language(Source), width=360),
        Column("publisher", N_("Publisher"), Source.publisher, width=150),
        Column("language", N_("Language"), Source.language, width=80),
        Column("url", N_("Web address"), Source.url, width=260),
        Column("updated_at", N_("Changed"), Source.updated_at, shown=False, width=130),
    ],
    filters=[year_filter(Source.published_on), tag_filter()],
    default_sort="published_on",
    default_descending=True,
)

SOURCES = register(SourceEditor())
