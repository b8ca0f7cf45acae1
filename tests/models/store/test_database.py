"""Opening, creating and refusing database files, and schema versions."""

from __future__ import annotations

import sqlite3

import pytest
from peewee import CharField
from playhouse.migrate import SqliteMigrator, migrate

from models.errors import (
    DamagedDatabase,
    DatabaseOpenError,
    MigrationFailed,
    NewerDatabase,
    NotSeriktesDatabase,
)
from models.store import migrations
from models.store.backups import backups_of
from models.store.base import db
from models.store.database import close_database, open_database
from models.store.records import Country, Organization


def stamped_version(path) -> int:
    with sqlite3.connect(path) as connection:
        return int(
            connection.execute(
                "SELECT value FROM seriktes_info WHERE key = 'schema_version'"
            ).fetchone()[0]
        )


def test_new_database_is_created_stamped_and_holds_the_countries(db_path):
    open_database(db_path)
    try:
        assert db_path.exists()
        assert Country.get_by_id("ES").name_ru == "Испания"
        assert Country.get_by_id("KZ").name_kk == "Қазақстан"
        assert Country.select().count() > 240
    finally:
        close_database()
    assert stamped_version(db_path) == migrations.SCHEMA_VERSION


@pytest.mark.sqlite_only
def test_sqlite_is_opened_safely(database):
    pragma = lambda name: database.execute_sql(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("foreign_keys") == 1
    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2  # FULL
    assert pragma("busy_timeout") >= 1000


def test_a_sqlite_url_is_accepted(tmp_path):
    path = tmp_path / "by-url.db"
    open_database(f"sqlite:///{path}")
    try:
        assert Country.get_by_id("ES").name_en == "Spain"
    finally:
        close_database()
    assert stamped_version(path) == migrations.SCHEMA_VERSION


def test_a_file_that_is_not_a_database_is_refused_and_left_as_it_was(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("Meeting notes, not a database\n" * 50)
    before = path.read_bytes()
    with pytest.raises(NotSeriktesDatabase, match="not a Seriktes database"):
        open_database(path)
    assert path.read_bytes() == before


def test_another_programs_database_is_refused_and_left_as_it_was(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    before = path.read_bytes()
    with pytest.raises(NotSeriktesDatabase, match="another program"):
        open_database(path)
    assert path.read_bytes() == before


def test_a_database_from_a_newer_version_is_refused_and_left_as_it_was(db_path):
    open_database(db_path)
    close_database()
    with sqlite3.connect(db_path) as connection:
        connection.execute(
            "UPDATE seriktes_info SET value = ? WHERE key = 'schema_version'",
            (str(migrations.SCHEMA_VERSION + 1),),
        )
    before = db_path.read_bytes()
    with pytest.raises(NewerDatabase, match="newer version of Seriktes"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def make_current_database(path):
    open_database(path)
    Organization.create(name="Nazarbayev University", name_key="nazarbayevuniversity")
    close_database()


def test_an_older_database_is_copied_aside_then_migrated(db_path, monkeypatch):
    make_current_database(db_path)
    old_version = migrations.SCHEMA_VERSION
    monkeypatch.setattr(migrations, "STEPS", dict(migrations.STEPS))
    target = old_version + 1

    def add_region(database):
        migrate(
            SqliteMigrator(database).add_column("organization", "region", CharField(default=""))
        )

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", target)
    migrations.STEPS[target] = add_region

    open_database(db_path)
    close_database()

    assert stamped_version(db_path) == target
    with sqlite3.connect(db_path) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(organization)")]
        assert "region" in columns
        assert connection.execute("SELECT name FROM organization").fetchone() == (
            "Nazarbayev University",
        )
    [copy] = backups_of(db_path)
    assert copy.reason == f"before update from schema {old_version}"
    assert stamped_version(copy.path) == old_version


def test_a_failing_step_leaves_the_database_at_its_version(db_path, monkeypatch):
    make_current_database(db_path)
    old_version = migrations.SCHEMA_VERSION
    target = old_version + 1

    def half_done(database):
        migrate(
            SqliteMigrator(database).add_column("organization", "region", CharField(default=""))
        )
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(migrations, "STEPS", {target: half_done})
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", target)
    with pytest.raises(MigrationFailed, match="left at schema"):
        open_database(db_path)
    close_database()
    assert stamped_version(db_path) == old_version
    with sqlite3.connect(db_path) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(organization)")]
    assert "region" not in columns


def test_a_missing_file_is_not_recreated_unless_asked(tmp_path):
    path = tmp_path / "moved-away.db"
    with pytest.raises(DatabaseOpenError, match="no longer exists"):
        open_database(path, create=False)
    assert not path.exists()


def test_a_server_that_cannot_be_reached_is_a_plain_message(tmp_path):
    with pytest.raises(DatabaseOpenError, match=r"The server 127\.0\.0\.1:9 cannot be reached"):
        open_database("postgresql://nobody@127.0.0.1:9/seriktes")


def test_a_damaged_database_is_refused_and_left_as_it_was(db_path):
    open_database(db_path)
    close_database()
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\x00" * 3996
    db_path.write_bytes(bytes(data))
    before = db_path.read_bytes()
    with pytest.raises(DamagedDatabase, match="damaged"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_a_full_disk_is_a_plain_message(db_path, monkeypatch):
    open_database(db_path)
    close_database()
    before = db_path.read_bytes()

    def full(*_args, **_kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("models.store.migrations.upgrade", full)
    monkeypatch.setattr("models.store.database.upgrade", full)
    with pytest.raises(DatabaseOpenError, match="the disk is full"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_schema_4_keeps_acronyms_and_websites_for_finding_twins(db_path):
    from models.kinds.organizations import ORGANIZATIONS
    from models.store.records import Organization

    open_database(db_path)
    ORGANIZATIONS.save(
        {
            "name": "Spanish National Research Council",
            "short_name": "C.S.I.C.",
            "website": "https://www.csic.es/en",
        }
    )
    close_database()
    with sqlite3.connect(db_path) as connection:
        for column in ("short_key", "website_key"):
            connection.execute(f"DROP INDEX organization_{column}")
            connection.execute(f"ALTER TABLE organization DROP COLUMN {column}")
        connection.execute("UPDATE seriktes_info SET value = '3' WHERE key = 'schema_version'")
    open_database(db_path)
    try:
        csic = Organization.get()
        assert (csic.short_key, csic.website_key) == ("csic", "csic.es")
    finally:
        close_database()
    assert stamped_version(db_path) == migrations.SCHEMA_VERSION


def test_schema_6_drops_the_indexes_of_names_as_written(db_path):
    """Names are found and sorted by their keys; a database from before keeps its records and
    loses only the indexes nothing reads."""
    from models.kinds.organizations import ORGANIZATIONS

    open_database(db_path)
    ORGANIZATIONS.save({"name": "Spanish National Research Council", "short_name": "CSIC"})
    close_database()
    with sqlite3.connect(db_path) as connection:
        for table, column in (
            ("organization", "name"),
            ("organization", "short_name"),
            ("person", "full_name"),
        ):
            connection.execute(f'CREATE INDEX "{table}_{column}" ON "{table}" ("{column}")')
        connection.execute("UPDATE seriktes_info SET value = '5' WHERE key = 'schema_version'")
    open_database(db_path)
    try:
        assert Organization.get().short_name == "CSIC"
    finally:
        close_database()
    with sqlite3.connect(db_path) as connection:
        indexes = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        }
    assert not indexes & {"organization_name", "organization_short_name", "person_full_name"}
    assert {"organization_name_key", "organization_short_key", "person_name_key"} <= indexes
    assert stamped_version(db_path) == migrations.SCHEMA_VERSION


SORTS = ("sort_en", "sort_ru", "sort_kk")


def test_schema_11_indexes_the_search_text_of_the_largest_lists_with_their_sort_keys(db_path):
    """A list sorted by name and searched reads one index, not the table; a database from
    before gets the indexes, and its searches find what they found."""
    from models.kinds.organizations import ORGANIZATION_LIST, ORGANIZATIONS
    from models.listing import ListRequest

    open_database(db_path)
    ORGANIZATIONS.save({"name": "Institute of Plant Genetics", "country": "KZ"})
    ORGANIZATIONS.save({"name": "Nazarbayev University", "country": "KZ"})
    close_database()

    def search_indexes() -> set[str]:
        with sqlite3.connect(db_path) as connection:
            return {
                row[0]
                for row in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'index' "
                    "AND name LIKE '%_sort_%' AND name NOT LIKE '%short%'"
                )
            }

    made = {f"{table}_{sort}_search" for table in ("organization", "event") for sort in SORTS}
    before = {f"{table}_{sort}" for table in ("organization", "event") for sort in SORTS}
    assert made <= search_indexes() and not before & search_indexes()
    with sqlite3.connect(db_path) as connection:
        for index in made:
            connection.execute(f'DROP INDEX "{index}"')
        for index in before:
            table, _, sort = index.partition("_")
            connection.execute(f'CREATE INDEX "{index}" ON "{table}" ("{sort}")')
        connection.execute("UPDATE seriktes_info SET value = '10' WHERE key = 'schema_version'")
    assert not made & search_indexes()
    open_database(db_path)
    try:
        rows, total = ORGANIZATION_LIST.first_page(ListRequest(search="genet"), 200)
        assert [row[1] for row in rows] == ["Institute of Plant Genetics"] and total == 1
        sql, params = ORGANIZATION_LIST.page_query(ListRequest(search="genet"), 0, 200).sql()
        plan = " ".join(str(row) for row in db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params))
        assert "COVERING INDEX organization_sort_en_search" in plan
    finally:
        close_database()
    assert made <= search_indexes() and not before & search_indexes()
    assert stamped_version(db_path) == migrations.SCHEMA_VERSION


def test_the_schema_stamp_is_sql_postgresql_accepts():
    """A new PostgreSQL database is stamped with the same query as a SQLite one; SQLite's own
    REPLACE cannot even be written for PostgreSQL."""
    from peewee import PostgresqlDatabase

    from models.store.records import Info

    server = PostgresqlDatabase("seriktes")  # never connected: only the SQL is made
    with Info.bind_ctx(server):
        sql, params = migrations.info_upsert("schema_version", "6").sql()
    assert "ON CONFLICT" in sql and "DO UPDATE" in sql
    assert params[:2] == ["schema_version", "6"]


def test_a_server_database_is_named_by_its_name_and_server():
    from peewee import PostgresqlDatabase

    from models.store.database import describe

    assert describe(PostgresqlDatabase("seriktes", host="db.example.org")) == (
        "seriktes on db.example.org"
    )
    assert describe(PostgresqlDatabase("seriktes")) == "seriktes on this computer"
