"""How each kind of record is named in messages: singular and plural, and a count of records
in the plural form its language gives the number."""

from __future__ import annotations

from collections.abc import Callable

from models.store import records as r
from models.words.numbers import format_number
from models.words.translation import ngettext

_NAMES: dict[type, tuple[str, str]] = {
    r.Organization: ("organization", "organizations"),
    r.Person: ("person", "people"),
    r.Event: ("event", "events"),
    r.EventParticipant: ("event participation", "event participations"),
    r.Delegation: ("delegation", "delegations"),
    r.DelegationMember: ("delegation membership", "delegation memberships"),
    r.FollowUp: ("follow-up action", "follow-up actions"),
    r.Program: ("program", "programs"),
    r.ProgramPartner: ("program partnership", "program partnerships"),
    r.ProgramArea: ("program area", "program areas"),
    r.OrganizationArea: ("area of cooperation", "areas of cooperation"),
    r.Agreement: ("agreement", "agreements"),
    r.AgreementParty: ("agreement party", "agreement parties"),
    r.AgreementProgram: (
        "link between an agreement and a program",
        "links between agreements and programs",
    ),
    r.DelegationEvent: (
        "link between a delegation and an event",
        "links between delegations and events",
    ),
    r.DelegationProgram: (
        "link between a delegation and a program",
        "links between delegations and programs",
    ),
    r.DelegationAgreement: (
        "link between a delegation and an agreement",
        "links between delegations and agreements",
    ),
    r.KeyFigure: ("key figure", "key figures"),
    r.Source: ("source", "sources"),
}


def kind_label(model: type, count: int = 1) -> str:
    singular, plural = _NAMES.get(model, (model.__name__.lower(), model.__name__.lower() + "s"))
    return singular if count == 1 else plural


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
    counted = _COUNTS.get(model)
    if counted is None:
        return f"{format_number(count)} {kind_label(model, count)}"
    return counted(count).format(count=format_number(count))


def counts_text(counts: dict[str, int]) -> str:
    """The records of each kind counted, in the order of the kinds: "15 organizations,
    12 people, 8 events"; kinds with none are left out."""
    return ", ".join(
        count_text(model, counts[kind])
        for kind, model in r.RECORD_KINDS.items()
        if counts.get(kind)
    )
