"""The picture of who met whom, drawn once for the window and for a PNG or SVG file: each
record a mark coloured and shaped by its kind (a colour is not all a reader has to go by),
its label pointing outwards from the centre, and a line for each meeting.

Long names are shortened with an ellipsis (the whole name is in the tooltip) so that 300
records stay apart; the window zooms in for a closer look.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
)

from models.graph_layout import Placed, radial_layout
from models.relationships import KINDS, Neighbourhood, NodeKey
from models.store import records as r
from models.words.labels import count_text

COLOURS = {
    "person": QColor("#1f6fb2"),
    "organization": QColor("#c4561b"),
    "event": QColor("#2e8540"),
    "delegation": QColor("#7b4fc9"),
}
MODELS = {"person": r.Person, "organization": r.Organization, "event": r.Event}
MODELS["delegation"] = r.Delegation
BACKGROUND = QColor("#ffffff")
TEXT = QColor("#1d2329")
HALO = QColor(255, 255, 255, 215)
# Opaque (the greys that 43 % and 75 % of a slate grey make on white): Qt draws
# see-through lines many times slower.
LINE = QColor(197, 201, 205)
CENTRE_LINE = QColor(105, 112, 120)
RADIUS = 8.0
CENTRE_RADIUS = 15.0
LABEL_CHARACTERS = 26  # about as many: longer labels are shortened with "…"
CENTRE_LABEL_CHARACTERS = 48
HAND = Qt.CursorShape.PointingHandCursor
ELIDE = Qt.TextElideMode.ElideRight
BEHIND = QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent
CROWDED = 12  # records on the outermost ring whose labels point outwards, to keep apart
SMALLEST_TEXT = 6.0  # pixels: a label smaller on screen is not drawn
KEY = 0  # the item data slot holding a mark's (kind, id)


def mark_path(kind: str, radius: float) -> QPainterPath:
    """A person a circle, an organization a square, an event a diamond, a delegation a
    triangle."""
    path = QPainterPath()
    if kind == "person":
        path.addEllipse(QPointF(0, 0), radius, radius)
    elif kind == "organization":
        side = radius * 0.9
        path.addRoundedRect(QRectF(-side, -side, 2 * side, 2 * side), 2, 2)
    elif kind == "event":
        size = radius * 1.2
        path.addPolygon(
            QPolygonF([QPointF(0, -size), QPointF(size, 0), QPointF(0, size), QPointF(-size, 0)])
        )
        path.closeSubpath()
    else:
        size = radius * 1.25
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(0, -size),
                    QPointF(size * 0.95, size * 0.7),
                    QPointF(-size * 0.95, size * 0.7),
                ]
            )
        )
        path.closeSubpath()
    return path


def legend_entries(neighbourhood: Neighbourhood) -> list[tuple[str, str]]:
    """(kind, "12 people") for each kind the picture shows, in the order of the kinds."""
    return [
        (kind, count_text(MODELS[kind], neighbourhood.count(kind)))
        for kind in KINDS
        if neighbourhood.count(kind)
    ]


class Lines(QGraphicsItem):
    """Every line of the picture in one item, drawn in three strokes (lines to the centre
    darker, a person's work for an organization dashed): hundreds of items would cost more
    to keep than to draw."""

    def __init__(self, groups: dict[str, list[QLineF]], bounds: QRectF) -> None:
        super().__init__()
        self.groups = groups
        self.bounds = bounds
        self.setZValue(-1)  # under the marks, which take the clicks
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self.bounds

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        for group, lines in self.groups.items():
            # One pixel wide whatever the zoom: Qt draws such lines the fastest.
            pen = QPen(CENTRE_LINE if group == "centre" else LINE, 1)
            pen.setCosmetic(True)
            if group == "works_at":
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLines(lines)


class Label(QGraphicsItem):
    """A record's name on a white ground (a line passing under it does not cross it). Too
    small to read at the scale shown, it is not drawn: the picture of 300 records shows its
    shape whole, and the names come as one zooms in."""

    def __init__(self, text: str, font: QFont, size: QSizeF, always: bool) -> None:
        super().__init__()
        self._text = text  # Qt's own text() would be a method of a text item
        self.font = font
        self.rect = QRectF(QPointF(0, 0), size)
        self.always = always
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)

    def text(self) -> str:
        return self._text

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self.rect.adjusted(-1, 0, 1, 0)

    def paint(self, painter: QPainter, option, _widget=None) -> None:
        scale = option.levelOfDetailFromTransform(painter.worldTransform())
        if not self.always and scale * self.rect.height() < SMALLEST_TEXT:
            return
        painter.fillRect(self.boundingRect(), HALO)
        painter.setFont(self.font)
        painter.setPen(TEXT)
        painter.drawText(
            self.rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._text
        )


class GraphScene(QGraphicsScene):
    def __init__(self, neighbourhood: Neighbourhood, font: QFont | None = None) -> None:
        super().__init__()
        self.neighbourhood = neighbourhood
        self.layout: dict[NodeKey, Placed] = radial_layout(neighbourhood)
        self.marks: dict[NodeKey, QGraphicsPathItem] = {}
        self.labels: dict[NodeKey, Label] = {}
        self.label_font = QFont(font) if font is not None else QFont()
        self.label_font.setPointSizeF(9)
        self.centre_font = QFont(self.label_font)
        self.centre_font.setBold(True)
        self.centre_font.setPointSizeF(11)
        self._metrics = {
            False: QFontMetricsF(self.label_font),
            True: QFontMetricsF(self.centre_font),
        }
        self._widths = {
            False: LABEL_CHARACTERS * self._metrics[False].averageCharWidth(),
            True: CENTRE_LABEL_CHARACTERS * self._metrics[True].averageCharWidth(),
        }
        self._letters: dict[bool, dict[str, float]] = {False: {}, True: {}}
        self._heights = {centre: metrics.height() for centre, metrics in self._metrics.items()}
        self._brushes = {kind: QBrush(colour) for kind, colour in COLOURS.items()}
        self._pens = {True: QPen(TEXT, 2.5), False: QPen(BACKGROUND, 1.2)}
        self._paths = {
            (kind, centre): mark_path(kind, CENTRE_RADIUS if centre else RADIUS)
            for kind in KINDS
            for centre in (False, True)
        }
        self._outermost = max((place.ring for place in self.layout.values()), default=0)
        outer = sum(1 for place in self.layout.values() if place.ring == self._outermost)
        self._crowded = outer > CROWDED
        self.setBackgroundBrush(BACKGROUND)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        for key in neighbourhood.nodes:
            self._draw_mark(key)
        bounds = self.itemsBoundingRect()
        self._draw_lines(bounds)
        self.setSceneRect(bounds.adjusted(-30, -30, 30, 30))

    def _draw_lines(self, bounds: QRectF) -> None:
        centre = self.neighbourhood.centre
        groups: dict[str, list[QLineF]] = {"other": [], "works_at": [], "centre": []}
        for edge in self.neighbourhood.edges:
            a, b = self.layout[edge.source], self.layout[edge.target]
            if edge.link == "works_at":
                group = "works_at"
            else:
                group = "centre" if centre in (edge.source, edge.target) else "other"
            groups[group].append(QLineF(a.x, a.y, b.x, b.y))
        self.addItem(Lines(groups, bounds))

    def _draw_mark(self, key: NodeKey) -> None:
        node = self.neighbourhood.nodes[key]
        place = self.layout[key]
        is_centre = key == self.neighbourhood.centre
        mark = QGraphicsPathItem(self._paths[(node.kind, is_centre)])
        mark.setBrush(self._brushes[node.kind])
        mark.setPen(self._pens[is_centre])
        mark.setPos(place.x, place.y)
        if is_centre:
            mark.setZValue(2)
        mark.setData(KEY, key)
        mark.setCursor(HAND)
        mark.setToolTip(f"{node.name}\n{node.detail}" if node.detail else node.name)
        self.addItem(mark)
        self.marks[key] = mark
        label = self._label(node.label, place, is_centre)
        label.setParentItem(mark)
        label.setData(KEY, key)
        self.labels[key] = label

    def _label(self, text: str, place: Placed, is_centre: bool) -> Label:
        metrics = self._metrics[is_centre]
        shown = " ".join(text.split())
        w, h = self._advance(shown, is_centre), self._heights[is_centre]
        if w > self._widths[is_centre]:
            shown = metrics.elidedText(shown, ELIDE, self._widths[is_centre])
            w = self._advance(shown, is_centre)
        font = self.centre_font if is_centre else self.label_font
        label = Label(shown, font, QSizeF(w, h), always=is_centre or place.ring <= 1)
        label.setFlag(BEHIND)
        gap = (CENTRE_RADIUS if is_centre else RADIUS) + 4
        if is_centre or place.ring < self._outermost or not self._crowded:
            # Under the mark: inside the picture a label pointing outwards would run into the
            # records of the next ring; and a few records read best level.
            label.setPos(-w / 2, gap - 2)
            return label
        degrees = math.degrees(place.angle)
        # Along the line from the centre, outwards, and never upside down.
        if math.cos(place.angle) >= 0:
            label.setTransform(QTransform().rotate(degrees).translate(gap, -h / 2))
        else:
            label.setTransform(QTransform().rotate(degrees + 180).translate(-gap - w, -h / 2))
        return label

    def _advance(self, text: str, is_centre: bool) -> float:
        """How wide a label is, from the widths of its letters: shaping 300 names one by one
        would take longer than the rest of the picture."""
        widths = self._letters[is_centre]
        metrics = self._metrics[is_centre]
        total = 0.0
        for letter in text:
            width = widths.get(letter)
            if width is None:
                width = widths[letter] = metrics.horizontalAdvance(letter)
            total += width
        return total * 1.02  # room for what kerning and shaping add

    def key_at(self, item: QGraphicsItem | None) -> NodeKey | None:
        """The record a mark (or its label) under the pointer stands for."""
        while item is not None:
            key = item.data(KEY)
            if key is not None:
                return tuple(key)  # type: ignore[return-value]
            item = item.parentItem()
        return None

    def paint_legend(self, painter: QPainter, top_left: QPointF, font: QFont) -> QRectF:
        """The legend (a mark and a count for each kind shown), in a column from
        ``top_left``, for a picture written to a file."""
        metrics = QFontMetricsF(font)
        line = max(metrics.height(), 2 * RADIUS) + 6
        entries = legend_entries(self.neighbourhood)
        width = max((metrics.horizontalAdvance(text) for _k, text in entries), default=0) + 40
        box = QRectF(top_left, QPointF(top_left.x() + width, top_left.y() + line * len(entries)))
        painter.save()
        painter.setFont(font)
        for row, (kind, text) in enumerate(entries):
            y = top_left.y() + row * line + line / 2
            painter.save()
            painter.translate(top_left.x() + RADIUS + 4, y)
            painter.setPen(QPen(BACKGROUND, 1.2))
            painter.setBrush(COLOURS[kind])
            painter.drawPath(mark_path(kind, RADIUS))
            painter.restore()
            painter.setPen(TEXT)
            painter.drawText(
                QRectF(top_left.x() + 2 * RADIUS + 14, y - line / 2, width, line),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                text,
            )
        painter.restore()
        return box
