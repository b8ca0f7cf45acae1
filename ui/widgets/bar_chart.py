"""Small bar charts drawn with QPainter (the Qt installed has no QtCharts): labelled bars with
their values; pointing at a bar tells what it is, and clicking it (or Enter on it) says which.

``HorizontalBarChart`` lists categories (countries, kinds) one bar per row. ``ColumnChart``
shows groups over time (months) with a column for each series side by side.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

BLUE = QColor("#0f5f8c")
DARK_BLUE = QColor("#0b4566")
YELLOW = QColor("#f2c14e")
DARK_YELLOW = QColor("#c99a2e")
NOT_CLICKABLE = QColor("#9aa9b5")
HOVER = {BLUE.name(): DARK_BLUE, YELLOW.name(): DARK_YELLOW}


@dataclass(frozen=True)
class Value:
    key: str | None  # what a click on the bar says; None: the bar cannot be clicked
    value: int
    tooltip: str = ""


@dataclass(frozen=True)
class Group:
    label: str
    values: tuple[Value, ...]


@dataclass(frozen=True)
class _Target:
    rect: QRectF
    key: str | None
    tooltip: str
    color: QColor


class _Chart(QWidget):
    """What both charts share: the bars under the pointer, clicks, keys and the empty text."""

    bar_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: list[Group] = []
        self.series: list[tuple[str, QColor]] = [("", BLUE)]
        self.empty_text = ""
        self._targets: list[_Target] = []
        self._hovered = -1
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_data(
        self,
        groups: list[Group],
        empty_text: str,
        series: list[tuple[str, QColor]] | None = None,
    ) -> None:
        self.groups = list(groups)
        self.empty_text = empty_text
        if series is not None:
            self.series = series
        self._hovered = -1
        self.updateGeometry()
        self.update()

    def is_empty(self) -> bool:
        return not any(value.value for group in self.groups for value in group.values)

    def _color(self, index: int) -> QColor:
        return self.series[index % len(self.series)][1]

    # -- what is where ---------------------------------------------------------------------

    def _layout(self) -> list[_Target]:
        raise NotImplementedError

    def targets(self) -> list[_Target]:
        self._targets = [] if self.is_empty() else self._layout()
        return self._targets

    def bar_center(self, key: str) -> QPoint:
        """Where the first bar of ``key`` that shows a value is (a year's key is on each of
        its months), for tests."""
        for target in self.targets():
            if target.key == key and target.rect.height() > 0 and target.rect.width() > 0:
                return target.rect.center().toPoint()
        raise KeyError(key)

    def _target_at(self, position: QPointF) -> int:
        for index, target in enumerate(self._targets):
            # A thin bar is hard to hit: the whole height of its row or column counts.
            if target.rect.adjusted(-2, -4, 2, 4).contains(position):
                return index
        return -1

    def _hover(self, index: int, global_position: QPoint | None = None) -> None:
        if index != self._hovered:
            self._hovered = index
            self.update()
        clickable = 0 <= index < len(self._targets) and self._targets[index].key is not None
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor
        )
        if global_position is not None:
            if 0 <= index < len(self._targets):
                QToolTip.showText(global_position, self._targets[index].tooltip, self)
            else:
                QToolTip.hideText()

    # -- events ----------------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.targets()
        self._hover(self._target_at(event.position()), event.globalPosition().toPoint())

    def leaveEvent(self, event) -> None:
        self._hover(-1)
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self.targets()
        index = self._target_at(event.position())
        if index >= 0 and self._targets[index].key is not None:
            self.bar_clicked.emit(self._targets[index].key)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        targets = self.targets()
        key = event.key()
        forward = (Qt.Key.Key_Right, Qt.Key.Key_Down)
        backward = (Qt.Key.Key_Left, Qt.Key.Key_Up)
        if targets and key in forward + backward:
            step = 1 if key in forward else -1
            index = max(0, min(len(targets) - 1, self._hovered + step))
            point = self.mapToGlobal(targets[index].rect.center().toPoint())
            self._hover(index, point)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and (
            0 <= self._hovered < len(targets) and targets[self._hovered].key is not None
        ):
            self.bar_clicked.emit(targets[self._hovered].key)
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._hover(-1)
        super().focusOutEvent(event)

    # -- drawing ---------------------------------------------------------------------------

    def _muted(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.PlaceholderText)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.is_empty():
            painter.setPen(self._muted())
            painter.drawText(
                QRectF(self.rect()).adjusted(8, 8, -8, -8),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.empty_text,
            )
            return
        self._paint(painter, self.targets())

    def _paint(self, painter: QPainter, targets: list[_Target]) -> None:
        raise NotImplementedError

    def _bar(self, painter: QPainter, index: int, target: _Target) -> None:
        # A bar that opens nothing is grey, so it does not invite a click.
        color = target.color if target.key is not None else NOT_CLICKABLE
        if index == self._hovered and target.key is not None:
            color = HOVER.get(color.name(), color.darker(130))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(target.rect, 2, 2)
        if index == self._hovered and self.hasFocus():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 1.5))
            painter.drawRect(target.rect.adjusted(-2, -2, 2, 2))


class HorizontalBarChart(_Chart):
    """One labelled bar per row, its value after it: categories, the largest first. A label
    is never cut: one too long for the room beside the bars wraps onto more lines, and its
    row grows to hold them."""

    LABEL_SHARE = 0.45  # of the width, at most, for the labels
    GAP = 8  # between a label and its bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _line(self) -> int:
        return self.fontMetrics().height()

    def label_room(self, width: int | None = None) -> int:
        """How wide the labels may be: the widest label, up to a share of the chart."""
        metrics = self.fontMetrics()
        width = self.width() if width is None else width
        widest = max((metrics.horizontalAdvance(g.label) for g in self.groups), default=0)
        return max(min(widest + 2, int(width * self.LABEL_SHARE)), 48)

    def label_lines(self, label: str, room: int | None = None) -> list[str]:
        """The label as drawn: whole, on as many lines as it needs to fit ``room``; a word
        longer than the room is broken where it must be."""
        metrics = self.fontMetrics()
        room = self.label_room() if room is None else room
        lines: list[str] = []
        line = ""
        for word in label.split():
            candidate = f"{line} {word}" if line else word
            if metrics.horizontalAdvance(candidate) <= room:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            for character in word:
                if line and metrics.horizontalAdvance(line + character) > room:
                    lines.append(line)
                    line = ""
                line += character
        return [*lines, line] if line or not lines else lines

    def _rows(self, width: int | None = None) -> list[tuple[int, int]]:
        """The top and height of each row."""
        room = self.label_room(width)
        rows, top = [], 4
        for group in self.groups:
            height = len(self.label_lines(group.label, room)) * self._line() + 8
            rows.append((top, height))
            top += height
        return rows

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if self.is_empty():
            return 3 * (self._line() + 8) + 8
        top, height = self._rows(width)[-1]
        return top + height + 4

    def sizeHint(self) -> QSize:
        return QSize(320, self.heightForWidth(max(self.width(), 320)))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.heightForWidth(max(self.width(), 200)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # A narrower chart wraps more labels: its height follows.
        self.updateGeometry()

    def _layout(self) -> list[_Target]:
        metrics = self.fontMetrics()
        largest = max(v.value for g in self.groups for v in g.values) or 1
        value_width = metrics.horizontalAdvance(f"{largest:,}") + 10
        left = self.label_room() + self.GAP
        room = max(self.width() - left - value_width - 4, 10)
        targets = []
        bar = self._line()
        for group, (top, height) in zip(self.groups, self._rows(), strict=True):
            value = group.values[0]
            length = max(room * value.value / largest, 2 if value.value else 0)
            rect = QRectF(left, top + (height - bar) / 2, length, bar)
            targets.append(_Target(rect, value.key, value.tooltip, self._color(0)))
        return targets

    def _paint(self, painter: QPainter, targets: list[_Target]) -> None:
        room = self.label_room()
        line = self._line()
        text = self.palette().color(QPalette.ColorRole.WindowText)
        rows = self._rows()
        for index, (group, target) in enumerate(zip(self.groups, targets, strict=True)):
            top, height = rows[index]
            painter.setPen(text)
            lines = self.label_lines(group.label, room)
            first = top + (height - len(lines) * line) / 2
            for number, words in enumerate(lines):
                painter.drawText(
                    QRectF(0, first + number * line, room, line),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    words,
                )
            self._bar(painter, index, target)
            painter.setPen(text)
            painter.drawText(
                QRectF(target.rect.right() + 6, top, 200, height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{group.values[0].value:,}",
            )


class ColumnChart(_Chart):
    """Groups along the bottom (months), a column for each series side by side, a legend on
    top, and values over the columns where they fit."""

    HEIGHT = 230

    def sizeHint(self) -> QSize:
        return QSize(600, self.HEIGHT)

    def minimumSizeHint(self) -> QSize:
        return QSize(300, self.HEIGHT)

    def _plot(self) -> QRectF:
        metrics = self.fontMetrics()
        line = metrics.height()
        largest = max((v.value for g in self.groups for v in g.values), default=0)
        axis = metrics.horizontalAdvance(f"{largest:,}") + 10
        # The legend above, the labels of the groups below.
        return QRectF(axis, line + 14, self.width() - axis - 6, self.height() - 2 * line - 24)

    def _layout(self) -> list[_Target]:
        plot = self._plot()
        largest = max(v.value for g in self.groups for v in g.values) or 1
        width = plot.width() / max(len(self.groups), 1)
        series = max(len(g.values) for g in self.groups)
        column = max(width * 0.8 / series, 2)
        targets = []
        for number, group in enumerate(self.groups):
            left = plot.left() + number * width + width * 0.1
            for index, value in enumerate(group.values):
                height = plot.height() * value.value / largest
                rect = QRectF(left + index * column, plot.bottom() - height, column - 1, height)
                targets.append(_Target(rect, value.key, value.tooltip, self._color(index)))
        return targets

    def _target_at(self, position: QPointF) -> int:
        # A short column is hard to hit: the whole height of the plot above it counts.
        plot = self._plot()
        for index, target in enumerate(self._targets):
            column = QRectF(target.rect.left(), plot.top(), target.rect.width(), plot.height())
            if column.adjusted(-1, 0, 1, 4).contains(position) and target.rect.height() > 0:
                return index
        return -1

    def _paint(self, painter: QPainter, targets: list[_Target]) -> None:
        metrics = self.fontMetrics()
        plot = self._plot()
        text = self.palette().color(QPalette.ColorRole.WindowText)
        muted = self._muted()
        largest = max(v.value for g in self.groups for v in g.values)
        self._legend(painter, metrics, text)
        grid = QColor(muted)
        grid.setAlpha(70)
        step = tick_step(largest)
        for amount in range(0, largest + 1, step):
            y = plot.bottom() - plot.height() * amount / largest
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(muted)
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, plot.left() - 6, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{amount:,}",
            )
        for index, target in enumerate(targets):
            if target.rect.height() > 0:
                self._bar(painter, index, target)
        self._values(painter, metrics, targets, text)
        self._group_labels(painter, metrics, plot, text)

    def _legend(self, painter: QPainter, metrics: QFontMetrics, text: QColor) -> None:
        x = self._plot().left()
        for name, color in self.series:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            box = metrics.height() - 4
            painter.drawRoundedRect(QRectF(x, 4 + 2, box, box), 2, 2)
            painter.setPen(text)
            painter.drawText(QPointF(x + box + 6, 4 + metrics.ascent()), name)
            x += box + 6 + metrics.horizontalAdvance(name) + 18

    def _values(
        self, painter: QPainter, metrics: QFontMetrics, targets: list[_Target], text: QColor
    ) -> None:
        values = [v for g in self.groups for v in g.values]
        painter.setPen(text)
        for value, target in zip(values, targets, strict=True):
            label = f"{value.value:,}"
            if value.value and metrics.horizontalAdvance(label) <= target.rect.width() + 4:
                painter.drawText(
                    QRectF(
                        target.rect.center().x() - 20,
                        target.rect.top() - metrics.height(),
                        40,
                        metrics.height(),
                    ),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    label,
                )

    def _group_labels(
        self, painter: QPainter, metrics: QFontMetrics, plot: QRectF, text: QColor
    ) -> None:
        width = plot.width() / max(len(self.groups), 1)
        widest = max(metrics.horizontalAdvance(g.label) for g in self.groups) + 10
        every = max(1, math.ceil(widest / width))
        painter.setPen(text)
        room_right = float(self.width())
        # From the last group back, so the latest one is always labelled; a label is kept
        # inside the widget and left out if it would touch the one after it.
        for number in range(len(self.groups) - 1, -1, -every):
            center = plot.left() + number * width + width / 2
            left = min(max(center - widest / 2, 0), room_right - widest)
            if left + widest > room_right or left < 0:
                continue
            painter.drawText(
                QRectF(left, plot.bottom() + 4, widest, metrics.height() + 4),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                self.groups[number].label,
            )
            room_right = left


def tick_step(largest: int) -> int:
    """A round step for at most about four grid lines up to ``largest``: 1, 2, 5, 10, 20…"""
    rough = max(1, math.ceil(largest / 4))
    magnitude = 10 ** (len(str(rough)) - 1)
    for nice in (1, 2, 5, 10):
        if nice * magnitude >= rough:
            return nice * magnitude
    return 10 * magnitude
