"""Schema versions. A new database gets the whole current schema; an older one is brought up
to date by numbered steps, each in its own transaction, after a copy of the file is put aside.

To change the schema: change the models, add a function ``step_N`` that makes the same change
on an existing database (``playhouse.migrate``), register it in ``STEPS``, and raise
``SCHEMA_VERSION`` to N.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from peewee import Database, Insert, SqliteDatabase

from models.errors import DamagedDatabase, MigrationFailed, NewerDatabase
from models.search import (
    KIND_NUMBERS,
    KIND_SLOTS,
    SearchName,
    create_search_tables,
    rebuild_search_index,
)
from models.store.base import db
from models.store.records import (
    ALL_MODELS,
    RECORD_KINDS,
    Change,
    Country,
    Info,
    Merge,
    NotDuplicate,
    SavedView,
    TrashItem,
)
from models.store.server import on_server, prepare_indexes
from models.words.translation import _

APPLICATION = "seriktes"
SCHEMA_VERSION = 11
# SQLite's header keeps a number for the program whose file it is ("SRKT"): a file manager tells
# a Seriktes database from other SQLite files by it (exports/desktop_entry.py).
APPLICATION_ID = 0x53524B54


def step_2(database: Database) -> None:
    """Search everywhere: the search tables, filled from the records already kept (read
    through today's models; a later step that changes what names a record refills them)."""
    create_search_tables(database)
    # Today's models read columns a later step adds: added here already (that step then
    # finds them present).
    _add_other_names(database)
    rebuild_search_index(database)


def step_3(database: Database) -> None:
    """History and trash: the log of every change, and deleted records kept for restoring."""
    database.create_tables([Change, TrashItem])


def step_4(database: Database) -> None:
    """Organizations' acronym and website kept folded and indexed, as their name is, so an
    import finds twins by index."""
    from models.kinds.organizations import website_host
    from models.words.text import name_key

    present = {column.name for column in database.get_columns("organization")}
    for name in ("short_key", "website_key"):
        if name not in present:  # a database made between versions may have them already
            # Plain SQL: peewee's migrator would rebuild the whole table to make the column
            # NOT NULL, which takes minutes with 100,000 partners; a default allows it at once.
            database.execute_sql(
                f'ALTER TABLE "organization" ADD COLUMN "{name}" VARCHAR(255) NOT NULL DEFAULT \'\''
            )
            database.execute_sql(f'CREATE INDEX "organization_{name}" ON "organization" ("{name}")')
    rows = database.execute_sql("SELECT id, short_name, website FROM organization")
    keys = [
        (name_key(short), website_host(site) if site else "", record_id)
        for record_id, short, site in rows.fetchall()
    ]
    database.cursor().executemany(
        f"UPDATE organization SET short_key = {database.param}, website_key = "
        f"{database.param} WHERE id = {database.param}",
        keys,
    )


def step_5(database: Database) -> None:
    """An index on when events end, for the events going on (the home view's first list)."""
    if "event_ends_on" not in {index.name for index in database.get_indexes("event")}:
        database.execute_sql('CREATE INDEX "event_ends_on" ON "event" ("ends_on")')


# Indexes on names as written, which nothing reads: names are found and sorted by their keys.
UNUSED_INDEXES = {
    "organization": ("organization_name", "organization_short_name"),
    "person": ("person_full_name",),
}


def step_6(database: Database) -> None:
    """Lighter indexes for imports into large databases: organizations' and people's names no
    longer indexed as written (their keys are), and search everywhere's names kept with one
    number for their record instead of its kind's name and its id."""
    for table, names in UNUSED_INDEXES.items():
        present = {index.name for index in database.get_indexes(table)}
        for name in names:
            if name in present:
                database.execute_sql(f'DROP INDEX "{name}"')
    if "kind" in {column.name for column in database.get_columns("search_name")}:
        _key_search_names(database)


def _key_search_names(database: Database) -> None:
    """``search_name`` (kind, record_id, name) remade as (name, record_key), with the same
    names: copied in the order of the new table's key, which writes each of its pages once.
    The old rows are set aside in a plain copy rather than by renaming the table, whose key
    and index names would stay taken on PostgreSQL."""
    database.execute_sql(
        'CREATE TABLE "search_name_before_6" AS SELECT kind, record_id, name FROM "search_name"'
    )
    database.execute_sql('DROP TABLE "search_name"')
    create_search_tables(database)
    numbers = " ".join(f"WHEN '{kind}' THEN {number}" for kind, number in KIND_NUMBERS.items())
    database.execute_sql(
        f'INSERT INTO "{SearchName._meta.table_name}" ("name", "record_key") '
        f"SELECT name, record_id * {KIND_SLOTS} + CASE kind {numbers} END "
        'FROM "search_name_before_6" ORDER BY 1, 2'
    )
    database.execute_sql('DROP TABLE "search_name_before_6"')


# Columns schema 7 adds: names in Kazakh and Russian, and the sort keys of names in each
# language (``models.words.collation``), by table.
NAME_COLUMNS = {"event": ("title_kk", "title_ru"), "program": ("name_kk", "name_ru")}
SORT_COLUMNS = ("sort_en", "sort_ru", "sort_kk")
SHORT_SORT_COLUMNS = ("short_sort_en", "short_sort_ru", "short_sort_kk")


def step_7(database: Database) -> None:
    """Names in three languages: events and programs get their Kazakh and Russian names;
    countries their names from CLDR and every name they are known by; every record the sort
    keys of its name in each language's alphabet, and its search text in Latin letters (so a
    name is found in either script); search everywhere is filled again in that form."""
    from models.store.refresh import refresh_records, refresh_trash

    # Today's models read organizations' other names, which step 9 adds: added here already.
    _add_other_names(database)
    _add_columns(database)
    refresh_records(database)
    for table in (*(model._meta.table_name for model in RECORD_KINDS.values()),):
        for column in SORT_COLUMNS:
            _add_index(database, table, column)
    for column in SHORT_SORT_COLUMNS:
        _add_index(database, "organization", column)
    refresh_trash(database)
    rebuild_search_index(database)


def _add_columns(database: Database) -> None:
    """Plain SQL, as in step 4: a default lets a NOT NULL column be added at once, where
    peewee's migrator would rebuild each table."""
    sqlite = isinstance(database, SqliteDatabase)
    blob = "BLOB NOT NULL DEFAULT x''" if sqlite else "BYTEA NOT NULL DEFAULT ''::bytea"
    text = "VARCHAR(255) NOT NULL DEFAULT ''"
    wanted: dict[str, list[tuple[str, str]]] = {
        model._meta.table_name: [(column, blob) for column in SORT_COLUMNS]
        for model in (Country, *RECORD_KINDS.values())
    }
    wanted["organization"] += [(column, blob) for column in SHORT_SORT_COLUMNS]
    for table, columns in NAME_COLUMNS.items():
        wanted[table] += [(column, text) for column in columns]
    for table, columns in wanted.items():
        present = {column.name for column in database.get_columns(table)}
        for column, kind in columns:
            if column not in present:  # a database made between versions may have it
                database.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {kind}')


def _add_index(database: Database, table: str, column: str) -> None:
    # Made once the keys are written: an index built at once is faster than one kept up to
    # date row by row.
    database.execute_sql(f'CREATE INDEX IF NOT EXISTS "{table}_{column}" ON "{table}" ("{column}")')


def step_8(database: Database) -> None:
    """Every record counts its writes (``version``), so a save made over a version someone
    else has changed since is caught instead of overwriting theirs; records kept before start
    at 1, as new ones do. A server's database announces every change of a record."""
    from models.store.notices import install_change_notices
    from models.store.records import RECORD_KINDS

    for model in RECORD_KINDS.values():
        table = model._meta.table_name
        if "version" not in {column.name for column in database.get_columns(table)}:
            # A default lets both SQLite and PostgreSQL add the column without rewriting rows.
            database.execute_sql(
                f'ALTER TABLE "{table}" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1'
            )
    # On a server, every change of a record is announced to the other desktops.
    install_change_notices(database)


def step_saved_views(database: Database) -> None:
    """Saved views: the lists users keep under a name, their own or shared."""
    database.create_tables([SavedView])


def complete_server_search(database: Database, had_documents: bool) -> None:
    """A server database made before search everywhere kept its documents there (it searched
    by LIKE alone) gets them, filled from its records, once; and every server database the
    indexes its lists sort by, holding the id, and their trigram indexes, once the extension
    is there or may be made. Not a schema step: a SQLite file has nothing of this and is
    left as it is. Under an advisory lock, so desktops opening the database at once fill it
    once."""
    if not on_server(database):
        return
    with database.atomic():
        database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (APPLICATION_ID,))
        if not had_documents or not database.table_exists("search_document"):
            create_search_tables(database)
            rebuild_search_index(database)
        prepare_indexes(database)


