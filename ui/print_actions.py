"""File ▸ Print… and Save as PDF…: the record shown (its card with everything linked to it),
the list as shown (its search, filters, sort and visible columns) or a country's page, laid
out on pages from the description ``models.printout`` makes. Print… shows the pages first,
with the choice of what to print and a button that saves them as PDF instead."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QObject
from PySide6.QtGui import QAction, QKeySequence, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import (
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
)

from models.printout import Printout, country_printout, list_printout, record_printout
from ui import dialogs
from ui.export_action import file_name, shown_columns
from ui.folders import start_folder
from ui.settings import EXPORT_FOLDER
from ui.window_parts import window_part

Choice = tuple[str, Callable[[], Printout]]


def tr(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


STYLE = """
body { font-family: sans-serif; font-size: 10pt; }
h1 { font-size: 16pt; margin-bottom: 2px; }
h2 { font-size: 12pt; margin-top: 16px; margin-bottom: 4px; color: #0b4566; }
table { margin-bottom: 4px; }
p.sub { color: #555555; margin-top: 0; }
td.label { color: #555555; padding-right: 12px; }
td.detail { color: #555555; padding-left: 12px; }
th { background-color: #e8eef3; text-align: left; }
p.note { color: #555555; font-style: italic; }
"""


def _text(value: str) -> str:
    return html.escape(value).replace("\n", "<br>")


def printout_html(printout: Printout) -> str:
    """The printout as the HTML a QTextDocument lays out on pages."""
    parts = [
        f"<html><head><style>{STYLE}</style></head><body>",
        f"<h1>{_text(printout.title)}</h1>",
        f'<p class="sub">{_text(printout.subtitle)}</p>',
    ]
    for section in printout.sections:
        parts.append(f"<h2>{_text(section.heading)}</h2>")
        if section.facts:
            parts.append('<table cellspacing="0" cellpadding="2">')
            for label, value in section.facts:
                parts.append(
                    f'<tr><td class="label">{_text(label)}</td><td>{_text(value)}</td></tr>'
                )
            parts.append("</table>")
        if section.text:
            parts.append(f"<p>{_text(section.text)}</p>")
        if section.items:
            parts.append('<table cellspacing="0" cellpadding="2">')
            for title, detail in section.items:
                parts.append(
                    f'<tr><td>{_text(title)}</td><td class="detail">{_text(detail)}</td></tr>'
                )
            parts.append("</table>")
        if section.more:
            more = tr("… and {count} more").format(count=section.more)
            parts.append(f'<p class="note">{_text(more)}</p>')
    if printout.table is not None:
        parts.append('<table border="1" cellspacing="0" cellpadding="3" width="100%"><thead><tr>')
        table = printout.table
        widths = table.widths or (1,) * len(table.headers)
        total = sum(widths)
        parts += [
            f'<th width="{round(100 * width / total)}%">{_text(header)}</th>'
            for header, width in zip(table.headers, widths, strict=True)
        ]
        parts.append("</tr></thead><tbody>")
        for row in printout.table.rows:
            cells = "".join(f"<td>{_text(value)}</td>" for value in row)
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</tbody></table>")
    if printout.note:
        parts.append(f'<p class="note">{_text(printout.note)}</p>')
    parts.append("</body></html>")
    return "".join(parts)


def printout_document(printout: Printout) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(printout_html(printout))
    return document


def set_up(printer: QPrinter, printout: Printout) -> None:
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if printout.wide else QPageLayout.Orientation.Portrait
    )
    # The document lays itself out with margins of 2 cm on each page; the printer adds none
    # beyond what it cannot print on.
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    printer.setDocName(printout.title)


def write_pdf(printout: Printout, path: str) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    set_up(printer, printout)
    printout_document(printout).print_(printer)


class PrintDialog(QPrintPreviewDialog):
    """The pages as they will print, what to print, and Save as PDF… beside Print."""

    def __init__(self, choices: list[Choice], chosen: int, printing: Printing) -> None:
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        super().__init__(self.printer, printing.window)
        self.setWindowTitle(tr("Print"))
        self.choices = choices
        self.printing = printing
        self._printout: Printout | None = None
        self.choice = QComboBox()
        self.choice.setObjectName("whatToPrint")
        for label, _build in choices:
            self.choice.addItem(label)
        self.choice.setCurrentIndex(chosen)
        self.choice.currentIndexChanged.connect(self._chosen)
        self.pdf_button = QPushButton(tr("Save as PDF…"))
        self.pdf_button.clicked.connect(self.save_pdf)
        self.print_button = QPushButton(tr("Print…"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_pages)
        # A row of its own above the pages: the preview's toolbar is full already.
        row = QHBoxLayout()
        row.setContentsMargins(8, 4, 8, 4)
        label = QLabel(tr("What to print:"))
        label.setBuddy(self.choice)
        row.addWidget(label)
        row.addWidget(self.choice, 1)
        row.addStretch(1)
        row.addWidget(self.pdf_button)
        row.addWidget(self.print_button)
        layout = self.layout()
        if isinstance(layout, QBoxLayout):
            layout.insertLayout(1, row)
        self.paintRequested.connect(self._paint)
        self._chosen()
        self.resize(900, 760)

    def printout(self) -> Printout:
        if self._printout is None:
            self._printout = self.choices[self.choice.currentIndex()][1]()
        return self._printout

    def document(self) -> QTextDocument:
        return printout_document(self.printout())

    def _chosen(self, *_args) -> None:
        self._printout = None
        set_up(self.printer, self.printout())
        preview = self.findChild(QPrintPreviewWidget)
        if preview is not None:
            preview.updatePreview()

    def _paint(self, printer: QPrinter) -> None:
        self.document().print_(printer)

    def save_pdf(self) -> None:
        if self.printing.save_pdf(self.printout()):
            self.accept()

    def print_pages(self) -> None:
        """The system's print dialog (the printer, the pages, the copies), then the pages."""
        dialog = QPrintDialog(self.printer, self)
        if dialogs.run_dialog(dialog):
            self.document().print_(self.printer)
            self.accept()


class Printing(QObject):
    """File ▸ Print… (Ctrl+P) and Save as PDF… of one window."""

    def __init__(self, window, today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(window)
        self.window = window
        self.today = today
        menu = window.file_menu
        self.print_action = QAction(tr("&Print…"), window)
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_action.setToolTip(tr("Print the record shown, the list or the country"))
        self.print_action.triggered.connect(self.print_)
        self.pdf_action = QAction(tr("Save as P&DF…"), window)
        self.pdf_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.pdf_action.triggered.connect(lambda: self.save_pdf())
        menu.insertAction(window.quit_action, self.print_action)
        menu.insertAction(window.quit_action, self.pdf_action)
        menu.insertSeparator(window.quit_action)
        menu.aboutToShow.connect(self._update)
        self._update()

    def _update(self) -> None:
        available = self.window.database_target is not None
        self.print_action.setEnabled(available)
        self.pdf_action.setEnabled(available)

    # -- what can be printed -----------------------------------------------------------------

    def choices(self) -> tuple[list[Choice], int]:
        """What the window shows that can be printed, and the one meant: the record in the
        form, unless the user is searching or filtering the list."""
        window = self.window
        today = self.today()
        if window.stack.currentWidget() is window.country_page:
            code = window.country_page.code
            if code is None:
                return [], 0
            name = window.country_page.heading.text()
            return [(name, lambda: country_printout(code, today))], 0
        page = window.page()
        if page is None:
            return [], 0
        page.apply_request()  # what was typed in the search box and not yet applied
        request = page.model.request
        columns = shown_columns(page)
        title = page.spec.shown_title()
        filters = [
            combo.currentText() for combo in page.filters.values() if combo.currentIndex() > 0
        ]

        def the_list() -> Printout:
            return list_printout(
                page.spec.record_list,
                request,
                [key for key, _label in columns],
                [label for _key, label in columns],
                title,
                today,
                filters,
            )

        choices: list[Choice] = []
        record_id = page.form.record_id
        if record_id is not None:
            kind = page.spec.kind
            choices.append(
                (
                    tr("This record: {title}").format(title=page.form.heading.text()),
                    lambda: record_printout(kind, record_id, today),
                )
            )
        choices.append((tr("The list as shown: {title}").format(title=title), the_list))
        focus = QApplication.focusWidget()
        on_list = focus is page.search or focus in page.filters.values()
        return choices, len(choices) - 1 if on_list else 0

    def _nothing(self) -> None:
        dialogs.show_error(
            self.window,
            tr("Nothing to print"),
            tr("Open a list, a record or a country, then print again."),
        )

    # -- printing ----------------------------------------------------------------------------

    def print_(self) -> None:
        if self.window.database_target is None:
            return
        choices, chosen = self.choices()
        if not choices:
            self._nothing()
            return
        dialogs.run_dialog(PrintDialog(choices, chosen, self))

    def save_pdf(self, printout: Printout | None = None) -> bool:
        """Write the printout (else what would be printed) to a PDF file the user names."""
        if printout is None:
            if self.window.database_target is None:
                return False
            choices, chosen = self.choices()
            if not choices:
                self._nothing()
                return False
            printout = choices[chosen][1]()
        folder = start_folder(self.window.settings.get(EXPORT_FOLDER))
        suggested = Path(folder) / Path(file_name(printout.title)).with_suffix(".pdf")
        path = dialogs.choose_pdf_path(self.window, str(suggested))
        if not path:
            return False
        self.window.settings.set(EXPORT_FOLDER, str(Path(path).parent))
        write_pdf(printout, path)
        self.window.statusBar().showMessage(tr("Saved as PDF: {path}").format(path=path), 10000)
        return True


@window_part
def install_printing(window) -> Printing:
    """Add File ▸ Print… and Save as PDF… to the window, before Quit."""
    window.printing = Printing(window)
    return window.printing
