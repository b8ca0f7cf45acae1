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
