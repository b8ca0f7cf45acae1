"""Search everywhere: any record of any kind, found by any of its names in any language, its
acronym, e-mail or city, ranked so that exact and prefix matches of a name come first.

Two tables keep what a record is found by, written by the domain layer whenever a record is
saved or deleted (``index_record``, ``remove_records``), in the same transaction:

- ``search_name``: one row per name of a record as it is searched (``search_fold``): its name
  in each language, acronym, e-mail…; and the record's key (``record_key``: its kind and id in
  one number). Its primary key is the name, so "a name is exactly this" and "a name starts
  with this" are index lookups on any database.
- ``search_index`` (SQLite only): an FTS5 table of each record's names and its whole search
  text, for "every word typed starts a word somewhere in the record". Its rowid is the
  record's key, so a record's row is replaced without a scan.
- ``search_document`` (PostgreSQL only): the same for a server, each record's names and
  search text as two ``tsvector`` columns with GIN indexes, keyed by the record's key.

``search_index()`` gives the ``SearchIndex`` for the open database: ``Fts5Index`` on SQLite,
``PostgresIndex`` on PostgreSQL, ``LikeIndex`` (LIKE over each kind's ``search_text``, slower
but portable) elsewhere. Text is put in its searched form with
``models.words.text.search_fold`` before it is stored and before it is looked for, so case,
diacritics and script never matter ("Нурбек" is found as "Nurbek") and FTS5's tokenizer only
ever sees plain lowercase words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from peewee import (
    JOIN,
    SQL,
    CharField,
    CompositeKey,
    Database,
    IntegerField,
    Node,
    NodeList,
    PostgresqlDatabase,
    SqliteDatabase,
)

from models.kinds.registry import editor_for
from models.listing import MAX_SEARCH_LENGTH, all_of, contains_word, search_terms
from models.store.base import BaseModel, RecordModel, db
from models.store.bulk import insert_rows
from models.store.records import RECORD_KINDS, Country, Organization, Person
from models.words.choices import (
    AGREEMENT_KINDS,
    DELEGATION_DIRECTIONS,
    EVENT_KINDS,
    ORGANIZATION_KINDS,
    PROGRAM_KINDS,
)
from models.words.text import like_pattern, name_list, search_fold, search_words
from models.words.translation import _, language

# The fields that name a record of each kind. Exact and prefix matches of these rank first.
NAME_FIELDS: dict[str, tuple[str, ...]] = {
    "organization": (
        "name",
        "short_name",
        "name_kk",
        "name_ru",
        "name_original",
        "other_names",
        "email",
    ),
    "person": ("full_name", "other_names", "email"),
    "event": ("title", "title_kk", "title_ru"),
    "delegation": ("title",),
    "program": ("name", "name_kk", "name_ru", "short_name"),
    "agreement": ("title", "reference_number"),
    "figure": ("measure",),
    "source": ("title",),
}

# Stored in the key of every indexed record: never change a number once given.
KIND_NUMBERS: dict[str, int] = {
    "organization": 1,
    "person": 2,
    "event": 3,
    "delegation": 4,
    "program": 5,
    "agreement": 6,
    "figure": 7,
    "source": 8,
}
KIND_SLOTS = 16
_KINDS_BY_NUMBER = {number: kind for kind, number in KIND_NUMBERS.items()}

# Ranks of a hit, best first.
EXACT, PREFIX, NAME_WORDS, ANY_WORDS = 0, 1, 2, 3

# Longer names are cut in ``search_name``: nobody types 200 letters to find a record, and
# server databases limit the length of an indexed value.
NAME_LENGTH = 200
# Letters and digits: the words FTS5's unicode61 tokenizer makes of a text.
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
# The last code point: every text that starts with a prefix sorts below prefix + this.
_AFTER_ALL = "\U0010ffff"


@dataclass(frozen=True)
class Hit:
    kind: str
    id: int
    title: str
    detail: str
    rank: int  # EXACT, PREFIX, NAME_WORDS or ANY_WORDS


class SearchName(BaseModel):
    # A name and a number per row, nothing else: an import adds a row per name of each new
    # record at scattered places of the name index, and the fewer bytes a row takes, the
    # fewer pages of it an import rewrites.
    name = CharField(max_length=NAME_LENGTH)
    record_key = IntegerField(index=True)  # ``record_key(kind, id)``

    class Meta:
        table_name = "search_name"
        primary_key = CompositeKey("name", "record_key")


# -- what a record is found by ---------------------------------------------------------------


def record_names(kind: str, record: Any) -> list[str]:
    """The names of a record as searched, each once, as ``search_name`` keeps them."""
    names: list[str] = []
    for field in NAME_FIELDS[kind]:
        value = getattr(record, field, "") or ""
        parts = name_list(value) if field == "other_names" else [value]
        for part in parts:
            folded = search_fold(part)[:NAME_LENGTH]
            if folded and folded not in names:
                names.append(folded)
    return names


def starts_with(text_field: Node, prefix: str) -> Node:
    """``text_field`` starts with ``prefix``, with LIKE's wildcards taken literally."""
    pattern = like_pattern(prefix)[1:]  # "prefix%"
    return NodeList((text_field, SQL("LIKE"), pattern, SQL("ESCAPE '\\'")))


