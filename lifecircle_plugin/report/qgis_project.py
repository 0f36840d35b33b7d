"""A QGIS project file (.qgz) beside the project GeoPackage: open it and the demo is there.

The layers are loaded with the plugin's own layer code (`layers.py`: a group per task,
styled facility layers, results with gap layers), and the official-map layouts are added
to its layout manager. Paths are stored relative to the .qgz, so the output folder can be
moved or renamed (the demo writes into a staging folder and renames it at the end).
The project opens the way a planner starts reading it: the residents coloured by basic
types reached and the sub-district boundaries are shown, the task groups and the per-type
gap and service-area layers are there but switched off (all of them at once cover the
district in thousands of dots), and the Life Circle dock finds its GeoPackage again from
the project entry (`settings.PROJECT_GPKG`, a path relative to the .qgz).
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable, Optional

from qgis.core import QgsCoordinateReferenceSystem, QgsPrintLayout, QgsProject

from ..core.catalogue import Catalogue

log = logging.getLogger(__name__)


def new_project(qgz: Path, gpkg: Path, catalogue: Catalogue, scenario: str,
                title: str = "Life Circle 15分钟社区生活圈",
                language: Optional[str] = None) -> QgsProject:
    """A fresh project at `qgz` with the plugin's project and result layers of `gpkg`.

    `language` ('zh' or 'en') names the facility layers; None follows QGIS's interface.
    """
    from .. import layers, settings

    project = QgsProject()
    project.setFileName(str(qgz))
    project.writeEntryBool("Paths", "/Absolute", False)
    project.setTitle(title)
    project_layers = layers.load_project_layers(Path(gpkg), catalogue, project, language)
    try:
        layers.load_result_layers(Path(gpkg), catalogue, scenario, project, language)
    except Exception:  # noqa: BLE001 - a project without results still opens
        log.warning("no result layers loaded into %s", qgz, exc_info=True)
    settings.PROJECT_GPKG.set_value(str(Path(gpkg).resolve()), project)
    open_on_results(project)
    if project_layers.subdistricts is not None:
        crs = project_layers.subdistricts.crs()
        project.setCrs(crs if crs.isValid() else QgsCoordinateReferenceSystem("EPSG:4549"))
        _zoom_to(project, project_layers.subdistricts)
    return project


def open_on_results(project: QgsProject) -> None:
    """Show results and boundaries; keep task, gap and service-area groups switched off."""
    from ..core import project_schema as schema
    from ..layers import ROLE

    for group in project.layerTreeRoot().findGroups(True):
        if group.customProperty(ROLE) in ("task", schema.GAPS, schema.SERVICE_AREAS):
            group.setItemVisibilityChecked(False)
            group.setExpanded(False)
    for node in project.layerTreeRoot().findLayers():
        layer = node.layer()
        if layer is not None and layer.customProperty(ROLE) in (schema.SUBDISTRICTS,
                                                                schema.ORIGIN_RESULTS):
            node.setItemVisibilityChecked(True)
            node.parent().setItemVisibilityChecked(True)


def _zoom_to(project: QgsProject, layer) -> None:
    """Open the project on the whole study area (QGIS reads the view from the project)."""
    extent = layer.extent()
    extent.scale(1.05)
    view = project.viewSettings()
    if hasattr(view, "setDefaultViewExtent"):
        from qgis.core import QgsReferencedRectangle

        view.setDefaultViewExtent(QgsReferencedRectangle(extent, layer.crs()))


def save_project(project: QgsProject, layouts: Iterable[QgsPrintLayout] = (),
                 path: Optional[Path] = None) -> Path:
    """Add the layouts (if not already there) and write the .qgz."""
    manager = project.layoutManager()
    for layout in layouts:
        if manager.layoutByName(layout.name()) is None:
            manager.addLayout(layout)
    target = Path(path or project.fileName())
    if not project.write(str(target)):
        raise RuntimeError(f"cannot write the QGIS project {target}: {project.error()}")
    return target
