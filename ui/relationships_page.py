"""Who met whom: the people and organizations around one person, organization, event or
delegation, through the events and delegations that linked them, as a picture.

A click on a record puts it in the centre; a double-click opens it. One or two steps, and a
period, choose how much is shown. The wheel zooms (around the pointer), dragging moves the
picture, and the button *Fit* shows it whole again. A record's form has a button that opens
this page centred on it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QIcon,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPixmap,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from models import search
from models.errors import SearchRefused, SeriktesError
from models.relationships import (
    KINDS,
    Neighbourhood,
    NodeKey,
    Period,
    RelationshipRefused,
    neighbourhood,
    picture_caption,
    picture_note,
)
from models.store.base import db
from resources import icon_path
from ui import dialogs
from ui.export_action import file_name
from ui.folders import start_folder
from ui.graph_scene import COLOURS, GraphScene, legend_entries, mark_path
from ui.search_box import TARGET, hit_detail, record_item, record_list_widget
from ui.settings import EXPORT_FOLDER
from ui.widgets.inputs import DateInput
from ui.window_parts import window_part

RELATIONSHIPS = "relationships"
ZOOM_STEP = 1.2
FOUND = 8  # records offered under the box that chooses the centre


def tr(text: str) -> str:
    return QCoreApplication.translate("RelationshipsPage", text)


class GraphView(QGraphicsView):
    """The picture: a click on a record says which (after the time of a double-click, so
    that a double-click is not also a click), a double-click too; the wheel zooms."""

    clicked = Signal(object)  # (kind, id)
    double_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relationshipsView")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.fitted = True
        self._pending: NodeKey | None = None
        self._press: QPoint | None = None
        self._click = QTimer(self, singleShot=True)
        self._click.setInterval(QApplication.doubleClickInterval())
        self._click.timeout.connect(self._clicked)

    def key_at(self, position: QPoint) -> NodeKey | None:
        scene = self.scene()
        if not isinstance(scene, GraphScene):
            return None
        return next(
            (key for key in map(scene.key_at, self.items(position)) if key is not None), None
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        position = event.position().toPoint()
        moved = self._press is not None and (position - self._press).manhattanLength() > 4
        if event.button() == Qt.MouseButton.LeftButton and not moved:
            key = self.key_at(position)
            if key is not None:
                self._pending = key
                self._click.start()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self._click.stop()
        self._pending = None
        key = self.key_at(event.position().toPoint())
        if key is not None and event.button() == Qt.MouseButton.LeftButton:
            self.double_clicked.emit(key)
            return
        super().mouseDoubleClickEvent(event)

    def _clicked(self) -> None:
        key, self._pending = self._pending, None
        if key is not None:
            self.clicked.emit(key)

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(ZOOM_STEP**steps)

    def zoom(self, factor: float) -> None:
        scale = self.transform().m11() * factor
        if 0.05 <= scale <= 8:
            self.scale(factor, factor)
            self.fitted = False

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.fitted:  # the whole picture stays in sight until the user zooms
            self.fit()

    def fit(self) -> None:
        scene = self.scene()
        self.fitted = True
        if scene is not None:
            self.resetTransform()
            self.fitInView(scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
            self.scale(0.98, 0.98)  # no scroll bars for a rounding
            if self.transform().m11() > 1:  # a few records: not drawn larger than life
                self.resetTransform()
                self.centerOn(0, 0)


class Legend(QWidget):
    """A mark and a count for each kind of record the picture shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relationshipsLegend")
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.entries: list[str] = []

    def show_entries(self, entries: list[tuple[str, str]]) -> None:
        while self.row.count():
            item = self.row.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.entries = [text for _kind, text in entries]
        for kind, text in entries:
            self.row.addWidget(_mark_label(kind))
            label = QLabel(text)
            label.setObjectName(f"legend-{kind}")
            self.row.addWidget(label)
            self.row.addSpacing(12)
        self.row.addStretch(1)


def _mark_label(kind: str) -> QLabel:
    pixmap = QPixmap(20, 20)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(10, 10)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(COLOURS[kind])
    painter.drawPath(mark_path(kind, 7))
    painter.end()
    label = QLabel()
    label.setPixmap(pixmap)
    return label


