"""What the meeting reports hold, read from the database: a brief on one partner or one
country, the activity of a period, the agreements due, and the programs with their figures.

A report is plain data (parts of rows under column headings), so the Excel writer, the
window and the tests share it. Every part is a few queries with their joins, never one
query per row: linked names (parties, participants, partners, members) are read for all the
rows of a part at once.
"""

from models.reports.activity import activity_report
from models.reports.agreements_due import agreements_due_report
from models.reports.brief import country_brief, find_organization, organization_brief
from models.reports.programs import programs_report
from models.reports.report import Report, ReportPart, ReportRefused

__all__ = [
    "Report",
    "ReportPart",
    "ReportRefused",
    "activity_report",
    "agreements_due_report",
    "country_brief",
    "find_organization",
    "organization_brief",
    "programs_report",
]
