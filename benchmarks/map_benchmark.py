"""Does the Map page open in under 300 ms with 100,000 records? Measured on the real window
under Qt's offscreen platform, on a copy of a database made by ``make_dataset.py`` (the
database given is never opened itself), with its baselines measured in the same run.

    python benchmarks/map_benchmark.py --database big.db            # a table
    python benchmarks/map_benchmark.py --database big.db --json     # one JSON object a line

Figures (medians of ``--runs``):
- the map page opened the first time in a session: the boundaries read and projected, the
  paths traced, the partners counted, the map painted with them;
- the map page opened again from another page: painted (as last shaded, while the partners
  are counted again off the window's thread), and shaded with the new counts; baseline: the
  same count per country as one bare sqlite3 query;
- the shading switched to events, delegations, agreements, until painted with the counts;
  baseline: each count as one bare sqlite3 query (the same SQL);
- ``seriktes export map`` drawing a 2,000-pixel PNG, in this process.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCHMARKS), str(BENCHMARKS.parent)]

from measure import figure, median_time, private_environment, report, timed  # noqa: E402

MAP_OPEN_MS = 300


def bare_count(raw: sqlite3.Connection, measure: str):
    """The count per country of a measure, as one bare sqlite3 query of the same SQL."""
    from models.links import _country_pairs, _per_country  # noqa: F401 - the SQL measured
    from models.world_map import MEASURES

    pairs = _country_pairs(MEASURES[measure][0])
    union = pairs[0]
    for more in pairs[1:]:
        union = union.union(more)
    sql, params = union.sql()
    query = (
        f"SELECT country, COUNT(record) FROM ({sql}) AS linked "
        "WHERE country IS NOT NULL GROUP BY country"
    )
    return lambda: raw.execute(query, params).fetchall()


def run(database: Path, runs: int) -> list[dict]:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for variable, value in private_environment(folder).items():
            if variable.startswith(("XDG_", "QT_QPA")):
                os.environ[variable] = value
        copy = folder / "map.db"
        shutil.copyfile(database, copy)
        return _measure(copy, runs, folder)


def _measure(database: Path, runs: int, folder: Path) -> list[dict]:
    import ui.app
    from ui.settings import AppSettings

    app = ui.app.application()
    window = ui.app.build_window(str(database), AppSettings(str(folder / "settings.ini")))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    page = window.map_page
    raw = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)

    def show_other() -> None:
        window.show_page("trash")
        app.processEvents()

    def show_map() -> None:
        window.show_page("map")
        app.processEvents()
        page.view.viewport().repaint()

    def shaded() -> None:
        """Until the counts are in and the map is painted with them."""
        while page.counting:
            app.processEvents()
            time.sleep(0.001)
        page.view.viewport().repaint()

    def show_map_shaded() -> None:
        show_map()
        shaded()

    def back_to_partners() -> None:
        page.measures.setCurrentIndex(0)
        shaded()

    figures = []
    show_other()
    first = timed(show_map_shaded)
    figures.append(
        figure("map page opened and shaded, first", first * 1000, "ms", target=MAP_OPEN_MS)
    )
    baseline, _ = median_time(bare_count(raw, "partners"), runs)
    opened, _ = median_time(show_map, runs, before=lambda: (shaded(), show_other()))
    figures.append(
        figure("map page opened (painted)", opened * 1000, "ms", baseline * 1000, MAP_OPEN_MS)
    )
    opened, _ = median_time(show_map_shaded, runs, before=lambda: (shaded(), show_other()))
    figures.append(
        figure("map page opened and shaded", opened * 1000, "ms", baseline * 1000, MAP_OPEN_MS)
    )
    for index, measure in enumerate(("events", "delegations", "agreements"), start=1):

        def switch(index: int = index) -> None:
            page.measures.setCurrentIndex(index)
            shaded()

        # Counting the events of 100,000 records takes many seconds: measured once.
        times = 1 if measure == "events" else runs
        switched, _ = median_time(switch, times, before=back_to_partners)
        bare, _ = median_time(bare_count(raw, measure), times)
        figures.append(figure(f"map shaded by {measure}", switched * 1000, "ms", bare * 1000))

    from ui.map_drawing import write_picture

    picture = folder / "map.png"
    drawn, _ = median_time(lambda: write_picture(picture, "partners"), runs)
    figures.append(figure("export map to a 2,000 px PNG", drawn * 1000, "ms"))
    raw.close()
    window.close()
    app.processEvents()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True, type=Path, help="made by make_dataset.py")
    parser.add_argument("--runs", type=int, default=5, help="runs of each figure (the median)")
    parser.add_argument("--json", action="store_true", help="one JSON object a line")
    args = parser.parse_args(argv)
    if not args.database.exists():
        parser.error(f"{args.database} does not exist; make it with make_dataset.py")
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    report(run(args.database, args.runs), args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
