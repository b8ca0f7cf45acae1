"""How long finding duplicates takes among 100,000 organizations and 200,000 people, and
whether its memory stays flat while it reads them.

The data set (``make_dataset.py``'s, by default /work/data/dataset.db) is copied to a
temporary folder first, and is never changed. Into the copy go twins made from records it
holds, as colleagues type them: the name in Cyrillic, with a word cut short or a letter
wrong, at the website's domain; a person's name in the other order, in Cyrillic, or under
the same e-mail. Then ``find_duplicates`` runs over each kind, timed, with the process's
resident memory (and that of its helper processes, one per core) read at every progress
report; the baseline is reading the same rows without comparing them. The twins planted that
were found are counted.

    python benchmarks/duplicates_benchmark.py                        # a table
    python benchmarks/duplicates_benchmark.py --dataset big.db --json
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCHMARKS), str(BENCHMARKS.parent)]

from measure import figure, peak_memory_mb, report  # noqa: E402

from models.duplicates.finder import find_duplicates, record_pages  # noqa: E402
from models.duplicates.profiles import PROFILES  # noqa: E402
from models.kinds.organizations import ORGANIZATIONS  # noqa: E402
from models.kinds.people import PEOPLE  # noqa: E402
from models.store.base import db  # noqa: E402
from models.store.database import close_database, open_database  # noqa: E402
from models.store.records import RECORD_KINDS, Organization, Person  # noqa: E402

DATASET = Path("/work/data/dataset.db")
TARGET_S = 30.0
PLANTED = 200  # twins of each kind made in the copy
SEED = 17
# Latin letters as a Russian clerk types a foreign name in Cyrillic (the reverse of what
# the finder undoes): only for making twins.
CYRILLIC = {
    "sh": "ш", "ch": "ч", "zh": "ж", "kh": "х", "ya": "я", "yu": "ю", "a": "а", "b": "б",
    "v": "в", "g": "г", "d": "д", "e": "е", "z": "з", "i": "и", "y": "ы", "k": "к", "l": "л",
    "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "t": "т", "u": "у", "f": "ф",
    "h": "х", "c": "к", "j": "дж", "q": "к", "w": "в", "x": "кс",
}  # fmt: skip


def copy_dataset(source: Path, target: Path) -> None:
    """A consistent copy of the data set, which is opened read-only and left as it is."""
    original = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    copy = sqlite3.connect(target)
    original.backup(copy)
    copy.close()
    original.close()


def in_cyrillic(text: str) -> str:
    out, index, lower = [], 0, text.lower()
    while index < len(lower):
        pair = lower[index : index + 2]
        if pair in CYRILLIC:
            out.append(CYRILLIC[pair])
            index += 2
            continue
        out.append(CYRILLIC.get(lower[index], lower[index]))
        index += 1
    return "".join(out).title()


def misspelt(rng: random.Random, text: str) -> str:
    """One letter of the longest word swapped with the next: "Unievrsity"."""
    words = text.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) > 5:
        at = rng.randrange(1, len(word) - 2)
        words[longest] = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    return " ".join(words)


def cut_short(text: str) -> str:
    """The longest word cut to its first five letters and a dot: "Nazarbayev Unive."."""
    words = text.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    if len(words[longest]) > 7:
        words[longest] = words[longest][:5] + "."
    return " ".join(words)


def plant_twins(rng: random.Random) -> dict[str, set[frozenset[int]]]:
    """Twins of records the copy holds, made as an import makes records; the pairs planted."""
    planted: dict[str, set[frozenset[int]]] = {"organization": set(), "person": set()}
    organizations = list(
        Organization.select(Organization.id, Organization.name, Organization.country)
        .order_by(Organization.id)
        .tuples()
    )
    chosen = rng.sample([row for row in organizations if row[1].isascii()], PLANTED)
    rows = []
    for number, (_id, name, country) in enumerate(chosen):
        variant = (misspelt(rng, name), cut_short(name), in_cyrillic(name))[number % 3]
        rows.append(ORGANIZATIONS.clean_values({"name": variant, "country": country}))
    with db.atomic():
        ids = ORGANIZATIONS.insert_many(rows)
    planted["organization"] = {
        frozenset(pair) for pair in zip([c[0] for c in chosen], ids, strict=True)
    }

    people = list(
        Person.select(Person.id, Person.full_name, Person.organization, Person.email)
        .order_by(Person.id)
        .tuples()
    )
    chosen_people = rng.sample([row for row in people if row[1].isascii()], PLANTED)
    rows = []
    for number, (_id, name, organization, email) in enumerate(chosen_people):
        reordered = " ".join(reversed(name.split()))
        if number % 3 == 2 and email:
            values = {"full_name": misspelt(rng, name), "email": email}
        else:
            values = {"full_name": (reordered, in_cyrillic(reordered))[number % 2]}
        rows.append(PEOPLE.clean_values({**values, "organization": organization}))
    with db.atomic():
        ids = PEOPLE.insert_many(rows)
    planted["person"] = {
        frozenset(pair) for pair in zip([c[0] for c in chosen_people], ids, strict=True)
    }
    return planted


def resident_mb(pid: int | str = "self") -> float:
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:  # a helper process that has just ended
        return 0.0


def helpers_mb() -> list[float]:
    """The resident memory of each of the finder's helper processes (``models.duplicates.
    cores``) running now."""
    return [resident_mb(child.pid) for child in multiprocessing.active_children()]


def read_only(kind: str) -> float:
    """The baseline: the same rows read a page at a time as the finder reads them, nothing
    compared."""
    started = time.perf_counter()
    for _rows in record_pages(PROFILES[kind]):
        pass
    return time.perf_counter() - started


def measure(kind: str, planted: set[frozenset[int]]) -> tuple[list[dict], dict]:
    samples: list[tuple[int, float]] = []
    helpers: list[list[float]] = []

    def progress(done: int, total: int) -> bool:
        samples.append((done, resident_mb()))
        helpers.append(helpers_mb())
        return True

    before = resident_mb()
    started, cpu = time.perf_counter(), time.process_time()
    twins = find_duplicates(kind, progress)
    seconds = time.perf_counter() - started
    # The processor time of this process alone, its helpers' not counted: what the window's
    # own process spent (the scratch database's writes count, the time spent waiting not).
    cpu = time.process_time() - cpu
    found = {frozenset(twin.ids) for twin in twins}
    # Memory while the records are read (the first 55 % of the bar): flat means the last
    # page read costs no more than the first.
    reading = [rss for done, rss in samples if 0 < done <= 550]
    early = reading[len(reading) // 10] if reading else before
    details = {
        "kind": kind,
        "records": RECORD_KINDS[kind].select().count(),
        "pairs": len(twins),
        "cpu_s": round(cpu, 1),
        "load_average": round(os.getloadavg()[0], 1),
        "planted_found": len(planted & found),
        "planted": len(planted),
        "rss_before_mb": round(before, 1),
        "rss_at_10pct_of_reading_mb": round(early, 1),
        "rss_end_of_reading_mb": round(reading[-1] if reading else before, 1),
        "rss_peak_mb": round(max(rss for _done, rss in samples), 1),
        "helper_processes": max(map(len, helpers)),
        "helper_rss_peak_mb": round(max((max(at, default=0) for at in helpers), default=0), 1),
        "helpers_rss_peak_total_mb": round(max(map(sum, helpers), default=0), 1),
    }
    figures = [
        figure(
            f"duplicates among {details['records']:,} {kind} records",
            seconds,
            "s",
            baseline=read_only(kind),
            target=TARGET_S,
        ),
        figure(
            f"memory growth while reading {kind} records (10 % → 100 % read)",
            details["rss_end_of_reading_mb"] - details["rss_at_10pct_of_reading_mb"],
            "MB",
            target=50.0,
        ),
    ]
    return figures, details


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=DATASET, help="make_dataset.py's file")
    parser.add_argument("--json", action="store_true", help="one JSON object")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="seriktes-duplicates-bench-") as folder:
        copy = Path(folder) / "copy.db"
        copy_dataset(args.dataset, copy)
        open_database(str(copy))
        try:
            planted = plant_twins(random.Random(SEED))
            figures, details = [], []
            for kind in ("organization", "person"):
                measured, detail = measure(kind, planted[kind])
                figures += measured
                details.append(detail)
        finally:
            close_database()
    figures.append(figure("peak resident memory of the whole run", peak_memory_mb(), "MB"))
    report(figures, args.json)
    for detail in details:
        print(
            json.dumps(detail) if args.json else ", ".join(f"{k}: {v}" for k, v in detail.items())
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
