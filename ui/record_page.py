"""One kind of record on screen: its list (searched, filtered and sorted in SQL) beside the
form of the record chosen. Every kind uses this page with its own list and form."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStyle,
    QStyleOptionComboBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.listing import Filter, ListRequest, filter_options
from models.views import View
from models.words.numbers import format_number
from ui.column_fit import fit_columns
from ui.forms.record_form import FormState
from ui.kind_words import any_choice, filter_hint, kind_words
from ui.page_spec import PageSpec
from ui.settings import AppSettings, column_layout
from ui.table_model import RecordTableModel
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.record_table import RecordTable
from ui.widgets.shortcut import shortcut

SEARCH_DELAY_MS = 150


@dataclass(frozen=True)
class PageState:
    """What the user left on a page: kept while the window is made again."""

    request: ListRequest  # the search, filters and sort
    columns: QByteArray | None  # the columns as the user arranged them; None: as fitted
    splitter: QByteArray
    form: FormState


class FilterChoice(QComboBox):
    """A filter's list of choices: as wide as the choice it shows whole (and its first, "Any
    country"), its open list as wide as its longest choice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentIndexChanged.connect(lambda _index: self.updateGeometry())

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        texts = [self.currentText(), self.itemText(0) if self.count() else ""]
        width = max(metrics.horizontalAdvance(text) for text in texts)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        size = QSize(width, metrics.height())
        return self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, size, self)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def showPopup(self) -> None:
        view = self.view()
        view.setMinimumWidth(
            view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width()
        )
        super().showPopup()


