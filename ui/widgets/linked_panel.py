"""Records linked to the one shown, grouped by kind; a click opens one."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.links import LinkGroup

TARGET = Qt.ItemDataRole.UserRole


class WrappingDelegate(QStyledItemDelegate):
    """Titles as tall as they need to be to show whole in the width of their column."""

    def __init__(self, tree: QTreeWidget, column: int = 0) -> None:
        super().__init__(tree)
        self.tree = tree
        self.column = column

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        # The room the text has: the column less the indentation and the item's margins.
        indent = self.tree.indentation() * (depth + 1) if self.column == 0 else 0
        room = self.tree.columnWidth(self.column) - indent - 6
        if room <= 0:
            return hint
        text = str(index.data() or "")
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        height = (
            QFontMetrics(font)
            .boundingRect(QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, text)
            .height()
        )
        return QSize(hint.width(), max(hint.height(), height + 4))


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
        self._fitted = False  # see fit_columns
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.tree, 1)

    def fit_columns(self) -> None:
        """Columns that fit what they hold (a country's page): how a record is linked takes
        the room it needs, and a long title wraps onto a second line instead of being cut."""
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setItemDelegateForColumn(0, WrappingDelegate(self.tree))
        self.tree.setItemDelegateForColumn(1, WrappingDelegate(self.tree, 1))
        # Rows are measured again when the title column gets narrower or wider.
        header.sectionResized.connect(lambda *_args: self.tree.doItemsLayout())
        self._fitted = True
        self._fit_how()

    def _fit_how(self) -> None:
        """How a record is linked takes the room it needs, but no more than two fifths of
        the list: in a narrow panel the titles keep room, and both wrap."""
        if not self._fitted:
            return
        header = self.tree.header()
        needed = max(self.tree.sizeHintForColumn(1), header.sectionSizeHint(1))
        header.resizeSection(1, min(needed, int(self.tree.viewport().width() * 0.4)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_how()

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
        self._fit_how()
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
