"""Lists of records read from SQL a page at a time: search, filters and sorting all happen
in the database, so a list of 100,000 records opens as fast as a list of ten.

A kind describes its list once (``RecordList``): the columns, how each sorts, and the filters
it offers. The window, the exports and the command line all read lists through it.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import reduce
from typing import Any

from peewee import JOIN, SQL, ColumnBase, Field, ForeignKeyField, Node, NodeList, Select, fn

from models.errors import SearchRefused
from models.store.base import RecordModel
from models.store.records import Country, RecordTag, Tag
from models.words.choices import ChoiceSet
from models.words.numbers import format_number
from models.words.text import like_pattern, search_words
from models.words.translation import N_, _, language

# A search is refused past these: more words than anyone types to find a record, or a text
# longer than any name (a page pasted by mistake), which SQL could not be asked in one query.
MAX_SEARCH_WORDS = 50
MAX_SEARCH_LENGTH = 1000


def contains_word(text_field: Node, word: str) -> Node:
    """``text_field`` contains ``word`` (both folded), with LIKE's wildcards taken literally.
    Written as plain LIKE because peewee turns its own LIKE into GLOB on SQLite."""
    return NodeList((text_field, SQL("LIKE"), like_pattern(word), SQL("ESCAPE '\\'")))


def search_terms(text: str | None) -> list[str]:
    """The folded words a record must each contain to be found, each once; a word inside
    another is left out, as a record holding "istc" holds "is". Raises ``SearchRefused`` for
    more than 1,000 characters or 50 different words to look for."""
    terms: list[str] = []
    length = -1
    # Longest first, so a word inside another meets it; each check stops the moment a
    # limit is passed, so a page of text costs no more than its first 51 words.
    for word in sorted(set(search_words(text)), key=len, reverse=True):
        if any(word in longer for longer in terms):
            continue
        terms.append(word)
        length += len(word) + 1
        if length > MAX_SEARCH_LENGTH:
            raise SearchRefused(
                _("This search is too long: type at most {limit} characters to look for.").format(
                    limit=MAX_SEARCH_LENGTH
                )
            )
        if len(terms) > MAX_SEARCH_WORDS:
            raise SearchRefused(
                _(
                    "This search has too many different words: type at most {limit} to look for."
                ).format(limit=MAX_SEARCH_WORDS)
            )
    return terms


def all_of(conditions: Sequence[Node]) -> Node:
    """Every condition, joined flat: peewee nests each ``AND`` in parentheses of its own,
    and SQLite's parser stops at about 100 of them (a search of 80 words)."""
    if len(conditions) == 1:
        return conditions[0]
    return NodeList(conditions, glue=" AND ", parens=True)


class InLanguage(ColumnBase):
    """A value read in the interface language: the expression given for the language shown
    when a query is run, so a list built once shows and sorts in the language chosen since
    (an organization's Kazakh name in Kazakh, its main name in English)."""

    def __init__(self, en: Node, ru: Node, kk: Node) -> None:
        super().__init__()
        self.by_language = {"en": en, "ru": ru, "kk": kk}
        # The field whose kind of value it is (text, a key), and the table it is read from
        # (no join is needed to sort by a record's own key).
        self.field = en
        self.model = getattr(en, "model", None)

    def __sql__(self, ctx):
        return ctx.sql(self.by_language.get(language(), self.by_language["en"]))


def name_in_language(main: Field, kk: Field, ru: Field) -> InLanguage:
    """A name as it is shown: in Kazakh or Russian where the record has one, else the main
    name. Portable SQL (COALESCE, NULLIF) for SQLite and PostgreSQL alike."""
    return InLanguage(
        en=main,
        ru=fn.COALESCE(fn.NULLIF(ru, ""), main),
        kk=fn.COALESCE(fn.NULLIF(kk, ""), main),
    )


