"""The translation catalogs, for developers and translators:

    python translations.py update    # the code's messages → seriktes.pot → kk.po and ru.po
    python translations.py compile   # kk.po, ru.po → kk.mo, ru.mo (the build does it too)
    python translations.py status    # how many messages each language has translated

``update`` finds every message in ``main.py``, ``models/``, ``exports/`` and ``ui/`` with Babel's
Python extractor, writes the template ``resources/translations/seriktes.pot`` and merges it into
``kk.po`` and ``ru.po``: a new message arrives untranslated, a changed one arrives marked fuzzy
with the old translation to review, a removed one leaves. A translator edits ``kk.po`` or
``ru.po`` with any .po editor (Poedit, Lokalize, a text editor) and runs ``update`` again.

What the extractor finds (anything else is not translated):

- the core: ``_("…")``, ``N_("…")``, ``ngettext("…", "…", n)``, ``pgettext("context", "…")``;
- the window: ``tr("…")`` and ``self.tr("…")``; ``self.tr("…", "disambiguation")``,
  ``QCoreApplication.translate("context", "…")`` and ``QT_TRANSLATE_NOOP("context", "…")``
  (a constant translated where shown) keep their context as the message's context;
- the choices' labels: ``Choice(code, "context", "Label")`` in ``models/words/choices.py``.

The text must be written out in the call (a literal, not a variable or an f-string).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.frontend import parse_keywords
from babel.messages.pofile import read_po, write_po

from models.about import VERSION
from models.words.catalogs import CATALOG_LANGUAGES, compile_catalog, mo_path, po_path
from resources import TRANSLATIONS

ROOT = Path(__file__).resolve().parent
SOURCES = ("main.py", "models", "exports", "ui")
TEMPLATE = TRANSLATIONS / "seriktes.pot"
KEYWORDS = parse_keywords(
    [
        "_",
        "N_",
        "ngettext:1,2",
        "pgettext:1c,2",
        "tr",
        "tr:1,2c,2t",
        "translate:1c,2",
        "QT_TRANSLATE_NOOP:1c,2",
        "Choice:2c,3",
    ]
)
# A comment just above a message that starts so reaches the translator: "# Translators: …".
COMMENT_TAGS = ("Translators:",)
HEADER = """\
# The messages of Seriktes, its window and its core, in {language}.
# Edit the translations (msgstr) with Poedit or any .po editor; then run
# `python translations.py update` from the top folder of Seriktes.
#"""
LANGUAGE_NAMES = {"kk": "Kazakh", "ru": "Russian"}
# Lines of a header that change on every run; a catalog that differs only there is left as is.
VOLATILE = (b'"POT-Creation-Date:', b'"PO-Revision-Date:')


def source_files() -> Iterator[Path]:
    for name in SOURCES:
        path = ROOT / name
        yield from sorted(path.rglob("*.py")) if path.is_dir() else [path]


def extract() -> Catalog:
    """Every message in the code, with where it is and its comments for translators."""
    catalog = _new_catalog(None)
    for path in source_files():
        where = path.relative_to(ROOT).as_posix()
        found = extract_from_file(
            "python",
            str(path),
            keywords=KEYWORDS,
            comment_tags=COMMENT_TAGS,
            strip_comment_tags=True,
        )
        for lineno, message, comments, context in found:
            catalog.add(message, None, [(where, lineno)], auto_comments=comments, context=context)
    return catalog


def read_catalog(code: str) -> Catalog:
    with po_path(code).open("rb") as file:
        return read_po(file, locale=code)


def update() -> None:
    """The template from the code, then each language's catalog merged with it."""
    template = extract()
    _write(TEMPLATE, template)
    for code in CATALOG_LANGUAGES:
        catalog = read_catalog(code) if po_path(code).exists() else _new_catalog(code)
        catalog.update(template)
        _write(po_path(code), catalog)


def compile_all() -> None:
    for code in CATALOG_LANGUAGES:
        compile_catalog(po_path(code), mo_path(code))


def status() -> dict[str, tuple[int, int, int]]:
    """For each language: the messages, those translated, those fuzzy."""
    counts = {}
    for code in CATALOG_LANGUAGES:
        messages = [message for message in read_catalog(code) if message.id]
        translated = [m for m in messages if _is_translated(m.string) and not m.fuzzy]
        fuzzy = [m for m in messages if m.fuzzy]
        counts[code] = (len(messages), len(translated), len(fuzzy))
    return counts


def _is_translated(string: str | tuple[str, ...]) -> bool:
    forms = string if isinstance(string, tuple | list) else (string,)
    return all(forms)


def _new_catalog(code: str | None) -> Catalog:
    language = LANGUAGE_NAMES.get(code or "", "English, the template of every language")
    return Catalog(
        locale=code,
        project="Seriktes",
        version=VERSION,
        copyright_holder="",
        header_comment=HEADER.format(language=language),
        fuzzy=False,
    )


def _write(path: Path, catalog: Catalog) -> None:
    """The catalog as a .po file: locations without line numbers, so moving code around does
    not change the catalogs; messages no longer in the code dropped."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, include_lineno=False, ignore_obsolete=True, width=100)
    text = buffer.getvalue()
    if path.exists() and _steady(path.read_bytes()) == _steady(text):
        return
    path.write_bytes(text)


def _steady(text: bytes) -> list[bytes]:
    return [line for line in text.splitlines() if not line.startswith(VOLATILE)]


def main(argv: list[str]) -> int:
    commands = {"update": update, "compile": compile_all}
    if len(argv) != 1 or argv[0] not in (*commands, "status"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    if argv[0] == "status":
        for code, (total, translated, fuzzy) in status().items():
            print(f"{code}: {translated} of {total} translated, {fuzzy} fuzzy")
        return 0
    commands[argv[0]]()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
