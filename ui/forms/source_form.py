"""The form of a source: what was published, where and when, and the records it mentions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QWidget

from models.kinds.registry import editor_of
from models.kinds.sources import (
    SOURCES,
    find_mentionable,
    kind_name,
    mentioned_record,
    record_title,
)
from ui.forms.record_form import RecordForm
from ui.widgets.child_table import ChildColumn, ChildTable
from ui.widgets.inputs import DateInput, TextInput
from ui.widgets.pickers import describe
from ui.widgets.search_picker import Match, SearchPicker


class MentionPicker(SearchPicker):
    """A record of any kind, found by any of its names as the user types. Its value is
    ``{"record_kind": "organization", "record_id": 7}``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self._matches, self._label, parent)
        self.exclude_source: int | None = None  # a source does not mention itself
        self.setPlaceholderText(self.tr("Type an organization, a person, an event…"))

    def kind_title(self, kind: str, title: str) -> str:
        return self.tr("{kind}: {title}").format(kind=self.tr(kind_name(kind)), title=title)

    def _label(self, value: dict[str, Any]) -> str:
        if value.get("record_id") is None:
            return ""
        record = mentioned_record(value["record_kind"], value["record_id"])
        return self.kind_title(value["record_kind"], record_title(record)) if record else ""

    def _matches(self, text: str) -> list[Match]:
        result: list[Match] = []
        for kind, record in find_mentionable(text, exclude_source=self.exclude_source):
            editor = editor_of(type(record))
            longer = describe(editor, record) if editor is not None else record_title(record)
            result.append(
                (
                    {"record_kind": kind, "record_id": record.id},
                    self.kind_title(kind, record_title(record)),
                    self.kind_title(kind, longer),
                )
            )
        return result

    def value(self) -> dict[str, Any]:
        return dict(self._value) if self._value else {"record_kind": None, "record_id": None}


class SourceForm(RecordForm):
    editor = SOURCES

    def build(self) -> None:
        source = self.section(self.tr("Source"))
        self.field(
            source,
            "title",
            self.tr("Title"),
            TextInput(placeholder=self.tr("The headline, as published")),
            required=True,
        )
        self.field(
            source,
            "publisher",
            self.tr("Publisher"),
            TextInput(placeholder=self.tr("Qazinform, DKNews.kz…")),
        )
        self.field(source, "published_on", self.tr("Published"), DateInput())
        self.field(
            source,
            "url",
            self.tr("Web address"),
            TextInput(placeholder=self.tr("www.inform.kz/…")),
        )
        language = self.field(
            source,
            "language",
            self.tr("Language"),
            TextInput(placeholder=self.tr("en, ru, kk")),
        )
        language.setMaxLength(SOURCES.model.language.max_length)
        more = self.section(self.tr("More"))
        self.tags_and_notes(more)
        self._build_mentions()

    def _build_mentions(self) -> None:
        mentions = self.tab(self.tr("Mentions"))
        self.mention_picker = MentionPicker()
        table = ChildTable(
            [
                ChildColumn(
                    "record_kind", self.tr("Kind"), kind="label", label_of=self._kind_of, width=130
                ),
                ChildColumn(
                    "record_id", self.tr("Record"), kind="label", label_of=self._title_of, width=380
                ),
            ],
            {"mention": self.mention_picker},
            add_label=self.tr("Add mention"),
        )
        table.view.doubleClicked.connect(self._open_mention)
        self.table_field(
            mentions,
            "mentions",
            table,
            hint=self.tr(
                "Type a name to find an organization, a person, an event or any other "
                "record, and press Add mention. Double-click a row to open the record."
            ),
        )

    def _kind_of(self, row: dict[str, Any]) -> str:
        return self.tr(kind_name(row["record_kind"]))

    def _title_of(self, row: dict[str, Any]) -> str:
        record = mentioned_record(row["record_kind"], row["record_id"])
        return record_title(record) if record else self.tr("(no longer exists)")

    def _open_mention(self, index: QModelIndex) -> None:
        table = self.inputs["mentions"]
        row = table.model.rows[table.proxy.mapToSource(index).row()]
        if mentioned_record(row["record_kind"], row["record_id"]) is not None:
            self.open_record.emit(row["record_kind"], row["record_id"])

    def loaded(self) -> None:
        self.mention_picker.exclude_source = self.record_id
