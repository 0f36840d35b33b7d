"""A small results project for report and layout tests, on the real sub-district polygons.

The sub-districts come from the real Changning file (reprojected here with pyproj, not with
project code); origins are a 250 m grid inside them; result rows follow
`core/project_schema.py` with values derived from simple rules so that each test can
recompute what it expects from the same rows.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyproj import Transformer
from shapely.geometry import Point, shape
from shapely.ops import transform

from lifecircle_plugin.core import project_schema as ps
from lifecircle_plugin.core.catalogue import load_catalogue
from lifecircle_plugin.core.gpkg import Feature, atomic_geopackage, write_layer

CRS = "EPSG:4549"
SCENARIO = "baseline"
TYPES = ("convenience_store", "wet_market", "kindergarten", "community_park", "bus_stop",
         "library")
BASIC = TYPES[:5]


def _subdistricts(changning_dir: Path):
    to_cgcs = Transformer.from_crs("EPSG:4326", CRS, always_xy=True).transform
    data = json.loads((changning_dir / "subdistricts.geojson").read_text(encoding="utf-8"))
    rows = []
    for feature in data["features"]:
        props = feature["properties"]
        rows.append((props, transform(to_cgcs, shape(feature["geometry"]))))
    return rows


def build_results_project(path: Path, changning_dir: Path, method: str) -> Path:
    catalogue = load_catalogue()
    subs = _subdistricts(changning_dir)
    features = {name: [] for name in (ps.SUBDISTRICTS, ps.ORIGIN_RESULTS, ps.FACILITIES,
                                      ps.SITE_SCORES, ps.GAPS)}
    type_rows, task_rows = [], []
    for index, (props, geometry) in enumerate(subs):
        name = props["name_zh"]
        features[ps.SUBDISTRICTS].append(Feature({
            "name": name, "name_en": props["name_en"], "code": props["code_2023"],
            "population": float(props["pop_census2010"]),
            "area_km2": props["area_km2_geodesic"]}, geometry))
        minx, miny, maxx, maxy = geometry.bounds
        x = minx
        cells = []
        while x < maxx:
            y = miny
            while y < maxy:
                if geometry.contains(Point(x, y)):
                    cells.append(Point(x, y))
                y += 250.0
            x += 250.0
        for number, point in enumerate(cells):
            reached = (number + index) % (len(BASIC) + 1)
            features[ps.ORIGIN_RESULTS].append(Feature({
                "origin_uuid": f"o-{index}-{number}", "scenario": SCENARIO,
                "subdistrict": name, "population": 100.0,
                "basic_types_reached_15min": reached, "basic_types_total": len(BASIC),
                "method": method, "snapped": int(number % 7 != 0)}, point))
            if reached < 3:
                features[ps.GAPS].append(Feature({
                    "origin_uuid": f"o-{index}-{number}", "scenario": SCENARIO,
                    "facility_type": "wet_market", "subdistrict": name, "population": 100.0,
                    "distance_m": 900.0, "threshold_m": 500.0}, point))
        centre = geometry.representative_point()
        features[ps.FACILITIES].append(Feature({
            "uuid": f"f-{index}", "facility_type": "wet_market", "task": 3, "name": "菜场",
            "status": "existing", "subdistrict": name}, centre))
        for type_index, fid in enumerate(TYPES):
            ftype = catalogue.types[fid]
            share = ((index + 1) * (type_index + 2) % 10) / 10.0
            type_rows.append(Feature({
                "subdistrict": name, "scenario": SCENARIO, "facility_type": fid,
                "task": ftype.task, "population": float(props["pop_census2010"]),
                "covered_population": share * props["pop_census2010"], "share": share,
                "share_5min": share / 2, "share_10min": share, "share_15min": share,
                "threshold_m": ftype.threshold_m, "threshold_verif": ftype.verif_threshold,
                "target_share": 0.85, "meets_target": int(share >= 0.85), "facilities": 1,
                "method": method}))
        for task in sorted({catalogue.types[f].task for f in TYPES}):
            task_rows.append(Feature({
                "subdistrict": name, "scenario": SCENARIO, "task": task, "mean_share": 0.5,
                "share_all_basic": 0.4, "basic_types": 2, "basic_types_met": 1,
                "meets_target": 0}))
        if index < 2:
            features[ps.SITE_SCORES].append(Feature({
                "site_id": f"s-{index}", "facility_type": "wet_market", "rank": index + 1,
                "new_population": 1000.0 - index, "cumulative_population": 1000.0 * (index + 1)},
                centre))
    metadata = {"distance_method": method, "detour_factor": "1.3", "origin_method": "grid",
                "crs": CRS, "schema_version": "1"}
    sources = [
        {"source": "osm_pois", "path": str(changning_dir / "osm_pois.geojson"), "kind": "osm",
         "crs": "EPSG:4326", "features": 2954, "attribution": "© OpenStreetMap contributors"},
        {"source": "subdistricts", "path": str(changning_dir / "subdistricts.geojson"),
         "kind": "boundaries", "crs": "EPSG:4326", "features": 10, "attribution": ""},
    ]
    with atomic_geopackage(path) as dataset:
        for name, rows in features.items():
            write_layer(dataset, name, rows, CRS)
        write_layer(dataset, ps.SUBDISTRICT_RESULTS, type_rows, CRS)
        write_layer(dataset, ps.TASK_RESULTS, task_rows, CRS)
        write_layer(dataset, ps.METADATA,
                    [Feature({"key": k, "value": v}) for k, v in metadata.items()], CRS)
        write_layer(dataset, ps.SOURCES, [Feature(s) for s in sources], CRS)
    return path


@pytest.fixture(scope="session")
def results_project(tmp_path_factory, changning_dir) -> Path:
    folder = tmp_path_factory.mktemp("report")
    return build_results_project(folder / "project.gpkg", changning_dir, "straight_line")


@pytest.fixture(scope="session")
def network_results_project(tmp_path_factory, changning_dir) -> Path:
    folder = tmp_path_factory.mktemp("report_net")
    return build_results_project(folder / "project.gpkg", changning_dir, "network")
