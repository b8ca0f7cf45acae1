"""Countries: the countries that have records, with how many of each, beside everything about
the one chosen: its partners and everything linked to them, the events and delegations held
there or with its partners, and the figures about it (what its brief gathers).

A country opens with a click on its row, or by typing any of its names in the box above the
list and pressing Enter.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.links import CountryCount, countries_with_records, country_records
from models.store.base import db
from models.store.records import Country
from models.words.countries import country_name
from models.words.text import search_words
from models.words.translation import LANGUAGES, language
from ui.widgets.linked_panel import LinkedPanel

CODE = Qt.ItemDataRole.UserRole
# A country's place in the alphabet of the interface language (its sort key, in hex).
ORDER = Qt.ItemDataRole.UserRole + 1
# The counts the list shows, by kind, with their headings.
COUNTED = (
    ("organization", QT_TRANSLATE_NOOP("CountryList", "Partners")),
    ("event", QT_TRANSLATE_NOOP("CountryList", "Events")),
    ("delegation", QT_TRANSLATE_NOOP("CountryList", "Delegations")),
    ("agreement", QT_TRANSLATE_NOOP("CountryList", "Agreements")),
)


class _CountryName(QTableWidgetItem):
    """A country's name, sorted as the alphabet of the interface language orders it (Qt
    would order Ә after Я)."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return (self.data(ORDER) or "") < (other.data(ORDER) or "")


def other_names(country: Country) -> list[str]:
    """A country's names in the other languages of the interface."""
    return [country.name(code) for code in LANGUAGES if code != language()]


