"""The welcome of the very first start: the language of the interface (the system's to begin
with, changed here at once), then explore with sample records, or start with an empty
database."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.words.translation import LANGUAGE_NAMES, LANGUAGES, language
from ui.translator import choose_language

SAMPLE = "sample"
EMPTY = "empty"


def tr(text: str) -> str:
    return QCoreApplication.translate("welcome", text)


class WelcomeDialog(QDialog):
    """Two ways to begin; ``choice`` says which was taken (None if the dialog was closed).
    The language buttons change the language of the whole app as they are pressed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choice: str | None = None
        self.language_label = QLabel()
        self.languages = QButtonGroup(self)
        self.language_buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.language_label)
        for code in LANGUAGES:
            # Each language named in itself: whoever cannot read the one shown finds theirs.
            button = QPushButton(LANGUAGE_NAMES[code])
            button.setObjectName(f"language_{code}")
            button.setCheckable(True)
            button.setChecked(code == language())
            button.clicked.connect(lambda _=False, c=code: self._choose_language(c))
            self.languages.addButton(button)
            self.language_buttons[code] = button
            row.addWidget(button)
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.sample_button = QCommandLinkButton()
        self.sample_button.clicked.connect(lambda: self._choose(SAMPLE))
        self.empty_button = QCommandLinkButton()
        self.empty_button.clicked.connect(lambda: self._choose(EMPTY))
        self.later = QLabel()
        self.later.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        for widget in (self.title, self.text, self.sample_button, self.empty_button, self.later):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self._retranslate()

    def _choose_language(self, code: str) -> None:
        choose_language(code)
        self._retranslate()  # at once; the window behind follows Qt's LanguageChange

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(tr("Welcome to Seriktes"))
        self.language_label.setText(tr("Language:"))
        self.language_buttons[language()].setChecked(True)
        self.title.setText(tr("Welcome to Seriktes"))
        self.text.setText(
            tr(
                "Seriktes keeps the partnership records of your department: partners, people, "
                "events, delegations, programs, agreements and key figures. How would you like "
                "to begin?"
            )
        )
        self.sample_button.setText(tr("Explore with sample records"))
        self.sample_button.setDescription(
            tr(
                "Partners, people, events and figures from press articles on Kazakhstan's "
                "scientific cooperation, in a database of their own. Your own records will go "
                "into another database."
            )
        )
        self.empty_button.setText(tr("Start with an empty database"))
        self.empty_button.setDescription(
            tr("A new database in your data folder, ready for your department's records.")
        )
        self.later.setText(tr("Both remain available later from the File menu."))
        self.adjustSize()

    @property
    def choice(self) -> str | None:
        return self._choice

    def _choose(self, choice: str) -> None:
        self._choice = choice
        self.accept()
