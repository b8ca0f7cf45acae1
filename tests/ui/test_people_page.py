"""People in the window: created with their organization picked as one types."""

from __future__ import annotations

from PySide6.QtCore import Qt

from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.store.records import Person

from .helpers import choose, click_row, key_clicks, search, shown, type_into


def test_create_a_person_choosing_the_organization_by_acronym(window, qtbot):
    istc = ORGANIZATIONS.save(
        {
            "name": "International Science and Technology Center",
            "short_name": "ISTC",
            "country": "KZ",
            "city": "Astana",
        }
    )
    ORGANIZATIONS.save({"name": "Nazarbayev University", "country": "KZ"})
    window.show_page("person")
    page = window.pages["person"]
    assert window.stack.currentWidget() is page
    page.new_record()
    form = page.form
    assert form.heading.text() == "New person"
    key_clicks(qtbot, form.inputs["full_name"], "Karina Angelieva")
    type_into(qtbot, form.inputs["position"], "Executive Director")
    choose(qtbot, form.inputs["organization"], "istc")
    assert form.inputs["organization"].text() == (
        "International Science and Technology Center (ISTC)"
    )
    type_into(qtbot, form.inputs["email"], "angelieva@istc.int")
    qtbot.keyClick(form.inputs["email"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    person = Person.get(Person.full_name == "Karina Angelieva")
    assert person.organization_id == istc.id
    assert person.position == "Executive Director"
    assert shown(page) == ["Karina Angelieva"]
    organization = [c.key for c in page.spec.record_list.columns].index("organization")
    assert shown(page, organization) == ["International Science and Technology Center"]
    assert search(qtbot, page, "istc") == ["Karina Angelieva"]


def test_double_clicking_a_person_in_the_organization_form_opens_them(window, qtbot):
    istc = ORGANIZATIONS.save(
        {"name": "International Science and Technology Center", "short_name": "ISTC"}
    )
    person = PEOPLE.save({"full_name": "Karina Angelieva", "organization": istc.id})
    organizations = window.pages["organization"]
    organizations.apply_request()
    click_row(qtbot, organizations, 0)
    people = organizations.form.people
    rect = people.visualRect(people.model().index(0, 0))
    qtbot.mouseClick(people.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(people.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is window.pages["person"]
    assert window.pages["person"].form.record_id == person.id
    assert window.navigation.currentItem().text() == "People"


def test_every_form_offers_the_tags_already_used(window, qtbot):
    """Tags are shared by every kind: one given to a partner is offered as soon as any form
    shows a record, typed or new."""
    ORGANIZATIONS.save({"name": "Spanish National Research Council", "tags": ["Europe"]})
    for kind in (
        "person",
        "event",
        "delegation",
        "program",
        "agreement",
        "figure",
        "source",
        "organization",
    ):
        window.show_page(kind)
        page = window.pages[kind]
        page.new_record()
        tags = page.form.inputs["tags"]
        assert tags._known.stringList() == ["Europe"], kind
        type_into(qtbot, tags, "Eur")
        tags.textEdited.emit(tags.text())
        assert tags._completer.currentCompletion() == "Europe", kind
        page.form.cancel()
