"""What the tests of a shared database need of the test server: people who log in with a
password (editors, readers, an administrator who may not make roles), group roles of their own
and empty databases, each made for one test and gone after it. Roles belong to the whole
server, so every name is new."""

from __future__ import annotations

import contextlib
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from models.store.database import close_database
from tests.conftest import SERVER

needs_server = pytest.mark.skipif(
    not SERVER, reason="a shared database needs a server: set SERIKTES_TEST_POSTGRESQL"
)


def admin(database: str = "postgres"):
    import psycopg2

    connection = psycopg2.connect(f"{SERVER}/{database}")
    connection.autocommit = True
    return connection


def database_name(target: str) -> str:
    return urlsplit(target).path.lstrip("/")


def as_user(target: str, user: str) -> str:
    """The URL of the same database for another user, without a password."""
    parts = urlsplit(target)
    host = parts.netloc.rpartition("@")[2]
    return parts._replace(netloc=f"{user}@{host}").geturl()


def new_name(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:10]}"


@dataclass
class People:
    """Roles made for one test, dropped after it from the server."""

    databases: list[str] = field(default_factory=list)
    made: list[str] = field(default_factory=list)

    def login(self, *groups: str, create_role: bool = False) -> tuple[str, str]:
        """A person who logs in with a password, in these group roles."""
        name, password = new_name("person"), "pw-" + uuid.uuid4().hex
        options = " CREATEROLE" if create_role else ""
        member = f" IN ROLE {', '.join(groups)}" if groups else ""
        with contextlib.closing(admin()) as connection:
            connection.cursor().execute(
                f"CREATE ROLE {name} LOGIN{options} PASSWORD %s{member}", (password,)
            )
        self.made.append(name)
        return name, password

    def groups(self) -> tuple[str, str]:
        """Names for an editors' and a readers' role that are not on the server yet."""
        editors, readers = new_name("editors"), new_name("readers")
        self.made += [editors, readers]
        return editors, readers

    def empty_database(self, owner: str = "postgres") -> str:
        """A new database with no tables at all, owned by ``owner``; its URL for postgres."""
        name = new_name("seriktes_empty")
        with contextlib.closing(admin()) as connection:
            connection.cursor().execute(f'CREATE DATABASE "{name}" OWNER "{owner}"')
        self.databases.append(name)
        return f"{SERVER}/{name}"

    def drop(self, database_target: str) -> None:
        close_database()
        with contextlib.closing(admin()) as connection:
            for name in self.databases:
                connection.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        existing = [n for n in self.made if _exists(n)]
        if existing:
            # Their rights in the test's database go first; a role with rights cannot go.
            with contextlib.closing(admin(database_name(database_target))) as connection:
                connection.cursor().execute(f"DROP OWNED BY {', '.join(existing)}")
            with contextlib.closing(admin()) as connection:
                for name in existing:
                    connection.cursor().execute(f"DROP ROLE IF EXISTS {name}")


def _exists(role: str) -> bool:
    with contextlib.closing(admin()) as connection:
        cursor = connection.cursor()
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
        return cursor.fetchone() is not None


