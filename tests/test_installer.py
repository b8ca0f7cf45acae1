"""The bundle's build: the icons it gives Windows and macOS, made from the committed PNGs,
and the archive's name users download."""

from __future__ import annotations

import struct
import sys

from installer import build
from installer.icons import ICNS_TYPES, ICO_SIZES, SIZES, png, write_icns, write_ico
from models.about import VERSION


def test_every_icon_size_is_rendered_from_the_svg():
    for size in SIZES:
        data = png(size)
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", data[16:24]) == (size, size)


def test_the_windows_icon_holds_each_size_as_windows_reads_it(tmp_path):
    data = write_ico(tmp_path / "seriktes.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(ICO_SIZES))
    for index, size in enumerate(ICO_SIZES):
        entry = data[6 + 16 * index : 22 + 16 * index]
        width, height, _colors, _reserved, _planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", entry
        )
        assert (width or 256, height or 256, bits) == (size, size, 32)
        assert data[offset : offset + length] == png(size)


def test_the_macos_icon_holds_each_size_with_its_type(tmp_path):
    data = write_icns(tmp_path / "seriktes.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    found, at = {}, 8
    while at < len(data):
        kind, length = data[at : at + 4], struct.unpack(">I", data[at + 4 : at + 8])[0]
        found[kind] = data[at + 8 : at + length]
        at += length
    assert found == {kind: png(size) for size, kind in ICNS_TYPES.items()}


def test_the_archive_is_named_for_the_version_and_the_system(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(build.platform, "machine", lambda: "x86_64")
    assert build.archive_name() == f"Seriktes-{VERSION}-linux-x86_64.tar.gz"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(build.platform, "machine", lambda: "AMD64")
    assert build.archive_name() == f"Seriktes-{VERSION}-windows-x86_64.zip"
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(build.platform, "machine", lambda: "arm64")
    assert build.archive_name() == f"Seriktes-{VERSION}-macos-arm64.zip"
