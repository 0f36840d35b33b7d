"""New project dialog: pick the inputs, see what will be built, then build in a task.

Inputs: sub-districts with population; POI files, each with its coordinate system
(WGS84, GCJ-02 or BD-09 for web-map exports); an OSM file or an Overpass download for the
current map extent; optionally a walking network and a residents layer. The dialog only
collects; `build_inputs()` returns them and gui/build_config.py turns them into the
core's BuildConfig.
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import settings
from ..i18n import tr
from .build_config import COORDINATE_SYSTEMS, BuildInputs, PoiInput, to_build_config

VECTOR_PATTERNS = "*.geojson *.json *.gpkg *.shp *.csv *.xlsx *.osm *.pbf"


def vector_filter() -> str:
    return f"{tr('Vector files')} ({VECTOR_PATTERNS})"


def file_widget(parent: QWidget, filter_text: str, save: bool = False) -> QgsFileWidget:
    widget = QgsFileWidget(parent)
    widget.setFilter(filter_text)
    widget.setDefaultRoot(settings.LAST_INPUT_DIR.value())
    if save:
        widget.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
    return widget


class NewProjectDialog(QDialog):
    """Collects the inputs of a project build (object name `lifecircle_new_project`)."""

    def __init__(self, parent: Optional[QWidget] = None, extent_wgs84=None) -> None:
        super().__init__(parent)
        self.setObjectName("lifecircle_new_project")
        self.setWindowTitle(tr("New life circle project"))
        self.extent_wgs84 = extent_wgs84
        layout = QVBoxLayout(self)
        layout.addWidget(self._area_box())
        layout.addWidget(self._poi_box())
        layout.addWidget(self._optional_box())
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("lifecircle_build_summary")
        layout.addWidget(self.summary)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Build"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(640, 560)
        self.update_summary()

    def _area_box(self) -> QGroupBox:
        box = QGroupBox(tr("Study area"), self)
        form = QFormLayout(box)
        self.subdistricts = file_widget(box, vector_filter())
        self.output = file_widget(box, "GeoPackage (*.gpkg)", save=True)
        self.subdistricts.fileChanged.connect(self.update_summary)
        self.output.fileChanged.connect(self.update_summary)
        form.addRow(tr("Sub-districts with population"), self.subdistricts)
        form.addRow(tr("Project GeoPackage to create"), self.output)
        return box

    def _poi_box(self) -> QGroupBox:
        box = QGroupBox(tr("Facilities (POI files)"), self)
        layout = QVBoxLayout(box)
        self.pois = QTableWidget(0, 2, box)
        self.pois.setObjectName("lifecircle_poi_table")
        self.pois.setHorizontalHeaderLabels([tr("File"), tr("Coordinates")])
        self.pois.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.pois.horizontalHeader().setStretchLastSection(True)
        row = QHBoxLayout()
        add = QPushButton(tr("Add files…"), box)
        remove = QPushButton(tr("Remove"), box)
        add.clicked.connect(self._choose_pois)
        remove.clicked.connect(self._remove_poi)
        row.addStretch(1)
        row.addWidget(add)
        row.addWidget(remove)
        layout.addWidget(self.pois)
        layout.addLayout(row)
        return box

    def _optional_box(self) -> QGroupBox:
        box = QGroupBox(tr("Optional inputs"), self)
        form = QFormLayout(box)
        self.osm = file_widget(box, "OpenStreetMap (*.osm *.pbf)")
        self.overpass = QCheckBox(tr("Download OSM facilities for the current map extent "
                                     "(Overpass API)"), box)
        self.overpass.setEnabled(self.extent_wgs84 is not None)
        self.network = file_widget(box, vector_filter())
        self.residents = file_widget(box, vector_filter())
        for widget in (self.osm, self.network, self.residents):
            widget.fileChanged.connect(self.update_summary)
        self.overpass.toggled.connect(self.update_summary)
        form.addRow(tr("OSM file"), self.osm)
        form.addRow("", self.overpass)
        form.addRow(tr("Walking network (lines)"), self.network)
        form.addRow(tr("Residents (polygons or points)"), self.residents)
        return box

    def _choose_pois(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, tr("POI files"),
                                                settings.LAST_INPUT_DIR.value(),
                                                vector_filter())
        for path in paths:
            self.add_poi(path)
        if paths:
            settings.LAST_INPUT_DIR.set_value(str(Path(paths[0]).parent))

    def add_poi(self, path: str, crs: str = "") -> None:
        """Add a POI file; the coordinate system is guessed from the name (gcj02/bd09)."""
        index = self.pois.rowCount()
        self.pois.insertRow(index)
        self.pois.setItem(index, 0, QTableWidgetItem(path))
        combo = QComboBox(self.pois)
        for key, label in COORDINATE_SYSTEMS.items():
            combo.addItem(tr(label), key)
        guess = crs or next((k for k in ("gcj02", "bd09") if k in Path(path).name.lower()),
                            "auto")
        combo.setCurrentIndex(max(0, combo.findData(guess)))
        combo.currentIndexChanged.connect(self.update_summary)
        self.pois.setCellWidget(index, 1, combo)
        self.update_summary()

    def _remove_poi(self) -> None:
        for index in sorted({i.row() for i in self.pois.selectedIndexes()}, reverse=True):
            self.pois.removeRow(index)
        self.update_summary()

    def build_inputs(self) -> BuildInputs:
        pois: List[PoiInput] = []
        for row in range(self.pois.rowCount()):
            combo = self.pois.cellWidget(row, 1)
            pois.append(PoiInput(self.pois.item(row, 0).text(), combo.currentData()))
        return BuildInputs(
            subdistricts=self.subdistricts.filePath(), output=self.output.filePath(),
            pois=pois, osm=self.osm.filePath(), network=self.network.filePath(),
            residents=self.residents.filePath(),
            overpass_bbox=self.extent_wgs84 if self.overpass.isChecked() else None,
            crs=settings.PROJECT_CRS.value())

    def build_config(self):
        return to_build_config(self.build_inputs())

    def output_path(self) -> Path:
        return Path(self.output.filePath())

    def update_summary(self) -> None:
        inputs = self.build_inputs()
        problems = inputs.problems()
        self.summary.setText("\n".join(problems) if problems else inputs.describe())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok) \
            if hasattr(self, "buttons") else None
        if ok is not None:
            ok.setEnabled(not problems)
