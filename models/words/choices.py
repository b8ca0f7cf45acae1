"""The fixed lists a record chooses from (kinds, statuses, roles). The database stores the
code; the window and the exports show the label in the current language, from the catalogs,
which hold every label's Kazakh and Russian. An import recognizes a label in any of the three
languages.

Each label has a context ("organization status", "program status") for the translators:
"Active" is «Активный» for a partner but «Действует» for a program.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from models.words.catalogs import CATALOG_LANGUAGES, load_catalog
from models.words.text import fold
from models.words.translation import LANGUAGES, pgettext


@dataclass(frozen=True)
class Choice:
    code: str
    context: str
    # The label in English, which is also the message the catalogs translate.
    en: str

    def label(self, language: str | None = None) -> str:
        """The label in the current language, or in ``language`` ("kk", "ru", "en")."""
        if language is None:
            return pgettext(self.context, self.en)
        if language in CATALOG_LANGUAGES:
            return load_catalog(language).pgettext(self.context, self.en)
        return self.en

    def labels(self) -> set[str]:
        """The label in each of the three languages."""
        return {self.label(code) for code in LANGUAGES}


class ChoiceSet:
    """An ordered set of choices, found by code or by a label in any language."""

    def __init__(self, *choices: Choice) -> None:
        self._choices = choices
        self._by_code = {choice.code: choice for choice in choices}
        self._by_text: dict[str, str] | None = None

    def __iter__(self) -> Iterator[Choice]:
        return iter(self._choices)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self._by_code)

    def label(self, code: str | None, language: str | None = None) -> str:
        """The label of ``code`` in the current language (or in ``language``); an unknown code
        as it is."""
        choice = self._by_code.get(code or "")
        return choice.label(language) if choice else (code or "")

    def find(self, text: str | None) -> str | None:
        """The code for a code or label typed in any language, or None."""
        if self._by_text is None:
            # Read from the catalogs on first use, not when the module is imported.
            self._by_text = {}
            for choice in self._choices:
                for known in (choice.code, choice.code.replace("_", " "), *choice.labels()):
                    self._by_text.setdefault(fold(known), choice.code)
        return self._by_text.get(fold(text))

    def sql_check(self, column: str, nullable: bool = True) -> str:
        """A CHECK constraint that lets the database itself refuse unknown codes."""
        codes = ", ".join(f"'{code}'" for code in self._by_code)
        allowed = f"{column} IN ({codes})"
        return f"{column} IS NULL OR {allowed}" if nullable else allowed


ORGANIZATION_KINDS = ChoiceSet(
    Choice("university", "organization kind", "University"),
    Choice("research", "organization kind", "Research organization"),
    Choice("international", "organization kind", "International organization"),
    Choice("government", "organization kind", "Government body"),
    Choice("diplomatic", "organization kind", "Diplomatic mission"),
    Choice("company", "organization kind", "Company"),
    Choice("foundation", "organization kind", "Foundation"),
    Choice("other", "organization kind", "Other"),
)

ORGANIZATION_STATUSES = ChoiceSet(
    Choice("prospective", "organization status", "Prospective"),
    Choice("active", "organization status", "Active"),
    Choice("dormant", "organization status", "Dormant"),
    Choice("ended", "organization status", "Ended"),
)

EVENT_KINDS = ChoiceSet(
    Choice("forum", "event kind", "Forum"),
    Choice("conference", "event kind", "Conference"),
    Choice("lecture", "event kind", "Lecture"),
    Choice("panel", "event kind", "Panel discussion"),
    Choice("meeting", "event kind", "Meeting"),
    Choice("workshop", "event kind", "Workshop"),
    Choice("signing", "event kind", "Signing ceremony"),
    Choice("council", "event kind", "Council meeting"),
)

PARTICIPANT_ROLES = ChoiceSet(
    Choice("speaker", "participant role", "Speaker"),
    Choice("moderator", "participant role", "Moderator"),
    Choice("panelist", "participant role", "Panelist"),
    Choice("host", "participant role", "Host"),
    Choice("organizer", "participant role", "Organizer"),
    Choice("attendee", "participant role", "Attendee"),
)

PARTICIPANT_STATUSES = ChoiceSet(
    Choice("invited", "participant status", "Invited"),
    Choice("confirmed", "participant status", "Confirmed"),
    Choice("attended", "participant status", "Attended"),
    Choice("declined", "participant status", "Declined"),
)

DELEGATION_DIRECTIONS = ChoiceSet(
    Choice("incoming", "delegation direction", "Incoming"),
    Choice("outgoing", "delegation direction", "Outgoing"),
)

DELEGATION_SIDES = ChoiceSet(
    Choice("member", "delegation side", "Member"),
    Choice("counterpart", "delegation side", "Counterpart met"),
)

PROGRAM_KINDS = ChoiceSet(
    Choice("national", "program kind", "National program"),
    Choice("joint_research", "program kind", "Joint research project"),
    Choice("international", "program kind", "International program"),
    Choice("joint_lab", "program kind", "Joint laboratory or centre"),
    Choice("branch_campus", "program kind", "Branch campus"),
    Choice("alliance", "program kind", "Alliance or network"),
    Choice("mobility", "program kind", "Mobility"),
)

PROGRAM_STATUSES = ChoiceSet(
    Choice("proposed", "program status", "Proposed"),
    Choice("planned", "program status", "Planned"),
    Choice("active", "program status", "Active"),
    Choice("completed", "program status", "Completed"),
    Choice("suspended", "program status", "Suspended"),
)

PARTNER_ROLES = ChoiceSet(
    Choice("lead", "program partner role", "Lead"),
    Choice("partner", "program partner role", "Partner"),
    Choice("funder", "program partner role", "Funder"),
    Choice("platform", "program partner role", "Platform"),
)

AGREEMENT_KINDS = ChoiceSet(
    Choice("mou", "agreement kind", "Memorandum of understanding"),
    Choice("strategic", "agreement kind", "Strategic partnership agreement"),
    Choice("cooperation", "agreement kind", "Cooperation agreement"),
    Choice("contract", "agreement kind", "Contract or grant"),
    Choice("letter_of_intent", "agreement kind", "Letter of intent"),
)

# Statuses a user sets by hand; "in force", "signed, not yet in force" and "expired" follow
# from the dates.
AGREEMENT_STATUSES = ChoiceSet(
    Choice("draft", "agreement status", "Draft"),
    Choice("negotiating", "agreement status", "Negotiating"),
    Choice("signed", "agreement status", "Signed, not yet in force"),
    Choice("in_force", "agreement status", "In force"),
    Choice("expired", "agreement status", "Expired"),
    Choice("terminated", "agreement status", "Terminated"),
)

FIGURE_QUALIFIERS = ChoiceSet(
    Choice("exact", "key figure qualifier", "Exactly"),
    Choice("about", "key figure qualifier", "About"),
    Choice("more_than", "key figure qualifier", "More than"),
    Choice("less_than", "key figure qualifier", "Less than"),
)
