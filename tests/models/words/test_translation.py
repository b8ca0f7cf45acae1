"""The core's messages in Kazakh, Russian and English, without Qt: plurals by each language's
rules, the language chosen by --language, else the user's choice, else the system's, and the
catalogs compiled from their .po when a checkout has no .mo yet."""

from __future__ import annotations

import gettext
import json
import os
import shutil

import pytest

from models.store import preferences
from models.store.records import Organization, Person
from models.words import catalogs
from models.words.choices import (
    AGREEMENT_STATUSES,
    ORGANIZATION_KINDS,
    ORGANIZATION_STATUSES,
    PROGRAM_STATUSES,
)
from models.words.labels import count_text
from models.words.translation import (
    _,
    language,
    ngettext,
    resolve_language,
    save_language,
    saved_language,
    set_language,
    system_language,
)


def organizations(count: int) -> str:
    return ngettext("{count} organization", "{count} organizations", count).format(count=count)


@pytest.mark.parametrize(
    ("code", "counted"),
    [
        ("ru", {1: "1 организация", 2: "2 организации", 5: "5 организаций", 21: "21 организация",
                11: "11 организаций", 22: "22 организации", 111: "111 организаций"}),
        ("kk", {1: "1 ұйым", 2: "2 ұйым", 5: "5 ұйым", 21: "21 ұйым"}),
        ("en", {1: "1 organization", 2: "2 organizations", 5: "5 organizations",
                21: "21 organizations"}),
    ],
)  # fmt: skip
def test_a_count_takes_the_plural_form_of_the_language(code, counted):
    set_language(code)
    assert language() == code
    assert {count: organizations(count) for count in counted} == counted


def test_a_count_of_records_is_written_with_the_languages_forms_and_spaces():
    set_language("ru")
    assert count_text(Person, 12) == "12 персон"
    assert count_text(Organization, 1130) == "1\u202f130 организаций"
    set_language("kk")
    assert count_text(Person, 12) == "12 тұлға"


def test_english_needs_no_catalog_and_shows_the_messages_as_written():
    set_language("ru")
    set_language("en")
    message = "{database}: sample records created ({counts})."
    assert _(message) == message


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError):
        set_language("de")


def test_choice_labels_follow_the_language_and_their_context():
    set_language("ru")
    # One English word, two Russian ones: a partner is «Активный», a program «Действует».
    assert ORGANIZATION_STATUSES.label("active") == "Активный"
    assert PROGRAM_STATUSES.label("active") == "Действует"
    assert AGREEMENT_STATUSES.label("in_force") == "Действует"
    set_language("kk")
    assert ORGANIZATION_KINDS.label("research") == "Ғылыми ұйым"
    assert PROGRAM_STATUSES.label("active") == "Жүзеге асырылуда"
    set_language("en")
    assert ORGANIZATION_KINDS.label("research") == "Research organization"
    assert ORGANIZATION_KINDS.label("unknown") == "unknown"
    # A label in another language than the one shown, as sample data in Russian needs.
    assert AGREEMENT_STATUSES.label("negotiating", "ru") == "На согласовании"
    assert AGREEMENT_STATUSES.label("negotiating", "kk") == "Келіссөз жүргізілуде"
    assert AGREEMENT_STATUSES.label("negotiating", "en") == "Negotiating"


@pytest.mark.parametrize("shown", ["en", "ru", "kk"])
def test_an_import_reads_a_label_in_any_of_the_three_languages(shown):
    set_language(shown)
    for typed in ("Research organization", "научная организация", "ҒЫЛЫМИ ҰЙЫМ", "research"):
        assert ORGANIZATION_KINDS.find(typed) == "research"
    assert PROGRAM_STATUSES.find("Действует") == "active"
    assert ORGANIZATION_STATUSES.find("Действует") is None
    assert ORGANIZATION_KINDS.find("Universität") is None


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"LANG": "kk_KZ.UTF-8"}, "kk"),
        ({"LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LANG": "ru_KZ.UTF-8"}, "ru"),
        ({"LC_ALL": "kk_KZ", "LANG": "en_US.UTF-8"}, "kk"),
        ({"LANGUAGE": "de:ru:en", "LANG": "de_DE.UTF-8"}, "ru"),
        ({"LANGUAGE": "en_GB:kk", "LANG": "kk_KZ.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LC_MESSAGES": "Russian_Russia.1251"}, "ru"),
    ],
)
def test_the_system_language_is_kazakh_or_russian_when_the_system_is(
    monkeypatch, environment, expected
):
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    assert system_language() == expected


