"""The Map page: each country shaded by its count for the measure chosen, a legend, the count
on hover, a click opening the country's page, and Central Asia centred on request — all by
clicks, as a user does it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from models.world_map import NO_RECORDS, SHADES, project
from tests.map_records import seed_map

from .test_undo_and_trash import go_to

MADRID = (-3.7, 40.4)
ASTANA = (71.45, 51.17)
BRASILIA = (-47.9, -15.8)


@pytest.fixture
def map_page(window, qtbot):
    seed_map()
    window.resize(1400, 900)
    go_to(qtbot, window, "map")
    page = window.map_page
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: not page.counting)
    return page


def at(page, place: tuple[float, float]) -> QPoint:
    """Where a place (longitude, latitude) is on the map's screen."""
    return page.view.mapFromScene(*project(*place))


def item_at(page, place):
    return page.scene.country_at(page.view.mapToScene(at(page, place)))


def shade(page, place) -> str:
    return item_at(page, place).brush().color().name()


def test_the_map_shades_the_countries_that_have_partners_darker_the_more_they_have(map_page):
    page = map_page
    assert shade(page, ASTANA) == SHADES[-1]  # 3 partners: the most
    assert shade(page, MADRID) not in (NO_RECORDS, SHADES[-1])  # 2
    assert shade(page, BRASILIA) == NO_RECORDS
    assert page.view.legend.isVisible()
    assert page.view.legend.title == "Partners"
    assert [(s.low, s.high) for s in page.view.legend.steps] == [(1, 1), (2, 2), (3, 3)]
    assert page.summary.text() == "4 countries on the map have records."
    # France and Norway are shaded although Natural Earth has no ISO_A3 for them.
    assert shade(page, (2.35, 46.8)) != NO_RECORDS
    assert shade(page, (10.7, 61.0)) != NO_RECORDS


def test_hovering_a_country_outlines_it_and_says_its_count(map_page, qtbot):
    page = map_page
    spain = item_at(page, MADRID)
    qtbot.mouseMove(page.view.viewport(), at(page, MADRID))
    qtbot.waitUntil(lambda: spain.pen().color() != QColor("#ffffff"))
    assert spain.toolTip() == "Spain: 2 partners"
    assert item_at(page, BRASILIA).toolTip() == "Brazil: 0 partners"


def test_a_click_on_a_country_opens_its_page(map_page, window, qtbot):
    qtbot.mouseClick(map_page.view.viewport(), Qt.MouseButton.LeftButton, pos=at(map_page, MADRID))
    assert window.stack.currentWidget() is window.country_page
    assert window.country_page.heading.text() == "Spain"


def test_the_measure_menu_shades_by_events_delegations_or_agreements(map_page, qtbot):
    page = map_page
    menu = page.measures
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton)
    popup = menu.view()
    qtbot.waitUntil(popup.isVisible)
    assert [menu.itemText(i) for i in range(menu.count())] == [
        "Partners",
        "Events",
        "Delegations",
        "Agreements",
    ]
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Return):  # to Delegations
        qtbot.keyClick(popup, key)
    qtbot.waitUntil(lambda: page.measure == "delegations" and not page.counting)
    assert page.view.legend.title == "Delegations"
    assert shade(page, MADRID) == SHADES[-1]
    assert shade(page, ASTANA) == NO_RECORDS
    assert item_at(page, MADRID).toolTip() == "Spain: 1 delegation"


def test_central_asia_brings_kazakhstan_into_the_middle_and_world_shows_it_all(map_page, qtbot):
    page = map_page
    view = page.view
    qtbot.mouseClick(page.central_asia_button, Qt.MouseButton.LeftButton)
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    astana = project(*ASTANA)
    assert shown.contains(*astana)
    assert not shown.contains(*project(*MADRID))
    assert abs(shown.center().x() - astana[0]) < shown.width() * 0.2
    qtbot.mouseClick(page.world_button, Qt.MouseButton.LeftButton)
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(*project(*MADRID)) and shown.contains(*project(*BRASILIA))


def test_a_partner_added_elsewhere_shades_its_country_when_the_map_is_shown_again(
    map_page, window, qtbot
):
    from models.kinds.organizations import ORGANIZATIONS

    assert shade(map_page, BRASILIA) == NO_RECORDS
    go_to(qtbot, window, "organization")
    ORGANIZATIONS.save({"name": "University of São Paulo", "country": "BR"})
    go_to(qtbot, window, "map")
    qtbot.waitUntil(lambda: shade(map_page, BRASILIA) != NO_RECORDS)
    assert item_at(map_page, BRASILIA).toolTip() == "Brazil: 1 partner"


def test_closing_the_database_while_counting_waits_for_the_count_and_drops_it(
    map_page, window, qtbot
):
    map_page.refresh()
    assert map_page.counting
    window._close_database()
    assert not map_page.counting
    assert window.stack.currentWidget() is window.no_database


def test_save_as_picture_writes_the_map_as_shaded_now(map_page, qtbot, tmp_path, monkeypatch):
    from PySide6.QtGui import QImage

    from ui import dialogs
    from ui.map_drawing import picture_point

    asked = []

    def choose(_parent, suggested):
        asked.append(suggested)
        return str(tmp_path / "slide.png")

    monkeypatch.setattr(dialogs, "choose_picture_path", choose)
    qtbot.mouseClick(map_page.save_button, Qt.MouseButton.LeftButton)
    assert asked[0].endswith("Partners by country.png")
    image = QImage(str(tmp_path / "slide.png"))
    assert image.width() >= 1600

    def colour(place):
        point = picture_point(*project(*place), image.width())
        return QColor(image.pixel(int(point.x()), int(point.y()))).name()

    assert colour(ASTANA) == SHADES[-1]
    assert colour(BRASILIA) == NO_RECORDS
    assert map_page.summary.text() == f"Saved to {tmp_path / 'slide.png'}."
