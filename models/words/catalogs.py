"""The translation catalogs: one gettext catalog per language in ``resources/translations``,
edited as ``kk.po`` and ``ru.po`` and read compiled (``.mo``). It holds the messages of the
core and of the window alike.

An installed Seriktes ships the ``.mo`` files its build compiled (``setup.py``). Run from a
checkout, a ``.po`` that has no ``.mo`` yet, or one older than it, is compiled when it is first
loaded and the ``.mo`` is kept beside it (git ignores it), so only the first start after an
edit pays for Babel.
"""

from __future__ import annotations

import functools
import gettext
import io
import logging
import os
from pathlib import Path

from resources import TRANSLATIONS

log = logging.getLogger(__name__)

# English is the language of the source: it needs no catalog.
CATALOG_LANGUAGES = ("kk", "ru")


def po_path(code: str) -> Path:
    return TRANSLATIONS / f"{code}.po"


def mo_path(code: str) -> Path:
    return TRANSLATIONS / f"{code}.mo"


def compile_catalog(po: Path, mo: Path | None = None) -> bytes:
    """The compiled form of the catalog ``po``, written to ``mo`` when given. Fuzzy entries
    are left out: a translation a translator has not confirmed is not shown."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as source:
        catalog = read_po(source, locale=po.stem)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    compiled = buffer.getvalue()
    if mo is not None:
        _write(mo, compiled)
    return compiled


def _write(mo: Path, compiled: bytes) -> None:
    """Written aside and moved into place: another start reading the catalog meanwhile never
    sees half of it."""
    mo.parent.mkdir(parents=True, exist_ok=True)
    aside = mo.with_name(f".{mo.name}.{os.getpid()}")
    aside.write_bytes(compiled)
    os.replace(aside, mo)


@functools.cache
def load_catalog(code: str) -> gettext.NullTranslations:
    """The catalog of the language ``code``; an empty one (English) when it has none."""
    po, mo = po_path(code), mo_path(code)
    try:
        if po.exists() and (not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime):
            compiled = compile_catalog(po)
            try:
                _write(mo, compiled)
            except OSError:
                log.info("%s cannot be written; the catalog is compiled at each start", mo)
            return gettext.GNUTranslations(io.BytesIO(compiled))
        with mo.open("rb") as file:
            return gettext.GNUTranslations(file)
    except (OSError, ValueError) as error:
        log.warning("The %s catalog cannot be read (%s); messages stay in English", code, error)
        return gettext.NullTranslations()
