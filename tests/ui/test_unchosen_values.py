"""Values nobody chose: a choice left empty stays empty, and a value a row always gets (a
participant's role and status, a member's side, a partner's role, a figure's qualifier) is
shown before it is saved, never filled in unseen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from models.kinds.events import EVENTS
from models.kinds.people import PEOPLE
from models.store.records import EventParticipant
from ui.widgets.child_table import ChildTable
from ui.widgets.inputs import ChoiceInput

from .helpers import choose, keyboard_target, press, show_field, typed

CTRL = Qt.KeyboardModifier.ControlModifier
KINDS = (
    "organization",
    "person",
    "event",
    "delegation",
    "program",
    "agreement",
    "figure",
    "source",
)
# What each kind needs typed in its first field (and the value of a figure) to be saved.
REQUIRED = {"figure": {"value": "1 130"}, "delegation": {"direction": "incoming"}}


def test_every_table_shows_the_value_a_row_gets_before_it_is_added(window):
    shown = {}
    for kind in KINDS:
        form = window.pages[kind].form
        for table in form.findChildren(ChildTable):
            for column in table.columns:
                widget = table.add_inputs.get(column.key)
                if column.kind != "choice" or not isinstance(widget, ChoiceInput):
                    continue
                if column.default is not None:
                    assert widget.value() == column.default, (kind, column.key)
                    # no empty entry to fall back from: what is shown is what is saved
                    assert None not in [widget.itemData(i) for i in range(widget.count())]
                shown[(kind, column.key)] = widget.currentText()
    assert shown == {
        ("event", "role"): "Attendee",
        ("event", "status"): "Confirmed",
        ("delegation", "side"): "Member",
        ("program", "role"): "Partner",
    }


def test_a_participant_added_without_choosing_gets_what_the_bar_showed(window, qtbot):
    PEOPLE.save({"full_name": "Karina Angelieva"})
    event = EVENTS.save({"title": "Council of Strategic Partners"})
    window.open_record("event", event.id)
    form = window.pages["event"].form
    table = form.inputs["participants"]
    show_field(qtbot, form, table)
    status = table.add_inputs["status"]
    assert status.currentText() == "Confirmed"
    choose(qtbot, form.participant_picker, "Angel")
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    row = table.proxy.index(0, 2)
    assert row.data() == "Confirmed"
    assert table.proxy.index(0, 1).data() == "Attendee"
    # changed in its cell, a role or a status offers only real values
    table.view.setFocus()
    table.view.setCurrentIndex(row)
    press(qtbot, Qt.Key.Key_F2)
    editor = keyboard_target()
    assert isinstance(editor, ChoiceInput)
    assert "—" not in [editor.itemText(i) for i in range(editor.count())]
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.value()[0]["status"] == "invited")
    press(qtbot, Qt.Key.Key_S, CTRL)
    participant = EventParticipant.get()
    assert (participant.role, participant.status) == ("attendee", "invited")


def test_a_figure_shows_its_qualifier_and_offers_no_empty_one(window):
    qualifier = window.pages["figure"].form.inputs["qualifier"]
    assert qualifier.currentText() == "Exactly"
    assert [qualifier.itemText(i) for i in range(qualifier.count())] == [
        "Exactly",
        "About",
        "More than",
        "Less than",
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_a_choice_left_empty_is_saved_empty(window, qtbot, kind):
    window.show_page(kind)
    page = window.pages[kind]
    page.table.setFocus()
    press(qtbot, Qt.Key.Key_N, CTRL)
    form = page.form
    typed(qtbot, "Recorded after the meeting")
    for name, value in REQUIRED.get(kind, {}).items():
        widget = form.inputs[name]
        if isinstance(widget, ChoiceInput):
            widget.setFocus()
            while widget.value() != value:
                press(qtbot, Qt.Key.Key_Down)
        else:
            widget.setFocus()
            typed(qtbot, value)
    left = [
        name
        for name, widget in form.inputs.items()
        if isinstance(widget, ChoiceInput) and widget.value() is None
    ]
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert form.record_id is not None, [e.text() for e in form.errors.values() if e.text()]
    record = form.editor.get(form.record_id)
    assert {name: getattr(record, name) for name in left} == dict.fromkeys(left)
