"""Putting a project GeoPackage on the QGIS map: a group per task, styled, boundaries on top.

Every layer and group this module adds carries a custom property (`lifecircle/role`, and
`lifecircle/facility_type` or `lifecircle/task`) so the dock finds them again without
relying on names, which the planner may rename.
"""
from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

from qgis.core import (
    QgsLayerTreeGroup,
    QgsLayerTreeLayer,
    QgsProject,
    QgsVectorLayer,
)

from . import settings, styles
from .core import project_schema as schema
from .core.catalogue import Catalogue, FacilityType
from .core.errors import InputError
from .core.gpkg import layer_names, read_layer
from .i18n import tr

logger = logging.getLogger(__name__)
ROLE = "lifecircle/role"
TYPE = "lifecircle/facility_type"
TASK = "lifecircle/task"
OSM_ATTRIBUTION = "© OpenStreetMap contributors (ODbL)"


@dataclass
class LoadedLayers:
    """What `load_project_layers` / `load_result_layers` put on the map."""

    subdistricts: Optional[QgsVectorLayer] = None
    facilities: Dict[str, QgsVectorLayer] = field(default_factory=dict)
    results: Dict[str, QgsVectorLayer] = field(default_factory=dict)
    gaps: Dict[str, QgsVectorLayer] = field(default_factory=dict)
    service_areas: Dict[str, QgsVectorLayer] = field(default_factory=dict)


def ui_language() -> str:
    """'zh' when QGIS runs in Chinese, else 'en': picks which catalogue names to show."""
    return "zh" if settings.user_locale().startswith("zh") else "en"


def task_title(catalogue: Catalogue, task: int) -> str:
    """'任务三 便民商业': the group name planners know from the action plan."""
    info = catalogue.tasks[task]
    return f"{info.short_zh} {info.name_zh}"


def facility_counts(gpkg: Path) -> Counter:
    """Facilities per type in the project (closed ones included: the layer shows them)."""
    return Counter(dict(table_rows(
        gpkg, f"SELECT facility_type, COUNT(*) FROM {schema.FACILITIES} GROUP BY 1")))


def table_rows(gpkg: Path, sql: str, *args) -> list:
    """A read-only SQL query on the GeoPackage (it is SQLite): quick aggregates for the GUI.

    Only plain attribute queries go here; geometry goes through OGR (core.gpkg) or QGIS.
    """
    if not Path(gpkg).exists():
        raise InputError(tr("file not found"), file=gpkg)
    uri = Path(gpkg).resolve().as_uri() + "?mode=ro"
    try:
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as db:
            return db.execute(sql, args).fetchall()
    except sqlite3.DatabaseError as exc:
        raise InputError(tr("cannot read the project: {0}").format(exc), file=gpkg) from None


def attribution(gpkg: Path) -> str:
    """Attributions of the project's sources (OSM's whenever an OSM source was used)."""
    texts: List[str] = []
    if schema.SOURCES in layer_names(gpkg):
        for feature in read_layer(gpkg, schema.SOURCES).features:
            text = (feature.attributes.get("attribution") or "").strip()
            kind = (feature.attributes.get("kind") or "").lower()
            if not text and "osm" in kind:
                text = OSM_ATTRIBUTION
            if text and text not in texts:
                texts.append(text)
    return "; ".join(texts) or OSM_ATTRIBUTION


def open_layer(gpkg: Path, name: str, title: str, subset: str = "") -> QgsVectorLayer:
    """An OGR layer of the project; the filter goes in the URI (4x quicker than after)."""
    options = QgsVectorLayer.LayerOptions(QgsProject.instance().transformContext(), False)
    options.skipCrsValidation = True  # the project's CRS is known; no prompt, 20 % quicker
    uri = f"{gpkg}|layername={name}" + (f"|subset={subset}" if subset else "")
    layer = QgsVectorLayer(uri, title, "ogr", options)
    if not layer.isValid():
        raise InputError(tr("cannot open the layer"), file=gpkg, layer=name)
    return layer


