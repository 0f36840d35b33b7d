"""The offline map: context layers and facilities in a QGraphicsView.

Scene coordinates are package coordinates (metres) with y flipped, so the scale bar is a
plain conversion of the view transform. Facilities are small markers that keep their
size on screen; a marker is dragged to correct a position, but the window asks before the
move is stored (signal `move_requested`), and the marker returns if the answer is no.
"""
from __future__ import annotations

import logging
from typing import Optional

from PyQt5.QtCore import QPointF, QRectF, Qt, pyqtSignal
from PyQt5.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PyQt5.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
)

from .facilities import COMPLETE, DRAFT, NOT_AUDITED, PROBLEM, Facility
from .i18n import translate

log = logging.getLogger(__name__)

STATE_COLOURS = {
    NOT_AUDITED: QColor("#9e9e9e"),
    DRAFT: QColor("#f9a825"),
    COMPLETE: QColor("#2e7d32"),
    PROBLEM: QColor("#c62828"),
}
MARKER_PX = 9.0
DRAG_THRESHOLD_PX = 4
NICE_LENGTHS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000)


class FacilityItem(QGraphicsEllipseItem):
    """A facility marker: fixed size on screen, colour by audit state."""

    def __init__(self, facility: Facility) -> None:
        half = MARKER_PX / 2
        super().__init__(-half, -half, MARKER_PX, MARKER_PX)
        self.uuid = facility.uuid
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setZValue(10)
        self.update_facility(facility)

    def update_facility(self, facility: Facility) -> None:
        self.setPos(scene_point(facility.x, facility.y))
        self.setBrush(QBrush(STATE_COLOURS[facility.state]))
        self.setToolTip(facility.name)
        self.set_selected(self.zValue() > 10)

    def set_selected(self, selected: bool) -> None:
        self.setPen(QPen(QColor("#1565c0") if selected else QColor("#ffffff"),
                         3 if selected else 1))
        self.setZValue(20 if selected else 10)


def scene_point(x: float, y: float) -> QPointF:
    return QPointF(float(x), -float(y))


def package_xy(point: QPointF) -> tuple:
    return (point.x(), -point.y())


def geometry_path(geometry) -> QPainterPath:
    """A QPainterPath of a shapely geometry (lines and polygon rings), y flipped."""
    path = QPainterPath()
    for line in _lines(geometry):
        coords = list(line.coords)
        if len(coords) < 2:
            continue
        path.moveTo(coords[0][0], -coords[0][1])
        for x, y, *_ in coords[1:]:
            path.lineTo(x, -y)
    return path


def _lines(geometry):
    kind = geometry.geom_type
    if kind in ("LineString", "LinearRing"):
        yield geometry
    elif kind == "Polygon":
        yield geometry.exterior
        yield from geometry.interiors
    elif kind.startswith("Multi") or kind == "GeometryCollection":
        for part in geometry.geoms:
            yield from _lines(part)