def sorted_in_language(model: Any) -> InLanguage:
    """The order of a record's name (a model's, or an alias's) in the interface language's
    alphabet: its stored sort key (``models.words.collation``)."""
    return InLanguage(en=model.sort_en, ru=model.sort_ru, kk=model.sort_kk)


@dataclass(frozen=True)
class Column:
    key: str
    # In English, marked for translation (``N_``): ``heading`` says it in the current language.
    label: str
    expression: Node
    sort: Node | None = None  # defaults to the expression
    choices: ChoiceSet | None = None
    shown: bool = True  # shown until the user chooses otherwise
    width: int = 160  # characters a reader needs, in pixels at the default font

    @property
    def heading(self) -> str:
        """The column's label in the current language."""
        return _(self.label)

    def display(self, value: Any) -> str:
        if value is None:
            return ""
        if self.choices is not None:
            return self.choices.label(value)
        if isinstance(value, dt.datetime):
            return value.strftime("%d.%m.%Y %H:%M")
        if isinstance(value, dt.date):
            return value.strftime("%d.%m.%Y")
        if isinstance(value, Decimal | float):
            return format_number(value)
        return str(value)


@dataclass(frozen=True)
class Filter:
    key: str
    label: str  # in English, marked for translation (``N_``)
    kind: str  # "choice", "country", "tag" or "year" (of a date)
    expression: Node | None = None
    choices: ChoiceSet | None = None

    @property
    def heading(self) -> str:
        """The filter's label in the current language."""
        return _(self.label)


@dataclass
class ListRequest:
    """What a user asked of a list: the words searched, the filters chosen and the sort."""

    search: str = ""
    filters: dict[str, str] = field(default_factory=dict)
    sort: str | None = None
    descending: bool = False


