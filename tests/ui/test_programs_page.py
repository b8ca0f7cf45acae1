"""Programs in the window: lead, budget, areas and partners through the form, the key figures
tab, refusals under their fields, editing and deleting."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt

from models.kinds.organizations import ORGANIZATIONS
from models.kinds.programs import PROGRAMS, program_areas
from models.store.records import KeyFigure, Program, ProgramPartner
from ui import dialogs
from ui.forms.figure_form import FigureForm

from .helpers import choose, click_row, key_clicks, shown, type_into


def open_programs(window):
    window.show_page("program")
    page = window.pages["program"]
    page.refresh_filters()
    page.apply_request()
    return page


def add_partner(qtbot, form, typed, role):
    table = form.inputs["partners"]
    choose(qtbot, table.add_inputs["organization"], typed)
    role_input = table.add_inputs["role"]
    role_input.setCurrentIndex(role_input.findData(role))
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)


def test_create_a_program_with_a_lead_partners_and_budget_through_the_form(window, qtbot):
    ministry = ORGANIZATIONS.save(
        {"name": "Ministry of Science and Higher Education", "country": "KZ"}
    )
    coursera = ORGANIZATIONS.save({"name": "Coursera", "country": "US"})
    huawei = ORGANIZATIONS.save({"name": "Huawei", "country": "CN"})
    page = open_programs(window)
    page.new_record()
    form = page.form
    key_clicks(qtbot, form.inputs["name"], "AI-Sana")
    kind = form.inputs["kind"]
    kind.setCurrentIndex(kind.findData("national"))
    choose(qtbot, form.inputs["lead"], "Ministry")
    type_into(qtbot, form.inputs["starts_on"], "01.09.2024")
    type_into(qtbot, form.inputs["budget"], "1 500 000 000")
    type_into(qtbot, form.inputs["currency"], "kzt")
    type_into(qtbot, form.inputs["areas"], "Artificial intelligence, Online learning")
    add_partner(qtbot, form, "Coursera", "platform")
    add_partner(qtbot, form, "Huawei", "partner")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    program = Program.get(Program.name == "AI-Sana")
    assert program.kind == "national"
    assert program.lead_id == ministry.id
    assert program.starts_on == dt.date(2024, 9, 1)
    assert program.budget == Decimal("1500000000")
    assert program.currency == "KZT"
    assert program_areas(program.id) == ["Artificial intelligence", "Online learning"]
    partners = {
        (p.organization_id, p.role)
        for p in ProgramPartner.select().where(ProgramPartner.program == program)
    }
    assert partners == {(coursera.id, "platform"), (huawei.id, "partner")}
    assert shown(page) == ["AI-Sana"]
    assert shown(page, 4) == ["Ministry of Science and Higher Education"]
    assert shown(page, 7) == ["1,500,000,000"]
    assert form.heading.text() == "AI-Sana"


def test_a_budget_without_currency_and_a_partner_twice_are_refused(window, qtbot):
    ORGANIZATIONS.save({"name": "Coursera", "country": "US"})
    page = open_programs(window)
    page.new_record()
    form = page.form
    key_clicks(qtbot, form.inputs["name"], "AI-Sana")
    type_into(qtbot, form.inputs["budget"], "350 000")
    add_partner(qtbot, form, "Coursera", "platform")
    add_partner(qtbot, form, "Coursera", "platform")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "Give the currency of the budget" in form.errors["currency"].text()
    assert not form.errors["currency"].isHidden()
    assert "Coursera is listed twice in the role “Platform”" in form.errors["partners"].text()
    assert Program.select().count() == 0


def test_key_figures_are_added_once_the_program_is_saved(window, qtbot, monkeypatch):
    page = open_programs(window)
    page.new_record()
    form = page.form
    assert not form.add_figure_button.isEnabled()
    assert "Save the program" in form.figures_hint.text()
    key_clicks(qtbot, form.inputs["name"], "AI-Sana")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.add_figure_button.isEnabled()
    program_id = form.record_id

    def report_figure(dialog):
        assert isinstance(dialog.form, FigureForm)
        KeyFigure.create(
            measure="Certificates issued",
            value=350000,
            qualifier="more_than",
            program=program_id,
            as_of=dt.date(2025, 6, 1),
        )
        return 1

    monkeypatch.setattr(dialogs, "run_dialog", report_figure)
    qtbot.mouseClick(form.add_figure_button, Qt.MouseButton.LeftButton)
    row = [form.figures.item(0, column).text() for column in range(4)]
    assert row == ["Certificates issued", "More than 350,000", "", "01.06.2025"]


def test_edit_and_delete_a_program(window, qtbot, answers):
    coursera = ORGANIZATIONS.save({"name": "Coursera", "country": "US"})
    program = PROGRAMS.save(
        {
            "name": "AI-Sana",
            "status": "planned",
            "partners": [{"organization": coursera.id, "role": "platform"}],
        }
    )
    page = open_programs(window)
    click_row(qtbot, page, 0)
    form = page.form
    status = form.inputs["status"]
    status.setCurrentIndex(status.findData("active"))
    type_into(qtbot, form.inputs["description"], "Courses for every student.")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    edited = Program.get_by_id(program.id)
    assert edited.status == "active"
    assert edited.description == "Courses for every student."
    assert shown(page, 3) == ["Active"]
    qtbot.mouseClick(form.delete_button, Qt.MouseButton.LeftButton)
    assert "1 program partnership will be deleted with it" in answers.asked[-1]
    assert Program.select().count() == 0
    assert ProgramPartner.select().count() == 0
    assert shown(page) == []
