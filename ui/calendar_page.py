"""The calendar: events, delegations, agreement expiries and follow-up due dates by month, by
week or as an agenda, each kind in its own colour, narrowed by kind and country.

A click on an entry opens its record; a double-click on a day starts a new event on that day.
The entries are read through ``models.calendar`` for the days shown only, again whenever the
page is shown or records change while it is shown.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QHelpEvent,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QToolTip,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import clock
from models.calendar import (
    DELEGATION,
    ENTRY_KINDS,
    EVENT,
    EXPIRY,
    FOLLOW_UP,
    Entry,
    by_day,
    entries_between,
    entry_kind_label,
    month_grid,
    month_of,
    week_of,
)
from models.store.base import db
from models.words.dates import day_span, long_date, month_and_year, weekday_names
from resources import icon_path
from ui.widgets.pickers import country_picker

CALENDAR = "calendar"
MONTH, WEEK, AGENDA = "month", "week", "agenda"
# Each kind its own colour, told apart also by those who confuse red and green: blue, green,
# red and purple differ in lightness too.
COLOURS = {
    EVENT: QColor("#0f5f8c"),
    DELEGATION: QColor("#2e7d32"),
    EXPIRY: QColor("#c62828"),
    FOLLOW_UP: QColor("#7b4fa6"),
}
ENTRY = Qt.ItemDataRole.UserRole
DAY = Qt.ItemDataRole.UserRole + 1


def tr(text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate("Calendar", text, disambiguation)


_swatches: dict[str, QIcon] = {}


def kind_swatch(kind: str) -> QIcon:
    """A square of the kind's colour, made once."""
    if kind not in _swatches:
        pixmap = QPixmap(12, 12)
        pixmap.fill(COLOURS[kind])
        _swatches[kind] = QIcon(pixmap)
    return _swatches[kind]


def entry_line(entry: Entry) -> str:
    """An entry as a tooltip or the agenda says it: its summary, then its days when more
    than one, where it is held or what it is about."""
    span = day_span(entry.first_day, entry.last_day) if entry.last_day > entry.first_day else ""
    detail = ", ".join(part for part in (span, entry.place, entry.about) if part)
    if entry.done:
        detail = ", ".join(part for part in (detail, tr("done")) if part)
    time = entry.starts_at.strftime("%H:%M") + " " if entry.starts_at else ""
    return f"{time}{entry.summary()}" + (f" — {detail}" if detail else "")


