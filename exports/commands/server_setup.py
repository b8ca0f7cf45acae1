"""``seriktes server-setup postgresql://admin@server/seriktes``: set up a shared database on
a server, as its administrator does once and again after installing a newer Seriktes: the
schema made or brought up to date, and the group roles of its editors and its readers."""

from __future__ import annotations

import argparse

from models.words.translation import N_, _

HELP = N_(
    "Set up a shared database on a PostgreSQL server: its schema, and the roles of its "
    "editors (read and write) and readers (read only)."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from models.store.server_setup import EDITORS, READERS

    parser.add_argument(
        "url",
        metavar="URL",
        help=_(
            "the database on the server, as postgresql://admin@server/seriktes; its user may "
            "create roles, and its password comes from PGPASSWORD or ~/.pgpass"
        ),
    )
    parser.add_argument(
        "--editors",
        metavar="ROLE",
        default=EDITORS,
        help=_("the role of those who read and change records (default: {role})").format(
            role=EDITORS
        ),
    )
    parser.add_argument(
        "--readers",
        metavar="ROLE",
        default=READERS,
        help=_("the role of those who only read records (default: {role})").format(role=READERS),
    )


def run(args: argparse.Namespace) -> int:
    from exports.commands.output import refuse
    from models.errors import SeriktesError
    from models.store.database import close_database
    from models.store.server import without_password
    from models.store.server_setup import set_up_server

    try:
        done = set_up_server(args.url, editors=args.editors, readers=args.readers)
    except SeriktesError as error:
        return refuse("server-setup", error)
    finally:
        close_database()
    if done.updated_from is not None:
        print(
            _("{database} was updated from schema {old} to schema {new}.").format(
                database=done.database, old=done.updated_from, new=done.schema
            )
        )
    print(
        _("{database} is set up (schema {schema}). Desktops connect to {url}.").format(
            database=done.database, schema=done.schema, url=without_password(args.url)
        )
    )
    print(
        _("Editors read and change records; make a person one with: GRANT {role} TO name;").format(
            role=args.editors
        )
    )
    print(
        _("Readers only read records; make a person one with: GRANT {role} TO name;").format(
            role=args.readers
        )
    )
    return 0
