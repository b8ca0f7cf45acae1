"""How each kind of record is named in messages: singular and plural."""

from __future__ import annotations

from models.store import records as r

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
