"""Records linked to the one shown, grouped by kind; a click opens one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.links import LinkGroup

TARGET = Qt.ItemDataRole.UserRole


class LinkedPanel(QWidget):
    open_record = Signal(str, object)  # kind, id (an ISO code for a country)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        self.tree = QTreeWidget()
        self.tree.setObjectName("linked")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Record"), self.tr("How it is linked")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().resizeSection(1, 150)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.tree, 1)

    def show_groups(self, groups: list[LinkGroup], empty_text: str) -> int:
        """Show the groups; returns how many linked records there are in all."""
        self.tree.clear()
        total = 0
        for group in groups:
            title = f"{self.tr(group.label)} ({group.total})"
            top = QTreeWidgetItem([title, ""])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for linked in group.items:
                item = QTreeWidgetItem([linked.title, self.tr(linked.detail)])
                item.setData(0, TARGET, (linked.kind, linked.record_id))
                item.setToolTip(0, self.tr("Click to open"))
                top.addChild(item)
            if group.total > len(group.items):
                more = QTreeWidgetItem(
                    [self.tr("… and {count} more").format(count=group.total - len(group.items)), ""]
                )
                more.setFlags(Qt.ItemFlag.ItemIsEnabled)
                top.addChild(more)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
            total += group.total
        self.note.setText(
            empty_text
            if not groups
            else self.tr("Click a record to open it; Alt+Left comes back here.")
        )
        self.tree.setVisible(bool(groups))
        return total

    def _clicked(self, item: QTreeWidgetItem) -> None:
        target = item.data(0, TARGET)
        if target:
            self.open_record.emit(*target)

    def items(self) -> dict[str, list[str]]:
        """The groups and the titles in them, as shown."""
        return {
            self.tree.topLevelItem(i).text(0): [
                self.tree.topLevelItem(i).child(j).text(0)
                for j in range(self.tree.topLevelItem(i).childCount())
            ]
            for i in range(self.tree.topLevelItemCount())
        }
