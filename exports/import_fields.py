"""What each kind of record can take from a spreadsheet column, and the headers people write
for it in English, Russian and Kazakh.

A field's label is the label of the list column of the same key, and a list export writes it
as a header in the language it is made in; a field takes its label in every language from
the same catalogs, so a list exported in any language comes back in without any matching by
hand, and no translation can drift from what the import reads."""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from models.kinds.registry import PLURALS
from models.store.appdirs import data_dir
from models.words.choices import (
    AGREEMENT_KINDS,
    AGREEMENT_STATUSES,
    DELEGATION_DIRECTIONS,
    EVENT_KINDS,
    FIGURE_QUALIFIERS,
    ORGANIZATION_KINDS,
    ORGANIZATION_STATUSES,
    PARTICIPANT_ROLES,
    PARTICIPANT_STATUSES,
    PROGRAM_KINDS,
    PROGRAM_STATUSES,
    ChoiceSet,
)
from models.words.text import fold
from models.words.translation import N_, in_every_language


@dataclass(frozen=True)
class ImportField:
    key: str  # the value's name in the kind's editor
    label: str  # in English, marked for translation: the list column's label
    kind: str = "text"  # text, notes, date, number, choice, country, bool, names,
    # organization, person, program, participants
    choices: ChoiceSet | None = None
    synonyms: tuple[str, ...] = ()
    required: bool = False
    # Labels (in English, marked) of a column that gives the field ahead of one its other
    # headers name: a list exported in Kazakh shows names in Kazakh under "Атауы", and keeps
    # the recorded name in its "Name in English" column.
    preferred: tuple[str, ...] = ()

    @functools.cached_property
    def headers(self) -> frozenset[str]:
        """Every header (folded) that names the field: its key, its label in each language,
        and the words people write for it. Read from the catalogs on first use."""
        return frozenset(
            fold(header)
            for header in (
                self.key,
                *in_every_language(self.label),
                *self.synonyms,
                *self.preferred_headers,
            )
        )

    @functools.cached_property
    def preferred_headers(self) -> frozenset[str]:
        return frozenset(
            fold(header) for label in self.preferred for header in in_every_language(label)
        )


def _f(
    key, label, kind="text", *synonyms, choices=None, required=False, preferred=()
) -> ImportField:
    return ImportField(key, label, kind, choices, tuple(synonyms), required, tuple(preferred))


_IN_ENGLISH = (N_("Name in English"),)


# Headers used by several kinds, in the three languages.
_NAME = ("name", "наименование", "название", "атауы", "атауы", "атаулары")
_COUNTRY = ("country", "страна", "ел", "мемлекет", "государство")
_CITY = ("city", "город", "қала", "населенный пункт")
_NOTES = (
    "notes",
    "note",
    "comment",
    "comments",
    "примечание",
    "примечания",
    "комментарий",
    "ескертпе",
    "ескертулер",
)
_TAGS = ("tags", "теги", "метки", "белгілер")
_KIND = ("kind", "type", "тип", "вид", "түрі", "типі")
_STATUS = ("status", "статус", "состояние", "мәртебе", "мәртебесі")
_STARTS = (
    "starts",
    "start",
    "start date",
    "date",
    "дата",
    "дата начала",
    "начало",
    "басталуы",
    "басталған күні",
    "күні",
)
_ENDS = ("ends", "end", "end date", "дата окончания", "окончание", "аяқталуы", "аяқталған күні")
_ORGANIZATION = (
    "organization",
    "организация",
    "ұйым",
    "partner",
    "партнер",
    "партнёр",
    "серіктес",
    "место работы",
    "жұмыс орны",
)

