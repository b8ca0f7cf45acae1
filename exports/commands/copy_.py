"""``seriktes copy --from SOURCE --to TARGET``: copy a whole database into a new or empty one,
with every record, link, tag, attached file and history row, their ids kept. A department
moves from its file to its server with it (or takes a server's records home in a file)."""

from __future__ import annotations

import argparse

from models.words.translation import N_, _

HELP = N_(
    "Copy a whole database into a new or empty one: a file onto a server, or a server's "
    "database into a file."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="source",
        required=True,
        metavar="SOURCE",
        help=_("the database to copy: a file, or a postgresql:// URL (it is not changed)"),
    )
    parser.add_argument(
        "--to",
        dest="target",
        required=True,
        metavar="TARGET",
        help=_(
            "the new or empty database to copy into: a file, or a postgresql:// URL; one "
            "that holds records is refused"
        ),
    )


def run(args: argparse.Namespace) -> int:
    from exports.commands.opening import open_for_command
    from exports.commands.output import refuse
    from models.errors import SeriktesError
    from models.store.copying import copy_database
    from models.store.database import close_database, describe
    from models.store.files import sqlite_path
    from models.store.records import RECORD_KINDS
    from models.words.labels import count_text
    from models.words.numbers import format_number
    from models.words.translation import ngettext

    source_name, target_name = _shown(args.source), _shown(args.target)
    if _same(args.source, args.target):
        return refuse("copy", _("A database cannot be copied into itself. Nothing was changed."))
    target_path = sqlite_path(args.target)
    new_file = target_path is not None and not target_path.exists()

    def progress(table: str, done: int, total: int) -> None:
        print(
            ngettext(
                "{table}: {done} of {total} row",
                "{table}: {done} of {total} rows",
                total,
            ).format(table=table, done=format_number(done), total=format_number(total)),
            flush=True,
        )

    source = None
    try:
        source = open_for_command(args.source, write=False)
        target = open_for_command(args.target, write=True, create=True)
        counts = copy_database(source, target, describe(target), progress)
    except SeriktesError as error:
        close_database()
        if new_file:
            _remove_new_file(target_path)
        return refuse("copy", error)
    finally:
        if source is not None:
            source.close()
    close_database()
    records = ", ".join(
        count_text(model, counts[model._meta.table_name])
        for model in RECORD_KINDS.values()
        if counts.get(model._meta.table_name)
    )
    print(
        _("Copied {source} into {target}: {records}.").format(
            source=source_name, target=target_name, records=records or _("no records")
        )
    )
    return 0


def _shown(target: str) -> str:
    from models.store.files import shown_name
    from models.store.server import without_password

    return shown_name(without_password(target))


def _same(source: str, target: str) -> bool:
    """Whether two names give the same database (a file by any path to it)."""
    from models.store.files import sqlite_path
    from models.store.server import without_password

    first, second = sqlite_path(source), sqlite_path(target)
    if first is not None and second is not None:
        return first.resolve() == second.resolve()
    return without_password(source) == without_password(target)


def _remove_new_file(path) -> None:
    """A file made for a copy that failed goes, with SQLite's files beside it."""
    import contextlib

    for name in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(OSError):
            name.unlink()
