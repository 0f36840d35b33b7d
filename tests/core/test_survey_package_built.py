"""A survey package for 江苏路街道 from a project built by core.build from the real data."""
from __future__ import annotations

import json
import sqlite3

import fiona
import pytest
from pyproj import Transformer
from shapely.geometry import Point, shape

from lifecircle_plugin.core.build import build_project, changning_config
from lifecircle_plugin.core.survey.package import make_package
from lifecircle_plugin.core.survey.store import SurveyStore

JIANGSU = "江苏路街道"


@pytest.fixture(scope="module")
def built(changning_dir, tmp_path_factory):
    folder = tmp_path_factory.mktemp("built")
    project = folder / "project.gpkg"
    build_project(changning_config(changning_dir.parent, project))
    package = folder / "jiangsu.lcsurvey"
    summary = make_package(project, package, subdistrict=JIANGSU, inspector="王芳")
    return project, package, summary


def test_package_of_jiangsu_road_from_the_built_project(built, changning_dir):
    project, package, summary = built
    raw = json.loads((changning_dir / "subdistricts.geojson").read_text("utf-8"))
    boundary = next(shape(f["geometry"]) for f in raw["features"]
                    if f["properties"]["name_zh"] == JIANGSU)
    with fiona.open(project, layer="facilities") as source:
        to_wgs84 = Transformer.from_crs(source.crs_wkt, "EPSG:4326", always_xy=True)
        facilities = {f["properties"]["uuid"]: f for f in source}
    inside = {u for u, f in facilities.items()
              if boundary.covers(Point(to_wgs84.transform(*f["geometry"]["coordinates"])))}
    connection = sqlite3.connect(package)
    rows = {r[0]: r for r in connection.execute("SELECT uuid, name, base FROM facilities")}
    info = dict(connection.execute("SELECT key, value FROM package_info"))
    connection.close()
    assert set(rows) == inside and summary.facilities == len(inside) > 50
    with fiona.open(project, layer="lc_metadata") as source:
        metadata = {f["properties"]["key"]: f["properties"]["value"] for f in source}
    assert info["project_id"] == metadata["project_id"] == summary.project_id
    for facility_uuid, (_, name, base) in rows.items():
        original = facilities[facility_uuid]["properties"]
        assert json.loads(base)["facility_type"] == original["facility_type"]
        assert (name or "").encode() == (original["name"] or "").encode()


def test_an_inspector_can_audit_the_built_package(built):
    with SurveyStore(built[1]) as store:
        meal = store.facilities(facility_type="elderly_meal_point")
        target = meal[0] if meal else store.facilities()[0]
        audit = store.start_audit(target.uuid).audit_uuid
        store.save_answer(audit, "present", "closed")
        store.add_photo(audit, target.uuid, b"\xff\xd8\xff\xe0shut", "门面.jpg", "photo_front")
        assert store.complete_audit(audit).status == "complete"
        assert store.facility(target.uuid).status == "closed"
        assert store.inspector == "王芳"