def record_key(kind: str, record_id: int) -> int:
    """A record's kind and id in one number: the key of its names and its FTS5 rowid."""
    return record_id * KIND_SLOTS + KIND_NUMBERS[kind]


def _record_of(key: int) -> tuple[str, int]:
    """The kind and id of a record key."""
    return _KINDS_BY_NUMBER[key % KIND_SLOTS], key // KIND_SLOTS


def _has_fts(database: Database) -> bool:
    return isinstance(database, SqliteDatabase) and database.table_exists("search_index")


def _has_documents(database: Database) -> bool:
    """Whether records are kept in ``search_document`` (every PostgreSQL database: made with
    the search tables)."""
    return isinstance(database, PostgresqlDatabase)


# -- keeping the index current ---------------------------------------------------------------


def create_search_tables(database: Database) -> None:
    """Make the search tables in a database that lacks them (a new one, or at an upgrade)."""
    # On SQLite the name index is the table itself (WITHOUT ROWID): one B-tree less to write.
    SearchName._meta.without_rowid = isinstance(database, SqliteDatabase)
    database.create_tables([SearchName])
    if _has_documents(database):
        _create_documents(database)
    if not isinstance(database, SqliteDatabase):
        return
    try:
        with database.atomic():
            # detail=column: no word positions are needed (no phrase queries), which keeps the
            # index small; prefix indexes make the first letters typed cheap to look up.
            database.execute_sql(
                "CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5("
                "kind UNINDEXED, record_id UNINDEXED, names, text, "
                "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3', detail = column)"
            )
    except Exception as error:  # an SQLite built without FTS5: LikeIndex serves instead
        if "fts5" not in str(error).lower():
            raise


def _create_documents(database: Database) -> None:
    """PostgreSQL's tables for search everywhere. Names are compared by code point (the "C"
    collation), as SQLite compares them, whatever the server's language: "starts with" is a
    range of the name index, and names sort as on SQLite."""
    collation = database.execute_sql(
        "SELECT collation_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = %s AND column_name = 'name'",
        (SearchName._meta.table_name,),
    ).fetchone()
    if collation is None or collation[0] != "C":
        database.execute_sql(
            f'ALTER TABLE "{SearchName._meta.table_name}" ALTER COLUMN "name" '
            f'TYPE VARCHAR({NAME_LENGTH}) COLLATE "C"'
        )
    database.execute_sql(
        "CREATE TABLE IF NOT EXISTS search_document ("
        "record_key INTEGER PRIMARY KEY, names TSVECTOR NOT NULL, text TSVECTOR NOT NULL)"
    )
    for column in ("names", "text"):
        database.execute_sql(
            f"CREATE INDEX IF NOT EXISTS search_document_{column} "
            f"ON search_document USING gin ({column})"
        )


