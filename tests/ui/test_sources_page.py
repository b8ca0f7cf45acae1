"""Sources in the window: the records an article mentions, chosen by typing their names."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from models.kinds.figures import FIGURES
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.kinds.sources import SOURCES
from models.store.records import KeyFigure, Source, SourceMention

from .helpers import choose, click_row, key_clicks, show_field, shown, type_into


def open_sources(window):
    window.show_page("source")
    page = window.pages["source"]
    page.refresh_filters()
    page.apply_request()
    return page


def add_mention(qtbot, form, typed, row=0):
    choose(qtbot, form.mention_picker, typed, row)
    qtbot.mouseClick(form.inputs["mentions"].add_button, Qt.MouseButton.LeftButton)


def mention_cells(form):
    model = form.inputs["mentions"].model
    return [
        (model.index(row, 0).data(), model.index(row, 1).data()) for row in range(model.rowCount())
    ]


def test_create_a_source_that_mentions_an_organization_and_a_person(window, qtbot):
    istc = ORGANIZATIONS.save(
        {"name": "International Science and Technology Center", "short_name": "ISTC"}
    )
    angelieva = PEOPLE.save({"full_name": "Karina Angelieva", "organization": istc.id})
    page = open_sources(window)
    page.new_record()
    form = page.form
    key_clicks(qtbot, form.inputs["title"], "ISTC delegation meets the Minister")
    type_into(qtbot, form.inputs["publisher"], "Qazinform")
    type_into(qtbot, form.inputs["published_on"], "05.03.2025")
    type_into(qtbot, form.inputs["url"], "www.inform.kz/en/istc-delegation")
    type_into(qtbot, form.inputs["language"], "en")

    add_mention(qtbot, form, "ISTC")
    add_mention(qtbot, form, "Angelieva")
    assert mention_cells(form) == [
        ("Organization", "International Science and Technology Center (ISTC)"),
        ("Person", "Karina Angelieva"),
    ]
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    source = Source.get()
    assert source.url == "https://www.inform.kz/en/istc-delegation"
    assert source.published_on == dt.date(2025, 3, 5)
    mentions = {
        (m.record_kind, m.record_id)
        for m in SourceMention.select().where(SourceMention.source == source)
    }
    assert mentions == {("organization", istc.id), ("person", angelieva.id)}
    assert form.heading.text() == "ISTC delegation meets the Minister (Qazinform, 05.03.2025)"
    assert shown(page, 1) == ["ISTC delegation meets the Minister"]


def test_a_bad_address_and_a_record_mentioned_twice_are_refused(window, qtbot):
    ORGANIZATIONS.save({"name": "Nazarbayev University"})
    page = open_sources(window)
    page.new_record()
    form = page.form
    key_clicks(qtbot, form.inputs["title"], "Nazarbayev University opens a lab")
    type_into(qtbot, form.inputs["url"], "inform kz")
    add_mention(qtbot, form, "Nazarbayev")
    add_mention(qtbot, form, "Nazarbayev")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "“inform kz” is not a web address" in form.errors["url"].text()
    assert "“Nazarbayev University” is mentioned twice" in form.errors["mentions"].text()
    assert Source.select().count() == 0


def test_double_clicking_a_mention_opens_the_record(window, qtbot):
    csic = ORGANIZATIONS.save({"name": "Spanish National Research Council"})
    source = SOURCES.save(
        {
            "title": "Ambassador meets CSIC",
            "mentions": [{"record_kind": "organization", "record_id": csic.id}],
        }
    )
    page = open_sources(window)
    page.open(source.id)
    table = page.form.inputs["mentions"]
    show_field(qtbot, page.form, table)
    center = table.view.visualRect(table.proxy.index(0, 1)).center()
    # A double click is a press and release, then the second press: Qt needs both.
    qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.mouseDClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert window.stack.currentWidget() is window.pages["organization"]
    assert window.pages["organization"].form.record_id == csic.id


def test_edit_and_delete_a_source(window, qtbot, answers):
    istc = ORGANIZATIONS.save({"name": "ISTC"})
    angelieva = PEOPLE.save({"full_name": "Karina Angelieva"})
    source = SOURCES.save(
        {
            "title": "ISTC in Astana",
            "mentions": [
                {"record_kind": "organization", "record_id": istc.id},
                {"record_kind": "person", "record_id": angelieva.id},
            ],
        }
    )
    figure = FIGURES.save({"measure": "ISTC projects", "value": 50, "source": source.id})
    page = open_sources(window)
    click_row(qtbot, page, 0)
    form = page.form
    table = form.inputs["mentions"]
    show_field(qtbot, form, table)
    table.view.selectRow(0)
    qtbot.mouseClick(table.remove_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, form.inputs["publisher"], "DKNews.kz")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert Source.get_by_id(source.id).publisher == "DKNews.kz"
    assert [(m.record_kind, m.record_id) for m in SourceMention.select()] == [
        ("person", angelieva.id)
    ]

    qtbot.mouseClick(form.delete_button, Qt.MouseButton.LeftButton)
    assert "1 key figure will no longer have this source: 50 ISTC projects" in answers.asked[-1]
    assert Source.select().count() == 0
    assert SourceMention.select().count() == 0
    assert KeyFigure.get_by_id(figure.id).source_id is None
