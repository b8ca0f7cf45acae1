"""A walk through the whole window as a user reads it: every page of the navigation, a record
of every kind in its form with each of its tabs, every menu, and every dialog the window
opens (each shown without blocking, read, and closed). What it collects is every text on
screen: labels, buttons, tabs, column headings, placeholders, tooltips, window titles, menu
entries, list rows and chart labels, each marked as the interface's words or a record's data.

``tests/ui/test_every_text_translated.py`` reads the walk in Kazakh and in Russian."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QCommandLinkButton,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTextBrowser,
    QTextEdit,
    QWidget,
    QWizard,
    QWizardPage,
)

from ui import dialogs
from ui.search_box import SearchBox
from ui.widgets.bar_chart import _Chart
from ui.widgets.inputs import ChoiceInput

# Labels of records' own words, and of the machine's (About: folders, versions, the system).
DATA_LABELS = {"formHeading", "formStamp", "countryHeading", "countryNames", "aboutFact"}
# Lists to choose from that name records: what to print (this record, “its title”).
DATA_COMBOS = {"whatToPrint"}
# Charts whose bars are named by records' data (countries).
DATA_CHARTS = {"partnersByCountry"}
# Lists of the interface's own words, not of records.
INTERFACE_VIEWS = {"navigation", "shortcuts", "backups"}
ROWS_READ = 25  # rows of a list read: enough to meet every kind of cell it has


@dataclass(frozen=True)
class Seen:
    where: str
    text: str
    data: bool  # a record's own words (a name, a title), not the interface's


class Walk:
    """Collects what the window shows; ``dialog`` and ``box`` stand in for the window's
    modal questions (``dialogs.run_dialog`` and ``dialogs.launch``)."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.seen: list[Seen] = []

    # -- reading -----------------------------------------------------------------------------

    def add(self, where: str, text: object, data: bool = False) -> None:
        text = str(text or "").strip()
        if text:
            self.seen.append(Seen(where, text, data))

    def read(self, root: QWidget, where: str) -> None:
        """Every text of ``root`` and of its children in sight."""
        for widget in [root, *root.findChildren(QWidget)]:
            if widget is not root and not widget.isVisibleTo(root):
                continue
            self.read_widget(widget, f"{where} › {describe(widget)}")

    def read_widget(self, widget: QWidget, where: str) -> None:
        add = self.add
        if widget.isWindow():
            title = widget.windowTitle()
            # The main window's title names the database, as its user or server named it.
            named = getattr(widget, "_database_name", None)
            if isinstance(named, str) and named:
                title = title.replace(named, " ")
            add(f"{where} title", title)
        add(f"{where} tooltip", widget.toolTip())
        for action in widget.actions():
            add(f"{where} action", plain(action.text()))
            add(f"{where} action tooltip", action.toolTip())
        if isinstance(widget, QLabel):
            text = widget.text()
            if widget.textFormat() != Qt.TextFormat.PlainText and "<" in text:
                text = re.sub(r"<[^>]+>", " ", text)
            add(where, text, widget.objectName() in DATA_LABELS)
        if isinstance(widget, QAbstractButton):
            add(where, plain(widget.text()))
        if isinstance(widget, QCommandLinkButton):
            add(where, widget.description())
        if isinstance(widget, QLineEdit):
            add(f"{where} placeholder", widget.placeholderText())
            add(where, widget.text(), data=True)
        if isinstance(widget, QTextBrowser):
            add(where, widget.toPlainText())  # the user guide: the interface's own words
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            add(f"{where} placeholder", widget.placeholderText())
            add(where, widget.toPlainText(), data=True)
        if isinstance(widget, QComboBox):
            # A choice's labels are the interface's; a filter lists records' values too.
            data = not isinstance(widget, ChoiceInput)
            for index in range(widget.count()):
                first = index == 0 and widget.objectName() not in DATA_COMBOS
                add(f"{where} item", widget.itemText(index), data and not first)
        if isinstance(widget, QTabBar):
            for index in range(widget.count()):
                add(f"{where} tab", plain(widget.tabText(index)))
                add(f"{where} tab tooltip", widget.tabToolTip(index))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            self.read_view(widget, where)
        if isinstance(widget, QWizardPage):
            add(f"{where} title", widget.title())
            add(f"{where} subtitle", widget.subTitle())
        if isinstance(widget, _Chart):
            data = widget.objectName() in DATA_CHARTS
            add(f"{where} empty", widget.empty_text)
            for name, _color in widget.series:
                add(f"{where} legend", name)
            for group in widget.groups:
                add(f"{where} bar", group.label, data)
                for value in group.values:
                    add(f"{where} bar tooltip", value.tooltip, data)

    def read_view(self, view: QAbstractItemView, where: str) -> None:
        """The rows a view shows: from its root down, as a file dialog shows its folder and
        not the folders above it."""
        model = view.model()
        top = view.rootIndex()
        header = getattr(view, "horizontalHeader", None) or getattr(view, "header", None)
        heading = header() if header is not None else None
        data = view.objectName() not in INTERFACE_VIEWS
        for column in range(columns(model, top)):
            if heading is not None and heading.isVisible() and not heading.isSectionHidden(column):
                text = model.headerData(column, Qt.Orientation.Horizontal)
                self.add(f"{where} heading", text)

        linked = view.objectName() == "linked"

        def rows(parent: QModelIndex, depth: int) -> None:
            for row in range(min(model.rowCount(parent), ROWS_READ)):
                for column in range(columns(model, parent)):
                    index = model.index(row, column, parent)
                    # A list of linked records: its groups (“Organizations (2)”) are the
                    # interface's words.
                    words = data and not (linked and depth == 0)
                    self.add(f"{where} cell", index.data(), words)
                    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
                    self.add(f"{where} cell tooltip", tooltip, words)
                if depth < 2:
                    rows(model.index(row, 0, parent), depth + 1)

        rows(top, 0)

    def read_menu(self, menu: QMenu | QMenuBar, where: str, data: bool = False) -> None:
        """A menu's entries and those of its submenus, as they are when it opens."""
        if isinstance(menu, QMenu):
            menu.aboutToShow.emit()  # menus filled as they open (Open recent)
        for action in menu.actions():
            if action.isSeparator():
                continue
            text = plain(action.text())
            self.add(f"{where} › {text}", text, data)
            if action.toolTip() != action.text().replace("&", ""):
                self.add(f"{where} › {text} tooltip", action.toolTip())
            if action.menu() is not None:
                recent = action.menu().objectName() == "recentMenu"
                self.read_menu(action.menu(), f"{where} › {text}", recent)

    # -- the window's modal questions, shown without blocking ---------------------------------

    def dialog(self, dialog: QDialog) -> int:
        name = type(dialog).__name__
        dialog.show()
        self.qtbot.waitExposed(dialog)
        if isinstance(dialog, QWizard):
            self.read_wizard(dialog)
        else:
            self.read(dialog, name)
        dialog.hide()
        dialog.deleteLater()
        return 0

    def box(self, box: QMessageBox) -> int:
        box.show()
        self.qtbot.waitExposed(box)
        self.read(box, f"message “{box.windowTitle()}”")
        box.hide()
        box.deleteLater()
        return QMessageBox.StandardButton.Cancel

    def read_wizard(self, wizard: QWizard) -> None:
        """Each page of the import in turn, on the file ``wizard.walk_file``."""
        self.read(wizard, "import, file")
        wizard.file_page.path.setText(str(wizard.walk_file))
        for step in ("columns", "preview", "duplicates", "result"):
            wizard.next()
            self.qtbot.waitUntil(lambda s=step: getattr(wizard, f"{s}_page").isVisible())
            if step == "result":
                self.qtbot.waitUntil(lambda: wizard.result_page.result is not None)
            self.read(wizard, f"import, {step}")


