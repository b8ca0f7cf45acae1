"""KeyFigure records. (To be completed: fields, rules and list columns of this kind.)"""

from __future__ import annotations

from models.editing import RecordEditor, register
from models.listing import Column, RecordList, tag_filter
from models.records import KeyFigure


class KeyFigureEditor(RecordEditor):
    kind = "figure"
    model = KeyFigure
    title_field = "measure"
    text_fields = ("measure",)


FIGURE_LIST = RecordList(
    "figure",
    KeyFigure,
    columns=[Column("measure", "Title", KeyFigure.measure, width=320)],
    filters=[tag_filter()],
)

FIGURES = register(KeyFigureEditor())
