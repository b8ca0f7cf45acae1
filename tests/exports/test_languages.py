"""Workbooks in Kazakh, Russian and English, made as the window makes them (the language set,
then the export function): every list and every report checked cell by cell (title, the line
saying what was selected and when, headers, sheet names, choices, countries, dates), and
every list exported in a language imported back, in another, as the same records."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from decimal import Decimal

import pytest

from exports import reports
from exports.import_fields import FIELDS, match_headers
from exports.importer import apply_import, preview_import
from exports.lists import export_list
from exports.spreadsheet_reader import read_workbook
from models.kinds.all_kinds import EDITORS_BY_KIND, LISTS_BY_KIND
from models.listing import ListRequest
from models.store.database import close_database, open_database
from models.words.translation import set_language

from .export_records import (
    HEADER_ROW,
    ISTC_KK,
    ISTC_RU,
    NU_KK,
    TODAY,
    day,
    header,
    open_book,
    seed,
    table,
)

LANGUAGES = ("kk", "ru", "en")
AUTHOR = "Aigerim Seitova"
ISTC = "International Science and Technology Center (ISTC)"
# A report names a record in the language it is written in, where the record has that name.
ISTC_IN = {"ru": f"{ISTC_RU} (ISTC)", "kk": f"{ISTC_KK} (ISTC)"}
# Characters Excel refuses in a sheet's name.
NOT_IN_A_SHEET_NAME = re.compile(r"[:\\/?*\[\]]")


@pytest.fixture
def records(database):
    return seed()


def made_line(code: str) -> re.Pattern:
    """The end of every selection line: when the workbook was made, and by whom."""
    when = r"\d\d\.\d\d\.\d{4} \d\d:\d\d"
    said = {
        "en": rf"Made {when} by {AUTHOR}\.",
        "ru": rf"Создано {when}, автор: {AUTHOR}\.",
        "kk": rf"Жасалған уақыты: {when}, авторы: {AUTHOR}\.",
    }
    return re.compile(said[code] + "$")


def check_sheets(book, code: str, names: list[str]) -> None:
    """The sheets are named in the language, as Excel takes a name, and every one has its
    title, its selection line ending with when and by whom, and its frozen header."""
    assert book.sheetnames == names
    for ws in book.worksheets:
        assert len(ws.title) <= 31 and not NOT_IN_A_SHEET_NAME.search(ws.title), ws.title
        assert ws["A1"].value and ws["A1"].font.b, ws.title
        assert made_line(code).search(ws["A2"].value), ws["A2"].value
        assert ws.freeze_panes == f"A{HEADER_ROW + 1}", ws.title


def rows_by_first(ws) -> dict:
    return {row[0]: row for row in table(ws)}


# -- lists ---------------------------------------------------------------------------------------

# A list in Kazakh or Russian names its records in the language, and keeps their names in
# each language after the columns shown, so that it imports back as the same records.
ORGANIZATION_HEADERS = {
    "en": ["Name", "Short name", "Kind", "Country", "City", "Status", "Website"],
    "ru": ["Название", "Краткое название", "Вид", "Страна", "Город", "Статус", "Сайт"]
    + ["Название на английском", "Название на казахском", "Название на русском"],
    "kk": ["Атауы", "Қысқаша атауы", "Түрі", "Ел", "Қала", "Мәртебесі", "Сайты"]
    + ["Ағылшынша атауы", "Қазақша атауы", "Орысша атауы"],
}
CSIC_ROW = {
    "en": ("Research organization", "Spain", "Active"),
    "ru": ("Научная организация", "Испания", "Активный"),
    "kk": ("Ғылыми ұйым", "Испания", "Белсенді"),
}
ORGANIZATIONS_SELECTED = {
    "en": "Search “university”; country: Kazakhstan. Sorted by name, descending. 1 organization. ",
    "ru": "Поиск: «university»; страна: Казахстан. Сортировка: название, по убыванию. "
    "1 организация. ",
    "kk": "Іздеу: «university»; ел: Қазақстан. Сұрыптау: атауы, кему ретімен. 1 ұйым. ",
}
LIST_TITLES = {
    "en": ["Organizations", "People", "Events", "Delegations", "Programs", "Agreements"]
    + ["Key figures", "Sources"],
    "ru": ["Организации", "Персоны", "Мероприятия", "Делегации", "Программы", "Соглашения"]
    + ["Ключевые показатели", "Источники"],
    "kk": ["Ұйымдар", "Тұлғалар", "Іс-шаралар", "Делегациялар", "Бағдарламалар", "Келісімдер"]
    + ["Негізгі көрсеткіштер", "Дереккөздер"],
}
KINDS = ["organization", "person", "event", "delegation", "program", "agreement", "figure"]
KINDS += ["source"]


def shown(kind: str) -> list[str]:
    return [column.key for column in LISTS_BY_KIND[kind].columns if column.shown]


def export(tmp_path, code, kind, request=None, keys=None):
    """A list exported as the window does it: the language chosen, then the export."""
    set_language(code)
    path = tmp_path / f"{kind}-{code}.xlsx"
    record_list = LISTS_BY_KIND[kind]
    export_list(record_list, request or ListRequest(), keys or shown(kind), path, author=AUTHOR)
    return open_book(path)


@pytest.mark.parametrize("code", LANGUAGES)
def test_an_organizations_list_is_written_in_the_language(tmp_path, records, code):
    request = ListRequest(
        search="university", filters={"country": "KZ"}, sort="name", descending=True
    )
    book = export(tmp_path, code, "organization", request)
    check_sheets(book, code, [LIST_TITLES[code][0]])
    ws = book.worksheets[0]
    assert ws["A1"].value == LIST_TITLES[code][0]
    assert ws["A2"].value.startswith(ORGANIZATIONS_SELECTED[code])
    assert header(ws) == ORGANIZATION_HEADERS[code]
    kazakhstan = {"en": "Kazakhstan", "ru": "Казахстан", "kk": "Қазақстан"}[code]
    university = {"en": "University", "ru": "Университет", "kk": "Университет"}[code]
    shown = {"en": "Nazarbayev University", "ru": "Nazarbayev University", "kk": NU_KK}[code]
    in_languages = {"en": (), "ru": ("Nazarbayev University", NU_KK, None)}
    in_languages["kk"] = in_languages["ru"]
    assert table(ws) == [
        (shown, None, university, kazakhstan, None, None, None, *in_languages[code])
    ]

    everything = export(tmp_path, code, "organization").worksheets[0]
    csic = next(row for row in table(everything) if "Spanish National Research Council" in row)
    assert (csic[2], csic[3], csic[5]) == CSIC_ROW[code]
    assert csic[1] == "CSIC" and csic[4] == "Madrid"


EVENT_HEADERS = {
    "en": ["Starts", "Title", "Kind", "City", "Country"],
    "ru": ["Начало", "Название", "Вид", "Город", "Страна"]
    + ["Название на английском", "Название на казахском", "Название на русском"],
    "kk": ["Басталуы", "Атауы", "Түрі", "Қала", "Ел"]
    + ["Ағылшынша атауы", "Қазақша атауы", "Орысша атауы"],
}
WORKSHOP = {"en": "Workshop", "ru": "Семинар", "kk": "Семинар"}
SPAIN = {"en": "Spain", "ru": "Испания", "kk": "Испания"}


@pytest.mark.parametrize("code", LANGUAGES)
def test_an_events_list_keeps_its_dates_as_dates_in_every_language(tmp_path, records, code):
    newest_first = ListRequest(sort="starts_on", descending=True)
    ws = export(tmp_path, code, "event", newest_first).worksheets[0]
    assert header(ws) == EVENT_HEADERS[code]
    newest = table(ws)[0]
    assert newest[:5] == (
        day(dt.date(2025, 5, 20)),
        "Jornada de cooperación científica España–Kazajistán",
        WORKSHOP[code],
        "Madrid",
        SPAIN[code],
    )
    assert ws.cell(HEADER_ROW + 1, 1).number_format == "dd.mm.yyyy"


AGREEMENT_HEADERS = {
    "en": ["Title", "Kind", "Status", "Signed", "Expires", "Reference"],
    "ru": ["Название", "Вид", "Статус", "Дата подписания", "Дата истечения", "Номер"],
    "kk": ["Атауы", "Түрі", "Мәртебесі", "Қол қойылған күні", "Мерзімі біту күні"]
    + ["Тіркеу нөмірі"],
}
DRAFT_CONTRACT = {
    "en": ("Contract or grant", "Draft"),
    "ru": ("Договор или грант", "Проект"),
    "kk": ("Шарт немесе грант", "Жоба"),
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_an_agreements_list_shows_kinds_and_statuses_in_the_language(tmp_path, records, code):
    ws = export(tmp_path, code, "agreement").worksheets[0]
    assert header(ws) == AGREEMENT_HEADERS[code]
    draft = rows_by_first(ws)["Draft research contract"]
    assert draft[1:3] == DRAFT_CONTRACT[code]


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_list_is_titled_and_headed_in_the_language(tmp_path, records, code):
    for kind, title in zip(KINDS, LIST_TITLES[code], strict=True):
        book = export(tmp_path, code, kind)
        check_sheets(book, code, [title])
        ws = book.worksheets[0]
        assert ws["A1"].value == title
        record_list = LISTS_BY_KIND[kind]
        english = [record_list.column(key).label for key in shown(kind)]
        if code == "en":
            assert header(ws) == english
        else:
            assert not set(header(ws)) & set(english) - {"E-mail"}, header(ws)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_header_a_list_writes_is_read_back_as_its_field(tmp_path, records, code):
    """Whatever the language, each column an export writes is matched, by its header alone,
    to the field of the same name, or to none when records do not take it from a sheet."""
    # The recorded name ("Name in English") gives the name ahead of the name in the language.
    same_field = {"period": "period_label", "name_en": "name", "title_en": "title"}
    for kind in KINDS[:-1]:
        record_list = LISTS_BY_KIND[kind]
        keys = [column.key for column in record_list.columns]
        ws = export(tmp_path, code, kind, keys=keys).worksheets[0]
        fields = {spec.key for spec in FIELDS[kind]}
        given_by_recorded = {same_field[key] for key in keys if key.endswith("_en")}
        expected = {
            index: same_field.get(key, key)
            for index, key in enumerate(keys)
            if same_field.get(key, key) in fields
            and (key.endswith("_en") or key not in given_by_recorded)
        }
        assert match_headers(kind, header(ws)) == expected, (kind, header(ws))


# -- lists imported back -------------------------------------------------------------------------


# What a list shows of each kind, and so what an export and an import keep: links by name.
def name_of(record) -> str | None:
    return None if record is None else getattr(record, "name", None) or record.full_name


KEPT = {
    "organization": lambda r: (
        r.name, r.short_name, r.kind, r.country_id, r.city, r.status, r.website, r.name_ru,
        r.name_kk, r.name_original, r.email, r.phone, name_of(r.parent),
    ),
    "person": lambda r: (
        r.full_name, r.position, name_of(r.organization), r.email, r.phone, r.other_names,
    ),
    "event": lambda r: (r.title, r.kind, r.starts_on, r.ends_on, r.city, r.country_id, r.venue),
    "delegation": lambda r: (
        r.title, r.direction, name_of(r.organization), name_of(r.head), r.starts_on,
        r.ends_on, r.city, r.country_id, r.place,
    ),
    "program": lambda r: (
        r.name, r.short_name, r.kind, r.status, name_of(r.lead), r.starts_on, r.ends_on,
        r.budget, r.currency,
    ),
    "agreement": lambda r: (
        r.title, r.kind, r.signed_on, r.effective_on, r.expires_on, r.reference_number,
        r.status,
    ),
    "figure": lambda r: (
        r.measure, r.value, r.qualifier, r.unit, r.as_of, r.country_id,
        name_of(r.organization), name_of(r.program), r.period_label,
    ),
}  # fmt: skip


def kept_records() -> dict[str, list[tuple]]:
    return {
        kind: sorted((KEPT[kind](r) for r in EDITORS_BY_KIND[kind].model.select()), key=str)
        for kind in KEPT
    }


@pytest.mark.parametrize(("exported", "imported"), [("kk", "ru"), ("ru", "en"), ("en", "kk")])
def test_every_list_exported_in_a_language_imports_back_as_the_same_records(
    tmp_path, exported, imported
):
    """A database moved through its lists' exports (every column, as a user may show them
    all): the same organizations, people, events, delegations, programs, agreements and
    figures come back, the workbooks read in another language than they were written in."""
    open_database(tmp_path / "source.db")
    seed()
    expected = kept_records()
    books = {}
    for kind in KEPT:
        keys = [column.key for column in LISTS_BY_KIND[kind].columns]
        books[kind] = tmp_path / f"{kind}.xlsx"
        set_language(exported)
        export_list(LISTS_BY_KIND[kind], ListRequest(), keys, books[kind], author=AUTHOR)
    close_database()

    open_database(tmp_path / "copy.db")
    set_language(imported)
    for kind in KEPT:  # in an order where every record a row names is there before it
        result = apply_import(preview_import(read_workbook(books[kind]), kind))
        assert not result.rejected, (kind, result.rejected)
    assert kept_records() == expected


# -- reports -------------------------------------------------------------------------------------

BRIEF_SHEETS = {
    "en": ["Overview", "Partners", "People", "Agreements", "Events", "Delegations"]
    + ["Follow-ups", "Programs", "Key figures"],
    "ru": ["Обзор", "Партнёры", "Персоны", "Соглашения", "Мероприятия", "Делегации"]
    + ["Поручения", "Программы", "Ключевые показатели"],
    "kk": ["Шолу", "Серіктестер", "Тұлғалар", "Келісімдер", "Іс-шаралар", "Делегациялар"]
    + ["Тапсырмалар", "Бағдарламалар", "Негізгі көрсеткіштер"],
}
BRIEF = {
    "en": {
        "title": f"Brief: {ISTC}",
        "selection": f"Organization: {ISTC}, with its branch. ",
        "partners": ["Name", "Relation", "Short name", "Kind", "Country", "City", "Status"]
        + ["Website", "Part of", "Areas of cooperation"],
        "istc": ("This organization", "International organization", "Kazakhstan", "Active"),
        "branch": "Branch or part",
        "agreements": ["Title", "Kind", "Parties and signatories", "Status", "Signed"]
        + ["Expires", "Days left", "Reference"],
        "memorandum": (
            "Memorandum of understanding",
            f"{ISTC}, signed by Karina Angelieva; Nazarbayev University",
            "In force",
        ),
        "states": ["Overdue", "Done"],
        "overview": {"Kind": "International organization", "Agreements in force": 1},
    },
    "ru": {
        "title": f"Справка: {ISTC_IN['ru']}",
        "selection": f"Организация: {ISTC_IN['ru']}, вместе с 1 филиалом или подразделением. ",
        "partners": ["Название", "Связь", "Краткое название", "Вид", "Страна", "Город"]
        + ["Статус", "Сайт", "Входит в", "Направления сотрудничества"],
        "istc": ("Эта организация", "Международная организация", "Казахстан", "Активный"),
        "branch": "Филиал или подразделение",
        "agreements": ["Название", "Вид", "Стороны и подписанты", "Статус"]
        + ["Дата подписания", "Дата истечения", "Осталось дней", "Номер"],
        "memorandum": (
            "Меморандум о взаимопонимании",
            f"{ISTC_IN['ru']}, подписант: Karina Angelieva; Nazarbayev University",
            "Действует",
        ),
        "states": ["Просрочено", "Исполнено"],
        "overview": {"Вид": "Международная организация", "Действующие соглашения": 1},
    },
    "kk": {
        "title": f"Анықтама: {ISTC_IN['kk']}",
        "selection": f"Ұйым: {ISTC_IN['kk']}, оның филиалын қоса алғанда. ",
        "partners": ["Атауы", "Байланысы", "Қысқаша атауы", "Түрі", "Ел", "Қала"]
        + ["Мәртебесі", "Сайты", "Құрамында", "Ынтымақтастық салалары"],
        "istc": ("Осы ұйым", "Халықаралық ұйым", "Қазақстан", "Белсенді"),
        "branch": "Филиал немесе бөлімше",
        "agreements": ["Атауы", "Түрі", "Тараптар мен қол қоюшылар", "Мәртебесі"]
        + ["Қол қойылған күні", "Мерзімі біту күні", "Қалған күндер", "Тіркеу нөмірі"],
        "memorandum": (
            "Өзара түсіністік туралы меморандум",
            f"{NU_KK}; {ISTC_IN['kk']}, қол қойған: Karina Angelieva",  # in the Kazakh order
            "Күшінде",
        ),
        "states": ["Мерзімі өткен", "Орындалды"],
        "overview": {"Түрі": "Халықаралық ұйым", "Күшіндегі келісімдер": 1},
    },
}


def report_book(tmp_path, language, make, **options):
    """A report made as the window makes it: the language chosen, then the report."""
    set_language(language)
    path = tmp_path / f"report-{language}.xlsx"
    report = make(**options)
    reports.write_report(report, path, author=AUTHOR)
    return open_book(path)


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_brief_on_a_partner_is_written_in_the_language(tmp_path, records, code):
    from models.reports import organization_brief

    book = report_book(
        tmp_path, code, organization_brief, organization_id=records["istc"], today=TODAY
    )
    said = BRIEF[code]
    check_sheets(book, code, BRIEF_SHEETS[code])
    overview, partners, _people, agreements, *_rest = book.worksheets
    assert overview["A1"].value == said["title"]
    assert overview["A2"].value.startswith(said["selection"])
    facts = dict(table(overview))
    assert {label: facts[label] for label in said["overview"]} == said["overview"]

    assert header(partners) == said["partners"]
    istc_name = {"en": "International Science and Technology Center", "ru": ISTC_RU}
    istc_name["kk"] = ISTC_KK
    istc = rows_by_first(partners)[istc_name[code]]
    assert (istc[1], istc[3], istc[4], istc[6]) == said["istc"]
    assert rows_by_first(partners)["ISTC office in Almaty"][1] == said["branch"]

    assert header(agreements) == said["agreements"]
    memorandum = rows_by_first(agreements)["Memorandum with the ISTC"]
    assert (memorandum[1], memorandum[2], memorandum[3]) == said["memorandum"]
    assert memorandum[4:] == (day(dt.date(2024, 1, 10)), day(dt.date(2025, 8, 1)), 47, "MoU-2024/3")

    follow_ups = book.worksheets[6]
    assert [row[5] for row in table(follow_ups)] == said["states"]


COUNTRY_BRIEF = {
    "en": ("Brief: Spain", "Country: Spain. Its partners", "open-ended", "Diplomatic mission"),
    "ru": ("Справка: Испания", "Страна: Испания. Её партнёры", "бессрочно", "Дипломатическое "
           "представительство"),
    "kk": ("Анықтама: Испания", "Ел: Испания. Оның серіктестері", "мерзімсіз", "Дипломатиялық "
           "өкілдік"),
}  # fmt: skip


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_brief_on_a_country_names_it_in_the_language(tmp_path, records, code):
    from models.reports import country_brief

    book = report_book(tmp_path, code, country_brief, code="ES", today=TODAY)
    title, selection, open_ended, embassy = COUNTRY_BRIEF[code]
    check_sheets(book, code, BRIEF_SHEETS[code])
    overview, partners, _people, agreements, *_rest = book.worksheets
    assert overview["A1"].value == title
    assert overview["A2"].value.startswith(selection)
    assert rows_by_first(partners)["Embassy of Spain in Kazakhstan"][2:4] == (embassy, SPAIN[code])
    assert rows_by_first(agreements)["Strategic partnership with the CSIC"][5] == open_ended


ACTIVITY = {
    "en": (
        ["Summary", "Events", "Delegations in", "Delegations out", "Agreements signed"]
        + ["Follow-ups"],
        "Activity 01.03.2025 – 31.05.2025",
        "Period: 01.03.2025 to 31.05.2025. ",
        ("Incoming", "Outgoing"),
    ),
    "ru": (
        ["Краткое содержание", "Мероприятия", "Входящие делегации", "Выездные делегации"]
        + ["Подписанные соглашения", "Поручения"],
        "Деятельность за период 01.03.2025 – 31.05.2025",
        "Период: с 01.03.2025 по 31.05.2025. ",
        ("Входящая", "Выездная"),
    ),
    "kk": (
        ["Қысқаша мазмұны", "Іс-шаралар", "Келген делегациялар", "Жіберілген делегациялар"]
        + ["Қол қойылған келісімдер", "Тапсырмалар"],
        "01.03.2025 – 31.05.2025 кезеңіндегі қызмет",
        "Кезең: 01.03.2025 – 31.05.2025. ",
        ("Келетін", "Шығатын"),
    ),
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_an_activity_report_is_written_in_the_language(tmp_path, records, code):
    from models.reports import activity_report

    book = report_book(
        tmp_path,
        code,
        activity_report,
        start=dt.date(2025, 3, 1),
        end=dt.date(2025, 5, 31),
        today=TODAY,
    )
    sheets, title, selection, directions = ACTIVITY[code]
    check_sheets(book, code, sheets)
    summary, events, incoming, outgoing, *_rest = book.worksheets
    assert summary["A1"].value == title
    assert summary["A2"].value.startswith(selection)
    assert table(events)[0][0] == day(dt.date(2025, 3, 5))
    assert (table(incoming)[0][2], table(outgoing)[0][2]) == directions


AGREEMENTS_DUE = {
    "en": (
        ["By country", "Expiring", "Expired last year", "In force by country"],
        "Expiring within 90 days of 15.06.2025; expired since 15.06.2024; in force, by country. ",
        "Agreements in force that expire by 13.09.2025 (within 90 days)",
    ),
    "ru": (
        ["По странам", "Истекают", "Истекшие за год", "Действующие по странам"],
        "Истекающие в течение 90 дней с 15.06.2025; истекшие с 15.06.2024; действующие — по "
        "странам. ",
        "Действующие соглашения, истекающие до 13.09.2025 (в течение 90 дней)",
    ),
    "kk": (
        ["Елдер бойынша", "Мерзімі бітетіндер", "Соңғы жылы мерзімі біткендер"]
        + ["Күшіндегілер елдер бойынша"],
        "15.06.2025 бастап 90 күн ішінде мерзімі бітетіндер; 15.06.2024 бастап мерзімі "
        "біткендер; күшіндегілер — елдер бойынша. ",
        "13.09.2025 дейін (алдағы 90 күн ішінде) мерзімі бітетін күшіндегі келісімдер",
    ),
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_agreements_due_are_written_in_the_language(tmp_path, records, code):
    from models.reports import agreements_due_report

    book = report_book(tmp_path, code, agreements_due_report, within_days=90, today=TODAY)
    sheets, selection, expiring_title = AGREEMENTS_DUE[code]
    check_sheets(book, code, sheets)
    by_country, expiring, *_rest = book.worksheets
    assert by_country["A2"].value.startswith(selection)
    assert expiring["A1"].value == expiring_title
    kazakhstan = {"en": "Kazakhstan", "ru": "Казахстан", "kk": "Қазақстан"}[code]
    assert kazakhstan in {row[0] for row in table(by_country)}


PROGRAMS = {
    "en": (
        ["Programs", "Partners", "Key figures", "Budgets"],
        "more than 1,500 scientists involved in ISTC projects (as of 01.01.2025)",
        "Budget by program (KZT)",
    ),
    "ru": (
        ["Программы", "Партнёры", "Ключевые показатели", "Бюджеты"],
        "более 1\u202f500 scientists involved in ISTC projects (по состоянию на 01.01.2025)",
        "Бюджет по программам (KZT)",
    ),
    "kk": (
        ["Бағдарламалар", "Серіктестер", "Негізгі көрсеткіштер", "Бюджеттер"],
        "1\u202f500-ден астам scientists involved in ISTC projects (01.01.2025 жағдай бойынша)",
        "Бағдарламалар бойынша бюджет (KZT)",
    ),
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_programs_report_is_written_in_the_language(tmp_path, records, code):
    from models.reports import programs_report

    book = report_book(tmp_path, code, programs_report)
    sheets, figure, chart = PROGRAMS[code]
    check_sheets(book, code, sheets)
    istc = rows_by_first(book.worksheets[0])["ISTC projects in Kazakhstan"]
    assert istc[-1] == figure
    assert Decimal(str(istc[7])) == Decimal("2500000.50")
    with zipfile.ZipFile(tmp_path / f"report-{code}.xlsx") as saved:
        charts = [saved.read(name).decode() for name in saved.namelist() if "charts/chart" in name]
    assert any(f"<a:t>{chart}</a:t>" in xml for xml in charts), charts
