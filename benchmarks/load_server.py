"""Ten desktops on one server database at once: does every save land, quickly, with no
deadlock?

Each desktop is a process of its own with its own connection, opened as the window opens a
database (``open_database``). For ``--seconds`` each loops: it opens a record (as the form
loads it), edits fields of it and saves it through its editor, reads a page of the
organizations list searched for a word, and searches everywhere. Half its saves are of a
record only it edits, half of records every desktop edits (on purpose: two desktops saving
the same record at once). Each save is made as the form makes it: over the version of the
record it opened, so a save of a record another desktop saved in between is refused as a
conflict (``models.errors.Conflict``) instead of overwriting it; the desktop then opens the
record again and makes its change there, as a user choosing "reload" would. Each save adds a
token of its own to the record's notes; at the end every token of a save that was reported
done must be in its record, on the records every desktop edits too.

    python benchmarks/load_server.py --database postgresql://me@127.0.0.1:5432/big

Runs on a copy of the database named (``<name>_load``, made from it as a template and
dropped after, unless ``--keep``), so the records of the data set are read and searched as
they are, and the database given is left as it was. Only a server on this computer is
accepted, and the run is bounded in time (``--seconds``) and operations (``--max-operations``
per desktop). Prints a table (or ``--json``): saves per second, the slowest save and the
median, errors, deadlocks (``pg_stat_database.deadlocks`` before and after), and updates lost.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

BENCHMARKS = Path(__file__).resolve().parent
for folder in (BENCHMARKS, BENCHMARKS.parent):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

import server_database  # noqa: E402
from measure import figure, report  # noqa: E402

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
SHARED_RECORDS = 10
SAVE_SHARE = 0.5  # of a desktop's operations; the rest read
SHARED_SAVE_SHARE = 0.5  # of its saves
RETRIES = 20  # a save refused as a conflict is made again this many times at most
WORDS = ["astana", "university", "национальный", "ғылыми", "genetics", "inst", "almaty"]
CITIES = ["Astana", "Almaty", "Karaganda", "Shymkent", "Madrid", "Berlin"]
TOKEN_MARK = "load-"


# -- one desktop -----------------------------------------------------------------------------


def desktop(
    number: int,
    url: str,
    own: int,
    shared: list[int],
    start_at: float,
    seconds: float,
    max_operations: int,
    results: Any,
) -> None:
    """One desktop's loop, in a process of its own; puts what happened on ``results``."""
    os.environ.setdefault("LOGNAME", f"desktop{number}")
    from models.errors import Conflict
    from models.kinds.organizations import ORGANIZATION_LIST, ORGANIZATIONS
    from models.listing import ListRequest
    from models.search import find
    from models.store.database import close_database, open_database

    rng = random.Random(number)
    open_database(url, create=False)
    organizations = ORGANIZATIONS.model.select().count()
    done: list[tuple[int, str]] = []  # (record, token) of each save reported done
    saves: list[float] = []
    opens: list[float] = []
    reads: list[float] = []
    errors: Counter[str] = Counter()
    conflicts = given_up = 0
    serial = 0

    def save(record_id: int) -> None:
        nonlocal conflicts, given_up, serial
        serial += 1
        token = f"{TOKEN_MARK}{number}-{serial}"
        for _attempt in range(RETRIES + 1):
            # The form opened on the record: its version first, then its values.
            version = ORGANIZATIONS.get(record_id).version
            opened = ORGANIZATIONS.load(record_id)
            values = dict(opened)
            values["notes"] = f"{values['notes'] or ''} {token}".strip()
            values["city"] = rng.choice(CITIES)
            values["phone"] = f"+7 7172 {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}"
            started = time.perf_counter()
            try:
                ORGANIZATIONS.save(values, record_id, expected_version=version, opened=opened)
            except Exception as error:
                saves.append(time.perf_counter() - started)
                if isinstance(error, Conflict):
                    conflicts += 1
                    continue
                errors[f"{type(error).__name__}: {str(error).splitlines()[0][:120]}"] += 1
                return
            saves.append(time.perf_counter() - started)
            done.append((record_id, token))
            return
        given_up += 1

    while time.time() < start_at:
        time.sleep(0.005)
    deadline = start_at + seconds
    operations = 0
    while time.time() < deadline and operations < max_operations:
        operations += 1
        roll = rng.random()
        try:
            if roll < SAVE_SHARE:
                shared_save = rng.random() < SHARED_SAVE_SHARE
                save(rng.choice(shared) if shared_save else own)
            elif roll < SAVE_SHARE + 0.15:
                started = time.perf_counter()
                ORGANIZATIONS.load(rng.randrange(1, organizations + 1))
                opens.append(time.perf_counter() - started)
            elif roll < SAVE_SHARE + 0.35:
                started = time.perf_counter()
                request = ListRequest(search=rng.choice(WORDS), sort="name")
                ORGANIZATION_LIST.first_page(request, 200)
                reads.append(time.perf_counter() - started)
            else:
                started = time.perf_counter()
                find(rng.choice(WORDS)[: rng.randrange(2, 8)])
                reads.append(time.perf_counter() - started)
        except Exception as error:
            errors[f"{type(error).__name__}: {str(error).splitlines()[0][:120]}"] += 1
    close_database()
    results.put(
        {
            "desktop": number,
            "operations": operations,
            "done": done,
            "saves": saves,
            "opens": opens,
            "reads": reads,
            "conflicts": conflicts,
            "given_up": given_up,
            "errors": dict(errors),
        }
    )


# -- the run ---------------------------------------------------------------------------------


