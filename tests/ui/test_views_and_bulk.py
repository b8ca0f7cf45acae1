"""Saved views and bulk edits in the window: a list kept under a name and found again in the
navigation; many rows changed at once, refused in part, and undone as one step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.kinds.organizations import ORGANIZATIONS
from models.store.records import Organization
from models.views import views_of
from ui import bulk_edit_dialog, dialogs
from ui.bulk_edit_dialog import BulkEditDialog
from ui.views_menu import ViewNameDialog

from .helpers import choose, click_row, search, shown, type_into


def partners() -> dict[str, int]:
    made = {}
    for name, country, status in (
        ("Alpha Institute", "KZ", "active"),
        ("Alpha Institute", "FR", "active"),
        ("Beta University", "FR", "prospective"),
        ("Gamma Centre", "KZ", "active"),
        ("Delta Academy", "ES", "dormant"),
    ):
        made[f"{name} {country}"] = ORGANIZATIONS.save(
            {"name": name, "country": country, "status": status}
        ).id
    return made


def views_menu_action(page, text: str):
    menu = page.views_button.menu()
    menu.aboutToShow.emit()
    return next(action for action in menu.actions() if action.text() == text)


def navigation_texts(window) -> list[str]:
    nav = window.navigation
    return [nav.item(row).text() for row in range(nav.count())]


def test_a_view_is_saved_shown_in_the_navigation_and_brings_the_list_back(
    window, qtbot, answers, monkeypatch
):
    partners()
    page = window.pages["organization"]
    page.apply_request()
    search(qtbot, page, "alpha")
    page.show_column(1, False)  # the short names, as the Columns menu hides them

    def name_it(dialog):
        assert isinstance(dialog, ViewNameDialog)
        qtbot.addWidget(dialog)
        type_into(qtbot, dialog.name, "Alpha partners")
        qtbot.mouseClick(dialog.shared, Qt.MouseButton.LeftButton)
        return 1

    monkeypatch.setattr(dialogs, "run_dialog", name_it)
    views_menu_action(page, "Save as a new view…").trigger()
    [view] = views_of("organization")
    assert (view.name, view.shared, view.request.search) == ("Alpha partners", True, "alpha")
    assert "short_name" not in view.columns and view.columns[0] == "name"
    texts = navigation_texts(window)
    assert texts[texts.index("Organizations") + 1].strip() == "Alpha partners"

    page.clear_filters()
    assert len(shown(page)) == 5
    row = texts.index("Organizations") + 1
    item = window.navigation.item(row)
    rect = window.navigation.visualItemRect(item)
    qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.search.text() == "alpha"
    assert shown(page) == ["Alpha Institute", "Alpha Institute"]
    assert page.shown_columns() == list(view.columns)
    assert window.navigation.currentItem().text().strip() == "Alpha partners"
    search(qtbot, page, "alpha institute")
    assert window.navigation.currentItem().text() == "Organizations"

    monkeypatch.setattr(
        dialogs,
        "run_dialog",
        lambda dialog: (type_into(qtbot, dialog.name, "Alphas"), 1)[1],
    )
    views_menu_action(page, "Rename “Alpha partners”…").trigger()
    assert "    Alphas" in navigation_texts(window)
    views_menu_action(page, "Delete “Alphas”…").trigger()
    assert views_of("organization") == []
    assert all("Alpha" not in text for text in navigation_texts(window))


def test_a_bulk_change_is_refused_in_part_then_undone_as_one_step(
    window, qtbot, answers, monkeypatch
):
    ids = partners()
    page = window.pages["organization"]
    page.apply_request()
    search(qtbot, page, "")
    names = shown(page)
    # Alpha FR, Beta and Delta chosen with Ctrl and a click
    click_row(qtbot, page, names.index("Beta University"))
    for name in ("Delta Academy",):
        rect = page.table.visualRect(page.model.index(names.index(name), 0))
        qtbot.mouseClick(
            page.table.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.ControlModifier,
            rect.center(),
        )
    alpha_fr = next(
        row for row in range(len(names)) if page.model.record_id(row) == ids["Alpha Institute FR"]
    )
    rect = page.table.visualRect(page.model.index(alpha_fr, 0))
    qtbot.mouseClick(
        page.table.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        rect.center(),
    )
    assert len(page.selected_ids()) == 3
    seen = []

    def change_country(dialog):
        assert isinstance(dialog, BulkEditDialog)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.heading.text() == "3 records chosen."
        box = dialog.field_box
        box.setFocus()
        while box.currentData() != "country":
            qtbot.keyClick(box, Qt.Key.Key_Down)
        choose(qtbot, dialog.inputs.currentWidget(), "Казахстан")
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
        seen.append(dialog.summary.text())
        seen.append([dialog.refused.item(i).text() for i in range(dialog.refused.count())])
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(dialogs, "run_dialog", change_country)
    qtbot.mouseClick(page.bulk_button, Qt.MouseButton.LeftButton)
    assert seen[0] == ("2 records will be changed.\n1 record would be refused and stays as it is:")
    assert len(seen[1]) == 1 and seen[1][0].startswith("Alpha Institute — “Alpha Institute”")
    countries = {o.id: o.country_id for o in Organization.select()}
    assert countries[ids["Beta University FR"]] == "KZ"
    assert countries[ids["Delta Academy ES"]] == "KZ"
    assert countries[ids["Alpha Institute FR"]] == "FR"
    assert window.undo_action.text() == "&Undo change of country of 2 records"
    assert "Kazakhstan" in [page.model.index(r, 3).data() for r in range(page.model.rowCount())]

    window.undo_action.trigger()
    countries = {o.id: o.country_id for o in Organization.select()}
    assert countries[ids["Beta University FR"]] == "FR"
    assert countries[ids["Delta Academy ES"]] == "ES"
    window.redo_action.trigger()
    assert Organization.get_by_id(ids["Delta Academy ES"]).country_id == "KZ"
    assert QApplication.activeModalWidget() is None


def test_all_that_match_changes_rows_the_list_has_not_shown_yet(
    window, qtbot, answers, monkeypatch
):
    # Checked and written beside the window, with progress, as for thousands of records.
    monkeypatch.setattr(bulk_edit_dialog, "IN_BACKGROUND", 0)
    partners()
    page = window.pages["organization"]
    page.apply_request()
    search(qtbot, page, "alpha")
    click_row(qtbot, page, 0)

    def add_tag(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.mouseClick(dialog.all_matching, Qt.MouseButton.LeftButton)
        assert dialog.heading.text() == "2 records chosen."
        box = dialog.field_box
        box.setFocus()
        while box.currentData() != "add_tag":
            qtbot.keyClick(box, Qt.Key.Key_Down)
        qtbot.keyClicks(dialog.inputs.currentWidget(), "twins")
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(dialogs, "run_dialog", add_tag)
    qtbot.mouseClick(page.bulk_button, Qt.MouseButton.LeftButton)
    assert search(qtbot, page, "twins") == ["Alpha Institute", "Alpha Institute"]


@pytest.mark.sqlite_only  # File ▸ Open read-only… chooses a database file
def test_open_read_only_lets_one_look_and_change_nothing(
    window, qtbot, answers, monkeypatch, database_target
):
    partners()
    monkeypatch.setattr(dialogs, "choose_database", lambda _parent, _folder: database_target)
    window.open_read_only_action.trigger()
    assert window.read_only
    assert window.banner.isVisible() and "opened read-only" in window.banner.text()
    assert "(read-only)" in window.windowTitle()
    page = window.pages["organization"]
    assert len(shown(page)) == 5
    assert not page.bulk_button.isEnabled() and not page.new_button.isEnabled()
    menu = page.views_button.menu()
    menu.aboutToShow.emit()
    assert "Save as a new view…" not in [action.text() for action in menu.actions()]


def test_selected_rows_go_to_the_trash_together_and_come_back_with_one_undo(
    window, qtbot, answers, monkeypatch
):
    partners()
    page = window.pages["organization"]
    page.apply_request()
    search(qtbot, page, "alpha")
    click_row(qtbot, page, 0)
    rect = page.table.visualRect(page.model.index(1, 0))
    qtbot.mouseClick(
        page.table.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        rect.center(),
    )
    said = []

    def to_trash(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        box = dialog.field_box
        box.setFocus()
        while box.currentData() != "trash":
            qtbot.keyClick(box, Qt.Key.Key_Down)
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
        said.append(dialog.summary.text())
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(dialogs, "run_dialog", to_trash)
    qtbot.mouseClick(page.bulk_button, Qt.MouseButton.LeftButton)
    assert said == ["2 records will be moved to the Trash, with their links."]
    assert Organization.select().count() == 3
    assert window.undo_action.text() == "&Undo delete of 2 records"
    window.undo_action.trigger()
    assert Organization.select().count() == 5
    assert search(qtbot, page, "alpha") == ["Alpha Institute", "Alpha Institute"]


def test_export_view_writes_what_the_window_shows_for_the_view(
    window, qtbot, answers, database_target, tmp_path, capsys
):
    import main
    from models.kinds.organizations import ORGANIZATION_LIST
    from models.listing import ListRequest
    from models.views import save_view
    from tests.exports.export_records import header, open_book, table

    partners()
    save_view(
        ORGANIZATION_LIST,
        "Not in Spain",
        ListRequest("", {"status": "active"}, "name", True),
        ["status", "name", "country"],
    )
    window._show_saved_views()
    nav = window.navigation
    row = [nav.item(r).text().strip() for r in range(nav.count())].index("Not in Spain")
    rect = nav.visualItemRect(nav.item(row))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page = window.pages["organization"]
    model, head = page.model, page.table.horizontalHeader()
    sections = [head.logicalIndex(place) for place in range(head.count())]
    sections = [s for s in sections if not head.isSectionHidden(s)]
    seen_header = [model.headerData(s, Qt.Orientation.Horizontal) for s in sections]
    seen_rows = [tuple(model.index(r, s).data() for s in sections) for r in range(model.rowCount())]
    target = tmp_path / "view.xlsx"
    args = ["export", "organizations", "--view", "not in spain", "--output", str(target)]
    assert main.main([*args, "--database", database_target]) == 0, capsys.readouterr().err
    ws = open_book(target).worksheets[0]
    assert header(ws) == seen_header == ["Status", "Name", "Country"]
    assert table(ws) == seen_rows
    assert [name for _status, name, _country in seen_rows] == [
        "Gamma Centre",
        "Alpha Institute",
        "Alpha Institute",
    ]