# A lexeme of a tsvector is at most 2,046 bytes: words are cut to this many letters (four
# bytes at most each), the same when stored and when looked for, so a prefix stays a prefix.
LEXEME_LETTERS = 500


def _lexemes(text: str) -> list[str]:
    """The words of a folded text, as FTS5's tokenizer makes them, each once."""
    return list(dict.fromkeys(token[:LEXEME_LETTERS] for token in _TOKEN.findall(text)))


def _vector(text: str) -> str:
    """A ``tsvector`` literal of the words of a folded text, taken as they are (no parser or
    dictionary of the server's): words are letters and digits only, so need no escaping."""
    return " ".join(f"'{lexeme}'" for lexeme in _lexemes(text))


def document_rows(kind: str, named: list[tuple[Any, list[str]]]) -> list[tuple[int, str, str]]:
    """``search_document``'s rows of records with their names: the record's key, its names'
    words and its search text's words, as ``tsvector`` literals."""
    return [
        (record_key(kind, record.id), _vector(" | ".join(names)), _vector(record.search_text))
        for record, names in named
    ]


def _write_documents(database: Database, rows: list[tuple[int, str, str]]) -> None:
    for batch in _batches(rows, 1000):
        values = ", ".join(["(%s, %s::tsvector, %s::tsvector)"] * len(batch))
        database.execute_sql(
            f"INSERT INTO search_document (record_key, names, text) VALUES {values}",
            [value for row in batch for value in row],
        )


_FTS_INSERT = (
    "INSERT INTO search_index (rowid, kind, record_id, names, text) VALUES (?, ?, ?, ?, ?)"
)


def _write(database: Database, kind: str, records: list[Any], fts: bool) -> None:
    """Index records of one kind that are not indexed (yet, or any more). A record needs its
    id, ``search_text`` and the fields of ``NAME_FIELDS``."""
    named = [(record, record_names(kind, record)) for record in records]
    # In the order of the name index, so that each of its pages is changed once, not once for
    # every name that falls on it.
    rows = sorted(
        (
            {"name": name, "record_key": record_key(kind, record.id)}
            for record, names in named
            for name in names
        ),
        key=lambda row: (row["name"], row["record_key"]),
    )
    insert_rows(SearchName, rows)
    if fts:
        database.cursor().executemany(_FTS_INSERT, _fts_rows(kind, named))
    if _has_documents(database):
        _write_documents(database, document_rows(kind, named))


def _fts_rows(kind: str, named: list[tuple[Any, list[str]]]) -> list[tuple]:
    """The FTS5 rows of records, each with its names as ``record_names`` gives them."""
    return [
        (record_key(kind, record.id), kind, record.id, " | ".join(names), record.search_text)
        for record, names in named
    ]


def _forget(database: Database, kind: str, ids: list[int], fts: bool) -> None:
    for chunk in _batches(ids, 300):
        keys = [record_key(kind, record_id) for record_id in chunk]
        SearchName.delete().where(SearchName.record_key.in_(keys)).execute()
        if fts:
            database.cursor().executemany(
                "DELETE FROM search_index WHERE rowid = ?", [(key,) for key in keys]
            )
        if _has_documents(database):
            database.execute_sql("DELETE FROM search_document WHERE record_key = ANY(%s)", (keys,))


def index_record(kind: str, record: RecordModel) -> None:
    """Make a record found by what it is called now. Called by the domain layer after the
    record and its ``search_text`` are written, inside the same transaction."""
    database = db.obj
    fts = _has_fts(database)
    _forget(database, kind, [record.id], fts)
    _write(database, kind, [record], fts)


def _stored(kind: str, ids: Iterable[int] | None = None) -> Iterator[Any]:
    """What indexing reads of each record of a kind (of those ids), without whole rows."""
    model = RECORD_KINDS[kind]
    fields = [model._meta.fields[name] for name in NAME_FIELDS[kind]]
    query = model.select(model.id, model.search_text, *fields)
    if ids is not None:
        query = query.where(model.id.in_(list(ids)))
    return query.order_by(model.id).namedtuples().iterator()


