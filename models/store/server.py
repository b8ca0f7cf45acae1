"""A database on a PostgreSQL server, shared by the desktops of a department: its address
without the password, what a failed connection means for the person who tried, what the
connected user may do there, and the lock under which one desktop updates its schema.

Everything here is the server's own business; a database file never reaches it. The SQL is
PostgreSQL's (its catalogs and functions), asked only of a server database.

What a PostgreSQL server gives Seriktes beyond the SQL both databases speak: trigram indexes
(the ``pg_trgm`` extension) on each kind's folded ``search_text``, so that a list search, a
LIKE '%word%' over every record, is answered from an index instead of reading every row; and
indexes of the columns lists sort by that hold the id after the column, as SQLite's do.

The extension is made by whoever may create in the database (``pg_trgm`` is trusted from
PostgreSQL 13): Seriktes makes it when it makes or opens a database with that right, else the
server's administrator makes it once (``CREATE EXTENSION pg_trgm``) and the indexes follow at
the next opening. Without it lists search the same records, by reading them all.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from peewee import Database, DatabaseError, ForeignKeyField, PostgresqlDatabase

from models.errors import DatabaseOpenError
from models.search import SearchName
from models.store.records import ALL_MODELS, RECORD_KINDS
from models.words.translation import _

DEFAULT_PORT = 5432
# How long a desktop waits for a server that does not answer before it says so, in seconds.
CONNECT_TIMEOUT = 10
# The key of the advisory lock held while the schema is updated ("Serk" in ASCII): every
# desktop updating the same database waits for it, and only the first one changes anything.
UPGRADE_LOCK = 0x5365726B
SCHEMES = ("postgresql", "postgres")


class ServerUnreachable(DatabaseOpenError):
    """No server answers at the address given."""


class WrongPassword(DatabaseOpenError):
    """The server refused the user name or the password (or needs a password not given)."""


class PasswordNeeded(WrongPassword):
    """The server asks for a password, and none was given."""


class NoSuchDatabase(DatabaseOpenError):
    """The server answers, but has no database of that name."""


class NotSetUp(DatabaseOpenError):
    """An empty database on a server that the connected user may not set up."""


class OlderServerDatabase(DatabaseOpenError):
    """A server database at an older schema that was not updated (not confirmed, or the
    user may not update it)."""


def is_server(target: str) -> bool:
    """Whether a database is named by a PostgreSQL URL."""
    return urlsplit(target).scheme in SCHEMES


@dataclass(frozen=True)
class ServerAddress:
    """Where a shared database is: what a desktop asks for to connect, the password aside."""

    host: str
    port: int
    database: str
    user: str

    def url(self) -> str:
        """The database's URL without a password: what the list of recent databases keeps."""
        user = quote(self.user, safe="") + "@" if self.user else ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        port = f":{self.port}" if self.port != DEFAULT_PORT else ""
        return f"postgresql://{user}{host}{port}/{quote(self.database, safe='')}"

    def shown(self) -> str:
        """The database as the window names it: "seriktes on db.example.kz"."""
        return _("{database} on {host}").format(database=self.database, host=self.where())

    def where(self) -> str:
        """The server: its name, and its port when it is not the usual one."""
        # Translators: where a server is when its address names no computer.
        host = self.host or _("this computer")
        return host if self.port == DEFAULT_PORT else f"{host}:{self.port}"


def parse_url(target: str) -> tuple[ServerAddress, str | None]:
    """The address of a server database and the password its URL holds (None when none)."""
    parts = urlsplit(target)
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError:
        port = DEFAULT_PORT
    address = ServerAddress(
        host=parts.hostname or "",
        port=port,
        database=unquote(parts.path.lstrip("/")),
        user=unquote(parts.username or ""),
    )
    password = unquote(parts.password) if parts.password is not None else None
    return address, password


def without_password(target: str) -> str:
    """A URL as it may be kept or shown: the password taken out, the rest as given."""
    parts = urlsplit(target)
    if parts.password is None:
        return target
    netloc = parts.netloc.rpartition("@")[2]
    if parts.username is not None:
        netloc = f"{parts.username}@{netloc}"
    return urlunsplit(parts._replace(netloc=netloc))


