"""Any list exported exactly as shown: the same search, filters and sort, the visible columns
in their order. Rows are read from SQL a page at a time and streamed into the workbook, so
100,000 records take no more memory than a hundred."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from peewee import (
    Case,
    CharField,
    DateField,
    DateTimeField,
    DecimalField,
    FloatField,
    IntegerField,
    TextField,
    TimeField,
    fn,
)

from exports.workbook import (
    DATE,
    DATETIME,
    MONEY,
    NUMBER,
    SAMPLE_ROWS,
    TEXT,
    ExcelBook,
    ExportCancelled,
    SheetColumn,
    display_width,
    shown_text,
)
from models.listing import Column, InLanguage, ListRequest, RecordList
from models.store.records import Country, Tag
from models.words.countries import country_name
from models.words.labels import count_text, in_sentence, kind_label
from models.words.translation import LANGUAGES, _, language

# (rows written, rows in all) -> False to stop the export
Progress = Callable[[int, int], bool | None]

PAGE_SIZE = 2000  # rows written between two reports of progress


@dataclass(frozen=True)
class Exported:
    path: Path
    rows: int


def list_title(record_list: RecordList) -> str:
    """The list's name as the window's navigation says it, in the current language:
    "Organizations", "Key figures"."""
    return kind_label(record_list.model, 2)


def _typed(expression: Any) -> Any:
    """The field whose kind of value an expression has: a value read in the interface
    language (``InLanguage``) is of the kind of each language's field."""
    return expression.field if isinstance(expression, InLanguage) else expression


def column_kind(column: Column) -> str:
    if column.choices is not None:
        return TEXT
    expression = _typed(column.expression)
    if isinstance(expression, DateTimeField):
        return DATETIME
    if isinstance(expression, DateField):
        return DATE
    if isinstance(expression, TimeField):
        return DATE
    if isinstance(expression, DecimalField) and expression.decimal_places == 2:
        return MONEY
    if isinstance(expression, DecimalField | IntegerField | FloatField):
        return NUMBER
    return TEXT


def _filter_label(record_list: RecordList, key: str, value: str) -> str:
    spec = next((f for f in record_list.filters if f.key == key), None)
    if spec is None:
        return value
    if spec.kind == "country":
        return country_name(value)
    if spec.kind == "choice" and spec.choices is not None:
        return spec.choices.label(value)
    if spec.kind == "tag":
        tag = Tag.get_or_none(Tag.name == value)
        return tag.name if tag else value
    return value


def describe_request(record_list: RecordList, request: ListRequest, count: int) -> str:
    """What was selected, said in the current language in three sentences: "Search “csic”;
    country: Spain. Sorted by name, ascending. 12 organizations." """
    parts = []
    if request.search.strip():
        parts.append(_("search “{text}”").format(text=request.search.strip()))
    for spec in record_list.filters:
        value = request.filters.get(spec.key)
        if value:
            parts.append(
                _("{filter}: {value}").format(
                    filter=in_sentence(spec.heading),
                    value=_filter_label(record_list, spec.key, value),
                )
            )
    chosen = "; ".join(parts) if parts else _("All records")
    chosen = chosen[0].upper() + chosen[1:]
    # as RecordList orders it: the column asked for (else the list's first), in the direction
    # asked
    key = request.sort if request.sort in {c.key for c in record_list.columns} else None
    column = in_sentence(record_list.column(key or record_list.default_sort).heading)
    order = (
        _("Sorted by {column}, descending.")
        if request.descending
        else _("Sorted by {column}, ascending.")
    ).format(column=column)
    # Three sentences, each ended by its full stop, as all three languages end them.
    return f"{chosen}. {order} {count_text(record_list.model, count)}."


def country_names(record_list: RecordList, columns: Sequence[Column]) -> dict[int, Any]:
    """The columns showing a country's English name (as the list's query reads it), each with
    the name's converter into the current language (``country_name``)."""
    shown: dict[str, str] = {}

    def in_language(value: str) -> str:
        if value not in shown:
            country = Country.get_or_none(Country.name_en == value)
            shown[value] = country_name(country.code) if country else value
        return shown[value]

    return {
        index: in_language
        for index, column in enumerate(columns)
        if column.expression is Country.name_en
    }


def _converters(
    record_list: RecordList, columns: Sequence[Column]
) -> list[tuple[int, Callable[[Any], Any]]]:
    """The columns whose stored value is not what a cell shows, and how it becomes it: a
    choice by its label, a country by its name, in the current language. The rest are written
    as they are (dates as dates, numbers as numbers)."""
    countries = country_names(record_list, columns)
    return [
        (index, lambda value, c=column: c.display(value) if value is not None else None)
        for index, column in enumerate(columns)
        if column.choices is not None
    ] + [
        (index, lambda value, name=name: name(value) if value is not None else None)
        for index, name in countries.items()
    ]


def list_rows(record_list: RecordList, request: ListRequest, columns: Sequence[Column]):
    """Every row the list shows for ``request`` (the values of ``columns``), from one query
    read as it goes: never the whole list in memory, and no page read twice.

    The window reads a list a page at a time (``RecordList.rows``); an export reads it all
    once through the list's own query, so the search, filters and sort are exactly the
    window's."""
    return record_list.query(request, columns).tuples().iterator()


# A text known only by its length is taken as wide as the first rows' letters, and a little
# wider: capitals and wide letters are not counted on to be rare.
LETTER_MARGIN = 1.15


