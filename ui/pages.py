"""The kinds of record the window shows, in the order of the navigation."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

from models.kinds.agreements import AGREEMENT_LIST
from models.kinds.delegations import DELEGATION_LIST
from models.kinds.events import EVENT_LIST
from models.kinds.figures import FIGURE_LIST
from models.kinds.organizations import ORGANIZATION_LIST
from models.kinds.people import PERSON_LIST
from models.kinds.programs import PROGRAM_LIST
from models.kinds.sources import SOURCE_LIST
from ui.page_spec import PageSpec

if TYPE_CHECKING:
    from ui.forms.record_form import RecordForm


def _form(module: str, name: str) -> Callable[[], RecordForm]:
    """What makes a page's form, importing it when the page is first made: a start that
    shows Home imports none of the forms."""

    def make() -> RecordForm:
        return getattr(importlib.import_module(f"ui.forms.{module}"), name)()

    return make


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        kind="organization",
        title=QT_TRANSLATE_NOOP("pages", "Organizations"),
        record_list=ORGANIZATION_LIST,
        form=_form("organization_form", "OrganizationForm"),
        search_hint=QT_TRANSLATE_NOOP(
            "pages", "Search by any name, acronym, city or country (Ctrl+F)"
        ),
        icon="organization",
    ),
    PageSpec(
        kind="person",
        title=QT_TRANSLATE_NOOP("pages", "People"),
        record_list=PERSON_LIST,
        form=_form("person_form", "PersonForm"),
        search_hint=QT_TRANSLATE_NOOP(
            "pages", "Search by name, position, e-mail or organization (Ctrl+F)"
        ),
        icon="person",
    ),
    PageSpec(
        kind="event",
        title=QT_TRANSLATE_NOOP("pages", "Events"),
        record_list=EVENT_LIST,
        form=_form("event_form", "EventForm"),
        search_hint=QT_TRANSLATE_NOOP("pages", "Search by title, city, venue or topic (Ctrl+F)"),
        icon="event",
    ),
    PageSpec(
        kind="delegation",
        title=QT_TRANSLATE_NOOP("pages", "Delegations"),
        record_list=DELEGATION_LIST,
        form=_form("delegation_form", "DelegationForm"),
        search_hint=QT_TRANSLATE_NOOP(
            "pages", "Search by title, organization, head, place or purpose (Ctrl+F)"
        ),
        icon="delegation",
    ),
    PageSpec(
        kind="program",
        title=QT_TRANSLATE_NOOP("pages", "Programs"),
        record_list=PROGRAM_LIST,
        form=_form("program_form", "ProgramForm"),
        search_hint=QT_TRANSLATE_NOOP(
            "pages", "Search by name, lead organization or area (Ctrl+F)"
        ),
        icon="program",
    ),
    PageSpec(
        kind="agreement",
        title=QT_TRANSLATE_NOOP("pages", "Agreements"),
        record_list=AGREEMENT_LIST,
        form=_form("agreement_form", "AgreementForm"),
        search_hint=QT_TRANSLATE_NOOP(
            "pages", "Search by title, reference number or party (Ctrl+F)"
        ),
        icon="agreement",
    ),
    PageSpec(
        kind="figure",
        title=QT_TRANSLATE_NOOP("pages", "Key figures"),
        record_list=FIGURE_LIST,
        form=_form("figure_form", "FigureForm"),
        search_hint=QT_TRANSLATE_NOOP(
            "pages", "Search by what is measured, or what it is about (Ctrl+F)"
        ),
        icon="figure",
    ),
    PageSpec(
        kind="source",
        title=QT_TRANSLATE_NOOP("pages", "Sources"),
        record_list=SOURCE_LIST,
        form=_form("source_form", "SourceForm"),
        search_hint=QT_TRANSLATE_NOOP("pages", "Search by title or publisher (Ctrl+F)"),
        icon="source",
    ),
)