def index_records(kind: str, ids: list[int]) -> None:
    """Index records as they are stored (restored from the trash), as ``index_record`` does
    one: what they were found by before is forgotten first."""
    database = db.obj
    fts = _has_fts(database)
    for chunk in _batches(ids, 500):
        _forget(database, kind, chunk, fts)
        _write(database, kind, list(_stored(kind, chunk)), fts)


def index_new(kind: str, records: list[RecordModel]) -> None:
    """Index records just written in bulk, from the records themselves (with their ids and
    search text): nothing of theirs is indexed yet."""
    database = db.obj
    _write(database, kind, records, _has_fts(database))


def _dependents(kind: str, record_ids: list[int]) -> Iterator[tuple[str, int]]:
    """Records of another kind deleted with these by the database (a partner's key
    figures), so that they leave the index with them."""
    kinds = {model: name for name, model in RECORD_KINDS.items()}
    for field in RECORD_KINDS[kind]._meta.backrefs:
        if field.on_delete == "CASCADE" and field.model in kinds:
            dependents = field.model.select(field.model.id).where(field.in_(record_ids))
            for (dependent_id,) in dependents.tuples():
                yield kinds[field.model], dependent_id


def remove_records(kind: str, record_ids: list[int]) -> None:
    """Forget records (and the records deleted with them). Called by the domain layer just
    before the records are deleted, inside the same transaction."""
    database = db.obj
    fts = _has_fts(database)
    gone: dict[str, list[int]] = {kind: list(record_ids)}
    for gone_kind, gone_id in _dependents(kind, record_ids):
        gone.setdefault(gone_kind, []).append(gone_id)
    for gone_kind, ids in gone.items():
        _forget(database, gone_kind, ids, fts)


