"""Seriktes's icon in the forms each system wants, all made from ``resources/icons/seriktes.svg``:

- ``resources/icons/seriktes-N.png`` in the sizes of a Linux icon theme, committed beside the
  SVG (the desktop entry installs them). After changing the SVG, render them again with
  ``python installer/icons.py`` (it needs PySide6).
- ``seriktes.ico`` (Windows) and ``seriktes.icns`` (macOS), written by the bundle's build from
  those PNGs: both formats hold PNG images as they are, so no image library is needed.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# The sizes a Windows icon holds (256 is its largest), and macOS's type for each PNG size.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = {
    16: b"icp4",
    32: b"icp5",
    64: b"icp6",
    128: b"ic07",
    256: b"ic08",
    512: b"ic09",
}


def png(size: int) -> bytes:
    return (ICONS / f"seriktes-{size}.png").read_bytes()


def write_ico(path: Path) -> Path:
    """A Windows icon: a directory of the images, then each PNG."""
    images = [png(size) for size in ICO_SIZES]
    offset = 6 + 16 * len(images)
    header = struct.pack("<HHH", 0, 1, len(images))
    entries = b""
    for size, data in zip(ICO_SIZES, images, strict=True):
        side = size % 256  # 0 stands for 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    path.write_bytes(header + entries + b"".join(images))
    return path


def write_icns(path: Path) -> Path:
    """A macOS icon: "icns", its length, then each PNG with its type and length."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(png(size))) + png(size)
        for size, kind in ICNS_TYPES.items()
    )
    path.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)
    return path


def render_pngs() -> None:
    """Render the SVG at every size of ``SIZES`` (run after changing the SVG)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(["icons"])
    renderer = QSvgRenderer(str(ICONS / "seriktes.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / f"seriktes-{size}.png"))
    del app


if __name__ == "__main__":
    render_pngs()
    sys.exit(0)
