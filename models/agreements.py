"""Agreement records. (To be completed: fields, rules and list columns of this kind.)"""

from __future__ import annotations

from models.editing import RecordEditor, register
from models.listing import Column, RecordList, tag_filter
from models.records import Agreement


class AgreementEditor(RecordEditor):
    kind = "agreement"
    model = Agreement
    title_field = "title"
    text_fields = ("title",)


AGREEMENT_LIST = RecordList(
    "agreement",
    Agreement,
    columns=[Column("title", "Title", Agreement.title, width=320)],
    filters=[tag_filter()],
)

AGREEMENTS = register(AgreementEditor())