FIELDS: dict[str, tuple[ImportField, ...]] = {
    "organization": (
        _f(
            "name",
            N_("Name"),
            "text",
            *_NAME,
            "organization",
            "организация",
            "ұйым",
            "наименование организации",
            "ұйымның атауы",
            "partner",
            "партнер",
            "серіктес",
            required=True,
            preferred=_IN_ENGLISH,
        ),
        _f(
            "short_name",
            N_("Short name"),
            "text",
            "acronym",
            "abbreviation",
            "аббревиатура",
            "сокращение",
            "краткое наименование",
            "қысқаша атауы",
            "қысқартылған атауы",
        ),
        _f("kind", N_("Kind"), "choice", *_KIND, choices=ORGANIZATION_KINDS),
        _f("country", N_("Country"), "country", *_COUNTRY),
        _f("city", N_("City"), "text", *_CITY),
        _f("status", N_("Status"), "choice", *_STATUS, choices=ORGANIZATION_STATUSES),
        _f(
            "website",
            N_("Website"),
            "text",
            "web site",
            "site",
            "url",
            "web",
            "сайт",
            "веб-сайт",
            "веб сайт",
            "интернет-сайт",
        ),
        _f(
            "name_ru",
            N_("Name in Russian"),
            "text",
            "наименование на русском",
            "название на русском",
            "наименование (рус)",
            "орысша атауы",
        ),
        _f(
            "name_kk",
            N_("Name in Kazakh"),
            "text",
            "наименование на казахском",
            "название на казахском",
            "наименование (каз)",
            "қазақша атауы",
        ),
        _f(
            "name_original",
            N_("Original name"),
            "text",
            "оригинальное название",
            "наименование на языке оригинала",
            "түпнұсқа атауы",
        ),
        _f(
            "parent",
            N_("Parent organization"),
            "organization",
            "parent",
            "головная организация",
            "вышестоящая организация",
            "аналық ұйым",
            "бас ұйым",
        ),
        _f(
            "email",
            N_("E-mail"),
            "text",
            "email",
            "e-mail address",
            "эл. почта",
            "электронная почта",
            "электрондық пошта",
        ),
        _f("phone", N_("Phone"), "text", "telephone", "tel", "телефон", "тел"),
        _f(
            "areas",
            N_("Areas of cooperation"),
            "names",
            "areas",
            "направления сотрудничества",
            "сферы сотрудничества",
            "ынтымақтастық бағыттары",
        ),
        _f("tags", N_("Tags"), "names", *_TAGS),
        _f("notes", N_("Notes"), "notes", *_NOTES),
    ),
    "person": (
        _f(
            "full_name",
            N_("Full name"),
            "text",
            "name",
            "фио",
            "ф.и.о.",
            "ф. и. о.",
            "имя",
            "аты-жөні",
            "толық аты-жөні",
            "person",
            "contact",
            "контакт",
            required=True,
        ),
        _f(
            "position",
            N_("Position"),
            "text",
            "title",
            "job title",
            "должность",
            "лауазымы",
            "қызметі",
        ),
        _f("organization", N_("Organization"), "organization", *_ORGANIZATION),
        _f(
            "email",
            N_("E-mail"),
            "text",
            "email",
            "эл. почта",
            "электронная почта",
            "электрондық пошта",
        ),
        _f("phone", N_("Phone"), "text", "telephone", "tel", "телефон"),
        _f("other_names", N_("Other spellings"), "text", "other names", "другие написания"),
        _f("tags", N_("Tags"), "names", *_TAGS),
        _f("notes", N_("Notes"), "notes", *_NOTES),
    ),
    "event": (
        # Required, or a title in another language (``importer._given``).
        _f(
            "title",
            N_("Title"),
            "text",
            *_NAME,
            "event",
            "мероприятие",
            "іс-шара",
            required=True,
            preferred=(N_("Title in English"),),
        ),
        _f(
            "title_kk",
            N_("Title in Kazakh"),
            "text",
            "название на казахском",
            "наименование на казахском",
            "қазақша атауы",
        ),
        _f(
            "title_ru",
            N_("Title in Russian"),
            "text",
            "название на русском",
            "наименование на русском",
            "орысша атауы",
        ),
        _f("kind", N_("Kind"), "choice", *_KIND, choices=EVENT_KINDS),
        _f("starts_on", N_("Starts"), "date", *_STARTS),
        _f("ends_on", N_("Ends"), "date", *_ENDS),
        _f("city", N_("City"), "text", *_CITY),
        _f("country", N_("Country"), "country", *_COUNTRY),
        _f(
            "venue",
            N_("Venue"),
            "text",
            "place",
            "место проведения",
            "место",
            "өтетін орны",
            "орны",
        ),
        _f("topics", N_("Topics"), "notes", "topic", "темы", "тема", "тақырыптар", "тақырыбы"),
        _f("summary", N_("Summary"), "notes", "описание", "краткое описание", "сипаттама"),
        _f("outcomes", N_("Outcomes"), "notes", "results", "итоги", "результаты", "нәтижелері"),
        _f("participants", N_("Participants"), "participants", "участники", "қатысушылар"),
        _f("tags", N_("Tags"), "names", *_TAGS),
        _f("notes", N_("Notes"), "notes", *_NOTES),
    ),
    "delegation": (
        _f(
            "title",
            N_("Title"),
            "text",
            *_NAME,
            "delegation",
            "делегация",
            "делегация атауы",
            required=True,
        ),
        _f(
            "direction",
            N_("Direction"),
            "choice",
            "направление",
            "бағыты",
            choices=DELEGATION_DIRECTIONS,
        ),
        _f("organization", N_("Organization"), "organization", *_ORGANIZATION),
        _f(
            "head",
            N_("Head"),
            "person",
            "head of delegation",
            "глава делегации",
            "руководитель",
            "делегация басшысы",
            "басшысы",
        ),
        _f("starts_on", N_("Starts"), "date", *_STARTS),
        _f("ends_on", N_("Ends"), "date", *_ENDS),
        _f("city", N_("City"), "text", *_CITY),
        _f("country", N_("Country"), "country", *_COUNTRY),
        _f("place", N_("Place"), "text", "место", "орны"),
        _f("purpose", N_("Purpose"), "notes", "цель", "цель визита", "мақсаты"),
        _f("agenda", N_("Agenda"), "notes", "повестка", "повестка дня", "күн тәртібі"),
        _f("outcomes", N_("Outcomes"), "notes", "results", "итоги", "результаты", "нәтижелері"),
        _f("tags", N_("Tags"), "names", *_TAGS),
        _f("notes", N_("Notes"), "notes", *_NOTES),
    ),
    "program": (
        _f(
            "name",
            N_("Name"),
            "text",
            *_NAME,
            "program",
            "программа",
            "бағдарлама",
            required=True,
            preferred=_IN_ENGLISH,
        ),
        _f(
            "name_kk",
            N_("Name in Kazakh"),
            "text",
            "название на казахском",
            "наименование на казахском",
            "қазақша атауы",
        ),
        _f(
            "name_ru",
            N_("Name in Russian"),
            "text",
            "название на русском",
            "наименование на русском",
            "орысша атауы",
        ),
        _f("short_name", N_("Short name"), "text", "acronym", "аббревиатура", "қысқаша атауы"),
        _f("kind", N_("Kind"), "choice", *_KIND, choices=PROGRAM_KINDS),
        _f("status", N_("Status"), "choice", *_STATUS, choices=PROGRAM_STATUSES),
        _f("starts_on", N_("Starts"), "date", *_STARTS),
        _f("ends_on", N_("Ends"), "date", *_ENDS),
        _f(
            "lead",
            N_("Lead organization"),
            "organization",
            "lead",
            "ведущая организация",
            "оператор",
            "жетекші ұйым",
        ),
        _f("budget", N_("Budget"), "number", "бюджет", "сумма", "сомасы"),
        _f("currency", N_("Currency"), "text", "валюта", "валютасы"),
        _f("areas", N_("Areas of cooperation"), "names", "areas", "направления", "бағыттары"),
        _f("description", N_("Description"), "notes", "описание", "сипаттамасы"),
        _f("tags", N_("Tags"), "names", *_TAGS),
        _f("notes", N_("Notes"), "notes", *_NOTES),
    ),
    "agreement": (
        _f(
            "title",
            N_("Title"),
            "text",
            *_NAME,
            "agreement",
            "соглашение",
            "келісім",
            required=True,
        ),
        _f("kind", N_("Kind"), "choice", *_KIND, choices=AGREEMENT_KINDS),
        _f(
            "reference_number",
            N_("Reference"),
            "text",
            "reference number",
            "number",
            "номер",
            "регистрационный номер",
            "нөмірі",
        ),
        _f(
            "signed_on",
            N_("Signed"),
            "date",
            "signing date",
            "date signed",
            "date",
            "дата подписания",
            "дата",
            "қол қойылған күні",
        ),
        _f(
            "effective_on",
            N_("Effective"),
            "date",
            "effective date",
            "дата вступления в силу",
            "күшіне енген күні",
        ),
        _f(
            "expires_on",
            N_("Expires"),
            "date",
            "expiry date",
            "valid until",
            "срок действия",
            "действует до",
            "дата окончания",
            "мерзімі",
            "қолданылу мерзімі",
        ),
        _f("status", N_("Status"), "choice", *_STATUS, choices=AGREEMENT_STATUSES),
        _f("parties", N_("Parties"), "names", "party", "стороны", "сторона", "тараптар"),
        _f("tags", N_("Tags"), "names", *_TAGS),
        _f("notes", N_("Notes"), "notes", *_NOTES),
    ),
    "figure": (
        _f(
            "measure",
            N_("What is measured"),
            "text",
            "what",
            "indicator",
            "measure",
            "показатель",
            "индикатор",
            "көрсеткіш",
            required=True,
        ),
        _f("value", N_("Value"), "number", "значение", "мәні", "число", "саны", required=True),
        _f(
            "qualifier",
            N_("Qualifier"),
            "choice",
            "precision",
            "точность",
            choices=FIGURE_QUALIFIERS,
        ),
        _f("unit", N_("Unit"), "text", "единица", "единица измерения", "ед. изм.", "өлшем бірлігі"),
        _f("as_of", N_("As of"), "date", "date", "на дату", "дата", "күні"),
        _f("period_label", N_("Period"), "text", "период", "кезең"),
        _f("country", N_("Country"), "country", *_COUNTRY),
        _f("organization", N_("Organization"), "organization", *_ORGANIZATION),
        _f("program", N_("Program"), "program", "программа", "бағдарлама"),
        _f("tags", N_("Tags"), "names", *_TAGS),
        _f("notes", N_("Notes"), "notes", *_NOTES),
    ),
}

