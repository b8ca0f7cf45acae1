"""Does Seriktes stay instant on 100,000 records? Every figure of the benchmark issue, measured
on a database made by ``make_dataset.py``, with its baseline measured in the same run.

    python benchmarks/make_dataset.py --out big.db
    python benchmarks/run.py --database big.db            # a table
    python benchmarks/run.py --database big.db --json     # one JSON object

    python benchmarks/make_dataset.py --out postgresql://me@127.0.0.1:5432/big
    python benchmarks/run.py --database postgresql://me@127.0.0.1:5432/big
    python benchmarks/run.py --database postgresql://me@127.0.0.1:5432/big --beside big.db

Each figure is the median of ``--runs`` runs. Window figures are taken on the real window
(``ui.app.build_window``) under Qt's offscreen platform: a figure ends once the view has
painted the rows, not when the model could have. The cold start and peak memory are measured
in fresh processes (``app_process.py``), each started the way ``seriktes`` starts. The run
changes no record of the database given (the import runs on copies of it; the window, as for
a user, brings an older schema up to date on opening); settings, logs and the backups the
window makes go to a temporary folder, which needs about twice the database's size.

On a server (a ``postgresql://`` URL) every figure is measured the same way; the baselines'
bare queries run on a bare psycopg2 connection, and the import's copies are databases made
from the one given as a template (its name followed by ``_import_copy``), dropped after.
``--beside`` measures a second database in the same run (the file a server's data set was
copied from: ``make_dataset.py --copy-of``) and adds a table of each figure on both, with
their ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCHMARKS = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCHMARKS), str(BENCHMARKS.parent)]

import server_database  # noqa: E402
from measure import (  # noqa: E402
    figure,
    median_time,
    print_figures,
    private_environment,
    run_child,
    timed,
)

# The targets of the benchmark issue.
COLD_START_S = 0.6
COLD_START_RATIO = 5
LIST_OPEN_MS = 150
LIST_SEARCH_MS = 50
LIST_SORT_MS = 200
SCROLL_MS = 200
RECORD_OPEN_MS = 100
SEARCH_EVERYWHERE_MS = 50
EXPORT_RATIO = 1.5
IMPORT_RATIO = 2
PEAK_MEMORY_MB = 300
LANGUAGE_SWITCH_S = 1.0
IMPORT_ROWS = 10_000
# Words typed in the organizations list: a city, a field, words in Russian and Kazakh, a
# country named in Russian, two words, and an acronym (added from the database).
LIST_WORDS = ["astana", "genetics", "университет", "ұлттық", "испания", "national inst"]


def machine(database: str) -> dict[str, Any]:
    from PySide6 import __version__ as pyside
    from PySide6.QtCore import qVersion

    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    about = {
        "cpu": platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "memory_gb": round(memory, 1),
        "system": platform.platform(),
        "python": platform.python_version(),
        "qt": qVersion(),
        "pyside": pyside,
        "sqlite": sqlite3.sqlite_version,
    }
    if server_database.is_server(database):
        about["postgresql"] = server_database.server_version(database)
    return about


# -- in fresh processes ----------------------------------------------------------------------


def cold_start(database: str, runs: int, folder: Path) -> list[dict]:
    """Seriktes started on the database, as `seriktes --database FILE` starts it, against a
    bare window (QApplication, QMainWindow, QTableView) started the same way. A first start,
    on a new database, compiles the bytecode (cached after, as an installation has it); the
    next makes the day's backup of the database, and is shown on a line of its own; the starts
    after it are measured."""
    env = private_environment(folder)
    script = str(BENCHMARKS / "app_process.py")

    def start(*arguments: str) -> dict:
        result = run_child([script, *arguments], env)
        return {"seconds": result["ready"] - result["spawned"], "peak_mb": result["peak_mb"]}

    start("bare")
    start("app", str(folder / "compiling.db"))  # a new, empty database
    first = start("app", str(database))
    apps, bares, lists, bare_peaks = [], [], [], []
    for _ in range(runs):
        bare = start("bare")
        bares.append(bare["seconds"])
        bare_peaks.append(bare["peak_mb"])
        apps.append(start("app", str(database))["seconds"])
        lists.append(start("list", str(database))["peak_mb"])
    baseline = statistics.median(bares)
    return [
        figure(
            "cold_start",
            statistics.median(apps),
            "s",
            baseline,
            min(COLD_START_S, COLD_START_RATIO * baseline),
        ),
        figure("cold_start_first_of_the_day", first["seconds"], "s"),
        figure(
            "peak_memory_list_open",
            statistics.median(lists),
            "MB",
            statistics.median(bare_peaks),
            PEAK_MEMORY_MB,
        ),
    ]


# -- on the window ---------------------------------------------------------------------------


class Window:
    """The real window on the database, and a plain sqlite3 connection for the baselines."""

    def __init__(self, database: str, folder: Path) -> None:
        from PySide6.QtCore import QEvent, QObject

        import ui.app
        from ui.search_box import SearchBox
        from ui.settings import AppSettings

        self.app = ui.app.application()
        settings = AppSettings(str(folder / "settings.ini"))
        self.window = ui.app.build_window(str(database), settings)
        self.window.resize(1280, 800)
        self.window.show()
        self.app.processEvents()
        self.search_box = self.window.findChild(SearchBox)
        if server_database.is_server(database):
            self.raw = server_database.connect(database)
        else:
            self.raw = sqlite3.connect(f"{Path(database).resolve().as_uri()}?mode=ro", uri=True)
        self.paints = 0

        class PaintCounter(QObject):
            def eventFilter(counter, watched, event) -> bool:  # noqa: N805
                if event.type() == QEvent.Type.Paint:
                    self.paints += 1
                return False

        self._counter = PaintCounter()
        # The lists made so far, and those made later (each when first shown).
        self.window.each_page(self._count_paints)

    def _count_paints(self, page) -> None:
        page.table.viewport().installEventFilter(self._counter)

    def settle(self, page=None) -> None:
        """Let the window do what is pending, as its event loop would, including painting the
        list; a list that was not painted meanwhile is painted now."""
        painted = self.paints
        self.app.processEvents()
        if page is not None and self.paints == painted:
            page.table.viewport().repaint()

    def raw_page(self, record_list, request, offset: int = 0) -> Callable[[], list]:
        """The baseline: the same page read by a bare sqlite3 (or psycopg2) query."""
        from ui.table_model import PAGE_SIZE

        sql, params = record_list.page_query(request, offset, PAGE_SIZE).sql()
        if isinstance(self.raw, sqlite3.Connection):
            params = [p.isoformat() if isinstance(p, dt.date) else p for p in params]
            return lambda: self.raw.execute(sql, params).fetchall()
        cursor = self.raw.cursor()

        def read() -> list:
            cursor.execute(sql, params)
            return cursor.fetchall()

        return read

    def close(self) -> None:
        self.raw.close()
        self.window.close()
        self.app.processEvents()


def list_figures(w: Window, runs: int) -> list[dict]:
    from PySide6.QtCore import Qt

    from models.listing import ListRequest
    from models.store.records import Organization

    page = w.window.pages["organization"]
    record_list = page.spec.record_list
    default = ListRequest(sort=record_list.default_sort)
    header = page.table.horizontalHeader()
    keys = [column.key for column in record_list.columns]

    def show_other() -> None:
        w.window.show_page("event")
        w.settle()

    def show_list() -> None:
        w.window.show_page("organization")
        w.settle(page)

    opened, _ = median_time(show_list, runs, before=show_other)
    raw_opened, _ = median_time(w.raw_page(record_list, default), runs)

    rare = Organization.select(Organization.short_name).where(Organization.id == 54321).scalar()
    words = [*LIST_WORDS, (rare or "ISTC").lower()]
    searched, raw_searched = [], []
    for _ in range(runs):
        for word in words:
            page.clear_filters()
            w.settle(page)

            def search(word: str = word) -> None:
                page.search.setText(word)
                page.apply_request()
                w.settle(page)

            searched.append(timed(search))
            request = ListRequest(search=word, sort=record_list.default_sort)
            raw_searched.append(timed(w.raw_page(record_list, request)))
    page.clear_filters()

    def sort_by_name() -> None:
        header.setSortIndicator(keys.index("name"), Qt.SortOrder.AscendingOrder)
        w.settle(page)

    def sort_by_country() -> None:
        header.setSortIndicator(keys.index("country"), Qt.SortOrder.AscendingOrder)
        w.settle(page)

    sorted_, _ = median_time(sort_by_country, runs, before=sort_by_name)
    assert page.model.request.sort == "country"
    raw_sorted, _ = median_time(w.raw_page(record_list, ListRequest(sort="country")), runs)
    by_name, _ = median_time(sort_by_name, runs, before=sort_by_country)
    assert page.model.request.sort == "name"
    raw_by_name, _ = median_time(w.raw_page(record_list, ListRequest(sort="name")), runs)

    def from_the_top() -> None:
        page.apply_request()  # the list read afresh: no page of it kept from before
        page.table.scrollToTop()
        w.settle(page)

    def to_the_end() -> None:
        page.table.scrollToBottom()
        w.settle(page)

    scrolled, _ = median_time(to_the_end, runs, before=from_the_top)
    last = page.model.rowCount() - 1
    assert page.table.rowAt(page.table.viewport().height() - 1) in (last, -1), "not at the end"
    ms = 1000
    return [
        figure("list_opened_first_rows", opened * ms, "ms", raw_opened * ms, LIST_OPEN_MS),
        figure(
            "list_search_word_rows",
            statistics.median(searched) * ms,
            "ms",
            statistics.median(raw_searched) * ms,
            LIST_SEARCH_MS,
        ),
        figure("list_sorted_by_country", sorted_ * ms, "ms", raw_sorted * ms, LIST_SORT_MS),
        figure("list_sorted_by_name", by_name * ms, "ms", raw_by_name * ms, LIST_SORT_MS),
        figure("list_scroll_to_last_row", scrolled * ms, "ms", None, SCROLL_MS),
    ]


def record_figures(w: Window, runs: int) -> list[dict]:
    """An event with 500 participants opened in its page, with everything linked to it."""
    from models.store.base import db

    event_id, linked = db.execute_sql(
        "SELECT event_id, COUNT(*) FROM event_participant GROUP BY event_id "
        "ORDER BY COUNT(*) DESC, event_id LIMIT 1"
    ).fetchone()
    w.window.show_page("event")
    page = w.window.pages["event"]
    w.settle(page)

    def leave() -> None:
        page.form.load(None)
        w.settle(page)

    def open_event() -> None:
        page.open(event_id)
        w.settle(page)

    opened, _ = median_time(open_event, runs, before=leave)
    assert page.form.record_id == event_id
    return [figure(f"record_with_{linked}_links_opened", opened * 1000, "ms", None, RECORD_OPEN_MS)]


def search_everywhere_figures(w: Window, runs: int, names: int = 20) -> list[dict]:
    """Names typed letter by letter in search everywhere, as ``search_benchmark`` types them;
    each keystroke timed until its results are shown."""
    from search_benchmark import typed_prefixes

    box = w.search_box
    box.popup()
    prefixes = typed_prefixes(random.Random(7), names)
    timings = []
    for _ in range(runs):
        for prefix in prefixes:

            def keystroke(prefix: str = prefix) -> None:
                box.edit.setText(prefix)
                box.search()
                w.app.processEvents()

            timings.append(timed(keystroke))
            assert box.results.count() or not prefix.strip(), prefix
    box.hide()
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))] * 1000
    return [
        figure(
            "search_everywhere_keystroke",
            statistics.median(timings) * 1000,
            "ms",
            None,
            SEARCH_EVERYWHERE_MS,
        ),
        figure("search_everywhere_keystroke_p95", p95, "ms"),
    ]


def language_figures(w: Window, runs: int, folder: Path) -> list[dict]:
    """The language changed (Edit ▸ Preferences…) with the organizations list shown and a
    partner open in its form, until the window has painted in the new language: Kazakh,
    Russian, English in turn. Each language's catalog is read once before (the first change
    to it reads it). The baseline: the window's contents made and shown anew in this process,
    on no database (``MainWindow`` and its parts), which a change of language does for the
    page shown."""
    from ui.app import make_window
    from ui.settings import AppSettings
    from ui.translator import install_language

    window = w.window
    window.show_page("organization")
    page = window.pages["organization"]
    w.settle(page)
    page.open(page.model.record_id(0))
    w.settle(page)
    for code in ("kk", "ru", "en"):  # each catalog read once
        window.choose_language(code)
        w.settle(window.pages["organization"])

    def switch(code: str) -> None:
        window.choose_language(code)
        w.settle(window.pages["organization"])

    switches, processor = [], []
    for _ in range(runs):
        for code in ("kk", "ru", "en"):
            started = time.process_time()
            switches.append(timed(lambda c=code: switch(c)))
            processor.append(time.process_time() - started)
    assert window.pages["organization"].form.record_id is not None
    install_language(w.app, "en")

    def bare_build() -> None:
        made = make_window(AppSettings(str(folder / "language.ini")))
        made.resize(1280, 800)
        made.show()
        w.app.processEvents()
        made.close()
        made.deleteLater()
        w.app.processEvents()

    baseline = statistics.median(timed(bare_build) for _ in range(runs))
    return [
        figure(
            "language_switch_with_a_record_open",
            statistics.median(switches),
            "s",
            baseline,
            LANGUAGE_SWITCH_S,
        ),
        figure("language_switch_slowest", max(switches), "s"),
        # The processor's time alone: what the change costs, whatever else the machine runs.
        figure("language_switch_processor_time", statistics.median(processor), "s"),
    ]


# -- export and import -----------------------------------------------------------------------


def export_figures(database: str, runs: int, folder: Path) -> list[dict]:
    """The organizations list exported as the window first shows it, against a bare openpyxl
    write-only loop writing the same values (read beforehand, not timed)."""
    from openpyxl import Workbook

    from exports.lists import export_list, list_rows
    from models.kinds.organizations import ORGANIZATION_LIST
    from models.listing import ListRequest
    from models.store.database import close_database, open_database

    open_database(database, create=False)
    request = ListRequest(sort=ORGANIZATION_LIST.default_sort)
    columns = [column for column in ORGANIZATION_LIST.columns if column.shown]
    values = [
        [
            c.display(v) if c.choices is not None and v is not None else v
            for c, v in zip(columns, row, strict=True)
        ]
        for row in list_rows(ORGANIZATION_LIST, request, columns)
    ]

    def export() -> None:
        export_list(ORGANIZATION_LIST, request, [c.key for c in columns], folder / "list.xlsx")

    def bare_loop() -> None:
        book = Workbook(write_only=True)
        sheet = book.create_sheet("Organizations")
        for row in values:
            sheet.append(row)
        book.save(folder / "bare.xlsx")

    exports, loops = [], []
    for _ in range(runs):
        exports.append(timed(export))
        loops.append(timed(bare_loop))
    close_database()
    baseline = statistics.median(loops)
    return [
        figure(
            f"export_{len(values)}_organizations",
            statistics.median(exports),
            "s",
            baseline,
            EXPORT_RATIO * baseline,
        )
    ]


def import_sheet(path: Path, rows: int) -> list[str]:
    """A workbook of ``rows`` organizations new to the database, made by the data set's own
    generator (numbered on from the names and acronyms it already holds), under the headers
    an exported list has. Returns the headers."""
    import make_dataset
    from openpyxl import Workbook

    from exports.import_fields import FIELDS
    from models.store.records import Organization
    from models.words.choices import ORGANIZATION_KINDS, ORGANIZATION_STATUSES

    build = make_dataset.Build(random.Random(99), make_dataset.scaled(1))
    make_dataset.choose_countries(build)
    seen: dict[str, int] = {}
    shorts: dict[str, int] = {}
    for name, short in Organization.select(Organization.name, Organization.short_name).tuples():
        base = re.sub(r" No\. \d+$", "", name)
        seen[base] = seen.get(base, 0) + 1
        letters = short.rstrip("0123456789")
        shorts[letters] = shorts.get(letters, 0) + 1
    keys = ["name", "short_name", "name_ru", "name_kk", "kind", "country", "city", "status"]
    keys += ["website", "email"]
    labels = {spec.key: spec.label for spec in FIELDS["organization"]}
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Partners")
    sheet.append([labels[key] for key in keys])
    for number in range(rows):
        values = make_dataset.organization_values(build, number + 1, seen, shorts)
        values["kind"] = ORGANIZATION_KINDS.label(values["kind"])
        values["status"] = ORGANIZATION_STATUSES.label(values["status"])
        values["country"] = build.names[values["country"]][0]
        sheet.append([values[key] for key in keys])
    book.save(path)
    return [labels[key] for key in keys]


def import_figures(database: str, runs: int, folder: Path) -> list[dict]:
    """10,000 new organizations imported (read, checked against the 100,000 recorded, written
    with their search entries) into a copy of the database, against python-calamine reading
    the same file and peewee's insert_many writing its rows into another copy."""
    import python_calamine

    from exports.import_fields import FIELDS
    from exports.importer import apply_import, preview_import
    from exports.spreadsheet_reader import read_workbook
    from models import trash
    from models.store.base import db
    from models.store.database import close_database, open_database
    from models.store.records import Country, Organization
    from models.words.choices import ORGANIZATION_KINDS, ORGANIZATION_STATUSES

    sheet = folder / "partners.xlsx"
    open_database(database, create=False)
    headers = import_sheet(sheet, IMPORT_ROWS)
    close_database()
    on_server = server_database.is_server(database)
    copy: str | Path = folder / "copy.db"
    if on_server:
        copy = server_database.with_name(
            database, f"{server_database.database_name(database)}_import_copy"
        )

    def remove_copy() -> None:
        close_database()
        if on_server:
            server_database.drop(copy)
            return
        for suffix in ("", "-wal", "-shm"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)

    def fresh_copy() -> None:
        remove_copy()
        if on_server:
            server_database.create(copy, template=server_database.database_name(database))
        else:
            shutil.copyfile(database, copy)
        open_database(copy, create=False)

    imported = []
    created: list[int] = []

    def app_import() -> None:
        preview = preview_import(read_workbook(sheet), "organization")
        result = apply_import(preview)
        imported.append(result.imported)
        created[:] = result.created_ids

    # Edit ▸ Undo of that import (its records to the trash) and Redo (back from it), timed
    # after each import on the same copy.
    batches: list[str] = []

    def undo_import() -> None:
        batches.append(trash.move_many_to_trash("organization", created))

    def redo_import() -> None:
        assert len(trash.restore_batch(batches[-1])) == IMPORT_ROWS

    by_label = {spec.label: spec.key for spec in FIELDS["organization"]}
    kinds = {choice.en: choice.code for choice in ORGANIZATION_KINDS}
    statuses = {choice.en: choice.code for choice in ORGANIZATION_STATUSES}

    def bare_import() -> None:
        book = python_calamine.CalamineWorkbook.from_path(str(sheet))
        rows = book.get_sheet_by_name(book.sheet_names[0]).to_python()
        keys = [by_label[header] for header in rows[0]]
        countries = dict(Country.select(Country.name_en, Country.code).tuples())
        records = []
        for row in rows[1:]:
            values = dict(zip(keys, row, strict=True))
            values["kind"] = kinds[values["kind"]]
            values["status"] = statuses[values["status"]]
            values["country"] = countries[values["country"]]
            records.append(values)
        with db.atomic():
            for start in range(0, len(records), 500):
                Organization.insert_many(records[start : start + 500]).execute()

    imports, bares, undos, redos = [], [], [], []
    for _ in range(runs):
        imports.append(median_time(app_import, 1, before=fresh_copy)[0])
        undos.append(median_time(undo_import, 1)[0])
        redos.append(median_time(redo_import, 1)[0])
        bares.append(median_time(bare_import, 1, before=fresh_copy)[0])
    remove_copy()
    assert set(imported) == {IMPORT_ROWS}, f"imported {imported}, not {IMPORT_ROWS} each time"
    assert headers
    baseline = statistics.median(bares)
    return [
        figure(
            f"import_{IMPORT_ROWS}_organizations",
            statistics.median(imports),
            "s",
            baseline,
            IMPORT_RATIO * baseline,
        ),
        figure(f"undo_import_{IMPORT_ROWS}_organizations", statistics.median(undos), "s"),
        figure(f"redo_import_{IMPORT_ROWS}_organizations", statistics.median(redos), "s"),
    ]


