"""Edit ▸ Undo and Redo in the window, and the Trash view."""

from __future__ import annotations

from PySide6.QtCore import Qt

from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.store.records import Organization, Person

from .helpers import type_into


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
    assert "Delete the 1 records in the trash for good?" in answers.asked[-1]
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
