"""Bulk writing and reading, as an import does it: the same rows as peewee would write and
read, many at a time, and the database left as it was configured."""

from __future__ import annotations

import datetime as dt

import pytest

from models.store import bulk
from models.store.base import db
from models.store.bulk import insert_rows, roomy_cache, rows_where_in
from models.store.records import Organization
from models.words.text import name_key


def _organizations(count: int) -> list[dict]:
    rows = []
    for number in range(count):
        name = f"Institute of Soil Science No. {number}"
        rows.append({"name": name, "name_key": name_key(name), "search_text": name.lower()})
    return rows


def test_insert_rows_returns_ids_in_order_and_fills_defaults(database, monkeypatch, clock):
    clock.set_clock(dt.datetime(2028, 2, 29, 23, 58))
    # Small batches, so that the rows span several statements.
    monkeypatch.setattr(bulk, "MAX_PARAMETERS", 100)
    ids = insert_rows(Organization, _organizations(50), returning=True)
    assert len(ids) == 50
    stored = {o.id: o for o in Organization.select()}
    assert [stored[i].name for i in ids] == [row["name"] for row in _organizations(50)]
    assert stored[ids[0]].short_name == ""  # a field not given takes its default
    assert stored[ids[0]].created_at.replace(second=0) == dt.datetime(2028, 2, 29, 23, 58)


def test_rows_where_in_finds_each_value_across_batches(database, monkeypatch):
    monkeypatch.setattr(bulk, "MAX_PARAMETERS", 7)
    ids = insert_rows(Organization, _organizations(30), returning=True)
    wanted = [name_key(f"Institute of Soil Science No. {n}") for n in (0, 3, 9, 17, 29)]
    found = rows_where_in(
        Organization,
        [Organization.id, Organization.name_key],
        Organization.name_key,
        wanted + ["nobody"] * 10,
    )
    assert sorted(found) == sorted(zip([ids[n] for n in (0, 3, 9, 17, 29)], wanted, strict=True))
    assert rows_where_in(Organization, [Organization.id], Organization.name_key, []) == []


@pytest.mark.sqlite_only
def test_roomy_cache_gives_the_usual_cache_back(database):
    usual = db.execute_sql("PRAGMA cache_size").fetchone()[0]
    with roomy_cache(db.obj):
        assert db.execute_sql("PRAGMA cache_size").fetchone()[0] == -bulk.BULK_CACHE_MB * 1024
        insert_rows(Organization, _organizations(10))
    assert db.execute_sql("PRAGMA cache_size").fetchone()[0] == usual
    assert Organization.select().count() == 10


@pytest.mark.sqlite_only
def test_roomy_cache_gives_the_cache_back_when_the_write_fails(database):
    usual = db.execute_sql("PRAGMA cache_size").fetchone()[0]
    with pytest.raises(RuntimeError, match="the disk is full"), roomy_cache(db.obj), db.atomic():
        insert_rows(Organization, _organizations(3))
        raise RuntimeError("the disk is full")
    assert db.execute_sql("PRAGMA cache_size").fetchone()[0] == usual
    assert Organization.select().count() == 0


def test_the_collector_runs_again_after_a_bulk_job_even_a_failed_one():
    import gc

    assert gc.isenabled()
    with bulk.collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError, match="could not read"), bulk.collection_paused():
        raise ValueError("a cell the import could not read")
    assert gc.isenabled()
    gc.disable()
    try:
        with bulk.collection_paused():
            pass
        assert not gc.isenabled()  # paused by someone else before: left as it was
    finally:
        gc.enable()
