"""The commands in Kazakh, Russian and English: their help, what they print and refuse, and
the workbooks they write; a list exported in one language is imported back, by the command
line in another, as the same records."""

from __future__ import annotations

import pytest

import main
from models.kinds.all_kinds import EDITORS_BY_KIND, LISTS_BY_KIND
from models.listing import ListRequest
from models.store.database import close_database, open_database
from models.words.translation import set_language
from tests.exports.export_records import HEADER_ROW, header, open_book, seed, table
from tests.exports.import_files import xlsx


def run(*arguments: str) -> int:
    return main.main([str(argument) for argument in arguments])


def said(capsys) -> str:
    """What a command printed, its lines as argparse wraps them joined back."""
    captured = capsys.readouterr()
    return " ".join((captured.out + captured.err).split())


@pytest.fixture
def saved(database, database_target):
    seed()
    close_database()
    return database_target


# -- help ---------------------------------------------------------------------------------------

HELP = {
    "kk": (
        "Тізімді немесе кездесуге арналған есепті Excel кітабына (.xlsx) экспорттау.",
        "--database PATH оқылатын дерекқор",
        "--output FILE.xlsx, -o FILE.xlsx жазылатын Excel кітабы",
        "қолданылуы: seriktes export",
        "параметрлер:",
    ),
    "ru": (
        "Экспортировать список или отчёт к встрече в книгу Excel (.xlsx).",
        "--database PATH база данных, из которой читать",
        "--output FILE.xlsx, -o FILE.xlsx книга Excel, которую нужно записать",
        "использование: seriktes export",
        "параметры:",
    ),
    "en": (
        "Export a list or a meeting report to an Excel workbook (.xlsx).",
        "--database PATH the database to read",
        "--output FILE.xlsx, -o FILE.xlsx the workbook to write",
        "usage: seriktes export",
        "options:",
    ),
}


@pytest.mark.parametrize("code", ["kk", "ru", "en"])
def test_a_commands_help_is_in_the_language_asked_for(capsys, code):
    with pytest.raises(SystemExit) as done:
        run("--language", code, "export", "--help")
    assert done.value.code == 0
    text = said(capsys)
    for expected in HELP[code]:
        assert expected in text


def test_every_command_is_described_in_kazakh_in_the_list_of_commands(capsys):
    with pytest.raises(SystemExit):
        run("--help", "--language", "kk")
    text = said(capsys)
    for description in (
        "Дерекқор файлының үйлесімді сақтық көшірмесін жазу.",
        "Дерекқор файлын тексеру: SQLite тұтастығы мен сыртқы кілттері және Seriktes-тің өз "
        "ережелері.",
        "Кестенің (.xlsx, .xls, .ods, .csv) жолдарын дерекқорға импорттау.",
        "Баспасөз мақалаларынан алынған үлгі жазбалары бар дерекқор жасау.",
    ):
        assert description in text


def test_a_usage_error_of_a_command_is_said_in_russian(capsys, tmp_path):
    with pytest.raises(SystemExit) as refused:
        run("--language", "ru", "export", "brief", "--output", tmp_path / "b.xlsx")
    assert refused.value.code == 2
    assert "seriktes export: ошибка: для brief нужен --organization или --country" in said(capsys)


# -- lists and reports ---------------------------------------------------------------------------

LISTS = {
    "organizations": "organization",
    "people": "person",
    "events": "event",
    "delegations": "delegation",
    "programs": "program",
    "agreements": "agreement",
}
TITLES = {
    "kk": ["Ұйымдар", "Тұлғалар", "Іс-шаралар", "Делегациялар", "Бағдарламалар", "Келісімдер"],
    "ru": ["Организации", "Персоны", "Мероприятия", "Делегации", "Программы", "Соглашения"],
    "en": ["Organizations", "People", "Events", "Delegations", "Programs", "Agreements"],
}


def shown_values(kind: str) -> list[tuple]:
    """Every record as its list shows it by default, read with the names of what it links."""
    set_language("en")
    record_list = LISTS_BY_KIND[kind]
    columns = [column for column in record_list.columns if column.shown]
    rows = record_list.query(ListRequest(), columns).tuples()
    return sorted(
        (tuple(column.display(value) for column, value in zip(columns, row, strict=True))
         for row in rows),
        key=str,
    )  # fmt: skip


@pytest.mark.parametrize(("exported", "imported"), [("kk", "en"), ("ru", "kk"), ("en", "ru")])
def test_lists_exported_by_the_command_line_import_back_by_it(
    saved, tmp_path, capsys, exported, imported
):
    """Each list written by ``seriktes export`` in one language comes back through
    ``seriktes import`` in another: the same records, as the list shows them."""
    open_database(saved, create=False)
    expected = {kind: shown_values(kind) for kind in LISTS.values()}
    close_database()
    copy = tmp_path / "copy.db"
    open_database(copy)
    close_database()
    for name, title in zip(LISTS, TITLES[exported], strict=True):
        path = tmp_path / f"{name}.xlsx"
        assert run("export", name, "-o", path, "--database", saved, "--language", exported) == 0
        assert open_book(path).sheetnames == [title]
        assert run("--language", imported, "import", path, "--into", name, "--database", copy) == 0
    printed = capsys.readouterr().out
    counts = {
        "kk": "6 жол оқылды, импортталды: 6",
        "ru": "6 строк прочитано, импортировано: 6",
        "en": "6 rows read, 6 imported",
    }
    assert counts[imported] in printed
    open_database(copy, create=False)
    try:
        for kind in LISTS.values():
            assert shown_values(kind) == expected[kind], kind
            assert EDITORS_BY_KIND[kind].model.select().count() == len(expected[kind])
    finally:
        close_database()


