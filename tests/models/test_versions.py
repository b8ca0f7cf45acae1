"""Two desktops on one database never overwrite each other's edits unseen: a save over a
version someone else changed since is refused with what each side changed, field by field,
and saved again once the user has chosen. The other desktop is a process of its own, with
its own connection and user name (``tests.desktops``)."""

from __future__ import annotations

import datetime as dt

import pytest

from models import conflicts, history, trash
from models.errors import Conflict
from models.kinds.delegations import DELEGATIONS
from models.kinds.events import EVENTS
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.kinds.programs import PROGRAMS
from models.store.records import Event, Organization
from models.undo import StepRefused, UndoHistory

from ..desktops import elsewhere


@pytest.fixture
def csic(database):
    return ORGANIZATIONS.save(
        {"name": "Spanish National Research Council", "short_name": "CSIC", "country": "ES"}
    )


def opened(editor, record_id):
    """A record as a form opens it: its values and its version."""
    return editor.load(record_id), editor.get(record_id).version


def test_every_save_counts_a_new_version_of_the_record(csic):
    assert csic.version == 1
    values = ORGANIZATIONS.load(csic.id)
    assert ORGANIZATIONS.save({**values, "city": "Madrid"}, csic.id).version == 2
    # Tags and areas belong to the record: changing only them is a new version too.
    values = ORGANIZATIONS.load(csic.id)
    assert ORGANIZATIONS.save({**values, "tags": ["Spain"]}, csic.id, 2).version == 3
    assert Organization.get_by_id(csic.id).version == 3


def test_edits_of_different_fields_on_two_desktops_both_stay(csic, database_target):
    values, version = opened(ORGANIZATIONS, csic.id)
    elsewhere(
        database_target,
        f"""
        editor = EDITORS["organization"]
        editor.save({{**editor.load({csic.id}), "city": "Madrid"}}, {csic.id})
        """,
    )
    mine = {**values, "website": "https://www.csic.es"}
    with pytest.raises(Conflict) as caught:
        ORGANIZATIONS.save(mine, csic.id, expected_version=version, opened=values)
    conflict = caught.value
    assert not conflict.deleted
    assert conflict.changed_by == "amina"
    assert "amina" in str(conflict)
    # Nothing of the refused save was written.
    assert Organization.get_by_id(csic.id).website == ""
    changed = {d.field: (d.theirs_changed, d.mine_changed) for d in conflicts.differences(conflict)}
    assert changed == {"city": (True, False), "website": (False, True)}
    assert conflicts.clashes(conflict) == []
    saved = ORGANIZATIONS.save(
        conflicts.merged(conflict), csic.id, conflict.version, opened=conflict.theirs
    )
    stored = Organization.get_by_id(csic.id)
    assert (stored.city, stored.website) == ("Madrid", "https://www.csic.es")
    assert saved.version == conflict.version + 1 == 3


@pytest.mark.parametrize("keep", [conflicts.THEIRS, conflicts.MINE])
def test_edits_of_the_same_field_ask_whose_to_keep(csic, database_target, keep):
    values, version = opened(ORGANIZATIONS, csic.id)
    elsewhere(
        database_target,
        f"""
        editor = EDITORS["organization"]
        editor.save({{**editor.load({csic.id}), "city": "Madrid", "notes": "Theirs"}}, {csic.id})
        """,
    )
    mine = {**values, "city": "Barcelona", "short_name": "C.S.I.C."}
    with pytest.raises(Conflict) as caught:
        ORGANIZATIONS.save(mine, csic.id, expected_version=version, opened=values)
    conflict = caught.value
    [clash] = conflicts.clashes(conflict)
    assert (clash.field, clash.opened, clash.theirs, clash.mine) == (
        "city",
        "",
        "Madrid",
        "Barcelona",
    )
    ORGANIZATIONS.save(conflicts.merged(conflict, {"city": keep}), csic.id, conflict.version)
    stored = Organization.get_by_id(csic.id)
    assert stored.city == ("Madrid" if keep == conflicts.THEIRS else "Barcelona")
    # What only one side changed is kept either way.
    assert (stored.notes, stored.short_name) == ("Theirs", "C.S.I.C.")