def test_the_language_asked_for_comes_before_the_users_choice_before_the_system(monkeypatch):
    monkeypatch.setenv("LANGUAGE", "kk")
    assert saved_language() is None
    assert resolve_language() == "kk"
    save_language("ru")
    assert saved_language() == "ru"
    assert resolve_language() == "ru"
    assert resolve_language("en") == "en"
    assert resolve_language("xx") == "ru"


def test_the_choice_is_kept_in_a_small_file_of_the_users_config_folder(private_folders):
    save_language("kk")
    path = preferences.preferences_path()
    assert path.is_relative_to(private_folders)
    assert json.loads(path.read_text("utf-8")) == {"language": "kk"}
    preferences.write_preference("other", 1)
    save_language("ru")
    assert json.loads(path.read_text("utf-8")) == {"language": "ru", "other": 1}


@pytest.mark.parametrize("content", ["{not json", '["kk"]', '{"language": "de"}', ""])
def test_a_damaged_preferences_file_leaves_the_system_language(monkeypatch, content):
    monkeypatch.setenv("LANGUAGE", "ru")
    path = preferences.preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, "utf-8")
    assert saved_language() is None
    assert resolve_language() == "ru"


@pytest.fixture
def checkout(tmp_path, monkeypatch):
    """A copy of the catalogs as a checkout has them: the .po files, no .mo yet."""
    folder = tmp_path / "translations"
    folder.mkdir()
    for code in catalogs.CATALOG_LANGUAGES:
        shutil.copy(catalogs.po_path(code), folder)
    monkeypatch.setattr(catalogs, "TRANSLATIONS", folder)
    catalogs.load_catalog.cache_clear()
    yield folder
    catalogs.load_catalog.cache_clear()


def test_a_checkout_compiles_a_catalog_once_and_keeps_it(checkout):
    catalog = catalogs.load_catalog("kk")
    assert catalog.pgettext("organization status", "Active") == "Белсенді"
    compiled = checkout / "kk.mo"
    assert compiled.exists()
    with compiled.open("rb") as file:
        kept = gettext.GNUTranslations(file)
    assert kept.pgettext("organization status", "Active") == "Белсенді"


def test_a_catalog_edited_after_it_was_compiled_is_compiled_again(checkout):
    catalogs.load_catalog("ru")
    po, mo = checkout / "ru.po", checkout / "ru.mo"
    po.write_text(
        po.read_text("utf-8").replace('msgstr "Активный"', 'msgstr "Действующий"'), "utf-8"
    )
    past = mo.stat().st_mtime - 60
    os.utime(mo, (past, past))
    catalogs.load_catalog.cache_clear()
    assert catalogs.load_catalog("ru").pgettext("organization status", "Active") == "Действующий"
    assert mo.stat().st_mtime > past


def test_a_catalog_that_cannot_be_written_beside_its_po_is_compiled_in_memory(checkout):
    # Where the .mo would go stands something that is not a file (a folder of that name).
    blocked = checkout / "kk.mo"
    blocked.mkdir()
    os.utime(blocked, (0, 0))
    assert catalogs.load_catalog("kk").pgettext("organization status", "Active") == "Белсенді"
    assert blocked.is_dir()


def test_a_missing_catalog_leaves_the_messages_in_english(checkout):
    (checkout / "ru.po").unlink()
    set_language("ru")
    assert ORGANIZATION_STATUSES.label("active") == "Active"
