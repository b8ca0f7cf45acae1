"""`seriktes check`: is this database sound? Prints "ok", or each problem found."""

from __future__ import annotations

import argparse
import sys

HELP = "Check a database file: SQLite's integrity and foreign keys, and Seriktes's own rules."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database",
        required=True,
        metavar="PATH",
        help="the database file to check (it is not changed)",
    )


def run(args: argparse.Namespace) -> int:
    from models.store.database import sqlite_path
    from models.store.integrity import check_database

    path = sqlite_path(args.database)
    if path is None:
        print(
            f"seriktes check: {args.database} is kept by a database server, which checks its "
            "own storage; this command checks database files.",
            file=sys.stderr,
        )
        return 1
    problems = check_database(path)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    print("ok")
    return 0
