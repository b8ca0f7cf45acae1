"""The window's language: Qt's ``tr()`` answered from Seriktes's gettext catalogs, Qt's own
words (standard buttons, file dialogs, a text field's menu) from the catalogs Qt ships, and
dates and numbers in the language's locale.

``install_language(app, code)`` sets all of it, and the core's language with it; called again,
it takes the previous translators away first, so the language can change while the app runs.
Qt then sends every widget a ``LanguageChange`` event.
"""

from __future__ import annotations

import gettext

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from models.words.catalogs import load_catalog
from models.words.translation import LOCALES, language, save_language, set_language

# Translators installed by the last install_language, to be taken away by the next.
_installed: list[QTranslator] = []


class CatalogTranslator(QTranslator):
    """Answers ``tr()`` from a gettext catalog: the message in its context first (a context
    the code gave: ``self.tr("Name", "person")``, ``QCoreApplication.translate("program
    status", "Active")``, or the class asking), then the message without one, as the
    extractor finds ``tr("…")`` without knowing the class it is in. Counts go through the
    core's ``ngettext`` in the window too: Qt's ``%n`` plurals have no place in a gettext
    catalog."""

    def __init__(self, catalog: gettext.NullTranslations, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog

    def translate(
        self,
        context: str,
        source: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        if not source:
            return None
        for where in (disambiguation, context):
            if where:
                text = self._catalog.pgettext(where, source)
                if text != source:
                    return text
        if _is_qt_context(context):
            # Qt's own words ("Home" is a key on the keyboard to QShortcut) are Qt's catalog's.
            return None
        text = self._catalog.gettext(source)
        # None, not "": Qt takes an empty text as the translation; None lets the next
        # translator answer, and in the end the source itself is shown.
        return text if text != source else None

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        # Qt sends LanguageChange only for a translator that is not empty.
        return False


def _is_qt_context(context: str) -> bool:
    return len(context) > 1 and context[0] == "Q" and context[1].isupper()


def qt_translator(code: str) -> QTranslator | None:
    """Qt's own catalog of the language (``qtbase_kk.qm``), or None when Qt ships none."""
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return translator if translator.load(f"qtbase_{code}", folder) else None


def install_language(app: QCoreApplication, code: str) -> None:
    """Show the window, Qt's own words and the core's messages in the language ``code``."""
    set_language(code)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    # Month and weekday names in calendars, and numbers, in the language too.
    QLocale.setDefault(QLocale(LOCALES[code]))
    if code == "en":
        return
    # The translator installed last is asked first: Seriktes's own catalog, then Qt's.
    for translator in (qt_translator(code), CatalogTranslator(load_catalog(code), app)):
        if translator is not None:
            app.installTranslator(translator)
            _installed.append(translator)


def choose_language(code: str) -> None:
    """The user chose the language ``code`` (in Preferences, the Language menu, the
    welcome): it is kept for the next start and for the commands, and shown at once; every
    window follows Qt's ``LanguageChange`` (the main window makes its contents again)."""
    save_language(code)
    app = QCoreApplication.instance()
    if app is not None and code != language():
        install_language(app, code)
