"""The core's messages in the language chosen, without Qt: counts in each language's plural
forms, what a form's save refuses and what a delete would do, and figures as a Kazakh or
Russian sentence says them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models.errors import ValidationFailed
from models.kinds.events import EVENTS
from models.kinds.figures import FIGURES, figure_wording
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.store import records as r
from models.words.labels import count_text, in_sentence, kind_label
from models.words.numbers import kazakh_ablative
from models.words.translation import set_language

# Each kind counted 1, 2, 5 and 21 times, as the language writes the count.
COUNTS = {
    "ru": {
        r.Organization: ("1 организация", "2 организации", "5 организаций", "21 организация"),
        r.Person: ("1 персона", "2 персоны", "5 персон", "21 персона"),
        r.Event: ("1 мероприятие", "2 мероприятия", "5 мероприятий", "21 мероприятие"),
        r.Delegation: ("1 делегация", "2 делегации", "5 делегаций", "21 делегация"),
        r.FollowUp: ("1 поручение", "2 поручения", "5 поручений", "21 поручение"),
        r.Program: ("1 программа", "2 программы", "5 программ", "21 программа"),
        r.Agreement: ("1 соглашение", "2 соглашения", "5 соглашений", "21 соглашение"),
        r.KeyFigure: (
            "1 ключевой показатель",
            "2 ключевых показателя",
            "5 ключевых показателей",
            "21 ключевой показатель",
        ),
        r.Source: ("1 источник", "2 источника", "5 источников", "21 источник"),
    },
    "kk": {
        r.Organization: ("1 ұйым", "2 ұйым", "5 ұйым", "21 ұйым"),
        r.Person: ("1 тұлға", "2 тұлға", "5 тұлға", "21 тұлға"),
        r.Event: ("1 іс-шара", "2 іс-шара", "5 іс-шара", "21 іс-шара"),
        r.Delegation: ("1 делегация", "2 делегация", "5 делегация", "21 делегация"),
        r.FollowUp: ("1 тапсырма", "2 тапсырма", "5 тапсырма", "21 тапсырма"),
        r.Program: ("1 бағдарлама", "2 бағдарлама", "5 бағдарлама", "21 бағдарлама"),
        r.Agreement: ("1 келісім", "2 келісім", "5 келісім", "21 келісім"),
        r.KeyFigure: (
            "1 негізгі көрсеткіш",
            "2 негізгі көрсеткіш",
            "5 негізгі көрсеткіш",
            "21 негізгі көрсеткіш",
        ),
        r.Source: ("1 дереккөз", "2 дереккөз", "5 дереккөз", "21 дереккөз"),
    },
    "en": {
        r.Organization: ("1 organization", "2 organizations", "5 organizations")
        + ("21 organizations",),
        r.Person: ("1 person", "2 people", "5 people", "21 people"),
        r.Event: ("1 event", "2 events", "5 events", "21 events"),
        r.Delegation: ("1 delegation", "2 delegations", "5 delegations", "21 delegations"),
        r.FollowUp: ("1 follow-up action", "2 follow-up actions", "5 follow-up actions")
        + ("21 follow-up actions",),
        r.Program: ("1 program", "2 programs", "5 programs", "21 programs"),
        r.Agreement: ("1 agreement", "2 agreements", "5 agreements", "21 agreements"),
        r.KeyFigure: ("1 key figure", "2 key figures", "5 key figures", "21 key figures"),
        r.Source: ("1 source", "2 sources", "5 sources", "21 sources"),
    },
}


@pytest.mark.parametrize("code", ["ru", "kk", "en"])
def test_every_kind_is_counted_in_the_plural_forms_of_the_language(code):
    set_language(code)
    for model, expected in COUNTS[code].items():
        assert tuple(count_text(model, n) for n in (1, 2, 5, 21)) == expected, model


def test_a_kind_is_labelled_in_the_language_for_one_record_and_for_a_list():
    set_language("kk")
    assert (kind_label(r.FollowUp), kind_label(r.FollowUp, 2)) == ("Тапсырма", "Тапсырмалар")
    set_language("ru")
    assert (kind_label(r.KeyFigure), kind_label(r.KeyFigure, 5)) == (
        "Ключевой показатель",
        "Ключевые показатели",
    )
    # A label inside a sentence starts small, an abbreviation keeps its capitals.
    assert (in_sentence("Страна"), in_sentence("ФИО"), in_sentence("Name in Kazakh")) == (
        "страна",
        "ФИО",
        "name in Kazakh",
    )


def problems(failure) -> dict[str, str]:
    return {problem.field: problem.message for problem in failure.value.problems}


def test_a_forms_save_is_refused_in_russian_with_a_sentence_for_each_field(database):
    set_language("ru")
    with pytest.raises(ValidationFailed) as failure:
        ORGANIZATIONS.save({"name": " ", "website": "csic", "email": "k.angelieva@istc"})
    assert problems(failure) == {
        "name": "Укажите название хотя бы на одном языке: английском, казахском или русском.",
        "website": "Сайт: «csic» — не веб-адрес. Напишите его в виде www.example.org.",
        "email": "Эл. почта: «k.angelieva@istc» — не адрес электронной почты. Напишите его в "
        "виде name@example.org.",
    }
    with pytest.raises(ValidationFailed) as failure:
        EVENTS.save(
            {"title": "Форум", "starts_on": dt.date(2025, 5, 20), "ends_on": dt.date(2025, 5, 19)}
        )
    assert problems(failure) == {
        "ends_on": "Дата окончания (19.05.2025) раньше даты начала (20.05.2025). Исправьте "
        "одну из двух дат."
    }
    assert str(failure.value) == problems(failure)["ends_on"]


def test_a_twin_and_a_circle_of_parents_are_refused_in_kazakh(database):
    istc = ORGANIZATIONS.save({"name": "ISTC", "country": "KZ"})
    branch = ORGANIZATIONS.save({"name": "ISTC Almaty", "parent": istc.id})
    set_language("kk")
    with pytest.raises(ValidationFailed) as failure:
        ORGANIZATIONS.save({"name": "istc", "country": "KZ"})
    assert problems(failure)["name"] == (
        f"«ISTC» бұрыннан жазылған (№ {istc.id}). Сол ұйымды ашыңыз немесе бұған оларды "
        "ажыратуға болатын атау беріңіз."
    )
    with pytest.raises(ValidationFailed) as failure:
        ORGANIZATIONS.save({"name": "ISTC", "country": "KZ", "parent": branch.id}, istc.id)
    assert problems(failure)["parent"] == (
        "«ISTC Almaty» осы ұйымның құрамында, сондықтан оның бас ұйымы бола алмайды."
    )
    with pytest.raises(ValidationFailed) as failure:
        ORGANIZATIONS.save({"name": "ISTC", "parent": istc.id}, istc.id)
    assert problems(failure)["parent"] == "Ұйым өзінің құрамында бола алмайды."


@pytest.mark.parametrize(
    ("people", "said"),
    [
        (1, "1 персона больше не будет привязана к этой организации"),
        (2, "2 персоны больше не будут привязаны к этой организации"),
        (5, "5 персон больше не будут привязаны к этой организации"),
        (21, "21 персона больше не будет привязана к этой организации"),
    ],
)
def test_what_a_delete_would_do_is_said_in_the_russian_plural_forms(database, people, said):
    istc = ORGANIZATIONS.save({"name": "ISTC"})
    for number in range(people):
        PEOPLE.save({"full_name": f"Сотрудник {number}", "organization": istc.id})
    set_language("ru")
    assert [c.description for c in ORGANIZATIONS.consequences(istc.id)] == [said]


@pytest.mark.parametrize(
    ("value", "ending"),
    [(1, "ден"), (3, "тен"), (6, "дан"), (10, "нан"), (30, "дан"), (40, "тан"), (50, "ден")]
    + [(80, "нен"), (100, "ден"), (1500, "ден"), (1000, "нан"), (350000, "нан")]
    + [(2_000_000, "нан"), (Decimal("12.5"), "тен"), (0, "ден")],
)
def test_a_number_takes_the_kazakh_ablative_its_last_word_asks_for(value, ending):
    assert kazakh_ablative(value) == ending


@pytest.mark.parametrize(
    ("code", "more", "less", "about"),
    [
        (
            "kk",
            "50-ден астам ISTC projects",
            "30-дан кем workshops in 2025",
            "шамамен 150 joint publications per year",
        ),
        (
            "ru",
            "более 50 ISTC projects",
            "менее 30 workshops in 2025",
            "около 150 joint publications per year",
        ),
        (
            "en",
            "more than 50 ISTC projects",
            "less than 30 workshops in 2025",
            "about 150 joint publications per year",
        ),
    ],
)
def test_a_figure_is_worded_as_its_language_puts_a_qualifier(code, more, less, about):
    set_language(code)
    assert figure_wording("more_than", Decimal(50), "", "ISTC projects") == more
    assert figure_wording("less_than", Decimal(30), "workshops", "workshops", "in 2025") == less
    assert figure_wording("about", Decimal(150), "", "joint publications", "per year") == about


def test_a_percentage_more_than_takes_the_ending_of_its_sign_in_kazakh(database):
    set_language("kk")
    share = FIGURES.save(
        {"measure": "of graduates abroad", "value": 12, "unit": "%", "qualifier": "more_than"}
    )
    assert FIGURES.title(share) == "12%-дан астам of graduates abroad"