# -- the run ---------------------------------------------------------------------------------


def run(database: str, runs: int, only: set[str] | None = None) -> list[dict]:
    wanted = lambda part: only is None or part in only  # noqa: E731
    figures: list[dict] = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        # This process shares the started windows' folders: their backup of the database is
        # the day's backup here too.
        for variable, value in private_environment(folder / "start").items():
            if variable.startswith(("XDG_", "QT_QPA")):
                os.environ[variable] = value
        if wanted("start"):
            figures += cold_start(database, runs, folder / "start")
        if wanted("window") or wanted("language"):
            window = Window(database, folder)
            try:
                if wanted("window"):
                    figures += list_figures(window, runs)
                    figures += record_figures(window, runs)
                    figures += search_everywhere_figures(window, runs)
                if wanted("language"):
                    figures += language_figures(window, runs, folder)
            finally:
                window.close()
        if wanted("export"):
            figures += export_figures(database, runs, folder)
        if wanted("import"):
            figures += import_figures(database, runs, folder)
    return figures


PARTS = ("start", "window", "language", "export", "import")


def side_by_side(figures: list[dict], beside: list[dict]) -> list[dict]:
    """Each figure measured on both databases: the first's value against the second's as
    its baseline (the ratio: how many times as long), with the first's target."""
    other = {item["name"]: item for item in beside}
    return [
        figure(
            item["name"],
            item["value"],
            item["unit"],
            other[item["name"]]["value"] if item["name"] in other else None,
            item["target"],
        )
        for item in figures
    ]


