"""Site evaluation map tool: click a point, see who a new facility there would newly reach.

The numbers come from core.siting.SiteScorer over the evaluation held in memory (the
network and distance table are already prepared, so one click answers at once). The tool
transforms the clicked point from the canvas CRS into the project's CRS first.
"""
from __future__ import annotations

import logging
from typing import Dict, List, Optional, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsPointXY,
    QgsProject,
)
from qgis.gui import QgsMapCanvas, QgsMapToolEmitPoint, QgsVertexMarker
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import InputError
from ..i18n import tr
from .coverage import cell, readonly_table

logger = logging.getLogger(__name__)


def scorer_for(evaluation):
    """The engine's site scorer over an evaluation."""
    from ..core.siting import SiteScorer

    return SiteScorer(evaluation)


def score_rows(result) -> List[Tuple[str, float]]:
    """(facility type, newly covered residents), largest first."""
    items = result.items() if isinstance(result, dict) else (
        (row.facility_type, row.new_population) for row in result)
    return sorted(((str(k), float(v)) for k, v in items), key=lambda kv: (-kv[1], kv[0]))


class SiteResultsDialog(QDialog):
    """A small non-modal window listing, per type, residents newly within reach."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("lifecircle_site_results")
        self.setWindowTitle(tr("Site evaluation"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = readonly_table(self, [tr("Facility type"), tr("Task"),
                                           tr("Residents newly within reach")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(460, 520)

    def show_scores(self, point: QgsPointXY, rows: List[Tuple[str, float]], catalogue,
                    language: str) -> None:
        self.summary.setText(tr("Point {0:.0f}, {1:.0f} (project CRS): a new facility "
                                "here would bring these residents within its threshold.")
                             .format(point.x(), point.y()))
        self.table.setRowCount(0)
        for facility_id, residents in rows:
            facility = catalogue.types.get(facility_id) if catalogue else None
            index = self.table.rowCount()
            self.table.insertRow(index)
            self.table.setItem(index, 0, cell(facility.name(language) if facility
                                              else facility_id))
            self.table.setItem(index, 1, cell(str(facility.task) if facility else "", True))
            self.table.setItem(index, 2, cell(f"{residents:,.0f}", True))
        self.table.resizeColumnsToContents()


class SiteTool(QgsMapToolEmitPoint):
    """Map tool (object name `lifecircle_site_tool`)."""

    def __init__(self, canvas: QgsMapCanvas, controller) -> None:
        super().__init__(canvas)
        self.setObjectName("lifecircle_site_tool")
        self.controller = controller
        self.dialog: Optional[SiteResultsDialog] = None
        self.marker: Optional[QgsVertexMarker] = None
        self._scorer = None
        self._scorer_of = None
        self.last_scores: Dict[str, float] = {}
        self.setCursor(Qt.CursorShape.CrossCursor)

    def canvasReleaseEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self.controller.guarded(lambda: self.score_map_point(event.mapPoint()))

    def project_crs(self) -> QgsCoordinateReferenceSystem:
        from .. import layers

        layer = layers.open_layer(self.controller.gpkg, "subdistricts", "crs")
        return layer.crs()

    def score_map_point(self, map_point: QgsPointXY) -> Dict[str, float]:
        """Score a point given in the canvas CRS; show and return {type: residents}."""
        evaluation = self.controller.evaluation
        if evaluation is None:
            raise InputError(tr("Run Evaluate first: the site tool uses the evaluation "
                                "in memory."))
        transform = QgsCoordinateTransform(self.canvas().mapSettings().destinationCrs(),
                                           self.project_crs(), QgsProject.instance())
        point = transform.transform(QgsPointXY(map_point))
        if self._scorer_of is not evaluation:
            self._scorer, self._scorer_of = scorer_for(evaluation), evaluation
        rows = score_rows(self._scorer.score_point(point.x(), point.y()))
        self.last_scores = dict(rows)
        self._mark(map_point)
        if self.dialog is None:
            self.dialog = SiteResultsDialog(self.canvas().window())
        from .. import layers

        self.dialog.show_scores(point, rows, self.controller.catalogue, layers.ui_language())
        self.dialog.show()
        return self.last_scores

    def _mark(self, map_point: QgsPointXY) -> None:
        if self.marker is None:
            self.marker = QgsVertexMarker(self.canvas())
            self.marker.setColor(QColor("#d32f2f"))
            self.marker.setIconType(QgsVertexMarker.IconType.ICON_CROSS)
            self.marker.setIconSize(14)
            self.marker.setPenWidth(3)
        self.marker.setCenter(QgsPointXY(map_point))

    def close_results(self) -> None:
        if self.marker is not None:
            self.canvas().scene().removeItem(self.marker)
            self.marker = None
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
