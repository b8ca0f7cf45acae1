"""Names in the window: a country chosen by any name it is known by, a person found by a name
typed in the other script, an organization given only its Kazakh name, and the Countries page
in the Kazakh alphabet."""

from __future__ import annotations

from PySide6.QtCore import Qt

from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.store.records import Organization
from models.words.translation import set_language

from .helpers import key_clicks, press, search, show_field, type_into
from .test_pickers_by_keyboard import highlight_first, open_form
from .test_undo_and_trash import go_to

CTRL = Qt.KeyboardModifier.ControlModifier


def test_a_country_is_chosen_by_a_short_name_typed_in_russian(window, qtbot):
    form = open_form(window, qtbot, "organization")
    type_into(qtbot, form.inputs["name"], "University of Arizona")
    picker = form.inputs["country"]
    show_field(qtbot, form, picker)
    highlight_first(qtbot, picker, "США")
    press(qtbot, Qt.Key.Key_Return)
    assert picker.text() == "United States"
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert Organization.get().country_id == "US"


def test_the_list_finds_a_name_typed_in_the_other_script(window, qtbot):
    PEOPLE.save({"full_name": "Нурбек Саясат", "position": "Minister"})
    PEOPLE.save({"full_name": "Karina Angelieva", "position": "Executive Director"})
    window.show_page("person")
    page = window.pages["person"]
    assert search(qtbot, page, "Nurbek") == ["Нурбек Саясат"]
    assert search(qtbot, page, "Ангелиева") == ["Karina Angelieva"]


def test_an_organization_is_saved_with_its_kazakh_name_only(window, qtbot):
    form = open_form(window, qtbot, "organization")
    field = form.inputs["name_kk"]
    show_field(qtbot, form, field)
    field.setFocus()
    key_clicks(qtbot, field, "Ұлттық ғылым академиясы")
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert not [error for error in form.errors.values() if not error.isHidden()]
    assert Organization.get().name == "Ұлттық ғылым академиясы"


def test_the_countries_page_follows_the_kazakh_alphabet(window, qtbot):
    for code in ("GB", "RU", "KZ", "AZ", "ES"):
        ORGANIZATIONS.save({"name": f"Partner in {code}", "country": code})
    set_language("kk")
    go_to(qtbot, window, "country")
    page = window.country_page
    page.refresh()
    assert page.countries.names() == [
        "Әзірбайжан",
        "Испания",
        "Қазақстан",
        "Ресей",
        "Ұлыбритания",
    ]
    page.find.setFocus()
    key_clicks(qtbot, page.find, "UK")
    assert page.countries.names() == ["Ұлыбритания"]
