"""The who-met-whom picture written to a PNG or SVG file for a slide or a report: the same
drawing as the window's, under a title and with its legend, at least 1600 pixels wide.

The drawing is a graphics scene, which needs a Qt application; a command run without a
screen gets one on Qt's offscreen platform.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

from models.relationships import Neighbourhood, picture_caption, picture_note, picture_title
from ui.graph_scene import BACKGROUND, TEXT, GraphScene

MIN_WIDTH = 1600
MAX_WIDTH = 4000
MARGIN = 40
MAX_SCALE = 1.6
FORMATS = (".png", ".svg")

_application: QApplication | None = None


def _ensure_application() -> None:
    global _application
    if QApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _application = QApplication(["seriktes"])


def write_graph_picture(neighbourhood: Neighbourhood, output: Path) -> Path:
    """Write the picture to ``output`` (.png or .svg, by its suffix); returns the path."""
    suffix = output.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"a picture is written as PNG or SVG, not {suffix}")
    _ensure_application()
    font = QFont()
    font.setPointSizeF(13)
    scene = GraphScene(neighbourhood, font)
    title_font = QFont(font)
    title_font.setPointSizeF(22)
    title_font.setBold(True)
    head = _heading_height(neighbourhood, scene, font, title_font)
    drawing = scene.sceneRect()
    # Large enough to read on a slide, never blown up past what the labels were made for.
    scale = min(MAX_SCALE, max(1.0, (MIN_WIDTH - 2 * MARGIN) / drawing.width()))
    scale = min(scale, (MAX_WIDTH - 2 * MARGIN) / drawing.width())
    width = max(MIN_WIDTH, round(drawing.width() * scale + 2 * MARGIN))
    height = round(head + drawing.height() * scale + 2 * MARGIN)
    size = QSize(width, height)
    if suffix == ".svg":
        generator = QSvgGenerator()
        generator.setFileName(str(output))
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, width, height))
        generator.setTitle(picture_title(neighbourhood))
        generator.setDescription(picture_caption(neighbourhood))
        painter = QPainter(generator)
        _paint(painter, neighbourhood, scene, size, head, scale, font, title_font)
        painter.end()
    else:
        image = QImage(size, QImage.Format.Format_RGB32)
        image.setDotsPerMeterX(3780)  # 96 dpi
        image.setDotsPerMeterY(3780)
        painter = QPainter(image)
        _paint(painter, neighbourhood, scene, size, head, scale, font, title_font)
        painter.end()
        if not image.save(str(output), "PNG"):
            raise OSError(f"{output} could not be written")
    return output


def _lines(neighbourhood: Neighbourhood) -> list[str]:
    note = picture_note(neighbourhood)
    return [picture_caption(neighbourhood)] + ([note] if note else [])


def _heading_height(
    neighbourhood: Neighbourhood, scene: GraphScene, font: QFont, title_font: QFont
) -> float:
    lines = len(_lines(neighbourhood))
    legend = len({node.kind for node in neighbourhood.nodes.values()})
    text = QFontMetricsF(font).height() + 4
    return QFontMetricsF(title_font).height() + 8 + lines * text + 10 + legend * (text + 6) + 16


def _paint(
    painter: QPainter,
    neighbourhood: Neighbourhood,
    scene: GraphScene,
    size: QSize,
    head: float,
    scale: float,
    font: QFont,
    title_font: QFont,
) -> None:
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    painter.fillRect(QRectF(0, 0, size.width(), size.height()), BACKGROUND)
    painter.setPen(TEXT)
    painter.setFont(title_font)
    y = float(MARGIN)
    title_height = QFontMetricsF(title_font).height()
    painter.drawText(
        QRectF(MARGIN, y, size.width() - 2 * MARGIN, title_height),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        picture_title(neighbourhood),
    )
    y += title_height + 8
    painter.setFont(font)
    painter.setPen(QColor("#55606b"))
    line = QFontMetricsF(font).height() + 4
    for text in _lines(neighbourhood):
        painter.drawText(
            QRectF(MARGIN, y, size.width() - 2 * MARGIN, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
        y += line
    scene.paint_legend(painter, QPointF(MARGIN, y + 10), font)
    drawing = scene.sceneRect()
    width, height = drawing.width() * scale, drawing.height() * scale
    target = QRectF((size.width() - width) / 2, MARGIN + head, width, height)
    scene.render(painter, target, drawing, Qt.AspectRatioMode.KeepAspectRatio)
