"""A small project GeoPackage from the real Changning data, for sync and export tests.

Until the builder's `core.build` is used here, this writes the layers the import reads:
subdistricts (the 10 real 街镇), facilities (the real OSM POIs inside the district,
a handful of OSM subtypes mapped to catalogue types), lc_metadata with a project_id,
and the empty survey layers, all in EPSG:4549 following project_schema.
"""
from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path
from typing import Dict, List

from pyproj import Transformer
from shapely.geometry import Point, shape
from shapely.ops import transform

from lifecircle_plugin.core import gpkg
from lifecircle_plugin.core import project_schema as ps

JIANGSU_ROAD = "江苏路街道"
CRS = "EPSG:4549"
SUBTYPE_TO_TYPE = {
    "convenience": "convenience_store", "supermarket": "supermarket", "school": "primary_school",
    "kindergarten": "kindergarten", "park": "community_park", "garden": "pocket_green_space",
    "hospital": "community_health_center", "clinic": "health_service_station",
    "bus_stop": "bus_stop", "rail_station": "metro_station", "fitness_centre": "sports_centre",
    "pitch": "multi_sport_field", "marketplace": "wet_market", "post_office": "parcel_locker",
}
TASK_OF = {"convenience_store": 3, "supermarket": 3, "primary_school": 8, "kindergarten": 8,
           "community_park": 5, "pocket_green_space": 5, "community_health_center": 10,
           "health_service_station": 10, "bus_stop": 7, "metro_station": 7,
           "sports_centre": 6, "multi_sport_field": 6, "wet_market": 3, "parcel_locker": 3}
BUILT_AT = "2026-05-20T10:00:00+08:00"


def _to_project():
    transformer = Transformer.from_crs("EPSG:4326", CRS, always_xy=True)
    return lambda geometry: transform(transformer.transform, geometry)


def build_changning_project(changning_dir: Path, out: Path, project_id: str = None) -> Path:
    """Write out (a .gpkg) and return it. Facilities keep a deterministic uuid per OSM id."""
    project = _to_project()
    districts = json.loads((changning_dir / "subdistricts.geojson").read_text("utf-8"))
    polygons = []
    subdistricts = []
    for feature in districts["features"]:
        props = feature["properties"]
        geometry = project(shape(feature["geometry"]))
        if geometry.geom_type == "Polygon":
            from shapely.geometry import MultiPolygon
            geometry = MultiPolygon([geometry])
        polygons.append((props["name_zh"], geometry))
        subdistricts.append(gpkg.Feature({
            "name": props["name_zh"], "name_en": props["name_en"], "code": props["code_2023"],
            "population": float(props["pop_census2010"]),
            "area_km2": float(props["area_km2_geodesic"])}, geometry))
    pois = json.loads((changning_dir / "osm_pois.geojson").read_text("utf-8"))
    facilities = []
    for feature in pois["features"]:
        props = feature["properties"]
        facility_type = SUBTYPE_TO_TYPE.get(props["subtype"])
        if facility_type is None:
            continue
        point = project(shape(feature["geometry"]))
        inside = next((name for name, polygon in polygons if polygon.covers(point)), None)
        if inside is None:
            continue
        source_id = f"{props['osm_type']}/{props['osm_id']}"
        facilities.append(gpkg.Feature({
            "uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"osm/{source_id}")),
            "facility_type": facility_type, "task": TASK_OF[facility_type],
            "name": props["name"], "address": None, "source": "osm", "source_id": source_id,
            "rule": props["subtype"], "status": "existing", "subdistrict": inside,
            "sources": json.dumps([{"source": "osm", "source_id": source_id}]),
            "attributes": props["tags"], "updated_at": BUILT_AT}, Point(point.x, point.y)))
    metadata = [gpkg.Feature({"key": "project_id", "value": project_id or str(uuid.uuid4())}),
                gpkg.Feature({"key": "crs", "value": CRS}),
                gpkg.Feature({"key": "schema_version", "value": str(ps.SCHEMA_VERSION)})]
    with gpkg.atomic_geopackage(out) as dataset:
        gpkg.write_layer(dataset, ps.SUBDISTRICTS, subdistricts, CRS)
        gpkg.write_layer(dataset, ps.FACILITIES, facilities, CRS)
        gpkg.write_layer(dataset, ps.METADATA, metadata, CRS)
        for name in (ps.AUDITS, ps.AUDIT_PHOTOS, ps.CONFLICTS, ps.IMPORT_LOG, ps.SYNC_STATE):
            gpkg.write_layer(dataset, name, [], CRS)
    return out


def read_table(path: Path, table: str) -> List[Dict]:
    """Rows of a table read with plain sqlite3 (independent of the code under test)."""
    connection = sqlite3.connect(str(path))
    connection.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in connection.execute(f'SELECT * FROM "{table}"')]
    finally:
        connection.close()


def add_result_layers(project: Path) -> Path:
    """Result layers as the engine writes them (names from project_schema), with values
    computed here from the real facilities: origin_results at the bus stops with the
    straight-line distance to the nearest facility of each type (long d_<type> names that
    share their first 10 characters), and subdistrict_results with facility counts."""
    data = gpkg.read_layer(project, ps.FACILITIES)
    by_type: Dict[str, list] = {}
    for feature in data.features:
        by_type.setdefault(feature.attributes["facility_type"], []).append(feature)
    types = sorted(t for t in by_type if t != "bus_stop")
    origins = []
    for stop in by_type["bus_stop"]:
        distances = {t: min(stop.geometry.distance(f.geometry) for f in by_type[t])
                     for t in types}
        attributes = {"origin_uuid": stop.attributes["uuid"], "scenario": "current",
                      "subdistrict": stop.attributes["subdistrict"], "population": 100.0,
                      "basic_types_reached_15min": sum(d <= 1000 for d in distances.values()),
                      "basic_types_total": len(types), "method": "straight_line"}
        attributes.update({ps.distance_field(t): round(d, 2) for t, d in distances.items()})
        origins.append(gpkg.Feature(attributes, stop.geometry))
    rows = []
    for subdistrict in sorted({f.attributes["subdistrict"] for f in data.features}):
        for facility_type in types:
            count = sum(f.attributes["subdistrict"] == subdistrict
                        for f in by_type[facility_type])
            rows.append(gpkg.Feature({
                "subdistrict": subdistrict, "scenario": "current",
                "facility_type": facility_type, "task": TASK_OF[facility_type],
                "facilities": count, "threshold_m": 1000.0, "threshold_verif": "M",
                "share": 0.5, "share_5min": 0.1, "share_10min": 0.3, "share_15min": 0.5,
                "method": "straight_line"}))
    origin_fields = dict(ps.LAYERS[ps.ORIGIN_RESULTS][1])
    origin_fields.update({ps.distance_field(t): "Real" for t in types})
    result_fields = {name: kind for name, kind in ps.LAYERS[ps.SUBDISTRICT_RESULTS][1].items()
                     if name in rows[0].attributes}
    dataset = gpkg.open_dataset(project, update=True)
    gpkg.write_layer(dataset, ps.ORIGIN_RESULTS, origins, CRS, fields=origin_fields)
    gpkg.write_layer(dataset, ps.SUBDISTRICT_RESULTS, rows, CRS, fields=result_fields)
    dataset = None
    return project
