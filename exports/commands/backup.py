"""`seriktes backup`: a consistent copy of a database, for administrators and scheduled
tasks."""

from __future__ import annotations

import argparse
from pathlib import Path

from models.words.translation import N_, _

HELP = N_("Write a consistent backup copy of a database file.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database", required=True, metavar="PATH", help=_("the database file to back up")
    )
    parser.add_argument(
        "--output",
        required=True,
        metavar="FILE",
        help=_("where to write the backup (an existing file is replaced)"),
    )


def run(args: argparse.Namespace) -> int:
    from exports.commands.opening import database_file
    from exports.commands.output import refuse
    from models.errors import SeriktesError
    from models.store.backups import write_backup
    from models.store.integrity import quick_check

    try:
        database = database_file(args.database)
        if database is None:
            raise SeriktesError(
                _(
                    "{target} is kept by a database server, which backs it up with its own "
                    "tools (pg_dump for PostgreSQL); this command copies database files."
                ).format(target=args.database)
            )
        if not quick_check(database):
            raise SeriktesError(_("{path} holds no Seriktes database.").format(path=args.database))
        written = write_backup(database, Path(args.output))
    except SeriktesError as error:
        return refuse("backup", error)
    print(written)
    return 0
