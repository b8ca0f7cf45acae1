"""Icons, the desktop entry and other files the app ships with."""

from pathlib import Path

HERE = Path(__file__).resolve().parent


def icon_path(name: str) -> str:
    return str(HERE / "icons" / f"{name}.svg")


def guide_path() -> str:
    """The user guide, an HTML file read in the app's own window."""
    return str(HERE / "guide" / "guide.html")
