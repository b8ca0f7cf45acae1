"""Every kind of record with its editor and its list, in the order the window shows them.
Importing this module imports every kind, so each has registered its editor."""

from __future__ import annotations

from models.editing import RecordEditor
from models.kinds.agreements import AGREEMENT_LIST, AGREEMENTS
from models.kinds.delegations import DELEGATION_LIST, DELEGATIONS
from models.kinds.events import EVENT_LIST, EVENTS
from models.kinds.figures import FIGURE_LIST, FIGURES
from models.kinds.organizations import ORGANIZATION_LIST, ORGANIZATIONS
from models.kinds.people import PEOPLE, PERSON_LIST
from models.kinds.programs import PROGRAM_LIST, PROGRAMS
from models.kinds.sources import SOURCE_LIST, SOURCES
from models.listing import RecordList

EDITORS_BY_KIND: dict[str, RecordEditor] = {
    editor.kind: editor
    for editor in (
        ORGANIZATIONS,
        PEOPLE,
        EVENTS,
        DELEGATIONS,
        PROGRAMS,
        AGREEMENTS,
        FIGURES,
        SOURCES,
    )
}

LISTS_BY_KIND: dict[str, RecordList] = {
    record_list.kind: record_list
    for record_list in (
        ORGANIZATION_LIST,
        PERSON_LIST,
        EVENT_LIST,
        DELEGATION_LIST,
        PROGRAM_LIST,
        AGREEMENT_LIST,
        FIGURE_LIST,
        SOURCE_LIST,
    )
}
