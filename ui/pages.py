"""The kinds of record the window shows, in the order of the navigation."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from models.kinds.agreements import AGREEMENT_LIST
from models.kinds.delegations import DELEGATION_LIST
from models.kinds.events import EVENT_LIST
from models.kinds.figures import FIGURE_LIST
from models.kinds.organizations import ORGANIZATION_LIST
from models.kinds.people import PERSON_LIST
from models.kinds.programs import PROGRAM_LIST
from models.kinds.sources import SOURCE_LIST
from ui.forms.agreement_form import AgreementForm
from ui.forms.delegation_form import DelegationForm
from ui.forms.event_form import EventForm
from ui.forms.figure_form import FigureForm
from ui.forms.organization_form import OrganizationForm
from ui.forms.person_form import PersonForm
from ui.forms.program_form import ProgramForm
from ui.forms.source_form import SourceForm
from ui.record_page import PageSpec

PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        kind="organization",
        title=QT_TRANSLATE_NOOP("pages", "Organizations"),
        record_list=ORGANIZATION_LIST,
        form=OrganizationForm,
        search_hint=QT_TRANSLATE_NOOP(
            "pages", "Search by any name, acronym, city or country (Ctrl+F)"
        ),
        icon="organization",
    ),
    PageSpec(
        kind="person",
        title=QT_TRANSLATE_NOOP("pages", "People"),
        record_list=PERSON_LIST,
        form=PersonForm,
        search_hint=QT_TRANSLATE_NOOP(
            "pages", "Search by name, position, e-mail or organization (Ctrl+F)"
        ),
        icon="person",
    ),
    PageSpec(
        kind="event",
        title=QT_TRANSLATE_NOOP("pages", "Events"),
        record_list=EVENT_LIST,
        form=EventForm,
        search_hint=QT_TRANSLATE_NOOP("pages", "Search by title, city, venue or topic (Ctrl+F)"),
        icon="event",
    ),
    PageSpec(
        kind="delegation",
        title=QT_TRANSLATE_NOOP("pages", "Delegations"),
        record_list=DELEGATION_LIST,
        form=DelegationForm,
        search_hint=QT_TRANSLATE_NOOP(
            "pages", "Search by title, organization, head, place or purpose (Ctrl+F)"
        ),
        icon="delegation",
    ),
    PageSpec(
        kind="program",
        title=QT_TRANSLATE_NOOP("pages", "Programs"),
        record_list=PROGRAM_LIST,
        form=ProgramForm,
        search_hint=QT_TRANSLATE_NOOP(
            "pages", "Search by name, lead organization or area (Ctrl+F)"
        ),
        icon="program",
    ),
    PageSpec(
        kind="agreement",
        title=QT_TRANSLATE_NOOP("pages", "Agreements"),
        record_list=AGREEMENT_LIST,
        form=AgreementForm,
        search_hint=QT_TRANSLATE_NOOP(
            "pages", "Search by title, reference number or party (Ctrl+F)"
        ),
        icon="agreement",
    ),
    PageSpec(
        kind="figure",
        title=QT_TRANSLATE_NOOP("pages", "Key figures"),
        record_list=FIGURE_LIST,
        form=FigureForm,
        search_hint=QT_TRANSLATE_NOOP(
            "pages", "Search by what is measured, or what it is about (Ctrl+F)"
        ),
        icon="figure",
    ),
    PageSpec(
        kind="source",
        title=QT_TRANSLATE_NOOP("pages", "Sources"),
        record_list=SOURCE_LIST,
        form=SourceForm,
        search_hint=QT_TRANSLATE_NOOP("pages", "Search by title or publisher (Ctrl+F)"),
        icon="source",
    ),
)
