"""File ▸ Import…: a wizard that brings a spreadsheet's rows in without surprises. It shows
what will happen to every row before anything is written, and writes all accepted rows in
one transaction or none."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from exports.import_fields import FIELDS, KIND_LABELS, remember_mapping, remembered_mapping
from exports.importer import (
    CREATE,
    FILL,
    SKIP,
    ImportPreview,
    ImportResult,
    apply_import,
    cell_text,
    dry_run,
    preview_import,
)
from exports.spreadsheet_reader import Workbook, read_workbook
from models.errors import SeriktesError
from models.kinds.all_kinds import EDITORS_BY_KIND
from ui import dialogs
from ui.background import run_task

PROBLEM = QColor("#f9dedc")
TWIN = QColor("#fff4d6")
SAMPLE_ROWS = 3
PREVIEW_LIMIT = 2000  # rows shown in the preview table; all of them are checked and imported


def error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b3261e;")
    label.hide()
    return label


def fill_table(table: QTableWidget, headers: list[str], rows: list[list[str]]) -> None:
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))


def plain_table() -> QTableWidget:
    table = QTableWidget()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setDefaultSectionSize(150)
    return table


class FilePage(QWizardPage):
    """1. The file, its sheet, and the kind of record its rows are."""

    def __init__(self, wizard: ImportWizard, kind: str) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(
            self.tr(
                "Seriktes reads .xlsx, .xls, .ods and .csv files. Nothing is "
                "imported until the last step."
            )
        )
        self.path = QLineEdit()
        self.path.setObjectName("path")
        self.path.setPlaceholderText(self.tr("The spreadsheet to import"))
        self.path.textChanged.connect(self._path_changed)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for key, label in KIND_LABELS.items():
            self.kind.addItem(self.tr(label), key)
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self.sheet = QComboBox()
        self.sheet.setObjectName("sheet")
        self.error = error_label()
        form = QFormLayout(self)
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Its rows are"), self.kind)
        form.addRow(self.tr("Sheet"), self.sheet)
        form.addRow(self.error)

    def _browse(self) -> None:
        path = dialogs.choose_import_file(self)
        if path:
            self.path.setText(path)

    def _path_changed(self) -> None:
        self.wizard_.workbook = None
        self.sheet.clear()
        self.error.hide()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    def load(self) -> bool:
        """Read the file once (checked for damage and hostility first)."""
        if self.wizard_.workbook is None:
            try:
                self.wizard_.workbook = read_workbook(self.path.text().strip())
            except SeriktesError as error:
                self.error.setText(str(error))
                self.error.show()
                return False
            self.sheet.clear()
            for sheet in self.wizard_.workbook.sheets:
                self.sheet.addItem(f"{sheet.name} ({len(sheet.rows)} rows)", sheet.name)
        return True

    def validatePage(self) -> bool:
        return self.load()


class ColumnsPage(QWizardPage):
    """2. Which field each column fills; matched from the headers, changeable."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(
            self.tr(
                "Each column was matched by its header. Change a match, or "
                "choose “Not imported” for a column to leave out."
            )
        )
        self.table = plain_table()
        self.table.setObjectName("columns")
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        wizard = self.wizard_
        preview = wizard.make_preview(mapping=None)
        self.headers = preview.headers if preview else []
        sheet = wizard.workbook.sheet(wizard.sheet_name())
        start = sheet.rows.index(self.headers) + 1 if self.headers in sheet.rows else 1
        samples = sheet.rows[start : start + SAMPLE_ROWS]
        mapping = remembered_mapping(wizard.kind(), self.headers) or (
            preview.mapping if preview else {}
        )
        fields = FIELDS[wizard.kind()]
        self.table.clear()
        self.table.setColumnCount(3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("First values"), self.tr("Imported as")]
        )
        self.table.setRowCount(len(self.headers))
        self.combos = []
        for column, header in enumerate(self.headers):
            self.table.setItem(column, 0, QTableWidgetItem(cell_text(header)))
            values = ", ".join(
                cell_text(r[column])
                for r in samples
                if column < len(r) and r[column] not in (None, "")
            )
            self.table.setItem(column, 1, QTableWidgetItem(values))
            combo = QComboBox()
            combo.addItem(self.tr("Not imported"), None)
            for spec in fields:
                combo.addItem(self.tr(spec.label) + (" *" if spec.required else ""), spec.key)
            combo.setCurrentIndex(max(combo.findData(mapping.get(column)), 0))
            self.table.setCellWidget(column, 2, combo)
            self.combos.append(combo)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(2, 220)

    def mapping(self) -> dict[int, str]:
        chosen = {}
        for column, combo in enumerate(self.combos):
            key = combo.currentData()
            if key is not None and key not in chosen.values():
                chosen[column] = key
        return chosen

    def validatePage(self) -> bool:
        mapping = self.mapping()
        remember_mapping(self.wizard_.kind(), self.headers, mapping)
        return self.wizard_.make_preview(mapping, self.error) is not None


