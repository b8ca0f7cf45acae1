"""The Who met whom page: reached from the navigation and from a record's form, a click on a
record puts it in the centre, a double-click opens it, the steps and the period choose what
is drawn, and a crowded picture stays readable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from models.kinds.events import EVENTS
from models.kinds.people import PEOPLE
from tests.models.meetings import seed_meetings
from ui.relationships_page import RELATIONSHIPS, install_relationships

from .helpers import key_clicks, type_into
from .test_undo_and_trash import go_to


@pytest.fixture
def meetings(window, qtbot):
    ids = seed_meetings()
    window.page_of_relationships = install_relationships(window)
    window.resize(1280, 860)
    return ids


def drawn(page) -> set[str]:
    scene = page.view.scene()
    return set() if scene is None else {page.neighbourhood.nodes[k].label for k in scene.marks}


def point_of(page, key) -> QPoint:
    mark = page.view.scene().marks[key]
    return page.view.mapFromScene(mark.scenePos())


def click_mark(qtbot, page, key) -> None:
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(page, key))


def centre_on(qtbot, window, name: str):
    """Go to the page by the navigation, type a name, press Enter."""
    go_to(qtbot, window, RELATIONSHIPS)
    page = window.page_of_relationships
    qtbot.waitUntil(page.isVisible)
    page.find.setFocus()
    key_clicks(qtbot, page.find, name)
    qtbot.keyClick(page.find, Qt.Key.Key_Return)
    return page


def test_the_page_centres_on_a_name_typed_and_draws_whom_it_met(meetings, window, qtbot):
    page = centre_on(qtbot, window, "Aigerim")
    assert page.centre == ("person", meetings["aigerim"])
    assert page.heading.text() == "Aigerim Nurlanova"
    assert drawn(page) == {
        "Aigerim Nurlanova",
        "Astana forum",
        "Bolat Seitkali",
        "NU",
        "CSIC delegation to Astana",
        "CSIC",
        "Diego García",
        "Chen Li",
    }
    assert page.legend.entries == ["4 people", "2 organizations", "1 event", "1 delegation"]
    assert "1 step · all dates" in page.caption.text()


def test_the_button_on_a_form_opens_the_page_centred_on_its_record(meetings, window, qtbot):
    window.open_record("event", meetings["workshop"])
    form = window.pages["event"].form
    qtbot.mouseClick(form.who_met_whom, Qt.MouseButton.LeftButton)
    page = window.page_of_relationships
    qtbot.waitUntil(page.isVisible)
    assert page.centre == ("event", meetings["workshop"])
    assert drawn(page) == {"Madrid workshop", "Bolat Seitkali", "Chen Li", "Farida Omarova"}
    # A new record has met nobody yet: no button to press.
    window.open_record("person", meetings["chen"])
    person_form = window.pages["person"].form
    assert person_form.who_met_whom.isEnabled()
    qtbot.mouseClick(window.pages["person"].new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: person_form.record_id is None)
    assert not person_form.who_met_whom.isEnabled()


def test_a_click_re_centres_and_a_double_click_opens_the_record(meetings, window, qtbot):
    page = centre_on(qtbot, window, "Aigerim")
    click_mark(qtbot, page, ("event", meetings["forum"]))
    qtbot.waitUntil(lambda: page.centre == ("event", meetings["forum"]))
    assert page.heading.text() == "Astana forum"
    assert drawn(page) == {"Astana forum", "Aigerim Nurlanova", "Bolat Seitkali", "NU"}

    qtbot.mouseDClick(
        page.view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=point_of(page, ("person", meetings["bolat"])),
    )
    events_page = window.pages["person"]
    qtbot.waitUntil(lambda: window.stack.currentWidget() is events_page)
    assert events_page.form.record_id == meetings["bolat"]
    assert events_page.form.heading.text() == "Bolat Seitkali"
    qtbot.wait(600)  # no click comes after the double-click to re-centre the picture
    assert page.centre == ("event", meetings["forum"])


def test_two_steps_and_a_period_choose_what_is_drawn(meetings, window, qtbot):
    page = centre_on(qtbot, window, "Aigerim")
    qtbot.mouseClick(page.two_steps, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Farida Omarova" in drawn(page))
    assert "Madrid workshop" in drawn(page)
    assert "2 steps" in page.caption.text()

    type_into(qtbot, page.start, "1.1.2021")
    qtbot.keyClick(page.start, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Astana forum" not in drawn(page))
    assert "CSIC delegation to Astana" in drawn(page)
    assert "from 01.01.2021" in page.caption.text()

    type_into(qtbot, page.end, "31.12.2020")
    qtbot.keyClick(page.end, Qt.Key.Key_Return)
    qtbot.waitUntil(page.note.isVisible)
    assert "ends (31.12.2020) before it starts (01.01.2021)" in page.note.text()


def test_a_crowded_picture_stays_readable(meetings, window, qtbot):
    long_name = "Plenary session of the Second International Forum of Academic Knowledge " * 2
    guests = [PEOPLE.save({"full_name": f"Guest number {n:03d}"}).id for n in range(320)]
    busy = EVENTS.save(
        {
            "title": long_name.strip(),
            "participants": [{"person": guest, "role": "attendee"} for guest in guests],
        }
    )
    window.open_record("event", busy.id)
    qtbot.mouseClick(window.pages["event"].form.who_met_whom, Qt.MouseButton.LeftButton)
    page = window.page_of_relationships
    qtbot.waitUntil(page.isVisible)
    scene = page.view.scene()
    assert len(scene.marks) == 300
    assert page.note.isVisible()
    assert "Only the nearest 300 records are shown" in page.note.text()
    centre_label = scene.labels[("event", busy.id)]
    assert centre_label.text().endswith("…")
    assert len(centre_label.text()) < len(long_name.strip())
    assert long_name.strip() in scene.marks[("event", busy.id)].toolTip()
    # The whole picture in sight, and the wheel zooms in for a closer look.
    viewport = page.view.viewport().rect()
    assert page.view.mapFromScene(scene.sceneRect()).boundingRect().width() <= viewport.width() + 2
    qtbot.mouseClick(page.fit_button, Qt.MouseButton.LeftButton)
    before = page.view.transform().m11()
    centre = QPointF(viewport.center())
    wheel = QWheelEvent(
        centre,
        page.view.viewport().mapToGlobal(centre),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(page.view.viewport(), wheel)
    assert page.view.transform().m11() == pytest.approx(before * 1.44, rel=0.01)


def test_the_picture_is_saved_as_the_command_writes_it(
    meetings, window, qtbot, monkeypatch, tmp_path
):
    import xml.etree.ElementTree as ET

    from ui import dialogs

    page = centre_on(qtbot, window, "Farida")
    asked = []

    def choose(_parent, suggested):
        asked.append(suggested)
        return str(tmp_path / "farida.svg")

    monkeypatch.setattr(dialogs, "choose_picture_path", choose)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert asked[0].endswith(".png") and "Farida Omarova" in asked[0]
    root = ET.parse(tmp_path / "farida.svg").getroot()
    assert root.find("{http://www.w3.org/2000/svg}title").text == "Who met whom: Farida Omarova"
    texts = {t.text.strip() for t in root.iter("{http://www.w3.org/2000/svg}text") if t.text}
    assert {"Madrid workshop", "Bolat Seitkali", "Chen Li"} <= texts
    assert f"Saved as {tmp_path / 'farida.svg'}." == page.note.text()


def test_ctrl_shift_w_goes_to_the_page_and_a_name_typed_offers_records(meetings, window, qtbot):
    qtbot.keyClick(
        window,
        Qt.Key.Key_W,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    page = window.page_of_relationships
    qtbot.waitUntil(page.isVisible)
    assert page.heading.text() == "Who met whom"
    page.find.setFocus()
    key_clicks(qtbot, page.find, "csic")
    qtbot.waitUntil(page.found.isVisible)
    offered = [page.found.item(row).text() for row in range(page.found.count())]
    assert "Spanish National Research Council (CSIC)" in offered
    assert "CSIC delegation to Astana (01.09.2021)" in offered
    item = page.found.item(offered.index("CSIC delegation to Astana (01.09.2021)"))
    rect = page.found.visualItemRect(item)
    qtbot.mouseClick(page.found.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.centre == ("delegation", meetings["visit"]))
    assert "Diego García" in drawn(page)
