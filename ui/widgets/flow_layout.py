"""A layout that sets its widgets side by side and goes on to a new row when the width is
spent, like words on a page: a row of tabs or filters keeps every name whole, in a language
whose words are long, by taking a second row instead of cutting them."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget, QWidgetItem


class FlowLayout(QLayout):
    def __init__(
        self, parent: QWidget | None = None, spacing: int = -1, to_the_right: bool = False
    ) -> None:
        """``to_the_right``: each row ends at the right edge, as a row of buttons does."""
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._to_the_right = to_the_right
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # -- the items ---------------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def insertWidget(self, index: int, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self._items.insert(index, QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # -- sizes -------------------------------------------------------------------------------

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """All on one row."""
        width = sum(item.sizeHint().width() for item in self._items)
        width += max(len(self._items) - 1, 0) * self._gap(Qt.Orientation.Horizontal)
        height = max((item.sizeHint().height() for item in self._items), default=0)
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        """As narrow as the widest item: every other one can go on a row of its own."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # -- arranging ---------------------------------------------------------------------------

    def _gap(self, orientation: Qt.Orientation) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        metric = (
            QStyle.PixelMetric.PM_LayoutHorizontalSpacing
            if orientation == Qt.Orientation.Horizontal
            else QStyle.PixelMetric.PM_LayoutVerticalSpacing
        )
        gap = parent.style().pixelMetric(metric, None, parent)
        return gap if gap >= 0 else 6

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Lay the items out in ``rect`` (or only measure); returns the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, row_height = area.x(), area.y(), 0
        across, down = self._gap(Qt.Orientation.Horizontal), self._gap(Qt.Orientation.Vertical)
        row: list[tuple[QLayoutItem, QPoint, QSize]] = []
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            size = item.sizeHint()
            if widget is not None and widget.sizePolicy().horizontalPolicy() == (
                QSizePolicy.Policy.Ignored
            ):
                size = item.minimumSize()
            if x > area.x() and x + size.width() > area.right() + 1:
                self._place(row, area, move)
                row = []
                x, y, row_height = area.x(), y + row_height + down, 0
            row.append((item, QPoint(x, y), size))
            x += size.width() + across
            row_height = max(row_height, size.height())
        self._place(row, area, move)
        return y + row_height - rect.y() + margins.bottom()

    def _place(self, row: list[tuple[QLayoutItem, QPoint, QSize]], area: QRect, move: bool) -> None:
        """Put a row's items where they go: from the left, or ending at the right edge."""
        if not move or not row:
            return
        _item, start, size = row[-1]
        shift = area.right() + 1 - (start.x() + size.width()) if self._to_the_right else 0
        for item, place, size in row:
            item.setGeometry(QRect(place + QPoint(max(shift, 0), 0), size))
