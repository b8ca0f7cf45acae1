"""A civil servant who reads no English does all of their work in Kazakh or in Russian: the
window, started in either language on the sample records, shows no English word on any page,
form, tab, menu or dialog (see ``walk.py``); switched to the other language while it runs, it
shows none either, nor any text left in the language before.

A word of three or more Latin letters is English unless it is on the allow-list below, which
says why each may stay; a record's own words (names and titles of the sample records, which
are partly English) may stay where a record is shown, but not the interface's words there."""

from __future__ import annotations

import getpass
import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale

import translations
from models.sample import load_sample_records
from models.store.database import close_database, open_database
from models.store.records import Country
from models.trash import move_to_trash
from models.words.translation import LANGUAGE_NAMES
from resources import HERE as RESOURCES
from tests.ui.walk import Seen, walk_window
from ui.app import build_window
from ui.translator import install_language

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
# Written as they are in every language: e-mail and web addresses, file names and patterns,
# keys (Ctrl+N, Alt+Left, F1), placeholders of a format (dd.mm.yyyy is translated).
VERBATIM = re.compile(
    r"\S+@\S+|(?:https?://|www\.)\S+|\b[\w-]+\.(?:kz|org|com|ru)\b\S*|\*\.\w+|\.\w+\b"
    r"|\b[\w-]+\.(?:db|sqlite|xlsx|xls|ods|csv|pdf|log)\b|(?:/[\w.@+-]+)+/?"
    r"|\b(?:Ctrl|Alt|Shift|Meta)\+\S+|\bF\d+\b|\((?:Delete|Esc|Enter|Home|Page Up|Page Down)\)"
)
# A name or a title quoted in a sentence (“CSIC”, “Council of Strategic Partners”) is a
# record's own words: checked as a record is.
QUOTED = re.compile(r"“.*”|«.*»")
# What a delete takes with it: “• 2 key figures will no longer have this source: …” lists the
# records by their titles after the colon, a record's own words too.
LISTED = re.compile(r"(?<=^• )[^:\n]+: (.*)$", re.M)
ALLOWED = {
    # The product's name, and English named in itself among the languages to choose.
    "seriktes",
    "english",
    # Programs and file formats as their makers name them.
    "excel",
    "pdf",
    "csv",
    "png",
    "svg",
    # "e-mail", as Kazakh and Russian write it too.
    "mail",
    "ics",
    "icalendar",
    "python",
    "pyside",
    "linux",
    # Keys written on every keyboard, as Qt names them in every language.
    "esc",
    "enter",
    "del",
    "tab",
    # Names from the department's own examples in hints and placeholders: the partners and
    # programs the articles speak of, a publisher, currencies' codes (KZT, USD), and a
    # country typed in English to show that any language finds it.
    "istc",
    "csic",
    "sana",
    "orta",
    "horizon",
    "europe",
    "qazinform",
    "dknews",
    "kzt",
    "usd",
    "eur",
    "cny",
    "spain",
}
KAZAKH_LETTERS = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")


@pytest.fixture(scope="module")
def interface_words() -> set[str]:
    """Every English word of the interface: the words of the catalog's messages."""
    words = set()
    for message in translations.extract():
        for text in message.id if isinstance(message.id, tuple) else (message.id,):
            words.update(word.lower() for word in LATIN_WORD.findall(text))
    return words


@pytest.fixture
def sample_window(qapp, qtbot, database_target, settings, tmp_path, monkeypatch):
    """The window on the sample records, with one of them in the trash, in a language given."""
    open_database(database_target)
    load_sample_records()
    move_to_trash("source", 1)
    close_database()
    locale = QLocale()
    windows = []

    def start(code: str):
        install_language(qapp, code)
        window = build_window(database_target, settings)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield start
    for window in windows:
        window.close()
    close_database()
    install_language(qapp, "en")
    QLocale.setDefault(locale)


def data_words(tmp: Path) -> set[str]:
    """The sample records' own words, and the countries' names in English, which a record or
    a country shown may hold."""
    records = json.loads((RESOURCES / "sample" / "records.json").read_text(encoding="utf-8"))
    words = {word.lower() for word in LATIN_WORD.findall(json.dumps(records, ensure_ascii=False))}
    for country in Country.select(Country.name_en):
        words.update(word.lower() for word in LATIN_WORD.findall(country.name_en))
    words.add(getpass.getuser().lower())  # who made and changed the records
    # The user's folders, which a file dialog shows.
    for part in (*Path(tmp).parts, *Path.home().parts):
        words.update(word.lower() for word in LATIN_WORD.findall(part))
    return words


def english(seen: list[Seen], interface: set[str], data: set[str]) -> list[str]:
    """Each English word shown, where, in what text."""
    found = set()
    quoted = [
        Seen(i.where, q, True)
        for i in seen
        if not i.data
        for q in [*QUOTED.findall(i.text), *LISTED.findall(i.text)]
    ]
    for item in [*seen, *quoted]:
        text = item.text if item.data else QUOTED.sub(" ", item.text)
        if not item.data:
            text = re.sub(r"^(• [^:\n]+:).*$", r"\1", text, flags=re.M)
        words = []
        for word in LATIN_WORD.findall(VERBATIM.sub(" ", text)):
            lower = word.lower()
            if lower in ALLOWED:
                continue
            if item.data and (lower not in interface or lower in data):
                continue  # a record's own word
            words.append(word)
        if words:
            found.add(f"{item.where}: {' '.join(words)} — in {item.text[:160]!r}")
    return sorted(found)


def left_from(seen: list[Seen], before: str, now: str) -> list[str]:
    """The interface's texts still in the language ``before`` after a change to ``now``:
    Kazakh letters in Russian, or a Russian translation that is not also the Kazakh one."""
    # Each language is named in itself in every language (Қазақша, Русский).
    seen = [i for i in seen if i.text not in LANGUAGE_NAMES.values()]
    if before == "kk":
        return sorted(
            {
                f"{i.where}: {i.text[:120]!r}"
                for i in seen
                if not i.data and KAZAKH_LETTERS.search(i.text)
            }
        )
    russian = {m.string for m in translations.read_catalog(before) if m.id and m.string}
    kazakh = {m.string for m in translations.read_catalog(now) if m.id and m.string}
    return sorted(
        {f"{i.where}: {i.text[:120]!r}" for i in seen if not i.data and i.text in russian - kazakh}
    )


@pytest.mark.parametrize(("first", "then"), [("kk", "ru"), ("ru", "kk")])
def test_no_english_is_left_in_kazakh_and_russian_before_and_after_a_switch(
    sample_window, qtbot, monkeypatch, tmp_path, interface_words, first, then
):
    window = sample_window(first)
    words = data_words(tmp_path)
    seen = walk_window(window, qtbot, monkeypatch, tmp_path)
    assert len(seen) > 1500  # the walk read the whole window
    left = english(seen, interface_words, words)
    assert not left, f"{len(left)} English words in {first}:\n" + "\n".join(left)

    window.choose_language(then)
    # Back in the event loop, as after a user's choice: what the window made before is gone.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    seen = walk_window(window, qtbot, monkeypatch, tmp_path)
    left = english(seen, interface_words, words)
    assert not left, f"{len(left)} English words after switching to {then}:\n" + "\n".join(left)
    stale = left_from(seen, first, then)
    assert not stale, f"{len(stale)} texts left in {first} after switching to {then}:\n" + (
        "\n".join(stale)
    )
