"""The QGIS layers that show the project GeoPackage: find them, guard them, reload them.

The import writes into project.gpkg behind QGIS's back, so before it runs we must know
whether a layer of that file is in edit mode (its buffer would later overwrite the import,
or SQLite would answer "database is locked"), and after it runs QGIS must re-read the file.
Layers are matched by the file path of their source, not by layer id or name.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Iterable, List, Optional, Union

from qgis.core import QgsProject, QgsProviderRegistry, QgsVectorLayer

log = logging.getLogger(__name__)
PathLike = Union[str, os.PathLike]


def _same_file(a: PathLike, b: PathLike) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()


def source_of(layer: QgsVectorLayer) -> tuple:
    """(file path, layer name) of an OGR layer; (None, None) for other providers."""
    if not isinstance(layer, QgsVectorLayer) or layer.providerType() != "ogr":
        return None, None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    return parts.get("path"), parts.get("layerName")


def project_layers(project_gpkg: PathLike, names: Optional[Iterable[str]] = None,
                   project: Optional[QgsProject] = None) -> List[QgsVectorLayer]:
    """Vector layers of the current QGIS project read from `project_gpkg` (optionally only
    the GeoPackage layers called `names`)."""
    project = project or QgsProject.instance()
    wanted = set(names) if names is not None else None
    found = []
    for layer in project.mapLayers().values():
        path, name = source_of(layer)
        if path and _same_file(path, project_gpkg) and (wanted is None or name in wanted):
            found.append(layer)
    return found


def layers_with_unsaved_edits(project_gpkg: PathLike,
                              names: Optional[Iterable[str]] = None) -> List[QgsVectorLayer]:
    """Layers of the file that are in edit mode or hold edits not yet saved."""
    return [layer for layer in project_layers(project_gpkg, names)
            if layer.isEditable() or layer.isModified()]


def reload_layers(project_gpkg: PathLike) -> int:
    """Make QGIS re-read every layer of the file after the core wrote to it."""
    layers = project_layers(project_gpkg)
    for layer in layers:
        layer.dataProvider().reloadData()
        layer.reload()
        layer.updateExtents()
        layer.triggerRepaint()
    log.info("reloaded %d layers of %s", len(layers), project_gpkg)
    return len(layers)


def find_layer(project_gpkg: PathLike, name: str) -> Optional[QgsVectorLayer]:
    layers = project_layers(project_gpkg, [name])
    return layers[0] if layers else None


def open_layer(project_gpkg: PathLike, name: str, title: Optional[str] = None,
               add: bool = True) -> QgsVectorLayer:
    """The layer `name` of the file: the one already in the project, or a new one."""
    layer = find_layer(project_gpkg, name)
    if layer is None:
        layer = QgsVectorLayer(f"{project_gpkg}|layername={name}", title or name, "ogr")
        if add and layer.isValid():
            QgsProject.instance().addMapLayer(layer)
    return layer
