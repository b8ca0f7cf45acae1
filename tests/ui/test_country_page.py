"""The Countries page: the countries that have records, with their counts, one opened with a
click or by typing its name, and everything about it shown whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from models.kinds.events import EVENTS
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.store.records import Delegation, KeyFigure

from .helpers import key_clicks
from .test_linking import click_linked
from .test_undo_and_trash import go_to


@pytest.fixture
def spain(window):
    csic = ORGANIZATIONS.save(
        {"name": "Spanish National Research Council", "short_name": "CSIC", "country": "ES"}
    )
    ORGANIZATIONS.save({"name": "Embassy of Spain in Kazakhstan", "country": "ES"})
    ORGANIZATIONS.save({"name": "Nazarbayev University", "country": "KZ"})
    ambassador = PEOPLE.save(
        {"full_name": "Luis Francisco Martínez Montes", "organization": csic.id}
    )
    EVENTS.save(
        {
            "title": "Lecture by the Ambassador of Spain at the ORTA Cultural Center",
            "country": "KZ",
            "participants": [{"person": ambassador.id, "role": "speaker"}],
        }
    )
    Delegation.create(title="Kazakhstan's Ambassador to Spain meets CSIC", country="ES")
    KeyFigure.create(measure="foreign university branches", value=9, country="RU")
    window.resize(1440, 900)
    go_to(window.qtbot, window, "country")
    return window.country_page


@pytest.fixture(autouse=True)
def keep_qtbot(window, qtbot):
    window.qtbot = qtbot


def row_of(page, name):
    table = page.countries
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == name)


def test_the_page_lists_the_countries_that_have_records_with_their_counts(spain, qtbot):
    page = spain
    assert page.countries.names() == ["Kazakhstan", "Russia", "Spain"]
    table = page.countries
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Country", "Partners", "Events", "Delegations", "Agreements", "In all"]
    row = row_of(page, "Spain")
    assert [table.item(row, c).text() for c in range(table.columnCount())] == [
        "Spain",
        "2",
        "1",
        "1",
        "0",
        "5",
    ]
    # The hint in the box says what to type, whole.
    hint = page.find.placeholderText()
    assert page.find.fontMetrics().horizontalAdvance(hint) < page.find.width() - 8
    # The list shows every column without scrolling sideways.
    qtbot.waitUntil(lambda: table.horizontalHeader().length() <= table.viewport().width())


def test_a_country_opens_with_a_click_and_shows_what_its_brief_has(spain, qtbot):
    page = spain
    table = page.countries
    rect = table.visualItemRect(table.item(row_of(page, "Spain"), 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.heading.text() == "Spain"
    items = page.linked.items()
    assert items["Events (1)"] == ["Lecture by the Ambassador of Spain at the ORTA Cultural Center"]
    assert items["Delegations (1)"] == ["Kazakhstan's Ambassador to Spain meets CSIC"]
    tree = page.linked.tree
    events = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0) == "Events (1)"
    )
    assert events.child(0).text(1) == "In Kazakhstan"
    # Every title and how it is linked show whole: the title wraps, nothing is cut short.
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for j in range(top.childCount()):
            child = top.child(j)
            detail = tree.fontMetrics().horizontalAdvance(child.text(1))
            assert detail <= tree.columnWidth(1), child.text(1)
            rect = tree.visualItemRect(child)
            title = tree.fontMetrics().boundingRect(
                0,
                0,
                tree.columnWidth(0) - 2 * tree.indentation() - 6,
                10_000,
                Qt.TextFlag.TextWordWrap,
                child.text(0),
            )
            assert title.height() <= rect.height(), child.text(0)
    assert tree.header().length() <= tree.viewport().width()
    click_linked(qtbot, page.linked, "Spanish National Research Council (CSIC)")
    assert page.window().stack.currentWidget() is page.window().pages["organization"]


def test_a_country_opens_by_typing_any_of_its_names_and_enter(spain, qtbot):
    page = spain
    page.find.setFocus()
    key_clicks(qtbot, page.find, "Испан")
    assert page.countries.names() == ["Spain"]
    qtbot.keyClick(page.find, Qt.Key.Key_Return)
    assert page.heading.text() == "Spain"
    assert page.code == "ES"

    page.find.selectAll()
    key_clicks(qtbot, page.find, "Ресей")
    assert page.countries.names() == ["Russia"]
    qtbot.keyClick(page.find, Qt.Key.Key_Down)
    assert page.countries.hasFocus()
    assert page.heading.text() == "Russia"
    assert page.linked.items() == {"Key figures (1)": ["9 foreign university branches"]}

    page.find.setFocus()
    page.find.selectAll()
    key_clicks(qtbot, page.find, "Atlantis")
    assert page.countries.names() == []
    assert page.empty.text() == "No country with records matches “Atlantis”."
