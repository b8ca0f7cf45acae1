"""The pickers forms use: a country by any of its names, and a record of any kind by any of
its names, as the user types."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from models.editing import RecordEditor, find_records
from models.kinds.organizations import ORGANIZATIONS
from models.kinds.people import PEOPLE
from models.store.records import Organization, Person
from models.words.countries import country_name, find_countries
from models.words.translation import LANGUAGES, language
from ui.widgets.search_picker import Match, SearchPicker


def _country_matches(text: str) -> list[Match]:
    result = []
    for country in find_countries(text):
        shown = country.name(language())
        others = [country.name(code) for code in LANGUAGES if code != language()]
        names = list(dict.fromkeys((shown, *others)))
        result.append((country.code, shown, " — ".join(names)))
    return result


def country_picker(parent: QWidget | None = None) -> SearchPicker:
    picker = SearchPicker(_country_matches, country_name, parent)
    picker.setPlaceholderText(picker.tr("Type a country in any language: Spain, Испания…"))
    return picker


def describe(editor: RecordEditor, record) -> str:
    """A record as the list of matches shows it: its title, and where or what it is."""
    title = editor.title(record)
    if isinstance(record, Organization):
        detail = ", ".join(p for p in (record.city, country_name(record.country_id)) if p)
    elif isinstance(record, Person):
        organization = record.organization
        named = ORGANIZATIONS.shown_name(organization) if organization else ""
        detail = ", ".join(p for p in (record.position, named) if p)
    else:
        detail = ""
    return f"{title} — {detail}" if detail else title


class RecordPicker(SearchPicker):
    """Finds a record of one kind by any of its names; ``exclude`` keeps one out (a record
    cannot be its own parent)."""

    def __init__(
        self, editor: RecordEditor, parent: QWidget | None = None, placeholder: str = ""
    ) -> None:
        self.editor = editor
        self.exclude: int | None = None
        super().__init__(self._matches, self._label, parent)
        self.setPlaceholderText(placeholder or self.tr("Type any of its names…"))

    def _label(self, record_id: int) -> str:
        record = self.editor.model.get_or_none(self.editor.model.id == record_id)
        return self.editor.title(record) if record else ""

    def _matches(self, text: str) -> list[Match]:
        return [
            (record.id, self.editor.title(record), describe(self.editor, record))
            for record in find_records(self.editor.model, text, exclude=self.exclude)
        ]


class OrganizationPicker(RecordPicker):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(ORGANIZATIONS, parent, placeholder="Type any of its names or its acronym…")


class PersonPicker(RecordPicker):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(PEOPLE, parent, placeholder="Type a name…")


class PersonOrOrganizationPicker(SearchPicker):
    """A participant: a person or an organization, found among both as the user types. Its
    value is ``{"person": id, "organization": None}`` or the other way round."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self._matches, self._label, parent)
        self.setPlaceholderText(self.tr("Type a person or an organization…"))

    @staticmethod
    def _label(value: dict[str, Any]) -> str:
        if value.get("person") is not None:
            person = Person.get_or_none(Person.id == value["person"])
            return person.full_name if person else ""
        organization = Organization.get_or_none(Organization.id == value.get("organization"))
        return ORGANIZATIONS.title(organization) if organization else ""

    def _matches(self, text: str) -> list[Match]:
        people, organizations = PEOPLE, ORGANIZATIONS
        result: list[Match] = [
            ({"person": p.id, "organization": None}, p.full_name, describe(people, p))
            for p in find_records(Person, text, limit=12)
        ]
        result += [
            (
                {"person": None, "organization": o.id},
                organizations.title(o),
                describe(organizations, o),
            )
            for o in find_records(Organization, text, limit=12)
        ]
        return result

    def value(self) -> dict[str, Any]:
        return dict(self._value) if self._value else {"person": None, "organization": None}
