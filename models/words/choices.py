"""The fixed lists a record chooses from (kinds, statuses, roles), with their labels in the
three working languages. The database stores the code; the window shows the label."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from models.words.text import fold

LANGUAGES = ("en", "ru", "kk")


@dataclass(frozen=True)
class Choice:
    code: str
    en: str
    ru: str
    kk: str

    def label(self, language: str = "en") -> str:
        return getattr(self, language, self.en) if language in LANGUAGES else self.en


class ChoiceSet:
    """An ordered set of choices, found by code or by a label in any language."""

    def __init__(self, *choices: Choice) -> None:
        self._choices = choices
        self._by_code = {choice.code: choice for choice in choices}
        self._by_text: dict[str, str] = {}
        for choice in choices:
            for text in (
                choice.code,
                choice.code.replace("_", " "),
                choice.en,
                choice.ru,
                choice.kk,
            ):
                self._by_text.setdefault(fold(text), choice.code)

    def __iter__(self) -> Iterator[Choice]:
        return iter(self._choices)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self._by_code)

    def label(self, code: str | None, language: str = "en") -> str:
        choice = self._by_code.get(code or "")
        return choice.label(language) if choice else (code or "")

    def find(self, text: str | None) -> str | None:
        """The code for a code or label typed in any language, or None."""
        return self._by_text.get(fold(text))

    def sql_check(self, column: str, nullable: bool = True) -> str:
        """A CHECK constraint that lets the database itself refuse unknown codes."""
        codes = ", ".join(f"'{code}'" for code in self._by_code)
        allowed = f"{column} IN ({codes})"
        return f"{column} IS NULL OR {allowed}" if nullable else allowed


ORGANIZATION_KINDS = ChoiceSet(
    Choice("university", "University", "Университет", "Университет"),
    Choice("research", "Research organization", "Научная организация", "Ғылыми ұйым"),
    Choice(
        "international",
        "International organization",
        "Международная организация",
        "Халықаралық ұйым",
    ),
    Choice("government", "Government body", "Государственный орган", "Мемлекеттік орган"),
    Choice(
        "diplomatic",
        "Diplomatic mission",
        "Дипломатическое представительство",
        "Дипломатиялық өкілдік",
    ),
    Choice("company", "Company", "Компания", "Компания"),
    Choice("foundation", "Foundation", "Фонд", "Қор"),
    Choice("other", "Other", "Другое", "Басқа"),
)

ORGANIZATION_STATUSES = ChoiceSet(
    Choice("prospective", "Prospective", "Перспективный", "Әлеуетті"),
    Choice("active", "Active", "Активный", "Белсенді"),
    Choice("dormant", "Dormant", "Неактивный", "Белсенді емес"),
    Choice("ended", "Ended", "Завершено", "Аяқталған"),
)

EVENT_KINDS = ChoiceSet(
    Choice("forum", "Forum", "Форум", "Форум"),
    Choice("conference", "Conference", "Конференция", "Конференция"),
    Choice("lecture", "Lecture", "Лекция", "Дәріс"),
    Choice("panel", "Panel discussion", "Панельная дискуссия", "Панельдік талқылау"),
    Choice("meeting", "Meeting", "Встреча", "Кездесу"),
    Choice("workshop", "Workshop", "Семинар", "Семинар"),
    Choice("signing", "Signing ceremony", "Церемония подписания", "Қол қою рәсімі"),
    Choice("council", "Council meeting", "Заседание совета", "Кеңес отырысы"),
)

PARTICIPANT_ROLES = ChoiceSet(
    Choice("speaker", "Speaker", "Спикер", "Баяндамашы"),
    Choice("moderator", "Moderator", "Модератор", "Модератор"),
    Choice("panelist", "Panelist", "Участник панели", "Панел қатысушысы"),
    Choice("host", "Host", "Принимающая сторона", "Қабылдаушы тарап"),
    Choice("organizer", "Organizer", "Организатор", "Ұйымдастырушы"),
    Choice("attendee", "Attendee", "Участник", "Қатысушы"),
)

PARTICIPANT_STATUSES = ChoiceSet(
    Choice("invited", "Invited", "Приглашён", "Шақырылған"),
    Choice("confirmed", "Confirmed", "Подтвердил", "Растады"),
    Choice("attended", "Attended", "Присутствовал", "Қатысты"),
    Choice("declined", "Declined", "Отказался", "Бас тартты"),
)

DELEGATION_DIRECTIONS = ChoiceSet(
    Choice("incoming", "Incoming", "Входящая", "Келген"),
    Choice("outgoing", "Outgoing", "Исходящая", "Шыққан"),
)

DELEGATION_SIDES = ChoiceSet(
    Choice("member", "Member", "Член делегации", "Делегация мүшесі"),
    Choice("counterpart", "Counterpart met", "Принимающая сторона", "Кездескен тарап"),
)

PROGRAM_KINDS = ChoiceSet(
    Choice("national", "National program", "Национальная программа", "Ұлттық бағдарлама"),
    Choice(
        "joint_research",
        "Joint research project",
        "Совместный исследовательский проект",
        "Бірлескен зерттеу жобасы",
    ),
    Choice(
        "international",
        "International program",
        "Международная программа",
        "Халықаралық бағдарлама",
    ),
    Choice(
        "joint_lab",
        "Joint laboratory or centre",
        "Совместная лаборатория или центр",
        "Бірлескен зертхана немесе орталық",
    ),
    Choice("branch_campus", "Branch campus", "Филиал университета", "Университет филиалы"),
    Choice("alliance", "Alliance or network", "Альянс или сеть", "Альянс немесе желі"),
    Choice("mobility", "Mobility", "Академическая мобильность", "Академиялық ұтқырлық"),
)

PROGRAM_STATUSES = ChoiceSet(
    Choice("proposed", "Proposed", "Предложена", "Ұсынылған"),
    Choice("planned", "Planned", "Запланирована", "Жоспарланған"),
    Choice("active", "Active", "Действует", "Жүзеге асырылуда"),
    Choice("completed", "Completed", "Завершена", "Аяқталған"),
    Choice("suspended", "Suspended", "Приостановлена", "Тоқтатылған"),
)

PARTNER_ROLES = ChoiceSet(
    Choice("lead", "Lead", "Ведущая организация", "Жетекші ұйым"),
    Choice("partner", "Partner", "Партнёр", "Серіктес"),
    Choice("funder", "Funder", "Финансирующая сторона", "Қаржыландырушы"),
    Choice("platform", "Platform", "Платформа", "Платформа"),
)

AGREEMENT_KINDS = ChoiceSet(
    Choice(
        "mou",
        "Memorandum of understanding",
        "Меморандум о взаимопонимании",
        "Өзара түсіністік туралы меморандум",
    ),
    Choice(
        "strategic",
        "Strategic partnership agreement",
        "Соглашение о стратегическом партнёрстве",
        "Стратегиялық серіктестік туралы келісім",
    ),
    Choice(
        "cooperation",
        "Cooperation agreement",
        "Соглашение о сотрудничестве",
        "Ынтымақтастық туралы келісім",
    ),
    Choice("contract", "Contract or grant", "Договор или грант", "Шарт немесе грант"),
    Choice("letter_of_intent", "Letter of intent", "Письмо о намерениях", "Ниет хат"),
)

# Statuses a user sets by hand; "in force", "signed, not yet in force" and "expired" follow
# from the dates.
AGREEMENT_STATUSES = ChoiceSet(
    Choice("draft", "Draft", "Проект", "Жоба"),
    Choice("negotiating", "Negotiating", "На согласовании", "Келіссөз жүріп жатыр"),
    Choice(
        "signed",
        "Signed, not yet in force",
        "Подписано, не вступило в силу",
        "Қол қойылған, күшіне енбеген",
    ),
    Choice("in_force", "In force", "Действует", "Күшінде"),
    Choice("expired", "Expired", "Истёк", "Мерзімі өткен"),
    Choice("terminated", "Terminated", "Расторгнуто", "Бұзылған"),
)

FIGURE_QUALIFIERS = ChoiceSet(
    Choice("exact", "Exactly", "Ровно", "Дәл"),
    Choice("about", "About", "Около", "Шамамен"),
    Choice("more_than", "More than", "Более", "Астам"),
    Choice("less_than", "Less than", "Менее", "Кем"),
)
