"""``seriktes export KIND``: a list or a meeting report written to an Excel workbook, for a
scheduled task or a script. Exit status 0 when the file was written (its path is printed),
1 when the request was understood but refused (one plain line on stderr), 2 for a usage
error."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from exports.commands import export_calendar
from models.kinds.registry import PLURALS
from models.words.dates import not_a_date
from models.words.dates import parse_date as read_date
from models.words.translation import N_, _
from models.world_map import MEASURES as MAP_MEASURES

HELP = N_(
    "Export a list or a meeting report to an Excel workbook (.xlsx), the calendar to an "
    "iCalendar file (.ics), or the map of partners or the picture of who met whom to a PNG or "
    "SVG file."
)

# The lists, by the names the command line gives them, and the kind of record they show.
LISTS = {plural: kind for plural, kind in PLURALS.items() if kind != "source"}
REPORTS = ("brief", "activity", "agreements-due", "programs-report")
# Pictures, drawn by the window's code: the program's entry point names the module that draws
# each (``PICTURES`` in main.py), or gives the function that draws it (``draw_graph``), so this
# module never imports Qt.
PICTURES = {"map": (".png", ".svg")}
GRAPH = "graph"  # the picture of who met whom around a person or an organization
PICTURE_SUFFIXES = (".png", ".svg")
CALENDAR = "calendar"
FILTER_OPTIONS = {"country": "--country", "kind": "--kind", "status": "--status", "tag": "--tag"}
# The options each report takes besides --database and --output.
REPORT_OPTIONS = {
    "brief": {"organization", "country"},
    "activity": {"start", "end"},
    "agreements-due": {"within"},
    "programs-report": {"search", "country", "kind", "status", "tag"},
    "map": {"measure"},
    GRAPH: {"person", "organization", "start", "end", "steps"},
    CALENDAR: export_calendar.OPTIONS,
}
# The options that take free text, which must be text the records can hold.
TEXT_OPTIONS = ("search", "country", "kind", "status", "tag", "organization", "view", "person")
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
    "measure": "--measure",
    "view": "--view",
    "person": "--person",
    "steps": "--steps",
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
        choices=[*LISTS, *REPORTS, CALENDAR, *PICTURES, GRAPH],
        help=_(
            "a list ({lists}), a report ({reports}), the calendar (.ics) or a picture ({pictures})"
        ).format(
            lists=", ".join(LISTS),
            reports=", ".join(REPORTS),
            pictures=", ".join([*PICTURES, GRAPH]),
        ),
    )
    parser.add_argument(
        "--database", dest="export_database", metavar="PATH", help=_("the database to read")
    )
    parser.add_argument(
        "--output",
        "-o",
        required=True,
        metavar="FILE",
        help=_(
            "the file to write: a workbook (.xlsx), .ics for the calendar, or for map and graph "
            "a picture (.png, .svg)"
        ),
    )
    parser.add_argument("--search", metavar="TEXT", help=_("only the records these words find"))
    parser.add_argument("--country", metavar="C", help=_("ISO code or name in any language"))
    parser.add_argument(
        "--kind",
        dest="kind",
        metavar="K",
        help=_(
            "kind of record, e.g. university; for the calendar: event, delegation, expiry or "
            "follow-up, several separated by commas"
        ),
    )
    parser.add_argument("--status", metavar="S", help=_("status, e.g. active or in force"))
    parser.add_argument("--tag", metavar="T", help=_("only the records with this tag"))
    parser.add_argument(
        "--from",
        dest="start",
        type=parse_date,
        metavar="DATE",
        help=_("activity, calendar, graph: the first day of the period"),
    )
    parser.add_argument(
        "--to",
        dest="end",
        type=parse_date,
        metavar="DATE",
        help=_(
            "activity: the last day of the period (default: today); calendar, graph: its last day"
        ),
    )
    parser.add_argument(
        "--within",
        type=parse_days,
        metavar="DAYS",
        help=_("agreements-due: how many days ahead (default 90)"),
    )
    parser.add_argument(
        "--organization",
        metavar="O",
        help=_("brief, graph: the organization's name, acronym or number"),
    )
    parser.add_argument(
        "--person", metavar="NAME", help=_("graph: the person's full name or number")
    )
    parser.add_argument(
        "--steps",
        type=int,
        choices=(1, 2),
        help=_("graph: whom they met (1, the default), or whom those met too (2)"),
    )
    parser.add_argument(
        "--measure",
        choices=list(MAP_MEASURES),
        help=_("map: what shades each country (default: partners)"),
    )
    parser.add_argument(
        "--view",
        metavar="NAME",
        help=_("a list as a saved view shows it: its search, filters, sort and columns"),
    )
    parser.set_defaults(export_parser=parser)


def _check_usage(args: argparse.Namespace) -> None:
    """Options that make no sense for the kind asked are a usage error (exit status 2)."""
    parser: argparse.ArgumentParser = args.export_parser
    given = {name for name in OPTION_NAMES if getattr(args, name) is not None}
    if args.what in LISTS:
        from models.kinds.all_kinds import LISTS_BY_KIND

        record_list = LISTS_BY_KIND[LISTS[args.what]]
        allowed = {"search", "view"} | {
            f.key for f in record_list.filters if f.key in FILTER_OPTIONS
        }
        if "view" in given and len(given) > 1:
            others = sorted(OPTION_NAMES[name] for name in given - {"view"})
            parser.error(f"{', '.join(others)} cannot be used with --view: the view has its own")
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
    if args.what == CALENDAR:
        export_calendar.check_usage(args, parser)
    else:
        if args.what == GRAPH and ("organization" in given) == ("person" in given):
            parser.error(_("graph needs either --person or --organization"))
        suffixes = PICTURE_SUFFIXES if args.what in PICTURES or args.what == GRAPH else (".xlsx",)
        if Path(args.output).suffix.lower() not in suffixes:
            if len(suffixes) == 1:
                parser.error(_("the output file must end in .xlsx"))
            parser.error(_("the output file must end in .png or .svg"))
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
    if args.what == CALENDAR:
        return export_calendar.export(args, _country(args.country) if args.country else None)
    if args.what in PICTURES:
        return _picture(args, output)
    if args.what == GRAPH:
        return _graph(args, output)
    if args.what in LISTS:
        record_list = LISTS_BY_KIND[LISTS[args.what]]
        if args.view is not None:
            from models.views import find_view

            view = find_view(record_list.kind, args.view)
            return export_list(record_list, view.request, list(view.columns), output).path
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


def _graph(args: argparse.Namespace, output: Path) -> Path:
    """Who met whom around the person or organization named, drawn by the function the
    command was handed (``args.draw_graph``: drawing needs Qt, which only the window's
    package may import)."""
    from models.relationships import Period, find_person, neighbourhood
    from models.reports import find_organization

    if args.person is not None:
        kind, record = "person", find_person(args.person)
    else:
        kind, record = "organization", find_organization(args.organization)
    from exports.workbook import write_in_place

    period = Period(args.start, args.end)
    found = neighbourhood(kind, record.id, steps=args.steps or 1, period=period)
    return write_in_place(output, lambda path: args.draw_graph(found, path))


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


def _picture(args: argparse.Namespace, output: Path) -> Path:
    """Draw the picture into a file beside ``output``, then put it in its place: a picture
    that fails half-way leaves no broken file, and an older one as it was."""
    import importlib

    from exports.workbook import write_in_place
    from models.world_map import DEFAULT_MEASURE

    draw = importlib.import_module(args.pictures[args.what]).write_picture
    return write_in_place(output, lambda path: draw(path, args.measure or DEFAULT_MEASURE))