class MapView(QGraphicsView):
    """Pan (drag the background), zoom (wheel), select (click), move (drag a marker)."""

    facility_clicked = pyqtSignal(str)
    move_requested = pyqtSignal(str, float, float, float, float)
    position_picked = pyqtSignal(float, float)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setBackgroundBrush(QBrush(QColor("#f5f3ee")))
        self._items: dict = {}
        self._selected: Optional[str] = None
        self._press = None
        self._picking = False

    # -- content ------------------------------------------------------------------------
    def set_context(self, layers: list) -> None:
        """`layers`: (layer name, shapely geometry) pairs; boundaries drawn over streets."""
        styles = {"subdistricts": (QColor("#6a1b9a"), 2.0, 1),
                  "streets": (QColor("#b0aca4"), 1.0, 0)}
        paths: dict = {}
        for layer, geometry in layers:
            paths.setdefault(layer, QPainterPath()).addPath(geometry_path(geometry))
        for layer, path in paths.items():
            colour, width, z = styles.get(layer, (QColor("#78909c"), 1.0, 0))
            pen = QPen(colour, width)
            pen.setCosmetic(True)
            item = QGraphicsPathItem(path)
            item.setPen(pen)
            item.setZValue(z)
            item.setData(0, layer)
            self.scene().addItem(item)

    def set_facilities(self, facilities: list) -> None:
        for item in self._items.values():
            self.scene().removeItem(item)
        self._items = {}
        for facility in facilities:
            self.update_facility(facility)

    def update_facility(self, facility: Facility) -> None:
        if facility.x is None or facility.y is None:
            return
        item = self._items.get(facility.uuid)
        if item is None:
            item = FacilityItem(facility)
            self._items[facility.uuid] = item
            self.scene().addItem(item)
        else:
            item.update_facility(facility)

    def item(self, uuid: str) -> Optional[FacilityItem]:
        return self._items.get(uuid)

    def zoom_to_all(self) -> None:
        """Fit the facilities (with a margin of streets around them), else the context."""
        points = [item.pos() for item in self._items.values()]
        if points:
            xs, ys = [p.x() for p in points], [p.y() for p in points]
            rect = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
            margin = max(200.0, 0.1 * max(rect.width(), rect.height()))
            rect = rect.adjusted(-margin, -margin, margin, margin)
        else:
            rect = self.scene().itemsBoundingRect()
        if rect.isValid():
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def select(self, uuid: Optional[str], centre: bool = True) -> None:
        old = self._items.get(self._selected) if self._selected else None
        if old is not None:
            old.set_selected(False)
        self._selected = uuid
        item = self._items.get(uuid) if uuid else None
        if item is not None:
            item.set_selected(True)
            if centre and not self.viewport().rect().contains(self.mapFromScene(item.pos())):
                self.centerOn(item)

    def pick_position(self, enabled: bool = True) -> None:
        """The next click on the map gives a position (for a facility found in the field)."""
        self._picking = enabled
        self.viewport().setCursor(Qt.CursorShape.CrossCursor if enabled
                                  else Qt.CursorShape.ArrowCursor)

    # -- scale --------------------------------------------------------------------------
    def metres_per_pixel(self) -> float:
        return 1.0 / max(self.transform().m11(), 1e-12)

    def scale_bar(self) -> tuple:
        """(length in metres, length in pixels) of a bar about 100 pixels long."""
        mpp = self.metres_per_pixel()
        target = 100 * mpp
        length = max((n for n in NICE_LENGTHS if n <= target), default=NICE_LENGTHS[0])
        return length, length / mpp

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        metres, pixels = self.scale_bar()
        painter.save()
        painter.resetTransform()
        x0, y0 = 12, self.viewport().height() - 16
        painter.setPen(QPen(QColor("#212121"), 2))
        painter.drawLine(x0, y0, int(x0 + pixels), y0)
        painter.drawLine(x0, y0 - 5, x0, y0)
        painter.drawLine(int(x0 + pixels), y0 - 5, int(x0 + pixels), y0)
        label = (translate("MapView", "{} km").format(f"{metres / 1000:g}") if metres >= 1000
                 else translate("MapView", "{} m").format(f"{metres:g}"))
        painter.drawText(x0, y0 - 6, label)
        painter.restore()

    # -- mouse --------------------------------------------------------------------------
    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        steps = event.angleDelta().y() / 120.0
        if steps:
            factor = 1.25 ** steps
            self.scale(factor, factor)
        event.accept()

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton and self._picking:
            self.pick_position(False)
            self.position_picked.emit(*package_xy(self.mapToScene(event.pos())))
            event.accept()
            return
        item = self._marker_at(event.pos())
        if event.button() == Qt.MouseButton.LeftButton and item is not None:
            self._press = (item, event.pos(), QPointF(item.pos()), False)
            event.accept()
            return
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._press is None:
            super().mouseMoveEvent(event)
            return
        item, start, origin, dragging = self._press
        if not dragging and (event.pos() - start).manhattanLength() < DRAG_THRESHOLD_PX:
            return
        item.setPos(self.mapToScene(event.pos()))
        self._press = (item, start, origin, True)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._press is None:
            super().mouseReleaseEvent(event)
            self.setDragMode(QGraphicsView.DragMode.NoDrag)
            return
        item, _start, origin, dragging = self._press
        self._press = None
        self.facility_clicked.emit(item.uuid)
        if dragging:
            new = QPointF(item.pos())
            item.setPos(origin)
            self.move_requested.emit(item.uuid, *package_xy(origin), *package_xy(new))

    def _marker_at(self, pos) -> Optional[FacilityItem]:
        for item in self.items(pos):
            if isinstance(item, FacilityItem):
                return item
        return None