class RecordList:
    """A kind's list: its columns, filters and sorts, read a page at a time. ``joins`` adds
    to each record the records it points to, one of each (its country, its organization),
    for columns and searches to read: it never adds or removes a row."""

    def __init__(
        self,
        kind: str,
        model: type[RecordModel],
        columns: Sequence[Column],
        filters: Sequence[Filter],
        joins: Callable[[Select], Select] = lambda query: query,
        default_sort: str | None = None,
        default_descending: bool = False,
        search_links: Sequence[tuple[ForeignKeyField, Node]] = (),
        search_through: Sequence[tuple[Field, Field]] = (),
        country: Field | None = None,
    ) -> None:
        self.kind = kind
        self.model = model
        self.columns = tuple(columns)
        self.filters = tuple(filters)
        self._joins = joins
        self.default_sort = default_sort or self.columns[0].key
        self.default_descending = default_descending
        # Besides its own text, a record is found by the text of the records it points to (a
        # person by the names of their organization), read at search time so a renamed
        # organization is found by its new name at once. Given as (the link, the text as the
        # joins name it).
        self.search_links = tuple(search_links)
        # Records linked through a link table, found by their names the same way: an
        # agreement by the names of its parties, given as (link to the record, link to them).
        self.search_through = tuple(search_through)
        # The record's own country, by any name of which it is found ("США", "USA"): the
        # countries are searched once, and the records in those found are kept.
        self.country = country
        self._columns_by_key = {column.key: column for column in self.columns}

    def column(self, key: str) -> Column:
        return self._columns_by_key[key]

    def _where(self, query: Select, request: ListRequest, every_row: bool = False) -> Select:
        """``query`` narrowed to what was searched and filtered. The text of linked records
        is read through the joins, row by row, which a page of a common word stops reading
        early; a query that reads ``every_row`` anyway (a count, a position) searches the
        linked records once instead and keeps the rows pointing to those found: through the
        joins, counting 200,000 people read an organization once per person (0.4 s)."""
        model = self.model
        every_word = []
        for word in search_terms(request.search):
            matches = [contains_word(model.search_text, word)]
            if self.country is not None:
                named = Country.select(Country.code).where(contains_word(Country.search_text, word))
                matches.append(self.country.in_(named))
            for link, text in self.search_links:
                if every_row:
                    target = link.rel_model
                    found = target.select(link.rel_field).where(
                        contains_word(target.search_text, word)
                    )
                    matches.append(link.in_(found))
                else:
                    matches.append(contains_word(text, word))
            for near, far in self.search_through:
                target = far.rel_model
                linked = (
                    near.model.select(near)
                    .join(target, on=(far == target.id))
                    .where(contains_word(target.search_text, word))
                )
                matches.append(model.id.in_(linked))
            every_word.append(reduce(operator.or_, matches))
        if every_word:
            query = query.where(all_of(every_word))
        for spec in self.filters:
            value = request.filters.get(spec.key)
            if not value:
                continue
            if spec.kind == "year":
                first = dt.date(int(value), 1, 1)
                query = query.where(
                    (spec.expression >= first)
                    & (spec.expression < first.replace(year=first.year + 1))
                )
            elif spec.kind == "tag":
                tagged = (
                    RecordTag.select(RecordTag.record_id)
                    .join(Tag)
                    .where((RecordTag.record_kind == self.kind) & (Tag.name == value))
                )
                query = query.where(model.id.in_(tagged))
            else:
                query = query.where(spec.expression == value)
        return query

    def _base(self, *selected: Node) -> Select:
        return self._joins(self.model.select(*selected))

    def _own(self, expression: Node) -> bool:
        return getattr(expression, "model", None) is self.model

    def _sort(self, request: ListRequest) -> Node:
        key = request.sort if request.sort in self._columns_by_key else self.default_sort
        column = self._columns_by_key[key]
        return column.sort if column.sort is not None else column.expression

    def _reads_joins(
        self, request: ListRequest, sorting: bool = False, every_row: bool = False
    ) -> bool:
        """Whether the search, a filter chosen or (``sorting``) the sort reads a joined
        table. The joins only add to a row the one record it points to, so without them a
        list has the same rows: counting them, or choosing the rows of a page, needs them
        only then."""
        if sorting and not self._own(self._sort(request)):
            return True
        if search_words(request.search) and self.search_links and not every_row:
            return True
        return any(
            request.filters.get(spec.key)
            and spec.expression is not None
            and not self._own(spec.expression)
            for spec in self.filters
        )

    def _choosing(self, request: ListRequest, *selected: Node, every_row: bool = False) -> Select:
        """The list's rows as asked, reading only the tables the search, filters and sort need."""
        query = (
            self._base(*selected)
            if self._reads_joins(request, sorting=True, every_row=every_row)
            else self.model.select(*selected)
        )
        return self._ordered(self._where(query, request, every_row), request)

    def count(self, request: ListRequest) -> int:
        joined = self._reads_joins(request, every_row=True)
        query = (self._base if joined else self.model.select)(self.model.id)
        return self._where(query, request, every_row=True).count()

    def _ordered(self, query: Select, request: ListRequest) -> Select:
        sort = self._sort(request)
        if request.descending:
            return query.order_by(sort.desc(nulls="LAST"), self.model.id.desc())
        return query.order_by(sort.asc(nulls="LAST"), self.model.id)

    def query(self, request: ListRequest, columns: Sequence[Column]) -> Select:
        """Every row the list shows for ``request``, with the values of ``columns``, in its
        order: one query to read as it goes (an export reads all of a list this way)."""
        query = self._base(*(column.expression for column in columns))
        return self._ordered(self._where(query, request), request)

    def page_query(self, request: ListRequest, offset: int, limit: int) -> Select:
        """The query of one page, as ``rows`` reads it. The records on the page are chosen
        first, reading only what the search, filters and sort need (often an index alone);
        then only their rows are read whole. So the rows passed over are never read: the last
        page, or a list sorted by a joined column, costs about what the first page does."""
        chosen = self._choosing(request, self.model.id).offset(offset).limit(limit)
        query = self._base(self.model.id, *(column.expression for column in self.columns))
        return self._ordered(query.where(self.model.id.in_(chosen)), request)

    def rows(self, request: ListRequest, offset: int, limit: int) -> list[tuple]:
        """One page: each row is the record's id followed by the value of every column."""
        return list(self.page_query(request, offset, limit).tuples())

    def first_page(self, request: ListRequest, limit: int) -> tuple[list[tuple], int | None]:
        """The first page (as ``rows``) and how many rows the list has, or None for a search
        that finds more than the page holds: counting those reads every record again, which
        the caller may do later (``count``).

        A search is first looked for in the records as they are stored, stopping at ``limit``
        found: a word that few records have is answered by that one pass, instead of by
        walking the whole sort order looking for it."""
        if not search_words(request.search):
            rows = self.rows(request, 0, limit)
            return rows, len(rows) if len(rows) < limit else self.count(request)
        query = (self._base if self._reads_joins(request) else self.model.select)(self.model.id)
        found = [row[0] for row in self._where(query, request).limit(limit).tuples()]
        if len(found) == limit:
            return self.rows(request, 0, limit), None
        query = self._base(self.model.id, *(column.expression for column in self.columns))
        rows = list(self._ordered(query.where(self.model.id.in_(found)), request).tuples())
        return rows, len(rows)

    def position(self, request: ListRequest, record_id: int) -> int | None:
        """Where a record stands in the list as asked (0 is the first row), to select it
        after it was saved; None if the search or filters hide it."""
        ordering = self._ordered(self.model.select(), request)._order_by
        numbered = self._choosing(
            request,
            self.model.id.alias("rid"),
            fn.ROW_NUMBER().over(order_by=ordering).alias("rn"),
            every_row=True,
        ).order_by()
        found = (
            Select([numbered.alias("numbered")], [SQL("rn")])
            .where(SQL("rid") == record_id)
            .bind(self.model._meta.database)
        )
        row = found.scalar()
        return None if row is None else int(row) - 1


