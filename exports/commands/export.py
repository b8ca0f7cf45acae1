"""``seriktes export KIND``: a list or a meeting report written to an Excel workbook, for a
scheduled task or a script. Exit status 0 when the file was written (its path is printed),
1 when the request was understood but refused (one plain line on stderr), 2 for a usage
error."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from models.words.dates import not_a_date
from models.words.dates import parse_date as read_date
from models.words.translation import N_, _

HELP = N_("Export a list or a meeting report to an Excel workbook (.xlsx).")

# The lists, by the names the command line gives them, and the kind of record they show.
LISTS = {
    "organizations": "organization",
    "people": "person",
    "events": "event",
    "delegations": "delegation",
    "programs": "program",
    "agreements": "agreement",
    "figures": "figure",
}
REPORTS = ("brief", "activity", "agreements-due", "programs-report")
FILTER_OPTIONS = {"country": "--country", "kind": "--kind", "status": "--status", "tag": "--tag"}
# The options each report takes besides --database and --output.
REPORT_OPTIONS = {
    "brief": {"organization", "country"},
    "activity": {"start", "end"},
    "agreements-due": {"within"},
    "programs-report": {"search", "country", "kind", "status", "tag"},
}
# The options that take free text, which must be text the records can hold.
TEXT_OPTIONS = ("search", "country", "kind", "status", "tag", "organization")
OPTION_NAMES = {
    "search": "--search",
    "country": "--country",
    "kind": "--kind",
    "status": "--status",
    "tag": "--tag",
    "start": "--from",
    "end": "--to",
    "within": "--within",
    "organization": "--organization",
}


def parse_date(text: str) -> dt.date:
    """A date as the window takes it (31.03.2025, 2025-03-31, 31.03.25…)."""
    try:
        date = read_date(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    if date is None:
        raise argparse.ArgumentTypeError(not_a_date(text))
    return date


def parse_days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("“{text}” is not a whole number of days").format(text=text)
        ) from None
    if days < 0:
        raise argparse.ArgumentTypeError(_("the number of days must be 0 or more"))
    return days


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "what",
        metavar="KIND",
        choices=[*LISTS, *REPORTS],
        help=_("a list ({lists}) or a report ({reports})").format(
            lists=", ".join(LISTS), reports=", ".join(REPORTS)
        ),
    )
    parser.add_argument(
        "--database", dest="export_database", metavar="PATH", help=_("the database to read")
    )
    parser.add_argument(
        "--output", "-o", required=True, metavar="FILE.xlsx", help=_("the workbook to write")
    )
    parser.add_argument("--search", metavar="TEXT", help=_("only the records these words find"))
    parser.add_argument("--country", metavar="C", help=_("ISO code or name in any language"))
    parser.add_argument(
        "--kind", dest="kind", metavar="K", help=_("kind of record, e.g. university")
    )
    parser.add_argument("--status", metavar="S", help=_("status, e.g. active or in force"))
    parser.add_argument("--tag", metavar="T", help=_("only the records with this tag"))
    parser.add_argument(
        "--from",
        dest="start",
        type=parse_date,
        metavar="DATE",
        help=_("activity: the first day of the period"),
    )
    parser.add_argument(
        "--to",
        dest="end",
        type=parse_date,
        metavar="DATE",
        help=_("activity: the last day of the period (default: today)"),
    )
    parser.add_argument(
        "--within",
        type=parse_days,
        metavar="DAYS",
        help=_("agreements-due: how many days ahead (default 90)"),
    )
    parser.add_argument(
        "--organization", metavar="O", help=_("brief: the organization's name, acronym or number")
    )
    parser.set_defaults(export_parser=parser)


def _check_usage(args: argparse.Namespace) -> None:
    """Options that make no sense for the kind asked are a usage error (exit status 2)."""
    parser: argparse.ArgumentParser = args.export_parser
    given = {name for name in OPTION_NAMES if getattr(args, name) is not None}
    if args.what in LISTS:
        from models.kinds.all_kinds import LISTS_BY_KIND

        record_list = LISTS_BY_KIND[LISTS[args.what]]
        allowed = {"search"} | {f.key for f in record_list.filters if f.key in FILTER_OPTIONS}
    else:
        allowed = REPORT_OPTIONS[args.what]
    wrong = sorted(OPTION_NAMES[name] for name in given - allowed)
    if wrong:
        parser.error(
            _("{options} cannot be used with {kind}").format(
                options=", ".join(wrong), kind=args.what
            )
        )
    if args.what == "brief" and ("organization" in given) == ("country" in given):
        parser.error(_("brief needs either --organization or --country"))
    if args.what == "activity" and args.start is None:
        parser.error(_("activity needs --from DATE (and --to DATE, else up to today)"))
    if Path(args.output).suffix.lower() != ".xlsx":
        parser.error(_("the output file must end in .xlsx"))
    if not (args.export_database or args.database):
        parser.error(_("give the database with --database PATH"))


def run(args: argparse.Namespace) -> int:
    _check_usage(args)
    from exports.commands.opening import open_for_command
    from exports.commands.output import print_path, refuse, undecodable
    from models.errors import SeriktesError
    from models.store.database import close_database

    refusal = undecodable({OPTION_NAMES[name]: getattr(args, name) for name in TEXT_OPTIONS})
    if refusal:
        return refuse("export", refusal)
    target = args.export_database or args.database
    try:
        open_for_command(target, write=False)
        try:
            written = _export(args)
        finally:
            close_database()
    except SeriktesError as error:
        return refuse("export", error)
    except Exception as error:  # noqa: BLE001 - never a traceback, whatever the input
        return refuse("export", _("The export could not be made ({reason}).").format(reason=error))
    print_path(written)
    return 0


def _export(args: argparse.Namespace) -> Path:
    from exports import reports
    from exports.lists import export_list
    from models import clock
    from models.kinds.all_kinds import LISTS_BY_KIND
    from models.reports import find_organization

    output = Path(args.output).expanduser().absolute()
    if args.what in LISTS:
        record_list = LISTS_BY_KIND[LISTS[args.what]]
        request = _request(record_list, args)
        keys = [column.key for column in record_list.columns if column.shown]
        return export_list(record_list, request, keys, output).path
    if args.what == "brief":
        if args.organization is not None:
            organization = find_organization(args.organization)
            return reports.brief(output, organization_id=organization.id).path
        return reports.brief(output, country=_country(args.country)).path
    if args.what == "activity":
        end = args.end or clock.today()
        return reports.activity(output, args.start, end).path
    if args.what == "agreements-due":
        within = 90 if args.within is None else args.within
        return reports.agreements_due(output, within).path
    from models.kinds.programs import PROGRAM_LIST

    request = _request(PROGRAM_LIST, args)
    chosen = request.search.strip() or request.filters
    return reports.programs(output, request if chosen else None).path


def _country(text: str) -> str:
    from models.reports import ReportRefused
    from models.words.countries import resolve_country

    code = resolve_country(text)
    if code is None:
        raise ReportRefused(
            _(
                "No country is called “{text}”. Give its ISO code (ES) or its name in any language."
            ).format(text=text)
        )
    return code


def _request(record_list, args: argparse.Namespace):
    """The list's search and filters as the options give them, each checked: an unknown
    country, kind, status or tag is refused rather than giving an empty file."""
    from models.listing import ListRequest
    from models.reports import ReportRefused
    from models.store.records import Tag
    from models.words.text import fold

    filters: dict[str, str] = {}
    for spec in record_list.filters:
        text = getattr(args, spec.key, None) if spec.key in FILTER_OPTIONS else None
        if text is None:
            continue
        if spec.kind == "country":
            filters[spec.key] = _country(text)
        elif spec.kind == "tag":
            tag = next((t for t in Tag.select() if fold(t.name) == fold(text)), None)
            if tag is None:
                raise ReportRefused(_("No record carries the tag “{text}”.").format(text=text))
            filters[spec.key] = tag.name
        elif spec.choices is not None:
            code = spec.choices.find(text)
            if code is None:
                known = ", ".join(choice.label() for choice in spec.choices)
                raise ReportRefused(
                    _(
                        "{field}: “{value}” is not one of the choices here. Choose one of: {known}."
                    ).format(field=spec.heading, value=text, known=known)
                )
            filters[spec.key] = code
    # in the order the window first shows the list
    return ListRequest(
        search=args.search or "",
        filters=filters,
        sort=record_list.default_sort,
        descending=record_list.default_descending,
    )
