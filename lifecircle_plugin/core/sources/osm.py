"""OpenStreetMap PBF/XML through GDAL's OSM driver: POIs and walkable ways.

GDAL's driver is in every QGIS install, so no extra dependency. It exposes nodes as
`points`, open ways as `lines` and closed/relation areas as `multipolygons`, with the
less common tags packed in an hstore-like `other_tags` string that we unpack. The file is
read once in interleaved mode, which is how the driver wants large files read.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple

import shapely
from osgeo import gdal, ogr
from shapely import wkb as shapely_wkb
from shapely.geometry.base import BaseGeometry

from ..errors import InputError
from .records import PoiRecord, clean_text, is_poi_candidate

log = logging.getLogger(__name__)
gdal.UseExceptions()

_HSTORE = re.compile(r'"((?:[^"\\]|\\.)*)"=>"((?:[^"\\]|\\.)*)"')
_NOT_TAGS = {"osm_id", "osm_way_id", "other_tags", "z_order"}
LAYERS = ("points", "lines", "multipolygons")


@dataclass
class OsmFeature:
    layer: str
    osm_type: str
    osm_id: str
    tags: Dict[str, str]
    geometry: BaseGeometry  # WGS84


def parse_other_tags(text: Optional[str]) -> Dict[str, str]:
    if not text:
        return {}
    return {k.replace('\\"', '"'): v.replace('\\"', '"') for k, v in _HSTORE.findall(text)}


def _tags(feature: ogr.Feature) -> Dict[str, str]:
    tags = parse_other_tags(feature.GetField("other_tags")
                            if feature.GetFieldIndex("other_tags") >= 0 else None)
    for key, value in feature.items().items():
        if key not in _NOT_TAGS and value not in (None, ""):
            tags[key] = str(value)
    return tags


def read_osm(path, layers: Iterable[str] = LAYERS) -> List[OsmFeature]:
    """All features of the wanted layers, WGS84 shapely geometries, full tags."""
    path = Path(path)
    wanted = set(layers)
    if not path.exists():
        raise InputError("file not found", file=path)
    gdal.SetConfigOption("OGR_INTERLEAVED_READING", "YES")
    gdal.SetConfigOption("OSM_USE_CUSTOM_INDEXING", "NO")
    try:
        dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR, allowed_drivers=["OSM"])
    except RuntimeError as exc:
        raise InputError(f"not an OSM PBF/XML file: {exc}", file=path) from None
    finally:
        gdal.SetConfigOption("OGR_INTERLEAVED_READING", None)
        gdal.SetConfigOption("OSM_USE_CUSTOM_INDEXING", None)
    features: List[OsmFeature] = []
    skipped = 0
    with gdal.quiet_errors() if hasattr(gdal, "quiet_errors") else _Quiet():
        while True:
            try:
                feature, layer = dataset.GetNextFeature(include_layer=True)
            except RuntimeError as exc:
                reason = str(exc).strip()
                raise InputError("cannot read OSM data: the file seems truncated or damaged"
                                 + (f" ({reason})" if reason else ""), file=path) from None
            if feature is None:
                break
            name = layer.GetName()
            if name not in wanted:
                continue
            geometry_ref = feature.GetGeometryRef()
            if geometry_ref is None or geometry_ref.IsEmpty():
                skipped += 1
                continue
            try:
                geometry = shapely_wkb.loads(bytes(geometry_ref.ExportToIsoWkb()))
            except shapely.errors.GEOSException:
                skipped += 1  # e.g. a ring of two points: an unfinished area in OSM
                continue
            osm_type, osm_id = _identity(feature, name)
            features.append(OsmFeature(name, osm_type, osm_id, _tags(feature), geometry))
    if skipped:
        log.info("%s: %d OSM features without usable geometry skipped", path.name, skipped)
    return features


class _Quiet:
    """GDAL < 3.7 has no gdal.quiet_errors(): push a quiet handler by hand."""

    def __enter__(self):
        gdal.PushErrorHandler("CPLQuietErrorHandler")

    def __exit__(self, *exc):
        gdal.PopErrorHandler()


def _identity(feature: ogr.Feature, layer: str) -> Tuple[str, str]:
    if layer == "points":
        return "node", str(feature.GetField("osm_id"))
    if layer == "multipolygons":
        way_id = feature.GetField("osm_way_id")
        if way_id:
            return "way", str(way_id)
        return "relation", str(feature.GetField("osm_id"))
    return "way", str(feature.GetField("osm_id"))


def osm_pois(features: Iterable[OsmFeature], source: str) -> List[PoiRecord]:
    """Candidate facilities: tagged nodes as points, areas as representative point +
    footprint, tagged open ways (platforms, tracks) as their middle point."""
    from ..geometry import repaired

    records = []
    for number, item in enumerate(features, start=1):
        if not is_poi_candidate(item.tags):
            continue
        footprint = None
        point = item.geometry
        if item.layer == "lines":  # a platform or track drawn as an open way: its middle
            point = item.geometry.interpolate(0.5, normalized=True)
        elif item.layer == "multipolygons":
            footprint = repaired(item.geometry)
            if footprint is None or footprint.is_empty:
                log.warning("%s %s/%s: area geometry cannot be repaired, skipped",
                            source, item.osm_type, item.osm_id)
                continue
            point = footprint.representative_point()
        records.append(PoiRecord(
            source=source, source_id=f"{item.osm_type}/{item.osm_id}",
            name=clean_text(item.tags.get("name:zh") or item.tags.get("name")),
            lon=point.x, lat=point.y, address=_address(item.tags),
            category=None, tags=item.tags, footprint=footprint, row=number,
        ))
    return records


def _address(tags: Dict[str, str]) -> Optional[str]:
    parts = [tags.get(k) for k in ("addr:city", "addr:district", "addr:street",
                                   "addr:housenumber")]
    return clean_text(" ".join(p for p in parts if p)) or clean_text(tags.get("address"))


def read_osm_pois(path, source: Optional[str] = None) -> List[PoiRecord]:
    path = Path(path)
    return osm_pois(read_osm(path), source or path.stem)
