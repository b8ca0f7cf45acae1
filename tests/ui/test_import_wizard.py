"""File ▸ Import… walks a user from a file to a result, writing nothing before the end."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from exports.importer import FILL
from models import trash
from models.kinds.organizations import ORGANIZATIONS
from models.store.records import Organization
from ui import dialogs

from ..exports.import_files import xlsx


def drive(qtbot, monkeypatch, window, steps):
    """Open the wizard from the File menu and let ``steps`` act on it."""
    seen = {}

    def run(wizard):
        qtbot.addWidget(wizard)
        wizard.show()
        steps(wizard, seen)
        return 1

    monkeypatch.setattr(dialogs, "run_dialog", run)
    window.import_action.trigger()
    return seen


def test_import_organizations_through_the_wizard(window, qtbot, monkeypatch, tmp_path):
    csic = ORGANIZATIONS.save({"name": "Spanish National Research Council", "short_name": "CSIC"})
    sheet = xlsx(
        tmp_path / "partners.xlsx",
        [
            ["Наименование", "Страна", "Тип", "Что обсуждали"],
            ["Nazarbayev University", "Казахстан", "Университет", "Strategic partner"],
            ["CSIC", "Испания", "Научная организация", None],
            ["Atlantis Institute", "Atlantis", None, None],
        ],
    )
    report = tmp_path / "not imported.xlsx"
    monkeypatch.setattr(dialogs, "choose_import_file", lambda _parent: str(sheet))
    monkeypatch.setattr(dialogs, "choose_save_path", lambda _parent, _name: str(report))

    def steps(wizard, seen):
        wizard.file_page._browse()
        assert wizard.kind() == "organization"
        wizard.next()
        assert wizard.currentPage() is wizard.columns_page
        combos = wizard.columns_page.combos
        assert [combo.currentData() for combo in combos] == ["name", "country", "kind", None]
        combos[3].setCurrentIndex(combos[3].findData("notes"))
        wizard.next()
        summary = wizard.preview_page.summary.text()
        seen["summary"] = summary
        table = wizard.preview_page.table
        seen["marked"] = table.item(2, 2).toolTip()
        assert Organization.select().count() == 1  # nothing written yet
        wizard.next()
        duplicates = wizard.duplicates_page
        assert duplicates.table.rowCount() == 1
        assert duplicates.table.item(0, 2).text() == "Spanish National Research Council (CSIC)"
        duplicates.all.setCurrentIndex(duplicates.all.findData(FILL))
        duplicates._apply_all()
        wizard.next()
        qtbot.waitUntil(lambda: wizard.result_page.result is not None)
        seen["result"] = wizard.result_page.text.text()
        wizard.result_page.save_report.click()
        assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()

    seen = drive(qtbot, monkeypatch, window, steps)
    assert "3 rows read: 1 can be imported, 1 have cells that cannot be taken" in seen["summary"]
    assert "“Atlantis” is not a country" in seen["marked"]
    assert seen["result"] == (
        "Done: 3 rows read, 1 imported, 1 filled in, 1 duplicates, 1 rejected."
    )
    nu = Organization.get(Organization.name == "Nazarbayev University")
    assert (nu.country_id, nu.kind, nu.notes) == ("KZ", "university", "Strategic partner")
    assert Organization.get_by_id(csic.id).country_id == "ES"
    rows = list(openpyxl.load_workbook(report).active.iter_rows(values_only=True))
    [atlantis] = [row for row in rows if row[1] == "Atlantis Institute"]
    assert atlantis[-1] == (
        "“Atlantis” is not a country Seriktes knows. Write its name in English, Russian or "
        "Kazakh, or its two-letter code."
    )
    assert window.pages["organization"].model.rowCount() == 2

    # Edit ▸ Undo takes the imported record away, with the wait pointer while it works.
    pointers = []
    moving = trash.move_many_to_trash

    def watched(*args):
        pointer = QApplication.overrideCursor()
        pointers.append(pointer.shape() if pointer is not None else None)
        return moving(*args)

    monkeypatch.setattr(trash, "move_many_to_trash", watched)
    assert window.undo_action.text().startswith("&Undo import of")
    window.undo_action.trigger()
    assert pointers == [Qt.CursorShape.WaitCursor]
    assert QApplication.overrideCursor() is None
    assert Organization.get_or_none(Organization.name == "Nazarbayev University") is None
    assert window.pages["organization"].model.rowCount() == 1
    window.redo_action.trigger()
    assert Organization.get(Organization.name == "Nazarbayev University").id == nu.id
    assert window.pages["organization"].model.rowCount() == 2


def test_a_damaged_file_is_explained_on_the_first_page(window, qtbot, monkeypatch, tmp_path):
    bad = tmp_path / "partners.xlsx"
    bad.write_bytes(b"PK\x03\x04 broken")

    def steps(wizard, seen):
        wizard.file_page.path.setText(str(bad))
        wizard.next()
        seen["page"] = wizard.currentPage()
        seen["error"] = wizard.file_page.error.text()

    seen = drive(qtbot, monkeypatch, window, steps)
    assert seen["page"].title() == "Choose the file"
    assert "damaged or incomplete" in seen["error"]
    assert Organization.select().count() == 0
