"""A form's tabs with every name whole: the names stand in a strip that goes on to a second row
when the form is narrow (a delegation has seven tabs, and in Kazakh or Russian their names
are long), where a tab bar would shorten them to "То…" or hide the last ones."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QFrame, QTabWidget, QToolButton, QVBoxLayout, QWidget

from ui.widgets.flow_layout import FlowLayout

STYLE = """
QToolButton#tab { border: none; border-bottom: 2px solid transparent; padding: 4px 9px; }
QToolButton#tab:hover { background: palette(alternate-base); }
QToolButton#tab:checked { border-bottom: 2px solid palette(highlight); }
"""


class TabStrip(QWidget):
    """The names of a ``FormTabs``' pages; a click shows the page."""

    def __init__(self, tabs: FormTabs) -> None:
        super().__init__()
        self.setObjectName("tabStrip")
        self.tabs = tabs
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.idClicked.connect(tabs.setCurrentIndex)
        self.row = FlowLayout(spacing=0)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Plain)
        line.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(self.row)
        layout.addWidget(line)
        self.setStyleSheet(STYLE)

    def buttons(self) -> list[QToolButton]:
        """The names, in the order of the pages."""
        return [self.row.itemAt(i).widget() for i in range(self.row.count())]

    def insert(self, index: int, text: str) -> None:
        button = QToolButton()
        button.setObjectName("tab")
        button.setCheckable(True)
        button.setText(text)
        # The keyboard goes from field to field; Ctrl+Tab changes the page.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.row.insertWidget(index, button)
        self._number()

    def remove(self, index: int) -> None:
        button = self.buttons()[index]
        self.row.removeWidget(button)
        self.group.removeButton(button)
        button.deleteLater()
        self._number()

    def set_text(self, index: int, text: str) -> None:
        self.buttons()[index].setText(text)
        self.row.invalidate()

    def select(self, index: int) -> None:
        buttons = self.buttons()
        if 0 <= index < len(buttons):
            buttons[index].setChecked(True)

    def _number(self) -> None:
        for number, button in enumerate(self.buttons()):
            self.group.removeButton(button)
            self.group.addButton(button, number)
        self.select(self.tabs.currentIndex())


class FormTabs(QTabWidget):
    """A tab widget whose names are shown by ``strip`` (placed above it by its form), not by
    its own tab bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self.tabBar().hide()
        self.strip = TabStrip(self)
        self.currentChanged.connect(self.strip.select)

    def tabInserted(self, index: int) -> None:  # noqa: N802 - Qt's name
        super().tabInserted(index)
        self.strip.insert(index, self.tabText(index))

    def tabRemoved(self, index: int) -> None:  # noqa: N802 - Qt's name
        super().tabRemoved(index)
        self.strip.remove(index)

    def setTabText(self, index: int, text: str) -> None:  # noqa: N802 - Qt's name
        super().setTabText(index, text)
        self.strip.set_text(index, text)

    def tab_button(self, index: int) -> QToolButton:
        """The name of the page ``index``, as the strip shows it."""
        return self.strip.buttons()[index]
