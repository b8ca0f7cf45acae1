"""Program records. (To be completed: fields, rules and list columns of this kind.)"""

from __future__ import annotations

from models.editing import RecordEditor, register
from models.listing import Column, RecordList, tag_filter
from models.records import Program


class ProgramEditor(RecordEditor):
    kind = "program"
    model = Program
    title_field = "name"
    text_fields = ("name",)


PROGRAM_LIST = RecordList(
    "program",
    Program,
    columns=[Column("name", "Title", Program.name, width=320)],
    filters=[tag_filter()],
)

PROGRAMS = register(ProgramEditor())
