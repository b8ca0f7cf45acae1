"""File ▸ Print… and Save as PDF…: the record shown with everything linked to it, the list
as shown, or a country, on pages; the PDF holds what was asked for."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt

from models.kinds.events import EVENTS
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from ui import dialogs
from ui.print_actions import PrintDialog, install_printing

from .helpers import click_row, search, shown
from .test_export_window import choose_from_menus
from .test_undo_and_trash import go_to

needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) reads the PDF"
)


def pdf_text(path) -> str:
    """The words of a PDF, one space between them: a long title may wrap on the page."""
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.split())


@pytest.fixture
def csic(window):
    install_printing(window)
    csic = ORGANIZATIONS.save(
        {"name": "Spanish National Research Council", "short_name": "CSIC", "country": "ES"}
    )
    ORGANIZATIONS.save({"name": "Nazarbayev University", "country": "KZ"})
    ORGANIZATIONS.save({"name": "University of Arizona", "country": "US"})
    del_pino = PEOPLE.save(
        {"full_name": "Eloísa del Pino", "position": "President", "organization": csic.id}
    )
    EVENTS.save(
        {
            "title": "Kazakhstan–Spain science event at the ORTA Cultural Center",
            "country": "KZ",
            "participants": [
                {"person": del_pino.id, "role": "speaker"},
                {"organization": csic.id, "role": "organizer"},
            ],
        }
    )
    window.resize(1440, 900)
    go_to(window.qtbot, window, "person")  # the list reads its records as it comes into view
    go_to(window.qtbot, window, "organization")
    return csic


@pytest.fixture(autouse=True)
def keep_qtbot(window, qtbot):
    window.qtbot = qtbot


@pytest.fixture
def pdf_to(monkeypatch, tmp_path):
    target = tmp_path / "printed.pdf"
    asked = []

    def choose(_parent, suggested):
        asked.append(suggested)
        return str(target)

    monkeypatch.setattr(dialogs, "choose_pdf_path", choose)
    return target, asked


@needs_pdftotext
def test_a_record_saved_as_pdf_holds_its_card_and_linked_records(window, qtbot, csic, pdf_to):
    page = window.pages["organization"]
    click_row(qtbot, page, shown(page).index("Spanish National Research Council"))
    choose_from_menus(qtbot, window, "File", "Save as PDF…")
    target, asked = pdf_to
    assert asked[0].endswith(".pdf") and "Spanish National Research Council" in asked[0]
    text = pdf_text(target)
    assert "Spanish National Research Council (CSIC)" in text
    assert "Spain" in text
    assert "Eloísa del Pino" in text  # a person of it
    assert "Kazakhstan–Spain science event at the ORTA Cultural Center" in text  # an event
    assert "Organizer" in text  # how it is linked
    assert window.statusBar().currentMessage() == f"Saved as PDF: {target}"


def test_print_shows_the_list_as_shown_when_the_user_is_searching(window, qtbot, csic, monkeypatch):
    page = window.pages["organization"]
    search(qtbot, page, "univ")
    seen = []

    def look(dialog):
        assert isinstance(dialog, PrintDialog)
        qtbot.addWidget(dialog)
        seen.append((dialog.choice.currentText(), dialog.document().toPlainText()))
        return 0

    monkeypatch.setattr(dialogs, "run_dialog", look)
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    [(choice, text)] = seen
    assert choice == "The list as shown: Organizations"
    assert "2 records; search “univ”" in text
    assert text.index("Nazarbayev University") < text.index("University of Arizona")
    assert "Spanish National Research Council" not in text
    headers = [page.model.headerData(s, Qt.Orientation.Horizontal) for s in range(2)]
    assert all(header in text for header in headers)


@needs_pdftotext
def test_the_print_dialog_switches_to_the_record_and_saves_it_as_pdf(
    window, qtbot, csic, monkeypatch, pdf_to
):
    page = window.pages["organization"]
    click_row(qtbot, page, shown(page).index("Spanish National Research Council"))

    def choose_the_list_then_save(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.choice.currentText().startswith("This record: Spanish National")
        dialog.choice.setFocus()
        qtbot.keyClick(dialog.choice, Qt.Key.Key_Down)
        assert dialog.choice.currentText() == "The list as shown: Organizations"
        qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(dialogs, "run_dialog", choose_the_list_then_save)
    choose_from_menus(qtbot, window, "File", "Print…")
    text = pdf_text(pdf_to[0])
    for name in ("Nazarbayev University", "University of Arizona", "Spanish National"):
        assert name in text


def test_a_country_prints_what_its_page_shows(window, qtbot, csic, monkeypatch):
    seen = []
    monkeypatch.setattr(
        dialogs, "run_dialog", lambda dialog: seen.append(dialog.document().toPlainText())
    )
    window.open_record("country", "ES")
    qtbot.keyClick(window.country_page.countries, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    [text] = seen
    assert text.startswith("Spain")
    assert "Eloísa del Pino" in text
    assert "Kazakhstan–Spain science event at the ORTA Cultural Center" in text


def test_with_nothing_to_print_the_window_says_what_to_do(window, qtbot, csic, answers):
    go_to(qtbot, window, "trash")
    qtbot.keyClick(window.trash_page.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert answers.errors == [
        "Nothing to print|Open a list, a record or a country, then print again."
    ]
