"""From the new-project dialog's choices to the core's BuildConfig.

Kept apart from the widgets so it is testable without clicking, and so the one place that
knows core.build's field names is small.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional, Sequence

from ..i18n import tr

# coordinate system of a POI file -> the label shown (translated where shown)
COORDINATE_SYSTEMS = {
    "auto": "As stored in the file",
    "WGS84": "WGS84 (GPS, OSM)",
    "gcj02": "GCJ-02 (AMap, Tencent)",
    "bd09": "BD-09 (Baidu)",
}
DATUMS = {"auto": "WGS84", "WGS84": "WGS84", "gcj02": "GCJ02", "bd09": "BD09"}


def coordinate_system_labels() -> List[str]:
    """The labels, through tr() so that pylupdate collects them."""
    return [tr("As stored in the file"), tr("WGS84 (GPS, OSM)"), tr("GCJ-02 (AMap, Tencent)"),
            tr("BD-09 (Baidu)")]


@dataclass
class PoiInput:
    path: str
    coordinates: str = "auto"


@dataclass
class BuildInputs:
    """What the planner chose in the dialog (paths as typed; empty string = not given)."""

    subdistricts: str = ""
    output: str = ""
    pois: List[PoiInput] = field(default_factory=list)
    osm: str = ""
    network: str = ""
    residents: str = ""
    overpass_bbox: Optional[Sequence[float]] = None  # west, south, east, north (WGS84)
    crs: str = ""  # project CRS; "" = chosen for the area by the builder

    def problems(self) -> List[str]:
        """Why the build cannot start yet (empty when it can)."""
        problems = []
        if not self.subdistricts:
            problems.append(tr("Choose the sub-districts file."))
        elif not Path(self.subdistricts).exists():
            problems.append(tr("Sub-districts file not found: {0}").format(self.subdistricts))
        if not self.output:
            problems.append(tr("Choose where to save the project GeoPackage."))
        if not (self.pois or self.osm or self.overpass_bbox):
            problems.append(tr("Add at least one POI file, an OSM file or the Overpass "
                               "download."))
        for poi in self.pois:
            if not Path(poi.path).exists():
                problems.append(tr("File not found: {0}").format(poi.path))
        return problems

    def describe(self) -> str:
        """'What will be built', shown before the planner presses Build."""
        lines = [tr("Will build {0}:").format(Path(self.output).name)]
        lines.append(tr("• sub-districts and population from {0}").format(
            Path(self.subdistricts).name))
        for poi in self.pois:
            label = COORDINATE_SYSTEMS.get(poi.coordinates, poi.coordinates)
            lines.append(tr("• facilities from {0} ({1})").format(Path(poi.path).name,
                                                                   tr(label)))
        if self.osm:
            lines.append(tr("• OSM facilities from {0}").format(Path(self.osm).name))
        if self.overpass_bbox:
            lines.append(tr("• OSM facilities downloaded for the map extent"))
        if self.network:
            lines.append(tr("• walking network from {0}").format(Path(self.network).name))
        else:
            lines.append(tr("• no walking network: straight-line distance × detour factor"))
        if self.residents:
            lines.append(tr("• residents from {0}").format(Path(self.residents).name))
        else:
            lines.append(tr("• residents: a regular grid over the sub-districts"))
        return "\n".join(lines)


def to_build_config(inputs: BuildInputs, residents_are_points: Optional[bool] = None):
    """The core.build.BuildConfig for these inputs (sources in the planner's order)."""
    from ..core.build import BuildConfig, SourceSpec

    pois = []
    if inputs.osm:
        pois.append(SourceSpec(Path(inputs.osm), kind="osm"))
    for poi in inputs.pois:
        pois.append(SourceSpec(Path(poi.path), datum=DATUMS.get(poi.coordinates, "WGS84")))
    config = BuildConfig(out=Path(inputs.output), pois=pois,
                         subdistricts=SourceSpec(Path(inputs.subdistricts)),
                         crs=inputs.crs or None)
    if inputs.network:
        config.network = SourceSpec(Path(inputs.network))
    if inputs.residents:
        if residents_are_points is None:
            residents_are_points = _is_point_layer(inputs.residents)
        spec = SourceSpec(Path(inputs.residents))
        if residents_are_points:
            config.residential_points = spec
        else:
            config.residential_polygons = spec
    return config


def _is_point_layer(path: str) -> bool:
    from qgis.core import QgsVectorLayer, QgsWkbTypes

    layer = QgsVectorLayer(path, "residents", "ogr")
    return layer.isValid() and layer.geometryType() == QgsWkbTypes.GeometryType.PointGeometry


def download_overpass(bbox: Sequence[float], target: Path, catalogue, url: str = "") -> Path:
    """Fetch the catalogue's OSM tags in the extent into a JSON file the builder reads.

    `url` is an Overpass endpoint (a mirror closer to China, say); "" = the default server.
    """
    from ..core.sources.overpass import OverpassClient, build_query, catalogue_selectors

    client = OverpassClient(url) if url else OverpassClient()
    answer = client.query(build_query(bbox, catalogue_selectors(catalogue)))
    target.write_text(json.dumps(answer, ensure_ascii=False), encoding="utf-8")
    return target
