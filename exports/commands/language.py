"""The language of the command line. Every command takes ``--language``; it is read before the
parser is built, so that the help itself comes in that language. argparse's own words (usage,
options, its refusals) come from Seriktes's catalogs too."""

from __future__ import annotations

import argparse
from typing import Any

from models.words.translation import LANGUAGES, N_, _, ngettext

# argparse's words a user meets, as Python 3.11 to 3.13 write them; a word argparse changes in
# a later Python stays in English until the catalogs hold it.
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
)


def requested_language(argv: list[str]) -> str | None:
    """The language ``--language`` names on the command line, before a parser exists: the
    last one that names a language, as argparse keeps the last; None when none does (argparse
    then refuses a wrong one, in the language found here)."""
    found = None
    for index, argument in enumerate(argv):
        if argument == "--":
            break
        if argument == "--language" and index + 1 < len(argv):
            value = argv[index + 1]
        elif argument.startswith("--language="):
            value = argument.partition("=")[2]
        else:
            continue
        found = value if value in LANGUAGES else found
    return found


def add_language_argument(parser: argparse.ArgumentParser, default: Any = None) -> None:
    parser.add_argument(
        "--language",
        choices=LANGUAGES,
        default=default,
        help=_(
            "the language of the window, the messages and the workbooks: kk (Kazakh), "
            "ru (Russian) or en (English); by default the one chosen in the window, else the "
            "system's"
        ),
    )


def translate_argparse() -> None:
    """argparse translates its words with gettext's own domain, which Seriktes does not
    install; its module's ``_`` is pointed at Seriktes's catalogs instead."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
