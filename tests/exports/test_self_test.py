"""The self-test's steps, run in the test's own folder so that what they made can be opened:
two sound databases, the brief, and the records taken back from it."""

from __future__ import annotations

import openpyxl

from exports.self_test import run_self_test
from models.search import find
from models.store.database import close_database, open_database
from models.store.integrity import check_database
from models.store.records import KeyFigure, Organization, Person, Program


def test_the_self_test_makes_two_sound_databases_and_a_brief(tmp_path):
    said: list[str] = []
    seconds = run_self_test(said.append, tmp_path)
    assert len(said) == 7
    assert said[3] == (
        "Started the duplicate finder's helper processes: they read the records alike."
    )
    assert 0 < seconds < 60
    first, second = tmp_path / "self-test.db", tmp_path / "self-test-imported.db"
    assert check_database(first) == []
    assert check_database(second) == []
    brief = openpyxl.load_workbook(tmp_path / "brief.xlsx")
    assert brief["Overview"]["A1"].value == (
        "Brief: International Science and Technology Center (ISTC)"
    )
    assert f"9 sheets, {tmp_path / 'brief.xlsx'}" in said[4]


def test_the_second_database_holds_what_the_brief_listed(tmp_path):
    run_self_test(lambda _line: None, tmp_path)
    open_database(tmp_path / "self-test-imported.db", create=False)
    try:
        istc = Organization.get(Organization.short_name == "ISTC")
        assert istc.name == "International Science and Technology Center"
        assert [p.full_name for p in Person.select()] == ["Karina Angelieva"]
        assert Person.get().organization_id == istc.id
        assert Program.select().count() == 1
        assert KeyFigure.select().count() == 3
        assert [hit.title for hit in find("Angelieva")] == ["Karina Angelieva"]
    finally:
        close_database()


def test_the_first_database_holds_every_sample_record(tmp_path):
    run_self_test(lambda _line: None, tmp_path)
    open_database(tmp_path / "self-test.db", create=False)
    try:
        assert Organization.select().count() == 15
        assert Person.select().count() == 12
    finally:
        close_database()
