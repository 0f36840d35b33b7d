"""A small but real project.gpkg for the plugin_sync tests, made without the builder.

Real sub-district polygons and real OSM points of Changning, reprojected to the project CRS
(EPSG:4549) with pyproj, classified with the catalogue's OSM rules and written with
core.gpkg following core.project_schema. The tests use it while (or where) a full build is
too slow; every count a test checks is read back from this file with sqlite3 or fiona.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from pathlib import Path

from pyproj import Transformer
from shapely.geometry import MultiPolygon, Point, shape
from shapely.ops import transform

from lifecircle_plugin.core import project_schema as ps
from lifecircle_plugin.core.catalogue import load_catalogue
from lifecircle_plugin.core.gpkg import Feature, atomic_geopackage, write_layer
from lifecircle_plugin.core.osm_rules import best_match

PROJECT_ID = "7d0c3f4e-8a51-4b8e-9a57-2c1b6f0e5d11"
CREATED_AT = "2026-05-20T10:00:00+08:00"
SUBDISTRICT = "江苏路街道"
TASK = 3


def _to_project_crs():
    transformer = Transformer.from_crs("EPSG:4326", ps.DEFAULT_CRS, always_xy=True)
    return lambda geometry: transform(transformer.transform, geometry)


def _subdistricts(changning_dir: Path, project):
    data = json.loads((changning_dir / "subdistricts.geojson").read_text(encoding="utf-8"))
    features = []
    for item in data["features"]:
        props = item["properties"]
        geometry = project(shape(item["geometry"]))
        if geometry.geom_type == "Polygon":
            geometry = MultiPolygon([geometry])
        features.append(Feature({
            "name": props["name_zh"], "name_en": props["name_en"], "code": props["code_2023"],
            "population": float(props["pop_census2010"]),
            "area_km2": float(props["area_km2_geodesic"])}, geometry))
    return features


def _facilities(changning_dir: Path, project, subdistricts):
    catalogue = load_catalogue()
    rules = [(t.id, alt) for t in catalogue.types.values() for alt in t.osm_rules]
    data = json.loads((changning_dir / "osm_pois.geojson").read_text(encoding="utf-8"))
    features = []
    for item in data["features"]:
        props = item["properties"]
        tags = json.loads(props["tags"] or "{}")
        match = best_match(rules, tags)
        if match is None:
            continue
        point = project(shape(item["geometry"]))
        home = next((s for s in subdistricts if s.geometry.contains(point)), None)
        if home is None:
            continue
        facility_type = catalogue.types[match[0]]
        source_id = f"{props['osm_type']}/{props['osm_id']}"
        features.append(Feature({
            "uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, "osm:" + source_id)),
            "facility_type": facility_type.id, "task": facility_type.task,
            "name": props.get("name"), "address": tags.get("addr:street"),
            "source": "osm", "source_id": source_id, "rule": match[1].text,
            "status": "existing", "subdistrict": home.attributes["name"],
            "capacity": None, "area_m2": None, "sources": json.dumps([
                {"source": "osm", "source_id": source_id}]),
            "attributes": "{}", "updated_at": CREATED_AT}, Point(point.x, point.y)))
    return features


def build_small_project(changning_dir: Path, target: Path) -> Path:
    """Write project.gpkg at `target` with subdistricts, facilities, metadata and empty
    survey layers (audits, audit_photos, conflicts, import_log)."""
    project = _to_project_crs()
    subdistricts = _subdistricts(changning_dir, project)
    facilities = _facilities(changning_dir, project, subdistricts)
    metadata = {"schema_version": str(ps.SCHEMA_VERSION), "project_id": PROJECT_ID,
                "created_at": CREATED_AT, "crs": ps.DEFAULT_CRS}
    with atomic_geopackage(target) as dataset:
        write_layer(dataset, ps.SUBDISTRICTS, subdistricts, ps.DEFAULT_CRS)
        write_layer(dataset, ps.FACILITIES, facilities, ps.DEFAULT_CRS)
        write_layer(dataset, ps.METADATA, [Feature({"key": k, "value": v})
                                           for k, v in metadata.items()], ps.DEFAULT_CRS)
        for name in (ps.AUDITS, ps.AUDIT_PHOTOS, ps.CONFLICTS, ps.IMPORT_LOG):
            write_layer(dataset, name, [], ps.DEFAULT_CRS)
    return target


def sha256(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def query(path, sql, *args):
    """Rows of an SQL query on a GeoPackage or package, read with plain sqlite3."""
    connection = sqlite3.connect(str(path))
    try:
        return connection.execute(sql, args).fetchall()
    finally:
        connection.close()