class DayGrid(QWidget):
    """Days in a grid of seven columns, Monday first, each with its entries as coloured
    lines: six weeks for a month, one week with taller days. A day too full says how many
    more it holds; a click on that shows the day in the agenda."""

    entry_clicked = Signal(object)  # Entry
    day_double_clicked = Signal(object)  # dt.date
    more_clicked = Signal(object)  # dt.date

    def __init__(self, show_dates_in_header: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.show_dates_in_header = show_dates_in_header
        self.days: list[dt.date] = []
        self.entries: dict[dt.date, list[Entry]] = {}
        self.month: int | None = None  # days of other months are shown paler
        self.today: dt.date | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._cells: list[tuple[QRect, dt.date]] = []
        self._chips: list[tuple[QRect, Entry]] = []
        self._more: list[tuple[QRect, dt.date, int]] = []  # where, which day, how many more
        self._weekdays: list[str] = []

    def minimumSizeHint(self) -> QSize:
        return QSize(420, 300)

    def show_days(
        self,
        days: list[dt.date],
        entries: dict[dt.date, list[Entry]],
        month: int | None,
        today: dt.date,
    ) -> None:
        self.days, self.entries, self.month, self.today = days, entries, month, today
        self._weekdays = weekday_names("abbreviated")  # in the language of the moment
        self._arrange()
        self.update()

    # -- where things are ------------------------------------------------------------------

    def _header_height(self) -> int:
        lines = 2 if self.show_dates_in_header else 1
        return self.fontMetrics().height() * lines + 8

    def _chip_height(self) -> int:
        return self.fontMetrics().height() + 4

    def _arrange(self) -> None:
        self._cells, self._chips, self._more = [], [], []
        if not self.days:
            return
        rows = max(1, len(self.days) // 7)
        top = self._header_height()
        width, height = self.width(), self.height() - top
        chip = self._chip_height()
        number = 0 if self.show_dates_in_header else self.fontMetrics().height() + 4
        for index, day in enumerate(self.days):
            row, column = divmod(index, 7)
            left, right = width * column // 7, width * (column + 1) // 7
            upper, lower = top + height * row // rows, top + height * (row + 1) // rows
            cell = QRect(left, upper, right - left, lower - upper)
            self._cells.append((cell, day))
            entries = self.entries.get(day, [])
            room = max(0, (cell.height() - number - 4) // chip)
            shown = entries if len(entries) <= room else entries[: max(0, room - 1)]
            y = cell.top() + number + 2
            for entry in shown:
                self._chips.append((QRect(left + 3, y, cell.width() - 6, chip - 2), entry))
                y += chip
            if len(shown) < len(entries):
                rect = QRect(left + 3, y, cell.width() - 6, chip - 2)
                self._more.append((rect, day, len(entries) - len(shown)))

    def resizeEvent(self, event) -> None:
        self._arrange()
        super().resizeEvent(event)

    def day_rect(self, day: dt.date) -> QRect | None:
        """Where a day is drawn (for a click), None when not shown."""
        return next((rect for rect, shown in self._cells if shown == day), None)

    def entry_rects(self) -> list[tuple[QRect, Entry]]:
        """Where each entry is drawn, in the order drawn."""
        return list(self._chips)

    def more_rects(self) -> list[tuple[QRect, dt.date]]:
        return [(rect, day) for rect, day, _hidden in self._more]

    def entry_at(self, point: QPoint) -> Entry | None:
        return next((entry for rect, entry in self._chips if rect.contains(point)), None)

    def day_at(self, point: QPoint) -> dt.date | None:
        return next((day for rect, day in self._cells if rect.contains(point)), None)

    # -- drawing -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        metrics = self.fontMetrics()
        names = self._weekdays
        header = self._header_height()
        line = palette.mid().color()
        for index, (cell, day) in enumerate(self._cells[:7]):
            title = QRect(cell.left(), 0, cell.width(), header)
            text = names[index]
            if self.show_dates_in_header:
                text = f"{text}\n{day.day}"
            bold = QFont(painter.font())
            bold.setBold(self.show_dates_in_header and day == self.today)
            painter.setFont(bold)
            painter.setPen(palette.text().color())
            painter.drawText(title, Qt.AlignmentFlag.AlignCenter, text)
        painter.setFont(self.font())
        for cell, day in self._cells:
            outside = self.month is not None and day.month != self.month
            if outside:
                painter.fillRect(cell, palette.alternateBase())
            if day == self.today:
                painter.fillRect(cell.adjusted(1, 1, 0, 0), QColor(255, 244, 214))
            painter.setPen(line)
            painter.drawRect(cell.adjusted(0, 0, -1, -1))
            if not self.show_dates_in_header:
                colour = palette.placeholderText() if outside else palette.text()
                painter.setPen(colour.color())
                painter.drawText(
                    cell.adjusted(5, 2, -5, 0),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                    str(day.day),
                )
        for rect, entry in self._chips:
            colour = COLOURS[entry.kind]
            fill = QColor(colour)
            fill.setAlpha(40)
            painter.fillRect(rect, fill)
            painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), colour)
            font = QFont(self.font())
            font.setStrikeOut(entry.done)
            painter.setFont(font)
            painter.setPen(colour.darker(150))
            # The colour says the kind; the room left is the title's (the tooltip and the
            # agenda say "Agreement expires: …").
            text = metrics.elidedText(entry.title, Qt.TextElideMode.ElideRight, rect.width() - 10)
            painter.drawText(
                rect.adjusted(7, 0, -2, 0),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                text,
            )
        painter.setFont(self.font())
        painter.setPen(palette.link().color())
        for rect, _day, hidden in self._more:
            painter.drawText(
                rect.adjusted(7, 0, 0, 0),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                tr("{count} more…").format(count=hidden),
            )
        painter.end()

    # -- the mouse and the keyboard -------------------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            point = event.position().toPoint()
            entry = self.entry_at(point)
            if entry is not None:
                self.entry_clicked.emit(entry)
                return
            more = next((day for rect, day, _n in self._more if rect.contains(point)), None)
            if more is not None:
                self.more_clicked.emit(more)
                return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        day = self.day_at(point)
        if (
            event.button() == Qt.MouseButton.LeftButton
            and day is not None
            and self.entry_at(point) is None
        ):
            self.day_double_clicked.emit(day)
            return
        super().mouseDoubleClickEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = self.entry_at(event.position().toPoint()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip and isinstance(event, QHelpEvent):
            entry = self.entry_at(event.pos())
            if entry is not None:
                QToolTip.showText(event.globalPos(), entry_line(entry), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)


class Agenda(QTreeWidget):
    """The entries of a month, day by day: a day's heading and its entries under it."""

    entry_clicked = Signal(object)
    day_double_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(12)
        self.setUniformRowHeights(True)
        self.setStyleSheet("QTreeView::item { padding: 3px 0; }")
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)
        self.itemDoubleClicked.connect(self._double_clicked)

    def show_days(self, days: dict[dt.date, list[Entry]], today: dt.date) -> None:
        self.clear()
        if not days:
            empty = QTreeWidgetItem([tr("Nothing in these days.")])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addTopLevelItem(empty)
            return
        for day in sorted(days):
            heading = QTreeWidgetItem([_capitalized(long_date(day))])
            heading.setData(0, DAY, day)
            font = heading.font(0)
            font.setBold(True)
            heading.setFont(0, font)
            if day == today:
                heading.setText(0, tr("{date} (today)").format(date=heading.text(0)))
            self.addTopLevelItem(heading)
            for entry in days[day]:
                item = QTreeWidgetItem([entry_line(entry)])
                item.setIcon(0, kind_swatch(entry.kind))
                item.setData(0, ENTRY, entry)
                item.setData(0, DAY, day)
                item.setToolTip(0, entry_kind_label(entry.kind))
                heading.addChild(item)
            heading.setExpanded(True)

    def entry_items(self) -> list[QTreeWidgetItem]:
        return [
            self.topLevelItem(row).child(number)
            for row in range(self.topLevelItemCount())
            for number in range(self.topLevelItem(row).childCount())
        ]

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        entry = item.data(0, ENTRY)
        if entry is not None:
            self.entry_clicked.emit(entry)

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, ENTRY) is None and item.data(0, DAY) is not None:
            self.day_double_clicked.emit(item.data(0, DAY))


