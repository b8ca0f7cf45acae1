"""A pair of likely twins as the finder reports it: the two records, a score from 0 to 100 and
the reasons, each a sentence of its own, said in the language shown when it is read."""

from __future__ import annotations

from dataclasses import dataclass, field

from models.words.translation import N_, _

# A pair scoring less is not offered: its records only look a little alike.
MIN_SCORE = 80

SAME_NAME = N_("Same name: “{name}”.")
NAME_ORDER = N_("Same name with its words in another order: “{first}” and “{second}”.")
NAME_SCRIPT = N_("Same name in another script: “{first}” and “{second}”.")
NAMES_ALIKE = N_("Names alike: “{first}” and “{second}”.")
SAME_WEBSITE = N_("Same website: {host}.")
SAME_DOMAIN = N_("Same e-mail domain: {domain}.")
ACRONYM = N_("“{acronym}” is the acronym of “{name}”.")
SAME_ACRONYM = N_("Same acronym: {acronym}.")
OTHER_COUNTRY = N_("They are in different countries.")
SAME_EMAIL = N_("Same e-mail address: {email}.")
SAME_ORGANIZATION = N_("Both are at the same organization.")
NO_ORGANIZATION = N_("One of them has no organization.")
SAME_PHONE = N_("Same phone number: {phone}.")
SAME_DATE = N_("Same date: {date}.")
NO_DATES = N_("Neither has a date.")
SAME_REFERENCE = N_("Same reference number: {number}.")
SAME_ADDRESS = N_("Same web address: {url}.")
SAME_FIGURE = N_("Same value, period and subject.")


@dataclass(frozen=True)
class Reason:
    """One sentence of why two records look like twins: an English message of this module
    and the values of its placeholders."""

    message: str
    values: tuple[tuple[str, str], ...] = ()

    def text(self) -> str:
        return _(self.message).format(**dict(self.values))


def reason(message: str, **values: str) -> Reason:
    return Reason(message, tuple(sorted(values.items())))


@dataclass(frozen=True)
class Twin:
    """Two records of one kind that are likely the same, ``first`` the one made first."""

    kind: str
    first: int
    second: int
    score: int
    reasons: tuple[Reason, ...]
    first_title: str = field(default="", compare=False)
    second_title: str = field(default="", compare=False)

    @property
    def why(self) -> str:
        """The reasons, each a whole sentence, one after the other."""
        return " ".join(item.text() for item in self.reasons)

    @property
    def ids(self) -> tuple[int, int]:
        return (self.first, self.second)
