"""File ▸ Export… (Ctrl+E) and File ▸ Reports: the list shown, or a meeting report, written
to an Excel workbook off the window's thread, with progress that can be cancelled.

The export itself is a plain function of ``exports``; here it runs in a thread of its own
on a database connection of its own (``thread_connection``), while a window-modal progress
dialog keeps the records from changing database under it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QProgressDialog

from models import clock
from models.errors import SeriktesError
from models.words.numbers import format_number
from ui import dialogs
from ui.background import Task
from ui.export_dialogs import ActivityDialog, AgreementsDueDialog, BriefDialog, CalendarDialog
from ui.folders import start_folder
from ui.kind_words import kind_words
from ui.main_window import MainWindow
from ui.settings import EXPORT_FOLDER
from ui.window_parts import window_part

if TYPE_CHECKING:
    from ui.record_page import RecordPage

log = logging.getLogger("seriktes")

# (progress) -> what was written; progress(done, total) returns False to stop
Job = Callable[[Callable[[int, int], bool]], Any]


def tr(text: str) -> str:
    return QCoreApplication.translate("export", text)


def shown_columns(page: RecordPage) -> list[tuple[str, str]]:
    """The columns the list shows, in the order it shows them: (key, header as shown)."""
    header = page.table.horizontalHeader()
    columns = page.spec.record_list.columns
    shown = []
    for visual in range(header.count()):
        logical = header.logicalIndex(visual)
        if not header.isSectionHidden(logical):
            label = page.model.headerData(logical, Qt.Orientation.Horizontal)
            shown.append((columns[logical].key, str(label or columns[logical].label)))
    return shown


def file_name(*words: str) -> str:
    """A file name from what is exported and today's date, without characters systems
    refuse in names: "Brief Spain 2025-03-05.xlsx"."""
    text = " ".join(word for word in words if word)
    text = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "-", text).strip(" .") or "Export"
    return f"{text[:120]} {clock.today():%Y-%m-%d}.xlsx"


class ExportThread(Task):
    """Runs one export job on a connection of its own; says how it went by signals, sent on
    the window's thread once the job has ended."""

    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        super().__init__(job, parent)
        self.finished.connect(self._report)

    def _report(self) -> None:
        from exports.workbook import ExportCancelled

        error = self.error
        if error is None:
            self.succeeded.emit(self.result)
        elif isinstance(error, ExportCancelled):
            self.cancelled.emit()
        elif isinstance(error, SeriktesError):
            self.failed.emit(str(error))
        else:  # shown to the user and logged, never lost in a thread
            log.error("Export failed", exc_info=error)
            self.failed.emit(
                tr(
                    "The export stopped because of an unexpected error: {error}. Nothing was "
                    "written; the details are in the log."
                ).format(error=error)
            )


