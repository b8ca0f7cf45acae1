"""The pickers forms use: a country by any of its names, an organization by any of its."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from models.countries import country_name, find_countries
from models.organizations import ORGANIZATIONS, find_organizations
from models.records import Organization
from ui.widgets.search_picker import Match, SearchPicker


def _country_matches(text: str) -> list[Match]:
    result = []
    for country in find_countries(text):
        names = list(dict.fromkeys((country.name_en, country.name_ru, country.name_kk)))
        result.append((country.code, country.name_en, " — ".join(names)))
    return result


def country_picker(parent: QWidget | None = None) -> SearchPicker:
    picker = SearchPicker(_country_matches, country_name, parent)
    picker.setPlaceholderText(picker.tr("Type a country in any language: Spain, Испания…"))
    return picker


def _organization_label(organization_id: int) -> str:
    organization = Organization.get_or_none(Organization.id == organization_id)
    return ORGANIZATIONS.title(organization) if organization else ""


class OrganizationPicker(SearchPicker):
    """Finds an organization by any of its names; ``exclude`` keeps one out (an organization
    cannot be its own parent)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self._matches, _organization_label, parent)
        self.exclude: int | None = None
        self.setPlaceholderText(self.tr("Type any of its names or its acronym…"))

    def _matches(self, text: str) -> list[Match]:
        result = []
        for organization in find_organizations(text, exclude=self.exclude):
            title = ORGANIZATIONS.title(organization)
            where = ", ".join(
                p for p in (organization.city, country_name(organization.country_id)) if p
            )
            result.append((organization.id, title, f"{title} — {where}" if where else title))
        return result