def test_the_same_change_on_both_desktops_is_no_clash(csic, database_target):
    values, version = opened(ORGANIZATIONS, csic.id)
    elsewhere(
        database_target,
        f"""
        editor = EDITORS["organization"]
        editor.save({{**editor.load({csic.id}), "city": "Madrid"}}, {csic.id})
        """,
    )
    with pytest.raises(Conflict) as caught:
        ORGANIZATIONS.save({**values, "city": "Madrid"}, csic.id, version, opened=values)
    assert conflicts.clashes(caught.value) == []


def test_a_record_deleted_on_another_desktop_can_be_saved_as_new(csic, database_target):
    values, version = opened(ORGANIZATIONS, csic.id)
    elsewhere(database_target, f'trash.move_to_trash("organization", {csic.id})')
    mine = {**values, "city": "Madrid"}
    with pytest.raises(Conflict) as caught:
        ORGANIZATIONS.save(mine, csic.id, expected_version=version, opened=values)
    conflict = caught.value
    assert conflict.deleted
    assert conflict.changed_by == "amina"
    assert "deleted by amina" in str(conflict)
    assert not Organization.select().where(Organization.id == csic.id).exists()
    again = ORGANIZATIONS.save(conflict.mine)
    assert (again.name, again.city, again.version) == (csic.name, "Madrid", 1)


def test_child_rows_changed_on_both_desktops_can_keep_both(csic, database_target):
    angelieva = PEOPLE.save({"full_name": "Karina Angelieva"})
    montes = PEOPLE.save({"full_name": "Luis Francisco Martínez Montes"})
    event = EVENTS.save({"title": "Kazakhstan–Spain science day"})
    values, version = opened(EVENTS, event.id)
    elsewhere(
        database_target,
        f"""
        editor = EVENTS = EDITORS["event"]
        values = editor.load({event.id})
        values["participants"] = [{{"person": {montes.id}, "role": "speaker"}}]
        editor.save(values, {event.id})
        """,
    )
    mine = {**values, "participants": [{"organization": csic.id, "role": "host"}]}
    with pytest.raises(Conflict) as caught:
        EVENTS.save(mine, event.id, expected_version=version, opened=values)
    [clash] = conflicts.clashes(caught.value)
    assert clash.field == "participants"
    assert conflicts.BOTH in clash.choices()
    EVENTS.save(
        conflicts.merged(caught.value, {"participants": conflicts.BOTH}),
        event.id,
        caught.value.version,
    )
    rows = EVENTS.load(event.id)["participants"]
    assert [(row["person"], row["organization"], row["role"]) for row in rows] == [
        (montes.id, None, "speaker"),
        (None, csic.id, "host"),
    ]
    assert angelieva.id not in {row["person"] for row in rows}


def test_a_child_row_edited_elsewhere_is_a_change_of_its_record(database, database_target):
    """A follow-up ticked off on one desktop while the other edits the delegation's purpose:
    both stay."""
    delegation = DELEGATIONS.save(
        {
            "title": "ISTC delegation to the Ministry",
            "follow_ups": [{"action": "Send the draft memorandum", "due_on": dt.date(2025, 4, 1)}],
        }
    )
    values, version = opened(DELEGATIONS, delegation.id)
    elsewhere(
        database_target,
        f"""
        editor = EDITORS["delegation"]
        values = editor.load({delegation.id})
        values["follow_ups"][0]["done"] = True
        editor.save(values, {delegation.id})
        """,
    )
    with pytest.raises(Conflict) as caught:
        DELEGATIONS.save(
            {**values, "purpose": "Joint projects"}, delegation.id, version, opened=values
        )
    assert [d.field for d in conflicts.differences(caught.value)] == ["purpose", "follow_ups"]
    DELEGATIONS.save(conflicts.merged(caught.value), delegation.id, caught.value.version)
    stored = DELEGATIONS.load(delegation.id)
    assert stored["purpose"] == "Joint projects"
    assert stored["follow_ups"][0]["done"] is True


