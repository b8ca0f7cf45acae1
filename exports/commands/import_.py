"""`seriktes import`: bring a spreadsheet's rows into a database from the command line."""

from __future__ import annotations

import argparse
import contextlib
import os
from pathlib import Path

from exports.commands.output import refuse, undecodable
from models.words.text import displayable
from models.words.translation import N_, _

HELP = N_("Import the rows of a spreadsheet (.xlsx, .xls, .ods, .csv) into a database.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from exports.import_fields import KIND_NAMES

    parser.add_argument("file", metavar="FILE", help=_("the spreadsheet to import"))
    parser.add_argument(
        "--into",
        required=True,
        choices=sorted(KIND_NAMES),
        metavar="KIND",
        help=_("the kind of record its rows are: {kinds}").format(
            kinds=", ".join(sorted(KIND_NAMES))
        ),
    )
    parser.add_argument(
        "--database",
        required=True,
        metavar="PATH",
        help=_("the database file (or URL) to import into"),
    )
    parser.add_argument("--sheet", metavar="NAME", help=_("the sheet to read (default: the first)"))
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help=_("check every row and report, but import nothing"),
    )
    parser.add_argument(
        "--on-duplicate",
        choices=("skip", "fill", "create"),
        default="skip",
        help=_(
            "what to do with a row already recorded: skip it (default), fill the empty fields "
            "of the recorded one, or create a new record"
        ),
    )
    parser.add_argument(
        "--report",
        metavar="FILE.xlsx",
        help=_("write the rows that were not imported, with the reason, here"),
    )


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except Exception as error:  # noqa: BLE001 - never a traceback, whatever the input
        # Everything written is written in one transaction, rolled back by the error.
        return refuse(
            "import",
            _("{file} could not be imported ({reason}). The database was not changed.").format(
                file=displayable(Path(args.file).name), reason=error
            ),
        )


def _run(args: argparse.Namespace) -> int:
    from exports.commands.opening import open_for_command
    from exports.import_fields import KIND_NAMES
    from exports.importer import preview_import
    from exports.spreadsheet_reader import read_workbook
    from models.errors import SeriktesError
    from models.store.database import close_database

    refusal = undecodable({"--sheet": args.sheet}) or _report_refusal(args)
    if refusal:
        return refuse("import", refusal)
    try:
        open_for_command(args.database, write=not args.dry_run)
    except SeriktesError as error:
        return refuse("import", error)
    try:
        workbook = read_workbook(args.file)
        preview = preview_import(
            workbook, KIND_NAMES[args.into], args.sheet, on_duplicate=args.on_duplicate
        )
        result = _import(preview, args)
    except SeriktesError as error:
        return refuse("import", _("{reason} The database was not changed.").format(reason=error))
    finally:
        close_database()
    said = (
        _("dry run, nothing imported: {summary}").format(summary=result.summary())
        if args.dry_run
        else result.summary()
    )
    with contextlib.suppress(OSError, ValueError):  # the import is done, said or not
        print(said)
    return 0


def _import(preview, args: argparse.Namespace):
    """Import (or only check) the rows, with the report of the rows not taken written before
    anything is committed: when the report cannot be written, nothing is imported."""
    from exports.import_report import write_import_report
    from exports.importer import apply_import, dry_run
    from models.errors import SeriktesError
    from models.store.base import db

    report = Path(args.report) if args.report else None
    written = False
    try:
        with db.atomic():
            result = dry_run(preview) if args.dry_run else apply_import(preview)
            if report is not None:
                try:
                    write_import_report(preview, result, report)
                except Exception as error:  # noqa: BLE001 - rolled back, and said
                    raise SeriktesError(
                        _("The report could not be written: {reason}").format(reason=error)
                    ) from error
                written = True
    except BaseException:
        if written:  # the rows were not committed after all: the report would say they were
            report.unlink(missing_ok=True)
        raise
    return result


def _report_refusal(args: argparse.Namespace) -> str | None:
    """The report may not be written over the spreadsheet being imported or the database
    (nor the database's journal)."""
    from models.store.database import sqlite_path

    if not args.report:
        return None
    report = Path(args.report)
    name = displayable(str(report))
    if _same_file(report, Path(args.file)):
        return _(
            "The report cannot be written over {file}: it is the spreadsheet being imported. "
            "Give the report another name."
        ).format(file=name)
    database = sqlite_path(args.database)
    if database is not None and any(
        _same_file(report, Path(f"{database}{suffix}"))
        for suffix in ("", "-wal", "-shm", "-journal")
    ):
        return _(
            "The report cannot be written over {file}: it is the database. Give the report "
            "another name."
        ).format(file=name)
    return None


def _same_file(one: Path, other: Path) -> bool:
    try:
        if one.exists() and other.exists():
            return os.path.samefile(one, other)
        return one.resolve() == other.resolve()
    except (OSError, ValueError):
        return False
