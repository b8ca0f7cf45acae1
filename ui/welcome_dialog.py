"""The welcome of the very first start: explore with sample records, or start with an empty
database."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

SAMPLE = "sample"
EMPTY = "empty"


def tr(text: str) -> str:
    return QCoreApplication.translate("welcome", text)


class WelcomeDialog(QDialog):
    """Two ways to begin; ``choice`` says which was taken (None if the dialog was closed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choice: str | None = None
        self.setWindowTitle(tr("Welcome to Seriktes"))
        title = QLabel(tr("Welcome to Seriktes"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            tr(
                "Seriktes keeps the partnership records of your department: partners, people, "
                "events, delegations, programs, agreements and key figures. How would you like "
                "to begin?"
            )
        )
        text.setWordWrap(True)
        self.sample_button = QCommandLinkButton(
            tr("Explore with sample records"),
            tr(
                "Partners, people, events and figures from press articles on Kazakhstan's "
                "scientific cooperation, in a database of their own. Your own records will go "
                "into another database."
            ),
        )
        self.sample_button.clicked.connect(lambda: self._choose(SAMPLE))
        self.empty_button = QCommandLinkButton(
            tr("Start with an empty database"),
            tr("A new database in your data folder, ready for your department's records."),
        )
        self.empty_button.clicked.connect(lambda: self._choose(EMPTY))
        later = QLabel(tr("Both remain available later from the File menu."))
        later.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (title, text, self.sample_button, self.empty_button, later, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(520)

    @property
    def choice(self) -> str | None:
        return self._choice

    def _choose(self, choice: str) -> None:
        self._choice = choice
        self.accept()
