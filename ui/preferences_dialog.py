"""Edit ▸ Preferences…: what a user chooses for the way Seriktes works for them. The language
of the interface is applied as soon as it is chosen, to this dialog and to the window behind
it, and kept for the next start (and for the commands)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from models.words.translation import LANGUAGE_NAMES, LANGUAGES, language


def language_choice(parent: QWidget | None = None) -> QComboBox:
    """The languages of the interface, each named in itself, the one shown chosen."""
    combo = QComboBox(parent)
    combo.setObjectName("language")
    for code in LANGUAGES:
        combo.addItem(LANGUAGE_NAMES[code], code)
    combo.setCurrentIndex(LANGUAGES.index(language()))
    return combo


class PreferencesDialog(QDialog):
    def __init__(self, window) -> None:
        """``window``: the main window, which follows the language chosen."""
        super().__init__(window)
        self.window_ = window
        self.language = language_choice()
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)
        self.language_note.setStyleSheet("color: palette(placeholder-text);")
        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        form.addRow("", self.language_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self._retranslate()

    def _language_chosen(self) -> None:
        code = self.language.currentData()
        if code != language():
            self.window_.choose_language(code)
            self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preferences"))
        self.language_label.setText(self.tr("&Language of the interface:"))
        self.language_note.setText(
            self.tr(
                "The window, its messages and the exports change at once. The command line "
                "speaks this language too."
            )
        )