class Exporter(QObject):
    """The File menu's export actions of one window, and the export under way."""

    finished = Signal()  # an export ended: written, failed or cancelled

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.thread: ExportThread | None = None
        self.progress: QProgressDialog | None = None
        self.last_path: Path | None = None
        self._what = ""
        menu = window.file_menu
        self.export_action = QAction(tr("&Export…"), window)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setToolTip(tr("Save the list shown, as it is shown, as an Excel file"))
        self.export_action.triggered.connect(self.export_page)
        self.calendar_action = QAction(tr("Export &calendar…"), window)
        self.calendar_action.setToolTip(
            tr("Save events, delegations, expiries and due dates as an iCalendar file (.ics)")
        )
        self.calendar_action.triggered.connect(self.export_calendar)
        self.reports_menu = QMenu(tr("&Reports"), window)
        self.brief_action = self.reports_menu.addAction(
            tr("Partner or country &brief…"), self.export_brief
        )
        self.activity_action = self.reports_menu.addAction(
            tr("&Activity in a period…"), self.export_activity
        )
        self.due_action = self.reports_menu.addAction(
            tr("Agreements &due…"), self.export_agreements_due
        )
        self.programs_action = self.reports_menu.addAction(
            tr("&Programs with key figures…"), self.export_programs
        )
        menu.insertAction(window.quit_action, self.export_action)
        menu.insertAction(window.quit_action, self.calendar_action)
        menu.insertMenu(window.quit_action, self.reports_menu)
        menu.insertSeparator(window.quit_action)
        self.actions = (self.export_action, self.calendar_action, self.reports_menu.menuAction())
        menu.aboutToShow.connect(self._update_actions)
        self._update_actions()

    def _update_actions(self) -> None:
        available = self.window.database_target is not None
        for action in self.actions:
            action.setEnabled(available)

    # -- what can be exported ----------------------------------------------------------------

    def export_page(self) -> None:
        """The list shown, exactly as shown; on a country's page, the country's brief."""
        if self.window.database_target is None:
            return
        page = self.window.page()
        if page is None:
            code = getattr(self.window.country_page, "code", None)
            if code:
                self._export_brief(None, code)
            else:
                dialogs.show_error(
                    self.window,
                    tr("Nothing to export"),
                    tr("Choose a list on the left, or a country, then export again."),
                )
            return
        page.apply_request()  # what was typed in the search box and not yet applied
        request = page.model.request
        columns = shown_columns(page)
        record_list = page.spec.record_list
        title = page.spec.shown_title()
        path = self._ask_path(file_name(title))
        if path is None:
            return
        from exports.lists import export_list

        keys = [key for key, _label in columns]
        headers = [label for _key, label in columns]
        self._start(
            lambda progress: export_list(
                record_list, request, keys, path, progress, title=title, headers=headers
            ),
            kind_words(page.spec.kind).exporting(),
        )

    def looked_at(self) -> tuple[int | None, str | None]:
        """The organization or the country the user is looking at, for a brief: the
        organization shown (a person's organization) with its country, the country page's
        country, or the country of the record shown."""
        window = self.window
        if window.stack.currentWidget() is window.country_page:
            return None, window.country_page.code
        page = window.page()
        if page is None or page.form.record_id is None:
            return None, None
        record = page.form.editor.model.get_or_none(
            page.form.editor.model.id == page.form.record_id
        )
        if record is None:
            return None, None
        if page.spec.kind == "organization":
            return record.id, record.country_id
        organization = getattr(record, "organization", None)
        if organization is not None:
            return organization.id, organization.country_id
        return None, getattr(record, "country_id", None)

    def export_brief(self) -> None:
        organization_id, country = self.looked_at()
        dialog = BriefDialog(self.window, organization_id=organization_id, country=country)
        if not dialogs.run_dialog(dialog):
            return
        self._export_brief(dialog.organization_id, dialog.country)

    def _export_brief(self, organization_id: int | None, country: str | None) -> None:
        from models.store.records import Organization
        from models.words.countries import country_name
        from models.words.translation import language

        if organization_id is not None:
            organization = Organization.get_by_id(organization_id)
            about = organization.short_name or organization.name
        else:
            about = country_name(country, language())
        path = self._ask_path(file_name(tr("Brief"), about))
        if path is None:
            return
        from exports import reports

        self._start(
            lambda progress: reports.brief(
                path, organization_id=organization_id, country=country, progress=progress
            ),
            tr("Exporting the brief…"),
        )

    def export_activity(self) -> None:
        dialog = ActivityDialog(self.window)
        if not dialogs.run_dialog(dialog):
            return
        start, end = dialog.start, dialog.end
        path = self._ask_path(file_name(tr("Activity"), f"{start:%Y-%m-%d} – {end:%Y-%m-%d}"))
        if path is None:
            return
        from exports import reports

        self._start(
            lambda progress: reports.activity(path, start, end, progress=progress),
            tr("Exporting the activity report…"),
        )

    def export_agreements_due(self) -> None:
        dialog = AgreementsDueDialog(self.window)
        if not dialogs.run_dialog(dialog):
            return
        days = dialog.within_days
        path = self._ask_path(file_name(tr("Agreements due")))
        if path is None:
            return
        from exports import reports

        self._start(
            lambda progress: reports.agreements_due(path, days, progress=progress),
            tr("Exporting the agreements due…"),
        )

    def export_programs(self) -> None:
        if self.window.database_target is None:
            return
        path = self._ask_path(file_name(tr("Programs report")))
        if path is None:
            return
        from exports import reports

        self._start(
            lambda progress: reports.programs(path, progress=progress),
            tr("Exporting the programs report…"),
        )

    def export_calendar(self) -> None:
        """The calendar as an iCalendar file: the days, kinds and country the calendar page
        shows are offered."""
        if self.window.database_target is None:
            return
        page = getattr(self.window, "calendar_page", None)
        if page is not None:
            dialog = CalendarDialog(self.window, page.period(), page.kinds(), page.country.value())
        else:
            dialog = CalendarDialog(self.window)
        if not dialogs.run_dialog(dialog):
            return
        start, end, kinds, country = dialog.start, dialog.end, dialog.kinds, dialog.country
        name = file_name(tr("Calendar"), f"{start:%Y-%m-%d} – {end:%Y-%m-%d}")
        path = dialogs.choose_calendar_path(
            self.window, str(Path(self._folder()) / (name.removesuffix(".xlsx") + ".ics"))
        )
        if path is None:
            return
        self.window.settings.set(EXPORT_FOLDER, str(Path(path).parent))
        from exports.calendar_file import write_calendar

        self._start(
            lambda progress: write_calendar(path, start, end, kinds, country, progress),
            tr("Calendar"),
        )

    # -- running an export -------------------------------------------------------------------

    def _folder(self) -> str:
        return start_folder(self.window.settings.get(EXPORT_FOLDER))

    def _ask_path(self, name: str) -> str | None:
        path = dialogs.choose_export_path(self.window, str(Path(self._folder()) / name))
        if path:
            self.window.settings.set(EXPORT_FOLDER, str(Path(path).parent))
        return path

    def _start(self, job: Job, what: str) -> None:
        """Run ``job``; ``what`` says what it writes: "Exporting the brief…"."""
        if self.thread is not None:
            return
        self._what = what
        progress = QProgressDialog(what, tr("Cancel"), 0, 0, self.window)
        progress.setWindowTitle(tr("Export"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        # Shown at once, so the window (and the database under the export) cannot change.
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.show()
        self.progress = progress
        thread = ExportThread(job, self)
        progress.canceled.connect(thread.cancel)
        thread.progressed.connect(self._progressed)
        thread.succeeded.connect(self._succeeded)
        thread.failed.connect(self._failed)
        thread.cancelled.connect(self._cancelled)
        thread.finished.connect(self._ended)
        self.thread = thread
        thread.start()

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        progress = self.progress
        if progress is None or progress.wasCanceled():
            return
        # What is written, and on a line of its own how far it got.
        done_of = tr("{done} of {total}").format(
            done=format_number(done), total=format_number(total)
        )
        progress.setLabelText(f"{self._what}\n{done_of}")
        progress.setMaximum(max(total, 1))
        # Last: a window-modal dialog handles pending events in setValue, and the export may
        # end among them.
        progress.setValue(min(done, max(total, 1)))

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        self.last_path = Path(result.path)
        self.window.statusBar().showMessage(
            tr("Exported to {path}").format(path=result.path), 10000
        )

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._close_progress()
        dialogs.show_error(self.window, tr("Cannot export"), message)

    @Slot()
    def _cancelled(self) -> None:
        self.window.statusBar().showMessage(tr("Export cancelled; no file was written."), 5000)

    @Slot()
    def _ended(self) -> None:
        self._close_progress()
        thread, self.thread = self.thread, None
        if thread is not None:
            thread.deleteLater()
        self.finished.emit()

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def running(self) -> bool:
        return self.thread is not None

    def wait(self) -> None:
        """Stop an export under way and wait for its thread (the window is closing)."""
        if self.thread is not None:
            self.thread.cancel()
            self.thread.wait()


@window_part
def install_export(window: MainWindow) -> Exporter:
    """Add File ▸ Export… (Ctrl+E) and File ▸ Reports to the window, before Quit."""
    exporter = window.exporter = Exporter(window)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(exporter.wait)
    return exporter