class RelationshipsPage(QWidget):
    open_record = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.centre: NodeKey | None = None
        self.neighbourhood: Neighbourhood | None = None
        self._database = None

        self.find = QLineEdit()
        self.find.setObjectName("relationshipsFind")
        self.find.setClearButtonEnabled(True)
        self.find.setPlaceholderText(
            tr("Find the person, organization, event or delegation to put in the centre")
        )
        self.found = record_list_widget()
        self.found.setObjectName("relationshipsFound")
        self.found.hide()
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self._search)
        self.find.textEdited.connect(lambda _text: self._search_timer.start())
        self.find.returnPressed.connect(self._choose_first)
        self.found.itemClicked.connect(self._choose)
        self.found.itemActivated.connect(self._choose)

        self.heading = QLabel()
        self.heading.setObjectName("relationshipsHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        self.caption = QLabel()
        self.caption.setStyleSheet("color: palette(placeholder-text);")

        self.one_step = QRadioButton(tr("One step"))
        self.one_step.setToolTip(tr("Whom it met: the events and delegations, and who was there"))
        self.two_steps = QRadioButton(tr("Two steps"))
        self.two_steps.setToolTip(tr("Also whom they met, at their other events and delegations"))
        self.one_step.setChecked(True)
        self.steps = QButtonGroup(self)
        self.steps.addButton(self.one_step, 1)
        self.steps.addButton(self.two_steps, 2)
        self.steps.idClicked.connect(lambda _id: self.refresh())
        self.start = DateInput()
        self.start.setObjectName("relationshipsFrom")
        self.end = DateInput()
        self.end.setObjectName("relationshipsTo")
        for field in (self.start, self.end):
            field.setMaximumWidth(140)
            field.editingFinished.connect(self._period_changed)
            field.popup.chosen.connect(lambda _day: self._period_changed())
        self.save_button = QPushButton(tr("Save picture…"))
        self.save_button.setToolTip(tr("Save this picture as PNG or SVG, for a slide or a report"))
        self.save_button.clicked.connect(self.save_picture)
        self.settings = None  # the window's, for the folder pictures were saved in last
        self.fit_button = QPushButton(tr("Fit"))
        self.fit_button.setToolTip(tr("Show the whole picture (the wheel zooms)"))
        zoom_in = QPushButton("+")
        zoom_in.setToolTip(tr("Zoom in"))
        zoom_out = QPushButton("−")
        zoom_out.setToolTip(tr("Zoom out"))
        for button in (zoom_in, zoom_out):
            button.setFixedWidth(32)

        self.view = GraphView()
        self.view.clicked.connect(self.show_centre_key)
        self.view.double_clicked.connect(lambda key: self.open_record.emit(key[0], key[1]))
        self.fit_button.clicked.connect(self.view.fit)
        zoom_in.clicked.connect(lambda: self.view.zoom(ZOOM_STEP))
        zoom_out.clicked.connect(lambda: self.view.zoom(1 / ZOOM_STEP))
        self.legend = Legend()
        self.note = QLabel()
        self.note.setObjectName("relationshipsNote")
        self.note.setWordWrap(True)
        self.hint = QLabel(
            tr(
                "Click a record to put it in the centre, double-click it to open it. "
                "The wheel zooms; drag to move the picture."
            )
        )
        self.hint.setStyleSheet("color: palette(placeholder-text);")

        controls = QHBoxLayout()
        controls.addWidget(self.one_step)
        controls.addWidget(self.two_steps)
        controls.addSpacing(16)
        controls.addWidget(QLabel(tr("From")))
        controls.addWidget(self.start)
        controls.addWidget(QLabel(tr("To")))
        controls.addWidget(self.end)
        controls.addStretch(1)
        controls.addWidget(zoom_out)
        controls.addWidget(zoom_in)
        controls.addWidget(self.fit_button)
        controls.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.find)
        layout.addWidget(self.found)
        layout.addWidget(self.heading)
        layout.addWidget(self.caption)
        layout.addLayout(controls)
        layout.addWidget(self.legend)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        self._show_nothing()

    # -- choosing the centre ------------------------------------------------------------------

    def _search(self) -> None:
        text = self.find.text()
        self.found.clear()
        try:
            hits = search.find(text, 40) if text.strip() else []
        except SearchRefused:
            hits = []
        for hit in [hit for hit in hits if hit.kind in KINDS][:FOUND]:
            self.found.addItem(record_item(hit.kind, hit.id, hit.title, hit_detail(hit)))
        if self.found.count():
            self.found.setCurrentRow(0)
            row = self.found.sizeHintForRow(0)
            self.found.setFixedHeight(row * min(self.found.count(), 5) + 4)
        self.found.setVisible(self.found.count() > 0)

    def _choose_first(self) -> None:
        self._search_timer.stop()
        self._search()
        self._choose(self.found.currentItem())

    def _choose(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        kind, record_id = item.data(TARGET)
        self.found.hide()
        self.find.clear()
        self.show_centre(kind, record_id)

    def show_centre_key(self, key: NodeKey) -> None:
        self.show_centre(*key)

    def show_centre(self, kind: str, record_id: int) -> None:
        """Put a record in the centre and draw what is around it."""
        self.centre = (kind, int(record_id))
        self._database = db.obj
        self.refresh()

    # -- drawing ------------------------------------------------------------------------------

    def period(self) -> Period:
        return Period(self.start.value(), self.end.value())

    def _period_changed(self) -> None:
        period = self.period()
        if self.neighbourhood is not None and period != self.neighbourhood.period:
            self.refresh()

    def refresh(self) -> None:
        if self.centre is None or db.obj is None or db.obj.is_closed():
            self._show_nothing()
            return
        steps = self.steps.checkedId()
        try:
            found = neighbourhood(*self.centre, steps=steps, period=self.period())
        except RelationshipRefused as refused:
            self.note.setText(str(refused))
            self.note.show()
            return
        if not found.nodes[found.centre].label:
            self.centre = None  # the record is gone (deleted, or another database)
            self._show_nothing()
            return
        self.neighbourhood = found
        self.save_button.setEnabled(True)
        scene = GraphScene(found, self.font())
        old = self.view.scene()
        self.view.setScene(scene)
        if old is not None:
            old.deleteLater()
        centre = found.nodes[found.centre]
        self.heading.setText(centre.name)
        self.caption.setText(
            f"{centre.detail} · {picture_caption(found)}"
            if centre.detail
            else picture_caption(found)
        )
        self.legend.show_entries(legend_entries(found))
        note = picture_note(found)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.view.fit()

    def save_picture(self) -> None:
        """The picture as ``seriktes export graph`` writes it, where the user chooses."""
        # Here, not at the top: the spreadsheet and SVG libraries would slow every start.
        from exports.workbook import write_in_place
        from ui.graph_picture import write_graph_picture

        found = self.neighbourhood
        if found is None:
            return
        last = self.settings.get(EXPORT_FOLDER) if self.settings is not None else None
        name = file_name(found.nodes[found.centre].label).removesuffix(".xlsx") + ".png"
        path = dialogs.choose_picture_path(self, str(Path(start_folder(last)) / name))
        if path is None:
            return
        try:
            write_in_place(Path(path), lambda target: write_graph_picture(found, target))
        except SeriktesError as error:
            dialogs.show_error(self, tr("The picture was not saved"), str(error))
            return
        if self.settings is not None:
            self.settings.set(EXPORT_FOLDER, str(Path(path).parent))
        self.note.setText(tr("Saved as {path}.").format(path=path))
        self.note.show()

    def _show_nothing(self) -> None:
        self.save_button.setEnabled(False)
        self.neighbourhood = None
        old = self.view.scene()
        self.view.setScene(None)
        if old is not None:
            old.deleteLater()
        self.heading.setText(tr("Who met whom"))
        self.caption.setText(
            tr(
                "Choose a person, organization, event or delegation above, or press "
                "“Who met whom” on its form: the people and organizations it met are drawn "
                "around it."
            )
        )
        self.caption.setWordWrap(True)
        self.legend.show_entries([])
        self.note.hide()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._database is not db.obj:  # another database: its records are others
            self.centre = None
            self._database = db.obj
            self._show_nothing()
        elif self.centre is not None:
            self.refresh()


@window_part
def install_relationships(window) -> RelationshipsPage:
    """The page in the navigation (after the countries) and on the Go menu, and a button
    on the forms of people, organizations, events and delegations that opens it centred on
    the record shown."""
    page = RelationshipsPage()
    page.settings = window.settings
    keys = [
        window.navigation.item(row).data(Qt.ItemDataRole.UserRole)
        for row in range(window.navigation.count())
    ]
    row = keys.index("country") + 1 if "country" in keys else None
    window.add_view(RELATIONSHIPS, page, tr("Who met whom"), RELATIONSHIPS, row=row)
    page.open_record.connect(window.open_record)

    def show(kind: str, record_id: int) -> None:
        if window.show_page(RELATIONSHIPS):
            page.show_centre(kind, record_id)

    def add_button(record_page) -> None:
        form = record_page.form
        if form.editor.kind not in KINDS:
            return
        button = QPushButton(QIcon(icon_path(RELATIONSHIPS)), tr("Who met whom"))
        button.setObjectName("whoMetWhomButton")
        button.setToolTip(
            tr("The people and organizations linked to this record through events and delegations")
        )
        button.clicked.connect(lambda _checked=False, f=form: show(f.editor.kind, f.record_id))
        form.button_row.insertWidget(1, button)
        form.who_met_whom = button
        # For a saved record only: a new one has no links yet.
        button.setEnabled(form.record_id is not None)
        form.shown.connect(lambda record_id, b=button: b.setEnabled(record_id is not None))

    window.each_page(add_button)
    action = QAction(QIcon(icon_path(RELATIONSHIPS)), tr("&Who met whom"), window)
    action.setShortcut(QKeySequence("Ctrl+Shift+W"))
    action.triggered.connect(
        lambda: window.show_page(RELATIONSHIPS) if window.database_target else None
    )
    window.go_menu.addAction(action)
    page.action = action
    return page
