"""The likely twins of one kind written to an Excel workbook: a row for each pair, its score,
both records and the reasons, for someone who cleans the records with the list in hand."""

from __future__ import annotations

import os
from pathlib import Path

from exports.workbook import NUMBER, TEXT, ExcelBook, SheetColumn
from models.duplicates.twins import Twin
from models.words.translation import N_, _, ngettext

TITLES: dict[str, str] = {
    "organization": N_("Organizations that look like twins"),
    "person": N_("People who look like twins"),
    "event": N_("Events that look like twins"),
    "delegation": N_("Delegations that look like twins"),
    "program": N_("Programs that look like twins"),
    "agreement": N_("Agreements that look like twins"),
    "figure": N_("Key figures that look like twins"),
    "source": N_("Sources that look like twins"),
}
COLUMNS = (
    (N_("Score"), NUMBER),
    (N_("No."), NUMBER),
    (N_("Record"), TEXT),
    (N_("Twin no."), NUMBER),
    (N_("Likely twin"), TEXT),
    (N_("Why"), TEXT),
)


def write_duplicates(kind: str, twins: list[Twin], path: str | os.PathLike) -> Path:
    """Write the pairs, the highest score first, to ``path`` (an existing file is replaced
    only once the new one is complete)."""
    title = _(TITLES[kind])
    selection = ngettext(
        "{count} pair of records that look like twins.",
        "{count} pairs of records that look like twins.",
        len(twins),
    ).format(count=len(twins))
    columns = [SheetColumn(_(label), kind) for label, kind in COLUMNS]
    rows = [
        (twin.score, twin.first, twin.first_title, twin.second, twin.second_title, twin.why)
        for twin in twins
    ]
    with ExcelBook(path, title) as book:
        sheet = book.add_table(_("Duplicates"), title, selection, columns, rows[:50])
        for row in rows:
            sheet.append(row)
        if not rows:
            sheet.note(_("No likely duplicates were found."))
    return Path(path)
