"""Source records. (To be completed: fields, rules and list columns of this kind.)"""

from __future__ import annotations

from models.editing import RecordEditor, register
from models.listing import Column, RecordList, tag_filter
from models.records import Source


class SourceEditor(RecordEditor):
    kind = "source"
    model = Source
    title_field = "title"
    text_fields = ("title",)


SOURCE_LIST = RecordList(
    "source",
    Source,
    columns=[Column("title", "Title", Source.title, width=320)],
    filters=[tag_filter()],
)

SOURCES = register(SourceEditor())
