"""``seriktes --self-test``: does Seriktes work on this computer? It makes a new database in a
temporary folder, loads the sample records, searches them, exports a brief, imports the brief
into a second new database and checks both databases, printing one line per step. IT staff
run it after installing; CI runs it on the standalone bundle, where a file left out of the
bundle (a catalog, the countries, CLDR's dates) fails one of these steps.

Nothing outside the temporary folder is read or changed but the user's language preference.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from models.errors import SeriktesError
from models.words.numbers import format_number
from models.words.translation import _, ngettext

# What the self-test searches for and exports a brief on: a partner of the sample records.
SEARCHED = "ISTC"
# The kinds of record taken back from the brief, each from the sheet that lists them, in an
# order that finds each record's organization already imported.
IMPORTED_KINDS = ("organization", "person", "program", "figure")


class SelfTestFailed(SeriktesError):
    """A step of the self-test did not give what it should."""


def main() -> int:
    """The self-test as a command: 0 when every step passed, 1 (one line on stderr, naming
    what failed) at the first that did not."""
    try:
        seconds = run_self_test()
    except Exception as error:  # noqa: BLE001 - whatever went wrong is the answer
        reason = str(error) if isinstance(error, SeriktesError) else repr(error)
        print(
            _("Self-test failed: {reason}").format(reason=" ".join(reason.split())), file=sys.stderr
        )
        return 1
    seconds_text = format_number(Decimal(f"{seconds:.1f}"))
    print(_("Self-test passed in {seconds} s.").format(seconds=seconds_text))
    return 0


def run_self_test(say: Callable[[str], None] = print, folder: Path | None = None) -> float:
    """Run every step, saying what each did; returns the seconds taken. Raises
    ``SelfTestFailed`` (or the error a step met) at the first step that fails. ``folder``: where
    the databases and the brief are made (by default a temporary folder, removed after)."""
    started = time.perf_counter()
    if folder is not None:
        _steps(Path(folder), say)
    else:
        with tempfile.TemporaryDirectory(prefix="seriktes-self-test-") as temporary:
            _steps(Path(temporary), say)
    return time.perf_counter() - started


def _steps(folder: Path, say: Callable[[str], None]) -> None:
    from models.store.database import close_database

    first, second = folder / "self-test.db", folder / "self-test-imported.db"
    try:
        organization_id, name = _load_and_search(first, say)
        _share_work(say)
        brief = _export_brief(folder / "brief.xlsx", organization_id, name, say)
        close_database()
        _import_brief(second, brief, say)
    finally:
        close_database()
    _check(first, second, say)


def _load_and_search(path: Path, say: Callable[[str], None]) -> tuple[int, str]:
    from models.sample import load_sample_records
    from models.search import find
    from models.store.database import open_database
    from models.words.labels import counts_text

    open_database(path, create=True)
    say(_("Created a new database: {path}").format(path=path))
    counts = load_sample_records()
    say(_("Loaded the sample records: {counts}.").format(counts=counts_text(counts)))
    found = [hit for hit in find(SEARCHED) if hit.kind == "organization"]
    if not found:
        raise SelfTestFailed(
            _("The search for “{text}” found no organization.").format(text=SEARCHED)
        )
    say(_("Searched for “{text}”: found {name}.").format(text=SEARCHED, name=found[0].title))
    return found[0].id, found[0].title


def _share_work(say: Callable[[str], None]) -> None:
    """The duplicate finder's helper processes start on this computer and read records as
    this process does (a standalone Seriktes starts itself again as each of them)."""
    import marshal

    from models.duplicates.cores import Cores
    from models.duplicates.finder import record_pages
    from models.duplicates.pieces import reduce_page
    from models.duplicates.profiles import PROFILES

    def readable(page):
        records, blocks, words = page
        # A record's blocks come in the order of a set, which differs from one process to
        # the next.
        return [(i, marshal.loads(data)) for i, data in records], sorted(blocks), words

    pages = [("organization", rows) for rows in record_pages(PROFILES["organization"])]
    with Cores(2) as cores:
        shared = [readable(page) for page in cores.map(reduce_page, pages)]
        started = cores.shared
    if not started:
        raise SelfTestFailed(
            _("The duplicate finder could not start its helper processes on this computer.")
        )
    if shared != [readable(reduce_page(page)) for page in pages]:
        raise SelfTestFailed(
            _("The duplicate finder's helper processes read the records otherwise than it does.")
        )
    say(_("Started the duplicate finder's helper processes: they read the records alike."))


def _export_brief(path: Path, organization_id: int, name: str, say: Callable[[str], None]) -> Path:
    from exports import reports
    from exports.spreadsheet_reader import read_workbook

    exported = reports.brief(path, organization_id=organization_id)
    sheets = len(read_workbook(exported.path).sheets)
    say(
        ngettext(
            "Exported a brief on {name}: {count} sheet, {path}",
            "Exported a brief on {name}: {count} sheets, {path}",
            sheets,
        ).format(name=name, count=sheets, path=exported.path)
    )
    return exported.path


def _import_brief(path: Path, brief: Path, say: Callable[[str], None]) -> None:
    from exports.importer import apply_import, preview_import
    from exports.spreadsheet_reader import read_workbook
    from models.search import find
    from models.store.database import open_database
    from models.words.labels import counts_text

    open_database(path, create=True)
    workbook = read_workbook(brief)
    counts: dict[str, int] = {}
    for kind in IMPORTED_KINDS:
        preview = preview_import(workbook, kind, _listing_sheet(workbook, kind))
        result = apply_import(preview)
        if result.rejected or result.imported != result.read:
            why = result.rejected[0][1] if result.rejected else result.summary()
            raise SelfTestFailed(
                _("The brief's sheet “{sheet}” was not imported whole: {reason}").format(
                    sheet=preview.sheet, reason=why
                )
            )
        made = [name for row in preview.rows for name in row.new_names]
        if made:
            # An export names an organization as the import finds it again, or records
            # would be doubled each time a brief is taken back.
            raise SelfTestFailed(
                _("The brief's sheet “{sheet}” names records it does not list: {names}").format(
                    sheet=preview.sheet, names="; ".join(made)
                )
            )
        counts[kind] = result.imported
    if not any(hit.kind == "organization" for hit in find(SEARCHED)):
        raise SelfTestFailed(
            _("The imported database does not find “{text}”.").format(text=SEARCHED)
        )
    say(
        _("Imported the brief into a second new database: {counts}.").format(
            counts=counts_text(counts)
        )
    )


def _listing_sheet(workbook, kind: str) -> str:
    """The sheet that lists records of ``kind``: the one whose header names most of its fields
    (the brief's sheets are named in the language it was written in)."""
    from exports.import_fields import find_header_row, match_headers

    def named_fields(sheet) -> int:
        return len(match_headers(kind, sheet.rows[find_header_row(kind, sheet.rows)]))

    return max(workbook.sheets, key=named_fields).name


def _check(first: Path, second: Path, say: Callable[[str], None]) -> None:
    from models.store.integrity import check_database

    for path in (first, second):
        problems = check_database(path)
        if problems:
            raise SelfTestFailed(
                _("{name} has a problem: {problem}").format(name=path.name, problem=problems[0])
            )
    say(_("Checked both databases: no problems found."))