class PreviewPage(QWizardPage):
    """3. Every row as it will be taken; a cell that cannot be taken is marked, with why."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Check the rows"))
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.table = plain_table()
        self.table.setObjectName("preview")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def initializePage(self) -> None:
        preview = self.wizard_.preview
        columns = sorted(preview.mapping)
        fields = preview.fields
        headers = [
            self.tr("Row"),
            *(self.tr(fields[preview.mapping[c]].label) for c in columns),
            self.tr("What happens"),
        ]
        shown = preview.rows[:PREVIEW_LIMIT]
        fill_table(
            self.table,
            headers,
            [
                [
                    str(row.number),
                    *(cell_text(row.cells[c]) if c < len(row.cells) else "" for c in columns),
                    self._fate(row),
                ]
                for row in shown
            ],
        )
        for r, row in enumerate(shown):
            for problem in row.problems:
                target = (
                    columns.index(problem.column) + 1
                    if problem.column in columns
                    else len(headers) - 1
                )
                item = self.table.item(r, target)
                item.setBackground(QBrush(PROBLEM))
                item.setToolTip(problem.message)
            if row.twin_id is not None or row.repeats is not None:
                self.table.item(r, len(headers) - 1).setBackground(QBrush(TWIN))
        self.table.resizeColumnsToContents()
        result = dry_run(preview)
        problems = sum(1 for row in preview.rows if row.problems)
        twins = sum(1 for row in preview.rows if row.twin_id is not None or row.repeats)
        text = self.tr(
            "{read} rows read: {ok} can be imported, {problems} have cells that "
            "cannot be taken (marked red; point at a cell to see why), {twins} are "
            "already recorded or repeated."
        ).format(read=result.read, ok=result.imported, problems=problems, twins=twins)
        if len(preview.rows) > PREVIEW_LIMIT:
            text += " " + self.tr("The first {n} rows are shown.").format(n=PREVIEW_LIMIT)
        self.summary.setText(text)

    def _fate(self, row) -> str:
        if row.problems:
            return "; ".join(problem.message for problem in row.problems)
        if row.repeats is not None:
            return self.tr("Repeats row {n}; not imported.").format(n=row.repeats)
        if row.twin_id is not None:
            return self.tr("Already recorded as “{title}”.").format(title=row.twin_title)
        if row.new_names:
            return self.tr("New; also adds {names}.").format(names=", ".join(row.new_names))
        return self.tr("New")


class DuplicatesPage(QWizardPage):
    """4. Rows already recorded, beside the record they match: skip, fill or create."""

    CHOICES = (
        (SKIP, "Skip it"),
        (FILL, "Fill the empty fields of the recorded one"),
        (CREATE, "Create a new record"),
    )

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Rows already recorded"))
        self.setSubTitle(
            self.tr(
                "A row matches a recorded one when it has the same name, "
                "acronym or web address (ignoring case, spacing and "
                "punctuation). Choose what to do with each."
            )
        )
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = plain_table()
        self.table.setObjectName("duplicates")
        self.all = QComboBox()
        self.all.setObjectName("for_all")
        for code, label in self.CHOICES:
            self.all.addItem(self.tr(label), code)
        apply_all = QPushButton(self.tr("Apply to all"))
        apply_all.clicked.connect(self._apply_all)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("For every row:")))
        row.addWidget(self.all)
        row.addWidget(apply_all)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.combos: list[tuple[object, QComboBox]] = []

    def initializePage(self) -> None:
        preview = self.wizard_.preview
        editor = EDITORS_BY_KIND[preview.kind]
        twins = [row for row in preview.rows if row.twin_id is not None and not row.problems]
        title_key = editor.title_field
        fill_table(
            self.table,
            [
                self.tr("Row"),
                self.tr("In the file"),
                self.tr("Already recorded"),
                self.tr("What to do"),
            ],
            [
                [
                    str(row.number),
                    str(row.values.get(title_key) or ""),
                    editor.title(editor.get(row.twin_id)),
                ]
                for row in twins
            ],
        )
        self.combos = []
        for r, row in enumerate(twins):
            combo = QComboBox()
            for code, label in self.CHOICES:
                combo.addItem(self.tr(label), code)
            combo.setCurrentIndex(combo.findData(row.decision))
            combo.currentIndexChanged.connect(
                lambda _i, row=row, combo=combo: setattr(row, "decision", combo.currentData())
            )
            self.table.setCellWidget(r, 3, combo)
            self.combos.append((row, combo))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.note.setText(
            self.tr("No row of the file is already recorded.")
            if not twins
            else self.tr("{n} rows of the file are already recorded.").format(n=len(twins))
        )

    def _apply_all(self) -> None:
        for _row, combo in self.combos:
            combo.setCurrentIndex(combo.findData(self.all.currentData()))


class ResultPage(QWizardPage):
    """5 and 6. The import itself, then what was done and what was not."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Import"))
        self.text = QLabel()
        self.text.setObjectName("result")
        self.text.setWordWrap(True)
        self.save_report = QPushButton(self.tr("Save the list of rows not imported…"))
        self.save_report.clicked.connect(self._save_report)
        self.rejected = plain_table()
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.rejected, 1)
        layout.addWidget(self.save_report, 0, Qt.AlignmentFlag.AlignLeft)
        self.result: ImportResult | None = None

    def initializePage(self) -> None:
        wizard = self.wizard_
        try:
            self.result = run_task(
                wizard,
                self.tr("Importing"),
                self.tr("Importing rows…"),
                lambda progress: apply_import(wizard.preview, progress),
            )
        except SeriktesError as error:
            self.result = None
            self.text.setText(self.tr("Nothing was imported: {why}").format(why=error))
            self.save_report.hide()
            self.rejected.hide()
            return
        wizard.imported = True
        result = self.result
        self.text.setText(self.tr("Done: {summary}.").format(summary=result.summary()))
        fill_table(
            self.rejected,
            [self.tr("Row"), self.tr("Why it was not imported")],
            [[str(row.number), why] for row, why in result.rejected],
        )
        self.rejected.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.rejected.setVisible(bool(result.rejected))
        self.save_report.setVisible(bool(result.rejected))

    def _save_report(self) -> None:
        from exports.import_report import write_import_report

        preview = self.wizard_.preview
        suggested = str(preview.path.with_name(f"{preview.path.stem} - not imported.xlsx"))
        target = dialogs.choose_save_path(self, suggested)
        if not target or self.result is None:
            return
        try:
            write_import_report(preview, self.result, target)
        except SeriktesError as error:
            dialogs.show_error(self, self.tr("The list was not saved"), str(error))


