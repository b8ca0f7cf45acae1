"""Search everywhere: Ctrl+K opens a box over the window that finds any record of any kind as
you type; Up and Down choose, Enter opens the record, Esc closes.

Also how a record is shown in a short list anywhere outside its own page (here and on the
home view): its kind's icon, its title, and a second, quieter line that tells it apart.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QIcon, QKeyEvent, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from models import search
from models.errors import SearchRefused
from models.search import Hit
from resources import icon_path
from ui.window_parts import window_part

# Searching is quick (a few milliseconds on 300,000 records; see benchmarks/), so the box waits
# only long enough to take a burst of keys (a paste, fast typing) as one search: results
# appear within 50 ms of the last key.
SEARCH_DELAY_MS = 25
RESULTS = 20

TARGET = Qt.ItemDataRole.UserRole  # (kind, id) of the record an item opens
DETAIL = Qt.ItemDataRole.UserRole + 1  # the second line

KIND_NAMES = {
    "organization": QT_TRANSLATE_NOOP("records", "Organization"),
    "person": QT_TRANSLATE_NOOP("records", "Person"),
    "event": QT_TRANSLATE_NOOP("records", "Event"),
    "delegation": QT_TRANSLATE_NOOP("records", "Delegation"),
    "program": QT_TRANSLATE_NOOP("records", "Program"),
    "agreement": QT_TRANSLATE_NOOP("records", "Agreement"),
    "figure": QT_TRANSLATE_NOOP("records", "Key figure"),
    "source": QT_TRANSLATE_NOOP("records", "Source"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("SearchBox", text)


def kind_name(kind: str) -> str:
    return QCoreApplication.translate("records", KIND_NAMES.get(kind, kind))


_icons: dict[str, QIcon] = {}


def kind_icon(kind: str) -> QIcon:
    if kind not in _icons:
        _icons[kind] = QIcon(icon_path(kind))
    return _icons[kind]


def record_item(kind: str, record_id: int, title: str, detail: str) -> QListWidgetItem:
    item = QListWidgetItem(kind_icon(kind), title)
    item.setData(TARGET, (kind, record_id))
    item.setData(DETAIL, detail)
    item.setToolTip(f"{title}\n{detail}" if detail else title)
    return item


class RecordItemDelegate(QStyledItemDelegate):
    """Two lines for a record: its title, and under it what tells it apart, muted."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        line = option.fontMetrics.height()
        return QSize(200, 2 * line + 12)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        # Copies: PySide hands out the option's own icon, which is cleared next.
        title, detail, icon = str(option.text), index.data(DETAIL) or "", QIcon(option.icon)
        option.text = ""
        option.icon = QIcon()
        widget = option.widget
        style = widget.style() if widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        rect: QRect = option.rect.adjusted(8, 5, -8, -5)
        line = option.fontMetrics.height()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        size = min(2 * line, 28)
        icon.paint(
            painter, QRect(rect.left(), rect.top() + (rect.height() - size) // 2, size, size)
        )
        left = rect.left() + size + 10
        width = rect.right() - left
        metrics = option.fontMetrics
        painter.setPen(option.palette.color(group, text_role))
        painter.drawText(
            QRect(left, rect.top(), width, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(title, Qt.TextElideMode.ElideRight, width),
        )
        muted = (
            option.palette.color(group, text_role)
            if selected
            else option.palette.color(QPalette.ColorRole.PlaceholderText)
        )
        painter.setPen(muted)
        painter.drawText(
            QRect(left, rect.top() + line + 2, width, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(detail, Qt.TextElideMode.ElideRight, width),
        )
        painter.restore()


def record_list_widget() -> QListWidget:
    """A short list of records, one click opening one."""
    widget = QListWidget()
    widget.setItemDelegate(RecordItemDelegate(widget))
    widget.setUniformItemSizes(True)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return widget


def hit_detail(hit: Hit) -> str:
    return f"{kind_name(hit.kind)} · {hit.detail}" if hit.detail else kind_name(hit.kind)


class SearchBox(QFrame):
    """A box over the window that finds any record as you type."""

    open_record = Signal(str, object)

    def __init__(
        self, parent: QWidget, find: Callable[[str, int], list[Hit]] = search.find
    ) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("searchEverywhere")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._find = find
        self.edit = QLineEdit()
        self.edit.setObjectName("searchEverywhereText")
        self.edit.setPlaceholderText(tr("Find any record: a name in any language, an acronym…"))
        self.edit.setClearButtonEnabled(True)
        font = self.edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.edit.setFont(font)
        self.edit.installEventFilter(self)
        self.results = record_list_widget()
        self.results.setObjectName("searchEverywhereResults")
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.itemClicked.connect(self._open)
        self.note = QLabel()
        self.note.setObjectName("searchEverywhereNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.edit.textChanged.connect(lambda _text: self._timer.start())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(self.edit)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.note)
        self.search()

    def popup(self) -> None:
        """Show the box at the top of the window, with what was last typed chosen."""
        window = self.parentWidget().window()
        width = min(680, max(window.width() - 80, 320))
        height = min(480, max(window.height() - 120, 240))
        top_left = window.mapToGlobal(window.rect().topLeft())
        self.setGeometry(
            top_left.x() + (window.width() - width) // 2, top_left.y() + 60, width, height
        )
        self.show()
        self.raise_()
        self.activateWindow()
        self.edit.setFocus()
        self.edit.selectAll()
        self.search()

    def search(self) -> None:
        self._timer.stop()
        text = self.edit.text()
        try:
            hits = self._find(text, RESULTS) if text.strip() else []
        except SearchRefused as error:
            self.results.clear()
            self.results.hide()
            self.note.setText(str(error))
            return
        self.results.clear()
        for hit in hits:
            self.results.addItem(record_item(hit.kind, hit.id, hit.title, hit_detail(hit)))
        if hits:
            self.results.setCurrentRow(0)
            self.note.setText(tr("↑ ↓ choose · Enter opens · Esc closes"))
        elif text.strip():
            self.note.setText(
                tr(
                    "Nothing is called “{text}”. Try fewer letters, or the name in another "
                    "language."
                ).format(text=text.strip())
            )
        else:
            self.note.setText(
                tr(
                    "Type a name in any language, an acronym, an e-mail or a city: partners, "
                    "people, events, delegations, programs, agreements, figures and sources "
                    "are all found here."
                )
            )
        self.results.setVisible(bool(hits))

    def shown_titles(self) -> list[str]:
        return [self.results.item(row).text() for row in range(self.results.count())]

    def _move(self, step: int) -> None:
        count = self.results.count()
        if count:
            row = max(0, min(count - 1, self.results.currentRow() + step))
            self.results.setCurrentRow(row)

    def _open(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        kind, record_id = item.data(TARGET)
        # Closed first: opening the record may ask about unsaved changes in a form.
        self.hide()
        self.open_record.emit(kind, record_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            return self._key(event)
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        page = max(1, self.results.height() // max(self.results.sizeHintForRow(0), 1) - 1)
        steps = {
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_PageDown: page,
            Qt.Key.Key_PageUp: -page,
        }
        if key in steps:
            self._move(steps[key])
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._timer.isActive():
                self.search()
            self._open(self.results.currentItem())
            return True
        if key == Qt.Key.Key_Escape:
            self.hide()
            return True
        return False


@window_part
def install_search(window) -> SearchBox:
    """Ctrl+K and a toolbar button open search everywhere on the main window."""
    box = SearchBox(window)
    box.open_record.connect(window.open_record)
    action = QAction(QIcon(icon_path("search")), tr("&Search everywhere…"), window)
    action.setObjectName("searchEverywhereAction")
    action.setShortcut(QKeySequence("Ctrl+K"))
    action.setToolTip(tr("Find any record of any kind (Ctrl+K)"))
    action.triggered.connect(lambda: box.popup() if window.database_target else None)
    first = window.go_menu.actions()[0] if window.go_menu.actions() else None
    window.go_menu.insertAction(first, action)
    window.go_menu.insertSeparator(first)
    window.toolbar.addSeparator()
    window.toolbar.addAction(action)
    box.action = action
    return box