# A second sheet beside events, one row per participant: which event, who, in what role.
FIELDS["participant"] = (
    _f(
        "event",
        N_("Event"),
        "text",
        "title",
        "event title",
        "мероприятие",
        "название",
        "название мероприятия",
        "іс-шара",
        "атауы",
        required=True,
    ),
    _f(
        "name",
        N_("Participant"),
        "text",
        "name",
        "participant",
        "person",
        "organization",
        "участник",
        "фио",
        "организация",
        "қатысушы",
        "ұйым",
        required=True,
    ),
    _f("role", N_("Role"), "choice", "роль", "рөлі", choices=PARTICIPANT_ROLES),
    _f("status", N_("Status"), "choice", *_STATUS, choices=PARTICIPANT_STATUSES),
)

KIND_LABELS = {
    "organization": N_("Organizations"),
    "person": N_("People"),
    "event": N_("Events"),
    "delegation": N_("Delegations"),
    "program": N_("Programs"),
    "agreement": N_("Agreements"),
    "figure": N_("Key figures"),
}

# The command line names kinds in the plural, as the export command does; sources are not
# imported.
KIND_NAMES = {plural: kind for plural, kind in PLURALS.items() if kind != "source"}

Mapping = dict[int, str]  # column number → field key


def match_headers(kind: str, headers: list[object]) -> Mapping:
    """Columns whose header names a field, each field taken once: a column under one of the
    field's preferred headers first, then the first column winning."""
    mapping: Mapping = {}
    taken: set[str] = set()
    folded = [fold(str(header)) if header is not None else "" for header in headers]
    for column, text in enumerate(folded):
        for spec in FIELDS[kind]:
            if spec.key not in taken and text in spec.preferred_headers:
                mapping[column] = spec.key
                taken.add(spec.key)
                break
    for column, text in enumerate(folded):
        if column in mapping:
            continue
        for spec in FIELDS[kind]:
            if spec.key not in taken and text in spec.headers:
                mapping[column] = spec.key
                taken.add(spec.key)
                break
    return mapping


