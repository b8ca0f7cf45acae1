"""Every kind of record with its editor and its list, in the order the window shows them.
Importing this module registers every editor, so any record can be named by its title."""

from __future__ import annotations

from models.agreements import AGREEMENT_LIST, AGREEMENTS
from models.delegations import DELEGATION_LIST, DELEGATIONS
from models.editing import RecordEditor
from models.events import EVENT_LIST, EVENTS
from models.figures import FIGURE_LIST, FIGURES
from models.listing import RecordList
from models.organizations import ORGANIZATION_LIST, ORGANIZATIONS
from models.people import PEOPLE, PERSON_LIST
from models.programs import PROGRAM_LIST, PROGRAMS
from models.sources import SOURCE_LIST, SOURCES

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
