"""The offline map: context layers and facilities in a QGraphicsView.

Scene coordinates are package coordinates (metres) with y flipped, so the scale bar is a
plain conversion of the view transform. All facilities are drawn by one layer item that
stamps a pre-drawn marker per facility in one C++ call per audit state, which keeps
10,000 markers fast to load and to paint; clicks find the nearest marker within a few
pixels. A marker dragged to correct a position is only a proposal (`move_requested`):
the window asks first, and the marker stays where it was unless the move is stored.
"""
from __future__ import annotations

import logging
from typing import Optional

import numpy as np
from PyQt5.QtCore import QPointF, QRectF, Qt, pyqtSignal
from PyQt5.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPixmap
from PyQt5.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
)

from .facilities import AUDIT_STATES, COMPLETE, DRAFT, NOT_AUDITED, PROBLEM, Facility
from .i18n import translate
from .models import state_label

log = logging.getLogger(__name__)

STATE_COLOURS = {
    NOT_AUDITED: QColor("#9e9e9e"),
    DRAFT: QColor("#f9a825"),
    COMPLETE: QColor("#2e7d32"),
    PROBLEM: QColor("#c62828"),
}
MARKER_PX = 9.0
HIT_PX = 7.0
DRAG_THRESHOLD_PX = 4
NICE_LENGTHS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000)


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


class FacilityLayer(QGraphicsItem):
    """Every facility marker, drawn per audit state as one point set."""

    def __init__(self) -> None:
        super().__init__()
        self.positions: dict = {}  # uuid -> (scene x, scene y)
        self.states: dict = {}  # uuid -> audit state
        self.hidden: Optional[str] = None  # the marker being dragged
        self._cache = None
        self._index: dict = {}
        self._rect = QRectF()
        self.setZValue(10)

    def set(self, facility: Facility) -> None:
        """Add or update one marker; an update patches the arrays instead of rebuilding
        them, so saving an answer stays cheap with 10,000 facilities."""
        uuid, xy = facility.uuid, (float(facility.x), -float(facility.y))
        known = uuid in self.positions
        self.positions[uuid] = xy
        self.states[uuid] = facility.state
        if not known or self._cache is None or not self._rect.contains(QPointF(*xy)):
            self.changed()
            return
        uuids, xs, ys, codes = self._cache
        index = self._index[uuid]
        xs[index], ys[index] = xy
        codes[index] = -1 if uuid == self.hidden else AUDIT_STATES.index(facility.state)
        self.update()

    def changed(self) -> None:
        self.prepareGeometryChange()
        self._cache = None
        if self.positions:
            xs, ys = self._arrays()[1:3]
            margin = max(float(xs.max() - xs.min()), float(ys.max() - ys.min()), 1000.0)
            self._rect = QRectF(float(xs.min()) - margin, float(ys.min()) - margin,
                                float(xs.max() - xs.min()) + 2 * margin,
                                float(ys.max() - ys.min()) + 2 * margin)
        self.update()

    def _arrays(self) -> tuple:
        """(uuids, xs, ys, state codes) of the visible markers, rebuilt after a change."""
        if self._cache is None:
            uuids = list(self.positions)
            coords = np.array([self.positions[u] for u in uuids], dtype=float).reshape(-1, 2)
            codes = np.array([-1 if u == self.hidden else AUDIT_STATES.index(self.states[u])
                              for u in uuids], dtype=int)
            self._cache = (uuids, coords[:, 0].copy(), coords[:, 1].copy(), codes)
            self._index = {uuid: index for index, uuid in enumerate(uuids)}
        return self._cache

    def nearest(self, point: QPointF, radius: float) -> Optional[str]:
        if not self.positions:
            return None
        uuids, xs, ys, _ = self._arrays()
        distances = np.hypot(xs - point.x(), ys - point.y())
        index = int(np.argmin(distances))
        return uuids[index] if distances[index] <= radius else None

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        """Stamp one pre-drawn marker per facility in device pixels (fixed size on
        screen), skipping those outside the exposed area; problems are drawn last."""
        if not self.positions:
            return
        _, xs, ys, codes = self._arrays()
        transform = painter.worldTransform()
        exposed = transform.mapRect(option.exposedRect).adjusted(-MARKER_PX, -MARKER_PX,
                                                                 MARKER_PX, MARKER_PX)
        dx = xs * transform.m11() + transform.m21() * ys + transform.m31()
        dy = ys * transform.m22() + transform.m12() * xs + transform.m32()
        inside = ((dx >= exposed.left()) & (dx <= exposed.right()) & (dy >= exposed.top())
                  & (dy <= exposed.bottom()))
        painter.save()
        painter.resetTransform()
        source = QRectF(0, 0, _STAMP, _STAMP)
        for code, state in enumerate(AUDIT_STATES):
            chosen = inside & (codes == code)
            fragments = [QPainter.PixmapFragment.create(QPointF(x, y), source)
                         for x, y in zip(dx[chosen].tolist(), dy[chosen].tolist())]
            if fragments:
                painter.drawPixmapFragments(fragments, _stamp(state))
        painter.restore()


