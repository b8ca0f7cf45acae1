"""`seriktes import`: bring a spreadsheet's rows into a database from the command line."""

from __future__ import annotations

import argparse
import sys

HELP = "Import the rows of a spreadsheet (.xlsx, .xls, .ods, .csv) into a database."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from exports.import_fields import KIND_NAMES

    parser.add_argument("file", metavar="FILE", help="the spreadsheet to import")
    parser.add_argument(
        "--into",
        required=True,
        choices=sorted(KIND_NAMES),
        metavar="KIND",
        help="the kind of record its rows are: " + ", ".join(sorted(KIND_NAMES)),
    )
    parser.add_argument(
        "--database",
        required=True,
        metavar="PATH",
        help="the database file (or URL) to import into",
    )
    parser.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: the first)")
    parser.add_argument(
        "--dry-run", action="store_true", help="check every row and report, but import nothing"
    )
    parser.add_argument(
        "--on-duplicate",
        choices=("skip", "fill", "create"),
        default="skip",
        help="what to do with a row already recorded: skip it (default), fill "
        "the empty fields of the recorded one, or create a new record",
    )
    parser.add_argument(
        "--report",
        metavar="FILE.xlsx",
        help="write the rows that were not imported, with the reason, here",
    )


def run(args: argparse.Namespace) -> int:
    from exports.commands.opening import open_for_command, refused
    from exports.import_fields import KIND_NAMES
    from exports.import_report import write_import_report
    from exports.importer import apply_import, dry_run, preview_import
    from exports.spreadsheet_reader import read_workbook
    from models.errors import SeriktesError
    from models.store.database import close_database

    try:
        open_for_command(args.database, write=not args.dry_run)
    except SeriktesError as error:
        return refused("import", error)
    try:
        workbook = read_workbook(args.file)
        preview = preview_import(
            workbook, KIND_NAMES[args.into], args.sheet, on_duplicate=args.on_duplicate
        )
        result = dry_run(preview) if args.dry_run else apply_import(preview)
        if args.report:
            write_import_report(preview, result, args.report)
    except SeriktesError as error:
        print(f"seriktes import: {error} The database was not changed.", file=sys.stderr)
        return 1
    finally:
        close_database()
    prefix = "dry run, nothing imported: " if args.dry_run else ""
    print(prefix + result.summary())
    return 0
