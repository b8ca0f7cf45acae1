"""Every modal question the window asks goes through these functions, so tests can answer
them by patching one name instead of clicking through a dialog."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from ui.folders import documents_folder


def tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


def database_filter() -> str:
    """The kinds of file a database dialog offers, named in the language shown."""
    return tr("Seriktes database (*.db *.sqlite *.seriktes);;All files (*)")


class Damaged(Enum):
    """What to do with a damaged database."""

    RESTORE = "restore"  # put its newest backup in its place
    OPEN_ANOTHER = "open another"
    CLOSE = "close"


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def launch(box: QMessageBox) -> int:
    """Show a modal dialog and return its answer. Tests patch this single point."""
    return box.exec()


def ask_unsaved(parent: QWidget | None, what: str) -> Unsaved:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        tr("Unsaved changes"),
        tr("Save the changes to {what}?").format(what=what),
        parent=parent,
    )
    box.setInformativeText(tr("If you don't save, your changes will be lost."))
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = launch(box)
    if answer == QMessageBox.StandardButton.Save:
        return Unsaved.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Unsaved.DISCARD
    return Unsaved.CANCEL


def confirm(
    parent: QWidget | None, title: str, text: str, details: str = "", action: str = ""
) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    if details:
        box.setInformativeText(details)
    button = box.addButton(action or tr("OK"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    launch(box)
    return box.clickedButton() is button


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    launch(box)


def choose_database(parent: QWidget | None, folder: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, tr("Open database"), folder, database_filter())
    return path or None


def choose_new_database(parent: QWidget | None, folder: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, tr("New database"), folder, database_filter())
    return path or None


def run_dialog(dialog: QDialog) -> int:
    """Run a dialog of the app's own (a form in a window). Tests patch this single point."""
    return dialog.exec()


def choose_files_to_attach(parent: QWidget | None) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, tr("Attach files"), documents_folder())
    return paths


def choose_save_path(parent: QWidget | None, name: str) -> str | None:
    suggested = name if Path(name).is_absolute() else str(Path(documents_folder()) / name)
    path, _ = QFileDialog.getSaveFileName(parent, tr("Save file as"), suggested)
    return path or None


def offer_save_instead(parent: QWidget | None, why: str) -> bool:
    """A file was not opened because opening it could run it: say why, and offer to save it
    instead (True)."""
    box = QMessageBox(QMessageBox.Icon.Warning, tr("File not opened"), why, parent=parent)
    box.setInformativeText(
        tr("You can save it to a folder and open it there only if you trust where it came from.")
    )
    save = box.addButton(tr("Save as…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    launch(box)
    return box.clickedButton() is save


def open_with_system(path) -> None:
    """Open a file with the program the system uses for it (a PDF viewer, a word processor)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def ask_first_start(parent: QWidget | None) -> str | None:
    """The very first start: explore with sample records ("sample") or start with an empty
    database ("empty"); None when the welcome is closed without a choice."""
    from ui.welcome_dialog import WelcomeDialog

    dialog = WelcomeDialog(parent)
    run_dialog(dialog)
    return dialog.choice


def choose_new_sample_database(parent: QWidget | None, path: str) -> str | None:
    chosen, _ = QFileDialog.getSaveFileName(
        parent, tr("New database with sample records"), path, database_filter()
    )
    return chosen or None


def choose_import_file(parent: QWidget | None) -> str | None:
    path, _ = QFileDialog.getOpenFileName(
        parent,
        tr("Import a spreadsheet"),
        documents_folder(),
        tr("Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv);;All files (*)"),
    )
    return path or None


def choose_export_path(parent: QWidget | None, suggested: str) -> str | None:
    """Where to save an export; ``suggested`` is a full path with a name made from what is
    exported. The answer always ends in .xlsx."""
    path, _ = QFileDialog.getSaveFileName(
        parent, tr("Export to Excel"), suggested, tr("Excel workbook (*.xlsx)")
    )
    if not path:
        return None
    return path if path.lower().endswith(".xlsx") else path + ".xlsx"


def choose_picture_path(parent: QWidget | None, suggested: str) -> str | None:
    """Where to save a picture; the answer ends in .png or .svg (PNG when neither)."""
    path, chosen = QFileDialog.getSaveFileName(
        parent, tr("Save picture"), suggested, tr("PNG picture (*.png);;SVG drawing (*.svg)")
    )
    if not path:
        return None
    if path.lower().endswith((".png", ".svg")):
        return path
    return path + (".svg" if "svg" in chosen.lower() else ".png")


def choose_calendar_path(parent: QWidget | None, suggested: str) -> str | None:
    """Where to save a calendar file; the answer always ends in .ics."""
    path, _ = QFileDialog.getSaveFileName(
        parent, tr("Export calendar"), suggested, tr("iCalendar file (*.ics)")
    )
    if not path:
        return None
    return path if path.lower().endswith(".ics") else path + ".ics"


def choose_pdf_path(parent: QWidget | None, suggested: str) -> str | None:
    """Where to save pages as PDF; the answer always ends in .pdf."""
    path, _ = QFileDialog.getSaveFileName(
        parent, tr("Save as PDF"), suggested, tr("PDF document (*.pdf)")
    )
    if not path:
        return None
    return path if path.lower().endswith(".pdf") else path + ".pdf"


def ask_open_read_only(parent: QWidget | None, name: str, holder: str) -> bool:
    """Another window holds the database: open it read-only (True) or not at all."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        tr("Database in use"),
        tr("{name} is open in another window: {holder}.").format(name=name, holder=holder),
        parent=parent,
    )
    box.setInformativeText(
        tr(
            "Only one window can change a database at a time. You can open "
            "it read-only to look at its records, or not open it."
        )
    )
    read_only = box.addButton(tr("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Don't open"), QMessageBox.ButtonRole.RejectRole)
    launch(box)
    return box.clickedButton() is read_only


def ask_damaged(parent: QWidget | None, why: str, backup_made: str | None) -> Damaged:
    """A database is damaged (``why``): restore its newest backup, made ``backup_made``
    (None when there is none, or it cannot be replaced), or open another database."""
    box = QMessageBox(QMessageBox.Icon.Warning, tr("The database is damaged"), why, parent=parent)
    if backup_made is not None:
        box.setInformativeText(
            tr(
                "The newest backup is from {when}. Put it in place of the damaged file (which "
                "is kept in the backups folder), or open another database."
            ).format(when=backup_made)
        )
        restore = box.addButton(tr("Restore the backup"), QMessageBox.ButtonRole.AcceptRole)
    else:
        box.setInformativeText(
            tr("No backup of it can be put in its place. Open another database, or create one.")
        )
        restore = None
    open_another = box.addButton(tr("Open another database…"), QMessageBox.ButtonRole.ActionRole)
    close = box.addButton(tr("Close"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore or open_another)
    box.setEscapeButton(close)
    launch(box)
    clicked = box.clickedButton()
    if restore is not None and clicked is restore:
        return Damaged.RESTORE
    if clicked is open_another:
        return Damaged.OPEN_ANOTHER
    return Damaged.CLOSE
