"""Key figures in the window: a number typed as people write it, what it is about, and the
message a figure without a number gets."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt

from models.kinds.figures import FIGURES
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.programs import PROGRAMS
from models.kinds.sources import SOURCES
from models.store.records import KeyFigure, Source
from ui import dialogs
from ui.forms.figure_form import FigureForm
from ui.forms.record_dialog import RecordDialog

from .helpers import choose, click_row, key_clicks, shown, type_into

NARROW = ","  # between thousands in a number shown in English


def open_figures(window):
    window.show_page("figure")
    page = window.pages["figure"]
    page.refresh_filters()
    page.apply_request()
    return page


def test_create_a_key_figure_about_spain_through_the_form(window, qtbot):
    csic = ORGANIZATIONS.save({"name": "Spanish National Research Council", "country": "ES"})
    source = SOURCES.save(
        {"title": "Kazakhstan and Spain discuss science", "publisher": "Qazinform"}
    )
    page = open_figures(window)
    page.new_record()
    form = page.form
    assert form.inputs["qualifier"].value() == "exact"
    key_clicks(qtbot, form.inputs["measure"], "joint Kazakhstan–Spain publications")
    type_into(qtbot, form.inputs["value"], "1 130")
    type_into(qtbot, form.inputs["unit"], "publications")
    type_into(qtbot, form.inputs["period_label"], "in 30 years")
    type_into(qtbot, form.inputs["as_of"], "20.05.2025")
    choose(qtbot, form.inputs["country"], "Spa")
    choose(qtbot, form.inputs["organization"], "Spanish National")
    choose(qtbot, form.inputs["source"], "Spain discuss")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    figure = KeyFigure.get()
    assert figure.value == Decimal("1130")
    assert figure.country_id == "ES"
    assert figure.organization_id == csic.id
    assert figure.source_id == source.id
    assert figure.as_of == dt.date(2025, 5, 20)
    assert form.heading.text() == f"1{NARROW}130 joint Kazakhstan–Spain publications in 30 years"
    assert shown(page) == ["joint Kazakhstan–Spain publications"]
    assert shown(page, 1) == [f"1{NARROW}130"]


def test_a_figure_without_a_value_says_so_under_the_value_and_saves_nothing(window, qtbot):
    page = open_figures(window)
    page.new_record()
    form = page.form
    key_clicks(qtbot, form.inputs["measure"], "ISTC projects")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    message = form.errors["value"]
    assert "Enter the number" in message.text()
    assert not message.isHidden()
    assert KeyFigure.select().count() == 0

    type_into(qtbot, form.inputs["value"], "50+")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "“50+” is not a number" in form.errors["value"].text()
    assert KeyFigure.select().count() == 0


def test_a_figure_opened_from_a_program_is_about_that_program(window, qtbot):
    ai_sana = PROGRAMS.save({"name": "AI-Sana"})
    dialog = RecordDialog(FigureForm, {"program": ai_sana.id}, parent=window)
    qtbot.addWidget(dialog)
    form = dialog.form
    assert form.inputs["program"].text() == "AI-Sana"
    key_clicks(qtbot, form.inputs["measure"], "certificates issued")
    type_into(qtbot, form.inputs["value"], "350 000")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    figure = KeyFigure.get()
    assert (figure.program_id, figure.value) == (ai_sana.id, Decimal(350000))


def test_a_missing_source_is_made_without_leaving_the_form(window, qtbot, monkeypatch):
    page = open_figures(window)
    page.new_record()
    form = page.form

    def make_source(dialog):
        key_clicks(qtbot, dialog.form.inputs["title"], "AI-Sana reaches 350,000 certificates")
        type_into(qtbot, dialog.form.inputs["publisher"], "DKNews.kz")
        qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(dialogs, "run_dialog", make_source)
    key_clicks(qtbot, form.inputs["measure"], "AI-Sana certificates")
    type_into(qtbot, form.inputs["value"], "350 000")
    qtbot.mouseClick(form.new_source_button, Qt.MouseButton.LeftButton)
    assert form.inputs["source"].text() == "AI-Sana reaches 350,000 certificates (DKNews.kz)"
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert KeyFigure.get().source_id == Source.get().id


def test_edit_and_delete_a_key_figure(window, qtbot, answers):
    figure = FIGURES.save(
        {"measure": "ISTC projects in Kazakhstan", "value": 50, "qualifier": "more_than"}
    )
    page = open_figures(window)
    click_row(qtbot, page, 0)
    form = page.form
    assert form.heading.text() == "more than 50 ISTC projects in Kazakhstan"
    assert form.inputs["value"].text() == "50"
    type_into(qtbot, form.inputs["value"], "55")
    qualifier = form.inputs["qualifier"]
    qualifier.setCurrentIndex(qualifier.findData("exact"))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    edited = KeyFigure.get_by_id(figure.id)
    assert (edited.value, edited.qualifier) == (Decimal(55), "exact")
    assert form.heading.text() == "55 ISTC projects in Kazakhstan"

    qtbot.mouseClick(form.delete_button, Qt.MouseButton.LeftButton)
    assert "Delete key figure|Delete “55 ISTC projects in Kazakhstan”?" in answers.asked[-1]
    assert KeyFigure.select().count() == 0
    assert shown(page) == []
