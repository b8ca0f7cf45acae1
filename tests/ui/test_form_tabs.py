"""Where a form opens and what it shows: a new record on Details at the top with the focus in
its first field, a record opened from anywhere on Details, every tab in sight, and the whole
of every value in a record's history."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QTextDocument, QTextOption
from PySide6.QtWidgets import QApplication

from models.kinds.delegations import DELEGATIONS
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from ui.search_box import install_search
from ui.translator import install_language

from .helpers import click_row, key_clicks, press
from .helpers import click_tab as click_tab_at

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


def click_tab(qtbot, form, tab):
    tabs = form.tabs
    index = next(
        i for i in range(tabs.count()) if tabs.widget(i) is tab or tabs.widget(i).isAncestorOf(tab)
    )
    click_tab_at(qtbot, form, index)
    assert form.tabs.currentIndex() == index


@pytest.mark.parametrize("kind", KINDS)
def test_a_new_record_opens_on_details_at_the_top_after_the_history(window, qtbot, kind):
    window.show_page(kind)
    page = window.pages[kind]
    page.new_record()
    form = page.form
    form.resize(form.width(), 300)  # a form taller than its window scrolls
    scroll = form._scroll.verticalScrollBar()
    scroll.setValue(scroll.maximum())
    click_tab(qtbot, form, form.history)
    page.table.setFocus()
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert form.tabs.currentIndex() == 0
    assert scroll.value() == 0
    first = next(iter(form.inputs.values()))
    assert QApplication.focusWidget() is first


def test_a_record_opened_from_search_everywhere_shows_its_details(window, qtbot):
    istc = ORGANIZATIONS.save({"name": "International Science and Technology Center"})
    PEOPLE.save({"full_name": "Karina Angelieva", "organization": istc.id})
    window.show_page("organization")
    page = window.pages["organization"]
    page.apply_request()
    click_row(qtbot, page, 0)
    click_tab(qtbot, page.form, page.form.history)
    window.show_page("person")
    people = window.pages["person"]
    people.apply_request()
    click_row(qtbot, people, 0)
    click_tab(qtbot, people.form, people.form.history)

    box = install_search(window)
    press(qtbot, Qt.Key.Key_K, CTRL)
    qtbot.waitUntil(box.isVisible)
    key_clicks(qtbot, box.edit, "Science and Technology")
    qtbot.waitUntil(lambda: box.shown_titles() != [])
    press(qtbot, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is page
    assert page.form.record_id == istc.id
    assert page.form.tabs.currentIndex() == 0


def test_a_record_already_in_the_form_keeps_its_unsaved_changes_when_opened_again(window, qtbot):
    istc = ORGANIZATIONS.save({"name": "ISTC"})
    page = window.pages["organization"]
    window.open_record("organization", istc.id)
    city = page.form.inputs["city"]
    city.setFocus()
    key_clicks(qtbot, city, "Astana")
    click_tab(qtbot, page.form, page.form.history)
    assert window.open_record("organization", istc.id)
    assert city.text() == "Astana"
    assert page.form.tabs.currentIndex() == 0


def test_every_tab_of_a_delegation_is_in_sight_with_its_whole_name(window, qtbot):
    window.resize(1280, 800)
    delegation = DELEGATIONS.save({"title": "ISTC visit", "direction": "incoming"})
    window.open_record("delegation", delegation.id)
    form = window.pages["delegation"].form
    qtbot.waitUntil(lambda: form.tabs.strip.width() > 0)
    strip = form.tabs.strip
    for button in strip.buttons():
        # Inside the strip (on a second row if need be), as wide as its name needs.
        assert strip.rect().contains(button.geometry()), button.text()
        assert button.width() >= button.sizeHint().width(), button.text()
    click_tab(qtbot, form, form.history)


def wrapped_height(table, column, text):
    """How tall ``text`` is, wrapped anywhere it must to fit the column."""
    document = QTextDocument()
    document.setDefaultFont(table.font())
    document.setDocumentMargin(3)
    wrapping = QTextOption()
    wrapping.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(wrapping)
    document.setPlainText(text)
    document.setTextWidth(table.columnWidth(column) - 1)
    return document.size().height()


def test_a_history_shows_each_value_whole(window, qtbot):
    note = (
        "The Center supports joint research on water, energy and artificial intelligence "
        "with partners in Kazakhstan and Central Asia, and funds the projects of young "
        "scientists. "
    ) * 3
    address = "https://www.istc.int/en/about/programmes/partnership-with-kazakhstan-2025-2030"
    original = "Consejo Superior de Investigaciones Científicas Internacionalizacionales"
    istc = ORGANIZATIONS.save({"name": "ISTC", "notes": "Short note"})
    ORGANIZATIONS.save(
        {"name": "ISTC", "notes": note, "website": address, "name_original": original}, istc.id
    )
    window.resize(1280, 800)
    window.open_record("organization", istc.id)
    form = window.pages["organization"].form
    click_tab(qtbot, form, form.history)
    table = form.history.table

    def cells():
        for row in range(table.rowCount()):
            for column in (3, 4):
                yield row, column, table.item(row, column)

    shown = {item.text() for _row, _column, item in cells()}
    assert {note.strip(), address, original} <= shown
    header = table.horizontalHeader()
    for narrower in (0, 60):
        header.resizeSection(0, max(header.sectionSize(0) - narrower, 40))
        qtbot.wait(10)
        for row, column, item in cells():
            assert item.toolTip() == item.text()
            # As tall as its values need, wrapped at the columns' width of the moment,
            # between words or, for a word wider than the column, inside it.
            assert table.rowHeight(row) >= table.sizeHintForRow(row), item.text()[:40]
            assert table.rowHeight(row) >= wrapped_height(table, column, item.text())


@pytest.mark.parametrize("code", ["kk", "ru"])
def test_the_tab_names_stay_whole_beside_the_list_in_kazakh_and_russian(window, qtbot, code, qapp):
    window.resize(1280, 800)
    delegation = DELEGATIONS.save(
        {"title": "ISTC visit", "direction": "incoming", "starts_on": dt.date(2025, 3, 5)}
    )
    window.open_record("delegation", delegation.id)
    locale = QLocale()
    window.choose_language(code)
    try:
        page = window.pages["delegation"]
        strip = page.form.tabs.strip
        qtbot.waitUntil(lambda: strip.width() > 0)
        for button in strip.buttons():
            assert strip.rect().contains(button.geometry()), button.text()
            assert button.width() >= button.sizeHint().width(), button.text()
        assert page.table.width() > 300  # the list keeps room for its rows
    finally:
        install_language(qapp, "en")
        QLocale.setDefault(locale)
