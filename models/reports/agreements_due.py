"""Agreements that expire soon, those expired in the last year, and those in force by
country."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from models import clock
from models.kinds.agreements import status_expression
from models.reports.linked_names import party_country_names, party_names
from models.reports.parts import AGREEMENT_COLUMNS, agreement_row
from models.reports.report import (
    EXPIRING_DAYS,
    NUMBER,
    Report,
    ReportColumn,
    ReportPart,
    ReportRefused,
    country_text,
    date_text,
)
from models.store.records import (
    Agreement,
)
from models.words.collation import sort_key
from models.words.translation import N_, _, language, ngettext


def agreements_due_report(within_days: int = EXPIRING_DAYS, today: dt.date | None = None) -> Report:
    """Agreements that expire within ``within_days``, those that expired in the last year,
    and those in force, by country: what to renew, and what holds."""
    if within_days < 0:
        raise ReportRefused(_("The number of days must be 0 or more."))
    today = today or clock.today()
    status = status_expression(today)
    horizon = today + dt.timedelta(days=within_days)
    year_ago = _year_before(today)
    expiring = list(
        Agreement.select()
        .where((status == "in_force") & Agreement.expires_on.between(today, horizon))
        .order_by(Agreement.expires_on, Agreement.title)
    )
    expired = list(
        Agreement.select()
        .where((status == "expired") & (Agreement.expires_on >= year_ago))
        .order_by(Agreement.expires_on.desc(), Agreement.title)
    )
    in_force = list(
        Agreement.select()
        .where(status == "in_force")
        .order_by(Agreement.expires_on.asc(nulls="LAST"), Agreement.title)
    )
    countries = party_country_names(a.id for a in in_force + expired)
    parts = [
        _due_summary(in_force, {a.id for a in expiring}, expired, countries),
        _agreement_rows_part(
            N_("Expiring"),
            ngettext(
                "Agreements in force that expire by {date} (within {count} day)",
                "Agreements in force that expire by {date} (within {count} days)",
                within_days,
            ).format(date=date_text(horizon), count=within_days),
            expiring,
            today,
        ),
        _agreement_rows_part(
            N_("Expired last year"),
            _("Agreements that expired since {date}").format(date=date_text(year_ago)),
            expired,
            today,
        ),
        _in_force_by_country(in_force, countries, today),
    ]
    return Report(
        _("Agreements due"),
        ngettext(
            "Expiring within {count} day of {today}; expired since {year_ago}; in force, by "
            "country.",
            "Expiring within {count} days of {today}; expired since {year_ago}; in force, by "
            "country.",
            within_days,
        ).format(count=within_days, today=date_text(today), year_ago=date_text(year_ago)),
        parts,
        file_stem=_("Agreements due"),
    )


def _agreement_rows_part(
    name: str, title: str, records: list[Agreement], today: dt.date
) -> ReportPart:
    parties = party_names(a.id for a in records)
    rows = [agreement_row(a, parties.get(a.id, []), today) for a in records]
    return ReportPart(name, title, AGREEMENT_COLUMNS, rows)


def _year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _country_names(codes: list[str] | None) -> list[str]:
    return [country_text(code) for code in codes] if codes else [_("(no country given)")]


def _in_force_by_country(
    records: list[Agreement], countries: dict[int, list[str]], today: dt.date
) -> ReportPart:
    parties = party_names(a.id for a in records)
    rows = []
    for agreement in records:
        row = agreement_row(agreement, parties.get(agreement.id, []), today)
        for name in _country_names(countries.get(agreement.id)):
            rows.append((name, *row))
    # by country, and within a country the soonest to expire first (the sort is stable)
    rows.sort(key=lambda row: (row[0] == _("(no country given)"), sort_key(row[0], language())))
    return ReportPart(
        N_("In force by country"),
        _("Agreements in force, by the country of their parties"),
        (ReportColumn(N_("Country")), *AGREEMENT_COLUMNS),
        rows,
    )


def _due_summary(
    in_force: list[Agreement],
    expiring: set[int],
    expired: list[Agreement],
    countries: dict[int, list[str]],
) -> ReportPart:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for agreement in in_force:
        for name in _country_names(countries.get(agreement.id)):
            counts[name][0] += 1
            counts[name][1] += agreement.id in expiring
    for agreement in expired:
        for name in _country_names(countries.get(agreement.id)):
            counts[name][2] += 1
    rows = [
        (name, *numbers)
        for name, numbers in sorted(
            counts.items(),
            key=lambda item: (
                item[0] == _("(no country given)"),
                -item[1][0],
                sort_key(item[0], language()),
            ),
        )
    ]
    columns = (
        ReportColumn(N_("Country")),
        ReportColumn(N_("In force"), NUMBER),
        ReportColumn(N_("Expiring soon"), NUMBER),
        ReportColumn(N_("Expired last year"), NUMBER),
    )
    return ReportPart(
        N_("By country"), _("Agreements by the country of their parties"), columns, rows
    )
