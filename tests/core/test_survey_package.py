"""make_package from a project GeoPackage written from the real Changning data."""
from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import fiona
import pytest
import shapely
from shapely.geometry import Point, shape

sys.path.insert(0, str(Path(__file__).parent))
from survey_support import changning_project, sha256  # noqa: E402

from lifecircle_plugin.core import gpkg  # noqa: E402
from lifecircle_plugin.core.errors import Cancelled, InputError  # noqa: E402
from lifecircle_plugin.core.progress import Progress  # noqa: E402
from lifecircle_plugin.core.survey.package import make_package  # noqa: E402
from lifecircle_plugin.core.survey.packagefile import write_package  # noqa: E402
from lifecircle_plugin.core.survey.schema import AUDITED_FIELDS, SCHEMA_VERSION  # noqa: E402
from lifecircle_plugin.core.survey.store import SurveyStore  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
JIANGSU = "江苏路街道"


@pytest.fixture(scope="module")
def project(tmp_path_factory, changning_dir):
    path = tmp_path_factory.mktemp("project") / "project.gpkg"
    expected = changning_project(changning_dir, path)
    return path, expected


@pytest.fixture(scope="module")
def jiangsu(project, tmp_path_factory):
    path = tmp_path_factory.mktemp("package") / "jiangsu.lcsurvey"
    summary = make_package(project[0], path, subdistrict=JIANGSU, inspector="王芳")
    return path, summary


def _rows(path, sql):
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in connection.execute(sql)]
    finally:
        connection.close()


def test_package_holds_the_facilities_of_the_subdistrict(project, jiangsu):
    path, summary = jiangsu
    wanted = project[1]["by_subdistrict"][JIANGSU]
    rows = _rows(path, "SELECT * FROM facilities")
    assert {r["uuid"] for r in rows} == wanted and summary.facilities == len(wanted) > 20
    with fiona.open(project[0], layer="facilities") as source:
        originals = {f["properties"]["uuid"]: f for f in source}
    for row in rows:
        original = originals[row["uuid"]]
        base = json.loads(row["base"])
        assert list(base) == list(AUDITED_FIELDS)
        x, y = original["geometry"]["coordinates"]
        assert (base["x"], base["y"]) == (row["x"], row["y"]) == (x, y)
        assert base["name"] == row["name"] == original["properties"]["name"]
        assert base["facility_type"] == project[1]["types"][row["uuid"]]
        assert row["origin"] == "project" and row["status"] == "existing"
        attributes = json.loads(row["attributes"])
        assert attributes["source_id"] == original["properties"]["source_id"]
        assert attributes["project_updated_at"] == "2026-05-19T00:00:00+08:00"


def test_package_identity(jiangsu):
    path, summary = jiangsu
    info = {r["key"]: r["value"] for r in _rows(path, "SELECT * FROM package_info")}
    assert info["schema_version"] == str(SCHEMA_VERSION)
    assert info["project_id"] == "changning-test-project" == summary.project_id
    assert info["package_uuid"] == summary.package_uuid and len(info["package_uuid"]) == 36
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d",
                        info["created_at"])
    assert (info["inspector"], info["area"], info["crs"]) == ("王芳", JIANGSU, "EPSG:4549")
    assert info["facility_count"] == str(summary.facilities)


def test_checklists_of_every_type_travel_with_the_package(jiangsu):
    rows = _rows(jiangsu[0], "SELECT * FROM checklists")
    assert len(rows) == 63
    for row in rows:
        questions = json.loads(row["questions"])
        assert questions[0]["id"] == "present" and row["name_zh"] and 1 <= row["task"] <= 12


def test_context_boundaries_are_simplified_and_small(project, jiangsu, changning_dir):
    path, summary = jiangsu
    context = _rows(path, "SELECT layer, name, wkt FROM context")
    names = {r["name"] for r in context if r["layer"] == "subdistricts"}
    assert JIANGSU in names and len(names) < 10
    with fiona.open(project[0], layer="subdistricts") as source:
        full = {f["properties"]["name"]: shape(f["geometry"]) for f in source}
    own = shapely.from_wkt(next(r["wkt"] for r in context if r["name"] == JIANGSU))
    assert shapely.get_num_coordinates(own) < shapely.get_num_coordinates(full[JIANGSU])
    assert own.area == pytest.approx(full[JIANGSU].area, rel=0.01)
    assert summary.size_bytes < 1_000_000


def test_streets_near_the_area_are_included(project, tmp_path):
    with fiona.open(project[0], layer="network_edges") as source:
        edges = [shape(f["geometry"]) for f in source]
    with fiona.open(project[0], layer="subdistricts") as source:
        areas = {f["properties"]["name"]: shape(f["geometry"]) for f in source}
    near = {name: sum(1 for e in edges if e.distance(area) <= 300) for name, area in
            areas.items()}
    busiest = max(near, key=near.get)
    summary = make_package(project[0], tmp_path / "b.lcsurvey", subdistrict=busiest)
    assert summary.context_features["streets"] == near[busiest] > 0
    whole = make_package(project[0], tmp_path / "all.lcsurvey")
    assert whole.context_features == {"subdistricts": 10, "streets": project[1]["edges"]}
    assert whole.facilities == project[1]["facilities"] and whole.area == "all"


