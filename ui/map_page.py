"""Map: where in the world the partners are. Each country is shaded by its number of partners
(or events, delegations, agreements: chosen in the menu above the map), with a legend; hovering
a country says its count, a click opens its page on Countries. The map shows the whole world or
Central Asia; the wheel zooms and a drag moves it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QResizeEvent, QShowEvent, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.world_map import (
    CENTRAL_ASIA,
    DEFAULT_MEASURE,
    MEASURES,
    counts_for,
    map_title,
    measure_label,
    region_bounds,
    shaded_text,
    shading,
)
from ui import dialogs
from ui.background import Task
from ui.busy import busy_pointer
from ui.folders import start_folder
from ui.map_drawing import MapScene, legend_size, paint_legend, write_map

COUNTRY = "country"
# A press and release further apart than this (pixels) is a drag of the map, not a click.
CLICK_SLOP = 4


class Legend(QWidget):
    """The legend over the map's lower left corner."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("mapLegend")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.title = ""
        self.steps: list = []

    def show_steps(self, title: str, steps: list) -> None:
        self.title, self.steps = title, steps
        self.resize(legend_size(title, steps, self.font()))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        paint_legend(painter, QPointF(0, 0), self.title, self.steps)
        painter.end()


class MapView(QGraphicsView):
    """The map itself: it keeps the region shown in view as the page is resized."""

    country_clicked = Signal(str)

    def __init__(self, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("map")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.region = scene.world
        self._pressed_at: QPoint | None = None
        self.legend = Legend(self)

    def show_region(self, region: QRectF) -> None:
        self.region = region
        self.fitInView(region, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fitInView(self.region, Qt.AspectRatioMode.KeepAspectRatio)
        self.place_legend()

    def place_legend(self) -> None:
        self.legend.move(10, self.viewport().height() - self.legend.height() - 10)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        factor = 1.25 if event.angleDelta().y() > 0 else 0.8
        zoom = self.transform().m11() * factor
        smallest = self.viewport().width() / self.scene().sceneRect().width()
        if zoom >= smallest * 0.9 and zoom <= smallest * 40:
            self.scale(factor, factor)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed_at = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mouseReleaseEvent(event)
        pressed, self._pressed_at = self._pressed_at, None
        point = event.position().toPoint()
        if pressed is None or (point - pressed).manhattanLength() > CLICK_SLOP:
            return
        country = self.scene().country_at(self.mapToScene(point))
        if country is not None and country.code:
            self.country_clicked.emit(country.code)


class MapPage(QWidget):
    """The Map page of the window."""

    open_record = Signal(str, object)  # "country", its ISO code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapPage")
        self.measure = DEFAULT_MEASURE
        self.counts: dict[str, int] = {}
        self._task: Task | None = None
        self._again = False
        self.scene = MapScene(self, drawn=False)  # drawn when first shown
        self.view = MapView(self.scene)
        self.view.country_clicked.connect(lambda code: self.open_record.emit(COUNTRY, code))

        self.measure_label = QLabel()
        self.measures = QComboBox()
        self.measures.setObjectName("mapMeasure")
        for key in MEASURES:
            self.measures.addItem(measure_label(key), key)
        self.measure_label.setBuddy(self.measures)
        self.measures.currentIndexChanged.connect(self._measure_chosen)
        self.world_button = QPushButton()
        self.world_button.setObjectName("mapWorld")
        self.world_button.clicked.connect(lambda: self.view.show_region(self.scene.world))
        self.central_asia_button = QPushButton()
        self.central_asia_button.setObjectName("mapCentralAsia")
        self.central_asia_button.clicked.connect(self.show_central_asia)
        self.save_button = QPushButton()
        self.save_button.setObjectName("mapSave")
        self.save_button.clicked.connect(self.save_picture)
        self.summary = QLabel()
        self.summary.setObjectName("mapSummary")

        bar = QHBoxLayout()
        bar.addWidget(self.measure_label)
        bar.addWidget(self.measures)
        bar.addSpacing(16)
        bar.addWidget(self.world_button)
        bar.addWidget(self.central_asia_button)
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        # Under the map, where a long sentence in any language has the page's whole width.
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        self._name_things()

    def _name_things(self) -> None:
        self.measure_label.setText(self.tr("&Shade by:"))
        self.world_button.setText(self.tr("&World"))
        self.central_asia_button.setText(self.tr("Central &Asia"))
        self.save_button.setText(self.tr("Save as &picture…"))
        self.save_button.setToolTip(
            self.tr("Save the map as shaded now, as a PNG or SVG picture for a slide or a report")
        )
        self.world_button.setToolTip(self.tr("Show the whole world"))
        self.central_asia_button.setToolTip(
            self.tr("Centre the map on Central Asia and its neighbours")
        )
        for index, key in enumerate(MEASURES):
            self.measures.setItemText(index, measure_label(key))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == event.Type.LanguageChange:
            self._name_things()
            if self.isVisible() and not self.counting:
                self.shade(self.counts)
        super().changeEvent(event)

    def show_central_asia(self) -> None:
        self.view.show_region(QRectF(*region_bounds(*CENTRAL_ASIA)))

    def _measure_chosen(self, index: int) -> None:
        self.measure = self.measures.itemData(index)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        self.scene.draw()
        # Records may have changed since the map was last shown.
        self.refresh()
        super().showEvent(event)

    @property
    def counting(self) -> bool:
        """Whether the map is waiting for counts."""
        return self._task is not None or self._again

    def refresh(self) -> None:
        """Count the records of the measure per country again, then shade the map. Counted
        off the window's thread: with 100,000 records the events take seconds to count, and
        the map stays usable (as it was shaded) meanwhile."""
        if self._task is not None:
            self._again = True  # asked again while counting: count once more when done
            return
        self._again = False
        measure = self.measure
        self.summary.setText(self.tr("Counting…"))
        task = self._task = Task(lambda _progress: counts_for(measure), self)
        task.finished.connect(lambda: self._counted(task, measure))
        task.start()

    def wait_for_counts(self) -> None:
        """Let a count under way end (before its database is closed), and drop it."""
        self._again = False
        if self._task is not None:
            self._task.wait()
            self._task.deleteLater()
            self._task = None

    def _counted(self, task: Task, measure: str) -> None:
        if task is not self._task:
            return  # dropped (and deleted): its database was closed meanwhile
        self._task = None
        task.deleteLater()
        if self._again or measure != self.measure or task.error is not None:
            # The menu changed, or the count failed (the database went away): count again,
            # or leave the map as it is.
            if self._again or measure != self.measure:
                self.refresh()
            return
        self.shade(task.result)

    def shade(self, counts: dict[str, int]) -> None:
        self.counts = counts
        steps = shading(self.counts)
        self.scene.shade(self.counts, steps, self.measure)
        self.view.legend.show_steps(measure_label(self.measure), steps)
        self.view.place_legend()
        self.summary.setText(shaded_text(sum(1 for item in self.scene.countries if item.count)))

    def save_picture(self) -> None:
        """Save the map as shaded now into a picture file the user chooses."""
        suggested = str(Path(start_folder(None)) / f"{map_title(self.measure)}.png")
        chosen = dialogs.choose_picture_path(self, suggested)
        if chosen is None:
            return
        steps = shading(self.counts)
        title, legend = map_title(self.measure), measure_label(self.measure)
        try:
            with busy_pointer():
                write_map(Path(chosen), self.counts, steps, self.measure, title, legend)
        except OSError as error:
            dialogs.show_error(
                self,
                self.tr("Save as picture"),
                self.tr("The picture could not be saved to {path} ({reason}).").format(
                    path=chosen, reason=error.strerror or error
                ),
            )
            return
        self.summary.setText(self.tr("Saved to {path}.").format(path=chosen))
