"""File ▸ Back up now… and File ▸ Restore from backup…: the backups of the open database with
their date and what they hold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.store.backups import Backup, backups_of


class BackupsDialog(QDialog):
    """The backups, newest first; in restore mode one can be chosen."""

    def __init__(self, database, restore: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup") if restore else self.tr("Backups"))
        self.resize(620, 420)
        self.backups = backups_of(database)
        intro = QLabel(
            self.tr(
                "Choose the backup to go back to. The database as it is now is backed up first, "
                "so a restore can itself be undone by restoring that backup."
            )
            if restore
            else self.tr(
                "A backup was made now. Seriktes also makes one each day the database is "
                "opened, before every update and before a restore, and keeps the newest "
                "30."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("backups")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # A backup's line wraps in the list's width rather than running off to the right.
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for backup in self.backups:
            item = QListWidgetItem(backup.describe())
            item.setData(Qt.ItemDataRole.UserRole, backup)
            self.list.addItem(item)
        if not self.backups:
            self.list.addItem(self.tr("No backups yet."))
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel
            if restore
            else QDialogButtonBox.StandardButton.Close
        )
        if restore and self.backups:
            button = buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
            button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def chosen(self) -> Backup | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None
