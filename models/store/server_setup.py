"""Setting up a shared database on a server, as its administrator does once (and again after
installing a newer Seriktes): the schema made or brought up to date, and two group roles the
administrator grants to each person: editors, who read and change records, and readers, who
only read them. Running it again changes nothing that is already right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from peewee import Database

from models.errors import NotSeriktesDatabase, SeriktesError
from models.store.database import open_database
from models.store.migrations import stored_version
from models.store.server import is_server, may_change_schema, parse_url
from models.store.shared_opening import connect_server
from models.words.translation import _

# The server's own databases, which hold no department's records.
SERVER_DATABASES = ("postgres", "template0", "template1")
EDITORS = "seriktes_editors"
READERS = "seriktes_readers"
# Role names are written into SQL: plain lowercase names only, which need no quoting rules.
_ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


class SetupRefused(SeriktesError):
    """The server was not set up (or only its schema was, which is kept)."""


@dataclass
class SetupDone:
    """What setting up did."""

    database: str  # as the window names it
    schema: int  # the schema version it is at now
    updated_from: int | None = None  # the version it was updated from, if it was
    roles_made: list[str] = field(default_factory=list)


def set_up_server(
    target: str, password: str | None = None, editors: str = EDITORS, readers: str = READERS
) -> SetupDone:
    """Set up the database at a server URL (see the module): refused, before anything is
    changed, when the server cannot be reached, the user may not make the roles that are
    missing, or the database holds another program's tables. Raises ``SeriktesError``."""
    if not is_server(target):
        raise SetupRefused(
            _(
                "{target} is not a database on a server: give its postgresql:// address, "
                "like postgresql://admin@server/seriktes."
            ).format(target=target)
        )
    editors, readers = check_role_name(editors), check_role_name(readers)
    address = parse_url(target)[0]
    if address.database in SERVER_DATABASES or not address.database:
        raise SetupRefused(
            _(
                "“{database}” is the server's own database, not one for Seriktes. Create a "
                "database for it first (CREATE DATABASE seriktes;) and set that one up."
            ).format(database=address.database)
        )
    probe = connect_server(target, password)
    try:
        tables = probe.get_tables()
        if tables and "seriktes_info" not in tables:
            raise NotSeriktesDatabase(
                _("{target} holds another program's tables, not a Seriktes database.").format(
                    target=address.shown()
                )
            )
        if not may_change_schema(probe):
            user = probe.execute_sql("SELECT current_user").fetchone()[0]
            raise SetupRefused(
                _(
                    "{user} may not make or change the tables of {database}: run the setup as "
                    "the database's administrator (its owner). Nothing was changed."
                ).format(user=user, database=address.shown())
            )
        _refuse_missing_roles(probe, address.where(), [editors, readers])
    finally:
        probe.close()
    updated: list[int] = []
    database = open_database(
        target, password=password, confirm_upgrade=lambda was, _now: updated.append(was) or True
    )
    if database.read_only:
        raise SetupRefused(
            _("{database} was not set up: {why}. Nothing was changed.").format(
                database=address.shown(), why=database.read_only_reason
            )
        )
    made = grant_roles(database, address.where(), editors, readers)
    return SetupDone(
        database=address.shown(),
        schema=stored_version(),
        updated_from=updated[0] if updated else None,
        roles_made=made,
    )


def check_role_name(name: str) -> str:
    if not _ROLE_NAME.fullmatch(name):
        raise SetupRefused(
            _(
                "“{name}” cannot name a role: use lowercase Latin letters, digits and _, "
                "starting with a letter."
            ).format(name=name)
        )
    return name


def _refuse_missing_roles(database: Database, server: str, roles: list[str]) -> list[str]:
    """The roles that are missing; refused when the user may not make them."""
    if len(set(roles)) < len(roles):
        raise SetupRefused(_("The editors and the readers need roles of different names."))
    missing = [name for name in roles if not _role_exists(database, name)]
    if missing and not _may_make_roles(database):
        user = database.execute_sql("SELECT current_user").fetchone()[0]
        raise SetupRefused(
            _(
                "{user} is not allowed to create roles on {server}, so the roles {roles} were "
                "not made. Run the setup as a user who may (a superuser, or one with "
                "CREATEROLE), or have those roles made first. Nothing was changed."
            ).format(user=user, server=server, roles=", ".join(missing))
        )
    return missing


def _role_exists(database: Database, name: str) -> bool:
    return database.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()


def _may_make_roles(database: Database) -> bool:
    row = database.execute_sql(
        "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user"
    ).fetchone()
    return bool(row and row[0])


def grant_roles(
    database: Database, server: str, editors: str = EDITORS, readers: str = READERS
) -> list[str]:
    """Make the two group roles where they are missing and give them their rights on every
    table and counter of the database, and on those an update of the schema makes later.
    Returns the roles made. Raises ``SetupRefused`` when the user may not make roles."""
    missing = _refuse_missing_roles(database, server, [editors, readers])
    name = database.execute_sql("SELECT current_database()").fetchone()[0].replace('"', '""')
    schema = database.execute_sql("SELECT current_schema()").fetchone()[0].replace('"', '""')
    statements = [f'CREATE ROLE "{role}" NOLOGIN' for role in missing] + [
        f'GRANT CONNECT ON DATABASE "{name}" TO "{editors}", "{readers}"',
        f'GRANT USAGE ON SCHEMA "{schema}" TO "{editors}", "{readers}"',
        f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "{schema}" TO "{editors}"',
        f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "{schema}" TO "{editors}"',
        f'GRANT SELECT ON ALL TABLES IN SCHEMA "{schema}" TO "{readers}"',
        # Readers read only, even where a right was given to them by hand before.
        f'REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA "{schema}" '
        f'FROM "{readers}"',
        f'REVOKE USAGE, UPDATE ON ALL SEQUENCES IN SCHEMA "{schema}" FROM "{readers}"',
        # Tables and counters an update of the schema makes later, as this user.
        f'ALTER DEFAULT PRIVILEGES IN SCHEMA "{schema}" '
        f'GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "{editors}"',
        f'ALTER DEFAULT PRIVILEGES IN SCHEMA "{schema}" '
        f'GRANT USAGE, SELECT ON SEQUENCES TO "{editors}"',
        f'ALTER DEFAULT PRIVILEGES IN SCHEMA "{schema}" GRANT SELECT ON TABLES TO "{readers}"',
    ]
    with database.atomic():
        for statement in statements:
            database.execute_sql(statement)
    return missing
