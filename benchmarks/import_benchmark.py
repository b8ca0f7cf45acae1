"""Importing 10,000 organizations from an .xlsx into a new database, against reading the
same file with python-calamine and writing its rows with a bare peewee ``insert_many``, in
the same run (the import issue's figure; `run.py` measures the same into the 100,000-record
data set).

    python benchmarks/import_benchmark.py [--runs 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from measure import print_figures, private_environment  # noqa: F401  (sets the paths)
from run import import_figures

from models.store.database import close_database, open_database


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "empty.db"
        open_database(database)
        close_database()
        figures = import_figures(database, args.runs, Path(folder))
    for item in figures:
        item["name"] = item["name"] + "_into_a_new_database"
    if args.json:
        print(json.dumps({"figures": figures}, ensure_ascii=False, indent=1))
    else:
        print_figures(figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
