"""Opening a database on a server, shared by the desktops of a department: connected with a
password kept apart from its URL, made when it is new and its user may make it, updated once
under the server's lock when the user agrees, and opened read-only when its user may only
read it or a newer version of Seriktes made it. ``check_server`` says beforehand, without
changing anything, what opening it would meet: what the connection dialog tells its user.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from peewee import Database, DatabaseError, ImproperlyConfigured
from playhouse.db_url import connect as connect_url

from models.errors import DatabaseOpenError, NotSeriktesDatabase
from models.store.base import db
from models.store.files import opening_error
from models.store.migrations import (
    SCHEMA_VERSION,
    complete_server_search,
    create_schema,
    schema_version,
    stored_version,
    upgrade,
)
from models.store.server import (
    CONNECT_TIMEOUT,
    NotSetUp,
    OlderServerDatabase,
    ServerAddress,
    connection_error,
    may_change_schema,
    may_write,
    parse_url,
    set_read_only,
    upgrade_lock,
    without_password,
)
from models.words.translation import _

# Asked before the schema of a shared database is updated, with the version it is at and the
# version it would reach; True lets the update run.
ConfirmUpgrade = Callable[[int, int], bool]


def connect_server(target: str, password: str | None = None) -> Database:
    """A connection to a server database, the models not bound to it: refused in a plain
    sentence when the server cannot be reached or does not let the user in. A password given
    apart from the URL (from the keyring, or typed) is never put in it; without one, the URL's
    is used, else the server's own ways (``PGPASSWORD``, ``~/.pgpass``)."""
    address = parse_url(target)[0]
    options: dict[str, object] = {"unquote_user": True, "unquote_password": True}
    if password is not None:
        options["password"] = password
    if "connect_timeout" not in target:
        options["connect_timeout"] = CONNECT_TIMEOUT
    try:
        database = connect_url(target, **options)
    except (ImproperlyConfigured, RuntimeError, ValueError) as error:
        raise DatabaseOpenError(
            _("Cannot open {name}: {error}.").format(name=without_password(target), error=error)
        ) from error
    try:
        database.connect(reuse_if_open=True)
    except (DatabaseError, ImproperlyConfigured) as error:
        raise connection_error(address, error) from error
    return database


def open_server(
    target: str,
    password: str | None = None,
    confirm_upgrade: ConfirmUpgrade | None = None,
    read_only: bool = False,
) -> Database:
    """Open a shared database and bind the models to it (see ``open_database``)."""
    address = parse_url(target)[0]
    database = connect_server(target, password)
    try:
        db.initialize(database)
        why = _prepare(database, address, confirm_upgrade)
        if read_only and not why:
            why = _("it was opened for reading only")
        if why:
            set_read_only(database)
    except DatabaseOpenError:
        database.close()
        raise
    except (DatabaseError, ImproperlyConfigured) as error:
        database.close()
        raise opening_error(address.shown(), error) from error
    database.read_only = bool(why)
    database.read_only_reason = why
    return database


def check_server(target: str, password: str | None = None) -> str:
    """Connect to a shared database without changing anything and say what opening it would
    meet: a refusal is raised (server not reachable, wrong password, not a Seriktes database,
    not set up, an older schema its user may not update); a database that would open
    read-only returns the sentence that says why; one that opens as usual, ""."""
    address = parse_url(target)[0]
    database = connect_server(target, password)
    try:
        if not database.table_exists("seriktes_info"):
            _refuse_new(database, address)
            return ""
        row = database.execute_sql(
            "SELECT value FROM seriktes_info WHERE key = 'schema_version'"
        ).fetchone()
        found = schema_version(address.shown(), row[0] if row else None)
        if found > SCHEMA_VERSION:
            why = _newer(found)
        elif found < SCHEMA_VERSION and not may_change_schema(database):
            raise _for_administrator(address, found)
        else:
            why = "" if may_write(database) else _reader(database)
    except DatabaseOpenError:
        raise
    except (DatabaseError, ImproperlyConfigured) as error:
        raise opening_error(address.shown(), error) from error
    finally:
        database.close()
    if not why:
        return ""
    return _("{database} opens read-only: {why}.").format(database=address.shown(), why=why)


def _prepare(database: Database, address: ServerAddress, confirm: ConfirmUpgrade | None) -> str:
    """Make, or bring up to date, the schema of a server database the user may change, and
    return why it can only be read ("" when it can be written)."""
    if not database.table_exists("seriktes_info"):
        _refuse_new(database, address)
        with upgrade_lock(database):  # two desktops opening a new database make it once
            if not database.table_exists("seriktes_info"):
                create_schema(database)
    found = stored_version()
    if found > SCHEMA_VERSION:
        return _newer(found)
    if found < SCHEMA_VERSION:
        _upgrade(database, address, found, confirm)
    elif may_change_schema(database):
        # What a server database holds beyond its schema (search everywhere's documents, the
        # indexes lists search and sort by) is made once by whoever may, as an update would.
        complete_server_search(database, database.table_exists("search_document"))
    return "" if may_write(database) else _reader(database)


def _refuse_new(database: Database, address: ServerAddress) -> None:
    """Refuse a database with no Seriktes schema that holds another program's tables, or that
    the user may not set up."""
    if database.get_tables():
        raise NotSeriktesDatabase(
            _("{target} holds another program's tables, not a Seriktes database.").format(
                target=address.shown()
            )
        )
    if not may_change_schema(database):
        raise NotSetUp(
            _(
                "{database} holds no Seriktes records yet, and {user} may not set it up. Its "
                "administrator sets it up with: seriktes server-setup {url}"
            ).format(database=address.shown(), user=address.user or "—", url=_for_setup(address))
        )


def _upgrade(
    database: Database, address: ServerAddress, found: int, confirm: ConfirmUpgrade | None
) -> None:
    """Update the schema of a shared database, once, under the server's lock: a desktop that
    waited for another one's update finds nothing left to do."""
    if not may_change_schema(database):
        raise _for_administrator(address, found)
    if confirm is None or not confirm(found, SCHEMA_VERSION):
        raise OlderServerDatabase(
            _(
                "{database} was made by an older version of Seriktes (schema {found}) and was "
                "not updated to schema {current}, so this version cannot open it. Nothing was "
                "changed."
            ).format(database=address.shown(), found=found, current=SCHEMA_VERSION)
        )
    with upgrade_lock(database):
        upgrade(database, lambda _version: None)


def _for_administrator(address: ServerAddress, found: int) -> OlderServerDatabase:
    return OlderServerDatabase(
        _(
            "{database} was made by an older version of Seriktes (schema {found}) and must be "
            "updated to schema {current} by its administrator, with: seriktes server-setup "
            "{url}"
        ).format(
            database=address.shown(), found=found, current=SCHEMA_VERSION, url=_for_setup(address)
        )
    )


def _for_setup(address: ServerAddress) -> str:
    """The database's URL for its administrator's command: without the user name of the
    desktop that was refused, who may not set it up (the administrator's own goes there)."""
    return replace(address, user="").url()


def _newer(found: int) -> str:
    return _(
        "it was made by a newer version of Seriktes (schema {found}; this version knows "
        "schemas up to {known}), which this version must not change: update Seriktes"
    ).format(found=found, known=SCHEMA_VERSION)


def _reader(database: Database) -> str:
    user = database.execute_sql("SELECT current_user").fetchone()[0]
    return _("{user} may only read this shared database").format(user=user)