def _batches(rows: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def rebuild_search_index(database: Database | None = None) -> int:
    """Index every record again from what is stored: for an upgraded database, and after
    records were written without the editors. Returns how many records.

    The tables are made anew rather than emptied (FTS5 deletes row by row), and the names
    are gathered first and written in the order of their index, which writes each of its
    pages once: added record by record, they would land all over it."""
    database = database or db.obj
    fts = _has_fts(database)
    if fts:
        database.execute_sql("DROP TABLE search_index")
    if _has_documents(database):
        database.execute_sql("DELETE FROM search_document")
    database.drop_tables([SearchName])
    create_search_tables(database)
    database.execute_sql(
        f"CREATE TEMPORARY TABLE {_GATHERED} (name VARCHAR({NAME_LENGTH}) NOT NULL, "
        "record_key INTEGER NOT NULL)"
    )
    marks = ", ".join([database.param] * 2)
    gather = f"INSERT INTO {_GATHERED} (name, record_key) VALUES ({marks})"
    total = 0
    for kind in RECORD_KINDS:
        for batch in _batches(_stored(kind), 5000):
            named = [(record, record_names(kind, record)) for record in batch]
            database.cursor().executemany(
                gather,
                [(name, record_key(kind, record.id)) for record, names in named for name in names],
            )
            if fts:
                database.cursor().executemany(_FTS_INSERT, _fts_rows(kind, named))
            if _has_documents(database):
                _write_documents(database, document_rows(kind, named))
            total += len(batch)
    database.execute_sql(
        f'INSERT INTO "{SearchName._meta.table_name}" (name, record_key) '
        f"SELECT name, record_key FROM {_GATHERED} ORDER BY name, record_key"
    )
    database.execute_sql(f"DROP TABLE {_GATHERED}")
    if fts:
        # One merged index answers faster than the many segments a bulk fill leaves.
        database.execute_sql("INSERT INTO search_index (search_index) VALUES ('optimize')")
    return total


# The names of every record, gathered by ``rebuild_search_index`` before they are written.
_GATHERED = "search_name_gathered"


# -- finding ---------------------------------------------------------------------------------


def _fts_query(words: list[str], column: str) -> str:
    """An FTS5 query: every word typed starts a word in ``column``. The words are split the
    way the tokenizer splits text ("k.angelieva@istc.int" is four words) and quoted, so
    nothing typed is read as FTS5 syntax."""
    tokens = [token for word in words for token in _TOKEN.findall(word)]
    if not tokens:
        return ""
    matches = " ".join(f'"{token}"*' for token in tokens)
    return f"{{{column}}} : ({matches})"


def _word_starts(words: list[str], text: str) -> bool:
    """Whether every word typed starts a word of ``text``, as FTS5 would match it."""
    tokens = _TOKEN.findall(text)
    wanted = [token for word in words for token in _TOKEN.findall(word)]
    return all(any(token.startswith(w) for token in tokens) for w in wanted)


class SearchIndex:
    """Finds records of every kind by what was typed. Implementations differ only in how
    they find records whose words start with the words typed (``_word_matches``)."""

    def find(self, text: str, limit: int = 20) -> list[Hit]:
        search_terms(text)  # refuses, as a list search would, what cannot be looked for
        words = search_words(text)
        if not words or limit <= 0:
            return []
        phrase = " ".join(words)
        found: dict[tuple[str, int], int] = {}
        # A few more than asked, for records deleted by the database behind the index's back.
        wanted = limit + 5
        # A phrase longer than any search (a word repeated, or a character that folds into
        # many) names no record; its words are still looked for, each once.
        if len(phrase) <= MAX_SEARCH_LENGTH:
            self._take(found, self._exact_names(phrase), EXACT, wanted)
            self._take(found, self._names_starting(phrase), PREFIX, wanted)
        if len(found) < wanted:
            self._word_matches(found, list(dict.fromkeys(words)), wanted)
        return _hits(found, limit)

    @staticmethod
    def _take(
        found: dict[tuple[str, int], int], rows: Iterable[tuple[str, int]], rank: int, wanted: int
    ) -> None:
        if len(found) >= wanted:
            return
        for kind, record_id in rows:
            found.setdefault((kind, record_id), rank)
            if len(found) >= wanted:
                break
        # Rows are read as they are needed; the rest of the query is dropped now.
        close = getattr(rows, "close", None)
        if close is not None:
            close()

    def _exact_names(self, phrase: str) -> Iterable[tuple[str, int]]:
        return _records(
            SearchName.select(SearchName.record_key)
            .where(SearchName.name == phrase)
            .order_by(SearchName.record_key)
        )

    def _names_starting(self, phrase: str) -> Iterable[tuple[str, int]]:
        raise NotImplementedError

    def _word_matches(self, found: dict[tuple[str, int], int], words: list[str], wanted: int):
        raise NotImplementedError


def _records(query) -> Iterator[tuple[str, int]]:
    """The (kind, id) of the records a query of record keys names, read as they are needed;
    closing it drops the rest of the query."""
    rows = query.tuples().iterator()
    try:
        for (key,) in rows:
            yield _record_of(key)
    finally:
        rows.close()


def _names_in_range(phrase: str) -> Iterable[tuple[str, int]]:
    """Records with a name that starts with ``phrase`` (and is longer), as a range on the
    name's index: what starts with the phrase sorts between it and the phrase followed by the
    last code point, where names are compared by code point (SQLite; PostgreSQL's "C")."""
    return _records(
        SearchName.select(SearchName.record_key)
        .where((SearchName.name > phrase) & (SearchName.name < phrase + _AFTER_ALL))
        .order_by(SearchName.name, SearchName.record_key)
    )


class Fts5Index(SearchIndex):
    """SQLite: names looked up by their index, words by FTS5. Rows are read one at a time and
    reading stops once enough are found, so a single letter typed costs no more than a name."""

    def _names_starting(self, phrase: str) -> Iterable[tuple[str, int]]:
        return _names_in_range(phrase)

    def _word_matches(self, found: dict[tuple[str, int], int], words: list[str], wanted: int):
        database = db.obj
        # Newest records first within a rank (the rowid grows with the record id).
        for column, rank in (("names", NAME_WORDS), ("text", ANY_WORDS)):
            query = _fts_query(words, column)
            if not query or len(found) >= wanted:
                return
            cursor = database.execute_sql(
                "SELECT kind, record_id FROM search_index WHERE search_index MATCH ? "
                "ORDER BY rowid DESC",
                (query,),
            )
            self._take(found, cursor, rank, wanted)


# Words typed shorter than this are checked on what the longer words find, not looked up.
SHORT_PREFIX = 3
# Names read from a server at a time, looking for records whose name starts as typed.
NAMES_PAGE = 100


class PostgresIndex(SearchIndex):
    """PostgreSQL: names looked up by their index (kept in the "C" collation), words by
    ``search_document``'s GIN indexes, each word typed a prefix query (``word:*``) over the
    words FTS5 would make of the same text: the same hits as SQLite, in the same order."""

    def _names_starting(self, phrase: str) -> Iterable[tuple[str, int]]:
        # A server sends a query's every row at once: a letter typed starts a hundred
        # thousand names. They are asked for a page at a time, until enough are found.
        offset = 0
        while True:
            keys = list(
                SearchName.select(SearchName.record_key)
                .where((SearchName.name > phrase) & (SearchName.name < phrase + _AFTER_ALL))
                .order_by(SearchName.name, SearchName.record_key)
                .limit(NAMES_PAGE)
                .offset(offset)
                .tuples()
            )
            yield from (_record_of(key) for (key,) in keys)
            if len(keys) < NAMES_PAGE:
                return
            offset += NAMES_PAGE

    def _word_matches(self, found: dict[tuple[str, int], int], words: list[str], wanted: int):
        lexemes = _lexemes(" ".join(words))
        if not lexemes:
            return
        # A word of a letter or two, typed after a longer one ("mmuller@i"), starts tens of
        # thousands of words: looked up in the index it took most of a keystroke's time.
        # Beside a longer word it only checks the records the longer one finds.
        looked_up = [lexeme for lexeme in lexemes if len(lexeme) >= SHORT_PREFIX] or lexemes
        checked = [lexeme for lexeme in lexemes if lexeme not in looked_up]
        query = " & ".join(f"'{lexeme}':*" for lexeme in looked_up)
        check = " & ".join(f"'{lexeme}':*" for lexeme in checked)
        database = db.obj
        # Newest records first within a rank, as on SQLite; never more than are wanted, so
        # the server stops at them when the words are common.
        for column, rank in (("names", NAME_WORDS), ("text", ANY_WORDS)):
            if len(found) >= wanted:
                return
            also = f"AND ts_match_vq({column}, %s::tsquery) " if check else ""
            cursor = database.execute_sql(
                f"SELECT record_key FROM search_document WHERE {column} @@ %s::tsquery "
                f"{also}ORDER BY record_key DESC LIMIT %s",
                (query, *([check] if check else []), wanted),
            )
            self._take(found, (_record_of(key) for (key,) in cursor), rank, wanted)


class LikeIndex(SearchIndex):
    """Any database: names by LIKE on ``search_name``, words by LIKE on each kind's
    ``search_text`` (every word anywhere in it, as list searches find them). A word search
    reads every row of a kind, so this is the fallback, not the way on SQLite."""

    def _names_starting(self, phrase: str) -> Iterable[tuple[str, int]]:
        return _records(
            SearchName.select(SearchName.record_key)
            .where(starts_with(SearchName.name, phrase) & (SearchName.name != phrase))
            .order_by(SearchName.name, SearchName.record_key)
        )

    def _word_matches(self, found: dict[tuple[str, int], int], words: list[str], wanted: int):
        # Split as FTS5 splits them, so both find the same: "istc*" is "istc", and
        # "k.angelieva@istc.int" four words.
        tokens = search_terms(" ".join(_TOKEN.findall(" ".join(words))))
        if not tokens:
            return
        candidates = []
        for kind, model in RECORD_KINDS.items():
            fields = [model._meta.fields[name] for name in NAME_FIELDS[kind]]
            query = model.select(model.id, *fields).where(
                all_of([contains_word(model.search_text, token) for token in tokens])
            )
            for row in query.order_by(model.id.desc()).limit(wanted).namedtuples():
                names = " ".join(record_names(kind, row))
                rank = NAME_WORDS if _word_starts(words, names) else ANY_WORDS
                # The order Fts5Index gives within a rank: newest first, by its rowid.
                candidates.append((rank, -record_key(kind, row.id), kind, row.id))
        for rank, _order, kind, record_id in sorted(candidates):
            if len(found) >= wanted:
                return
            found.setdefault((kind, record_id), rank)


# -- what a hit shows ------------------------------------------------------------------------


def _date(value: dt.date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else ""


def _joined(*parts: str | None) -> str:
    return ", ".join(part for part in parts if part)


def _organization_detail(record: Organization) -> str:
    country = record.country.name(language()) if record.country_id else ""
    return _joined(ORGANIZATION_KINDS.label(record.kind), record.city, country)


def _person_detail(record: Person) -> str:
    shown = editor_for("organization").shown_name
    organization = shown(record.organization) if record.organization_id else ""
    return _joined(record.position, organization, record.email)


# What a hit says under its title, and what its query joins to say it without more queries.
_DETAILS: dict[str, Any] = {
    "organization": _organization_detail,
    "person": _person_detail,
    "event": lambda r: _joined(EVENT_KINDS.label(r.kind), r.city),
    "delegation": lambda r: _joined(DELEGATION_DIRECTIONS.label(r.direction), r.city, r.place),
    "program": lambda r: _joined(PROGRAM_KINDS.label(r.kind), r.short_name),
    "agreement": lambda r: _joined(
        AGREEMENT_KINDS.label(r.kind),
        r.reference_number,
        _("expires {date}").format(date=_date(r.expires_on)) if r.expires_on else "",
    ),
    "figure": lambda r: _joined(_date(r.as_of), r.period_label),
    "source": lambda r: _joined(r.url),
}


def _load(kind: str, ids: list[int]) -> dict[int, RecordModel]:
    model = RECORD_KINDS[kind]
    if kind == "organization":
        query = Organization.select(Organization, Country).join(Country, JOIN.LEFT_OUTER)
    elif kind == "person":
        query = Person.select(Person, Organization).join(Organization, JOIN.LEFT_OUTER)
    else:
        query = model.select()
    return {record.id: record for record in query.where(model.id.in_(ids))}


def _hits(found: dict[tuple[str, int], int], limit: int) -> list[Hit]:
    """The records found, in the order found, read in one query per kind; a record deleted
    behind the index's back is left out."""
    # Editors name the records; editing imports this module, so it is imported here.

    by_kind: dict[str, list[int]] = {}
    for kind, record_id in found:
        by_kind.setdefault(kind, []).append(record_id)
    records = {kind: _load(kind, ids) for kind, ids in by_kind.items()}
    hits = []
    for (kind, record_id), rank in found.items():
        record = records[kind].get(record_id)
        if record is None:
            continue
        title = editor_for(kind).title(record)
        hits.append(Hit(kind, record_id, title, _DETAILS[kind](record), rank))
        if len(hits) == limit:
            break
    return hits


def search_index() -> SearchIndex:
    """The search for the open database: FTS5 on SQLite, tsvector on PostgreSQL, LIKE
    elsewhere."""
    database = db.obj
    if _has_fts(database):
        return Fts5Index()
    return PostgresIndex() if _has_documents(database) else LikeIndex()


def find(text: str, limit: int = 20) -> list[Hit]:
    return search_index().find(text, limit)
