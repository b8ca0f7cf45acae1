"""Edit ▸ Undo and Redo in the window, and the Trash view."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt

from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.store.records import Agreement, Organization, Person, TrashItem
from ui import dialogs

from ..models.test_undo import Expected, ModelStep, Thing
from .helpers import click_row, type_into


def test_undo_and_redo_an_edit_and_a_delete(window, qtbot, answers):
    istc = ORGANIZATIONS.save(
        {"name": "International Science and Technology Center", "short_name": "ISTC"}
    )
    person = PEOPLE.save({"full_name": "Karina Angelieva", "organization": istc.id})
    page = window.pages["organization"]
    page.apply_request()
    window.open_record("organization", istc.id)
    type_into(qtbot, page.form.inputs["city"], "Astana")
    qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)
    assert window.undo_action.text() == (
        "&Undo edit of International Science and Technology Center (ISTC)"
    )

    qtbot.mouseClick(page.form.delete_button, Qt.MouseButton.LeftButton)
    assert "It goes to the Trash" in answers.asked[-1]
    assert Organization.select().count() == 0
    assert window.undo_action.text() == (
        "&Undo delete of International Science and Technology Center (ISTC)"
    )

    window.undo_action.trigger()
    assert Organization.get_by_id(istc.id).city == "Astana"
    assert Person.get_by_id(person.id).organization_id == istc.id
    assert page.model.rowCount() == 1
    window.undo_action.trigger()
    assert Organization.get_by_id(istc.id).city == ""
    window.redo_action.trigger()
    assert Organization.get_by_id(istc.id).city == "Astana"
    window.redo_action.trigger()
    assert Organization.select().count() == 0
    assert page.model.rowCount() == 0


def test_the_trash_restores_and_deletes_for_good_after_asking(window, qtbot, answers):
    for name in ("ISTC", "CSIC"):
        record = ORGANIZATIONS.save({"name": name})
        window.open_record("organization", record.id)
        window.pages["organization"].form.delete()
    window.show_page("trash")
    trash_page = window.trash_page
    assert [trash_page.table.item(r, 3).text() for r in range(2)] == ["CSIC", "ISTC"]
    trash_page.table.selectRow(1)
    qtbot.mouseClick(trash_page.restore_button, Qt.MouseButton.LeftButton)
    assert [o.name for o in Organization.select()] == ["ISTC"]
    assert window.stack.currentWidget() is window.pages["organization"]

    window.show_page("trash")
    answers.confirm = False
    qtbot.mouseClick(trash_page.empty_button, Qt.MouseButton.LeftButton)
    assert "Delete the 1 record in the trash for good?" in answers.asked[-1]
    assert trash_page.table.rowCount() == 1
    answers.confirm = True
    qtbot.mouseClick(trash_page.empty_button, Qt.MouseButton.LeftButton)
    assert trash_page.table.rowCount() == 0
    assert trash_page.note.text() == "The trash is empty."


def test_the_history_tab_shows_changes_and_brings_a_value_back(window, qtbot):
    istc = ORGANIZATIONS.save({"name": "ISTC", "city": "Almaty"})
    ORGANIZATIONS.save({**ORGANIZATIONS.load(istc.id), "city": "Astana"}, istc.id)
    window.open_record("organization", istc.id)
    form = window.pages["organization"].form
    panel = form.history
    rows = [
        [panel.table.item(r, c).text() for c in range(2, 5)] for r in range(panel.table.rowCount())
    ]
    assert rows[0] == ["City", "Almaty", "Astana"]
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    assert Organization.get_by_id(istc.id).city == "Almaty"
    assert form.inputs["city"].text() == "Almaty"
    assert window.undo_action.isEnabled()


def test_the_history_names_kinds_and_countries_as_the_form_does(window):
    csic = ORGANIZATIONS.save({"name": "CSIC", "kind": "research", "country": "ES"})
    window.open_record("organization", csic.id)
    panel = window.pages["organization"].form.history
    after = {
        panel.table.item(r, 2).text(): panel.table.item(r, 4).text()
        for r in range(panel.table.rowCount())
    }
    assert after["Kind"] == "Research organization"
    assert after["Country"] == "Spain"


def undo_by_keyboard(qtbot, window, redo: bool = False) -> None:
    """Ctrl+Z (Ctrl+Shift+Z) pressed with the list focused, as a user does."""
    page = window.page() or window.pages["organization"]
    target = page.table if window.page() is not None else window
    target.setFocus()
    modifiers = Qt.KeyboardModifier.ControlModifier
    if redo:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(target, Qt.Key.Key_Z, modifiers)


@pytest.mark.parametrize(
    ("kind", "field", "model"),
    [("organization", "name", Organization), ("agreement", "title", Agreement)],
)
def test_undo_of_a_new_record_takes_it_to_the_trash_and_redo_brings_it_back(
    window, qtbot, answers, kind, field, model
):
    window.show_page(kind)
    page = window.pages[kind]
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, page.form.inputs[field], "Erasmus+ Kazakhstan")
    qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)
    assert model.select().count() == 1
    assert window.undo_action.text() == "&Undo creation of Erasmus+ Kazakhstan"

    undo_by_keyboard(qtbot, window)
    assert answers.errors == []
    assert model.select().count() == 0
    assert [item.title for item in TrashItem.select()] == ["Erasmus+ Kazakhstan"]
    assert page.model.rowCount() == 0
    assert not window.undo_action.isEnabled()
    assert window.redo_action.text() == "&Redo creation of Erasmus+ Kazakhstan"

    undo_by_keyboard(qtbot, window, redo=True)
    assert [getattr(r, field) for r in model.select()] == ["Erasmus+ Kazakhstan"]
    assert TrashItem.select().count() == 0
    assert page.model.rowCount() == 1
    assert window.undo_action.text() == "&Undo creation of Erasmus+ Kazakhstan"
    assert not window.redo_action.isEnabled()


def test_a_restore_from_the_trash_is_a_step_of_undo(window, qtbot, answers):
    window.show_page("organization")
    page = window.pages["organization"]
    type_into(qtbot, page.form.inputs["name"], "Coursera")
    qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, page.form.inputs["city"], "Mountain View")
    qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.form.delete_button, Qt.MouseButton.LeftButton)
    window.show_page("trash")
    qtbot.mouseClick(window.trash_page.restore_button, Qt.MouseButton.LeftButton)
    assert [o.city for o in Organization.select()] == ["Mountain View"]
    assert window.undo_action.text() == "&Undo restore of Coursera"

    undo_by_keyboard(qtbot, window)  # the restore
    assert Organization.select().count() == 0
    assert window.undo_action.text() == "&Undo delete of Coursera"
    undo_by_keyboard(qtbot, window)  # the delete
    assert [o.city for o in Organization.select()] == ["Mountain View"]
    assert window.undo_action.text() == "&Undo edit of Coursera"
    undo_by_keyboard(qtbot, window)  # the edit
    assert [o.city for o in Organization.select()] == [""]
    assert window.undo_action.text() == "&Undo creation of Coursera"
    undo_by_keyboard(qtbot, window)  # the creation
    assert Organization.select().count() == 0
    assert answers.errors == []
    for _step in range(4):
        undo_by_keyboard(qtbot, window, redo=True)
    assert [o.city for o in Organization.select()] == ["Mountain View"]
    assert TrashItem.select().count() == 0
    assert window.undo_action.text() == "&Undo restore of Coursera"
    assert not window.redo_action.isEnabled()


def test_a_step_that_can_no_longer_be_taken_is_explained_and_leaves_the_list(
    window, qtbot, answers
):
    window.show_page("organization")
    page = window.pages["organization"]
    type_into(qtbot, page.form.inputs["name"], "Huawei")
    qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.form.delete_button, Qt.MouseButton.LeftButton)
    window.show_page("trash")
    qtbot.mouseClick(window.trash_page.empty_button, Qt.MouseButton.LeftButton)
    assert window.undo_action.text() == "&Undo delete of Huawei"

    undo_by_keyboard(qtbot, window)
    assert "“Huawei” is no longer in the trash: it was deleted for good" in answers.errors[-1]
    assert Organization.select().count() == 0
    # The failed step is gone, not waiting to be redone; the step before it is next.
    assert not window.redo_action.isEnabled()
    assert window.undo_action.text() == "&Undo creation of Huawei"
    undo_by_keyboard(qtbot, window)
    assert "“Huawei” no longer exists: it was deleted for good" in answers.errors[-1]
    assert not window.undo_action.isEnabled()
    assert not window.redo_action.isEnabled()


def test_undo_asks_about_unsaved_changes_before_reading_the_form_again(window, qtbot, answers):
    window.show_page("organization")
    page = window.pages["organization"]
    type_into(qtbot, page.form.inputs["name"], "CSIC")
    qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, page.form.inputs["city"], "Madrid")
    answers.unsaved = dialogs.Unsaved.CANCEL
    undo_by_keyboard(qtbot, window)
    assert answers.asked[-1] == "unsaved|“CSIC”"
    assert page.form.inputs["city"].text() == "Madrid"
    assert Organization.select().count() == 1
    # Saved when asked: that save is the last step now, and nothing is undone.
    answers.unsaved = dialogs.Unsaved.SAVE
    undo_by_keyboard(qtbot, window)
    assert [o.city for o in Organization.select()] == ["Madrid"]
    assert window.undo_action.text() == "&Undo edit of CSIC"
    undo_by_keyboard(qtbot, window)
    assert [o.city for o in Organization.select()] == [""]


def go_to(qtbot, window, key: str) -> None:
    """Click a page's entry in the navigation on the left."""
    navigation = window.navigation
    row = next(
        r
        for r in range(navigation.count())
        if navigation.item(r).data(Qt.ItemDataRole.UserRole) == key
    )
    rect = navigation.visualItemRect(navigation.item(row))
    qtbot.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_record(qtbot, page, name: str) -> None:
    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 0).data() == name)
    click_row(qtbot, page, row)
    assert page.form.inputs["name"].text() == name


