"""File ▸ Export… and File ▸ Reports in the window: the list exported as shown, off the
window's thread, with progress that can be cancelled; the reports asked for in small dialogs."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from exports import lists
from models.kinds.organizations import ORGANIZATION_LIST, ORGANIZATIONS
from ui import dialogs
from ui.export_action import ExportThread, install_export
from ui.export_dialogs import ActivityDialog, AgreementsDueDialog, BriefDialog
from ui.settings import EXPORT_FOLDER

from .helpers import search, shown

HEADER_ROW = 3

PARTNERS = [
    {"name": "Nazarbayev University", "name_kk": "Назарбаев Университеті", "country": "KZ",
     "kind": "university", "city": "Astana"},
    {"name": "Al-Farabi Kazakh National University", "country": "KZ", "kind": "university",
     "city": "Алматы"},
    {"name": "University of Arizona", "country": "US", "kind": "university", "city": "Tucson"},
    {"name": "Spanish National Research Council", "short_name": "CSIC", "country": "ES",
     "kind": "research", "city": "Madrid"},
    {"name": "Universidad de Salamanca", "country": "ES", "kind": "university",
     "city": "Salamanca"},
]  # fmt: skip


@pytest.fixture
def partners(window):
    for values in PARTNERS:
        ORGANIZATIONS.save(values)
    page = window.pages["organization"]
    window.show_page("organization")
    page.refresh_filters()
    page.apply_request()
    return page


@pytest.fixture
def exporter(window):
    exporter = install_export(window)
    yield exporter
    exporter.wait()


@dataclass
class Target:
    """The file the test answers to "Export to Excel", and the names suggested to it."""

    path: Path
    suggested: list[str] = field(default_factory=list)


@pytest.fixture
def save_to(monkeypatch, tmp_path):
    target = Target(tmp_path / "exported.xlsx")

    def choose(_parent, name):
        target.suggested.append(name)
        return str(target.path)

    monkeypatch.setattr(dialogs, "choose_export_path", choose)
    return target


def finished(qtbot, exporter, target):
    qtbot.waitUntil(lambda: not exporter.running(), timeout=20000)
    assert exporter.progress is None
    return openpyxl.load_workbook(target.path)


def test_export_sits_in_the_file_menu_before_quit(window, exporter):
    actions = window.file_menu.actions()
    quit_at = actions.index(window.quit_action)
    assert actions.index(exporter.export_action) < quit_at
    assert actions.index(exporter.reports_menu.menuAction()) < quit_at
    assert exporter.export_action.shortcut().toString() == "Ctrl+E"
    assert [a.text() for a in exporter.reports_menu.actions()] == [
        "Partner or country &brief…",
        "&Activity in a period…",
        "Agreements &due…",
        "&Programs with key figures…",
    ]


def test_the_list_is_exported_exactly_as_shown(window, qtbot, partners, exporter, save_to, clock):
    clock.set_clock(dt.date(2028, 2, 29))
    page = partners
    header = page.table.horizontalHeader()
    keys = [c.key for c in ORGANIZATION_LIST.columns]
    page.show_column(keys.index("city"), False)
    page.show_column(keys.index("name_kk"), True)
    header.moveSection(header.visualIndex(keys.index("name_kk")), 0)
    header.setSortIndicator(keys.index("name"), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: page.model.request.descending)
    search(qtbot, page, "univ")
    rows_shown = shown(page, keys.index("name"))
    assert len(rows_shown) == 4

    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    book = finished(qtbot, exporter, save_to)

    ws = book.worksheets[0]
    visible = [
        page.model.headerData(header.logicalIndex(v), Qt.Orientation.Horizontal)
        for v in range(header.count())
        if not header.isSectionHidden(header.logicalIndex(v))
    ]
    assert [cell.value for cell in ws[HEADER_ROW]] == visible
    assert visible[:2] == ["Name in Kazakh", "Name"]
    assert "City" not in visible
    names = [row[1] for row in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]
    assert names == rows_shown
    assert names[0] == "University of Arizona"
    assert ws.cell(HEADER_ROW + 1 + names.index("Nazarbayev University"), 1).value == (
        "Назарбаев Университеті"
    )
    assert "Search “univ”" in ws["A2"].value
    assert ws.freeze_panes == f"A{HEADER_ROW + 1}"
    assert save_to.suggested[0].endswith("Organizations 2028-02-29.xlsx")
    assert "Exported to" in window.statusBar().currentMessage()


def test_a_filter_chosen_in_the_window_is_the_filter_exported(
    window, qtbot, partners, exporter, save_to
):
    partners.set_filter("country", "ES")
    exporter.export_action.trigger()
    ws = finished(qtbot, exporter, save_to).worksheets[0]
    names = [row[0] for row in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]
    assert sorted(names) == ["Spanish National Research Council", "Universidad de Salamanca"]
    assert "Country: Spain." in ws["A2"].value


def test_cancelling_the_progress_leaves_no_file(
    window, qtbot, partners, exporter, save_to, monkeypatch
):
    monkeypatch.setattr(lists, "PAGE_SIZE", 2)
    release = threading.Event()
    report = ExportThread._progress

    def held(thread, done, total):
        going_on = report(thread, done, total)
        if done == 2:
            release.wait(10)  # the export waits here until the user has pressed Cancel
        return going_on and not thread.stopping

    monkeypatch.setattr(ExportThread, "_progress", held)
    exporter.export_action.trigger()
    qtbot.waitUntil(lambda: exporter.progress is not None and exporter.progress.value() == 2)
    assert exporter.progress.isVisible()
    assert "2 of 5" in exporter.progress.labelText()
    qtbot.mouseClick(exporter.progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: not exporter.running(), timeout=20000)
    assert not save_to.path.exists()
    assert not [p for p in save_to.path.parent.iterdir() if p.suffix == ".tmp"]
    assert "cancelled" in window.statusBar().currentMessage()


def test_an_unwritable_place_is_said_in_a_plain_message(
    window, qtbot, partners, exporter, answers, monkeypatch, tmp_path
):
    (tmp_path / "a-file").write_text("")
    monkeypatch.setattr(
        dialogs, "choose_export_path", lambda *_: str(tmp_path / "a-file" / "x.xlsx")
    )
    exporter.export_action.trigger()
    qtbot.waitUntil(lambda: not exporter.running(), timeout=20000)
    assert len(answers.errors) == 1
    assert answers.errors[0].startswith("Cannot export|")
    assert "is not a folder" in answers.errors[0]


def test_a_country_brief_from_the_reports_menu(
    window, qtbot, partners, exporter, save_to, monkeypatch
):
    def answer(dialog):
        assert isinstance(dialog, BriefDialog)
        dialog.country_picker.set_value("ES")
        dialog.country_choice.setChecked(True)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(dialogs, "run_dialog", answer)
    exporter.brief_action.trigger()
    book = finished(qtbot, exporter, save_to)
    assert book.sheetnames[:3] == ["Overview", "Partners", "People"]
    names = [row[0] for row in book["Partners"].iter_rows(min_row=HEADER_ROW + 1, values_only=True)]
    assert names == ["Spanish National Research Council", "Universidad de Salamanca"]
    assert "Brief Spain" in save_to.suggested[0]


def test_a_brief_without_a_choice_is_not_accepted(window, qtbot):
    dialog = BriefDialog(window)
    dialog.accept()
    assert dialog.result() == 0
    assert "Choose the organization" in dialog.message.text()


def test_the_activity_and_agreements_due_reports_from_the_menu(
    window, qtbot, partners, exporter, save_to, monkeypatch
):
    def answer(dialog):
        if isinstance(dialog, ActivityDialog):
            dialog.start_input.set_value(dt.date(2025, 1, 1))
            dialog.end_input.set_value(dt.date(2025, 3, 31))
        else:
            assert isinstance(dialog, AgreementsDueDialog)
            dialog.days_input.setValue(30)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(dialogs, "run_dialog", answer)
    exporter.activity_action.trigger()
    book = finished(qtbot, exporter, save_to)
    assert book["Summary"]["A2"].value.startswith("Period: 01.01.2025 to 31.03.2025.")
    exporter.due_action.trigger()
    book = finished(qtbot, exporter, save_to)
    assert book.sheetnames == ["By country", "Expiring", "Expired last year", "In force by country"]
    assert "within 30 days" in book["Expiring"]["A1"].value


def test_a_period_that_ends_before_it_starts_is_not_accepted(window):
    dialog = ActivityDialog(window, today=dt.date(2025, 6, 15))
    assert dialog.start == dt.date(2025, 4, 1)
    dialog.end_input.set_value(dt.date(2025, 3, 1))
    dialog.accept()
    assert dialog.result() == 0
    assert "ends before it starts" in dialog.message.text()


def test_the_programs_report_from_the_menu(window, qtbot, partners, exporter, save_to):
    exporter.programs_action.trigger()
    book = finished(qtbot, exporter, save_to)
    assert book.sheetnames == ["Programs", "Partners", "Key figures", "Budgets"]


def test_on_a_countrys_page_export_makes_its_brief(window, qtbot, partners, exporter, save_to):
    window.open_record("country", "KZ")
    exporter.export_action.trigger()
    book = finished(qtbot, exporter, save_to)
    assert book["Overview"]["A1"].value == "Brief: Kazakhstan"
    assert "Brief Kazakhstan" in save_to.suggested[0]


def test_with_no_country_chosen_export_says_what_to_do(window, exporter, answers):
    window.show_page("country")
    window.country_page.show_country(None)
    exporter.export_action.trigger()
    assert answers.errors == [
        "Nothing to export|Choose a list on the left, or a country, then export again."
    ]


def choose_from_menus(qtbot, window, *path: str) -> None:
    """Click through the menu bar: a menu, its submenus, then the entry, as a user does."""
    bar = window.menuBar()
    top = next(a for a in bar.actions() if a.text().replace("&", "") == path[0])
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(top).center())
    menu = top.menu()
    for name in path[1:]:
        qtbot.waitUntil(menu.isVisible)
        action = next(a for a in menu.actions() if a.text().replace("&", "") == name)
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
        menu = action.menu()


def test_the_brief_offers_the_organization_or_country_looked_at(
    window, qtbot, partners, exporter, monkeypatch
):
    offered = []

    def look(dialog):
        offered.append(
            (
                dialog.organization_choice.isChecked(),
                dialog.organization_picker.text(),
                dialog.country_choice.isChecked(),
                dialog.country_picker.text(),
            )
        )
        return 0

    monkeypatch.setattr(dialogs, "run_dialog", look)
    row = shown(partners).index("Spanish National Research Council")
    rect = partners.table.visualRect(partners.model.index(row, 0))
    qtbot.mouseClick(partners.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    choose_from_menus(qtbot, window, "File", "Reports", "Partner or country brief…")
    assert offered[-1][:2] == (True, "Spanish National Research Council (CSIC)")

    window.open_record("country", "KZ")
    choose_from_menus(qtbot, window, "File", "Reports", "Partner or country brief…")
    assert offered[-1][2:] == (True, "Kazakhstan")


def test_the_export_dialog_starts_in_documents_then_in_the_last_export_folder(
    window, qtbot, partners, exporter, save_to, private_folders
):
    def export() -> Path:
        asked = len(save_to.suggested)
        choose_from_menus(qtbot, window, "File", "Export…")
        finished(qtbot, exporter, save_to)
        assert len(save_to.suggested) == asked + 1
        return Path(save_to.suggested[-1]).parent

    private_folders.mkdir(parents=True, exist_ok=True)
    # No Documents folder: the home folder, never the folder the program was started in.
    assert export() == private_folders
    (private_folders / "Documents").mkdir()
    window.settings.set(EXPORT_FOLDER, "")
    assert export() == private_folders / "Documents"
    # Then the folder the last export went to.
    assert export() == save_to.path.parent
