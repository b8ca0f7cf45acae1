"""The home view: how many records there are, what is coming (events, agreements to renew,
follow-ups overdue), the latest changes, and the portfolio by country, by kind and by month.

Clicking a count, a record or a bar opens the list or the record behind it. Everything is read
through ``models.dashboard`` (aggregates and the first few rows), again each time the view is
shown and whenever records change while it is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFontMetrics, QIcon, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models import clock, dashboard
from models.dashboard import Bar, Item, Month, Shortlist, Summary
from models.store.base import db
from models.words.countries import country_name
from models.words.dates import long_date, month_and_year
from models.words.numbers import format_number
from models.words.translation import language, ngettext
from resources import icon_path
from ui.kind_words import kind_words
from ui.pages import PAGES
from ui.search_box import TARGET, kind_icon, kind_name, record_item, record_list_widget
from ui.widgets.bar_chart import BLUE, YELLOW, ColumnChart, Group, HorizontalBarChart, Value
from ui.window_parts import window_part

HOME = "home"
ROWS = 5  # records shown in each list
WIDE = 1150  # wider than this, four panels a row; else two, or one


def tr(text: str) -> str:
    return QCoreApplication.translate("Dashboard", text)


def day_text(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    return value.strftime("%d.%m.%Y")


def _line(*parts: str) -> str:
    return " · ".join(part for part in parts if part)


def in_days(days: int, when: dt.date) -> str:
    return ngettext("in {days} day, {date}", "in {days} days, {date}", days).format(
        days=days, date=day_text(when)
    )


def upcoming_line(item: Item) -> str:
    days = item.days or 0
    if days < 0:
        when = tr("under way since {date}").format(date=day_text(item.when))
    elif days == 0:
        when = tr("today")
    elif days == 1:
        when = tr("tomorrow, {date}").format(date=day_text(item.when))
    else:
        when = in_days(days, item.when)
    return _line(when, item.context)


def expiring_line(item: Item) -> str:
    return _line(in_days(item.days or 0, item.when), item.context)


def overdue_line(item: Item) -> str:
    days = item.days or 0
    overdue = ngettext("{days} day overdue", "{days} days overdue", days).format(days=days)
    return _line(overdue, item.context)


def moment_text(moment: dt.datetime, today: dt.date) -> str:
    if moment.date() == today:
        return tr("today {time}").format(time=f"{moment:%H:%M}")
    if moment.date() == today - dt.timedelta(days=1):
        return tr("yesterday {time}").format(time=f"{moment:%H:%M}")
    return day_text(moment)


def change_line(item: Item, today: dt.date | None = None) -> str:
    moment = moment_text(item.when, today or clock.today())
    return _line(kind_name(item.kind), moment, item.context)


class Panel(QFrame):
    """A titled box on the home view."""

    def __init__(self, title: str, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.title = QLabel(title)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        # A long title in Russian or Kazakh takes two lines on a narrow window, instead of
        # widening its column past the window's edge.
        self.title.setWordWrap(True)
        self.body_layout = QVBoxLayout(self)
        self.body_layout.setContentsMargins(12, 10, 12, 10)
        self.body_layout.addWidget(self.title)
        self.body_layout.addWidget(body)
        body.setAccessibleName(title)
        self.body_layout.addStretch(1)


class RecordShortlist(QWidget):
    """The first few records of a list, or a sentence when there are none; a click opens one."""

    open_record = Signal(str, object)
    show_all = Signal()

    def __init__(self, describe: Callable[[Item], str], empty_text: str) -> None:
        super().__init__()
        self.describe = describe
        self.empty_text = empty_text
        self.list = record_list_widget()
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.list.setStyleSheet("QListWidget { background: transparent; }")
        self.list.itemClicked.connect(self._clicked)
        self.list.itemActivated.connect(self._clicked)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(placeholder-text);")
        self.more = QPushButton()
        self.more.setFlat(True)
        self.more.setCursor(Qt.CursorShape.PointingHandCursor)
        self.more.setStyleSheet("QPushButton { color: #0f5f8c; text-align: left; padding: 2px; }")
        self.more.clicked.connect(self.show_all)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)

    def show_items(self, items: list[Item], total: int | None = None) -> None:
        self.list.clear()
        for item in items:
            self.list.addItem(record_item(item.kind, item.id, item.title, self.describe(item)))
        rows = max(len(items), 1)
        self.list.setFixedHeight(rows * self.list.sizeHintForRow(0) + 2 if items else 0)
        self.list.setVisible(bool(items))
        self.empty.setText(self.empty_text)
        self.empty.setVisible(not items)
        hidden = (total or 0) - len(items)
        self.more.setText(
            tr("… and {count} more: open the list").format(count=format_number(hidden))
        )
        self.more.setVisible(hidden > 0)

    def titles(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def _clicked(self, item: QListWidgetItem) -> None:
        kind, record_id = item.data(TARGET)
        self.open_record.emit(kind, record_id)


class Tile(QToolButton):
    """How many records of a kind there are; a click opens their list."""

    def __init__(self, kind: str, title: str) -> None:
        super().__init__()
        self.setObjectName("tile")
        self.kind = kind
        self.words = kind_words(kind)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.words.open_list())
        icon = QLabel()
        icon.setPixmap(kind_icon(kind).pixmap(28, 28))
        self.count = QLabel("0")
        font = self.count.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.count.setFont(font)
        self.label = QLabel(title)
        words = QVBoxLayout()
        words.setSpacing(0)
        words.addWidget(self.count)
        words.addWidget(self.label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(icon)
        layout.addLayout(words, 1)
        for child in (icon, self.count, self.label):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # Wide enough for its label and a six-figure count, whatever the count now is.
        widest = max(
            self.label.sizeHint().width(),
            QFontMetrics(self.count.font()).horizontalAdvance(format_number(888_888)),
        )
        self.setMinimumSize(max(widest + 28 + 36, 120), self.count.sizeHint().height() * 2 + 12)

    def set_count(self, count: int) -> None:
        self.count.setText(format_number(count))
        self.setAccessibleName(self.words.count(count).format(count=format_number(count)))


def month_label(first_day: dt.date) -> str:
    return month_and_year(first_day)


class Dashboard(QScrollArea):
    open_record = Signal(str, object)
    show_list = Signal(str, object)  # kind, {filter key: value}

    def __init__(
        self, today: Callable[[], dt.date] = clock.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.today = today
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.refresh)
        self._shown: tuple[Summary, dt.date] | None = None
        self._restored: tuple[Summary, dt.date] | None = None

        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.tiles = {spec.kind: Tile(spec.kind, spec.shown_title()) for spec in PAGES}
        for kind, tile in self.tiles.items():
            tile.clicked.connect(lambda _=False, k=kind: self.show_list.emit(k, {}))

        self.upcoming = self._shortlist(
            upcoming_line, tr("No event is under way or due in the next 30 days."), "event"
        )
        self.expiring = self._shortlist(
            expiring_line, tr("No agreement in force expires in the next 90 days."), "agreement"
        )
        self.overdue = self._shortlist(
            overdue_line, tr("No follow-up action is overdue."), "delegation"
        )
        self.changes = self._shortlist(
            change_line,
            tr(
                "Nothing is recorded yet. Add a partner, a person or an event, and what changed "
                "last shows here."
            ),
            None,
        )
        self.by_country = HorizontalBarChart()
        self.by_country.setObjectName("partnersByCountry")
        self.by_country.bar_clicked.connect(
            lambda code: self.show_list.emit("organization", {"country": code})
        )
        self.by_kind = HorizontalBarChart()
        self.by_kind.setObjectName("partnersByKind")
        self.by_kind.bar_clicked.connect(
            lambda kind: self.show_list.emit("organization", {"kind": kind})
        )
        self.by_month = ColumnChart()
        self.by_month.setObjectName("activityByMonth")
        self.by_month.bar_clicked.connect(self._month_clicked)

        self.panels = [
            Panel(tr("Events coming up: the next 30 days"), self.upcoming),
            Panel(tr("Agreements expiring in the next 90 days"), self.expiring),
            Panel(tr("Follow-up actions overdue"), self.overdue),
            Panel(tr("Latest changes"), self.changes),
            Panel(tr("Partners by country (top ten)"), self.by_country),
            Panel(tr("Partners by kind"), self.by_kind),
            Panel(tr("Events and delegations per month, last two years"), self.by_month),
        ]
        self._spans = [1, 1, 1, 1, 1, 1, 2]
        self._columns = 0
        self._tile_columns = 0

        content = QWidget()
        content.setObjectName("dashboardContent")
        self.tile_grid = QGridLayout()
        self.tile_grid.setSpacing(8)
        self.grid = QGridLayout()
        self.grid.setSpacing(10)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(14, 12, 14, 14)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addLayout(self.tile_grid)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        self.setWidget(content)
        self.setStyleSheet(
            "#dashboardContent { background: palette(window); }"
            "QFrame#panel { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 6px; }"
            "QToolButton#tile { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 6px; }"
            "QToolButton#tile:hover, QToolButton#tile:focus { border: 1px solid #0f5f8c; }"
        )
        self._arrange(WIDE + 1)

    def _shortlist(
        self, describe: Callable[[Item], str], empty_text: str, kind: str | None
    ) -> RecordShortlist:
        shortlist = RecordShortlist(describe, empty_text)
        shortlist.open_record.connect(self.open_record)
        if kind is not None:
            shortlist.show_all.connect(lambda: self.show_list.emit(kind, {}))
        return shortlist

    # -- layout ------------------------------------------------------------------------------

    def _arrange(self, width: int) -> None:
        """Four panels a row on a wide window, two on a narrower one, one on a narrow one;
        the counts in one row or two."""
        columns = 4 if width >= WIDE else 2 if width >= 640 else 1
        tile_columns = next(n for n in (8, 4, 2) if n == 2 or self._tiles_fit(n, width))
        if tile_columns != self._tile_columns:
            self._tile_columns = tile_columns
            for number, tile in enumerate(self.tiles.values()):
                self.tile_grid.addWidget(tile, number // tile_columns, number % tile_columns)
        if columns == self._columns:
            return
        self._columns = columns
        for panel in self.panels:
            self.grid.removeWidget(panel)
        for column in range(4):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        row = column = 0
        for panel, span in zip(self.panels, self._spans, strict=True):
            span = min(span, columns)
            if column + span > columns:
                row, column = row + 1, 0
            self.grid.addWidget(panel, row, column, 1, span)
            column += span
            if column >= columns:
                row, column = row + 1, 0

    def _tiles_fit(self, columns: int, width: int) -> bool:
        """Whether ``columns`` counts fit side by side in ``width``: the grid gives each the
        same width, so each must have room for the widest."""
        widest = max(tile.minimumWidth() for tile in self.tiles.values())
        margins = self.widget().layout().contentsMargins()
        needed = columns * widest + (columns - 1) * self.tile_grid.spacing()
        return width >= needed + margins.left() + margins.right()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(self.viewport().width())

    # -- reading -----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        restored, self._restored = self._restored, None
        if restored is not None:
            self.show_summary(*restored)
        else:
            self.refresh()

    def state(self) -> tuple[Summary, dt.date] | None:
        """What the view shows, when shown: the window made again in another language shows
        it anew without reading it again."""
        return self._shown if self.isVisible() else None

    def restore(self, state: tuple[Summary, dt.date]) -> None:
        self._restored = state

    def schedule_refresh(self, *_args) -> None:
        """Records changed: read again soon if shown (a save and a delete in one go are read
        once); a hidden home view reads again when it is shown."""
        if self.isVisible():
            self._timer.start()

    def refresh(self) -> None:
        self._timer.stop()
        if db.obj is None or db.obj.is_closed():
            return
        today = self.today()
        self.show_summary(dashboard.summary(today, limit=ROWS), today)

    def show_summary(self, summary: Summary, today: dt.date) -> None:
        self._shown = (summary, today)
        self.heading.setText(tr("At a glance — {date}").format(date=long_date(today)))
        for kind, tile in self.tiles.items():
            tile.set_count(summary.counts.get(kind, 0))
        self._show(self.upcoming, summary.upcoming)
        self._show(self.expiring, summary.expiring)
        self._show(self.overdue, summary.overdue)
        self.changes.describe = lambda item: change_line(item, today)
        self.changes.show_items(summary.changes)
        self.by_country.set_data(
            [
                self._partner_group(
                    bar, tr("Click to list them."), country_name(bar.key, language())
                )
                for bar in summary.by_country
            ],
            tr("No partner has a country yet. Partners show here by country once they have one."),
        )
        self.by_kind.set_data(
            [self._partner_group(bar, tr("Click to list them.")) for bar in summary.by_kind],
            tr("No partners yet. Partners show here by kind once they are recorded."),
        )
        self.by_month.set_data(
            [self._month_group(month) for month in summary.by_month],
            tr("No event or delegation in the last two years."),
            [(tr("Events"), BLUE), (tr("Delegations"), YELLOW)],
        )

    @staticmethod
    def _show(shortlist: RecordShortlist, found: Shortlist) -> None:
        shortlist.show_items(found.items, found.total)

    @staticmethod
    def _partner_group(bar: Bar, hint: str, label: str | None = None) -> Group:
        label = label or (tr("Kind not given") if bar.key is None else bar.label)
        tooltip = ngettext("{label}: {count} partner.", "{label}: {count} partners.", bar.value)
        tooltip = tooltip.format(label=label, count=format_number(bar.value))
        if bar.key is not None:
            tooltip = f"{tooltip} {hint}"
        return Group(label, (Value(bar.key, bar.value, tooltip),))

    @staticmethod
    def _month_group(month: Month) -> Group:
        name = month_label(month.first_day)
        year = month.first_day.year
        events = ngettext(
            "{month}: {count} event. Click to list the events of {year}.",
            "{month}: {count} events. Click to list the events of {year}.",
            month.events,
        ).format(month=name, count=format_number(month.events), year=year)
        delegations = ngettext(
            "{month}: {count} delegation. Click to list the delegations of {year}.",
            "{month}: {count} delegations. Click to list the delegations of {year}.",
            month.delegations,
        ).format(month=name, count=format_number(month.delegations), year=year)
        return Group(
            name,
            (
                Value(f"event:{year}", month.events, events),
                Value(f"delegation:{year}", month.delegations, delegations),
            ),
        )

    def _month_clicked(self, key: str) -> None:
        kind, year = key.split(":")
        self.show_list.emit(kind, {"year": year})


def show_filtered_list(window, kind: str, filters: dict[str, str]) -> None:
    """Show a kind's list with only the filters given: a count or a bar clicked."""
    if not window.show_page(kind):
        return
    page = window.pages[kind]
    page.refresh_filters()
    page.clear_filters()
    for key, value in filters.items():
        page.set_filter(key, value)


@window_part
def install_dashboard(window) -> Dashboard:
    """Put the home view first in the window and keep it current."""
    view = Dashboard()
    window.add_view(HOME, view, tr("Home"), "home", row=0)
    view.open_record.connect(window.open_record)
    view.show_list.connect(lambda kind, filters: show_filtered_list(window, kind, filters))
    window.records_changed.connect(view.schedule_refresh)
    action = QAction(QIcon(icon_path("home")), tr("&Home"), window)
    action.setObjectName("homeAction")
    action.setShortcut(QKeySequence("Alt+Home"))
    action.triggered.connect(lambda: window.show_page(HOME) if window.database_target else None)
    actions = window.go_menu.actions()
    separator = next((a for a in actions if a.isSeparator()), None)
    after = actions[actions.index(separator) + 1] if separator in actions[:-1] else None
    window.go_menu.insertAction(after, action)
    view.action = action
    return view
