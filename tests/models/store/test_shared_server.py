"""A database shared on a server: editors change records, readers only read them (the server
itself refuses their writes), a schema newer than this version is opened read-only, an older
one is updated once, under the server's lock, when the user agrees; the connection check says
plainly what is wrong before anything opens."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psycopg2
import pytest
from peewee import DatabaseError

from models.errors import NotSeriktesDatabase
from models.kinds.organizations import ORGANIZATIONS
from models.store.database import close_database, open_database
from models.store.migrations import SCHEMA_VERSION, stored_version
from models.store.records import Organization
from models.store.server import (
    NoSuchDatabase,
    NotSetUp,
    OlderServerDatabase,
    PasswordNeeded,
    ServerUnreachable,
    WrongPassword,
)
from models.store.server_setup import set_up_server
from models.store.shared_opening import check_server
from tests.shared_server import admin, as_user, database_name, needs_server

pytestmark = needs_server
ROOT = Path(__file__).resolve().parents[3]


def shared(database_target: str, people, record: str = "ISTC") -> tuple[str, str]:
    """The test's database set up as an administrator does, holding one partner; the names of
    its editors' and readers' roles."""
    editors, readers = people.groups()
    set_up_server(database_target, editors=editors, readers=readers)
    ORGANIZATIONS.save({"name": record})
    close_database()
    return editors, readers


def stamp(database_target: str, version: int) -> None:
    """The database stamped with another schema version, as another version would leave it."""
    with contextlib.closing(admin(database_name(database_target))) as connection:
        connection.cursor().execute(
            "UPDATE seriktes_info SET value = %s WHERE key = 'schema_version'", (str(version),)
        )


def refuses_passwords(database_target: str, user: str) -> bool:
    """Whether the server checks passwords (a server that trusts everyone cannot say a
    password is wrong)."""
    try:
        psycopg2.connect(as_user(database_target, user), password="not the password").close()
    except psycopg2.OperationalError:
        return True
    return False


def test_a_reader_sees_every_record_and_the_server_refuses_its_writes(database_target, people):
    _editors, readers = shared(database_target, people)
    reader, password = people.login(readers)
    database = open_database(as_user(database_target, reader), password=password)
    assert database.read_only
    assert database.read_only_reason == f"{reader} may only read this shared database"
    assert [o.name for o in Organization.select()] == ["ISTC"]
    with pytest.raises(DatabaseError, match="read-only transaction|permission denied"):
        ORGANIZATIONS.save({"name": "CSIC"})
    close_database()
    open_database(database_target)
    assert [o.name for o in Organization.select()] == ["ISTC"]


def test_an_editor_changes_records_but_not_the_tables(database_target, people):
    editors, _readers = shared(database_target, people)
    editor, password = people.login(editors)
    database = open_database(as_user(database_target, editor), password=password)
    assert not database.read_only
    csic = ORGANIZATIONS.save({"name": "CSIC"})
    ORGANIZATIONS.save({"name": "CSIC (Spain)"}, csic.id)
    assert sorted(o.name for o in Organization.select()) == ["CSIC (Spain)", "ISTC"]
    with pytest.raises(DatabaseError, match="must be owner|permission denied"):
        database.execute_sql('ALTER TABLE "organization" ADD COLUMN "x" INTEGER')


def test_setting_up_again_changes_nothing_and_tables_made_later_are_shared(database_target, people):
    editors, readers = people.groups()
    first = set_up_server(database_target, editors=editors, readers=readers)
    close_database()
    grants = _grants(database_target, editors, readers)
    second = set_up_server(database_target, editors=editors, readers=readers)
    close_database()
    assert first.roles_made == [editors, readers] and second.roles_made == []
    assert second.schema == SCHEMA_VERSION and second.updated_from is None
    assert _grants(database_target, editors, readers) == grants
    assert grants[editors]["organization"] == {"SELECT", "INSERT", "UPDATE", "DELETE"}
    assert grants[readers]["organization"] == {"SELECT"}
    # A table an update of the schema makes later, as the administrator.
    with contextlib.closing(admin(database_name(database_target))) as connection:
        connection.cursor().execute("CREATE TABLE later_table (id SERIAL PRIMARY KEY, note TEXT)")
    editor, password = people.login(editors)
    with contextlib.closing(
        psycopg2.connect(as_user(database_target, editor), password=password)
    ) as connection:
        connection.cursor().execute("INSERT INTO later_table (note) VALUES ('made by an editor')")
        connection.commit()
    reader, password = people.login(readers)
    with contextlib.closing(
        psycopg2.connect(as_user(database_target, reader), password=password)
    ) as connection:
        cursor = connection.cursor()
        cursor.execute("SELECT note FROM later_table")
        assert cursor.fetchall() == [("made by an editor",)]
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            cursor.execute("INSERT INTO later_table (note) VALUES ('by a reader')")


def _grants(database_target: str, *roles: str) -> dict[str, dict[str, set[str]]]:
    with contextlib.closing(admin(database_name(database_target))) as connection:
        cursor = connection.cursor()
        cursor.execute(
            "SELECT grantee, table_name, privilege_type FROM information_schema.role_table_grants "
            "WHERE grantee = ANY(%s)",
            (list(roles),),
        )
        found: dict[str, dict[str, set[str]]] = {role: {} for role in roles}
        for grantee, table, privilege in cursor.fetchall():
            found[grantee].setdefault(table, set()).add(privilege)
    return found


def test_setup_refuses_another_programs_tables_and_a_user_who_may_not_make_roles(
    database_target, people
):
    other = people.empty_database()
    with contextlib.closing(admin(database_name(other))) as connection:
        connection.cursor().execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(NotSeriktesDatabase, match="holds another program's tables"):
        set_up_server(other)
    owner, password = people.login()
    theirs = people.empty_database(owner=owner)
    editors, readers = people.groups()
    with pytest.raises(Exception, match="is not allowed to create roles") as refused:
        set_up_server(as_user(theirs, owner), password, editors=editors, readers=readers)
    assert "Nothing was changed" in str(refused.value)
    with contextlib.closing(admin(database_name(theirs))) as connection:
        cursor = connection.cursor()
        cursor.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        assert cursor.fetchone() == (0,)


def test_two_desktops_updating_at_once_run_each_step_once(database_target, tmp_path):
    """Both wait for the same moment to open a database one schema behind; the second one
    waits for the first one's update and finds nothing left to do."""
    stamp(database_target, SCHEMA_VERSION - 1)
    with contextlib.closing(admin(database_name(database_target))) as connection:
        connection.cursor().execute("CREATE TABLE steps_run (pid INTEGER, at TIMESTAMP)")
    go = tmp_path / "go"
    script = textwrap.dedent(
        f"""
        import os, sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from models.store import migrations
        from models.store.database import open_database
        from models.store.migrations import stored_version

        step = migrations.STEPS[{SCHEMA_VERSION}]

        def slow_step(database):
            database.execute_sql(
                "INSERT INTO steps_run VALUES (%s, now())", (os.getpid(),)
            )
            time.sleep(1.5)
            step(database)

        migrations.STEPS[{SCHEMA_VERSION}] = slow_step
        while not os.path.exists({str(go)!r}):
            time.sleep(0.01)
        open_database({database_target!r}, confirm_upgrade=lambda found, current: True)
        print(stored_version())
        """
    )
    desktops = [
        subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    time.sleep(1.5)  # both are started and waiting
    go.touch()
    outputs = [desktop.communicate(timeout=120)[0].strip() for desktop in desktops]
    assert [desktop.returncode for desktop in desktops] == [0, 0]
    assert outputs == [str(SCHEMA_VERSION)] * 2
    with contextlib.closing(admin(database_name(database_target))) as connection:
        cursor = connection.cursor()
        cursor.execute("SELECT count(*) FROM steps_run")
        assert cursor.fetchone() == (1,)


def test_an_older_schema_is_updated_only_when_the_user_agrees(database_target, people):
    editors, _readers = shared(database_target, people)
    stamp(database_target, SCHEMA_VERSION - 1)
    asked = []
    with pytest.raises(OlderServerDatabase, match="was not updated"):
        open_database(database_target)
    with pytest.raises(OlderServerDatabase, match="was not updated"):
        open_database(database_target, confirm_upgrade=lambda *versions: asked.append(versions))
    assert asked == [(SCHEMA_VERSION - 1, SCHEMA_VERSION)]
    editor, password = people.login(editors)
    with pytest.raises(
        OlderServerDatabase, match="by its administrator, with: seriktes server-setup"
    ) as refused:
        open_database(
            as_user(database_target, editor), password=password, confirm_upgrade=lambda *v: True
        )
    # The administrator's command names the database, not the editor who may not run it.
    assert editor not in str(refused.value)
    assert str(refused.value).endswith(
        f"server-setup postgresql://{_where()}/{database_name(database_target)}"
    )
    open_database(database_target, confirm_upgrade=lambda *versions: True)
    assert stored_version() == SCHEMA_VERSION
    assert [o.name for o in Organization.select()] == ["ISTC"]


def test_an_older_version_opens_a_newer_shared_database_read_only(database_target, capsys):
    open_database(database_target)
    ORGANIZATIONS.save({"name": "ISTC"})
    close_database()
    stamp(database_target, SCHEMA_VERSION + 1)
    database = open_database(database_target)
    assert database.read_only
    assert f"newer version of Seriktes (schema {SCHEMA_VERSION + 1}" in database.read_only_reason
    assert "update Seriktes" in database.read_only_reason
    assert [o.name for o in Organization.select()] == ["ISTC"]
    with pytest.raises(DatabaseError, match="read-only transaction"):
        ORGANIZATIONS.save({"name": "CSIC"})
    close_database()


def test_the_connection_check_says_plainly_what_is_wrong(database_target, people):
    editors, readers = shared(database_target, people)
    editor, password = people.login(editors)
    reader, reader_password = people.login(readers)
    as_editor = as_user(database_target, editor)
    assert check_server(as_editor, password) == ""
    assert check_server(as_user(database_target, reader), reader_password) == (
        f"{database_name(database_target)} on {_where()} opens read-only: "
        f"{reader} may only read this shared database."
    )
    if refuses_passwords(database_target, editor):
        with pytest.raises(WrongPassword, match=f"did not accept the user name {editor}"):
            check_server(as_editor, "not the password")
        with pytest.raises(PasswordNeeded, match=f"asks for the password of {editor}"):
            check_server(as_editor)
    with pytest.raises(NoSuchDatabase, match="has no database named nowhere"):
        check_server(as_editor.rsplit("/", 1)[0] + "/nowhere", password)
    with pytest.raises(ServerUnreachable, match="cannot be reached"):
        check_server("postgresql://nobody@127.0.0.1:9/seriktes", "x")
    empty = people.empty_database()
    with contextlib.closing(admin(database_name(empty))) as connection:
        connection.cursor().execute(f"GRANT CONNECT ON DATABASE {database_name(empty)} TO {editor}")
    with pytest.raises(NotSetUp, match="seriktes server-setup"):
        check_server(as_user(empty, editor), password)
    with contextlib.closing(admin(database_name(empty))) as connection:
        connection.cursor().execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(NotSeriktesDatabase, match="another program's tables"):
        check_server(as_user(empty, editor), password)
    stamp(database_target, SCHEMA_VERSION + 1)
    assert "newer version of Seriktes" in check_server(as_editor, password)
    stamp(database_target, SCHEMA_VERSION - 1)
    with pytest.raises(OlderServerDatabase, match="by its administrator"):
        check_server(as_editor, password)


def _where() -> str:
    from urllib.parse import urlsplit

    from tests.conftest import SERVER

    parts = urlsplit(SERVER)
    return parts.hostname if parts.port in (None, 5432) else f"{parts.hostname}:{parts.port}"
