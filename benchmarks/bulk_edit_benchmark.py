"""How fast a bulk edit changes 10,000 records of a database at the 100,000-record scale.

Works on a copy of the dataset (``--dataset``, by default /work/data/dataset.db: 100,000
organizations, 200,000 people), never on the file itself. Takes the first 10,000 dormant
organizations of the list, then times, each in the same run:

- the check of every record with the new status (``plan_bulk``: the form's checks, twins
  included), and the change written (``apply_bulk``: the status, the search text, a line of
  history for each record) — together the target, at most 5 s;
- its undo (``revert_bulk``) and a tag added to the same records;
- the baseline: one bare SQL ``UPDATE`` of the same column for the same records, which is
  what the change costs without checks, search text or history.

    python benchmarks/bulk_edit_benchmark.py            # a table
    python benchmarks/bulk_edit_benchmark.py --json     # one JSON object per figure
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

from measure import figure, peak_memory_mb, private_environment, report, timed

DATASET = Path("/work/data/dataset.db")
RECORDS = 10_000
TARGET_S = 5.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=DATASET)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="seriktes-bulk-") as folder:
        folder = Path(folder)
        os.environ.update(private_environment(folder))
        copy = folder / "dataset.db"
        shutil.copyfile(args.dataset, copy)
        report(measure(copy), args.json)


def measure(path: Path) -> list[dict]:
    from models.bulk_edit import ADD_TAG, apply_bulk, plan_bulk, revert_bulk
    from models.store.database import close_database, open_database
    from models.store.records import Organization

    database = open_database(str(path))
    try:
        ids = [
            row[0]
            for row in Organization.select(Organization.id)
            .where(Organization.status == "dormant")
            .order_by(Organization.id)
            .limit(RECORDS)
            .tuples()
        ]
        assert len(ids) == RECORDS, len(ids)
        plans = []
        check = timed(lambda: plans.append(plan_bulk("organization", ids, "status", "active")))
        plan = plans[0]
        assert len(plan.to_change) == RECORDS, (len(plan.to_change), plan.refused[:3])
        change_sets = []
        write = timed(lambda: change_sets.append(apply_bulk(plan)))
        assert Organization.select().where(Organization.status == "dormant").count() < 14_825
        undo = timed(lambda: revert_bulk(change_sets[0]))
        tag_plan = plan_bulk("organization", ids, ADD_TAG, "Bulk benchmark")
        tag = timed(lambda: apply_bulk(tag_plan))
        marks = ", ".join("?" * len(ids))
        baseline = timed(
            lambda: database.execute_sql(
                f"UPDATE organization SET status = 'active' WHERE id IN ({marks})", ids
            )
        )
        database.execute_sql(
            f"UPDATE organization SET status = 'dormant' WHERE id IN ({marks})", ids
        )
    finally:
        close_database()
    return [
        figure("bulk status, check 10,000", check, "s"),
        figure("bulk status, write 10,000", write, "s", baseline),
        figure("bulk status, check + write", check + write, "s", baseline, TARGET_S),
        figure("bulk status, undo 10,000", undo, "s", baseline, TARGET_S),
        figure("bulk add tag, write 10,000", tag, "s", baseline, TARGET_S),
        figure("bare SQL update (baseline)", baseline, "s"),
        figure("peak memory", peak_memory_mb(), "MB"),
    ]


if __name__ == "__main__":
    main()
