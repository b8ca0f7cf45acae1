"""What the window knows of a kind of record before its page is made: its name in the
navigation, its list, how to make its form, its search hint and icon. Kept apart from the page
itself, so the window can list the kinds at its start without importing the forms."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from models.listing import RecordList

if TYPE_CHECKING:
    from ui.forms.record_form import RecordForm


@dataclass(frozen=True)
class PageSpec:
    kind: str
    title: str  # plural, as in the navigation: "Organizations" (marked for the "pages" context)
    record_list: RecordList
    form: Callable[[], RecordForm]  # makes the page's form
    search_hint: str
    icon: str

    def shown_title(self) -> str:
        """The title in the user's language: in the navigation, the Go menu, the home view."""
        return QCoreApplication.translate("pages", self.title)

    def shown_search_hint(self) -> str:
        return QCoreApplication.translate("pages", self.search_hint)