REPORTS = {
    ("brief", "--organization", "ISTC"): {
        "kk": "Анықтама: Халықаралық ғылыми-техникалық орталық (ISTC)",
        "ru": "Справка: Международный научно-технический центр (ISTC)",
        "en": "Brief: International Science and Technology Center (ISTC)",
    },
    ("brief", "--country", "Испания"): {
        "kk": "Анықтама: Испания",
        "ru": "Справка: Испания",
        "en": "Brief: Spain",
    },
    ("activity", "--from", "01.03.2025", "--to", "31.05.2025"): {
        "kk": "01.03.2025 – 31.05.2025 кезеңіндегі қызмет",
        "ru": "Деятельность за период 01.03.2025 – 31.05.2025",
        "en": "Activity 01.03.2025 – 31.05.2025",
    },
    ("agreements-due", "--within", "30"): {
        "kk": "Тараптардың елдері бойынша келісімдер",
        "ru": "Соглашения по странам сторон",
        "en": "Agreements by the country of their parties",
    },
    ("programs-report",): {"kk": "Бағдарламалар", "ru": "Программы", "en": "Programs"},
}


@pytest.mark.parametrize("report", list(REPORTS), ids=lambda report: report[0])
@pytest.mark.parametrize("code", ["kk", "ru", "en"])
def test_every_report_from_the_command_line_is_in_the_language(saved, tmp_path, code, report):
    path = tmp_path / f"{report[0]}.xlsx"
    assert run("export", *report, "--output", path, "--database", saved, "--language", code) == 0
    book = open_book(path)
    first = book.worksheets[0]
    assert first["A1"].value == REPORTS[report][code]
    made = {"kk": "Жасалған уақыты: ", "ru": "Создано ", "en": "Made "}[code]
    assert made in first["A2"].value
    assert all(len(name) <= 31 for name in book.sheetnames)
    if code != "en":
        assert not {"Overview", "Summary", "Partners", "Programs"} & set(book.sheetnames)


# -- messages of the domain ----------------------------------------------------------------------


def test_an_import_says_in_russian_why_each_row_was_not_taken(database_target, tmp_path, capsys):
    open_database(database_target)
    close_database()
    sheet = xlsx(
        tmp_path / "partners.xlsx",
        [
            ["Название", "Сайт", "Страна", "Вид"],
            ["Казахский национальный университет", "www.kaznu.kz", "Казахстан", "Университет"],
            ["", "www.example.org", "Испания", None],
            ["Atlantis Institute", "not a site", "Атлантида", "звездолёт"],
        ],
    )
    report = tmp_path / "not-imported.xlsx"
    code = run(
        "--language", "ru", "import", sheet, "--into", "organizations", "--database",
        database_target, "--report", report,
    )  # fmt: skip
    assert code == 0
    assert capsys.readouterr().out == (
        "3 строки прочитаны, импортировано: 1, дополнено: 0, дубликатов: 0, отклонено: 2\n"
    )
    ws = open_book(report).worksheets[0]
    assert ws.title == "Не импортированы"
    assert ws["A1"].value == "Строки, не импортированные из partners.xlsx"
    assert header(ws) == ["Строка", "Название", "Сайт", "Страна", "Вид", "Почему не импортировано"]
    reasons = {row[0]: row[-1] for row in table(ws)}
    assert (
        reasons[3] == "Укажите название хотя бы на одном языке: английском, казахском или русском."
    )
    assert "«Атлантида»" in reasons[4] and "Seriktes не знает" in reasons[4]
    assert (
        "Вид: значение «звездолёт» Seriktes не знает. Используйте одно из: Университет"
        in (reasons[4])
    )
    assert ws.cell(HEADER_ROW + 1, 1).value == 3


def test_a_refused_import_is_said_in_kazakh_in_one_line(database_target, tmp_path, capsys):
    open_database(database_target)
    close_database()
    sheet = xlsx(tmp_path / "partners.xlsx", [["Сайт", "Ел"], ["www.kaznu.kz", "Қазақстан"]])
    code = run(
        "import", sheet, "--into", "organizations", "--database", database_target, "--language",
        "kk",
    )  # fmt: skip
    assert code == 1
    assert capsys.readouterr().err == (
        "seriktes import: «Partners» парағының бірде-бір бағаны «Атауы» өрісіне "
        "сәйкестендірілмеген, ал ол әр жазбаға қажет. Соны қамтитын бағанды таңдаңыз. "
        "Дерекқор өзгертілген жоқ.\n"
    )


def test_an_unknown_choice_on_the_command_line_is_refused_in_russian(saved, tmp_path, capsys):
    path = tmp_path / "x.xlsx"
    code = run(
        "--language", "ru", "export", "organizations", "--kind", "звездолёт", "-o", path,
        "--database", saved,
    )  # fmt: skip
    assert code == 1
    assert capsys.readouterr().err.startswith(
        "seriktes export: Вид: значения «звездолёт» здесь нет. Выберите одно из: Университет, "
        "Научная организация"
    )
    assert not path.exists()
