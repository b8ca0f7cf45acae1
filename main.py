"""Seriktes: start the window, or run a command for administrators and scheduled reports."""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from exports.commands.language import (
    add_language_argument,
    requested_language,
    translate_argparse,
)
from models.about import version_line
from models.words.translation import _, language, resolve_language, set_language

# Each command lives in a module of its own with ``HELP``, ``add_arguments(parser)`` and
# ``run(args) -> int`` (0 done, 1 refused with one plain line on stderr; argparse answers
# usage errors with 2). The modules import what is heavy (openpyxl, Qt) inside ``run``, so
# starting the window does not pay for the commands.
COMMANDS: dict[str, str] = {
    "backup": "exports.commands.backup",
    "check": "exports.commands.check",
    "copy": "exports.commands.copy_",
    "duplicates": "exports.commands.duplicates",
    "export": "exports.commands.export",
    "import": "exports.commands.import_",
    "merge": "exports.commands.merge",
    "sample": "exports.commands.sample",
    "server-setup": "exports.commands.server_setup",
}
# Pictures a command draws (``seriktes export map``) are drawn with Qt, which the core never
# imports: the window's module that draws each is named here, where the two meet, and the
# command imports it when it runs (``write_picture(path, measure)``).
PICTURES: dict[str, str] = {"map": "ui.map_drawing"}


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="seriktes",
        description=_(
            "Partnership records of an international cooperation department. "
            "Without a command, the window opens."
        ),
    )
    parser.add_argument(
        "--database",
        metavar="PATH",
        help=_(
            "database file to open or create, or a sqlite:/// or postgresql:// URL "
            "(default: the last one used, else seriktes.db in your data folder)"
        ),
    )
    add_language_argument(parser)
    add_start_options(parser)
    if COMMANDS:
        commands = parser.add_subparsers(dest="command", metavar="COMMAND")
        for name, module_name in COMMANDS.items():
            module = importlib.import_module(module_name)
            text = _(module.HELP)
            command = commands.add_parser(name, help=text, description=text)
            module.add_arguments(command)
            # After the command too ("seriktes export … --language ru"), without overriding
            # one given before it.
            add_language_argument(command, default=argparse.SUPPRESS)
            command.set_defaults(run=module.run, pictures=PICTURES, draw_graph=draw_graph)
    return parser


def draw_graph(neighbourhood: object, output: Path) -> Path:
    """Write the picture of who met whom to a PNG or SVG file. Drawing needs Qt, which only
    the window's package may import: the commands are handed this function to call."""
    from ui.graph_picture import write_graph_picture

    return write_graph_picture(neighbourhood, output)  # type: ignore[arg-type]


def add_start_options(parser: argparse.ArgumentParser) -> None:
    """What else a start of Seriktes can do instead of opening the window."""
    parser.add_argument(
        "--version", action="version", version=version_line(), help=_("print the version and exit")
    )
    instead = parser.add_mutually_exclusive_group()
    instead.add_argument(
        "--self-test",
        action="store_true",
        help=_(
            "check that Seriktes works on this computer: a new database in a temporary folder, "
            "the sample records, a search, a brief exported and imported back; one line per step"
        ),
    )
    instead.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help=_("Linux: put Seriktes in your applications menu and open its databases with it"),
    )
    instead.add_argument(
        "--uninstall-desktop-entry",
        action="store_true",
        help=_("Linux: take Seriktes out of your applications menu"),
    )


def run_start_option(args: argparse.Namespace) -> int | None:
    """The exit status of the start option given, or None when none was."""
    if args.self_test:
        from exports.self_test import main as self_test

        return self_test()
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        from exports.desktop_entry import main as desktop_entry

        return desktop_entry(args.install_desktop_entry, script=__file__)
    return None


def frozen_child(argv: list[str]) -> int:
    """A standalone Seriktes is its own Python: the spreadsheet reader's child process
    (``exports.reader_process``) starts it as ``-c CODE ROOT``, and only that code runs."""
    from exports import reader_process

    if argv[1:2] != [reader_process.CHILD_CODE]:
        return 2
    reader_process.main()
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if getattr(sys, "frozen", False) and argv[:1] == ["-c"]:
        return frozen_child(argv)
    # Chosen before the parser is built, so that its help is in that language.
    set_language(resolve_language(requested_language(argv)))
    translate_argparse()
    args = parser().parse_args(argv)
    if args.language:
        set_language(args.language)
    status = run_start_option(args)
    if status is not None:
        return status
    if getattr(args, "run", None) is not None:
        from exports.commands.opening import run_command

        return run_command(args)
    from ui.app import run

    # A desktop entry opens Seriktes with "--database=" and no file when no file was opened.
    return run(args.database or None, language())


if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        # A standalone Seriktes is started again as the duplicate finder's helper processes
        # (models/duplicates/cores.py): those run their work, never the app.
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
