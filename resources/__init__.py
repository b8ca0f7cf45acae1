"""Icons, translations, the desktop entry and other files the app ships with."""

from pathlib import Path

HERE = Path(__file__).resolve().parent
# One gettext catalog per language (kk.po, ru.po, compiled to .mo), for the core and the window.
TRANSLATIONS = HERE / "translations"


def icon_path(name: str) -> str:
    return str(HERE / "icons" / f"{name}.svg")


def guide_path(language: str = "en") -> str:
    """The user guide in ``language`` ("kk", "ru" or "en"), an HTML file read in the app's own
    window; the English one for a language it is not written in."""
    translated = HERE / "guide" / f"guide.{language}.html"
    return str(translated if translated.exists() else HERE / "guide" / "guide.html")
