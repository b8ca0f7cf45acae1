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
    from models.store.records import RECORD_KINDS
    from models.words.labels import count_text

    try:
        open_for_command(args.database, write=True, create=True)
        close_database()
        counts = create_sample_database(args.database)
    except SeriktesError as error:
        return refuse("sample", error)
    made = ", ".join(
        count_text(model, counts[kind]) for kind, model in RECORD_KINDS.items() if counts.get(kind)
    )
    print(
        _("{database}: sample records created ({counts}).").format(
            database=args.database, counts=made
        )
    )
    return 0