# -- what a failed connection means ----------------------------------------------------------

_UNREACHABLE = (
    "could not connect",
    "connection refused",
    "could not translate host name",
    "name or service not known",
    "timeout expired",
    "network is unreachable",
    "no route to host",
    "server closed the connection unexpectedly",
    "connection timed out",
)
_NO_PASSWORD = ("no password supplied", "password is required")
_PASSWORD = ("password authentication failed",)


def connection_error(address: ServerAddress, error: BaseException) -> DatabaseOpenError:
    """What a failed connection to a server means, in one plain sentence."""
    text = str(error).lower()
    if any(words in text for words in _NO_PASSWORD):
        return PasswordNeeded(
            _("The server {server} asks for the password of {user}.").format(
                server=address.where(), user=address.user or "—"
            )
        )
    if any(words in text for words in _PASSWORD) or ("role" in text and "does not exist" in text):
        return WrongPassword(
            _(
                "The server {server} did not accept the user name {user} with this password. "
                "Check both, or ask the database's administrator."
            ).format(server=address.where(), user=address.user or "—")
        )
    if "database" in text and "does not exist" in text:
        return NoSuchDatabase(
            _(
                "The server {server} has no database named {database}. Check its name, or "
                "ask the database's administrator."
            ).format(server=address.where(), database=address.database)
        )
    if "pg_hba.conf" in text or "permission denied" in text or "not permitted" in text:
        return WrongPassword(
            _(
                "The server {server} does not let {user} connect to {database}. Ask the "
                "database's administrator for access."
            ).format(server=address.where(), user=address.user or "—", database=address.database)
        )
    if any(words in text for words in _UNREACHABLE):
        return ServerUnreachable(
            _(
                "The server {server} cannot be reached. Check the server's name and port and "
                "the network connection, or ask whether the server is running."
            ).format(server=address.where())
        )
    reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return DatabaseOpenError(
        _("Cannot connect to {database}: {error}.").format(
            database=address.shown(), error=reason.rstrip(".")
        )
    )


# -- what the connected user may do ----------------------------------------------------------


def table_names() -> list[str]:
    """The tables of Seriktes (the search tables included)."""
    return [model._meta.table_name for model in (*ALL_MODELS, SearchName)]


def may_write(database: PostgresqlDatabase) -> bool:
    """Whether the connected user may add, change and delete rows in every table of Seriktes:
    an editor may, a reader may not."""
    cursor = database.execute_sql(
        "SELECT coalesce(bool_and(has_table_privilege(c.oid, 'INSERT') "
        "AND has_table_privilege(c.oid, 'UPDATE') AND has_table_privilege(c.oid, 'DELETE')), "
        "false) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname = ANY(%s)",
        (table_names(),),
    )
    return bool(cursor.fetchone()[0])


def may_change_schema(database: PostgresqlDatabase) -> bool:
    """Whether the connected user may make tables and change those of Seriktes: the owner of
    the tables (whoever set the database up) or a superuser may; editors and readers not."""
    cursor = database.execute_sql(
        "SELECT has_schema_privilege(current_schema(), 'CREATE') AND coalesce(("
        "SELECT bool_and(pg_has_role(c.relowner, 'USAGE')) FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname = ANY(%s)), true)",
        (table_names(),),
    )
    return bool(cursor.fetchone()[0])


def set_read_only(database: PostgresqlDatabase) -> None:
    """Make the server itself refuse every write on this connection and on any the app opens
    later (a thread's own, for an export), whatever the user may do."""
    options = database.connect_params.get("options", "")
    database.connect_params["options"] = f"{options} -c default_transaction_read_only=on".strip()
    database.execute_sql("SET SESSION default_transaction_read_only = on")


@contextmanager
def upgrade_lock(database: Database) -> Iterator[None]:
    """Hold the server's advisory lock for updating the schema (nothing on a file, which
    another window's lock keeps). A second desktop waits here until the first has finished,
    then finds the schema current and changes nothing."""
    if not isinstance(database, PostgresqlDatabase):
        yield
        return
    database.execute_sql("SELECT pg_advisory_lock(%s)", (UPGRADE_LOCK,))
    try:
        yield
    finally:
        database.execute_sql("SELECT pg_advisory_unlock(%s)", (UPGRADE_LOCK,))