def test_a_person_deleted_elsewhere_changes_the_events_they_take_part_in(database, database_target):
    person = PEOPLE.save({"full_name": "Karina Angelieva"})
    event = EVENTS.save(
        {"title": "ISTC meeting", "participants": [{"person": person.id, "role": "speaker"}]}
    )
    values, version = opened(EVENTS, event.id)
    elsewhere(database_target, f'trash.move_to_trash("person", {person.id})')
    assert Event.get_by_id(event.id).version == version + 1
    with pytest.raises(Conflict) as caught:
        EVENTS.save({**values, "venue": "ORTA"}, event.id, version, opened=values)
    [difference] = [d for d in conflicts.differences(caught.value) if d.theirs_changed]
    assert (difference.field, difference.theirs) == ("participants", [])


def test_a_record_back_from_the_trash_is_a_new_version(csic):
    values, version = opened(ORGANIZATIONS, csic.id)
    item = trash.move_to_trash("organization", csic.id)
    trash.restore(item.id)
    with pytest.raises(Conflict):
        ORGANIZATIONS.save({**values, "city": "Madrid"}, csic.id, version, opened=values)


def test_an_import_filling_a_record_on_another_desktop_is_caught(csic, database_target, tmp_path):
    """The command line's import, filling an empty field of a partner the window edits."""
    sheet = tmp_path / "partners.csv"
    sheet.write_text("Name,City\nSpanish National Research Council,Madrid\n", encoding="utf-8")
    values, version = opened(ORGANIZATIONS, csic.id)
    elsewhere(
        database_target,
        f"""
        import main
        code = main.main(["import", {str(sheet)!r}, "--into", "organizations",
                          "--database", {str(database_target)!r}, "--on-duplicate", "fill"])
        assert code == 0, code
        """,
    )
    with pytest.raises(Conflict) as caught:
        ORGANIZATIONS.save({**values, "city": "Sevilla"}, csic.id, version, opened=values)
    [clash] = conflicts.clashes(caught.value)
    assert (clash.theirs, clash.mine) == ("Madrid", "Sevilla")


def test_undo_never_takes_back_over_another_desktops_change(csic, database_target):
    steps = UndoHistory()
    saved = ORGANIZATIONS.save({**ORGANIZATIONS.load(csic.id), "city": "Madrid"}, csic.id)
    steps.saved(saved.change_set, "CSIC", saved.version)
    again = ORGANIZATIONS.save({**ORGANIZATIONS.load(csic.id), "notes": "Mine"}, csic.id)
    steps.saved(again.change_set, "CSIC", again.version)
    steps.undo()  # my own last step, over my own version: taken
    assert Organization.get_by_id(csic.id).notes == ""
    elsewhere(
        database_target,
        f"""
        editor = EDITORS["organization"]
        editor.save({{**editor.load({csic.id}), "city": "Sevilla"}}, {csic.id})
        """,
    )
    with pytest.raises(StepRefused, match="amina changed “CSIC”"):
        steps.undo()
    assert Organization.get_by_id(csic.id).city == "Sevilla"
    with pytest.raises(StepRefused):
        steps.redo()
    assert Organization.get_by_id(csic.id).notes == ""


def test_a_value_brought_back_from_history_is_a_new_version(database):
    program = PROGRAMS.save({"name": "AI-Sana"})
    PROGRAMS.save({**PROGRAMS.load(program.id), "short_name": "AIS"}, program.id)
    change = next(c for c in history.history_of("program", program.id) if c.field == "short_name")
    history.restore_value(change.id)
    assert PROGRAMS.get(program.id).version == 3