class ImportWizard(QWizard):
    def __init__(self, kind: str = "organization", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a spreadsheet"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(900, 620)
        self.workbook: Workbook | None = None
        self.preview: ImportPreview | None = None
        self.imported = False
        self.file_page = FilePage(self, kind)
        self.columns_page = ColumnsPage(self)
        self.preview_page = PreviewPage(self)
        self.duplicates_page = DuplicatesPage(self)
        self.result_page = ResultPage(self)
        for page in (
            self.file_page,
            self.columns_page,
            self.preview_page,
            self.duplicates_page,
            self.result_page,
        ):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.duplicates_page.setCommitPage(True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)

    def kind(self) -> str:
        return self.file_page.kind.currentData()

    def sheet_name(self) -> str | None:
        return self.file_page.sheet.currentData()

    def make_preview(
        self, mapping: dict[int, str] | None, error: QLabel | None = None
    ) -> ImportPreview | None:
        """Check every row (nothing is written); on a refusal, say why under the page."""
        try:
            self.preview = preview_import(self.workbook, self.kind(), self.sheet_name(), mapping)
        except SeriktesError as refused:
            if error is not None:
                error.setText(str(refused))
                error.show()
            self.preview = None
        else:
            if error is not None:
                error.hide()
        return self.preview


def import_spreadsheet(window) -> None:
    """File ▸ Import…: the wizard, then the lists read again."""
    page = window.page()
    kind = page.spec.kind if page is not None and page.spec.kind in KIND_LABELS else "organization"
    wizard = ImportWizard(kind, window)
    dialogs.run_dialog(wizard)
    result = wizard.result_page.result
    if wizard.imported and result is not None:
        window.imported(wizard.preview.kind, result.created_ids, wizard.preview.path.name)
