"""`seriktes check`: is this database sound? Prints "ok", or each problem found."""

from __future__ import annotations

import argparse
import sys

from models.words.translation import N_, _

HELP = N_("Check a database file: SQLite's integrity and foreign keys, and Seriktes's own rules.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database",
        required=True,
        metavar="PATH",
        help=_("the database file to check (it is not changed)"),
    )


def run(args: argparse.Namespace) -> int:
    from exports.commands.opening import database_file
    from exports.commands.output import refuse
    from models.errors import SeriktesError
    from models.store.integrity import check_database

    try:
        path = database_file(args.database)
    except SeriktesError as error:
        return refuse("check", error)
    if path is None:
        return refuse(
            "check",
            _(
                "{target} is kept by a database server, which checks its own storage; this "
                "command checks database files."
            ).format(target=args.database),
        )
    problems = check_database(path)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    print("ok")
    return 0
