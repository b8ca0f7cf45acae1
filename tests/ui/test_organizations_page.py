"""Organizations in the window: create, find, edit, cancel, validate, sort, filter, delete."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.store.records import Organization, Person
from ui import dialogs
from ui.settings import AppSettings

from .helpers import choose, click_header, click_row, key_clicks, search, shown, type_into

CSIC = {
    "name": "Spanish National Research Council",
    "short_name": "CSIC",
    "name_ru": "Высший совет по научным исследованиям",
    "name_kk": "Ғылыми зерттеулер жөніндегі жоғарғы кеңес",
    "name_original": "Consejo Superior de Investigaciones Científicas",
    "kind": "research",
    "country": "ES",
    "city": "Madrid",
}


def page_of(window):
    return window.pages["organization"]


def reload(page):
    page.refresh_filters()
    page.apply_request()


def test_create_an_organization_through_the_form(window, qtbot):
    page = page_of(window)
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = page.form
    assert form.heading.text() == "New organization"
    assert form.inputs["name"].hasFocus()
    qtbot.keyClicks(form.inputs["name"], CSIC["name"])
    type_into(qtbot, form.inputs["short_name"], "CSIC")
    type_into(qtbot, form.inputs["name_ru"], CSIC["name_ru"])
    type_into(qtbot, form.inputs["name_kk"], CSIC["name_kk"])
    kind = form.inputs["kind"]
    kind.setCurrentIndex(kind.findData("research"))
    choose(qtbot, form.inputs["country"], "Исп")
    assert form.inputs["country"].text() == "Spain"
    type_into(qtbot, form.inputs["website"], "www.csic.es")
    type_into(qtbot, form.inputs["areas"], "Artificial intelligence, Water")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    saved = Organization.get(Organization.short_name == "CSIC")
    assert saved.name == CSIC["name"]
    assert saved.name_kk == CSIC["name_kk"]
    assert saved.kind == "research"
    assert saved.country_id == "ES"
    assert saved.website == "https://www.csic.es"
    assert ORGANIZATIONS.load(saved.id)["areas"] == ["Artificial intelligence", "Water"]
    assert shown(page) == [CSIC["name"]]
    assert page.table.currentIndex().row() == 0
    assert form.heading.text() == "Spanish National Research Council (CSIC)"
    assert page.count_label.text() == "1 organization"


def test_find_an_organization_by_its_russian_kazakh_and_english_names(window, qtbot):
    ORGANIZATIONS.save(CSIC)
    ORGANIZATIONS.save(
        {"name": "Nazarbayev University", "name_ru": "Назарбаев Университет", "country": "KZ"}
    )
    page = page_of(window)
    reload(page)
    assert len(shown(page)) == 2
    assert search(qtbot, page, "высший совет") == [CSIC["name"]]
    assert search(qtbot, page, "зерттеулер жөніндегі") == [CSIC["name"]]
    assert search(qtbot, page, "research council") == [CSIC["name"]]
    assert search(qtbot, page, "Испания") == [CSIC["name"]]
    assert search(qtbot, page, "университет") == ["Nazarbayev University"]
    assert page.count_label.text() == "1 of 2 organizations"
    assert search(qtbot, page, "Atlantis") == []
    assert page.table.empty_text.startswith("No organization matches the search")


def test_edit_then_cancel_drops_the_changes_after_asking(window, qtbot, answers):
    record = ORGANIZATIONS.save(CSIC)
    page = page_of(window)
    reload(page)
    click_row(qtbot, page, 0)
    form = page.form
    assert form.record_id == record.id
    type_into(qtbot, form.inputs["city"], "Barcelona")
    assert form.save_button.isEnabled()

    answers.confirm = False
    qtbot.keyClick(form.inputs["city"], Qt.Key.Key_Escape)
    assert answers.asked[-1].startswith("Drop changes|")
    assert form.inputs["city"].text() == "Barcelona"

    answers.confirm = True
    qtbot.keyClick(form.inputs["city"], Qt.Key.Key_Escape)
    assert form.inputs["city"].text() == "Madrid"
    assert not form.is_dirty()
    assert Organization.get_by_id(record.id).city == "Madrid"

    type_into(qtbot, form.inputs["city"], "Barcelona")
    qtbot.keyClick(form.inputs["city"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert Organization.get_by_id(record.id).city == "Barcelona"
    assert not form.is_dirty()


def test_choosing_another_row_with_unsaved_changes_asks_first(window, qtbot, answers):
    ORGANIZATIONS.save(CSIC)
    ORGANIZATIONS.save({"name": "Nazarbayev University", "country": "KZ"})
    page = page_of(window)
    reload(page)
    click_row(qtbot, page, 1)  # Spanish National Research Council, sorted by name
    form = page.form
    type_into(qtbot, form.inputs["city"], "Valencia")

    answers.unsaved = dialogs.Unsaved.CANCEL
    click_row(qtbot, page, 0)
    assert form.inputs["city"].text() == "Valencia"
    assert page.table.currentIndex().row() == 1

    answers.unsaved = dialogs.Unsaved.SAVE
    click_row(qtbot, page, 0)
    assert form.inputs["name"].text() == "Nazarbayev University"
    assert Organization.get(Organization.short_name == "CSIC").city == "Valencia"


def test_a_bad_email_is_explained_next_to_the_field(window, qtbot):
    page = page_of(window)
    page.new_record()
    form = page.form
    qtbot.keyClicks(form.inputs["name"], "Embassy of Spain in Kazakhstan")
    type_into(qtbot, form.inputs["email"], "emb.astana@maec")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    error = form.errors["email"]
    assert error.isVisible()
    assert "“emb.astana@maec” is not an e-mail address" in error.text()
    assert form.inputs["email"].hasFocus()
    assert Organization.select().count() == 0

    type_into(qtbot, form.inputs["email"], "emb.astana@maec.es")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not error.isVisible()
    assert Organization.get().email == "emb.astana@maec.es"


def test_a_required_name_and_an_unknown_country_are_explained(window, qtbot):
    page = page_of(window)
    page.new_record()
    form = page.form
    type_into(qtbot, form.inputs["country"], "Atlantis")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "No match for “Atlantis”" in form.errors["country"].text()
    form.inputs["country"].clear()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.errors["name"].text() == (
        "Give the name in at least one language: English, Kazakh or Russian."
    )
    assert Organization.select().count() == 0


def test_sort_by_a_column_and_filter_by_kind(window, qtbot):
    ORGANIZATIONS.save(CSIC)
    ORGANIZATIONS.save({"name": "Nazarbayev University", "kind": "university", "country": "KZ"})
    ORGANIZATIONS.save({"name": "Northwest A&F University", "kind": "university", "country": "CN"})
    ORGANIZATIONS.save({"name": "University of Arizona", "kind": "university", "country": "US"})
    window.resize(1440, 900)  # wide enough for the Country column beside the form
    page = page_of(window)
    reload(page)
    country = [c.key for c in page.spec.record_list.columns].index("country")

    click_header(qtbot, page, country)
    assert shown(page, country) == ["China", "Kazakhstan", "Spain", "United States"]
    click_header(qtbot, page, country)
    assert shown(page, country) == ["United States", "Spain", "Kazakhstan", "China"]

    kind = page.filters["kind"]
    kind.setCurrentIndex(kind.findData("university"))
    kind.activated.emit(kind.currentIndex())
    assert shown(page) == [
        "University of Arizona",
        "Nazarbayev University",
        "Northwest A&F University",
    ]
    countries = page.filters["country"]
    assert [countries.itemText(i) for i in range(countries.count())] == [
        "Any country",
        "China",
        "Kazakhstan",
        "Spain",
        "United States",
    ]
    page.set_filter("country", "KZ")
    assert shown(page) == ["Nazarbayev University"]
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert len(shown(page)) == 4


def test_columns_can_be_hidden_and_are_remembered(window, qtbot, settings, tmp_path):
    page = page_of(window)
    header = page.table.horizontalHeader()
    short_name = [c.key for c in page.spec.record_list.columns].index("short_name")
    name_ru = [c.key for c in page.spec.record_list.columns].index("name_ru")
    assert not header.isSectionHidden(short_name)
    assert header.isSectionHidden(name_ru)
    page.show_column(short_name, False)
    page.show_column(name_ru, True)
    header.moveSection(header.visualIndex(name_ru), 0)
    window.close()

    from ui.main_window import MainWindow

    again = MainWindow(AppSettings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(again)
    restored = again.pages["organization"].table.horizontalHeader()
    assert restored.isSectionHidden(short_name)
    assert not restored.isSectionHidden(name_ru)
    assert restored.logicalIndex(0) == name_ru


def test_enter_on_a_row_opens_it_in_the_form(window, qtbot):
    ORGANIZATIONS.save(CSIC)
    page = page_of(window)
    reload(page)
    click_row(qtbot, page, 0)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is page.form.inputs["name"]
    assert page.form.inputs["name"].text() == CSIC["name"]


def test_delete_asks_and_names_the_people_affected(window, qtbot, answers):
    csic = ORGANIZATIONS.save(CSIC)
    person = PEOPLE.save(
        {"full_name": "Eloísa del Pino", "position": "President", "organization": csic.id}
    )
    page = page_of(window)
    reload(page)
    click_row(qtbot, page, 0)

    answers.confirm = False
    qtbot.mouseClick(page.form.delete_button, Qt.MouseButton.LeftButton)
    assert "1 person will no longer have this organization: Eloísa del Pino" in answers.asked[-1]
    assert Organization.get_by_id(csic.id).name == CSIC["name"]
    assert Person.get_by_id(person.id).organization_id == csic.id

    answers.confirm = True
    qtbot.mouseClick(page.form.delete_button, Qt.MouseButton.LeftButton)
    assert Organization.get_or_none(Organization.id == csic.id) is None
    assert Person.get_by_id(person.id).organization is None
    assert shown(page) == []
    assert page.count_label.text() == "0 organizations"
    assert page.table.empty_text.startswith("No organizations yet.")


def test_a_person_added_from_the_organization_form(window, qtbot, monkeypatch):
    csic = ORGANIZATIONS.save(CSIC)
    page = page_of(window)
    reload(page)
    click_row(qtbot, page, 0)

    def fill_and_save(dialog):
        assert dialog.form.inputs["organization"].value() == csic.id
        assert dialog.form.inputs["organization"].text() == (
            "Spanish National Research Council (CSIC)"
        )
        key_clicks(qtbot, dialog.form.inputs["full_name"], "Eloísa del Pino")
        type_into(qtbot, dialog.form.inputs["position"], "President")
        qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(dialogs, "run_dialog", fill_and_save)
    qtbot.mouseClick(page.form.add_person_button, Qt.MouseButton.LeftButton)
    person = Person.get(Person.full_name == "Eloísa del Pino")
    assert person.organization_id == csic.id
    people = page.form.people
    assert people.rowCount() == 1
    assert people.item(0, 0).text() == "Eloísa del Pino"
    assert people.item(0, 1).text() == "President"


def test_ctrl_f_goes_to_the_search_box(window, qtbot):
    page = page_of(window)
    page.form.inputs["city"].setFocus()
    qtbot.keyClick(page.form.inputs["city"], Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.search


def test_a_save_the_disk_refuses_says_so_and_keeps_the_form(window, qtbot, monkeypatch):
    from peewee import OperationalError

    page = page_of(window)
    page.new_record()
    qtbot.keyClicks(page.form.inputs["name"], "Embassy of Spain")

    def full(*_args, **_kwargs):
        raise OperationalError("database or disk is full")

    monkeypatch.setattr("models.editing.RecordEditor._save_parts", full)
    qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)
    assert page.form.banner.isVisible()
    assert "Nothing was saved: the disk is full" in page.form.banner.text()
    assert page.form.inputs["name"].text() == "Embassy of Spain"
    assert Organization.select().count() == 0