def test_subdistrict_by_english_name_or_code(project, jiangsu, changning_dir, tmp_path):
    raw = json.loads((changning_dir / "subdistricts.geojson").read_text("utf-8"))
    props = next(f["properties"] for f in raw["features"] if f["properties"]["name_zh"] == JIANGSU)
    wanted = {r["uuid"] for r in _rows(jiangsu[0], "SELECT uuid FROM facilities")}
    for key in (props["name_en"].upper(), props["code_2023"]):
        path = tmp_path / f"{key}.lcsurvey"
        assert make_package(project[0], path, subdistrict=key).area == JIANGSU
        assert {r["uuid"] for r in _rows(path, "SELECT uuid FROM facilities")} == wanted


def test_selection_by_task_and_uuids(project, tmp_path):
    path = tmp_path / "t7.lcsurvey"
    reported = []
    summary = make_package(project[0], path, subdistrict=JIANGSU, task=7,
                           progress=Progress(lambda pct, msg: reported.append(pct)))
    assert reported == sorted(reported) and reported[-1] == 100
    expected = {u for u in project[1]["by_subdistrict"][JIANGSU]
                if project[1]["types"][u] in ("bus_stop", "metro_station", "bike_share",
                                              "micro_circulation_bus", "slow_traffic_network")}
    assert {r["uuid"] for r in _rows(path, "SELECT uuid FROM facilities")} == expected
    assert summary.task == 7
    chosen = sorted(expected)[:3]
    path = tmp_path / "three.lcsurvey"
    make_package(project[0], path, facility_uuids=chosen)
    assert sorted(r["uuid"] for r in _rows(path, "SELECT uuid FROM facilities")) == chosen


def test_chinese_names_round_trip_through_the_store(project, jiangsu):
    with fiona.open(project[0], layer="facilities") as source:
        names = {f["properties"]["uuid"]: f["properties"]["name"] for f in source}
    with SurveyStore(jiangsu[0]) as store:
        rows = store.facilities()
        named = [r for r in rows if r.name]
        assert named and all(r.name.encode() == names[r.uuid].encode() for r in named)
        assert store.inspector == "王芳" and store.crs == "EPSG:4549"
        assert store.context("subdistricts")


@pytest.mark.parametrize("kwargs,words", [
    ({"subdistrict": "静安寺街道"}, "江苏路街道"),
    ({"task": 13}, "twelve"),
    ({"facility_uuids": ["not-a-uuid"]}, "not in the project"),
])
def test_bad_selection_is_refused(project, tmp_path, kwargs, words):
    with pytest.raises(InputError, match=words):
        make_package(project[0], tmp_path / "x.lcsurvey", **kwargs)
    assert not (tmp_path / "x.lcsurvey").exists()


def test_a_file_that_is_not_a_project_is_refused(tmp_path, changning_dir):
    with pytest.raises(InputError) as info:
        make_package(changning_dir / "subdistricts.geojson", tmp_path / "x.lcsurvey")
    assert "facilities" in info.value.message


def test_a_type_without_checklist_is_refused(tmp_path):
    project = tmp_path / "odd.gpkg"
    with gpkg.atomic_geopackage(project) as dataset:
        gpkg.write_layer(dataset, "facilities", [gpkg.Feature(
            {"uuid": "u1", "facility_type": "moon_base", "task": 1, "name": "x"},
            Point(1, 2))], "EPSG:4549")
        gpkg.write_layer(dataset, "lc_metadata", [gpkg.Feature(
            {"key": "project_id", "value": "p"})], "EPSG:4549")
    with pytest.raises(InputError, match="moon_base"):
        make_package(project, tmp_path / "x.lcsurvey")
    assert not (tmp_path / "x.lcsurvey").exists()


def test_writing_is_atomic(project, tmp_path):
    target = tmp_path / "keep.lcsurvey"
    make_package(project[0], target, subdistrict=JIANGSU)  # an earlier, unused package
    before = sha256(target)
    cancelling = Progress(lambda pct, msg: None, lambda: True)
    with pytest.raises(Cancelled):
        make_package(project[0], target, progress=cancelling)
    with pytest.raises(sqlite3.IntegrityError):
        write_package(target, {}, [{"uuid": "u", "facility_type": None}], [])
    assert sha256(target) == before
    assert [p.name for p in tmp_path.iterdir()] == ["keep.lcsurvey"]


def test_command_line(project, tmp_path):
    out = tmp_path / "cli.lcsurvey"
    result = subprocess.run(
        [sys.executable, "-m", "lifecircle_plugin.core.cli", "survey-package", str(project[0]),
         "--subdistrict", JIANGSU, "--inspector", "李明", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert f"{len(project[1]['by_subdistrict'][JIANGSU])} facilities" in result.stdout
    with SurveyStore(out) as store:
        assert store.inspector == "李明"
    bad = subprocess.run(
        [sys.executable, "-m", "lifecircle_plugin.core.cli", "survey-package", str(project[0]),
         "--subdistrict", "nowhere", "--out", str(tmp_path / "bad.lcsurvey")],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert "no sub-district 'nowhere'" in bad.stderr
