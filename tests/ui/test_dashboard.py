"""The home view in the window: first in the navigation, the counts and lists of the database,
a click on a record opening it and a click on a bar opening the list filtered to it, and
fresh figures after records change."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter

from models.kinds.agreements import AGREEMENTS
from models.kinds.delegations import DELEGATIONS
from models.kinds.events import EVENTS
from models.kinds.organizations import ORGANIZATIONS
from models.store.records import Delegation
from ui.dashboard import HOME, install_dashboard
from ui.widgets.bar_chart import Group, HorizontalBarChart, Value

from .helpers import shown

# The home view lives on the day the clock says. The first of a month is the day an event
# "earlier this month" and one "today" are the same day; the first of January also turns the
# year; 29 February has no twin a year before or after.
FIRST_OF_MONTH = dt.date(2026, 3, 1)
HARD_DAYS = [FIRST_OF_MONTH, dt.date(2027, 1, 1), dt.date(2028, 2, 29), dt.date(2025, 6, 15)]


@pytest.fixture
def today(request, clock):
    day = getattr(request, "param", FIRST_OF_MONTH)
    clock.set_clock(day)
    return day


def build(window, today, clock):
    def in_days(days):
        return today + dt.timedelta(days=days)

    made = {
        "nu": ORGANIZATIONS.save(
            {"name": "Nazarbayev University", "country": "KZ", "kind": "university"}
        ),
        "csic": ORGANIZATIONS.save(
            {"name": "Spanish National Research Council", "country": "ES", "kind": "research"}
        ),
        "upm": ORGANIZATIONS.save(
            {"name": "Technical University of Madrid", "country": "ES", "kind": "university"}
        ),
        "opening": EVENTS.save({"title": "Opening of the science week", "starts_on": today}),
        "forum": EVENTS.save({"title": "Forum of academic knowledge", "starts_on": in_days(5)}),
        "lecture": EVENTS.save({"title": "Lecture on water", "starts_on": in_days(-10)}),
        "memorandum": AGREEMENTS.save(
            {
                "title": "Memorandum with CSIC",
                "signed_on": in_days(-700),
                "expires_on": in_days(20),
            }
        ),
        "visit": DELEGATIONS.save(
            {
                "title": "Visit to CSIC",
                "starts_on": in_days(-30),
                "follow_ups": [{"action": "Send the roadmap", "due_on": in_days(-2)}],
            }
        ),
    }
    # Changed a minute after the others, which were all saved within the same second.
    Delegation.update(updated_at=clock.now() + dt.timedelta(minutes=1)).execute()
    home = install_dashboard(window)
    window.show_page(HOME)
    return home, made


def click_item(qtbot, shortlist, row):
    widget = shortlist.list
    rect = widget.visualItemRect(widget.item(row))
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


@pytest.mark.parametrize("today", HARD_DAYS, indirect=True, ids=str)
def test_home_comes_first_and_shows_the_counts_and_lists(window, today, clock):
    home, _made = build(window, today, clock)
    assert window.navigation.item(0).text() == "Home"
    assert window.stack.currentWidget() is home
    # The counts are named as the navigation names the lists, in its order.
    assert [tile.label.text() for tile in home.tiles.values()] == [
        "Organizations", "People", "Events", "Delegations", "Programs", "Agreements",
        "Key figures", "Sources",
    ]  # fmt: skip
    assert [window.navigation.item(row).text() for row in range(1, 9)] == [
        tile.label.text() for tile in home.tiles.values()
    ]
    assert home.tiles["figure"].toolTip() == "Open the list of key figures"
    counts = {kind: tile.count.text() for kind, tile in home.tiles.items()}
    assert counts["organization"] == "3"
    assert counts["event"] == "3"
    assert counts["agreement"] == "1"
    assert counts["person"] == "0"
    # An event of today is coming, one of ten days ago is not, on any day.
    assert home.upcoming.titles() == ["Opening of the science week", "Forum of academic knowledge"]
    assert home.expiring.titles() == ["Memorandum with CSIC"]
    assert home.overdue.titles() == ["Send the roadmap"]
    visit_day = today - dt.timedelta(days=30)
    assert home.changes.titles()[0] == f"Visit to CSIC ({visit_day:%d.%m.%Y})"
    assert [group.label for group in home.by_country.groups] == ["Spain", "Kazakhstan"]


def test_clicking_a_record_opens_it(window, qtbot, today, clock):
    home, made = build(window, today, clock)
    click_item(qtbot, home.expiring, 0)
    page = window.pages["agreement"]
    assert window.stack.currentWidget() is page
    assert page.form.record_id == made["memorandum"].id

    window.show_page(HOME)
    click_item(qtbot, home.overdue, 0)
    assert window.stack.currentWidget() is window.pages["delegation"]
    assert window.pages["delegation"].form.record_id == made["visit"].id


def test_clicking_a_country_bar_opens_the_organizations_of_that_country(
    window, qtbot, today, clock
):
    home, _made = build(window, today, clock)
    chart = home.by_country
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_center("ES"))
    page = window.pages["organization"]
    assert window.stack.currentWidget() is page
    assert page.filters["country"].currentData() == "ES"
    assert sorted(shown(page)) == [
        "Spanish National Research Council",
        "Technical University of Madrid",
    ]


def test_clicking_a_kind_or_a_month_opens_the_list_filtered_to_it(window, qtbot, today, clock):
    home, _made = build(window, today, clock)
    chart = home.by_kind
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_center("university"))
    organizations = window.pages["organization"]
    assert organizations.filters["kind"].currentData() == "university"
    assert sorted(shown(organizations)) == [
        "Nazarbayev University",
        "Technical University of Madrid",
    ]

    window.show_page(HOME)
    year = str((today - dt.timedelta(days=10)).year)  # the lecture's
    months = home.by_month
    qtbot.mouseClick(months, Qt.MouseButton.LeftButton, pos=months.bar_center(f"event:{year}"))
    events = window.pages["event"]
    assert window.stack.currentWidget() is events
    assert events.filters["year"].currentData() == year
    assert "Lecture on water" in shown(events, 1)
    assert {starts[-4:] for starts in shown(events, 0)} == {year}


def test_a_count_opens_its_whole_list(window, qtbot, today, clock):
    home, _made = build(window, today, clock)
    organizations = window.pages["organization"]
    organizations.set_filter("country", "KZ")
    qtbot.mouseClick(home.tiles["organization"], Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is organizations
    assert len(shown(organizations)) == 3


def test_figures_are_read_again_when_records_change(window, qtbot, today, clock):
    home, made = build(window, today, clock)
    page = window.pages["organization"]
    window.open_record("organization", made["upm"].id)
    page.form.delete()  # the test answers yes to the question
    window.show_page(HOME)
    assert home.tiles["organization"].count.text() == "2"
    ORGANIZATIONS.save({"name": "University of Arizona", "country": "US"})
    page.records_changed.emit()
    qtbot.waitUntil(lambda: home.tiles["organization"].count.text() == "3")
    assert "United States" in [group.label for group in home.by_country.groups]


def test_an_empty_database_says_so_in_words(window):
    home = install_dashboard(window)
    window.show_page(HOME)
    assert home.upcoming.empty.isVisibleTo(home)
    assert "No event" in home.upcoming.empty.text()
    assert "No agreement" in home.expiring.empty.text()
    assert "overdue" in home.overdue.empty.text()
    assert "Nothing is recorded yet" in home.changes.empty.text()
    assert home.by_country.is_empty() and "No partner" in home.by_country.empty_text
    assert home.by_month.is_empty()
    assert home.by_month.empty_text == "No event or delegation in the last two years."


def test_the_home_view_never_scrolls_sideways(window, qtbot, today, clock):
    """The counts go in one row or two as the window allows (it is at least 900 pixels wide,
    the home view about 720), so that even a six-figure count is never cut off nor pushed
    beyond the right edge."""
    home, _made = build(window, today, clock)
    home.tiles["person"].set_count(200_000)

    def rows():
        return len({home.tile_grid.getItemPosition(i)[0] for i in range(home.tile_grid.count())})

    seen = {}
    for width in (1700, 1300, 1180, 1100, 900, 720):
        home.resize(width, 700)
        qtbot.waitUntil(lambda w=width: home.width() == w)
        home.widget().layout().activate()
        assert home.horizontalScrollBar().maximum() == 0, width
        counts = home.tiles["person"].count
        assert counts.width() >= counts.sizeHint().width(), width
        seen[width] = rows()
    assert seen[1700] == 1 and seen[720] == 2


def drawn_texts(monkeypatch, widget) -> list[tuple[str, float]]:
    """The texts a widget draws when it paints, with the width of the box each is drawn in."""
    drawn = []
    original = QPainter.drawText

    def record(painter, *args):
        if len(args) >= 3 and isinstance(args[0], QRectF):
            drawn.append((args[2], args[0].width()))
        return original(painter, *args)

    monkeypatch.setattr(QPainter, "drawText", record)
    widget.grab()
    monkeypatch.undo()
    return drawn


@pytest.mark.parametrize("width", [460, 300, 180])
def test_the_labels_of_a_chart_are_never_cut(qtbot, monkeypatch, width):
    chart = HorizontalBarChart()
    qtbot.addWidget(chart)
    labels = [
        "Kazakhstan",
        "China",
        "United States",
        "United Kingdom of Great Britain and Northern Ireland",
    ]
    chart.set_data(
        [Group(label, (Value(label, 10 - n),)) for n, label in enumerate(labels)], "No partner"
    )
    chart.resize(width, chart.heightForWidth(width))
    chart.show()
    drawn = drawn_texts(monkeypatch, chart)
    metrics = chart.fontMetrics()
    assert not any("…" in text for text, _room in drawn)
    for text, room in drawn:
        assert metrics.horizontalAdvance(text) <= room, text
    words = " ".join(text for text, _room in drawn)
    for label in labels[:3]:
        assert label in words or all(word in words for word in label.split())
    # The rows grew to hold wrapped labels: the chart is tall enough for every line.
    lines = sum(len(chart.label_lines(label)) for label in labels)
    assert chart.height() >= lines * metrics.height()


def test_the_home_chart_shows_united_states_whole(window, qtbot, monkeypatch):
    home = install_dashboard(window)
    for name in ("University of Arizona", "Coursera"):
        ORGANIZATIONS.save({"name": name, "country": "US"})
    for name in ("Nazarbayev University", "KazNU", "ENU"):
        ORGANIZATIONS.save({"name": name, "country": "KZ"})
    window.resize(1440, 900)
    window.show_page(HOME)
    qtbot.waitUntil(lambda: len(home.by_country.groups) == 2)
    texts = [text for text, _room in drawn_texts(monkeypatch, home.by_country)]
    assert "United States" in texts
    assert "Kazakhstan" in texts
