"""The workbook that lists every row an import did not take, with its original values and
the reason, so the person who keeps the spreadsheet can correct those rows and try again."""

from __future__ import annotations

from pathlib import Path

from exports.importer import ImportPreview, ImportResult, cell_text
from exports.workbook import ORDINAL, TEXT, ExcelBook, SheetColumn
from models.words.text import displayable


def write_import_report(preview: ImportPreview, result: ImportResult, path: str | Path) -> Path:
    headers = [
        cell_text(header) or f"Column {number}"
        for number, header in enumerate(preview.headers, start=1)
    ]
    width = len(headers)
    columns = [
        SheetColumn("Row", ORDINAL),
        *(SheetColumn(h) for h in headers),
        SheetColumn("Why it was not imported", TEXT, 60),
    ]
    rows = [
        [row.number, *(row.cells + [None] * width)[:width], reason]
        for row, reason in result.rejected
    ]
    source = displayable(preview.path.name)
    selection = f"{source}, sheet “{preview.sheet}”: {result.summary()}."
    with ExcelBook(path, f"Rows not imported from {source}") as book:
        book.write_table(
            "Not imported",
            f"Rows not imported from {source}",
            selection,
            columns,
            rows,
            empty="Every row was imported.",
        )
    return Path(path)
