"""Translations of the core: the messages ``models/`` and ``exports/`` show (validation,
refusals, report titles, column labels), in the language the user chose, with no Qt.

Every message is one sentence with named placeholders, filled after it is translated:
``_("“{name}” is already recorded.").format(name=...)``; the order of words differs between
Kazakh, Russian and English. A count goes through ``ngettext``, which picks the plural form of
the language (three in Russian). A text defined before any language is chosen (a column
label, a module constant) is marked with ``N_`` and translated with ``_`` where it is shown.

The messages live in one gettext catalog per language (``models/words/catalogs.py``), which
the window's ``tr()`` reads too (``ui/translator.py``). The language is set at start, before
any message is made: ``--language``, else the user's choice saved in the preferences file
(which the commands read without Qt), else the system's; the window may change it later.
"""

from __future__ import annotations

import gettext
import locale
import os
import sys

from models.store.preferences import read_preference, write_preference
from models.words.catalogs import load_catalog

# The languages of the interface, each named in itself (a list of languages is read by someone
# who may not read the language it is shown in).
LANGUAGES = ("kk", "ru", "en")
LANGUAGE_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
# The locale of each language, for dates and numbers: British English writes the day before
# the month, as dd.mm.yyyy does.
LOCALES = {"kk": "kk_KZ", "ru": "ru_RU", "en": "en_GB"}
LANGUAGE_PREFERENCE = "language"

_catalog: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def _(message: str) -> str:
    """The message in the current language."""
    return _catalog.gettext(message)


def N_(message: str) -> str:  # noqa: N802 - the name translators' tools look for
    """Mark a message for translation where it is defined; ``_`` translates it where shown."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for ``count`` in the current language."""
    return _catalog.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """A message whose translation depends on where it stands ("Name" of a person, of an
    organization)."""
    return _catalog.pgettext(context, message)


def in_every_language(message: str, context: str | None = None) -> set[str]:
    """``message`` as each language writes it (English, Kazakh, Russian): what a header, a
    label or a value written in any of them may be read back by."""
    catalogs = [load_catalog(code) for code in LANGUAGES if code != "en"]
    if context is None:
        return {message, *(catalog.gettext(message) for catalog in catalogs)}
    return {message, *(catalog.pgettext(context, message) for catalog in catalogs)}


def language() -> str:
    """The code of the current language: "kk", "ru" or "en"."""
    return _language


def use_catalog(code: str, catalog: gettext.NullTranslations) -> None:
    """Make ``catalog`` the current translations, for the language ``code``."""
    global _catalog, _language
    _catalog, _language = catalog, code


def set_language(code: str) -> None:
    """Translate every message from now on into the language ``code`` ("kk", "ru" or "en")."""
    if code not in LANGUAGES:
        raise ValueError(f"no such language: {code!r}")
    use_catalog(code, gettext.NullTranslations() if code == "en" else load_catalog(code))


def resolve_language(requested: str | None = None) -> str:
    """The language to start in: the one asked for (``--language``), else the one the user
    chose, else the system's."""
    for code in (requested, saved_language()):
        if code in LANGUAGES:
            return code
    return system_language()


def saved_language() -> str | None:
    """The language the user chose in the window, if any."""
    code = read_preference(LANGUAGE_PREFERENCE)
    return code if code in LANGUAGES else None


def save_language(code: str) -> None:
    if code not in LANGUAGES:
        raise ValueError(f"no such language: {code!r}")
    write_preference(LANGUAGE_PREFERENCE, code)


def system_language() -> str:
    """Kazakh or Russian when the system speaks it, else English. The first of the system's
    languages that Seriktes has decides (``LANGUAGE=de:ru`` gives Russian)."""
    for name in _system_locales():
        code = _language_of(name)
        if code:
            return code
    return "en"


def _system_locales() -> list[str]:
    # The variables gettext reads, in its order; the first one set decides.
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return value.split(":") if variable == "LANGUAGE" else [value]
    if sys.platform == "win32":
        # Windows keeps the language of its interface apart from the locale of formats.
        import ctypes

        language_id = ctypes.windll.kernel32.GetUserDefaultUILanguage()
        return [locale.windows_locale.get(language_id, "")]
    return [locale.getlocale()[0] or ""]


def _language_of(name: str) -> str | None:
    """ "kk_KZ.UTF-8", "ru-RU", "Russian_Russia" → the code, or None for another language."""
    head = name.strip().lower().replace("-", "_").split(".")[0].split("@")[0].split("_")[0]
    head = {"kazakh": "kk", "russian": "ru", "english": "en"}.get(head, head)
    return head if head in LANGUAGES else None
