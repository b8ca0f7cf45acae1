"""The app's one clock. Every "today" and "now" of the core and the window is read here, so
that what follows from the day (an agreement's status, what the home view calls upcoming or
overdue, the dates a report is made for) can be checked on any day: a test sets the clock to
the first of a month or to 29 February and the whole app lives on that day."""

from __future__ import annotations

import datetime as dt
import time

from peewee import Node

# The moment the clock was set to, and the computer's monotonic time when it was set: a set
# clock keeps running from there, so that records saved one after the other keep their order.
_set: tuple[dt.datetime, float] | None = None


def now() -> dt.datetime:
    """The local date and time, naive like every moment the records hold."""
    if _set is None:
        return dt.datetime.now()
    moment, since = _set
    return moment + dt.timedelta(seconds=time.monotonic() - since)


def today() -> dt.date:
    return now().date()


def set_clock(moment: dt.datetime | dt.date | None) -> None:
    """Run the clock from ``moment`` on (a day starts at 09:00); ``None`` gives the computer's
    clock back."""
    global _set
    if moment is None:
        _set = None
        return
    if not isinstance(moment, dt.datetime):
        moment = dt.datetime.combine(moment, dt.time(9, 0))
    _set = (moment, time.monotonic())


class _Today(Node):
    """Today as a query's parameter, read each time the query is run: a list built once and
    shown tomorrow says what is true tomorrow. (The database's own CURRENT_DATE would not
    follow this clock, and is the UTC date on SQLite, a day behind in Astana every night.)"""

    def __sql__(self, ctx):
        return ctx.value(today())


TODAY_IN_SQL = _Today()