def country_filter(expression: Node) -> Filter:
    return Filter("country", N_("Country"), "country", expression)


def tag_filter() -> Filter:
    return Filter("tag", N_("Tag"), "tag")


def year_filter(expression: Node) -> Filter:
    return Filter("year", N_("Year"), "year", expression)


def with_country(query: Select, model: type[RecordModel]) -> Select:
    return query.join(Country, JOIN.LEFT_OUTER, on=(model.country == Country.code))


# A country as lists show and sort it: by its name in the interface language. A list reads it
# through ``with_country``.
COUNTRY_NAME = InLanguage(en=Country.name_en, ru=Country.name_ru, kk=Country.name_kk)
COUNTRY_ORDER = sorted_in_language(Country)


def filter_options(record_list: RecordList, spec: Filter) -> list[tuple[str, str]]:
    """The values a filter offers, as (value, label): the choices of a kind or status, and
    only the countries and tags the records of the list actually use."""
    if spec.kind == "choice" and spec.choices is not None:
        return [(choice.code, choice.label()) for choice in spec.choices]
    if spec.kind == "year":
        low, high = (
            record_list.model.select(fn.MIN(spec.expression), fn.MAX(spec.expression))
            .tuples()
            .get()
        )
        if low is None:
            return []
        return [(str(year), str(year)) for year in range(high.year, low.year - 1, -1)]
    if spec.kind == "tag":
        used = RecordTag.select(RecordTag.tag).where(RecordTag.record_kind == record_list.kind)
        return [
            (tag.name, tag.name) for tag in Tag.select().where(Tag.id.in_(used)).order_by(Tag.name)
        ]
    used = record_list._joins(record_list.model.select(spec.expression)).distinct()
    query = Country.select().where(Country.code.in_(used)).order_by(COUNTRY_ORDER)
    return [(country.code, country.name(language())) for country in query]