def columns(model, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list's model keeps its one column to itself
        return 1


def describe(widget: QWidget) -> str:
    name = widget.objectName()
    return f"{type(widget).__name__}#{name}" if name else type(widget).__name__


def plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


# -- the walk --------------------------------------------------------------------------------


def click(qtbot, widget: QWidget, position) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=position)


def walk_window(window, qtbot, monkeypatch, folder: Path) -> list[Seen]:
    """Everything the window shows, page by page, form by form, menu by menu and dialog by
    dialog. Records are changed on the way (a save, a delete, an import): the window is the
    test's own."""
    walk = Walk(qtbot)
    monkeypatch.setattr(dialogs, "run_dialog", walk.dialog)
    monkeypatch.setattr(dialogs, "launch", walk.box)
    export = folder / f"export-{id(walk)}.xlsx"
    monkeypatch.setattr(dialogs, "choose_export_path", lambda *_args: str(export))
    monkeypatch.setattr(dialogs, "choose_pdf_path", lambda *_args: None)
    navigation = window.navigation
    for row in range(navigation.count()):
        item = navigation.item(row)
        key = item.data(Qt.ItemDataRole.UserRole)
        navigation.scrollToItem(item)
        click(qtbot, navigation.viewport(), navigation.visualItemRect(item).center())
        qtbot.waitUntil(lambda k=key: window.stack.currentWidget() is window.views[k])
        walk.read(window, key)
        if key in window.pages:
            walk_page(window, window.pages[key], walk, qtbot)
        elif key == "country":
            window.country_page.show_country("ES")
            walk.read(window, "country ES")
    walk_dialogs(window, walk, qtbot, folder)
    walk.read_menu(window.menuBar(), "menu")
    walk_qt_dialogs(window, walk, qtbot, folder)
    return walk.seen


