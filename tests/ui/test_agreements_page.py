"""Agreements in the window: parties with signatories and linked programs through the form, the
status that follows the dates, dates out of order refused, editing and deleting."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from models.kinds.agreements import AGREEMENTS
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.kinds.programs import PROGRAMS
from models.store.records import Agreement, AgreementParty, AgreementProgram

from .helpers import choose, click_row, key_clicks, shown, type_into


def open_agreements(window):
    window.show_page("agreement")
    page = window.pages["agreement"]
    page.refresh_filters()
    page.apply_request()
    return page


def add_row(qtbot, table, **typed):
    for key, text in typed.items():
        choose(qtbot, table.add_inputs[key], text)
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)


def test_create_an_agreement_with_a_party_and_a_linked_program(window, qtbot, clock):
    today = dt.date(2028, 2, 29)
    clock.set_clock(today)
    istc = ORGANIZATIONS.save(
        {"name": "International Science and Technology Center", "short_name": "ISTC"}
    )
    angelieva = PEOPLE.save({"full_name": "Karina Angelieva", "organization": istc.id})
    program = PROGRAMS.save({"name": "ISTC projects in Kazakhstan"})
    page = open_agreements(window)
    page.new_record()
    form = page.form
    key_clicks(qtbot, form.inputs["title"], "Memorandum on joint research")
    kind = form.inputs["kind"]
    kind.setCurrentIndex(kind.findData("mou"))
    type_into(qtbot, form.inputs["reference_number"], "MoU-2025/14")
    assert form.status_now.text() == "Shown in the list as: Draft"
    type_into(qtbot, form.inputs["signed_on"], f"05.03.{today.year - 1}")
    type_into(qtbot, form.inputs["expires_on"], f"05.03.{today.year + 4}")
    assert form.status_now.text() == "Shown in the list as: In force"
    add_row(qtbot, form.inputs["parties"], organization="ISTC", signatory="Angelieva")
    add_row(qtbot, form.inputs["programs"], program="ISTC projects")
    hints = [label.text() for label in form.findChildren(QLabel)]
    assert "The signed document can be attached in the Files tab." in hints
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    agreement = Agreement.get(Agreement.title == "Memorandum on joint research")
    assert agreement.kind == "mou"
    assert agreement.reference_number == "MoU-2025/14"
    assert agreement.signed_on == dt.date(today.year - 1, 3, 5)
    assert agreement.status is None
    party = AgreementParty.get(AgreementParty.agreement == agreement)
    assert (party.organization_id, party.signatory_id) == (istc.id, angelieva.id)
    link = AgreementProgram.get(AgreementProgram.agreement == agreement)
    assert link.program_id == program.id
    assert [row.agreement.title for row in program.agreement_links] == [agreement.title]
    assert shown(page) == ["Memorandum on joint research"]
    assert shown(page, 2) == ["In force"]


def test_an_agreement_that_expires_before_it_is_signed_is_refused(window, qtbot):
    page = open_agreements(window)
    page.new_record()
    form = page.form
    key_clicks(qtbot, form.inputs["title"], "Cooperation agreement with CSIC")
    type_into(qtbot, form.inputs["signed_on"], "01.06.2025")
    type_into(qtbot, form.inputs["expires_on"], "01.01.2025")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    error = form.errors["expires_on"]
    assert not error.isHidden()
    assert "Expiry date (01.01.2025) is before signing date (01.06.2025)" in error.text()
    assert Agreement.select().count() == 0


def test_the_list_filters_by_the_status_that_follows_the_dates(window, qtbot, clock):
    clock.set_clock(dt.date(2028, 2, 29))
    AGREEMENTS.save(
        {
            "title": "Old memorandum",
            "signed_on": dt.date(2015, 1, 1),
            "expires_on": dt.date(2028, 2, 28),
        }
    )
    AGREEMENTS.save(
        {
            "title": "Strategic partnership",
            "signed_on": dt.date(2027, 2, 28),
            "expires_on": dt.date(2028, 2, 29),
        }
    )
    page = open_agreements(window)
    page.set_filter("status", "expired")
    assert shown(page) == ["Old memorandum"]
    page.set_filter("status", "in_force")
    assert shown(page) == ["Strategic partnership"]
    # The next morning the same list, read again, says the partnership has expired too.
    clock.set_clock(dt.date(2028, 3, 1))
    page.set_filter("status", "expired")
    assert sorted(shown(page)) == ["Old memorandum", "Strategic partnership"]


def test_edit_and_delete_an_agreement(window, qtbot, answers):
    istc = ORGANIZATIONS.save({"name": "International Science and Technology Center"})
    agreement = AGREEMENTS.save(
        {
            "title": "Memorandum with the ISTC",
            "signed_on": dt.date(2024, 3, 5),
            "parties": [{"organization": istc.id, "signatory": None}],
        }
    )
    page = open_agreements(window)
    click_row(qtbot, page, 0)
    form = page.form
    status = form.inputs["status"]
    assert status.currentText() == "Follows the dates"
    assert status.findData("in_force") == -1
    status.setCurrentIndex(status.findData("terminated"))
    type_into(qtbot, form.inputs["notes"], "Ended by mutual consent.")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    edited = Agreement.get_by_id(agreement.id)
    assert edited.status == "terminated"
    assert edited.notes == "Ended by mutual consent."
    assert shown(page, 2) == ["Terminated"]
    qtbot.mouseClick(form.delete_button, Qt.MouseButton.LeftButton)
    assert "1 agreement party will be deleted with it" in answers.asked[-1]
    assert Agreement.select().count() == 0
    assert AgreementParty.select().count() == 0
    assert shown(page) == []
