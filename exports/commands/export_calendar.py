"""``seriktes export calendar --from DATE --to DATE --output FILE.ics``: the events,
delegations, agreement expiries and follow-up due dates of a range of days as an iCalendar
file, for Outlook, Google Calendar or Thunderbird. ``seriktes export`` reads the command line
and opens the database; this module checks what only the calendar asks and writes it."""

from __future__ import annotations

import argparse
from pathlib import Path

# The options the calendar takes besides --database and --output.
OPTIONS = {"start", "end", "country", "kind"}
SUFFIX = ".ics"
# The kinds of entry as the command line names them, singular or plural.
KIND_NAMES = {
    "event": "event",
    "events": "event",
    "delegation": "delegation",
    "delegations": "delegation",
    "expiry": "expiry",
    "expiries": "expiry",
    "follow-up": "follow_up",
    "follow-ups": "follow_up",
}


def check_usage(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    """What makes no sense for a calendar is a usage error (exit status 2)."""
    from models.words.translation import _

    if args.start is None or args.end is None:
        parser.error(_("calendar needs --from DATE and --to DATE"))
    if args.end < args.start:
        parser.error(_("--to must not come before --from"))
    if Path(args.output).suffix.lower() != SUFFIX:
        parser.error(_("the output file of a calendar must end in .ics"))


def chosen_kinds(text: str | None) -> list[str] | None:
    """The kinds of entry ``--kind`` names, None for all of them; an unknown name is
    refused with the names it could be."""
    if text is None:
        return None
    from models.reports import ReportRefused
    from models.words.translation import _

    kinds = []
    for word in (part.strip().lower() for part in text.split(",")):
        if word not in KIND_NAMES:
            raise ReportRefused(
                _(
                    "“{text}” is not a kind of calendar entry. Choose event, delegation, "
                    "expiry or follow-up."
                ).format(text=word)
            )
        kinds.append(KIND_NAMES[word])
    return kinds


def export(args: argparse.Namespace, country: str | None) -> Path:
    """Write the calendar the options ask for; ``country`` is the ISO code already checked."""
    from exports.calendar_file import write_calendar

    output = Path(args.output).expanduser().absolute()
    return write_calendar(output, args.start, args.end, chosen_kinds(args.kind), country).path