def walk_page(window, page, walk: Walk, qtbot) -> None:
    key = page.spec.kind
    form = page.form
    if page.model.rowCount():
        rect = page.table.visualRect(page.model.index(0, 0))
        click(qtbot, page.table.viewport(), rect.center())
        qtbot.waitUntil(lambda: form.record_id is not None)
    for index in range(form.tabs.count()):
        button = form.tabs.tab_button(index)
        click(qtbot, button, button.rect().center())
        assert form.tabs.currentIndex() == index
        walk.read(form, f"{key} form, tab {index}")
    page.columns_button.menu().aboutToShow.emit()
    walk.read_menu(page.columns_button.menu(), f"{key} columns")
    if form.record_id is not None:
        form.delete()  # the question before a delete, answered No
        # A change not saved, and another record asked for: the question about it.
        first = next(iter(form.inputs.values()))
        first.setFocus()
        qtbot.keyClicks(first, "x")
        page.new_record()
        form.load(form.record_id)
    click(qtbot, page.new_button, page.new_button.rect().center())
    walk.read(form, f"{key} new form")
    # A save that finds what is missing: the messages under the fields.
    form.save()
    walk.read(form, f"{key} new form, saved empty")
    form.load(None)


def walk_dialogs(window, walk: Walk, qtbot, folder: Path) -> None:
    """Every dialog of the window, opened as the user opens it."""
    from ui.crash import CrashDialog
    from ui.welcome_dialog import WelcomeDialog

    window.show_page("organization")
    organizations = window.pages["organization"]
    organizations.table.selectRow(0)
    qtbot.waitUntil(lambda: organizations.form.record_id is not None)
    organizations.form.add_person()  # a person's form in a window of its own
    window.show_preferences()
    window.help.show_shortcuts()
    window.help.show_log_folder()
    window.help.about()
    window.help.show_guide()
    walk.read(window.help.guide, "guide")
    window.help.guide.close()
    exporter = window.exporter
    exporter.export_brief()
    exporter.export_activity()
    exporter.export_agreements_due()
    exporter.export_page()  # the list, with its progress
    if exporter.progress is not None:
        walk.read(exporter.progress, "export progress")
    qtbot.waitUntil(lambda: not exporter.running(), timeout=20000)
    window.printing.print_()
    window.back_up_now()
    window.restore_from_backup()
    wizard_file = folder / "partners.csv"
    wizard_file.write_text(
        "Name,Country,Short name\n"
        "Spanish National Research Council,Spain,CSIC\n"
        "Atlantis Institute,Atlantis,AI\n"
        "Walk Institute,Spain,WI\n",
        encoding="utf-8",
    )
    from ui import import_wizard

    original = import_wizard.ImportWizard.__init__

    def with_file(self, *args, **kwargs) -> None:
        original(self, *args, **kwargs)
        self.walk_file = wizard_file

    import_wizard.ImportWizard.__init__ = with_file
    try:
        window.import_spreadsheet()
    finally:
        import_wizard.ImportWizard.__init__ = original
    window.show_page("country")
    window.country_page.show_country(None)
    exporter.export_page()  # nothing to export: it says what to do
    for dialog in (WelcomeDialog(window), CrashDialog("Traceback …", str(folder / "log"), window)):
        walk.dialog(dialog)
    search = window.findChild(SearchBox)
    search.popup()
    walk.read(search, "search everywhere")
    qtbot.keyClicks(search.edit, "ISTC")
    search.search()
    walk.read(search, "search everywhere, found")
    qtbot.keyClicks(search.edit, "qqqq")
    search.search()
    walk.read(search, "search everywhere, nothing found")
    search.hide()
    walk.read(window.statusBar(), "status bar")
    walk.add("status bar message", window.statusBar().currentMessage(), data=True)


def walk_qt_dialogs(window, walk: Walk, qtbot, folder: Path) -> None:
    """Qt's own words: a file dialog, a text field's menu, a date's calendar. The file dialog
    opens on a folder of the test's own, whose only entry is a folder named by digits: file
    names are the user's, and a home folder holds whatever the machine put there."""
    shown = folder / "file-dialog"
    (shown / "2026").mkdir(parents=True, exist_ok=True)
    files = QFileDialog(window, "", str(shown))
    files.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    walk.dialog(files)
    field = window.pages["organization"].search
    menu = field.createStandardContextMenu()
    walk.read_menu(menu, "text field menu")
    menu.deleteLater()
    window.show_page("event")
    date = window.pages["event"].form.inputs["starts_on"]
    date.open_calendar()
    popup = QApplication.activePopupWidget()
    if popup is not None:
        walk.read(popup, "calendar")
        popup.close()
