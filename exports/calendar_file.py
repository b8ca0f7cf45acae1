"""The calendar written as an iCalendar file (RFC 5545, ``.ics``) that Outlook, Google Calendar
and Thunderbird import: one entry per event, delegation, agreement expiry and follow-up due
date of a range of days.

Each entry keeps its UID from one export to the next (``Entry.uid``), so importing a newer file
updates the entries already imported instead of adding them twice; DTSTAMP and SEQUENCE tell a
calendar the newer copy is newer.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from models import clock
from models.about import VERSION
from models.calendar import DELEGATION, EVENT, Entry, entries_between, entry_kind_label
from models.words.countries import country_names
from models.words.translation import _

Progress = Callable[[int, int], bool]
STEP = 500  # entries between two calls of progress


@dataclass(frozen=True)
class CalendarWritten:
    path: Path
    entries: int


def _times(entry: Entry) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    """DTSTART and DTEND: a whole day ends on the next day (RFC 5545, 3.6.1); an event with a
    time of day starts then, at the local time of wherever it is held."""
    if entry.starts_at is None:
        return entry.first_day, entry.last_day + dt.timedelta(days=1)
    start = dt.datetime.combine(entry.first_day, entry.starts_at)
    if entry.ends_at is not None:
        end = dt.datetime.combine(entry.last_day, entry.ends_at)
    else:
        end = dt.datetime.combine(entry.last_day, entry.starts_at) + dt.timedelta(hours=1)
    return start, max(end, start)


def _description(entry: Entry) -> str:
    lines = []
    if entry.kind == DELEGATION and entry.about:
        lines.append(_("Organization: {name}").format(name=entry.about))
    elif entry.about:
        lines.append(_("Delegation: {title}").format(title=entry.about))
    if entry.done:
        lines.append(_("Done."))
    return "\n".join(lines)


def calendar_entry(entry: Entry, stamp: dt.datetime, country: str = "") -> CalendarEvent:
    """One entry of the file; ``country`` is the name of the entry's country."""
    item = CalendarEvent()
    item.add("uid", entry.uid)
    item.add("dtstamp", stamp)
    start, end = _times(entry)
    item.add("dtstart", start)
    item.add("dtend", end)
    item.add("summary", entry.summary())
    item.add("categories", [entry_kind_label(entry.kind)])
    place = ", ".join(part for part in (entry.place, country) if part)
    if place and entry.kind in (EVENT, DELEGATION):
        item.add("location", place)
    description = _description(entry)
    if description:
        item.add("description", description)
    # Events and delegations fill the day; a date to remember does not.
    item.add("transp", "OPAQUE" if entry.kind in (EVENT, DELEGATION) else "TRANSPARENT")
    return item


def build_calendar(entries: list[Entry], progress: Progress | None = None) -> Calendar:
    from exports.workbook import ExportCancelled

    calendar = Calendar()
    calendar.add("prodid", f"-//Seriktes//Seriktes {VERSION}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Seriktes")
    stamp = clock.now().astimezone(dt.UTC).replace(microsecond=0)
    names = country_names({entry.country for entry in entries if entry.country})
    for number, entry in enumerate(entries, start=1):
        calendar.add_component(calendar_entry(entry, stamp, names.get(entry.country or "", "")))
        if progress is not None and number % STEP == 0 and progress(number, len(entries)) is False:
            raise ExportCancelled("The export was cancelled.")
    return calendar


def write_calendar(
    path: str | os.PathLike,
    first: dt.date,
    last: dt.date,
    kinds: Collection[str] | None = None,
    country: str | None = None,
    progress: Progress | None = None,
) -> CalendarWritten:
    """Write the entries from ``first`` to ``last`` (of ``kinds`` and ``country``, all when
    None) to ``path``. The file appears whole or not at all: it is written beside its place
    and moved there once complete, so a file already there is kept when writing fails."""
    from exports.workbook import _plain_error

    entries = entries_between(first, last, kinds, country)
    data = build_calendar(entries, progress).to_ical()
    target = Path(path)
    try:
        handle, temp = tempfile.mkstemp(prefix=".seriktes-", suffix=".ics", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise _plain_error(error, target) from error
    if progress is not None:
        progress(len(entries), len(entries))
    return CalendarWritten(target, len(entries))
