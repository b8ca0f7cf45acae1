"""Does the calendar open at once on 100,000 records? The calendar page shown in each of its
views, a month turned, a country chosen, and a year written to an .ics file, each beside a
baseline measured in the same run: the organizations list opened on the same window.

    python benchmarks/calendar_benchmark.py --database COPY-OF-big.db [--runs 5] [--json]

Give it a copy of the database: the window, as for a user, may bring an older schema up to
date when it opens it. Settings, logs and backups go to a temporary folder. The clock is set
to a day in the middle of the data set's years (``--day``), so the month shown is full.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import figure, median_time, private_environment, report, timed  # noqa: E402

OPEN_MS = 300  # the target for a view opening


def measure(database: Path, runs: int, day: dt.date, folder: Path) -> list[dict]:
    os.environ.update(private_environment(folder))
    from models import clock

    clock.set_clock(day)
    import ui.app
    from ui.calendar_page import AGENDA, CALENDAR, MONTH, WEEK
    from ui.settings import AppSettings

    app = ui.app.application()
    window = ui.app.build_window(str(database), AppSettings(str(folder / "settings.ini")))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    page = window.calendar_page
    organizations = window.pages["organization"]

    def settle(widget=None) -> None:
        app.processEvents()
        if widget is not None:
            widget.repaint()

    def show_other() -> None:
        window.show_page("event")
        settle()

    def open_list() -> None:
        window.show_page("organization")
        settle(organizations.table.viewport())

    def open_calendar() -> None:
        window.show_page(CALENDAR)
        settle(page.stack.currentWidget())

    ms = 1000
    baseline, _ = median_time(open_list, runs, before=show_other)
    figures = []
    for view in (MONTH, WEEK, AGENDA):
        page.show_view(view)
        opened, _ = median_time(open_calendar, runs, before=show_other)
        figures.append(figure(f"calendar_{view}_opened", opened * ms, "ms", baseline * ms, OPEN_MS))
        entries = len(page.entries)
        figures[-1]["entries"] = entries
    page.show_view(MONTH)

    def turn() -> None:
        page.later()
        settle(page.month_grid)

    turned, _ = median_time(turn, runs)
    figures.append(figure("calendar_month_turned", turned * ms, "ms", baseline * ms, OPEN_MS))
    page.show_day(day)

    def choose_country() -> None:
        page.country.set_value("KZ")
        page.refresh()
        settle(page.month_grid)

    def all_countries() -> None:
        page.country.set_value(None)
        page.refresh()
        settle(page.month_grid)

    chosen, _ = median_time(choose_country, runs, before=all_countries)
    figures.append(figure("calendar_country_chosen", chosen * ms, "ms", baseline * ms, OPEN_MS))

    from exports.calendar_file import write_calendar

    year = (dt.date(day.year, 1, 1), dt.date(day.year, 12, 31))
    written = []

    def export_year() -> None:
        written.append(write_calendar(folder / "year.ics", *year).entries)

    exported = timed(export_year)
    figures.append(figure("calendar_year_to_ics", exported * ms, "ms", baseline * ms, None))
    figures[-1]["entries"] = written[-1]
    window.close()
    app.processEvents()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True, type=Path, help="a copy of the data set")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--day", type=dt.date.fromisoformat, default=dt.date(2024, 6, 15))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="seriktes-calendar-") as folder:
        figures = measure(args.database, args.runs, args.day, Path(folder))
    report(figures, args.json)
    for item in figures:
        if "entries" in item and not args.json:
            print(f"{item['name']}: {item['entries']:,} entries")
    return 0 if all(item["met"] is not False for item in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