_STAMP = int(MARKER_PX) + 4
_STAMPS: dict = {}


def _stamp(state: str) -> QPixmap:
    """A marker drawn once per state: a coloured dot with a white ring."""
    if state not in _STAMPS:
        pixmap = QPixmap(_STAMP, _STAMP)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        painter.setBrush(STATE_COLOURS[state])
        painter.drawEllipse(QRectF(1.5, 1.5, MARKER_PX + 1, MARKER_PX + 1))
        painter.end()
        _STAMPS[state] = pixmap
    return _STAMPS[state]


class Marker(QGraphicsEllipseItem):
    """The selected (or dragged) facility, drawn over the layer with a blue ring."""

    def __init__(self) -> None:
        half = MARKER_PX / 2 + 1
        super().__init__(-half, -half, 2 * half, 2 * half)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setPen(QPen(QColor("#1565c0"), 3))
        self.setZValue(20)
        self.uuid: Optional[str] = None
        self.hide()


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
        self._press = None
        self._picking = False
        self.clear()

    # -- content ------------------------------------------------------------------------
    def clear(self) -> None:
        self.scene().clear()
        self.layer = FacilityLayer()
        self.marker = Marker()
        self.scene().addItem(self.layer)
        self.scene().addItem(self.marker)

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
        layer = self.layer
        layer.positions = {f.uuid: (float(f.x), -float(f.y)) for f in facilities
                           if f.x is not None and f.y is not None}
        layer.states = {f.uuid: f.state for f in facilities if f.uuid in layer.positions}
        layer.changed()

    def update_facility(self, facility: Facility) -> None:
        if facility.x is None or facility.y is None:
            return
        self.layer.set(facility)
        if self.marker.uuid == facility.uuid:
            self.marker.setPos(scene_point(facility.x, facility.y))
            self.marker.setBrush(QBrush(STATE_COLOURS[facility.state]))

    def marker_position(self, uuid: str) -> Optional[QPointF]:
        """Where the facility's marker is drawn (scene coordinates), None if unmapped."""
        xy = self.layer.positions.get(uuid)
        return QPointF(*xy) if xy else None

    def marker_state(self, uuid: str) -> Optional[str]:
        return self.layer.states.get(uuid)

    def zoom_to_all(self) -> None:
        """Fit the facilities (with a margin of streets around them), else the context."""
        if self.layer.positions:
            xs, ys = self.layer._arrays()[1:3]
            rect = QRectF(float(xs.min()), float(ys.min()), float(xs.max() - xs.min()),
                          float(ys.max() - ys.min()))
            margin = max(200.0, 0.1 * max(rect.width(), rect.height()))
            rect = rect.adjusted(-margin, -margin, margin, margin)
        else:
            rect = self.scene().itemsBoundingRect()
        if rect.isValid():
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def select(self, uuid: Optional[str], centre: bool = True) -> None:
        position = self.marker_position(uuid) if uuid else None
        self.marker.uuid = uuid if position is not None else None
        self.marker.setVisible(position is not None)
        if position is None:
            return
        self.marker.setPos(position)
        self.marker.setBrush(QBrush(STATE_COLOURS[self.layer.states[uuid]]))
        if centre and not self.viewport().rect().contains(self.mapFromScene(position)):
            self.centerOn(position)

    def pick_position(self, enabled: bool = True) -> None:
        """The next click on the map gives a position (for a facility found in the field)."""
        self._picking = enabled
        self.viewport().setCursor(Qt.CursorShape.CrossCursor if enabled
                                  else Qt.CursorShape.ArrowCursor)

    # -- scale and legend ---------------------------------------------------------------
    def metres_per_pixel(self) -> float:
        return 1.0 / max(self.transform().m11(), 1e-12)

    def scale_bar(self) -> tuple:
        """(length in metres, length in pixels) of a bar about 100 pixels long."""
        mpp = self.metres_per_pixel()
        target = 100 * mpp
        length = max((n for n in NICE_LENGTHS if n <= target), default=NICE_LENGTHS[0])
        return length, length / mpp

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        painter.save()
        painter.resetTransform()
        self._draw_scale_bar(painter)
        self._draw_legend(painter)
        painter.restore()

    def _draw_scale_bar(self, painter: QPainter) -> None:
        metres, pixels = self.scale_bar()
        x0, y0 = 12, self.viewport().height() - 16
        painter.setPen(QPen(QColor("#212121"), 2))
        painter.drawLine(x0, y0, int(x0 + pixels), y0)
        painter.drawLine(x0, y0 - 5, x0, y0)
        painter.drawLine(int(x0 + pixels), y0 - 5, int(x0 + pixels), y0)
        label = (translate("MapView", "{} km").format(f"{metres / 1000:g}") if metres >= 1000
                 else translate("MapView", "{} m").format(f"{metres:g}"))
        painter.drawText(x0, y0 - 6, label)

    def _draw_legend(self, painter: QPainter) -> None:
        metrics = painter.fontMetrics()
        labels = [state_label(state) for state in AUDIT_STATES]
        width = max(metrics.horizontalAdvance(text) for text in labels) + 30
        line = metrics.height() + 2
        x0, y0 = self.viewport().width() - width - 10, 10
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 220))
        painter.drawRect(x0, y0, width, line * len(labels) + 8)
        for row, (state, text) in enumerate(zip(AUDIT_STATES, labels)):
            y = y0 + 4 + row * line
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(STATE_COLOURS[state])
            painter.drawEllipse(QPointF(x0 + 12, y + line / 2), 4.5, 4.5)
            painter.setPen(QColor("#212121"))
            painter.drawText(x0 + 24, int(y + metrics.ascent() + 1), text)

    # -- mouse --------------------------------------------------------------------------
    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        steps = event.angleDelta().y() / 120.0
        if steps:
            factor = 1.25 ** steps
            self.scale(factor, factor)
        event.accept()

    def facility_at(self, pos) -> Optional[str]:
        """The facility whose marker is under the viewport point `pos` (nearest wins)."""
        return self.layer.nearest(self.mapToScene(pos), HIT_PX * self.metres_per_pixel())

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton and self._picking:
            self.pick_position(False)
            self.position_picked.emit(*package_xy(self.mapToScene(event.pos())))
            event.accept()
            return
        uuid = self.facility_at(event.pos())
        if event.button() == Qt.MouseButton.LeftButton and uuid is not None:
            self._press = (uuid, event.pos(), self.marker_position(uuid), False)
            event.accept()
            return
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._press is None:
            super().mouseMoveEvent(event)
            return
        uuid, start, origin, dragging = self._press
        if not dragging:
            if (event.pos() - start).manhattanLength() < DRAG_THRESHOLD_PX:
                return
            self.select(uuid, centre=False)
            self.layer.hidden = uuid
            self.layer.changed()
        self.marker.setPos(self.mapToScene(event.pos()))
        self._press = (uuid, start, origin, True)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._press is None:
            super().mouseReleaseEvent(event)
            self.setDragMode(QGraphicsView.DragMode.NoDrag)
            return
        uuid, _start, origin, dragging = self._press
        self._press = None
        new = QPointF(self.marker.pos())
        if dragging:
            self.layer.hidden = None
            self.layer.changed()
            self.marker.setPos(origin)
        self.facility_clicked.emit(uuid)
        if dragging:
            self.move_requested.emit(uuid, *package_xy(origin), *package_xy(new))