def deadlocks(url: str) -> int:
    """Deadlocks the server has detected in the database since its statistics were reset."""
    connection = server_database.connect(url)
    try:
        cursor = connection.cursor()
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT deadlocks FROM pg_stat_database WHERE datname = %s",
            (server_database.database_name(url),),
        )
        row = cursor.fetchone()
        return int(row[0]) if row else 0
    finally:
        connection.close()


def prepare_records(url: str, desktops: int) -> tuple[list[int], list[int]]:
    """A record for each desktop to edit alone and ``SHARED_RECORDS`` for all, made in the
    database the run works on."""
    from models.kinds.organizations import ORGANIZATIONS
    from models.store.database import close_database, open_database

    open_database(url, create=False)
    try:
        own = [
            ORGANIZATIONS.save({"name": f"Load test desktop {n}", "city": "Astana"}).id
            for n in range(desktops)
        ]
        shared = [
            ORGANIZATIONS.save({"name": f"Load test shared partner {n}", "city": "Astana"}).id
            for n in range(SHARED_RECORDS)
        ]
    finally:
        close_database()
    return own, shared


def tokens_kept(url: str, ids: list[int]) -> dict[int, set[str]]:
    from models.store.database import close_database, open_database
    from models.store.records import Organization

    open_database(url, create=False)
    try:
        query = Organization.select(Organization.id, Organization.notes).where(
            Organization.id.in_(ids)
        )
        return {
            record_id: {word for word in (notes or "").split() if word.startswith(TOKEN_MARK)}
            for record_id, notes in query.tuples()
        }
    finally:
        close_database()


def run(url: str, desktops: int, seconds: float, max_operations: int) -> list[dict]:
    own, shared = prepare_records(url, desktops)
    deadlocks_before = deadlocks(url)
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    start_at = time.time() + 5  # every desktop started and connected before the clock runs
    processes = [
        context.Process(
            target=desktop,
            args=(n, url, own[n], shared, start_at, seconds, max_operations, results),
        )
        for n in range(desktops)
    ]
    for process in processes:
        process.start()
    reports = [results.get(timeout=seconds + 300) for _ in processes]
    for process in processes:
        process.join(timeout=60)
    elapsed = max(seconds, 1e-9)
    time.sleep(1.5)  # the server's statistics are written within a second of a transaction
    deadlocks_after = deadlocks(url)

    kept = tokens_kept(url, own + shared)
    done = [pair for item in reports for pair in item["done"]]
    lost_own = sum(1 for record, token in done if record in own and token not in kept[record])
    lost_shared = sum(1 for record, token in done if record in shared and token not in kept[record])
    saves = [value for item in reports for value in item["saves"]]
    reads = [value for item in reports for value in item["reads"]]
    opens = [value for item in reports for value in item["opens"]]
    errors: Counter[str] = Counter()
    for item in reports:
        errors.update(item["errors"])
    conflicts = sum(item["conflicts"] for item in reports)
    given_up = sum(item["given_up"] for item in reports)
    ms = 1000
    figures = [
        figure("desktops", desktops, "procs"),
        figure("seconds", seconds, "s"),
        figure("operations", sum(item["operations"] for item in reports), "ops"),
        figure("saves_done", len(done), "saves"),
        figure("saves_per_second", len(done) / elapsed, "1/s"),
        figure("save_median", statistics.median(saves) * ms if saves else 0, "ms"),
        figure("save_p95", _percentile(saves, 0.95) * ms, "ms"),
        figure("save_slowest", max(saves, default=0) * ms, "ms"),
        figure("record_opened_median", statistics.median(opens) * ms if opens else 0, "ms"),
        figure("read_median", statistics.median(reads) * ms if reads else 0, "ms"),
        figure("read_p95", _percentile(reads, 0.95) * ms, "ms"),
        figure("refused_as_conflict", conflicts, "saves"),
        figure("saves_given_up_after_conflicts", given_up, "saves"),
        figure("updates_lost_own_records", lost_own, "saves", None, 0),
        figure("updates_lost_shared_records", lost_shared, "saves", None, 0),
        figure("errors", sum(errors.values()), "errors", None, 0),
        figure("deadlocks", deadlocks_after - deadlocks_before, "count", None, 0),
    ]
    for message, count in errors.most_common():
        print(f"{count:>6} × {message}", file=sys.stderr)
    return figures


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database", required=True, help="a postgresql:// URL of a database on this computer"
    )
    parser.add_argument("--desktops", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--max-operations", type=int, default=100_000, help="per desktop, at most")
    parser.add_argument("--keep", action="store_true", help="keep the copy the run worked on")
    parser.add_argument("--json", action="store_true", help="one JSON object per figure")
    args = parser.parse_args(argv)
    if not server_database.is_server(args.database):
        parser.error("--database must be a postgresql:// URL")
    if urlsplit(args.database).hostname not in LOCAL_HOSTS:
        parser.error("the load runs only on a server on this computer (127.0.0.1)")
    if not 1 <= args.desktops <= 50 or not 0 < args.seconds <= 600:
        parser.error("between 1 and 50 desktops, for at most 600 seconds")
    if not server_database.exists(args.database):
        parser.error(f"{args.database} does not exist; make it with make_dataset.py")
    name = server_database.database_name(args.database)
    copy = server_database.with_name(args.database, f"{name}_load")
    server_database.drop(copy)
    server_database.create(copy, template=name)
    try:
        figures = run(copy, args.desktops, args.seconds, args.max_operations)
    finally:
        if not args.keep:
            server_database.drop(copy)
    report(figures, args.json)
    return 0 if all(item["met"] is not False for item in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
