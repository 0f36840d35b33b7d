"""Helpers for the survey tests: small packages written straight through the file format."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Dict, List, Optional

from lifecircle_plugin.core.survey.checklists import checklist_rows, default_checklists
from lifecircle_plugin.core.survey.packagefile import write_package

TYPES = ("elderly_meal_point", "kindergarten", "parcel_locker", "pocket_green_space", "aed")


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def facility_rows(count: int, names: Optional[List[str]] = None) -> List[Dict]:
    checklists = default_checklists()
    rows = []
    for index in range(count):
        facility_type = TYPES[index % len(TYPES)]
        name = names[index] if names else f"设施{index:05d}"
        x, y = 500000.0 + index * 3.0, 3450000.0 + (index % 100) * 7.0
        rows.append({
            "uuid": f"00000000-0000-4000-8000-{index:012d}", "facility_type": facility_type,
            "task": checklists.for_type(facility_type).task, "name": name,
            "address": f"长宁路{index}号", "status": "existing", "x": x, "y": y,
            "subdistrict": "江苏路街道", "attributes": {"source": "test"},
            "base": {"facility_type": facility_type, "name": name,
                     "address": f"长宁路{index}号", "status": "existing", "x": x, "y": y},
        })
    return rows


def make_package(path: Path, count: int = 10, names: Optional[List[str]] = None,
                 info: Optional[Dict] = None) -> Path:
    info = dict({"project_id": "test-project", "crs": "EPSG:4549", "area": "江苏路街道",
                 "task": "", "inspector": ""}, **(info or {}))
    context = [{"layer": "subdistricts", "name": "江苏路街道",
                "wkt": "POLYGON((499000 3449000,540000 3449000,540000 3451000,"
                       "499000 3451000,499000 3449000))"}]
    return write_package(path, info, facility_rows(count, names),
                         checklist_rows(default_checklists()), context)


def changning_project(changning_dir: Path, out: Path) -> Dict:
    """A project.gpkg following project_schema, from the real Changning files.

    Sub-districts and OSM points are reprojected to EPSG:4549 with pyproj; points are
    typed with the catalogue's OSM rules; the real OSM cycleways stand in for the
    walking network. Returns what the tests compare against, computed in WGS84.
    """
    import json
    import uuid

    from pyproj import Transformer
    from shapely.geometry import MultiPolygon, shape
    from shapely.ops import transform

    from lifecircle_plugin.core import gpkg
    from lifecircle_plugin.core import project_schema as ps
    from lifecircle_plugin.core.catalogue import load_catalogue
    from lifecircle_plugin.core.osm_rules import best_match

    to_project = Transformer.from_crs("EPSG:4326", "EPSG:4549", always_xy=True).transform
    catalogue = load_catalogue()
    rules = [(t.id, alt) for t in catalogue.types.values() for alt in t.osm_rules]
    boundaries = json.loads((changning_dir / "subdistricts.geojson").read_text("utf-8"))
    pois = json.loads((changning_dir / "osm_pois.geojson").read_text("utf-8"))
    subdistricts, wgs84 = [], {}
    for feature in boundaries["features"]:
        props, geometry = feature["properties"], shape(feature["geometry"])
        wgs84[props["name_zh"]] = geometry
        subdistricts.append(gpkg.Feature(
            {"name": props["name_zh"], "name_en": props["name_en"], "code": props["code_2023"],
             "population": float(props["pop_census2010"]),
             "area_km2": props["area_km2_geodesic"]},
            MultiPolygon([transform(to_project, geometry)])
            if geometry.geom_type == "Polygon" else transform(to_project, geometry)))
    facilities, expected = [], {"by_subdistrict": {}, "types": {}}
    for feature in pois["features"]:
        props = feature["properties"]
        match = best_match(rules, json.loads(props["tags"] or "{}"))
        if match is None:
            continue
        facility_type = catalogue.types[match[0]]
        point = shape(feature["geometry"])
        facility_uuid = str(uuid.uuid5(uuid.NAMESPACE_URL,
                                       f"osm/{props['osm_type']}/{props['osm_id']}"))
        facilities.append(gpkg.Feature({
            "uuid": facility_uuid, "facility_type": facility_type.id,
            "task": facility_type.task, "name": props["name"], "address": None,
            "source": "osm", "source_id": f"{props['osm_type']}/{props['osm_id']}",
            "rule": str(match[1]), "status": "existing", "subdistrict": None,
            "attributes": json.dumps({"osm_category": props["category"]}),
            "updated_at": "2026-05-19T00:00:00+08:00"}, transform(to_project, point)))
        expected["types"][facility_uuid] = facility_type.id
        for name, polygon in wgs84.items():
            if polygon.covers(point):
                expected["by_subdistrict"].setdefault(name, set()).add(facility_uuid)
    cycleways = gpkg.read_layer(changning_dir / "cycleways.osm.pbf", "lines")
    edges = [gpkg.Feature({"edge_id": i, "u": 2 * i, "v": 2 * i + 1,
                           "length_m": transform(to_project, f.geometry).length,
                           "highway": f.attributes.get("highway"), "component": 0},
                          transform(to_project, f.geometry))
             for i, f in enumerate(cycleways.features) if f.geometry is not None]
    metadata = [gpkg.Feature({"key": k, "value": v}) for k, v in (
        ("schema_version", str(ps.SCHEMA_VERSION)), ("project_id", "changning-test-project"),
        ("crs", "EPSG:4549"), ("created_at", "2026-12-03T08:00:00+08:00"))]
    with gpkg.atomic_geopackage(out) as dataset:
        gpkg.write_layer(dataset, ps.FACILITIES, facilities, "EPSG:4549")
        gpkg.write_layer(dataset, ps.SUBDISTRICTS, subdistricts, "EPSG:4549")
        gpkg.write_layer(dataset, ps.NETWORK_EDGES, edges, "EPSG:4549")
        gpkg.write_layer(dataset, ps.METADATA, metadata, "EPSG:4549")
    expected["facilities"] = len(facilities)
    expected["edges"] = len(edges)
    return expected
