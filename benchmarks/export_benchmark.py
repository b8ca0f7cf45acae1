"""How fast, and in how little memory, a large list is exported to Excel.

Builds a temporary database of 100,000 organizations (names in English, Russian and Kazakh,
acronyms, kinds, countries, cities, statuses, websites), then exports the organizations list
as the window first shows it (its default columns and sort) with ``exports.lists``, and
writes the very same values, in the same order, with a bare openpyxl write-only loop: the
baseline, measured in the same run. Each run is a subprocess of its own, so each peak memory
(its highest resident memory) is its own; the export and the baseline alternate, and the median
of the runs is compared. Targets: the export takes at most 1.5 times as long as the loop, and
its peak memory is within 100 MB of the loop's.

    python benchmarks/export_benchmark.py            # a table
    python benchmarks/export_benchmark.py --json     # one JSON object per figure
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from measure import figure, peak_memory_mb, report

ROOT = Path(__file__).resolve().parent.parent
TIME_RATIO_TARGET = 1.5
MEMORY_MARGIN_MB = 100.0

# The values the list shows, fixed here so the baseline needs nothing of Seriktes: the build
# checks them against the database's own country names and labels.
COUNTRIES = {
    "KZ": "Kazakhstan",
    "ES": "Spain",
    "CN": "China",
    "US": "United States",
    "GB": "United Kingdom",
    "RU": "Russian Federation",
    "DE": "Germany",
    "FR": "France",
    "TR": "Türkiye",
    "KR": "South Korea",
}
KINDS = {
    "university": "University",
    "research": "Research organization",
    "international": "International organization",
    "government": "Government body",
    "company": "Company",
    "foundation": "Foundation",
}
STATUSES = {"active": "Active", "prospective": "Prospective", "dormant": "Dormant"}
PLACES = [
    ("Astana", "Астанинский", "Астана"),
    ("Almaty", "Алматинский", "Алматы"),
    ("Karaganda", "Карагандинский", "Қарағанды"),
    ("Shymkent", "Шымкентский", "Шымкент"),
    ("Madrid", "Мадридский", "Мадрид"),
    ("Xi'an", "Сианьский", "Сиань"),
    ("Tucson", "Тусонский", "Тусон"),
    ("Berlin", "Берлинский", "Берлин"),
]
BODIES = [
    ("State University", "государственный университет", "мемлекеттік университеті"),
    ("Research Institute", "научно-исследовательский институт", "ғылыми-зерттеу институты"),
    ("Technical Academy", "техническая академия", "техникалық академиясы"),
    ("Innovation Centre", "инновационный центр", "инновациялық орталығы"),
]


def organization(number: int) -> dict:
    """The organization numbered ``number``, the same in every run."""
    place = PLACES[number % len(PLACES)]
    body = BODIES[(number // len(PLACES)) % len(BODIES)]
    codes = list(COUNTRIES)
    return {
        "name": f"{place[0]} {body[0]} No. {number}",
        "short_name": f"{place[0][:3].upper()}{number}",
        "name_ru": f"{place[1]} {body[1]} № {number}",
        "name_kk": f"{place[2]} {body[2]} № {number}",
        "kind": list(KINDS)[number % len(KINDS)],
        "country": codes[number % len(codes)],
        "city": place[number % 3],
        "status": list(STATUSES)[number % len(STATUSES)],
        "website": f"https://org{number}.example.org",
    }


def shown_values(values: dict) -> list:
    """The row the list shows for an organization: its default columns, as labels."""
    return [
        values["name"],
        values["short_name"],
        KINDS[values["kind"]],
        COUNTRIES[values["country"]],
        values["city"],
        STATUSES[values["status"]],
        values["website"],
    ]


# -- building the database --------------------------------------------------------------------


def build(path: Path, count: int) -> float:
    sys.path.insert(0, str(ROOT))
    from models.kinds.organizations import ORGANIZATION_LIST
    from models.store.base import db
    from models.store.database import close_database, open_database
    from models.store.records import Organization
    from models.words.choices import ORGANIZATION_KINDS, ORGANIZATION_STATUSES
    from models.words.countries import country_name
    from models.words.text import fold, name_key

    started = time.perf_counter()
    open_database(path)
    for code, name in COUNTRIES.items():
        assert country_name(code) == name, (code, country_name(code))
    for code, label in KINDS.items():
        assert ORGANIZATION_KINDS.label(code) == label
    for code, label in STATUSES.items():
        assert ORGANIZATION_STATUSES.label(code) == label
    assert [c.key for c in ORGANIZATION_LIST.columns if c.shown] == [
        "name", "short_name", "kind", "country", "city", "status", "website",
    ]  # fmt: skip
    stamp = {"created_by": "benchmark", "updated_by": "benchmark"}
    with db.atomic():
        batch = []
        for number in range(1, count + 1):
            values = organization(number)
            words = (values["name"], values["short_name"], values["name_ru"], values["name_kk"])
            batch.append(
                values
                | stamp
                | {"name_key": name_key(values["name"]), "search_text": fold(" | ".join(words))}
            )
            if len(batch) == 1000:
                Organization.insert_many(batch).execute()
                batch = []
        if batch:
            Organization.insert_many(batch).execute()
    close_database()
    return time.perf_counter() - started


def listed_order(count: int) -> list[int]:
    """The organizations' numbers in the order the list sorts them (by name, as folded)."""
    sys.path.insert(0, str(ROOT))
    from models.words.text import name_key

    return sorted(range(1, count + 1), key=lambda n: (name_key(organization(n)["name"]), n))


