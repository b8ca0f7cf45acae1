"""Icons, translations, the desktop entry and other files the app ships with."""

from pathlib import Path

HERE = Path(__file__).resolve().parent
# One gettext catalog per language (kk.po, ru.po, compiled to .mo), for the core and the window.
TRANSLATIONS = HERE / "translations"


def icon_path(name: str) -> str:
    return str(HERE / "icons" / f"{name}.svg")


def guide_path() -> str:
    """The user guide, an HTML file read in the app's own window."""
    return str(HERE / "guide" / "guide.html")
