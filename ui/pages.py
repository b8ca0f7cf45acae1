"""The kinds of record the window shows, in the order of the navigation."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from models.organizations import ORGANIZATION_LIST
from models.people import PERSON_LIST
from ui.forms.organization_form import OrganizationForm
from ui.forms.person_form import PersonForm
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
)