def step_10(database: Database) -> None:
    """Finding and merging duplicates: the pairs a user marked "not a duplicate", what undoes
    each merge, and organizations' other names (a merged twin's names are kept there)."""
    database.create_tables([NotDuplicate, Merge])
    _add_other_names(database)


def _add_other_names(database: Database) -> None:
    if "other_names" not in {column.name for column in database.get_columns("organization")}:
        # Plain SQL with a default, as in step 4: no rebuild of a table of 100,000 partners.
        database.execute_sql(
            'ALTER TABLE "organization" ADD COLUMN "other_names" TEXT NOT NULL DEFAULT \'\''
        )


# The lists most searched, and what their search reads of a record besides its search text.
# Each of their sort keys is indexed together with both: a list sorted by name and searched
# for a word then walks one index alone, instead of reading each row it passes over from the
# table (100,000 partners searched for "astana" in Kazakh order: 27 → 9 ms; for a country's
# name, 69 → 17 ms), and a word few records hold is looked for in an index, not the table.
# SQLite only: a server searches by its trigram indexes, and a B-tree there refuses a long
# text.
SEARCHED_LISTS = {"organization": "country_id", "event": "country_id"}


def add_search_text_indexes(database: Database) -> None:
    if not isinstance(database, SqliteDatabase):
        return
    for table, column in SEARCHED_LISTS.items():
        for sort in SORT_COLUMNS:
            database.execute_sql(
                f'CREATE INDEX IF NOT EXISTS "{table}_{sort}_search" '
                f'ON "{table}" ("{sort}", "search_text", "{column}")'
            )
            # The sort key's own index would be chosen instead, and is of no more use.
            database.execute_sql(f'DROP INDEX IF EXISTS "{table}_{sort}"')