def set_attribution(layer: QgsVectorLayer, text: str) -> None:
    """Put the data attribution in the layer metadata, where QGIS shows and prints it."""
    metadata = layer.metadata()
    metadata.setRights([text])
    if "OpenStreetMap" in text:
        metadata.setLicenses(["ODbL 1.0"])
    layer.setMetadata(metadata)


def remove_groups(project: QgsProject, role: str) -> None:
    root = project.layerTreeRoot()
    for group in list(root.findGroups()):
        if group.customProperty(ROLE) == role:
            project.removeMapLayers([n.layerId() for n in group.findLayers()])
            root.removeChildNode(group)


def load_project_layers(gpkg: Path, catalogue: Catalogue,
                        project: Optional[QgsProject] = None,
                        language: Optional[str] = None) -> LoadedLayers:
    """Sub-districts on top, then 任务一 … 任务十二 with one layer per facility type found.

    `language` ('zh' or 'en') names the facility layers; None follows QGIS's interface.
    """
    project = project or QgsProject.instance()
    gpkg = Path(gpkg)
    remove_groups(project, "project")
    root = project.layerTreeRoot()
    group = root.insertGroup(0, tr("Life circle project"))
    group.setCustomProperty(ROLE, "project")
    loaded = LoadedLayers()
    credit = attribution(gpkg)
    loaded.subdistricts = _add_subdistricts(project, group, gpkg, credit)
    counts = facility_counts(gpkg)
    language = language or ui_language()
    label_scale = settings.LABEL_MAX_SCALE.value()
    for task in sorted(catalogue.tasks):
        present = [t for t in catalogue.types_of_task(task) if counts.get(t.id)]
        task_group = group.addGroup(task_title(catalogue, task))
        task_group.setCustomProperty(ROLE, "task")
        task_group.setCustomProperty(TASK, task)
        for facility in present:
            layer = _facility_layer(gpkg, facility, language, credit, label_scale)
            project.addMapLayer(layer, False)
            task_group.addLayer(layer)
            loaded.facilities[facility.id] = layer
        if not present:
            task_group.setItemVisibilityChecked(False)
    settings.PROJECT_GPKG.set_value(str(gpkg), project)
    return loaded


def _add_subdistricts(project: QgsProject, group: QgsLayerTreeGroup, gpkg: Path,
                      credit: str) -> QgsVectorLayer:
    layer = open_layer(gpkg, schema.SUBDISTRICTS, tr("Sub-districts (街镇)"))
    styles.apply_qml(layer, "subdistricts")
    layer.setCustomProperty(ROLE, schema.SUBDISTRICTS)
    set_attribution(layer, credit)
    project.addMapLayer(layer, False)
    group.insertLayer(0, layer)
    return layer


def _facility_layer(gpkg: Path, facility: FacilityType, language: str, credit: str,
                    label_scale: float) -> QgsVectorLayer:
    layer = open_layer(gpkg, schema.FACILITIES, facility.name(language),
                       f"\"facility_type\" = '{facility.id}'")
    styles.style_facility_layer(layer, facility, label_scale)
    layer.setCustomProperty(ROLE, schema.FACILITIES)
    layer.setCustomProperty(TYPE, facility.id)
    set_attribution(layer, credit)
    return layer


