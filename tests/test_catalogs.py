"""The catalogs against the code: every message the window and the core show is in kk.po and
ru.po, translated, confirmed (not fuzzy), with the placeholders of its English and every plural
form of its language. A message added to the code fails here until
``python translations.py update`` brings it into the catalogs and a translator translates it."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.plurals import get_plural

import translations

LANGUAGES = ("kk", "ru")
# {name} (with a conversion or a format, {count:,}) and printf's %s, %(name)s, %r (argparse).
BRACES = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?:![rsa])?(?::[^{}]*)?\}")
PERCENT = re.compile(r"%(?:\(([A-Za-z_][A-Za-z0-9_]*)\))?[-#0 +]*\d*(?:\.\d+)?[sdrifx]")


@pytest.fixture(scope="module")
def in_code() -> list[Message]:
    return [message for message in translations.extract() if message.id]


@pytest.fixture(scope="module", params=LANGUAGES)
def catalog(request) -> Catalog:
    return translations.read_catalog(request.param)


def entries(catalog: Catalog, in_code: list[Message]) -> list[tuple[Message, Message]]:
    """Each message of the code with its entry in the catalog (the ones found)."""
    found = []
    for message in in_code:
        entry = catalog.get(message.id, message.context)
        if entry is not None and entry.id == message.id:
            found.append((message, entry))
    return found


def where(message: Message) -> str:
    places = ", ".join(sorted({path for path, _line in message.locations}))
    context = f"[{message.context}] " if message.context else ""
    return f"{context}{message.id!r} ({places})"


def forms(string: str | tuple[str, ...]) -> tuple[str, ...]:
    return tuple(string) if isinstance(string, tuple | list) else (string,)


def placeholders(text: str) -> Counter:
    found = Counter(f"{{{name}}}" for name in BRACES.findall(text))
    found.update(match.group(0) for match in PERCENT.finditer(text.replace("%%", "")))
    return found


def test_every_message_of_the_code_is_in_the_catalog(catalog, in_code):
    missing = [
        where(message)
        for message in in_code
        if (entry := catalog.get(message.id, message.context)) is None or entry.id != message.id
    ]
    assert not missing, (
        f"{len(missing)} messages are not in {catalog.locale}.po; run "
        "`python translations.py update`:\n" + "\n".join(missing)
    )


def test_every_message_is_translated(catalog, in_code):
    untranslated = [
        where(message)
        for message, entry in entries(catalog, in_code)
        if not all(forms(entry.string))
    ]
    assert not untranslated, (
        f"{len(untranslated)} messages are not translated in {catalog.locale}.po:\n"
        + "\n".join(untranslated)
    )


def test_no_translation_waits_for_review(catalog, in_code):
    # A fuzzy translation is a guess made when the English changed; the app does not show it.
    fuzzy = [where(message) for message, entry in entries(catalog, in_code) if entry.fuzzy]
    assert not fuzzy, f"{catalog.locale}.po has fuzzy translations to review:\n" + "\n".join(fuzzy)


def test_translations_keep_the_placeholders_of_their_message(catalog, in_code):
    wrong = []
    for message, entry in entries(catalog, in_code):
        english = [placeholders(text) for text in forms(message.id)]
        for text in forms(entry.string):
            if text and placeholders(text) not in english:
                wrong.append(f"{where(message)}: {text!r}")
    assert not wrong, f"{catalog.locale}.po changes placeholders:\n" + "\n".join(wrong)


def test_plurals_have_every_form_of_the_language(catalog, in_code):
    # CLDR: Russian has three forms after a number (1 организация, 2 организации,
    # 5 организаций), Kazakh two (one and other, alike for nouns: 1 ұйым, 5 ұйым).
    rules = get_plural(catalog.locale)
    assert (catalog.num_plurals, catalog.plural_expr) == (rules.num_plurals, rules.plural_expr)
    plurals = [(m, e) for m, e in entries(catalog, in_code) if isinstance(m.id, tuple)]
    assert plurals, "the code has plural messages; they must reach the catalog"
    lacking = [where(m) for m, e in plurals if len(forms(e.string)) != rules.num_plurals]
    assert not lacking, f"plural messages without {rules.num_plurals} forms:\n" + "\n".join(lacking)
