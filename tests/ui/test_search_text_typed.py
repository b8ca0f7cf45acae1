"""What a user types or pastes into the list's search box, search everywhere or a picker, of
any length and any syntax, is searched or refused in a plain sentence where the results would
be; the list is never left half-reset, and clearing the search brings every row back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from ui.search_box import install_search
from ui.widgets.pickers import OrganizationPicker

from .helpers import key_clicks, shown, type_into

HUNDRED_WORDS = " ".join(f"word{n}" for n in range(100))


def paste(qtbot, widget, text: str) -> None:
    """Paste ``text`` into a field with Ctrl+V, replacing what it holds."""
    QApplication.clipboard().setText(text)
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def partners():
    ORGANIZATIONS.save(
        {"name": "International Science and Technology Center", "short_name": "ISTC"}
    )
    ORGANIZATIONS.save({"name": "Spanish National Research Council", "short_name": "CSIC"})


def test_a_pasted_page_is_refused_in_the_list_then_clearing_shows_every_row(window, qtbot, qtlog):
    partners()
    page = window.pages["organization"]
    window.show_page("person")
    window.show_page("organization")  # read again as it comes into view
    assert page.model.rowCount() == 2

    paste(qtbot, page.search, HUNDRED_WORDS)
    qtbot.waitUntil(lambda: page.model.request.search == HUNDRED_WORDS)
    assert page.model.rowCount() == 0
    assert page.table.empty_text == (
        "This search has too many different words: type at most 50 to look for."
    )
    assert page.count_label.text() == "0 of 2 organizations"

    paste(qtbot, page.search, "ISTC " + "x" * 10_000)
    qtbot.waitUntil(lambda: page.model.request.search.startswith("ISTC x"))
    assert page.table.empty_text == (
        "This search is too long: type at most 1000 characters to look for."
    )

    type_into(qtbot, page.search, '"ISTC" NEAR(a b) * AND')
    qtbot.waitUntil(lambda: page.model.request.search.endswith("AND"))
    assert shown(page) == []  # looked for as text: no partner holds "near(a"
    type_into(qtbot, page.search, "istc " * 100)
    qtbot.waitUntil(lambda: page.model.request.search.startswith("istc istc"))
    assert shown(page) == ["International Science and Technology Center"]

    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 2
    assert not [m for m in qtlog.records if "ResetModel" in m.message]  # never half-reset


def test_search_everywhere_says_why_a_pasted_page_is_not_looked_for(window, qtbot):
    partners()
    box = install_search(window)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(box.isVisible)
    paste(qtbot, box.edit, HUNDRED_WORDS)
    qtbot.waitUntil(lambda: not box._timer.isActive())
    assert box.shown_titles() == []
    assert box.note.text() == (
        "This search has too many different words: type at most 50 to look for."
    )
    type_into(qtbot, box.edit, "")
    key_clicks(qtbot, box.edit, '"ISTC*" ^ (')
    qtbot.waitUntil(lambda: not box._timer.isActive())
    assert box.shown_titles() == ["International Science and Technology Center (ISTC)"]


def test_a_picker_given_a_pasted_page_finds_no_match_and_says_so(window, qtbot):
    partners()
    PEOPLE.save({"full_name": "Karina Angelieva"})
    picker = OrganizationPicker()
    qtbot.addWidget(picker)
    picker.show()
    paste(qtbot, picker, HUNDRED_WORDS)
    qtbot.waitUntil(lambda: not picker._pending.isActive())
    assert not picker._completer.popup().isVisible()
    window.setFocus()  # leaving the field settles it
    assert picker.value() is None
    assert picker.problem().startswith("No match for “word0 word1")
