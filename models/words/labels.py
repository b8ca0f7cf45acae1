"""How each kind of record is named in the language shown: its label for one record and for
a list of them ("Organization", "Organizations"), and a count of records in the plural form
its language gives the number.

A label stands alone (a column, a title, a tab): a sentence about a kind of record is a
message of its own, never a label glued into other words, as the words around a noun change
with it in Kazakh and Russian."""

from __future__ import annotations

from collections.abc import Callable

from models.store import records as r
from models.words.numbers import format_number
from models.words.translation import N_, _, ngettext

# One record, and a list of them.
_LABELS: dict[type, tuple[str, str]] = {
    r.Organization: (N_("Organization"), N_("Organizations")),
    r.Person: (N_("Person"), N_("People")),
    r.Event: (N_("Event"), N_("Events")),
    r.Delegation: (N_("Delegation"), N_("Delegations")),
    r.FollowUp: (N_("Follow-up action"), N_("Follow-up actions")),
    r.Program: (N_("Program"), N_("Programs")),
    r.Agreement: (N_("Agreement"), N_("Agreements")),
    r.KeyFigure: (N_("Key figure"), N_("Key figures")),
    r.Source: (N_("Source"), N_("Sources")),
}


def kind_label(model: type, count: int = 1) -> str:
    """The kind's label in the current language: "Organization" for one record, else the
    list's "Organizations" ("Организация", "Организации"; "Ұйым", "Ұйымдар")."""
    one, many = _LABELS.get(model, (model.__name__, model.__name__))
    return _(one if count == 1 else many)


# Each count written out in full for the catalogs: the plural forms are the language's (1
# организация, 2 организации, 5 организаций; 1 ұйым, 5 ұйым).
_COUNTS: dict[type, Callable[[int], str]] = {
    r.Organization: lambda n: ngettext("{count} organization", "{count} organizations", n),
    r.Person: lambda n: ngettext("{count} person", "{count} people", n),
    r.Event: lambda n: ngettext("{count} event", "{count} events", n),
    r.Delegation: lambda n: ngettext("{count} delegation", "{count} delegations", n),
    r.FollowUp: lambda n: ngettext("{count} follow-up action", "{count} follow-up actions", n),
    r.Program: lambda n: ngettext("{count} program", "{count} programs", n),
    r.Agreement: lambda n: ngettext("{count} agreement", "{count} agreements", n),
    r.KeyFigure: lambda n: ngettext("{count} key figure", "{count} key figures", n),
    r.Source: lambda n: ngettext("{count} source", "{count} sources", n),
}


def count_text(model: type, count: int) -> str:
    """ "5 organizations" in the current language: "5 организаций", "5 ұйым"."""
    counted = _COUNTS.get(model, lambda n: ngettext("{count} record", "{count} records", n))
    return counted(count).format(count=format_number(count))


def counts_text(counts: dict[str, int]) -> str:
    """The records of each kind counted, in the order of the kinds: "15 organizations,
    12 people, 8 events"; kinds with none are left out."""
    return ", ".join(
        count_text(model, counts[kind])
        for kind, model in r.RECORD_KINDS.items()
        if counts.get(kind)
    )


def in_sentence(label: str) -> str:
    """A label as it reads inside a sentence: its first letter small ("name in Kazakh",
    "страна"), but for an abbreviation ("ФИО", "ISO code"), which keeps its capitals."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]
