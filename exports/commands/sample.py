"""``seriktes sample --database PATH``: a database holding the sample records, to explore
Seriktes or to train someone without touching the department's own records."""

from __future__ import annotations

import argparse

from models.words.translation import N_, _

HELP = N_("Create a database holding the sample records taken from the press articles.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database",
        metavar="PATH",
        required=True,
        help=_(
            "the new database file (or an empty one, or a sqlite:/// or postgresql:// URL); "
            "a database that already holds records is refused"
        ),
    )


def run(args: argparse.Namespace) -> int:
    from exports.commands.opening import open_for_command
    from exports.commands.output import refuse
    from models.errors import SeriktesError
    from models.sample import create_sample_database
    from models.store.database import close_database
    from models.words.labels import counts_text
    from models.words.translation import _

    try:
        open_for_command(args.database, write=True, create=True)
        close_database()
        counts = create_sample_database(args.database)
    except SeriktesError as error:
        return refuse("sample", error)
    print(
        _("{database}: sample records created ({counts}).").format(
            database=args.database, counts=counts_text(counts)
        )
    )
    return 0