# -- the two writers, each run in a process of its own ---------------------------------------------


def run_export(database: str, output: str) -> float:
    sys.path.insert(0, str(ROOT))
    from exports.lists import export_list
    from models.kinds.organizations import ORGANIZATION_LIST
    from models.listing import ListRequest
    from models.store.database import open_database

    open_database(database, create=False)
    request = ListRequest(sort=ORGANIZATION_LIST.default_sort)
    keys = [column.key for column in ORGANIZATION_LIST.columns if column.shown]
    started = time.perf_counter()
    export_list(ORGANIZATION_LIST, request, keys, output)
    return time.perf_counter() - started


def run_baseline(order_file: str, output: str) -> float:
    from openpyxl import Workbook

    order = [int(line) for line in Path(order_file).read_text().split()]
    started = time.perf_counter()
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Organizations")
    for number in order:
        sheet.append(shown_values(organization(number)))
    book.save(output)
    return time.perf_counter() - started


def child(which: str, source: str, output: str) -> None:
    seconds = run_export(source, output) if which == "export" else run_baseline(source, output)
    print(json.dumps({"seconds": seconds, "peak_mb": peak_memory_mb()}))


def measure(which: str, source: Path, output: Path) -> dict:
    command = [sys.executable, __file__, "--child", which, str(source), str(output)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def same_values(exported: Path, baseline: Path) -> bool:
    """The export's rows (under its title, selection line and header) are the loop's rows."""
    from openpyxl import load_workbook

    ours = (
        load_workbook(exported, read_only=True).worksheets[0].iter_rows(min_row=4, values_only=True)
    )
    theirs = load_workbook(baseline, read_only=True).worksheets[0].iter_rows(values_only=True)
    return all(tuple(a) == tuple(b) for a, b in zip(ours, theirs, strict=True))


# -- the figures ---------------------------------------------------------------------------------


def run(count: int, runs: int, verify: bool) -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        folder_path = Path(folder)
        database = folder_path / "benchmark.db"
        built = build(database, count)
        order = folder_path / "order.txt"
        order.write_text("\n".join(map(str, listed_order(count))))
        exports, baselines = [], []
        for _ in range(runs):
            exports.append(measure("export", database, folder_path / "export.xlsx"))
            baselines.append(measure("baseline", order, folder_path / "baseline.xlsx"))
        equal = same_values(folder_path / "export.xlsx", folder_path / "baseline.xlsx")
        if verify and not equal:
            raise SystemExit("The export and the baseline wrote different values.")
        size_mb = (folder_path / "export.xlsx").stat().st_size / 1e6
    seconds = statistics.median(r["seconds"] for r in exports)
    base_seconds = statistics.median(r["seconds"] for r in baselines)
    peak = statistics.median(r["peak_mb"] for r in exports)
    base_peak = statistics.median(r["peak_mb"] for r in baselines)
    return [
        figure("rows", count, "rows"),
        figure("runs", runs, "runs"),
        figure("build_database", built, "s"),
        figure("workbook_size", size_mb, "MB"),
        figure(
            "export_seconds_median", seconds, "s", base_seconds, TIME_RATIO_TARGET * base_seconds
        ),
        figure("export_seconds_min", min(r["seconds"] for r in exports), "s"),
        figure("baseline_seconds_min", min(r["seconds"] for r in baselines), "s"),
        figure("export_peak_memory", peak, "MB", base_peak, base_peak + MEMORY_MARGIN_MB),
        figure("same_values_as_baseline", float(equal), "bool", None, None),
    ]


def main() -> int:
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], sys.argv[4])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="organizations to export")
    parser.add_argument("--runs", type=int, default=5, help="runs of each writer")
    parser.add_argument("--no-verify", action="store_true", help="skip comparing the values")
    parser.add_argument("--json", action="store_true", help="one JSON object per figure")
    args = parser.parse_args()
    figures = run(args.rows, args.runs, not args.no_verify)
    report(figures, args.json)
    return 0 if all(item["met"] is not False for item in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