def _exists(parser: argparse.ArgumentParser, database: str) -> None:
    found = (
        server_database.exists(database)
        if server_database.is_server(database)
        else Path(database).exists()
    )
    if not found:
        parser.error(f"{database} does not exist; make it with make_dataset.py")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database",
        required=True,
        help="made by make_dataset.py: a file, or a postgresql:// URL of a server database",
    )
    parser.add_argument("--runs", type=int, default=5, help="runs of each figure (the median)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--only", action="append", choices=PARTS, help="measure only these parts (repeatable)"
    )
    parser.add_argument(
        "--language",
        choices=("kk", "ru", "en"),
        help="the window's language (lists sort in its alphabet); else the system's",
    )
    parser.add_argument(
        "--beside",
        metavar="DATABASE",
        help="measure this database too (a file, or a URL) and compare each figure with it",
    )
    args = parser.parse_args(argv)
    if args.language:
        os.environ["LANGUAGE"] = args.language
    _exists(parser, args.database)
    if args.beside:
        _exists(parser, args.beside)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    started = dt.datetime.now()
    only = set(args.only) if args.only else None
    figures = run(args.database, args.runs, only)
    beside = run(args.beside, args.runs, only) if args.beside else None
    about = {
        "date": started.isoformat(timespec="seconds"),
        "database": str(args.database),
        "runs": args.runs,
        "language": args.language or "system",
        "machine": machine(args.database),
    }
    if beside is not None:
        about["beside"] = args.beside
    if args.json:
        compared = {"beside_figures": beside} if beside is not None else {}
        print(json.dumps({**about, "figures": figures, **compared}, ensure_ascii=False))
    else:
        system = about["machine"]
        print(
            f"{about['database']}, {about['date']}, median of {args.runs} runs, language "
            f"{about['language']}; "
            f"{system['cores']} cores, {system['memory_gb']} GB, Python {system['python']}, "
            f"Qt {system['qt']}, SQLite {system['sqlite']}"
            + (f", PostgreSQL {system['postgresql']}" if "postgresql" in system else "")
        )
        print_figures(figures)
        if beside is not None:
            print(f"\n{args.beside}, the same figures (baseline: this one's)")
            print_figures(beside)
            print(f"\n{args.database} against {args.beside} (ratio: times as long)")
            print_figures(side_by_side(figures, beside))
    return 0 if all(item["met"] is not False for item in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
