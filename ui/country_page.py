"""A country as a page of its own: its partners and everything linked to them, the events and
delegations held there, and the figures about it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from models.links import country_records
from models.store.records import Country
from models.words.countries import country_name
from ui.widgets.linked_panel import LinkedPanel
from ui.widgets.pickers import country_picker


class CountryPage(QWidget):
    open_record = Signal(str, object)
    shown = Signal(str, object)  # "country", code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code: str | None = None
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.names = QLabel()
        self.names.setStyleSheet("color: palette(placeholder-text);")
        self.picker = country_picker()
        self.picker.setMaximumWidth(360)
        self.picker.edited.connect(self._picked)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Country:")))
        row.addWidget(self.picker)
        row.addStretch(1)
        self.linked = LinkedPanel()
        self.linked.open_record.connect(self.open_record)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(row)
        layout.addWidget(self.heading)
        layout.addWidget(self.names)
        layout.addWidget(self.linked, 1)
        self.show_country(None)

    def _picked(self) -> None:
        if self.picker.value() and self.picker.value() != self.code:
            self.show_country(self.picker.value())

    def show_country(self, code: str | None) -> None:
        self.code = code
        country = Country.get_or_none(Country.code == code) if code else None
        if country is None:
            self.heading.setText(self.tr("Choose a country"))
            self.names.clear()
            self.linked.show_groups(
                [],
                self.tr(
                    "Type a country above, in any language, to see everything recorded about it."
                ),
            )
            return
        self.picker.set_value(code)
        self.heading.setText(country_name(code))
        self.names.setText(
            " — ".join(dict.fromkeys((country.name_ru, country.name_kk, country.code)))
        )
        self.linked.show_groups(
            country_records(code),
            self.tr("Nothing is recorded about {country} yet.").format(country=country.name_en),
        )
        self.shown.emit("country", code)