def load_result_layers(gpkg: Path, catalogue: Catalogue, scenario: str = "existing",
                       project: Optional[QgsProject] = None,
                       language: Optional[str] = None) -> LoadedLayers:
    """Origins by basic types reached, a gap layer per type, service areas, the table."""
    project = project or QgsProject.instance()
    gpkg = Path(gpkg)
    present = set(layer_names(gpkg))
    if schema.ORIGIN_RESULTS not in present:
        raise InputError(tr("the project has no evaluation results yet; run Evaluate first"),
                         file=gpkg, layer=schema.ORIGIN_RESULTS)
    remove_groups(project, "results")
    root = project.layerTreeRoot()
    group = root.addGroup(tr("Evaluation results"))
    group.setCustomProperty(ROLE, "results")
    where = f"\"scenario\" = '{scenario}'"
    loaded = LoadedLayers()
    origins = open_layer(gpkg, schema.ORIGIN_RESULTS,
                         tr("Residents: basic types within 15 min"), where)
    styles.apply_qml(origins, "origin_results")
    _add_result(project, group, origins, schema.ORIGIN_RESULTS, loaded)
    if schema.GAPS in present:
        loaded.gaps = _add_per_type(project, group, gpkg, catalogue, where, schema.GAPS,
                                    tr("Gaps per facility type"), tr("Gap: {0}"), language)
    if schema.SERVICE_AREAS in present and settings.LOAD_SERVICE_AREAS.value():
        loaded.service_areas = _add_per_type(
            project, group, gpkg, catalogue, where, schema.SERVICE_AREAS,
            tr("Service areas per facility type"), tr("Service area: {0}"), language)
    if schema.SUBDISTRICT_RESULTS in present:
        table = open_layer(gpkg, schema.SUBDISTRICT_RESULTS, tr("Sub-district coverage table"),
                           where)
        _add_result(project, group, table, schema.SUBDISTRICT_RESULTS, loaded)
    return loaded


def _add_result(project: QgsProject, group: QgsLayerTreeGroup, layer: QgsVectorLayer,
                role: str, loaded: LoadedLayers, visible: bool = True) -> QgsLayerTreeLayer:
    layer.setCustomProperty(ROLE, role)
    project.addMapLayer(layer, False)
    node = group.addLayer(layer)
    node.setItemVisibilityChecked(visible)
    loaded.results[role] = layer
    return node


def _add_per_type(project: QgsProject, group: QgsLayerTreeGroup, gpkg: Path,
                  catalogue: Catalogue, where: str, table: str, group_title: str,
                  layer_title: str,
                  language: Optional[str] = None) -> Dict[str, QgsVectorLayer]:
    """One hidden layer per type (gaps, service areas), to switch on while discussing it."""
    counts = dict(table_rows(gpkg, f"SELECT facility_type, COUNT(*) FROM {table} "
                                   f"WHERE {where} GROUP BY 1"))
    sub_group = group.addGroup(group_title)
    sub_group.setCustomProperty(ROLE, table)
    sub_group.setExpanded(False)
    language = language or ui_language()
    added = {}
    for facility_id in sorted(counts, key=lambda i: (_task_of(catalogue, i), i)):
        name = catalogue.types[facility_id].name(language) \
            if facility_id in catalogue.types else facility_id
        layer = open_layer(gpkg, table, layer_title.format(name),
                           f"{where} AND \"facility_type\" = '{facility_id}'")
        styles.apply_qml(layer, table)
        layer.setCustomProperty(ROLE, table)
        layer.setCustomProperty(TYPE, facility_id)
        project.addMapLayer(layer, False)
        sub_group.addLayer(layer).setItemVisibilityChecked(False)
        added[facility_id] = layer
    return added


def _task_of(catalogue: Catalogue, facility_id: str) -> int:
    facility = catalogue.types.get(facility_id)
    return facility.task if facility else 99


def facility_nodes(project: QgsProject, facility_id: str) -> List[QgsLayerTreeLayer]:
    """Layer-tree nodes of the facility layers of one type (usually one)."""
    root = project.layerTreeRoot()
    return [node for node in root.findLayers()
            if node.layer() is not None and node.layer().customProperty(TYPE) == facility_id
            and node.layer().customProperty(ROLE) == schema.FACILITIES]


def task_group(project: QgsProject, task: int) -> Optional[QgsLayerTreeGroup]:
    for group in project.layerTreeRoot().findGroups(True):
        if group.customProperty(ROLE) == "task" and int(group.customProperty(TASK)) == task:
            return group
    return None