class CountryList(QTableWidget):
    """The countries that have records: name, counts, and all their records together."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COUNTED) + 2, parent)
        self.setObjectName("countries")
        self.setHorizontalHeaderLabels(
            [self.tr("Country")]
            + [self.tr(label) for _kind, label in COUNTED]
            + [self.tr("In all")]
        )
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setHighlightSections(False)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.words: dict[str, str] = {}  # code: every name of the country, as searched

    def fill(self, countries: list[CountryCount]) -> None:
        self.setSortingEnabled(False)
        self.setRowCount(len(countries))
        known = {
            row.code: row
            for row in Country.select().where(Country.code.in_([c.code for c in countries]))
        }
        for row, country in enumerate(countries):
            names = known.get(country.code)
            others = (
                " — ".join(dict.fromkeys((*other_names(names), country.code)))
                if names
                else country.code
            )
            self.words[country.code] = names.search_text if names else country.code.lower()
            name = _CountryName(country.name)
            name.setData(ORDER, getattr(names, f"sort_{language()}", b"").hex() if names else "")
            name.setToolTip(others)
            cells = [name] + [self._number(country.counts.get(kind, 0)) for kind, _label in COUNTED]
            cells.append(self._number(country.total))
            for column, cell in enumerate(cells):
                cell.setData(CODE, country.code)
                self.setItem(row, column, cell)
        self.setSortingEnabled(True)

    @staticmethod
    def _number(count: int) -> QTableWidgetItem:
        cell = QTableWidgetItem()
        cell.setData(Qt.ItemDataRole.DisplayRole, count)  # sorts as a number
        cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return cell

    def needed_width(self) -> int:
        """The width that shows every column whole, without scrolling sideways."""
        header = self.horizontalHeader()
        header.resizeSections(QHeaderView.ResizeMode.ResizeToContents)
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        return header.length() + 2 * self.frameWidth() + scroll_bar + 2

    def filter(self, text: str) -> None:
        """Show only the countries one of whose names contains every word typed."""
        words = search_words(text)
        for row in range(self.rowCount()):
            code = self.item(row, 0).data(CODE)
            known = self.words.get(code, "")
            self.setRowHidden(row, not all(word in known for word in words))

    def shown_codes(self) -> list[str]:
        return [
            self.item(row, 0).data(CODE)
            for row in range(self.rowCount())
            if not self.isRowHidden(row)
        ]

    def row_of(self, code: str | None) -> int | None:
        return next(
            (row for row in range(self.rowCount()) if self.item(row, 0).data(CODE) == code),
            None,
        )

    def names(self) -> list[str]:
        """The names of the countries shown, in their order, for tests."""
        return [
            self.item(row, 0).text() for row in range(self.rowCount()) if not self.isRowHidden(row)
        ]


class CountryPage(QWidget):
    open_record = Signal(str, object)
    shown = Signal(str, object)  # "country", code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code: str | None = None
        self.find = QLineEdit()
        self.find.setObjectName("findCountry")
        self.find.setPlaceholderText(self.tr("Type a country in any language"))
        self.find.setToolTip(self.tr("Spain, Испания or ES: Enter opens the first country found."))
        self.find.textChanged.connect(self._filter)
        self.find.returnPressed.connect(self._open_first)
        self.find.installEventFilter(self)
        self.countries = CountryList()
        self.countries.itemClicked.connect(self._clicked)
        self.countries.currentCellChanged.connect(self._moved)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(placeholder-text);")
        self.empty.hide()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Countries with records"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        left_layout.addWidget(title)
        left_layout.addWidget(self.find)
        left_layout.addWidget(self.countries, 1)
        left_layout.addWidget(self.empty)

        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.names = QLabel()
        self.names.setStyleSheet("color: palette(placeholder-text);")
        self.linked = LinkedPanel()
        self.linked.fit_columns()
        self.linked.open_record.connect(self.open_record)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.names)
        right_layout.addWidget(self.linked, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([460, 700])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.splitter)
        self.show_country(None)

    # -- the list ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the countries and their counts again, and the country shown."""
        if db.obj is None or db.obj.is_closed():
            return
        countries = countries_with_records()
        self.countries.blockSignals(True)
        self.countries.fill(countries)
        self.countries.blockSignals(False)
        self._filter(self.find.text())
        self.empty.setText(
            self.tr(
                "No record has a country yet. Countries show here once a partner, an event, "
                "a delegation or a key figure has one."
            )
        )
        self.empty.setVisible(not countries)
        self.countries.setVisible(bool(countries))
        # Once the list is laid out with its rows, its columns have their widths.
        QTimer.singleShot(0, self._fit_list)
        self.show_country(self.code, announce=False)

    def _fit_list(self) -> None:
        """Make the list wide enough for its columns (up to half the page and a bit): a
        country's counts are never cut off nor hidden to the right."""
        left, right = self.splitter.sizes()
        needed = min(self.countries.needed_width(), int((left + right) * 0.6))
        if left + right > 0 and left < needed:
            self.splitter.setSizes([needed, left + right - needed])

    def showEvent(self, event: QShowEvent) -> None:
        """Records may have changed on other pages, so the counts are read again each time
        the page comes into view."""
        super().showEvent(event)
        if self.isEnabled():
            self.refresh()

    def _filter(self, text: str) -> None:
        self.countries.filter(text)
        if text.strip() and not self.countries.shown_codes() and self.countries.rowCount():
            self.empty.setText(
                self.tr("No country with records matches “{text}”.").format(text=text.strip())
            )
            self.empty.show()
        elif self.countries.rowCount():
            self.empty.hide()

    def _open_first(self) -> None:
        shown = self.countries.shown_codes()
        current = self.countries.currentRow()
        if current >= 0 and not self.countries.isRowHidden(current):
            self.show_country(self.countries.item(current, 0).data(CODE))
        elif shown:
            self.show_country(shown[0])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down in the box goes to the list, as in a search field with results under it.
        if (
            watched is self.find
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.countries.shown_codes()
        ):
            self.countries.setFocus()
            row = self.countries.row_of(self.countries.shown_codes()[0])
            self.countries.setCurrentCell(row, 0)
            return True
        return super().eventFilter(watched, event)

    def _clicked(self, item: QTableWidgetItem) -> None:
        self.show_country(item.data(CODE))

    def _moved(self, row: int, _column: int, previous: int, _previous_column: int) -> None:
        # Moving through the list with the keys shows each country in turn.
        if row >= 0 and row != previous and self.countries.hasFocus():
            self.show_country(self.countries.item(row, 0).data(CODE))

    # -- the country -------------------------------------------------------------------------

    def show_country(self, code: str | None, announce: bool = True) -> None:
        self.code = code
        country = Country.get_or_none(Country.code == code) if code else None
        if country is None:
            self.code = None
            self.heading.setText(self.tr("Choose a country"))
            self.names.setText(
                self.tr("Click a country in the list, or type its name and press Enter.")
            )
            self.linked.show_groups([], "")
            self.countries.clearSelection()
            return
        row = self.countries.row_of(code)
        if row is not None:
            self.countries.blockSignals(True)
            self.countries.setCurrentCell(row, 0)
            self.countries.blockSignals(False)
        self.heading.setText(country_name(code))
        self.names.setText(" — ".join(dict.fromkeys((*other_names(country), country.code))))
        self.linked.show_groups(
            country_records(code),
            self.tr("Nothing is recorded about {country} yet.").format(
                country=country.name(language())
            ),
        )
        if announce:
            self.shown.emit("country", code)