class RecordPage(QWidget):
    open_record = Signal(str, object)
    message = Signal(str)
    records_changed = Signal()
    views_changed = Signal(str)  # the kind whose saved views were saved, renamed or deleted
    bulk_changed = Signal(str, object, str, str)  # kind, {id: title}, change set, step title
    bulk_trashed = Signal(str, object, str, str)  # kind, {id: title}, trash batch, step title
    left_view = Signal(str)  # the list no longer shows its saved view as kept

    def __init__(
        self,
        spec: PageSpec,
        settings: AppSettings,
        parent: QWidget | None = None,
        model: RecordTableModel | None = None,
    ) -> None:
        """``model``: the list as a page made before read it (in another language): its rows
        are kept, not read again."""
        super().__init__(parent)
        self.spec = spec
        self.settings = settings
        if model is None:
            model = RecordTableModel(spec.record_list, self)
        else:
            model.setParent(self)
            model.hold(True)  # the page's own sorting while it is made reads nothing
        self.model = model

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(spec.shown_search_hint())
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_request)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        # Down goes from the search box into the rows found.
        self.search.installEventFilter(self)

        self.filters: dict[str, QComboBox] = {}
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        # The filters, Clear and Columns go on to a second row rather than being cut where
        # the list is narrow or their names long.
        filter_row = FlowLayout()
        for spec_filter in spec.record_list.filters:
            combo = FilterChoice()
            combo.setObjectName(f"filter_{spec_filter.key}")
            combo.setToolTip(filter_hint(spec_filter.key))
            combo.activated.connect(lambda _i: self.apply_request())
            self.filters[spec_filter.key] = combo
            filter_row.addWidget(combo)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Clear the search and the filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        # The one way to clear: the search box has no clear button of its own beside it.
        self.search.textChanged.connect(self._update_clear)
        filter_row.addWidget(self.clear_button)
        self.columns_button = QToolButton()
        self.columns_button.setText(self.tr("Columns"))
        self.columns_button.setToolTip(self.tr("Choose the columns shown"))
        self.columns_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.columns_button.setMenu(QMenu(self.columns_button))
        self.columns_button.menu().aboutToShow.connect(self._fill_columns_menu)
        filter_row.addWidget(self.columns_button)
        self.views_button = QToolButton()
        self.views_button.setObjectName("views_button")
        self.views_button.setText(self.tr("Views"))
        self.views_button.setToolTip(
            self.tr("Keep this list's search, filters, sort and columns under a name")
        )
        self.views_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.views_button.setMenu(QMenu(self.views_button))
        self.views_button.menu().aboutToShow.connect(self._fill_views_menu)
        filter_row.addWidget(self.views_button)
        self.current_view: View | None = None
        self.read_only = False

        self.table = RecordTable()
        self.table.setObjectName("records")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Shift and Ctrl choose many rows, for a change made to them all at once.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.table.setSortingEnabled(True)
        # After the view's own handler, which has the model sort itself first.
        header.sortIndicatorChanged.connect(self._sorted)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(lambda _index: self.focus_form())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # Enter opens the chosen row only while the list has the focus: in a form field
            # it belongs to the field (a picker chooses its match with it).
            opening = shortcut(
                QKeySequence(key), self.table, self.focus_form, Qt.ShortcutContext.WidgetShortcut
            )
            opening.setWhatsThis(self.tr("Open the selected row in the form"))

        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.count_label.setStyleSheet("color: palette(placeholder-text);")
        self.words = kind_words(spec.kind)
        self.new_button = QPushButton(self.words.new())
        self.new_button.setToolTip(self.tr("Add a record (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_record)
        self.bulk_button = QPushButton(self.tr("Change selected…"))
        self.bulk_button.setObjectName("bulk_button")
        self.bulk_button.setToolTip(
            self.tr("Set a field, or add or remove a tag, on every selected record at once")
        )
        self.bulk_button.clicked.connect(self.change_selected)
        below = QHBoxLayout()
        below.addWidget(self.count_label, 1)
        # On a narrow window the buttons take a second row rather than cutting their names.
        buttons = FlowLayout(to_the_right=True)
        buttons.addWidget(self.bulk_button)
        buttons.addWidget(self.new_button)
        below.addLayout(buttons, 2)

        listing = QWidget()
        listing_layout = QVBoxLayout(listing)
        listing_layout.setContentsMargins(0, 0, 0, 0)
        listing_layout.addLayout(search_row)
        listing_layout.addLayout(filter_row)
        listing_layout.addWidget(self.table, 1)
        listing_layout.addLayout(below)

        self.form = spec.form()
        for form_key in self.form.findChildren(QShortcut):
            # The form's own keys, named for Help ▸ Keyboard shortcuts.
            if form_key.key() == QKeySequence(QKeySequence.StandardKey.Cancel):
                form_key.setWhatsThis(self.tr("Drop the changes in the form, after asking"))
        self.form.saved.connect(self._saved)
        self.form.deleted.connect(self._deleted)
        self.form.gone.connect(self._gone)
        self.form.open_record.connect(self.open_record)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(listing)
        self.splitter.addWidget(self.form)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([580, 520])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.splitter)

        self._previous_row = -1
        # Put back by ``restore`` while the page was out of view: its filters' choices, and
        # that the list is to be read without touching the form.
        self._restored_filters: dict[str, str] = {}
        self._restored = False
        self.default_layout = True
        self._arranging_columns = False
        header.sectionResized.connect(self._user_resized)
        header.sectionMoved.connect(self._columns_arranged)
        self.table.viewport().installEventFilter(self)
        self._default_columns()
        self.restore_layout()
        self.model.modelReset.connect(self._update_count)
        self.model.counted.connect(self._update_count)
        self.model.hold(False)

    # -- database ----------------------------------------------------------------------------

    def set_available(self, available: bool) -> None:
        self.setEnabled(available)
        # A page out of view reads its list and filters when it comes into view (showEvent).
        shown = self.isVisible()
        self.model.set_available(available, read=shown)
        if available:
            if shown:
                self.refresh_filters()
            self.form.load(None)

    def showEvent(self, event: QShowEvent) -> None:
        """Records may have been added or changed from another page (a person made from an
        event's form), so the list is read again each time it comes into view."""
        super().showEvent(event)
        if self.isEnabled() and self.model.available:
            self._read()

    def _read(self) -> None:
        self.refresh_filters()
        if self._restored:
            self._restored = False
            self._show_list()
        else:
            self.apply_request()

    def state(self) -> PageState:
        return PageState(
            request=self.request(),
            columns=None if self.default_layout else self.table.horizontalHeader().saveState(),
            splitter=self.splitter.saveState(),
            form=self.form.state(),
        )

    def restore(self, state: PageState) -> None:
        """Put back what ``state`` kept; the list is read when the page comes into view."""
        self.splitter.restoreState(state.splitter)
        header = self.table.horizontalHeader()
        if state.columns is not None:
            with self._arranging():
                header.restoreState(state.columns)
            self.default_layout = False
        keys = [column.key for column in self.spec.record_list.columns]
        if state.request.sort in keys:
            order = (
                Qt.SortOrder.DescendingOrder
                if state.request.descending
                else Qt.SortOrder.AscendingOrder
            )
            header.blockSignals(True)  # the list is read once, when shown
            header.setSortIndicator(keys.index(state.request.sort), order)
            header.blockSignals(False)
        self.model.request.sort = state.request.sort
        self.model.request.descending = state.request.descending
        self.search.blockSignals(True)
        self.search.setText(state.request.search)
        self.search.blockSignals(False)
        self._restored_filters = dict(state.request.filters)
        self.form.restore(state.form)
        self._restored = True
        if self.isVisible() and self.model.available:
            self._read()

    def _show_list(self) -> None:
        """The list as the search box and filters ask, with the record in the form chosen
        if it is in it; the form stays as it is. A list read already for the same search
        is not read again."""
        self._search_timer.stop()
        request = self.request()
        if request != self.model.read_request:
            self.model.set_request(request)
        else:
            self.model.request = request
            self._update_count()
        self._update_clear()
        self._select(self.form.record_id)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.new_button.setEnabled(not read_only)
        self.bulk_button.setEnabled(not read_only)
        self.form.set_read_only(read_only)

    # -- the list ----------------------------------------------------------------------------

    def request(self) -> ListRequest:
        filters = {
            key: combo.currentData() for key, combo in self.filters.items() if combo.currentData()
        }
        return ListRequest(
            search=self.search.text(),
            filters=filters,
            sort=self.model.request.sort,
            descending=self.model.request.descending,
        )

    def apply_request(self) -> None:
        """Show the list as the search and filters ask. The form always shows a record of
        the list, or none: when they hide the record in the form, the first record shown
        takes its place (after asking, when it has unsaved changes; kept, the list goes back
        to showing it)."""
        self._search_timer.stop()
        current = self.form.record_id
        before = self.model.request
        self.model.set_request(self.request())
        view = self.current_view
        if view is not None and (
            self.model.request.search != view.request.search
            or self.model.request.filters != view.request.filters
        ):
            self.left_view.emit(self.spec.kind)
        self._update_clear()
        if current is None or self.model.row_of(current) is not None:
            self._select(current)
            return
        if not self.form.maybe_leave():
            self._show_request(before)
            self._select(current)
            return
        self._show_first()

    def _show_first(self) -> None:
        if self.model.rowCount():
            self._set_current_row(0)
            self.form.load(self.model.record_id(0))
        else:
            self._set_current_row(-1)
            self.form.load(None)

    def _show_request(self, request: ListRequest) -> None:
        """The search box and filters as ``request`` has them, and the list they show."""
        self.search.blockSignals(True)
        self.search.setText(request.search)
        self.search.blockSignals(False)
        for key, combo in self.filters.items():
            combo.setCurrentIndex(max(combo.findData(request.filters.get(key)), 0))
        self.model.set_request(request)
        self._update_clear()

    def _update_clear(self, *_args) -> None:
        """Clear is offered when there is a search or a filter to clear."""
        self.clear_button.setEnabled(
            bool(self.search.text()) or any(c.currentIndex() > 0 for c in self.filters.values())
        )

    def refresh_filters(self) -> None:
        for spec_filter in self.spec.record_list.filters:
            self._fill_filter(spec_filter)

    def _fill_filter(self, spec_filter: Filter) -> None:
        combo = self.filters[spec_filter.key]
        chosen = self._restored_filters.pop(spec_filter.key, combo.currentData())
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(any_choice(spec_filter.key), None)
        for value, label in filter_options(self.spec.record_list, spec_filter):
            combo.addItem(self.tr(label), value)
        index = combo.findData(chosen)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        combo.updateGeometry()  # as wide as its choice, which may have changed

    def set_filter(self, key: str, value: str | None) -> None:
        combo = self.filters[key]
        combo.setCurrentIndex(max(combo.findData(value), 0))
        self.apply_request()

    def clear_filters(self) -> None:
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        for combo in self.filters.values():
            combo.setCurrentIndex(0)
        self.apply_request()

    def _sorted(self, _section: int, _order: Qt.SortOrder) -> None:
        self._select(self.form.record_id)

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        request = self.model.request
        words = self.words
        if request.search.strip() or request.filters:
            total = self.spec.record_list.count(ListRequest()) if self.isEnabled() else 0
            text = (words.counting if self.model.counting else words.shown_of)(total)
        else:
            total = shown
            text = words.count(total)
        if self.model.refused:
            self.table.set_empty_text(self.model.refused)
        elif shown == 0 and total:
            self.table.set_empty_text(words.none_match())
        elif total == 0:
            self.table.set_empty_text(words.none_yet())
        self.count_label.setText(
            text.format(
                shown=format_number(shown), total=format_number(total), count=format_number(total)
            )
        )

    # -- the chosen record -------------------------------------------------------------------

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or current.row() == self._previous_row:
            return
        record_id = self.model.record_id(current.row())
        if record_id == self.form.record_id:
            self._previous_row = current.row()
            return
        if not self.form.maybe_leave():
            self._set_current_row(self._previous_row)
            return
        self._previous_row = current.row()
        if record_id is not None:
            self.form.load(record_id)

    def _set_current_row(self, row: int) -> None:
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        if row < 0:
            selection.clear()
        else:
            index = self.model.index(row, 0)
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)
        selection.blockSignals(False)
        self.table.viewport().update()
        self._previous_row = row

    def _select(self, record_id: int | None) -> None:
        row = self.model.row_of(record_id) if record_id is not None else None
        self._set_current_row(-1 if row is None else row)

    def open(self, record_id: int) -> bool:
        """Show a record in the form, on its Details, choosing its row when the list shows
        it. The record already in the form stays as it is, unsaved changes and all."""
        if record_id != self.form.record_id:
            if not self.form.maybe_leave():
                return False
            self.form.load(record_id)
        self.form.show_details()
        if self.model.row_of(record_id) is None:
            self.clear_filters()
        self._select(record_id)
        return True

    def new_record(self, defaults: dict | None = None) -> None:
        """An empty form for a new record, with ``defaults`` filled in (an event's day)."""
        if not self.form.maybe_leave():
            return
        self._set_current_row(-1)
        self.form.load(None, defaults)
        self.focus_form()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
        ):
            self.focus_list()
            return True
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def focus_list(self) -> None:
        """The list takes the focus, on the row of the record in the form or on the first."""
        if self._search_timer.isActive():
            self.apply_request()
        self.table.setFocus()
        if self.table.selectionModel().currentIndex().isValid() or not self.model.rowCount():
            return
        if self.form.record_id is None and self.form.is_dirty():
            return  # a new record being typed stays until a row is chosen
        self.table.selectionModel().setCurrentIndex(
            self.model.index(0, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def focus_form(self) -> None:
        first = next(iter(self.form.inputs.values()), None)
        if first is not None:
            first.setFocus()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _saved(self, record_id: int) -> None:
        self.model.refresh()
        self.refresh_filters()
        self._select(record_id)
        if self.model.row_of(record_id) is None:
            self.message.emit(self.tr("Saved. The current search or filters hide it."))
        else:
            self.message.emit(self.tr("Saved."))
        self.records_changed.emit()

    def reread(self) -> None:
        """Records changed on another desktop: the list shown is read again where it is
        (its place and its chosen row kept), and the form checks its record. A page out of
        view reads its list when it comes into view."""
        self.form.check_elsewhere()
        if not self.isVisible() or not self.model.available:
            return
        bar = self.table.verticalScrollBar()
        place = bar.value()
        self.model.refresh()
        self._select(self.form.record_id)
        bar.setValue(place)
        self._update_count()

    def _gone(self, _record_id: int) -> None:
        """The record the form showed was deleted on another desktop: the form shows the
        record saved in its place (saved as new), or the next one."""
        if self.form.record_id is not None:
            self.model.refresh()
            self._select(self.form.record_id)
            self.records_changed.emit()
            return
        self._deleted(_record_id, self.tr("Deleted on another desktop."))

    def _deleted(self, _record_id: int, message: str = "") -> None:
        row = self._previous_row
        self.model.refresh()
        self.refresh_filters()
        self._previous_row = -1
        if self.model.rowCount():
            next_row = min(max(row, 0), self.model.rowCount() - 1)
            self._set_current_row(next_row)
            self.form.load(self.model.record_id(next_row))
        self.message.emit(message or self.tr("Deleted."))
        self.records_changed.emit()

    # -- columns -----------------------------------------------------------------------------

    def _default_columns(self) -> None:
        header = self.table.horizontalHeader()
        with self._arranging():
            for section, column in enumerate(self.spec.record_list.columns):
                header.resizeSection(section, column.width)
                header.setSectionHidden(section, not column.shown)
                header.moveSection(header.visualIndex(section), section)
        self.default_layout = True
        self._fit_columns()
        record_list = self.spec.record_list
        keys = [column.key for column in record_list.columns]
        header.setSortIndicator(
            keys.index(record_list.default_sort),
            Qt.SortOrder.DescendingOrder
            if record_list.default_descending
            else Qt.SortOrder.AscendingOrder,
        )

    @contextmanager
    def _arranging(self):
        """Columns changed by the page, not by the user."""
        self._arranging_columns = True
        try:
            yield
        finally:
            self._arranging_columns = False

    def _fit_columns(self) -> None:
        """While the user has not arranged the columns, the default ones are fitted to the
        list's width: as many as fit beside the form, none hidden to the right."""
        room = self.table.viewport().width()
        if not self.default_layout or room < 100:
            return
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        shown = [i for i, column in enumerate(self.spec.record_list.columns) if column.shown]
        widths = [self.spec.record_list.columns[i].width for i in shown]
        headings = [
            metrics.horizontalAdvance(str(self.model.headerData(i, Qt.Orientation.Horizontal)))
            + 28  # the margins and the sort indicator
            for i in shown
        ]
        fitted = fit_columns(widths, headings, room - 2)
        with self._arranging():
            for section, width in zip(shown, fitted, strict=True):
                header.setSectionHidden(section, width is None)
                if width is not None:
                    header.resizeSection(section, width)

    def _user_resized(self, *_args) -> None:
        # The view resizes the last column itself to fill the list; only a drag is the user's.
        if QApplication.mouseButtons() & Qt.MouseButton.LeftButton:
            self._columns_arranged()

    def _columns_arranged(self, *_args) -> None:
        # A column dragged wider or elsewhere, or chosen in the menu: the user's layout
        # from now on, kept as it is.
        if not self._arranging_columns:
            self.default_layout = False

    def _header_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        self._fill_columns_menu(menu)
        menu.exec(self.table.horizontalHeader().mapToGlobal(position))

    def _fill_columns_menu(self, menu: QMenu | None = None) -> None:
        menu = menu or self.columns_button.menu()
        menu.clear()
        header = self.table.horizontalHeader()
        shown = [s for s in range(header.count()) if not header.isSectionHidden(s)]
        for section, column in enumerate(self.spec.record_list.columns):
            label = self.model.headerData(section, Qt.Orientation.Horizontal)
            action = QAction(str(label or column.label), menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(section))
            # The last column shown stays: a list with no columns shows nothing.
            action.setEnabled(shown != [section])
            action.toggled.connect(lambda on, s=section: self.show_column(s, on))
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.tr("Reset columns"), self._default_columns)

    def show_column(self, section: int, shown: bool) -> None:
        self.default_layout = False
        self.table.horizontalHeader().setSectionHidden(section, not shown)

    def save_layout(self) -> None:
        self.settings.set(column_layout(self.spec.kind), self.table.horizontalHeader().saveState())

    def restore_layout(self) -> None:
        state = self.settings.get(column_layout(self.spec.kind))
        if state and not state.isEmpty():
            self.table.horizontalHeader().restoreState(state)
            self.default_layout = False
        header = self.table.horizontalHeader()
        self.model.request.sort = (
            self.spec.record_list.columns[header.sortIndicatorSection()].key
            if 0 <= header.sortIndicatorSection() < len(self.spec.record_list.columns)
            else self.spec.record_list.default_sort
        )
        self.model.request.descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    # -- saved views -------------------------------------------------------------------------

    def shown_columns(self) -> list[str]:
        """The keys of the columns shown, in the order they are shown."""
        header = self.table.horizontalHeader()
        columns = self.spec.record_list.columns
        return [
            columns[header.logicalIndex(place)].key
            for place in range(header.count())
            if not header.isSectionHidden(header.logicalIndex(place))
        ]

    def apply_view(self, view: View) -> None:
        """Show the list as the view keeps it: its search, filters, sort and columns."""
        if not self.form.maybe_leave():
            return
        self.current_view = view
        header = self.table.horizontalHeader()
        keys = [column.key for column in self.spec.record_list.columns]
        # A column this version of the list no longer has is left out.
        shown = [key for key in view.columns if key in keys] or keys[:1]
        with self._arranging():
            for place, key in enumerate(shown):
                header.moveSection(header.visualIndex(keys.index(key)), place)
            for section, key in enumerate(keys):
                header.setSectionHidden(section, key not in shown)
        self.default_layout = False
        request = view.request
        sort = request.sort if request.sort in keys else self.spec.record_list.default_sort
        order = Qt.SortOrder.DescendingOrder if request.descending else Qt.SortOrder.AscendingOrder
        header.blockSignals(True)
        header.setSortIndicator(keys.index(sort), order)
        header.blockSignals(False)
        self._show_request(
            ListRequest(request.search, dict(request.filters), sort, request.descending)
        )
        self._show_first()

    def _fill_views_menu(self) -> None:
        from ui.views_menu import fill_views_menu

        fill_views_menu(self, self.views_button.menu())

    # -- bulk edits --------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [rid for rid in (self.model.record_id(row) for row in rows) if rid is not None]

    def change_selected(self) -> None:
        from ui.bulk_edit_dialog import change_records

        change_records(self)
