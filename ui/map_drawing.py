"""The world map drawn with Qt: one shape per country, shaded by its number of records, and its
legend. The Map page shows it; ``write_map`` draws the very same scene into a PNG or SVG file
for a slide or a report (``seriktes export map``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsScene

from models.world_map import (
    ATTRIBUTION,
    BORDER,
    NO_RECORDS,
    PAPER,
    SEA,
    CountryShape,
    Step,
    colour_of,
    country_names,
    counts_for,
    hover_text,
    legend_lines,
    map_title,
    measure_label,
    shading,
    world_bounds,
    world_outline,
    world_shapes,
)

# A picture for a slide: at least this wide, in pixels.
PICTURE_WIDTH = 2000
HOVER_PEN = "#e08a00"


@lru_cache(maxsize=1)
def country_paths() -> tuple[QPainterPath, ...]:
    """Each country's outline as a painter path, in the order of ``world_shapes``; made once,
    as projecting and tracing 10,000 points is the slow part of drawing the map."""
    paths = []
    for shape in world_shapes():
        path = QPainterPath()
        for ring in shape.rings:
            path.moveTo(*ring[0])
            for point in ring[1:]:
                path.lineTo(*point)
            path.closeSubpath()
        paths.append(path)
    return tuple(paths)


def border_pen(colour: str, width: float) -> QPen:
    """A border as wide on screen whatever the zoom: borders of Central Asia, seen up close,
    stay thin lines."""
    pen = QPen(QColor(colour), width)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def world_rect() -> QRectF:
    """The whole world in map units, with a narrow margin of sea."""
    left, top, width, height = world_bounds()
    margin = width * 0.01
    return QRectF(left - margin, top - margin, width + 2 * margin, height + 2 * margin)


class CountryItem(QGraphicsPathItem):
    """One country on the map: its shade, its count on hover, outlined while the pointer is
    on it."""

    def __init__(self, shape: CountryShape, path: QPainterPath) -> None:
        super().__init__(path)
        self.code = shape.code
        self.ne_name = shape.name
        self.count = 0
        self.setPen(border_pen(BORDER, 0.8))
        self.setBrush(QBrush(QColor(NO_RECORDS)))
        self.setAcceptHoverEvents(True)
        if self.code:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.setPen(border_pen(HOVER_PEN, 2.0))
        self.setZValue(1)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.setPen(border_pen(BORDER, 0.8))
        self.setZValue(0)
        super().hoverLeaveEvent(event)


class MapScene(QGraphicsScene):
    """Every country of the map, each shaded by its count for a measure."""

    def __init__(self, parent=None, drawn: bool = True) -> None:
        """``drawn``: the sea and the countries at once; else when first needed (``draw``),
        so a window that never shows its map does not read the boundaries at its start."""
        super().__init__(parent)
        self.setBackgroundBrush(QBrush(QColor(PAPER)))
        self.countries: list[CountryItem] = []
        self.world = world_rect()
        self.setSceneRect(self.world)
        if drawn:
            self.draw()

    def draw(self) -> None:
        """The sea and every country, once."""
        if self.countries:
            return
        sea = QPainterPath()
        sea.addPolygon(QPolygonF([QPointF(x, y) for x, y in world_outline()]))
        sea.closeSubpath()
        self.sea = self.addPath(sea, border_pen("#c5d3de", 1.0), QBrush(QColor(SEA)))
        self.sea.setZValue(-1)
        for shape, path in zip(world_shapes(), country_paths(), strict=True):
            item = CountryItem(shape, path)
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
            self.addItem(item)
            self.countries.append(item)

    def shade(self, counts: dict[str, int], steps: list[Step], measure: str) -> None:
        """Colour each country by its count, and say the count on hover (in the interface
        language; Natural Earth's name for a place without an ISO code, as Kosovo, which is
        never shaded)."""
        self.draw()
        names = country_names()
        for item in self.countries:
            item.count = counts.get(item.code, 0) if item.code else 0
            item.setBrush(QBrush(QColor(colour_of(item.count, steps))))
            name = names.get(item.code, item.ne_name) if item.code else ""
            item.setToolTip(hover_text(name, item.count, measure) if item.code else item.ne_name)

    def country_at(self, point: QPointF) -> CountryItem | None:
        """The country under a point of the scene (the smallest, when shapes overlap)."""
        found = [item for item in self.items(point) if isinstance(item, CountryItem)]
        return min(found, key=lambda item: item.boundingRect().width(), default=None)


def legend_size(title: str, steps: list[Step], font: QFont) -> QSize:
    """How much room ``paint_legend`` takes with this font."""
    metrics = QFontMetrics(font)
    line = metrics.height() + 4
    texts = [title] + [text for _colour, text in legend_lines(steps)]
    width = max(metrics.horizontalAdvance(text) for text in texts) + line + 24
    return QSize(width, line * (len(texts)) + 16)


def paint_legend(painter: QPainter, origin: QPointF, title: str, steps: list[Step]) -> None:
    """The legend: the measure's name, then a swatch and its counts per shade, on a white
    card."""
    font = painter.font()
    metrics = QFontMetrics(font)
    size = legend_size(title, steps, font)
    line = metrics.height() + 4
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#c8ccd0"), 1))
    painter.setBrush(QColor(255, 255, 255, 235))
    painter.drawRoundedRect(QRectF(origin, size.toSizeF()), 6, 6)
    x, y = origin.x() + 8, origin.y() + 8
    bold = QFont(font)
    bold.setBold(True)
    painter.setFont(bold)
    painter.setPen(QColor("#202428"))
    painter.drawText(QRectF(x, y, size.width() - 16, line), Qt.AlignmentFlag.AlignVCenter, title)
    painter.setFont(font)
    for colour, text in legend_lines(steps):
        y += line
        swatch = QRectF(x, y + 3, line - 6, line - 6)
        painter.setPen(QPen(QColor("#9aa0a6"), 1))
        painter.setBrush(QColor(colour))
        painter.drawRect(swatch)
        painter.setPen(QColor("#202428"))
        text_rect = QRectF(x + line, y, size.width() - line - 16, line)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, text)
    painter.restore()


def paint_picture(
    painter: QPainter, scene: MapScene, width: int, title: str, legend: str, steps: list[Step]
) -> None:
    """The whole picture: a title, the map, and the legend in its lower left corner."""
    height = picture_height(width)
    band = title_band(width)
    painter.fillRect(QRectF(0, 0, width, height), QColor("#ffffff"))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(painter.font())
    font.setPixelSize(max(14, width // 90))
    painter.setFont(font)
    heading = QFont(font)
    heading.setPixelSize(max(20, width // 50))
    heading.setBold(True)
    painter.setFont(heading)
    painter.setPen(QColor("#202428"))
    painter.drawText(
        QRectF(width * 0.02, 0, width * 0.96, band), Qt.AlignmentFlag.AlignVCenter, title
    )
    painter.setFont(font)
    scene.render(painter, map_rect(width), scene.world, Qt.AspectRatioMode.KeepAspectRatio)
    small = QFont(font)
    small.setPixelSize(max(11, width // 160))
    painter.setFont(small)
    painter.setPen(QColor("#6b7177"))
    painter.drawText(
        QRectF(0, height - band * 0.5, width * 0.98, band * 0.45),
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        ATTRIBUTION,
    )
    painter.setFont(font)
    size = legend_size(legend, steps, font)
    paint_legend(
        painter, QPointF(width * 0.02, height - size.height() - width * 0.015), legend, steps
    )


def title_band(width: int) -> float:
    return width * 0.06


def map_rect(width: int) -> QRectF:
    """Where the map goes in a picture this wide."""
    world = world_rect()
    return QRectF(0, title_band(width), width, width * world.height() / world.width())


def picture_height(width: int) -> int:
    return int(map_rect(width).bottom() + width * 0.01)


def picture_point(x: float, y: float, width: int) -> QPointF:
    """Where a point of the map (map units) falls in a picture this wide."""
    scene_rect = world_rect()
    target = map_rect(width)
    scale = target.width() / scene_rect.width()
    return QPointF(
        target.left() + (x - scene_rect.left()) * scale,
        target.top() + (y - scene_rect.top()) * scale,
    )


def write_map(
    path: Path,
    counts: dict[str, int],
    steps: list[Step],
    measure: str,
    title: str,
    legend: str,
    width: int = PICTURE_WIDTH,
) -> Path:
    """Draw the map into ``path``: a PNG or an SVG picture ``width`` pixels wide."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        # A command has no window: Qt draws without a screen. The scene's items need the
        # widgets' application, not only the GUI's.
        QApplication(["seriktes", "-platform", "offscreen"])
    scene = MapScene()
    scene.shade(counts, steps, measure)
    height = picture_height(width)
    if path.suffix.lower() == ".svg":
        from PySide6.QtSvg import QSvgGenerator

        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(QSize(width, height))
        generator.setViewBox(QRectF(0, 0, width, height))
        generator.setTitle(title)
        generator.setDescription(ATTRIBUTION)
        painter = QPainter(generator)
        paint_picture(painter, scene, width, title, legend, steps)
        painter.end()
    else:
        image = QImage(width, height, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        paint_picture(painter, scene, width, title, legend, steps)
        painter.end()
        if not image.save(str(path), "PNG"):
            raise OSError(f"cannot write {path}")
    return path


def write_picture(path: Path, measure: str, width: int = PICTURE_WIDTH) -> Path:
    """The map of the open database, shaded by ``measure``, drawn into a PNG or SVG file
    (``seriktes export map``)."""
    counts = counts_for(measure)
    steps = shading(counts)
    return write_map(
        path, counts, steps, measure, map_title(measure), measure_label(measure), width
    )