class CalendarPage(QWidget):
    open_record = Signal(str, object)  # kind, id
    new_event = Signal(object)  # the day a new event starts on

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = MONTH
        self.day = clock.today()  # the day the period shown is about
        self.entries: list[Entry] = []

        self.previous_button = self._button("◀", tr("Earlier (Page Up)"), self.earlier)
        self.today_button = self._button(tr("Today"), tr("Back to today (Home)"), self.to_today)
        self.next_button = self._button("▶", tr("Later (Page Down)"), self.later)
        self.title = QLabel()
        self.title.setObjectName("calendarTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.view_buttons: dict[str, QToolButton] = {}
        views = QButtonGroup(self)
        for key, label in (
            (MONTH, tr("Month")),
            (WEEK, tr("Week")),
            (AGENDA, tr("Agenda", "calendar view")),
        ):
            button = QToolButton()
            button.setText(label)
            button.setCheckable(True)
            button.setObjectName(f"view_{key}")
            button.clicked.connect(lambda _=False, k=key: self.show_view(k))
            views.addButton(button)
            self.view_buttons[key] = button
        self.view_buttons[MONTH].setChecked(True)
        top = QHBoxLayout()
        for widget in (self.previous_button, self.today_button, self.next_button):
            top.addWidget(widget)
        top.addSpacing(12)
        top.addWidget(self.title, 1)
        for button in self.view_buttons.values():
            top.addWidget(button)

        self.kind_buttons: dict[str, QToolButton] = {}
        filters = QHBoxLayout()
        filters.addWidget(QLabel(tr("Show:")))
        for kind in ENTRY_KINDS:
            button = QToolButton()
            button.setText(entry_kind_label(kind))
            button.setIcon(kind_swatch(kind))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setCheckable(True)
            button.setChecked(True)
            button.setObjectName(f"kind_{kind}")
            button.toggled.connect(self.refresh)
            filters.addWidget(button)
            self.kind_buttons[kind] = button
        filters.addSpacing(12)
        self.country = country_picker()
        self.country.setObjectName("calendarCountry")
        self.country.setPlaceholderText(tr("All countries"))
        self.country.setToolTip(tr("Type a country in any language to show only its entries."))
        self.country.setMinimumWidth(260)
        self.country.edited.connect(self._country_edited)
        filters.addWidget(self.country)
        filters.addStretch(1)

        self.month_grid = DayGrid(show_dates_in_header=False)
        self.week_grid = DayGrid(show_dates_in_header=True)
        self.agenda = Agenda()
        self.stack = QStackedWidget()
        for widget in (self.month_grid, self.week_grid, self.agenda):
            self.stack.addWidget(widget)
            widget.entry_clicked.connect(self._open_entry)
            widget.day_double_clicked.connect(self.new_event)
        for grid in (self.month_grid, self.week_grid):
            grid.more_clicked.connect(self._show_day_in_agenda)
        self.hint = QLabel(
            tr("Click an entry to open its record; double-click a day to add an event on it.")
        )
        self.hint.setStyleSheet("color: palette(placeholder-text);")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.hint)
        self._pending = QTimer(self, singleShot=True, interval=0)
        self._pending.timeout.connect(self.refresh)

    @staticmethod
    def _button(text: str, tip: str, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    # -- what is shown -----------------------------------------------------------------------

    def kinds(self) -> list[str]:
        return [kind for kind, button in self.kind_buttons.items() if button.isChecked()]

    def period(self) -> tuple[dt.date, dt.date]:
        """The first and last day the view shows."""
        if self.view == MONTH:
            return month_grid(self.day)
        if self.view == WEEK:
            return week_of(self.day)
        return month_of(self.day)

    def show_view(self, view: str) -> None:
        self.view = view
        self.view_buttons[view].setChecked(True)
        self.stack.setCurrentWidget(
            {MONTH: self.month_grid, WEEK: self.week_grid, AGENDA: self.agenda}[view]
        )
        self.refresh()

    def show_day(self, day: dt.date) -> None:
        self.day = day
        self.refresh()

    def _step(self, direction: int) -> None:
        if self.view == WEEK:
            self.show_day(self.day + dt.timedelta(days=7 * direction))
            return
        first, _last = month_of(self.day)
        month = first + dt.timedelta(days=32 * direction if direction > 0 else -1)
        self.show_day(month.replace(day=1))

    def earlier(self) -> None:
        self._step(-1)

    def later(self) -> None:
        self._step(1)

    def to_today(self) -> None:
        self.show_day(clock.today())

    def _country_edited(self) -> None:
        if self.country.value() is not None or not self.country.text().strip():
            self.refresh()

    def _show_day_in_agenda(self, day: dt.date) -> None:
        self.day = day
        self.show_view(AGENDA)
        for row in range(self.agenda.topLevelItemCount()):
            item = self.agenda.topLevelItem(row)
            if item.data(0, DAY) == day:
                self.agenda.scrollToItem(item, QTreeWidget.ScrollHint.PositionAtTop)
                self.agenda.setCurrentItem(item)

    def refresh(self, *_args) -> None:
        """Read the entries of the days shown again."""
        if db.obj is None or db.is_closed():
            return
        first, last = self.period()
        today = clock.today()
        self.entries = entries_between(first, last, self.kinds(), self.country.value())
        days = by_day(self.entries, first, last)
        if self.view == MONTH:
            self.title.setText(_capitalized(month_and_year(self.day, "wide")))
            span = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
            self.month_grid.show_days(span, days, self.day.month, today)
        elif self.view == WEEK:
            self.title.setText(day_span(first, last))
            span = [first + dt.timedelta(days=n) for n in range(7)]
            self.week_grid.show_days(span, days, None, today)
        else:
            self.title.setText(_capitalized(month_and_year(self.day, "wide")))
            # An entry of several days once, on its first day in the month, with its days.
            starts: dict[dt.date, list[Entry]] = {}
            for entry in self.entries:
                starts.setdefault(max(entry.first_day, first), []).append(entry)
            self.agenda.show_days(starts, today)

    def follow_page(self, record_page) -> None:
        """Read again when a list saves or deletes records."""
        record_page.records_changed.connect(self.schedule_refresh)
        record_page.form.deleted.connect(self.schedule_refresh)

    def schedule_refresh(self, *_args) -> None:
        if self.isVisible():
            self._pending.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_PageUp:
            self.earlier()
        elif key == Qt.Key.Key_PageDown:
            self.later()
        elif key == Qt.Key.Key_Home:
            self.to_today()
        else:
            super().keyPressEvent(event)

    def _open_entry(self, entry: Entry) -> None:
        self.open_record.emit(entry.record_kind, entry.record_id)


def _capitalized(text: str) -> str:
    """A title begins with a capital: Russian names months in lower case ("декабрь")."""
    return text[:1].upper() + text[1:]


def start_event(window, day: dt.date) -> None:
    """A new event in the form of the events page, starting on ``day``."""
    if window.database_target is None or window.read_only or not window.show_page("event"):
        return
    window.pages["event"].new_record({"starts_on": day})


def install_calendar(window) -> CalendarPage:
    """Put the calendar in the navigation after the lists, and keep it current."""
    page = CalendarPage()
    page.open_record.connect(window.open_record)
    page.new_event.connect(lambda day: start_event(window, day))
    window.each_page(page.follow_page)
    keys = [
        window.navigation.item(row).data(Qt.ItemDataRole.UserRole)
        for row in range(window.navigation.count())
    ]
    row = keys.index("country") if "country" in keys else None
    window.add_view(CALENDAR, page, tr("Calendar"), "calendar", row=row)
    window.calendar_page = page
    action = QAction(QIcon(icon_path("calendar")), tr("&Calendar"), window)
    action.setObjectName("calendarAction")
    action.setShortcut(QKeySequence("Ctrl+9"))  # after the lists' Ctrl+1 … Ctrl+8
    action.triggered.connect(
        lambda: window.show_page(CALENDAR) if window.database_target is not None else None
    )
    country = next(
        (a for a in window.go_menu.actions() if a.shortcut() == QKeySequence("Ctrl+0")), None
    )
    window.go_menu.insertAction(country, action)
    return page
