"""The workbook that lists every row an import did not take, with its original values and
the reason, so the person who keeps the spreadsheet can correct those rows and try again."""

from __future__ import annotations

from pathlib import Path

from exports.importer import ImportPreview, ImportResult, cell_text
from exports.workbook import ORDINAL, TEXT, ExcelBook, SheetColumn
from models.words.text import displayable
from models.words.translation import _, pgettext


def write_import_report(preview: ImportPreview, result: ImportResult, path: str | Path) -> Path:
    headers = [
        cell_text(header) or _("Column {number}").format(number=number)
        for number, header in enumerate(preview.headers, start=1)
    ]
    width = len(headers)
    columns = [
        SheetColumn(_("Row"), ORDINAL),
        *(SheetColumn(h) for h in headers),
        SheetColumn(_("Why it was not imported"), TEXT, 60),
    ]
    rows = [
        [row.number, *(row.cells + [None] * width)[:width], reason]
        for row, reason in result.rejected
    ]
    source = displayable(preview.path.name)
    selection = _("{file}, sheet “{sheet}”: {summary}.").format(
        file=source, sheet=preview.sheet, summary=result.summary()
    )
    title = _("Rows not imported from {file}").format(file=source)
    with ExcelBook(path, title) as book:
        book.write_table(
            pgettext("sheet", "Not imported"),
            title,
            selection,
            columns,
            rows,
            empty=_("Every row was imported."),
        )
    return Path(path)
