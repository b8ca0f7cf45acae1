"""Following threads in the window: linked records open with a click, Back and Forward
retrace the steps, a country has its page, and files attach to any record."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.kinds.events import EVENTS
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.store.records import Attachment
from ui import dialogs

from .helpers import shown


def click_linked(qtbot, panel, title):
    tree = panel.tree
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for j in range(top.childCount()):
            if top.child(j).text(0) == title:
                rect = tree.visualItemRect(top.child(j))
                qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
                return
    raise AssertionError(f"{title} is not among the linked records: {panel.items()}")


def press(qtbot, window, key):
    qtbot.keyClick(QApplication.focusWidget() or window, key, Qt.KeyboardModifier.AltModifier)


def test_click_through_links_then_back_and_forward(window, qtbot):
    istc = ORGANIZATIONS.save(
        {
            "name": "International Science and Technology Center",
            "short_name": "ISTC",
            "country": "KZ",
        }
    )
    angelieva = PEOPLE.save({"full_name": "Karina Angelieva", "organization": istc.id})
    meeting = EVENTS.save(
        {
            "title": "Minister meets the ISTC delegation",
            "starts_on": dt.date(2025, 3, 5),
            "participants": [{"person": angelieva.id, "role": "speaker"}],
        }
    )
    organizations = window.pages["organization"]
    organizations.apply_request()
    assert window.open_record("organization", istc.id)
    form = organizations.form
    assert form.tabs.tabText(form.linked_tab) == "Linked (2)"
    assert form.linked.items() == {
        "Country (1)": ["Kazakhstan"],
        "People (1)": ["Karina Angelieva"],
    }

    click_linked(qtbot, form.linked, "Karina Angelieva")
    people = window.pages["person"]
    assert window.stack.currentWidget() is people
    assert people.form.record_id == angelieva.id
    assert people.form.linked.items()["Events (1)"] == [
        "Minister meets the ISTC delegation (05.03.2025)"
    ]
    click_linked(qtbot, people.form.linked, "Minister meets the ISTC delegation (05.03.2025)")
    assert window.pages["event"].form.record_id == meeting.id
    assert window.pages["event"].form.linked.items()["People taking part (1)"] == [
        "Karina Angelieva"
    ]

    press(qtbot, window, Qt.Key.Key_Left)
    assert window.stack.currentWidget() is people
    press(qtbot, window, Qt.Key.Key_Left)
    assert window.stack.currentWidget() is organizations
    assert organizations.form.record_id == istc.id
    assert not window.back_action.isEnabled()
    press(qtbot, window, Qt.Key.Key_Right)
    press(qtbot, window, Qt.Key.Key_Right)
    assert window.pages["event"].form.record_id == meeting.id
    assert not window.forward_action.isEnabled()


def test_back_with_unsaved_changes_asks_and_can_stay(window, qtbot, answers):
    first = ORGANIZATIONS.save({"name": "Nazarbayev University"})
    second = ORGANIZATIONS.save({"name": "University of Arizona"})
    window.pages["organization"].apply_request()
    window.open_record("organization", first.id)
    window.open_record("organization", second.id)
    form = window.pages["organization"].form
    form.inputs["city"].setText("Tucson")
    answers.unsaved = dialogs.Unsaved.CANCEL
    window.go_back()
    assert form.record_id == second.id
    assert form.inputs["city"].text() == "Tucson"
    assert window.back_action.isEnabled()
    answers.unsaved = dialogs.Unsaved.DISCARD
    window.go_back()
    assert form.record_id == first.id


def test_a_country_page_opens_from_a_partner_and_leads_to_its_records(window, qtbot):
    csic = ORGANIZATIONS.save(
        {"name": "Spanish National Research Council", "short_name": "CSIC", "country": "ES"}
    )
    ORGANIZATIONS.save({"name": "Embassy of Spain in Kazakhstan", "country": "ES"})
    PEOPLE.save({"full_name": "Eloísa del Pino", "organization": csic.id})
    window.pages["organization"].apply_request()
    window.open_record("organization", csic.id)
    click_linked(qtbot, window.pages["organization"].form.linked, "Spain")
    page = window.country_page
    assert window.stack.currentWidget() is page
    assert page.heading.text() == "Spain"
    assert "Испания" in page.names.text()
    assert page.linked.items() == {
        "Organizations (2)": [
            "Embassy of Spain in Kazakhstan",
            "Spanish National Research Council (CSIC)",
        ],
        "People (1)": ["Eloísa del Pino"],
    }
    click_linked(qtbot, page.linked, "Eloísa del Pino")
    assert window.stack.currentWidget() is window.pages["person"]
    window.go_back()
    assert window.stack.currentWidget() is page
    assert page.code == "ES"


def test_files_are_added_saved_elsewhere_and_removed(window, qtbot, tmp_path, monkeypatch, answers):
    istc = ORGANIZATIONS.save({"name": "ISTC"})
    window.pages["organization"].apply_request()
    window.open_record("organization", istc.id)
    form = window.pages["organization"].form
    panel = form.files
    document = tmp_path / "Меморандум.pdf"
    document.write_bytes(b"%PDF-1.4 signed copy")
    monkeypatch.setattr(
        dialogs,
        "choose_files_to_attach",
        lambda _p: [str(document), str(tmp_path / "missing.docx")],
    )
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert panel.table.rowCount() == 1
    assert panel.table.item(0, 0).text() == "Меморандум.pdf"
    assert "“missing.docx” cannot be attached: it no longer exists" in panel.message.text()
    assert form.tabs.tabText(form.files_tab) == "Files (1)"

    panel.table.selectRow(0)
    target = tmp_path / "exported.pdf"
    monkeypatch.setattr(dialogs, "choose_save_path", lambda _p, _name: str(target))
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == b"%PDF-1.4 signed copy"

    opened = []
    monkeypatch.setattr(dialogs, "open_with_system", opened.append)
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert opened[0].read_bytes() == b"%PDF-1.4 signed copy"

    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert "Remove “Меморандум.pdf”" in answers.asked[-1]
    assert Attachment.select().count() == 0
    assert panel.table.rowCount() == 0


def test_every_list_filters_by_tag(window, qtbot):
    EVENTS.save({"title": "Kazakhstan–Spain science day", "tags": ["Spain", "AI"]})
    EVENTS.save({"title": "Council of Strategic Partners", "tags": ["Forum 2025"]})
    page = window.pages["event"]
    window.show_page("event")
    page.refresh_filters()
    page.set_filter("tag", "AI")
    assert shown(page, 1) == ["Kazakhstan–Spain science day"]
    tags = page.filters["tag"]
    assert [tags.itemText(i) for i in range(tags.count())] == [
        "Any tag",
        "AI",
        "Forum 2025",
        "Spain",
    ]
