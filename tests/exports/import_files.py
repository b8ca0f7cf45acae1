"""Spreadsheets the import tests read, built in the test's own folder."""

from __future__ import annotations

from pathlib import Path

import openpyxl


def xlsx(path: Path, rows: list[list], title: str = "Partners") -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def csv_file(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path