def widest_widths(
    record_list: RecordList,
    request: ListRequest,
    columns: Sequence[Column],
    sample: Sequence[Sequence[Any]],
) -> list[float | None]:
    """How wide each column's widest value shows anywhere in the list as asked, in digits,
    read from the database in one pass: the longest text (as wide as the letters of the
    first rows, ``sample``), the number farthest from zero, the widest label of a choice in
    use; None where it tells nothing. So a long value at row 5,000 widens its column as one
    at row 5 would, and never prints as ###."""
    aggregates: list[tuple[int, str, Any]] = []
    for i, column in enumerate(columns):
        expression = column.expression
        if column.choices is not None:
            # the width of each code's label, in tenths of a digit
            tenths = [
                (c.code, round(display_width(column.display(c.code)) * 10)) for c in column.choices
            ]
            aggregates.append((i, "choice", fn.MAX(Case(expression, tenths, 0))))
        elif column_kind(column) in (NUMBER, MONEY):
            aggregates.append((i, "number", fn.MAX(fn.ABS(expression))))
        elif isinstance(_typed(expression), CharField | TextField):
            aggregates.append((i, "text", fn.MAX(fn.LENGTH(expression))))
    widths: list[float | None] = [None] * len(columns)
    if not aggregates:
        return widths
    query = record_list.query(request, columns).order_by()
    found = query.select(*(aggregate for *_ignored, aggregate in aggregates)).tuples().get()
    for (i, kind, _aggregate), value in zip(aggregates, found, strict=True):
        if value is None:
            continue
        if kind == "choice":
            widths[i] = value / 10
        elif kind == "number":
            widths[i] = display_width(shown_text(value))
        else:
            texts = [row[i] for row in sample if isinstance(row[i], str) and row[i]]
            if value <= max(map(len, texts), default=0):
                continue  # the first rows hold the longest already
            letters = sum(map(len, texts))
            letter = sum(map(display_width, texts)) / letters if letters else 1.0
            widths[i] = value * letter * LETTER_MARGIN
    return widths


def with_recorded_names(record_list: RecordList, column_keys: Sequence[str]) -> list[str]:
    """The columns asked, and after them the names in each language of every name shown in
    Kazakh or Russian (a list's ``name_en``, ``name_kk`` and ``name_ru`` beside its ``name``):
    a list exported in Kazakh names its records in Kazakh, and without the recorded name and
    the others it would not import back as the same records, nor would other lists that name
    them in Kazakh find them."""
    keys = list(column_keys)
    if language() == "en":
        return keys
    known = {column.key for column in record_list.columns}
    for key in list(keys):
        for code in sorted(LANGUAGES, key=lambda code: code != "en"):  # the recorded name first
            named = f"{key}_{code}"
            if named in known and named not in keys and f"{key}_en" in known:
                keys.append(named)
    return keys


def export_list(
    record_list: RecordList,
    request: ListRequest,
    column_keys: Sequence[str],
    path: str | os.PathLike,
    progress: Progress | None = None,
    *,
    title: str | None = None,
    headers: Sequence[str] | None = None,
    author: str | None = None,
    page_size: int | None = None,
) -> Exported:
    """Write the list as asked to ``path``: the columns ``column_keys`` in that order, the
    rows that the search and filters select, in the order asked. ``progress(done, total)``
    is called every ``page_size`` rows; when it returns False the export stops, no file is
    left (an existing one is kept) and ``ExportCancelled`` is raised. ``headers`` names the
    columns as the window shows them, else their labels."""
    step = page_size or PAGE_SIZE
    column_keys = with_recorded_names(record_list, column_keys)
    if headers is not None:
        headers = [*headers, *(record_list.column(k).heading for k in column_keys[len(headers) :])]
    known = {column.key for column in record_list.columns}
    unknown = [key for key in column_keys if key not in known]
    if unknown or not column_keys:
        raise ValueError(f"Unknown or no columns: {unknown}")
    columns = [record_list.column(key) for key in column_keys]
    converters = _converters(record_list, columns)
    labels = list(headers) if headers is not None else [column.heading for column in columns]
    sheet_columns = [
        SheetColumn(label, column_kind(column))
        for label, column in zip(labels, columns, strict=True)
    ]
    title = title or list_title(record_list)

    def cells(row: tuple) -> list[Any]:
        values = list(row)
        for index, convert in converters:
            values[index] = convert(values[index])
        return values

    def stop_if_asked(done: int, total: int) -> None:
        if progress is not None and progress(done, total) is False:
            raise ExportCancelled(_("The export was cancelled."))

    database = record_list.model._meta.database
    # One read transaction: the count and the rows see the records as they were when the
    # export began, whatever is saved meanwhile.
    with database.atomic():
        total = record_list.count(request)
        stop_if_asked(0, total)
        rows = map(cells, list_rows(record_list, request, columns))
        sample = list(itertools.islice(rows, SAMPLE_ROWS))
        if len(sample) == SAMPLE_ROWS:  # rows further down the sample has not seen
            widest = widest_widths(record_list, request, columns, sample)
            sheet_columns = [
                replace(column, longest=width)
                for column, width in zip(sheet_columns, widest, strict=True)
            ]
        with ExcelBook(path, title, author) as book:
            sheet = book.add_table(
                title, title, describe_request(record_list, request, total), sheet_columns, sample
            )
            done = 0
            for values in itertools.chain(sample, rows):
                sheet.append(values)
                done += 1
                if done % step == 0:
                    stop_if_asked(done, total)
            if done % step:
                stop_if_asked(done, total)
            if not done:
                sheet.note(_("No records match the search and filters."))
    return Exported(Path(path), done)
