"""`seriktes backup`: a consistent copy of a database, for administrators and scheduled
tasks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "Write a consistent backup copy of a database file."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database", required=True, metavar="PATH", help="the database file to back up"
    )
    parser.add_argument(
        "--output",
        required=True,
        metavar="FILE",
        help="where to write the backup (an existing file is replaced)",
    )


def run(args: argparse.Namespace) -> int:
    from models.errors import SeriktesError
    from models.store.backups import write_backup
    from models.store.database import inspect_sqlite_file, sqlite_path

    database = sqlite_path(args.database)
    try:
        if database is None:
            raise SeriktesError(
                f"{args.database} is kept by a database server, which backs it up with its own "
                "tools (pg_dump for PostgreSQL); this command copies database files."
            )
        if not database.is_file():
            raise SeriktesError(f"{database} does not exist.")
        if not inspect_sqlite_file(database):
            raise SeriktesError(f"{database} holds no Seriktes database.")
        written = write_backup(database, Path(args.output))
    except SeriktesError as error:
        print(f"seriktes backup: {error}", file=sys.stderr)
        return 1
    print(written)
    return 0
