"""Record ▸ Find duplicates…: the pairs found off the window's thread with a progress bar,
each with score and reason; "Not a duplicate" hides a pair; the side-by-side merge keeps the
values chosen, moves the links, and is one step of Undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu, QRadioButton

from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.store.records import NotDuplicate, Organization, Person, TrashItem
from ui.duplicates_dialog import DuplicatesDialog, MergeDialog

from .helpers import press
from .test_undo_and_trash import undo_by_keyboard


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose(qtbot, merge, name):
    """Click a value's round button, where its mark is (a click past its text misses)."""
    button = merge.findChild(QRadioButton, name)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))
    assert button.isChecked()


def open_from_menu(qtbot, window) -> DuplicatesDialog:
    """Record ▸ Find duplicates…, by the keyboard: Alt+R opens the menu, U the item."""
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    press(qtbot, Qt.Key.Key_U)
    qtbot.waitUntil(lambda: window.duplicates_dialog is not None)
    dialog = window.duplicates_dialog
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    return dialog


def rows(dialog):
    return [
        tuple(dialog.table.item(row, column).text() for column in range(4))
        for row in range(dialog.table.rowCount())
    ]


@pytest.fixture
def twins(window):
    ids = {
        "nu": ORGANIZATIONS.save({"name": "Nazarbayev University", "country": "KZ"}).id,
        "nu_ru": ORGANIZATIONS.save({"name": "Назарбаев Университет", "city": "Astana"}).id,
        "arizona": ORGANIZATIONS.save({"name": "University of Arizona"}).id,
        "astana": ORGANIZATIONS.save({"name": "University of Astana"}).id,
    }
    ids["nurbek"] = PEOPLE.save({"full_name": "Нурбек Саясат", "organization": ids["nu_ru"]}).id
    window.refresh_all()
    return ids


def test_the_pairs_are_found_with_progress_score_and_reason(window, qtbot, twins):
    window.show_page("organization")
    seen = []
    dialog_class_find = DuplicatesDialog._progressed

    def watch(self, done, total):
        seen.append((done, total))
        dialog_class_find(self, done, total)

    DuplicatesDialog._progressed = watch
    try:
        dialog = open_from_menu(qtbot, window)
    finally:
        DuplicatesDialog._progressed = dialog_class_find
    assert dialog.isVisible() and dialog.kind_box.currentText() == "Organizations"
    assert seen and seen[-1] == (1000, 1000)
    assert not dialog.progress.isVisible()
    [(score, record, twin, why)] = rows(dialog)
    assert 80 <= int(score) <= 100
    assert record == f"Nazarbayev University (no. {twins['nu']})"
    assert twin == f"Назарбаев Университет (no. {twins['nu_ru']})"
    assert "“Nazarbayev University” and “Назарбаев Университет”" in why
    assert dialog.status.text() == "1 pair of records that look like twins."


def test_not_a_duplicate_hides_the_pair_from_then_on(window, qtbot, twins):
    dialog = open_from_menu(qtbot, window)
    click(qtbot, dialog.not_button)
    assert rows(dialog) == []
    assert dialog.status.text() == "No likely duplicates were found."
    assert NotDuplicate.select().count() == 1
    click(qtbot, dialog.find_button)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    assert rows(dialog) == []


def test_another_kind_is_searched_when_chosen(window, qtbot, twins):
    PEOPLE.save({"full_name": "Sayasat Nurbek"})
    dialog = open_from_menu(qtbot, window)
    dialog.kind_box.setFocus()
    press(qtbot, Qt.Key.Key_Down)  # People
    click(qtbot, dialog.find_button)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    [(_score, record, twin, why)] = rows(dialog)
    assert record.startswith("Нурбек Саясат") and twin.startswith("Sayasat Nurbek")
    assert "Same name in another script" in why


def test_the_merge_view_chooses_each_value_and_the_merge_is_one_undo_step(
    window, qtbot, twins, answers
):
    dialog = open_from_menu(qtbot, window)
    click(qtbot, dialog.merge_button)
    merge: MergeDialog = dialog.merge_dialog
    qtbot.waitExposed(merge)
    # Side by side: the first record kept, its own values chosen, empty ones filled.
    assert merge.findChild(QRadioButton, "keep_0").isChecked()
    assert merge.findChild(QRadioButton, "country_0").text() == "Kazakhstan"
    assert merge.findChild(QRadioButton, "city_1").isChecked()
    assert "1 person" in merge.moves.text()
    choose(qtbot, merge, "name_1")
    click(qtbot, merge.merge_button)
    assert not merge.isVisible()
    assert rows(dialog) == []
    kept = Organization.get_by_id(twins["nu"])
    # The name not chosen is kept among the other names.
    assert (kept.name, kept.city, kept.country_id, kept.other_names) == (
        "Назарбаев Университет", "Astana", "KZ", "Nazarbayev University",
    )  # fmt: skip
    assert Person.get_by_id(twins["nurbek"]).organization_id == twins["nu"]
    assert TrashItem.select().count() == 1
    assert window.undo_action.text() == "&Undo merge into Назарбаев Университет"

    dialog.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    undo_by_keyboard(qtbot, window)
    assert Organization.get_by_id(twins["nu_ru"]).name == "Назарбаев Университет"
    assert Organization.get_by_id(twins["nu"]).name == "Nazarbayev University"
    assert Person.get_by_id(twins["nurbek"]).organization_id == twins["nu_ru"]
    assert TrashItem.select().count() == 0
    assert window.redo_action.text() == "&Redo merge into Назарбаев Университет"


def test_restoring_a_merged_record_from_the_trash_undoes_the_merge(window, qtbot, twins):
    dialog = open_from_menu(qtbot, window)
    click(qtbot, dialog.merge_button)
    click(qtbot, dialog.merge_dialog.merge_button)
    dialog.close()
    window.show_page("trash")
    page = window.trash_page
    assert page.table.item(0, 3).text() == (
        "Назарбаев Университет (merged into “Nazarbayev University”)"
    )
    page.table.selectRow(0)
    click(qtbot, page.restore_button)
    assert Person.get_by_id(twins["nurbek"]).organization_id == twins["nu_ru"]
    assert Organization.get_by_id(twins["nu"]).city == ""
    assert window.stack.currentWidget() is window.pages["organization"]
