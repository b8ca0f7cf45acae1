"""``seriktes export calendar``: the .ics it writes parses with icalendar and holds one entry
per event, delegation, expiry and due date, with the same ids on every export; what it
refuses and why."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

import main
from models.store.database import close_database
from tests.calendar_records import calendar_records

DAY = dt.date(2026, 12, 28)  # the range crosses into the next year


@pytest.fixture
def saved(database, database_target):
    made = calendar_records(DAY)
    close_database()
    return database_target, made


def export(target, *args):
    return main.main(["export", "calendar", *args, "--database", str(target)])


def read(path) -> list:
    calendar = Calendar.from_ical(path.read_bytes())
    assert calendar["VERSION"] == "2.0"
    assert str(calendar["PRODID"]).startswith("-//Seriktes//")
    return list(calendar.walk("VEVENT"))


def by_summary(entries) -> dict:
    return {str(entry["SUMMARY"]): entry for entry in entries}


def test_every_entry_of_the_range_is_written(saved, tmp_path, capsys, clock):
    target, made = saved
    clock.set_clock(dt.datetime(2027, 1, 2, 9, 0))
    path = tmp_path / "calendar.ics"
    assert export(target, "--from", "28.12.2026", "--to", "2027-01-31", "--output", str(path)) == 0
    assert capsys.readouterr().out.strip() == str(path)
    entries = by_summary(read(path))
    assert sorted(entries) == [
        "Agreement expires: Memorandum with CSIC",
        "Follow-up due: Send the roadmap",
        "Follow-up due: Share the list of laboratories",
        "Forum of academic knowledge",
        "Guests from Astana",
        "Lecture on water",
        "Visit to CSIC",
    ]
    forum = entries["Forum of academic knowledge"]
    # A whole-day entry ends the day after its last day (RFC 5545).
    assert forum.decoded("DTSTART") == DAY
    assert forum.decoded("DTEND") == dt.date(2026, 12, 31)
    assert str(forum["LOCATION"]) == "Astana, Kazakhstan"
    assert forum["UID"] == f"seriktes-event-{made['forum'].id}@seriktes"
    lecture = entries["Lecture on water"]
    assert lecture.decoded("DTSTART") == dt.datetime(2027, 1, 6, 10, 30)
    assert lecture.decoded("DTEND") == dt.datetime(2027, 1, 6, 11, 30)
    expiry = entries["Agreement expires: Memorandum with CSIC"]
    assert expiry.decoded("DTSTART") == dt.date(2027, 1, 12)
    assert expiry["UID"] == f"seriktes-expiry-{made['memorandum'].id}@seriktes"
    assert str(expiry["TRANSP"]) == "TRANSPARENT"
    assert "Agreement expiries" in expiry["CATEGORIES"].cats
    visit = entries["Visit to CSIC"]
    assert str(visit["DESCRIPTION"]) == "Organization: Spanish National Research Council"
    done = entries["Follow-up due: Share the list of laboratories"]
    assert str(done["DESCRIPTION"]) == "Delegation: Visit to CSIC\nDone."
    # When the file was made, in UTC as RFC 5545 asks: the clock's moment.
    stamp = forum.decoded("DTSTAMP")
    assert stamp.utcoffset() == dt.timedelta(0)
    assert abs(stamp - dt.datetime(2027, 1, 2, 9, 0).astimezone(dt.UTC)) < dt.timedelta(minutes=1)


def test_a_second_export_keeps_the_ids_so_a_calendar_updates(saved, tmp_path):
    target, made = saved
    first, second = tmp_path / "first.ics", tmp_path / "second.ics"
    assert export(target, "--from", "2026-12-01", "--to", "2027-02-28", "-o", str(first)) == 0
    from models.kinds.events import EVENTS
    from models.store.database import open_database

    open_database(target)
    values = EVENTS.load(made["forum"].id)
    EVENTS.save(values | {"title": "Forum of academic knowledge, renamed"}, made["forum"].id)
    close_database()
    assert export(target, "--from", "2026-12-01", "--to", "2027-02-28", "-o", str(second)) == 0
    before = {str(e["UID"]): str(e["SUMMARY"]) for e in read(first)}
    after = {str(e["UID"]): str(e["SUMMARY"]) for e in read(second)}
    assert before.keys() == after.keys()
    uid = f"seriktes-event-{made['forum'].id}@seriktes"
    assert after[uid] == "Forum of academic knowledge, renamed"
    assert len(before) == 7


def test_kinds_and_country_narrow_the_file(saved, tmp_path):
    target, _made = saved
    path = tmp_path / "spain.ics"
    code = export(
        target, "--from", "2026-12-28", "--to", "2027-01-31", "--output", str(path),
        "--country", "Испания", "--kind", "expiries,follow-up",
    )  # fmt: skip
    assert code == 0
    assert sorted(by_summary(read(path))) == [
        "Agreement expires: Memorandum with CSIC",
        "Follow-up due: Send the roadmap",
        "Follow-up due: Share the list of laboratories",
    ]


def test_an_empty_range_writes_a_calendar_with_no_entries(saved, tmp_path):
    target, _made = saved
    path = tmp_path / "empty.ics"
    assert export(target, "--from", "2020-01-01", "--to", "2020-01-31", "-o", str(path)) == 0
    assert read(path) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "meeting"], "“meeting” is not a kind of calendar entry"),
        (["--country", "Atlantis"], "No country is called “Atlantis”"),
    ],
)
def test_unknown_kinds_and_countries_are_refused_in_one_line(
    saved, tmp_path, capsys, args, message
):
    target, _made = saved
    path = tmp_path / "refused.ics"
    code = export(target, "--from", "2026-12-01", "--to", "2026-12-31", "-o", str(path), *args)
    assert code == 1
    error = capsys.readouterr().err
    assert message in error and error.count("\n") == 1
    assert not path.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-12-01", "-o", "x.ics"], "calendar needs --from DATE and --to DATE"),
        (["--from", "2026-12-31", "--to", "2026-12-01", "-o", "x.ics"], "must not come before"),
        (["--from", "2026-12-01", "--to", "2026-12-31", "-o", "x.xlsx"], "must end in .ics"),
        (["--to", "2026-12-31", "--from", "2026-12-01", "-o", "x.ics", "--tag", "x"], "--tag"),
    ],
)
def test_usage_errors_exit_with_2(saved, tmp_path, capsys, monkeypatch, args, message):
    target, _made = saved
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stop:
        export(target, *args)
    assert stop.value.code == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.glob("x.*")) == []


def test_a_file_already_there_is_replaced_whole(saved, tmp_path):
    target, _made = saved
    path = tmp_path / "calendar.ics"
    path.write_text("old")
    assert export(target, "--from", "2026-12-28", "--to", "2027-01-31", "-o", str(path)) == 0
    assert len(read(path)) == 7
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".seriktes-")] == []