# What makes a database the one a test expects, but for its rows: its tables, columns,
# indexes, constraints and rights, the rights given for tables made later, its facts and its
# countries. A test that changed any of these leaves a database that is not used again.
FINGERPRINT = """
SELECT md5(string_agg(part, '|' ORDER BY part)) FROM (
    SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' '
        || coalesce(column_default, '') || ' ' || is_nullable
        FROM information_schema.columns WHERE table_schema = 'public'
    UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
    UNION ALL SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
    UNION ALL SELECT 'rights ' || relname || ' ' || coalesce(relacl::text, '')
        FROM pg_class WHERE relnamespace = 'public'::regnamespace
    UNION ALL SELECT 'default rights ' || defaclacl::text FROM pg_default_acl
    UNION ALL SELECT 'database rights ' || coalesce(datacl::text, '')
        FROM pg_database WHERE datname = current_database()
    UNION ALL SELECT 'schema ' || nspname || ' ' || coalesce(nspacl::text, '')
        FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'
    UNION ALL SELECT 'extension ' || extname FROM pg_extension
    UNION ALL SELECT 'function ' || proname FROM pg_proc
        WHERE pronamespace = 'public'::regnamespace
    UNION ALL SELECT 'trigger ' || tgname FROM pg_trigger WHERE NOT tgisinternal
    UNION ALL SELECT 'settings ' || coalesce(setconfig::text, '') FROM pg_db_role_setting
        WHERE setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
    UNION ALL SELECT 'fact ' || key || '=' || value FROM seriktes_info
    UNION ALL SELECT 'countries ' || md5(string_agg(
        concat_ws(',', code, name_en, name_ru, name_kk, search_text), ';' ORDER BY code))
        FROM country
) AS parts (part)
"""
# Made once with the schema and kept as they are between tests.
KEPT_TABLES = ("country", "seriktes_info")


class ServerDatabases:
    """The databases the tests get on the server, each a new Seriktes database. The first is
    copied from a template made once with the schema (making the schema takes the server a
    second, copying it a fraction of one); a database a test gives back with its schema,
    rights, facts and countries as they were is emptied and given to the next test (emptying
    takes a hundredth of a second), any other one is dropped."""

    def __init__(self, server: str) -> None:
        import os

        from models.store.database import open_database

        self.server = server
        self.prefix = f"seriktes_test_{os.getpid()}"
        self.template = f"{self.prefix}_template"
        self.made = 0
        self.spare: str | None = None
        self.admin = admin()
        self._drop(self.template)
        self.admin.cursor().execute(f'CREATE DATABASE "{self.template}"')
        open_database(f"{server}/{self.template}")
        close_database()
        self.clean = self._fingerprint(self.template)
        assert self.clean is not None, "the template's fingerprint cannot be read"

    def take(self) -> str:
        """The URL of a new Seriktes database for one test."""
        name, self.spare = self.spare, None
        if name is None:
            self.made += 1
            name = f"{self.prefix}_{self.made}"
            self._drop(name)
            self.admin.cursor().execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        return f"{self.server}/{name}"

    def give_back(self, target: str) -> None:
        close_database()
        name = database_name(target)
        self.admin.cursor().execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (name,),
        )
        if self.spare is None and self._emptied(name):
            self.spare = name
        else:
            self._drop(name)

    def close(self) -> None:
        for name in (self.spare, self.template):
            if name is not None:
                self._drop(name)
        self.admin.close()

    def _drop(self, name: str) -> None:
        self.admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _fingerprint(self, name: str) -> str | None:
        import psycopg2

        try:
            with contextlib.closing(admin(name)) as connection:
                cursor = connection.cursor()
                cursor.execute(FINGERPRINT)
                return cursor.fetchone()[0]
        except psycopg2.Error:  # a table it needs is gone: the database is not used again
            return None

    def _emptied(self, name: str) -> bool:
        """Empty a database the test left as it found it but for its rows; False when it
        did not leave it so."""
        if self._fingerprint(name) != self.clean:
            return False
        with contextlib.closing(admin(name)) as connection:
            cursor = connection.cursor()
            cursor.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                "AND tablename <> ALL(%s)",
                (list(KEPT_TABLES),),
            )
            tables = [row[0] for row in cursor.fetchall()]
            cursor.execute("SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'")
            sequences = [row[0] for row in cursor.fetchall()]
            # Links are not checked while the rows go, so the tables go in any order.
            statements = ["BEGIN", "SET LOCAL session_replication_role = replica"]
            statements += [f'DELETE FROM "{table}"' for table in tables]
            statements += [f"SELECT setval('\"{sequence}\"', 1, false)" for sequence in sequences]
            cursor.execute("; ".join([*statements, "COMMIT"]))
        return True
