"""``seriktes duplicates KIND --database DB --output FILE.xlsx``: the likely twins among the
records of one kind, each pair with its score and the reasons, written to a workbook. Pairs
a user marked "not a duplicate" are left out. Exit status 0 when the file was written (its
path is printed), 1 when refused (one plain line on stderr)."""

from __future__ import annotations

import argparse
from pathlib import Path

from models.kinds.registry import PLURALS
from models.words.translation import N_, _

HELP = N_("List the records of one kind that look like twins in an Excel workbook (.xlsx).")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("what", metavar="KIND", choices=list(PLURALS), help=", ".join(PLURALS))
    parser.add_argument(
        "--database", dest="command_database", metavar="PATH", help=_("the database to read")
    )
    parser.add_argument(
        "--output", "-o", required=True, metavar="FILE.xlsx", help=_("file to write")
    )
    parser.set_defaults(duplicates_parser=parser)


def run(args: argparse.Namespace) -> int:
    parser: argparse.ArgumentParser = args.duplicates_parser
    if Path(args.output).suffix.lower() != ".xlsx":
        parser.error(_("the output file must end in .xlsx"))
    target = args.command_database or args.database
    if not target:
        parser.error(_("give the database with --database PATH"))
    from exports.commands.opening import open_for_command
    from exports.commands.output import print_path, refuse
    from exports.duplicates import write_duplicates
    from models.duplicates.finder import find_duplicates
    from models.errors import SeriktesError
    from models.store.database import close_database

    kind = PLURALS[args.what]
    try:
        open_for_command(target, write=False)
        try:
            twins = find_duplicates(kind)
            written = write_duplicates(kind, twins, Path(args.output).expanduser().absolute())
        finally:
            close_database()
    except SeriktesError as error:
        return refuse("duplicates", error)
    print_path(written)
    return 0
