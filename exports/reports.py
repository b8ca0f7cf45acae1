"""Meeting reports as workbooks: a brief on a partner or a country, the activity of a period,
the agreements due, and the programs with their figures. Each part of a report is a sheet of
its own; what the parts hold is read by ``models.reports``."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import os

from exports.lists import Exported, Progress
from exports.workbook import ExcelBook, ExportCancelled, SheetColumn, TableSheet, chart_height
from models.listing import ListRequest
from models.reports import (
    Report,
    ReportPart,
    activity_report,
    agreements_due_report,
    country_brief,
    organization_brief,
    programs_report,
)
from models.words.translation import _

ROW_CM = 0.53  # a row of the default height, in centimetres


def write_report(
    report: Report,
    path: str | os.PathLike,
    progress: Progress | None = None,
    author: str | None = None,
) -> Exported:
    """Write every part of ``report`` on a sheet of its own. ``progress(done, total)`` counts
    parts; returning False stops the export and leaves no file."""
    total = len(report.parts)
    rows = 0
    with ExcelBook(path, report.title, author) as book:
        for done, part in enumerate(report.parts, start=1):
            # The parts' names and columns are kept in English (code names them so), and
            # shown in the current language, as the rest of the report is worded.
            columns = [SheetColumn(_(c.label), c.kind, c.width) for c in part.columns]
            sheet = book.write_table(
                _(part.name), part.title, report.selection, columns, part.rows, part.empty
            )
            if part.chart is not None and part.rows:
                _draw_charts(sheet, part)
            rows += len(part.rows)
            if progress is not None and progress(done, total) is False:
                raise ExportCancelled(_("The export was cancelled."))
    return Exported(book.path, rows)


def _draw_charts(sheet: TableSheet, part: ReportPart) -> None:
    """One bar chart per group of rows (budgets per currency), stacked beside the table."""
    chart = part.chart
    assert chart is not None
    # Below the header row: LibreOffice prints again, on every page, what lies over the
    # header row repeated at the top of each page.
    anchor = sheet.header_row + 1
    start = 0
    groups = (
        itertools.groupby(part.rows, key=lambda row: row[chart.group_column])
        if chart.group_column is not None
        else [(None, part.rows)]
    )
    for group, members in groups:
        count = len(list(members))
        title = f"{chart.title} ({group})" if group else chart.title
        sheet.start_of_page(anchor, chart_height(count))
        sheet.add_bar_chart(
            title,
            chart.label_column,
            chart.value_column,
            range(start, start + count),
            anchor,
            axis_title=str(group or ""),
        )
        anchor += math.ceil(chart_height(count) / ROW_CM) + 2
        start += count


def brief(
    path: str | os.PathLike,
    organization_id: int | None = None,
    country: str | None = None,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> Exported:
    """Everything about one organization (with its branches) or one country."""
    if (organization_id is None) == (country is None):
        raise ValueError("a brief is about one organization or one country")
    if organization_id is not None:
        report = organization_brief(organization_id, today)
    else:
        report = country_brief(country or "", today)
    return write_report(report, path, progress)


def activity(
    path: str | os.PathLike,
    start: dt.date,
    end: dt.date,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> Exported:
    return write_report(activity_report(start, end, today), path, progress)


def agreements_due(
    path: str | os.PathLike,
    within_days: int = 90,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> Exported:
    return write_report(agreements_due_report(within_days, today), path, progress)


def programs(
    path: str | os.PathLike,
    request: ListRequest | None = None,
    progress: Progress | None = None,
) -> Exported:
    return write_report(programs_report(request), path, progress)
