"""Delegation records. (To be completed: fields, rules and list columns of this kind.)"""

from __future__ import annotations

from models.editing import RecordEditor, register
from models.listing import Column, RecordList, tag_filter
from models.records import Delegation


class DelegationEditor(RecordEditor):
    kind = "delegation"
    model = Delegation
    title_field = "title"
    text_fields = ("title",)


DELEGATION_LIST = RecordList(
    "delegation",
    Delegation,
    columns=[Column("title", "Title", Delegation.title, width=320)],
    filters=[tag_filter()],
)

DELEGATIONS = register(DelegationEditor())
