"""What File ▸ Print and Save as PDF put on paper, described without Qt: a record's card (its
fields, its long texts and everything linked to it), a list as the window shows it, or a
country's page. The window lays the description out on pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from models.editing import record_tags
from models.kinds.all_kinds import EDITORS_BY_KIND, LISTS_BY_KIND
from models.links import LinkGroup, country_records, linked_records
from models.listing import ListRequest, RecordList
from models.store.records import Country
from models.words.countries import country_name
from models.words.labels import kind_label
from models.words.numbers import format_number
from models.words.translation import LANGUAGES, N_, _, language, ngettext

LIST_LIMIT = 5000  # rows of a list put on paper; an export to Excel has them all


@dataclass(frozen=True)
class Section:
    """A part of a printout under its heading: facts (label and value), long text, or
    records (title and how it is linked)."""

    heading: str
    facts: tuple[tuple[str, str], ...] = ()
    text: str = ""
    items: tuple[tuple[str, str], ...] = ()
    more: int = 0  # records left out of ``items``


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...] = ()  # how wide each column is, relative to the others


@dataclass(frozen=True)
class Printout:
    title: str
    subtitle: str
    sections: tuple[Section, ...] = ()
    table: Table | None = None
    note: str = ""
    wide: bool = False  # better printed across the page (landscape)


def printed_on(today: dt.date) -> str:
    return _("Printed on {date}").format(date=today.strftime("%d.%m.%Y"))


def _linked_sections(groups: list[LinkGroup]) -> tuple[Section, ...]:
    return tuple(
        Section(
            _("{group} ({count})").format(group=_(group.label), count=group.total),
            items=tuple(
                (item.title, _(item.detail) if item.detail else "") for item in group.items
            ),
            more=group.total - len(group.items),
        )
        for group in groups
    )


# The long texts of the kinds, by field, as their headings on paper.
TEXT_HEADINGS = {
    "notes": N_("Notes"),
    "purpose": N_("Purpose"),
    "agenda": N_("Agenda"),
    "outcomes": N_("Outcomes"),
    "topics": N_("Topics"),
    "summary": N_("Summary"),
    "description": N_("Description"),
}


def _label(name: str) -> str:
    return _(TEXT_HEADINGS.get(name, name.replace("_", " ").capitalize()))


def record_printout(kind: str, record_id: int, today: dt.date) -> Printout:
    """A record's card: every column its list has, its long texts and tags, and every
    record linked to it, by kind."""
    editor = EDITORS_BY_KIND[kind]
    record_list = LISTS_BY_KIND[kind]
    record = editor.get(record_id)
    model = record_list.model
    row = (
        record_list.query(ListRequest(), record_list.columns)
        .where(model.id == record_id)
        .tuples()
        .first()
    )
    facts = tuple(
        (_(column.label), column.display(value))
        for column, value in zip(record_list.columns, row or (), strict=False)
        if value not in (None, "")
    )
    tags = record_tags(kind, record_id)
    if tags:
        facts += ((_("Tags"), ", ".join(tags)),)
    texts = tuple(
        Section(_label(name), text=getattr(record, name))
        for name in editor.note_fields
        if getattr(record, name, "")
    )
    title = editor.title(record)
    return Printout(
        title,
        f"{kind_label(model)} · {printed_on(today)}",
        (
            Section(_("Details"), facts=facts),
            *texts,
            *_linked_sections(linked_records(kind, record_id)),
        ),
    )


def country_printout(code: str, today: dt.date) -> Printout:
    """A country's page: everything recorded about it."""
    country = Country.get_by_id(code)
    others = (country.name(other) for other in LANGUAGES if other != language())
    names = " — ".join(dict.fromkeys((*others, country.code)))
    return Printout(
        country_name(code),
        f"{names} · {printed_on(today)}",
        _linked_sections(country_records(code)),
    )


def list_printout(
    record_list: RecordList,
    request: ListRequest,
    column_keys: Sequence[str],
    headers: Sequence[str],
    title: str,
    today: dt.date,
    filters: Sequence[str] = (),
    limit: int = LIST_LIMIT,
) -> Printout:
    """A list as the window shows it: the same search, filters and sort, the visible
    columns in their order; at most ``limit`` rows. ``filters`` says the filters chosen, as
    the window shows them ("Country: Spain")."""
    columns = [record_list.column(key) for key in column_keys]
    total = record_list.count(request)
    rows = tuple(
        tuple(column.display(value) for column, value in zip(columns, row, strict=True))
        for row in record_list.query(request, columns).limit(limit).tuples()
    )
    count = ngettext("{count} record", "{count} records", total).format(count=format_number(total))
    chosen = [count]
    if request.search.strip():
        chosen.append(_("search “{text}”").format(text=request.search.strip()))
    chosen += filters
    note = (
        _(
            "The first {shown} of {total} records are printed. Export the list to Excel "
            "to have them all."
        ).format(shown=format_number(len(rows)), total=format_number(total))
        if total > len(rows)
        else ""
    )
    return Printout(
        title,
        f"{'; '.join(chosen)} · {printed_on(today)}",
        table=Table(tuple(headers), rows, tuple(column.width for column in columns)),
        note=note,
        wide=len(columns) > 5,
    )
