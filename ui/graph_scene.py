"""The picture of who met whom, drawn once for the window and for a PNG or SVG file: each
record a mark coloured and shaped by its kind (a colour is not all a reader has to go by),
its label pointing outwards from the centre, and a line for each meeting.

Long names are shortened with an ellipsis (the whole name is in the tooltip) so that 300
records stay apart; the window zooms in for a closer look.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
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
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
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
LINE = QColor(120, 130, 140, 110)
CENTRE_LINE = QColor(60, 70, 80, 190)
RADIUS = 8.0
CENTRE_RADIUS = 15.0
LABEL_CHARACTERS = 26  # about as many: longer labels are shortened with "…"
CENTRE_LABEL_CHARACTERS = 48
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


class GraphScene(QGraphicsScene):
    def __init__(self, neighbourhood: Neighbourhood, font: QFont | None = None) -> None:
        super().__init__()
        self.neighbourhood = neighbourhood
        self.layout: dict[NodeKey, Placed] = radial_layout(neighbourhood)
        self.marks: dict[NodeKey, QGraphicsPathItem] = {}
        self.labels: dict[NodeKey, QGraphicsSimpleTextItem] = {}
        self.label_font = QFont(font) if font is not None else QFont()
        self.label_font.setPointSizeF(9)
        self.setBackgroundBrush(BACKGROUND)
        self._draw_lines()
        for key in neighbourhood.nodes:
            self._draw_mark(key)
        bounds = self.itemsBoundingRect()
        self.setSceneRect(bounds.adjusted(-30, -30, 30, 30))

    def _draw_lines(self) -> None:
        centre = self.neighbourhood.centre
        for edge in self.neighbourhood.edges:
            a, b = self.layout[edge.source], self.layout[edge.target]
            pen = QPen(CENTRE_LINE if centre in (edge.source, edge.target) else LINE, 1.2)
            pen.setCosmetic(True)
            if edge.link == "works_at":
                pen.setStyle(Qt.PenStyle.DashLine)
            path = QPainterPath(QPointF(a.x, a.y))
            path.lineTo(b.x, b.y)
            line = self.addPath(path, pen)
            line.setZValue(0)

    def _draw_mark(self, key: NodeKey) -> None:
        node = self.neighbourhood.nodes[key]
        place = self.layout[key]
        is_centre = key == self.neighbourhood.centre
        radius = CENTRE_RADIUS if is_centre else RADIUS
        mark = QGraphicsPathItem(mark_path(node.kind, radius))
        mark.setBrush(QBrush(COLOURS[node.kind]))
        mark.setPen(QPen(TEXT if is_centre else BACKGROUND, 2.5 if is_centre else 1.2))
        mark.setPos(place.x, place.y)
        mark.setZValue(2 if is_centre else 1)
        mark.setData(KEY, key)
        mark.setCursor(Qt.CursorShape.PointingHandCursor)
        tip = "\n".join(part for part in (node.name, node.detail) if part)
        mark.setToolTip(tip)
        self.addItem(mark)
        self.marks[key] = mark
        self.labels[key] = self._draw_label(mark, node.label, place, radius, is_centre, tip)

    def _draw_label(
        self,
        mark: QGraphicsItem,
        text: str,
        place: Placed,
        radius: float,
        is_centre: bool,
        tip: str,
    ) -> QGraphicsSimpleTextItem:
        font = QFont(self.label_font)
        if is_centre:
            font.setBold(True)
            font.setPointSizeF(11)
        metrics = QFontMetricsF(font)
        characters = CENTRE_LABEL_CHARACTERS if is_centre else LABEL_CHARACTERS
        width = characters * metrics.averageCharWidth()
        shown = metrics.elidedText(" ".join(text.split()), Qt.TextElideMode.ElideRight, width)
        # A white ground under the text, so that a line passing under it does not cross it.
        ground = QGraphicsRectItem(mark)
        ground.setPen(QPen(Qt.PenStyle.NoPen))
        ground.setBrush(HALO)
        ground.setZValue(-0.5)
        label = QGraphicsSimpleTextItem(shown, ground)
        label.setFont(font)
        label.setBrush(TEXT)
        label.setData(KEY, mark.data(KEY))
        label.setToolTip(tip)
        w, h = metrics.horizontalAdvance(shown), metrics.height()
        gap = radius + 4
        ground.setData(KEY, mark.data(KEY))
        ground.setRect(QRectF(-1, 0, w + 2, h))
        if is_centre or place.ring == 0:
            ground.setPos(-w / 2, gap)
            return label
        degrees = math.degrees(place.angle)
        # Along the line from the centre, outwards, and never upside down.
        if math.cos(place.angle) >= 0:
            ground.setTransform(QTransform().rotate(degrees).translate(gap, -h / 2))
        else:
            ground.setTransform(QTransform().rotate(degrees + 180).translate(-gap - w, -h / 2))
        return label

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
