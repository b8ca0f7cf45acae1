"""``seriktes merge KIND KEEP_ID OTHER_ID… --database DB``: records of one kind merged into the
one kept, as the window merges them: the kept record's values win and its empty fields are
filled from the others, names in every language are kept, every link moves to it, and the
others go to the trash (restoring one of them undoes the merge). Exit status 0 merged, 1
refused with one plain line on stderr, nothing changed."""

from __future__ import annotations

import argparse

from models.kinds.registry import PLURALS
from models.words.translation import N_, _

HELP = N_("Merge records of one kind into the one kept; the others go to the trash.")


def _record_number(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("“{text}” is not a record number").format(text=text)
        ) from None
    if number < 1:
        raise argparse.ArgumentTypeError(_("“{text}” is not a record number").format(text=text))
    return number


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("what", metavar="KIND", choices=list(PLURALS), help=", ".join(PLURALS))
    parser.add_argument("keep", metavar="KEEP_ID", type=_record_number, help=_("the record kept"))
    parser.add_argument(
        "others",
        metavar="OTHER_ID",
        type=_record_number,
        nargs="+",
        help=_("the records merged into it"),
    )
    parser.add_argument(
        "--database", dest="command_database", metavar="PATH", help=_("the database to change")
    )
    parser.set_defaults(merge_parser=parser)


def run(args: argparse.Namespace) -> int:
    target = args.command_database or args.database
    if not target:
        args.merge_parser.error(_("give the database with --database PATH"))
    from exports.commands.opening import open_for_command
    from exports.commands.output import refuse
    from models.errors import SeriktesError
    from models.merging import merge_records
    from models.store.database import close_database
    from models.words.translation import ngettext

    try:
        open_for_command(target, write=True)
        try:
            merged = merge_records(PLURALS[args.what], args.keep, args.others)
        finally:
            close_database()
    except SeriktesError as error:
        return refuse("merge", error)
    count = len(merged.others)
    print(
        ngettext(
            "{count} record merged into “{title}” (no. {number}); it is in the trash.",
            "{count} records merged into “{title}” (no. {number}); they are in the trash.",
            count,
        ).format(count=count, title=merged.title, number=merged.kept)
    )
    return 0
