"""Translations of the core: the messages ``models/`` and ``exports/`` show (validation,
refusals, report titles, column labels), in the language the user chose, with no Qt.

Every message is one sentence with named placeholders, filled after it is translated:
``_("“{name}” is already recorded.").format(name=...)``; the order of words differs between
Kazakh, Russian and English. A count goes through ``ngettext``, which picks the plural form of
the language (three in Russian). A text defined before any language is chosen (a column
label, a module constant) is marked with ``N_`` and translated with ``_`` where it is shown.
"""

from __future__ import annotations

import gettext

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


def language() -> str:
    """The code of the current language: "kk", "ru" or "en"."""
    return _language


def use_catalog(code: str, catalog: gettext.NullTranslations) -> None:
    """Make ``catalog`` the current translations, for the language ``code``."""
    global _catalog, _language
    _catalog, _language = catalog, code
