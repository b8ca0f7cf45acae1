"""How fast Who met whom opens on 100,000 records.

Copies the database given (never changing it) into a temporary folder, opens the real window
on the copy under Qt's offscreen platform, and times the page centred on busy and ordinary
records, one and two steps away, until the picture is painted: the target is 300 ms. The
baseline, in the same run, is the same record opened in its own form (its fields and
everything linked to it), the view a user opens it in today.

    python benchmarks/graph_benchmark.py --database big.db            # a table
    python benchmarks/graph_benchmark.py --database big.db --json     # one JSON object a line
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCHMARKS), str(BENCHMARKS.parent)]

from measure import figure, median_time, private_environment, report, timed  # noqa: E402

TARGET_MS = 300.0
SEED = 20261202


def centres(db) -> list[tuple[str, int, str]]:
    """The records to centre on: the busiest of each kind, and ordinary people."""

    def one(sql: str) -> int:
        return db.execute_sql(sql).fetchone()[0]

    chosen = [
        (
            "person",
            one(
                "SELECT person_id FROM event_participant WHERE person_id IS NOT NULL "
                "GROUP BY person_id ORDER BY COUNT(*) DESC, person_id LIMIT 1"
            ),
            "busiest person",
        ),
        (
            "organization",
            one(
                "SELECT organization_id FROM event_participant WHERE organization_id IS NOT NULL "
                "GROUP BY organization_id ORDER BY COUNT(*) DESC, organization_id LIMIT 1"
            ),
            "busiest organization",
        ),
        (
            "event",
            one(
                "SELECT event_id FROM event_participant GROUP BY event_id "
                "ORDER BY COUNT(*) DESC, event_id LIMIT 1"
            ),
            "largest event",
        ),
        (
            "delegation",
            one(
                "SELECT delegation_id FROM delegation_member GROUP BY delegation_id "
                "ORDER BY COUNT(*) DESC, delegation_id LIMIT 1"
            ),
            "largest delegation",
        ),
    ]
    people = one("SELECT MAX(id) FROM person")
    rng = random.Random(SEED)
    chosen += [("person", rng.randint(1, people), "a person") for _ in range(6)]
    return chosen


def measure(database: Path, runs: int) -> list[dict]:
    from PySide6.QtCore import QEvent, QObject
    from run import Window

    from models.graph_layout import radial_layout
    from models.relationships import neighbourhood
    from models.store.base import db
    from ui.relationships_page import RELATIONSHIPS

    folder = Path(tempfile.mkdtemp(prefix="seriktes-graph-"))
    w = Window(database, folder)
    try:
        page = w.window.views[RELATIONSHIPS]
        paints = [0]

        class PaintCounter(QObject):
            def eventFilter(self, _watched, event) -> bool:  # noqa: N802 - Qt's name
                if event.type() == QEvent.Type.Paint:
                    paints[0] += 1
                return False

        counter = PaintCounter()
        page.view.viewport().installEventFilter(counter)
        opened: dict[int, list[float]] = {1: [], 2: []}
        forms: list[float] = []
        cores: list[float] = []
        sizes: list[int] = []
        slowest = (0.0, "")
        for kind, record_id, what in centres(db):
            record_page = w.window.pages[kind]

            def open_form(kind=kind, record_id=record_id, record_page=record_page) -> None:
                w.window.open_record(kind, record_id)
                w.settle(record_page)

            def leave(record_page=record_page) -> None:
                record_page.form.load(None)
                w.settle(record_page)

            forms.append(median_time(open_form, runs, before=leave)[0])
            w.window.show_page(RELATIONSHIPS)
            for steps in (1, 2):
                button = page.one_step if steps == 1 else page.two_steps
                button.setChecked(True)

                def show(kind=kind, record_id=record_id) -> None:
                    painted = paints[0]
                    page.show_centre(kind, record_id)
                    w.app.processEvents()
                    if paints[0] == painted:  # the picture is on screen when this ends
                        page.view.viewport().repaint()

                seconds = median_time(show, runs)[0]
                opened[steps].append(seconds)
                slowest = max(slowest, (seconds, f"{what} no. {record_id}, {steps} steps"))
                sizes.append(len(page.neighbourhood.nodes))
                cores.append(
                    median_time(
                        lambda k=kind, i=record_id, s=steps: radial_layout(neighbourhood(k, i, s)),
                        runs,
                    )[0]
                )
    finally:
        w.close()
        shutil.rmtree(folder, ignore_errors=True)
    ms = 1000
    form = statistics.median(forms) * ms
    every = opened[1] + opened[2]
    print(f"slowest: {slowest[1]}", file=sys.stderr)
    return [
        figure("graph_1_step_opened", statistics.median(opened[1]) * ms, "ms", form, TARGET_MS),
        figure("graph_2_steps_opened", statistics.median(opened[2]) * ms, "ms", form, TARGET_MS),
        figure("graph_slowest_opened", max(every) * ms, "ms", max(forms) * ms, TARGET_MS),
        figure("graph_records_read_and_laid_out", statistics.median(cores) * ms, "ms"),
        figure("graph_records_drawn_most", max(sizes), "nodes"),
    ]


def export_figure(database: Path, runs: int) -> dict:
    """``seriktes export graph`` of the busiest person, two steps, as PNG (in this process)."""
    import main
    from models.store.base import db
    from models.store.database import close_database, open_database

    open_database(str(database))
    person = centres(db)[0][1]
    close_database()
    folder = Path(tempfile.mkdtemp(prefix="seriktes-graph-export-"))
    target = folder / "graph.png"
    arguments = ["export", "graph", "--person", str(person), "--steps", "2"]
    arguments += ["--database", str(database), "--output", str(target)]
    try:
        seconds = statistics.median(timed(lambda: main.main(arguments)) for _ in range(runs))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return figure("graph_export_png_2_steps", seconds * 1000, "ms")


def main_() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", type=Path, default=Path("/work/data/dataset.db"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="seriktes-graph-copy-"))
    try:
        os.environ.update(private_environment(work))
        copy = work / "copy.db"
        shutil.copyfile(args.database, copy)
        figures = measure(copy, args.runs)
        figures.append(export_figure(copy, max(1, args.runs // 2)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(figures, args.json)


if __name__ == "__main__":
    main_()