def find_header_row(kind: str, rows: list[list[object]], look: int = 10) -> int:
    """The row that names the most fields among the first few: exports put a title and a
    line about the selection above their header."""
    best, best_count = 0, -1
    for index, row in enumerate(rows[:look]):
        count = len(match_headers(kind, row))
        if count > best_count:
            best, best_count = index, count
    return best


def _memory_file() -> Path:
    return data_dir() / "import-mappings.json"


def _signature(kind: str, headers: list[object]) -> str:
    text = kind + "\x1f" + "\x1f".join(fold(str(h)) if h is not None else "" for h in headers)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def remembered_mapping(kind: str, headers: list[object]) -> Mapping | None:
    """The matching the user last chose for a file with exactly these headers."""
    try:
        saved = json.loads(_memory_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    known = {spec.key for spec in FIELDS[kind]}
    chosen = saved.get(_signature(kind, headers))
    if not isinstance(chosen, dict):
        return None
    return {int(column): key for column, key in chosen.items() if key in known}


def remember_mapping(kind: str, headers: list[object], mapping: Mapping) -> None:
    path = _memory_file()
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(saved, dict):
            saved = {}
    except (OSError, ValueError):
        saved = {}
    saved[_signature(kind, headers)] = {str(c): key for c, key in mapping.items()}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(saved, ensure_ascii=False, indent=1), encoding="utf-8")
    except OSError:
        pass  # remembering is a convenience: an import never fails for it
