"""Changing the language while Seriktes runs: Edit ▸ Preferences… (or Edit ▸ Language, or
the welcome's buttons) puts the whole window in the language chosen at once, keeps what the
user was doing (the page, the list's search and filters, the record in the form and its
unsaved changes, the way back, the steps to undo), and remembers the choice."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QPushButton

from models.kinds.organizations import ORGANIZATIONS
from models.words.translation import language, resolve_language, saved_language
from tests.ui.helpers import click_row, key_clicks, search, type_into
from ui import dialogs
from ui.app import make_window
from ui.dashboard import install_dashboard
from ui.help_menu import GuideWindow
from ui.translator import install_language
from ui.welcome_dialog import WelcomeDialog


@pytest.fixture(autouse=True)
def back_to_english(qapp):
    locale = QLocale()
    yield
    install_language(qapp, "en")
    QLocale.setDefault(locale)


@pytest.fixture
def partners(database):
    for name, country, kind in (
        ("Spanish National Research Council", "ES", "research"),
        ("Nazarbayev University", "KZ", "university"),
        ("University of Arizona", "US", "university"),
    ):
        ORGANIZATIONS.save({"name": name, "country": country, "kind": kind})


def choose_in_preferences(qtbot, window, monkeypatch, code: str) -> None:
    """Edit ▸ Preferences…, the language chosen in its list with the keyboard, then Close."""
    shown: list[QDialog] = []

    def run(dialog: QDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        shown.append(dialog)
        return 0

    monkeypatch.setattr(dialogs, "run_dialog", run)
    window.preferences_action.trigger()
    dialog = shown[0]
    combo = dialog.findChild(QComboBox, "language")
    combo.setFocus()
    target = combo.findData(code)
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)
    dialog.close()
    # Back in the event loop: what the window made before is gone, what it made laid out.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.waitUntil(lambda: window.centralWidget().width() > 0)
    qtbot.wait(10)


def test_a_form_being_edited_keeps_its_changes_in_the_new_language(
    partners, window, qtbot, monkeypatch, answers
):
    window.show_page("organization")
    page = window.pages["organization"]
    assert search(qtbot, page, "univ") == ["Nazarbayev University", "University of Arizona"]
    click_row(qtbot, page, 1)
    form = page.form
    qtbot.waitUntil(lambda: form.heading.text() == "University of Arizona")
    type_into(qtbot, form.inputs["city"], "Tucson")
    key_clicks(qtbot, form.inputs["short_name"], "UArizona")
    assert form.is_dirty()

    choose_in_preferences(qtbot, window, monkeypatch, "kk")

    page = window.pages["organization"]
    form = page.form
    assert window.stack.currentWidget() is page
    # The changes are there, not saved, in a form that speaks Kazakh.
    assert form.inputs["city"].text() == "Tucson"
    assert form.inputs["short_name"].text() == "UArizona"
    assert form.is_dirty()
    assert form.save_button.isEnabled() and form.save_button.text() == "Сақтау"
    assert form.heading.text() == "University of Arizona"
    assert form.tabs.tabText(0) == "Толығырақ"
    # The list as the user left it: the same search, the same record chosen.
    assert page.search.text() == "univ"
    assert page.count_label.text() == "Барлығы 3 ұйым, көрсетілгені: 2"
    assert page.table.selectionModel().currentIndex().row() == 1
    assert answers.asked == []  # nothing was asked on the way
    # Saved now, in Kazakh, the changes are the record's.
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    record = ORGANIZATIONS.model.get(ORGANIZATIONS.model.name == "University of Arizona")
    assert (record.city, record.short_name) == ("Tucson", "UArizona")


def test_a_date_not_yet_readable_stays_as_typed_with_its_message(
    partners, window, qtbot, monkeypatch, answers
):
    window.show_page("event")
    form = window.pages["event"].form
    type_into(qtbot, form.inputs["title"], "Water forum")
    type_into(qtbot, form.inputs["starts_on"], "31.02.2026")
    form.inputs["title"].setFocus()  # leaving the date says what is wrong with it
    qtbot.waitUntil(lambda: form.errors["starts_on"].isVisible())
    # A participant typed under the table, not added yet.
    key_clicks(qtbot, form.participant_picker, "Karina Angelieva")

    choose_in_preferences(qtbot, window, monkeypatch, "ru")

    form = window.pages["event"].form
    assert form.record_id is None and form.is_dirty()
    assert form.inputs["title"].text() == "Water forum"
    assert form.inputs["starts_on"].text() == "31.02.2026"
    assert form.heading.text() == "Новое мероприятие"
    assert form.errors["starts_on"].isVisible()
    assert "31.02.2026" in form.errors["starts_on"].text()
    assert form.participant_picker.text() == "Karina Angelieva"


def test_filters_sort_and_columns_stay_and_speak_the_new_language(
    partners, window, qtbot, monkeypatch, answers
):
    window.show_page("organization")
    page = window.pages["organization"]
    combo = page.filters["kind"]
    combo.setFocus()
    qtbot.keyClicks(combo, "University")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    header = page.table.horizontalHeader()
    header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    first = page.model.index(0, 0).data()

    choose_in_preferences(qtbot, window, monkeypatch, "ru")

    page = window.pages["organization"]
    combo = page.filters["kind"]
    assert combo.currentData() == "university"
    assert combo.currentText() == "Университет"
    assert combo.itemText(0) == "Все виды"
    assert page.model.rowCount() == 2
    assert page.model.index(0, 0).data() == first
    assert page.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Название"
    assert page.count_label.text() == "2 из 3 организаций"


def test_the_way_back_and_the_steps_to_undo_are_kept(partners, window, qtbot, monkeypatch, answers):
    window.show_page("organization")
    page = window.pages["organization"]
    click_row(qtbot, page, 0)
    click_row(qtbot, page, 1)
    form = page.form
    type_into(qtbot, form.inputs["city"], "Astana")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    saved_title = form.heading.text()

    choose_in_preferences(qtbot, window, monkeypatch, "kk")

    assert window.back_action.isEnabled()
    assert window.undo_action.text() == f"«{saved_title}» өзгерісін &болдырмау"
    window.undo_action.trigger()
    record = ORGANIZATIONS.model.get(ORGANIZATIONS.model.name == saved_title)
    assert record.city != "Astana"
    assert window.redo_action.text() == f"«{saved_title}» өзгерісін &қайтару"


def test_the_choice_is_remembered_for_the_next_start_and_the_commands(
    window, qtbot, monkeypatch, answers
):
    choose_in_preferences(qtbot, window, monkeypatch, "kk")
    assert language() == "kk"
    assert saved_language() == "kk"
    assert resolve_language() == "kk"  # a command, or the next start, without --language
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[:2] == ["&Файл", "Т&үзету"]


def test_the_language_menu_switches_and_shows_the_language_chosen(window, qtbot, answers):
    menu = window.language_menu
    russian = next(action for action in menu.actions() if action.data() == "ru")
    russian.trigger()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert language() == "ru"
    checked = [a.text() for a in window.language_menu.actions() if a.isChecked()]
    assert checked == ["Русский"]
    # Each language named in itself, whatever the language shown.
    names = [action.text() for action in window.language_menu.actions()]
    assert names == ["Қазақша", "Русский", "English"]
    english = next(a for a in window.language_menu.actions() if a.data() == "en")
    english.trigger()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert [a.text() for a in window.menuBar().actions()][:2] == ["&File", "&Edit"]
    assert window.navigation.item(0).text() == "Organizations"


def test_the_home_view_and_the_guide_change_with_it(partners, window, qtbot, monkeypatch, answers):
    home = install_dashboard(window)
    window.show_page("home")
    qtbot.waitUntil(lambda: home.tiles["organization"].count.text() == "3")
    window.help.show_guide()
    assert "Seriktes user guide" in window.help.guide.browser.toPlainText()

    choose_in_preferences(qtbot, window, monkeypatch, "ru")

    home = window.views["home"]
    assert window.stack.currentWidget() is home
    assert home.tiles["organization"].label.text() == "Организации"
    assert home.tiles["organization"].count.text() == "3"
    assert home.heading.text().startswith("Коротко о главном — ")
    guides = [g for g in window.findChildren(GuideWindow) if g.isVisible()]
    assert len(guides) == 1
    assert "Руководство пользователя Seriktes" in guides[0].browser.toPlainText()


def test_a_list_is_made_when_first_shown_with_the_parts_of_the_window_in_its_language(
    partners, qtbot, settings, database_target, monkeypatch, answers
):
    window = make_window(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_database(database_target)
    # Opening the database made no list out of view: they are made when first shown.
    assert "person" not in window.pages
    choose_in_preferences(qtbot, window, monkeypatch, "ru")
    navigation = window.navigation
    row = next(
        r
        for r in range(navigation.count())
        if navigation.item(r).data(Qt.ItemDataRole.UserRole) == "person"
    )
    navigation.scrollToItem(navigation.item(row))
    qtbot.mouseClick(
        navigation.viewport(),
        Qt.MouseButton.LeftButton,
        pos=navigation.visualItemRect(navigation.item(row)).center(),
    )
    page = window.pages["person"]
    assert window.stack.currentWidget() is page
    assert page.count_label.text() == "0 персон"
    # The button of the who-met-whom page, once, in the language shown.
    buttons = page.form.findChildren(QPushButton, "whoMetWhomButton")
    assert [button.text() for button in buttons] == ["Кто с кем встречался"]
    window.close()


def test_the_welcome_changes_its_language_at_once(qtbot):
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Welcome to Seriktes"
    qtbot.mouseClick(dialog.language_buttons["ru"], Qt.MouseButton.LeftButton)
    assert dialog.windowTitle() == "Добро пожаловать в Seriktes"
    assert dialog.sample_button.text() == "Посмотреть на примерах записей"
    assert dialog.language_buttons["ru"].isChecked()
    assert saved_language() == "ru"
    qtbot.mouseClick(dialog.language_buttons["kk"], Qt.MouseButton.LeftButton)
    assert dialog.windowTitle() == "Seriktes-ке қош келдіңіз"
