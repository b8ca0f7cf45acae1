"""Help ▸ About Seriktes: the version, the schema version, the database open, the data and log
folders and the versions of Python and Qt, with a button that copies them all for a support
request."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFont, QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.about import about_facts, facts_text, version_line
from resources import icon_path


def facts(database: str | None) -> list[tuple[str, str]]:
    """The core's facts and the window's own: Qt and its Python binding."""
    return [*about_facts(database), ("Qt", qVersion()), ("PySide6", pyside_version)]


class AboutDialog(QDialog):
    def __init__(self, database: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Seriktes"))
        self.facts = facts(database)
        icon = QLabel()
        icon.setPixmap(QIcon(icon_path("seriktes")).pixmap(64, 64))
        title = QLabel(version_line())
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        summary = QLabel(
            self.tr(
                "Partnership records of an international cooperation department: partners, "
                "people, events, delegations, programs, agreements and key figures."
            )
        )
        summary.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(summary)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)

        form = QFormLayout()
        for label, value in self.facts:
            shown = QLabel(value)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(True)
            form.addRow(self.tr("{label}:").format(label=label), shown)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy for a support request"))
        self.copy_button.setObjectName("copy-about")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(buttons)
        # As tall as its wrapped lines need at its width, no taller.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        summary.setMinimumWidth(440)

    @property
    def text(self) -> str:
        """What the copy button puts on the clipboard."""
        return facts_text(self.facts)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text)
        self.copy_button.setText(self.tr("Copied"))
