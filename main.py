"""Seriktes: start the window, or run a command for administrators and scheduled reports."""

from __future__ import annotations

import argparse
import sys


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="seriktes",
        description="Partnership records of an international cooperation department.",
    )
    parser.add_argument(
        "--database",
        metavar="PATH",
        help="database file to open or create, or a sqlite:/// or postgresql:// URL "
        "(default: the last one used, else seriktes.db in your data folder)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(sys.argv[1:] if argv is None else argv)
    from ui.app import run

    return run(args.database)


if __name__ == "__main__":
    sys.exit(main())