TRIGRAMS = "pg_trgm"

log = logging.getLogger(__name__)


def on_server(database: Database) -> bool:
    """Whether the open database is on a PostgreSQL server (not a SQLite file)."""
    return isinstance(database, PostgresqlDatabase)


def trigram_index_name(table: str) -> str:
    return f"{table}_search_text_trigrams"


def has_trigrams(database: Database) -> bool:
    """Whether the database has the trigram extension (made by its administrator)."""
    row = database.execute_sql(
        "SELECT 1 FROM pg_extension WHERE extname = %s", (TRIGRAMS,)
    ).fetchone()
    return row is not None


def add_trigrams(database: Database) -> bool:
    """Make the trigram extension if the connected user may (from PostgreSQL 13 ``pg_trgm``
    is trusted: the right to create in the database is enough). Returns whether the database
    has it now; a refusal leaves the transaction as it was."""
    if has_trigrams(database):
        return True
    try:
        with database.atomic():  # a savepoint: the refusal must not end the caller's work
            database.execute_sql(f"CREATE EXTENSION IF NOT EXISTS {TRIGRAMS}")
    except DatabaseError as error:
        log.info("Lists search without trigram indexes: %s", str(error).strip())
        return False
    return True


def create_trigram_indexes(database: Database) -> list[str]:
    """The trigram index on every kind's ``search_text``, where the extension is there and
    the index is not yet. Returns the indexes made (none without the extension)."""
    if not on_server(database) or not has_trigrams(database):
        return []
    present = {
        row[0]
        for row in database.execute_sql(
            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
        ).fetchall()
    }
    made = []
    for model in RECORD_KINDS.values():
        table = model._meta.table_name
        name = trigram_index_name(table)
        if name in present:
            continue
        database.execute_sql(
            f'CREATE INDEX "{name}" ON "{table}" USING gin ("search_text" gin_trgm_ops)'
        )
        made.append(name)
    return made


# An index of one column, as peewee makes it: its name and the column.
_ONE_COLUMN = re.compile(
    r'CREATE INDEX ("?)(?P<name>\w+)\1 ON \S+ USING btree \(("?)(?P<column>\w+)\3\)'
)


def order_indexes_by_id(database: Database) -> list[str]:
    """SQLite keeps equal values of an index in rowid order, so a list sorted by a column
    and then by id (as every list is) reads its pages from the index alone, the last one as
    fast as the first. PostgreSQL keeps them in no order: the last page of a list sorted by
    name sorted all 100,000 rows. On a server each record table's index of one of its own
    columns (not a link to another record) is made again, under its name, on the column and
    the id. Returns the indexes made again (none once done)."""
    if not on_server(database):
        return []
    made = []
    for model in RECORD_KINDS.values():
        table = model._meta.table_name
        links = {
            field.column_name
            for field in model._meta.fields.values()
            if isinstance(field, ForeignKeyField)
        }
        for (definition,) in database.execute_sql(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() "
            "AND tablename = %s",
            (table,),
        ).fetchall():
            match = _ONE_COLUMN.fullmatch(definition)
            if match is None or match["column"] in links or match["column"] == "id":
                continue
            name, column = match["name"], match["column"]
            database.execute_sql(f'DROP INDEX "{name}"')
            database.execute_sql(f'CREATE INDEX "{name}" ON "{table}" ("{column}", "id")')
            made.append(name)
    return made


def prepare_indexes(database: Database) -> list[str]:
    """For a server database made or brought up to date by Seriktes itself: the indexes
    lists sort by, holding the id; and the trigram indexes, if the extension is there or the
    user may make it (else lists still find the same records, more slowly). Returns the
    indexes made."""
    if not on_server(database):
        return []
    made = order_indexes_by_id(database)
    if add_trigrams(database):
        made += create_trigram_indexes(database)
    return made