def step_11(database: Database) -> None:
    """The lists most searched are searched in their sort keys' indexes (``SEARCHED_LISTS``)."""
    add_search_text_indexes(database)


# STEPS[n] upgrades a database at version n - 1 to version n.
STEPS: dict[int, Callable[[Database], None]] = {
    2: step_2,
    3: step_3,
    4: step_4,
    5: step_5,
    6: step_6,
    7: step_7,
    8: step_8,
    9: step_saved_views,
    10: step_10,
    11: step_11,
}


def newer_message(found: int) -> str:
    return _(
        "This database was made by a newer version of Seriktes (schema {found}; this version "
        "reads up to {known}). Update Seriktes to open it. The file was not changed."
    ).format(found=found, known=SCHEMA_VERSION)


def check_version(found: int) -> None:
    if found > SCHEMA_VERSION:
        raise NewerDatabase(newer_message(found))


def schema_version(name: str, stamp: object) -> int:
    """The schema version a database is stamped with; a stamp that is not a whole number
    means the database was damaged (Seriktes only ever writes numbers there)."""
    if stamp is None:
        raise DamagedDatabase(
            _(
                "{name} is damaged: its schema version is missing. Restore it from a backup, "
                "or open another database."
            ).format(name=name)
        )
    text = str(stamp).strip()
    if not (text.isascii() and text.isdigit()):
        raise DamagedDatabase(
            _(
                "{name} is damaged: its schema version “{stamp}” is not a number. Restore it "
                "from a backup, or open another database."
            ).format(name=name, stamp=stamp)
        )
    return int(text)


def stored_version() -> int:
    row = Info.get_or_none(Info.key == "schema_version")
    return schema_version(Path(str(db.obj.database)).name, row.value) if row else 0


def info_upsert(key: str, value: str) -> Insert:
    """The query that sets a fact about the database: an upsert both SQLite and PostgreSQL
    speak (peewee's ``replace`` is SQLite's own, and made new PostgreSQL databases fail)."""
    return Info.insert(key=key, value=value).on_conflict(
        conflict_target=[Info.key], update={Info.value: value}
    )


def _set_info(key: str, value: str) -> None:
    info_upsert(key, value).execute()


def _stamp(version: int) -> None:
    _set_info("schema_version", str(version))


def create_schema(database: Database) -> None:
    """Make a new, empty database at the current version."""
    from models.store.notices import install_change_notices
    from models.words.countries import fill_countries

    with database.atomic():
        database.create_tables(ALL_MODELS)
        create_search_tables(database)
        prepare_indexes(database)
        add_search_text_indexes(database)
        install_change_notices(database)
        _set_info("application", APPLICATION)
        _stamp(SCHEMA_VERSION)
        fill_countries()
    mark_application(database)


def mark_application(database: Database) -> None:
    """Write Seriktes's application id into a SQLite file's header, once."""
    if not isinstance(database, SqliteDatabase):
        return
    if database.execute_sql("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")


def upgrade(database: Database, before_first_step: Callable[[int], None]) -> list[int]:
    """Run the steps the database lacks, in order; returns the versions reached.

    ``before_first_step(version)`` is called once, before anything changes, to copy the file
    aside. A step that fails is rolled back and the database stays at the last good version.
    """
    version = stored_version()
    check_version(version)
    had_documents = database.table_exists("search_document")
    pending = list(range(version + 1, SCHEMA_VERSION + 1))
    if pending:
        before_first_step(version)
    for target in pending:
        step = STEPS.get(target)
        if step is None:
            raise MigrationFailed(
                _(
                    "Seriktes does not know how to bring schema {old} to {new}. The database "
                    "was not changed."
                ).format(old=target - 1, new=target)
            )
        try:
            with database.atomic():
                step(database)
                _stamp(target)
        except Exception as error:
            raise MigrationFailed(
                _(
                    "Updating the database to schema {new} failed ({reason}). It was left at "
                    "schema {old}; a backup made before the update is kept in the backups "
                    "folder."
                ).format(new=target, old=target - 1, reason=error)
            ) from error
    complete_server_search(database, had_documents)
    mark_application(database)
    return pending