def click_trash_row(qtbot, trash_page, title: str) -> None:
    table = trash_page.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 3).text() == title)
    rect = table.visualItemRect(table.item(row, 3))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


MENU_NAMES = {
    "creation": "creation of",
    "edit": "edit of",
    "delete": "delete of",
    "restore": "restore of",
}


def test_a_seeded_walk_through_the_window_keeps_undo_true(window, qtbot, answers):
    """Records made, edited, deleted and restored with the keyboard and the mouse, steps
    undone and redone with Ctrl+Z and Ctrl+Shift+Z, and the trash emptied, in a random
    order: after each step the database holds what it should and Edit ▸ Undo and Redo name
    the right steps."""
    rng = random.Random(1440)
    page = window.pages["organization"]
    expected = Expected()
    names = iter(range(1, 1000))
    go_to(qtbot, window, "organization")
    for _step in range(70):
        action = rng.choices(
            ["create", "edit", "delete", "restore", "empty", "undo", "redo"],
            [3, 3, 2, 2, 0.3, 4, 3],
        )[0]
        live, trashed = expected.where("live"), expected.where("trash")
        if action == "create":
            go_to(qtbot, window, "organization")
            qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
            thing = Thing("organization", f"Partner {next(names)}")
            type_into(qtbot, page.form.inputs["name"], thing.name)
            qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)
            expected.things.append(thing)
            expected.push(ModelStep("creation", thing.name, [thing]))
        elif action == "edit" and live:
            thing = rng.choice(live)
            go_to(qtbot, window, "organization")
            click_record(qtbot, page, thing.name)
            before = (thing.name, thing.notes)
            thing.notes = f"City {next(names)}"
            type_into(qtbot, page.form.inputs["city"], thing.notes)
            qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)
            expected.push(ModelStep("edit", thing.name, [thing], before, (thing.name, thing.notes)))
        elif action == "delete" and live:
            thing = rng.choice(live)
            go_to(qtbot, window, "organization")
            click_record(qtbot, page, thing.name)
            qtbot.mouseClick(page.form.delete_button, Qt.MouseButton.LeftButton)
            thing.place = "trash"
            expected.push(ModelStep("delete", thing.name, [thing]))
        elif action == "restore" and trashed:
            thing = rng.choice(trashed)
            go_to(qtbot, window, "trash")
            click_trash_row(qtbot, window.trash_page, thing.name)
            qtbot.mouseClick(window.trash_page.restore_button, Qt.MouseButton.LeftButton)
            thing.place = "live"
            expected.push(ModelStep("restore", thing.name, [thing]))
        elif action == "empty" and trashed:
            go_to(qtbot, window, "trash")
            qtbot.mouseClick(window.trash_page.empty_button, Qt.MouseButton.LeftButton)
            for thing in trashed:
                thing.place = "gone"
        elif action == "undo" and expected.index:
            step = expected.steps[expected.index - 1]
            errors = len(answers.errors)
            undo_by_keyboard(qtbot, window)
            if step.can_undo():
                step.undo()
            else:
                assert len(answers.errors) == errors + 1
                del expected.steps[expected.index - 1]
            expected.index -= 1
        elif action == "redo" and expected.index < len(expected.steps):
            step = expected.steps[expected.index]
            errors = len(answers.errors)
            undo_by_keyboard(qtbot, window, redo=True)
            if step.can_redo():
                step.redo()
                expected.index += 1
            else:
                assert len(answers.errors) == errors + 1
                del expected.steps[expected.index]
        assert {o.name: o.city for o in Organization.select()} == {
            thing.name: thing.notes for thing in expected.where("live")
        }
        assert sorted(item.title for item in TrashItem.select()) == sorted(
            thing.name for thing in expected.where("trash")
        )
        undo = expected.steps[expected.index - 1] if expected.index else None
        redo = expected.steps[expected.index] if expected.index < len(expected.steps) else None
        assert window.undo_action.text() == (
            f"&Undo {MENU_NAMES[undo.action]} {undo.title}" if undo else "&Undo"
        )
        assert window.redo_action.text() == (
            f"&Redo {MENU_NAMES[redo.action]} {redo.title}" if redo else "&Redo"
        )
